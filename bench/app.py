"""Benchmark: server time of an analysis interaction in the app after warm-up (not a test).

Drives the real page script with Streamlit's AppTest (in-process, no browser): submit a scenario once to warm the
caches, then time ``--runs`` interactions that change a known fact (which re-runs the page and re-analyses the
stored text), and the same number of bare ``classifier.analyse`` calls in the same run for the ratio.
Run ``python bench/app.py``.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEXT = ("Hackers broke into the servers of Kapital Bank, encrypted the customer database and demanded a ransom; "
        "the bank puts the losses at 2 million manat and online banking was down for two days.")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args(argv)
    import logging

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    from streamlit.testing.v1 import AppTest

    import classifier

    model = classifier.get_model()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["lang"] = "en"
    at.run()
    at.text_area(key="incident_text").input(TEXT)
    at.button[0].click().run()
    assert not at.exception
    times, bare = [], []
    for i in range(args.runs):
        value = ("yes", "no", "auto")[i % 3]
        t0 = time.perf_counter()
        at.radio(key="fact_repeat").set_value(value).run()
        times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        classifier.analyse(TEXT, model=model, known_circumstances={"repeat": value == "yes"} if value != "auto" else None)
        bare.append(time.perf_counter() - t0)
    q = lambda xs, p: 1000 * sorted(xs)[min(len(xs) - 1, int(p / 100 * len(xs)))]  # noqa: E731
    print(f"{'measure':<52}{'ms':>8}")
    print(f"{'app interaction (change a fact, page re-run) p50':<52}{q(times, 50):>8.0f}")
    print(f"{'app interaction p95':<52}{q(times, 95):>8.0f}")
    print(f"{'bare analyse() p50 (same run)':<52}{q(bare, 50):>8.0f}")
    print(f"{'page overhead over analyse() (p50 ratio)':<52}{statistics.median(times) / statistics.median(bare):>7.1f}×")


if __name__ == "__main__":
    main()
