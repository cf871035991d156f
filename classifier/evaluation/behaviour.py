"""The behavioural test suite (in the manner of CheckList, Ribeiro et al., ACL 2020): what the model must do on
plain statements, what must not change its answer, and which way a fact must move the part.

The templates live in ``training_data/behaviour/{en,az,ru}.yaml`` and are kept out of training. :func:`cases`
expands them deterministically into cases of three kinds:

- ``mft`` (minimum functionality): a plain statement of one offence (or of a typical none incident) must be
  classified with that label (or with none);
- ``inv`` (invariance): swapping a name, place, amount, date or organisation, a typo, missing Azerbaijani letters
  or a notice's boilerplate paragraph must leave the predicted articles unchanged;
- ``dir`` (direction): "by prior agreement with two others" must move the part to the aggravated one, a bank or
  ministry as target to the infrastructure part, and a stated loss of 5,000 manat must bring 273.1 with its
  damage element (and never lower its probability).

Azerbaijani cases are run twice: as written and typed without the Azerbaijani letters (language ``az-plain``).
:func:`run` scores a model; :data:`TARGETS` are the pass rates the issue sets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

import statutes

SUITE_DIR = Path(__file__).resolve().parents[2] / "training_data" / "behaviour"
TARGETS = {"mft": 0.97, "inv": 0.95, "dir": 0.90}
MFT_FILLS, INV_FILLS, DIR_FILLS = 5, 2, 3
_SLOT = re.compile(r"\{(\w+)\}")
_PLAIN = [str.maketrans("əƏşŞçÇğĞıİöÖüÜ", "eEsScCgGiIoOuU"),
          str.maketrans({"ə": "e", "Ə": "E", "ş": "sh", "Ş": "Sh", "ç": "ch", "Ç": "Ch", "ğ": "g", "Ğ": "G",
                         "ı": "i", "İ": "I", "ö": "o", "Ö": "O", "ü": "u", "Ü": "U"})]
_WORD = re.compile(r"[^\W\d_]{6,}")


@dataclass(frozen=True)
class Case:
    """One behavioural case. ``text`` is judged alone (mft) or against ``base`` (inv, dir)."""

    kind: str  # mft, inv, dir
    test: str  # e.g. "271", "swap_city", "group"
    lang: str  # en, az, az-plain, ru
    text: str
    expected: str = ""  # mft: the label or "none"; dir: the label whose part or damage should move
    base: str = ""


def plain(text: str, variant: int = 0) -> str:
    """Azerbaijani typed without its letters (variant 0: ə→e, ş→s, ç→c; variant 1: ş→sh, ç→ch)."""
    return text.translate(_PLAIN[variant % 2])


def typo(text: str, seed: int) -> str:
    """Two typos (two adjacent letters swapped) in words of six letters or more, chosen by ``seed``."""
    words = list(_WORD.finditer(text))
    if not words:
        return text
    chars = list(text)
    for k in (seed, seed * 7 + 3):
        m = words[k % len(words)]
        i = m.start() + 2
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)


def _fill(template: str, fills: dict[str, list[str]], k: int, **fixed: str) -> str:
    def one(m: re.Match) -> str:
        slot = m.group(1)
        if slot in fixed:
            return fixed[slot]
        values = fills[slot]
        return values[(k + 3 * len(slot)) % len(values)]
    text = _SLOT.sub(one, template)
    return text[:1].upper() + text[1:]


def load_suite(directory: Path | None = None) -> dict[str, dict]:
    """The templates per language; raises ``FileNotFoundError`` or ``ValueError`` for a missing or bad file."""
    out = {}
    for lang in ("en", "az", "ru"):
        data = yaml.safe_load((Path(directory or SUITE_DIR) / f"{lang}.yaml").read_text(encoding="utf-8"))
        for key in ("fills", "mft", "inv", "dir"):
            if key not in data:
                raise ValueError(f"{lang}.yaml: missing section {key!r}")
        data["fills"] = {slot: [str(v) for v in values] for slot, values in data["fills"].items()}
        out[lang] = data
    return out


def _lang_cases(lang: str, suite: dict) -> list[Case]:
    fills, out = suite["fills"], []
    for label, templates in suite["mft"].items():
        for t_i, template in enumerate(templates):
            texts = dict.fromkeys(_fill(template, fills, t_i + 5 * k) for k in range(MFT_FILLS))
            out += [Case("mft", label, lang, text, expected=label) for text in texts]
    inv = suite["inv"]
    for b_i, template in enumerate(inv["bases"]):
        slots = list(dict.fromkeys(_SLOT.findall(template)))
        for k in range(INV_FILLS):
            seed = b_i * 11 + k * 5
            base = _fill(template, fills, seed)
            variants = []
            for slot in slots:
                values = fills[slot]
                current = values[(seed + 3 * len(slot)) % len(values)]
                other = values[(seed + 3 * len(slot) + 1 + k) % len(values)]
                if other != current:
                    variants.append((f"swap_{slot}", _fill(template, fills, seed, **{slot: other})))
            variants.append(("typo", typo(base, seed)))
            para = inv["boilerplate"][(b_i + k) % len(inv["boilerplate"])]
            variants.append(("boilerplate", f"{base}\n\n{para}" if k % 2 == 0 else f"{para}\n\n{base}"))
            if lang == "az":
                variants.append(("no_letters", plain(base, k)))
            out += [Case("inv", name, lang, text, base=base) for name, text in variants if text != base]
    for test, spec in suite["dir"].items():
        slot = {"group": "who", "infrastructure": "target", "damage": "loss"}[test]
        for t_i, template in enumerate(spec["templates"]):
            pairs = list(zip(spec["base"] * len(spec["variant"]), spec["variant"])) if test == "damage" \
                else list(zip(spec["base"], spec["variant"]))
            for p_i, (b, v) in enumerate(pairs):
                for k in range(DIR_FILLS if test != "damage" else 2):
                    seed = t_i * 3 + p_i + 4 * k
                    out.append(Case("dir", test, lang, _fill(template, fills, seed, **{slot: v}),
                                    expected=spec["label"], base=_fill(template, fills, seed, **{slot: b})))
    return out


def cases(directory: Path | None = None) -> list[Case]:
    """Every case of the suite, Azerbaijani ones also typed without the letters (``az-plain``)."""
    out = []
    for lang, suite in load_suite(directory).items():
        found = _lang_cases(lang, suite)
        out += found
        if lang == "az":
            out += [Case(c.kind, c.test, "az-plain", plain(c.text, i), c.expected, plain(c.base, i) if c.base else "")
                    for i, c in enumerate(found) if c.test != "no_letters"]
    return out


def run(model, table: statutes.StatuteTable | None = None, suite: list[Case] | None = None) -> pd.DataFrame:
    """Score ``model`` on the suite: one row per case with ``passed`` and what was predicted."""
    from ..analysis import analyse  # the product's own path, parts included
    table = table or statutes.load_table()
    suite = suite if suite is not None else cases()
    memo: dict[str, object] = {}

    def result(text: str):
        if text not in memo:
            memo[text] = analyse(text, model=model, table=table)
        return memo[text]

    rows = []
    for c in suite:
        a = result(c.text)
        got = ";".join(a.articles)
        if c.kind == "mft":
            passed = got == "none" if c.expected == "none" else c.expected in a.articles
        elif c.kind == "inv":
            passed = got == ";".join(result(c.base).articles)
        else:
            b = result(c.base)
            cand = {x.label: x for x in a.candidates}[c.expected]
            base_cand = {x.label: x for x in b.candidates}[c.expected]
            if c.test == "damage":
                damage = next(f for f in a.circumstances if f.id == "significant_damage")
                passed = cand.selected and damage.detected and cand.probability >= base_cand.probability - 0.02
            else:
                want = "prior_conspiracy_group" if c.test == "group" else "public_infrastructure"
                passed = (cand.selected and base_cand.selected and base_cand.part.part == table.select_part(c.expected, []).part
                          and cand.part.part == table.select_part(c.expected, [want]).part)
            got = f"{got} | part {cand.part.part} (base {base_cand.part.part}, p {base_cand.probability:.2f}→{cand.probability:.2f})"
        rows.append({"kind": c.kind, "test": c.test, "lang": c.lang, "text": c.text, "expected": c.expected,
                     "predicted": got, "passed": bool(passed)})
    return pd.DataFrame(rows)


def pass_rates(results: pd.DataFrame) -> pd.DataFrame:
    """Pass rate per kind and language, with the overall rate per kind and its target."""
    t = results.pivot_table(index="kind", columns="lang", values="passed", aggfunc="mean")
    t["all"] = results.groupby("kind")["passed"].mean()
    t["cases"] = results.groupby("kind").size()
    t["target"] = [TARGETS[k] for k in t.index]
    t.index.name = "test kind"
    return t


def per_test(results: pd.DataFrame) -> pd.DataFrame:
    """Pass rate per test (``kind/test``, e.g. ``inv/typo``) and language."""
    t = results.groupby(["kind", "test", "lang"])["passed"].mean().unstack("lang")
    t.index = [f"{kind}/{test}" for kind, test in t.index]
    t.index.name = "test"
    return t
