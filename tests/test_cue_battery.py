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
        "refl": "se rappelle",
    }  # fmt: skip
    assert forms["annoncer"]["imp"] == "annonçait" and forms["annoncer"]["ant"] == "annonçant"
    assert forms["indigner"]["refl"] == "s'indigne"
    assert forms["répéter"]["pres"] == "répète"
    assert "dire" not in forms and not any("_" in lemma for lemma in forms)  # irregular, reflexive
    assert len(forms) > 150


@NEEDS_SPACY
def test_templates_give_their_speaker(battery) -> None:
    forms = {
        "indigner": {"pres": "indigne", "pl": "indignent", "imp": "indignait", "pp": "indigné", "ant": "indignant",
                     "refl": "s'indigne"},
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
