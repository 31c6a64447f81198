"""The packaged lists behind quote attribution: offices.txt, the role synonyms of wordlists.txt and the
speech-verb forms of speech_verbs.txt."""

from __future__ import annotations

import pytest

from pipeline.quotes.lexicon import Holder, _terms, offices, role_alike


def test_offices_load_with_phrases_and_terms() -> None:
    loaded = offices()
    assert len(loaded) >= 30
    pm = next(o for o in loaded if "premier ministre" in o.phrases)
    assert "chef du gouvernement" in pm.phrases
    valls = next(h for h in pm.holders if h.last == "Valls")
    assert valls.in_office(2015) and not valls.in_office(2017)
    for office in loaded:
        assert office.phrases and office.holders
        assert all(p == p.lower() for p in office.phrases)


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("2014-2016", ((2014, 2016),)),
        ("2024", ((2024, 2024),)),
        ("2017-2021 2025-", ((2017, 2021), (2025, None))),
    ],
)
def test_terms(text: str, terms: tuple[tuple[int, int | None], ...]) -> None:
    assert _terms(text, "test") == terms


@pytest.mark.parametrize("text", ["", "vers 2016", "2016-fin"])
def test_bad_terms_name_the_entry(text: str) -> None:
    with pytest.raises(ValueError, match=r"offices\.txt test"):
        _terms(text, "test")


def test_holder_still_in_office() -> None:
    holder = Holder("Emmanuel", "Macron", ((2017, None),))
    assert holder.in_office(2030) and not holder.in_office(2016)


def test_role_alike_is_symmetric_for_synonyms_only() -> None:
    alike = role_alike()
    assert "acteur" in alike["comédien"] and "comédien" in alike["acteur"]
    assert "député" in alike["élu"]
    assert "élu" not in alike.get("député", frozenset())


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("relève", "relever"),
        ("relèvera", "relever"),
        ("martèle", "marteler"),
        ("appelle", "appeler"),
        ("espère", "espérer"),
        ("sourit", "sourire"),
        ("a", None),
    ],
)
def test_speech_verb_forms_with_stem_changes(form: str, lemma: str | None) -> None:
    from pipeline.quotes.lexicon import load_lexicon

    assert load_lexicon().lemma(form) == lemma
