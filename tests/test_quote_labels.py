"""Quoted labels (charges, poll answers, ratings, alerts, classifications) told apart from quotes."""

from __future__ import annotations

import re

import pytest

from pipeline.quotes.labels import is_label, label_list


def split(sentence: str) -> tuple[str, str, str]:
    """(quote, before, after) of the first quotation of a sentence written with « » or straight marks."""
    m = re.search(r"[«\"]\s*(.+?)\s*[»\"]", sentence)
    assert m is not None, sentence
    return m.group(1), sentence[: m.start()], sentence[m.end() :]


def label(sentence: str) -> str | None:
    return is_label(*split(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "L'ancien maire a été mis en examen pour « prise illégale d'intérêts » mardi.",
        'Il est poursuivi pour "abus de biens sociaux" et "abus de confiance".',
        "Une enquête a été ouverte des chefs de « violences volontaires en réunion ».",
        "Le suspect a été condamné pour « escroquerie en bande organisée ».",
        "Le parquet a ouvert une information judiciaire pour « homicide involontaire ».",
        "Elle est soupçonnée de « recel de vol » depuis l'été.",
        "Trois hommes ont été interpellés pour « tentative de meurtre ».",
        "Le parquet a requalifié les faits en « homicide volontaire ».",
        "Les officiers sont jugés pour « tentative de coup d'État ».",
        "Il a été placé en garde à vue pour « outrage et rébellion ».",
        "Le rappeur est visé par une plainte pour « apologie du terrorisme ».",
        "Il comparaîtra pour des faits de « harcèlement sexuel » sur deux collègues.",
        "Il est accusé de « complicité d'assassinat » dans ce dossier.",
        "Il a été mis en examen notamment pour « blanchiment d'argent ».",
        "Le chauffeur est poursuivi pour « mise en danger de la vie d'autrui ».",
        "Elle a porté plainte pour « viol » en 2019.",
        "Déjà poursuivi pour le « meurtre » d'une adolescente, il a été mis en examen.",
        "Ils sont jugés pour « association de malfaiteurs en vue de la préparation d'un acte de terrorisme ».",
    ],
)
def test_legal_charges_are_labels(sentence: str) -> None:
    assert label(sentence) == "legal charge"


def test_a_charge_listed_after_another_charge_is_a_label() -> None:
    before = 'Il a été condamné pour "trafic de stupéfiants", "recel" et '
    assert is_label("détention d'armes", before, ".") == "legal charge"


def test_the_cue_inside_the_marks_counts() -> None:
    assert is_label("pour vol avec violence", "Il est convoqué au tribunal ", ".") == "legal charge"


@pytest.mark.parametrize(
    "sentence",
    [
        "Selon ce sondage Ifop, 54 % des Français se disent « plutôt favorables » à la réforme.",
        "Ils sont 12 % « très satisfaits » et 30 % « assez satisfaits ».",
        "Le ministre recueille 38 % de « bonne opinion » ce mois-ci.",
        "« Tout à fait d'accord » : 22 % des personnes interrogées.",
        "Le Premier ministre remonte à 35% de « satisfaits ».",
        "Au total, 61% des sondés sont « pas du tout convaincus ».",
    ],
)
def test_poll_answers_are_labels(sentence: str) -> None:
    assert label(sentence) == "poll answer"


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Moody's a abaissé la note du pays à « Baa3 ».", "rating"),
        ("L'agence Fitch a relevé la note de la Grèce à « BBB- ».", "rating"),
        ("Le pays perd son « AAA ».", "rating"),
        (
            "Le logement est classé « G » selon son diagnostic de performance énergétique (DPE) : note « G ».",
            "rating",
        ),
        ("La note est assortie d'une perspective « négative ».", "rating outlook"),
        ("Le Var est placé en vigilance orange « orages » jusqu'à demain.", "alert level"),
        (
            "Météo-France a déclenché une vigilance rouge « canicule » dans quatre départements.",
            "alert level",
        ),
        ("Le département est passé en « vigilance rouge » samedi.", "alert level"),
        ("Le plan Vigipirate est relevé au niveau « urgence attentat ».", "alert level"),
        ("Le glyphosate est classé « cancérogène probable » par le CIRC.", "classification"),
        ("L'espèce figure sur la liste rouge de l'UICN, catégorie « en danger critique ».", "classification"),
        ("La commune a obtenu la reconnaissance de l'état de « catastrophe naturelle ».", "classification"),
        ("Le restaurant a été élu « meilleur restaurant du monde » en 2019.", "award or ranking"),
        ("Elle a reçu une « attestation de déplacement dérogatoire ».", "document type"),
        ("L'homme a été placé sous le statut de « témoin assisté ».", "legal term"),
    ],
)
def test_ratings_alerts_classifications_are_labels(sentence: str, reason: str) -> None:
    assert label(sentence) == reason


@pytest.mark.parametrize(
    "sentence",
    [
        "« Je n'ai jamais touché à l'argent public », a assuré l'élu mis en examen pour corruption.",
        "« C'est de la corruption pure et simple », a dénoncé le député.",
        "Le maire a dénoncé cet « incendie volontaire » sur Twitter.",
        "Pour eux, le pape est coupable de « crime hérétique ».",
        "Il a été condamné pour ce qu'il appelle « une violence symbolique ».",
        "La ministre s'est dite « satisfaite du protocole » signé lundi.",
        "Anne Hidalgo s'était déclarée plutôt « opposée » à l'idée.",
        "Rachida Dati accuse la maire de « mensonge ».",
        "Il se bat pour « que la vérité éclate », a-t-il dit.",
        "Il est poursuivi pour ce qu'il a écrit : « Le harcèlement, je ne l'ai jamais pratiqué ».",
        "L'avocat plaide pour « une peine juste et proportionnée ».",
        "« Plutôt favorable », a répondu le ministre interrogé sur la réforme.",
        "Le syndicat dénonce « une menace pour l'emploi » dans la région.",
        "Le philosophe insiste sur la « violence » que constitue la crémation.",
        "Elle décrit un « vol organisé de nos données », selon son avocat.",
        "« Nous sommes en alerte rouge », a prévenu le médecin.",
        "Pour le sélectionneur, il est « le meilleur joueur du monde ».",
        "Il a reçu « un accueil chaleureux », raconte-t-il.",
        "Ils réclament « des sanctions exemplaires » contre les auteurs.",
        "Le rapport propose « une contravention de 4e classe d'outrage sexiste ».",
        "« Très satisfait » de la hausse de 5 % des ventes, le PDG a salué ses équipes.",
        "Les gilets jaunes dénoncent la « pollution » de la rocade.",
        "Le syndicat dénonce un « permis de tuer » accordé aux policiers.",
        "Le journaliste parle du « meilleur joueur du monde » dans sa chronique.",
        "Le président élu estime être « le meilleur candidat de l'histoire ».",
        "Elle se considère comme « vulnérable » depuis l'agression.",
        "Le patron voit une perspective « positive » pour l'usine.",
        "Selon un sondage publié mardi, 54 % des Français soutiennent la grève. Le ministre est « satisfait ».",
    ],
)
def test_quotes_are_not_labels(sentence: str) -> None:
    assert label(sentence) is None


def test_lists_are_loaded_and_normalised() -> None:
    offences = label_list("offences")
    assert "association de malfaiteurs" in offences
    assert "harcelement" in offences  # accents removed
    with pytest.raises(KeyError, match="no list"):
        label_list("nope")


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("La couche visible s'appelle la photosphère, ce qui signifie « boule de lumière ».", "gloss"),
        ("En espagnol, « caro » signifie « cher ».", "word glossed"),
        (
            "Les enquêteurs ont récupéré deux enregistreurs de vol (ou « boîtes noires ») mercredi.",
            "other name",
        ),
        ("Veillez à prononcer « r » autrement que « rr ».", "a letter or two"),
    ],
)
def test_glosses_other_names_and_letters_are_labels(sentence: str, reason: str) -> None:
    assert label(sentence) == reason


@pytest.mark.parametrize(
    "sentence",
    [
        "Le juge lui a signifié « son placement en détention provisoire ».",
        "« Cela ne signifie pas que nous renonçons », a déclaré le ministre.",
        "Le maire a dit « non ».",
        "« OK », a répondu le ministre.",
    ],
)
def test_a_notification_a_sentence_or_a_word_with_a_source_is_no_gloss(sentence: str) -> None:
    assert label(sentence) is None
