"""Form fields shared by every form (and so by the API, which validates through the same
forms): one parse rule and one message for each kind of value."""

from __future__ import annotations

from datetime import date

from wtforms import DateField


class IsoDateField(DateField):
    """A date typed as YYYY-MM-DD (what a browser's date input sends). A value that is not a
    date says so, naming the field, instead of WTForms' generic "Not a valid date value"."""

    def __init__(self, label: str, name_in_message: str | None = None, **kwargs) -> None:
        super().__init__(label, format="%Y-%m-%d", **kwargs)
        self.name_in_message = name_in_message or label.split(" (")[0].lower()

    def process_formdata(self, valuelist) -> None:
        if not valuelist or not valuelist[0].strip():
            return
        try:
            self.data = date.fromisoformat(valuelist[0].strip())
        except ValueError:
            raise ValueError(f"Enter the {self.name_in_message} as YYYY-MM-DD") from None
