"""The learned speaker ranker (pipeline/quotes/ranker.py) and the name clean-ups it relies on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pipeline.quotes.ranker import (
    WEIGHTS,
    Candidate,
    _description,
    _garbled,
    choose,
    load_weights,
    score,
)
from tests.helpers import NEEDS_SPACY

if TYPE_CHECKING:
    from spacy.language import Language

needs_spacy = NEEDS_SPACY

# Two sentences: a person named before a quotation that has no cue of its own.
TEXT = (
    "Jean Dupont, le maire de la ville, a visité l'école lundi avec les parents. "
    'Il a promis de la reconstruire. Pour les familles, "ce sera une école moderne et ouverte à tous".'
)


def test_garbled_names_from_scraped_headings() -> None:
    assert _garbled("MAINTENUESManuel Valls")
    assert _garbled("L'Opinion lundi 11 septembre")
    assert _garbled("IMPÔT SUR LE")
    assert not _garbled("Manuel Valls")
    assert not _garbled("OMS")
    assert not _garbled("J.D. Vance")


def test_description_features() -> None:
    assert _description("le porte-parole") == {"desc:determiner": 1.0, "desc:role": 1.0}
    assert "desc:unknown_head" in _description("des élections européennes")
    assert "desc:capitalised" in _description("Renault Trucks")
    assert "desc:capitalised" not in _description("la préfecture")


def test_choose_takes_the_highest_score_and_keeps_the_first_on_ties() -> None:
    weights = {"__bias__": 1.0, "a": 2.0, "b": -1.0}
    a, b, c = Candidate("A", {"a": 1.0}), Candidate("B", {"b": 1.0}), Candidate("C", {"a": 1.0})
    assert score(a.features, weights) == 3.0
    assert score(b.features, weights) == 0.0
    assert choose([b, a, c], weights) is a
    assert choose([], weights) is None


def test_missing_weights_file_means_no_ranker(tmp_path: Path) -> None:
    assert load_weights(tmp_path / "none.json") is None


def test_shipped_weights_load_and_record_their_training_data() -> None:
    weights = load_weights(WEIGHTS)
    assert weights is not None
    assert {"null", "description", "entity", "same_sent_after:speaks"} <= set(weights)
    meta = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    # The blind test and the second held-out set are never used for training.
    assert not any("quotes-test" in f or "quotes-heldout2" in f for f in meta["trained_on"])
    assert meta["ranked_quotes"] > 0


@needs_spacy
def test_candidates_describe_the_people_near_the_quote(nlp: Language) -> None:
    from pipeline.quotes import analyse, rule_speakers
    from pipeline.quotes.ranker import quote_candidates

    a = analyse(nlp(TEXT), None)
    speakers = rule_speakers(a)
    cands = quote_candidates(a.body, a.title, a.body_results, speakers)
    (i,) = [k for k, r in enumerate(a.body_results) if r.is_quote]
    by_name = {c.name: c for c in cands[i]}
    assert None in by_name and by_name[None].features["null"] == 1.0
    dupont = by_name["Jean Dupont"]
    assert dupont.features["person"] == 1.0
    assert dupont.features["prev_sent2"] == 1.0  # two sentences before the quote's
    assert dupont.features["rank0"] == 1.0  # the nearest person before it
    assert dupont.mention == "Jean Dupont"


@needs_spacy
def test_rerank_decides_only_where_the_rules_name_nobody(nlp: Language) -> None:
    from pipeline.quotes import analyse, rule_speakers
    from pipeline.quotes.ranker import rerank

    a = analyse(nlp(TEXT), None)
    speakers = rule_speakers(a)
    (i,) = [k for k, r in enumerate(a.body_results) if r.is_quote]
    assert speakers[i] is None
    picked = rerank(a.body, a.title, a.body_results, speakers, {"__bias__": 0.0, "prev_sent2": 5.0})
    assert picked[i] == ("Jean Dupont", "Jean Dupont")
    assert rerank(a.body, a.title, a.body_results, speakers, {"__bias__": 0.0, "null": 5.0})[i] is None
    # A named speaker found by the rules stands whatever the weights say.
    named = "Le maire Jean Dupont a visité l'école. « Nous allons la reconstruire très vite », a-t-il dit."
    b = analyse(nlp(named), None)
    b_speakers = rule_speakers(b)
    assert "Jean Dupont" in b_speakers
    assert all(p is None for p in rerank(b.body, b.title, b.body_results, b_speakers, {"null": 99.0}))


def test_speaker_basis_of_the_rules_and_of_the_ranker() -> None:
    from pipeline.quotes import _to_quotes, speaker_basis
    from pipeline.quotes.attribution import Attribution
    from pipeline.quotes.marks import QuoteSpan

    assert [speaker_basis(h) for h in ("after", "selon", "continuation", "title-from-body", "context")] == [
        "cue",
        "cue",
        "continuation",
        "repeated",
        "context",
    ]
    text = "« Nous partons demain matin »"
    span = QuoteSpan(open_at=0, close_at=len(text) - 1, start=2, end=len(text) - 2)
    found = Attribution(span=span, is_quote=True, kind="direct", how="after", mention="Jean Dupont")
    (q,) = _to_quotes(text, [found], ["Jean Dupont"], False, True, [None])
    assert (q.speaker, q.speaker_basis) == ("Jean Dupont", "cue")
    # The ranker's choice (here over a description the rules found) is inferred from the context.
    (q,) = _to_quotes(text, [found], ["le maire"], False, True, [("Jean Dupont", "Jean Dupont")])
    assert (q.speaker, q.speaker_basis) == ("Jean Dupont", "context")
    (q,) = _to_quotes(text, [found], ["le maire"], False, True, [(None, None)])
    assert (q.speaker, q.speaker_basis) == (None, None)


@needs_spacy
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Le ministre de l'Économie Bruno Le Maire a présenté la réforme. "
            "« Ce dispositif sera plus simple », a rétorqué M. Le Maire.",
            "Bruno Le Maire",
        ),
        (
            "La présidente du Front national Marine Le Pen a réagi. « C'est une lâcheté », a dénoncé Mme Le Pen.",
            "Marine Le Pen",
        ),
    ],
)
def test_first_name_inside_an_organisation_entity(nlp: Language, text: str, speaker: str) -> None:
    """spaCy tags `Front national Marine Le Pen` as one ORG: the first name still counts."""
    from pipeline.quotes import extract_quotes

    (q,) = extract_quotes(text, "", nlp)
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("span", "name"),
    [
        ("RTL.Mischa Aznavour", "Mischa Aznavour"),
        ("EX-MINISTREManuel Valls", "Manuel Valls"),
        ("J.D. Vance", "J.D. Vance"),
        ("Jean-Paul Delevoye", "Jean-Paul Delevoye"),
        ("McDonald Smith", "McDonald Smith"),
    ],
)
def test_glue_before_a_name(span: str, name: str) -> None:
    from pipeline.quotes.attribution import _GLUED_HEAD

    glued = _GLUED_HEAD.match(span)
    assert span[glued.end() if glued else 0 :] == name


@needs_spacy
def test_names_glued_to_a_scraped_heading(nlp: Language) -> None:
    """OrangeSum lost its paragraph breaks: `... MAINTENUESManuel Valls` is one PER entity."""
    from pipeline.quotes.attribution import ArticleContext

    text = "ÉCONOMIE : LES PRÉVISIONS MAINTENUESManuel Valls a répondu lundi."
    ctx = ArticleContext(nlp(text), [])
    (p,) = [p for p in ctx.persons if "Valls" in p.text]
    assert (p.text, text[p.start : p.end]) == ("Manuel Valls", "Manuel Valls")
