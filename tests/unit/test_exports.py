"""GraphML and GEXF: what XML can carry, read back by networkx's own readers."""

import io

import networkx as nx

from graph_views.export import to_gexf, to_graphml, xml_text


def test_characters_xml_cannot_carry_are_dropped():
    assert xml_text("A\x00m\x1by\x0b \ud800é😀") == "Amy é😀"


def test_a_name_with_control_characters_exports_and_reads_back():
    graph = nx.MultiDiGraph()
    graph.add_node("p\x001", kind="child", label="Am\x1by", dob=None)
    graph.add_node("f1", kind="family", label="Test family")
    graph.add_edge("p\x001", "f1", key="k", type="MEMBER_OF")
    for write, read in ((to_graphml, nx.read_graphml), (to_gexf, nx.read_gexf)):
        back = read(io.BytesIO(write(graph)))
        assert {d["label"] for _, d in back.nodes(data=True)} == {"Amy", "Test family"}
        assert back.number_of_edges() == 1
