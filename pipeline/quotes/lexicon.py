"""The speech-verb lexicon: lemmas from `speech_verbs.txt` expanded to the forms met in press text."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_ER_ENDINGS = (
    "e",
    "es",
    "ent",
    "é",
    "ée",
    "és",
    "ées",
    "ait",
    "aient",
    "a",
    "èrent",
    "era",
    "erait",
    "eront",
    "eraient",
    "ant",
    "er",
)


@dataclass(frozen=True)
class Lexicon:
    """Speech-verb forms (lowercase) mapped to their lemma, and source-introducing words."""

    forms: dict[str, str]
    source_preps: frozenset[str]

    def lemma(self, word: str) -> str | None:
        """The speech-verb lemma of a (lowercase or not) word form, or None."""
        word = word.lower().replace("’", "'")
        return self.forms.get(word)


def _er_forms(lemma: str) -> set[str]:
    stem = lemma[:-2]
    forms = {stem + ending for ending in _ER_ENDINGS}
    # Stem changes: espérer -> espère, rappeler -> rappelle (listed explicitly), jeter ...
    if len(stem) > 2 and stem[-2] in "éè":
        grave = stem[:-2] + "è" + stem[-1]
        forms |= {grave + e for e in ("e", "es", "ent")}
    if len(stem) > 2 and stem[-2] == "e" and stem[-1] not in "aeiouy":
        # relever -> relève, relèvera; marteler -> martèle; appeler -> appelle; jeter -> jette
        grave = stem[:-2] + "è" + stem[-1]
        forms |= {grave + e for e in ("e", "es", "ent", "era", "erait", "eront", "eraient")}
        if stem[-1] in "lt":
            forms |= {stem + stem[-1] + e for e in ("e", "es", "ent", "era", "erait", "eront", "eraient")}
    if stem.endswith("g"):
        forms |= {stem + "e" + e for e in ("a", "ait", "aient", "ant")}
    if stem.endswith("c"):
        forms |= {stem[:-1] + "ç" + e for e in ("a", "ait", "aient", "ant")}
    if stem.endswith("y"):
        forms |= {stem[:-1] + "i" + e for e in ("e", "es", "ent")}
    return forms


def _ir_forms(lemma: str) -> set[str]:
    stem = lemma[:-2]
    return {stem + e for e in ("it", "i", "ie", "issait", "issaient", "ira", "irait", "irent", "issent")}


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the packaged speech-verb list once and expand it to inflected forms."""
    raw = resources.files("pipeline.quotes").joinpath("speech_verbs.txt").read_text(encoding="utf-8")
    forms: dict[str, str] = {}
    preps: set[str] = set()
    for line in raw.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("="):
            preps.add(line[1:].strip())
            continue
        lemma, *irregular = line.split()
        bare = lemma.replace("_", " ").split()[-1]
        if bare.startswith("s'"):
            bare = bare[2:]
        generated: set[str] = set()
        if bare.endswith("er"):
            generated = _er_forms(bare)
        elif bare.endswith("ir") and not irregular:
            generated = _ir_forms(bare)
        generated.add(bare)
        for form in generated | set(irregular):
            forms.setdefault(form, bare)
    return Lexicon(forms=forms, source_preps=frozenset(preps))


def read_sections(filename: str) -> dict[str, list[str]]:
    """The lines of each `[section]` of a packaged list file (`wordlists.txt`, `labels.txt`).

    Blank lines, `#` comment lines and `  # ...` trailing comments are dropped.
    """
    raw = resources.files("pipeline.quotes").joinpath(filename).read_text(encoding="utf-8")
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in raw.splitlines():
        line = line.split("  #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
            continue
        if current is None:
            raise ValueError(f"{filename}: entry before any [section]: {line!r}")
        current.append(line)
    return sections


@lru_cache(maxsize=1)
def _wordlists() -> dict[str, frozenset[str]]:
    return {
        name: frozenset(w.replace("_", " ") for line in lines for w in line.split())
        for name, lines in read_sections("wordlists.txt").items()
    }


def wordlist(name: str) -> frozenset[str]:
    """One packaged word list (`role_nouns`, `naming_words` ...) from wordlists.txt."""
    try:
        return _wordlists()[name]
    except KeyError:
        raise KeyError(f"no word list [{name}] in pipeline/quotes/wordlists.txt") from None


@dataclass(frozen=True)
class Holder:
    """One holder of an office and the years they held it (`offices.txt`)."""

    first: str
    last: str
    terms: tuple[tuple[int, int | None], ...]  # (first year, last year or None while in office)

    def in_office(self, year: int) -> bool:
        """Whether they held the office at some time in `year`."""
        return any(start <= year and (end is None or year <= end) for start, end in self.terms)


@dataclass(frozen=True)
class Office:
    """An office the press names without its holder, and who held it (`offices.txt`)."""

    phrases: tuple[str, ...]  # lowercase, without determiner: `premier ministre`, `chef du gouvernement`
    holders: tuple[Holder, ...]


def _terms(text: str, where: str) -> tuple[tuple[int, int | None], ...]:
    terms: list[tuple[int, int | None]] = []
    for term in text.split():
        start, dash, end = term.partition("-")
        if not start.isdigit() or (end and not end.isdigit()):
            raise ValueError(f"offices.txt {where}: expected years like `2014-2016` or `2025-`, got {term!r}")
        terms.append((int(start), int(end) if end else (None if dash else int(start))))
    if not terms:
        raise ValueError(f"offices.txt {where}: no years in office")
    return tuple(terms)


@lru_cache(maxsize=1)
def offices() -> tuple[Office, ...]:
    """The packaged offices and their holders, from offices.txt."""
    result = []
    for name, lines in read_sections("offices.txt").items():
        holders = []
        for line in lines:
            parts = [p.strip() for p in line.split("/")]
            if len(parts) != 3 or not all(parts):
                raise ValueError(
                    f"offices.txt [{name}]: expected `first name / surname / years`, got {line!r}"
                )
            holders.append(Holder(parts[0], parts[1], _terms(parts[2], f"[{name}] {line!r}")))
        phrases = tuple(p.strip().replace("’", "'") for p in name.split("|") if p.strip())
        result.append(Office(phrases=phrases, holders=tuple(holders)))
    return tuple(result)


@lru_cache(maxsize=1)
def role_alike() -> dict[str, frozenset[str]]:
    """Role nouns another role noun may stand for (`comédien` -> `acteur`, `élu` -> `député`).

    From wordlists.txt: every word of a `[role_synonyms]` line stands for the others; the first word
    of a `[role_hypernyms]` line stands for the rest of it.
    """
    sections = read_sections("wordlists.txt")
    alike: dict[str, set[str]] = {}
    for line in sections.get("role_synonyms", []):
        words = line.split()
        for w in words:
            alike.setdefault(w, set()).update(x for x in words if x != w)
    for line in sections.get("role_hypernyms", []):
        general, *specific = line.split()
        alike.setdefault(general, set()).update(specific)
    return {w: frozenset(ws) for w, ws in alike.items()}
