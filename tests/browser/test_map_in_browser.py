"""The network map as a person uses it, in a real browser."""

from tests.support.demo import load_demo
from tests.support.graph import involve, make_family, make_professional
from tests.support.web import make_user

DEMO_PASSWORD = "demo password for the browser"
MALICIOUS = "<img src=x onerror=alert(1)>"


def sign_in(page, base, email, password):
    page.goto(f"{base}/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")


def open_map_ready(page):
    page.wait_for_selector("#network-map[data-ready=true]", timeout=15000)


def click_node(page, node_id):
    """Click a node where the canvas drew it. The map is scrolled into view first: focusing
    the canvas on mouse-down would otherwise scroll the page under the pointer."""
    point = page.evaluate("""(id) => {
        document.getElementById('network-map').scrollIntoView({block: 'center'})
        const net = window.networkMap.network
        const dom = net.canvasToDOM(net.getPositions([id])[id])
        const box = document.querySelector('#network-map canvas').getBoundingClientRect()
        return {x: box.left + dom.x, y: box.top + dom.y}
    }""", node_id)
    page.mouse.click(point["x"], point["y"])
    return point


def test_sign_in_search_open_the_map_and_call_a_professional(app, db, live_server, page):
    load_demo(app, DEMO_PASSWORD)
    sign_in(page, live_server, "practitioner@demo.example", DEMO_PASSWORD)

    page.goto(f"{live_server}/search")
    page.fill("#name", "Amira Clarke")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="network map", exact=True).click()
    open_map_ready(page)

    api = page.request.get(f"{live_server}/api/v1/families/demo-fam-clarke/network").json()
    # People and professionals are drawn; households and agencies are named, not nodes.
    drawable = [n for n in api["nodes"] if n["kind"] in ("child", "adult", "professional")]
    shown_by_default = [n for n in drawable if not n.get("ended_only")]
    drawn = page.evaluate("window.networkMap.network.body.nodeIndices.length")
    assert drawn == len(shown_by_default) > 8
    assert page.evaluate("window.networkMap.nodes.length") == len(drawable)

    click_node(page, "demo-pro-osei")
    panel = page.locator("#node-panel-body")
    panel.get_by_text("Grace Osei").wait_for()
    assert "01632 960001" in panel.inner_text()
    assert panel.locator("a[href='tel:01632960001']").count() == 1

    page.wait_for_selector("#gaps-panel[data-loaded=true]", timeout=10000)
    assert "No gap found by the rules in use." in page.locator("#gaps-panel").inner_text()

    page.check("#show-ended")
    assert page.evaluate("window.networkMap.network.body.nodeIndices.length") == len(drawable)
    page.watch.assert_clean()


def test_a_malicious_name_stays_text_in_the_tooltip_and_panel(app, driver, live_server, page):
    make_family(driver, "fam-x", "Family X", given_name=MALICIOUS)
    make_professional(driver, "pro-x", name="Dr X", phone="01632 960777")
    involve(driver, "pro-x", "fam-x-child", role="gp")
    user = make_user(app, "coordinator")
    sign_in(page, live_server, user["email"], user["password"])
    page.goto(f"{live_server}/families/fam-x/map")
    open_map_ready(page)

    point = click_node(page, "fam-x-child")
    page.mouse.move(point["x"] + 1, point["y"] + 1)
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert MALICIOUS in tooltip.inner_text()
    assert tooltip.locator("img").count() == 0
    panel = page.locator("#node-panel-body")
    assert MALICIOUS in panel.inner_text()
    assert panel.locator("img").count() == 0
    assert page.locator("main img").count() == 0
    page.watch.assert_clean()
