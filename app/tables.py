"""GOV.UK Design System tables written in Python.

The same markup as GOV.UK Frontend's `govukTable` macro, built here because the map page's
tables (every member, tie, home and involvement) made that macro the largest part of the
page's time: a Jinja macro call per cell costs far more than a string join."""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape


def table_cell(value) -> dict:
    """A value for GOV.UK Frontend's table: markup made by a template stays markup, anything
    else is text (escaped when written); a dict is already a cell."""
    if isinstance(value, dict):
        return value
    if isinstance(value, Markup):
        return {"html": value}
    return {"text": "" if value is None else str(value)}


def _cell(tag: str, cell: dict, base: str, scope: str = "") -> str:
    classes = base
    if cell.get("format"):
        classes += f" {base}--{escape(cell['format'])}"
    if cell.get("classes"):
        classes += f" {escape(cell['classes'])}"
    attributes = scope
    for span in ("colspan", "rowspan"):
        if cell.get(span):
            attributes += f' {span}="{int(cell[span])}"'
    # `escape` keeps markup a template made (Markup) and escapes any plain string, even one
    # given as "html": stricter than the macro, which trusted it.
    value = cell["html"] if cell.get("html") else cell.get("text")
    content = escape("" if value is None else value)
    return f'<{tag}{attributes} class="{classes}">{content}</{tag}>'


def data_table(head: Iterable, rows: Iterable[Iterable], empty: str = "Nothing to show.",
               id: str | None = None, first_cell_is_header: bool = False,
               caption: str | None = None, classes: str | None = None) -> Markup:
    """A table of `head` titles and `rows` of cells (a value is escaped text, Markup made by a
    template stays markup, a dict is a GOV.UK cell). With no row, one row says `empty`.
    A wide table scrolls in its own focusable box: the page itself never scrolls sideways."""
    titles = [table_cell(title) for title in head]
    body = [[table_cell(value) for value in row] for row in rows]
    header_first = first_cell_is_header and bool(body)
    if not body:
        body = [[{"text": empty, "colspan": len(titles)}]]
    table_classes = f"govuk-table {escape(classes)}" if classes else "govuk-table"
    table_id = f' id="{escape(id)}"' if id else ""
    out = [f'<div class="app-table-scroll" tabindex="0" role="region" '
           f'aria-label="{escape(caption or "Table")} (scrolls sideways)">',
           f'<table class="{table_classes}"{table_id}>']
    if caption:
        out.append(f'<caption class="govuk-table__caption govuk-table__caption--m">'
                   f'{escape(caption)}</caption>')
    out.append('<thead class="govuk-table__head"><tr class="govuk-table__row">')
    out.extend(_cell("th", title, "govuk-table__header", ' scope="col"') for title in titles)
    out.append('</tr></thead><tbody class="govuk-table__body">')
    for row in body:
        out.append('<tr class="govuk-table__row">')
        for index, cell in enumerate(row):
            if index == 0 and header_first:
                out.append(_cell("th", {**cell, "format": None}, "govuk-table__header",
                                 ' scope="row"'))
            else:
                out.append(_cell("td", cell, "govuk-table__cell"))
        out.append("</tr>")
    out.append("</tbody></table></div>")
    return Markup("".join(out))  # noqa: S704 (every value above went through escape)
