"""Command line: ``python -m statutes show PART`` prints a part's card; ``export`` prints every part.

Exit codes: 0 success, 1 a data or date error (message on stderr), 2 a usage error (argparse).
"""
from __future__ import annotations

import argparse
import sys
import datetime as dt
import textwrap

from i18n import number, say

from .dates import parse_date
from .errors import NotCoveredError, StatuteDataError, UnknownPartError
from .export import part_records, to_csv, to_json
from .sentencing import reference
from .table import load_table

def render_card(part_id: str, on: dt.date | None = None, lang: str = "en") -> str:
    """A readable text card for one part: texts, elements, sanctions with articles, consequences, open questions."""
    t = load_table()
    L = lambda key: say(f"statutes.card.{key}", lang)  # noqa: E731
    part, art = t.part(part_id), t.article_of(part_id)
    ref = reference(part_id, offence_date=on, table=t)
    version = ref.version
    wrap = lambda s, ind="  ": textwrap.fill(s, 100, initial_indent=ind, subsequent_indent=ind)
    header = say("statutes.card.article", lang, id=art.article)
    lines = [f"{part.id} — {part.title.get(lang)}", f"{header}: {art.title.get(lang)}",
             f"{L('wording')}: {version.effective_from} ({version.amended_by})", "",
             L(version.text_status) + ":"]
    lines += [wrap(x) for x in version.text_az.splitlines()]
    if version.reconstruction_note:
        lines.append(wrap("(" + version.reconstruction_note.text(lang) + ")"))
    if lang == "en":
        lines += ["", L('english') + ":", wrap(version.text_en)]
    lines += ["", L('elements') + ":"]
    lines += [wrap(f"- [{say('statutes.element.' + e.kind, lang)}] {getattr(e, lang)}") for e in part.elements]
    if part.qualifiers:
        lines += ["", L('qualifiers') + ":"]
        lines += [wrap(f"- {q.id}: {q.text_az if lang == 'az' else q.en}") for q in part.qualifiers]
    lines += ["", L('sanctions') + ":"]
    mains = sum(p.role == "main" for p in ref.punishments)
    for p in ref.punishments:
        if p.role == "additional":
            role = L('additional') + (", " + L('mandatory') if p.mandatory else "")
        else:
            role = L('or') if mains > 1 else L('main')  # a single main punishment is no alternative
        low = f"{number(p.min.value)} [{p.min.article}] – " if p.min else "≤ "
        lines.append(f"  - {p.title[lang]} ({role}): {low}{number(p.max.value)} [{p.max.article}] {L(p.unit)}")
    lines += ["", L('consequences') + ":"]
    lines += [wrap("- " + n.text(lang)) for n in ref.notes]
    lines += [wrap("- " + r.note.text(lang)) for r in ref.release]
    lines += ["", L('open') + ":"]
    lines += [wrap(f"- [{q.id}] {q.text(lang)}") for q in ref.open_questions]
    return "\n".join(lines) + "\n"


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m statutes", description="Chapter 30 of the Criminal Code of Azerbaijan as data.")
    sub = ap.add_subparsers(dest="command", required=True)
    show = sub.add_parser("show", help="print one part's card")
    show.add_argument("part", help="part id, e.g. 271.2")
    show.add_argument("--on", metavar="YYYY-MM-DD", help="offence date: show the wording in force then")
    show.add_argument("--lang", choices=["en", "az"], default="en")
    export = sub.add_parser("export", help="print every part as JSON or CSV")
    export.add_argument("--format", choices=["json", "csv"], default="json")
    export.add_argument("--on", metavar="YYYY-MM-DD", help="the wording in force on this date")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        on = parse_date(args.on)
        if args.command == "show":
            sys.stdout.write(render_card(args.part, on, args.lang))
        else:
            records = part_records(on)
            sys.stdout.write(to_json(records) if args.format == "json" else to_csv(records))
    except (UnknownPartError, NotCoveredError, StatuteDataError, ValueError) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    return 0
