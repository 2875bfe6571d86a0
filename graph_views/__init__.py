"""Pure functions from query records to a network picture: records -> networkx graph ->
layout -> vis-network data. No Flask, no driver: testable without a database."""
