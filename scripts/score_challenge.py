"""Score the quote extractor on a challenge list: short passages written to the guideline, one a line.

Usage: python scripts/score_challenge.py eval/challenge/dev.txt [--failures]

Each line is `TEXT || SPEAKER || SPEAKER ...`: a French press-style passage and the speaker of each of
its quotations in order (`None` for a null speaker), as docs/quote-guideline.md writes them. A passage
counts as right when the extractor finds as many quotations and gives each the same speaker (compared
as `pressbrief eval quotes` compares them). Speakers are also counted one by one, in order, over the
passages where the number of quotations agrees.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.evaluate import normalise_speaker
from pipeline.nlp import load_spacy
from pipeline.quotes import extract_quotes


def read_items(path: Path) -> list[tuple[str, list[str | None]]]:
    """(passage, speakers) for every non-empty, non-comment line of `path`."""
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        text, *speakers = [part.strip() for part in line.split(" || ")]
        if not speakers:
            raise SystemExit(f"{path}:{n}: no ` || SPEAKER` after the passage")
        items.append((text, [None if s == "None" else s for s in speakers]))
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("challenge", type=Path)
    parser.add_argument("--failures", action="store_true", help="print every passage scored wrong")
    args = parser.parse_args(argv)
    items = read_items(args.challenge)
    nlp = load_spacy()
    right = counted = speakers_right = speakers = 0
    for text, expected in items:
        got = [q.speaker for q in extract_quotes(text, "", nlp)]
        same = [normalise_speaker(g) for g in got] == [normalise_speaker(e) for e in expected]
        right += same
        if len(got) == len(expected):
            counted += 1
            speakers += len(got)
            speakers_right += sum(
                normalise_speaker(g) == normalise_speaker(e) for g, e in zip(got, expected, strict=True)
            )
        if not same and args.failures:
            print(f"got {got} expected {expected}\n  {text}\n")
    print(
        f"{args.challenge}: passages right {right}/{len(items)} ({right / len(items):.3f}); "
        f"speakers right {speakers_right}/{speakers} on the {counted} passages with as many quotations"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
