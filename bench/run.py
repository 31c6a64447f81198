"""Run the benchmark configurations, each in its own process, and report their ratios.

(a) translation one sentence at a time, transformers fp32 (a subset of sentences, as tokens/s);
(b) the translate + summarize stages on transformers fp32, batched by length (batch_size 16);
(c) the same stages in pressbrief's nightly configuration (CTranslate2 int8, token-budget batches,
    every core), both on random-weight models with the published shapes of opus-mt-fr-en and
    distilbart-cnn-12-6, forced output lengths (translation 1.1 x input tokens, brief 80 tokens).
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CACHE = ROOT / "bench" / ".cache"

#: The nightly configuration the benchmark measures as (c): its translate and summarize stages'
#: settings are read from here, so the benchmark always measures what the nightly job runs.
NIGHTLY_CONFIG = ROOT / "configs" / "nightly.yaml"
#: The keys of a model stage that say how it runs (the models are the benchmark's own).
RUN_KEYS = (
    "backend",
    "compute_type",
    "threads",
    "inter_threads",
    "num_beams",
    "max_batch_tokens",
    "batch_size",
)


def nightly_settings(stage: str, config: Path = NIGHTLY_CONFIG) -> dict[str, Any]:
    """How `stage` (translate or summarize) runs in `config`: backend, threads, batching, beams."""
    from pipeline.config import load_config

    found = load_config(config).stage_config(stage)
    if found is None:
        raise BenchError(f"{config} has no {stage} stage")
    settings = found.model_dump()
    return {key: settings[key] for key in RUN_KEYS}


#: The transformers baseline (b): fp32, batched by length, 16 inputs per batch.
BASELINE: dict[str, Any] = {
    "backend": "transformers",
    "compute_type": "float32",
    "threads": 0,
    "max_batch_tokens": 0,
    "batch_size": 16,
}


class BenchError(RuntimeError):
    """A benchmark worker failed; the message holds the end of its output."""


#: OpenMP threads that wait passively (sleep) instead of spinning: on a box where other processes
#: compete for the cores, spinning threads steal the time their peers need (7x slower measured).
OMP_WAIT_POLICY = "PASSIVE"


def worker(
    task: dict[str, Any], cache: Path, *, omp_wait_policy: str = OMP_WAIT_POLICY, timeout: float = 3600
) -> dict[str, Any]:
    """Run one `bench.worker` task in a fresh Python process and return its JSON result."""
    cache.mkdir(parents=True, exist_ok=True)
    # Built models and converted copies (GBs) never belong in git.
    (cache / ".gitignore").write_text("*\n")
    payload = json.dumps({**task, "cache": str(cache)})
    env = {**os.environ, "TOKENIZERS_PARALLELISM": "false", "PYTHONWARNINGS": "ignore"}
    if omp_wait_policy:
        env["OMP_WAIT_POLICY"] = omp_wait_policy
    proc = subprocess.run(
        [sys.executable, "-m", "bench.worker", payload],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise BenchError(f"bench worker {task['task']} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    return result


def machine() -> dict[str, Any]:
    """CPU model, cores, load average, versions: what a reader needs to compare numbers."""
    model = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import importlib.metadata as md

    versions: dict[str, str | None] = {}
    for package in ("ctranslate2", "torch", "transformers"):
        try:
            versions[package] = md.version(package)
        except md.PackageNotFoundError:
            versions[package] = None
    return {
        "cpu": model,
        "cores": len(os.sched_getaffinity(0)),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        **versions,
    }


def ratio(a: float, b: float) -> float:
    return round(a / b, 2) if b else float("nan")


def _median(values: list[float]) -> float:
    return round(statistics.median(values), 2)


def benchmark(
    *,
    articles: int = 12,
    naive_sentences: int = 40,
    translate_beams: int | None = None,
    brief_beams: int | None = None,
    repeat: int = 1,
    cache: Path = DEFAULT_CACHE,
    omp_wait_policy: str = OMP_WAIT_POLICY,
    log: Any = print,
) -> dict[str, Any]:
    """Build/convert the models (cached), measure (a), (b), (c) and return the results and ratios.

    With `repeat` > 1 the three configurations run in turn that many times; each ratio is the
    median of the ratios of the rounds (a, b and c of one round ran minutes apart, under about
    the same load), and each speed the median of its rounds.
    """
    policy: dict[str, Any] = {"omp_wait_policy": omp_wait_policy}
    nightly_t = nightly_settings("translate")
    nightly_s = nightly_settings("summarize")
    nightly_t.update({"num_beams": translate_beams} if translate_beams else {})
    nightly_s.update({"num_beams": brief_beams} if brief_beams else {})
    base_t = dict(BASELINE, num_beams=nightly_t["num_beams"])
    base_s = dict(BASELINE, num_beams=nightly_s["num_beams"], batch_size=8)
    started = time.perf_counter()
    log(f"preparing models (built and converted once into {cache}) ...")
    prepared = worker({"task": "prepare", "quantizations": [nightly_t["compute_type"]]}, cache)
    rounds: list[dict[str, Any]] = []
    for i in range(repeat):
        tag = f" [round {i + 1}/{repeat}]" if repeat > 1 else ""
        log(f"(a) transformers fp32, one sentence at a time ...{tag}")
        naive = worker(
            {
                "task": "naive",
                "articles": articles,
                "sentences": naive_sentences,
                "num_beams": base_t["num_beams"],
            },
            cache,
            **policy,
        )
        log(f"(b) transformers fp32, batched by length ...{tag}")
        baseline = worker(
            {"task": "pipeline", "articles": articles, "translate": base_t, "summarize": base_s},
            cache,
            **policy,
        )
        log(f"(c) nightly: CTranslate2, token-budget batches ...{tag}")
        nightly = worker(
            {"task": "pipeline", "articles": articles, "translate": nightly_t, "summarize": nightly_s},
            cache,
            **policy,
        )
        a = naive["target_tokens_per_s"]
        b = baseline["translate"]["target_tokens_per_s"]
        c = nightly["translate"]["target_tokens_per_s"]
        rounds.append(
            {
                "naive": naive,
                "transformers": baseline,
                "nightly": nightly,
                "translate_vs_naive": ratio(c, a),
                "translate_vs_batched": ratio(c, b),
                "brief_vs_transformers": ratio(
                    nightly["summarize"]["target_tokens_per_s"], baseline["summarize"]["target_tokens_per_s"]
                ),
                "pipeline_vs_transformers": ratio(
                    nightly["pipeline"]["articles_per_hour"], baseline["pipeline"]["articles_per_hour"]
                ),
                "load_average_after": nightly["load_average_after"],
            }
        )

    def med(*path: str) -> float:
        values = []
        for r in rounds:
            value: Any = r
            for key in path:
                value = value[key]
            values.append(float(value))
        return _median(values)

    summary = {
        "translate_tokens_per_s": {
            "a_naive": med("naive", "target_tokens_per_s"),
            "b_batched": med("transformers", "translate", "target_tokens_per_s"),
            "c_nightly": med("nightly", "translate", "target_tokens_per_s"),
        },
        "brief_tokens_per_s": {
            "transformers": med("transformers", "summarize", "target_tokens_per_s"),
            "nightly": med("nightly", "summarize", "target_tokens_per_s"),
        },
        "articles_per_hour": {
            stage: {
                "transformers": med("transformers", key, "articles_per_hour"),
                "nightly": med("nightly", key, "articles_per_hour"),
            }
            for stage, key in (("translate", "translate"), ("brief", "summarize"), ("pipeline", "pipeline"))
        },
        "translate_vs_naive": med("translate_vs_naive"),
        "translate_vs_batched": med("translate_vs_batched"),
        "brief_vs_transformers": med("brief_vs_transformers"),
        "pipeline_vs_transformers": med("pipeline_vs_transformers"),
        "peak_rss_mb": max(r["nightly"]["peak_rss_mb"] for r in rounds),
        "peak_rss_mb_transformers": max(r["transformers"]["peak_rss_mb"] for r in rounds),
        "load_s": {
            "nightly": rounds[-1]["nightly"]["load_s"],
            "transformers": rounds[-1]["transformers"]["load_s"],
            "naive": rounds[-1]["naive"]["load_s"],
        },
        "rounds": [
            {
                key: r[key]
                for key in (
                    "translate_vs_naive",
                    "translate_vs_batched",
                    "brief_vs_transformers",
                    "pipeline_vs_transformers",
                    "load_average_after",
                )
            }
            | {
                "a": r["naive"]["target_tokens_per_s"],
                "b": r["transformers"]["translate"]["target_tokens_per_s"],
                "c": r["nightly"]["translate"]["target_tokens_per_s"],
            }
            for r in rounds
        ],
    }
    return {
        **summary,
        "settings": {
            "articles": articles,
            "naive_sentences": rounds[-1]["naive"]["sentences"],
            "repeat": repeat,
            "nightly": {"translate": nightly_t, "summarize": nightly_s},
            "transformers": {"translate": base_t, "summarize": base_s},
            "forced_lengths": {"translate": "ceil(1.1 x input tokens)", "brief": 80},
            "omp_wait_policy": omp_wait_policy or "default",
        },
        "details": {"prepare": prepared, "rounds": rounds},
        "machine": machine(),
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "wall_s": round(time.perf_counter() - started, 1),
    }


def profile(*, articles: int = 3, cache: Path = DEFAULT_CACHE, log: Any = print) -> dict[str, Any]:
    """Measure the CTranslate2 settings that matter on this machine (one process, same inputs).

    The base setting runs first and last: the gap between the two says how much the machine's
    load drifted during the run.
    """
    worker({"task": "prepare", "quantizations": ["int8", "float32"]}, cache)
    base = {
        "compute_type": "int8",
        "threads": 0,
        "inter_threads": 1,
        "num_beams": 4,
        "max_batch_tokens": 1024,
    }
    translate = [
        base,
        {**base, "compute_type": "int8_float32"},
        {**base, "compute_type": "float32"},
        {**base, "threads": 1},
        {**base, "threads": 1, "inter_threads": 2},
        {**base, "threads": 1, "inter_threads": 2, "max_batch_tokens": 512},
        {**base, "threads": 1, "inter_threads": 2, "max_batch_tokens": 256},
        {**base, "max_batch_tokens": 512},
        {**base, "max_batch_tokens": 2048},
        {**base, "max_batch_tokens": 4096},
        {**base, "max_batch_tokens": 0, "batch_size": 16},
        {**base, "num_beams": 2},
        {**base, "num_beams": 1},
        {**base, "use_vmap": True, "vmap_top": 4000},
        {**base, "use_vmap": True, "vmap_top": 32000},
        {
            **base,
            "threads": 1,
            "inter_threads": 2,
            "max_batch_tokens": 512,
            "use_vmap": True,
            "vmap_top": 32000,
        },
        base,
    ]
    brief_base = {**base, "max_batch_tokens": 4096}
    brief = [
        brief_base,
        {**brief_base, "compute_type": "float32"},
        {**brief_base, "threads": 1, "inter_threads": 2},
        {**brief_base, "threads": 1, "inter_threads": 2, "max_batch_tokens": 2048},
        {**brief_base, "num_beams": 2},
        {**brief_base, "num_beams": 1},
        brief_base,
    ]
    log("profiling CTranslate2 settings ...")
    result = worker(
        {"task": "profile", "articles": articles, "translate_settings": translate, "brief_settings": brief},
        cache,
    )
    log("profiling OMP_WAIT_POLICY=ACTIVE ...")
    active = worker(
        {
            "task": "profile",
            "articles": articles,
            "translate_settings": [base],
            "brief_settings": [brief_base],
        },
        cache,
        omp_wait_policy="ACTIVE",
    )
    for row in active["settings"]:
        row["omp_wait_policy"] = "ACTIVE"
    result["settings"] += active["settings"]
    return {**result, "machine": machine(), "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
