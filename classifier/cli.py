"""``python -m classifier``: train, evaluate, analyse one text, classify a table, corpus statistics.

Exit codes: 0 success; 1 a data or input error (one ``Error:`` line on stderr); 2 a usage error; 130 interrupted
(Ctrl-C); ``classify`` also exits 3 when some rows could not be classified (each has a message in its ``error``
column; the output is complete).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path



def _cmd_train(args) -> int:
    from .model.training import build
    build()
    return 0


def _cmd_evaluate(args) -> int:
    from .evaluation.report import evaluate
    figures = evaluate(Path(args.out) if args.out else None)
    for k, v in figures.items():
        print(f"{k}: {v:.4f}")
    return 0


def _cmd_analyse(args) -> int:
    from statutes import parse_date

    from .analysis import analyse, analysis_markdown
    text = sys.stdin.read() if args.text == "-" else args.text
    a = analyse(text, offence_date=parse_date(args.on))
    sys.stdout.write(analysis_markdown(a, args.lang))
    return 0


CLASSIFY_EPILOG = """\
Exit codes: 0 every row classified; 3 some rows have an error message in the `error` column (the output is still
complete: one row per input row, in order); 1 fatal (unreadable input, no header, missing or doubled text
column, output not writable, a worker that died); 2 usage (bad options, unknown format or encoding, input that is
not text in any encoding); 130 interrupted (Ctrl-C).

Rows are refused with a message, not dropped: empty text, text over 20,000 characters, undecodable bytes, NUL
bytes or binary content, values that are not text, malformed CSV lines and invalid JSON lines (with their line
numbers). A file output appears only when complete; an error or Ctrl-C leaves no partial file.

--scheduler sends the incidents to a Dask cluster, which runs this project's code on them; this command then
unpickles the results the workers send back, and pickle can run code. Use only a cluster you trust.
"""


def _cmd_classify(args) -> int:
    """Stream INPUT through the classifier; see :data:`CLASSIFY_EPILOG` for the exit codes."""
    from .bulk import ColumnError, WorkerError, io as batch_io
    unwritten = "the output on stdout is incomplete" if args.output == "-" else "no output was written"
    try:
        return _classify(args)
    except batch_io.FormatError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    except (batch_io.InputError, batch_io.OutputError, ColumnError) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except WorkerError as exc:
        print(f"Error: {exc}; {unwritten}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"Error: interrupted; {unwritten}", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `| head`: stop quietly, and keep Python from complaining at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print("Error: the output pipe was closed before all rows were written", file=sys.stderr)
        return 1


def _classify(args) -> int:
    import time

    from . import bulk as batch
    from .bulk import io as batch_io
    from .model import get_model
    if args.chunk_size < 1 or args.jobs < 1:
        raise batch_io.FormatError("--chunk-size and --jobs must be at least 1")
    if args.scheduler and args.engine != "dask":
        raise batch_io.FormatError("--scheduler needs --engine dask")
    if args.input != "-" and args.output != "-" and Path(args.input).resolve() == Path(args.output).resolve():
        raise batch_io.FormatError("the output would overwrite the input; choose another -o")
    out_format = batch_io.output_format(args.output, args.output_format)
    if args.report:
        batch_io.report_kind(args.report)
    if out_format == "xlsx" and args.output == "-" and sys.stdout.isatty():
        raise batch_io.FormatError("an XLSX workbook is binary; write it to a file with -o FILE.xlsx")
    reader = batch_io.open_input(args.input, batch_io.input_format(args.input, args.input_format),
                                 text_column=args.text_column, encoding=args.encoding)
    text_column = reader.text_column
    try:
        chunks = reader.chunks(args.chunk_size)
        first = next(chunks, None)
        if first is not None or reader.columns:
            batch.check_columns(reader.columns, text_column)
        if args.date_column is not None:
            batch.check_columns(reader.columns, args.date_column)
        model = get_model()
        summary = batch.Summary(model.labels, args.date_column)
        writer = batch_io.open_output(args.output, out_format, formula_guard=not args.no_formula_guard)
        try:
            started = time.perf_counter()
            _run(args, model, text_column, chunks, first, writer, summary)
            if first is None:
                import pandas as pd
                empty = pd.DataFrame(columns=reader.columns)
                writer.write(batch.classify_frame(empty, text_column, model=model) if reader.columns else
                             pd.DataFrame(columns=batch.RESULT_COLUMNS))
            writer.close()
        except BaseException:
            writer.abort()
            raise
    finally:
        reader.close()
    seconds = time.perf_counter() - started
    _warn_about(reader, writer)
    if args.report:
        batch_io.write_report(summary, args.report, source=reader.name, lang=args.lang)
    print(summary.line(seconds, f"on the Dask scheduler {args.scheduler}" if args.scheduler else None),
          file=sys.stderr)
    return 3 if summary.errors else 0


def _warn_about(reader, writer) -> None:
    """Reader and writer notes on stderr: renamed columns, skipped blank lines, unreadable lines, cut cells."""
    notes = list(reader.notes)
    if reader.blank_lines:
        notes.append(f"{reader.blank_lines} blank line{'s' * (reader.blank_lines != 1)} skipped (not records)")
    if reader.problem_count:
        more = reader.problem_count - len(reader.problems)
        notes.append(f"{reader.problem_count} input record(s) could not be read and are error rows: "
                     + "; ".join(reader.problems) + (f"; and {more} more" if more else ""))
    for note in [*notes, *writer.warnings]:
        print(f"Warning: {note}", file=sys.stderr)


def _run(args, model, text_column, chunks, first, writer, summary) -> None:
    """Classify ``first`` and the remaining chunks on the chosen engine, writing and counting each result.

    The progress bar shows only on a terminal; it runs without tqdm's monitor thread so that ``--jobs`` may fork.
    """
    import itertools

    from tqdm import tqdm

    from . import bulk as batch

    class _Bar(tqdm):
        monitor_interval = 0

    if first is None:
        return
    client = batch.dask_client(args.scheduler, args.jobs) if args.engine == "dask" else None
    try:
        with _Bar(unit=" rows", disable=None, file=sys.stderr, mininterval=0.5) as bar:
            for out in batch.classify_chunks(itertools.chain([first], chunks), text_column, model=model,
                                             jobs=args.jobs, engine=args.engine, client=client):
                writer.write(out)
                summary.add(out)
                bar.update(len(out))
    finally:
        if client is not None:
            cluster = client.cluster
            client.close()
            if cluster is not None and args.scheduler is None:
                cluster.close()


def _cmd_corpus(args) -> int:
    from .corpus import SPLITS, load_corpus, stats, validate
    df = load_corpus()
    problems = validate(df)
    for what, t in stats(df).items():
        print(f"\n## {what}\n")
        print(t.to_string())
    per_split = ", ".join(f"{s} {int((df.split == s).sum())}" for s in SPLITS)
    print(f"\nincidents: {len(df)} ({per_split}); validation problems: {len(problems)}")
    for p in problems[:20]:
        print("  ", p)
    return 1 if problems else 0


def batch_formats(direction: str) -> tuple[str, ...]:
    from .bulk.io.formats import INPUT_FORMATS, OUTPUT_FORMATS
    return INPUT_FORMATS if direction == "in" else OUTPUT_FORMATS


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
    cl = sub.add_parser("classify", help="classify a table of incidents (CSV, TSV, JSONL, XLSX, text; - for stdin)",
                        epilog=CLASSIFY_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    cl.add_argument("input", help="input file, or - for stdin (read as CSV unless --input-format says otherwise)")
    cl.add_argument("--text-column", default="text", help="column holding the incident text (default: text; "
                    "plain-text input always uses text)")
    cl.add_argument("-o", "--output", default="-", help="output file, or - for stdout (default)")
    cl.add_argument("--input-format", choices=batch_formats("in"), help="default: by extension "
                    "(.csv .tsv .tab .jsonl .ndjson .xlsx .txt .log)")
    cl.add_argument("--output-format", choices=batch_formats("out"), help="default: by the -o extension, else csv")
    cl.add_argument("--encoding", help="input encoding (default: detected; UTF-8, UTF-16 with BOM, Windows-1251…)")
    cl.add_argument("--chunk-size", type=int, default=2000, metavar="ROWS", help="rows per chunk (default 2000)")
    cl.add_argument("--jobs", type=int, default=1, metavar="N", help="local processes, or Dask workers (default 1)")
    cl.add_argument("--engine", choices=["local", "dask"], default="local",
                    help="dask: classify dask.dataframe partitions on a cluster (see --scheduler)")
    cl.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                    help="Dask scheduler address; without it a local cluster of --jobs workers is started. The "
                    "cluster receives the incidents and runs this project's code; the results it sends back are "
                    "unpickled here (pickle can run code): use only a cluster you trust")
    cl.add_argument("--no-formula-guard", action="store_true", help="do not prefix ' to CSV/XLSX cells starting "
                    "with = + - @ tab or CR (for pipelines that read the output as data)")
    cl.add_argument("--report", metavar="FILE.html|FILE.png", help="counts per article and part (and over time "
                    "with --date-column)")
    cl.add_argument("--date-column", help="column with the incident date, for the report's trend")
    cl.add_argument("--lang", choices=["en", "az"], default="en", help="language of the --report (default: en)")
    cl.set_defaults(func=_cmd_classify)
    sub.add_parser("corpus", help="validate training_data/ and print its counts").set_defaults(func=_cmd_corpus)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from statutes import NotCoveredError
    from .bulk.frame import ColumnError
    from .corpus import CorpusError
    from .model.persist import ModelError
    from .text import TextError
    try:
        return args.func(args)
    except (TextError, NotCoveredError, ColumnError, CorpusError, ModelError, ValueError, OSError) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Error: interrupted", file=sys.stderr)
        return 130
