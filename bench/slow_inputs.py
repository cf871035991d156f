"""Benchmark: the slowest texts known for the analysis, at the length limit, against ordinary text of that length.

Run ``python bench/slow_inputs.py`` (``--chars``, default the limit :data:`classifier.text.MAX_CHARS`;
``--repeat``). Each input is built to exactly ``--chars`` characters and analysed by ``analyse()`` and, as one
bulk row, by ``classify_frame()``; the reference is ordinary incident text of the same length (corpus incidents
joined). The inputs are those that made the amount and cue searches quadratic (issue 13): a currency word and
then a long run of digits, grouped numbers with no currency after them, and stems of cue words repeated without
a space. With every search linear, each costs about what the reference costs (the ratio column).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _fill(head: str, unit: str, tail: str, chars: int) -> str:
    """``head`` + ``unit`` repeated + ``tail``, exactly ``chars`` characters."""
    body = chars - len(head) - len(tail)
    return head + (unit * (body // len(unit) + 1))[:body] + tail


def slow_inputs(chars: int) -> dict[str, str]:
    """The known worst cases, each ``chars`` characters long."""
    return {
        "currency word, then digits": _fill("hacked my bank account and stole 5 manat ", "1", "", chars),
        "1.000.000… with no currency after": _fill("stole 5 manat from 1", ".000", "x", chars),
        "5,000,… with no currency after": _fill("stole 5 manat from 5", ",000", "x", chars),
        "1 000 000… with no currency after": _fill("stole 5 manat from 1", " 000", "x", chars),
        "1.1.1.… after a currency word": _fill("hacked, 5 manat ", "1.", "", chars),
        "$1$1…": _fill("someone hacked my mail ", "$1", "", chars),
        "scale words run together (1 тысяч2…)": _fill("hacked manat ", "1 тысяч2", "", chars),
        "cue stem repeated (сетсет…)": _fill("взлом ", "сет", "", chars),
        "cue stem repeated (bankbank…)": _fill("hacked ", "bank", "", chars),
        "cue stem repeated (serversserv…)": _fill("hacked ", "servers of the", "", chars),
    }


def ordinary(chars: int) -> str:
    """Corpus incidents joined to ``chars`` characters."""
    from classifier.corpus import load_corpus
    texts = load_corpus(split="train").text.tolist()
    return _fill("", " ".join(texts[:200]) + " ", "", chars)


def _best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv=None) -> None:
    from classifier.text import MAX_CHARS
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--chars", type=int, default=MAX_CHARS)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each input (the fastest is reported)")
    args = ap.parse_args(argv)
    import pandas as pd

    from classifier.analysis import analyse
    from classifier.bulk import classify_frame
    from classifier.model import get_model

    model = get_model()
    analyse("someone hacked my mail", model=model)  # warm-up
    rows = {"ordinary incident text (reference)": ordinary(args.chars), **slow_inputs(args.chars)}
    timed = {}
    for name, text in rows.items():
        frame = pd.DataFrame({"text": [text]})
        timed[name] = (_best(lambda: analyse(text, model=model), args.repeat),
                       _best(lambda: classify_frame(frame, "text", model=model), args.repeat))
    ref = timed["ordinary incident text (reference)"]
    print(f"{args.chars:,} characters per input; fastest of {args.repeat} runs")
    print(f"{'input':<44}{'analyse ms':>12}{'bulk row ms':>13}{'ratio':>8}")
    for name, (one, bulk) in timed.items():
        print(f"{name:<44}{1000 * one:>12.1f}{1000 * bulk:>13.1f}{one / ref[0]:>7.1f}×")
    worst = max(one for one, _ in timed.values())
    print(f"slowest / reference: {worst / ref[0]:.1f}× (median of the inputs "
          f"{statistics.median(one for one, _ in timed.values()) / ref[0]:.1f}×)")


if __name__ == "__main__":
    main()
