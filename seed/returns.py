"""The synthetic area written as an area's returns would come: the Standard Safeguarding
Dataset (one CSV per ssd_* table) and Ofsted's Annex A (a workbook), so that the importers
can be checked against the direct load and timed at scale.

SSD carries names and partner agencies only through columns this product adds to it (see
the README's import section): pers_forename, pers_surname, fami_role, dept_agency_type,
prof_professional_email, prof_professional_phone, prof_sensitive_role and invo_lead."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from seed.graph import GraphBatch

SEX = {"male": "M", "female": "F"}


def _write(folder: Path, table: str, header: list[str], rows: Iterable[list[Any]]) -> None:
    with (folder / f"{table}.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if v is None else v.isoformat() if isinstance(v, date) else
                             "Y" if v is True else "N" if v is False else v for v in row])


def write_ssd(batch: GraphBatch, folder: Path, as_of: date) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    nodes, rels = batch.nodes, batch.relationships
    people = [*nodes.get("Child", []), *nodes.get("Adult", [])]
    _write(folder, "ssd_person", [
        "pers_person_id", "pers_forename", "pers_surname", "pers_sex", "pers_dob",
        "pers_common_child_id", "pers_expected_dob", "pers_death_date"],
        ([p["id"], p["props"].get("given_name"), p["props"].get("family_name"),
          SEX.get(p["props"].get("gender", ""), "U"), p["props"].get("dob"),
          p["props"].get("nhs_number"), p["props"].get("expected_date"),
          as_of if p["props"].get("deceased") else None] for p in people))
    _write(folder, "ssd_family", ["fami_table_id", "fami_family_id", "fami_person_id", "fami_role"],
           ([i, m["to"], m["from"], m["props"].get("role")]
            for i, m in enumerate(rels.get("MEMBER_OF", []), start=1)))
    gender = {p["id"]: p["props"].get("gender") for p in people}
    _write(folder, "ssd_mother", ["moth_table_id", "moth_person_id", "moth_childs_person_id"],
           ([i, r["from"], r["to"]] for i, r in enumerate(
               (r for r in rels.get("PARENT_OF", []) if r["props"].get("kind") == "birth"
                and gender.get(r["from"]) == "female"), start=1)))
    homes = {h["id"]: h["props"] for h in nodes.get("Household", [])}
    _write(folder, "ssd_address", [
        "addr_table_id", "addr_person_id", "addr_address_json", "addr_address_postcode",
        "addr_address_start_date", "addr_address_end_date"],
        ([i, r["from"], homes[r["to"]]["address"], homes[r["to"]]["postcode"],
          r["props"].get("from"), r["props"].get("to")]
         for i, r in enumerate(rels.get("LIVES_AT", []), start=1)))
    agencies = nodes.get("Agency", [])
    _write(folder, "ssd_department", ["dept_team_id", "dept_team_name", "dept_agency_type"],
           ([a["id"], a["props"]["name"], a["props"]["type"]] for a in agencies))
    works_for = {r["from"]: r["to"] for r in rels.get("WORKS_FOR", [])}
    _write(folder, "ssd_professionals", [
        "prof_professional_id", "prof_professional_name", "prof_professional_job_title",
        "prof_professional_department", "prof_professional_email", "prof_professional_phone",
        "prof_sensitive_role"],
        ([p["id"], p["props"]["name"], p["props"].get("job_title"), works_for.get(p["id"]),
          p["props"].get("email"), p["props"].get("phone"), p["props"].get("sensitive_role")]
         for p in nodes.get("Professional", [])))
    _write(folder, "ssd_involvements", [
        "invo_involvements_id", "invo_professional_id", "invo_professional_role_id",
        "invo_involvement_start_date", "invo_involvement_end_date", "invo_person_id", "invo_lead"],
        ([r["props"]["id"], r["from"], r["props"]["role"], r["props"].get("from"),
          r["props"].get("to"), r["to"], bool(r["props"].get("lead"))]
         for r in rels.get("INVOLVED_WITH", [])))
    plans = {p["id"]: p["props"] for p in nodes.get("Plan", [])}
    subject = {r["to"]: r["from"] for r in rels.get("SUBJECT_OF", [])}
    by_type: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for plan_id, props in plans.items():
        by_type[props["type"]].append((plan_id, props))
    for table, prefix, plan_type in (("ssd_cin_plans", "cinp_cin_plan", "CIN"),
                                     ("ssd_cla_episodes", "clae_cla_episode", "LAC"),
                                     ("ssd_early_help_episodes", "earl_episode", "EARLY_HELP")):
        person = prefix.split("_")[0] + "_person_id"
        end = "clae_cla_episode_ceased_date" if plan_type == "LAC" else f"{prefix}_end_date"
        _write(folder, table, [f"{prefix}_id", person, f"{prefix}_start_date", end],
               ([pid, subject[pid], p["start"], p.get("end")] for pid, p in by_type[plan_type]))
    _write(folder, "ssd_cp_plans", [
        "cppl_cp_plan_id", "cppl_person_id", "cppl_cp_plan_start_date", "cppl_cp_plan_end_date",
        "cppl_cp_plan_latest_category"],
        ([pid, subject[pid], p["start"], p.get("end"), p.get("category")]
         for pid, p in by_type["CP"]))
    _write(folder, "ssd_initial_cp_conference", ["icpc_icpc_id", "icpc_cp_plan_id", "icpc_icpc_date"],
           ([f"icpc-{pid}", pid, p["icpc_date"]] for pid, p in by_type["CP"] if p.get("icpc_date")))
    return folder


ANNEX_A_GENDER = {"male": "a) Male", "female": "b) Female"}
ANNEX_A_LISTS = {  # plan type -> (list, start header, end header)
    "EARLY_HELP": (2, "Assessment start date", None),
    "CIN": (6, "CIN Start Date", "CIN Closure Date"),
    "CP": (7, "Child Protection Plan Start Date", "Child Protection Plan End Date"),
    "LAC": (8, "Date Started to be Looked After", "Date Ceased to be Looked After"),
}


def write_annex_a(batch: GraphBatch, path: Path) -> Path:
    """Lists 2, 6, 7 and 8 (one row per plan), with each child's current allocated social
    worker; the other lists with their header only (as an area with nothing to return)."""
    from openpyxl import Workbook  # only this writer needs it

    nodes, rels = batch.nodes, batch.relationships
    children = {c["id"]: c["props"] for c in nodes.get("Child", [])}
    professionals = {p["id"]: p["props"]["name"] for p in nodes.get("Professional", [])}
    agency_of = {r["from"]: r["to"] for r in rels.get("WORKS_FOR", [])}
    agency_names = {a["id"]: a["props"]["name"] for a in nodes.get("Agency", [])}
    worker: dict[str, str] = {}
    for r in rels.get("INVOLVED_WITH", []):
        if r["props"]["role"] == "allocated_social_worker" and r["props"].get("to") is None:
            worker[r["to"]] = r["from"]
    subject = {r["to"]: r["from"] for r in rels.get("SUBJECT_OF", [])}
    rows: dict[int, list[list[Any]]] = defaultdict(list)
    for plan in nodes.get("Plan", []):
        props = plan["props"]
        if props["type"] not in ANNEX_A_LISTS:
            continue
        number, _, _ = ANNEX_A_LISTS[props["type"]]
        child_id = subject[plan["id"]]
        child = children[child_id]
        pro = worker.get(child_id)
        rows[number].append([
            child_id, ANNEX_A_GENDER.get(child.get("gender", ""), "c) Not stated/recorded"),
            child.get("dob"), props["start"], props.get("end"),
            props.get("category").capitalize() if props.get("category") else None,
            agency_names.get(agency_of.get(pro, "")) if pro else None,
            professionals.get(pro) if pro else None])
    book = Workbook(write_only=True)
    for number in range(1, 12):
        sheet = book.create_sheet(f"List_{number}")
        sheet.append([f"List {number}"])
        plan_type = next((t for t, spec in ANNEX_A_LISTS.items() if spec[0] == number), None)
        if plan_type is None:
            sheet.append(["Child Unique ID" if number != 11 else "Individual adopter identifier"])
            continue
        _, start, end = ANNEX_A_LISTS[plan_type]
        sheet.append(["Child Unique ID", "Gender", "Date of Birth", start, end or "Unused",
                      "Latest Category of Abuse", "Allocated Team", "Allocated Worker"])
        for values in rows[number]:
            sheet.append(values)
    book.save(path)
    return path
