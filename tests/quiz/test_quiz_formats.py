"""Exports: every format reads back into the same quiz; GIFT escapes its special characters; XML is
well-formed; QTI packages hold their manifest and every file it lists; printable output is escaped."""
import dataclasses
import io
import random
import re
import zipfile
from xml.etree import ElementTree as ET

import pytest

from quiz import (FORMATS, FormatError, Option, Question, Quiz, QuizError, build_question, build_quiz, export_quiz,
                  parse_quiz)
from quiz.formats import gift
from quiz.formats.package import MANIFEST, read_package

READABLE = [name for name, f in FORMATS.items() if f.parse is not None]
SPECIAL = "~ = # { } : \\ and -> <b>&amp;</b> * _ | “quotes”"


@pytest.mark.parametrize("fmt", READABLE)
def test_round_trip_of_the_20_question_quiz(quiz20, fmt):
    assert parse_quiz(export_quiz(quiz20, fmt), fmt) == quiz20


@pytest.mark.parametrize("fmt", READABLE)
def test_round_trip_of_every_question_kind_and_type(every_kind, fmt):
    assert {q.qtype for q in every_kind.questions} == {"single", "multiple", "truefalse", "numerical", "matching"}
    assert parse_quiz(export_quiz(every_kind, fmt), fmt) == every_kind


def _special_quiz(lang: str) -> Quiz:
    """Questions whose every text holds the characters GIFT must escape (and XML and Markdown markup)."""
    fb = f"Art. 271.1: {SPECIAL}" if lang == "en" else f"maddə 271.1: {SPECIAL}"
    base = dict(general_feedback=f"General {SPECIAL}", articles=("271",), difficulty="hard")
    yes, no = ("True", "False") if lang == "en" else ("Doğru", "Yanlış")
    return Quiz(f"Title {SPECIAL}", lang, 99, (
        Question("q01", "article", "single", f"Stem {SPECIAL}?", (Option(f"A {SPECIAL}", True, fb), Option("B", False, fb)),
                 key="special/single", **base),
        Question("q02", "articles", "multiple", f"Stem {SPECIAL}", (Option("x~1", True, fb), Option("y=2", True, fb),
                 Option("z#3", False, fb)), key="special/multiple", **base),
        Question("q03", "true_false", "truefalse", f"{{T}} {SPECIAL}", (Option(yes, False, fb), Option(no, True, fb)),
                 key="special/truefalse", **base),
        Question("q04", "numeric", "numerical", f"How many: {SPECIAL}", (Option("13.5", True, fb), Option("24", False, fb)),
                 key="special/numerical", tolerance=0.5, **base),
        Question("q05", "matching", "matching", f"Match {SPECIAL}", (Option("L{1}", True, fb, "R:1"), Option("L#2", True, fb, "R=2"),
                 Option("L~3", True, fb, "R\\3")), key="special/matching", **base),
    ))


@pytest.mark.parametrize("fmt", READABLE)
def test_special_characters_survive_every_round_trip(lang, fmt):
    quiz = _special_quiz(lang)
    assert parse_quiz(export_quiz(quiz, fmt), fmt) == quiz


def test_gift_escapes_each_special_character():
    text = export_quiz(_special_quiz("en"), "gift").decode()
    for escaped in ("\\~", "\\=", "\\#", "\\{", "\\}", "\\:", "\\\\"):
        assert escaped in text
    assert re.search(r"::ch30-[0-9a-f]{10}-q01:: Stem \\~ \\= \\# \\{ \\} \\: \\\\ and -> <b>&amp;</b>", text)
    assert gift.escape("a\nb") == "a\\nb"


def test_gift_refuses_an_arrow_inside_a_matching_item():
    q = _special_quiz("en").questions[4]
    bad = dataclasses.replace(q, options=(Option("a -> b", True, "Art. 1", "c"), *q.options[1:]))
    with pytest.raises(FormatError, match="->"):
        export_quiz(Quiz("t", "en", 1, (bad,)), "gift")


def test_moodle_xml_is_well_formed_and_typed(every_kind):
    root = ET.fromstring(export_quiz(every_kind, "moodle-xml"))
    types = [q.get("type") for q in root.findall("question")]
    assert types[0] == "category"
    assert set(types[1:]) == {"multichoice", "truefalse", "numerical", "matching"}
    for q in root.findall("question")[1:]:
        for answer in q.findall("answer"):
            assert answer.find("feedback/text").text


@pytest.mark.parametrize("fmt", ["qti12", "qti21"])
def test_qti_packages_hold_the_manifest_and_every_listed_file(quiz20, fmt):
    data = export_quiz(quiz20, fmt)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        assert MANIFEST in names
        manifest = ET.fromstring(zf.read(MANIFEST))
        listed = {f.get("href") for f in manifest.iter("{http://www.imsglobal.org/xsd/imscp_v1p1}file")}
        assert listed and listed <= names and names == listed | {MANIFEST}
        for name in names:
            ET.fromstring(zf.read(name))  # every file is well-formed XML
    if fmt == "qti21":
        assert len([n for n in names if n.startswith("items/")]) == len(quiz20.questions)


def test_a_package_missing_a_listed_file_is_rejected(quiz20):
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(export_quiz(quiz20, "qti21"))) as src, zipfile.ZipFile(buf, "w") as dst:
        third = next(n for n in src.namelist() if n.endswith("-q03.xml"))
        for name in src.namelist():
            if name != third:
                dst.writestr(name, src.read(name))
    with pytest.raises(FormatError, match=third):
        read_package(buf.getvalue())


def test_printable_formats_escape_everything():
    quiz = _special_quiz("en")
    page = export_quiz(quiz, "html").decode()
    assert "<b>" not in page and "&lt;b&gt;&amp;amp;&lt;/b&gt;" in page
    assert page.count("<li class=\"ok\">") == sum(len(q.correct_options) for q in quiz.questions)
    md = export_quiz(quiz, "markdown").decode()
    assert "\\<b\\>" in md and "\\*" in md and "\\_" in md and "\\|" in md


def test_printable_output_has_an_answer_key(quiz20):
    page = export_quiz(quiz20, "html").decode()
    key = page.split('<section class="key">', 1)[1]
    assert key.count("<li><p>") == len(quiz20.questions)
    for q in quiz20.questions:
        for o in q.options:
            assert o.feedback.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in key


@pytest.mark.parametrize("fmt,data", [
    ("gift", "::q1:: no answers here"),
    ("moodle-xml", "<quiz><question"),
    ("moodle-xml", "<notquiz/>"),
    ("qti12", b"not a zip"),
    ("qti21", b"PK\x05\x06" + b"\x00" * 18),
    ("csv", "a,b\n1,2\n"),
])
def test_malformed_files_raise_format_error(fmt, data):
    with pytest.raises(FormatError):
        parse_quiz(data, fmt)


def test_printable_formats_cannot_be_read_back(quiz20):
    with pytest.raises(QuizError, match="printing"):
        parse_quiz(export_quiz(quiz20, "html"), "html")


def _identifiers(data: bytes, fmt: str) -> set[str]:
    """The identifiers an LMS matches on import: QTI idents and identifiers, Moodle and GIFT question names."""
    if fmt in ("qti12", "qti21"):
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            xml = b"".join(zf.read(n) for n in zf.namelist()).decode("utf-8")
        tags = r"<(?:manifest|resource|assessment|item|assessmentTest|assessmentItem)\b[^>]*?\b(?:ident|identifier)"
        return set(re.findall(tags + r'="([^"]+)"', xml))
    text = data.decode("utf-8")
    return set(re.findall(r"<name>\s*<text>([^<]+)</text>", text) if fmt == "moodle-xml" else re.findall(r"^::(.+?)::", text, re.M))


@pytest.mark.parametrize("fmt", ["qti12", "qti21", "moodle-xml", "gift"])
def test_two_quizzes_never_share_an_identifier_and_one_quiz_keeps_its_own(fmt):
    first, second = build_quiz(20, 7, "en"), build_quiz(20, 8, "en")
    ids_first = _identifiers(export_quiz(first, fmt), fmt)
    assert len(ids_first) >= 20
    assert ids_first.isdisjoint(_identifiers(export_quiz(second, fmt), fmt))
    assert ids_first == _identifiers(export_quiz(build_quiz(20, 7, "en"), fmt), fmt)


def test_every_moodle_tag_fits_moodles_50_characters(bank):
    """Moodle cuts tags at 50 characters, which would cut a key and lose it on the way back."""
    from quiz import question_pool
    from quiz.formats.common import meta_pairs
    pool = question_pool(bank=bank)
    long = [f"{n}={v}" for s in pool for n, v in meta_pairs(build_question(s, random.Random(1), "en", bank))
            if len(f"{n}={v}") > 50]
    assert long == []
