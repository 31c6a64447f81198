"""The canonical form of a speaker string (docs/quote-guideline.md §4.1), applied after attribution.

`canonical_speaker(speaker, body, title)` rewrites one attributed speaker into the form the
guideline asks for, using only words written in the article: it never invents a name, and a speaker
with no fuller form comes back unchanged (None stays None).

- Garbage after the speaker is cut at sentence punctuation, heading dashes, parentheses, commas and
  relative pronouns (`le Dr Juneja.- Liste d'attente -L'hôpital` -> `le Dr Juneja`).
- A person's name after an honorific, a role or a description stands alone (`le Dr X`, `Me X`,
  `un responsable de la Croix-Rouge Marc Zyltman` -> `Marc Zyltman`), unless the name belongs to a
  complement (`le frère de X`, `la fille de l'ex-président Jacques Chirac`).
- A medium named after its noun keeps its name (`le quotidien Le Parisien` -> `Le Parisien`).
- A person's partial name becomes the fullest form written in the article, title included, even
  where the NER missed the first name (`Juneja` -> `Deven Juneja` from `le docteur Deven Juneja`);
  a surname shared by several people goes to the one named last before the cue, and stays as it is
  without a cue (title quotes); a first name alone becomes the one person's full name that bears it,
  and so does a surname written first (`Mlle Yeah` for `Yeah Lee Ching`).
- An organisation's short form becomes the longest form the article gives for it (`Vinci` ->
  `Vinci Autoroutes`), an acronym the full name spelt out around it (`le FMI` -> `le Fonds monétaire
  international` from `Fonds monétaire international (FMI)`).
- Only organisations and persons named before the short form are used (`Google` is not `Google
  Glass`), places are never extended, so metonyms stay what they are (`Moscou`, `Matignon`), and joint
  speakers (`X et Y`) are handled name by name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pipeline.quotes.attribution import (
    ADVERBS,
    FEMALE_NAMES,
    HONORIFICS,
    MALE_NAMES,
    MEDIA_NOUNS,
    NAME_PARTICLES,
    PLATFORMS,
    POST_NOMINALS,
    PRE_ADJ,
    ROLE_NOUNS,
    ArticleContext,
    _bare,
    _with_determiner,
    name_parts,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["canonical_speaker"]

_DETERMINERS = {"le", "la", "les", "l'", "l’", "un", "une", "des", "ce", "cet", "cette", "son", "sa", "ses"}
#: Words after which a name is a complement, not the speaker: `le frère de X`, `selon X`.
_LINKS = frozenset(
    ["de", "du", "des", "d'", "d’", "à", "au", "aux", "chez", "par", "pour", "avec", "et", "selon", "contre"]
)
#: Nouns for relatives: the name after `le fils de l'acteur` is the actor's, not the son's.
_KIN = frozenset(
    ["frère", "sœur", "soeur", "père", "mère", "fils", "fille", "époux", "épouse", "mari", "femme", "veuve"]
)
#: Small words left out of an acronym: `Confédération générale du travail` (CGT).
_ACRONYM_SKIP = frozenset(
    ["de", "du", "des", "la", "le", "l'", "l’", "et", "d'", "d’", "en", "pour", "aux", "à"]
)
_FUNCTION_WORDS = _DETERMINERS | _LINKS | {"que", "qu'", "qu’"}
#: Honorifics that go before a surname only (`Mme Plibersek`, never `Mme Tanya`).
_CIVIL_TITLES = {"m", "mme", "mlle", "monsieur", "madame", "mademoiselle"}
#: Capitalised words that open a sentence or a title, never a first name.
_NOT_FIRST_NAMES = {"le", "la", "les", "un", "une", "selon", "pour", "par", "mais", "et", "de", "du", "des"}
#: Time words after a speaker (`la ministre vendredi matin`): adverbials, not part of the noun phrase.
_WHEN = re.compile(
    r"\s(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
    r"(?:\s\d{1,2}(?:er)?\s(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
    r"décembre)(?:\s\d{4})?)?|hier|aujourd'hui|aujourd’hui|"
    r"ce matin|ce soir|cette semaine)(?:\s(?:matin|soir|midi|après-midi|dernier|soir-là))?$"
)
#: `un représentant de la banque il y a deux semaines`: the subject pronoun of `il y a` ends no noun
#: phrase.
_AGO = re.compile(r"\sil(?:\sy\sa\b.*)?$")
_RELATIVE = re.compile(r"\s(?:qui|dont|lequel|laquelle|lesquels|lesquelles)\s")
#: A name token: capitalised word, initials (`J.D.`), hyphenated or with an apostrophe (`O'Neill`).
_NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$")


def canonical_speaker(
    speaker: str | None, body: ArticleContext, title: ArticleContext | None = None, at: int | None = None
) -> str | None:
    """The speaker string in the form of guideline §4.1, from the names the article writes.

    `body` is the article's context (it knows the title's persons once `add_title` ran), `title` the
    title's, `at` the offset of the cue in the body (None for title quotes).
    """
    if speaker is None or not speaker.strip():
        return speaker
    forms = _Forms(body, title)
    cut = _cut(speaker)
    if cut is None:
        return speaker
    parts = cut.split(" et ")
    if len(parts) > 1 and all(p.split() and _NAME_WORD.match(p.split()[0]) for p in parts):
        return " et ".join(forms.canonical(p, at) for p in parts)
    return forms.canonical(cut, at)


def _cut(speaker: str) -> str | None:
    """`speaker` up to the first sentence break, heading dash, parenthesis, comma or relative clause.

    Parentheses are dropped (`Sophie Auconie (UDI)`), a list of names becomes joint speakers
    (`A, B et C` -> `A et B et C`); None when nothing but function words would be left.
    """
    text = " ".join(speaker.split()).strip(" -–—")
    if sum(text.count(q) for q in '"«»“”') == 1:
        text = text.strip('"«»“” ')  # a stray quotation mark from a span cut mid-quote
    text = re.sub(r"\s*\([^()]*\)", "", text)
    listed = _name_list(text)
    if listed is not None:
        return listed
    end = len(text)
    for m in re.finditer(r"[.!?;…]|\s[-–—]|[-–—](?:\s|$)|[:()|•]|,(?=\s|$)", text):
        if m.group() == ".":
            before = re.search(r"(\S+)$", text[: m.start()])
            word = before.group(1) if before else ""
            after = text[m.end() : m.end() + 1]
            # `M.`, `J.D.`, `Dr.`: abbreviations and initials are not sentence ends.
            initials = re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word) is not None
            if after.isalnum() or initials or word.lower() in HONORIFICS:
                continue
        end = m.start()
        break
    rel = _RELATIVE.search(text[:end])
    if rel:
        end = rel.start()
    when = _WHEN.search(text[:end]) or _AGO.search(text[:end])
    if when:
        end = when.start()
    words = text[:end].strip(" -–—").split()
    while (
        len(words) > 2
        and words[0].lower() in ADVERBS | {"parfois", "souvent"}
        and words[1].lower() in _DETERMINERS
    ):
        words = words[1:]  # `parfois les médecins`: an adverb before the subject is no part of it
    # `Brigitte Grouwels de`, `ce vendredi` -> nothing; capitalised words only alone (`Kim Jong Un`).
    while words and (words[-1] if len(words) > 1 else words[-1].lower()) in _FUNCTION_WORDS:
        words.pop()
    while len(words) > 1 and words[-2][:1].isupper() and words[-1].rstrip(".").lower() in POST_NOMINALS:
        words.pop()  # `Andrew Edis QC`
    return " ".join(words) if any(re.search(r"\w\w", w) for w in words) else None


def _name_list(text: str) -> str | None:
    """`A, B et C` (names, media) -> `A et B et C`, the guideline's form for joint speakers."""
    if "," not in text or " et " not in text:
        return None
    names = [n.strip() for n in re.split(r",|\bet\b", text)]
    if len(names) < 3 or not all(
        n.split() and _NAME_WORD.match(n.split()[0]) and _is_name(n.split()[-1:]) for n in names
    ):
        return None
    return " et ".join(names)


def _after_honorific(words: list[str]) -> str | None:
    """`M. De Bock`, `Mme Le Pen`, `le Dr Juneja` -> the name after the honorific, else None."""
    k = 1 if words and words[0].lower() in {"le", "la"} else 0
    honorific = words[k].lower() if k < len(words) else ""
    if k + 1 >= len(words) or (honorific not in HONORIFICS and honorific.rstrip(".") not in HONORIFICS):
        return None
    rest = words[k + 1 :]
    particles_first = rest[0].lower() in NAME_PARTICLES and len(rest) > 1  # `Le Pen`, `De Bock`
    if not (_is_name(rest) or (particles_first and _is_name(rest[1:]))):
        return None
    return " ".join(rest)


def _is_name(words: list[str]) -> bool:
    """Capitalised words, particles inside (`Charles de Gaulle`), no determiner first."""
    return (
        bool(words)
        and bool(_NAME_WORD.match(words[0]))
        and words[0].lower() not in _NOT_FIRST_NAMES
        and words[0].lower() not in {"l'", "l’"}
        and not re.match(r"^[Ll]['’]", words[0])
        and all(_NAME_WORD.match(w) or w.lower() in NAME_PARTICLES for w in words)
        and bool(_NAME_WORD.match(words[-1]))
    )


def _noun(word: str) -> str:
    return re.sub(r"^[ldLD]['’]", "", word).lower()


class _Forms:
    """The names an article writes (body and title), and the rules that pick a speaker's form."""

    def __init__(self, body: ArticleContext, title: ArticleContext | None) -> None:
        self.body = body
        self.title = title
        # The title is read first: its forms win ties (first occurrence).
        self.ctxs = [c for c in (title, body) if c is not None]
        self.places = {_bare(e.text)[1] for c in self.ctxs for e in c.doc.ents if e.label_ == "LOC"} | {
            _bare(o.text)[1] for o in body.orgs if o.label == "LOC"
        }

    # -- the rules, in order ---------------------------------------------------------------------
    def canonical(self, speaker: str, at: int | None) -> str:
        """The canonical form of one speaker, already cut (`_cut`)."""
        words = speaker.split()
        titled = _after_honorific(words)
        if titled is not None:
            return self._person(titled, at)
        name = self._name_after_description(words)
        if name is not None:
            return self._person(name, at)
        medium = self._medium_name(words)
        if medium is not None:
            return medium
        # `Le Pen`, `De Bock`: a particle opens the name of a person the article names.
        particle_name = (
            words[0].lower() in NAME_PARTICLES and _is_name(words[1:]) and self._known_person(speaker)
        )
        if _is_name(words) or particle_name:
            fuller = self._person(speaker, at)
            if fuller != speaker:
                return fuller
        det, bare = _bare(speaker)
        if bare and _NAME_WORD.match(bare.split()[0]):
            # an acronym spelt out in the article is that body, even where the NER read it as a place
            full = self._acronym(bare)
            if full is not None:
                return self._place_after_acronym(full if det == "" or _bare(full)[0] else det + full)
            if bare in self.places:
                return speaker
            longer = self._longer(bare)
            if longer != bare:
                return det + longer
            return self._place_after_acronym(speaker if det else self._article_of(bare))
        return speaker

    def _name_after_description(self, words: list[str]) -> str | None:
        """`le Dr X`, `Me X`, `un responsable de la Croix-Rouge Marc Zyltman` -> the name, else None."""
        if len(words) < 2:
            return None
        k = len(words)
        while k > 0 and (_NAME_WORD.match(words[k - 1]) or words[k - 1].lower() in NAME_PARTICLES):
            k -= 1
        # A description needs a lowercase word of its own: `Le Pen` and `les Macron` are names.
        if not any(w[:1].islower() and w.lower() not in _DETERMINERS | NAME_PARTICLES for w in words[:k]):
            return None
        # The longest suffix of the capitalised run that is a person: known, or right after a role.
        for i in range(k, len(words)):
            tail, prefix = words[i:], words[:i]
            if not prefix or not _is_name(tail):
                continue
            last = prefix[-1].lower().rstrip(".")
            if last in _LINKS or prefix[-1].lower() in _LINKS:
                return None
            known = self._known_person(" ".join(tail))
            # An unknown name after a role must look like a person's: `le député LREM` is no name.
            titled = (
                prefix[-1][:1].islower()
                and _noun(prefix[-1]) in ROLE_NOUNS
                and len(tail) <= 3
                and all(w[:1].isupper() and not w.isupper() for w in tail)
            )
            if not (known or titled):
                continue
            first = prefix[0].lower()
            if not (
                first in _DETERMINERS
                or re.match(r"^[ld]['’]", first)
                or first.rstrip(".") in HONORIFICS
                or first in HONORIFICS
                or _noun(first) in ROLE_NOUNS
            ):
                return None
            # `la fille de l'ex-président Jacques Chirac`: the name goes with the complement's noun.
            links = [
                j
                for j, w in enumerate(prefix)
                if w.lower() in {"de", "du", "des"} or w.lower()[:2] in {"d'", "d’"}
            ]
            if links and any(_noun(w) in ROLE_NOUNS or _noun(w) in _KIN for w in prefix[links[-1] :]):
                return None
            return " ".join(tail)
        return None

    def _medium_name(self, words: list[str]) -> str | None:
        """`le quotidien Le Parisien` -> `Le Parisien`, `le magazine 60 Millions de consommateurs`."""
        if len(words) < 2 or (words[0].lower() not in _DETERMINERS and not re.match(r"^[Ll]['’]", words[0])):
            return None
        k = 1 if words[0].lower() in _DETERMINERS else 0
        noun = re.sub(r"^[Ll]['’]", "", words[k])
        if noun not in MEDIA_NOUNS:  # lowercase: `L'Agence Bio` is a name
            return None
        k += 1
        while k < len(words) and (
            (words[k].islower() and words[k] not in _LINKS and words[k][:2] not in {"d'", "d’"})
            or words[k].lower() in {"d'information", "d’information", "d'info", "d’info", "d'informations"}
        ):
            k += 1  # adjectives: `le quotidien britannique The Guardian`
        if k >= len(words) or not (words[k][:1].isupper() or words[k][:1].isdigit()):
            return None
        return " ".join(words[k:])

    # -- persons ---------------------------------------------------------------------------------
    def _known_person(self, name: str) -> bool:
        parts = name_parts(name)
        return bool(parts) and any(
            name_parts(p.text)[-1:] == parts[-1:] and set(parts) <= set(name_parts(p.text))
            for p in self.body.persons
        )

    def _person(self, name: str, at: int | None) -> str:
        """The fullest form of person `name`: from the article's persons, then from the parse."""
        parts = name_parts(name)
        if not parts or (name in self.places and not self._known_person(name) and not self._titled(name)):
            return name
        body_at = at if at is not None and at < len(self.body.text) else None
        if body_at is None and len(parts) == 1:
            named = [p.text for p in self.body.persons] + self._written_forms(name)
            if len({name_parts(n)[0] for n in named if name_parts(n)[1:][-1:] == parts}) > 1:
                return name  # `Lelandais` for Sven or Nordahl, with no cue to choose by
        best = self.body.fullest_name(name, body_at)
        forms = self._written_forms(best)
        if forms:
            fullest = max(forms, key=lambda f: len(name_parts(f)))
            # Several first names for the same surname: ambiguous, the persons' form stays.
            if all(set(name_parts(f)) <= set(name_parts(fullest)) for f in forms):
                best = fullest
        if best == name and len(parts) == 1:
            best = self._from_first_name(name)
        return best if _cut(best) == best else name  # a garbled NER span is no fuller form

    def _occurrences(self, name: str) -> Iterator[tuple[Doc, int]]:
        """(doc, index of the first token) of each place the title or body writes `name`, quotations
        aside."""
        words = name.split()
        for ctx in self.ctxs:
            doc = ctx.doc
            for t in doc:
                if (
                    t.text == words[0]
                    and not ctx.inside[t.idx]
                    and [u.text for u in doc[t.i : t.i + len(words)]] == words
                ):
                    yield doc, t.i

    def _titled(self, name: str) -> bool:
        """Whether the article writes `name` after an honorific (`le Dr Paul Kaplowitz`, `M. Kaplowitz`).

        Such a name is a person's even where the NER tags it a place, as it does for unfamiliar
        surnames (`a déclaré Kaplowitz`).
        """
        return any(
            any(u.text.lower().rstrip(".") in HONORIFICS for u in doc[max(0, i - 2) : i])
            for doc, i in self._occurrences(name)
        )

    def _written_forms(self, name: str) -> list[str]:
        """`Deven Juneja` for `Juneja`: `name` after capitalised names the NER left out, as written."""
        size = len(name.split())
        found: list[str] = []
        for doc, i in self._occurrences(name):
            start = i
            while start > 0 and i - start < 2 and self._first_name(doc, doc[start - 1], self.places):
                start -= 1
            prev = doc[start - 1] if start > 0 else None
            # `France Bleu Paris Michel Le Gall`: a name run glued to another name is not extended,
            # but a role's complement is no name: `le ministre de l'Économie Bruno Le Maire`, `la
            # ministre fédérale de la Santé Tanya Plibersek`.
            glued = (
                prev is not None
                and prev.text[:1].isupper()
                and prev.text.lower().rstrip(".") not in HONORIFICS
                and not (
                    prev.i > 0
                    and doc[prev.i - 1].text.lower()
                    in {"de", "du", "des", "l'", "l’", "d'", "d’", "le", "la", "les"}
                )
            )
            if start < i and not glued:
                found.append(doc[start : i + size].text)
        return found

    @staticmethod
    def _first_name(doc: Doc, t: Token, places: set[str]) -> bool:
        """`Deven` in `le docteur Deven Juneja`: a capitalised proper noun the NER left out."""
        low = t.text.lower()
        if (
            (low in FEMALE_NAMES or low in MALE_NAMES)
            and t.text[:1].isupper()
            and not t.text.isupper()
            and not (t.i > 0 and doc[t.i - 1].text.lower() in _DETERMINERS)
        ):
            return True  # `Marine` in `du Front national Marine Le Pen`, tagged X inside an ORG
        return (
            t.pos_ == "PROPN"
            and t.text.isalpha()
            and t.text[:1].isupper()
            and not t.text.isupper()
            and t.ent_type_ in {"", "PER"}
            and low not in HONORIFICS
            and low not in ROLE_NOUNS
            and low not in PRE_ADJ
            and low not in _NOT_FIRST_NAMES
            and low not in PLATFORMS  # `sur Twitter Florian Klenk`
            and not (t.i > 0 and doc[t.i - 1].text.lower() in _DETERMINERS)
            and t.text not in places
        )

    def _from_first_name(self, name: str) -> str:
        """`Camille` -> `Camille Durand` when exactly one person in the article has that first name."""
        parts = name_parts(name)
        persons = [p.text for p in self.body.persons]
        if any(name_parts(p)[-1:] == parts for p in persons if len(name_parts(p)) > 1):
            return name
        fuller = {
            tuple(name_parts(p)): p for p in persons if len(name_parts(p)) > 1 and name_parts(p)[:1] == parts
        }
        if len(fuller) != 1:
            return name
        # `le pape François` is not `François Hollande`: a single name after a role stands alone.
        # After `M.` or `Mme` it is a surname, so the person's name is written surname first
        # (`Mlle Yeah` for `Yeah Lee Ching`).
        # (`le journaliste Chen Yongzhou` is the full name after a role, not a single name.)
        for ctx in self.ctxs:
            for m in re.finditer(r"([\w'’.-]+)\s+" + re.escape(name) + r"\b(?![\s-]+[A-ZÀ-ÖØ-Þ])", ctx.text):
                before = _noun(m.group(1)).rstrip(".")
                if before not in _CIVIL_TITLES and (
                    before in ROLE_NOUNS or before in HONORIFICS or before in PRE_ADJ
                ):
                    return name
        return next(iter(fuller.values()))

    # -- organisations ---------------------------------------------------------------------------
    def _acronym(self, bare: str) -> str | None:
        """`FMI` -> `le Fonds monétaire international` when the article writes `... (FMI)`."""
        letters = re.sub(r"[^A-Z]", "", bare)
        # (`BfV`: one lowercase letter between capitals, as German acronyms write it)
        if not (
            re.fullmatch(r"[A-ZÀ-Þ](?:[A-ZÀ-Þ0-9&-]|[a-z](?=[A-Z]))*[A-ZÀ-Þ0-9]", bare)
            and 2 <= len(letters) <= 8
        ):
            return None
        for ctx in self.ctxs:
            text = ctx.text
            for m in re.finditer(r"\(\s*" + re.escape(bare) + r"\s*\)", text):
                base = max(0, m.start() - 150)
                words = list(re.finditer(r"[\w'’]+", text[base : m.start()]))
                for n in range(len(words) - 1, max(len(words) - 10, -1), -1):
                    chosen = words[n:]
                    big = [_noun(w.group()) for w in chosen if w.group().lower() not in _ACRONYM_SKIP]
                    initials = "".join(w[0] for w in big if w).upper()
                    first = re.sub(r"^[ldLD]['’]", "", chosen[0].group())
                    if first[:1].isupper() and _strip_accents(initials) == letters:
                        start = base + chosen[0].start() + (len(chosen[0].group()) - len(first))
                        return _with_determiner(text[:start], text[start : m.start()].strip())
                # `le Bureau d'enquête de l'Etat de Géorgie (GBI)`: an acronym of the name in another
                # language; the capitalised name written with its article right before it
                named = re.search(
                    r"(?:\b[Ll][ae]\s+|\b[Ll]['’]\s*)([A-ZÉÈ][^,;:.()«»“”\"]{2,80}?)\s*$",
                    text[base : m.start()],
                )
                if named is not None:
                    start = base + named.start(1)
                    return _with_determiner(text[:start], text[start : m.start()].strip())
        return self._spelt_out(letters) if len(letters) >= 3 else None

    def _spelt_out(self, letters: str) -> str | None:
        """`HATVP` -> `la Haute Autorité pour la transparence de la vie publique` when the article writes
        that name, without the acronym beside it: a run of words after an article whose initials,
        small words aside, are exactly `letters` (one word a letter at least). Three letters are
        too few for that: `FAA` is `la Federal Aviation Administration` only with three capitalised
        words and nothing between them."""
        for ctx in self.ctxs:
            text = ctx.text
            words = list(re.finditer(r"[\w'’-]+", text))
            for n, w in enumerate(words):
                first = re.sub(r"^[ldLD]['’]", "", w.group())
                if not first or _strip_accents(first[0]).upper() != letters[0] or ctx.inside[w.start()]:
                    continue
                initials, end = "", None
                for k in range(n, min(n + 14, len(words))):
                    word = re.sub(r"^[ldLD]['’]", "", words[k].group()) if k > n else first
                    if k > n and words[k].group().lower() in _ACRONYM_SKIP:
                        continue
                    initials += _strip_accents(word[0]).upper()
                    if not letters.startswith(initials):
                        break
                    if initials == letters:
                        end = words[k].end()
                        break
                if end is None:
                    continue
                start = w.start() + (len(w.group()) - len(first))
                name = text[start:end]
                if not re.search(
                    r"(?:^|\s)(?:le|la|les|l['’]|du|des|au|aux)\s*$", text[max(0, start - 5) : start], re.I
                ):
                    continue
                if len(name.split()) < len(letters):
                    continue
                if len(letters) < 4 and (
                    len(name.split()) != len(letters) or not all(w[:1].isupper() for w in name.split())
                ):
                    continue
                return _with_determiner(text[:start], name)
        return None

    def _article_of(self, name: str) -> str:
        """`Agence régionale de santé` -> `l'Agence régionale de santé`: an organisation's name with the
        article the text always writes before it; a person's name, or a name written bare, as it is."""
        if self._known_person(name) or (" " not in name and not name.replace("-", "").isupper()):
            return name
        articles = set()
        for ctx in self.ctxs:
            for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", ctx.text):
                if ctx.inside[m.start()]:
                    continue
                before = re.search(
                    r"(?:^|[^\w])((?:[Ll]e|[Ll]a|[Ll]es)\s+|[Ll]['’])$",
                    ctx.text[max(0, m.start() - 5) : m.start()],
                )
                articles.add(before.group(1).lower() if before else "")
        if len(articles) == 1 and "" not in articles:
            return articles.pop() + name
        return name

    def _place_after_acronym(self, name: str) -> str:
        """`l'Agence régionale de santé` -> `l'Agence régionale de santé d'Île-de-France` when the
        article writes `l'Agence régionale de santé (ARS) d'Île-de-France`."""
        _, bare = _bare(name)
        for ctx in self.ctxs:
            m = re.search(
                re.escape(bare)
                + r"\s*\([A-Z&-]{2,8}\)\s*((?:d['’]|de |du )\s*[A-ZÀ-Þ][\w'’-]*(?:[ -][A-ZÀ-Þ][\w'’-]*)*)",
                ctx.text,
            )
            if m and not ctx.inside[m.start()]:
                return f"{name} {m.group(1)}"
        return name

    def _longer(self, bare: str) -> str:
        """`Vinci` -> `Vinci Autoroutes`: the longest name written starting with `bare` (not a place)."""
        if bare.replace("&", "").replace("-", "").isupper() or bare.lower().rstrip(".") in HONORIFICS:
            return bare  # `SNCF` and `SNCF Réseau` are two companies; `Me` is no name
        if re.search(r"\b(?:M\.|Mme|Mlle|Dr|Me)\s+" + re.escape(bare) + r"\b", self.body.text):
            return bare  # `M. Kim`: a person, whose surname may open another person's name
        labelled = [
            (_bare(e.text)[1], e.label_) for c in self.ctxs for e in c.doc.ents if not c.inside[e.start_char]
        ]
        labelled += [(_bare(m.text)[1], m.label) for m in self.body.persons + self.body.orgs]
        # Organisations and persons only: `Google Glass` (MISC) is a product, not Google's full name.
        longer = {
            f
            for f, label in labelled
            if label in {"ORG", "PER"} and f.startswith(bare + " ") and f not in self.places
        }
        longer = {f for f in longer if _is_name(f.split()) and _cut(f) == f}
        if not longer:
            return bare
        best = max(longer, key=len)
        if any(not best.startswith(f) for f in longer):
            return bare  # `Kim Jong Un` and `Kim Il Sung`: ambiguous
        best_labels = {label for f, label in labelled if f == best}
        if any(f == bare and label not in best_labels for f, label in labelled):
            return bare  # the short name is an entity of another kind of its own
        # A short form refers back to a name introduced before it (`Vinci Autoroutes` ... `Vinci`);
        # a short form met first is its own thing (`Google` ... `les Google Glass`).
        rest = best[len(bare) :]
        first_long = first_short = None
        for n, ctx in enumerate(self.ctxs):
            for m in re.finditer(r"(?<![\w-])" + re.escape(bare) + r"(?![\w-])", ctx.text):
                if ctx.inside[m.start()]:
                    continue
                key = (n, m.start())
                if ctx.text.startswith(rest, m.end()):
                    first_long = first_long or key
                else:
                    first_short = first_short or key
        if first_long is None or (first_short is not None and first_short < first_long):
            return bare
        return best


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
