"""The run ledger: an embedded SQLite file remembering each processed article.

An article is done for a config when a row exists for (content hash, config fingerprint). Rows are
committed one transaction per finished article (WAL journal), so a crash — SIGKILL included — loses
at most the articles still being processed; a rerun skips the rest.

A lock file beside the ledger (`<ledger>.lock`, an exclusive `flock`) keeps two runs from sharing it:
the second refuses at once with `LedgerLocked`. The kernel drops the lock when the process dies, so a
killed run never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import time
from pathlib import Path
from typing import IO, Any

from pipeline.article import Article

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    content_hash TEXT NOT NULL,
    fingerprint  TEXT NOT NULL,
    article_id   TEXT NOT NULL,
    status       TEXT NOT NULL,
    record       TEXT NOT NULL,
    updated_at   REAL NOT NULL,
    PRIMARY KEY (content_hash, fingerprint)
);
CREATE TABLE IF NOT EXISTS runs (
    run_id      TEXT PRIMARY KEY,
    started_at  REAL NOT NULL,
    finished_at REAL,
    fingerprint TEXT NOT NULL,
    report      TEXT
);
"""

#: Fields that belong to the input, not to the computation: taken from the fresh article on resume.
_IDENTITY = ("id", "source_file", "line", "url", "date", "source", "metadata")


class LedgerLocked(RuntimeError):
    """Another run holds this ledger or output folder."""


class FileLock:
    """An exclusive, non-blocking `flock` on `path`, released on close or process death."""

    def __init__(self, path: Path, what: str) -> None:
        self.path = path
        self.what = what
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock or raise LedgerLocked naming the holder."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise LedgerLocked(
                f"{self.what} {self.path.parent} is in use by a running pressbrief ({holder}); "
                "wait for it to finish or use another output folder/ledger"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}\n")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        """Drop the lock."""
        if self._handle is not None:
            fcntl.flock(self._handle.fileno(), fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None


class Ledger:
    """Per-article results keyed by content hash and config fingerprint."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = FileLock(path.with_name(path.name + ".lock"), "ledger")
        self._lock.acquire()
        try:
            self._db = sqlite3.connect(path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            # NORMAL under WAL survives any process crash; only a power cut may lose the last commits.
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            self._lock.release()
            raise LedgerError(f"ledger {path} is not a usable SQLite database: {exc}") from exc

    def close(self) -> None:
        """Close the database and release the lock."""
        self._db.close()
        self._lock.release()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, article: Article, fingerprint: str) -> Article | None:
        """The stored result for this article's content under `fingerprint`, with its identity refreshed."""
        row = self._db.execute(
            "SELECT record FROM articles WHERE content_hash = ? AND fingerprint = ?",
            (article.content_hash, fingerprint),
        ).fetchone()
        if row is None:
            return None
        record: dict[str, Any] = json.loads(row[0])
        # Stages add their own entries (e.g. summary_chunks) next to the input's metadata.
        metadata = {**record.get("metadata", {}), **article.metadata}
        for key in _IDENTITY:
            record[key] = getattr(article, key)
        record["metadata"] = metadata
        return Article.from_record(record)

    def put(self, article: Article, fingerprint: str) -> None:
        """Commit one finished article (its own transaction)."""
        self._db.execute(
            "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?)",
            (
                article.content_hash,
                fingerprint,
                article.id,
                article.status,
                json.dumps(article.to_record(), ensure_ascii=False),
                time.time(),
            ),
        )

    def start_run(self, run_id: str, fingerprint: str) -> None:
        """Record that a run started."""
        self._db.execute(
            "INSERT INTO runs (run_id, started_at, fingerprint) VALUES (?, ?, ?)",
            (run_id, time.time(), fingerprint),
        )

    def finish_run(self, run_id: str, report: dict[str, Any]) -> None:
        """Record a run's report."""
        self._db.execute(
            "UPDATE runs SET finished_at = ?, report = ? WHERE run_id = ?",
            (time.time(), json.dumps(report, ensure_ascii=False), run_id),
        )

    def count(self, fingerprint: str | None = None) -> int:
        """Number of stored articles (for one fingerprint, or all)."""
        if fingerprint is None:
            return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        return int(
            self._db.execute(
                "SELECT COUNT(*) FROM articles WHERE fingerprint = ?", (fingerprint,)
            ).fetchone()[0]
        )


class LedgerError(RuntimeError):
    """The ledger file cannot be used."""
