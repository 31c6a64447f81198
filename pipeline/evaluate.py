"""Scoring of quote extraction against a hand-annotated gold set (docs/quote-guideline.md, §6).

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
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


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


def normalise_speaker(name: str | None) -> str | None:
    """Casefold, drop accents and collapse spaces (`J. D. Vance` -> `j.d. vance`) for comparison."""
    if name is None:
        return None
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = " ".join(text.casefold().replace("’", "'").split())
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
            if normalise_speaker(g.speaker) == normalise_speaker(p.speaker):
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
    )


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
