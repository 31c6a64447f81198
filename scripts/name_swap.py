#!/usr/bin/env python
"""Copies of gold-annotated articles with their speakers' names replaced by unfamiliar ones.

Speaker accuracy on articles nobody has seen is far below that on the development sets. One cause
this script measures: the rules and the NER know the names of the development articles (common
French first names in the word lists, politicians the NER has seen). The copies keep every article's
words and structure and replace, for each gold speaker who is a person (two to four capitalised
words, a first name of known gender), the first name by another of the same gender that the word
lists do not know and the surname by another one, everywhere in the title and body; quote offsets
and gold speakers follow. Office holders of `offices.txt` keep their names (the article's year makes
them resolvable by world knowledge, which a substitution would break).

    python scripts/name_swap.py --seed 1 --out out/swap1 \\
        --gold eval/quotes-{dev,heldout,dev2,train,dev3,dev4,dev5}.gold.jsonl \\
        --articles out/qin/*.jsonl out/qin5/*.jsonl
    pressbrief run configs/quotes.yaml --input out/swap1/in --output out/swap1/pred
    pressbrief eval quotes --gold out/swap1/gold.jsonl --pred out/swap1/pred/articles.jsonl

and compare with the unchanged articles' accuracy on `out/swap1/orig_gold.jsonl` (the same
articles). `--pool check` draws names from a second pool, kept for checking a change made while
looking at the first; `--mode first` or `--mode surname` replaces only one part of the names.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.quotes.lexicon import offices, wordlist  # noqa: E402

#: First names of the development sets' speakers missing from the word lists, by gender.
_MORE_FEMALE = (
    "annick arielle denise danièle kira marisol laureline akiko mylène khadija roxane vinita kamini nadège "
    "eleanor lioudmyla hatice stacey tatiana maryse arlene kathleen tanya katie june ilham aretha susie "
    "christel fiona katy gillian marie-frédérique imelda aïda sibeth"
)
_MORE_MALE = (
    "mauro jean-michel jack jean-marie albert eliezer andrew asier peter toni sven jean-luc william deven ziad "
    "jean-rené jean-jacques andré jean-marc dhrumil michael keith bill edward johannes jean-louis mischa "
    "jean-paul nathan ridley augusto chris antonin fernando clive abdel-malik lambert josh samuel tedros "
    "mathew ahmed edwy georgio cyrus oleksandr nouri sami jean-yves josep stefano bhupinder aurélien billy "
    "paolo mounir mike jean-claude micky piotr mark ashwath roberto tugdual hans pablo pedro youssef andy "
    "cameron jay ronald alexei jonathan armando mutuma phillip charlie drew félix ross jason dieter bert loïc"
)
FEMALE = wordlist("female_first_names") | frozenset(_MORE_FEMALE.split())
MALE = wordlist("male_first_names") | frozenset(_MORE_MALE.split())
#: First names of either gender: kept, only the surname changes.
EITHER = frozenset({"dominique", "claude", "damilola"})
PARTICLES = {
    "de",
    "du",
    "des",
    "d'",
    "le",
    "la",
    "van",
    "von",
    "el",
    "al",
    "ben",
    "da",
    "di",
    "bin",
    "dos",
    "der",
}


def _names(text: str) -> list[str]:
    return text.split()


#: Replacement names (none in the word lists): `dev` was used while writing rules, `check` was not.
POOLS: dict[str, dict[str, list[str]]] = {
    "dev": {
        "f": _names(
            "Soizic Maëlle Oumou Ngozi Yuki Berenike Ilona Solveig Fatoumata Anouk Gwenaëlle Perrine Albane "
            "Violaine Tiphaine Sidonie Amandine Capucine Ludivine Ophélie"
        ),
        "m": _names(
            "Anselme Kwame Tiago Joachim Wendelin Ibrahima Hiroshi Gwendal Aymeric Ambroise Lucien Firmin "
            "Gaspard Tanguy Corentin Malo Ousmane Dragan Evrard Bastien"
        ),
        "surnames": _names(
            "Kerbrat Ndiaye Okonkwo Lindqvist Barthélemy Zhou Abdelkader Le_Goff Da_Silva Ben_Ammar "
            "Vasseur-Lambert Morvan Traoré Castellani Guillou Haddad Keller Lemaître Marchetti Nakamura Oyelaran "
            "Pellerin Quéméneur Rousseau Saadi Tessier Urvoy Vidal Wojcik Yilmaz Zanetti Bouchard Carrel Delorme "
            "Etcheverry Fontaine Gauthier-Roux Hamon Izard Jacquemin Kowalski Laporte Mansouri Nguyen Ollivier "
            "Poirier Raynaud Sorel Thibault Valette Weber Benali Coulibaly Diallo Ferrand Grosjean Hoarau Lebrun "
            "Marchand Petit Roche Blanc Martel"
        ),
    },
    "check": {
        "f": _names(
            "Bérangère Awa Mireille Sigrid Hortense Nolwenn Zoulikha Priya Rozenn Ornella Sabrina Agathe "
            "Clotilde Nour Esther Héloïse Mélodie Solène Blandine Inaya"
        ),
        "m": _names(
            "Barnabé Mamadou Thibaud Sven-Erik Gautier Yacine Ronan Kenji Octave Cyprien Lilian Amadou "
            "Florent Hugues Léandre Nassim Enzo Gonzague Edmond Killian"
        ),
        "surnames": _names(
            "Le_Bihan Mbappou Rasmussen Carvalho Fofana Sarrazin Jouannet Aït-Ahmed Van_Damme Lefranc "
            "Moreau-Delille Kervella Bensaïd Ostrowski Quintin Ribeiro Tchakounté Vasseur Achour Bellanger "
            "Chevrier Dufresne Estrosi-Lang Fournel Guerrab Hervouet Iglesias Jaouen Kasprzak Lagarde Mahé "
            "Nicolaï Ouattara Pasquier Riou Salvetat Touré Uzan Verdier Wagner"
        ),
    },
}


def office_holders() -> set[str]:
    """Surnames of `offices.txt` holders, lowercase."""
    return {holder.last.lower() for office in offices() for holder in office.holders}


def person(speaker: str, holders: set[str]) -> tuple[str, str, str] | None:
    """(first name, surname, gender 'f' / 'm' / '?') of a gold speaker that is a person's name."""
    words = speaker.split()
    if not (2 <= len(words) <= 4 and words[0][:1].isupper() and words[-1][:1].isupper()):
        return None
    if not all(w[:1].isupper() or w.lower() in PARTICLES for w in words):
        return None
    first, surname = words[0].lower(), " ".join(words[1:])
    if surname.lower() in holders:
        return None
    gender = "f" if first in FEMALE else "m" if first in MALE else "?" if first in EITHER else None
    return None if gender is None else (words[0], surname, gender)


def swap(
    article: dict[str, Any], gold: dict[str, Any], rng: random.Random, pool: str, mode: str, holders: set[str]
) -> tuple[dict[str, Any], dict[str, Any], dict[str, str]] | None:
    """The article and its gold with the speakers' names replaced, and the mapping; None when no
    speaker is a person to rename or a quote boundary falls inside a name."""
    text, title = article.get("text") or "", article.get("title") or ""
    persons: dict[str, tuple[str, str, str]] = {}
    for q in gold.get("quotes") or []:
        found = person(q["speaker"], holders) if q.get("speaker") else None
        if found and found[1] in text + title:
            persons.setdefault(f"{found[0]} {found[1]}", found)
    if not persons:
        return None
    names = POOLS[pool]
    surnames = [s.replace("_", " ") for s in names["surnames"]]
    mapping: dict[str, str] = {}
    alone: set[str] = set()
    firsts = [p[0] for p in persons.values()]
    used: set[str] = set()
    for full, (first, surname, gender) in persons.items():
        new_surname = surname
        if mode != "first":
            free = [s for s in surnames if s not in used and s not in text and s not in title]
            new_surname = rng.choice(free)
            used.add(new_surname)
        new_first = first if gender == "?" or mode == "surname" else rng.choice(names[gender])
        mapping[full] = f"{new_first} {new_surname}"
        mapping.setdefault(surname, new_surname)
        if firsts.count(first) == 1 and new_first != first:
            mapping.setdefault(first, new_first)
            alone.add(first)
    keys = sorted(mapping, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])("
        + "|".join(r"\s+".join(re.escape(w) for w in k.split(" ")) for k in keys)
        + r")(?![\w-])"
    )

    def replace(s: str) -> tuple[str, Callable[[int], int]]:
        out, pos, shifts = [], 0, []
        shift = 0
        for m in pattern.finditer(s):
            key = " ".join(m.group(1).split())
            if key in alone and (
                re.search(r"[A-ZÀ-Þ][\w'’-]*\s+$", s[: m.start()]) or re.match(r"\s+[A-ZÀ-Þ]", s[m.end() :])
            ):
                continue  # a first name inside another person's name
            out += [s[pos : m.start()], mapping[key]]
            shift += len(mapping[key]) - len(m.group(1))
            shifts.append((m.start(), m.end(), shift))
            pos = m.end()
        out.append(s[pos:])

        def moved(i: int) -> int:
            total = 0
            for a, b, after in shifts:
                if b <= i:
                    total = after
                elif a < i:
                    raise ValueError("a quote boundary inside a name")
            return i + total

        return "".join(out), moved

    new_text, at_text = replace(text)
    new_title, at_title = replace(title)
    quotes = []
    for q in gold.get("quotes") or []:
        q = dict(q)
        at, base = (at_title, new_title) if q.get("in_title") else (at_text, new_text)
        try:
            q["start"], q["end"] = at(q["start"]), at(q["end"])
        except ValueError:
            return None
        q["text"] = base[q["start"] : q["end"]]
        if q.get("speaker"):
            q["speaker"] = replace(q["speaker"])[0]
        quotes.append(q)
    return {**article, "text": new_text, "title": new_title}, {**gold, "quotes": quotes}, mapping


def _rows(paths: list[Path]) -> dict[str, dict[str, Any]]:
    rows = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows[str(row["id"])] = row
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, nargs="+", required=True)
    parser.add_argument("--articles", type=Path, nargs="+", required=True, help="JSONL article files")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pool", choices=sorted(POOLS), default="dev")
    parser.add_argument("--mode", choices=["both", "first", "surname"], default="both")
    args = parser.parse_args()
    gold, articles = _rows(args.gold), _rows(args.articles)
    rng, holders = random.Random(args.seed), office_holders()
    (args.out / "in").mkdir(parents=True, exist_ok=True)
    files = {
        name: (args.out / name).open("w", encoding="utf-8")
        for name in ("gold.jsonl", "orig_gold.jsonl", "map.jsonl")
    }
    n = 0
    with (args.out / "in" / "articles.jsonl").open("w", encoding="utf-8") as out:
        for aid, row in gold.items():
            if aid not in articles:
                continue
            swapped = swap(articles[aid], row, rng, args.pool, args.mode, holders)
            if swapped is None:
                continue
            article, new_gold, mapping = swapped
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
            files["gold.jsonl"].write(json.dumps(new_gold, ensure_ascii=False) + "\n")
            files["orig_gold.jsonl"].write(json.dumps(row, ensure_ascii=False) + "\n")
            files["map.jsonl"].write(json.dumps({"id": aid, "map": mapping}, ensure_ascii=False) + "\n")
            n += 1
    for f in files.values():
        f.close()
    print(f"{n} articles with renamed speakers -> {args.out}")


if __name__ == "__main__":
    main()
