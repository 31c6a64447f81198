#!/usr/bin/env python
"""Helpers for the hand-annotated quote gold set (see docs/quote-guideline.md).

These tools never decide what a quote is: they only show where quotation marks are, turn a span
chosen by the annotator into exact offsets, and check the gold file.

    python scripts/gold_tools.py show SOURCE ID              # title + body with mark candidates
    python scripts/gold_tools.py marks SOURCE [--min N]      # ids of articles and their mark counts
    python scripts/gold_tools.py build DRAFT... [--out F]    # text-only drafts -> offsets
    python scripts/gold_tools.py uncovered [GOLD.jsonl]      # marks not used by any gold quote
    python scripts/gold_tools.py validate [GOLD.jsonl]       # check eval/quotes-dev.gold.jsonl

SOURCE is relative to the shared data folder (default ../shared/data from the project root, or
$PRESSBRIEF_DATA): e.g. orangesum/orangesum-test-300.jsonl or examples/vance-azerbaidjan.txt.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("PRESSBRIEF_DATA", ROOT.parent / "shared" / "data"))
GOLD = ROOT / "eval" / "quotes-dev.gold.jsonl"

OPEN_MARKS = "«“„‹"
CLOSE_MARKS = "»”›"
AMBIG_MARKS = '"'  # straight quote: opens or closes; “ may also close a „
ALL_MARKS = OPEN_MARKS + CLOSE_MARKS + AMBIG_MARKS
KINDS = {"direct", "partial"}
QUOTE_FIELDS = {"text", "start", "end", "in_title", "speaker", "kind"}


def read_txt(path: Path) -> tuple[str, str]:
    """Title and body of a .txt article, exactly as the guideline defines them (§2.3)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    i = next(k for k, line in enumerate(lines) if line.strip())
    return lines[i].strip(), "\n".join(lines[i + 1 :]).strip()


_cache: dict[str, dict[str, dict]] = {}


def load_source(source: str) -> dict[str, dict]:
    """id -> {"title", "text"} for one source file (relative to DATA)."""
    if source in _cache:
        return _cache[source]
    path = DATA / source
    docs: dict[str, dict] = {}
    if path.suffix == ".txt":
        title, body = read_txt(path)
        docs[path.stem] = {"title": title, "text": body}
    else:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    docs[str(rec["id"])] = {"title": rec.get("title") or "", "text": rec["text"]}
    _cache[source] = docs
    return docs


def mark_positions(s: str) -> list[tuple[int, str]]:
    return [(i, c) for i, c in enumerate(s) if c in ALL_MARKS]


def cmd_show(args: argparse.Namespace) -> None:
    doc = load_source(args.source)[args.id]
    for name in ("title", "text"):
        s = doc[name]
        print(f"=== {name} ({len(s)} chars)")
        print(s)
        print(f"--- marks in {name}:")
        for i, c in mark_positions(s):
            ctx = s[max(0, i - 40) : i + 60].replace("\n", "⏎")
            print(f"  {i:6d} {c!r}  …{ctx}…")


def cmd_marks(args: argparse.Namespace) -> None:
    for doc_id, doc in load_source(args.source).items():
        n_t = len(mark_positions(doc["title"]))
        n_b = len(mark_positions(doc["text"]))
        if n_t + n_b >= args.min:
            print(f"{doc_id}\ttitle={n_t}\tbody={n_b}\tlen={len(doc['text'])}\t{doc['title'][:70]}")


def locate(s: str, text: str, occ: int | None, where: str) -> int:
    hits = [m.start() for m in re.finditer(re.escape(text), s)]
    if not hits:
        raise SystemExit(f"{where}: text not found: {text[:80]!r}")
    if occ is None and len(hits) > 1:
        # prefer the occurrence that sits between quotation marks (spaces aside)
        def marked(i: int) -> bool:
            before, after = s[:i].rstrip(), s[i + len(text) :].lstrip()
            return bool(before) and before[-1] in ALL_MARKS and bool(after) and after[0] in ALL_MARKS

        hits = [i for i in hits if marked(i)] or hits
    if occ is None:
        if len(hits) > 1:
            raise SystemExit(f"{where}: text occurs {len(hits)} times, give occ: {text[:80]!r}")
        return hits[0]
    return hits[occ]


def cmd_build(args: argparse.Namespace) -> None:
    """Draft lines hold quotes as {text, speaker, kind, [in_title], [occ]}; add start/end."""
    out = []
    records = []
    for draft in args.draft:
        raw = Path(draft).read_text(encoding="utf-8")
        dec, i = json.JSONDecoder(), 0
        while True:  # drafts may spread one record over several lines
            while i < len(raw) and raw[i].isspace():
                i += 1
            if i >= len(raw):
                break
            rec, i = dec.raw_decode(raw, i)
            records.append((draft, raw.count("\n", 0, i), rec))
    if True:
        for draft, n, rec in records:
            doc = load_source(rec["source"])[rec["id"]]
            quotes = []
            for q in rec["quotes"]:
                in_title = bool(q.get("in_title", False))
                s = doc["title"] if in_title else doc["text"]
                text = q["text"]
                start = locate(s, text, q.get("occ"), f"{draft}:{n} ({rec['id']})")
                quotes.append(
                    {
                        "text": text,
                        "start": start,
                        "end": start + len(text),
                        "in_title": in_title,
                        "speaker": q.get("speaker"),
                        "kind": q["kind"],
                    }
                )
            quotes.sort(key=lambda q: (not q["in_title"], q["start"]))
            item = {"id": rec["id"], "source": rec["source"], "quotes": quotes}
            if rec.get("notes"):
                item["notes"] = rec["notes"]
            out.append(item)
    with open(args.out, "w", encoding="utf-8") as fh:
        for item in out:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} articles, {sum(len(i['quotes']) for i in out)} quotes to {args.out}")


def reader_normalize(s: str) -> str:
    """What pipeline/stages/read.py does to every title and body (BOM, newlines, NFC, strip)."""
    s = s.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", s).strip()


def delimited(s: str, start: int, end: int) -> bool:
    """True when a quotation mark precedes start and follows end (whitespace aside)."""
    before, after = s[:start].rstrip(), s[end:].lstrip()
    return bool(before) and before[-1] in ALL_MARKS and bool(after) and after[0] in ALL_MARKS


def validate(path: Path, warnings: list[str] | None = None) -> list[str]:
    warnings = [] if warnings is None else warnings
    errors: list[str] = []
    seen: set[str] = set()
    stats = {"articles": 0, "quotes": 0, "direct": 0, "partial": 0, "null_speaker": 0, "title": 0}
    by_source: dict[str, list[int]] = {}
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path.name}:{n}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: bad JSON: {e}")
                continue
            for key in ("id", "source", "quotes"):
                if key not in rec:
                    errors.append(f"{where}: missing field {key}")
            if any(k not in rec for k in ("id", "source", "quotes")):
                continue
            doc_id, source = str(rec["id"]), rec["source"]
            where = f"{where} ({doc_id})"
            if doc_id in seen:
                errors.append(f"{where}: duplicate id")
            seen.add(doc_id)
            try:
                docs = load_source(source)
            except (OSError, StopIteration) as e:
                errors.append(f"{where}: cannot read source {source}: {e}")
                continue
            if doc_id not in docs:
                errors.append(f"{where}: id not in {source}")
                continue
            doc = docs[doc_id]
            stats["articles"] += 1
            by_source.setdefault(source, [0, 0])
            by_source[source][0] += 1
            spans: dict[bool, list[tuple[int, int]]] = {True: [], False: []}
            for k, q in enumerate(rec["quotes"]):
                qw = f"{where} quote {k}"
                missing = QUOTE_FIELDS - set(q)
                if missing:
                    errors.append(f"{qw}: missing {sorted(missing)}")
                    continue
                extra = set(q) - QUOTE_FIELDS
                if extra:
                    errors.append(f"{qw}: unexpected fields {sorted(extra)}")
                s = doc["title"] if q["in_title"] else doc["text"]
                if not (isinstance(q["start"], int) and isinstance(q["end"], int)):
                    errors.append(f"{qw}: start/end not int")
                    continue
                if not (0 <= q["start"] < q["end"] <= len(s)):
                    errors.append(f"{qw}: offsets out of range")
                elif s[q["start"] : q["end"]] != q["text"]:
                    errors.append(f"{qw}: text != {'title' if q['in_title'] else 'body'}[start:end]")
                if q["text"] != q["text"].strip():
                    errors.append(f"{qw}: text has leading/trailing whitespace")
                if q["text"] and (q["text"][0] in ALL_MARKS and q["text"][-1] in ALL_MARKS):
                    errors.append(f"{qw}: text seems to include its quotation marks")
                if q["kind"] not in KINDS:
                    errors.append(f"{qw}: bad kind {q['kind']!r}")
                if q["speaker"] is not None and (
                    not isinstance(q["speaker"], str)
                    or q["speaker"] != q["speaker"].strip()
                    or not q["speaker"]
                ):
                    errors.append(f"{qw}: speaker must be null or a stripped non-empty string")
                if not isinstance(q["in_title"], bool):
                    errors.append(f"{qw}: in_title not bool")
                elif reader_normalize(s)[q["start"] : q["end"]] != q["text"]:
                    warnings.append(f"{qw}: span shifts under the reader's normalisation (NFC/strip)")
                elif not delimited(s, q["start"], q["end"]):
                    warnings.append(f"{qw}: span not directly between quotation marks: {q['text'][:50]!r}")
                spans[bool(q["in_title"])].append((q["start"], q["end"]))
                stats["quotes"] += 1
                by_source[source][1] += 1
                stats[q["kind"]] = stats.get(q["kind"], 0) + 1
                stats["null_speaker"] += q["speaker"] is None
                stats["title"] += bool(q["in_title"])
            for flag, lst in spans.items():
                lst.sort()
                for (a0, a1), (b0, b1) in itertools.pairwise(lst):
                    if b0 < a1:
                        errors.append(f"{where}: overlapping spans {a0}-{a1} and {b0}-{b1} (in_title={flag})")
    # ids must be unambiguous across every source the gold file uses
    for doc_id in sorted(seen):
        holders = [src for src in by_source if doc_id in load_source(src)]
        if len(holders) > 1:
            errors.append(f"id {doc_id} exists in several sources: {holders}")
    print("stats:", json.dumps(stats))
    for src, (na, nq) in sorted(by_source.items()):
        print(f"  {src}: {na} articles, {nq} quotes")
    return errors


def cmd_validate(args: argparse.Namespace) -> None:
    warnings: list[str] = []
    errors = validate(Path(args.gold), warnings)
    for w in warnings:
        print("WARNING", w)
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    sys.exit(1 if errors else 0)


def cmd_uncovered(args: argparse.Namespace) -> None:
    """Quotation marks of each gold article that lie outside every gold span's marks (review aid)."""
    with open(args.gold, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            doc = load_source(rec["source"])[rec["id"]]
            for in_title, name in ((True, "title"), (False, "text")):
                s = doc[name]
                covered: set[int] = set()
                for q in rec["quotes"]:
                    if q["in_title"] != in_title:
                        continue
                    b = len(s[: q["start"]].rstrip()) - 1
                    a = q["end"] + (len(s[q["end"] :]) - len(s[q["end"] :].lstrip()))
                    covered.update({b, a, *range(q["start"], q["end"])})
                for i, c in mark_positions(s):
                    if i not in covered:
                        ctx = s[max(0, i - 50) : i + 50].replace("\n", "⏎")
                        print(f"{rec['id']}\t{name}:{i}\t{c}\t…{ctx}…")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("show")
    p.add_argument("source")
    p.add_argument("id")
    p.set_defaults(func=cmd_show)
    p = sub.add_parser("marks")
    p.add_argument("source")
    p.add_argument("--min", type=int, default=0)
    p.set_defaults(func=cmd_marks)
    p = sub.add_parser("build")
    p.add_argument("draft", nargs="+")
    p.add_argument("--out", default=str(GOLD))
    p.set_defaults(func=cmd_build)
    p = sub.add_parser("uncovered")
    p.add_argument("gold", nargs="?", default=str(GOLD))
    p.set_defaults(func=cmd_uncovered)
    p = sub.add_parser("validate")
    p.add_argument("gold", nargs="?", default=str(GOLD))
    p.set_defaults(func=cmd_validate)
    args = ap.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
