"""Write the run's outputs: articles.jsonl, briefs.md, digest.html and report.json.

Every file is written to a temporary name in the output folder and moved into place with
`os.replace` only when complete, so a reader (or a crash) never sees a half-written output.
Records stream to disk as articles finish, in input order; briefs.md and digest.html are rendered
afterwards from the finished articles.jsonl, one record at a time.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Literal

from pydantic import Field

from pipeline.article import Article
from pipeline.stage import Stage, StageConfig

Format = Literal["jsonl", "briefs", "digest"]
FORMATS: tuple[Format, ...] = ("jsonl", "briefs", "digest")
FILES: dict[str, str] = {"jsonl": "articles.jsonl", "briefs": "briefs.md", "digest": "digest.html"}


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file and an atomic rename."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with tmp.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def iter_records(path: Path) -> Iterator[dict[str, Any]]:
    """Records of an articles.jsonl file, one at a time."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


class Write(Stage):
    """Sink stage: streams `Article.to_record()` lines, then renders briefs and the digest."""

    name = "write"

    class Config(StageConfig):
        type: Literal["write"] = "write"
        #: Which outputs to write besides report.json (always written).
        formats: list[Format] = Field(default_factory=lambda: list(FORMATS))
        #: How many quotes each brief lists (the longest attributed ones first).
        brief_quotes: int = Field(default=3, ge=0)
        #: Title of briefs.md and digest.html.
        title: str = "pressbrief: English briefs of French press"

    config: Config

    def __init__(self, config: StageConfig | None = None) -> None:
        super().__init__(config)
        self._dir: Path | None = None
        self._tmp: Path | None = None
        self._handle: IO[str] | None = None

    def process(self, batch: list[Article]) -> None:
        raise TypeError("the write stage is a sink: the runner calls open(), write() and close()")

    def open(self, output_dir: Path) -> None:
        """Start a run's outputs in `output_dir`."""
        output_dir.mkdir(parents=True, exist_ok=True)
        self._dir = output_dir
        self._tmp = output_dir / f".articles.jsonl.tmp-{os.getpid()}"
        self._handle = self._tmp.open("w", encoding="utf-8")

    def write(self, article: Article) -> None:
        """Append one finished article (callers keep input order)."""
        assert self._handle is not None, "open() first"
        self._handle.write(json.dumps(article.to_record(), ensure_ascii=False) + "\n")
        self.stats["articles"] += 1

    def close(self, report: dict[str, Any]) -> list[Path]:
        """Finish every output atomically; return the files written."""
        from pipeline.render import render_briefs_md, render_digest

        assert self._handle is not None and self._tmp is not None and self._dir is not None
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        self._handle = None
        written = []
        formats = self.config.formats
        if "briefs" in formats:
            path = self._dir / FILES["briefs"]
            atomic_write_text(
                path,
                render_briefs_md(
                    iter_records(self._tmp), title=self.config.title, max_quotes=self.config.brief_quotes
                ),
            )
            written.append(path)
        if "digest" in formats:
            path = self._dir / FILES["digest"]
            atomic_write_text(
                path,
                render_digest(
                    iter_records(self._tmp),
                    title=self.config.title,
                    run_info=report,
                    max_quotes=self.config.brief_quotes,
                ),
            )
            written.append(path)
        if "jsonl" in formats:
            path = self._dir / FILES["jsonl"]
            os.replace(self._tmp, path)
            written.append(path)
        else:
            self._tmp.unlink()
        report_path = self._dir / "report.json"
        atomic_write_text(report_path, json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        written.append(report_path)
        return written

    def abort(self) -> None:
        """Drop the temporary outputs of an interrupted run (the previous outputs stay)."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        if self._tmp is not None and self._tmp.exists():
            self._tmp.unlink()
