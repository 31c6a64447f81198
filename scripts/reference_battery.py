"""Speakers referred to by a role, a pronoun, a surname or nothing at all: where the resolution fails.

Usage: python scripts/reference_battery.py [--failures] [--template NAME ...]

scripts/cue_battery.py checks that a cue is found; this script checks what the cue's words are
resolved to. It introduces a person (or an organisation) and someone else of the same gender who
does not speak, then quotes the first through a description (`a déclaré l'avocate`, `selon le
préfet`), a pronoun (`a-t-elle ajouté`, `selon lui`), a surname (`a déclaré Mme Le Pen`) or a bare
continuation, and reports for each template how many of its passages give the person introduced.
The `switch` templates quote someone else first, then write a sentence about the person or body
(`Pour X, la situation est différente.`, `La CGT dénonce ...`) and a quotation with no cue. The
`unnamed` templates quote, after a named official, someone the article never names (`un riverain`,
`une salariée`) through the same kinds of reference: the speaker is the first, fullest description
(guideline §4.1), not the official.

Role templates run over 60 role nouns, masculine and feminine; person templates over 30 people as the
press names them; organisation templates over 16 bodies and the noun an article would use for each;
unnamed templates over 24 nouns, masculine and feminine.
The passages are short and clean: the figures measure coverage of constructions, not accuracy on
articles.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cue_battery import capital, report, speakers_found

_WORDS = "« Nous ne céderons rien sur ce dossier »"
_PARTIAL = "« la décision a été prise dans l'urgence »"

#: Role nouns as (masculine, feminine); one word for both where the noun does not change.
ROLES = (
    ("acteur", "actrice"), ("ambassadeur", "ambassadrice"), ("animateur", "animatrice"),
    ("auteur", "autrice"), ("avocat", "avocate"), ("candidat", "candidate"), ("chanteur", "chanteuse"),
    ("chercheur", "chercheuse"), ("conseiller", "conseillère"), ("directeur", "directrice"),
    ("dirigeant", "dirigeante"), ("délégué", "déléguée"), ("député", "députée"),
    ("historien", "historienne"), ("infirmier", "infirmière"), ("joueur", "joueuse"),
    ("militant", "militante"), ("patron", "patronne"), ("policier", "policière"),
    ("procureur", "procureure"), ("professeur", "professeure"), ("préfet", "préfète"),
    ("présentateur", "présentatrice"), ("président", "présidente"), ("représentant", "représentante"),
    ("sénateur", "sénatrice"), ("vice-président", "vice-présidente"), ("élu", "élue"),
    ("fondateur", "fondatrice"), ("producteur", "productrice"), ("réalisateur", "réalisatrice"),
    ("comédien", "comédienne"), ("romancier", "romancière"), ("eurodéputé", "eurodéputée"),
    ("expert", "experte"), ("chroniqueur", "chroniqueuse"), ("musicien", "musicienne"),
    ("gouverneur", "gouverneure"), ("sportif", "sportive"), ("footballeur", "footballeuse"),
    ("ministre",), ("maire",), ("juge",), ("journaliste",), ("porte-parole",), ("secrétaire",),
    ("responsable",), ("sociologue",), ("économiste",), ("psychiatre",), ("spécialiste",),
    ("syndicaliste",), ("commissaire",), ("médecin",), ("analyste",), ("politologue",),
    ("épidémiologiste",), ("philosophe",), ("urgentiste",), ("architecte",),
)  # fmt: skip

#: People as the press names them: (name, gender, surname).
PEOPLE = (
    ("Jean-Luc Mélenchon", "m", "Mélenchon"), ("Marine Le Pen", "f", "Le Pen"),
    ("Dominique de Villepin", "m", "Villepin"), ("Ursula von der Leyen", "f", "von der Leyen"),
    ("Nathalie Kosciusko-Morizet", "f", "Kosciusko-Morizet"), ("Xi Jinping", "m", "Xi"),
    ("Recep Tayyip Erdogan", "m", "Erdogan"), ("Angela Merkel", "f", "Merkel"),
    ("Olaf Scholz", "m", "Scholz"), ("Anne Hidalgo", "f", "Hidalgo"), ("Rachida Dati", "f", "Dati"),
    ("Gérald Darmanin", "m", "Darmanin"), ("Agnès Buzyn", "f", "Buzyn"),
    ("Najat Vallaud-Belkacem", "f", "Vallaud-Belkacem"), ("Bruno Le Maire", "m", "Le Maire"),
    ("Jean-Yves Le Drian", "m", "Le Drian"), ("Marlène Schiappa", "f", "Schiappa"),
    ("Christophe Castaner", "m", "Castaner"), ("Olivier Véran", "m", "Véran"),
    ("Élisabeth Borne", "f", "Borne"), ("Valérie Pécresse", "f", "Pécresse"),
    ("Édouard Philippe", "m", "Philippe"), ("Jordan Bardella", "m", "Bardella"),
    ("Sandrine Rousseau", "f", "Rousseau"), ("Yannick Jadot", "m", "Jadot"),
    ("Clémentine Autain", "f", "Autain"), ("Pedro Sánchez", "m", "Sánchez"),
    ("Giorgia Meloni", "f", "Meloni"), ("Kamala Harris", "f", "Harris"), ("Boris Johnson", "m", "Johnson"),
)  # fmt: skip

#: Someone else of the same gender, named between the person and the quotation, who does not speak.
OTHER = {"m": "Paul Martin", "f": "Claire Dubois"}

#: Organisations and the noun an article uses for each after naming it.
BODIES = (
    ("la CGT", "le syndicat"), ("la FNSEA", "le syndicat"), ("Amnesty International", "l'ONG"),
    ("Greenpeace", "l'ONG"), ("la SNCF", "l'entreprise"), ("Air France", "la compagnie"),
    ("Renault", "le constructeur"), ("l'Insee", "l'institut"), ("le Medef", "l'organisation patronale"),
    ("la Commission européenne", "l'institution"), ("le parquet de Paris", "le parquet"),
    ("l'OMS", "l'organisation"), ("la préfecture du Rhône", "la préfecture"),
    ("l'Agence France-Presse", "l'agence"), ("TotalEnergies", "le groupe"), ("la mairie de Lyon", "la mairie"),
)  # fmt: skip


#: Nouns for people the press quotes without naming them, as (masculine, feminine).
UNNAMED = (
    ("riverain", "riveraine"), ("habitant", "habitante"), ("manifestant", "manifestante"),
    ("commerçant", "commerçante"), ("salarié", "salariée"), ("voisin", "voisine"),
    ("passant", "passante"), ("étudiant", "étudiante"), ("retraité", "retraitée"),
    ("agriculteur", "agricultrice"), ("enseignant", "enseignante"), ("infirmier", "infirmière"),
    ("client", "cliente"), ("électeur", "électrice"), ("militant", "militante"),
    ("policier", "policière"), ("chauffeur", "conductrice"), ("ouvrier", "ouvrière"),
    ("automobiliste",), ("bénévole",), ("syndicaliste",), ("médecin",), ("témoin",), ("touriste",),
)  # fmt: skip

#: The named official who speaks first in the `unnamed` passages, of the unnamed person's gender.
OFFICIAL = {"m": ("Le maire Jean Dupont", "il"), "f": ("La maire Anne Martin", "elle")}


@dataclass(frozen=True)
class Template:
    name: str
    #: {name} the person, {other} the one who does not speak, {role} `le maire`, {Role} `Le maire`,
    #: {bare} `maire`, {pron} il/elle, {stress} lui/elle, {hon} M./Mme, {surname}, {e} the participle's
    #: agreement; for bodies {body}, {Body} and {noun}.
    text: str
    kind: str  # "role", "person", "body" or "unnamed"
    #: For `unnamed`: the expected speaker, from {indef} `un riverain` (the first, fullest description).
    expected: str = "{indef}"


_INTRO = "{name}, {bare} à Lyon, a présenté le projet mardi. {other} n'a pas souhaité réagir. "
_OFFICIAL = "{official} a présenté le projet mardi. « Les aides seront actualisées », a-t-{opron} déclaré. "
_SWITCH = "Le ministre Jean Dupont a défendu sa réforme mardi. « Elle est juste », a-t-il déclaré. "
_ALONE = "« Nous ne céderons rien sur ce dossier. »"
TEMPLATES = (
    Template("role-after", _INTRO + _WORDS + ", a déclaré {role}.", "role"),
    Template("role-after-present", _INTRO + _WORDS + ", estime {role}.", "role"),
    Template("role-colon", _INTRO + "{Role} a ajouté : « Nous ne céderons rien sur ce dossier. »", "role"),
    Template("role-selon", _INTRO + "Selon {role}, " + _PARTIAL + ".", "role"),
    Template("role-que", _INTRO + "{Role} estime que " + _PARTIAL + ".", "role"),
    Template(
        "role-before-name",
        "{Role} {name} a présenté le projet mardi. {other} n'a pas souhaité réagir. "
        + _WORDS
        + ", a déclaré {role}.",
        "role",
    ),
    Template(
        "role-two-roles",
        "{name}, {bare} à Lyon, a présenté le projet mardi. {other}, {otherbare} à Paris, n'a pas souhaité "
        "réagir. " + _WORDS + ", a déclaré {role}.",
        "role",
    ),
    Template(
        "role-complement-name",
        "{Role} de la région, {name}, a présenté le projet mardi. {other} n'a pas souhaité réagir. "
        + _WORDS
        + ", a déclaré {role}.",
        "role",
    ),
    Template(
        "role-far",
        _INTRO
        + "Le texte sera voté jeudi. Les travaux commenceront en mars. Le coût reste inconnu. "
        + _WORDS
        + ", a déclaré {role}.",
        "role",
    ),
    Template(
        "role-pour",
        _INTRO + "Pour {role}, " + _PARTIAL + ".",
        "role",
    ),
    Template(
        "pronoun-gender",
        "{opposite} a rencontré {name} mardi. " + _WORDS + ", a-t-{pron} déclaré.",
        "person",
    ),
    Template(
        "pronoun-subject", "{name} a rencontré {other} mardi. " + _WORDS + ", a-t-{pron} ajouté.", "person"
    ),
    Template(
        "pronoun-after-quote",
        "« Les aides seront actualisées », a déclaré {name} mardi. Le texte sera voté jeudi. "
        + _WORDS
        + ", a-t-{pron} ajouté.",
        "person",
    ),
    Template(
        "pronoun-selon", "{name} a présenté le projet mardi. Selon {stress}, " + _PARTIAL + ".", "person"
    ),
    Template(
        "pronoun-far",
        "{name} a présenté le projet mardi. Le texte sera voté jeudi. Les travaux commenceront en mars. "
        + _WORDS
        + ", a-t-{pron} ajouté.",
        "person",
    ),
    Template(
        "pronoun-after-body",
        "{name} a présenté le projet mardi. {Body} a dénoncé un texte injuste. "
        + _WORDS
        + ", a-t-{pron} ajouté.",
        "person",
    ),
    Template(
        "pronoun-role-intro",
        "Le projet a été présenté mardi par {name}, {bare} à Lyon. " + _WORDS + ", a-t-{pron} expliqué.",
        "person",
    ),
    Template(
        "continuation-paragraph",
        "« Les aides seront actualisées », a déclaré {name} mardi.\n\n« Nous ne céderons rien sur ce dossier. »",
        "person",
    ),
    Template(
        "continuation-colon",
        "{name} a déclaré : « Les aides seront actualisées. » Puis : « Nous ne céderons rien sur ce dossier. »",
        "person",
    ),
    Template(
        "continuation",
        "« Les aides seront actualisées », a déclaré {name} mardi. « Nous ne céderons rien sur ce dossier. »",
        "person",
    ),
    Template(
        "surname-honorific",
        "{name} a présenté le projet mardi. {other} n'a pas souhaité réagir. "
        + _WORDS
        + ", a déclaré {hon} {surname}.",
        "person",
    ),
    Template(
        "surname",
        "{name} a présenté le projet mardi. {other} n'a pas souhaité réagir. "
        + _WORDS
        + ", a déclaré {surname}.",
        "person",
    ),
    # A named official speaks, then someone the article never names (guideline §4.1: the first,
    # fullest description): {official} `Le maire Jean Dupont`, {opron} his pronoun, {indef} `un
    # riverain`, {Indef}, {definite} `le riverain`, {pron}, {e} the participle's agreement.
    Template("unnamed-after", _OFFICIAL + _WORDS + ", affirme {indef}.", "unnamed"),
    Template(
        "unnamed-pronoun",
        _OFFICIAL + "{Indef}, venu{e} de Lyon, n'est pas d'accord. " + _WORDS + ", dit-{pron}.",
        "unnamed",
    ),
    Template(
        "unnamed-definite",
        _OFFICIAL + "{Indef} regarde la scène de loin. " + _WORDS + ", s'inquiète {definite}.",
        "unnamed",
    ),
    Template(
        "unnamed-continuation",
        _OFFICIAL + _WORDS + ", affirme {indef}. « Personne ne nous a consultés. »",
        "unnamed",
    ),
    Template(
        "unnamed-colon", _OFFICIAL + "{Indef} proteste : « Nous ne céderons rien sur ce dossier. »", "unnamed"
    ),
    Template(
        "unnamed-pronoun-after-quote",
        _OFFICIAL + "« Les travaux ont trop duré », regrette {indef}. " + _WORDS + ", ajoute-t-{pron}.",
        "unnamed",
    ),
    Template(
        "unnamed-interviewed",
        _OFFICIAL + "Interrogé{e} par l'AFP, {indef} raconte : « Nous ne céderons rien sur ce dossier. »",
        "unnamed",
    ),
    Template(
        "unnamed-complement",
        _OFFICIAL + _WORDS + ", affirme {indef} du quartier.",
        "unnamed",
        "{indef} du quartier",
    ),
    Template("unnamed-selon", _OFFICIAL + "Selon {indef}, " + _PARTIAL + ".", "unnamed"),
    # After a quotation of someone else, a sentence about the person or body, then a quotation with no
    # cue of its own: the new source speaks, not the previous speaker.
    Template("switch-stance", _SWITCH + "{name}, {stress}, ne partage pas cet avis. " + _ALONE, "person"),
    Template("switch-side", _SWITCH + "De son côté, {name} a dénoncé un texte injuste. " + _ALONE, "person"),
    Template("switch-reaction", _SWITCH + "{name} a réagi dans la soirée. " + _ALONE, "person"),
    Template(
        "switch-invited",
        _SWITCH + "Invité{e} sur France Inter, {name} a vivement critiqué le texte. " + _ALONE,
        "person",
    ),
    Template("switch-pour", _SWITCH + "Pour {name}, la situation est différente. " + _ALONE, "person"),
    Template("switch-chez", _SWITCH + "Même son de cloche chez {name}. " + _ALONE, "person"),
    Template("switch-body-speech", _SWITCH + "{Body} dénonce une décision injuste. " + _ALONE, "body"),
    Template("switch-body-view", _SWITCH + "Autre son de cloche pour {body}. " + _ALONE, "body"),
    Template("switch-body-pour", _SWITCH + "Pour {body}, la situation est différente. " + _ALONE, "body"),
    Template(
        "body-after",
        "{Body} a publié un communiqué mardi. Paul Martin n'a pas souhaité réagir. "
        + _WORDS
        + ", a ajouté {noun}.",
        "body",
    ),
    Template(
        "body-selon",
        "{Body} a publié un communiqué mardi. Paul Martin n'a pas souhaité réagir. Selon {noun}, "
        + _PARTIAL
        + ".",
        "body",
    ),
)


def _role_forms(roles: tuple[str, ...], gender: str) -> dict[str, str]:
    bare = roles[0] if gender == "m" or len(roles) == 1 else roles[1]
    article = "l'" if bare[:1] in "aeiouyéèêh" else ("le " if gender == "m" else "la ")
    return {"bare": bare, "role": article + bare, "Role": (article + bare)[:1].upper() + (article + bare)[1:]}


Item = tuple[Template, str, str, str]  # template, what varies, passage, expected speaker


def items(templates: tuple[Template, ...]) -> list[Item]:
    """Every passage of `templates`, with the speaker expected."""
    out: list[Item] = []
    for t in templates:
        if t.kind == "role":
            for roles in ROLES:
                for gender, name in (("m", "Marc Lefèvre"), ("f", "Sophie Leroy")):
                    forms = _role_forms(roles, gender)
                    other = ROLES[(ROLES.index(roles) + 7) % len(ROLES)]
                    text = t.text.format(
                        name=name, other=OTHER[gender], otherbare=_role_forms(other, gender)["bare"], **forms
                    )
                    out.append((t, forms["role"], text, name))
        elif t.kind == "person":
            for name, gender, surname in PEOPLE:
                text = t.text.format(
                    name=name,
                    other=OTHER[gender],
                    opposite=OTHER["f" if gender == "m" else "m"],
                    pron="il" if gender == "m" else "elle",
                    stress="lui" if gender == "m" else "elle",
                    hon="M." if gender == "m" else "Mme",
                    surname=surname,
                    # an organisation of the other grammatical gender, so that the pronoun cannot be it
                    Body="Le syndicat" if gender == "f" else "La CGT",
                    bare="avocat" if gender == "m" else "avocate",
                    e="" if gender == "m" else "e",
                )
                out.append((t, name, text, name))
        elif t.kind == "unnamed":
            for nouns in UNNAMED:
                for gender in ("m", "f"):
                    bare = nouns[0] if gender == "m" or len(nouns) == 1 else nouns[1]
                    indef = ("un " if gender == "m" else "une ") + bare
                    vowel = bare[:1] in "aeiouyéèêh"
                    definite = ("l'" if vowel else "le " if gender == "m" else "la ") + bare
                    official, opron = OFFICIAL[gender]
                    forms = {"indef": indef, "Indef": capital(indef), "definite": definite}
                    text = t.text.format(
                        official=official,
                        opron=opron,
                        pron="il" if gender == "m" else "elle",
                        e="" if gender == "m" else "e",
                        **forms,
                    )
                    out.append((t, indef, text, t.expected.format(**forms)))
        else:
            for body, noun in BODIES:
                text = t.text.format(Body=capital(body), body=body, noun=noun)
                out.append((t, f"{body} / {noun}", text, body))
    return out


Result = tuple[Template, str, str | None, str, str]


def run(templates: tuple[Template, ...]) -> list[Result]:
    """(template, what varies, speaker found on the last quotation, speaker expected, passage)."""
    return speakers_found(items(templates))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list each failing passage")
    parser.add_argument("--template", nargs="*", help="only these templates (by name)")
    args = parser.parse_args(argv)
    templates = tuple(t for t in TEMPLATES if not args.template or t.name in args.template)
    report(templates, run(templates), args.failures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
