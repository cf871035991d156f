"""Open questions are shown where the data says: every one of them is raised by some reference, aggregate,
circumstance or definition (no flag that never fires), and each only where it applies."""
import datetime as dt
import itertools

from statutes import aggregate, load_table, reference

FACTS = [{}, {"attempt": True, "art60_conditions": True, "minor": True, "foreign_national": True}]
DATES = [None, dt.date(2015, 3, 1), dt.date(2017, 6, 15), dt.date(2020, 5, 15)]


def _shown() -> dict[str, set[str]]:
    """Open question id → the places it was shown."""
    table = load_table()
    shown: dict[str, set[str]] = {}
    for part, facts, on in itertools.product(table.parts(), FACTS, DATES):
        for q in reference(part.id, offence_date=on, **facts).open_questions:
            shown.setdefault(q.id, set()).add(part.id)
    for parts, sep in ((["273.1", "273.2"], False), (["271.1", "271.1"], True)):
        for q in aggregate([reference(p) for p in parts], separate_episodes=sep).open_questions:
            shown.setdefault(q.id, set()).add("+".join(parts))
    for subject in [*table.circumstances, *(d.id for d in table.definitions())]:
        for q in table.open_questions_for(subject, part=False):
            shown.setdefault(q.id, set()).add(subject)
    return shown


def test_every_open_question_is_shown_somewhere():
    assert set(_shown()) == set(load_table().open_questions)


def test_each_part_question_is_shown_on_the_parts_it_applies_to():
    table, shown = load_table(), _shown()
    for q in table.open_questions.values():
        if q.raised_by and set(q.raised_by) <= {"one_act", "repeat"}:
            continue  # raised by an aggregate, on the parts it combines
        parts = {s for s in q.applies_to if s in {p.id for p in table.parts()}}
        assert parts <= shown[q.id], q.id
        if "*" not in q.applies_to:
            assert shown[q.id] & {p.id for p in table.parts()} <= parts, q.id
