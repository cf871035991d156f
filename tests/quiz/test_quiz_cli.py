"""``python -m quiz``: every format, stdout for text, clear errors with the documented exit codes."""
import subprocess
import sys

import pytest

from quiz import FORMATS, QuizStore, parse_quiz
from quiz.cli import main

BASE = ["build", "--count", "6", "--seed", "3"]


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_each_format_is_written_to_a_file(tmp_path, fmt):
    out = tmp_path / f"quiz{FORMATS[fmt].extension}"
    assert main([*BASE, "--lang", "az", "--format", fmt, "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data
    if FORMATS[fmt].parse:
        quiz = parse_quiz(data, fmt)
        assert quiz.lang == "az" and quiz.seed == 3 and len(quiz.questions) == 6


@pytest.mark.parametrize("fmt", [n for n, f in FORMATS.items() if not f.binary])
def test_text_formats_go_to_stdout(capsys, fmt):
    assert main([*BASE, "--format", fmt, "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert captured.out and captured.err == ""


def test_filters_reach_the_builder(capsys):
    assert main([*BASE, "--articles", "273-1,273-2", "--kinds", "part,true_false", "--difficulty", "easy",
                 "--format", "csv"]) == 0
    quiz = parse_quiz(capsys.readouterr().out, "csv")
    assert all(set(q.articles) & {"273-1", "273-2"} for q in quiz.questions)
    assert {q.kind for q in quiz.questions} <= {"part", "true_false"}


@pytest.mark.parametrize("args", [["--format", "docx"], ["--format", "qti12", "-o", "-"], ["--count", "many"],
                                  ["--lang", "ru"], ["--difficulty", "extreme"]])
def test_usage_errors_exit_2(capsys, args):
    with pytest.raises(SystemExit) as exc:
        main([*BASE, *args])
    assert exc.value.code == 2
    assert "error" in capsys.readouterr().err


@pytest.mark.parametrize("args,words", [
    (["--articles", "271,274"], "unknown article '274'; valid values are: 271, 272, 273, 273-1, 273-2"),
    (["--kinds", "essay"], "unknown question kind 'essay'"),
    (["--count", "5000"], "questions match these filters"),
])
def test_data_errors_exit_1_with_a_clear_message(capsys, args, words):
    assert main([*BASE, *args]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and words in err


def test_an_unwritable_output_exits_1(tmp_path, capsys):
    assert main([*BASE, "-o", str(tmp_path / "missing-dir" / "q.gift")]) == 1
    assert capsys.readouterr().err.startswith("Error: ")


def test_save_stores_the_quiz(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QUIZ_DB", str(tmp_path / "cli.sqlite3"))
    assert main([*BASE, "--save", "-o", str(tmp_path / "q.gift")]) == 0
    assert "saved as quiz 1" in capsys.readouterr().err
    assert len(QuizStore().load_quiz(1).questions) == 6


def test_kinds_lists_every_kind(capsys):
    assert main(["kinds"]) == 0
    out = capsys.readouterr().out
    assert "sanction_range" in out and "missing_element" in out


def test_python_dash_m_quiz_runs():
    done = subprocess.run([sys.executable, "-m", "quiz", *BASE, "--format", "markdown"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("# Chapter 30")
    bad = subprocess.run([sys.executable, "-m", "quiz", *BASE, "--articles", "999"], capture_output=True, text=True)
    assert bad.returncode == 1 and "unknown article '999'" in bad.stderr
