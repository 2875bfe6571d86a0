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
    for folder in ("app", "graph_views", "seed", "bench"):
        yield from (ROOT / folder).rglob("*.py")


@pytest.mark.no_graph
def test_no_python_string_holds_cypher():
    offenders = []
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
            if is_text and CYPHER_STATEMENT.search(node.value):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            if isinstance(node, ast.JoinedStr) and CYPHER_STATEMENT.search(ast.unparse(node)):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
