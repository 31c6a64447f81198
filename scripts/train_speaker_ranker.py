#!/usr/bin/env python
"""Train the speaker ranker (pipeline/quotes/ranker.py) on hand-annotated gold files.

    python scripts/train_speaker_ranker.py eval/quotes-dev.gold.jsonl eval/quotes-dev2.gold.jsonl ...
        [--cv 5] [--c 1.0] [--write pipeline/quotes/ranker_weights.json]

For every body quote the rules find and the gold file matches (the overlap rule of `pressbrief eval
quotes`), each candidate is labelled by whether its name equals the gold speaker. `--cv K` reports
speaker accuracy of the rules and of the ranker with K folds grouped by article (no article is
ever scored by a model that saw it). `--write` fits on all the files and writes the weights.

Needs scikit-learn (a development dependency) and the articles under ../shared/data.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from predict_quotes import read_source  # type: ignore[import-not-found]

from pipeline.evaluate import QuoteItem, match_quotes
from pipeline.nlp import load_spacy, plain_form
from pipeline.quotes import analyse, rule_speakers
from pipeline.quotes.ranker import Candidate, quote_candidates, ranker_decides, speaker_key

ROOT = Path(__file__).resolve().parents[1]


def collect(gold_files: list[Path], data: Path) -> list[dict]:
    """One row per matched body quote: article, gold speaker, rule speaker, candidates."""
    nlp = load_spacy()
    rows: list[dict] = []
    sources: dict[str, dict[str, tuple[str, str, str | None]]] = {}
    for gold_file in gold_files:
        for line in gold_file.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            g = json.loads(line)
            if g["source"] not in sources:
                sources[g["source"]] = read_source(data, g["source"])
            body, title, date = sources[g["source"]][g["id"]]
            a = analyse(nlp(plain_form(body)), nlp(plain_form(title)) if title.strip() else None, date=date)
            speakers = rule_speakers(a)
            cands = quote_candidates(a.body, a.title, a.body_results, speakers)
            kept = [i for i, r in enumerate(a.body_results) if r.is_quote]
            pred = [
                QuoteItem(
                    g["id"], "", a.body_results[i].span.start, a.body_results[i].span.end, False, None, None
                )
                for i in kept
            ]
            gold = [
                QuoteItem(
                    g["id"], q["text"], q["start"], q["end"], bool(q.get("in_title")), q["speaker"], None
                )
                for q in g["quotes"]
            ]
            for gi, pi in match_quotes(gold, pred):
                i = kept[pi]
                rows.append(
                    {
                        "article": f"{gold_file.stem}:{g['id']}",
                        "gold": gold[gi].speaker,
                        "rule": speakers[i],
                        "candidates": [(c.name, c.features) for c in cands[i]],
                        "text": gold[gi].text[:60],
                    }
                )
    return rows


def _matrix(rows: list[dict], names: list[str] | None = None):  # type: ignore[no-untyped-def]
    import numpy as np

    if names is None:
        names = sorted({k for r in rows for _, f in r["candidates"] for k in f})
    index = {n: i for i, n in enumerate(names)}
    xs, ys, qid = [], [], []
    for qi, r in enumerate(rows):
        gold = speaker_key(r["gold"])
        for name, f in r["candidates"]:
            x = np.zeros(len(names))
            for k, v in f.items():
                if k in index:
                    x[index[k]] = v
            xs.append(x)
            ys.append(int(speaker_key(name) == gold))
            qid.append(qi)
    return np.array(xs), np.array(ys), np.array(qid), names


def fit(rows: list[dict], c: float):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression

    x, y, _, names = _matrix([r for r in rows if not _rules_stand(r)])
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(x, y)
    return model, names


def predict(model, names: list[str], rows: list[dict]) -> list[str | None]:  # type: ignore[no-untyped-def]
    x, _, _, _ = _matrix(rows, names)
    scores = model.decision_function(x)
    best: dict[int, tuple[float, str | None]] = {}
    k = 0
    for qi, r in enumerate(rows):
        for name, _ in r["candidates"]:
            if qi not in best or scores[k] > best[qi][0]:
                best[qi] = (scores[k], name)
            k += 1
    return [r["rule"] if _rules_stand(r) or qi not in best else best[qi][1] for qi, r in enumerate(rows)]


def _rules_stand(row: dict) -> bool:
    """The policy of `ranker.rerank`: where the rules' speaker stands."""
    return not ranker_decides(Candidate(n, f) for n, f in row["candidates"])


def accuracy(rows: list[dict], speakers: list[str | None]) -> float:
    return sum(speaker_key(s) == speaker_key(r["gold"]) for s, r in zip(speakers, rows, strict=True)) / max(
        len(rows), 1
    )


def cross_validate(rows: list[dict], folds: int, c: float, by_file: bool = False) -> None:
    articles = sorted({r["article"] for r in rows})
    out: list[str | None] = [None] * len(rows)
    groups = sorted({a.split(":")[0] for a in articles}) if by_file else None
    for k in range(len(groups) if groups else folds):
        if groups:
            test = {a for a in articles if a.split(":")[0] == groups[k]}
        else:
            test = {a for j, a in enumerate(articles) if j % folds == k}
        train = [r for r in rows if r["article"] not in test]
        model, names = fit(train, c)
        idx = [i for i, r in enumerate(rows) if r["article"] in test]
        for i, s in zip(idx, predict(model, names, [rows[i] for i in idx]), strict=True):
            out[i] = s
        if groups:
            part = [rows[i] for i in idx]
            print(
                f"  held-out file {groups[k]}: rules {accuracy(part, [r['rule'] for r in part]):.3f}  "
                f"ranker {accuracy(part, [out[i] for i in idx]):.3f}  ({len(part)} quotes)"
            )
    oracle = sum(
        any(speaker_key(n) == speaker_key(r["gold"]) for n, _ in r["candidates"]) for r in rows
    ) / len(rows)
    print(
        f"{len(rows)} matched quotes, {len(articles)} articles: rules {accuracy(rows, [r['rule'] for r in rows]):.3f}"
        f"  ranker {accuracy(rows, out):.3f}  (candidate oracle {oracle:.3f})"
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("gold", nargs="+", type=Path)
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    p.add_argument("--cv", type=int, default=5)
    p.add_argument("--by-file", action="store_true", help="cross-validate leaving one gold file out")
    p.add_argument("--c", type=float, default=0.3, help="inverse L2 strength of the regression")
    p.add_argument("--cache", type=Path, help="pickle of the collected rows (read if it exists)")
    p.add_argument("--write", type=Path, help="fit on everything and write the weights here")
    args = p.parse_args()
    if args.cache and args.cache.exists():
        rows = pickle.loads(args.cache.read_bytes())
    else:
        rows = collect(args.gold, args.data)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(rows))
    if args.cv:
        cross_validate(rows, args.cv, args.c, args.by_file)
    if args.write:
        model, names = fit(rows, args.c)
        weights = {n: round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True) if abs(w) > 1e-4}
        payload = {
            "trained_on": [str(g) for g in args.gold],
            "matched_quotes": len(rows),
            "ranked_quotes": sum(not _rules_stand(r) for r in rows),
            "bias": round(float(model.intercept_[0]), 4),
            "weights": dict(sorted(weights.items())),
        }
        args.write.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.write}")


if __name__ == "__main__":
    main()
