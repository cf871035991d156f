"""The one message catalogue: every key in both languages with the same placeholders, every key the code uses
is defined and every key defined is used; one localised-text type, one number formatter, one escaping module."""
import pickle
import re
import string
from pathlib import Path

import pytest

from i18n import LANGS, Text, catalogue, escape, figure, number, quantity, say
from i18n.catalogue import VARIANT

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(p for d in ("classifier", "statutes", "quiz", "app_pages", "i18n") for p in (ROOT / d).rglob("*.py"))
SOURCES.append(ROOT / "app.py")


def _fields(template: str) -> set[str]:
    """A template's placeholders, less the grammar ones a language alone needs (Azerbaijani ordinal suffixes)."""
    return {f for _, f, spec, _ in string.Formatter().parse(template) if f is not None and not f.endswith("sfx")}


def test_every_key_has_every_language_and_nothing_else():
    bad = [k for k, v in catalogue().items() if set(v) != set(LANGS) or not all(isinstance(x, str) and x.strip() for x in v.values())]
    assert bad == []


def test_both_languages_use_the_same_placeholders_and_no_format_specs():
    bad = [k for k, v in catalogue().items() if len({frozenset(_fields(t)) for t in v.values()}) != 1]
    specs = [k for k, v in catalogue().items() for t in v.values()
             if any(spec for _, f, spec, _ in string.Formatter().parse(t) if f is not None)]
    assert bad == [] and specs == []  # figures come written by i18n.number / i18n.figure


_AREA = re.compile(r'^T = "(quiz\.\w+)"', re.M)
_PATTERNS = [  # (regex, how a match becomes a key); {area} is the module's quiz area
    (re.compile(r'\bText\(f?"([a-z_]+\.[\w.{}]+)"'), "{0}"),
    (re.compile(r'\bText\("[a-z_]+\.\w+" if \w+ else "([a-z_]+\.\w+)"\)'), "{0}"),
    (re.compile(r'\bText\(f"([a-z_]+\.\w+)\{'), "{0}{{}}"),  # a family built from a call: f"classifier.kind_{_kind(x)}"
    (re.compile(r'\bsay\(f?"([a-z_]+\.[\w.{}]+)"'), "{0}"),
    (re.compile(r'\bsay\(f?[\'"](verdict\.)[\'"] \+'), "{0}{{}}"),
    (re.compile(r'\bNote\((?:self\.)?"(\w+)"'), "statutes.{0}"),
    (re.compile(r'key = "(\w+)" if on else "(\w+)"'), "statutes.{0} statutes.{1}"),
    (re.compile(r'\bt\(f?"(\w+(?:\{\w+\})?)"\)'), "app.{0}"),
    (re.compile(r"\bt\(f?'(\w+)'\)"), "app.{0}"),
    (re.compile(r'\b_t\(f?[\'"](\w+)[\'"]'), "report.{0}"),
    (re.compile(r'\b_t\([\'"](\w+)[\'"] if'), "report.{0}"),
    (re.compile(r'\bL\([\'"](\w+)[\'"]\)'), "statutes.card.{0}"),
    (re.compile(r'\bL\(version\.text_status\)'), "statutes.card.official statutes.card.reconstructed"),
    (re.compile(r'\bL\(p\.unit\)'), "statutes.card.months statutes.card.AZN"),
    (re.compile(r'\bsay\(T, f?[\'"](\w+(?:\{[\w.]+\})?)[\'"]'), "{area}.{0}"),
    (re.compile(r'\bsay\(T, [\'"](\w+)[\'"] if'), "{area}.{0}"),
    (re.compile(r'\bsay\(T, p\.kind'), "{area}.basic {area}.aggravated {area}.infrastructure"),
    (re.compile(r'\bsay\(T, q\.qtype'), " ".join(f"{{area}}.{q}" for q in ("single", "multiple", "truefalse", "numerical", "matching"))),
    (re.compile(r'gp\.\w+\.cap, "(\w+)"\)'), "statutes.{0}"),
    (re.compile(r'\bsay\(COMMON, f?[\'"](\w+(?:\{[\w.]+\})?)[\'"]'), "quiz.{0}"),
    (re.compile(r'\bsay\(COMMON, UNIT_KEY\[unit\]'), "quiz.manat quiz.months"),
    (re.compile(r'\bsay\(COMMON, "art_inline" if'), "quiz.art_inline quiz.art"),
    (re.compile(r'\bKind\("(\w+)"'), "quiz.kind.{0}"),
    (re.compile(r'\bsay\(T, [\'"](\w+)[\'"] if [^,]*? else [\'"](\w+)[\'"]'), "{area}.{0} {area}.{1}"),
    (re.compile(r'\b_t\([\'"](\w+)[\'"] if [^,]*? else [\'"](\w+)[\'"]'), "report.{0} report.{1}"),
    (re.compile(r'template = "(\w+)" if [^\n]*? else "(\w+)"'), "{area}.{0} {area}.{1}"),
    (re.compile(r"say\('verdict\.' \+"), "verdict.offences verdict.low_confidence verdict.out_of_scope"),
    (re.compile(r'\bText\("([a-z_]+\.\w+)" if [^,]*? else "([a-z_]+\.\w+)"'), "{0} {1}"),
    (re.compile(r"""say\((?:'statutes\.element\.' \+|f"statutes\.element\.\{)"""),
     " ".join(f"statutes.element.{k}" for k in ("object", "conduct", "mental", "result", "circumstance"))),
]


def used_keys() -> tuple[set[str], set[str]]:
    """Keys the code names (exact) and key families it builds at run time (prefixes)."""
    exact, families = set(), set()
    for path in SOURCES:
        src = path.read_text(encoding="utf-8")
        area = (_AREA.search(src) or [None, None])[1]
        for pattern, form in _PATTERNS:
            for m in pattern.finditer(src):
                key = form.format(*m.groups(), area=area) if m.groups() else form.format(area=area)
                for one in key.split():
                    if "{" in one:  # a key built at run time; a wrapper's own f"area.{key}" names no family
                        if not one.split("{")[0].endswith("."):
                            families.add(one.split("{")[0])
                    else:
                        exact.add(one)
    return exact, families


def test_every_key_the_code_uses_is_defined():
    exact, families = used_keys()
    defined = set(catalogue())
    quiz_fallback = {k for k in exact if k.startswith("quiz.") and k not in defined
                     and "quiz." + k.rsplit(".", 1)[1] in defined}  # say(T, key) falls back to quiz.<key>
    assert sorted(exact - defined - quiz_fallback) == []
    assert [f for f in families if not any(k.startswith(f) for k in defined)] == []


def test_every_key_defined_is_used():
    exact, families = used_keys()
    exact |= {"quiz." + k.rsplit(".", 1)[1] for k in exact if k.startswith("quiz.")}
    bases = [k.split(VARIANT)[0] for k in catalogue()]  # a variant (key@page) is used where its key is
    unused = [k for k in bases if k not in exact and not any(k.startswith(f) for f in families)]
    assert unused == []


def test_a_variant_varies_a_defined_key_and_uses_only_its_placeholders():
    variants = [k for k in catalogue() if VARIANT in k]
    bad = [k for k in variants if k.split(VARIANT)[0] not in catalogue()
           or not _fields(catalogue()[k]["en"]) <= _fields(catalogue()[k.split(VARIANT)[0]]["en"])]
    assert variants and bad == []


OPTION = re.compile(r"(?<![\w-])--[a-z][a-z-]*")
CLI_ONLY = {"bulk.no_output_format": "the page chooses the output format itself, from the download button pressed"}
"""Library messages that name a command-line option and have no page variant, each with why the page never shows it."""


def test_every_library_message_naming_an_option_has_a_page_variant_naming_none():
    entries = catalogue()
    naming = [k for k, v in entries.items() if VARIANT not in k and k.split(".")[0] in ("bulk", "classifier")
              and any(OPTION.search(w) for w in v.values())]
    missing = [k for k in naming if f"{k}{VARIANT}page" not in entries and k not in CLI_ONLY]
    options = [k for k, v in entries.items() if k.endswith(f"{VARIANT}page") and any(OPTION.search(w) for w in v.values())]
    assert naming and missing == [] and options == []


def test_a_variant_is_chosen_for_the_text_and_its_parameters_and_the_plain_entry_stays_the_default():
    row = Text("bulk.at_line", line=3, msg=Text("classifier.error_undecodable"))
    assert "--encoding" in row and "--encoding" in row.az and "--encoding" in row.text("az", "nowhere")
    assert row.text("en", "page") == "line 3: " + say("classifier.error_undecodable@page", "en")
    assert row.text("az", "page").startswith("sətir 3: ") and "--" not in row.text("az", "page")


def test_a_missing_key_fails_loudly():
    with pytest.raises(KeyError):
        Text("no.such.key")
    with pytest.raises(KeyError):
        say("no.such.key", "az")


def test_text_is_english_that_renders_itself_in_azerbaijani_and_survives_pickling():
    t = Text("classifier.damage_shown", azn=figure(2_000_000), thr=figure(1000))
    assert t == t.en == t["en"] == t.text("en") and "2,000,000" in t and "1,000 AZN" in t
    assert "2000000" in t.az and t.get("az") == t["az"] == t.text("az")
    assert pickle.loads(pickle.dumps(t)).az == t.az
    fixed = Text.fixed({"en": "bank", "az": "bank (az)", "ru": None})
    assert fixed.text("ru") == "bank" and fixed.az == "bank (az)" and pickle.loads(pickle.dumps(fixed)).az == fixed.az


@pytest.mark.parametrize("value,group,expected", [(4000, "", "4000"), (4000, ",", "4,000"), (1000, " ", "1 000"),
                                                  (3.5, ",", "3.5"), (13.3333, "", "13.33"), (2_000_000.4, ",", "2,000,000")])
def test_one_number_formatter(value, group, expected):
    assert number(value, group, 2 if expected != "2,000,000" else 0) == expected


def test_escaping_keeps_markup_inert():
    assert escape.markdown("<b>x</b> **y** [a](b)") == "\\<b\\>x\\</b\\> \\*\\*y\\*\\* \\[a\\](b)"
    assert "<" not in escape.markup("<script>") and "*" not in escape.markup("**b**")
    assert escape.html('<a href="x">') == "&lt;a href=&quot;x&quot;&gt;"


def test_no_bilingual_table_number_formatter_or_escaper_is_left_elsewhere():
    """The table shape {"en": ..., "az": ...}, thousands formatting and escapers live in i18n only."""
    offenders = []
    for path in SOURCES:
        if path.parts[-2] == "i18n":
            continue
        src = path.read_text(encoding="utf-8")
        if re.search(r'\{\s*"en"\s*:\s*f?"', src) or re.search(r':,\}|:,\.\d*f\}|\.is_integer\(\)|html\.escape|_md_escape', src):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


@pytest.mark.parametrize("value,unit,en,az", [(24, "months", "2 years", "2 il"), (3, "months", "3 months", "3 ay"),
                                              (12, "months", "1 year", "1 il"), (18, "months", "18 months", "18 ay"),
                                              (2000, "AZN", "2,000 AZN", "2000 manat"), (5, "years", "5 years", "5 il")])
def test_a_quantity_is_written_with_its_unit_in_each_language(value, unit, en, az):
    q = quantity(value, unit)
    assert (q.en, q.az) == (en, az)
    with pytest.raises(KeyError):
        quantity(1, "hours")


def test_a_note_of_the_statutes_renders_as_a_parameter_with_a_variant_asked():
    from statutes.messages import Note  # overrides text() to write "Qeyd" for "Note"
    note = Note("aggregate_open", "Note 3")
    row = Text("bulk.at_line", line=1, msg=note)
    assert row.text("az", "page") == "sətir 1: " + note.text("az") and "Qeyd 3" in row.text("az", "page")
