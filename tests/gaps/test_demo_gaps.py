"""On the demo area, each gap scenario is reported by exactly the right rule, and the
families with a full team report none."""

from tests.support.demo import load_demo

EXPECTED = {
    # family: the rules that must fire for it, and no other.
    "demo-fam-clarke": set(),
    "demo-fam-singh": set(),
    "demo-fam-taylor": set(),
    "demo-fam-evans": set(),
    "demo-fam-bennett": set(),
    "demo-fam-kowalski": {"cp-no-social-worker", "handover-gap"},
    "demo-fam-okafor": {"under5-no-health-visitor"},
    "demo-fam-murphy": {"school-age-no-school"},
    "demo-fam-hughes": {"sibling-unseen", "no-gp"},
    "demo-fam-price": {"adult-risk-unlinked"},
    "demo-fam-ali": {"cp-too-few-agencies", "cp-review-overdue", "cp-no-nhs-number",
                     "stale-contact"},
    "demo-fam-brown": {"plan-no-lead"},
}


def test_each_demo_family_reports_exactly_its_gaps(app, db):
    from app.gaps.engine import find_gaps

    load_demo(app, "demo password here")
    found = find_gaps(db, app.config["GAP_RULES"])
    by_family = {}
    for gap in found:
        by_family.setdefault(gap.family_id, set()).add(gap.rule)
    for family_id, rules in EXPECTED.items():
        assert by_family.get(family_id, set()) == rules, family_id
    assert {gap.rule for gap in found} == set().union(*EXPECTED.values())
    lead_handover = next(g for g in found if g.rule == "handover-gap")
    assert lead_handover.severity == "high" and lead_handover.facts["was_lead"] is True
