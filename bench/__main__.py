"""`python -m bench`: translation and brief throughput, transformers vs pressbrief's nightly setup."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bench.run import DEFAULT_CACHE, BenchError, benchmark, profile


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _report(result: dict[str, Any]) -> str:
    t = result["translate_tokens_per_s"]
    tr = result["articles_per_hour"]["translate"]
    b = result["brief_tokens_per_s"]
    aph = result["articles_per_hour"]
    lines = [
        f"machine: {result['machine']['cpu']}, {result['machine']['cores']} cores, "
        f"load average {result['machine']['load_average']}, {result['date']}",
        f"articles: {result['settings']['articles']} "
        f"(naive: {result['settings']['naive_sentences']} sentences), rounds: {result['settings']['repeat']}",
        "",
        f"{'':34}{'target tok/s':>14}{'articles/h':>12}",
        f"{'translate (a) transformers 1-by-1':34}{t['a_naive']:>14}{'':>12}",
        f"{'translate (b) transformers batched':34}{t['b_batched']:>14}{tr['transformers']:>12}",
        f"{'translate (c) nightly':34}{t['c_nightly']:>14}{tr['nightly']:>12}",
        f"{'brief transformers':34}{b['transformers']:>14}{aph['brief']['transformers']:>12}",
        f"{'brief nightly':34}{b['nightly']:>14}{aph['brief']['nightly']:>12}",
        f"{'pipeline transformers':34}{'':>14}{aph['pipeline']['transformers']:>12}",
        f"{'pipeline nightly':34}{'':>14}{aph['pipeline']['nightly']:>12}",
        "",
        f"translate (c)/(a) {result['translate_vs_naive']}x   (c)/(b) {result['translate_vs_batched']}x   "
        f"brief {result['brief_vs_transformers']}x   pipeline {result['pipeline_vs_transformers']}x",
        f"peak RSS nightly {result['peak_rss_mb']} MB (transformers {result['peak_rss_mb_transformers']} MB)",
        f"load s: {result['load_s']}",
    ]
    if len(result["rounds"]) > 1:
        lines.append("rounds (medians above):")
        for i, r in enumerate(result["rounds"], 1):
            lines.append(
                f"  {i}: a {r['a']}  b {r['b']}  c {r['c']} tok/s; (c)/(a) {r['translate_vs_naive']}x  "
                f"(c)/(b) {r['translate_vs_batched']}x  brief {r['brief_vs_transformers']}x  "
                f"pipeline {r['pipeline_vs_transformers']}x  load {r['load_average_after']}"
            )
    return "\n".join(lines)


def _profile_report(result: dict[str, Any]) -> str:
    lines = [f"{'model':10}{'compute':14}{'thr':>4}{'inter':>6}{'beams':>6}{'batch tok':>10}{'tok/s':>9}"]
    for row in result["settings"]:
        batch = row["max_batch_tokens"] or f"n={row.get('batch_size')}"
        lines.append(
            f"{row['model']:10}{row['compute_type']:14}{row['threads']:>4}{row.get('inter_threads', 1):>6}"
            f"{row['num_beams']:>6}{batch!s:>10}{row['target_tokens_per_s']:>9}"
            f"  {'vmap' if row.get('use_vmap') else ''}{row.get('omp_wait_policy', '')}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Build published-shape random models, convert them, and compare transformers with the nightly setup."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=main.__doc__)
    parser.add_argument(
        "--json", action="store_true", help="end the output with the full result as one JSON object"
    )
    parser.add_argument(
        "--articles", type=int, default=12, help="articles of newstest2014 to process (default 12)"
    )
    parser.add_argument("--quick", action="store_true", help="4 articles, 16 naive sentences: a smoke run")
    parser.add_argument("--naive-sentences", type=int, default=24, help="sentences for (a), one at a time")
    parser.add_argument(
        "--translate-beams", type=int, default=None, help="override the nightly translate beams"
    )
    parser.add_argument("--brief-beams", type=int, default=None, help="override the nightly brief beams")
    parser.add_argument(
        "--repeat", type=int, default=1, help="rounds of (a), (b), (c); ratios are the rounds' medians"
    )
    parser.add_argument("--profile", action="store_true", help="measure CTranslate2 settings instead")
    parser.add_argument(
        "--omp-wait-policy",
        default="PASSIVE",
        choices=["PASSIVE", "ACTIVE", ""],
        help="OMP_WAIT_POLICY of the measuring processes ('' = library default)",
    )
    parser.add_argument(
        "--cache", type=Path, default=DEFAULT_CACHE, help="where models are built and converted"
    )
    args = parser.parse_args(argv)
    articles, naive = (4, 16) if args.quick else (args.articles, args.naive_sentences)
    try:
        if args.profile:
            result = profile(articles=min(articles, 3), cache=args.cache, log=_log)
            print(_profile_report(result))
        else:
            result = benchmark(
                articles=articles,
                naive_sentences=naive,
                translate_beams=args.translate_beams,
                brief_beams=args.brief_beams,
                repeat=max(1, args.repeat),
                cache=args.cache,
                omp_wait_policy=args.omp_wait_policy,
                log=_log,
            )
            print(_report(result))
    except BenchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
