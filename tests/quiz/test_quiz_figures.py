"""Every figure a quiz states equals the statute table's; the quiz code itself holds no figure of the law."""
import ast
import random
import re
from pathlib import Path

import pytest

import quiz
from quiz import build_question, question_pool
from statutes import load_table, reference, sanctions_frame

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _numbers(text: str) -> list[float]:
    return [float(n.replace(",", "")) for n in NUMBER.findall(text)]


@pytest.fixture(scope="module")
def built(bank):
    return {s.key: (s, build_question(s, random.Random(8), "en", bank))
            for s in question_pool(kinds=["sanction_range", "numeric", "category", "consequence", "punishment_available"], bank=bank)}


def test_sanction_ranges_equal_the_table(built):
    frame = sanctions_frame()
    for key, (seed, q) in built.items():
        if seed.kind != "sanction_range":
            continue
        part, kind, on = seed.data
        p = reference(part, offence_date=on).punishment(kind)
        assert _numbers(q.correct_options[0].text) == [p.min.value, p.max.value], key
        if on is None:
            row = frame[(frame.part == part) & (frame.sanction == kind)].iloc[0]
            assert (row["min"], row["max"]) == (p.min.value, p.max.value), key


def test_numeric_answers_equal_the_table(built):
    for key, (seed, q) in built.items():
        if seed.kind != "numeric":
            continue
        part, measure = seed.data
        if measure == "attempt":
            expected = reference(part, attempt=True).attempt_cap_months.value
            assert q.tolerance > 0
        else:
            expected = reference(part).punishment(measure).max.value
            assert q.tolerance == 0
        assert q.value == expected, key
        assert all(float(o.text) != expected for o in q.options if not o.correct), key


def test_categories_limitation_and_available_punishments_equal_the_table(built):
    table = load_table()
    for key, (seed, q) in built.items():
        ref = reference(seed.data[0])
        if seed.kind == "category":
            assert q.correct_options[0].text == f"Art. {seed.data[0]}", key
            assert table.categories[ref.category].title.en in q.stem, key
            assert all(reference(o.text.removeprefix("Art. ")).category != ref.category
                       for o in q.options if not o.correct), key
        elif seed.kind == "consequence" and seed.data[1] == "limitation":
            assert _numbers(q.correct_options[0].text) == [ref.limitation_years.value], key
        elif seed.kind == "punishment_available":
            for o in q.options:
                if o.correct:
                    p = next(p for p in ref.punishments if p.title["en"].lower() == o.text.lower())
                    assert _numbers(o.feedback)[-2:] == [p.min.value, p.max.value], key


def test_significant_damage_questions_use_the_tables_threshold(bank):
    threshold = load_table().significant_damage_azn
    for s in question_pool(kinds=["definition"], bank=bank):
        if s.data[0] == "damage":
            q = build_question(s, random.Random(0), "en", bank)
            assert f"{threshold:,} manat" in q.options[0].feedback
            assert q.options[0].correct == (threshold * s.data[1] > threshold)


def _law_figures() -> set[float]:
    """Every figure in the statute data that is big enough to be unmistakable (7 and above)."""
    table = load_table()
    figures = set()
    for p in table.parts():
        for v in p.versions:
            for s in v.sanctions:
                figures.update(x for x in (s.min, s.max) if x)
    gp = table.general.model_dump()

    def walk(x):
        if isinstance(x, dict):
            for k, v in x.items():
                if k == "value" and isinstance(v, (int, float)) and not isinstance(v, bool):
                    figures.add(v)
                else:
                    walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(gp)
    figures.add(table.significant_damage_azn)
    return {f for f in figures if f >= 7}


NOT_LAW = {("cli.py", 20), ("storage.py", 1000)}  # the default question count; milliseconds in a second


def test_no_figure_of_the_law_is_written_in_the_quiz_code():
    figures = _law_figures()
    assert {24, 48, 1000, 4000} <= figures
    for path in Path(quiz.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        bit_ops = {id(n.right) for n in ast.walk(tree) if isinstance(n, ast.BinOp) and isinstance(n.op, (ast.LShift, ast.RShift))}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
                if (path.name, node.value) in NOT_LAW or id(node) in bit_ops:
                    continue
                assert node.value not in figures, f"{path.name}:{node.lineno}: {node.value} is a figure of the law"
