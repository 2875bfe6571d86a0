"""Every page, as each kind of user opens it, checked in the browser with axe-core: no serious
or critical accessibility violation, and no sideways scroll of the whole page on a 390 px
phone or at 200 % zoom (tables scroll in their own container)."""

from __future__ import annotations

from pathlib import Path

import pytest

from seed.demo import DEMO_USERS
from tests.browser.test_map_in_browser import DEMO_PASSWORD, sign_in
from tests.support.demo import load_demo
from tests.support.web import make_user

AXE = (Path(__file__).resolve().parents[2] / "node_modules/axe-core/axe.min.js").read_text()
SERIOUS = """() => axe.run({ resultTypes: ['violations'] }).then(r => r.violations
  .filter(v => ['serious', 'critical'].includes(v.impact))
  .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')))"""
WIDER_THAN_SCREEN = "document.documentElement.scrollWidth > window.innerWidth + 1"
# Pages about one record, opened by a coordinator, beside every page without an id.
RECORD_PAGES = ["/families/demo-fam-price", "/families/demo-fam-price/map",
                "/families/demo-fam-price/genogram", "/families/demo-fam-price/members/new",
                "/families/demo-fam-price/members/find", "/families/demo-fam-price/moves",
                "/families/demo-fam-price/name", "/people/demo-per-mia-walsh",
                "/people/demo-per-mia-walsh/identity", "/people/demo-per-mia-walsh/plans/new",
                "/people/demo-per-mia-walsh/relationships/new",
                "/directory/professionals/demo-pro-osei",
                "/directory/professionals/demo-pro-osei/leaving"]


def pages_without_ids(app) -> list[str]:
    return sorted({rule.rule for rule in app.url_map.iter_rules()
                   if "GET" in rule.methods and not rule.arguments
                   and not rule.rule.startswith(("/api/", "/static", "/healthz", "/logout",
                                                 "/login"))
                   and not rule.rule.endswith((".csv", ".json"))})


@pytest.fixture
def checked_pages(app, db, live_server, browser):
    load_demo(app, DEMO_PASSWORD)
    problems: dict[str, list[str]] = {}

    def check(role: str, urls: list[str]) -> None:
        context = browser.new_context(bypass_csp=True, viewport={"width": 1366, "height": 900})
        page = context.new_page()
        if role in DEMO_USERS:
            sign_in(page, live_server, DEMO_USERS[role][1], DEMO_PASSWORD)
        else:
            user = make_user(app, role)
            sign_in(page, live_server, user["email"], user["password"])
        for url in urls:
            response = page.goto(live_server + url)
            if response.status != 200:
                continue  # not this role's page
            page.add_script_tag(content=AXE)
            found = page.evaluate(SERIOUS)
            for width in (390, 683):  # a phone; 1366 px at 200 % zoom
                page.set_viewport_size({"width": width, "height": 800})
                if page.evaluate(WIDER_THAN_SCREEN):
                    found.append(f"wider than a {width} px screen")
            page.set_viewport_size({"width": 1366, "height": 900})
            if found:
                problems[f"{role} {url}"] = found
        context.close()
    return check, problems


def test_every_page_has_no_serious_accessibility_problem(app, checked_pages):
    check, problems = checked_pages
    every = pages_without_ids(app)
    for role in ("coordinator", "practitioner", "analyst", "admin"):
        check(role, every)
    check("coordinator", RECORD_PAGES)
    assert problems == {}
