"""The benchmark's bookkeeping (no model runs): nightly settings come from configs/nightly.yaml,
ratios are computed within a round and reported as the median over rounds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench import run
from pipeline.config import load_config

ROOT = Path(__file__).resolve().parents[1]


def test_nightly_settings_are_read_from_the_nightly_config() -> None:
    translate = load_config(ROOT / "configs" / "nightly.yaml").stage_config("translate")
    settings = run.nightly_settings("translate")
    assert settings == {key: getattr(translate, key) for key in run.RUN_KEYS}


def _pipeline(translate: float, brief: float, per_hour: float) -> dict[str, Any]:
    return {
        "translate": {"target_tokens_per_s": translate, "articles_per_hour": translate * 10},
        "summarize": {"target_tokens_per_s": brief, "articles_per_hour": brief * 10},
        "pipeline": {"articles_per_hour": per_hour},
        "peak_rss_mb": 100.0 + translate,
        "load_s": {},
        "load_average_after": [0.0],
    }


def test_ratios_are_medians_of_per_round_ratios(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Three rounds under different load: (a, b, c) tok/s = (10, 20, 100), (5, 10, 100), (10, 10, 30).
    speeds = iter([(10, 20, 100), (5, 10, 100), (10, 10, 30)])
    current: dict[str, tuple[int, int, int]] = {}

    def fake_worker(task: dict[str, Any], cache: Path, **_: Any) -> dict[str, Any]:
        if task["task"] == "prepare":
            return {}
        if task["task"] == "naive":
            current["round"] = next(speeds)
            return {"target_tokens_per_s": current["round"][0], "sentences": 3, "load_s": 0.0}
        b, c = current["round"][1:]
        nightly = task["translate"]["backend"] == "ctranslate2"
        return _pipeline(c if nightly else b, 2.0 if nightly else 1.0, 40.0 if nightly else 10.0)

    monkeypatch.setattr(run, "worker", fake_worker)
    result = run.benchmark(articles=2, naive_sentences=3, repeat=3, cache=tmp_path, log=lambda _: None)
    # per-round (c)/(a): 10, 20, 3 -> median 10; (c)/(b): 5, 10, 3 -> median 5
    assert [r["translate_vs_naive"] for r in result["rounds"]] == [10.0, 20.0, 3.0]
    assert result["translate_vs_naive"] == 10.0
    assert result["translate_vs_batched"] == 5.0
    assert result["brief_vs_transformers"] == 2.0 and result["pipeline_vs_transformers"] == 4.0
    assert result["translate_tokens_per_s"] == {"a_naive": 10.0, "b_batched": 10.0, "c_nightly": 100.0}
    assert result["peak_rss_mb"] == 200.0
