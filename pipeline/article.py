"""The data that flows between stages: Article and the pieces stages attach to it.

Stages read and write these fields and nothing else; `Article.to_record()` is the one place that
decides what a line of `articles.jsonl` looks like.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Status = Literal["ok", "failed", "skipped"]
SpeakerBasis = Literal["cue", "continuation", "repeated", "context"]


@dataclass
class Segment:
    """One French sentence (or a piece of an over-long one) with its offsets into `Article.text`."""

    start: int
    end: int
    text: str
    paragraph: int = 0
    text_en: str | None = None


@dataclass
class Quote:
    """A quotation found in the French source; `text == body[start:end]` (or the title's when `in_title`)."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_mention: str | None = None
    cue: str | None = None
    #: How the speaker was found (None without one): `cue`, a speech verb, `selon`, `pour`, a colon or
    #: the subject of the quote's sentence (or of the next) names the speaker or a pronoun or
    #: description resolved to them; `continuation`, no cue, the previous quote's speaker goes on; `repeated`, the same words
    #: are quoted with a speaker elsewhere in the article; `context`, no cue, the speaker is inferred
    #: from the sentences around (by the rules or the learned ranker), the least sure.
    speaker_basis: SpeakerBasis | None = None
    kind: Literal["direct", "partial"] = "direct"
    in_title: bool = False
    text_en: str | None = None


@dataclass
class StageError:
    """Why an article failed (or was skipped) in a stage."""

    stage: str
    type: str
    message: str


@dataclass
class Article:
    """A press article as it moves through the pipeline.

    `source_file` and `line` say where it came from, so every error can name them.
    """

    id: str
    text: str
    title: str = ""
    source_file: str = ""
    line: int | None = None
    url: str | None = None
    date: str | None = None
    source: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    title_en: str | None = None
    text_en: str | None = None
    summary_en: str | None = None
    segments: list[Segment] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    status: Status = "ok"
    errors: list[StageError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    models: dict[str, dict[str, str | None]] = field(default_factory=dict)

    @property
    def where(self) -> str:
        """Human-readable origin used in every message: `file:line (id)`."""
        place = self.source_file or "<input>"
        if self.line is not None:
            place = f"{place}:{self.line}"
        return f"{place} (id {self.id!r})"

    @property
    def content_hash(self) -> str:
        """SHA-256 of what the pipeline reads from the article (title, text and date when given:
        quote attribution reads the date's year)."""
        digest = hashlib.sha256()
        digest.update(self.title.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
        digest.update(self.text.encode("utf-8", "surrogatepass"))
        if self.date:
            digest.update(b"\x00" + self.date.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def fail(self, stage: str, error: BaseException | str, *, status: Status = "failed") -> None:
        """Mark the article failed (or skipped) in `stage`, keeping the reason."""
        if isinstance(error, BaseException):
            kind, message = type(error).__name__, str(error) or type(error).__name__
        else:
            kind, message = "Error", error
        self.errors.append(StageError(stage=stage, type=kind, message=message))
        self.status = status

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready record written to articles.jsonl."""
        record: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "text": self.text,
            "title_en": self.title_en,
            "text_en": self.text_en,
            "summary_en": self.summary_en,
            "segments": [asdict(s) for s in self.segments],
            "num_segments": len(self.segments),
            "quotes": [asdict(q) for q in self.quotes],
            "status": self.status,
            "errors": [asdict(e) for e in self.errors],
            "warnings": list(self.warnings),
            "source": self.source,
            "url": self.url,
            "date": self.date,
            "source_file": self.source_file,
            "line": self.line,
            "metadata": self.metadata,
            "models": self.models,
            "timings": self.timings,
        }
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Article:
        """Rebuild an Article from a record written by `to_record` (used by the ledger)."""
        return cls(
            id=record["id"],
            text=record["text"],
            title=record.get("title") or "",
            source_file=record.get("source_file") or "",
            line=record.get("line"),
            url=record.get("url"),
            date=record.get("date"),
            source=record.get("source"),
            metadata=dict(record.get("metadata") or {}),
            title_en=record.get("title_en"),
            text_en=record.get("text_en"),
            summary_en=record.get("summary_en"),
            segments=[Segment(**s) for s in record.get("segments") or []],
            quotes=[Quote(**q) for q in record.get("quotes") or []],
            status=record.get("status", "ok"),
            errors=[StageError(**e) for e in record.get("errors") or []],
            warnings=list(record.get("warnings") or []),
            timings=dict(record.get("timings") or {}),
            models=dict(record.get("models") or {}),
        )
