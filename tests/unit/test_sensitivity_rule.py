"""The one sensitivity rule, and the analyses' graphs without sensitive services."""

import networkx as nx
import pytest

from app.access import is_sensitive
from app.domain import SENSITIVE_AGENCY_TYPES, SENSITIVE_ROLES
from graph_views.subgraph import without_sensitive


@pytest.mark.parametrize(("involvement", "sensitive"), [
    ({"role": "gp", "agency_type": "gp"}, False),
    ({"role": "key_worker", "agency_type": "housing", "sensitive_role": True}, True),
    ({"role": "key_worker", "agency_type": "adult_mental_health"}, True),
    ({"role": "key_worker", "agency_type": "substance_misuse"}, True),
    ({"role": "idva", "agency_type": "housing"}, True),
    ({"role": "recovery_worker", "agency_type": "voluntary"}, True),
    ({"role": "school_nurse", "agency_type": "school_nursing", "sensitive_role": None}, False),
])
def test_an_involvement_is_sensitive_by_mark_agency_or_role(involvement, sensitive):
    assert is_sensitive(**{"sensitive_role": None, **involvement}) is sensitive


def graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("mum", kind="adult")
    g.add_node("amh", kind="agency", agency_type="adult_mental_health")
    g.add_node("sam", kind="professional")  # works for the mental health agency
    g.add_node("lee", kind="professional")  # marked in the database; agency not drawn
    g.add_node("ivy", kind="professional")  # an IDVA by role only
    g.add_node("gp", kind="professional")
    g.add_edge("sam", "amh", type="WORKS_FOR")
    for pro, role in (("sam", "key_worker"), ("lee", "key_worker"), ("ivy", "idva"),
                      ("gp", "gp")):
        g.add_edge(pro, "mum", type="INVOLVED_WITH", role=role)
    return g


def test_the_graph_keeps_only_what_is_not_sensitive():
    kept = without_sensitive(graph(), {"lee"}, SENSITIVE_AGENCY_TYPES, SENSITIVE_ROLES)
    assert set(kept.nodes) == {"mum", "gp"}
    assert [(s, t) for s, t in kept.edges()] == [("gp", "mum")]
