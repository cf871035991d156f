"""Benchmark: start-up and end-to-end speed of ``python -m classifier classify`` against a plain peer.

Run ``python bench/start.py`` (``--rows``, ``--singles``, ``--root``). In one run it measures

1. the time to the first output row of ``python -m classifier classify`` on a one-row CSV (a new process, the
   model already built; the clock runs from the process start until its first data row reaches the pipe);
2. a ``--rows``-row CSV (~600-character synthetic incidents, :func:`bench.batch.incident_rows`) classified end to
   end by the command (process start to exit, reading and writing the files included), against a plain peer
   run end to end the same way: a process that imports scikit-learn, fits a word TF-IDF + one-vs-rest LinearSVC
   on the same train split (it has no saved model; fitting is its model load), reads the same CSV, predicts the
   same rows and writes their labels (:data:`PEER`). The peer's predict step alone (in this process, the CSV read
   included) is reported too;
3. the command's own rows/s (from its summary line, one process: rows/s per core);
4. single-text ``classifier.analyse`` latency p50 / p95 (~600 characters).

``--root`` measures another checkout of the project (e.g. the commit before a change) with the same rows.
Ratios hold on a shared, noisy machine even when the absolute numbers move.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGETS = {"first_row_s": 1.5, "peer_ratio": 3.0, "rows_per_core": 2000, "p95_ms": 20.0}


def first_row_seconds(root: Path, src: Path, repeat: int) -> list[float]:
    """Seconds from starting ``python -m classifier classify SRC`` until its first data row is on stdout."""
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "classifier", "classify", str(src)], cwd=root,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        proc.stdout.readline()  # the header
        proc.stdout.readline()  # the first row
        out.append(time.perf_counter() - t0)
        proc.communicate()
    return out


def cli_run(root: Path, src: Path, dst: Path) -> tuple[float, float]:
    """(wall seconds of the whole command, rows/s from its summary line)."""
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "classifier", "classify", str(src), "-o", str(dst)], cwd=root,
                          capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 3):
        raise SystemExit(proc.stderr)
    m = re.search(r"classified (\d+) rows in ([\d.]+) s", proc.stderr)
    return wall, int(m.group(1)) / max(float(m.group(2)), 1e-9)


PEER = """
import sys
import pandas as pd
sys.path.insert(0, sys.argv[1])
from start import plain_peer
from pathlib import Path
peer = plain_peer(Path(sys.argv[2]))
df = pd.read_csv(sys.argv[3], dtype=object, keep_default_na=False)
pd.DataFrame({"labels": [";".join(map(str, r.nonzero()[0])) for r in peer.predict(df["text"].tolist())]}).to_csv(sys.argv[4])
"""
"""The plain peer end to end: start, fit on the train split, read the rows, predict, write."""


def peer_process(root: Path, src: Path, dst: Path) -> float:
    """Wall seconds of :data:`PEER` as its own process."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", PEER, str(HERE), str(root), str(src), str(dst)], check=True,
                   capture_output=True)
    return time.perf_counter() - t0


def plain_peer(root: Path):
    """A word TF-IDF + one-vs-rest LinearSVC fitted on the train split of ``root``'s corpus."""
    import pandas as pd
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import MultiLabelBinarizer
    from sklearn.svm import LinearSVC

    frames = [pd.read_csv(f, dtype=str, keep_default_na=False) for f in sorted((root / "training_data").glob("*/*.csv"))]
    train = pd.concat(frames)
    train = train[train["split"] == "train"]
    y = MultiLabelBinarizer().fit_transform([[] if a == "none" else a.split(";") for a in train["articles"]])
    return make_pipeline(TfidfVectorizer(sublinear_tf=True), OneVsRestClassifier(LinearSVC())).fit(train["text"], y)


def peer_seconds(peer, src: Path) -> float:
    """Seconds for the peer to read ``src`` and predict every row."""
    import pandas as pd
    t0 = time.perf_counter()
    df = pd.read_csv(src, dtype=object, keep_default_na=False)
    peer.predict(df["text"].tolist())
    return time.perf_counter() - t0


def texts_of_length(root: Path, n: int, length: int = 600, seed: int = 0) -> list[str]:
    """``n`` texts of ``length`` characters, each made by joining train incidents of ``root``'s corpus."""
    import numpy as np
    import pandas as pd
    frames = [pd.read_csv(f, dtype=str, keep_default_na=False) for f in sorted((root / "training_data").glob("train/*.csv"))]
    pool = pd.concat(frames).text.tolist()
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        t = ""
        while len(t) < length:
            t += pool[int(rng.integers(len(pool)))] + " "
        out.append(t[:length])
    return out


def single_latency(root: Path, n: int) -> list[float]:
    """``classifier.analyse`` seconds per text, in a subprocess importing ``root``'s code."""
    import json
    texts = texts_of_length(root, n)
    code = f"""
import json, sys, time
sys.path.insert(0, {str(root)!r})
import classifier
model = classifier.get_model()
texts = json.loads(sys.stdin.read())
classifier.analyse(texts[0], model=model)
for t in texts:
    t0 = time.perf_counter(); classifier.analyse(t, model=model); print(time.perf_counter() - t0)
"""
    proc = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                           input=json.dumps(texts))
    if proc.returncode:
        raise SystemExit(proc.stderr)
    return [float(x) for x in proc.stdout.split()]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=20_000)
    ap.add_argument("--singles", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3, help="runs of the one-row and bulk measures (median)")
    ap.add_argument("--root", type=Path, default=HERE.parent, help="the checkout to measure")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(HERE))
    from batch import write_rows

    root = args.root.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        one, rows, dst = Path(tmp) / "one.csv", Path(tmp) / "rows.csv", Path(tmp) / "out.csv"
        one.write_text("id,text\n1,Hackers broke into the bank's server and transferred 5 000 manat.\n", encoding="utf-8")
        write_rows(rows, args.rows)
        subprocess.run([sys.executable, "-m", "classifier", "classify", str(one)], cwd=root, capture_output=True)
        first = first_row_seconds(root, one, args.repeat)
        peer = plain_peer(root)
        peer_seconds(peer, one)
        walls, rates, peers, predicts = [], [], [], []
        for _ in range(args.repeat):  # alternated, so both see the same machine load
            peers.append(peer_process(root, rows, Path(tmp) / "peer.csv"))
            predicts.append(peer_seconds(peer, rows))
            wall, rate = cli_run(root, rows, dst)
            walls.append(wall)
            rates.append(rate)
        lat = sorted(single_latency(root, args.singles))
    q = lambda xs, p: 1000 * xs[min(len(xs) - 1, int(p / 100 * len(xs)))]  # noqa: E731
    wall, peer_s, predict_s = statistics.median(walls), statistics.median(peers), statistics.median(predicts)
    print(f"machine: {os.cpu_count()} cores; root: {root}; {args.rows} rows; medians of {args.repeat} runs")
    print(f"{'measure':<58}{'value':>10}{'target':>10}")
    print(f"{'CLI first output row, one-row file (s)':<58}{statistics.median(first):>10.2f}{TARGETS['first_row_s']:>10}")
    print(f"{'CLI end to end, ' + format(args.rows, ',') + ' rows (s)':<58}{wall:>10.2f}")
    print(f"{'plain peer end to end: start, fit, read, predict, write (s)':<58}{peer_s:>10.2f}")
    print(f"{'CLI / plain peer, end to end (same rows, same run)':<58}{wall / peer_s:>9.2f}×{TARGETS['peer_ratio']:>9}×")
    print(f"{'plain peer predict step only, read + predict (s)':<58}{predict_s:>10.2f}")
    print(f"{'CLI / plain peer predict step':<58}{wall / predict_s:>9.2f}×")
    print(f"{'CLI rows/s per core (summary line, --jobs 1)':<58}{statistics.median(rates):>10,.0f}"
          f"{TARGETS['rows_per_core']:>10,}")
    print(f"{'single analyse() p50 (ms)':<58}{q(lat, 50):>10.1f}")
    print(f"{'single analyse() p95 (ms)':<58}{q(lat, 95):>10.1f}{TARGETS['p95_ms']:>10}")


if __name__ == "__main__":
    main()
