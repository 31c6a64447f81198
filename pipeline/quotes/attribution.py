"""Decide which quotation spans are quotes, of which kind, and who said them.

The rules follow docs/quote-guideline.md:

- cue verbs after the quotation (`», a-t-il ajouté`, `», ironise X`, `», selon X`) or before it in
  the same sentence (`X a déclaré que « ... »`, `X : « ... »`, `Selon X, « ... »`);
- a quotation with no cue of its own continues the previous quote's speaker (same or next
  sentence), and a fragment embedded in a sentence whose subject is a person gets that subject;
- a speaker mention is resolved to the fullest form of the name used in the article: pronouns to
  the latest person mentioned, role descriptions (`le porte-parole du Kremlin`) through
  appositions (`Dmitri Peskov, porte-parole du Kremlin`), surnames to full names;
- names of things, titles of works, terms and scare quotes (short, unattributed, or introduced by
  `appelé`, `intitulé`, `le film` ...) are not quotes, nor is a quoted name standing as the subject
  of a reporting verb (`« 60 millions de consommateurs » souligne que`);
- an organisation is written by its name (`le magazine X` -> `X`, `le propriétaire du bateau, X,` ->
  `X`) or by its fullest description (`l'ambassade japonaise à Maurice`), a relative by the person of
  the same surname (`le frère de Nordahl Lelandais` -> `Sven Lelandais`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from spacy.tokens import Span

from pipeline.quotes.labels import is_label
from pipeline.quotes.lexicon import Holder, Lexicon, Office, load_lexicon, offices, role_alike, wordlist
from pipeline.quotes.marks import QuoteSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Kind = Literal["direct", "partial"]

NOT_NAMES = wordlist("not_names")
PRE_ADJ = wordlist("pre_adj")
MEDIA_NOUNS = wordlist("media_nouns")
ORG_NOUNS = MEDIA_NOUNS | wordlist("org_nouns")
ROLE_NOUNS = wordlist("role_nouns")
NON_AGENTS = wordlist("non_agents")
DOCUMENT_NOUNS = wordlist("document_nouns")
GROUP_NOUNS = wordlist("group_nouns")
DEMONYMS = wordlist("demonyms")
FEMALE_NAMES = wordlist("female_first_names")
MALE_NAMES = wordlist("male_first_names")
FIRST_NAMES = FEMALE_NAMES | MALE_NAMES
#: Nouns for a role or a body (media included), and with groups the nouns that name a source.
_ROLE_OR_ORG_NOUNS = ROLE_NOUNS | ORG_NOUNS
_SOURCE_NOUNS = _ROLE_OR_ORG_NOUNS | GROUP_NOUNS
#: The preposition `de` and its forms, opening a complement.
_OF_WORDS = {"de", "du", "des", "d'", "d’"}
#: A subject pronoun inverted after its verb (`tient-il`, `a-t-elle`).
_INVERTED_CLITIC = re.compile(r"[-‐](?:t[-‐])?(?:il|elle|ils|elles|on)")
#: Things that carry someone's words (`une banderole déployée par X`): the words are X's.
_CARRIER_NOUNS = wordlist("carrier_nouns")
#: First- and second-person object clitics: no cue's subject, no part of a noun phrase before its verb
#: (`Une fille m'a écrit`).
_OBJECT_CLITICS = frozenset({"m'", "m’", "me", "t'", "t’", "te"})
#: Words the parser may take for a cue verb's subject that are not one: object clitics (`leur a-t-il
#: dit`), `ce`/`qui`, and the euphonic `l'` of `on` (`où l'on dénonce`).
#: (`m'a dit` too: `le professeur X, qui m'a opérée, m'a dit :`)
_NOT_SUBJECTS = {"-t", "t", "ce", "c'", "cela", "ça", "qui", "que", "leur", "se", "l'", "l’"}
_NOT_SUBJECTS.update(_OBJECT_CLITICS)
#: Words between a subject and its verb: negation and clitic pronouns (`X ne cachait pas`, `X s'y est`).
_PREVERBAL_CLITICS = {"ne", "n'", "n’", "se", "s'", "s’", "y", "en", "lui", "leur"}
CLITICS = {
    "y",
    "en",
    "se",
    "s'",
    "lui",
    "leur",
    "le",
    "la",
    "les",
    "l'",
    "me",
    "te",
    "nous",
    "vous",
    "ne",
    "n'",
}
PLATFORMS = {"twitter", "facebook", "youtube", "instagram", "tiktok", "linkedin", "snapchat", "x"}
PRONOUNS = {"il", "elle", "ils", "elles", "lui", "eux", "celui-ci", "celle-ci"}
#: Anaphors that pick the latest mention rather than the latest subject or speaker.
LATEST = {
    "ce dernier": "m",
    "cette dernière": "f",
    "celui-ci": "m",
    "celle-ci": "f",
    "lequel": "m",  # `..., lequel a déclaré`: the relative's antecedent is the person just named
    "laquelle": "f",
}
PLURAL_PRONOUNS = {
    "ils",
    "elles",
    "eux",
    "ces derniers",
    "ces dernières",
    "ceux-ci",
    "celles-ci",
    "lesquels",
    "lesquelles",
}
HONORIFICS = wordlist("honorifics")
POST_NOMINALS = wordlist("post_nominals")
NAME_PARTICLES = wordlist("name_particles")
AUXILIARIES = wordlist("auxiliaries")
ADVERBS = wordlist("adverbs")
NAMING_WORDS = wordlist("naming_words")
TITLE_PREPS = {"dans", "sur", "à", "au", "par", "avec", "de", "du"}
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "csubj", "expl:subj"}
STOP_NP = {",", ".", ";", ":", "(", ")", "!", "?", "«", "»", "“", "”", '"', "—", "–", "-", "…"}
NP_PREPS = {"de", "du", "des", "d'", "d’"}
#: Articles and contracted prepositions before a capitalised run that make it no person name.
_ARTICLES = {"le", "la", "les", "l'", "l’", "du", "des", "au", "aux"}
#: Determiners and possessives that open a description (`le`, `cette`, `ses`); elided `l'` aside.
DETERMINERS = frozenset(
    {"le", "la", "les", "un", "une", "des", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur"}
)
#: Singular determiners: a plural description (`les élus parmi lesquels ..., Aurore Bergé`) is a group.
_DESCRIPTION_DETERMINERS = {"le", "la", "un", "une", "cette", "ce", "cet", "son", "sa", "leur"}
#: What may sit between a description and the name it describes: an apposition (`, l'acteur`,
#: `, la Pr`, `, le Professeur`) or, without a comma, a complement of the role (`au Tourisme`, `de la Santé`).
_TITLES = "|".join(re.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True))
_APPOSED_NAME = re.compile(
    r"(?:,\s*(?:(?:le|la|l['’]|un|une)\s*)?(?:[a-zà-ÿ-]+\s+){0,2}(?:(?i:" + _TITLES + r")\.?\s+)?"
    r"|^\s+(?:au|aux|à\s+la|à\s+l['’]|de\s+la|de\s+l['’]|du|des)\s*[A-ZÀ-Þ][\w'’-]*(?:\s+[\w'’-]+){0,2}\s+)$"
)
#: Headline topic words the NER takes into a name: `Affaire Carlos Ghosn : ...`, `Procès Fillon`.
_TOPIC_WORDS = {
    "affaire",
    "procès",
    "mort",
    "décès",
    "disparition",
    "meurtre",
    "assassinat",
    "exclusif",
    "vidéo",
    "portrait",
    "hommage",
    "interview",
    "témoignage",
}
_GLUED_HEAD = re.compile(r"\S*?(?:\w{2}\.|[A-ZÀ-Þ-]{2,})(?=[A-ZÀ-Þ][a-zß-ÿ]+(?:\s|$))")
_SENT_END = re.compile(r"[.!?…]+")
_INVERTED = re.compile(
    r"^(?:(?:lui|leur|nous|vous|me|te)\s+|[mt]['’]\s*)?"  # `leur a-t-il dit`: an object pronoun first
    r"(?P<verb>[\w'’]+?)(?:[\s-]+t)?[\s-]+(?P<clitic>il|elle|ils|elles|on)\b(?:[\s]+(?P<part>[\w'’]+))?",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Casefold, drop accents and collapse whitespace, for comparing names."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    return " ".join(name.casefold().split())


#: Places that stand for the power sitting there (`à Matignon, on fait savoir`), in `normalise` form.
_SEATS_OF_POWER = frozenset(normalise(name) for name in wordlist("seats_of_power"))
#: Media names the NER may take for persons, in `normalise` form.
MEDIA_NAMES = frozenset(normalise(name) for name in wordlist("media_names"))
#: Nouns of institutions and places that take a person's name (`l'institut Max Planck`).
_NAMED_AFTER_PERSONS = wordlist("named_after_persons")
#: Words that open the name of a sports club (`FC Rouvray`, `Stade rennais`), never a person's.
_CLUB_WORDS = wordlist("club_words")
#: Words that make a name a body's, never a person's (`Toulouse Métropole`).
_BODY_WORDS = wordlist("body_words")
#: News agencies and papers known by one word, before a person's name in one NER span (`l'AFP X Y`).
_AGENCIES = frozenset(normalise(name) for name in wordlist("agencies"))


def name_parts(name: str) -> list[str]:
    """The parts of a name: `J. D. Vance` and `J.D. Vance` both give ['j', 'd', 'vance']."""
    return list(_name_parts(name))


@lru_cache(maxsize=65536)
def _name_parts(name: str) -> tuple[str, ...]:
    return tuple(p for p in re.split(r"[\s.\-‐]+", normalise(name)) if p)


@dataclass
class Mention:
    """A named person (or organisation) met in the article."""

    text: str
    start: int
    end: int
    label: str
    subject: bool = False
    #: The mention is the subject (or inverted subject) of a speech verb: `X a affirmé`, `affirme X`.
    speaks: bool = False


@dataclass
class Role:
    """A role description linked to a person by apposition: `Dmitri Peskov, porte-parole du Kremlin`."""

    head: str
    words: set[str]
    person: str
    start: int
    #: 'f' or 'm' from the role noun's morphology (`la présidente`), else None.
    gender: str | None = None


@dataclass
class Attribution:
    """The outcome for one quotation span."""

    span: QuoteSpan
    is_quote: bool
    kind: Kind
    speaker: str | None = None
    mention: str | None = None
    cue: str | None = None
    cue_at: int = -1
    how: str = ""
    words: int = 0
    reasons: list[str] = field(default_factory=list)


#: `le magazine X`, `l'association humanitaire X`: determiner, generic noun, adjective?, a name.
_HEAD_NAME = re.compile(
    # (with up to three lowercase words after the noun: `la compagnie à bas coût Ryanair`)
    r"(?:[Ll]e|[Ll]a|[Ll]es|[Ll]['’])\s*(?P<head>[^\W\d_][\w-]*)(?:\s+(?!(?:de|du|des|d)\b)[a-zéèêàç][\w-]*){0,3}\s+"
    r"(?P<name>(?:Le |La |Les |L['’])?[A-ZÉÈ0-9][\w&'’.-]*(?:\s+\S+){0,6})$"
)
#: Nouns for bodies known by their own name, dropped before it (`l'association Terre Vivante`); others
#: stay part of the speaker (`le groupe CRCE`, `le gouvernement Castex`).
_NAME_HEADS = {
    "association",
    "ong",
    "entreprise",
    "société",
    "firme",
    "enseigne",
    "constructeur",
    "opérateur",
    "laboratoire",
    "compagnie",
    "marque",
}
#: Nouns for bodies whose own name may follow them with no comma (`l'association des commerçants Cœur
#: de Plouvenec`, `le syndicat Alliance`): a name there is the body's, not a person's.
_BODY_NAME_HEADS = _NAME_HEADS | {
    "syndicat",
    "club",
    "collectif",
    "fédération",
    "comité",
    "mouvement",
    "parti",
    "coalition",
    "union",
    "fondation",
    "organisation",
}
#: Adverbial phrases that can sit between an inverted clitic and the cue participle.
_ADVERBIAL_PHRASE = re.compile(
    r"\b(?:par ailleurs|pour sa part|pour leur part|de son côté|de leur côté|à nouveau|une nouvelle fois|"
    r"de nouveau|à son tour|à leur tour|en outre|quant à (?:lui|elle|eux|elles)|(?:lui|elle|eux|elles) aussi|"
    r"d['’]emblée|d['’]ailleurs|d['’]abord|d['’]entrée|en effet|en revanche|en substance|tout de suite|"
    r"(?:lui|elle|eux|elles)-mêmes?|en [a-zéèêîô]+ant|d['’]ores et déjà|"
    # `lance d'une voix ferme X`, `d'un ton sec`: the manner of speaking
    r"d['’]une? (?:voix|ton|air)(?: (?!(?:le|la|les|l|un|une|des)\b)[a-zéèêàçîô-]+)?|"
    # `a annoncé quelques minutes plus tard X`: a time after the verb
    r"(?:quelques|plusieurs|deux|trois|\d+) (?:secondes|minutes|heures|jours|semaines|mois|ans|années) "
    r"(?:plus tard|plus tôt|auparavant|après))\b",
    re.IGNORECASE,
)
#: Verbs and participles before a speech infinitive (`a tenu à préciser`, `s'est contenté de répondre`,
#: `aimait-elle répéter`), and the prepositions between them.
_MODALS = {
    "tenu", "tient", "tenait", "voulu", "veut", "voulait", "souhaité", "souhaite", "souhaitait", "contenté",
    "contentée", "contentés", "borné", "bornée", "fini", "finit", "aimait", "aime", "préféré", "préfère",
    "choisi", "pu", "dû", "cru", "jugé", "bon",
}  # fmt: skip
#: `Même position pour X`, `Autre son de cloche chez X`: a sentence lead that makes X a source.
_SAME_VIEW = re.compile(
    r"(?:même|autre|tout autre)\s+(?:position|avis|analyse|constat|son de cloche|discours|ton|tonalité|"
    r"réaction|sentiment|point de vue|message|inquiétude|colère|optimisme|prudence)",
    re.IGNORECASE,
)
#: A scraped line linking to another article: `Lire aussi : ...`, `À voir aussi - ...`.
_SEE_ALSO_LINE = re.compile(
    # (also glued after a sentence, up to the next paragraph glued to it: `commenter.Lire aussi : Gaz :
    # les prix en légère hausseL'Institut ...`)
    r"(?:^|(?<=[.!?»\"”]))[ \t]*(?:[ÀA]\s+)?(?:lire|voir|découvrir)\s+(?:aussi|également)\b"
    r"(?:[^\n]*?(?=(?-i:(?<=[a-zß-ÿ])[A-ZÀ-Þ]))|[^\n]*)",
    re.IGNORECASE | re.MULTILINE,
)
#: A role introducing the person spoken to: `à la journaliste` + `X`, `au présentateur` + `X`.
_ADDRESSEE_BEFORE = re.compile(r"(?:\bà\s+(?:la|l['’])|\bau)\s*([\w-]+)\s*,?\s*$", re.IGNORECASE)
#: An honorific right before a surname: `Mme` + `Dupont`.
_HONORIFIC_BEFORE = re.compile(r"(?:^|\s)(Mme|Madame|Mlle|M\.|Monsieur)\s*$")
#: A sentence that only gives someone's view: `Même son de cloche chez X.`, `Autre analyse pour X.`
_SAME_VIEW_SENTENCE = re.compile(r"\s*" + _SAME_VIEW.pattern + r"\s+(pour|chez)\s+", re.IGNORECASE)
#: The forms of `avoir` before a past participle.
_HAVE = {"a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront", "eut", "avoir"}
#: Verbs whose inverted `il` is impersonal (`», semble-t-il`, `», faut-il rappeler`): no speaker.
_IMPERSONAL_VERBS = {
    "faut", "fallait", "semble", "semblait", "paraît", "paraissait", "suffit", "reste", "restait", "agit",
    "convient", "importe", "vaut", "valait", "s'agit", "peut", "pouvait", "serait", "sera", "était",
    "sait", "savait", "voit", "va", "allait",
}  # fmt: skip
_MODAL_PREPS = {"à", "de", "d'", "d’", "par"}
_MONTHS = {
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
}
#: `d'une voix blanche`, `d'un ton las`: a manner phrase after a speaker, no complement of its noun.
_MANNER_NOUNS = {"voix", "ton", "air", "trait", "souffle", "sourire"}
_WEEKDAYS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}
#: Words of a date, which ends a noun phrase: `la patronne du FN le 18 avril`, `le ministère en juillet`.
_DATE_WORDS = frozenset(_MONTHS | _WEEKDAYS)
#: A sentence end glued to the next sentence's first word: `KCNA.La`, `Paris.Le`.
_GLUED_STOP = re.compile(r"(?<=\w\w)[.!?…](?=[A-ZÀ-Þ][a-zß-ÿ])")
#: Prepositions whose phrase sits between an inverted cue verb and its subject (`a témoigné auprès
#: de l'AFP X`, `a déclaré sur France Inter X`).
_SKIPPED_PREPS = {
    "à",
    "au",
    "aux",
    "auprès",
    "devant",
    "sur",
    "dans",
    "lors",
    "via",
    "par",
    "chez",
    "en",
    "sans",
    "avec",
    "pour",
    # `a annoncé peu après 21 heures X`, `vers 18 heures`, `dès jeudi`, `depuis Bruxelles`: a time or a
    # place between the verb and its subject
    "après",
    "avant",
    "vers",
    "dès",
    "depuis",
}


#: The gender a definite or demonstrative determiner gives its noun (`la ministre`, `ce député`).
_DEFINITE_GENDER = {"le": "m", "ce": "m", "cet": "m", "la": "f", "cette": "f"}
#: ... and with the indefinite ones and `du` (`un proche`, `du ministère`).
_DETERMINER_GENDER = {**_DEFINITE_GENDER, "du": "m", "un": "m", "une": "f"}


def _determiner_gender(np: str) -> str | None:
    """'m' or 'f' when the noun phrase's determiner shows its gender (`le parquet`, `la CGT`, `sa
    voisine`, `son voisin` but not `son amie`), else None."""
    words = np.lower().split()
    first = words[0] if words else ""
    if first == "sa":
        return "f"
    if first == "son" and len(words) > 1 and words[1][:1] not in "aeiouyéèêàâîïôh":
        return "m"
    return _DETERMINER_GENDER.get(first)


#: Nouns whose grammatical gender says nothing of the person's (`une source ... il`).
_FIXED_GENDER_NOUNS = {"source", "personne", "victime", "star", "vedette", "personnalité", "recrue", "témoin"}


def _description_gender(np: str) -> str | None:
    """The gender a description shows by its determiner (`un député macroniste`, `Une source`: None,
    its noun has one grammatical gender for everyone); None for a name (no determiner first)."""
    words = np.lower().split()
    elided = re.match(r"(?:l['’]|son\s+)([a-zà-ÿ-]+)", np.lower().strip())
    if elided and (len(words) >= 2 or np.lower().startswith(("l'", "l’"))):
        # `l'adjoint`, `l'élue`, `son avocate`: no gender in the determiner, but the noun's form says it
        # when the other gender's form is a person noun too
        gender = _paired_noun_gender(elided.group(1))
        if gender is not None:
            return gender
    if len(words) < 2 or words[1] in _FIXED_GENDER_NOUNS:
        return None
    return _determiner_gender(np)


def _names_a_body(tokens: list[Token]) -> bool:
    """Whether a capitalised run is a body's name, not a person's: a club's word opens it (`FC
    Rouvray`) or a body's word is in it (`Toulouse Métropole`)."""
    return bool(tokens) and (tokens[0].text in _CLUB_WORDS or any(t.text in _BODY_WORDS for t in tokens))


def _may_speak(t: Token) -> bool:
    """Whether a subject token may name a speaker: a name, a pronoun, a person's, body's or group's
    noun; not a thing (`la défaite s'explique`)."""
    low = t.text.lower()
    return (
        t.pos_ in {"PROPN", "PRON"}
        or t.ent_type_ in {"PER", "ORG"}
        or t.text[:1].isupper()
        or any(
            low in words
            for words in (ROLE_NOUNS, ORG_NOUNS, GROUP_NOUNS, _AGE_NOUNS, _KIN_NOUNS, _SPEAKING_NOUNS)
        )
        or low in _FIXED_GENDER_NOUNS
        or low.removesuffix("s") in ROLE_NOUNS
    )


def _paired_noun_gender(noun: str) -> str | None:
    """'m' for `adjoint` (`adjointe` is a person noun too), 'f' for `agricultrice`; None for a noun
    with one form for both (`ministre`) or unknown."""
    feminine = [
        noun + "e",
        noun[:-3] + "rice" if noun.endswith("eur") else "",
        noun + "ne" if noun.endswith("en") else "",
    ]
    feminine += [noun[:-2] + "ère" if noun.endswith("er") else ""]
    if any(f and _person_noun(f) for f in feminine) and _person_noun(noun):
        return "m"
    masculine = [noun[:-1] if noun.endswith("e") else "", noun[:-4] + "eur" if noun.endswith("rice") else ""]
    masculine += [
        noun[:-2] if noun.endswith("enne") else "",
        noun[:-3] + "er" if noun.endswith("ère") else "",
    ]
    if any(m and _person_noun(m) for m in masculine) and _person_noun(noun):
        return "f"
    return None


#: An impersonal passive cue later in the sentence: `..., est-il ajouté`, `, était-il précisé`.
_IMPERSONAL_PASSIVE = re.compile(
    r"(?:est|était)[\s-]+(?:t[\s-]+)?il\s+(?:\w+\s+)?([\wéèêàç]+)", re.IGNORECASE
)
#: Capitalised words that start no person's name (`En Marche`, `Pour la Solidarité`).
_NOT_NAME_STARTS = {"En", "Pour", "Sur", "Avec", "Sans", "Par", "Dans", "Et", "Ou", "Contre", "Vers", "Chez"}
#: Kinship nouns: `le frère de X Y` is the relative of X, who usually bears the surname Y too.
_KIN_NOUNS = {
    "frère",
    "sœur",
    "soeur",
    "père",
    "mère",
    "fils",
    "fille",
    "cousin",
    "cousine",
    "oncle",
    "tante",
    "neveu",
    "nièce",
    "grand-père",
    "grand-mère",
    "demi-frère",
    "demi-sœur",
    "épouse",
    "époux",
    "mari",
    "veuve",
    "veuf",
    "ex-épouse",
    "ex-mari",
    "ex-femme",
}
#: Kin nouns that say the person's own state (`raconte la veuve`, for the widow just named), not a
#: relative of someone else, unless a complement says whose.
_STATE_KIN = {"veuve", "veuf"}
_KIN_FEMININE = {
    "sœur",
    "soeur",
    "mère",
    "fille",
    "cousine",
    "tante",
    "nièce",
    "grand-mère",
    "demi-sœur",
    "épouse",
    "veuve",
    "ex-épouse",
    "ex-femme",
}
#: Circles around someone that speak for them, written as the article writes them.
_CIRCLE_NOUNS = frozenset({"entourage", "cabinet", "camp", "staff", "clan"})
#: Nouns after a possessive that can be an inverted subject (`a confié son entourage`).
_SPEAKING_NOUNS = {"entourage", "camp", "défense", "conseil", "conseils", "staff", "clan", "cabinet"}
#: Nouns of unnamed sources: `cette source` or `ce proche` is the unnamed source met before, not a name.
_ANONYMOUS_SOURCES = {"source", "proche", "interlocuteur", "témoin", "familier", "connaisseur", "observateur"}
#: Judgement verbs that report no words when reflexive (`il se considère`, `elle s'estime`).
_REFLEXIVE_JUDGEMENTS = {"considérer", "estimer", "juger", "voir", "trouver", "sentir", "croire", "penser"}
#: Nouns that stand for any organisation (`l'institution`, `l'organisme`), or for the union or party
#: just named (`le syndicat` after `La CGT a appelé à la grève`).
_GENERIC_BODIES = {
    "institution", "organisme", "instance", "institut", "service", "syndicat", "parti", "établissement"
}  # fmt: skip
#: Nouns for a company or an association that stand for the one named just before (`la société`
#: after `Adventure Line Productions`); institutions (`le parquet`, `la préfecture`) are not among them.
_CORPORATE_NOUNS = {
    "société",
    "entreprise",
    "groupe",
    "association",
    "enseigne",
    "firme",
    "constructeur",
    "compagnie",
    "marque",
    "opérateur",
    "laboratoire",
    "fondation",
    "organisation",
    "ong",
}
#: Generic nouns that stand for the body an earlier role names (`le président du club`).
_STANDING_FOR_A_BODY = _CORPORATE_NOUNS | {
    "club", "équipe", "parti", "syndicat", "fédération", "ville", "commune", "municipalité", "région",
    "département", "établissement", "école", "université", "hôpital", "institution", "formation",
}  # fmt: skip
#: The determiner (and `nouveau`, `actuel`) before an office: `le Premier ministre`, `l'actuel maire`.
_OFFICE_LEAD = re.compile(
    r"(?:(?:le|la|ce|cet|cette)\s+|l')(?:(?:nouveau|nouvel|nouvelle|actuel|actuelle)\s+)?"
)
_OFFICE_FORMER = re.compile(r"(?:ancien|ancienne|ex-|ex\s|futur|future|précédent|précédente)")
#: Words that may follow an office in a mention without qualifying it (`le Premier ministre lors de`).
_OFFICE_TAIL = (
    DETERMINERS | ADVERBS | {"lors", "à", "au", "aux", "en", "devant", "sur", "dans", "pendant", "depuis"}
)
#: Office heads that name an office alone (`le ministre`, `la maire`): see `office_holder`.
_BARE_OFFICES = {"ministre", "président", "présidente", "maire", "chancelier", "chancelière"}
_SMALL_WORDS = {"de", "du", "des", "la", "le", "l'", "et", "d'", "&"}
#: Nouns for a person's age by decade (`la quadragénaire`).
_AGE_NOUNS = {
    "vingtenaire": 20,
    "trentenaire": 30,
    "quadragénaire": 40,
    "quadra": 40,
    "quinquagénaire": 50,
    "quinqua": 50,
    "sexagénaire": 60,
    "sexa": 60,
    "septuagénaire": 70,
    "octogénaire": 80,
    "nonagénaire": 90,
    "centenaire": 100,
}
#: Words that make a role a former one (`l'ancienne maire de Strasbourg`).
_FORMER = {"ancien", "ancienne", "anciens", "anciennes", "ex"}


def _former(words: Iterable[str]) -> bool:
    return any(w in _FORMER or w.startswith("ex-") for w in words)


#: First- and second-person subjects outside quotation marks: the interviewee of a question-and-answer
#: piece (`je me suis dit : « ... »` in an answer, `Vous aviez déclaré « ... »` in a question).
_INTERVIEW_PRONOUNS = frozenset({"je", "j'", "j’", "moi", "vous"})
#: Offices that one person seldom holds together: `le ministre de l'Intérieur` is not the person the
#: article introduced as `le maire, X`.
_OFFICES = frozenset(
    {"ministre", "préfet", "préfète", "maire", "procureur", "procureure", "porte-parole", "secrétaire"}
    | {"député", "députée", "sénateur", "sénatrice"}
)

#: Participles that are part of an office's name: `le ministre délégué chargé du Numérique`.
_OFFICE_PARTICIPLES = frozenset({"délégué", "déléguée", "chargé", "chargée", "chargés", "chargées"})
#: Words that end a noun phrase before its verb: auxiliaries and object clitics (`Une fille m'a écrit`).
_NP_VERB_STOPS = frozenset({"a", "ont", "est", "sont", "avait", "était"}) | _OBJECT_CLITICS

#: The `de` that opens a noun's complement: `le maire de Paris`, `la ministre d'Etat`.
_COMPLEMENT = re.compile(r"\b(?:de|du|des)\s+|\bd['’]\s*", re.IGNORECASE)


def _morph_gender(t: Token) -> str | None:
    """'f' or 'm' from a token's morphological gender, else None."""
    gender = t.morph.get("Gender", [])
    return "f" if gender == ["Fem"] else "m" if gender == ["Masc"] else None


_FEM_SUFFIXES = ("trice", "euse", "ière", "enne", "esse", "ante", "ente", "ée", "ine", "ale")


def _noun_gender(t: Token) -> str | None:
    """Gender of a person noun: from its determiner (`la porte-parole`), else from its morphology.

    Nouns in -e without a gendered suffix (`l'économiste`, `le/la ministre`) are epicene, and
    masculine nouns are used for women too (`Mylène Pradelle, médecin`): the parser's guess on them
    is not used.
    """
    k = t.i - 1
    while k >= 0 and t.doc[k].pos_ == "ADJ":
        k -= 1
    det = t.doc[k].text.lower() if k >= 0 else ""
    if det in {"la", "une", "cette", "sa", "mme", "madame"}:
        return "f"
    if det in {"le", "un", "ce", "cet", "son", "du", "au", "m.", "monsieur"}:
        return "m"
    # Without a determiner only a feminine suffix is trusted: masculine nouns (`médecin`, `auteur`)
    # are used for women too.
    if _morph_gender(t) == "f" and t.text.lower().endswith(_FEM_SUFFIXES):
        return "f"
    return None


def _head_gender(tokens: list[Token], head: str) -> str | None:
    """Gender of the role noun `head` in `tokens`."""
    for t in tokens:
        if re.sub(r"^[ld]['’]", "", t.text.lower()) == head:
            return _noun_gender(t)
    return None


def _bare(name: str) -> tuple[str, str]:
    """(determiner, rest): `l'AP-HP` -> (`l'`, `AP-HP`), `le FMI` -> (`le `, `FMI`)."""
    m = re.match(r"^((?:[Ll]e|[Ll]a|[Ll]es)\s+|[Ll]['’]\s*)", name)
    return (m.group(1), name[m.end() :]) if m else ("", name)


def _with_determiner(before: str, name: str) -> str:
    """`name` with the determiner written before it (`du Fonds ...` gives `le Fonds ...`)."""
    # (also glued to a heading before it: `en légère hausseL'Institut national ...`)
    det = re.search(
        r"(?:\b|(?<=[a-zß-ÿ])(?=L['’]))(le|la|les|l'|l’|du|des|au|aux)\s*$", before, re.IGNORECASE
    )
    if not det or re.match(r"(?:le|la|les)\s|l['’]", name, re.IGNORECASE):
        return name  # (no second determiner: `l'Association ...` already has one)
    word = {"du": "le", "au": "le", "des": "les", "aux": "les"}.get(
        det.group(1).lower(), det.group(1).lower()
    )
    return word + ("" if word.endswith(("'", "’")) else " ") + name


#: A sentence opening on a noun phrase and a relative clause or a participle phrase between commas,
#: before its verb: `La préfecture, qui gère le dossier depuis mars, ` (déplore), `Un client, interrogé
#: à la sortie, ` (résume).
_RELATIVE_LEAD = re.compile(
    r"\s*[^,;:«»“”\"]{2,80}?,\s+(?:qui|dont|que|qu['’]|où|lequel|laquelle|[a-zà-ÿ]{3,}(?:ée?s?|ie?s?|ue?s?))\b"
    r"[^,;:«»“”\"]*,\s*$"
)
#: A sentence after a quotation saying whose words they were: `Le récit est celui de` + X, `Ces mots
#: sont ceux d'` + X.
_WORDS_OF = re.compile(
    r"\s*(?:[Ll]e|[Cc]e|[Cc]es|[Ll]es)\s+(récit|témoignage|constat|propos|mots|paroles|cri|appel|message|"
    r"analyse|avis|mise en garde|réaction)\s+(?:est|sont|était|étaient)\s+(?:celui|celle|ceux|celles)\s+"
    r"(?:de\s+|d['’]\s*)"
)
#: First words of trade unions' names (`l'Union nationale des ...`, `la CGT`), for `le syndicat`.
_UNION_WORDS = wordlist("union_words")
#: Ranks that tell apart the members of a group (`le premier expert`, `la seconde victime`).
_ORDINALS = wordlist("ordinals")
#: `C'est` opening a cleft sentence, in the same sentence before a name: `c'est la fille de X, ` + name.
_CLEFT_BEFORE = re.compile(r"\b[cC]['’](?:est|était)\s[^.!?«»“”\"]{0,60}$")
#: An age in apposition after a name: `Pierre, 17 ans`, `X (84 ans)`.
_AGE_AFTER = re.compile(r"\s*[,(]\s*(?:âgée?\s+de\s+)?(\d{1,3})\s*ans\b")


class ArticleContext:
    """Per-article indexes over a parsed body: tokens by offset, sentences, names and roles."""

    def __init__(self, doc: Doc, spans: list[QuoteSpan], lexicon: Lexicon | None = None) -> None:
        self.doc = doc
        self.text = doc.text
        self.spans = spans
        self.lexicon = lexicon or load_lexicon()
        self.inside = [False] * (len(self.text) + 1)
        for s in spans:
            for i in range(s.open_at, min(s.close_at + 1, len(self.text))):
                self.inside[i] = True
        self.tok_at: list[int] = [-1] * (len(self.text) + 1)
        for t in doc:
            for i in range(t.idx, t.idx + len(t.text)):
                self.tok_at[i] = t.i
        self._closers = {s.close_at for s in spans}
        self.sent_starts = self._sentence_starts()
        #: The article's year when its date is known (`offices.txt` holders in office then).
        self.year: int | None = None
        self.persons: list[Mention] = []
        self.orgs: list[Mention] = []
        self.ents = list(doc.ents)
        self._not_persons: set[str] = set()
        self._genders: dict[str, str] | None = None
        self._descriptions: list[tuple[int, str, bool]] | None = None
        self._groups: list[tuple[int, str, bool]] | None = None
        #: Subjects described by a role or organisation noun in the title (`a annoncé le ministère`).
        self.title_sources: list[str] = []
        # `Lire aussi : ...` lines are links to other articles scraped with the text: no one in them
        # belongs to this article
        self.links = [(m.start(), m.end()) for m in _SEE_ALSO_LINE.finditer(self.text)]
        for ent in self.ents:
            if self._in_quote(ent.start_char) or self.in_link(ent.start_char):
                continue
            if ent.label_ == "PER" and normalise(ent.text) in MEDIA_NAMES:
                # `un journaliste de France Info` tagged as a person: a medium
                self.orgs.append(Mention(ent.text, ent.start_char, ent.end_char, "ORG"))
                continue
            if ent.label_ == "PER":
                cleaned = self._clean_person(ent)
                if cleaned is not None:
                    self.persons.append(cleaned)
            elif ent.label_ in {"ORG", "LOC", "MISC"}:
                titled = len(ent) >= 2 and ent[0].text.lower().rstrip(".") in HONORIFICS
                if titled or (
                    len(ent) == 1
                    and (ent.text.lower() in FIRST_NAMES or _AGE_AFTER.match(self.text, ent.end_char))
                ):
                    # `le Dr Inaya Aït-Ahmed` tagged MISC: a title makes a person
                    # (`Pierre, 17 ans, semble ...` tagged MISC: one word, a first name or with an age)
                    cleaned = self._clean_person(ent)
                    if cleaned is not None:
                        self.persons.append(cleaned)
                        continue
                named = self._person_after_role(ent) or self._person_after_medium(ent)
                if named is not None:
                    self.persons.append(named)
                    continue
                end = self._word_end(ent.end_char)
                # An entity over a glued sentence end (`KCNA.La Corée du Nord`) ends at the full stop.
                glued = _GLUED_STOP.search(self.text, ent.start_char, end)
                if glued:
                    end = glued.start()
                self.orgs.append(Mention(self.text[ent.start_char : end], ent.start_char, end, ent.label_))
        for t in doc:
            # `Elodie, 34 ans, qui devait partir ...` with no entity: a capitalised name given an age
            if (
                t.pos_ == "PROPN"
                and not t.ent_type_
                and t.text[:1].isupper()
                and (t.i == 0 or not t.doc[t.i - 1].ent_type_)
                and _AGE_AFTER.match(self.text, t.idx + len(t.text))
                and not self._in_quote(t.idx)
                and not self.in_link(t.idx)
            ):
                cleaned = self._clean_person(Span(doc, t.i, t.i + 1, label="PER"))
                if cleaned is not None:
                    self.persons.append(cleaned)
        # A one-word "person" written elsewhere as `dans Bild` is a medium or a place everywhere.
        self.persons = [p for p in self.persons if p.text not in self._not_persons]
        self.persons.sort(key=lambda m: m.start)
        self._mark_speakers()
        self.roles = self._roles()

    def _person_after_role(self, ent: Span) -> Mention | None:
        """`le rappeur Freeze Corleone` (MISC), `le ministre de la Justice Eric Dupond-Moretti` (ORG),
        `la procureure de la République de Bastia, Caroline Tharot` (LOC)."""
        doc = self.doc
        before = [t.text.lower() for t in doc[max(ent.start - 4, 0) : ent.start]]
        if ent.start > 0 and doc[ent.start - 1].text == ",":
            # an apposition after a longer role phrase, back to its determiner
            for t in reversed(doc[max(ent.start - 9, 0) : ent.start - 1]):
                if t.pos_ in {"VERB", "AUX", "PUNCT"} or t.is_sent_start:
                    break
                before.append(t.text.lower())
        if not any(w in ROLE_NOUNS for w in before) or normalise(ent.text) in MEDIA_NAMES:
            return None  # (`un journaliste de France Info`: a medium)
        # `Laurent Pichon, infirmier et délégué Sud Santé`: the role's body, its holder named before
        if any(
            e.label_ == "PER"
            and e.end_char <= ent.start_char
            and re.fullmatch(r"\s*,\s*(?:[a-zà-ÿ'’-]+\s+){1,6}", self.text[e.end_char : ent.start_char])
            for e in self.ents
        ):
            return None
        units: list[list[Token]] = []
        for t in ent:
            if units and (t.text in {"-", "‐"} or units[-1][-1].text in {"-", "‐"}):
                units[-1].append(t)
            elif t.text[:1].isupper() and t.text.replace("-", "").isalpha():
                units.append([t])
            else:
                return None
        if any(u[0].text in _NOT_NAME_STARTS for u in units):
            # `le délégué général de La République En Marche`, `le porte-parole de Médecins Sans
            # Frontières`: a capitalised preposition makes an organisation's name, not a person's
            return None
        if not 2 <= len(units) <= 4 or (len(units) > 2 and before[-1:] == ["le"]):
            return None
        if units[0][0].text in {"La", "Le", "Les"} or _names_a_body(list(ent)):
            # `le député La France insoumise`, `l'entraîneur du FC Rouvray`, `le vice-président de
            # Toulouse Métropole`: an article, a club's or a body's word makes a body's or a place's name
            return None
        name = units[-2:]
        if len(units) >= 3 and units[-2][0].text.lower() in NAME_PARTICLES:
            name = units[-3:]  # `l'Économie Kwame Le Maire`: a particle opens the surname
        if len(units) <= 3 and ent.start > 0 and doc[ent.start - 1].ent_type_ in {"ORG", "MISC"}:
            # `le chef de l'OMS Tedros Adhanom Ghebreyesus`, the NER's two organisations: the one after the
            # organisation named is the person's whole name
            name = units
        start, end = name[0][0].idx, name[-1][-1].idx + len(name[-1][-1].text)
        glued = re.match(r"[-‐][A-ZÀ-Þ][\w'’]+", self.text[end : end + 40])
        if glued:
            end += glued.end()  # `Puy-de-Dôme Cyprien Aït` + `-Ahmed`, cut by the NER
        nxt = self.tok_at[end - 1] + 1
        subject = nxt < len(doc) and (
            doc[nxt].pos_ in {"AUX", "VERB"} or doc[nxt].text.lower() in {"s'", "se"}
        )
        return Mention(self.text[start:end], start, end, "PER", subject)

    def _person_after_medium(self, ent: Span) -> Mention | None:
        """`a déclaré à l'AFP Berenike Wojcik`, `le correspondant du Times Joachim Ferrand`: a medium's
        name and the person's, taken by the NER as one organisation or place."""
        for k in range(1, min(3, len(ent) - 2) + 1):
            if normalise(ent[:k].text) not in MEDIA_NAMES | _AGENCIES:
                continue
            rest = list(ent[k:])
            if 2 <= len(rest) <= 3 and all(
                t.text[:1].isupper() and not t.text.isupper() and t.text.replace("-", "").isalpha()
                for t in rest
            ):
                start, end = rest[0].idx, rest[-1].idx + len(rest[-1].text)
                return Mention(self.text[start:end], start, end, "PER")
        return None

    def _mark_speakers(self) -> None:
        """Set `subject`/`speaks` on person mentions from the parse (subject, inverted subject, apposition)."""
        doc = self.doc
        lexicon = self.lexicon
        for m in self.persons:
            first, last = self.tok_at[m.start], self.tok_at[m.end - 1]
            if first < 0 or last < 0:
                continue
            # A sentence opening on a name followed by an apposition (`X, de l'Université, a ...`).
            if self.sentence_of(m.start)[0] == m.start and self.text[m.end : m.end + 2].lstrip().startswith(
                ","
            ):
                m.subject = True
            if re.search(
                r"\b[Qq]uant\s+(?:à|au)\s+(?:[\w'’-]+\s+){0,4}$", self.text[max(0, m.start - 60) : m.start]
            ):
                m.subject = True  # `Quant à Sonia Krimi, députée, elle ...`: the topic the pronouns stand for
            after = last + 1
            if after + 3 < len(doc) and doc[after].text == "," and _is_age(doc, after + 1):
                after += 3  # `Parmi les jardiniers, Mohamed, 68 ans, arrose ...`: past the age
            verb = after + 1
            while verb < len(doc) and verb - after < 3 and doc[verb].text.lower() in _PREVERBAL_CLITICS:
                verb += 1  # (`..., Pierre-Yves Soulé, ne cachait pas`)
            if (
                self.text[max(0, m.start - 2) : m.start].strip() == ","
                and verb < len(doc)
                and doc[after].text == ","
                and doc[verb].pos_ in {"AUX", "VERB"}
            ):
                m.subject = True  # `le président de l'Unic, Philippe Colombani, a pris la parole`
            t = self._name_head(first, last)
            head = t.head
            speech_head = lexicon.lemma(head.text) is not None or (
                head.pos_ == "VERB" and lexicon.lemma(head.lemma_) is not None
            )
            if not speech_head or head.i == t.i or self._in_quote(head.idx) or _asked_by(head):
                continue  # (`X, interrogé par Y`: Y asked)
            # An object after the verb is an inverted subject only when the verb has no subject of its
            # own: `affirme le professeur X`, but not `il défend X`.
            own_subject = any(c.dep_ in SUBJECT_DEPS and c.i != t.i for c in head.children)
            if t.dep_ in {"nsubj", "obl:agent"} or (
                t.i > head.i and t.dep_ in {"obj", "appos", "nsubj:pass"} and not own_subject
            ):
                m.speaks = True

    def _name_head(self, first: int, last: int) -> Token:
        """The token that stands for the name on tokens first..last in the parse, climbing out of the
        name and its apposition: `le professeur X` -> `professeur`."""
        t = self.doc[first]
        for _ in range(4):
            inside = first <= t.head.i <= last
            if t.head.i == t.i or not (inside or t.dep_ in {"flat:name", "appos", "fixed", "flat", "conj"}):
                break
            t = t.head
        return t

    def add_title(self, title: ArticleContext) -> None:
        """Make the title's persons and role links known to the body (title first, as it is read)."""
        places = {o.text for o in self.orgs if o.label == "LOC"}
        # (`Plouvenec : ...`, one word the body names as a place: the dateline, not a person)
        kept = [
            p
            for p in title.persons
            if p.text not in self._not_persons and not (" " not in p.text and p.text in places)
        ]
        self.persons = [Mention(p.text, -1, -1, "PER") for p in kept] + self.persons
        title.persons = self.persons
        self.title_sources = [np for _, np, _ in title._described_subjects()]
        self.roles = [
            Role(r.head, r.words, self.fullest_name(r.person), -1, r.gender) for r in title.roles
        ] + self.roles

    # -- basic indexes -------------------------------------------------------------------------
    def _word_end(self, end: int) -> int:
        """Extend an entity cut inside a word (`Standard & Poor'` + `s`) to the word's end."""
        while 0 < end < len(self.text) and self.text[end].isalnum() and self.text[end - 1] in "'’":
            end += 1
        while 0 < end < len(self.text) and self.text[end].isalnum() and self.text[end - 1].isalnum():
            end += 1
        return end

    def _in_quote(self, at: int) -> bool:
        return 0 <= at < len(self.inside) and self.inside[at]

    @contextmanager
    def read_as_unquoted(self, start: int, end: int) -> Iterator[None]:
        """Within the block, [start, end) counts as outside quotations (an incise written inside
        them, whose subject the noun-phrase rules then read)."""
        saved = self.inside[start:end]
        self.inside[start:end] = [False] * len(saved)
        try:
            yield
        finally:
            self.inside[start:end] = saved

    def _sentence_starts(self) -> list[int]:
        """Sentence starts outside quotations: after . ! ? … (not in `M.`/`J.D.`) and at newlines."""
        text = self.text
        starts = [0]
        for m in _SENT_END.finditer(text):
            at = m.start()
            if self._in_quote(at):
                continue
            word = re.search(r"(\S+)$", text[max(0, at - 6) : at])
            if (
                m.group() == "."
                and word
                and (
                    re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word.group(1))
                    or word.group(1).lower() in {"m", "mme", "dr"}
                )
            ):
                continue
            nxt = m.end()
            while nxt < len(text) and (text[nxt] in " \u00a0\u202f)" or nxt in self._closers):
                nxt += 1
            if (
                nxt < len(text)
                and (
                    text[nxt].isupper()
                    or text[nxt] in '«“"\n'
                    or text[nxt].isdigit()
                    # `à la hauteur.- « Pas la vengeance » -`: a dash after a full stop opens a heading
                    or (text[nxt] in "-–—" and text[nxt + 1 : nxt + 2] in {" ", "\u00a0", '"', "«", "“"})
                )
            ):
                starts.append(nxt)
        for m in re.finditer(r"\n+", text):
            starts.append(m.end())
        # A closing mark glued to the next sentence: `cœur".François`.
        for s in self.spans:
            after = s.close_at + 1
            if (
                after < len(text)
                and text[after] == "."
                and after + 1 < len(text)
                and text[after + 1].isupper()
            ):
                starts.append(after + 1)
            # `« ... on faisait comment ? » Au micro de France 3, ...`: the quotation ends its sentence
            nxt = _skip(text, after, " \u00a0\u202f")
            if (
                text[s.open_at + 1 : s.close_at].rstrip(" \u00a0\u202f").endswith(("?", "!", ".", "…"))
                and nxt < len(text)
                and nxt > after
                and text[nxt].isupper()
            ):
                starts.append(nxt)
        return sorted(set(starts))

    def sentence_of(self, at: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding offset `at`."""
        import bisect

        k = bisect.bisect_right(self.sent_starts, at) - 1
        start = self.sent_starts[max(k, 0)]
        end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.text)
        return start, end

    def sentence_index(self, at: int) -> int:
        import bisect

        return bisect.bisect_right(self.sent_starts, at) - 1

    def paragraph_of(self, at: int) -> int:
        return self.text.count("\n", 0, at)

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """Tokens fully inside [start, end) and outside quotations."""
        out = []
        seen = set()
        for i in range(max(start, 0), min(end, len(self.text))):
            k = self.tok_at[i]
            if k < 0 or k in seen:
                continue
            seen.add(k)
            t = self.doc[k]
            if t.idx >= start and t.idx + len(t.text) <= end and not self._in_quote(t.idx):
                out.append(t)
        return out

    # -- names ---------------------------------------------------------------------------------
    def _clean_person(self, ent: Span) -> Mention | None:
        tokens = list(ent)
        while (
            tokens
            and (
                tokens[0].text.lower() in HONORIFICS
                or not tokens[0].text[:1].isupper()
                or (tokens[0].text.lower() in _TOPIC_WORDS and len(tokens) > 1)
                or tokens[0].text.lower() in _DATE_WORDS  # (`Lundi, « ... »`)
                or (tokens[0].text.lower() in PLATFORMS and len(tokens) > 1)  # `sur Twitter Florian Klenk`
                or (  # `Le Dr Kenji Vasseur` opening a sentence: the article before the title
                    tokens[0].text.lower() in {"le", "la"}
                    and len(tokens) > 2
                    and tokens[1].text.lower().rstrip(".") in HONORIFICS
                )
                or (  # `la députée LREM Fatoumata Haddad`: an acronym before a first name and a surname
                    tokens[0].text.isupper()
                    and tokens[0].text.isalpha()
                    and len(tokens[0].text) >= 2
                    and len(tokens) >= 3
                    and all(t.text[:1].isupper() and not t.text.isupper() for t in tokens[1:3])
                )
            )
        ):
            tokens = tokens[1:]
        kept: list[Token] = []
        for t in tokens:
            if t.text in {",", "(", ")", ":"}:
                break
            if t.text[:1].isupper() or t.text.lower() in NAME_PARTICLES or t.text in {"-", "'"}:
                kept.append(t)
            else:
                break
        while kept and not kept[-1].text[:1].isupper():
            kept.pop()
        nxt = kept[-1].i + 1 if kept else len(self.doc)
        while (
            kept
            and nxt < len(self.doc)
            and nxt - kept[0].i < 5
            and self.doc[nxt].text[:1].isupper()
            and self.doc[nxt].text.isalpha()
            and self.doc[nxt].ent_type_ in {"", "PER"}
            and self.doc[nxt].pos_ in {"PROPN", "DET", "X", "NOUN"}
        ):
            kept.append(self.doc[nxt])
            nxt += 1
        while (
            0 < len(kept) <= 3  # (not a merged run `Jacques Chirac Michelle Alliot`)
            and nxt + 1 < len(self.doc)
            and self.doc[nxt].text in {"-", "‐"}
            and self.doc[nxt].idx == kept[-1].idx + len(kept[-1].text)
            and self.doc[nxt + 1].idx == self.doc[nxt].idx + 1
            and self.doc[nxt + 1].text[:1].isupper()
            and self.doc[nxt + 1].text.replace("-", "").isalpha()
        ):
            kept += [self.doc[nxt], self.doc[nxt + 1]]  # `Asier Saez` + `-Cirion`, cut by the NER
            nxt += 2
        while len(kept) > 1 and kept[-1].text.lower().rstrip(".") in POST_NOMINALS:
            kept.pop()  # `Andrew Edis QC`
        if not kept or (len(kept) == 1 and kept[0].text.lower() in NOT_NAMES):
            return None
        first_name = self._first_name_before(kept)
        if first_name is not None:
            kept.insert(0, first_name)
        start, end = kept[0].idx, kept[-1].idx + len(kept[-1].text)
        # Scraped text glues a sentence or a heading to the name: `RTL.Mischa Aznavour`,
        # `EX-MINISTREManuel Valls`. The name starts after the glue.
        glued = _GLUED_HEAD.match(self.text[start:end])
        if glued:
            start += glued.end()
        if not glued and kept[0].i > 0 and self.doc[kept[0].i - 1].text.lower() in _ARTICLES:
            # French person names take no article: `de la Transition écologique`, `du Grand Paris`.
            self._not_persons.add(self.text[start:end])
            return None
        if not glued and kept[0].i > 0 and self.doc[kept[0].i - 1].text.lower() in _NAMED_AFTER_PERSONS:
            # `l'institut Max Planck`, `le lycée Victor-Hugo`, `rue Jean-Jaurès`: a person's name given
            # to an institution or a place
            return None
        if not glued and (_names_a_body(kept) or self._after_organisation_noun(kept[0].i)):
            # `le FC Rouvray`, `l'association des commerçants Cœur de Plouvenec`, `Toulouse Métropole`:
            # an organisation's name
            self._not_persons.add(self.text[start:end])
            return None
        # One word, hyphenated or not (`Bild`, `Marguerite-Bourgeoys`).
        one_word = not _word_starts(kept[1:])
        if one_word and not glued and kept[0].i > 0:
            prev = self.doc[kept[0].i - 1]
            low = prev.text.lower()
            if low in {"dans", "à", "au", "en", "par"} or (
                prev.pos_ in {"NOUN", "ADJ"}
                and prev.text.islower()
                and low not in ROLE_NOUNS
                and low.rstrip(".") not in HONORIFICS  # `la baronne Kramer`
            ):
                self._not_persons.add(self.text[start:end])
                return None  # `dans Bild`, `la commission scolaire Marguerite-Bourgeoys`: not a person
        if one_word and not glued and self.fronted_participle(kept[0].i):
            self._not_persons.add(self.text[start:end])
            return None  # `Contactée, la société Flit se dit ...`: a fronted participle, tagged a person
        subject = any(_parsed_subject(t) or (t.dep_ == "flat:name" and _parsed_subject(t.head)) for t in kept)
        nxt = kept[-1].i + 1
        if nxt < len(self.doc) and (
            self.doc[nxt].pos_ in {"AUX", "VERB"} or self.doc[nxt].text.lower() in {"s'", "se"}
        ):
            subject = True
        if re.match(r"\s*,?\s*qui\b", self.text[end : end + 8]) and _CLEFT_BEFORE.search(
            self.text[max(0, start - 80) : start]
        ):
            subject = True  # `c'est la fille de X, Nadia Benhamou, qui s'était avancée`: a cleft subject
        return Mention(self.text[start:end], start, end, "PER", subject)

    def in_link(self, at: int) -> bool:
        """Whether offset `at` is on a `Lire aussi : ...` line."""
        return any(a <= at < b for a, b in self.links)

    def fronted_participle(self, k: int) -> bool:
        """Whether token k is a participle opening a sentence or a line before a comma and a noun phrase
        (`Contactée, la société Flit`, `Sollicité, le ministère`), which the tagger may read as a name."""
        doc = self.doc
        word = doc[k].text
        return (
            word[:1].isupper()
            and re.search(r"ée?s?$", word) is not None
            and word.lower() not in FIRST_NAMES
            and k + 2 < len(doc)
            and doc[k + 1].text == ","
            and doc[k + 2].pos_ == "DET"
            and (k == 0 or doc[k].is_sent_start or not doc[k - 1].text.strip())
        )

    def _after_organisation_noun(self, k: int) -> bool:
        """Whether token `k` comes right after a lowercase noun phrase headed by an organisation noun
        (`l'association des commerçants`, `le syndicat`), so that a name there is the organisation's
        (not `le porte-parole du gouvernement Gabriel Attal`, headed by a role)."""
        if k == 0 or self.doc[k - 1].pos_ not in {"NOUN", "ADJ"} or not self.doc[k - 1].text.islower():
            return False  # (`le gouvernement d'Étienne Delorme`: the person the body belongs to)
        j = k
        while (
            j > 0
            and k - j < 6
            and self.doc[j - 1].text.islower()
            and self.doc[j - 1].pos_ in {"NOUN", "ADJ", "ADP", "DET"}
        ):
            j -= 1
        head = next((t for t in self.doc[j:k] if t.pos_ == "NOUN"), None)
        return head is not None and head.lower_ in _BODY_NAME_HEADS

    def _first_name_before(self, kept: list[Token]) -> Token | None:
        """`Hiroshi` in `le député Hiroshi De Bock`, `Kwame` in `l'Économie Kwame Le Maire`: the first
        name of a person the NER tagged by the surname alone.

        The NER knows common first names; an unfamiliar one it tags as a place, a thing or a noun, or
        takes into the organisation before it. A capitalised word right before a bare surname is then
        the first name, unless it takes an article (`de l'Économie Le Maire`), is a role, a title or a
        medium, or the article names it alone as a place or an organisation.
        """
        doc = self.doc
        core = [t for t in _word_starts(kept) if t.text.lower() not in NAME_PARTICLES]
        if len(core) != 1 or kept[0].i == 0:
            return None
        t = doc[kept[0].i - 1]
        low = t.text.lower()
        if not (
            t.whitespace_
            and t.text[:1].isupper()
            and t.text.replace("-", "").isalpha()
            and not t.text.isupper()
            and t.pos_ in {"PROPN", "NOUN", "X"}
            and t.ent_type_ != "PER"
        ):
            return None
        if (
            low in HONORIFICS
            or low in ROLE_NOUNS
            or low in PRE_ADJ
            or low in NOT_NAMES
            or low in PLATFORMS
            or low in _TOPIC_WORDS
            or normalise(t.text) in MEDIA_NAMES
            or (t.i > 0 and doc[t.i - 1].text.lower() in _ARTICLES)
        ):
            return None
        alone = {e.text for e in self.ents if e.label_ in {"LOC", "ORG"} and len(e) == 1 and e.start != t.i}
        return None if t.text in alone else t

    def fullest_name(self, name: str, at: int | None = None) -> str:
        """The fullest form of person `name` used in the article (first occurrence on ties).

        With `at`, a bare surname shared by several people (`Lelandais` for `Sven Lelandais` and
        `Nordahl Lelandais`) goes to the one mentioned last before `at`.
        """
        parts = name_parts(name)
        if not parts:
            return name
        # `Sarkozy` is `Nicolas Sarkozy` rather than `Carla Bruni-Sarkozy` when the article has both:
        # a surname written whole beats one inside a hyphenated name.
        pool = self.persons
        if len(parts) == 1:
            whole = [m for m in self.persons if normalise(m.text).split()[-1:] == [parts[-1]]]
            if any(len(name_parts(m.text)) > 1 for m in whole):
                pool = whole
        if at is not None and len(parts) == 1 and at < len(self.text):  # (a title quote: at the end)
            fuller = [m for m in pool if len(name_parts(m.text)) > 1 and name_parts(m.text)[-1:] == parts]
            if len({name_parts(m.text)[0] for m in fuller}) > 1:
                honorific = _HONORIFIC_BEFORE.search(self.text[max(0, at - 12) : at])
                if honorific is not None:
                    # `a déclaré Mme Dupont` after `Marie Dupont et son mari Jean Dupont`: the one of
                    # the honorific's gender
                    gender = "m" if honorific.group(1).lower() in {"m.", "monsieur"} else "f"
                    fuller = [m for m in fuller if self._gender(m.text) == gender] or fuller
                if len({name_parts(m.text)[0] for m in fuller}) == 1:
                    return self.fullest_name(fuller[0].text)
                before = [m for m in fuller if 0 <= m.start < at]
                if before:
                    return self.fullest_name(max(before, key=lambda m: m.start).text)
        best, best_len, first = name, len(parts), False
        for m in pool:
            cand = name_parts(m.text)
            if cand[-1:] == parts[-1:] and set(parts) <= set(cand) and len(cand) > best_len:
                best, best_len = m.text, len(cand)
            elif cand == parts and best_len == len(parts) and not first:
                best, first = m.text, True  # first occurrence's spelling
        return best

    def _roles(self) -> list[Role]:
        """Links between role descriptions and persons found through appositions."""
        roles: list[Role] = []
        doc = self.doc
        for m in self.persons:
            first = self.tok_at[m.start]
            last = self.tok_at[m.end - 1]
            if first < 0 or last < 0:
                continue
            person = self.fullest_name(m.text)
            # After: `Dmitri Peskov, porte-parole du Kremlin,`
            k = last + 1
            if k < len(doc) and doc[k].text == ",":
                window = list(doc[k + 1 : min(k + 13, len(doc))])
                if len(window) > 3 and _is_age(doc, k + 1) and window[2].text == ",":
                    window = window[3:]  # `Kevin Roche, 34 ans, accusé du meurtre de X`
                words = self._role_words(window[:9])
                if words:
                    roles.append(Role(words[0], set(words), person, m.start, _head_gender(window, words[0])))
            # `Me Yann Le Borgne`, `Maître X`: the title of a lawyer (`l'avocat de la partie civile`)
            if first > 0 and doc[first - 1].text.lower().rstrip(".") in {"me", "maître"}:
                gender = _first_name_gender(person)
                head = "avocate" if gender == "f" else "avocat"
                roles.append(Role(head, {head}, person, m.start, gender))
            # Before: `le président de ce pays, Ilham Aliyev` / `le chroniqueur Matthieu Delormeau`
            k = first - 1
            if k >= 0 and doc[k].text.lower() in HONORIFICS and doc[k].text.lower() in ROLE_NOUNS:
                # `Le professeur Marc Lefèvre`: a title that is a role (not `M.`)
                roles.append(
                    Role(doc[k].text.lower(), {doc[k].text.lower()}, person, m.start, _noun_gender(doc[k]))
                )
            while k >= 0 and doc[k].text.lower() in HONORIFICS:
                k -= 1  # `son avocat, Maître Antonin Lévy`
                if k >= 0 and k + 1 < first and doc[k].text.lower() in {"le", "la", "l'"}:
                    k -= 1  # `l'auteur de l'étude, la Pr Akiko Iwasaki`
            if k >= 0 and doc[k].text == ",":
                k -= 1
            j = k
            while (
                j >= 0
                and first - j <= 9
                and (
                    doc[j].pos_ in {"DET", "NOUN", "ADJ"}
                    or doc[j].text.lower() in NP_PREPS
                    or doc[j].pos_ in {"PROPN", "PRON"}
                    # `le maire de Saint-Gervais en Haute-Savoie, Jean-Marc Peillex`
                    or (
                        doc[j].text.lower() in {"en", "à", "au"} and j + 1 <= k and doc[j + 1].pos_ == "PROPN"
                    )
                    # `le ministre de l'Economie et des Finances Bruno Le Maire`: coordinated complements
                    or (doc[j].text.lower() == "et" and j + 1 <= k and doc[j + 1].text.lower() in _OF_WORDS)
                )
            ):
                j -= 1
            window = list(doc[j + 1 : k + 1])
            for n in range(len(window) - 1, 0, -1):
                if (
                    window[n].pos_ == "DET"
                    and window[n - 1].pos_ in {"PROPN", "NOUN", "ADJ"}
                    and window[n - 1].text.lower() not in NP_PREPS
                ):
                    # `a déclaré à l'AFP l'analyste politique X`: the role starts at its own determiner,
                    # not at the medium's
                    window = window[n:]
                    break
            while (
                window
                and window[0].pos_ not in {"DET", "NOUN", "ADJ"}
                and window[0].text.lower() not in ROLE_NOUNS
            ):
                window = window[1:]
            if not window or window[-1].pos_ not in {"NOUN", "ADJ", "PROPN"}:
                continue
            before = window[0].i - 1
            if (
                before >= 0
                and doc[before].pos_ == "ADP"
                and doc[before].text.lower() not in {"avec", "selon", "pour"}
            ):
                continue
            words = self._role_words(window)
            if words:
                roles.append(Role(words[0], set(words), person, m.start, _head_gender(window, words[0])))
        return roles

    def _role_words(self, tokens: list[Token]) -> list[str]:
        """Content words of a role noun phrase (head noun first), or [] if it is not one."""
        words: list[str] = []
        head_at: int | None = None  # the head noun after leading adjectives (`le sulfureux homme d'affaires`)
        complement = False
        for n, t in enumerate(tokens):
            low = t.text.lower()
            if (
                t.text in STOP_NP
                or (t.pos_ in {"VERB", "AUX"} and not (n == 0 and low in ROLE_NOUNS))  # (`accusé du meurtre`)
                or t.pos_ in {"SCONJ", "CCONJ"}
                or low in {"qui", "que"}
            ):
                break
            if n == 0 and t.pos_ == "ADP":
                return []
            if t.pos_ in {"DET", "ADP", "NUM"}:
                if t.pos_ == "ADP" and low not in NP_PREPS and not words:
                    return []
                complement = complement or (t.pos_ == "ADP" and bool(words))
                continue
            if (
                not words
                and not t.text[:1].islower()
                and low != "premier"
                and not (t.text.isupper() and low in ROLE_NOUNS)
                and not (t.is_sent_start and low in ROLE_NOUNS)  # `Présidente du jury, X,`
                and low not in DEMONYMS  # (`la Française Léa Dumont`)
            ):
                return []  # (but `le PDG de l'entreprise`)
            if not words and low in CLITICS | PRONOUNS:
                return []
            word = re.sub(r"^[ld]['’]", "", low)
            if head_at is None and not complement and t.pos_ not in {"ADJ", "ADV"} and word not in PRE_ADJ:
                head_at = len(words)
            words.append(word)
            if len(words) > 6:
                break
        if head_at:
            # (`l'ancien secrétaire d'État`, `l'alors ministre`, `le Premier ministre`): the head first,
            # as `_describe` reads a description
            words = [words[head_at], *words[:head_at], *words[head_at + 1 :]]
        return words

    def noun_phrase(self, k: int) -> tuple[int, int] | None:
        """Char span of the noun phrase starting at token k: det, adjectives, head, `de` complements."""
        doc = self.doc
        start = k
        seen_head = False
        end = k
        last_adj = -1
        while k < len(doc):
            t = doc[k]
            low = t.text.lower()
            if t.text in {"-", "‐"} and seen_head and k + 1 < len(doc) and not doc[k - 1].whitespace_:
                end = k + 1  # `Seine-Maritime` split by the tokenizer
                k += 2
                continue
            if t.text in STOP_NP or self._in_quote(t.idx) or low in {"qui", "que", "qu'", "dont", "lors"}:
                break
            if seen_head and t.text in _DATE_WORDS:
                break  # `la patronne du FN le 18 avril`, `le ministère en juillet`: a date, no complement
            if (
                not seen_head
                and low in ROLE_NOUNS
                and t.pos_ in {"ADJ", "VERB", "AUX"}
                and k > start
                and doc[k - 1].pos_ == "DET"
            ):
                seen_head = True  # `Un étudiant` (ADJ) `proteste`, `un passant` (AUX): the noun
                end = k
                k += 1
                continue
            if (
                seen_head
                and k + 1 < len(doc)
                and doc[k + 1].text == ":"
                and self.lexicon.lemma(low) is not None
            ):
                break  # `Un étudiant proteste :` with the verb tagged as a noun
            if (
                seen_head
                and low in _OFFICE_PARTICIPLES
                and doc[end].text.lower() in ROLE_NOUNS | _OFFICE_PARTICIPLES
            ):
                # `le ministre délégué chargé du Numérique`, `la ministre déléguée à l'Industrie`: the
                # office's participles and their complement belong to the role
                end = k
                k += 1
                if k < len(doc) and doc[k].text.lower() in {"à", "au", "aux"}:
                    k += 1
                continue
            if t.pos_ in {"DET", "NUM"} or (t.pos_ == "ADJ" and not seen_head):
                if t.pos_ == "ADJ":
                    last_adj = k
                if t.pos_ == "NUM" and seen_head and doc[k - 1].pos_ == "PROPN":
                    end = k  # `la direction de France 3`: a number in a name
                k += 1
                continue
            if (low in CLITICS and k > start) or low in _NP_VERB_STOPS:
                break
            if (
                t.pos_ in {"NOUN", "PROPN", "PRON", "X"}
                or (t.pos_ == "ADJ" and seen_head)
                or (t.ent_type_ == "PER" and t.text[:1].isupper() and seen_head)  # `baronne Kramer` (VERB)
            ):
                seen_head = True
                end = k
                k += 1
                continue
            if (
                low in NP_PREPS
                and k + 2 < len(doc)
                and doc[k + 1].text.lower() in {"un", "une"}
                and doc[k + 2].text.lower() in _MANNER_NOUNS
            ):
                break  # `a déclaré l'accusé d'une voix blanche`: how, not whose
            if low in NP_PREPS and seen_head and k + 1 < len(doc) and doc[k + 1].text not in STOP_NP:
                k += 1
                continue
            if t.pos_ == "ADP" and low in {"à", "au", "aux"} and seen_head:
                # `le ministre chargé des ...` stops, `le ministre de l'Intérieur` kept above
                break
            break
        if not seen_head:
            if last_adj > start and doc[start].pos_ == "DET":
                end = last_adj  # `un autre proche`, `un sarkozyste`: an adjective used as a noun
            else:
                return None
        return doc[start].idx, doc[end].idx + len(doc[end].text)

    # -- speakers ------------------------------------------------------------------------------
    def resolve(self, mention: str, at: int, previous: list[tuple[int, str | None]]) -> str | None:
        """The speaker string for `mention` found at offset `at`; `previous` = earlier (cue, speaker)."""
        found = self._resolve(mention, at, previous)
        if found is not None and found == mention and not self._is_person(found):
            det = re.search(
                r"(?:^|[\s,(])((?:le|la|les)\s+|l['’])$", self.text[max(0, at - 5) : at], re.IGNORECASE
            )
            if det is not None and not self._in_quote(at - 1):
                # `le ministère italien des Affaires étrangères`, `le SNUipp-FSU`: a body with the
                # determiner the article gives it (guideline §4.1), which the noun phrase left out
                return det.group(1) + found
        return found

    def _resolve(self, mention: str, at: int, previous: list[tuple[int, str | None]]) -> str | None:
        low = mention.lower().strip()
        low = re.sub(r"^-t-|^-", "", low)
        low = " ".join(low.split())
        if low in PRONOUNS or low in LATEST or low in PLURAL_PRONOUNS:
            return self._antecedent(at, low, previous)
        if low in _INTERVIEW_PRONOUNS:
            return self._salient_person(at)
        if re.fullmatch(r"l['’]une? d['’](?:entre )?(?:eux|elles)", low):
            return mention  # `regrette l'un d'eux`: one of a group, never named (guideline §4.1)
        mention = self._whole_name(mention, at)
        if low in {"celui", "celle"}:
            # `raconte celui qui a inventé le terme`: the person already speaking, as `il` / `elle`
            return self._antecedent(at, "il" if low == "celui" else "elle", previous)
        if low in {
            "on",
            "ce",
            "cela",
            "ça",
            "ceci",
            "qui",
            "que",
            "tout",
            "rien",
            "chacun",
            "personne",
            "c'",
        }:
            return None
        content = [
            w
            for w in re.findall(r"[\w'’-]+", re.sub(r"^[ldLD]['’]", "", mention.strip()).lower())
            if w not in DETERMINERS and w not in PRE_ADJ and not w.isdigit()
        ]
        if content and content[0] in NON_AGENTS:
            return None  # `ces résultats`, `des élections européennes`, `20 mesures`: no one speaks
        person = self._person_in(mention, at)
        if person:
            return self._longest_form(self.fullest_name(person, at))
        for p in self.persons:
            if p.start >= at and p.end <= at + len(mention) and len(name_parts(p.text)) >= 2:
                lead = [re.sub(r"^[ld]['’]", "", w) for w in self.text[at : p.start].lower().split()]
                heads = [w for w in lead[:3] if w in ROLE_NOUNS or w in GROUP_NOUNS or w in _KIN_NOUNS]
                if heads and re.search(r"\b(?:de|du|des|d['’])\s*$", self.text[at : p.start]):
                    if heads[0] in _KIN_NOUNS:
                        relative = self._relative_of(p.text, heads[0])
                        if relative is not None:
                            return relative
                    continue  # `la porte-parole de Vinci Autoroutes`: the complement is not the speaker
                content = [w for w in lead if w not in _SMALL_WORDS | {"les", "un", "une", "l"}]
                if (
                    content
                    and content[0] not in ROLE_NOUNS
                    and content[0] in ORG_NOUNS
                    and content[-1] in ROLE_NOUNS  # `du Premier ministre` + name, not `de` + name
                    and re.search(r"\b(?:de|du|des|d['’])\s", self.text[at : p.start])
                ):
                    # `les services du Premier ministre Edouard Philippe`: the name completes the
                    # complement; the speaker is the body, written without it
                    return self.text[at : p.start].strip(" ,\u00a0")
                return self.fullest_name(p.text)
        named = re.search(
            r"\b([A-ZÉ][\w'’-]+(?:\s+(?:de |du |van |von |le |la |d['’])?[A-ZÉ][\w'’-]+)+)$", mention
        )
        prefix = mention[: named.start()].lower().split() if named else []
        if (
            named
            and prefix
            and prefix[-1] not in {"de", "du", "des", "d'", "d’", "le", "la", "les", "l'", "l’"}
            and any(len(w) > 3 and w.isalpha() for w in prefix)
            and named.group(1) not in self._not_persons  # (`l'association des commerçants Cœur de X`)
        ):
            if re.sub(r"^[ld]['’]", "", prefix[0]) not in ORG_NOUNS:
                return self.fullest_name(named.group(1))  # `le Premier ministre Jean Castex`
            if {"de", "du", "des"} & set(prefix):
                return mention  # `L'agence régionale de santé Centre-Val de Loire`: a body and its place
        parts = name_parts(mention)
        if mention[:1].isupper() and any(
            name_parts(p.text)[-len(parts) :] == parts
            for p in self.persons
            if len(name_parts(p.text)) > len(parts)
        ):
            return self.fullest_name(mention, at)
        named_org = self._named_after_head(mention)
        if named_org is not None:
            return self._org_full(named_org)
        bare = re.sub(r"^(le|la|les|l'|l’)\s*", "", mention, flags=re.IGNORECASE)
        if (
            bare != mention
            and (
                bare.lower() in DEMONYMS
                or (  # `a savouré le Drômois`, `la Finistérienne`
                    bare[:1].isupper()
                    and _of_a_place(bare.lower())
                    and normalise(mention) not in MEDIA_NAMES
                    and normalise(bare) not in MEDIA_NAMES
                    and not any(o.label == "ORG" and normalise(o.text) == normalise(bare) for o in self.orgs)
                )
            )
        ):
            return self._describe(mention, at, previous)  # `a analysé la Normande`: a person described
        if (
            bare != mention
            and bare[:1].isupper()
            and not re.match(r"(Premier|Première)(?:\s+[a-zé]|\s*$)", bare)
            and bare.lower() not in ROLE_NOUNS  # `le Général`, `le Président`: a role, capitalised
            and (bare.lower() not in ORG_NOUNS or normalise(mention) in MEDIA_NAMES)  # `l'ONG`: no name
            # (but `L'Équipe`, the sports daily)
        ):
            full = self._org_full(mention)
            return full
        if (
            mention[:1].isupper()
            and not re.match(r"^(Le|La|Les|L'|L’|Un|Une|Des|Ce|Cette)\b", mention)
            and mention.split()[0].lower() not in ROLE_NOUNS  # (`Présidente du jury, X, explique`)
        ):
            # A proper name (organisation, place, person not tagged).
            for org in self.orgs:
                if normalise(org.text) == normalise(mention):
                    return self._org_full(mention)
            parts = name_parts(mention)
            if any(name_parts(p.text)[-1:] == parts[-1:] for p in self.persons):
                return self._longest_form(self.fullest_name(mention))
            return self._longest_form(self._org_full(mention))
        described = self._describe(mention, at, previous)
        if described and described != mention:
            # `le magazine` -> `Le magazine 60 Millions de consommateurs` -> the name itself
            name = self._named_after_head(described)
            if name is not None:
                return self._org_full(name)
        return described

    def _whole_name(self, mention: str, at: int) -> str:
        """A body's name the cue's noun phrase cut short, in full: the organisation the recognizer
        reads from the same word on (`L'Association nationale des opérateurs détaillants` + `en
        énergie`, `le Comité national des pêches maritimes` + `et des élevages marins`)."""
        end = at + len(mention)
        if self.text[at:end] != mention:
            return mention
        for ent in self.ents:
            if (
                ent.label_ in {"ORG", "LOC", "MISC"}
                and at <= ent.start_char < end
                and ent.end_char > end
                and ent.text[:1].isupper()
                and self.text[at : ent.start_char].strip().lower() in {"", "le", "la", "les", "l'", "l’"}
                and not self._in_quote(ent.start_char)
                and not re.search(r"[«»“”\"„,;:()]", self.text[end : ent.end_char])  # (`d'« immense`)
            ):
                return self.text[at : ent.end_char]
        return mention

    def _relative_of(self, name: str, kin: str) -> str | None:
        """`le frère de Nordahl Lelandais` -> `Sven Lelandais`: the one other person of the article who
        bears the same surname with another first name (and not the other gender than `kin`), else None."""
        parts = name_parts(self.fullest_name(name))
        if len(parts) < 2:
            return None
        wrong = "m" if kin in _KIN_FEMININE else "f"
        others = {
            self.fullest_name(p.text)
            for p in self.persons
            if len(name_parts(p.text)) >= 2
            and name_parts(p.text)[-1] == parts[-1]
            and name_parts(self.fullest_name(p.text)) != parts
            and self._gender(self.fullest_name(p.text)) != wrong
        }
        return others.pop() if len(others) == 1 else None

    def _entity_from(self, start: int, name_start: int, end: int) -> str:
        """text[start:end], extended to the end of the noun phrase or entity that starts there
        (`le magazine 60 Millions` + `de consommateurs`)."""
        k = self.tok_at[start]
        span = self.noun_phrase(k) if k >= 0 else None
        stop = max(end, span[1] if span and span[0] == start else end)
        for ent in self.ents:
            if ent.start_char == name_start:
                stop = max(stop, ent.end_char)
        return self.text[start:stop]

    def _named_body(self, desc: str, at: int) -> str:
        """An organisation subject as the guideline writes it: `le magazine 60 Millions de
        consommateurs` -> `60 Millions de consommateurs`, `le magazine` -> the medium named before,
        `l'ambassade` -> `l'ambassade japonaise à Maurice`."""
        name = self._named_after_head(desc)
        if name is not None:
            return self._org_full(name)
        # from the mention's end, so that its own fuller wording (`l'ambassade japonaise à Maurice`) counts
        described = self._describe(desc, at + len(desc))
        if not described:
            return desc
        return self._named_after_head(described) or described

    def _named_after_head(self, mention: str) -> str | None:
        """`le magazine 60 Millions de consommateurs` -> `60 Millions de consommateurs`: the name itself.

        A generic organisation noun (with at most one adjective) before a name the article tags as an
        organisation is dropped, as the guideline writes organisations by their name.
        """
        m = _HEAD_NAME.match(mention)
        if m is None:
            return None
        head = m.group("head").lower()
        if (head not in MEDIA_NOUNS and head not in _NAME_HEADS) or m.group("head")[:1].isupper():
            return None  # (`L'Agence France-Presse`: a capitalised noun is the name's own first word)
        name = m.group("name")
        if head in MEDIA_NOUNS:
            return name  # `le quotidien Le Monde`: a medium's name follows its noun
        key = normalise(name)
        orgs = [normalise(o.text) for o in self.orgs if o.label != "LOC"]
        if any(o.startswith(key) or (len(o) > 3 and key.startswith(o)) for o in orgs):
            return name
        return None

    def _longest_form(self, name: str) -> str:
        """`Vinci` -> `Vinci Autoroutes`: a one-word name written elsewhere with more capitalised words.

        Places are left alone (`Paris` is not `Paris Match`), and so are names of several words.
        """
        if (
            " " in name
            or not name[:1].isupper()
            or any(o.label == "LOC" and o.text == name for o in self.orgs)
        ):
            return name
        if re.search(r"\b(?:M\.|Mme|Mlle|Dr|Me)\s+" + re.escape(name) + r"\b", self.text):
            return name  # `M. Kim`: a person, whose surname may open another person's name
        best = name
        for m in re.finditer(
            r"(?<![\w-])"
            + re.escape(name)
            + r"((?:[ \u00a0](?!(?:Le|La|Les|L|Un|Une|De|Du|Des)\b)[A-ZÉ][\w&-]+){1,3})",
            self.text,
        ):
            if self._in_quote(m.start()):
                continue
            longer = name + m.group(1).replace("\u00a0", " ")
            if any(p.start <= m.start() < p.end for p in self.persons):
                continue  # `Kim Il Sung` is another person than `Kim`
            if len(longer) > len(best):
                best = longer
        return best

    def _org_as_written(self, org: Mention) -> str:
        """An organisation mention in full, with the determiner the text writes before it (`la CGT`)."""
        return _with_determiner(self.text[: org.start], self._org_full(org.text))

    def _org_full(self, name: str) -> str:
        """The organisation's full name when the article gives it (`la CGT` -> `la Confédération ...`)."""
        bare = re.sub(r"^(le|la|les|l'|l’)\s*", "", name, flags=re.IGNORECASE)
        letters = re.sub(r"[^A-Z]", "", bare)
        # (an acronym written as a word, `Insee`, `Anode`: its letters, when the article glosses it)
        worded = bare.isalpha() and 3 <= len(bare) <= 8 and f"({bare})" in self.text.replace("( ", "(")
        if bare.replace("&", "").isupper() or worded:
            letters = letters if bare.replace("&", "").isupper() else bare.upper()
            for m in re.finditer(r"\(\s*" + re.escape(bare) + r"\s*\)", self.text):
                words = list(re.finditer(r"[\w-]+", self.text[max(0, m.start() - 120) : m.start()]))
                base = max(0, m.start() - 120)
                for n in range(len(words) - 1, max(len(words) - 13, -1), -1):
                    chosen = words[n:]
                    big = [w.group() for w in chosen if w.group().lower() not in _SMALL_WORDS | {"l", "d"}]
                    if chosen[0].group()[:1].isupper() and normalise("".join(w[0] for w in big)) == normalise(
                        letters
                    ):
                        start = base + chosen[0].start()
                        return _with_determiner(self.text[:start], self.text[start : m.start()].strip())
        if bare.replace("&", "").isupper() and 2 <= len(letters) <= 6:
            for org in self.orgs:
                words = [w for w in re.findall(r"[\w'’]+", org.text) if w.lower() not in _SMALL_WORDS]
                if len(words) > 1 and "".join(w[0] for w in words).upper() == letters:
                    return _with_determiner(self.text[: org.start], org.text)
        return name

    def _person_in(self, mention: str, at: int) -> str | None:
        for p in self.persons:
            if p.start >= 0 and (p.start <= at < p.end or (p.start == at)):
                return p.text
        return None

    def _is_person(self, speaker: str) -> bool:
        """A resolved speaker string that names a person (or an unnamed one), not an organisation."""
        parts = name_parts(speaker)
        if any(name_parts(p.text) == parts or self.fullest_name(p.text) == speaker for p in self.persons):
            return True
        if any(e.label_ == "PER" and e.text == speaker for e in self.ents):
            return True  # a person named inside a quotation (`« ..., explique Karim Ferhat, ... »`)
        words = speaker.split()
        if len(words) > 1 and all(w[:1].isupper() for w in words):
            # `le Dr Damilola Idowu`, untagged by the NER: an honorific before the name marks a person
            honorific = r"\b(?:M\.|Mme|Mlle|Me|Dr|Pr|docteur|professeur)\s+" + re.escape(speaker)
            if re.search(honorific, self.text):
                return True
        return (
            len(words) > 1
            and words[0].lower() in {"un", "une", "le", "la", "l'", "ce", "cet", "cette"}
            and (words[1][:1].islower())
        )

    def _described_subjects(self) -> list[tuple[int, str, bool]]:
        """Subjects named by a role or an organisation noun: (offset, noun phrase, is a person)."""
        if self._descriptions is None:
            found: list[tuple[int, str, bool]] = []
            for t in self.doc:
                low = t.text.lower()
                inverted = self._inverted_speaker(t)
                # (`l'octogénaire espère`, `La fille d'une des résidentes n'a pas caché sa colère`)
                human = low in ROLE_NOUNS or low in _AGE_NOUNS or low in _KIN_NOUNS
                # (`Un passant regarde la scène`, `Un commerçant, venu de Lyon, n'est pas d'accord`
                # with the noun parsed as an auxiliary or an oblique: a person opening the sentence)
                opening = (
                    human
                    and t.i > 0
                    and t.doc[t.i - 1].pos_ == "DET"
                    and self.sentence_of(t.doc[t.i - 1].idx)[0] == t.doc[t.i - 1].idx
                )
                if not (t.dep_ in {"nsubj", "nsubj:pass"} or inverted or opening) or self._in_quote(t.idx):
                    continue
                if t.dep_ in {"nsubj", "nsubj:pass"} and self._in_quote(t.head.idx) and t.head.dep_ != "ROOT":
                    continue  # `rappelé que son client « reste présumé innocent »`: the topic of quoted words
                if low in DOCUMENT_NOUNS:
                    continue
                if not human and low not in ORG_NOUNS:
                    continue
                det = [c for c in t.children if c.dep_ == "det" and c.i < t.i]
                if opening and not det:
                    det = [t.doc[t.i - 1]]
                if not det or det[0].text.lower() not in {
                    "le",
                    "la",
                    "l'",
                    "l’",
                    "un",
                    "une",
                    "ce",
                    "cet",
                    "cette",
                    "son",
                    "sa",
                    "leur",
                }:
                    continue
                if det[0].text.lower() in {"son", "sa", "leur"} and not human:
                    continue  # (`Sa voisine, elle, est plus inquiète`, but `son organisation` is whose)
                span = self.noun_phrase(det[0].i)
                if span is not None:
                    found.append((span[0], self.text[span[0] : span[1]], human))
            self._descriptions = found
        return self._descriptions

    def _described_person(self, desc: str, at: int) -> str | None:
        """The person a description at `at` names: the name set in apposition after it (`a déclaré
        l'expert ..., le Professeur Stephen Smallbone`), else what `_describe` resolves it to."""
        return self.name_after_description(desc, at) or self._describe(desc, at)

    def _gender(self, name: str) -> str | None:
        """'f' or 'm' when the article marks the person's gender, else None.

        Votes: `Mme`/`M.`, an adjacent or appositive role noun (`la présidente ..., X`), words that agree
        with the name as subject (`X est arrivée`, `X s'est dite`, `X, interrogée`).
        """
        if self._genders is None:
            votes: dict[str, dict[str, float]] = {}

            def vote(person: str, gender: str | None, weight: float) -> None:
                if gender is not None:
                    box = votes.setdefault(person, {"f": 0.0, "m": 0.0})
                    box[gender] += weight

            for r in self.roles:
                if r.head in ROLE_NOUNS:  # not `une nouvelle fois Emmanuel Macron`
                    vote(r.person, r.gender, 2.0)
            for p in self.persons:
                if p.start < 0:
                    continue
                first, last = self.tok_at[p.start], self.tok_at[p.end - 1]
                if first < 0 or last < 0:
                    continue
                person = self.fullest_name(p.text)
                near = [self.doc[first - 1]] if first > 0 else []
                if last + 2 < len(self.doc) and self.doc[last + 1].text == ",":
                    near.append(self.doc[last + 2])
                for t in near:
                    low = t.text.lower()
                    if low in {"mme", "madame", "mlle"}:
                        vote(person, "f", 3.0)
                    elif low in {"m.", "monsieur"}:
                        vote(person, "m", 3.0)
                    elif low in ROLE_NOUNS:
                        vote(person, _noun_gender(t), 2.0)
                if (
                    last + 3 < len(self.doc)
                    and self.doc[last + 1].text == ","
                    and self.doc[last + 2].text.lower() in {"le", "la", "un", "une"}
                    and self.doc[last + 3].pos_ == "NOUN"
                    and self.doc[last + 3].text.lower() not in _FIXED_GENDER_NOUNS
                    and not self._names_someone(last + 3)
                ):
                    # `Berenike Wojcik, la fiancée turque de Khashoggi`: an apposition's determiner
                    vote(person, "f" if self.doc[last + 2].text.lower() in {"la", "une"} else "m", 1.5)
                # The parser's own gender on first names is too often wrong (`Rachida` Masc): a list of
                # common first names gives it instead.
                gender = _first_name_gender(person)
                if gender is not None:
                    vote(person, gender, 2.5)
                name_tokens = self.doc[first : last + 1]
                outer = [t for t in name_tokens if not first <= t.head.i <= last or t.head.i == t.i]
                # (`Hiroshi Nakamura s'est retrouvé`: an unfamiliar first name parsed as an adverb
                # of the verb beside the surname, its subject)
                root = next(
                    (t for t in outer if t.dep_ in {"nsubj", "nsubj:pass"}), outer[0] if outer else None
                )
                if root is None:
                    continue
                head = root.head
                # Adjectives and participles agree with the subject; a predicate noun does not
                # (`Joe Biden est une marionnette`).
                if root.dep_ in {"nsubj", "nsubj:pass"} and head.pos_ in {"ADJ", "VERB"}:
                    etre = any(
                        c.dep_ in {"cop", "aux:pass"} or (c.dep_.startswith("aux") and c.lemma_ == "être")
                        for c in head.children
                    )
                    if etre and (head.pos_ != "VERB" or head.morph.get("VerbForm", []) == ["Part"]):
                        vote(person, _morph_gender(head), 1.0)
                for c in root.children:
                    if c.dep_ in {"acl", "amod"} and c.i > last and c.morph.get("VerbForm", []) == ["Part"]:
                        vote(person, _morph_gender(c), 1.0)  # `X, interrogée par ...`
            self._genders = {
                n: ("f" if v["f"] > v["m"] else "m") for n, v in votes.items() if v["f"] != v["m"]
            }
        return self._genders.get(name)

    def _names_someone(self, k: int) -> bool:
        """Whether the noun phrase going on from token k names a person (`par X, la candidate Y a`: the
        description is Y's, not an apposition of X)."""
        for t in self.doc[k : k + 8]:
            if t.is_punct or t.pos_ in {"VERB", "AUX", "ADP"}:
                return False  # (`la fiancée de Khashoggi`: a name in the complement)
            if t.ent_type_ == "PER" or (t.pos_ == "PROPN" and t.text[:1].isupper()):
                return True
        return False

    def _antecedent(self, at: int, pronoun: str, previous: list[tuple[int, str | None]]) -> str | None:
        """The person a pronoun at `at` refers to: the latest quote speaker or person named as a subject."""
        if pronoun in PLURAL_PRONOUNS:
            return self._plural_antecedent(
                at, previous, latest=pronoun.startswith(("ces", "ceux", "celles", "lesquel"))
            )
        wrong = {"il": "f", "lui": None, "elle": "m", "celui-ci": "f", "celle-ci": "m"}.get(pronoun)
        if pronoun in LATEST:
            wrong = "f" if LATEST[pronoun] == "m" else "m"
        found = self._singular_antecedent(at, pronoun, previous, wrong)
        if found is None and wrong is not None and pronoun in {"il", "elle"}:
            # No person of the pronoun's gender: `La SNCF a annoncé un plan. « ... », précise-t-elle`
            found = self._subject_body(at, wrong)
        if found is None and wrong is not None:
            # Gender is a preference: a typo (`elle s'est livré`) must not leave the quote unattributed.
            found = self._singular_antecedent(at, pronoun, previous, None)
        return found

    def _subject_body(self, at: int, wrong: str) -> str | None:
        """The organisation named as a subject in the sentence of `at` or the one before, the latest,
        unless its article shows gender `wrong` (`la SNCF` for `il`)."""
        here = self.sentence_index(at)
        for o in reversed(self.orgs):
            if o.label != "ORG" or not 0 <= o.start < at:
                continue
            if here - self.sentence_index(o.start) > 1:
                continue
            if not self._named_as_subject(o):
                continue
            named = self._org_as_written(o)
            if _determiner_gender(named) != wrong:
                return named
        return None

    def _singular_antecedent(
        self, at: int, pronoun: str, previous: list[tuple[int, str | None]], wrong: str | None
    ) -> str | None:
        """`_antecedent` for a singular pronoun, skipping persons of gender `wrong`."""

        def fits(name: str) -> bool:
            return wrong is None or (self._gender(name) or _description_gender(name)) != wrong

        if pronoun in LATEST:  # `ce dernier`: the last person named, whatever their function
            named = [p for p in self.persons if 0 <= p.end <= at and fits(self.fullest_name(p.text))]
            return self.fullest_name(named[-1].text) if named else None

        candidates: list[tuple[int, str]] = [
            (c, sp) for c, sp in previous if sp and c <= at and self._is_person(sp) and fits(sp)
        ]
        placed = [p for p in self.persons if p.start >= 0 and p.end <= at and fits(self.fullest_name(p.text))]
        subjects = [(p.start, self.fullest_name(p.text)) for p in placed]
        candidates += [(p.start, self.fullest_name(p.text)) for p in placed if p.subject]
        # Unnamed subjects: `a annoncé le préfet du Rhône. « ... », a-t-il précisé`.
        here_sent = self.sentence_index(at)
        for pos, desc, human in self._described_subjects():
            if pos >= at or (not human and here_sent - self.sentence_index(pos) > 1):
                continue
            if not human and wrong is not None and _determiner_gender(desc) == wrong:
                continue  # `elle` is not `le parquet`
            resolved = self._described_person(desc, pos) if human else self._named_body(desc, pos)
            if resolved and (not human or fits(resolved)):
                candidates.append((pos, resolved))
        if not candidates:
            # (`a déclaré X, la fiancée de Y. « ... », a-t-elle dit`: a name in a complement is a poor
            # antecedent when another is not in one)
            free = [
                (p.start, self.fullest_name(p.text))
                for p in placed
                if not re.search(
                    r"(?:\b(?:de|du|des|chez)\s+|\bd['’]\s*)$", self.text[max(0, p.start - 5) : p.start]
                )
            ]
            candidates = free or subjects
        if not candidates:
            titled = [p for p in self.persons if p.start < 0 and fits(self.fullest_name(p.text))]
            if titled:
                return self.fullest_name(titled[-1].text)
            # `..., a annoncé le ministère de la santé.` as the title, `Il précise que « ... »` opening the
            # body: the source the title names
            return self.title_sources[-1] if self.title_sources and pronoun in {"il", "elle"} else None
        # The speaker of a quote one or two sentences back is still the topic, whoever was named since.
        here = self.sentence_index(at)
        recent = [(c, sp) for c, sp in previous if sp and c <= at and self._is_person(sp) and fits(sp)]
        # A person reported as speaking (`affirme le professeur X`) is a speaker too, quoted or not.
        recent += [
            (p.start, self.fullest_name(p.text))
            for p in placed
            if p.speaks and not self._frames_quote(p.end, at)
        ]
        recent.sort()

        if recent and here - self.sentence_index(recent[-1][0]) <= 2:
            lexicon = load_lexicon()
            for p in reversed(placed):
                if recent[-1][0] < p.start and p.subject and not self._frames_quote(p.end, at):
                    if self.sentence_index(p.start) == here and not self._subject_of_quote(p):
                        # `M. Vizcarra s'est rendu au Parlement : « ... », a-t-il déclaré`: the subject
                        # of the pronoun's own sentence, named since the last speaker
                        return self.fullest_name(p.text)
                    if (
                        self.sentence_index(p.start) == here - 1
                        and self._main_subject(p)
                        and self.paragraph_of(p.start) != self.paragraph_of(recent[-1][0])
                    ):
                        # `En face, le manager, X, ne cachait pas sa frustration. Il a dénoncé ...`: the
                        # subject of the sentence just before, in a new paragraph since the last speaker
                        # (not `Müller n'a pas survécu`, the topic of the expert who just spoke)
                        return self.fullest_name(p.text)
                    # (`à savoir`, `namely`, is no speech verb: `où X y était employé, à savoir entre ...`)
                    after = re.sub(r"\bà savoir\b", " ", self.text[p.end : p.end + 40], flags=re.IGNORECASE)
                    following = re.findall(r"[\w'’]+", after)[:5]
                    if "parole" in following or any(
                        lexicon.lemma(w) for w in following if w.lower() not in {"a", "est", "dit"}
                    ):  # (`X, ..., a pris la parole`)
                        return self.fullest_name(p.text)  # a new person speaking since
            for pos, desc, human in reversed(self._described_subjects()):
                k = self.tok_at[pos]
                if (
                    human
                    and recent[-1][0] < pos < at
                    and here - self.sentence_index(pos) <= 1
                    and not self._frames_quote(pos + len(desc), at)
                    and k >= 0
                    and (
                        self.doc[k].head.dep_ in {"nsubj", "nsubj:pass"}  # (not `défendre le chef de l'État`)
                        or self.sentence_of(pos)[0] == pos  # (opening the sentence, whatever its parse)
                        or self._inverted_subject(self.doc[k].head)
                    )
                ):
                    # `le septuagénaire a clamé son innocence. « ... », a-t-il assuré`: a person
                    # described as the subject since the last speaker
                    resolved = self._described_person(desc, pos)
                    if resolved and fits(resolved):
                        return resolved
                    break
            return recent[-1][1]
        candidates.sort()
        return candidates[-1][1]

    def _inverted_speaker(self, t: Token) -> bool:
        """Whether `t` follows a speech verb as its inverted subject (parsed as a subject, an object or
        an apposition): `..., a déclaré l'expert`."""
        return (
            t.i > t.head.i
            and t.dep_ in {"nsubj", "obj", "appos", "nsubj:pass"}
            and self.lexicon.lemma(t.head.text) is not None
        )

    def _inverted_subject(self, t: Token) -> bool:
        """`_inverted_speaker`, with the verb's group set off as an incise (`..., a déclaré l'expert`)
        or without a subject before it; not after an infinitive (`pour défendre le chef de l'État`,
        `avoir vu le père`)."""
        if not self._inverted_speaker(t):
            return False
        verb = t.head
        group = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
        if any("Inf" in v.morph.get("VerbForm", []) for v in group):
            return False  # (`raconte avoir vu le père rôder`)
        first = min(v.i for v in group)
        if first > 0 and self.doc[first - 1].text == ",":
            return True
        return not any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children)

    def _subject_of_quote(self, person: Mention) -> bool:
        """`Anne Hidalgo « a changé les blousons »`: the person is the subject of quoted words."""
        k = self.tok_at[person.end - 1] if person.end > 0 else -1
        if k < 0:
            return False
        head = self.doc[k]
        while head.dep_ == "flat:name" and head.head.i != head.i:
            head = head.head
        if self._in_quote(head.head.idx):
            return True
        return any(person.end <= q.open_at <= person.end + 2 for q in self.spans)

    def _main_subject(self, person: Mention) -> bool:
        """Whether the person (or the noun set in apposition to the name) is the subject of the main
        verb of its sentence: `Le manager, X, ne cachait pas`, not `le texte que X a signé`."""
        first, last = self.tok_at[person.start], self.tok_at[person.end - 1]
        if first < 0 or last < 0:
            return False
        t = self._name_head(first, last)
        return t.dep_ in {"nsubj", "nsubj:pass"} and t.head.dep_ == "ROOT" and not self._in_quote(t.head.idx)

    def _frames_quote(self, end: int, at: int) -> bool:
        """`Le président X a demandé aux ministres de « continuer », a-t-il ajouté`: the clause of the
        person named up to `end` runs into a quotation before the pronoun at `at`, in the same sentence;
        the pronoun stands for whoever reports that clause, not for the person."""
        here = self.sentence_index(at)
        if self.sentence_index(end) != here:
            return False
        for q in self.spans:
            if end < q.open_at < at:
                gap = self.text[end : q.open_at]
                return ":" not in gap and re.search(r"\w['’]?\s*$", gap) is not None
        return False

    def _latest_medium(self, at: int) -> str | None:
        """The latest name before `at` written as a medium: `au Parisien`, `selon Le Point`, `X révèle`."""
        for o in reversed(self.orgs):
            if o.end > at or o.start < 0 or o.text.lower() in PLATFORMS:
                continue
            k = self.tok_at[o.start]
            if k < 0:
                continue
            first = self.doc[k]
            before = self.doc[k - 1].text.lower() if k > 0 else ""
            # (`Le Parisien` with `Parisien` alone tagged as a place: the capitalised article is the name's)
            title_article = k > 0 and self.doc[k - 1].text in {"Le", "La", "Les", "L'", "L’"}
            articled = (
                first.text in {"Le", "La", "Les", "L'", "L’"} or before in {"au", "du"} or title_article
            )
            if o.label == "LOC" and not articled:
                continue  # `à Paris` is a place, `au Parisien` a newspaper
            last = self.tok_at[o.end - 1]
            root = next(
                (t for t in self.doc[k : last + 1] if not k <= t.head.i <= last or t.head.i == t.i), first
            )
            speaks = root.dep_ in {"nsubj"} and self.lexicon.lemma(root.head.text) is not None
            if not (speaks or before in {"au", "à", "dans", "selon", "d'après", "d’après"}):
                continue
            end = o.end
            nxt = self.tok_at[end + 1] if end + 1 < len(self.text) else -1
            adjective = nxt >= 0 and (
                self.doc[nxt].pos_ == "ADJ"
                or (
                    self.doc[nxt].morph.get("VerbForm", []) == ["Part"]
                    and not self.doc[nxt].text.endswith("ant")  # (`la NSA œuvrant ...`: a clause)
                )
            )
            if (
                articled
                and adjective
                and self.doc[nxt].text.islower()
                and self.doc[nxt].head.i < nxt
                and self.text[end : self.doc[nxt].idx].strip() == ""
            ):
                end = self.doc[nxt].idx + len(self.doc[nxt].text)  # `Le Canard` + `enchaîné`
            name = self.text[o.start : end]
            if (before in {"au", "du"} or title_article) and first.text not in {"Le", "La", "Les"}:
                name = _with_determiner(before, name)
            return self._org_full(name)
        return None

    def name_after_description(self, mention: str, at: int) -> str | None:
        """The person a cue's description is followed by: `estime une spécialiste qui n'a pas
        participé à l'étude, la Pr Eleanor Riley`, `a lancé le secrétaire d'Etat au Tourisme
        Jean-Baptiste Lemoyne`, `a commenté le co-fondateur du festival, l'acteur Robert De Niro`.

        Only for a singular description (determiner first); the gap to the name holds no quotation, no
        sentence end and no verb outside a relative clause. None when no such name follows.
        """
        words = mention.lower().replace("’", "'").split()
        if not words or not (words[0] in _DESCRIPTION_DETERMINERS or words[0].startswith("l'")):
            return None
        end = at + len(mention)
        sent_end = self.sentence_of(at)[1]
        for p in self.persons:
            if p.start < end or p.start > min(end + 100, sent_end):
                continue
            gap = self.text[end : p.start]
            if any(c in gap for c in '«»“”"„;.!?:') or not _APPOSED_NAME.search(gap):
                break
            relative = False
            for i in range(self.tok_at[end] if self.tok_at[end] >= 0 else p.start, self.tok_at[p.start]):
                t = self.doc[i]
                if t.lower_ in {"qui", "dont", "que", "qu'", "qu’"}:
                    relative = True
                elif t.pos_ in {"VERB", "AUX"} and not relative:
                    return None
            k = self.tok_at[p.end - 1] + 1 if self.tok_at[p.end - 1] >= 0 else len(self.doc)
            if (
                k < len(self.doc)
                and self.doc[k].pos_ in {"VERB", "AUX"}
                and not any(self.lexicon.lemma(t.text) for t in self.doc[k : k + 3])
            ):
                # `Pour le chef du gouvernement, Nicolas Sarkozy est ...`: the subject of a new clause
                # (but `Selon L'Express, Emmanuel Macron a affirmé ...` reports what the name said)
                return None
            return self.fullest_name(p.text, p.start)
        return None

    def joint_speakers(self, speaker: str, at: int, mention: str | None = None) -> str:
        """`Jean Dupont et Marie Durand ont déclaré`: the coordinated persons joined with ` et `; with
        the cue's `mention`, also coordinated organisations (`la CGT et FO`, `les syndicats CGT et FO`)."""
        person = next((p for p in self.persons if p.start == at), None)
        if person is None and mention:
            bodies = self._joint_bodies(speaker, at + len(mention))
            if bodies is not None:
                return bodies
        if person is None:
            # `ont écrit les députés Claire Renaud et Hugo Bastien`: the name the role goes with
            person = next(
                (
                    p
                    for p in self.persons
                    if at < p.start <= at + 80
                    and self.fullest_name(p.text) == speaker
                    and self.text[at : p.start].split()[0].lower() in {"les", "des", "ces", "deux", "trois"}
                ),
                None,
            )
        if person is None and mention:
            # `racontent le guitariste Paul Renaud et le batteur Samir Haddou`: a role, then the name
            person = next(
                (
                    p
                    for p in self.persons
                    if at < p.start
                    and p.end == at + len(mention)
                    and self.fullest_name(p.text) == speaker
                    and any(w in ROLE_NOUNS for w in self.text[at : p.start].lower().split()[:3])
                ),
                None,
            )
        if person is None:
            return speaker
        names = [speaker]
        start = person.start
        for p in reversed(self.persons):  # `Jean Dupont, Paul Martin et ...` with the subject in the middle
            if 0 <= p.end <= start and re.fullmatch(r"\s*,\s*", self.text[p.end : start]):
                names.insert(0, self.fullest_name(p.text))
                start = p.start
            elif 0 <= p.end <= start:
                break
        end = person.end
        for p in self.persons:
            if p.start < end:
                continue
            # (each name may come after its own role: `et le batteur Samir Haddou`)
            gap = re.fullmatch(
                r"\s*(,|et)\s*|\s*(et)\s+(?:le|la|l['’]|son|sa)\s*[a-zà-ÿ'’-]+(?:\s+[a-zà-ÿ'’-]+){0,2}\s+",
                self.text[end : p.start],
            )
            if gap is None:
                break
            names.append(self.fullest_name(p.text))
            end = p.end
            if "et" in gap.groups():
                # a list (`X, Y et Z`) is joint only when it closes with `et`
                return " et ".join(dict.fromkeys(names))
        return speaker

    def _joint_bodies(self, speaker: str, end: int) -> str | None:
        """`speaker` and the organisation named after ` et ` at `end` (an entity the recognizer tags as
        an organisation, or an acronym), or None."""
        m = _JOINT_BODY.match(self.text, end)
        if m is None:
            return None
        name = m.group("name")
        start = m.start("name")
        body = name.isupper() and len(name) >= 2 and " " not in name
        body = body or any(o.start <= start < o.end and o.label in {"ORG", "MISC"} for o in self.orgs)
        if not body or any(p.start <= start < p.end for p in self.persons):
            return None
        return f"{speaker} et {_with_determiner(self.text[:start], name)}"

    def _plural_groups(self) -> list[tuple[int, str, bool]]:
        """Plural groups of people or organisations: (offset, noun phrase, is a subject or agent).

        `d'influents sénateurs républicains`, `une cinquantaine de députés LREM`, `les syndicats`.
        """
        if self._groups is None:
            found: list[tuple[int, str, bool]] = []
            for t in self.doc:
                if t.pos_ != "NOUN" or self._in_quote(t.idx):
                    continue
                noun = t
                if t.morph.get("Number", []) != ["Plur"]:
                    # `une cinquantaine de députés`: the group noun's complement says who they are
                    inner = [
                        c for c in t.children if c.dep_ == "nmod" and c.i == t.i + 2 and c.pos_ == "NOUN"
                    ]
                    if not inner or t.text.lower() not in GROUP_NOUNS:
                        continue
                    noun = inner[0]
                    if noun.morph.get("Number", []) != ["Plur"]:
                        continue
                lemma = noun.lemma_.lower()
                if not (
                    lemma in ROLE_NOUNS
                    or lemma in GROUP_NOUNS
                    or lemma in ORG_NOUNS
                    or noun.text.lower() in ROLE_NOUNS
                ):
                    continue
                if t.dep_ in {"nmod", "conj"} and t.head.pos_ == "NOUN" and t.head.i < t.i:
                    continue  # a complement or a second conjunct: the group is the outer phrase
                tokens = list(self.doc[t.left_edge.i : t.right_edge.i + 1])
                while (
                    tokens and tokens[0].pos_ == "ADP" and tokens[0].text.lower() not in {"d'", "d’", "des"}
                ):
                    tokens = tokens[1:]
                kept: list[Token] = []
                for x in tokens:
                    if (
                        x.text in STOP_NP
                        or x.text.lower() in {"qui", "que", "qu'", "dont", "parmi"}
                        or x.pos_
                        in {
                            "VERB",
                            "AUX",
                        }
                    ):
                        break
                    kept.append(x)
                if not kept or kept[-1].i < t.i:
                    continue
                subject = t.dep_ in {"nsubj", "nsubj:pass", "obl:agent"} or (
                    t.i > t.head.i
                    and t.dep_ in {"obj", "appos"}
                    and self.lexicon.lemma(t.head.text) is not None
                )
                start = kept[0].idx
                found.append((start, self.text[start : kept[-1].idx + len(kept[-1].text)], subject))
            self._groups = found
        return self._groups

    def _named_as_subject(self, m: Mention) -> bool:
        """Whether a word of mention `m` is a subject in the parse."""
        return any(t.dep_ in SUBJECT_DEPS for t in self.tokens_between(m.start, m.end) if t.is_alpha)

    def _plural_antecedent(self, at: int, previous: list[tuple[int, str | None]], latest: bool) -> str | None:
        """`ils`, `ces derniers`: the latest plural group (a subject, unless `latest`) or group speaker."""
        here = self.sentence_index(at)
        events = [
            (c, sp)
            for c, sp in previous
            if sp and c <= at and (" et " in sp or sp.lower().startswith(("les ", "des ", "d'", "d’")))
        ]
        events += [
            (pos, np)
            for pos, np, subject in self._plural_groups()
            if pos < at and (subject or latest) and here - self.sentence_index(pos) <= 2
        ]
        # Persons named together in this sentence or the one before: `Jean Dupont et Marie Durand ont
        # signé la tribune. « ... », écrivent-ils` (a subject), `C'est le cas de X et Y` (no subject).
        together = [
            (p.start, joint, p.subject)
            for p in self.persons
            if 0 <= p.start < at
            and here - self.sentence_index(p.start) <= 1
            and " et " in (joint := self.joint_speakers(self.fullest_name(p.text), p.start))
        ]
        events += [(start, joint) for start, joint, subject in together if subject]
        for o in self.orgs:
            # `La CGT et SUD se sont dites réservées : elles ont appelé à`
            if o.label != "ORG" or not 0 <= o.start < at or here - self.sentence_index(o.start) > 1:
                continue
            if self._named_as_subject(o):
                bodies = self._joint_bodies(self._org_as_written(o), o.end)
                if bodies is not None:
                    events.append((o.start, bodies))
        if not events:
            # `les marins avaient formé un recours ... Ils estimaient`: a plural subject of this
            # sentence or the one before, whatever its noun, rather than an earlier singular speaker
            for t in reversed(self.doc[: self.tok_at[at] if self.tok_at[at] >= 0 else len(self.doc)]):
                if here - self.sentence_index(t.idx) > 1:
                    break
                det = [c for c in t.children if c.dep_ == "det" and c.i < t.i]
                if (
                    t.dep_ == "nsubj"
                    and t.pos_ == "NOUN"
                    and t.morph.get("Number", []) == ["Plur"]
                    and det
                    and det[0].text.lower() in {"les", "des", "ces"}
                    and t.text.lower() not in NON_AGENTS
                    and not self._in_quote(t.idx)
                ):
                    span = self.noun_phrase(det[0].i)
                    if span is not None:
                        return self.text[span[0] : span[1]]
            if together:
                return max(together)[1]  # persons named together, rather than one earlier speaker
            plural = [c for c in previous if c[1] and c[0] <= at]
            return plural[-1][1] if plural else None
        return max(events)[1]

    def _describe(
        self, mention: str, at: int, previous: list[tuple[int, str | None]] | None = None
    ) -> str | None:
        """Resolve a description (`le porte-parole du Kremlin`) to a person or to its fullest wording."""
        words = [w.lower() for w in re.findall(r"[\w'’-]+", mention)]
        det = words[0] if words else ""
        content = [re.sub(r"^[ld]['’]", "", w) for w in words]
        content = [w for w in content if w not in DETERMINERS | {"de", "du", "d", "l", ""}]
        # (`Le 45e président`: an ordinal is no head)
        heads = [w for w in content if w not in PRE_ADJ and not re.fullmatch(r"\d+(?:e|er|re|ère|ème)", w)]
        if not heads:
            return self.office_holder(mention) or mention  # (`le Premier`)
        head = heads[0]
        if head in _CIRCLE_NOUNS:
            # `l'entourage de la ministre`, `le cabinet du ministre`, `son entourage`: the circle around
            # someone speaks, not that person; as written (guideline §4.1)
            return mention
        if (
            content[0] in _ORDINALS
            and len(content) >= 2
            and re.search(rf"\b{re.escape(content[1])}s\b", self.text[max(0, at - 400) : at], re.IGNORECASE)
        ):
            # `Deux experts ... Le premier expert a décrit`: one of a group, told apart by its rank and
            # never named (guideline 4.1: the noun phrase as written)
            return mention
        article, undetermined = _bare(mention)
        if article.islower() and len(undetermined.split()) >= 2 and undetermined[:1].islower():
            wanted = normalise(undetermined)
            for o in self.orgs:
                # `la haute autorité` for `la Haute Autorité pour la transparence de la vie publique`:
                # the name the article writes capitalised, of which the description is the start
                written = normalise(o.text)
                if (
                    o.start >= 0
                    and o.text[:1].isupper()
                    and (written == wanted or written.startswith(wanted + " "))
                ):
                    return self._org_as_written(o)
        best_key: tuple[int, bool, bool, int] | None = None
        best_person: str | None = None
        # `une spécialiste`, `un député` introduce someone new: no earlier role is theirs, only the
        # role they are themselves in apposition with (`Susie Stringfellow, une femme de militaire`).
        indefinite = det in {"un", "une"}
        here = self.sentence_index(at)
        definite = det in {"le", "la", "l", "ce", "cet", "cette"} or det.startswith(("l'", "l’"))
        alike = role_alike().get(head, frozenset())
        wanted_gender = _description_gender(mention)
        rivals: set[str] = set()  # holders of the same role from another place
        for r in self.roles:
            if (r.head != head and (r.head not in alike or r.start > at)) or (
                indefinite
                and not (r.start >= 0 and abs(at - r.start) <= 120 and self.sentence_index(r.start) == here)
            ):
                continue
            if _former(content) != _former(r.words):
                continue  # `la nouvelle maire` is not `l'ancienne maire de Strasbourg Catherine Trautmann`
            placed = {w for w in content[1:] if _of_a_place(w)}
            if placed and not placed & r.words and any(_of_a_place(w) for w in r.words - {head}):
                rivals.add(r.person)
                continue  # `l'entraîneur nordiste` is not `l'entraîneur brestois, Yannick Tanguy`
            gender = self._gender(r.person) or r.gender
            if wanted_gender is not None and gender is not None and gender != wanted_gender:
                continue  # `la ministre ukrainienne` is not `le ministre allemand Jürgen Haas`
            score = len(set(content) & r.words) + (r.head != head)  # (`le comédien` for `l'acteur X`)
            complement = set(heads[1:]) - set(heads[:1]) if _COMPLEMENT.search(mention) else set()
            company = complement & _CORPORATE_NOUNS and r.words & _CORPORATE_NOUNS
            # `le président du club` for `Didier Morvan, président de l'US Castelnau`: a generic noun
            # stands for the body the role names
            generic = complement <= _STANDING_FOR_A_BODY
            if score == 1 and complement and r.words - {head} and not company and not generic:
                # `la maire du VIIe arrondissement` is not `la maire de Paris`; but `le patron du groupe`
                # is `le PDG de l'entreprise`
                continue
            before = r.start <= at
            # the same noun before a synonym (`le dirigeant` is `X, dirigeant`, not `Y, patron`)
            key = (score, r.head == head, before, r.start if before else -r.start)
            if best_key is None or key > best_key:
                best_key, best_person = key, r.person
        if best_person is None and not indefinite and (head not in ORG_NOUNS or head in ROLE_NOUNS):
            # (`le ministère des Affaires étrangères` is no `ministre des Affaires étrangères`)
            # Proper-noun complements (`la responsable de l'Unsa` for `X, secrétaire nationale de l'Unsa
            # Santé`): another role noun in the same organisation is the same person.
            proper = {
                normalise(w).removeprefix("l'").removeprefix("l’").removeprefix("d'").removeprefix("d’")
                for w in re.findall(r"[\w'’-]+", mention)[1:]
                if re.match(r"(?:[ldLD]['’])?[A-ZÀ-Þ]", w)
            }
            for r in self.roles:
                score = len(set(heads) & r.words)
                if (
                    score == 1
                    and head in ROLE_NOUNS
                    and r.head in ROLE_NOUNS
                    and proper & {normalise(w) for w in r.words}
                    and definite
                ):
                    score = 2
                if score >= 2 and det not in {"les", "des", "ces"}:
                    key = (score, r.head == head, r.start <= at, r.start if r.start <= at else -r.start)
                    if best_key is None or key > best_key:
                        best_key, best_person = key, r.person
        holder = self.office_holder(mention)
        if holder is not None and (
            best_person is None or (best_person != holder and self.holds_an_office(best_person))
        ):
            # (`Pour le chef du gouvernement, Nicolas Sarkozy est ...` read as an apposition: Nicolas
            # Sarkozy's offices are known, and this is not one of them)
            return holder
        if best_person is not None:
            return best_person
        if rivals and definite:
            # `L'entraîneur nordiste a regretté` after `a savouré l'entraîneur brestois, X` and `a pesté
            # Y`: the description sets its person against the other holder of the role; the latest
            # person speaking or acting since, who is not that holder
            here = self.sentence_index(at)
            since = [
                p
                for p in self.persons
                if 0 <= p.end <= at
                and (p.subject or p.speaks)
                and here - self.sentence_index(p.start) <= 2
                and self.fullest_name(p.text) not in rivals
                and self._may_be(self.fullest_name(p.text), wanted_gender)
            ]
            if since:
                return self.fullest_name(since[-1].text)
        if head in _ANONYMOUS_SOURCES and definite:
            # `selon cette source`, `assure ce proche de l'Elysée`: the unnamed source quoted before
            unnamed = [
                (c, sp)
                for c, sp in previous or []
                if sp and c <= at and (sp[:1].islower() or sp.split()[0].lower() in {"un", "une"})
            ]
            if unnamed:
                return max(unnamed)[1]
        if head in DOCUMENT_NOUNS:
            found = self._document_author(mention)
            if found is None and definite:
                # `indique le communiqué`, where the article writes `le communiqué commun des préfectures`
                for m in re.finditer(
                    r"\b"
                    + re.escape(head)
                    + r"(?:\s+[a-zéèêàçî]+)?\s+(?:de|du|des|d['’])[^,.;:!?«»“”\"()]{1,60}",
                    self.text,
                ):
                    if not self._in_quote(m.start()):
                        found = self._document_author(m.group(0))
                        if found is not None:
                            break
            return found
        kin_body = self._body_of_same_stem(head, content, at) if definite and not _person_noun(head) else None
        if kin_body is not None:
            return kin_body
        if (head in _GENERIC_BODIES or head in _CORPORATE_NOUNS) and definite:
            # `l'institution` after `L'Académie des sciences a publié ...`: the organisation named last
            here = self.sentence_index(at)
            bodies = [
                o
                for o in self.orgs
                if o.label == "ORG" and 0 <= o.start < at and here - self.sentence_index(o.start) <= 2
            ]
            if not bodies and head in _CORPORATE_NOUNS:
                # `le groupe de transports` four sentences after `la RATP`, `la société` after
                # `Adventure Line Productions` (tagged MISC): the last company named, not a platform
                bodies = [
                    o
                    for o in self.orgs
                    if o.label in {"ORG", "MISC"}
                    and 0 <= o.start < at
                    and here - self.sentence_index(o.start) <= 4
                    and o.text.lower() not in PLATFORMS
                    and normalise(o.text) not in MEDIA_NAMES
                ]
            if not bodies and head == "syndicat":
                # `Le syndicat a appelé à ...` four sentences after `lancé par l'Union nationale des
                # aiguilleurs du ciel (Unac)`: the last union named, by its name's first word
                bodies = [
                    o
                    for o in self.orgs
                    if o.label in {"ORG", "MISC"} and 0 <= o.start < at and o.text.split()[0] in _UNION_WORDS
                ]
            if bodies:
                return self._org_as_written(bodies[-1])
        if head in ORG_NOUNS:
            if head in MEDIA_NOUNS and definite:
                same_head = [
                    name
                    for m in re.finditer(
                        r"\b(?:[Ll]e|[Ll]a|[Ll]['’])\s*"
                        + re.escape(head)
                        + r"(?:\s+[a-zéèêàç][\w-]*)?\s+(?P<name>[A-ZÉÈ0-9][\w&'’-]*(?:[ -][A-ZÉÈ][\w&'’-]*)*)",
                        self.text[:at],
                    )
                    if not self._in_quote(m.start())
                    and (
                        name := self._named_after_head(self._entity_from(m.start(), m.start("name"), m.end()))
                    )
                    is not None
                ]
                if same_head:
                    # `la chaîne` after `a rapporté la chaîne satellitaire Al-Arabiya`: the medium given
                    # with the same noun wins over media named since
                    return self._org_full(same_head[-1])
                medium = self._latest_medium(at)
                if medium is not None:
                    return medium
                fuller = self._fullest_description(mention, head, at)
                if fuller != mention:
                    # `l'agence de notation Standard & Poor's`: the name it gives
                    named = re.search(r"\s([A-ZÉ][\w&'’.-]*)", fuller)
                    first_word = named.group(1) if named else None
                    for o in self.orgs:
                        if first_word and o.start < at and o.text.split()[0] == first_word:
                            return self._org_full(o.text)
                    return fuller  # `l'agence britannique` after `l'agence chargée de l'hygiène alimentaire`
                named_media = [
                    name
                    for pos, np, _ in self._described_subjects()
                    if pos < at and (name := self._named_after_head(np)) is not None
                ]
                if named_media:
                    # `le périodique` after `Le magazine 60 Millions de consommateurs a testé`
                    return self._org_full(named_media[-1])
                orgs = [
                    o
                    for o in self.orgs
                    if o.label in {"ORG", "MISC"} and o.end <= at and o.text.lower() not in PLATFORMS
                ]
                titled = [
                    o for o in orgs if re.match(r"(Le|La|Les|L'|L’)\s*[A-Z]", self.text[o.start - 4 : o.end])
                ]
                if titled or orgs:
                    return self._org_full((titled or orgs)[-1].text)
                later = [o for o in self.orgs if o.label in {"ORG", "MISC"} and o.start > at]
                if later:
                    return self._org_full(later[0].text)
            return self._fullest_description(mention, head, at)
        if det in {"ce", "cet", "cette"}:
            prior = [(c, sp) for c, sp in (previous or []) if sp and c <= at and self._is_person(sp)]
            gender = _DEFINITE_GENDER.get(det)
            fresh = self._just_introduced(at, gender)
            if fresh is not None and any(
                p.subject and self.fullest_name(p.text) == fresh and (not prior or p.start > prior[-1][0])
                for p in self.persons
                if 0 <= p.start < at
            ):
                # `Karim Benali, président de l'association, juge ... « ... », explique ce père de deux
                # enfants`: the person just introduced as a subject since the last speaker
                return fresh
            if prior:
                return prior[-1][1]
        if definite and det not in {"les", "ces"}:
            for _, sp in reversed(previous or []):
                sp_words = [re.sub(r"^[ld]['’]", "", w) for w in re.findall(r"[\w'’-]+", (sp or "").lower())]
                sp_heads = [
                    w
                    for w in sp_words
                    if w and w not in PRE_ADJ | {"le", "la", "un", "une", "ce", "cet", "cette"}
                ]
                if sp and sp[:1].islower() and len(sp_words) > 1 and sp_heads[:1] == [head]:
                    # `s'insurge le père` after `raconte le père de famille`: the unnamed speaker met
                    # before with the same noun, not the article's main named person
                    return sp
            introduced = self._introduced_unnamed(head, at)
            if introduced is not None:
                # `s'inquiète le riverain` after `Un riverain regarde la scène`: the person the article
                # introduced with that noun and never named, in their first words (guideline §4.1)
                return introduced
            # An unlinked role (`la maire`, `le chercheur marseillais`) is the person the article is
            # most about, of the role's gender when the determiner or the noun says it. (Preferring the
            # latest quoted speaker instead spread earlier pronoun errors on unseen articles.)
            person = None
            gender = _DEFINITE_GENDER.get(det)
            if gender is None and _description_gender(mention) == "f":
                # `l'élue`, `l'avocate`: the marked form says a woman (the masculine one may be generic)
                gender = "f"
            if gender is None:
                gender = self._mention_gender(mention, at)
            if head in _KIN_NOUNS and (
                (_COMPLEMENT.search(mention) is None and head not in _STATE_KIN)
                # (`la fille d'une des résidentes`: the relative of someone unnamed is unnamed)
                or re.search(r"\s(?:d['’]\s*une?|des)\s", mention) is not None
            ):
                # `a déclaré la mère` right after `Nadia, née le 17 septembre`: a relative of the person
                # just named, not that person; no apposition linked anyone to the noun (`la fille de
                # l'ex-président` says whose, and may be resolved)
                return self._fullest_description(mention, head, at)
            if head in ROLE_NOUNS:
                person = self._salient_person(at, gender)
                here = self.sentence_index(at)
                # The last speaker, when no one else was named since their cue
                last_at, last = next(((c, sp) for c, sp in reversed(previous or []) if sp), (at, None))
                if _COMPLEMENT.search(mention) or any(
                    last_at < p.start < at and self.fullest_name(p.text) != last for p in self.persons
                ):
                    last = None  # (`le chef de l'Etat` names an office of its own)
                near = [
                    p
                    for p in self.persons
                    if 0 <= p.end <= at
                    # (the last speaker may be two sentences back: `« A. B. », a expliqué le président X.
                    # « C. », a insisté le dirigeant`, the quote split into sentences)
                    and here - self.sentence_index(p.start) <= (2 if self.fullest_name(p.text) == last else 1)
                    and self._may_be(self.fullest_name(p.text), gender)
                    # (`l'accusé` is not `la présidente de la cour, X`: the noun's masculine form, where
                    # a feminine one exists, is no woman just introduced)
                    and not (
                        _description_gender(mention) == "m" and self._gender(self.fullest_name(p.text)) == "f"
                    )
                    and self._introduced_by_role(p)
                    # (not one spoken to: `a-t-elle confié à la journaliste X`, then `poursuit
                    # l'interprète du tube`)
                    and not (
                        (addressee := _ADDRESSEE_BEFORE.search(self.text[max(0, p.start - 40) : p.start]))
                        and addressee.group(1).lower() in ROLE_NOUNS
                    )
                ]
                if len({self.fullest_name(p.text) for p in near}) == 1:
                    # `estime l'élu` right after `le député LREM de la Manche Bertrand Sorre`: the one
                    # person just introduced by a role, not the article's main person
                    person = self.fullest_name(near[-1].text)
                elif (
                    self.name_after_description(mention, at) is None
                    and (fresh := self._just_introduced(at, gender)) is not None
                    and any(
                        p.subject and self.fullest_name(p.text) == fresh
                        for p in self.persons
                        if 0 <= p.start < at
                    )
                ):
                    # `Kevin Tanguy, 29 ans, rouvrira la boutique. Le jeune artisan a travaillé ...`: a
                    # description with no name after it is the one person first named as a subject in
                    # its sentence or the one before
                    person = fresh
                specific = _COMPLEMENT.search(mention) is not None
                quoted = {sp for _, sp in previous or []}
                quoted |= {
                    self.fullest_name(p.text) for p in self.persons if p.start < 0
                }  # named in the title
                here = self.sentence_index(at)
                quoted |= {  # a subject or speaker of this sentence or the two before
                    self.fullest_name(p.text)
                    for p in self.persons
                    if p.start >= 0
                    and (p.subject or p.speaks)
                    and 0 <= here - self.sentence_index(p.start) <= 2
                }
                if specific and (
                    person is None
                    or (person not in quoted and (gender is None or self._gender(person) != gender))
                    or self._in_another_trade(person, head, mention, at)
                ):
                    # `le responsable de la communication du groupe`, linked to nobody, and the article's
                    # main person neither quoted yet, nor in the title, nor a subject nearby, nor of the
                    # same gender: an unnamed person, written as the article describes them
                    return self._fullest_description(mention, head, at)
            if person is None and head in _AGE_NOUNS:
                # `souffle l'octogénaire` for `Germaine Le Luyer, 84 ans`
                person = self._of_age(_AGE_NOUNS[head], at, gender)
            if person is None and head not in ROLE_NOUNS:
                # `sourit le trentenaire` right after `Primo-accédant, Kevin Lemoine a signé`: the one
                # person the article has just introduced
                person = self._just_introduced(at, gender)
            # `assure la quadragénaire`: whoever of the description's gender the article is most about;
            # not for a body or a group named by a noun that is no person's (`indique la région
            # Nouvelle-Aquitaine`, `le mémorial d'Auschwitz`, `la famille du barman`)
            human = _person_noun(head.removeprefix("ex-")) or (  # (`l'ex-garde des Sceaux`)
                _of_a_place(head)
                and re.fullmatch(r"(?:le|la|l['’])\s*[A-ZÀ-Þ]\S+", mention.strip()) is not None
            )  # (`le Drômois`)
            named_body = re.search(r"\s(?:d['’]|de\s+|du\s+)?[A-ZÀ-Þ]", mention.strip()) is not None
            if human or not (named_body or head in GROUP_NOUNS):
                person = person or self._salient_person(at, gender)
            if person and not _names_in_complement(mention, person):
                return person
        fuller = self._fullest_description(mention, head, at)
        if fuller == mention and det in {"les", "ces"} and (head in ROLE_NOUNS or head in GROUP_NOUNS):
            # `ont écrit les élus` after `une cinquantaine de députés LREM ont réclamé`: the group
            # introduced as a subject in this sentence or the one before.
            here = self.sentence_index(at)
            groups = [
                (pos, np)
                for pos, np, subject in self._plural_groups()
                if subject
                and pos < at
                and here - self.sentence_index(pos) <= 1
                and normalise(np) != normalise(mention)
                # (`scandaient les grévistes` after `une cinquantaine de grévistes`: the same noun, a
                # group as written, guideline §4.1)
                and head not in re.findall(r"[\w-]+", np.lower())
            ]
            if groups:
                return groups[-1][1]
        return fuller

    def _body_of_same_stem(self, head: str, content: list[str], at: int) -> str | None:
        """`le régulateur` after `La Commission de régulation de l'énergie (CRE) a proposé`: the
        organisation named before whose name has a word of the same stem (five letters, accents
        aside) as the description's noun (not as its complement: `le ministère de l'Agriculture` is
        not `les Jeunes Agriculteurs`)."""
        if len(content) > 3 or len(head) < 6 or head in MEDIA_NOUNS or any(w in ROLE_NOUNS for w in content):
            return None  # (media are read below: `la chaîne` is the medium given with that noun)
        stems = {normalise(head)[:5]}
        found = None
        bodies = {o.text for o in self.orgs if o.label in {"ORG", "MISC"}}
        for o in self.orgs:
            if o.text not in bodies or not 0 <= o.start < at or not o.text[:1].isupper() or o.text.isupper():
                continue  # (`Météo-France` opening a sentence, tagged a place there, a body elsewhere)
            words = {normalise(w)[:5] for w in re.findall(r"[^\W\d_]{5,}", o.text)}
            if stems & words:
                found = o
        return self._org_as_written(found) if found is not None else None

    def _in_another_trade(self, person: str, head: str, mention: str, at: int) -> bool:
        """Whether `person` is someone the article gave another trade than the office `mention` names
        (`le ministre de l'Intérieur` is not `le maire, X`, nor `X, directeur de l'hôpital`); not for a
        former office, nor for a person named right after it in its sentence (`la porte-parole de la
        préfecture, la capitaine de frégate X`)."""
        if head not in _OFFICES or re.search(r"\bancienn?e?\b|\bex-", mention, re.IGNORECASE):
            return False
        held = [r for r in self.roles if r.person == person and _person_noun(r.head)]
        here = self.sentence_index(at)
        return (
            bool(held)
            and not any(head in r.words for r in held)
            and not any(
                at <= p.start and self.sentence_index(p.start) == here
                for p in self.persons
                if self.fullest_name(p.text) == person
            )
        )

    def _introduced_by_role(self, p: Mention) -> bool:
        """Whether a role noun comes just before the person's mention (`le député de la Manche X`) or
        is in apposition after it (`a rétorqué Maëlle Kervran, cheffe de file de l'opposition`)."""
        before = re.findall(r"[\w-]+", self.text[max(0, p.start - 60) : p.start].lower())[-6:]
        return any(w in ROLE_NOUNS for w in before) or any(
            r.start == p.start and r.head in ROLE_NOUNS for r in self.roles
        )

    def _introduced_unnamed(self, head: str, at: int) -> str | None:
        """The noun phrase that first brought in, before `at`, someone unnamed with noun `head`
        (`un riverain`, `une salariée de l'usine`, `son avocat`), or None; None too when a person
        first named after it may be them (`Une octogénaire de Lannion ... raconte Germaine Le Luyer`)."""
        for t in self.doc:
            if t.idx >= at:
                break
            if t.text.lower() != head or t.i == 0 or self._in_quote(t.idx):
                continue
            det = self.doc[t.i - 1]  # (`Un passant` is tagged an auxiliary, `Un manifestant` an adjective)
            if det.text.lower() not in {"un", "une", "son", "sa", "leur"}:  # (`Son avocat a annoncé`)
                continue
            span = self.noun_phrase(det.i)
            if span is None:
                continue
            known = {self.fullest_name(p.text) for p in self.persons if p.start < span[0]}
            if any(span[1] <= p.start < at and self.fullest_name(p.text) not in known for p in self.persons):
                return None
            return self.text[span[0] : span[1]]
        return None

    def _may_be(self, name: str, gender: str | None) -> bool:
        """Whether person `name` may have `gender` ('m', 'f', or None for either): no known other one."""
        return gender is None or self._gender(name) != ("m" if gender == "f" else "f")

    def _of_age(self, decade: int, at: int, gender: str | None) -> str | None:
        """The one person named before `at` with an age of that decade (`X, 84 ans`, `X (84 ans)`)."""
        found = set()
        for p in self.persons:
            age = _AGE_AFTER.match(self.text, p.end)
            if 0 <= p.start < at and age and int(age.group(1)) // 10 * 10 == decade:
                name = self.fullest_name(p.text)
                if self._may_be(name, gender):
                    found.add(name)
        return found.pop() if len(found) == 1 else None

    def _just_introduced(self, at: int, gender: str | None) -> str | None:
        """The one person first named in the sentence of `at` or the one before, of `gender` if known."""
        here = self.sentence_index(at)
        seen: set[str] = set()
        fresh: set[str] = set()
        for p in self.persons:  # (title persons first: start < 0)
            name = self.fullest_name(p.text)
            if p.start >= 0 and p.end <= at and name not in seen and here - self.sentence_index(p.start) <= 1:
                fresh.add(name)
            seen.add(name)
        fresh = {n for n in fresh if self._may_be(n, gender)}
        return fresh.pop() if len(fresh) == 1 else None

    def office_holder(self, mention: str) -> str | None:
        """`le Premier ministre` -> `Édouard Philippe`: the one holder of that office the article names.

        Offices and holders come from offices.txt; with the article's `year` known, only the holders in
        office that year count. Of several, the one the article itself links to the office (`son
        Premier ministre Édouard Philippe`) wins. None when the article names no holder or several,
        for former holders (`l'ancien Premier ministre`), and when the office is qualified further
        (`le président de la République tchèque`).
        """
        low = " ".join(mention.lower().replace("’", "'").split())
        lead = _OFFICE_LEAD.match(low)
        if lead is None:
            return None
        rest = low[lead.end() :]
        if _OFFICE_FORMER.match(rest):
            return None
        if rest == "premier" and mention.rstrip().endswith("Premier"):
            rest = "premier ministre"  # `a lancé le Premier`: the press's short form
        names = {self.fullest_name(p.text) for p in self.persons}

        def named_holders(office: Office) -> set[str]:
            """The article's persons who held `office` (in the article's year when known)."""
            return {
                n
                for n in names
                if any(_holds(n, h) and (self.year is None or h.in_office(self.year)) for h in office.holders)
            }

        found: set[str] = set()
        linked: set[str] = set()
        bare = rest.split()[0] if rest.split() else ""
        if (
            bare in _BARE_OFFICES
            and self.year is not None
            and all(w in _OFFICE_TAIL or not w[:1].isalpha() for w in rest.split()[1:2])
        ):
            # `le ministre` alone: the one person the article names who held some ministry that year
            for office in offices():
                if any(p.split()[0] == bare or p.split()[0] == bare.rstrip("e") for p in office.phrases):
                    found |= named_holders(office)
            return found.pop() if len(found) == 1 else None
        for office in offices():
            phrase = next(
                (p for p in sorted(office.phrases, key=len, reverse=True) if rest.startswith(p)), None
            )
            if phrase is None:
                continue
            tail = rest[len(phrase) :].split()
            if tail and tail[0][:1].isalpha() and tail[0] not in _OFFICE_TAIL:
                continue
            found |= named_holders(office)
            words = {re.sub(r"^[ld]'", "", w) for w in phrase.split()} - _SMALL_WORDS
            linked |= {r.person for r in self.roles if r.person in found and words <= r.words}
        if len(found) > 1 and len(linked) == 1:
            return linked.pop()
        return found.pop() if len(found) == 1 else None

    def holds_an_office(self, person: str) -> bool:
        """Whether `person` is a holder of any office in offices.txt (whose offices are then known)."""
        return any(_holds(person, h) for office in offices() for h in office.holders)

    def _mention_gender(self, mention: str, at: int) -> str | None:
        """Gender of the head noun of a description written at `at` (`l'élue` -> 'f')."""
        k = self.tok_at[at] if 0 <= at < len(self.tok_at) else -1
        if k < 0:
            return None
        for t in self.doc[k : k + 4]:
            if t.pos_ == "NOUN":
                return _noun_gender(t)
        return None

    def _document_author(self, mention: str) -> str | None:
        """Who issued the document `mention` names (`l'enquête de Contours Conseil`, `le communiqué de la
        mairie` -> `la mairie`), else None: a document's words without an author have no speaker."""
        author = re.search(
            r"\b(?:de|du|des|d['’])\s*((?:l['’]|la |le |les )?[A-ZÉ][\w'’&-]*(?:\s+[A-ZÉ][\w'’&-]*)*)",
            mention,
        )
        if author:
            return self._org_full(author.group(1))
        body = re.search(r"\b(?:(?:de|d['’])\s*(l['’]|la |le |les )|(du |des ))\s*([\w'’ -]+)$", mention)
        if body:
            noun = body.group(3).split()[0].lower() if body.group(3).split() else ""
            singular = noun[:-1] if noun.endswith("s") else noun
            if noun not in DOCUMENT_NOUNS and any(
                w in ORG_NOUNS or w in ROLE_NOUNS for w in (noun, singular)
            ):
                det = body.group(1) or {"du ": "le ", "des ": "les "}[body.group(2)]
                return det + body.group(3).strip()
        return None

    def _salient_person(self, at: int, gender: str | None = None) -> str | None:
        """The person the article is most about (subject mentions count double), for `la ministre`."""
        scores: dict[str, float] = {}
        # With a gender, persons known to have it come first (`le champion du monde` is Christian
        # Karembeu, not Adriana Karembeu whose first name says nothing to the lists).
        known = gender is not None and any(
            self._gender(self.fullest_name(p.text)) == gender for p in self.persons if p.start <= at
        )
        for p in self.persons:
            name = self.fullest_name(p.text)
            if not self._may_be(name, gender):
                continue
            if known and self._gender(name) != gender:
                continue
            bonus = 2.0 if p.subject else 1.0
            if p.start < 0:
                bonus = 2.0
            elif p.start > at:
                bonus *= 0.5
            scores[name] = scores.get(name, 0.0) + bonus
        if not scores:
            return None
        return max(scores.items(), key=lambda kv: kv[1])[0]

    def _fullest_description(self, mention: str, head: str, at: int) -> str:
        """`l'armée` -> `l'armée israélienne` when the article used that fuller phrase first."""
        if re.match(r"les\s", mention, re.IGNORECASE) and head in GROUP_NOUNS:
            return mention  # a group, as written (guideline §4.1): `les grévistes`
        best = mention
        for t in self.doc:
            if t.idx >= at:
                break
            if t.text.lower() != head or self._in_quote(t.idx):
                continue
            # (a name is never the complement of a fuller phrase: `Les États-Unis` is not `L'ambassade
            # des États-Unis à Nairobi`)
            climb = t.dep_ == "nmod" and t.head.dep_ in {"nsubj", "nsubj:pass"} and not t.text[:1].isupper()
            node = t.head if climb else t
            inverted = (
                node.i > node.head.i
                and node.dep_ in {"obj", "appos", "nsubj"}
                and self.lexicon.lemma(node.head.text) is not None
            )
            if (node.dep_ in {"nsubj", "nsubj:pass"} or inverted) and node.left_edge.i < t.i:
                piece = self.doc[node.left_edge.i : node.right_edge.i + 1]
                # The mention's own complement must be in the fuller phrase (an adjective need not).
                stop = {
                    "le",
                    "la",
                    "les",
                    "l",
                    "un",
                    "une",
                    "des",
                    "de",
                    "du",
                    "d",
                    "ce",
                    "cet",
                    "cette",
                    "ces",
                }
                complement = _COMPLEMENT.split(normalise(mention), maxsplit=1)[1:]
                words = {w for w in re.split(r"[\s'’]+", " ".join(complement)) if w and w not in stop}
                extends = words <= set(re.split(r"[\s'’]+", normalise(piece.text)))
                if (
                    len(piece) <= 8
                    and not any(x.is_punct or x.text in _DATE_WORDS for x in piece)
                    and len(piece.text) > len(mention)
                    and extends  # `la préfecture des Hauts-de-Seine` is not `la préfecture de police`
                ):
                    return piece.text
        named = {w for w in mention.split()[1:] if w[:1].isupper()}  # the names the mention gives
        for m in re.finditer(
            r"\b(?:(le|la|les|l['’])|(du|au))\s*" + re.escape(head) + r"\b",
            self.text[:at],
            re.IGNORECASE,
        ):
            if m.group(2):
                if not re.match(r"(?:le\s|l['’])", mention, re.IGNORECASE):
                    continue  # (`l'un des membres` is one of them, not the group)
                # `un courrier du ministère de la Santé`: the phrase with `le` for `du`
                k = self.tok_at[m.end() - len(head)]
                span = self.noun_phrase(k) if k >= 0 else None
                if span and span[0] == m.end() - len(head) and 3 + span[1] - span[0] > len(best):
                    best = "le " + self.text[span[0] : span[1]]
                    break
                continue
            k = self.tok_at[m.start()]
            if k < 0:
                continue
            span = self.noun_phrase(k)
            if (
                span
                and span[1] - span[0] > len(best)
                and span[0] == m.start()
                and named <= set(self.text[span[0] : span[1]].split())
            ):
                # (`la direction du groupe X` is not `la direction d'un plan de réorganisation`)
                best = self.text[span[0] : span[1]]
                break
        return best


@dataclass
class Cue:
    """Where the attribution of a quotation was found."""

    how: str
    cue: str | None = None
    cue_at: int = -1
    mention: str | None = None
    mention_at: int = -1


def _parsed_subject(t: Token) -> bool:
    """Whether the parse makes `t` a subject; not a second one after the verb (`X a rencontré Y mardi`,
    with Y parsed as a subject too: an object)."""
    if t.dep_ not in {"nsubj", "nsubj:pass"}:
        return False
    verb = t.head
    return not (t.i > verb.i and any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children))


def _holds(person: str, holder: Holder) -> bool:
    """Whether the name `person` (as the article writes it) is `holder` (`Philippe`, `Édouard Philippe`)."""
    n, f, s = normalise(person), normalise(holder.first), normalise(holder.last)
    return n in {s, f"{f} {s}"} or (n.startswith(f + " ") and n.endswith(" " + s))


def _skip(text: str, i: int, chars: str) -> int:
    while i < len(text) and text[i] in chars:
        i += 1
    return i


#: ` et ` and an organisation's name after a cue's mention: `la CGT` + ` et FO`, ` et la CFDT`.
_JOINT_BODY = re.compile(
    r"\s+et\s+(?:(?:la|le|les|l['’])\s*)?(?P<name>[A-ZÀ-Þ][\w&'’-]*(?:\s+[A-ZÀ-Þ][\w&'’-]*){0,3})"
)
#: A capitalised hyphenated name written as one token: `Météo-France`, `Dupont-Aignan`.
_HYPHENATED_NAME = re.compile(r"[A-ZÀ-Þ][\w'’]*(?:-[A-ZÀ-Þ][\w'’]*)+")
#: What follows a verb, not an adjective: its object's first word, or a colon before the words it
#: reports. After a speech-verb form the tagger read as an adjective (`Matignon vante une mesure
#: « ... »`, `Le syndicat déplore : « ... »`), they show it is the verb.
_AFTER_A_VERB = {
    "un", "une", "le", "la", "les", "l'", "l’", "des", "ce", "cette", "ces", "son", "sa", "ses", "leur",
    "leurs", "que", "qu'", "qu’", ":",
}  # fmt: skip


_PLACE_ADJECTIVE = re.compile(r"[a-zà-ÿ]{3,}(?:ois|oise|ais|aise|ien|ienne|iste|ain|aine)s?")


def _of_a_place(word: str) -> bool:
    """`brestois`, `nordiste`, `allemand`: an adjective of origin, which tells two holders of one role
    apart (`l'entraîneur lensois`, `l'entraîneur brestois`)."""
    return word in DEMONYMS or _PLACE_ADJECTIVE.fullmatch(word) is not None


def _is_age(doc: Doc, k: int) -> bool:
    """Whether tokens k and k + 1 give an age (`34 ans`), as in `X, 34 ans, ...`."""
    return k + 1 < len(doc) and doc[k].like_num and doc[k + 1].text == "ans"


def _first_name_gender(name: str) -> str | None:
    """'f' or 'm' when the name opens on a common first name of that gender (`Chloé`, `Jean-Pierre
    Maulnier`: a compound first name has the gender of its first part), else None."""
    first = normalise(name.split()[0]) if name.split() else ""
    for word in (first, first.split("-")[0]):  # (accents dropped: `Elodie` is `Élodie`)
        if word in _FEMALE_PLAIN:
            return "f"
        if word in _MALE_PLAIN:
            return "m"
    return None


_FEMALE_PLAIN = frozenset(normalise(n) for n in FEMALE_NAMES)
_MALE_PLAIN = frozenset(normalise(n) for n in MALE_NAMES)


def _person_noun(word: str) -> bool:
    """Whether `word` is a noun for a person: a role, an age, a kin or a nationality noun."""
    return any(word in nouns for nouns in (ROLE_NOUNS, _AGE_NOUNS, _KIN_NOUNS, DEMONYMS))


def _describes_a_person(mention: str) -> bool:
    """A person described, not named: `le voisin`, `la quadragénaire` (not `le gouvernement`)."""
    found = re.match(r"(?:[Ll]es?|[Ll]a|[Ll]['’]|[Uu]ne?)\s*([a-zà-ÿ][\w-]*)", mention.strip())
    return found is not None and _person_noun(found.group(1))


def _asked_by(t: Token) -> bool:
    """`Interrogée par l'AFP, une ouvrière raconte :`: a participle of asking before `par` names who
    asked, not who speaks."""
    low = t.text.lower()
    return (
        low.rstrip("es").endswith("é")
        and low[: low.rindex("é")] in {"interrog", "questionn", "interview", "sond"}
        and t.i + 1 < len(t.doc)
        and t.doc[t.i + 1].text.lower() == "par"
    )


def _names_in_complement(mention: str, person: str) -> bool:
    """Whether a description's complement is `person` (`la porte-parole de Marie Dupont`, `l'avocat
    d'Emmanuel Macron`, `la porte-parole de Dupont`): the role of someone is not that someone."""
    titles = {"m.", "mme", "mlle", "me", "dr", "pr", "mgr"}  # (`l'avocate de Mme Dupont`)
    words = [w for w in normalise(mention).replace("’", "'").split() if w not in titles]
    names = normalise(person).split()
    for first in (names[:1], names[-1:]):  # (the name from its first word, or the surname alone)
        for i, w in enumerate(words):
            if first and (
                w == f"d'{first[0]}" or (w == first[0] and i > 0 and words[i - 1] in {"de", "du", "des"})
            ):
                return True
    return False


class Attributor:
    """Runs the attribution rules over the quotation spans of one article (body or title)."""

    def __init__(self, ctx: ArticleContext, names: ArticleContext | None = None) -> None:
        self.ctx = ctx
        # Names are resolved against the body even for the title.
        self.names = names or ctx
        self.lex = ctx.lexicon
        self.text = ctx.text

    def _known_surname(self, word: str) -> bool:
        """Whether a person of the article (the body's, for a title) bears `word` as surname."""
        return any(name_parts(p.text)[-1:] == name_parts(word) for p in self.names.persons)

    # -- cue words -----------------------------------------------------------------------------
    def is_speech(self, t: Token) -> bool:
        low = t.text.lower().replace("’", "'")
        if low in {"a", "est", "été"}:
            return False
        if (
            (self.lex.lemma(low) or self.lex.lemma(t.lemma_)) in _REFLEXIVE_JUDGEMENTS
            and t.i > 0
            and t.doc[t.i - 1].text.lower().replace("’", "'") in {"se", "s'"}
        ):
            return False  # `M. Dhlakama se considérait comme un « perdant »`: how he sees himself
        if self.lex.lemma(low) is not None:
            return t.pos_ in {"VERB", "AUX", "ADJ", "NOUN", "ADV", "PROPN", "X", "INTJ"} or True
        return t.pos_ == "VERB" and self.lex.lemma(t.lemma_) is not None

    def _np_at(self, k: int) -> tuple[str, int] | None:
        """The subject noun phrase (or person/organisation name) starting at token k."""
        k = self._compound_start(k)
        found = self._np_at_raw(k)
        if found is None or self.ctx.in_link(found[1]):
            return None  # (`Lire aussi : X au Conseil européen` glued to the next sentence names no one)
        text, start = found
        doc = self.ctx.doc
        if self.ctx.fronted_participle(k) and start == doc[k].idx and len(text) == len(doc[k].text):
            return self._np_at(k + 2)  # `Sollicitée, la région Nouvelle-Aquitaine indique`: the subject
        if len(re.findall(r"[^\W\d_]", text)) < 2:
            return None  # `37%` is not a speaker
        end = start + len(text)
        hyphen = re.match(r"[-‐][A-ZÉ][\w'’]+", self.text[end : end + 40])
        if hyphen and text[-1:].isalpha():
            text = self.text[start : end + hyphen.end()]  # `Cohn` + `-Bendit`
        demonstrative = re.match(r"[-‐](?:ci|là)\b", self.text[end : end + 4])
        if demonstrative and text.lower() in {"celui", "celle", "ceux", "celles"}:
            text = self.text[start : end + demonstrative.end()]  # `Celle` + `-ci`
        return text, start

    def _compound_start(self, k: int) -> int:
        """`Le chef d'état-major` parsed with `major` as the subject: the noun phrase whose hyphenated
        compound ends at token k starts at `Le`."""
        doc = self.ctx.doc
        c = k
        while (
            c >= 2
            and doc[c - 1].text in {"-", "‐"}
            and doc[c - 1].idx + 1 == doc[c].idx
            and doc[c - 2].idx + len(doc[c - 2].text) == doc[c - 1].idx
            and doc[c - 2].text[:1].isalpha()
        ):
            c -= 2
        if c == k:
            return k
        head = doc[c].head
        if (
            head.i < c
            and head.pos_ == "NOUN"
            and all(t.pos_ in {"DET", "NOUN", "ADJ", "ADP"} for t in doc[head.left_edge.i : c])
        ):
            return head.left_edge.i
        return c

    def _np_at_raw(self, k: int) -> tuple[str, int] | None:
        doc = self.ctx.doc
        if k >= len(doc):
            return None
        t = doc[k]
        if (
            t.text.lower() in {"le", "la"}
            and k + 2 < len(doc)
            and doc[k + 1].text.lower().rstrip(".") in {"dr", "pr", "mgr"}
        ):
            k, t = k + 1, doc[k + 1]  # `le Dr X`: the name, as after `Dr`
        if t.text.lower().rstrip(".") in {"m", "mme", "mlle", "me", "dr", "pr", "mgr"} and k + 1 < len(doc):
            rest = self._np_at_raw(k + 1)
            if rest and rest[0][:1].isupper():
                return rest
            j = k + 1
            while j < len(doc) and doc[j].text[:1].isupper() and doc[j].text.replace("-", "").isalpha():
                j += 1
            if j > k + 1:  # `a assuré M. Bas`: the surname tagged as no name (`bas`)
                return self.text[doc[k + 1].idx : doc[j - 1].idx + len(doc[j - 1].text)], doc[k + 1].idx
        if t.text.lower() in {"le", "la", "les", "l'", "l’"}:
            for ent in self.ctx.ents:
                if (
                    ent.start == k + 1
                    and ent.label_ == "ORG"
                    and 2 < len(ent) <= 6
                    and not any(x.pos_ in {"VERB", "AUX"} for x in ent)
                    and not self.ctx._in_quote(ent.start_char)
                ):
                    # `le Service européen pour l'action extérieure`: the organisation's whole name,
                    # where the noun phrase would cut it (at `pour`)
                    end = self.ctx._word_end(ent.end_char)
                    phrase = self.ctx.noun_phrase(k)
                    if phrase is not None and phrase[1] < end:
                        return self.text[t.idx : end], t.idx
        for ent in self.ctx.ents:
            if ent.start <= k < ent.end:
                if t.pos_ == "DET":
                    break
                if ent.label_ == "PER":
                    person = self.ctx._clean_person(ent)
                    if person:
                        return person.text, person.start
                if len(ent) > 6 or any(x.pos_ in {"VERB", "AUX"} for x in ent):
                    break  # an entity swallowing a clause is an NER error
                end = self.ctx._word_end(ent.end_char)
                if ent.label_ == "LOC" and len(ent) == 1:
                    # `France Loiselle`: a first name that is also a place, the name goes on
                    nxt = ent.end
                    while (
                        nxt < len(doc)
                        and nxt - ent.start < 4
                        and doc[nxt].text[:1].isupper()
                        and doc[nxt].text.isalpha()
                        and doc[nxt].pos_ in {"PROPN", "X", "NOUN"}
                        and doc[nxt].ent_type_ in {"", "PER"}
                        and doc[nxt].idx == doc[nxt - 1].idx + len(doc[nxt - 1].text) + 1
                    ):
                        end = doc[nxt].idx + len(doc[nxt].text)
                        nxt += 1
                # `le Kremlin`: keep the determiner written before it.
                return self.text[t.idx : end], t.idx
        span = self.ctx.noun_phrase(k)
        if span is None:
            return None
        start, end = span
        return self.text[start:end], start

    def _inverted_after_incise(
        self, verb: Token, parsed: tuple[str, int] | None, *, for_participle: bool = False
    ) -> tuple[str, int] | None:
        """`Une déroute qui ..., a analysé le conseiller de Paris`: after a comma, a verb followed by a
        person or body is an incise whose subject is inverted; the thing the parser made its subject
        before the comma (`Une déroute`) names no one. A participle after the incise (`Il a reçu sa
        convocation, a indiqué son avocat, précisant que`) has the incise's subject, whatever the
        clause's own subject. None unless that holds."""
        aux = [c.idx for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
        if parsed is None or not self.text[: min([verb.idx, *aux])].rstrip().endswith(","):
            return None
        words = [w for w in re.findall(r"[\w'’-]+", parsed[0]) if w.lower() not in DETERMINERS]
        agent = not words or words[0][:1].isupper() or self._is_agent(" ".join(words))
        if agent and not for_participle:
            return None
        after = self._subject_after(verb.i + 1, self.ctx.sentence_of(verb.idx)[1])
        if after is None or not self._is_agent(after[0]) or after[1] >= self._next_quote_open(verb.idx):
            return None
        return after

    def _subject_after(self, k: int, limit: int) -> tuple[str, int] | None:
        """Subject written after an inverted cue verb: skip `à l'AFP`, `mardi`, `dans un communiqué`."""
        doc = self.ctx.doc
        while k < len(doc) and doc[k].idx < limit:
            t = doc[k]
            low = t.text.lower()
            phrase = _ADVERBIAL_PHRASE.match(self.ctx.text, t.idx)
            if phrase:  # `a avancé de son côté le général X`, `commente quant à lui le député X`
                while k < len(doc) and doc[k].idx < phrase.end():
                    k += 1
                continue
            if (low in ADVERBS or t.pos_ == "ADV" or t.text in {"-"}) and low not in _SKIPPED_PREPS:
                k += 1  # (`auprès`, tagged ADV, opens a phrase to skip whole below)
                continue
            if t.text == "(":
                close = next((j for j in range(k + 1, min(k + 8, len(doc))) if doc[j].text == ")"), None)
                if close is not None:
                    k = close + 1  # `a déclaré au Journal du dimanche (JDD) le président`: a gloss
                    continue
            if t.like_num and k + 1 < len(doc) and doc[k + 1].text.lower() in _MONTHS:
                k += 2  # `a indiqué mardi 9 juin Matignon`: a date, not the subject
                continue
            if (
                low in {"le", "ce"}
                and k + 2 < len(doc)
                and doc[k + 1].like_num
                and doc[k + 2].text.lower() in _MONTHS
            ):
                k += 3  # `a prévu le 23 septembre X`: a date with its article
                continue
            if low in _SKIPPED_PREPS:
                # skip the prepositional phrase: ADP DET? NOUN/PROPN+ (`sans détour`, `pour France Inter`,
                # `avec prudence`: manner and addressee phrases between the verb and its subject)
                k += 1
                while k < len(doc) and doc[k].pos_ in {"DET", "ADP"} and doc[k].ent_iob_ != "B":
                    k += 1
                if k < len(doc) and doc[k].ent_iob_ == "B":
                    # `à l'AFP Josh Gourlay`, `sur Twitter Florian Klenk` tagged as one entity: the name
                    # follows the acronym or the platform
                    acronym = doc[k].text.isupper() and len(doc[k].text) >= 2
                    acronym = acronym or doc[k].text.lower() in PLATFORMS
                    k += 1
                    if acronym and k < len(doc) and doc[k].ent_iob_ == "I" and doc[k].text[:1].isupper():
                        continue
                    while k < len(doc) and doc[k].ent_iob_ == "I":
                        k += 1
                    if (
                        k + 1 < len(doc)
                        and doc[k].ent_iob_ == "O"
                        and doc[k].text in self._places()
                        and doc[k + 1].text[:1].isupper()
                    ):
                        k += 1  # `à France Bleu Paris Michel Le Gall`: a regional edition's place
                    else:
                        # `à France 3 Bourgogne-Franche-Comté le député`: the edition's region, then
                        # the subject with its determiner
                        j = k
                        while (
                            j < len(doc)
                            and doc[j].ent_type_ != "PER"
                            and (doc[j].text[:1].isupper() or doc[j].text == "-")
                        ):
                            j += 1
                        if (
                            k < j + 1 < len(doc)
                            and doc[j].pos_ == "DET"
                            and doc[j].text[:1].islower()
                            and doc[j + 1].pos_ == "NOUN"
                            and doc[j + 1].text[:1].islower()
                        ):
                            k = j
                    continue
                while k < len(doc) and (
                    doc[k].pos_ in {"NOUN", "ADJ", "NUM"}
                    or (
                        doc[k].text.lower() in NP_PREPS
                        and k + 1 < len(doc)
                        and doc[k + 1].pos_ in {"NOUN", "DET"}
                    )
                    or (doc[k].pos_ == "DET" and doc[k - 1].text.lower() in NP_PREPS)
                ):
                    k += 1
                continue
            if t.text in STOP_NP or self.ctx._in_quote(t.idx) or any(c in t.text for c in '«»“”"'):
                return None  # (`l'"incertitude`: a token glued to a quotation mark opens the quote)
            if t.pos_ in {"DET", "NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"} or t.text[:1].isupper():
                np = self._np_at(k)
                if np is not None and np[0][:1].islower():
                    # `a indiqué la procureure de Bastia, Caroline Tharot`: the name that follows
                    return self._trailing_person(np[1] + len(np[0]), limit) or np
                return np
            return None
        return None

    def _inverted_clitic(self, verb: Token) -> tuple[str, int] | None:
        """The pronoun inverted after the verb or a verb it depends on (`Aucun lien de parenté, tient-il
        à préciser en souriant :`): the subject, whatever noun phrase opens the sentence."""
        t = verb
        for _ in range(3):
            for c in t.children:
                # (the parser may leave it unattached: `explique` + `-t` + `-elle`, as `dep`)
                attached = c.dep_ in SUBJECT_DEPS or (c.dep_ == "dep" and c.i <= t.i + 2)
                if attached and c.i > t.i and _INVERTED_CLITIC.fullmatch(c.lower_):
                    return c.text, c.idx
            if t.head.i == t.i or t.dep_ not in {"xcomp", "obl:mod", "advcl"}:
                break
            t = t.head
        return None

    def _places(self) -> set[str]:
        """One-word place names the article's entities give (`Paris`)."""
        return {e.text for e in self.ctx.ents if e.label_ == "LOC" and len(e) == 1}

    def _subject_of(self, verb: Token, region_start: int) -> tuple[str, int] | None:
        """The subject of cue verb `verb` by the parse, or the nearest name before it."""
        doc = self.ctx.doc
        aux = [c.idx for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
        verb_start = min([verb.idx, *aux])
        lead = self._appositive_person(region_start, verb_start)
        if lead is not None and self.text[region_start:verb_start].rstrip().endswith(","):
            return lead
        shared = self._coordinated_relative(verb, region_start)
        if shared is not None:
            return shared
        heads = [verb]
        infinitive = verb.morph.get("VerbForm", []) == ["Inf"] or any(
            c.dep_.startswith("aux") and c.morph.get("VerbForm", []) == ["Inf"] for c in verb.children
        )  # `dire`, `avoir dit`
        if (
            verb.dep_ in {"xcomp", "conj"} or (infinitive and verb.dep_ == "advcl")
        ) and verb.head.i != verb.i:
            heads.append(verb.head)
            # `Il annonce vouloir s'assurer que`, `X publiera ... après avoir évoqué`: an infinitive's
            # subject is that of the verb it completes
            while (
                infinitive
                and heads[-1].dep_ == "xcomp"
                and heads[-1].head.i != heads[-1].i
                and len(heads) < 4
            ):
                heads.append(heads[-1].head)
            if infinitive:
                heads = heads[1:]  # an infinitive has no subject of its own: a `nsubj` under it is a misparse
        elif (
            verb.dep_ == "advcl"
            and verb.head.i < verb.i
            and any(
                c.dep_.startswith("aux") and c.morph.get("VerbForm", []) == ["Fin"] for c in verb.children
            )
            and not self.text[:verb_start].rstrip().endswith(",")  # `, a annoncé X`: an inverted incise
        ):
            # `le comité mis en place par les autorités a estimé`: a conjugated verb parsed as an adverbial
            # clause of the participle before it shares that participle's subject; but not when a noun
            # phrase after a comma opens its own clause (`Alors que X est attendu, les syndicats ont
            # condamné`, `syndicats` parsed as a complement of `attendu`)
            clause = self._clause_subject(verb, region_start)
            if clause is not None and clause[1] > verb.head.idx:
                return clause
            heads.append(verb.head)
        sentence_start = max(self.ctx.sentence_of(verb_start)[0], region_start)
        if _RELATIVE_LEAD.match(self.text[sentence_start:verb_start]) and not any(
            c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children
        ):
            # `La préfecture, qui gère le dossier depuis mars, déplore :`, the verb parsed under the
            # relative clause or as its noun's conjunct: the subject is the noun phrase opening the sentence
            k = self.ctx.tok_at[_skip(self.text, sentence_start, " \u00a0\n")]
            found = self._np_at(k) if k >= 0 else None
            if found is not None and self._is_agent(found[0]):
                return found
        for child in verb.children:
            if child.dep_ == "obl:agent" and child.i > verb.i and not self.ctx._in_quote(child.idx):
                first = child.left_edge.i + (1 if child.left_edge.pos_ == "ADP" else 0)
                agent = self._np_at(first)
                if agent is not None:
                    return agent
        agent = self._passive_agent(verb)
        if agent is not None:
            return agent
        clitic = self._inverted_clitic(verb)
        if clitic is not None:
            return clitic
        for h in heads:
            for child in h.children:
                if child.dep_ in SUBJECT_DEPS and self.ctx._in_quote(child.idx) and child.i < h.i:
                    named = self._quoted_name_at(child.idx)
                    if named is not None:
                        return named  # `« 60 millions de consommateurs » souligne`
                if child.dep_ in SUBJECT_DEPS and not self.ctx._in_quote(child.idx) and child.i < h.i:
                    colon = child.right_edge.i + 1
                    if (
                        colon < h.i
                        and doc[colon].text == ":"
                        and any(c.dep_ in SUBJECT_DEPS and colon < c.i < h.i for c in h.children)
                    ):
                        continue  # `SNCF : Gérald Darmanin annonce`: a topic before the colon, not the subject
                    if self._detached_apposition(child, h):
                        continue  # `Fils d'un cadre, il reconnaît`: the subject is `il`
                    if child.is_punct:
                        continue  # (the hyphen of `Côtes-d'Armor` parsed as the subject)
                    low = child.text.lower()
                    if low in {"qui"} and h.dep_ == "acl:relcl":
                        k = child.i - 1 if child.i > 0 and doc[child.i - 1].text != "," else child.i - 2
                        before = doc[k] if k >= 0 else child
                        if (
                            before.ent_type_ == "PER"
                            and h.head.pos_ == "NOUN"
                            and h.head.i < before.i
                            and not self._agent_noun(h.head)
                        ):
                            # `Malgré la compréhension de Kamel qui estime`, `la colère de X, qui affirme`:
                            # the relative clause hung on a noun that cannot speak; its `qui` is the
                            # person named right before it
                            person = next(e for e in doc.ents if e.start <= before.i < e.end)
                            found = self._np_at(person.start)
                            if found is not None:
                                return found
                        first = h.head.left_edge.i
                        while first < h.head.i and child.doc[first].pos_ == "ADP":
                            first += 1  # `selon l'OCDE qui appelle`: the antecedent without its preposition
                        return self._np_at(first)
                    if low in _NOT_SUBJECTS:
                        continue
                    if low == "lui" and child.i + 1 < len(doc) and doc[child.i + 1].pos_ in {"AUX", "VERB"}:
                        continue  # `, lui a rétorqué le président`: a dative clitic, the subject comes after
                    if low in {"nous", "vous"} and child.i >= 2:
                        # `ce dernier nous a confié`: an object clitic after the subject the parser missed
                        pair = doc[child.i - 2 : child.i]
                        if f"{pair[0].text.lower()} {pair[1].text.lower()}" in LATEST:
                            return self.text[pair[0].idx : pair[1].idx + len(pair[1].text)], pair[0].idx
                        if pair[1].text.lower() in {"il", "elle", "ils", "elles"}:
                            return pair[1].text, pair[1].idx
                    det = child.doc[child.i - 1] if child.i > 0 else child
                    demonstrative = f"{det.text.lower()} {low}"
                    if demonstrative in LATEST or demonstrative in PLURAL_PRONOUNS:
                        return self.text[det.idx : child.idx + len(child.text)], det.idx  # `ces derniers`
                    if child.pos_ == "PRON" or low in PRONOUNS:
                        end = child.idx + len(child.text)
                        near = re.match(r"\s*[-‐]\s*(?:ci|là)\b", self.text[end : end + 6])
                        if near and low in {"celui", "celle", "ceux", "celles"}:
                            return self.text[child.idx : end + near.end()], child.idx  # `Celle` + `-ci`
                        return child.text, child.idx
                    first = max(child.left_edge.i, self._sentence_first_token(child))
                    # (`..., les Amis de la Terre ont souligné`: the comma hangs on the subject)
                    while first < child.i and doc[first].is_punct:
                        first += 1
                    res = self._np_at(first)
                    incise = self._inverted_after_incise(h, res)
                    if incise is not None:
                        return incise
                    if child.ent_type_ != "PER":
                        lead = self._appositive_person(region_start, child.idx)
                        if lead is not None:
                            return lead
                    if res is not None:
                        trailing = self._trailing_person(res[1] + len(res[0]), verb.idx)
                        return trailing or self._appositive_name(res, verb.idx) or res
        # No parse subject: inverted subject right after the verb (`comme l'a dit X`) ...
        after = None if infinitive else self._subject_after(verb.i + 1, self.ctx.sentence_of(verb.idx)[1])
        lead_in = self.text[self.ctx.sentence_of(verb_start)[0] : verb_start]
        lead_words = re.findall(r"[\w'’-]+", lead_in)
        inverted = (
            not lead_words
            # (a dative clitic may come first: `« ... », lui a rétorqué le président`)
            or re.search(r"[,;:«»“”\"(]\s*(?:(?:lui|leur|nous|vous|me|te)\s+|[mt]['’])?$", lead_in)
            is not None
            or re.search(
                r"\b(?:comme|que|qu['’]|où|ainsi)\s+(?:l['’]|le\s+|la\s+|les\s+|nous\s+|lui\s+)?$", lead_in
            )
            is not None
        )
        if after is not None and not inverted and verb.dep_ not in {"parataxis"}:
            # `X a complété cette somme par « ... »`, subject untagged: the noun phrase after a verb in
            # the middle of a clause is its object; only an incise or `comme l'a dit` inverts
            after = None
        if after is not None and after[1] < self._next_quote_open(verb.idx):
            return after
        # ... or a noun phrase right before it, opening the clause (`, la chaîne à capitaux saoudiens a
        # indiqué que`) ...
        clause = self._clause_subject(verb, region_start)
        if clause is not None:
            return clause
        # ... or the nearest person / pronoun before it in the sentence.
        for j in range(verb.i - 1, -1, -1):
            t = doc[j]
            if t.idx < region_start:
                break
            if t.text.lower() in PRONOUNS and t.pos_ == "PRON":
                if j >= 2 and f"{doc[j - 2].text} {doc[j - 1].text}".lower() == "quant à":
                    continue  # `The Standard a, quant à lui, indiqué`: the subject comes before
                return t.text, t.idx
            if t.ent_type_ in {"PER", "ORG"}:
                while j > 0 and doc[j].ent_iob_ == "I" and doc[j - 1].idx >= region_start:
                    j -= 1  # the whole entity (`L'AP-HP`), not its last token
                return self._np_at(j)
        return None

    def _quoted_name_at(self, at: int) -> tuple[str, int] | None:
        """The quotation around offset `at` when it is a name set directly before a verb, as a subject:
        `« 60 millions de consommateurs » souligne que`."""
        for span in self.ctx.spans:
            if span.open_at <= at <= span.close_at:
                return (
                    (self.text[span.start : span.end], span.start) if quoted_name(self.text, span) else None
                )
        return None

    def _passive_agent(self, verb: Token) -> tuple[str, int] | None:
        """`Une annonce qualifiée par l'AFMT d'« immense soulagement »`, `qualifiée d'« inacceptable » par
        les syndicats`: a `par` phrase right after a past participle, or right after the quotation that
        completes it, is its agent, whatever the parser hung it on."""
        if verb.morph.get("VerbForm", []) != ["Part"] or verb.morph.get("Tense", []) != ["Past"]:
            return None
        at = verb.idx + len(verb.text)
        lead = re.match(r"\s*(?:d['’]|de\s|comme\s)\s*", self.text[at:])
        if lead is not None:
            opened = next((s for s in self.ctx.spans if s.open_at == at + lead.end()), None)
            if opened is not None:
                at = opened.close_at + 1
        agent = re.match(r"\s*par\s+", self.text[at:])
        if agent is None:
            return None
        k = self.ctx.tok_at[at + agent.end()]
        if k < 0 or self.ctx.doc[k].pos_ not in {"DET", "PROPN", "NOUN"}:
            return None
        return self._np_at(k)

    def _detached_apposition(self, child: Token, verb: Token) -> bool:
        """`Fils d'un père cadre, il grandit`, `Ancienne ministre, elle affirme`: a noun set off by a
        comma before the verb's other subject is a detached apposition to that subject (or a heading
        glued to the sentence: `Aucune rançon, selon Paris` + `Interrogé ..., le Quai d'Orsay a affirmé`),
        not the subject."""
        doc = self.ctx.doc
        comma = child.right_edge.i + (doc[child.right_edge.i].text != ",")
        return (
            child.pos_ in {"NOUN", "ADJ"}
            and comma < verb.i
            and doc[comma].text == ","
            and any(c.dep_ in SUBJECT_DEPS and comma < c.i < verb.i for c in verb.children)
        )

    def _coordinated_relative(self, verb: Token, region_start: int) -> tuple[str, int] | None:
        """`X qui parle de « ... » et exige la « démission »`: a verb coordinated with `et` right after a
        relative clause in `qui` shares its subject, the antecedent, whatever the parse attached it to."""
        doc = self.ctx.doc
        k = verb.i - 1
        while k >= 0 and (doc[k].text.lower() in AUXILIARIES or doc[k].pos_ == "ADV"):
            k -= 1
        if k < 0 or doc[k].text.lower() != "et":
            return None
        sent_start = min(region_start, self.ctx.sentence_of(verb.idx)[0])  # earlier quotes may lie between
        for j in range(k - 1, -1, -1):
            t = doc[j]
            if t.idx < sent_start or t.text in {".", ";", ":"}:
                return None
            if t.pos_ not in {"VERB", "AUX"} or t.dep_ in {"aux:tense", "aux:pass", "cop"}:
                continue
            qui = [c for c in t.children if c.text.lower() == "qui" and c.dep_ in SUBJECT_DEPS and c.i < t.i]
            if not qui:
                return None  # another clause in between
            before = qui[0].i - 1  # the antecedent ends right before `qui`
            for m in self.ctx.persons + self.ctx.orgs:
                if m.start >= 0 and before >= 0 and m.start <= doc[before].idx < m.end:
                    return m.text, m.start
            if t.dep_ != "acl:relcl":
                return None
            first = t.head.left_edge.i
            while first < t.head.i and doc[first].pos_ == "ADP":
                first += 1
            return self._np_at(first)
        return None

    def _clause_subject(self, verb: Token, region_start: int) -> tuple[str, int] | None:
        """A determiner-led noun phrase between a comma (or the region start) and the verb's auxiliary:
        the subject the parse missed."""
        doc = self.ctx.doc
        j = verb.i - 1
        while j >= 0 and (doc[j].text.lower() in AUXILIARIES or doc[j].pos_ in {"ADV", "AUX"}):
            j -= 1
        end = j
        while (
            j >= 0
            and doc[j].idx >= region_start
            # (a hyphen inside a word the tokenizer split is no stop: `des Côtes-d'Armor`)
            and (doc[j].text not in STOP_NP or (doc[j].text == "-" and j > 0 and not doc[j - 1].whitespace_))
        ):
            if doc[j].pos_ in {"VERB", "AUX", "PRON", "SCONJ"} or self.ctx._in_quote(doc[j].idx):
                return None
            j -= 1
        first = j + 1
        if first > end or doc[first].pos_ != "DET" or doc[end].pos_ not in {"NOUN", "PROPN", "ADJ"}:
            return None
        return self._np_at(first)

    def _trailing_person(self, np_end: int, limit: int) -> tuple[str, int] | None:
        """A name written right after a role noun phrase: `le député des Alpes-Maritimes (LR) Eric Ciotti`,
        `l'experte` + `en intérieurs de cabines Mary Kirby` (a field after `en`, lowercase words)."""
        for p in self.ctx.persons:
            if np_end <= p.start < limit:
                between = self.text[np_end : p.start]
                honorific = r"(?:(?:le|la)\s+)?(?:M\.|Mme|Mlle|Me|Dr|Pr|docteur|professeur)?\s*"
                # (no comma before `en`: `la ministre, en déplacement avec X` is no field)
                field = r"\s+en\s+(?:(?!(?:avec|pour|par|sur|dans|chez|à|au|aux)\s)[a-zà-ÿ'’-]+\s+){1,5}"
                if re.fullmatch(
                    r"(?:" + field + r"|[\s,]*(-[\w-]+)?[\s,]*(\([^)]{1,20}\))?[\s,]*)" + honorific, between
                ):
                    return p.text, p.start
                return None
        return None

    def _appositive_name(self, np: tuple[str, int], limit: int) -> tuple[str, int] | None:
        """`Le propriétaire du bateau, Nagashiki Shipping, a déclaré`: the name set in apposition to a
        description, between commas, is the subject's name."""
        if not re.match(r"(?:[Ll]es?\s+|[Ll]a\s+|[Ll]['’]\s*)[a-zéèêàç]", np[0]):
            return None  # only a description (determiner + common noun) takes a name in apposition
        end = np[1] + len(np[0])
        for o in self.ctx.orgs:
            if end <= o.start < limit:
                apposed = (
                    o.label in {"ORG", "MISC"}
                    and re.fullmatch(r"\s*,\s*", self.text[end : o.start]) is not None
                    and re.match(r"\s*,", self.text[o.end : o.end + 3]) is not None
                )
                return (o.text, o.start) if apposed else None
        return None

    def _appositive_person(self, region_start: int, before: int) -> tuple[str, int] | None:
        """`Damien Le Guay, philosophe et ..., insiste`: the person opening the apposition."""
        for p in self.ctx.persons:
            if region_start <= p.start < before:
                k = self.ctx.tok_at[p.start]
                if k > 0 and self.ctx.doc[k - 1].pos_ == "ADP":
                    continue  # `Dans l'équipe de X, Y, conseiller de Paris, annonce`: X is a complement
                after = self.text[p.end : p.end + 2].lstrip(" \u00a0")
                if after.startswith(","):
                    return p.text, p.start
        return None

    def _sentence_first_token(self, t: Token) -> int:
        start, _ = self.ctx.sentence_of(t.idx)
        k = self.ctx.tok_at[start] if start < len(self.ctx.tok_at) else 0
        return max(k, 0)

    def _next_quote_open(self, at: int) -> int:
        for s in self.ctx.spans:
            if s.open_at > at:
                return s.open_at
        return len(self.text)

    # -- cue finders ---------------------------------------------------------------------------
    def cue_after(self, span: QuoteSpan, limit: int) -> Cue | None:
        """`», a-t-il ajouté`, `», ironise X`, `», selon X` right after the closing mark."""
        text = self.text
        i = _skip(text, span.close_at + 1, " \u00a0\u202f,–—-")
        if i >= limit:
            return None
        rest = text[i:limit]
        m = re.match(r"\(([A-ZÉ][\w'’.-]*[a-zé][\w'’.-]*(?:\s+[A-ZÉ][\w'’.-]+){0,3})\)", rest)
        if m and (" " in m.group(1) or self._known_surname(m.group(1))):
            # `« ... » (Rachida Dati)`, and in headlines `« ... » (Borne)`: the speaker in brackets
            return Cue("after", "()", i, m.group(1), i + 1)
        gloss = re.match(r"\([^()«»“”\"]{1,60}\)", rest)
        if gloss:  # `« ... ma ring » (bague), avait-elle raconté`: a gloss before the cue
            i = _skip(text, i + gloss.end(), " \u00a0\u202f,–—-")
            if i >= limit:
                return None
            rest = text[i:limit]
        m = re.match(
            r"(selon|d'après|d’après)\s+(?!(?:lequel|laquelle|lesquels|lesquelles|qui)\b)",
            rest,
            re.IGNORECASE,
        )
        if m:  # (`la thèse « officielle » selon laquelle X ...`: a relative clause, not a source)
            k = self.ctx.tok_at[i + m.end()] if i + m.end() < len(text) else -1
            np = self._np_at(k) if k >= 0 else None
            if np and not self._anonymous_document(np[0]):
                return Cue("after", m.group(1), i, np[0], np[1])
        m = _INVERTED.match(rest)
        if m and m.group("clitic").lower() == "on":
            body = self._body_after_on(i + m.end("clitic"), limit)
            if body is not None:
                return Cue("after", text[i : body[2]], i, body[0], body[1])
        if m:
            verb = m.group("verb").lower()
            part = (m.group("part") or "").lower()
            cue_words = None
            if self.lex.lemma(verb) and verb not in {"a"}:
                cue_words = m.group(0)[: m.end("clitic")]
            elif (
                "-" in rest[m.end("verb") : m.start("clitic")]
                and verb not in _IMPERSONAL_VERBS
                and verb not in AUXILIARIES | _MODALS | {"a", "avait", "aurait", "ont", "est"}
                and re.fullmatch(r"[a-zàâçéèêëîïôûù'’]+", verb)
            ):
                # `», livre-t-elle`, `», illustre-t-il`: a verb written inverted right after the
                # quotation reports it, whether or not the lexicon lists it
                cue_words = m.group(0)[: m.end("clitic")]
            elif verb in AUXILIARIES or verb in {"a", "avait", "aurait", "ont", "est"} or verb in _MODALS:
                # `a-t-il par ailleurs déclaré`, `a-t-elle pour sa part ajouté`: adverbial phrases;
                # `a-t-il tenu à préciser`, `aimait-elle répéter`: a modal before the speech verb
                tail = _ADVERBIAL_PHRASE.sub(" ", rest[m.end("clitic") : m.end("clitic") + 60])
                words = re.findall(r"[dl]['’]|[\w'’]+", tail)[:4]
                for n, w in enumerate(words):
                    if self.lex.lemma(w):
                        end = rest.find(w, m.end("clitic")) + len(w)
                        cue_words = rest[:end]
                        break
                    modal = w.lower() in _MODALS or (
                        w.lower() in _MODAL_PREPS and n > 0 and words[n - 1].lower() in _MODALS
                    )
                    if w.lower() not in ADVERBS and not modal:
                        break
            del part
            if cue_words and verb in {"est", "était"} and m.group("clitic").lower() == "il":
                return self._impersonal_cue(span, cue_words, i)
            if cue_words:
                return Cue("after", cue_words, i, m.group("clitic"), i + m.start("clitic"))
        tokens = self.ctx.tokens_between(i, limit)
        cue_tokens: list[Token] = []
        skip_to = -1
        for n, t in enumerate(tokens):
            low = t.text.lower()
            if n > 8:
                break
            if t.idx < skip_to:
                continue
            phrase = _ADVERBIAL_PHRASE.match(text, t.idx) if cue_tokens else None
            if phrase:
                skip_to = phrase.end()  # `a de son côté affirmé`: an adverbial phrase inside the verb
                continue
            if (
                low in AUXILIARIES
                or low in ADVERBS
                or low in {"fait", "faisait", "l'", "l’", "lui", "leur", "y", "en", "nous", "vous"}
                or (low in _MODALS and self._before_infinitive(t))
                or (low in _MODAL_PREPS and cue_tokens and cue_tokens[-1].text.lower() in _MODALS)
                or (t.pos_ == "ADV" and not self.is_speech(t))
            ):
                cue_tokens.append(t)
                continue
            nxt = t.i + 1
            manner = _ADVERBIAL_PHRASE.match(text, self.ctx.doc[nxt].idx) if nxt < len(self.ctx.doc) else None
            while manner and nxt < len(self.ctx.doc) and self.ctx.doc[nxt].idx < manner.end():
                nxt += 1  # (`», tonne d'une voix ferme la préfecture`)
            inverted = (
                n == 0
                and t.pos_ == "NOUN"
                and nxt < len(self.ctx.doc)
                and (
                    self.ctx.doc[nxt].pos_ in {"DET", "PROPN"}
                    or self.ctx.doc[nxt].text.lower() in HONORIFICS  # (`», tonne Mme Cabut`)
                )
                and self.ctx.doc[nxt].text.lower() not in {"de", "du", "des", "d'", "d’"}
            )  # `», alerte le magazine`: a verb tagged as a noun, its subject after it
            # (`a tenu à blaguer`: after a modal's preposition too)
            after_aux = (
                bool(cue_tokens) and cue_tokens[-1].text.lower() in AUXILIARIES | _MODAL_PREPS | _MODALS
            )
            # `», a tempêté X`: after an auxiliary a speech participle is a verb, however tagged
            if self.is_speech(t) and (t.pos_ not in {"NOUN", "PROPN"} or inverted or after_aux):
                if low.endswith("ant") and not cue_tokens:
                    return None  # `, ajoutant que « ... »` introduces the next quotation
                cue_tokens.append(t)
                subject = self._subject_after(t.i + 1, limit)
                if subject and self._object_like(subject[0]):
                    subject = None
                cue = text[cue_tokens[0].idx : t.idx + len(t.text)]
                if subject:
                    return Cue("after", cue, cue_tokens[0].idx, subject[0], subject[1])
                return Cue("after", cue, cue_tokens[0].idx)
            break
        # An incise later in the sentence: `« ... » va être lancée, a annoncé le ministre X.`
        for n, t in enumerate(tokens):
            if t.text != "," or n + 1 >= len(tokens):
                continue
            impersonal = _IMPERSONAL_PASSIVE.match(text, tokens[n + 1].idx)
            if impersonal and self.lex.lemma(impersonal.group(1)):
                return self._impersonal_cue(span, impersonal.group(0), tokens[n + 1].idx)
            inverted_later = _INVERTED.match(text[tokens[n + 1].idx : limit])
            if inverted_later and inverted_later.group("clitic").lower() != "on":
                # `« Je considère qu'il existe une base » pour ouvrir une enquête, a-t-il déclaré.`
                verb = inverted_later.group("verb").lower()
                participle = (inverted_later.group("part") or "").lower()
                if (self.lex.lemma(verb) and verb != "a") or (
                    verb in AUXILIARIES | {"a", "avait", "aurait", "ont"} and self.lex.lemma(participle)
                ):
                    at = tokens[n + 1].idx
                    end = (
                        inverted_later.end("part")
                        if self.lex.lemma(participle)
                        else inverted_later.end("clitic")
                    )
                    clitic = inverted_later.group("clitic")
                    return Cue("after", text[at : at + end], at, clitic, at + inverted_later.start("clitic"))
            k = n + 1
            while k < len(tokens) and tokens[k].text.lower() in AUXILIARIES | ADVERBS:
                k += 1
            if k < len(tokens) and self.is_speech(tokens[k]) and not tokens[k].text.lower().endswith("ant"):
                nxt = tokens[k].i + 1
                determined = nxt < len(self.ctx.doc) and self.ctx.doc[nxt].pos_ == "DET"
                if tokens[k].pos_ in {"NOUN", "PROPN"} and not determined:
                    continue  # (`, tacle un député`: a verb tagged as a noun, its subject after it)
                subject = self._subject_after(tokens[k].i + 1, limit)
                if subject and self._object_like(subject[0]):
                    subject = None
                if subject and subject[0].lower() not in PRONOUNS:
                    cue = text[tokens[n + 1].idx : tokens[k].idx + len(tokens[k].text)]
                    return Cue("after", cue, tokens[n + 1].idx, subject[0], subject[1])
        return None

    def _before_infinitive(self, t: Token) -> bool:
        """Whether `t` is followed by an infinitive, directly or after `à`/`de`/`par` (`tenu à`)."""
        doc = self.ctx.doc
        k = t.i + 1
        if k < len(doc) and doc[k].text.lower() in _MODAL_PREPS | {"bon"}:
            k += 1
            if k < len(doc) and doc[k].text.lower() in _MODAL_PREPS:
                k += 1  # `a cru bon d'ajouter`
        return k < len(doc) and (
            doc[k].morph.get("VerbForm", []) == ["Inf"] or doc[k].text.lower().endswith(("er", "ir", "re"))
        )

    def _impersonal_cue(self, span: QuoteSpan, cue_words: str, at: int) -> Cue | None:
        """`« ... », est-il précisé`: an impersonal passive; the words are those of the source reported
        in the quotation's sentence or the three before (`note l'institut météorologique`, `selon le
        communiqué de X`). None when the text reports no source there."""
        start = self.ctx.sentence_of(span.open_at)[0]
        for _ in range(3):
            start = self.ctx.sentence_of(max(start - 1, 0))[0]
        source = self._reported_source(start, span.open_at)
        if source is None:
            return None
        return Cue("after", cue_words, at, source[0], source[1])

    def _reported_source(self, start: int, end: int) -> tuple[str, int] | None:
        """The last source text[start:end] reports, outside quotations: `..., note l'institut
        météorologique.`, `selon le communiqué commun des préfectures.`; None when it reports none."""
        found: tuple[int, tuple[str, int]] | None = None
        for m in re.finditer(r"\b(?:selon|d['’]après)\s+", self.text[start:end], re.IGNORECASE):
            k = self.ctx.tok_at[start + m.end()]
            np = self._np_at(k) if k >= 0 and not self.ctx._in_quote(start + m.start()) else None
            if np is not None:
                found = (start + m.start(), np)
        doc = self.ctx.doc
        for t in self.ctx.tokens_between(start, end):
            # (`, note l'institut`: an incise verb the parser may tag as a noun)
            incise = (
                t.i > 0 and doc[t.i - 1].text == "," and t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "DET"
            )
            if t.pos_ not in {"VERB", "NOUN"} or (t.pos_ == "NOUN" and not incise):
                continue
            if not self.is_speech(t) or self.ctx._in_quote(t.idx):
                continue
            subject = self._subject_of(t, start)
            if (
                subject is not None
                and subject[0].lower() not in PRONOUNS
                and (found is None or t.idx > found[0])
            ):
                found = (t.idx, subject)
        return found[1] if found else None

    def cue_before(self, span: QuoteSpan, region_start: int) -> Cue | None:
        """`X a déclaré : « ...`, `X : « ...`, `Selon X, « ...`, `X estime que « ...` in the sentence."""
        text = self.text
        region = text[region_start : span.open_at]
        stripped = region.rstrip(" \u00a0\u202f\t")
        tokens = self.ctx.tokens_between(region_start, span.open_at)
        # `X, pour qui « ... »`, `X, selon lequel « ... »`: the relative pronoun's antecedent.
        rel = re.search(
            # (`, pour qui la réunion n'a été qu'« ... »`: the relative clause may run on to the quote)
            r",\s*((?:pour|selon|d['’]après)\s+(?:qui|lequel|laquelle|lesquels|lesquelles))\b[^,;:.!?«»“”\"]*$",
            region,
            re.IGNORECASE,
        )
        if rel is not None:
            at = region_start + rel.start()
            for named in reversed(self.ctx.persons + self.ctx.orgs):
                if (
                    region_start <= named.start
                    and named.end <= at
                    and not self.text[named.end : at].strip(" \u00a0")
                ):
                    for p in reversed(self.ctx.persons):
                        apposition = self.text[p.end : named.start]
                        if (
                            named.label != "PER"
                            and region_start <= p.start
                            and p.end <= named.start
                            and re.fullmatch(r",\s*[^,;:.«»]{1,60}", apposition)
                            and any(w in ROLE_NOUNS for w in re.findall(r"[\w-]+", apposition.lower()))
                        ):
                            # `Jeanne Coulon, présidente de l'Union des familles, pour qui`: the person
                            # the role is in apposition to, not the body it names
                            return Cue("selon", rel.group(1), at, p.text, p.start)
                    return Cue("selon", rel.group(1), at, named.text, named.start)
        for m in re.finditer(
            # (also glued to the word before by a scraper: `par franceinfoSelon le secrétaire général,`)
            r"(?:^|[,;:]\s*|\s|(?-i:(?<=[a-zà-ÿ])(?=Selon|D'après|D’après)))(selon|d'après|d’après|pour|chez)\s+"
            # (`une rumeur selon laquelle X avait ...`: a relative clause, not a source)
            r"(?!(?:lequel|laquelle|lesquels|lesquelles|qui|quoi)\b)([^,;:«»“”\"]{1,80}?)\s*[,:]",
            region,
            re.IGNORECASE,
        ):
            word = m.group(1).lower()
            if m.group(0).endswith(":") and word not in {"pour", "chez"}:
                continue  # (`X aurait répondu, selon l'Evening Standard : « ... »`: X spoke, the paper relays)
            lead = text[region_start : region_start + m.start(1)].strip(" ,\u00a0")
            # (but `Même position pour X, ... : « ... »`, `Autre son de cloche chez X`)
            if ((len(lead.split()) > 1 and word == "pour") or word == "chez") and not _SAME_VIEW.fullmatch(
                lead
            ):
                continue
            k = self.ctx.tok_at[region_start + m.start(2)]
            np = self._np_at(k) if k >= 0 else None
            if any(
                t.pos_ == "VERB"
                and self.is_speech(t)
                and any(
                    c.dep_ in SUBJECT_DEPS and c.idx >= region_start + m.end() and _may_speak(c)
                    for c in t.children
                )
                for t in self.ctx.tokens_between(region_start + m.end(), span.open_at)
            ):
                # `Selon Paris, le Quai d'Orsay a affirmé que « ... »`: the verb's subject speaks (not
                # `Pour X, la défaite s'explique « ... »`, a thing)
                break
            if np and (word != "pour" or self._is_agent(np[0])):
                whole = m.group(2).strip()
                if (
                    np[0][:1].islower()
                    and whole.startswith(np[0])
                    and len(whole.split()) <= 14
                    and not _DATE_WORDS.intersection(whole.split())  # (`... ce samedi 22 décembre`)
                    and not any(
                        t.morph.get("VerbForm", []) == ["Fin"]
                        for t in self.ctx.tokens_between(np[1], np[1] + len(whole))
                    )
                ):
                    np = (whole, np[1])  # `une source à la Mission des Nations unies pour ...`
                return Cue("selon", m.group(1), region_start + m.start(1), np[0], np[1])
        speech = [
            t
            for t in tokens
            if self.is_speech(t)
            and not _asked_by(t)
            and (
                t.pos_ not in {"NOUN", "PROPN", "ADJ"}
                # `s'indigne`, tagged as the adjective `indigne`: the clitic makes it the verb
                or (t.i > 0 and t.doc[t.i - 1].text.lower().replace("’", "'") in {"se", "s'"})
                # `la Cour des comptes juge désormais`, tagged as the noun `juge` (or as a proper noun,
                # `Le syndicat remercie :`): right after a noun phrase, with no determiner of its own,
                # it is the verb; so is `Matignon vante une mesure`, tagged as an adjective, when an
                # object or a colon follows it
                or (
                    t.pos_ in {"NOUN", "PROPN", "ADJ"}
                    and t.text.islower()
                    and t.i > 0
                    # (`une ouvrière raconte :`, the noun itself tagged as an adjective)
                    and (
                        t.doc[t.i - 1].pos_ in {"NOUN", "PROPN"} or t.doc[t.i - 1].text.lower() in ROLE_NOUNS
                    )
                    and t.doc[t.i - 1].dep_ != "compound"
                    and (
                        t.pos_ != "ADJ"
                        or (t.i + 1 < len(t.doc) and t.doc[t.i + 1].text.lower() in _AFTER_A_VERB)
                    )
                )
                # `X, qui analyse une décision`: right after the relative pronoun, whatever its tag
                or (t.text.islower() and t.i > 0 and t.doc[t.i - 1].text.lower() == "qui")
                # `les syndicats ont tweeté que`, a participle after `avoir` tagged as a proper noun
                or (
                    t.text.islower()
                    and t.i > 0
                    and t.doc[t.i - 1].text.lower() in _HAVE
                    and t.text.lower().endswith(("é", "ée", "és", "ées", "i", "u", "it"))
                )
                # `Et de blaguer :`, a narrative infinitive tagged as a noun
                or (
                    t.i >= 2
                    and t.doc[t.i - 1].text.lower() in {"de", "d'", "d’"}
                    and t.doc[t.i - 2].text.lower() == "et"
                    and t.i + 1 < len(t.doc)
                    and t.doc[t.i + 1].text == ":"
                )
                # `La préfecture, qui gère le dossier, abonde :`, tagged as an adjective after the comma
                # closing a relative clause
                or (
                    t.pos_ in {"ADJ", "NOUN", "PROPN"}
                    and t.text.islower()
                    and t.i + 1 < len(t.doc)
                    and t.doc[t.i + 1].text.lower() in _AFTER_A_VERB
                    and _RELATIVE_LEAD.match(text[self.ctx.sentence_of(t.idx)[0] : t.idx]) is not None
                )
                # `, martelant que`, a present participle tagged as an adjective or a noun after a comma
                or (
                    t.pos_ in {"ADJ", "NOUN"}
                    and t.text.lower().endswith("ant")
                    and t.i > 0
                    and t.doc[t.i - 1].text == ","
                    and t.i + 1 < len(t.doc)
                    and t.doc[t.i + 1].text.lower() in _AFTER_A_VERB
                )
            )
            # `sa machine à écrire`, `le droit de dire`: an infinitive completing a noun reports nothing
            and not (t.morph.get("VerbForm", []) == ["Inf"] and t.head.pos_ == "NOUN" and t.head.i < t.i)
        ]
        # `souligne qu'il convient de ...`: an impersonal verb reports nobody, the verb before it does
        personal = [t for t in speech if not any(c.dep_ == "expl:subj" for c in t.children)]
        if personal and personal[-1] is not speech[-1]:
            speech = personal
        if speech:
            verb = speech[-1]
            outer = verb.head if verb.dep_ in {"ccomp", "xcomp"} else None
            if outer is not None and outer in speech[:-1] and not verb.text.lower().endswith("ant"):
                thing = self._subject_of(verb, region_start)
                if (
                    thing is not None
                    and len(thing[0].split()) > 1  # (a noun phrase: `on se disait` speaks)
                    and not (self._is_agent(thing[0]) or _describes_a_person(thing[0]))
                ):
                    # `X a jugé que les propositions relevaient « ... »`: a verb of the lexicon in the
                    # complement of a speech verb, its subject a thing that says nothing (`relever de`),
                    # reports what the outer verb's subject says
                    verb = outer
            subject = None
            if verb.text.lower().endswith("ant") and (
                verb.morph.get("VerbForm", []) == ["Part"] or verb.pos_ in {"ADJ", "NOUN"}
            ):
                subject = None  # participle: the main clause's subject (caller falls back)
                head = verb.head
                while (
                    head.head.i != head.i
                    and head.dep_ == "advcl"
                    and head.text.lower().endswith("ant")
                    and head.morph.get("VerbForm", []) == ["Part"]
                ):
                    # `a indiqué Matignon, confirmant ..., en insistant sur « ... »`: a participle
                    # hanging on another participle shares the subject of the clause they both depend on
                    head = head.head
                for _ in range(3):
                    if head.pos_ in {"VERB", "AUX"} or head.head.i == head.i:
                        break
                    # `a réagi par son compte Twitter, dénonçant`: a participle misattached to a noun
                    # of the clause hangs on that clause's verb
                    head = head.head
                if head.i != verb.i:
                    subject = self._subject_of(head, region_start)
                    # `..., a analysé le conseiller de Paris, déplorant`: an incise the parser coordinated
                    # with the clause before it gives the participle its inverted subject
                    incise = next(
                        (t for t in reversed(self.ctx.doc[head.i + 1 : verb.i]) if t.pos_ == "VERB"), None
                    )
                    if incise is not None and self.is_speech(incise):
                        subject = self._inverted_after_incise(incise, subject, for_participle=True) or subject
            elif re.fullmatch(
                r"\s*[Ee]t\s+(?:de\s+|d['’])", text[self.ctx.sentence_of(verb.idx)[0] : verb.idx]
            ):
                # `Et d'ajouter : « ... »`: the narrative infinitive goes on with the subject of the
                # sentence before
                subject = self._previous_subject(verb.idx)
            else:
                subject = self._subject_of(verb, region_start)
            how = "before"
            if subject is not None and subject[1] < verb.idx < subject[1] + len(subject[0]):
                # (the verb tagged as a noun or an adjective of the subject: the subject stops before it)
                subject = (subject[0][: verb.idx - subject[1]].rstrip(), subject[1])
            if subject is not None and subject[0].lower() == "on":
                body = self._body_of_on(region_start, subject[1])
                if body is not None:
                    # a source implied through `on`, no stronger than a sentence subject for short
                    # fragments (`on défend le « nouveau modèle hospitalier »` names a model)
                    subject, how = body, "subject"
            aux = [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
            cue_start = aux[0].idx if aux else verb.idx
            cue = text[cue_start : verb.idx + len(verb.text)]
            if subject:
                subject = self._carrier_agent(subject) or subject
                return Cue(how, cue, cue_start, subject[0], subject[1])
            return Cue("before", cue, cue_start)
        if stripped.endswith(":"):
            name_tokens = [t for t in tokens if t.text != ":"]
            for t in name_tokens:
                if t.text.lower() in _CARRIER_NOUNS and t.i > 0 and t.doc[t.i - 1].pos_ == "DET":
                    det = t.doc[t.i - 1]
                    carried = self._carrier_agent((text[det.idx : t.idx + len(t.text)], det.idx))
                    if carried is not None:
                        # `Les policiers ont exhumé un SMS envoyé par l'accusé à un ami : « ... »`: who
                        # wrote the words the thing carries
                        return Cue("colon", ":", region_start + len(stripped) - 1, carried[0], carried[1])
            clause = self._colon_clause_subject(name_tokens)
            if clause is not None:
                # `Samedi, l'association a publié un communiqué : « ... »`: the subject of the clause
                # before the colon, not its first words
                return Cue("colon", ":", region_start + len(stripped) - 1, clause[0], clause[1])
            if 0 < len(name_tokens) <= 8:
                k = name_tokens[0].i
                np = self._np_at(k)
                if np is None and len(name_tokens) == 1 and _HYPHENATED_NAME.fullmatch(name_tokens[0].text):
                    # `Météo-France :` opening a sentence, merged into one token the tagger calls PUNCT
                    np = (name_tokens[0].text, name_tokens[0].idx)
                frame = re.match(
                    r"(réponse|réaction|verdict|commentaire|message|explication|avis|analyse)\s+(de|du|d'|d’)\s*",
                    np[0] if np else "",
                    re.IGNORECASE,
                )
                if np and frame:
                    inner = self.ctx.tok_at[np[1] + frame.end()]
                    found = self._np_at(inner) if inner >= 0 else None
                    if found is not None and frame.group(2).lower() == "du":
                        # `Réponse du ministère de l'Éducation :`, `Réponse du Kremlin :` -> `le ...`
                        found = ("le " + found[0], found[1])
                    np = found or np
                if np:
                    return Cue("colon", ":", region_start + len(stripped) - 1, np[0], np[1])
            elif name_tokens:
                # `Sa voisine, Ginette Hardy, n'est pas de cet avis : « ... »`: a clause before the colon
                # opened by a person, or by a role with the person's name in apposition
                np = self._np_at(name_tokens[0].i)
                if np is not None and not np[0][:1].islower() and np[0].lower() not in PRONOUNS:
                    end = np[1] + len(np[0])
                    apposed = self._trailing_person(end, span.open_at) if self._is_agent(np[0]) else None
                    opener = next((p for p in self.ctx.persons if p.start == np[1]), None)
                    if apposed is not None and np[0].split()[0].lower() in DETERMINERS:
                        np = apposed
                    if apposed is not None or opener is not None:
                        return Cue("colon", ":", region_start + len(stripped) - 1, np[0], np[1])
                # `Au café de la place, Odette, 82 ans, hausse les épaules : « ... »`: a person set off
                # by commas after a fronted complement, the subject of the clause before the colon
                person = self._appositive_person(region_start, region_start + len(stripped))
                if person is not None and self._opens_clause(person, region_start + len(stripped) - 1):
                    return Cue("colon", ":", region_start + len(stripped) - 1, person[0], person[1])
        return None

    def _colon_clause_subject(self, tokens: list[Token]) -> tuple[str, int] | None:
        """The noun subject of the main verb of the clause `tokens` before a colon, when it names who
        may speak (a name, a role, a body) and something comes before it; None otherwise."""
        for t in tokens:
            if t.dep_ != "ROOT" or t.pos_ not in {"VERB", "AUX"}:
                continue
            subjects = [c for c in t.children if c.dep_ in {"nsubj", "nsubj:pass"} and c.i < t.i]
            if len(subjects) != 1 or subjects[0].pos_ not in {"NOUN", "PROPN"}:
                return None
            first = subjects[0].left_edge.i
            if first == tokens[0].i:
                return None  # (a clause opening on its subject: the rules below read it)
            np = self._np_at(first)
            if np is None or self.ctx._in_quote(np[1]):
                return None
            carried = self._carrier_agent(np)
            if carried is not None:
                return carried
            return np if self._is_agent(np[0]) else None
        return None

    def _carrier_agent(self, np: tuple[str, int]) -> tuple[str, int] | None:
        """`Une banderole déployée par la Brigade Jaune 1994`, `un tract signé par la CGT`: the agent of
        the participle after a thing that carries words, who wrote them."""
        words = re.findall(r"[\w'’-]+", np[0].lower())
        if len(words) < 2 or words[1] not in _CARRIER_NOUNS:
            return None
        end = np[1] + len(np[0])
        agent = re.match(
            r"\s*,?\s*[a-zéèêàç]+(?:ée?s?|ie?s?|ue?s?|te?s?)\s+par\s+", self.text[end : end + 60]
        )
        if agent is None:
            return None
        k = self.ctx.tok_at[end + agent.end()] if end + agent.end() < len(self.text) else -1
        found = self._np_at(k) if k >= 0 else None
        return found if found is not None and self._is_agent(found[0]) else None

    def _opens_clause(self, person: tuple[str, int], end: int) -> bool:
        """Whether `person`, followed by an apposition between commas (or a comma alone), is the subject
        of the verb phrase that runs from there to `end`: that phrase has a verb and no subject of its
        own (`Odette, 82 ans, hausse les épaules`)."""
        after = self.text[person[1] + len(person[0]) : end]
        phrase = re.fullmatch(r",(?:[^,;:«»“”\"]{1,60},)?\s*([^,;:«»“”\"]+)", after)
        if phrase is None:
            return False
        tokens = self.ctx.tokens_between(person[1] + len(person[0]) + phrase.start(1), end)
        return any(t.pos_ in {"VERB", "AUX"} for t in tokens) and not any(
            t.dep_ in SUBJECT_DEPS or t.text.lower() in PRONOUNS for t in tokens
        )

    def _main_subject(self, start: int, end: int, deps: set[str]) -> tuple[Token, Token] | None:
        """(root verb, subject token) of the sentence `start`..`end`: its first verb parsed as a root, and
        that verb's subject (a child with one of `deps`) when it is inside the sentence."""
        tokens = self.ctx.tokens_between(start, end)
        root = next((t for t in tokens if t.dep_ == "ROOT" and t.pos_ in {"VERB", "AUX"}), None)
        head = next((c for c in root.children if c.dep_ in deps), None) if root is not None else None
        if root is None or head is None or head.idx < start:
            return None
        return root, head

    def _previous_subject(self, at: int) -> tuple[str, int] | None:
        """The subject of the main verb of the sentence before the one holding `at`."""
        start, _ = self.ctx.sentence_of(at)
        if start == 0:
            return None
        main = self._main_subject(*self.ctx.sentence_of(start - 1), {"nsubj", "nsubj:pass"})
        if main is None:
            return None
        head = main[1]
        if head.pos_ == "PRON":
            return (head.text, head.idx) if head.text.lower() in PRONOUNS else None
        person = next((p for p in self.ctx.persons if p.start <= head.idx < p.end), None)
        if person is not None:
            return person.text, person.start  # (`Sophie` parsed apart from `Leroy`)
        return self._np_at(max(head.left_edge.i, self._sentence_first_token(head)))

    def _anonymous_document(self, np: str) -> bool:
        """`un communiqué`, `le rapport`: a document named without its author is no source by itself.

        `selon un communiqué` then leaves the words to the speaker the sentence names (`le comité a
        estimé que « ... », selon un communiqué`).
        """
        words = [re.sub(r"^[ld]['’]", "", w) for w in re.findall(r"[\w'’-]+", np.lower())]
        content = [
            w for w in words if w and w not in {"un", "une", "le", "la", "ce", "cette", "ces", "les", "des"}
        ]
        if not content or content[0] not in DOCUMENT_NOUNS:
            return False
        return not re.search(r"\b(?:de|du|des|d['’])\s*\S", np)

    def _body_after_on(self, at: int, limit: int) -> tuple[str, int, int] | None:
        """`», fait-on valoir à Matignon`, `explique-t-on du côté de Matignon`, `assure-t-on dans
        l'entourage du ministre`: the body the place phrase after the inverted `on` names, with where
        it starts and where the cue verb ends."""
        place = re.match(
            r"((?:\s+(?:valoir|savoir|encore|aussi|également|toutefois|cependant))*)\s+"
            r"(?:à|au|chez|du\s+côté\s+d[eu'’]|au\s+sein\s+d[eu'’]|auprès\s+d[eu'’]"
            r"|dans\s+(l['’]entourage)\s+d[eu'’])\s*",
            self.text[at:limit],
        )
        if place is None:
            return None
        k = self.ctx.tok_at[at + place.end()] if at + place.end() < len(self.text) else -1
        np = self._np_at(k) if k >= 0 else None
        if np is None or not self._is_agent(np[0]):  # (`à l'Élysée`, `à la CGT`: a name with its determiner)
            return None
        verb_end = at + place.end(1)
        if place.group(2):  # `l'entourage du ministre`, written whole
            start = at + place.start(2)
            return self.text[start : np[1] + len(np[0])], start, verb_end
        return np[0], np[1], verb_end

    def _body_of_on(self, start: int, on_at: int) -> tuple[str, int] | None:
        """`à l'APHP, on préfère parler de « ... »`, `chez Renault, on assure que`: the body named in
        the place phrase right before `on` (or before a relative clause on it) is who speaks."""
        place = re.search(
            r"\b(?:[àÀA]|[Cc]hez|[Aa]u|[Dd]u côté d[eu'’]|[Aa]u sein d[eu'’])\s*"
            r"((?:l['’]|la |le |les )?[^\W\d_][^,;:.]{0,40}?)\s*(?:,\s*qui\s[^,;:.«»]{0,80})?"
            r",\s*(?:où\s*(?:l['’]\s*)?)?$",
            self.text[start:on_at],
        )
        if place is None:
            return None
        body, at = place.group(1), start + place.start(1)
        seat = normalise(body).removeprefix("l'").removeprefix("le ").removeprefix("la ") in _SEATS_OF_POWER
        if any(o.label == "LOC" and o.start == at for o in self.ctx.orgs) and not seat:
            return None  # `à Paris, on dit que`: the people of a place, not a speaker (but `à Matignon`)
        # a body is written with its determiner (`à l'APHP`, `à la direction de l'entreprise`) or known as
        # an organisation (`chez Renault`) or a seat of power (`à Matignon`)
        articled = re.match(r"(?:l['’]|la |le |les )\s*(?P<head>[\w-]+)", body)
        if articled is not None and articled.group("head")[:1].islower():
            if articled.group("head").lower() not in ORG_NOUNS:
                return None  # `à la sortie de l'audience, on`: no body
        elif articled is None and (
            not body[:1].isupper()  # (`jointe au rassemblement, on`: `rassemblement` tagged ORG)
            or (not seat and not any(o.label == "ORG" and o.start == at for o in self.ctx.orgs))
        ):
            return None
        return body, at

    def _object_like(self, np: str) -> bool:
        """`, a annoncé sa candidature`: a possessive noun phrase that names no one is an object."""
        words = np.lower().split()
        if len(words) < 2 or words[0] not in {"sa", "son", "ses", "leur", "leurs"} or self._is_agent(np):
            return False
        return not any(w in ORG_NOUNS or w in GROUP_NOUNS or w in _SPEAKING_NOUNS for w in words[1:3])

    def _is_agent(self, np: str) -> bool:
        low = np.lower()
        if low in PRONOUNS:
            return True
        if np[:1].isupper():
            return True
        if _bare(np)[1][:1].isupper():
            return True  # `pour la CGT`, `pour le Kremlin`, `pour l'Élysée`: a body by its name
        words = [re.sub(r"^[ld]['’]", "", w) for w in re.findall(r"[\w'’-]+", low)]
        if any(w in ORG_NOUNS or w.removesuffix("s") in ORG_NOUNS or w in GROUP_NOUNS for w in words[:2]):
            return True  # `pour le syndicat`, `pour les associations`
        return any(w in ROLE_NOUNS for w in words[:3]) or any(r.head in words[:3] for r in self.names.roles)

    def cue_next_sentence(self, span: QuoteSpan) -> Cue | None:
        """An opening quotation attributed by the next sentence: `« ... ». C'est ainsi que X qualifiait`."""
        _, end = self.ctx.sentence_of(span.close_at)
        if end >= len(self.text):
            return None
        start, stop = self.ctx.sentence_of(end)
        owner = _WORDS_OF.match(self.text, start)
        if owner is not None:
            # `« ... » Le récit est celui de Maryse Combaluzier, 71 ans`: whose the words are
            k = self.ctx.tok_at[owner.end()]
            np = self._np_at(k) if k >= 0 else None
            if np is not None and self._is_agent(np[0]):
                return Cue("next", owner.group(1), start, np[0], np[1])
        tokens = self.ctx.tokens_between(start, stop)
        for t in tokens:
            if self.is_speech(t) and t.pos_ in {"VERB", "AUX"} and not t.text.lower().endswith("ant"):
                subject = self._subject_of(t, start)
                if subject and subject[0].lower() not in PRONOUNS:
                    return Cue("next", t.text, t.idx, subject[0], subject[1])
                return None
        if self.text[: span.open_at].strip():
            return None
        # The article opens on the quotation, and the next sentence introduces who spoke it as its
        # subject: `« S'il y avait un problème, on faisait comment ? » Au micro de France 3, une mère
        # de famille revient sur sa mésaventure.`
        main = self._main_subject(start, stop, {"nsubj"})
        if main is None:
            return None
        root, head = main
        human = head.ent_type_ == "PER" or (
            head.pos_ == "NOUN" and head.text.lower() in ROLE_NOUNS | GROUP_NOUNS | _AGE_NOUNS.keys()
        )
        np = self._subject_of(root, start) if human else None
        if np is None or np[0].lower() in PRONOUNS:
            return None
        return Cue("next", root.text, root.idx, np[0], np[1])

    def subject_cue(self, span: QuoteSpan, region_start: int) -> Cue | None:
        """A fragment embedded after the verb of a sentence whose subject is a person: that person."""
        tokens = self.ctx.tokens_between(region_start, span.open_at)
        # (`a milité` tagged NOUN still has its auxiliary and its subject.)
        verbs = [
            t
            for t in tokens
            if t.dep_ in {"ROOT", "conj"}
            and (t.pos_ in {"VERB", "AUX"} or any(c.dep_.startswith("aux") for c in t.children))
        ]
        for verb in reversed(verbs):
            for child in verb.children:
                if child.dep_ in {"nsubj"} and child.i < verb.i:
                    author = self._author_of(child)
                    if author is None and child.text.lower() == "on":
                        author = self._body_of_on(region_start, child.idx)
                    if author is not None:
                        return Cue("subject", None, verb.idx, author[0], author[1])
                    if (
                        child.ent_type_ in {"PER", "ORG"}
                        or child.text.lower() in {"il", "elle"}
                        or ((child.pos_ == "PROPN" or child.ent_type_) and child.text[:1].isupper())
                    ):
                        np = (
                            self._np_at(child.left_edge.i)
                            if child.pos_ != "PRON"
                            else (child.text, child.idx)
                        )
                        if np:
                            return Cue("subject", None, verb.idx, np[0], np[1])
                    low = child.text.lower()
                    if child.pos_ == "NOUN" and any(r.head == low for r in self.names.roles):
                        np = self._np_at(child.left_edge.i)
                        if np:
                            return Cue("subject", None, verb.idx, np[0], np[1])
                    near = len(self.ctx.tokens_between(verb.idx + len(verb.text), span.open_at)) <= 6
                    if near and self._agent_noun(child):
                        # `L'association Terre Vivante dénonce « ... »`: an organisation, a group or a
                        # role as the subject of the sentence reports the fragment.
                        np = self._np_at(child.left_edge.i)
                        if np:
                            return Cue("subject", None, verb.idx, np[0], np[1])
        return None

    def predicate_cue(self, span: QuoteSpan, region_start: int) -> Cue | None:
        """`Les élus MoDem, eux, « partagent la décision »`: the sentence's verb opens the quotation and
        its subject, a name or a noun that can speak (not a pronoun, which may stand for the one spoken
        of), stands before it."""
        k = self.ctx.tok_at[span.start]
        if k < 0:
            return None
        verb = self.ctx.doc[k]
        if verb.dep_ != "ROOT" or verb.pos_ != "VERB" or verb.morph.get("VerbForm", []) != ["Fin"]:
            return None
        for child in verb.children:
            if child.dep_ != "nsubj" or child.idx < region_start or child.i > verb.i:
                continue
            if self.ctx._in_quote(child.idx) or child.pos_ == "PRON":
                return None
            if child.ent_type_ in {"PER", "ORG"} or self._agent_noun(child):
                np = self._np_at(child.left_edge.i)
                if np:
                    return Cue("subject", None, verb.idx, np[0], np[1])
        return None

    def inner_incise(self, span: QuoteSpan) -> Cue | None:
        """An incise inside the quotation marks, with words before and after it (`« Nous ne céderons
        rien, explique la préfecture, ni sur le fond. »`, `« ..., assure-t-elle, ... »`, `« ..., a-t-il
        ajouté. ... »`): its subject is the speaker of the whole quotation."""
        text, doc = self.text, self.ctx.doc
        first = self.ctx.tok_at[span.start] if span.start < len(text) else -1
        last = self.ctx.tok_at[span.end - 1] if 0 < span.end <= len(text) else -1
        for t in doc[first : last + 1] if 0 <= first <= last else []:
            k = t.i - 1
            while k > t.i - 3 and k >= 0 and t.pos_ == "VERB" and doc[k].text.lower() in AUXILIARIES:
                k -= 1  # `« ..., a poursuivi la procureure. ... »`: the auxiliary comes first
            if t.i == 0 or k < 0 or doc[k].text != "," or doc[k].idx < span.start + 10:
                continue
            # the incise ends at the next comma or full stop, and the quotation goes on after it
            stop = re.search(r"[,.;]", text[t.idx : span.end])
            if stop is None or word_count(text[t.idx + stop.end() : span.end]) < 2:
                continue
            end = t.idx + stop.start()
            inverted = _INVERTED.match(text[t.idx : end])
            if inverted is not None and inverted.group("clitic").lower() != "on":
                lexicon, part = self.ctx.lexicon, inverted.group("part")
                if lexicon.lemma(inverted.group("verb")) is None and (
                    part is None or lexicon.lemma(part) is None
                ):
                    continue  # (`, assure-t-elle,` or `, a-t-il ajouté,`; not `, est-il vrai,`)
                clitic = inverted.group("clitic")
                at = t.idx + inverted.start("clitic")
                return Cue("after", text[t.idx : t.idx + inverted.end()], t.idx, clitic, at)
            # (a speech-verb form tagged as a noun or an adjective still opens an incise before its subject)
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else t
            verb_like = t.pos_ in {"VERB", "AUX"} or nxt.pos_ == "DET" or nxt.text[:1].isupper()
            if not self.is_speech(t) or not verb_like or t.text.lower().endswith("ant"):
                continue
            with self.ctx.read_as_unquoted(t.idx, end):
                subject = self._subject_after(t.i + 1, end)
            if subject and subject[0].lower() not in PRONOUNS and not self._object_like(subject[0]):
                return Cue("after", t.text, t.idx, subject[0], subject[1])
        return None

    def incise_in(self, start: int, end: int) -> Cue | None:
        """An incise `, précise le périodique,` (speech verb between commas, subject after it) in [start, end)."""
        tokens = self.ctx.tokens_between(start, end)
        for n, t in enumerate(tokens[1:], 1):
            if tokens[n - 1].text != "," or not self.is_speech(t) or t.pos_ not in {"VERB", "AUX"}:
                continue
            if t.text.lower().endswith("ant"):
                continue
            subject = self._subject_after(t.i + 1, end)
            if subject and subject[0].lower() not in PRONOUNS and not self._object_like(subject[0]):
                return Cue("after", t.text, t.idx, subject[0], subject[1])
        return None

    def fronted_subject_cue(self, span: QuoteSpan, sent_start: int, sent_end: int) -> Cue | None:
        """`Mue par « la joie », Toni Morrison publie ...`: a fragment in a participial phrase opening
        the sentence describes the main clause's subject, the person named right after the comma."""
        tokens = self.ctx.tokens_between(sent_start, span.open_at)
        if len(tokens) < 2 or tokens[0].text.lower().endswith("ant"):
            return None
        participle = tokens[0].morph.get("VerbForm", []) == ["Part"] or (
            # `Mue par`, `Portée par`: the parser often takes a participle opening a sentence for a noun
            re.fullmatch(r"\w+(?:é|u|i|is|it)(?:e|s|es)?", tokens[0].text.lower()) is not None
            and tokens[1].text.lower() in {"par", "de", "d'", "d’"}
        )
        if not participle:
            return None
        for p in self.ctx.persons:
            if span.close_at < p.start < sent_end and p.subject:
                lead = self.text[span.close_at + 1 : p.start]
                if lead.rstrip(" \u00a0").endswith(",") and not any(
                    s.open_at > span.close_at and s.open_at < p.start and s.close_at > p.start
                    for s in self.ctx.spans
                ):
                    return Cue("subject", None, p.start, p.text, p.start)
                return None
        return None

    def _author_of(self, t: Token) -> tuple[str, int] | None:
        """`ces observations publiées par l'Académie des sciences`: the named agent of a participle
        qualifying a common-noun subject wrote its words (guideline §1.3, documents with an author)."""
        if t.pos_ != "NOUN":
            return None
        for acl in t.children:
            if acl.dep_ != "acl" or acl.morph.get("VerbForm", []) != ["Part"] or acl.i < t.i:
                continue
            for agent in acl.children:
                if agent.dep_ == "obl:agent" and agent.ent_type_ in {"ORG", "PER"}:
                    first = agent.left_edge.i + (1 if agent.left_edge.pos_ == "ADP" else 0)
                    return self._np_at(first)
        return None

    def _agent_noun(self, t: Token) -> bool:
        """A common-noun subject that can speak: an organisation, a group, a role (not a document)."""
        if t.pos_ != "NOUN" or self.ctx._in_quote(t.idx):
            return False
        low = t.text.lower()
        if low in DOCUMENT_NOUNS:
            return False
        return low in ORG_NOUNS or low in ROLE_NOUNS or low in GROUP_NOUNS


_WORD = re.compile(r"\w+")
#: A sentence that attributes the words just quoted: `C'est ainsi que X qualifiait ...`.
_NEXT_SENTENCE_CUE = re.compile(
    r"\s*(?:c['’]est\s+(?:ainsi|en ces termes|par ces mots|avec ces mots)\s+qu|voilà\s+(?:comment|ce qu)|"
    r"tels sont les (?:mots|propos)|ce sont les (?:mots|propos))",
    re.IGNORECASE,
)
#: `qualifie le projet de « ... »`: the word before `de` is the thing qualified, not a label.
_QUALIFIES = re.compile(r"\bqualifi\w*\s[^«»“”\".;:]{0,60}\b(?:de|d['’])\s*$", re.IGNORECASE)
_TERMINAL = (".", "!", "?", "…", "...", ".)")


def word_count(text: str) -> int:
    """Number of words in a quotation."""
    return len(_WORD.findall(text))


NAMING_VERBS = {
    w
    for w in NAMING_WORDS
    if w.endswith(("é", "ée", "és", "ées", "dit", "dite", "dits", "dites")) and not w.startswith("qualifi")
}


def naming_context(before: str, capitalised: bool = True) -> str | None:
    """`appelé`, `le film`, `qualifiée de` ... right before a quotation: the naming word, else None."""
    words = re.findall(r"[\w'’-]+|[,:;()]", before[-60:].lower().replace("’", "'"))
    if not words:
        return None
    last = words[-1]
    if last in {"de", "d'", "du", "des"} and len(words) >= 2:
        if words[-2] in NAMING_WORDS or words[-2].startswith("qualifi"):
            return words[-2]
        return None
    if (
        last
        in {
            "le",
            "la",
            "les",
            "l'",
            "un",
            "une",
            "son",
            "sa",
            "ses",
            "leur",
            "du",
            "des",
            "au",
            "aux",
            "ce",
            "cette",
        }
        and len(words) >= 2
        and words[-2] in NAMING_WORDS
    ):
        return words[-2]
    reflexive = any(w == "se" or w.startswith("s'") for w in words[-3:-1])
    # (`a appelé « toutes les parties à la retenue »`: after an auxiliary, `appeler` calls on someone)
    calls = (
        last.startswith("appel")
        and len(words) >= 2
        and words[-2] in AUXILIARIES
        # (but `qu'il a appelé « l'Indomptable »`, `ce que X ont appelé « ... »`: its object comes first)
        and not any(w.startswith(("qu'", "que")) for w in words[-4:-2])
    )
    if last in NAMING_VERBS and not (last.startswith("dit") and reflexive) and not calls:
        return last  # `appelé « X »`, but `se dit`, `s'est dit « ... »` reports speech
    if last in NAMING_WORDS and not last.startswith("qualifi") and capitalised:
        return last
    if last.startswith("qualifi"):
        return last
    return None


#: Short words a title in English or French leaves in lowercase (`The Audacity to Win`).
_TITLE_SMALL_WORDS = frozenset(
    {"and", "for", "the", "with", "from", "into", "les", "des", "une", "aux", "sur"}
)


def _title_case(quote: str) -> bool:
    """`Old Habits Die Hard`, `National Catholic Reporter`, `Sit Down Comedy with David Steinberg`:
    every word of three letters or more capitalised, two at least, not all capitals (a shouted
    headline) and no sentence end. French utterances are not written so (none of the gold quotes of
    the development sets is); titles and names are."""
    words = re.findall(r"[\w'’-]+", quote)
    long = [w for w in words if len(w) > 2 and w.lower() not in _TITLE_SMALL_WORDS]
    return (
        len(long) >= 2
        and all(w[:1].isupper() for w in long)
        and not quote.isupper()
        and not quote.rstrip().endswith(_TERMINAL)
    )


def _has_finite_verb(ctx: ArticleContext, span: QuoteSpan) -> bool:
    """Whether the quotation holds a conjugated verb (`C'était terrifiant` is a statement, not a label)."""
    first, last = ctx.tok_at[span.start], ctx.tok_at[span.end - 1]
    if first < 0 or last < 0:
        return False
    return any(t.morph.get("VerbForm", []) == ["Fin"] for t in ctx.doc[first : last + 1])


def quote_kind(quote: str, pre: str, after: str, interrupted: bool, how: str) -> Kind:
    """`direct` when the quotation stands as the speech, `partial` when it is part of the reporter's clause.

    `pre` is the sentence before the opening mark, `after` the rest of it after the closing mark.
    """
    if pre.endswith(":") and quote[:1].islower() and after and not after.startswith(","):
        return "partial"  # `X : "pas de consensus" sur le masque`
    if not pre or pre.endswith(":") or pre in {"-", "–", "—"} or interrupted:
        return "direct"
    if not pre.endswith(","):
        return "partial"
    if re.match(r"(\w+,?\s+)?(selon|pour|d'après|d’après)\s", pre, re.IGNORECASE):
        return "direct"  # `Selon lui, « ... »`
    if quote[:1].isupper() and how == "before" and not re.search(r"\bqu(e|')", pre):
        return "direct"  # `Il a ajouté, « Nous ... »`
    return "partial"


def attribute_spans(
    ctx: ArticleContext,
    names: ArticleContext | None = None,
    *,
    min_words: int = 4,
    known: list[Attribution] | None = None,
) -> list[Attribution]:
    """Attribute every quotation span of `ctx`; `known` are the body's results when `ctx` is a title."""
    att = Attributor(ctx, names)
    names_ctx = names or ctx
    text = ctx.text
    results: list[Attribution] = []
    previous: list[tuple[int, str | None]] = []
    title_mode = known is not None
    for n, span in enumerate(ctx.spans):
        quote = text[span.start : span.end]
        words = word_count(quote)
        sent_start, _ = ctx.sentence_of(span.open_at)
        _, close_sent_end = ctx.sentence_of(min(span.close_at, len(text) - 1)) if text else (0, 0)
        prev_span = ctx.spans[n - 1] if n else None
        prev = results[-1] if results else None
        same_sentence = prev_span is not None and prev_span.close_at >= sent_start
        region_start = prev_span.close_at + 1 if same_sentence and prev_span else sent_start
        next_open = ctx.spans[n + 1].open_at if n + 1 < len(ctx.spans) else len(text)
        limit = min(close_sent_end, next_open)
        before = text[region_start : span.open_at]
        pre = before.strip(" \u00a0\u202f\t\n")
        interrupted = bool(
            same_sentence
            and prev is not None
            and prev.is_quote
            and prev.how in {"after", "continuation"}
            and prev.cue_at > (prev_span.close_at if prev_span else 0)
            and re.fullmatch(r"[,;]?\s*.{0,80}?[,;:]", pre or ",", re.S) is not None
            and not re.search(r"\bqu(e|')", pre)
        )
        cue = None
        if pre.endswith(":"):
            # `beaucoup de gens nous ont dit : « ... », raconte l'avocat`: the words are those of the
            # speaker before the colon; the cue after reports the whole sentence.
            cue = att.cue_before(span, region_start)
            verb = (
                ctx.doc[ctx.tok_at[cue.cue_at]] if cue is not None and ctx.tok_at[cue.cue_at] >= 0 else None
            )
            if (
                cue is None
                or verb is None
                or verb.morph.get("VerbForm", [])
                == ["Inf"]  # `avant d'insister :`, `pour plaider sa cause :`
                or verb.text.lower().endswith("ant")
                or cue.how != "before"
                or cue.mention is None
                or cue.mention.lower() in {"on", "nous", "vous", "je", "j'", "j’", "tu"}
                or not names_ctx.resolve(cue.mention, cue.mention_at, previous)
            ):
                cue = None
        if cue is None:
            cue = att.cue_after(span, limit)
        if cue is not None and cue.mention is None:
            cue = None
        if cue is None:
            cue = att.inner_incise(span)
        if cue is None and interrupted and prev is not None:
            cue = Cue("continuation", prev.cue, prev.cue_at, prev.mention)
        if cue is None:
            cue = att.cue_before(span, region_start)
            if (
                cue is not None
                and cue.mention is None
                and same_sentence
                and prev is not None
                and prev.speaker
            ):
                cue = Cue("continuation", cue.cue, cue.cue_at, None)
        if cue is None and same_sentence and prev is not None and prev.is_quote and prev.speaker:
            cue = Cue("continuation", None, prev.cue_at)
        if cue is None and pre and (region_start == sent_start or (prev is not None and not prev.is_quote)):
            # An earlier span of the sentence that is no quote (`du « domaine public routier », le
            # ministre invite ... à « ... »`) does not hide the sentence's subject.
            cue = att.subject_cue(span, sent_start)
            if cue is None and region_start == sent_start:
                cue = att.fronted_subject_cue(span, sent_start, close_sent_end)
            if cue is None and att.cue_after(span, close_sent_end) is None:
                # (an incise closing the sentence names the speaker of all its quotations)
                cue = att.predicate_cue(span, sent_start)
        elif cue is not None and cue.how == "before" and cue.mention is None and region_start == sent_start:
            # `Paul Girard qualifie le projet de « ... »` misparsed: the sentence subject speaks
            found = att.subject_cue(span, sent_start)
            if found is not None:
                cue = Cue("before", cue.cue, cue.cue_at, found.mention, found.mention_at)
        if (
            cue is not None
            and cue.how == "before"
            and cue.mention
            and re.search(r"\b(?:comme|de|d['’])$", pre)
            and _passive(ctx, cue.cue_at)
            and cue.mention_at < span.open_at  # (not the agent: `qualifiée d'« ... » par les syndicats`)
        ):
            # `Les précipitations ont été décrites comme « bénéfiques »`: the subject of a passive verb
            # is what the words describe, not who said them
            cue = None
        after_text = text[span.close_at + 1 : limit].strip(' \u00a0\u202f.!?…»”"')
        kind = quote_kind(quote, pre, after_text, interrupted, cue.how if cue else "")
        # speaker
        speaker: str | None = None
        mention = cue.mention if cue else None
        how = cue.how if cue else ""
        if cue is not None and cue.how == "continuation" and prev is not None:
            speaker, mention = prev.speaker, prev.mention if interrupted else None
        elif cue is not None and cue.mention:
            at = cue.mention_at if not title_mode else len(names_ctx.text)
            named = None if title_mode else ctx.name_after_description(cue.mention, cue.mention_at)
            speaker = named or names_ctx.resolve(cue.mention, at, previous)
            if speaker and not title_mode:
                # (coordinated organisations only with a plural verb: `ont déclaré la CGT et FO`)
                plural = re.match(r"[\w'’]*nt\b", (cue.cue or "").lower()) is not None
                speaker = ctx.joint_speakers(speaker, cue.mention_at, cue.mention if plural else None)
        if (
            cue is not None
            and cue.how == "after"
            and speaker
            and not title_mode
            and pre
            and region_start == sent_start
            and not names_ctx._is_person(speaker)
        ):
            # `La direction avait promis « ... », rappelle Le Parisien`: the words are those of the
            # sentence's subject, who spoke them; the body named after only reports them
            lead = att.subject_cue(span, sent_start)
            verb_at = ctx.tok_at[lead.cue_at] if lead is not None else -1
            if lead is not None and lead.mention and verb_at >= 0 and att.is_speech(ctx.doc[verb_at]):
                own = names_ctx.resolve(lead.mention, lead.mention_at, previous)
                if own and normalise(own) != normalise(speaker):
                    speaker, mention, how = own, lead.mention, "subject"
                    cue = Cue("subject", ctx.doc[verb_at].text, lead.cue_at, lead.mention, lead.mention_at)
        explicit = cue is not None and cue.how in {"after", "before", "selon", "colon", "continuation"}
        if (
            not speaker
            and not title_mode
            and words >= min_words
            and (
                (not results and not pre)
                or _NEXT_SENTENCE_CUE.match(text[close_sent_end : close_sent_end + 40])
                or _WORDS_OF.match(text, close_sent_end)
            )
        ):
            ahead = att.cue_next_sentence(span)
            if ahead is not None and ahead.mention:
                speaker = names_ctx.resolve(ahead.mention, ahead.mention_at, previous)
                how, mention, explicit = "next", ahead.mention, True
                cue = ahead
        if (
            not speaker
            and prev is not None
            and prev.is_quote
            and prev.speaker
            and not title_mode
            and not _heading_quote(text, span)
        ):
            gap = ctx.sentence_index(span.open_at) - ctx.sentence_index(prev.span.close_at)
            near = gap <= 1 or (
                gap == 2
                and kind == "direct"
                and not pre
                and _introduces_nobody(ctx, ctx.sentence_of(prev.span.close_at)[1], sent_start)
            )
            same_par = ctx.paragraph_of(span.open_at) == ctx.paragraph_of(prev.span.open_at)
            if near and (same_par or kind == "direct"):
                speaker, how = prev.speaker, "continuation"
                # A short fragment right after a quote of the same speaker is theirs too.
                explicit = quote[:1].islower() and not re.search(
                    r"\b(le|la|les|l'|l’|des|du|un|une|au|aux|certains|certaines|ces|quelques|plusieurs)$",
                    pre.lower(),
                )
        if (
            not speaker
            and not title_mode
            and kind == "direct"
            and not pre
            and words >= min_words
            and sent_start > 0
        ):
            # A quotation standing as its own sentence right after a sentence about someone
            # (`Le maire Luc Besson a pris la parole. « ... »`): the words are that person's; not
            # after an interviewer's question (`Sophie Leroy est-elle convaincue ? « ... »`), whose
            # topic does not answer it.
            prev_start, _ = ctx.sentence_of(sent_start - 1)
            question = text[prev_start:sent_start].rstrip().endswith("?")
            if not question and not any(prev_start <= s.open_at < sent_start for s in ctx.spans):
                lead = att.subject_cue(span, prev_start)
                if lead is not None and lead.mention:
                    person = names_ctx.resolve(lead.mention, lead.mention_at, previous)
                    verb_at = ctx.tok_at[lead.cue_at] if lead.cue_at >= 0 else -1
                    speaking = verb_at >= 0 and att.is_speech(ctx.doc[verb_at])
                    if person and (
                        speaking  # (`La CGT dénonce une décision injuste. « ... »`: any source)
                        or any(names_ctx.fullest_name(p.text) == person for p in names_ctx.persons)
                    ):
                        speaker, how, mention, explicit = person, "context", lead.mention, True
                        cue = lead
                if not speaker and lead is None:
                    # (`Sophie Leroy, déléguée CGT, n'est pas convaincue. « ... »` with the name parsed
                    # as a vocative: the one person the sentence is about, as a subject; not someone
                    # the quotation names)
                    quoted_words = set(re.findall(r"\w+", normalise(quote)))
                    subjects = [
                        p
                        for p in names_ctx.persons
                        if p.subject
                        and prev_start <= p.start < sent_start
                        and not quoted_words & set(name_parts(names_ctx.fullest_name(p.text)))
                    ]
                    if len({names_ctx.fullest_name(p.text) for p in subjects}) == 1:
                        speaker, how, mention, explicit = (
                            names_ctx.fullest_name(subjects[0].text),
                            "context",
                            subjects[0].text,
                            True,
                        )
                if not speaker:
                    # `Ces produits sont interdits, précise le périodique, mais persistent. « ... »`: the
                    # source of the sentence before, named in an incise, goes on speaking
                    lead = att.incise_in(prev_start, sent_start)
                    if lead is not None and lead.mention:
                        speaker = names_ctx.resolve(lead.mention, lead.mention_at, previous)
                        if speaker:
                            how, mention, explicit, cue = "context", lead.mention, True, lead
                if not speaker:
                    # `Pour Marie Leroy, la situation est différente. « ... »`, `Même son de cloche chez
                    # la CGT. « ... »`: the source the sentence before gives its view to (not `selon X`,
                    # which relays a fact)
                    same_view = _SAME_VIEW_SENTENCE.match(text, prev_start)
                    if same_view is not None:
                        at_np = ctx.tok_at[same_view.end()]
                        np = att._np_at(at_np) if at_np >= 0 else None
                        lead = Cue("selon", same_view.group(1), same_view.start(1), *np) if np else None
                    else:
                        lead = att.cue_before(span, prev_start)
                    if (
                        lead is not None
                        and lead.how == "selon"
                        and (lead.cue or "").lower() in {"pour", "chez"}
                        and lead.mention
                        and prev_start <= lead.mention_at < sent_start
                    ):
                        speaker = names_ctx.resolve(lead.mention, lead.mention_at, previous)
                        if speaker:
                            how, mention, explicit, cue = "context", lead.mention, True, lead
        if (
            not speaker
            and not title_mode
            and not results
            and kind == "direct"
            and not pre
            and words >= min_words
        ):
            # An article opening on a quotation whose speaker is introduced just after it
            # (`« ... » Camille Durand, 34 ans, habite le quartier depuis dix ans.`).
            next_start, next_end = span.close_at + 1, close_sent_end
            if not text[next_start:next_end].strip(" \u00a0\u202f.!?…\n"):
                next_start = close_sent_end
                next_end = ctx.sentence_of(next_start)[1] if next_start < len(text) else next_start
            if next_start < next_end and not any(next_start <= s.open_at < next_end for s in ctx.spans):
                probe = QuoteSpan(open_at=next_end, close_at=next_end, start=next_end, end=next_end)
                lead = att.subject_cue(probe, next_start)
                if lead is not None and lead.mention:
                    person = names_ctx.resolve(lead.mention, lead.mention_at, previous)
                    if person and any(names_ctx.fullest_name(p.text) == person for p in names_ctx.persons):
                        speaker, how, mention, explicit = person, "context", lead.mention, True
                        cue = lead
        topic = (
            title_mode
            and bool(speaker)
            and (
                _describes_a_person(mention or "")  # (`raconte le voisin qui a sauvé ...`)
                or (
                    how == "colon"
                    and not names_ctx._is_person(speaker or "")
                    and not any(
                        o.label == "ORG" and normalise(o.text) == normalise(speaker or "")
                        for o in names_ctx.orgs
                    )
                    and not any(w in _SOURCE_NOUNS for w in re.findall(r"[\w-]+", (mention or "").lower()))
                )
            )
        )
        if title_mode and known is not None and (not speaker or topic):
            # (`Algues vertes : « On nous prend pour des imbéciles »`: a topic before the colon, no
            # person nor body; `« ... », raconte le voisin`: a description; the words the body repeats
            # are of the body's speaker)
            for k in known:
                body_quote = names_ctx.text[k.span.start : k.span.end]
                a, b = normalise(quote), normalise(body_quote)
                shorter = a if len(a) <= len(b) else b
                if a == b or ((a in b or b in a) and len(shorter.split()) >= 3):
                    if topic:
                        if k.is_quote and k.speaker:
                            speaker, how, explicit, mention = k.speaker, "title-from-body", True, None
                            break
                        continue
                    if not k.is_quote:
                        explicit = False
                        how = "title-of-body-name"
                        break
                    speaker, how, explicit = k.speaker, "title-from-body", True
                    break
        # is it a quote at all?
        naming = naming_context(before, quote[:1].isupper() or quote[:1].isdigit()) if pre else None
        terminal = quote.rstrip().endswith(_TERMINAL)
        is_quote = True
        reasons: list[str] = []
        if how == "title-of-body-name":
            is_quote, reasons = False, ["same words are a name in the body"]
        elif label := is_label(
            # The raw text around the marks: `before` starts after an earlier quote of the sentence,
            # which would hide the cue of `pour « X » et « Y »`.
            quote,
            text[max(0, span.open_at - 120) : span.open_at],
            text[span.close_at + 1 : span.close_at + 121],
        ):
            is_quote, reasons = False, [f"label: {label}"]
        elif quoted_name(text, span):
            is_quote, reasons = False, ["name as the subject of a speech verb"]
        elif naming and not (
            (naming.startswith("qualifi") or _QUALIFIES.search(before)) and explicit and speaker
        ):
            is_quote, reasons = False, [f"named by {naming!r}"]
        elif (
            kind == "partial"
            and quote[:1].isupper()
            and words <= 8
            and not terminal
            and re.search(r"(?:^|\s)(dans|sur|à|au|de|du|par|avec|chez|en)$", pre.lower() or "^")
        ):
            is_quote, reasons = False, ["title after a preposition"]
        elif (
            words < min_words
            and not terminal
            and not (explicit and speaker)
            and how != "subject"
            and not (not pre and words >= 2 and _has_finite_verb(ctx, span))
        ):
            is_quote, reasons = False, ["short, no source"]
        elif (
            kind == "partial"
            and words < min_words
            and not explicit
            and how == "subject"
            and not (
                quote[:1].islower()
                and speaker
                # a person, or whoever `il`/`elle` stands for (`il met en garde contre les « ... »`)
                and (names_ctx._is_person(speaker) or (mention or "").lower() in {"il", "elle"})
            )
        ):
            is_quote, reasons = False, ["short, only a sentence subject"]
        elif (
            quote[:1].isupper()
            and kind == "partial"
            and words <= 8
            and not terminal
            and (how in {"continuation", "subject", ""} or not speaker)
        ):
            is_quote, reasons = False, ["capitalised name"]
        elif _title_case(quote) and not (how == "after" and speaker):  # (`« Yes We Can », a lancé X`)
            is_quote, reasons = False, ["title case"]
        elif (
            words < min_words
            and not terminal
            and re.match(r"\s*[A-ZÉ][\w'’-]+\s+[A-ZÉ][\w'’-]+", text[span.close_at + 1 : span.close_at + 60])
            and re.search(r"\b(le|la|les|l'|l’|des|du|un|une|au|aux)$", pre.lower())
        ):
            is_quote, reasons = False, ["label before a name"]
        elif re.search(r"[{}<>=]|://|[a-z]_[a-z]", quote) or re.search(
            r"[{}]", text[max(0, span.open_at - 30) : span.close_at + 30]
        ):
            is_quote, reasons = False, ["code"]
        if speaker:
            speaker = re.split(r"[()\[\]]", speaker)[0].strip() or None
        result = Attribution(
            span=span,
            is_quote=is_quote,
            kind=kind,
            speaker=speaker if is_quote else None,
            mention=mention if is_quote and speaker else None,
            cue=(cue.cue if cue and is_quote and speaker else None),
            cue_at=cue.cue_at if cue else -1,
            how=how,
            words=words,
            reasons=reasons,
        )
        results.append(result)
        if is_quote and speaker:
            previous.append((cue.mention_at if cue and cue.mention_at >= 0 else span.open_at, speaker))
    if not title_mode:
        _share_final_incise(ctx, att, results)
        _share_repeated_words(text, results)
        _heading_from_next(ctx, text, results)
    else:
        _title_person(ctx, names_ctx, results)
    return results


def _word_starts(tokens: list[Token]) -> list[Token]:
    """The tokens that open a word of a name: `Aït` in `Aït` `-` `Ahmed`, not the hyphen or `Ahmed`."""
    return [
        t for t in tokens if t.text not in {"-", "‐"} and not (t.i > 0 and t.doc[t.i - 1].text in {"-", "‐"})
    ]


def _passive(ctx: ArticleContext, at: int) -> bool:
    """Whether the verb at offset `at` is passive (`ont été décrites`, `sont considérées`)."""
    k = ctx.tok_at[at] if 0 <= at < len(ctx.tok_at) else -1
    if k < 0:
        return False
    verb = ctx.doc[k].head if ctx.doc[k].dep_.startswith("aux") else ctx.doc[k]  # (the cue opens on `ont`)
    return any(c.dep_ == "aux:pass" for c in verb.children)


def _title_person(title: ArticleContext, names: ArticleContext, results: list[Attribution]) -> None:
    """A headline quote with no cue is the one person the headline names (`« Ta mère mérite mieux » :
    quand Macron sermonne ...`, `Moscovici « peu emballé »`), in the body's fullest form, or else the
    one source its other quotes have."""
    persons = {names.fullest_name(p.text) for p in names.persons if p.start < 0}  # (-1: in the title)
    quoted = {r.speaker for r in results if r.is_quote and r.speaker}
    if len(persons) != 1 and len(quoted) == 1:
        persons = quoted  # `la lutte pour « X » est un « Y », selon Khamenei`: one headline, one source
    if len(persons) != 1:
        return
    person = persons.pop()
    for r in results:
        if r.is_quote and not r.speaker:
            r.speaker, r.how = person, "title-person"


def _share_repeated_words(text: str, results: list[Attribution]) -> None:
    """Words quoted twice are one speaker's: an opening line or a heading (`- « Grâce aux efforts de
    chacun » -`) left without a cue takes the speaker of the attributed quote that repeats them."""
    for r in results:
        if not r.is_quote or r.speaker or r.words < 3:
            continue
        words = normalise(text[r.span.start : r.span.end]).strip(" .!?…")
        for other in results:
            if other is r or not other.is_quote or not other.speaker:
                continue
            if words in normalise(text[other.span.start : other.span.end]):
                r.speaker, r.how = other.speaker, "repeated"
                break


def _heading_quote(text: str, span: QuoteSpan) -> bool:
    """A quotation that is a line of its own, short and without final punctuation, with text after it:
    an intertitle pulled from the section it opens (`« On verra bien »` over `Du côté des riverains, ...`),
    or one a scraper glued between two paragraphs (`2023."Nous irons jusqu'au bout"Côté syndical`)."""
    quote = text[span.start : span.end]
    if quote.rstrip().endswith(_TERMINAL) or word_count(quote) > 14:
        return False
    glued = (
        span.open_at > 0
        and text[span.open_at - 1] in '.!?»"”'
        and re.match(r"[A-ZÀ-Þ][a-zß-ÿ]", text[span.close_at + 1 : span.close_at + 3]) is not None
    )
    line_start = text.rfind("\n", 0, span.open_at) + 1
    line_end = text.find("\n", span.close_at)
    if glued or line_end < 0 or not text[line_end:].strip():
        return glued
    outside = text[line_start : span.open_at] + text[span.close_at + 1 : line_end]
    return re.fullmatch(r"[\s\-–—]*", outside) is not None


def _heading_from_next(ctx: ArticleContext, text: str, results: list[Attribution]) -> None:
    """An intertitle quotation that no quote below repeats is the words of whoever speaks first in the
    next paragraph (not a continuation of the section before)."""
    for i, r in enumerate(results):
        if not r.is_quote or r.speaker or not _heading_quote(text, r.span):
            continue
        below = next((o for o in results[i + 1 :] if o.is_quote), None)
        if (
            below is not None
            and below.speaker
            and ctx.paragraph_of(below.span.open_at) == ctx.paragraph_of(r.span.open_at) + 1
        ):
            r.speaker, r.how = below.speaker, "heading"


def quoted_name(text: str, span: QuoteSpan) -> bool:
    """A short capitalised quotation with no final punctuation followed, without a comma, by a speech
    verb is a name used as the subject (`« 60 millions de consommateurs » souligne`), not a quote."""
    quote = text[span.start : span.end]
    if not (quote[:1].isupper() or quote[:1].isdigit()) or quote.rstrip().endswith(_TERMINAL):
        return False
    if word_count(quote) > 6:
        return False
    # The verb must introduce what is said (`souligne que`, `écrit :`): `« Nous partirons » affirme X`,
    # with its comma lost, has the subject after the verb.
    after = re.match(
        r"[ \u00a0\u202f]*(?:(?:a|avait|aurait|ont)[ \u00a0\u202f]+)?([\w'’]+)[ \u00a0\u202f]*(qu['’]|que\b|:)",
        text[span.close_at + 1 : span.close_at + 60],
    )
    if after is None:
        return False
    verb = after.group(1).lower()
    return load_lexicon().lemma(verb) is not None and not verb.endswith("ant")


def _introduces_nobody(ctx: ArticleContext, start: int, end: int) -> bool:
    """Whether [start, end) names no person or organisation and its main verb has no noun subject:
    `Avant d'avancer la possibilité que son frère ait eu un complice.` between two quotes of one speaker;
    `Autre son de cloche pour le parquet de Paris.` names a body."""
    tokens = ctx.tokens_between(start, end)
    if any(start <= p.start < end for p in ctx.persons):
        return False  # (a person the recognizer tagged otherwise: `Élise, elle, envisage d'arrêter.`)
    return bool(tokens) and not any(
        t.ent_type_ in {"PER", "ORG"}
        or (t.dep_ in SUBJECT_DEPS and t.pos_ in {"NOUN", "PROPN"} and t.head.dep_ == "ROOT")
        or (
            t.text.lower() in _ROLE_OR_ORG_NOUNS
            and t.i >= 2
            and t.doc[t.i - 1].pos_ == "DET"
            and t.doc[t.i - 2].text.lower() in {"pour", "chez"}
        )
        for t in tokens
    )


def _share_final_incise(ctx: ArticleContext, att: Attributor, results: list[Attribution]) -> None:
    """An incise closing a sentence reports all of it: in `en prenant en compte « A » et sur une « B »,
    a annoncé X.`, A is X's too, when it has no cue of its own and nothing between A and B reports;
    so does one after quotations that follow each other with nothing but a full stop between them."""
    for n in range(len(results) - 2, -1, -1):
        r = results[n]
        sent_start, _ = ctx.sentence_of(r.span.open_at)
        if not r.is_quote or not (r.how == "" or (r.how == "continuation" and r.cue_at < sent_start)):
            continue
        later = results[n + 1]
        # `« A ». « B », selon X.`: a quotation with no cue of its own that abuts the next one, only
        # punctuation between them, is the same speaker's, though a full stop ends its sentence.
        abutting = r.how == "" and not ctx.text[r.span.close_at + 1 : later.span.open_at].strip(
            " \u00a0\u202f\n.!?…"
        )
        if (
            (ctx.sentence_of(later.span.open_at)[0] != sent_start and not abutting)
            or not later.is_quote
            or later.how != "after"
            or not later.speaker
            or later.cue_at <= later.span.close_at
        ):
            continue
        between = ctx.tokens_between(r.span.close_at + 1, later.span.open_at)
        if any(att.is_speech(t) and t.pos_ in {"VERB", "AUX"} for t in between):
            continue
        r.speaker, r.how, r.cue, r.cue_at, r.mention = (
            later.speaker,
            "after",
            later.cue,
            later.cue_at,
            later.mention,
        )
