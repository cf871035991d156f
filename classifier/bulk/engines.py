"""Running :func:`~classifier.bulk.frame.classify_frame` over a stream of chunks: in this process, in a pool of
local processes (``jobs``) or on a Dask cluster, always yielding the results in input order."""
from __future__ import annotations

import collections
import multiprocessing
import signal
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import pandas as pd

import statutes

from ..model import Model
from ..text import MAX_CHARS
from .frame import classify_frame

DASK_LOCAL: dict[str, Any] = {"processes": True, "threads_per_worker": 1, "dashboard_address": None}
"""Keyword arguments of the ``distributed.LocalCluster`` started for ``--engine dask`` without a scheduler."""

_worker: dict[str, Any] = {}


class WorkerError(RuntimeError):
    """A local worker process stopped before returning its chunk (killed, or out of memory)."""


Chunk = tuple[pd.DataFrame, Sequence[str] | None]
"""A frame and its reader messages per row (or None), as :meth:`classifier.batch_io.TableReader.chunks` yields."""


def classify_chunks(chunks: Iterable[Chunk], text_column: str, *, model: Model, jobs: int = 1,
                    engine: str = "local", client=None, max_chars: int = MAX_CHARS) -> Iterator[pd.DataFrame]:
    """Classify a stream of ``(frame, row_errors)`` chunks with :func:`classify_frame`; yields the classified
    frames in input order.

    ``engine="local"`` runs in this process (``jobs=1``) or in ``jobs`` local processes, at most ``2 × jobs``
    chunks in flight. ``engine="dask"`` needs a ``distributed.Client`` (see :func:`dask_client`). The output is
    the same on every path. Raises what :func:`classify_frame` raises, and :class:`WorkerError` if a worker dies.
    """
    if engine == "dask":
        yield from _dask_chunks(chunks, text_column, model, client, max_chars)
    elif jobs <= 1:
        table = statutes.load_table()
        for frame, row_errors in chunks:
            yield classify_frame(frame, text_column, model=model, table=table, max_chars=max_chars,
                                 row_errors=row_errors)
    else:
        yield from _pooled_chunks(chunks, text_column, model, jobs, max_chars)


def _init_worker(model: Model, text_column: str, max_chars: int) -> None:
    """Keep what every chunk needs. Ctrl-C is left to the parent (it reaches the whole process group): the parent
    stops the run once, with one message, instead of each worker printing a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker.update(model=model, text_column=text_column, max_chars=max_chars, table=statutes.load_table())


def _classify_in_worker(frame: pd.DataFrame, row_errors: Sequence[str] | None) -> pd.DataFrame:
    return classify_frame(frame, _worker["text_column"], model=_worker["model"], table=_worker["table"],
                          max_chars=_worker["max_chars"], row_errors=row_errors)


def _pool_context():
    """``fork`` where it is safe (Linux, and no other thread in this process): workers start at once and share
    the model copy-on-write. Otherwise ``forkserver`` (or ``spawn``), whose workers import the package afresh
    (a few seconds) and receive the model once each as an initializer argument."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["classifier.bulk"])
        return ctx
    return multiprocessing.get_context("spawn")


def _pooled_chunks(chunks, text_column, model, jobs, max_chars) -> Iterator[pd.DataFrame]:
    pool = ProcessPoolExecutor(jobs, mp_context=_pool_context(), initializer=_init_worker,
                               initargs=(model, text_column, max_chars))
    pending: collections.deque = collections.deque()
    try:
        for frame, row_errors in chunks:
            pending.append(pool.submit(_classify_in_worker, frame, row_errors))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BrokenProcessPool:
        raise WorkerError("a worker process stopped unexpectedly (killed, or out of memory?)") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def dask_client(scheduler: str | None, jobs: int):
    """A ``distributed.Client`` for ``scheduler`` (``tcp://host:port``), or for a new local cluster of ``jobs``
    single-threaded workers (:data:`DASK_LOCAL`). Close it when done. Raises ``OSError`` if it cannot connect.

    Remote workers must be able to import this project (same version) to run :func:`classify_frame`. The cluster
    receives the incidents and runs this project's code, and the client unpickles what the workers send back
    (pickle can run code): use only a cluster you trust.
    """
    from distributed import Client, LocalCluster
    if scheduler:
        return Client(scheduler, timeout="20s")
    return Client(LocalCluster(n_workers=max(1, jobs), **DASK_LOCAL))


_READ_ERROR = "__batch_read_error__"
"""A column that carries the reader's messages through Dask partitions; removed before classifying."""


def _classify_partition(part: pd.DataFrame, model: Model, text_column: str, max_chars: int) -> pd.DataFrame:
    row_errors = part[_READ_ERROR].tolist()
    return classify_frame(part.drop(columns=_READ_ERROR), text_column, model=model, max_chars=max_chars,
                          row_errors=row_errors)


def _dask_chunks(chunks, text_column, model, client, max_chars) -> Iterator[pd.DataFrame]:
    """Windows of chunks become dask.dataframe partitions; the model is scattered to every worker once."""
    import dask
    import dask.dataframe as dd
    if client is None:
        raise ValueError("the dask engine needs a distributed.Client (see dask_client)")
    model_on_workers = client.scatter(model, broadcast=True, hash=False)
    window = min(64, max(2, 4 * sum(client.nthreads().values())))  # chunks per compute, bounding memory
    chunks = iter(chunks)
    meta = None
    with dask.config.set({"dataframe.convert-string": False}):
        while True:
            batch = [c for _, c in zip(range(window), chunks)]
            if not batch:
                return
            frame = pd.concat([f for f, _ in batch])
            messages = [m for f, errs in batch for m in (errs if errs is not None else [""] * len(f))]
            if meta is None:
                meta = classify_frame(frame.iloc[:1], text_column, model=model, max_chars=max_chars).iloc[:0]
            frame = frame.assign(**{_READ_ERROR: pd.Series(messages, index=frame.index, dtype=object)})
            ddf = dd.from_pandas(frame, npartitions=len(batch), sort=False)
            yield ddf.map_partitions(_classify_partition, model_on_workers, text_column, max_chars,
                                     meta=meta).compute()
