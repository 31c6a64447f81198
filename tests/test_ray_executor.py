"""The Ray executor gives the same articles as the local one, fails like it, and survives a dead worker."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ray = pytest.importorskip("ray")

from pipeline.article import Article  # noqa: E402
from pipeline.config import PipelineConfig, load_config, validate_config  # noqa: E402
from pipeline.executors import ExecutorError  # noqa: E402
from pipeline.executors.ray_executor import EXECUTOR_STAGE, RayExecutor, _Worker  # noqa: E402
from pipeline.nlp import NlpError  # noqa: E402
from pipeline.runner import LocalExecutor, Progress, build_stages, run_pipeline  # noqa: E402
from tests.helpers import NIGHTLY, article_text, read_records, tiny_overrides, write_jsonl  # noqa: E402

RAY = "{type: ray, num_workers: 2, num_cpus: 1}"


def segment_config(*overrides: str) -> PipelineConfig:
    """read -> segment -> write on the Ray executor: needs spaCy only, no translation model."""
    data = {"stages": [{"type": "read"}, {"type": "segment"}, {"type": "write", "formats": ["jsonl"]}]}
    return validate_config(data, [f"run.executor={RAY}", *overrides])


def articles() -> list[Article]:
    """Six articles; the fourth is blank, which the segment stage rejects."""
    batch = [
        Article(id=f"a{i}", title=f"Titre {i}", text=article_text(i), source_file="in.jsonl", line=i + 1)
        for i in range(6)
    ]
    batch[3].text, batch[3].title = "  \n ", " "
    return batch


def records(batch: list[Article]) -> list[dict[str, Any]]:
    """Records without timings (which differ run to run)."""
    return [{k: v for k, v in a.to_record().items() if k != "timings"} for a in batch]


def local_results(config: PipelineConfig, batch: list[Article]) -> tuple[list[Article], dict[str, Any]]:
    executor = LocalExecutor(build_stages(config)[1:-1], Progress())
    return executor.process(batch), executor.stage_stats()


def kill(actor: Any) -> None:
    """Kill a worker for good, and wait until Ray reports it dead (ray.kill does not wait)."""
    ray.kill(actor, no_restart=True)
    for _ in range(100):
        try:
            ray.get(actor.warm_up.remote(), timeout=10)
        except ray.exceptions.RayActorError:
            return
        time.sleep(0.1)
    raise AssertionError("the killed worker still answers")


@pytest.fixture(scope="module")
def ray_instance() -> Iterator[None]:
    """One local Ray instance for the tests that don't start their own (Ray takes seconds to start)."""
    started = not ray.is_initialized()
    if started:
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    if started:
        ray.shutdown()


def test_run_pipeline_same_records_as_local(
    tmp_path: Path, tiny_marian_dir: Path, tiny_bart_dir: Path
) -> None:
    """The nightly config on the tiny models, through `run_pipeline`: the same records on Ray as locally.

    The Ray executor starts its own local instance here, and must shut it down. float32, because
    int8 dynamic quantization scales activations per batch: its outputs depend on which articles
    share a batch, and the Ray workers' batches (half a chunk each) are not the local ones.
    """
    if ray.is_initialized():
        pytest.skip("Ray already runs in this process; this test checks that the executor starts its own")
    source = tmp_path / "in.jsonl"
    write_jsonl(source, 5)
    with source.open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")  # failed by read, on the driver
    overrides = [
        *tiny_overrides(tiny_marian_dir, tiny_bart_dir),
        "translate.compute_type=float32",
        "summarize.compute_type=float32",
    ]
    reports = {}
    for name, executor in (("local", "{type: local}"), ("ray", RAY)):
        config = load_config(NIGHTLY, [*overrides, f"run.executor={executor}"])
        reports[name] = run_pipeline(config, source, tmp_path / name).report
    assert not ray.is_initialized()  # the executor shut down the instance it started
    local, remote = (read_records(tmp_path / name / "articles.jsonl") for name in ("local", "ray"))
    for record in (*local, *remote):
        record.pop("timings")
    assert remote == local
    assert [r["status"] for r in remote] == ["ok"] * 5 + ["failed"]
    assert reports["ray"]["counts"] == reports["local"]["counts"]
    for stage in ("segment", "quotes", "translate", "summarize"):
        assert reports["ray"]["stages"][stage]["articles"] == 5
    assert reports["ray"]["stages"][EXECUTOR_STAGE]["articles"] == 5


def test_process_same_articles_as_local(ray_instance: None) -> None:
    """Same articles and stage counters as locally; then a worker dies, then all of them.

    One test, one set of workers: each start costs seconds (spaCy loads in every worker).
    """
    config = segment_config()
    expected, local_stats = local_results(config, articles())
    executor = RayExecutor(config, Progress())
    try:
        got = executor.process(articles())
        stats = executor.stage_stats()
        assert records(got) == records(expected)
        assert [a.status for a in got] == ["ok", "ok", "ok", "failed", "ok", "ok"]
        assert got[3].errors[0].stage == "segment"
        assert {k: v for k, v in stats["segment"].items() if k != "seconds"} == {
            k: v for k, v in local_stats["segment"].items() if k != "seconds"
        }
        assert stats[EXECUTOR_STAGE]["calls_lost"] == 0

        # A worker gone for good: its articles are retried on the other one, then it is left out.
        kill(executor._actors[0])
        assert records(executor.process(articles())) == records(expected)
        stats = executor.stage_stats()[EXECUTOR_STAGE]
        assert (stats["calls_lost"], stats["retried"], stats["lost"]) == (1, 3, 0)
        assert records(executor.process(articles())) == records(expected)

        kill(executor._actors[1])
        with pytest.raises(ExecutorError, match="all 2 Ray workers died"):
            executor.process(articles())
    finally:
        executor.close()
    assert ray.is_initialized()  # not the executor's to stop


def test_load_error_raised_before_processing(ray_instance: None) -> None:
    """A stage that cannot load fails the run on the driver with its own error type and the stage name."""
    config = segment_config(
        "run.executor={type: ray, num_workers: 1}", "segment.spacy_model=xx_no_such_pipeline"
    )
    executor = RayExecutor(config, Progress())
    try:
        with pytest.raises(NlpError, match=r"stage 'segment'.*xx_no_such_pipeline"):
            executor.warm_up()
    finally:
        executor.close()


class _DyingWorker(_Worker):
    """A worker whose process exits on the article with id `poison`, as a segfault would."""

    def process(self, articles: list[Article]) -> Any:
        if any(article.id == "poison" for article in articles):
            os._exit(1)
        return super().process(articles)


def test_article_that_kills_workers_is_failed_alone(
    ray_instance: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the article that kills its worker, twice, fails; those that ran beside it are redone.

    No processing stage: what is tested is who gets retried where, and workers restart faster
    with nothing to load.
    """
    data = {"stages": [{"type": "read"}, {"type": "write", "formats": ["jsonl"]}]}
    config = validate_config(data, [f"run.executor={RAY}"])
    expected = articles()
    batch = articles()
    batch[0].id = "poison"  # first of its run: on retry, the others must not sit behind it on one worker
    monkeypatch.setattr(RayExecutor, "worker_class", _DyingWorker)
    executor = RayExecutor(config, Progress())
    try:
        got = executor.process(batch)
        stats = executor.stage_stats()[EXECUTOR_STAGE]
    finally:
        executor.close()
    assert [a.id for a in got] == [a.id for a in batch]
    assert got[0].status == "failed"
    assert [(e.stage, e.type) for e in got[0].errors] == [(EXECUTOR_STAGE, "WorkerLostError")]
    assert records(got[1:]) == records(expected[1:])
    assert (stats["calls_lost"], stats["retried"], stats["lost"]) == (2, 3, 1)
