"""Running counts of a bulk classification: rows, errors, articles, parts and articles by day (for the summary
line and the report)."""
from __future__ import annotations

import collections
from collections.abc import Iterable

import pandas as pd

from i18n import number

class Summary:
    """Running counts over classified chunks: rows, errors, articles, parts and (with a date column) articles by
    day. Memory is bounded by the number of distinct labels, parts and days, not by the rows."""

    def __init__(self, labels: Iterable[str], date_column: str | None = None):
        self.labels = list(labels)
        self.date_column = date_column
        self.rows = self.errors = self.undated = 0
        self.articles: collections.Counter = collections.Counter()
        self.parts: collections.Counter = collections.Counter()
        self.by_day: collections.Counter = collections.Counter()

    def add(self, out: pd.DataFrame) -> None:
        """Count one classified chunk (the output of :func:`classify_frame`)."""
        done = out["error"] == ""
        self.rows += len(out)
        self.errors += int((~done).sum())
        for col, counter in (("articles", self.articles), ("parts", self.parts)):
            counter.update(out.loc[done, col].str.split(";").explode().tolist())
        if self.date_column is not None:
            days = _days(out.loc[done, self.date_column])
            self.undated += int(days.isna().sum())
            pairs = pd.DataFrame({"day": days, "a": out.loc[done, "articles"].str.split(";")}).dropna().explode("a")
            self.by_day.update(zip(pairs["day"], pairs["a"]))

    def article_counts(self) -> dict[str, int]:
        """Counts per article label in the model's order, then ``none``."""
        return {k: self.articles.get(k, 0) for k in [*self.labels, "none"]}

    def line(self, seconds: float, where: str | None = None) -> str:
        """The summary line: rows, time, rate, ``where`` they ran (e.g. a Dask scheduler), errors and counts."""
        rate = self.rows / seconds if seconds > 0 else 0.0
        counts = ", ".join(f"{k}: {v}" for k, v in self.article_counts().items())
        place = f" {where}" if where else ""
        return (f"classified {self.rows} rows in {seconds:.1f} s ({number(rate, ',', 0)} rows/s){place}; "
                f"errors: {self.errors}; {counts}")


def _days(values: pd.Series) -> pd.Series:
    """Dates of a column of mixed values (ISO strings, datetimes, Excel dates) as ``YYYY-MM-DD``; NaN if none."""
    parsed = pd.to_datetime(values.astype(str).where(values.notna()), errors="coerce", format="mixed", utc=True)
    return parsed.dt.strftime("%Y-%m-%d").astype(object).where(parsed.notna())
