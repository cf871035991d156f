"""Benchmark: single-text latency of analyse() and bulk rows/s of classify_frame(), against a plain peer.

Run ``python bench/classify.py`` (``--rows``, ``--singles``, ``--repeat``, ``--build``). Texts are ~600-character
incidents built by joining corpus incidents; the plain peer (word TF-IDF + one-vs-rest LinearSVC trained on the
same train split, :func:`bench.start.plain_peer`) predicts the same texts in the same run, so the ratios hold on
a shared, noisy machine even when the absolute numbers move. Bulk runs alternate peer and full ``--repeat`` times
and report the median; every full run starts with an empty word cache (:meth:`classifier.model.Features.clear_cache`),
as a new job would. ``--build`` also times a full model build, once with the folds and heads fitted in worker
processes (the default) and once in one process, in the same run (the ratio holds when the machine is busy; the
absolute time needs an idle machine).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=20000)
    ap.add_argument("--singles", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3, help="bulk runs of each kind, alternated (median reported)")
    ap.add_argument("--build", action="store_true", help="also time a full model build")
    args = ap.parse_args(argv)
    from start import plain_peer, texts_of_length

    from classifier.analysis import analyse
    from classifier.bulk import classify_frame
    from classifier.model import build, get_model

    if args.build:
        import tempfile
        times = {}
        for name, processes in (("one process", 1), ("worker processes", None)):
            with tempfile.TemporaryDirectory() as d:
                t0 = time.perf_counter()
                build(Path(d), log=lambda m: None, processes=processes)
                times[name] = time.perf_counter() - t0
        print(f"model build: {times['worker processes']:.1f} s in worker processes ({os.cpu_count()} cores), "
              f"{times['one process']:.1f} s in one process ({times['one process'] / times['worker processes']:.2f}x)")
    model = get_model()
    texts = texts_of_length(ROOT, args.rows)
    bare_fn = plain_peer(ROOT).predict
    # warm-up
    analyse(texts[0], model=model)
    classify_frame(pd.DataFrame({"text": texts[:200]}), "text", model=model)

    lat, bare_lat = [], []
    for t in texts[: args.singles]:
        t0 = time.perf_counter(); bare_fn([t]); bare_lat.append(time.perf_counter() - t0)
        t0 = time.perf_counter(); analyse(t, model=model); lat.append(time.perf_counter() - t0)
    q = lambda xs, p: 1000 * float(np.percentile(xs, p))  # noqa: E731

    df = pd.DataFrame({"text": texts})
    bares, fulls = [], []
    for _ in range(args.repeat):
        t0 = time.perf_counter(); bare_fn(texts); bares.append(time.perf_counter() - t0)
        model.extractor.clear_cache()
        t0 = time.perf_counter(); classify_frame(df, "text", model=model); fulls.append(time.perf_counter() - t0)
    bare, full = statistics.median(bares), statistics.median(fulls)
    print(f"machine: {os.cpu_count()} cores; texts: {args.rows} × {statistics.mean(map(len, texts)):.0f} chars; one process")
    print(f"bulk runs (rows/s, alternated): peer {', '.join(f'{args.rows / t:.0f}' for t in bares)}; "
          f"classify_frame {', '.join(f'{args.rows / t:.0f}' for t in fulls)}")
    print(f"{'measure':<46}{'value':>12}")
    print(f"{'single text analyse() p50 (ms)':<46}{q(lat, 50):>12.1f}")
    print(f"{'single text analyse() p95 (ms)':<46}{q(lat, 95):>12.1f}")
    print(f"{'single text plain peer p50 (ms)':<46}{q(bare_lat, 50):>12.1f}")
    print(f"{'bulk classify_frame rows/s (median)':<46}{args.rows / full:>12.0f}")
    print(f"{'bulk plain peer rows/s (median)':<46}{args.rows / bare:>12.0f}")
    print(f"{'bulk overhead (classify_frame / peer)':<46}{full / bare:>12.2f}×")
    print(f"{'single overhead (analyse p50 / peer p50)':<46}{q(lat, 50) / q(bare_lat, 50):>12.2f}×")


if __name__ == "__main__":
    main()
