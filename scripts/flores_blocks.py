#!/usr/bin/env python
"""Cut the FLORES-200 French sentences into 4-sentence blocks that hold a quotation mark.

FLORES-200 (``../shared/data/flores200-fr-en/fra_Latn.{dev,devtest}``) is Wikinews, Wikivoyage
and Wikibooks text translated from English, one sentence a line, a few consecutive sentences per
source article. Cut into blocks of 4 lines, its blocks with « », “ ” or " " give short articles
that no other gold set used, written by other hands than the press sets (the quote sets
``eval/quotes-flores-{dev,heldout}.gold.jsonl``). A block may run over two source articles; the
gold then resolves speakers from the block alone.

Lines the FLORES files escape as CSV fields (``"« ... "" a déclaré M. X."``) are unescaped.

    python scripts/flores_blocks.py --out out/qinf/flores-blocks.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("PRESSBRIEF_DATA", ROOT.parent / "shared" / "data"))
SIZE = 4
_MARK = re.compile(r'[«“"]')


def unescape(line: str) -> str:
    """`"« A "" dit X."` -> `« A " dit X.`: a line written as a quoted CSV field, as a sentence."""
    if len(line) > 1 and line.startswith('"') and line.endswith('"') and '""' in line:
        return line[1:-1].replace('""', '"')
    return line


def blocks(folder: Path, split: str) -> list[dict[str, str]]:
    """The split's blocks of `SIZE` lines that hold a quotation mark, as id/source/title/text records
    (id `flores-SPLIT-NNNN`, NNNN the block's first line, from 1)."""
    lines = [
        unescape(line) for line in (folder / f"fra_Latn.{split}").read_text(encoding="utf-8").splitlines()
    ]
    found = []
    for i in range(0, len(lines), SIZE):
        block = lines[i : i + SIZE]
        if any(_MARK.search(line) for line in block):
            found.append(
                {
                    "id": f"flores-{split}-{i + 1:04d}",
                    "source": f"flores200-fr-en/fra_Latn.{split}",
                    "title": "",
                    "text": " ".join(block),
                }
            )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    rows = [b for split in ("dev", "devtest") for b in blocks(DATA / "flores200-fr-en", split)]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} blocks -> {args.out}")


if __name__ == "__main__":
    main()
