"""Run the quote extractor on every article of ../shared/data and check `text[start:end] == quote.text`.

Usage: python scripts/check_quote_offsets.py [--data ../shared/data]
Reads examples/*.txt (title = first non-empty line, body = the rest, as docs/quote-guideline.md §2.3),
newstest2014-fr-en/fr-original-docs.dev.jsonl and orangesum/orangesum-test-300.jsonl (id, title, text).
Exits 1 if any offset is wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.nlp import load_spacy
from pipeline.quotes import extract_quotes_batch


def load(data: Path) -> list[tuple[str, str, str, str]]:
    """(source, id, body, title) for every article."""
    out = []
    for path in sorted((data / "examples").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        i = next(k for k, line in enumerate(lines) if line.strip())
        out.append(("examples", path.stem, "\n".join(lines[i + 1 :]).strip(), lines[i].strip()))
    for source in ("newstest2014-fr-en/fr-original-docs.dev.jsonl", "orangesum/orangesum-test-300.jsonl"):
        for line in (data / source).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out.append((source.split("/")[0], str(row["id"]), row["text"], row.get("title") or ""))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    articles = load(args.data)
    nlp = load_spacy()
    started = time.perf_counter()
    results = extract_quotes_batch([(body, title) for _, _, body, title in articles], nlp)
    seconds = time.perf_counter() - started
    counts: Counter[str] = Counter()
    bad = 0
    for (source, article_id, body, title), quotes in zip(articles, results, strict=True):
        counts[f"{source} articles"] += 1
        for q in quotes:
            counts[f"{source} quotes"] += 1
            counts[f"{source} attributed"] += int(q.speaker is not None)
            text = title if q.in_title else body
            if text[q.start : q.end] != q.text:
                bad += 1
                print(f"OFFSET MISMATCH {source} {article_id} [{q.start}:{q.end}] {q.text!r}")
    for key in sorted(counts):
        print(f"{key}: {counts[key]}")
    total = sum(v for k, v in counts.items() if k.endswith(" quotes"))
    print(
        f"{len(articles)} articles, {total} quotes, {bad} offset mismatches, {seconds:.1f}s "
        f"({len(articles) / seconds:.1f} articles/s)"
    )
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
