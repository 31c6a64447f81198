"""Quote extraction and attribution for French press text.

`extract_quotes(text, title, nlp)` finds the quotations of an article (body and title), drops names,
titles, terms and scare quotes, and attributes each quote to its speaker, following
docs/quote-guideline.md; each speaker is then put in the guideline's form (§4.1, `canonical.py`).
`extract_quotes_batch` does the same for many articles with `nlp.pipe`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pipeline.article import Quote
from pipeline.quotes.attribution import ArticleContext, Attribution, attribute_spans
from pipeline.quotes.canonical import canonical_speaker
from pipeline.quotes.lexicon import load_lexicon
from pipeline.quotes.marks import QuoteSpan, find_quote_spans

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["QuoteSpan", "extract_quotes", "extract_quotes_batch", "find_quote_spans", "quotes_from_docs"]


def _to_quotes(
    text: str,
    results: list[Attribution],
    in_title: bool,
    include_partial: bool,
    body: ArticleContext,
    title: ArticleContext | None,
) -> list[Quote]:
    quotes = []
    for r in results:
        if not r.is_quote or (r.kind == "partial" and not include_partial):
            continue
        at = None if in_title else (r.cue_at if r.cue_at >= 0 else r.span.start)
        quotes.append(
            Quote(
                text=text[r.span.start : r.span.end],
                start=r.span.start,
                end=r.span.end,
                speaker=canonical_speaker(r.speaker, body, title, at),
                speaker_mention=r.mention,
                cue=r.cue,
                kind=r.kind,
                in_title=in_title,
            )
        )
    return quotes


def quotes_from_docs(
    body: Doc, title: Doc | None, *, min_words: int = 4, include_partial: bool = True
) -> list[Quote]:
    """Quotes of one article from its parsed body and title (title quotes first)."""
    lexicon = load_lexicon()
    body_ctx = ArticleContext(body, find_quote_spans(body.text), lexicon)
    title_ctx = None
    if title is not None and title.text.strip():
        title_ctx = ArticleContext(title, find_quote_spans(title.text), lexicon)
        body_ctx.add_title(title_ctx)
    body_results = attribute_spans(body_ctx, min_words=min_words)
    quotes: list[Quote] = []
    if title_ctx is not None and title_ctx.spans:
        title_results = attribute_spans(title_ctx, body_ctx, min_words=min_words, known=body_results)
        quotes.extend(_to_quotes(title_ctx.text, title_results, True, include_partial, body_ctx, title_ctx))
    quotes.extend(_to_quotes(body.text, body_results, False, include_partial, body_ctx, title_ctx))
    return quotes


def _needs_parse(text: str) -> bool:
    return any(c in text for c in '"«»“”„‹›')


def extract_quotes_batch(
    items: list[tuple[str, str]],
    nlp: Language,
    *,
    min_words: int = 4,
    include_partial: bool = True,
    batch_size: int = 32,
    n_process: int = 1,
) -> list[list[Quote]]:
    """Quotes of many (text, title) articles, parsing them together with `nlp.pipe`.

    Articles without any quotation mark are not parsed at all. `batch_size` and `n_process` are
    passed to `nlp.pipe` as they are.
    """
    texts: list[str] = []
    for text, title in items:
        if _needs_parse(text) or _needs_parse(title):
            texts.extend([text, title])
    docs: Iterator[Doc] = iter(nlp.pipe(texts, batch_size=batch_size, n_process=n_process))
    out: list[list[Quote]] = []
    for text, title in items:
        if not (_needs_parse(text) or _needs_parse(title)):
            out.append([])
            continue
        body_doc = next(docs)
        title_doc = next(docs)
        out.append(
            quotes_from_docs(body_doc, title_doc, min_words=min_words, include_partial=include_partial)
        )
    return out


def extract_quotes(
    text: str, title: str, nlp: Language, *, min_words: int = 4, include_partial: bool = True
) -> list[Quote]:
    """Quotes of one article: `text` is the body, `title` its title (quotes there get `in_title`)."""
    return extract_quotes_batch([(text, title)], nlp, min_words=min_words, include_partial=include_partial)[0]
