"""Form fields shared by every form (and so by the API, which validates through the same
forms): one parse rule and one message for each kind of value."""

from __future__ import annotations

from datetime import date

from wtforms import DateField, Field, StringField
from wtforms.utils import unset_value
from wtforms.validators import StopValidation

from app import identifiers


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


_PARTS = ("day", "month", "year")


class DateInputField(Field):
    """The GOV.UK Design System's date input: day, month and year in three boxes, posted as
    `<name>-day`, `<name>-month` and `<name>-year`. A script (the JSON API) sends the same
    field as one ISO date under `<name>`. Left blank, the field's data is None: whether it
    may be blank is for its validators (InputRequired says "Enter the ...")."""

    def __init__(self, label: str, name_in_message: str | None = None, **kwargs) -> None:
        super().__init__(label, **kwargs)
        self.name_in_message = name_in_message or label.split(" (")[0].lower()
        self.parts: tuple[str, str, str] = ("", "", "")

    def process(self, formdata, data=unset_value, extra_filters=None) -> None:
        self.process_errors = []
        if data is unset_value:
            data = self.default() if callable(self.default) else self.default
        self.object_data = self.data = data
        self.parts = (str(data.day), str(data.month), str(data.year)) if data else ("", "", "")
        self.raw_data = None
        if formdata is None or not formdata:
            return
        iso = (formdata.get(self.name) or "").strip()
        self.parts = tuple(  # type: ignore[assignment]
            (formdata.get(f"{self.name}-{part}") or "").strip() for part in _PARTS)
        self.raw_data = [iso] if iso else list(self.parts)
        self.data = None
        try:
            if iso:
                self.data = self._iso(iso)
                self.parts = (str(self.data.day), str(self.data.month), str(self.data.year))
            elif any(self.parts):
                self.data = self._from_parts(*self.parts)
        except ValueError as error:
            self.process_errors.append(str(error))

    def _iso(self, value: str) -> date:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"Enter the {self.name_in_message} as YYYY-MM-DD") from None

    def _from_parts(self, day: str, month: str, year: str) -> date:
        label = self.name_in_message[0].upper() + self.name_in_message[1:]
        missing = [part for part, value in zip(_PARTS, (day, month, year), strict=True)
                   if not value]
        if missing:
            raise ValueError(f"{label} must include a {' and '.join(missing)}")
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            raise ValueError(f"{label} must be a real date, in numbers")
        if len(year) != 4:
            raise ValueError("The year must include 4 numbers")
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            raise ValueError(f"{label} must be a real date") from None

    def pre_validate(self, form) -> None:
        # A date that could not be read says why once, not again as "Enter the date".
        if self.process_errors:
            raise StopValidation()

    def _value(self) -> str:
        return self.data.isoformat() if self.data else ""


class NhsNumberField(StringField):
    """An NHS number, checked and kept as the graph holds them ("943 476 5919"); blank is
    None."""

    def process_formdata(self, valuelist) -> None:
        raw = valuelist[0].strip() if valuelist else ""
        self.data = raw or None
        if raw:
            self.data = identifiers.nhs_number(raw)
            if self.data is None:
                self.data = raw  # shown again as typed, beside the message
                raise ValueError("Enter a valid NHS number: 10 digits, the last of which is "
                                 "a check digit (for example 943 476 5919)")

    def _value(self) -> str:
        return self.data or ""


class PostcodeField(StringField):
    """A UK postcode, kept in capitals with one space before the last three characters."""

    def process_formdata(self, valuelist) -> None:
        raw = (valuelist[0] if valuelist else "").strip()
        self.data = raw or None
        if raw:
            self.data = identifiers.postcode(raw)
            if self.data is None:
                self.data = raw
                raise ValueError("Enter a real postcode, like SW1A 1AA")

    def _value(self) -> str:
        return self.data or ""
