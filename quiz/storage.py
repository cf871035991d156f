"""Saved quizzes, trainees' attempts and their answers, in SQLite.

The database is the file named by the environment variable ``QUIZ_DB``, or ``~/.az-cybercrime/quiz.sqlite3``
(``./quiz.sqlite3`` when there is no home directory). The code creates and upgrades the schema itself: the
``schema_version`` table records each migration applied, and :func:`migrate` applies the missing ones in
order. Many trainees may write at once: the database runs in WAL mode, every write is one short
``BEGIN IMMEDIATE`` transaction on its own connection, and a busy database is retried with back-off.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .errors import QuizError
from .grading import grade
from .model import Quiz

ENV = "QUIZ_DB"
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # 1: quizzes, attempts, answers
        """CREATE TABLE quizzes (id INTEGER PRIMARY KEY, title TEXT NOT NULL, lang TEXT NOT NULL,
           seed INTEGER NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL)""",
        """CREATE TABLE attempts (id INTEGER PRIMARY KEY, quiz_id INTEGER NOT NULL REFERENCES quizzes(id) ON DELETE CASCADE,
           trainee TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT, score REAL)""",
        """CREATE TABLE answers (id INTEGER PRIMARY KEY, attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
           question_id TEXT NOT NULL, response TEXT NOT NULL, score REAL NOT NULL, answered_at TEXT NOT NULL,
           UNIQUE (attempt_id, question_id))""",
    ),
    (  # 2: look-ups by quiz, trainee and attempt
        "CREATE INDEX attempts_by_quiz ON attempts (quiz_id, trainee)",
        "CREATE INDEX answers_by_attempt ON answers (attempt_id)",
    ),
)
LATEST = len(MIGRATIONS)


def default_path() -> Path:
    """``$QUIZ_DB``, else a file under the user's home, else ``./quiz.sqlite3``."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    try:
        return Path.home() / ".az-cybercrime" / "quiz.sqlite3"
    except (RuntimeError, KeyError):
        return Path("quiz.sqlite3")


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class SavedQuiz:
    id: int
    title: str
    lang: str
    seed: int
    created_at: str


@dataclass(frozen=True)
class Attempt:
    id: int
    quiz_id: int
    trainee: str
    started_at: str
    finished_at: str | None
    score: float | None


@dataclass(frozen=True)
class Answer:
    question_id: str
    response: Any
    score: float


class QuizStore:
    """The quiz database. Each call opens its own short-lived connection, so one store can be shared by
    threads, and several processes can use the same file.

    Raises :class:`QuizError` when the database cannot be opened or stays busy after the retries.
    """

    def __init__(self, path: Path | str | None = None, *, timeout: float = 10.0, retries: int = 10,
                 target: int | None = None):
        self.path = Path(path) if path is not None else default_path()
        self.timeout, self.retries = timeout, retries
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.version = self.migrate(target)

    # ---- connections and transactions --------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
        return conn

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        conn = self._connect()
        try:
            yield conn
        finally:
            conn.close()

    def _write(self, work) -> Any:
        """Run ``work(conn)`` in one ``BEGIN IMMEDIATE`` transaction, retrying while the database is busy."""
        return self._retry(work, transaction=True)

    def _retry(self, work, transaction: bool) -> Any:
        delay = 0.01
        for attempt in range(self.retries):
            conn = self._connect()
            try:
                if transaction:
                    conn.execute("BEGIN IMMEDIATE")
                result = work(conn)
                if transaction:
                    conn.execute("COMMIT")
                return result
            except sqlite3.DatabaseError as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                busy = "locked" in str(exc) or "busy" in str(exc)
                if not busy or attempt == self.retries - 1:
                    raise QuizError(f"quiz database {self.path}: {exc}") from None
                time.sleep(delay)
                delay = min(delay * 2, 1.0)
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            finally:
                conn.close()
        raise QuizError(f"quiz database {self.path} stayed busy")  # unreachable: the last try raises

    # ---- schema ------------------------------------------------------------------------------------------
    def migrate(self, target: int | None = None) -> int:
        """Apply the migrations this database lacks, up to ``target`` (default: all); returns the version."""
        target = LATEST if target is None else target
        if not 0 <= target <= LATEST:
            raise QuizError(f"schema version {target} does not exist (latest is {LATEST})")
        self._retry(lambda conn: conn.execute("PRAGMA journal_mode = WAL").fetchone(), transaction=False)

        def work(conn: sqlite3.Connection) -> int:
            conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
            current = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]
            for version in range(current + 1, target + 1):
                for statement in MIGRATIONS[version - 1]:
                    conn.execute(statement)
                conn.execute("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", (version, _now()))
            return max(current, target)
        return self._write(work)

    def schema_version(self) -> int:
        with self._read() as conn:
            return conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]

    # ---- quizzes -----------------------------------------------------------------------------------------
    def save_quiz(self, quiz: Quiz) -> int:
        """Store a quiz; returns its id."""
        body = json.dumps(quiz.to_dict(), ensure_ascii=False)
        return self._write(lambda c: c.execute(
            "INSERT INTO quizzes (title, lang, seed, body, created_at) VALUES (?, ?, ?, ?, ?)",
            (quiz.title, quiz.lang, quiz.seed, body, _now())).lastrowid)

    def load_quiz(self, quiz_id: int) -> Quiz:
        """The stored quiz; raises :class:`QuizError` if there is none with this id."""
        with self._read() as conn:
            row = conn.execute("SELECT body FROM quizzes WHERE id = ?", (quiz_id,)).fetchone()
        if row is None:
            raise QuizError(f"no saved quiz with id {quiz_id}")
        return Quiz.from_dict(json.loads(row[0]))

    def quizzes(self) -> list[SavedQuiz]:
        with self._read() as conn:
            rows = conn.execute("SELECT id, title, lang, seed, created_at FROM quizzes ORDER BY id").fetchall()
        return [SavedQuiz(*r) for r in rows]

    # ---- attempts ----------------------------------------------------------------------------------------
    def start_attempt(self, quiz_id: int, trainee: str) -> int:
        """Open an attempt; raises :class:`QuizError` for an unknown quiz."""
        self.load_quiz(quiz_id)
        return self._write(lambda c: c.execute(
            "INSERT INTO attempts (quiz_id, trainee, started_at) VALUES (?, ?, ?)", (quiz_id, trainee, _now())).lastrowid)

    def answer(self, attempt_id: int, question_id: str, response: Any) -> float:
        """Grade and store one answer (a second answer to the same question replaces the first)."""
        quiz = self.load_quiz(self._attempt(attempt_id).quiz_id)
        question = next((q for q in quiz.questions if q.id == question_id), None)
        if question is None:
            raise QuizError(f"quiz has no question {question_id!r}")
        score = grade(question, response)
        self._write(lambda c: c.execute(
            "INSERT INTO answers (attempt_id, question_id, response, score, answered_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (attempt_id, question_id) DO UPDATE SET response = excluded.response, score = excluded.score, "
            "answered_at = excluded.answered_at", (attempt_id, question_id, json.dumps(response), score, _now())))
        return score

    def finish_attempt(self, attempt_id: int) -> float:
        """Close an attempt; its score is the share of the quiz's questions answered right (0–1)."""
        quiz = self.load_quiz(self._attempt(attempt_id).quiz_id)

        def work(c: sqlite3.Connection) -> float:
            total = c.execute("SELECT COALESCE(SUM(score), 0) FROM answers WHERE attempt_id = ?", (attempt_id,)).fetchone()[0]
            score = round(total / len(quiz.questions), 6)
            c.execute("UPDATE attempts SET finished_at = ?, score = ? WHERE id = ?", (_now(), score, attempt_id))
            return score
        return self._write(work)

    def record_attempt(self, quiz_id: int, trainee: str, responses: dict[str, Any]) -> Attempt:
        """Grade and store a whole attempt in one transaction; returns it with its score."""
        quiz = self.load_quiz(quiz_id)
        by_id = {q.id: q for q in quiz.questions}
        unknown = [k for k in responses if k not in by_id]
        if unknown:
            raise QuizError(f"quiz {quiz_id} has no question {unknown[0]!r}")
        scores = {k: grade(by_id[k], r) for k, r in responses.items()}
        score = round(sum(scores.values()) / len(quiz.questions), 6)

        def work(c: sqlite3.Connection) -> int:
            now = _now()
            aid = c.execute("INSERT INTO attempts (quiz_id, trainee, started_at, finished_at, score) VALUES (?, ?, ?, ?, ?)",
                            (quiz_id, trainee, now, now, score)).lastrowid
            c.executemany("INSERT INTO answers (attempt_id, question_id, response, score, answered_at) VALUES (?, ?, ?, ?, ?)",
                          [(aid, k, json.dumps(responses[k]), s, now) for k, s in scores.items()])
            return aid
        return self._attempt(self._write(work))

    def _attempt(self, attempt_id: int) -> Attempt:
        with self._read() as conn:
            row = conn.execute("SELECT id, quiz_id, trainee, started_at, finished_at, score FROM attempts WHERE id = ?",
                               (attempt_id,)).fetchone()
        if row is None:
            raise QuizError(f"no attempt with id {attempt_id}")
        return Attempt(*row)

    def attempts(self, quiz_id: int | None = None) -> list[Attempt]:
        with self._read() as conn:
            sql = "SELECT id, quiz_id, trainee, started_at, finished_at, score FROM attempts"
            rows = conn.execute(sql + (" WHERE quiz_id = ? ORDER BY id" if quiz_id is not None else " ORDER BY id"),
                                (quiz_id,) if quiz_id is not None else ()).fetchall()
        return [Attempt(*r) for r in rows]

    def answers(self, attempt_id: int) -> list[Answer]:
        with self._read() as conn:
            rows = conn.execute("SELECT question_id, response, score FROM answers WHERE attempt_id = ? ORDER BY question_id",
                                (attempt_id,)).fetchall()
        return [Answer(q, json.loads(r), s) for q, r, s in rows]
