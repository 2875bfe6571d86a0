"""Gap settings are checked at start: a bad value stops the app with a message naming it."""

import re

import pytest

from app.gaps.rules import DEFAULT_CONFIG, GapConfigError, load_rules


def write(tmp_path, text):
    path = tmp_path / "gaps.toml"
    path.write_text(text)
    return path


@pytest.mark.no_graph
def test_the_shipped_settings_enable_every_rule_with_the_domain_defaults():
    rules = {rule.id: rule for rule in load_rules(DEFAULT_CONFIG)}
    assert len(rules) == 12
    assert rules["handover-gap"].params["days"] == 10
    assert rules["stale-contact"].params["days"] == 90
    assert rules["cp-too-few-agencies"].params["min_agencies"] == 3


@pytest.mark.no_graph
@pytest.mark.parametrize(("text", "message"), [
    ("[rules.stale-contact]\ndays = -5\n", "rules.stale-contact.days must be a whole number of 0 or more"),
    ("[rules.no-such-rule]\nenabled = true\n", "unknown rule no-such-rule"),
    ("[rules.no-gp]\nseverity = 'urgent'\n", "rules.no-gp.severity must be one of high, medium, low"),
    ("[rules.plan-no-lead]\nplan_types = ['CIN', 'XYZ']\n", "rules.plan-no-lead.plan_types must be a list"),
    ("[rules.handover-gap]\ndays = 'ten'\n", "rules.handover-gap.days must be a whole number"),
    ("[rules.no-gp]\ndays = 3\n", "rules.no-gp has no setting days"),
    ("not toml at all [", "is not valid TOML"),
])
def test_a_bad_setting_is_named(tmp_path, text, message):
    with pytest.raises(GapConfigError, match=re.escape(message)):
        load_rules(write(tmp_path, text))


@pytest.mark.no_graph
def test_a_rule_can_be_switched_off(tmp_path):
    rules = load_rules(write(tmp_path, "[rules.no-gp]\nenabled = false\n"
                                       "[rules.stale-contact]\nenabled = false\n"))
    assert "no-gp" not in {r.id for r in rules}


@pytest.mark.no_graph
def test_the_app_does_not_start_with_a_bad_setting(tmp_path, neo4j_server, store_url):
    from tests.conftest import make_app

    path = write(tmp_path, "[rules.stale-contact]\ndays = -1\n")
    with pytest.raises(GapConfigError, match=r"rules\.stale-contact\.days"):
        make_app(neo4j_server, store_url, GAPS_CONFIG=str(path))
