"""Command line: ``python -m quiz build`` writes a quiz in one of the export formats; ``kinds`` lists the
question kinds with how many questions each can ask.

Exit codes: 0 success, 1 a data error (an unknown article or kind, too few matching questions, a file that
cannot be written; one ``Error:`` line on stderr), 2 a usage error (argparse).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .builder import KINDS, build_quiz, question_pool
from .errors import QuizError
from .formats import FORMATS, export_quiz
from .model import DIFFICULTIES, LANGS
from .storage import QuizStore


def _csv_list(text: str) -> list[str]:
    return [x.strip() for x in text.split(",") if x.strip()]


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m quiz", description="Chapter 30 cybercrime quizzes for LMS import and print.")
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build a quiz and write it in an export format")
    b.add_argument("--count", type=int, default=20, help="number of questions (default 20)")
    b.add_argument("--seed", type=int, default=0, help="random seed: the same seed gives the same quiz (default 0)")
    b.add_argument("--lang", choices=LANGS, default="en", help="language of every text (default en)")
    b.add_argument("--format", choices=list(FORMATS), default="gift", help="export format (default gift)")
    b.add_argument("-o", "--output", default="-", help="output file; '-' is stdout for the text formats (default)")
    b.add_argument("--articles", type=_csv_list, help="comma-separated articles, e.g. 271,273-1")
    b.add_argument("--kinds", type=_csv_list, help=f"comma-separated question kinds: {', '.join(KINDS)}")
    b.add_argument("--difficulty", choices=DIFFICULTIES)
    b.add_argument("--save", action="store_true", help="also save the quiz in the quiz database ($QUIZ_DB)")
    sub.add_parser("kinds", help="list the question kinds and how many questions each can ask")
    return ap


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "kinds":
            counts = {k: 0 for k in KINDS}
            for s in question_pool():
                counts[s.kind] += 1
            for name, kind in KINDS.items():
                print(f"{name:22} {counts[name]:4}  {kind.title['en']}")
            return 0
        fmt = FORMATS[args.format]
        if fmt.binary and args.output == "-":
            parser.error(f"--format {args.format} writes a zip file; give a file name with -o")
        quiz = build_quiz(args.count, args.seed, args.lang, args.articles, args.kinds, args.difficulty)
        data = export_quiz(quiz, args.format)
        if args.output == "-":
            sys.stdout.write(data.decode("utf-8"))
        else:
            Path(args.output).write_bytes(data)
        if args.save:
            print(f"saved as quiz {QuizStore().save_quiz(quiz)}", file=sys.stderr)
    except (QuizError, OSError) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    return 0
