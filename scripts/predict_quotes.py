"""Run the quote extractor on the source articles of a gold file and write an articles.jsonl-like file.

Usage: python scripts/predict_quotes.py [--gold eval/quotes-dev.gold.jsonl] [--data ../shared/data]
       [--out /tmp/quotes-pred.jsonl]

Each output line is {"id", "quotes": [Quote dicts]}, readable by `pipeline.evaluate.evaluate_quotes`.
Bodies and titles are read as docs/quote-guideline.md §2.3 says.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.nlp import load_spacy
from pipeline.quotes import extract_quotes_batch


def read_source(data: Path, source: str) -> dict[str, tuple[str, str, str | None]]:
    """Articles of one source file as {id: (body, title, date)} (date None where absent)."""
    path = data / source
    if path.suffix == ".txt":
        lines = path.read_text(encoding="utf-8").split("\n")
        i = next(k for k, line in enumerate(lines) if line.strip())
        return {path.stem: ("\n".join(lines[i + 1 :]).strip(), lines[i].strip(), None)}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out[str(row["id"])] = (row["text"], row.get("title") or "", row.get("date"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, default=Path("eval/quotes-dev.gold.jsonl"))
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("/tmp/quotes-pred.jsonl"))
    args = parser.parse_args()
    wanted = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    cache: dict[str, dict[str, tuple[str, str, str | None]]] = {}
    items, ids, dates = [], [], []
    for row in wanted:
        source = row["source"]
        if source not in cache:
            cache[source] = read_source(args.data, source)
        body, title, date = cache[source][str(row["id"])]
        items.append((body, title))
        ids.append(str(row["id"]))
        dates.append(date)
    nlp = load_spacy()
    started = time.perf_counter()
    results = extract_quotes_batch(items, nlp, dates=dates)
    seconds = time.perf_counter() - started
    with args.out.open("w", encoding="utf-8") as f:
        for article_id, quotes in zip(ids, results, strict=True):
            f.write(
                json.dumps({"id": article_id, "quotes": [asdict(q) for q in quotes]}, ensure_ascii=False)
                + "\n"
            )
    print(f"{len(ids)} articles, {sum(len(q) for q in results)} quotes in {seconds:.1f}s -> {args.out}")


if __name__ == "__main__":
    main()
