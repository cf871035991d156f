"""SQLite storage: migrations applied by the code, quizzes and attempts stored, nothing lost under
concurrent trainees (threads and processes writing at once)."""
import multiprocessing
import sqlite3
import threading
from concurrent.futures import ProcessPoolExecutor

import pytest

from quiz import QuizError, QuizStore, build_quiz
from quiz.storage import LATEST, default_path


def _tables(path):
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_migrations_run_on_an_empty_file(tmp_path):
    path = tmp_path / "empty.sqlite3"
    path.write_bytes(b"")
    store = QuizStore(path)
    assert store.version == store.schema_version() == LATEST
    assert {"schema_version", "quizzes", "attempts", "answers"} <= _tables(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert [r[0] for r in conn.execute("SELECT version FROM schema_version ORDER BY version")] == list(range(1, LATEST + 1))


def test_an_old_database_is_upgraded_once(tmp_path):
    path = tmp_path / "old.sqlite3"
    assert QuizStore(path, target=1).schema_version() == 1
    assert QuizStore(path).schema_version() == LATEST
    assert QuizStore(path).schema_version() == LATEST  # applying again changes nothing
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == LATEST
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"attempts_by_quiz", "answers_by_attempt"} <= indexes


def test_the_database_path_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZ_DB", str(tmp_path / "env.sqlite3"))
    assert default_path() == tmp_path / "env.sqlite3"
    assert QuizStore().path == tmp_path / "env.sqlite3"
    monkeypatch.delenv("QUIZ_DB")
    assert default_path().name == "quiz.sqlite3"


@pytest.fixture()
def store(tmp_path):
    return QuizStore(tmp_path / "quiz.sqlite3")


def test_save_and_load_a_quiz(store, quiz20):
    quiz_id = store.save_quiz(quiz20)
    assert store.load_quiz(quiz_id) == quiz20
    assert [(q.id, q.lang, q.seed) for q in store.quizzes()] == [(quiz_id, quiz20.lang, quiz20.seed)]
    with pytest.raises(QuizError, match="no saved quiz"):
        store.load_quiz(quiz_id + 1)


def _right_answers(quiz):
    out = {}
    for q in quiz.questions:
        idx = [i for i, o in enumerate(q.options) if o.correct]
        if q.qtype == "numerical":
            out[q.id] = q.value
        elif q.qtype == "matching":
            out[q.id] = [o.match for o in q.options]
        else:
            out[q.id] = idx if q.qtype == "multiple" else idx[0]
    return out


def test_record_an_attempt_and_its_answers(store, quiz20):
    quiz_id = store.save_quiz(quiz20)
    perfect = store.record_attempt(quiz_id, "aysel", _right_answers(quiz20))
    assert perfect.score == 1.0
    half = dict(list(_right_answers(quiz20).items())[:10])
    assert store.record_attempt(quiz_id, "murad", half).score == 0.5
    assert [a.trainee for a in store.attempts(quiz_id)] == ["aysel", "murad"]
    assert len(store.answers(perfect.id)) == len(quiz20.questions)
    with pytest.raises(QuizError, match="no question 'q99'"):
        store.record_attempt(quiz_id, "x", {"q99": 0})


def test_an_attempt_answered_step_by_step(store, quiz20):
    quiz_id = store.save_quiz(quiz20)
    attempt = store.start_attempt(quiz_id, "leyla")
    first = quiz20.questions[0]
    wrong = next(i for i, o in enumerate(first.options) if not o.correct) if first.qtype != "numerical" else -1.0
    store.answer(attempt, first.id, wrong if first.qtype in ("single", "truefalse", "numerical") else [])
    store.answer(attempt, first.id, _right_answers(quiz20)[first.id])  # a second answer replaces the first
    assert [a.score for a in store.answers(attempt)] == [1.0]
    assert store.finish_attempt(attempt) == pytest.approx(1 / len(quiz20.questions))
    with pytest.raises(QuizError):
        store.start_attempt(quiz_id + 5, "nobody")


def test_parallel_threads_lose_no_attempt(tmp_path):
    quiz = build_quiz(5, 3, "en")
    store = QuizStore(tmp_path / "threads.sqlite3")
    quiz_id = store.save_quiz(quiz)
    answers = _right_answers(quiz)
    errors = []

    def trainee(n):
        try:
            own = QuizStore(store.path)  # each trainee opens the file as a separate client would
            for i in range(25):
                own.record_attempt(quiz_id, f"t{n}-{i}", answers)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=trainee, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    attempts = store.attempts(quiz_id)
    assert len(attempts) == 8 * 25 and len({a.trainee for a in attempts}) == 8 * 25
    assert sum(len(store.answers(a.id)) for a in attempts) == 8 * 25 * len(quiz.questions)


def _process_worker(args):
    path, quiz_id, n, answers = args
    store = QuizStore(path)
    return [store.record_attempt(quiz_id, f"p{n}-{i}", answers).id for i in range(20)]


def test_parallel_processes_lose_no_attempt(tmp_path):
    quiz = build_quiz(4, 9, "az")
    path = tmp_path / "processes.sqlite3"
    quiz_id = QuizStore(path).save_quiz(quiz)
    answers = _right_answers(quiz)
    with ProcessPoolExecutor(4, mp_context=multiprocessing.get_context("spawn")) as pool:
        ids = [i for batch in pool.map(_process_worker, [(str(path), quiz_id, n, answers) for n in range(4)]) for i in batch]
    assert len(set(ids)) == 4 * 20
    assert len(QuizStore(path).attempts(quiz_id)) == 4 * 20


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("this is not SQLite, just some text that is long enough to be read as a header" * 20)
    with pytest.raises(QuizError, match="quiz database"):
        QuizStore(path)
