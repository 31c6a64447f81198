"""scripts/name_swap.py: gold-annotated articles with their speakers' names replaced."""

from __future__ import annotations

import random

import pytest

from tests.helpers import load_script


@pytest.fixture(scope="module")
def name_swap():
    return load_script("name_swap")


def test_names_offsets_and_speakers_follow_the_swap(name_swap) -> None:
    text = "« Nous viendrons », a déclaré Pierre Durand. M. Durand a ajouté : « Demain »."
    article = {"id": "a1", "title": "Durand promet", "text": text}
    gold = {
        "id": "a1",
        "quotes": [
            {"text": "Nous viendrons", "start": 2, "end": 16, "speaker": "Pierre Durand", "kind": "direct"},
            {"text": "Demain", "start": 68, "end": 74, "speaker": "Pierre Durand", "kind": "direct"},
        ],
    }
    assert text[68:74] == "Demain"
    swapped = name_swap.swap(article, gold, random.Random(3), "check", "both", set())
    assert swapped is not None
    new_article, new_gold, mapping = swapped
    first, surname = mapping["Pierre Durand"].split(" ", 1)
    assert first in name_swap.POOLS["check"]["m"]  # `Pierre` is a man's name: another man's
    assert "Durand" not in new_article["text"] + new_article["title"]
    assert f"M. {surname} a ajouté" in new_article["text"] and new_article["title"] == f"{surname} promet"
    for q in new_gold["quotes"]:
        assert new_article["text"][q["start"] : q["end"]] == q["text"]
        assert q["speaker"] == f"{first} {surname}"


def test_office_holders_and_unknown_first_names_keep_their_names(name_swap) -> None:
    holders = name_swap.office_holders()
    assert "macron" in holders
    assert name_swap.person("Emmanuel Macron", holders) is None
    assert name_swap.person("Zorglub Martin", holders) is None  # a first name of unknown gender
    assert name_swap.person("la préfecture", holders) is None
    assert name_swap.person("Marine Le Pen", set()) == ("Marine", "Le Pen", "f")
