"""Quote extraction and attribution for French press text.

`extract_quotes(text, title, nlp)` finds the quotations of an article (body and title), drops names,
titles, terms and scare quotes, and attributes each quote to its speaker, following
docs/quote-guideline.md; each speaker is then put in the guideline's form (§4.1, `canonical.py`).
`extract_quotes_batch` does the same for many articles with `nlp.pipe`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.article import Quote, SpeakerBasis
from pipeline.nlp import plain_form
from pipeline.quotes.attribution import ArticleContext, Attribution, attribute_spans
from pipeline.quotes.canonical import canonical_speaker
from pipeline.quotes.lexicon import load_lexicon
from pipeline.quotes.marks import QuoteSpan, find_quote_spans
from pipeline.quotes.ranker import rerank

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "QuoteSpan",
    "extract_quotes",
    "extract_quotes_batch",
    "find_quote_spans",
    "quotes_from_docs",
    "speaker_basis",
]


#: The rules' attribution mechanisms (`Attribution.how`) by the basis they give a speaker; any other
#: (`context`, `title-person`, a fallback) infers the speaker from the context.
_BASIS: dict[str, SpeakerBasis] = {
    "after": "cue",
    "before": "cue",
    "selon": "cue",
    "colon": "cue",
    "subject": "cue",
    "next": "cue",
    "continuation": "continuation",
    "repeated": "repeated",
    "title-from-body": "repeated",
}


def speaker_basis(how: str) -> SpeakerBasis:
    """The `Quote.speaker_basis` of a speaker the rules found by `how`."""
    return _BASIS.get(how, "context")


def _to_quotes(
    text: str,
    results: list[Attribution],
    speakers: list[str | None],
    in_title: bool,
    include_partial: bool,
    reranked: list[tuple[str | None, str | None] | None] | None = None,
) -> list[Quote]:
    quotes = []
    for i, (r, speaker) in enumerate(zip(results, speakers, strict=True)):
        if not r.is_quote or (r.kind == "partial" and not include_partial):
            continue
        mention = r.mention
        picked = reranked[i] if reranked is not None else None
        basis = speaker_basis(r.how) if speaker else None
        if picked is not None:
            speaker, mention = picked
            basis = "context" if speaker else None
        quotes.append(
            Quote(
                text=text[r.span.start : r.span.end],
                start=r.span.start,
                end=r.span.end,
                speaker=speaker,
                speaker_mention=mention,
                cue=r.cue,
                speaker_basis=basis,
                kind=r.kind,
                in_title=in_title,
            )
        )
    return quotes


@dataclass
class Analysis:
    """The rules' view of one article: contexts and attributions of the body and the title."""

    body: ArticleContext
    title: ArticleContext | None
    body_results: list[Attribution]
    title_results: list[Attribution]


def article_year(date: str | None) -> int | None:
    """The year of an article's `date` (`2016-04-09`, `09/04/2016`, `9 avril 2016`), or None."""
    found = re.search(r"(?<!\d)(19\d\d|20\d\d)(?!\d)", date or "")
    return int(found.group(1)) if found else None


def analyse(body: Doc, title: Doc | None, *, min_words: int = 4, date: str | None = None) -> Analysis:
    """Find and attribute the quotation spans of a parsed body and title with the rules.

    `date`, the article's, lets an office named without its holder (`le Premier ministre`) resolve to
    the holder of that year (`offices.txt`).
    """
    lexicon = load_lexicon()
    body_ctx = ArticleContext(body, find_quote_spans(body.text), lexicon)
    body_ctx.year = article_year(date)
    title_ctx = None
    if title is not None and title.text.strip():
        title_ctx = ArticleContext(title, find_quote_spans(title.text), lexicon)
        title_ctx.year = body_ctx.year
        body_ctx.add_title(title_ctx)
    body_results = attribute_spans(body_ctx, min_words=min_words)
    title_results: list[Attribution] = []
    if title_ctx is not None and title_ctx.spans:
        title_results = attribute_spans(title_ctx, body_ctx, min_words=min_words, known=body_results)
    return Analysis(body_ctx, title_ctx, body_results, title_results)


def rule_speakers(a: Analysis, in_title: bool = False) -> list[str | None]:
    """The rules' speaker of each body (or title) attribution in the guideline's form."""
    if in_title:
        if a.title is None:
            return []
        return [
            canonical_speaker(r.speaker, a.body, a.title, None) if r.is_quote else None
            for r in a.title_results
        ]
    return [
        canonical_speaker(r.speaker, a.body, a.title, r.cue_at if r.cue_at >= 0 else r.span.start)
        if r.is_quote
        else None
        for r in a.body_results
    ]


def quotes_from_docs(
    body: Doc,
    title: Doc | None,
    *,
    min_words: int = 4,
    include_partial: bool = True,
    date: str | None = None,
    texts: tuple[str, str] | None = None,
) -> list[Quote]:
    """Quotes of one article from its parsed body and title (title quotes first).

    Body speakers the rules leave empty or give to a description are then decided by the learned
    speaker ranker (`ranker.py`). `texts`, the original body and title when the docs parsed their
    `plain_form` form, give each quote its exact characters.
    """
    a = analyse(body, title, min_words=min_words, date=date)
    body_text, title_text = (
        texts if texts is not None else (body.text, title.text if title is not None else "")
    )
    quotes: list[Quote] = []
    if a.title is not None and a.title_results:
        quotes.extend(_to_quotes(title_text, a.title_results, rule_speakers(a, True), True, include_partial))
    speakers = rule_speakers(a)
    reranked = rerank(a.body, a.title, a.body_results, speakers)
    quotes.extend(_to_quotes(body_text, a.body_results, speakers, False, include_partial, reranked))
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
    dates: Sequence[str | None] | None = None,
) -> list[list[Quote]]:
    """Quotes of many (text, title) articles, parsing them together with `nlp.pipe`.

    Articles without any quotation mark are not parsed at all; the others are parsed in their
    `plain_form` form (offsets unchanged). `batch_size` and `n_process` are passed to `nlp.pipe` as
    they are. `dates`, one per article when given, are the articles' dates (see `analyse`).
    """
    if dates is not None and len(dates) != len(items):
        raise ValueError(f"{len(dates)} dates for {len(items)} articles")
    texts: list[str] = []
    for text, title in items:
        if _needs_parse(text) or _needs_parse(title):
            texts.extend([plain_form(text), plain_form(title)])
    docs: Iterator[Doc] = iter(nlp.pipe(texts, batch_size=batch_size, n_process=n_process))
    out: list[list[Quote]] = []
    for i, (text, title) in enumerate(items):
        if not (_needs_parse(text) or _needs_parse(title)):
            out.append([])
            continue
        body_doc = next(docs)
        title_doc = next(docs)
        date = dates[i] if dates is not None else None
        out.append(
            quotes_from_docs(
                body_doc,
                title_doc,
                min_words=min_words,
                include_partial=include_partial,
                date=date,
                texts=(text, title),
            )
        )
    return out


def extract_quotes(
    text: str,
    title: str,
    nlp: Language,
    *,
    min_words: int = 4,
    include_partial: bool = True,
    date: str | None = None,
) -> list[Quote]:
    """Quotes of one article: `text` is the body, `title` its title (quotes there get `in_title`)."""
    return extract_quotes_batch(
        [(text, title)], nlp, min_words=min_words, include_partial=include_partial, dates=[date]
    )[0]
