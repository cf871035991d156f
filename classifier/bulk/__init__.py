"""Bulk classification of incident tables: one output row per input row, in order, every input column kept.

- :func:`classify_frame` (:mod:`.frame`) — a DataFrame in, the same with the results appended (:data:`RESULT_COLUMNS`);
  bad rows get a message in ``error``; :class:`ColumnError` for a missing or doubled text column;
- :func:`classify_chunks`, :func:`dask_client` (:mod:`.engines`) — streams of chunks in this process, in local
  processes or on a Dask cluster, in input order; :class:`WorkerError` when a local worker dies;
- :class:`Summary` (:mod:`.summary`) — running counts for the summary line and the report;
- :mod:`.io` — readers, writers and the report (CSV, TSV, JSONL, XLSX, text).
"""
from .engines import DASK_LOCAL, WorkerError, classify_chunks, dask_client
from .frame import EMPTY, RESULT_COLUMNS, UNDECODABLE, ColumnError, check_columns, checked_text, classify_frame
from .summary import Summary

__all__ = ["DASK_LOCAL", "EMPTY", "RESULT_COLUMNS", "UNDECODABLE", "ColumnError", "Summary", "WorkerError",
           "check_columns", "checked_text", "classify_chunks", "classify_frame", "dask_client"]
