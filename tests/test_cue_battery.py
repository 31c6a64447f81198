"""scripts/cue_battery.py: the lexicon's verb forms and the template passages run through the extractor."""

from __future__ import annotations

import pytest

from tests.helpers import NEEDS_SPACY, load_script


@pytest.fixture(scope="module")
def battery():
    return load_script("cue_battery")


def test_verb_forms_are_the_lexicon_s_own(battery) -> None:
    from pipeline.quotes.lexicon import load_lexicon

    forms = battery.verb_forms(load_lexicon())
    assert forms["rappeler"] == {
        "pres": "rappelle", "pl": "rappellent", "imp": "rappelait", "pp": "rappelé", "ant": "rappelant",
        "refl": "se rappelle", "inf": "rappeler", "de": "de rappeler",
    }  # fmt: skip
    assert forms["ajouter"]["de"] == "d'ajouter"
    assert forms["annoncer"]["imp"] == "annonçait" and forms["annoncer"]["ant"] == "annonçant"
    assert forms["indigner"]["refl"] == "s'indigne"
    assert forms["répéter"]["pres"] == "répète"
    assert "dire" not in forms and not any("_" in lemma for lemma in forms)  # irregular, reflexive
    assert len(forms) > 150


@NEEDS_SPACY
def test_templates_give_their_speaker(battery) -> None:
    forms = {
        "indigner": {"pres": "indigne", "pl": "indignent", "imp": "indignait", "pp": "indigné", "ant": "indignant",
                     "refl": "s'indigne", "inf": "indigner", "de": "d'indigner"},
    }  # fmt: skip
    results = battery.run(battery.TEMPLATES, forms)
    assert len(results) == len(battery.TEMPLATES)  # (`indigner` is reflexive too: every template)
    for template, lemma, speaker, expected, text in results:
        assert lemma == "indigner" and "{" not in text
        assert speaker == expected == template.speaker, (template.name, speaker, text)


@NEEDS_SPACY
def test_subject_templates_give_each_subject(battery) -> None:
    colon = next(t for t in battery.SUBJECT_TEMPLATES if t.name == "subject-colon")
    results = battery.run((colon,), {})
    assert len(results) == len(battery.SUBJECTS)
    by_subject = {word: (speaker, text) for _, word, speaker, _, text in results}
    assert by_subject["la CGT"] == (
        "La CGT",
        battery._LEAD + "La CGT a déclaré : « Nous ne céderons rien sur ce dossier. »",
    )
    assert by_subject["Marine Le Pen"][0] == "Marine Le Pen"


@pytest.fixture(scope="module")
def references():
    return load_script("reference_battery")


def test_reference_passages_are_filled_in(references) -> None:
    todo = references.items(references.TEMPLATES)
    assert all("{" not in text and "}" not in text for _, _, text, _ in todo)
    by = {(t.name, word): (text, expected) for t, word, text, expected in todo}
    text, expected = by[("role-after", "l'avocate")]
    assert expected == "Sophie Leroy" and text.startswith("Sophie Leroy, avocate à Lyon,")
    assert text.endswith("a déclaré l'avocate.") and "Claire Dubois" in text
    assert by[("role-after", "le préfet")][0].startswith("Marc Lefèvre, préfet à Lyon,")
    text, expected = by[("surname-honorific", "Marine Le Pen")]
    assert expected == "Marine Le Pen" and text.endswith("a déclaré Mme Le Pen.")
    assert by[("pronoun-gender", "Olaf Scholz")][0].startswith("Claire Dubois a rencontré Olaf Scholz")
    text, expected = by[("body-after", "la CGT / le syndicat")]
    assert (
        expected == "la CGT" and text.startswith("La CGT a publié") and text.endswith("a ajouté le syndicat.")
    )
    roles = sum(1 for t in references.TEMPLATES if t.kind == "role")
    assert sum(1 for t, *_ in todo if t.kind == "role") == roles * 2 * len(references.ROLES)


@NEEDS_SPACY
def test_reference_templates_give_the_person_introduced(references) -> None:
    templates = tuple(t for t in references.TEMPLATES if t.name in {"role-two-roles", "pronoun-subject"})
    results = references.run(templates)
    wrong = [(t.name, word, speaker) for t, word, speaker, expected, _ in results if speaker != expected]
    assert not wrong


def test_unnamed_passages_expect_the_first_description(references) -> None:
    templates = tuple(t for t in references.TEMPLATES if t.kind == "unnamed")
    todo = references.items(templates)
    assert len(todo) == len(templates) * 2 * len(references.UNNAMED)
    by = {(t.name, word): (text, expected) for t, word, text, expected in todo}
    text, expected = by[("unnamed-definite", "une riveraine")]
    assert expected == "une riveraine" and text.startswith("La maire Anne Martin a présenté")
    assert "Une riveraine regarde" in text and text.endswith("s'inquiète la riveraine.")
    text, expected = by[("unnamed-pronoun", "un habitant")]
    assert "Un habitant, venu de Lyon," in text and text.endswith("dit-il.") and expected == "un habitant"
    assert by[("unnamed-definite", "un étudiant")][0].endswith("s'inquiète l'étudiant.")
    assert by[("unnamed-complement", "un témoin")][1] == "un témoin du quartier"


@NEEDS_SPACY
def test_unnamed_templates_give_the_unnamed_person(references) -> None:
    templates = tuple(t for t in references.TEMPLATES if t.name in {"unnamed-pronoun", "unnamed-definite"})
    results = references.run(templates)
    from pipeline.evaluate import normalise_speaker

    wrong = [
        (t.name, word, speaker)
        for t, word, speaker, expected, _ in results
        if normalise_speaker(speaker) != normalise_speaker(expected)
    ]
    assert not wrong


@NEEDS_SPACY
def test_switch_templates_give_the_new_source(references) -> None:
    templates = tuple(t for t in references.TEMPLATES if t.name in {"switch-chez", "switch-body-view"})
    results = references.run(templates)
    assert len(results) == len(references.PEOPLE) + len(references.BODIES)
    from pipeline.evaluate import normalise_speaker

    assert all(
        normalise_speaker(speaker) == normalise_speaker(expected) for _, _, speaker, expected, _ in results
    )
