"""Scoring of quote extraction against a hand-annotated gold set (docs/quote-guideline.md, §6), and
of the translate stage against reference translations (sacreBLEU BLEU and chrF, at the end).

`evaluate_quotes(gold_path, pred_path)` reads the gold JSONL (one line per article: `id`, `source`,
`quotes` with `text, start, end, in_title, speaker, kind`) and a prediction file shaped like
pressbrief's `articles.jsonl` (`id`, `quotes` as `Quote` dicts), matches spans and scores them.

Matching: within one article and one field (body quotes against body quotes, title against title),
a predicted span matches a gold span when their character overlap is at least half of the longer
span; matching is one-to-one, greedy by largest overlap. Gold articles missing from the prediction
count as all misses and are listed in `missing_articles`; predicted articles absent from the gold
are ignored (the gold decides which articles are scored).

Speaker accuracy is computed on matched pairs. Both speakers are normalised (casefold, accents
removed, whitespace collapsed, spaces after initials dropped so that `J. D. Vance` equals
`J.D. Vance`) and compared for strict equality: a surname alone (`Peskov` for gold `Dmitri Peskov`)
is wrong, because the guideline asks for the fullest form of the name. `null == null` is correct,
`null` against a name is wrong. Kind accuracy is exact equality of `kind` on matched pairs.
Speaker accuracy is also given by the prediction's `speaker_basis` (a cue, a continuation, a
repeated quote, the context), so the report shows which kind of attribution fails.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.article import Article, Segment

if TYPE_CHECKING:
    from pipeline.config import PipelineConfig


class EvaluationError(ValueError):
    """A gold or prediction file cannot be read: names the file and line."""


@dataclass
class QuoteItem:
    """One quote of one article, as read from a gold or prediction file."""

    article: str
    text: str
    start: int
    end: int
    in_title: bool
    speaker: str | None
    kind: str | None
    #: The prediction's `speaker_basis` (gold files have none).
    basis: str | None = None


@dataclass
class SpeakerError:
    """A matched quote whose predicted speaker differs from the gold one."""

    article: str
    text: str
    start: int
    end: int
    in_title: bool
    gold_speaker: str | None
    pred_speaker: str | None


@dataclass
class QuoteScores:
    """Span precision/recall/F1, speaker and kind accuracy, with the errors listed."""

    precision: float
    recall: float
    f1: float
    speaker_accuracy: float
    kind_accuracy: float
    gold: int
    predicted: int
    matched: int
    speaker_correct: int
    kind_correct: int
    articles: int
    misses: list[QuoteItem] = field(default_factory=list)
    false_alarms: list[QuoteItem] = field(default_factory=list)
    speaker_errors: list[SpeakerError] = field(default_factory=list)
    missing_articles: list[str] = field(default_factory=list)
    #: Matched quotes by the prediction's `speaker_basis` (`no speaker` where it names none):
    #: `{basis: [speakers right, matched]}`, so a low-accuracy basis shows where to look.
    speaker_by_basis: dict[str, list[int]] = field(default_factory=dict)


def normalise_speaker(name: str | None) -> str | None:
    """Casefold, drop accents and collapse spaces (`J. D. Vance` -> `j.d. vance`) for comparison;
    hyphens U+2010 and U+2011 (which NFKD makes U+2010) are `-`."""
    if name is None:
        return None
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = " ".join(text.casefold().replace("’", "'").replace("\u2010", "-").split())
    text = re.sub(r"(?<=\b\w)\.\s+(?=\w\.)", ".", text)
    return text or None


def _read_jsonl(path: Path) -> list[tuple[int, dict[str, Any]]]:
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot read: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"{path}:{n}: not JSON: {exc}") from exc
        if not isinstance(row, dict) or "id" not in row:
            raise EvaluationError(f"{path}:{n}: each line must be an object with an 'id'")
        rows.append((n, row))
    return rows


def _items(path: Path, n: int, article: str, quotes: Any) -> list[QuoteItem]:
    if not isinstance(quotes, list):
        raise EvaluationError(f"{path}:{n}: 'quotes' must be a list")
    items = []
    for q in quotes:
        try:
            items.append(
                QuoteItem(
                    article=article,
                    text=str(q.get("text", "")),
                    start=int(q["start"]),
                    end=int(q["end"]),
                    in_title=bool(q.get("in_title", False)),
                    speaker=q.get("speaker"),
                    kind=q.get("kind"),
                    basis=q.get("speaker_basis"),
                )
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise EvaluationError(f"{path}:{n}: bad quote {q!r}: {exc}") from exc
    return items


def _overlap(a: QuoteItem, b: QuoteItem) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match_quotes(gold: list[QuoteItem], pred: list[QuoteItem]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs, greedy by overlap, overlap >= half the longer span."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g.in_title != p.in_title:
                continue
            ov = _overlap(g, p)
            longer = max(g.end - g.start, p.end - p.start)
            if ov > 0 and ov >= 0.5 * longer:
                candidates.append((ov, -gi, -pi))
    candidates.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, ngi, npi in candidates:
        gi, pi = -ngi, -npi
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def evaluate_quotes(gold_path: Path, pred_path: Path) -> QuoteScores:
    """Score the predicted quotes of `pred_path` against the gold of `gold_path` (see module doc)."""
    gold_rows = _read_jsonl(Path(gold_path))
    pred_by_id: dict[str, tuple[int, dict[str, Any]]] = {}
    for n, row in _read_jsonl(Path(pred_path)):
        pred_by_id[str(row["id"])] = (n, row)
    n_gold = n_pred = matched = speaker_ok = kind_ok = 0
    misses: list[QuoteItem] = []
    false_alarms: list[QuoteItem] = []
    speaker_errors: list[SpeakerError] = []
    missing: list[str] = []
    by_basis: dict[str, list[int]] = {}
    for n, row in gold_rows:
        article = str(row["id"])
        gold = _items(Path(gold_path), n, article, row.get("quotes") or [])
        n_gold += len(gold)
        if article not in pred_by_id:
            missing.append(article)
            misses.extend(gold)
            continue
        pn, prow = pred_by_id[article]
        pred = _items(Path(pred_path), pn, article, prow.get("quotes") or [])
        n_pred += len(pred)
        pairs = match_quotes(gold, pred)
        matched += len(pairs)
        got_g = {gi for gi, _ in pairs}
        got_p = {pi for _, pi in pairs}
        misses.extend(g for gi, g in enumerate(gold) if gi not in got_g)
        false_alarms.extend(p for pi, p in enumerate(pred) if pi not in got_p)
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            right = normalise_speaker(g.speaker) == normalise_speaker(p.speaker)
            tally = by_basis.setdefault(_basis_key(p), [0, 0])
            tally[0] += right
            tally[1] += 1
            if right:
                speaker_ok += 1
            else:
                speaker_errors.append(
                    SpeakerError(article, g.text, g.start, g.end, g.in_title, g.speaker, p.speaker)
                )
            kind_ok += int(g.kind == p.kind)
    precision = matched / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    recall = matched / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return QuoteScores(
        precision=precision,
        recall=recall,
        f1=f1,
        speaker_accuracy=speaker_ok / matched if matched else 0.0,
        kind_accuracy=kind_ok / matched if matched else 0.0,
        gold=n_gold,
        predicted=n_pred,
        matched=matched,
        speaker_correct=speaker_ok,
        kind_correct=kind_ok,
        articles=len(gold_rows),
        misses=misses,
        false_alarms=false_alarms,
        speaker_errors=speaker_errors,
        missing_articles=missing,
        speaker_by_basis=dict(sorted(by_basis.items())),
    )


def _basis_key(pred: QuoteItem) -> str:
    if normalise_speaker(pred.speaker) is None:
        return "no speaker"
    return pred.basis or "not given"


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_quote_scores(scores: QuoteScores, max_items: int = 50) -> str:
    """A plain-text report of `scores` for the CLI: the numbers, then misses, false alarms, speakers."""
    s = scores
    lines = [
        f"articles {s.articles}  gold {s.gold}  predicted {s.predicted}  matched {s.matched}",
        f"precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}",
        f"speaker accuracy {s.speaker_accuracy:.3f} ({s.speaker_correct}/{s.matched})  "
        f"kind accuracy {s.kind_accuracy:.3f} ({s.kind_correct}/{s.matched})",
    ]
    if set(s.speaker_by_basis) - {"not given", "no speaker"}:  # (older predictions have no basis)
        lines.append(
            "speaker accuracy by basis: "
            + "  ".join(
                f"{basis} {right / matched:.3f} ({right}/{matched})"
                for basis, (right, matched) in s.speaker_by_basis.items()
            )
        )
    if s.missing_articles:
        lines.append(
            f"articles missing from the prediction ({len(s.missing_articles)}): "
            + ", ".join(s.missing_articles)
        )

    def where(q: QuoteItem | SpeakerError) -> str:
        return f"{q.article} {'title' if q.in_title else 'body'}[{q.start}:{q.end}]"

    for label, items in (("misses", s.misses), ("false alarms", s.false_alarms)):
        if items:
            lines.append(f"{label} ({len(items)}):")
            for q in items[:max_items]:
                lines.append(f"  {where(q)} speaker={q.speaker!r}: {_short(q.text)}")
    if s.speaker_errors:
        lines.append(f"speaker errors ({len(s.speaker_errors)}):")
        for e in s.speaker_errors[:max_items]:
            lines.append(f"  {where(e)} gold={e.gold_speaker!r} pred={e.pred_speaker!r}: {_short(e.text)}")
    return "\n".join(lines)


# -- translation ------------------------------------------------------------------------------------
#: Source lines per pseudo-article: about a newstest document (2512 lines in 152 documents), so the
#: translate stage batches eval lines the way it batches a night's articles.
LINES_PER_ARTICLE = 16


class TranslationFailed(RuntimeError):
    """The translate stage failed on some lines (the message names them and the stage's error)."""


@dataclass
class TranslationScores:
    """Corpus BLEU and chrF of a translate configuration, with its speed and model."""

    bleu: float
    chrf: float
    bleu_signature: str
    chrf_signature: str
    #: sacreBLEU's one-line summary (n-gram precisions, brevity penalty, lengths).
    bleu_detail: str
    lines: int
    seconds: float
    lines_per_second: float
    source_tokens: int
    source_tokens_per_second: float
    load_seconds: float
    model: str
    revision: str | None
    backend: str
    compute_type: str
    num_beams: int
    source: str
    reference: str
    #: What the stage counted: pieces sent to the model, cache hits, over-long segments split.
    stage_stats: dict[str, int] = field(default_factory=dict)
    hypotheses: list[str] = field(default_factory=list, repr=False)


def read_lines(path: Path) -> list[str]:
    """Lines of a plain-text corpus file (one segment per line, UTF-8), without their line ends."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise EvaluationError(f"{path}: no such file") from None
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EvaluationError(f"{path}: not UTF-8 (byte {exc.start})") from exc
    # Split on "\n" only (as sacreBLEU does), not on every Unicode line separator.
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.removesuffix("\r") for line in lines]


def read_parallel(source: Path, reference: Path, limit: int | None = None) -> tuple[list[str], list[str]]:
    """Source and reference lines, checked to be the same number, then cut to the first `limit`."""
    src, ref = read_lines(source), read_lines(reference)
    if len(src) != len(ref):
        raise EvaluationError(
            f"line counts differ: {source} has {len(src)} lines, {reference} has {len(ref)}"
        )
    if limit is not None:
        src, ref = src[:limit], ref[:limit]
    if not src:
        raise EvaluationError(f"{source}: no lines to translate")
    return src, ref


def score_translations(hypotheses: list[str], references: list[str]) -> dict[str, Any]:
    """sacreBLEU corpus BLEU and chrF (default settings, one reference) with their signatures."""
    from sacrebleu.metrics import BLEU, CHRF

    if len(hypotheses) != len(references):
        raise EvaluationError(f"{len(hypotheses)} hypotheses but {len(references)} references")
    # The metric objects are what sacrebleu.corpus_bleu / corpus_chrf build with these defaults;
    # holding them gives the signature that makes a score comparable.
    bleu, chrf = BLEU(), CHRF()
    bleu_score = bleu.corpus_score(hypotheses, [references])
    chrf_score = chrf.corpus_score(hypotheses, [references])
    return {
        "bleu": round(bleu_score.score, 2),
        "chrf": round(chrf_score.score, 2),
        "bleu_signature": str(bleu.get_signature()),
        "chrf_signature": str(chrf.get_signature()),
        "bleu_detail": str(bleu_score),
    }


def evaluate_translation(
    config: PipelineConfig,
    source: Path,
    reference: Path,
    *,
    limit: int | None = None,
    lines_per_article: int = LINES_PER_ARTICLE,
) -> TranslationScores:
    """Translate `source` with the config's translate stage and score it against `reference`.

    The stage is built, loaded and run as a nightly run does (its model, `warm_up`, the runner's
    chunks of `run.chunk_articles` and the stage's own batching), on pseudo-articles of
    `lines_per_article` lines with one segment per line (no segment stage: a line is a segment).
    Hypotheses are the stage's output, French quotation marks rendered as English ones included.
    Always runs in this process, whatever `run.executor` says. Raises EvaluationError for unreadable
    or misaligned files or a config without a translate stage, ModelError if the model cannot be
    loaded, TranslationFailed if the stage fails on some lines.
    """
    from pipeline.runner import chunks
    from pipeline.stages.translate import Translate

    if lines_per_article < 1:
        raise EvaluationError(f"lines per article must be at least 1, got {lines_per_article}")
    entry = next((s for s in config.stages if s.type == Translate.name), None)
    if entry is None:
        raise EvaluationError(f"{config.source or 'the config'} has no translate stage")
    src, ref = read_parallel(source, reference, limit)
    stage = Translate(entry.config)

    started = time.perf_counter()
    stage.warm_up()
    load_seconds = time.perf_counter() - started
    articles = _line_articles(src, source, lines_per_article)
    texts = [s.text for a in articles for s in a.segments if s.text]
    source_tokens = sum(stage.model.count_tokens(texts)) if texts else 0

    started = time.perf_counter()
    done = [a for chunk in chunks(articles, config.run.chunk_articles) for a in stage.run(chunk)]
    seconds = time.perf_counter() - started

    failed = [a for a in done if a.status != "ok"]
    if failed:
        first = failed[0]
        raise TranslationFailed(
            f"translate failed on {len(failed)} of {len(done)} groups of lines, first {first.where}: "
            f"{first.errors[-1].type}: {first.errors[-1].message}"
        )
    hypotheses = [hyp for article in done for hyp in _line_hypotheses(article)]
    spec = stage.spec
    return TranslationScores(
        **score_translations(hypotheses, ref),
        lines=len(src),
        seconds=round(seconds, 3),
        lines_per_second=round(len(src) / seconds, 2) if seconds else 0.0,
        source_tokens=source_tokens,
        source_tokens_per_second=round(source_tokens / seconds, 1) if seconds else 0.0,
        load_seconds=round(load_seconds, 3),
        model=spec.label,
        revision=spec.revision,
        backend=spec.backend,
        compute_type=spec.compute_type,
        num_beams=stage.config.num_beams,
        source=str(source),
        reference=str(reference),
        stage_stats={k: v for k, v in stage.stats.items() if k != "articles"},
        hypotheses=hypotheses,
    )


def _line_articles(lines: list[str], source: Path, per_article: int) -> list[Article]:
    """Pseudo-articles of `per_article` lines; line i of a group is paragraph i, one segment each."""
    articles = []
    for first in range(0, len(lines), per_article):
        group = [unicodedata.normalize("NFC", line) for line in lines[first : first + per_article]]
        text = "\n".join(group)
        segments, offset = [], 0
        for number, line in enumerate(group):
            # Blank lines get no segment (the stage would not translate them) and an empty hypothesis.
            if line.strip():
                segments.append(Segment(start=offset, end=offset + len(line), text=line, paragraph=number))
            offset += len(line) + 1
        articles.append(
            Article(
                id=f"lines {first + 1}-{first + len(group)}",
                text=text,
                source_file=str(source),
                line=first + 1,
                # Never empty: an article without segments would be split into paragraphs instead.
                segments=segments or [Segment(start=0, end=0, text="", paragraph=0)],
                metadata={"lines": len(group)},
            )
        )
    return articles


def _line_hypotheses(article: Article) -> list[str]:
    """One English line per source line of a pseudo-article (pieces of a split line joined)."""
    pieces: dict[int, list[str]] = {}
    for segment in article.segments:
        if segment.text_en:
            pieces.setdefault(segment.paragraph, []).append(segment.text_en)
    # A hypothesis file has one line per source line, so a newline inside one becomes a space.
    return [" ".join(pieces.get(n, [])).replace("\n", " ") for n in range(article.metadata["lines"])]


def format_translation_scores(scores: TranslationScores) -> str:
    """A plain-text report of `scores` for the CLI."""
    s = scores
    stats = ", ".join(f"{k} {v}" for k, v in sorted(s.stage_stats.items()))
    return "\n".join(
        [
            f"model   {s.model} ({s.backend} {s.compute_type}, num_beams {s.num_beams})",
            f"lines   {s.lines} of {s.source}, reference {s.reference}",
            f"stage   {stats or 'nothing counted'}",
            f"BLEU    {s.bleu:.2f}  {s.bleu_signature}",
            f"        {s.bleu_detail}",
            f"chrF    {s.chrf:.2f}  {s.chrf_signature}",
            f"speed   {s.seconds:.1f}s: {s.lines_per_second:.2f} lines/s, "
            f"{s.source_tokens_per_second:.1f} source tokens/s (model loaded in {s.load_seconds:.1f}s)",
        ]
    )
