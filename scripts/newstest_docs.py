#!/usr/bin/env python
"""Rebuild whole articles from the WMT14 newstest French side, for documents of any origin.

``../shared/data/newstest2014-fr-en/fr-original-docs.dev.jsonl`` holds the French-original
documents only. ``newstest2014.fr`` also holds the French translations of English-original news
(LA Times, CNN, BBC ...), full of quotes, which no gold set used before the fifth development set.
This script joins their lines by ``newstest2014.docids.tsv`` into the same shape as
``fr-original-docs.dev.jsonl`` (``id``, ``source``, ``title``, ``text``: the first line is the
title, the others are joined by one space), so the pipeline and ``gold_tools.py`` read them:

    python scripts/newstest_docs.py --origin en --out DATA/newstest2014-fr-en/en-original-docs.jsonl

then point ``PRESSBRIEF_DATA`` at DATA (beside symlinks to the other folders of ../shared/data).
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("PRESSBRIEF_DATA", ROOT.parent / "shared" / "data"))


def documents(folder: Path, origin: str) -> list[dict[str, str]]:
    """Documents of one original language, in file order, as id/source/title/text records."""
    ids = (folder / "newstest2014.docids.tsv").read_text(encoding="utf-8").splitlines()
    lines = (folder / "newstest2014.fr").read_text(encoding="utf-8").splitlines()
    if len(ids) != len(lines):
        raise SystemExit(f"{folder}: {len(ids)} docids for {len(lines)} French lines")
    order: list[str] = []
    segments: dict[str, list[str]] = {}
    for row, line in zip(ids, lines, strict=True):
        doc_id, language, _ = row.split("\t")
        if language != origin:
            continue
        if doc_id not in segments:
            order.append(doc_id)
            segments[doc_id] = []
        segments[doc_id].append(line.strip())
    return [
        {
            "id": doc_id,
            "source": doc_id.split("-", 1)[1],
            "title": segments[doc_id][0],
            "text": " ".join(s for s in segments[doc_id][1:] if s),
        }
        for doc_id in order
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--origin", default="en", help="original language of the documents (en, fr)")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    docs = documents(DATA / "newstest2014-fr-en", args.origin)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(f"{len(docs)} documents -> {args.out}")


if __name__ == "__main__":
    main()
