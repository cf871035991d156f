"""CSV: one row per option, for spreadsheets and bulk review. Export and parse.

The question's fields repeat on each of its option rows; ``correct`` is 1 or 0 and ``fraction`` the Moodle
grade. The file starts with a UTF-8 byte-order mark so that spreadsheet programs show the Azerbaijani
letters correctly.
"""
from __future__ import annotations

import csv
import io

from ..errors import FormatError
from ..model import Option, Question, Quiz
from .common import fraction_text, make_question, meta_fields, number, quiz_from

COLUMNS = ("quiz_title", "lang", "seed", "question_id", "kind", "qtype", "difficulty", "articles", "key", "stem",
           "general_feedback", "tolerance", "option", "text", "match", "correct", "fraction", "feedback")


def export(quiz: Quiz) -> str:
    """The quiz as CSV text (with a byte-order mark)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for q in quiz.questions:
        for i, o in enumerate(q.options, start=1):
            writer.writerow([quiz.title, quiz.lang, quiz.seed, q.id, q.kind, q.qtype, q.difficulty, ";".join(q.articles),
                             q.key, q.stem, q.general_feedback, number(q.tolerance), i, o.text, o.match,
                             int(o.correct), fraction_text(q.fraction(o)), o.feedback])
    return "\ufeff" + buf.getvalue()


def parse(text: str) -> Quiz:
    """Read CSV text back into a quiz. Raises :class:`FormatError` for missing columns or bad rows."""
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    if not rows:
        raise FormatError("the CSV file has no rows")
    missing = [c for c in COLUMNS if c not in rows[0]]
    if missing:
        raise FormatError(f"the CSV file lacks the columns {missing}")
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["question_id"], []).append(row)
    questions: list[Question] = []
    for qid, group in grouped.items():
        first = group[0]
        meta = meta_fields([("kind", first["kind"]), ("key", first["key"]), ("difficulty", first["difficulty"]),
                            *(("article", a) for a in first["articles"].split(";") if a)], qid)
        options = [Option(r["text"], r["correct"] == "1", r["feedback"], r["match"]) for r in group]
        try:
            tolerance = float(first["tolerance"] or 0)
        except ValueError:
            raise FormatError(f"question {qid}: tolerance {first['tolerance']!r} is not a number") from None
        questions.append(make_question(qid, meta, first["qtype"], first["stem"], options, first["general_feedback"], tolerance))
    return quiz_from({"title": rows[0]["quiz_title"], "lang": rows[0]["lang"], "seed": rows[0]["seed"]}, questions)
