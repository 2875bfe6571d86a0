"""The tables every page shows: GOV.UK markup, every value escaped, markup made by a template
kept, an empty table saying so."""

from markupsafe import Markup

from app.tables import data_table


def test_values_are_escaped_and_template_markup_is_kept():
    html = data_table(["Name", "Link"], [["<img src=x onerror=alert(1)>",
                                          Markup('<a class="govuk-link" href="/x">Open</a>')]])
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert '<a class="govuk-link" href="/x">Open</a>' in html


def test_a_plain_string_given_as_html_is_still_escaped():
    assert "<b>" not in data_table(["A"], [[{"html": "<b>bold</b>"}]])


def test_numbers_and_zero_are_shown_and_numeric_cells_aligned():
    html = data_table([{"text": "Count", "format": "numeric"}], [[{"text": 0, "format": "numeric"}]])
    assert 'class="govuk-table__header govuk-table__header--numeric">Count</th>' in html
    assert 'class="govuk-table__cell govuk-table__cell--numeric">0</td>' in html


def test_an_empty_table_says_so_across_every_column():
    html = data_table(["A", "B", "C"], [], empty="No one yet.")
    assert '<td colspan="3" class="govuk-table__cell">No one yet.</td>' in html


def test_caption_id_and_row_headers():
    html = data_table(["Who", "Role"], [["Ann <Lee>", "GP"]], id="team", caption="Team & co",
                      first_cell_is_header=True)
    assert '<table class="govuk-table" id="team">' in html
    assert "Team &amp; co</caption>" in html
    assert 'aria-label="Team &amp; co (scrolls sideways)"' in html
    assert '<th scope="row" class="govuk-table__header">Ann &lt;Lee&gt;</th>' in html
