"""The map page, server side: its data, its table, its escaping, its assets."""

import itertools
import json
import re
from datetime import date

import pytest

from tests.support.graph import add_adult, add_child, involve, make_family, make_professional
from tests.support.web import make_user, sign_in

MALICIOUS = "<img src=x onerror=alert(1)>"


@pytest.fixture
def family_with_a_malicious_name(app, driver):
    make_family(driver, "fam-x", "Family <script>alert(2)</script>", given_name=MALICIOUS)
    add_adult(driver, "fam-x", "adult-x", given_name="Kim")
    make_professional(driver, "pro-x", name=f"Dr {MALICIOUS}", phone="01632 960555")
    involve(driver, "pro-x", "fam-x-child", role="gp")
    client = app.test_client()
    sign_in(client, make_user(app, "coordinator"))
    return client


def network_data(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="network-data">(.*?)</script>', html, re.S)
    return json.loads(block.group(1))


def test_a_malicious_name_is_text_in_the_page_table_and_data(family_with_a_malicious_name):
    html = family_with_a_malicious_name.get("/families/fam-x/map").get_data(as_text=True)
    assert MALICIOUS not in html and "<script>alert(2)" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # escaped in the heading and table
    data = network_data(html)  # the data block parses back to the exact name, as data
    child = next(n for n in data["nodes"] if n["kind"] == "child")
    assert child["details"]["name"] == f"{MALICIOUS} Test"


def test_a_malicious_name_is_a_plain_string_in_the_json(family_with_a_malicious_name):
    body = family_with_a_malicious_name.get("/api/v1/families/fam-x/network")
    assert body.headers["Content-Type"].startswith("application/json")
    assert body.headers["X-Content-Type-Options"] == "nosniff"
    names = {n["label"] for n in body.get_json()["nodes"]}
    assert f"{MALICIOUS} Test" in names and f"Dr {MALICIOUS}" in names


def test_the_map_has_a_legend_filters_a_table_and_only_local_assets(family_with_a_malicious_name):
    html = family_with_a_malicious_name.get("/families/fam-x/map").get_data(as_text=True)
    for text in ("Key", "Ended involvements", "Lead practitioner", "Who is involved (table)",
                 "tel:01632960555", "Download picture (PNG)"):
        assert text in html
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert url.startswith(("/", "#", "tel:", "mailto:")), url
    inline = [tag for tag in re.findall(r"<script[^>]*>", html)
              if "src=" not in tag and 'type="application/json"' not in tag]
    assert len(inline) == 1 and "nonce=" in inline[0]  # only GOV.UK's js-enabled line


def test_the_map_draws_people_and_professionals_and_names_the_rest(family_with_a_malicious_name):
    """Households and agencies are named (in a person's "Home" letter and the key, in a
    professional's box), not drawn as nodes that lines would run through."""
    data = network_data(family_with_a_malicious_name.get("/families/fam-x/map").get_data(as_text=True))
    assert data["options"]["physics"]["enabled"] is False
    assert {n["kind"] for n in data["nodes"]} <= {"child", "adult", "professional"}
    assert all(e["type"] == "INVOLVED_WITH" for e in data["edges"])
    shapes = {n["kind"]: n["shape"] for n in data["nodes"]}
    assert shapes["child"] == "dot" and shapes["professional"] == "box"
    professional = next(n for n in data["nodes"] if n["kind"] == "professional")
    lines = professional["label"].split("\n")
    assert lines[1] == "GP" and lines[2] == "Agency childrens_social_care"
    assert data["options"]["nodes"]["font"]["size"] >= 14


def test_the_table_under_the_map_lists_what_the_map_shows(app, driver):
    """Members, ties, homes and every involvement with its lead and last contact: what the
    picture says, for a screen reader or a keyboard."""
    make_family(driver, "fam-t", "Table family", child_id="kid", given_name="Ava")
    add_adult(driver, "fam-t", "mum", given_name="Jo")
    driver.execute_query(
        "MATCH (m:Person {id: 'mum'}), (k:Person {id: 'kid'}) "
        "CREATE (m)-[:PARENT_OF {kind: 'birth'}]->(k) "
        "CREATE (h:Household {id: 'h1', address: '3 Elm Way', postcode: 'EL1 3WY'}) "
        "CREATE (m)-[:LIVES_AT]->(h) CREATE (k)-[:LIVES_AT]->(h)")
    make_professional(driver, "pro-t", name="Sam Worker")
    involve(driver, "pro-t", "kid", lead=True)
    client = app.test_client()
    sign_in(client, make_user(app, "coordinator"))
    html = client.get("/families/fam-t/map").get_data(as_text=True)
    members = html.split('id="members-table"')[1].split("</table>")[0]
    assert "Jo Test" in members and "Ava Test" in members and "Home A" in members
    ties = html.split('id="ties-table"')[1].split("</table>")[0]
    assert "Jo Test" in ties and "Birth parent of" in ties and "Ava Test" in ties
    homes = html.split('id="homes-table"')[1].split("</table>")[0]
    assert "3 Elm Way, EL1 3WY" in homes and "Ava Test" in homes
    team = html.split('id="team-by-child"')[1]
    assert "Sam Worker" in team and "Lead" in team and "Not recorded" in team


def test_each_couple_has_its_own_line_down_to_their_children(app, driver):
    """A mother's child with her former partner hangs from their (separated) partnership
    line, her children with her partner now from theirs: never one line for all three."""
    make_family(driver, "fam-g", "Genogram family", child_id="eldest", dob=date(2012, 1, 1))
    add_child(driver, "fam-g", "middle", date(2017, 1, 1))
    add_child(driver, "fam-g", "youngest", date(2020, 1, 1))
    for adult in ("mum", "ex", "dad"):
        add_adult(driver, "fam-g", adult, given_name=adult.capitalize())
    driver.execute_query(
        "MATCH (mum:Person {id: 'mum'}), (ex:Person {id: 'ex'}), (dad:Person {id: 'dad'}), "
        "      (e:Person {id: 'eldest'}), (m:Person {id: 'middle'}), (y:Person {id: 'youngest'}) "
        "CREATE (mum)-[:PARTNER_OF {status: 'separated'}]->(ex) "
        "CREATE (mum)-[:PARTNER_OF {status: 'current'}]->(dad) "
        "FOREACH (child IN [e, m, y] | CREATE (mum)-[:PARENT_OF {kind: 'birth'}]->(child)) "
        "CREATE (ex)-[:PARENT_OF {kind: 'birth'}]->(e) "
        "FOREACH (child IN [m, y] | CREATE (dad)-[:PARENT_OF {kind: 'birth'}]->(child))")
    client = app.test_client()
    sign_in(client, make_user(app, "coordinator"))
    lines = network_data(client.get("/families/fam-g/map").get_data(as_text=True))[
        "overlays"]["connectors"]
    descents = [(sorted(line["ends"]), sorted(following["ends"]))
                for line, following in itertools.pairwise(lines)
                if line["kind"] == "descent" and following["kind"] == "siblings"]
    assert sorted(descents) == [(["dad", "mum"], ["middle", "youngest"]),
                                (["ex", "mum"], ["eldest"])]
    # Each hangs from the middle of its own couple's partnership line.
    partners = {tuple(sorted(line["ends"])): line["points"] for line in lines
                if line["kind"] == "partners"}
    for line in (x for x in lines if x["kind"] == "descent"):
        (left, _), (right, _) = partners[tuple(sorted(line["ends"]))]
        assert line["points"][0][0] == pytest.approx((left + right) / 2)
