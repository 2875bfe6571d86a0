"""The typed rows the pages read: built once from a record, nested parts included."""

from datetime import date

from app.view_models import MyInvolvement, Person


def test_a_person_is_built_with_their_homes_and_families():
    person = Person.from_record({
        "id": "c1", "kind": "child", "given_name": "Liam", "family_name": "Hughes",
        "dob": date(2015, 3, 1), "unexpected_column": 1,
        "homes": [{"id": "h1", "address": "1 High St", "postcode": "AB1 2CD"}],
        "families": [{"id": "f1", "name": "Hughes"}, {"id": "f2", "name": "Walsh"}]})
    assert person.name == "Liam Hughes"
    assert [h.postcode for h in person.homes] == ["AB1 2CD"]
    assert [f.id for f in person.families] == ["f1", "f2"]


def test_a_search_result_may_be_opened_only_through_a_visible_family():
    person = Person.from_record({"id": "a1", "kind": "adult", "families": [
        {"id": "f1", "name": "One"}, {"id": "f2", "name": "Two"}]})
    hidden = person.with_visible_families(set())
    assert not hidden.visible and not any(f.visible for f in hidden.families)
    one = person.with_visible_families({"f2"})
    assert one.visible and [f.visible for f in one.families] == [False, True]
    assert Person.from_record({"id": "a2"}).visible is False


def test_my_involvement_keeps_its_leads_and_families_as_tuples():
    row = MyInvolvement.from_record({"involvement_id": "i", "child_id": "c", "child_name": "C",
                                     "role": "gp", "leads": ["Grace"],
                                     "families": [{"id": "f", "name": "F"}]})
    assert row.leads == ("Grace",) and row.families[0].name == "F"
