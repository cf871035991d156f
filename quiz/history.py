"""Amendment history and matching questions.

Amendments: what a dated law changed in Chapter 30 (the 2012 rewrite, the April 2017 extension of Note 3,
the 31 May 2017 fine increase, the 2017 General Part reform, the 1 May 2020 restriction of liberty), and
which parts a law changed — worked out by comparing each part's dated wordings, so the answer always
matches the table. Matching: article ↔ title and, for articles with several parts, part ↔ title.
"""
from __future__ import annotations

import random

from statutes.schema import Amendment

from .model import Option, Question
from .phrases import art, date_text, ordinal_suffix, say, span
from .questions import Kind, Seed, draw, question
from .scenarios import Bank

T = "quiz.history"
"""This kind's words in the message catalogue (``i18n/catalogue.yaml``)."""
_CONVENTION_AZ = (("Budapest Convention Arts.", "Budapeşt Konvensiyası, maddələr"),
                  ("Budapest Convention Art.", "Budapeşt Konvensiyası, maddə"), (" and ", " və "))


def _acts(bank: Bank) -> list[Amendment]:
    return [a for a in bank.table.amendments.values() if a.covered and a.status == "enacted" and a.adopted]


def _changes(bank: Bank, act_id: str) -> dict[str, list[tuple[str, tuple | None, tuple, str]]]:
    """Part → [(punishment kind, old range or None, new range, unit)] for every sanction the act changed."""
    out: dict[str, list] = {}
    for part in bank.table.parts():
        for old, new in zip(part.versions, part.versions[1:]):
            if new.amended_by != act_id:
                continue
            before = {s.kind: s for s in old.sanctions}
            for s in new.sanctions:
                prev = before.get(s.kind)
                if prev == s:
                    continue
                old_span = _span(bank, prev, part.id, new.effective_from) if prev else None
                out.setdefault(part.id, []).append((s.kind, old_span, _span(bank, s, part.id, new.effective_from), s.unit))
    return out


def _span(bank: Bank, sanction, part_id: str, on) -> tuple[float, float]:
    """A sanction's range with the General Part minimum filled in (Arts. 55.2, 52-1.4, 46.1)."""
    r = bank.table.resolve(sanction, part_id, on)
    return (r.min.value, r.max.value)


def amendment_seeds(bank: Bank) -> list[Seed]:
    out = []
    parts = [p.id for p in bank.table.parts()]
    for act in _acts(bank):
        arts = tuple(dict.fromkeys(bank.table.article_of(p).article for p in act.parts)) or tuple(bank.table.articles)
        out.append(Seed("amendment", f"amendment/{act.id.replace('/', '-')}/what", arts, "medium", ("what", act.id)))
        changed = _changes(bank, act.id)
        if changed and len(parts) - len(changed) >= 2:
            out.append(Seed("amendment", f"amendment/{act.id.replace('/', '-')}/parts", arts, "hard", ("parts", act.id)))
    return out


def build_amendment(seed: Seed, rng: random.Random, lang: str, bank: Bank) -> Question:
    shape, act_id = seed.data
    act = bank.table.amendments[act_id]
    when = date_text(act.adopted, lang)
    if shape == "what":
        wrong = draw(rng, [], [a for a in _acts(bank) if a.id != act_id], 3)
        options = [Option(a.title.get(lang), a.id == act_id,
                          say(T, "what_yes" if a.id == act_id else "what_no", lang, act=a.id,
                              date=date_text(a.adopted, lang), summary=a.summary_az if lang == "az" else a.summary_en))
                   for a in [act, *wrong]]
        general = act.summary_az if lang == "az" else act.summary_en
        return question(seed, lang, "single", say(T, "stem_what", lang, date=when), options, general, rng)
    changes = _changes(bank, act_id)
    unchanged = [p.id for p in bank.table.parts() if p.id not in changes]
    yes = draw(rng, [], sorted(changes), 2)
    no = draw(rng, [], unchanged, 2 if len(yes) > 1 else 3)
    options = [Option(art(p, lang, inline=False), True, _describe(bank, p, changes[p], lang)) for p in yes]
    options += [Option(art(p, lang, inline=False), False, say(T, "unchanged", lang, art=art(p, lang))) for p in no]
    general = act.summary_az if lang == "az" else act.summary_en
    return question(seed, lang, "multiple", say(T, "stem_changed", lang, date=when, act=act.id), options, general, rng)


def _describe(bank: Bank, pid: str, changes: list, lang: str) -> str:
    parts = []
    for kind, old, new, unit in changes:
        title = bank.table.kind_title(kind)[lang]
        if old is None:
            parts.append(say(T, "kind_added", lang, kind=title, new=span(*new, unit, lang)))
        else:
            parts.append(say(T, "range_change", lang, kind=title, old=span(*old, unit, lang), new=span(*new, unit, lang)))
    return say(T, "changed", lang, art=art(pid, lang), changes="; ".join(parts))


def matching_seeds(bank: Bank) -> list[Seed]:
    out = [Seed("matching", "matching/articles", tuple(bank.table.articles), "easy", ("articles",))]
    out += [Seed("matching", f"matching/parts/{a.article}", (a.article,), "medium", ("parts", a.article))
            for a in bank.table.articles.values() if len(a.parts) >= 3]
    return out


def build_matching(seed: Seed, rng: random.Random, lang: str, bank: Bank) -> Question:
    table = bank.table
    if seed.data[0] == "articles":
        pairs = [(art(a.article, lang, inline=False), a.title.get(lang),
                  say(T, "pair_article", lang, id=a.article, title=a.title.get(lang), convention=_convention(a.convention, lang)))
                 for a in table.articles.values()]
        stem = say(T, "stem_articles", lang)
    else:
        a = table.articles[seed.data[1]]
        pairs = [(art(p.id, lang, inline=False), p.title.get(lang),
                  say(T, "pair_part", lang, id=p.id, kind=say(T, p.kind, lang), title=p.title.get(lang))) for p in a.parts]
        stem = say(T, "stem_parts", lang, article=a.article, title=a.title.get(lang))
    listed = "; ".join(f"{left}: {right}" for left, right, _ in pairs)
    if seed.data[0] == "articles":
        general = say(T, "general_match", lang, pairs=listed)
    else:
        general = say(T, "general_match_parts", lang, pairs=listed, article=seed.data[1], sfx=ordinal_suffix(seed.data[1]))
    options = [Option(left, True, fb, match=right) for left, right, fb in pairs]
    return question(seed, lang, "matching", stem, options, general, rng)


def _convention(text: str, lang: str) -> str:
    if lang == "az":
        for en, az in _CONVENTION_AZ:
            text = text.replace(en, az)
    return text


KINDS = (
    Kind("amendment", amendment_seeds, build_amendment),
    Kind("matching", matching_seeds, build_matching),
)
