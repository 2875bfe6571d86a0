"""Returns written by the tests, shaped as real ones come (title rows, odd sheet names,
codes with or without prefixes, text dates, formulas...)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

COMMON = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"]
LIST_HEADERS = {
    1: [*COMMON, "Date of Contact", "Contact Source"],
    2: [*COMMON, "Assessment start date", "Assessment completion date",
                 "Organisation completing assessment"],
    3: [*COMMON, "Date of referral", "Referral Source", "Referral NFA?",
                 "Number of Referrals in Last 12 Months", "Allocated Team", "Allocated Worker"],
    4: [*COMMON, "Does the Child have a Disability", "Continuous Assessment Start Date",
                 "Child Seen During Continuous Assessment",
                 "Continuous Assessment Date of Authorisation",
                 "Was the child assessed as requiring LA children’s social care support",
                 "Allocated Team", "Allocated Worker"],
    5: [*COMMON, "Does the Child have a Disability",
                 "Strategy discussion initiating Section 47 Enquiry Start Date",
                 "Was an Initial Child Protection Conference deemed unnecessary?",
                 "Date of Initial Child Protection Conference",
                 "Did the Initial Child Protection Conference Result in a Child Protection Plan",
                 "Number of Section 47 Enquiries in the last 12 months",
                 "Number of ICPCs in the last 12 months", "Allocated Team", "Allocated Worker"],
    6: [*COMMON, "Does the Child have a Disability", "CIN Start Date", "Primary Need Code",
                 "Date Child Was Last Seen", "CIN Closure Date", "Reason for Closure",
                 "Case status", "Allocated Team", "Allocated Worker"],
    7: [*COMMON, "Does the Child have a Disability", "Child Protection Plan Start Date",
                 "Initial Category of Abuse", "Latest Category of Abuse",
                 "Date of the Last Statutory Visit", "Was the Child Seen Alone?",
                 "Date of latest review conference", "Child Protection Plan End Date",
                 "Subject to Emergency Protection Order or Protected Under Police Powers in "
                 "Last Six Months (Y/N)", "Number of Previous Child Protection Plans",
                 "Allocated Team", "Allocated Worker"],
    8: [*COMMON, "Does the Child have a Disability", "Date Started to be Looked After",
                 "Child's Category of Need", "Date Ceased to be Looked After ",
                 "Allocated Team", "Allocated Worker"],
    9: [*COMMON, "Does the Child have a Disability", "Allocated Team", "Allocated Worker",
                 "Eligibility Category", "LA In Touch "],
    10: ["Child Unique ID", "Family identifier", "Gender", "Ethnicity", "Date of Birth",
         "Age of Child (Years)", "Date the Child Entered Care"],
    11: ["Individual adopter identifier", "Family identifier", "Gender", "Ethnicity"],
}


def row(list_number: int, **values: Any) -> list[Any]:
    """A row of a list, by header: row(7, **{"Child Unique ID": 1, ...})."""
    headers = LIST_HEADERS[list_number]
    unknown = set(values) - set(headers)
    assert not unknown, f"not headers of List {list_number}: {unknown}"
    return [values.get(header) for header in headers]


def annex_a(path: Path, lists: dict[int, list[list[Any]]], sheet_name: str = "List_{n}",
            title_row: bool = True, headers: dict[int, list[str]] | None = None,
            all_lists: bool = True) -> Path:
    """A workbook with a sheet per list (every list, empty where not given, unless
    `all_lists` is false), named by `sheet_name`, a title row above the header or not."""
    book = Workbook()
    book.remove(book.active)
    book.create_sheet("Front_Sheet").append(["Annex A return"])
    numbers = range(1, 12) if all_lists else sorted(lists)
    for number in numbers:
        sheet = book.create_sheet(sheet_name.format(n=number))
        if title_row:
            sheet.append([f"List {number}: a title above the header"])
        sheet.append((headers or {}).get(number, LIST_HEADERS[number]))
        for values in lists.get(number, []):
            sheet.append(values)
    book.save(path)
    return path


def annex_a_csvs(folder: Path, lists: dict[int, list[list[Any]]],
                 name: str = "List {n}.csv") -> Path:
    import csv
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, 12):
        with (folder / name.format(n=number)).open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(LIST_HEADERS[number])
            writer.writerows(lists.get(number, []))
    return folder
