"""The conference pack, printed to PDF by the browser as a chair would print it: the marking
and the date on every page, the map with its key on the first, then each child's team, the
gaps and what changed since the last conference."""

from io import BytesIO

from pypdf import PdfReader

from tests.browser.test_map_geometry import coordinator, open_map  # noqa: F401
from tests.support.demo import load_demo


def test_the_printed_pack_is_marked_and_dated_on_every_page(app, db, live_server,
                                                           coordinator):  # noqa: F811
    load_demo(app, "demo password here")
    open_map(coordinator, live_server, "demo-fam-price")
    pdf = coordinator.pdf(prefer_css_page_size=True, print_background=True)
    pages = [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]
    assert len(pages) >= 2
    for n, text in enumerate(pages, 1):
        assert "OFFICIAL-SENSITIVE" in text, f"page {n}"
        assert "as at" in text and "printed by" in text, f"page {n}"
    assert "Key" in pages[0] and "Lead practitioner" in pages[0]  # the key beside the map
    everything = "\n".join(pages)
    for heading in ("Each child's team", "Gaps", "What changed"):
        assert heading in everything
    # Nothing of the screen's controls is printed.
    assert "Zoom in" not in everything and "Go round the map by keyboard" not in everything
