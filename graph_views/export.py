"""A network as GraphML or GEXF, for Gephi and other link-chart tools (networkx writers).

Both formats take only text, numbers and booleans as attributes: dates become ISO text and
missing values are left out. XML 1.0 cannot carry most control characters (NUL, escape...)
even escaped, so they are dropped from every text, ids included."""

from __future__ import annotations

import io
import re
from datetime import date

import networkx as nx

NOT_IN_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    return NOT_IN_XML.sub("", value)


def _plain(values: dict) -> dict:
    out = {}
    for key, value in values.items():
        if value is None:
            continue
        if isinstance(value, date):
            value = value.isoformat()
        elif not isinstance(value, (str, int, float, bool)):
            value = str(value)
        out[key] = xml_text(value) if isinstance(value, str) else value
    return out


def plain_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    plain = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        plain.add_node(xml_text(str(node)), **_plain(data))
    for source, target, key, data in graph.edges(keys=True, data=True):
        plain.add_edge(xml_text(str(source)), xml_text(str(target)), key=xml_text(str(key)),
                       **_plain(data))
    return plain


def to_graphml(graph: nx.MultiDiGraph) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(plain_graph(graph), buffer, encoding="utf-8")
    return buffer.getvalue()


def to_gexf(graph: nx.MultiDiGraph) -> bytes:
    buffer = io.BytesIO()
    nx.write_gexf(plain_graph(graph), buffer, encoding="utf-8")
    return buffer.getvalue()
