"""The read stage: the pipeline's source. Turns files into Articles, and bad input into failed ones.

Formats (chosen by extension, case-insensitive):

- `.txt`, `.md`: one article per file. The first non-empty line is the title (for `.md`, a leading
  `#` heading marker or a setext underline is dropped); the body is everything after the title line.
  The id is the file stem.
- `.jsonl`: one article per line, `{"text": ..., "id", "title", "url", "date", "source"}`; only `text`
  is required; any other key is kept in `Article.metadata`. Blank lines are ignored. The id is the
  record's `id`, else `<file stem>:<line>`. `Article.line` is the 1-based line number.
- `.html`, `.htm`: title and main text extracted with trafilatura (scripts, styles, navigation and
  comments are dropped); canonical URL, date and site name are kept when the page has them. The id is
  the file stem. The charset is UTF-8 unless the page declares another one in its first bytes.

Text normalization, applied to every title and body: a UTF-8 byte-order mark is dropped, CRLF and
lone CR become `\\n`, text is NFC-normalized (accented letters as single code points) and stripped.
All offsets later stages record (segments, quotes) are into this normalized `Article.text`; byte
offsets in read error messages are into the raw file.

Bad input never stops the batch and is never dropped: each bad file or line becomes an Article with
status `failed` (or `skipped`, for a policy decision such as language) whose message starts with
`file` or `file:line`. Only problems with the input path itself (missing, or a file of an
unsupported type named explicitly) raise `ReadError`, before anything is read.

Memory is bounded by `max_bytes`: files are checked against it before reading, and JSONL files are
read one line at a time, an over-long line being consumed in bounded chunks and discarded.
"""

from __future__ import annotations

import codecs
import json
import logging
import re
import time
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import Field, field_validator

from pipeline.article import Article
from pipeline.stage import Stage, StageConfig

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".md"})
JSONL_SUFFIXES = frozenset({".jsonl"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
#: JSONL keys that map to Article fields; all others go to `Article.metadata`.
JSONL_FIELDS = ("id", "text", "title", "url", "date", "source")
#: How much of title + text the language identifier looks at (it is linear in length; 2,000
#: characters are plenty for a confident decision and cost well under a millisecond).
LANGUAGE_SAMPLE_CHARS = 2000
#: Chunk size used to skip over an over-long JSONL line without holding it.
_DRAIN_CHUNK = 1 << 20
_SNIFF_BYTES = 8192
_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_MD_HEADING_RE = re.compile(r"^#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT_RE = re.compile(r"^(=+|-+)\s*$")


class ReadError(ValueError):
    """The input path itself is unusable: missing, or an explicitly named file of an unsupported type."""


class _BadInput(Exception):
    """One file or line cannot become an article; the message says why (without the place)."""


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    """The py3langid identifier with calibrated probabilities, loaded once per process."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


class Read(Stage):
    """Source stage: `read(path)` yields one Article per article found in a file or directory tree."""

    name: ClassVar[str] = "read"
    #: File extensions (lowercase) the stage reads.
    SUFFIXES: ClassVar[frozenset[str]] = SUPPORTED_SUFFIXES

    class Config(StageConfig):
        """Keys of the `read` stage in YAML."""

        type: Literal["read"] = "read"
        #: Largest article accepted, in bytes of input: the whole file for txt/md/html, one line for
        #: JSONL. Larger ones are failed without being read into memory.
        max_bytes: int = Field(default=5_000_000, gt=0)
        #: Language codes (ISO 639, as py3langid names them) accepted; others are skipped. An empty
        #: list turns language identification off.
        languages: list[str] = Field(default_factory=lambda: ["fr"])
        #: An article is skipped only when the identifier puts a language outside `languages` first
        #: with at least this probability; below it, the article is kept with a warning.
        language_confidence: float = Field(default=0.9, gt=0.0, le=1.0)
        #: Title + text with fewer letters than this are not identified (too short to be reliable);
        #: they are kept with a warning.
        min_language_chars: int = Field(default=40, ge=0)
        #: Articles whose text has fewer characters than this are skipped (an empty text always fails).
        min_chars: int = Field(default=1, ge=1)
        #: Pattern (pathlib glob, relative to an input directory) of the files to read.
        glob: str = "**/*"
        #: What to do with a file of an unsupported type found in a directory: log a warning and
        #: count it (`warn`), or also emit a failed article for it (`fail`).
        on_unsupported: Literal["warn", "fail"] = "warn"

        @field_validator("languages")
        @classmethod
        def _check_languages(cls, value: list[str]) -> list[str]:
            for code in value:
                if not re.fullmatch(r"[a-z]{2,3}", code):
                    raise ValueError(f"{code!r} is not a language code (2 or 3 lowercase letters, e.g. 'fr')")
            if len(set(value)) != len(value):
                raise ValueError("duplicate language codes")
            return value

    config: Read.Config

    def __init__(self, config: Read.Config | None = None) -> None:
        super().__init__(config)
        self._seen: dict[str, str] = {}

    # -- lifecycle -----------------------------------------------------------------------------
    def load(self) -> None:
        """Load the language identifier and check `languages` against the codes it knows."""
        if not self.config.languages:
            return
        known = set(_identifier().labels)
        unknown = sorted(set(self.config.languages) - known)
        if unknown:
            raise ValueError(f"read -> languages: language code(s) {unknown} unknown to py3langid")

    def models(self) -> dict[str, dict[str, str | None]]:
        """The language identifier, when language identification is on (nothing to download)."""
        if not self.config.languages:
            return {}
        from importlib.metadata import version

        return {self.name: {"id": "py3langid", "revision": version("py3langid"), "backend": "py3langid"}}

    def process(self, batch: list[Article]) -> None:
        """Not used: read is a source; the runner calls `read(path)`."""
        raise TypeError("the read stage is a source: call Read.read(path), not process()")

    # -- source --------------------------------------------------------------------------------
    def read(self, path: Path | str) -> Iterator[Article]:
        """Yield the articles of `path` (a file, or a directory read recursively in sorted order).

        Raises `ReadError` at once if `path` is missing or is a file of an unsupported type.
        """
        path = Path(path)
        if path.is_dir():
            files = self._list_dir(path)
            if not files:
                log.warning("read: no files matching %r in %s", self.config.glob, path)
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                raise ReadError(
                    f"{path}: unsupported file type {path.suffix or '(no extension)'!r}; "
                    f"the read stage reads {', '.join(sorted(SUPPORTED_SUFFIXES))}"
                )
            files = [path]
        elif path.exists():
            raise ReadError(f"{path}: not a regular file or a directory")
        else:
            raise ReadError(f"{path}: no such file or directory")
        self.warm_up()
        self._seen = {}
        return self._read_files(files)

    def _list_dir(self, root: Path) -> list[Path]:
        """Files under `root` matching `glob`, hidden ones left out, sorted by relative path."""
        files: list[Path] = []
        for candidate in root.glob(self.config.glob):
            if not candidate.is_file():
                continue
            if any(part.startswith(".") for part in candidate.relative_to(root).parts):
                # .git, .DS_Store, editor swap files: never articles.
                self.stat_update("hidden_files")
                continue
            files.append(candidate)
        files.sort(key=lambda file: file.relative_to(root).parts)
        return files

    def _read_files(self, files: list[Path]) -> Iterator[Article]:
        for file in files:
            self.stat_update("files")
            started = time.perf_counter()
            for article in self._read_file(file):
                self._check(article)
                elapsed = time.perf_counter() - started
                self.seconds += elapsed
                article.timings[self.name] = round(elapsed, 4)
                self._count(article)
                yield article
                started = time.perf_counter()

    def _read_file(self, file: Path) -> Iterator[Article]:
        """Articles of one file; any problem with the file becomes a failed article."""
        suffix = file.suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            message = (
                f"{file}: unsupported file type {suffix or '(no extension)'!r}, not read "
                f"(the read stage reads {', '.join(sorted(SUPPORTED_SUFFIXES))})"
            )
            log.warning("read: %s", message)
            self.stat_update("unsupported_files")
            if self.config.on_unsupported == "fail":
                yield _failed(file.stem, file, None, message)
            return
        try:
            if suffix in JSONL_SUFFIXES:
                yield from self._read_jsonl(file)
            elif suffix in HTML_SUFFIXES:
                yield self._read_html(file)
            else:
                yield self._read_text(file, markdown=suffix == ".md")
        except OSError as exc:
            yield _failed(file.stem, file, None, f"{file}: cannot read: {exc.strerror or exc}")
        except Exception as exc:  # a bug or a library failure must not stop the batch
            log.exception("read: unexpected error on %s", file)
            yield _failed(
                file.stem, file, None, f"{file}: unexpected {type(exc).__name__} while reading: {exc}"
            )

    # -- formats -------------------------------------------------------------------------------
    def _read_text(self, file: Path, *, markdown: bool) -> Article:
        """A .txt/.md file: first non-empty line is the title, the rest is the body."""
        try:
            text = _decode(self._read_bounded(file), codec="utf-8")
        except _BadInput as bad:
            return _failed(file.stem, file, None, f"{file}: {bad}")
        lines = text.split("\n")
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is None:
            return _failed(file.stem, file, None, f"{file}: empty file")
        title = lines[first].strip()
        rest = lines[first + 1 :]
        if markdown:
            heading = _MD_HEADING_RE.match(title)
            if heading:
                title = heading.group(1).strip()
            elif rest and _SETEXT_RE.match(rest[0].strip()):
                rest = rest[1:]
        body = "\n".join(rest).strip()
        article = Article(id=file.stem, text=body, title=title, source_file=str(file))
        self._check_body(article, f"{file}: empty text: nothing after the title line")
        return article

    def _read_html(self, file: Path) -> Article:
        """An .html/.htm page: title and main text through trafilatura."""
        try:
            data = self._read_bounded(file)
            html = _decode(data, codec=_declared_charset(data) or "utf-8")
        except _BadInput as bad:
            return _failed(file.stem, file, None, f"{file}: {bad}")
        if not html.strip():
            return _failed(file.stem, file, None, f"{file}: empty file")
        import trafilatura

        document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
        found: dict[str, Any] = {}
        if isinstance(document, dict):
            found = document
        elif document is not None:
            found = document.as_dict()
        body = _normalize(found.get("text") or "")
        if not body:
            return _failed(file.stem, file, None, f"{file}: no article text found in the HTML")
        title = _normalize(found.get("title") or "").replace("\n", " ")
        lines = body.split("\n")
        if not title:
            title, lines = lines[0].strip(), lines[1:]
        elif lines[0].strip() == title:
            lines = lines[1:]  # the page's <h1> repeats the title
        article = Article(
            id=file.stem,
            text="\n".join(lines).strip(),
            title=title,
            source_file=str(file),
            url=found.get("url") or None,
            date=found.get("date") or None,
            source=found.get("sitename") or None,
        )
        if found.get("author"):
            article.metadata["author"] = found["author"]
        self._check_body(article, f"{file}: empty text: the page has a title but no body")
        return article

    def _read_jsonl(self, file: Path) -> Iterator[Article]:
        """A .jsonl file, one line at a time; each bad line becomes a failed article."""
        limit = self.config.max_bytes
        with file.open("rb") as stream:
            try:
                _check_not_binary(stream.read(_SNIFF_BYTES))
            except _BadInput as bad:
                yield _failed(file.stem, file, None, f"{file}: {bad}")
                return
            stream.seek(0)
            offset = 0  # byte offset of the current line in the file
            number = 0
            records = 0
            while raw := stream.readline(limit + 2):  # content + "\r\n"
                number += 1
                line_offset = offset
                offset += len(raw)
                overlong = not raw.endswith(b"\n") and len(raw) == limit + 2
                if overlong:
                    # Consume the rest of the line in bounded chunks, keeping only its length.
                    tail = raw
                    while chunk := stream.readline(_DRAIN_CHUNK):
                        offset += len(chunk)
                        tail = chunk
                        if chunk.endswith(b"\n"):
                            break
                    newline = len(tail) - len(tail.rstrip(b"\n").rstrip(b"\r"))
                    raw = b""
                content = raw.rstrip(b"\n").rstrip(b"\r")
                if number == 1 and content.startswith(codecs.BOM_UTF8):
                    content = content[len(codecs.BOM_UTF8) :]
                    line_offset += len(codecs.BOM_UTF8)
                if not overlong and not content.strip():
                    continue  # blank line
                records += 1
                if overlong or len(content) > limit:
                    length = offset - line_offset - newline if overlong else len(content)
                    yield _failed(
                        f"{file.stem}:{number}",
                        file,
                        number,
                        f"{file}:{number}: line is {length:,} bytes, over max_bytes={limit:,}; not read",
                    )
                    continue
                yield self._jsonl_record(content, file, number, line_offset)
            if records == 0:
                yield _failed(file.stem, file, None, f"{file}: empty file (no JSON lines)")

    def _jsonl_record(self, content: bytes, file: Path, number: int, line_offset: int) -> Article:
        """One non-blank JSONL line (without its newline) as an Article."""
        fallback = f"{file.stem}:{number}"
        place = f"{file}:{number}"

        def failed(message: str, article_id: str = fallback) -> Article:
            return _failed(article_id, file, number, f"{place}: {message}")

        nul = content.find(b"\x00")
        if nul >= 0:
            return failed(f"binary data (NUL byte at byte {nul + 1} of the line)")
        try:
            line = content.decode("utf-8")
        except UnicodeDecodeError as exc:
            return failed(
                f"invalid UTF-8 at byte {exc.start + 1} of the line "
                f"(byte offset {line_offset + exc.start} in the file): {exc.reason}"
            )
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            return failed(f"malformed JSON: {exc.msg} at column {exc.colno}")
        except RecursionError:
            return failed("malformed JSON: nested too deeply")
        if not isinstance(record, dict):
            return failed(f"expected a JSON object, got {_json_type(record)}")

        raw_id = record.get("id")
        if isinstance(raw_id, str) and raw_id.strip():
            article_id = raw_id.strip()
        elif isinstance(raw_id, int) and not isinstance(raw_id, bool):
            article_id = str(raw_id)
        elif raw_id is None or raw_id == "":
            article_id = fallback
        else:
            return failed(f"'id' must be a string or an integer, got {_json_type(raw_id)}")

        if "text" not in record:
            return failed("record has no 'text' field", article_id)
        if not isinstance(record["text"], str):
            return failed(f"'text' must be a string, got {_json_type(record['text'])}", article_id)
        fields: dict[str, str | None] = {}
        for key in ("title", "url", "date", "source"):
            value = record.get(key)
            if value is not None and not isinstance(value, str):
                return failed(f"{key!r} must be a string, got {_json_type(value)}", article_id)
            fields[key] = value
        article = Article(
            id=article_id,
            text=_normalize(record["text"]),
            title=_normalize(fields["title"] or "").replace("\n", " "),
            source_file=str(file),
            line=number,
            url=(fields["url"] or "").strip() or None,
            date=(fields["date"] or "").strip() or None,
            source=(fields["source"] or "").strip() or None,
            metadata={key: value for key, value in record.items() if key not in JSONL_FIELDS},
        )
        self._check_body(article, f"{place}: empty 'text'")
        return article

    def _check_body(self, article: Article, problem: str) -> None:
        """An empty body fails the article, unless it has a title: a headline-only item is kept."""
        if article.text:
            return
        if article.title.strip():
            article.warnings.append(f"read: {problem}; only the title is processed")
            self.stat_update("title_only")
        else:
            article.fail(self.name, problem)

    def _read_bounded(self, file: Path) -> bytes:
        """The bytes of `file`, refusing (without reading) files over `max_bytes`."""
        limit = self.config.max_bytes
        size = file.stat().st_size
        if size > limit:
            raise _BadInput(f"file is {size:,} bytes, over max_bytes={limit:,}; not read")
        with file.open("rb") as stream:
            data = stream.read(limit + 1)  # the file may have grown since stat()
        if len(data) > limit:
            raise _BadInput(f"file is over max_bytes={limit:,}; not read")
        return data

    # -- checks on every article ---------------------------------------------------------------
    def _check(self, article: Article) -> None:
        """Duplicate ids, minimum length and language; marks the article failed or skipped."""
        place = _place(article)
        first = self._seen.get(article.id)
        if first is not None:
            original = article.id
            # A new id keeps the ledger's one-record-per-id rule: the failed duplicate never
            # overwrites (or resumes as) the article that owns the id.
            article.id = f"{original}@{place}"
            article.metadata["duplicate_of"] = original
            article.fail(
                self.name,
                f"{place}: duplicate id {original!r}, already read from {first}; "
                f"not processed (recorded as {article.id!r})",
            )
        self._seen.setdefault(article.id, place)
        if article.status != "ok":
            return
        # A headline-only item (empty text, see _check_body) was already kept on purpose.
        if article.text and len(article.text) < self.config.min_chars:
            article.fail(
                self.name,
                f"{place}: text has {len(article.text)} characters, fewer than "
                f"min_chars={self.config.min_chars}",
                status="skipped",
            )
            return
        self._check_language(article, place)

    def _check_language(self, article: Article, place: str) -> None:
        """Skip articles confidently identified as outside `languages`; warn when unsure."""
        languages = self.config.languages
        if not languages:
            return
        sample = f"{article.title}\n{article.text[:LANGUAGE_SAMPLE_CHARS]}".strip()
        letters = sum(char.isalpha() for char in sample)
        if letters < self.config.min_language_chars:
            article.warnings.append(
                f"read: language not checked: only {letters} letters "
                f"(min_language_chars={self.config.min_language_chars})"
            )
            self.stat_update("language_unchecked")
            return
        ranking = _identifier().rank(sample)
        best, confidence = ranking[0]
        allowed = sum(score for code, score in ranking if code in languages)
        article.metadata.setdefault("langid", {"language": best, "confidence": round(confidence, 3)})
        if best in languages:
            return
        if confidence >= self.config.language_confidence:
            article.fail(
                self.name,
                f"{place}: language is {best!r} (confidence {confidence:.2f}), not one of {languages}",
                status="skipped",
            )
            return
        article.warnings.append(
            f"read: language uncertain: best guess {best!r} ({confidence:.2f}), "
            f"{'/'.join(languages)} {allowed:.2f}; kept"
        )
        self.stat_update("language_uncertain")

    def _count(self, article: Article) -> None:
        self.stat_update("articles")
        if article.status == "ok":
            self.stat_update("ok")
            return
        self.stat_update(article.status)
        message = article.errors[-1].message if article.errors else article.status
        if article.status == "failed":
            log.warning("read: %s", message)
        else:
            log.info("read: skipped %s", message)


# -- helpers -----------------------------------------------------------------------------------
def _failed(article_id: str, file: Path, line: int | None, message: str) -> Article:
    """A failed Article standing for a file or line that could not be read."""
    article = Article(id=article_id, text="", source_file=str(file), line=line)
    article.fail(Read.name, message)
    return article


def _place(article: Article) -> str:
    return f"{article.source_file}:{article.line}" if article.line is not None else article.source_file


def _check_not_binary(data: bytes) -> None:
    """Refuse UTF-16 and binary data (NUL bytes), which would otherwise pass as odd text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _BadInput("UTF-16 text (byte-order mark); expected UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise _BadInput(f"binary file (NUL byte at byte offset {nul}); expected UTF-8 text")


def _decode(data: bytes, *, codec: str) -> str:
    """Whole-file bytes to normalized text, or `_BadInput` saying what and where is wrong."""
    _check_not_binary(data)
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[start:].decode(codec)
    except UnicodeDecodeError as exc:
        offset = start + exc.start
        line = data.count(b"\n", 0, offset) + 1
        column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
        name = "UTF-8" if codecs.lookup(codec).name == "utf-8" else codec
        raise _BadInput(
            f"invalid {name} at byte offset {offset} (line {line}, byte {column}): {exc.reason}"
        ) from None
    return _normalize(text)


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> near its start, if a known one."""
    match = _CHARSET_RE.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        codecs.lookup(name)
    except LookupError:
        log.warning("read: unknown charset %r declared in HTML; decoding as UTF-8", name)
        return None
    return name


def _normalize(text: str) -> str:
    """CRLF/CR to LF, NFC, stripped: the form every offset in the pipeline refers to."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip()


def _json_type(value: Any) -> str:
    """JSON's name for the type of a decoded value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"
