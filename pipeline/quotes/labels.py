"""Quoted labels that are not quotes: legal charges, poll answers, ratings, alert levels, classifications.

docs/quote-guideline.md §1.2-1.3 excludes quoted material that names a category rather than
reproducing someone's words: `mis en examen pour « détournements de fonds publics »`, `40 % « plutôt
favorables »`, `la note passe à « B- »`, `vigilance orange « orages »`, `classé « cancérogène
probable »`, `consacré « meilleur du monde »`, `un « certificat de non contagiosité »`.

`is_label(quote, before, after)` answers with a short reason or None. It needs no model: the
vocabularies live in labels.txt, the cues are read in the text around the marks. A quotation is a
label only when its words fit a vocabulary *and* its context is the one where that vocabulary names
a category (a charge after `pour` / `des chefs de`, a poll answer next to a percentage ...); a
sentence (pronoun, relative, conjugated auxiliary, final `!`/`?`) is never a label, so
`« c'est de la corruption pure et simple », a dénoncé X` stays a quote.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from pipeline.quotes.lexicon import read_sections

__all__ = ["is_label", "label_list"]

_MARKS = '"«»“”„‹›'
#: Words that make quoted material a sentence someone said, not a category name (normalised form).
_SPEECH_WORDS = frozenset(
    (  # a word string: a list literal would take sixty lines  # noqa: SIM905
        "je j' tu il elle on nous vous ils elles me m' te t' moi toi lui leur y "
        "qui que qu' dont c' c'est ce n' ne "
        "est sont etait etaient sera seront serait fut ai as avons avez ont avait avaient aura "
        "suis es sommes etes va vont vais peut peuvent doit doivent faut veux veut voulons"
    ).split()
)
_WORD = re.compile(r"[\w&]+(?:['’-][\w&]*)*'?|[^\w\s]")
_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s?(?:%|pour ?cent\b|points?\b)")
#: Credit ratings (S&P / Fitch, Moody's): with a sign or a digit, or `AAA`, they are never words.
_RATING_CODE = re.compile(
    r"(?:aaa|aa|bbb|bb|ccc|cc|sd|rd)[+-]?|[abc][+-]|(?:aa|baa|ba|caa|a|b)[123]|triple a|double a"
)
_SURE_RATING = re.compile(r".*[+\d-]|aaa|triple a|double a")
_SINGLE_GRADE = re.compile(r"[a-g][+-]?")
_ALERT_LEVEL = re.compile(
    r"(?:vigilance|alerte|niveau d'alerte|niveau|phase|stade)\s+"
    r"(?:rouge|orange|jaune|verte?|maximale?|renforcee|\d)(?:\s.*)?"
)
_AWARD = re.compile(
    r"(?:(?:le|la|les) |l')?(?:meilleure?s?|plus (?:grande?s?|beaux?|belles?))\b.{0,50}?"
    r"\b(?:du monde|au monde|de france|d'europe|de l'annee|de l'histoire|de la planete)"
)
#: The end of the text before an alert phenomenon: `vigilance orange`, `alerte aux`, `au niveau`.
_ALERT_CUE = re.compile(
    r"\b(?:vigilance|alerte|niveau|vigipirate|posture)"
    r"(?:\s+(?:meteo\s+)?(?:rouge|orange|jaune|verte?|\d|maximale?|renforcee))?"
    r"(?:\s+(?:aux|pour|de type|de|d'|a la|au))?$"
)
#: Words before a quoted alert level (`le département passe en « vigilance rouge »`).
_ALERT_LEVEL_CUE = re.compile(
    r"\b(?:en|au)$|\b(?:meteo|prefect|departement|vigipirate|declench|releve|abaiss|passe|place)"
)
#: Words allowed between an award verb and the title (`consacré l'année dernière « meilleur du monde »`).
_AWARD_FILLER = (
    r"(?:\s+(?:l'annee|l'an|derniere?|en|\d{4}|cette|annee|par|a|de|nouveau|encore|une|fois|deja))*"
)
#: A percentage at the end of the text before, a few words off (`54 % des Français se disent`).
_PERCENT_BEFORE = re.compile(r"\d+(?:[.,]\d+)?\s?(?:%|pour ?cent)(?:\s+[\w']+){0,4}\s*\(?$")
#: A percentage opening the text after (`« satisfaits » (31 %)`, `« oui » à 52 %`).
_PERCENT_AFTER = re.compile(r"\s*[(:,]?\s*(?:(?:a|avec|soit|pour)\s+)?\d+(?:[.,]\d+)?\s?(?:%|pour ?cent)")
_CHARGE_CUE = re.compile(
    r"(?:\bpour"
    r"|\bchefs? d'accusation d[e']"
    r"|\bchefs? d[e']"
    r"|\bfaits d[e']"
    r"|\bsoupcons d[e']"
    # only the passive participle (`il est accusé de`, `, soupçonné de`): `X accuse Y de « ... »` is speech
    r"|(?:^|[.!?:,]\s*|\b(?:est|sont|etait|etaient|ete|etre|fut|soit|sera|seront|reste|restent)\s+)"
    r"(?:[\w']+\s+){0,2}(?:accus|soupconn|suspect|inculp)(?:e|ee|es|ees) d[e']"
    r"|\bcoupables? d[e']"
    r"|\b(?:delit|crime|infraction|contravention|qualification|incrimination|motif)s? d[e']"
    r"|\b(?:re)?qualifi\w*(?:\s+[\w']+){0,3}\s+en"
    r")(?:\s+(?:notamment|egalement|aussi|entre autres|principalement|surtout|meme))*"
    r"(?:\s+(?:le|la|les|des|du)|\s*l')?\s*$"
)
_TRAILING_QUOTED = re.compile(
    r"[" + _MARKS + r"]\s*([^" + _MARKS + r"]{1,120}?)\s*[" + _MARKS + r"]\s*(?:,|\bet|\bou)\s*$"
)


#: A translation or definition right before the quotation (lowercase, accents removed: `_norm`).
_GLOSS_BEFORE = re.compile(
    r"(?:(?<!\ba )(?<!\bont )(?<!\bavait )\bsignifi(?:e|ent|ait|aient|ant)|\bveu(?:t|lent) dire|\bvoulant dire|\bdesign(?:e|ent|ant))(?: \w+)?$"
)
#: A quoted word that a definition follows (`« caro » signifie`).
_GLOSSED_AFTER = re.compile(r"(?:signifi(?:e|ent|ait|aient)|veu(?:t|lent) dire|design(?:e|ent))\b")


def _norm(text: str) -> str:
    """Lowercase, accents removed, typographic apostrophes and odd spaces made plain, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " "))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split())


@lru_cache(maxsize=1)
def _lists() -> dict[str, tuple[str, ...]]:
    return {name: tuple(_norm(line) for line in lines) for name, lines in read_sections("labels.txt").items()}


def label_list(name: str) -> tuple[str, ...]:
    """One vocabulary of labels.txt (`offences`, `poll_answers` ...), normalised."""
    try:
        return _lists()[name]
    except KeyError:
        raise KeyError(f"no list [{name}] in pipeline/quotes/labels.txt") from None


def _entry_pattern(entry: str) -> str:
    """Regex of one entry: each word of three letters or more may take `e`, `s`, `es` or `x`."""
    parts = []
    for word in entry.split(" "):
        w = re.escape(word)
        parts.append(w + r"(?:e?s|x|e)?" if len(word) >= 3 and word[-1].isalpha() else w)
    return r"\s+".join(parts)


@cache
def _alternation(name: str) -> re.Pattern[str]:
    """Longest-first alternation of a list's entries, as a word-bounded group."""
    entries = sorted(label_list(name), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(_entry_pattern(e) for e in entries) + r")(?![\w'])")


def _words(norm: str) -> list[str]:
    return _WORD.findall(norm)


def _is_sentence(norm: str) -> bool:
    """Whether normalised quoted material reads as something said: a pronoun, a verb, a full stop."""
    if re.search(r"[!?]|\.\s|\.\.\.|…|:", norm) or norm.endswith("."):
        return True
    return any(w in _SPEECH_WORDS for w in _words(norm))


def _strip_det(norm: str) -> str:
    return re.sub(r"^(?:le |la |les |l'|des |du |de |d')", "", norm)


def _is_charge(norm: str) -> bool:
    """Whether normalised quoted material is the name of an offence (`corruption active et passive`)."""
    if not norm or _is_sentence(norm) or len(_words(norm)) > 15:
        return False
    rest = _strip_det(re.sub(r"^pour ", "", norm))
    offences, prefixes = _alternation("offences"), _alternation("offence_prefixes")
    # `tentative de coup d'État` is a charge as a whole, `complicité de meurtre` through its object
    while offences.match(rest) is None:
        m = prefixes.match(rest)
        if m is None:
            return False
        rest = _strip_det(rest[m.end() :].lstrip())
    return True


def _charge_cue(before: str) -> bool:
    """Whether `before` ends with a legal cue (`mis en examen pour`, `des chefs de`), skipping quoted
    charges listed before this one (`pour « X » et « Y »`)."""
    tail = before
    for _ in range(6):
        if _CHARGE_CUE.search(tail):
            return True
        m = _TRAILING_QUOTED.search(tail)
        if m is None or not _is_charge(_norm(m.group(1))):
            return False
        tail = tail[: m.start()].rstrip()
    return False


def _full(name: str, norm: str) -> bool:
    return _alternation(name).fullmatch(norm) is not None


def _poll_answer(norm: str) -> bool:
    core = norm
    m = _alternation("poll_intensifiers").match(core)
    if m is not None and core[m.end() :].strip():
        core = core[m.end() :].strip()
    return _full("poll_answers", core)


def _poll_context(pre: str, post: str) -> bool:
    """A percentage right next to the quotation, or a poll word and a percentage in its sentence."""
    if _PERCENT_BEFORE.search(pre) or _PERCENT_AFTER.match(post):
        return True
    sentence = re.split(r"[.!?]\s", pre)[-1]
    return _mentions("poll_words", sentence, len(sentence)) and _PERCENT.search(sentence) is not None


def _mentions(name: str, tail: str, window: int) -> bool:
    """Whether one entry of list `name` stands as a word in the last `window` characters of `tail`."""
    return re.search(r"(?<!\w)" + _alternation(name).pattern, tail[-window:]) is not None


def is_label(quote: str, before: str, after: str) -> str | None:
    """Why the quoted text is a label and not a quote (a short reason), or None.

    `quote` is the text between the marks, `before` / `after` up to ~120 characters of article text
    before the opening mark and after the closing mark.
    """
    norm = _norm(quote).strip(" ,;")
    if not norm:
        return None
    pre = _norm(before.rstrip().rstrip(_MARKS))
    post = _norm(after.lstrip().lstrip(_MARKS))

    if not _is_sentence(norm) and len(_words(norm)) <= 8:
        if _GLOSS_BEFORE.search(pre):
            return "gloss"  # `la photosphère, ce qui signifie « boule de lumière »`
        if _GLOSSED_AFTER.match(post):
            return "word glossed"  # `« caro » signifie « cher »`
        if re.search(r"\(\s*(?:ou|soit)$", pre):
            return "other name"  # `deux enregistreurs de vol (ou « boîtes noires »)`
    if _is_charge(norm) and (norm.startswith("pour ") or _charge_cue(pre)):
        return "legal charge"
    if _full("legal_terms", _strip_det(norm)):
        return "legal term"
    if _poll_answer(norm) and _poll_context(pre, post):
        return "poll answer"
    if _RATING_CODE.fullmatch(norm) and (_SURE_RATING.fullmatch(norm) or _mentions("rating_cues", pre, 60)):
        return "rating"
    if _SINGLE_GRADE.fullmatch(norm) and _mentions("rating_cues", pre, 40):
        return "rating"
    if (
        _full("outlooks", norm)
        and re.search(r"\bperspectives?(?: \w+)?$", pre)
        and _mentions("rating_cues", re.sub(r"\bperspectives?(?: \w+)?$", "", pre), 120)
    ):
        return "rating outlook"
    if _full("alert_phenomena", norm) and _ALERT_CUE.search(pre):
        return "alert level"
    if _ALERT_LEVEL.fullmatch(norm) and not _is_sentence(norm) and _ALERT_LEVEL_CUE.search(pre[-60:]):
        return "alert level"
    if _full("classifications", _strip_det(norm)) and _mentions("classification_cues", pre, 50):
        return "classification"
    if (
        _AWARD.fullmatch(norm)
        and not _is_sentence(norm)
        and (
            re.search(r"\bau$", pre)  # `Au « meilleur restaurant du monde », ...`: a place named by its title
            or re.search(r"(?<!\w)" + _alternation("award_cues").pattern + _AWARD_FILLER + "$", pre)
        )
    ):
        return "award or ranking"
    if (
        not _is_sentence(norm)
        and len(_words(norm)) <= 8
        and re.search(r"\b(?:un|une|le|la|l'|les|des|du|ce|cet|cette|son|sa|ses|leur|leurs)\s*$", pre)
        and _alternation("document_types").match(_strip_det(norm))
    ):
        return "document type"
    if len(re.sub(r"[^a-z]", "", norm)) <= 2 and not re.search(r"\d", norm) and quote.strip().islower():
        # `prononcer « r » et « rr »` (after the grades: `classé « G »`; `« OK », a-t-il dit` is said)
        return "a letter or two"
    return None
