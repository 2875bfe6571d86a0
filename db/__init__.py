"""The local Neo4j server (see neo4j.sh); local_server.py starts it from Python."""
