"""A learned speaker ranker over the candidates of each quote.

The rules in `attribution.py` give one speaker per quote. On articles they were not written on they
often pick a nearby wrong entity (a continuation carried past a new speaker, a pronoun given to the
wrong person, a party instead of its member). The ranker takes, for each body quote, the rules'
speaker, the previous quote's speaker, every person and organisation the article names (each in its
guideline form, `canonical.py`) and `null`, and describes each candidate by where it stands from
the quote and what the parse says of it. Where the rules found nobody or only a description
(`ranker_decides`), the highest-scoring candidate replaces their speaker; a person or organisation
the rules named stands (cross-validation found no gain in overriding those).

The scorer is a logistic regression whose weights live in `ranker_weights.json`, trained by
`scripts/train_speaker_ranker.py` on the gold files under eval/ (the blind test set excluded).
Without a weights file the rules' speakers are kept as they are.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline.quotes.attribution import (
    DETERMINERS,
    DOCUMENT_NOUNS,
    GROUP_NOUNS,
    MEDIA_NOUNS,
    ORG_NOUNS,
    ROLE_NOUNS,
    ArticleContext,
    Attribution,
    Mention,
    normalise,
)
from pipeline.quotes.canonical import canonical_speaker

WEIGHTS = Path(__file__).with_name("ranker_weights.json")

#: The rules' attribution mechanisms (`Attribution.how`) that get their own weight.
HOWS = ("after", "selon", "before", "colon", "next", "subject", "continuation", "repeated", "title")


def speaker_key(name: str | None) -> str | None:
    """The comparison form of a speaker (the one `pressbrief eval quotes` compares)."""
    from pipeline.evaluate import normalise_speaker

    return normalise_speaker(name)


@dataclass
class Candidate:
    """One possible speaker of one quote, with its features."""

    name: str | None
    features: dict[str, float] = field(default_factory=dict)
    #: The words naming the candidate nearest the quote (`speaker_mention` when it is chosen).
    mention: str | None = None


@dataclass
class _Entity:
    name: str
    mentions: list[Mention]
    person: bool
    in_title: bool = False
    labels: set[str] = field(default_factory=set)


def _how(how: str) -> str:
    if how.startswith("title"):
        return "title"
    return how if how in HOWS else "other"


def _entities(body: ArticleContext, title: ArticleContext | None) -> dict[str, _Entity]:
    """The article's named persons and organisations, grouped by their guideline form."""
    found: dict[str, _Entity] = {}
    for mentions, person in ((body.persons, True), (body.orgs, False)):
        for m in mentions:
            name = canonical_speaker(m.text, body, title, m.start if m.start >= 0 else None)
            key = speaker_key(name)
            if not name or key is None:
                continue
            entity = found.setdefault(key, _Entity(name, [], person))
            entity.person = entity.person or person
            entity.labels.add(m.label)
            if m.start < 0:
                entity.in_title = True
            else:
                entity.mentions.append(m)
    return found


def _bucket(prefix: str, value: int, top: int) -> dict[str, float]:
    return {f"{prefix}{min(value, top)}": 1.0}


def quote_candidates(
    body: ArticleContext,
    title: ArticleContext | None,
    results: list[Attribution],
    speakers: list[str | None],
) -> list[list[Candidate]]:
    """Candidates for each of `results` (body attributions), given the rules' final `speakers`.

    Non-quotes get an empty list. The previous quote is the previous kept quote in the body.
    """
    entities = _entities(body, title)
    counts = sorted((len(e.mentions) for e in entities.values() if e.person), reverse=True)
    most = counts[0] if counts else 0
    out: list[list[Candidate]] = []
    previous: str | None = None
    previous_end = -1
    for r, rule_speaker in zip(results, speakers, strict=True):
        if not r.is_quote:
            out.append([])
            continue
        out.append(_candidates(body, r, rule_speaker, previous, previous_end, entities, most))
        previous, previous_end = rule_speaker, r.span.end
    return out


def _candidates(
    body: ArticleContext,
    r: Attribution,
    rule_speaker: str | None,
    previous: str | None,
    previous_end: int,
    entities: dict[str, _Entity],
    most: int,
) -> list[Candidate]:
    start, end = r.span.start, r.span.end
    q_sent = body.sentence_index(start)
    q_end_sent = body.sentence_index(max(start, end - 1))
    how = _how(r.how)
    rule_key = speaker_key(rule_speaker)
    prev_key = speaker_key(previous)
    has_cue = r.cue is not None or r.mention is not None
    # Distance order of the entities mentioned before the quote: the nearest is rank 0.
    last_before: dict[str, int] = {}
    for key, e in entities.items():
        before = [m.end for m in e.mentions if m.end <= start]
        if before:
            last_before[key] = max(before)
    order = sorted(last_before, key=lambda k: -last_before[k])
    rank = {k: i for i, k in enumerate(order)}
    gap_prev = 0 if previous_end < 0 else body.sentence_index(start) - body.sentence_index(previous_end)

    def common(key: str | None) -> dict[str, float]:
        f: dict[str, float] = {}
        if key is not None and key == rule_key:
            f["rule"] = 1.0
            f[f"rule:{how}"] = 1.0
            if not has_cue:
                f["rule:nocue"] = 1.0
        if key is not None and key == prev_key:
            f["prev"] = 1.0
            f.update(_bucket("prev:gap", gap_prev, 3))
            if rule_key is None:
                f["prev:rule_null"] = 1.0
            if key != rule_key and rule_key is not None:
                f["prev:not_rule"] = 1.0
        return f

    candidates: list[Candidate] = []
    null = Candidate(None, {"null": 1.0})
    if rule_key is None:
        null.features["null:rule_null"] = 1.0
        null.features[f"null:rule_null:{how}"] = 1.0
    if not has_cue:
        null.features["null:nocue"] = 1.0
    near = sum(1 for k in last_before if body.sentence_index(last_before[k] - 1) >= q_sent - 2)
    null.features.update(_bucket("null:near", near, 3))
    candidates.append(null)

    seen: set[str] = set()
    for entity_key, e in entities.items():
        f = common(entity_key)
        f["entity"] = 1.0
        f["person" if e.person else "org"] = 1.0
        for label in e.labels:
            f[f"label:{label}"] = 1.0
        if _garbled(e.name):
            f["garbled"] = 1.0
        if e.in_title:
            f["in_title"] = 1.0
        n = len(e.mentions)
        f["log_mentions"] = math.log1p(n)
        if e.person and n == most and n > 1:
            f["most_mentioned"] = 1.0
        mentioned = False
        nearest = min(e.mentions, key=lambda m: min(abs(m.start - end), abs(start - m.end)), default=None)
        for m in e.mentions:
            s = body.sentence_index(m.start)
            # (feature of the region, prefix of its speaks/subject flags, whether `subject` counts)
            region: tuple[str, str, bool] | None = None
            if m.end <= start and s == q_sent:
                region = ("same_sent_before", "same_sent_before", True)
            elif m.start >= end and s == q_end_sent:
                region = ("same_sent_after", "same_sent_after", False)
            elif m.end <= start and q_sent - 3 <= s < q_sent:
                region = (f"prev_sent{q_sent - s}", "prev_sents", True)
            elif m.start >= end and s == q_end_sent + 1:
                region = ("next_sent", "next_sent", False)
            if region is not None:
                key, flags, with_subject = region
                f[key] = 1.0
                mentioned = True
                if m.speaks:
                    f[f"{flags}:speaks"] = 1.0
                if with_subject and m.subject:
                    f[f"{flags}:subject"] = 1.0
            if m.speaks:
                f["speaks_anywhere"] = 1.0
            if m.start >= end and s == q_end_sent and m.start - end <= 60:
                f["close_after"] = 1.0
                if m.speaks:
                    f["close_after:speaks"] = 1.0
            if m.end <= start and s == q_sent and start - m.end <= 60:
                f["close_before"] = 1.0
                if body.text[m.end : start].rstrip(' «“"„').endswith(":"):
                    f["colon_before"] = 1.0
        if entity_key in rank:
            f.update(_bucket("rank", rank[entity_key], 3))
            f["log_gap_before"] = math.log1p(start - last_before[entity_key]) / 5
        else:
            f["first_after"] = 1.0
        if not mentioned and not f.get("rule") and not f.get("prev") and not e.in_title:
            continue  # far from the quote, not in the title, not proposed by the rules: no candidate
        seen.add(entity_key)
        candidates.append(Candidate(e.name, f, nearest.text if nearest is not None else e.name))
    # The rules' and the previous quote's speakers when they are not named entities (descriptions).
    for name in (rule_speaker, previous):
        desc_key = speaker_key(name)
        if name is None or desc_key is None or desc_key in seen:
            continue
        seen.add(desc_key)
        f = common(desc_key)
        f["description"] = 1.0
        f.update(_description(name))
        candidates.append(Candidate(name, f, name))
    return candidates


_DETERMINERS = DETERMINERS | {"l'"}
_NOUN_CLASSES = (
    ("role", ROLE_NOUNS),
    ("org", ORG_NOUNS),
    ("media", MEDIA_NOUNS),
    ("group", GROUP_NOUNS),
    ("document", DOCUMENT_NOUNS),
)


_GARBLED = re.compile(r"[A-ZÀ-Þ]{2,}[a-zß-ÿ]|\b[A-ZÀ-Þ-]{4,}\b|\d")


def _garbled(name: str) -> bool:
    """A name glued to a scraped heading or a date: `MAINTENUESManuel Valls`, `BAISSE`."""
    return _GARBLED.search(name) is not None


def _description(name: str) -> dict[str, float]:
    """What kind of words a non-entity speaker is: `le porte-parole`, `des élections européennes`."""
    words = normalise(name.replace("’", "'")).replace("l'", "l' ").replace("d'", "d' ").split()
    f: dict[str, float] = {}
    if words and words[0] in _DETERMINERS:
        f["desc:determiner"] = 1.0
        words = words[1:]
    head = next((w for w in words if w.replace("-", "").isalpha() and len(w) > 2), "")
    kinds = [kind for kind, nouns in _NOUN_CLASSES if head in nouns or head.rstrip("s") in nouns]
    for kind in kinds:
        f[f"desc:{kind}"] = 1.0
    if not kinds:
        f["desc:unknown_head"] = 1.0
    if name[:1].isupper() and not f.get("desc:determiner"):
        f["desc:capitalised"] = 1.0
    if _garbled(name):
        f["garbled"] = 1.0
    return f


def rerank(
    body: ArticleContext,
    title: ArticleContext | None,
    results: list[Attribution],
    speakers: list[str | None],
    weights: dict[str, float] | None = None,
) -> list[tuple[str | None, str | None] | None]:
    """The ranker's (speaker, mention) for each body attribution, or None where the rules' stands
    (see `ranker_decides`)."""
    weights = weights if weights is not None else load_weights()
    out: list[tuple[str | None, str | None] | None] = [None] * len(results)
    if weights is None:
        return out
    for i, cands in enumerate(quote_candidates(body, title, results, speakers)):
        if not cands or not ranker_decides(cands):
            continue
        best = choose(cands, weights)
        if best is not None and speaker_key(best.name) != speaker_key(speakers[i]):
            out[i] = (best.name, best.mention)
    return out


def ranker_decides(candidates: Iterable[Candidate]) -> bool:
    """Whether the ranker chooses for this quote, or the rules' speaker stands.

    The rules' speaker stands when it is a person or organisation the article names: in
    cross-validation the ranker never improved on those, not even on continuations or pronouns
    the rules resolved. It decides where the rules found nobody or only a description.
    """
    rule = next((c for c in candidates if c.features.get("rule")), None)
    return rule is None or not rule.features.get("entity")


@lru_cache(maxsize=4)
def load_weights(path: Path = WEIGHTS) -> dict[str, float] | None:
    """The trained weights (`{"bias": b, "weights": {feature: w}}`), or None without a file."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    weights: dict[str, float] = dict(data["weights"])
    weights["__bias__"] = float(data.get("bias", 0.0))
    return weights


def score(features: dict[str, float], weights: dict[str, float]) -> float:
    return weights.get("__bias__", 0.0) + sum(v * weights.get(k, 0.0) for k, v in features.items())


def choose(candidates: Iterable[Candidate], weights: dict[str, float]) -> Candidate | None:
    """The best-scoring candidate (ties keep the earlier one), or None when there is none."""
    best: Candidate | None = None
    best_score = -math.inf
    for c in candidates:
        s = score(c.features, weights)
        if s > best_score:
            best, best_score = c, s
    return best
