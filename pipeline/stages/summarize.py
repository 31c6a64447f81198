"""Write an English brief of each article with an abstractive summarizer (distilbart-cnn by default)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from pydantic import Field

from models.base import ModelError
from pipeline.article import Article
from pipeline.stage import ModelStage, ModelStageConfig
from pipeline.text import split_to_fit

# A sentence ends at . ! ? or …, possibly followed by a closing quote.
_SENTENCE_END = re.compile('(?<=[.!?…])\\s+|(?<=[.!?…]["”’])\\s+')


class Summarize(ModelStage):
    """Fill `Article.summary_en` from `Article.text_en` (the translate stage must run first).

    An article longer than the model accepts is cut into chunks at sentence boundaries (its
    segments' `text_en`), each chunk is summarized, and the joined partial summaries are summarized
    again until one input fits: nothing is truncated. All chunks of all articles of a batch go to
    the model in one call per level. `metadata["summary_chunks"]` records the first-level chunks.
    """

    name = "summarize"

    class Config(ModelStageConfig):
        type: Literal["summarize"] = "summarize"
        #: Hub id or local folder of a seq2seq summarizer.
        model: str = "sshleifer/distilbart-cnn-12-6"
        num_beams: int = Field(default=4, ge=1)
        # distilbart-cnn-12-6's published generation settings.
        min_new_tokens: int = Field(default=56, ge=0)
        max_new_tokens: int = Field(default=142, ge=1)
        length_penalty: float = 2.0
        no_repeat_ngram_size: int = Field(default=3, ge=0)
        batch_size: int = Field(default=8, ge=1)
        #: Padded input tokens per model batch (0 = by batch_size only).
        max_batch_tokens: int = Field(default=0, ge=0)

    config: Config

    def load(self) -> None:
        super().load()
        model = self.model
        # Partial summaries are re-summarized; two of them must fit in one input, or it never ends.
        if 2 * self.config.max_new_tokens >= model.max_input_tokens:
            raise ModelError(
                f"summarize: max_new_tokens {self.config.max_new_tokens} is too large for model "
                f"{self.spec.label}, whose inputs hold {model.max_input_tokens} tokens; use at most "
                f"{model.max_input_tokens // 2 - 1}"
            )

    def process(self, batch: list[Article]) -> None:
        missing = [a for a in batch if a.text_en is None]
        if missing:
            raise ValueError(
                f"{missing[0].where}: no English text (text_en) to summarize; "
                "the translate stage must come before summarize"
            )
        # Per article: the texts to summarize at the current level (None once finished).
        chunks: list[list[str] | None] = []
        for article in batch:
            units = _sentences(article)
            first = self._pack(units) if units else []
            article.metadata["summary_chunks"] = len(first)
            article.metadata["summary_levels"] = 0
            if not first:
                article.summary_en = ""
            chunks.append(first or None)
        while any(chunks):
            inputs = [text for article_chunks in chunks if article_chunks for text in article_chunks]
            outputs = iter(self._summarize(inputs))
            for index, article in enumerate(batch):
                article_chunks = chunks[index]
                if not article_chunks:
                    continue
                summaries = [next(outputs) for _ in article_chunks]
                article.metadata["summary_levels"] += 1
                if len(article_chunks) == 1:
                    article.summary_en = summaries[0]
                    chunks[index] = None
                    continue
                regrouped = self._pack([s for s in summaries if s.strip()] or summaries[:1])
                if len(regrouped) >= len(article_chunks):
                    raise ModelError(
                        f"{article.where}: partial summaries do not get shorter "
                        f"({len(article_chunks)} -> {len(regrouped)} chunks); lower max_new_tokens"
                    )
                chunks[index] = regrouped
        self.stat_update("chunks", sum(a.metadata["summary_chunks"] for a in batch))

    def _summarize(self, texts: list[str]) -> list[str]:
        c = self.config
        self.stat_update("model_inputs", len(texts))
        return self.model.generate(
            texts,
            num_beams=c.num_beams,
            max_new_tokens=[c.max_new_tokens] * len(texts),
            min_new_tokens=c.min_new_tokens,
            max_batch_tokens=c.max_batch_tokens,
            batch_size=c.batch_size,
            length_penalty=c.length_penalty,
            no_repeat_ngram_size=c.no_repeat_ngram_size,
        )

    def _pack(self, units: list[str]) -> list[str]:
        """Join consecutive `units` into as few chunks as fit the model's input (splitting any unit
        that alone is too long at punctuation or spaces)."""
        model = self.model
        limit = model.max_input_tokens
        special = model.count_tokens([""])[0]
        counts = dict(zip(units, model.count_tokens(units), strict=True))

        def fits(text: str) -> bool:
            return model.count_tokens([text])[0] <= limit

        pieces: list[tuple[str, int]] = []
        for unit in units:
            if counts[unit] <= limit:
                pieces.append((unit, counts[unit] - special))
            else:
                parts = [unit[a:b] for a, b in split_to_fit(unit, fits)]
                pieces += zip(parts, [n - special for n in model.count_tokens(parts)], strict=True)
        groups: list[list[str]] = []
        size = 0
        for text, tokens in pieces:
            # Tokens of a joined chunk are close to the sum of its parts'; checked exactly below.
            if groups and size + tokens + special <= limit:
                groups[-1].append(text)
                size += tokens
            else:
                groups.append([text])
                size = tokens
        chunks: list[str] = []
        for group in groups:
            chunks += self._fit(group, fits)
        return chunks

    def _fit(self, group: list[str], fits: Callable[[str], bool]) -> list[str]:
        """`group` joined, or halved until each half fits (sums of counts can undercount slightly)."""
        joined = " ".join(group)
        if len(group) == 1 or fits(joined):
            return [joined]
        half = len(group) // 2
        return self._fit(group[:half], fits) + self._fit(group[half:], fits)


def _sentences(article: Article) -> list[str]:
    """The English sentences of `article`: its segments' `text_en`, else `text_en` cut at sentence ends."""
    if article.segments and all(s.text_en is not None for s in article.segments):
        return [s.text_en for s in article.segments if s.text_en and s.text_en.strip()]
    text = article.text_en or ""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]
