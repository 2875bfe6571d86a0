"""Cypher lives in cypher/*.cypher and takes values as $parameters: no Python string in the
product's code may carry a Cypher statement (that is how injection gets in)."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CYPHER_STATEMENT = re.compile(
    r"\b(MATCH|MERGE|CREATE|DETACH DELETE|CALL\s+\w+\.|RETURN)\b.*\b(RETURN|SET|WHERE|\{|\()",
    re.S,
)


def _python_files():
    for folder in ("app", "graph_views", "seed", "bench", "db"):
        # The store's migrations hold fixed SQL (DDL for its tables and triggers), not Cypher.
        yield from (path for path in (ROOT / folder).rglob("*.py")
                    if "migrations" not in path.relative_to(ROOT).parts)


def _docstrings(tree):
    """Docstrings describe queries in prose; they are not run."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                yield body[0].value


@pytest.mark.no_graph
def test_no_python_string_holds_cypher():
    offenders = []
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = set(map(id, _docstrings(tree)))
        for node in ast.walk(tree):
            is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
            if is_text and id(node) not in docstrings and CYPHER_STATEMENT.search(node.value):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            if isinstance(node, ast.JoinedStr) and CYPHER_STATEMENT.search(ast.unparse(node)):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


@pytest.mark.no_graph
def test_the_check_itself_catches_an_assembled_query():
    sample = 'name = "x"\nquery = f"MATCH (p:Person) WHERE p.name = \'{name}\' RETURN p"\n'
    node = next(n for n in ast.walk(ast.parse(sample)) if isinstance(n, ast.JoinedStr))
    assert CYPHER_STATEMENT.search(ast.unparse(node))
