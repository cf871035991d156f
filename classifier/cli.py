"""``python -m classifier``: train, evaluate, analyse one text, classify a table, corpus statistics.

Exit codes: 0 success; 1 a data or input error (message on stderr); 2 a usage error.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd


def _cmd_train(args) -> int:
    from .training import build
    build()
    return 0


def _cmd_evaluate(args) -> int:
    from .evaluate import evaluate
    figures = evaluate(Path(args.out) if args.out else None)
    for k, v in figures.items():
        print(f"{k}: {v:.4f}")
    return 0


def _cmd_analyse(args) -> int:
    from .analyse import analyse
    from .render import analysis_markdown
    text = sys.stdin.read() if args.text == "-" else args.text
    a = analyse(text, offence_date=args.on)
    sys.stdout.write(analysis_markdown(a, args.lang))
    return 0


def _cmd_classify(args) -> int:
    from .batch import classify_frame
    src = sys.stdin if args.input == "-" else args.input
    df = pd.read_csv(src, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    out = classify_frame(df, args.text_column)
    out.to_csv(args.output if args.output != "-" else sys.stdout, index=False)
    errors = int((out["error"] != "").sum())
    counts = out["articles"].str.split(";").explode().value_counts()
    print(f"classified {len(out)} rows; errors: {errors}; " + ", ".join(f"{k}: {v}" for k, v in counts.items()), file=sys.stderr)
    return 0


def _cmd_corpus(args) -> int:
    from .incident import load_corpus, stats, validate
    df = load_corpus()
    problems = validate(df)
    for what, t in stats(df).items():
        print(f"\n## {what}\n")
        print(t.to_string())
    print(f"\nincidents: {len(df)} (train {int((df.split == 'train').sum())}, test {int((df.split == 'test').sum())}); "
          f"validation problems: {len(problems)}")
    for p in problems[:20]:
        print("  ", p)
    return 1 if problems else 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m classifier", description="Chapter 30 offence classifier.")
    sub = ap.add_subparsers(dest="command", required=True)
    sub.add_parser("train", help="build the model from training_data/ into models/").set_defaults(func=_cmd_train)
    ev = sub.add_parser("evaluate", help="write reports/evaluation.md (test split and CV, with baselines)")
    ev.add_argument("--out", help="report folder (default reports/)")
    ev.set_defaults(func=_cmd_evaluate)
    an = sub.add_parser("analyse", help="analyse one incident text (or - for stdin) and print Markdown")
    an.add_argument("text")
    an.add_argument("--on", metavar="YYYY-MM-DD", help="offence date")
    an.add_argument("--lang", choices=["en", "az"], default="en")
    an.set_defaults(func=_cmd_analyse)
    cl = sub.add_parser("classify", help="classify a CSV of incidents (or - for stdin)")
    cl.add_argument("input")
    cl.add_argument("--text-column", default="text")
    cl.add_argument("-o", "--output", default="-")
    cl.set_defaults(func=_cmd_classify)
    sub.add_parser("corpus", help="validate training_data/ and print its counts").set_defaults(func=_cmd_corpus)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from statutes import NotCoveredError
    from .batch import ColumnError
    from .incident import CorpusError
    from .persist import ModelError
    from .text import TextError
    try:
        return args.func(args)
    except (TextError, NotCoveredError, ColumnError, CorpusError, ModelError, ValueError, OSError) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
