"""Translate French segments, titles and quotes to English: one batched model call per batch."""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from models.base import Seq2SeqModel
from pipeline.article import Article, Segment
from pipeline.stage import ModelStage, ModelStageConfig, StageConfig
from pipeline.text import paragraphs, split_to_fit

_SPACES = "\\s\u00a0\u202f"
# Guillemets, with the (non-breaking) spaces French typography puts inside them.
_OPEN_GUILLEMET = re.compile(f"«[{_SPACES}]*")
_CLOSE_GUILLEMET = re.compile(f"[{_SPACES}]*»")
_OPEN_SINGLE = re.compile(f"‹[{_SPACES}]*")
_CLOSE_SINGLE = re.compile(f"[{_SPACES}]*›")
# „low-high“ quotes (also used in French copy pasted from German sources).
_LOW_HIGH = re.compile("„([^„“”]*)[“”]")


def english_quotes(text: str) -> str:
    """Render French quotation marks as English ones: « x » and „x“ -> “x”, ‹ x › -> ‘x’."""
    text = _OPEN_GUILLEMET.sub("“", text)
    text = _CLOSE_GUILLEMET.sub("”", text)
    # Single guillemets mark quotes inside quotes; English nests ‘…’ inside “…”.
    text = _OPEN_SINGLE.sub("‘", text)
    text = _CLOSE_SINGLE.sub("’", text)
    text = _LOW_HIGH.sub(r"“\1”", text)
    return text.replace("„", "“")


def paragraph_segments(text: str) -> list[Segment]:
    """One segment per non-empty paragraph of `text` (used when no segment stage ran)."""
    return [
        Segment(start=start, end=end, text=text[start:end], paragraph=number)
        for number, (start, end) in enumerate(paragraphs(text))
    ]


class Translate(ModelStage):
    """Fill `segment.text_en`, `Article.text_en`, `title_en` and `quote.text_en` from the French.

    Reads `Article.segments` (filled by the segment stage; the body's paragraphs if empty), splits
    segments longer than the model's input limit (replacing them in `segments`, offsets exact),
    and translates every segment, title and quote of the whole batch in one length-sorted call.
    """

    name = "translate"

    class Config(ModelStageConfig):
        type: Literal["translate"] = "translate"
        #: Hub id or local folder of a MarianMT (or any seq2seq) French-to-English model.
        model: str = "Helsinki-NLP/opus-mt-fr-en"
        num_beams: int = Field(default=4, ge=1)
        #: Hard cap on generated tokens per segment.
        max_new_tokens: int = Field(default=512, ge=1)
        #: Per-segment budget: ceil(max_new_tokens_ratio x input tokens) + max_new_tokens_margin.
        max_new_tokens_ratio: float = Field(default=1.5, gt=0)
        max_new_tokens_margin: int = Field(default=10, ge=0)
        batch_size: int = Field(default=32, ge=1)
        #: Padded input tokens per model batch (0 = by batch_size only).
        max_batch_tokens: int = Field(default=4096, ge=0)
        batch_articles: int = Field(default=32, ge=1)
        #: Translations of repeated segments (bylines, boilerplate) kept per process (0 = off).
        cache_size: int = Field(default=10_000, ge=0)

    config: Config

    def __init__(self, config: StageConfig | None = None) -> None:
        super().__init__(config)
        self._cache: OrderedDict[str, str] = OrderedDict()

    def budget(self, input_tokens: int) -> int:
        """Generated-token budget of an input of `input_tokens` tokens."""
        c = self.config
        scaled = math.ceil(c.max_new_tokens_ratio * input_tokens) + c.max_new_tokens_margin
        return max(1, min(c.max_new_tokens, scaled))

    def process(self, batch: list[Article]) -> None:
        model = self.model
        counts = _TokenCounter(model)
        segmented = [article.segments or paragraph_segments(article.text) for article in batch]
        # Token counts of everything not cached, in one tokenizer call.
        counts.add(
            text
            for article, segments in zip(batch, segmented, strict=True)
            for text in [*(s.text for s in segments), article.title, *(q.text for q in article.quotes)]
            if text.strip() and text not in self._cache
        )
        # 1. Segments, with over-long ones split by tokens.
        for article, segments in zip(batch, segmented, strict=True):
            fitted: list[Segment] = []
            for segment in segments:
                if segment.text in self._cache or counts[segment.text] <= model.max_input_tokens:
                    fitted.append(segment)
                    continue
                self.stat_update("segments_split")
                for start, end in split_to_fit(segment.text, counts.fits):
                    fitted.append(
                        Segment(
                            start=segment.start + start,
                            end=segment.start + end,
                            text=segment.text[start:end],
                            paragraph=segment.paragraph,
                        )
                    )
            article.segments = fitted
        # 2. Everything to translate: segments, titles, quotes (titles and quotes as units,
        #    cut into pieces only when longer than the model accepts).
        units: dict[str, list[str]] = {}
        for article in batch:
            texts = [s.text for s in article.segments] + [article.title] + [q.text for q in article.quotes]
            for text in texts:
                if text.strip() and text not in units:
                    units[text] = self._pieces(text, counts)
        todo = list(dict.fromkeys(p for pieces in units.values() for p in pieces if p not in self._cache))
        translated = self._translate(todo, counts)
        self.stat_update("translated", len(todo))
        self.stat_update("cache_hits", sum(1 for ps in units.values() for p in ps if p not in translated))

        def english(text: str) -> str:
            if not text.strip():
                return ""
            pieces = [translated[p] if p in translated else self._cache[p] for p in units[text]]
            return english_quotes(" ".join(p for p in pieces if p))

        # 3. Fill the English fields (assigned, not appended: process may run twice).
        for article in batch:
            for segment in article.segments:
                segment.text_en = english(segment.text)
            article.text_en = _rebuild(article.segments)
            article.title_en = english(article.title)
            for quote in article.quotes:
                quote.text_en = english(quote.text)
            self.stat_update("segments", len(article.segments))
        self._remember(translated)

    def _pieces(self, text: str, counts: _TokenCounter) -> list[str]:
        if text in self._cache or counts[text] <= self.model.max_input_tokens:
            return [text]
        return [text[a:b] for a, b in split_to_fit(text, counts.fits)]

    def _translate(self, texts: list[str], counts: _TokenCounter) -> dict[str, str]:
        if not texts:
            return {}
        counts.add(texts)
        c = self.config
        outputs = self.model.generate(
            texts,
            num_beams=c.num_beams,
            max_new_tokens=[self.budget(counts[t]) for t in texts],
            max_batch_tokens=c.max_batch_tokens,
            batch_size=c.batch_size,
        )
        self.stat_update("input_tokens", sum(counts[t] for t in texts))
        return dict(zip(texts, outputs, strict=True))

    def _remember(self, translated: dict[str, str]) -> None:
        if self.config.cache_size <= 0:
            return
        for text, english in translated.items():
            self._cache[text] = english
            self._cache.move_to_end(text)
        while len(self._cache) > self.config.cache_size:
            self._cache.popitem(last=False)


class _TokenCounter:
    """Token counts of texts, computed in batches and remembered for the duration of one call."""

    def __init__(self, model: Seq2SeqModel) -> None:
        self.model = model
        self.counts: dict[str, int] = {}

    def add(self, texts: Iterable[str]) -> None:
        new = list(dict.fromkeys(t for t in texts if t not in self.counts))
        if new:
            self.counts.update(zip(new, self.model.count_tokens(new), strict=True))

    def __getitem__(self, text: str) -> int:
        if text not in self.counts:
            self.add([text])
        return self.counts[text]

    def fits(self, text: str) -> bool:
        return self[text] <= self.model.max_input_tokens


def _rebuild(segments: list[Segment]) -> str:
    """English body: sentences of a paragraph joined by a space, paragraphs by a blank line."""
    paragraphs: dict[int, list[str]] = {}
    for segment in segments:
        if segment.text_en:
            paragraphs.setdefault(segment.paragraph, []).append(segment.text_en)
    return "\n\n".join(" ".join(sentences) for _, sentences in sorted(paragraphs.items()))
