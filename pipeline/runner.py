"""Run a configured pipeline over a batch of articles: resumable, idempotent, failure-isolated.

    read -> [ledger: done? reuse] -> processing stages (in chunks) -> ledger.put -> write

- Articles stream from the read stage in input order, `run.chunk_articles` at a time. Articles that
  the ledger already holds for this config fingerprint are reused as they are; the others go
  through the processing stages together (that is where cross-article batching happens), are
  committed to the ledger one by one, and everything is written in input order.
- A failure inside a stage marks that article `failed` (see `pipeline.stage`); nothing stops the
  batch except a configuration or model-loading problem, which is raised before any article is
  processed.
- Outputs replace the previous ones atomically at the end; a killed run leaves the previous outputs
  and a ledger from which the next run resumes.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from pipeline.article import Article
from pipeline.config import PipelineConfig
from pipeline.ledger import FileLock, Ledger
from pipeline.stage import Stage, describe
from pipeline.stages import STAGES
from pipeline.stages.read import Read
from pipeline.stages.write import Write

log = logging.getLogger(__name__)

#: Exit codes of `pressbrief run`.
EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2


@dataclass
class Progress:
    """Callbacks the CLI plugs a progress display into; all optional."""

    on_total: Callable[[int | None], None] = lambda total: None
    on_article: Callable[[Article, bool], None] = lambda article, resumed: None
    on_stage: Callable[[str], None] = lambda stage: None


@dataclass
class RunResult:
    """What a run did; `report` is what report.json holds."""

    report: dict[str, Any]
    exit_code: int
    outputs: list[Path] = field(default_factory=list)


def build_stages(config: PipelineConfig) -> list[Stage]:
    """Instantiate the configured stages (cheap: nothing is loaded yet)."""
    return [STAGES[entry.type](entry.config) for entry in config.stages]


def model_fingerprint(stages: list[Stage]) -> str:
    """Identify local model folders by their files' sizes and times (hub models are pinned by revision)."""
    parts = []
    for stage in stages:
        model = getattr(stage.config, "model", None)
        if isinstance(model, str) and Path(model).is_dir():
            for path in sorted(Path(model).rglob("*")):
                if path.is_file():
                    stat = path.stat()
                    parts.append(f"{path.name}:{stat.st_size}:{int(stat.st_mtime)}")
    return ",".join(parts)


def chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive lists of at most `size` articles."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class LocalExecutor:
    """Runs the processing stages in this process; models are loaded once, on first use."""

    def __init__(self, stages: list[Stage], progress: Progress) -> None:
        self.stages = stages
        self.progress = progress
        self._warm = False

    def warm_up(self) -> None:
        """Load every stage's models (fails fast, before any article is processed)."""
        if not self._warm:
            for stage in self.stages:
                self.progress.on_stage(f"loading {stage.name}")
                stage.warm_up()
            self._warm = True

    def process(self, articles: list[Article]) -> list[Article]:
        """Run the processing stages over `articles`, in order."""
        self.warm_up()
        stream: Iterable[Article] = articles
        for stage in self.stages:
            stream = self._announce(stage, stream)
        return list(stream)

    def _announce(self, stage: Stage, stream: Iterable[Article]) -> Iterator[Article]:
        self.progress.on_stage(stage.name)
        return stage.run(stream)

    def stage_stats(self) -> dict[str, dict[str, Any]]:
        """Per-stage timings and counters."""
        return {stage.name: describe(stage) for stage in self.stages}

    def close(self) -> None:
        """Nothing to release locally."""


def make_executor(config: PipelineConfig, stages: list[Stage], progress: Progress) -> Any:
    """The executor named in `run.executor`."""
    if config.run.executor.type == "ray":
        from pipeline.executors.ray_executor import RayExecutor

        return RayExecutor(config, progress)
    return LocalExecutor(stages, progress)


def count_articles(path: Path) -> int:
    """How many articles `path` holds, cheaply (JSONL lines counted, other files one each), for progress."""
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    total = 0
    for file in files:
        suffix = file.suffix.lower()
        if suffix == ".jsonl":
            with file.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        elif suffix in Read.SUFFIXES:
            total += 1
    return total


def resolve_ledger_path(config: PipelineConfig, output_dir: Path) -> Path:
    """The ledger file: `run.ledger` (relative to the output folder) or `<output>/ledger.sqlite`."""
    if config.run.ledger is None:
        return output_dir / "ledger.sqlite"
    path = Path(os.path.expanduser(config.run.ledger))
    return path if path.is_absolute() else output_dir / path


def run_pipeline(
    config: PipelineConfig,
    input_path: Path,
    output_dir: Path,
    *,
    force: bool = False,
    retry_failed: bool = False,
    progress: Progress | None = None,
) -> RunResult:
    """Run `config` over the articles at `input_path`, writing outputs into `output_dir`."""
    progress = progress or Progress()
    stages = build_stages(config)
    reader, processing, writer = stages[0], stages[1:-1], stages[-1]
    assert isinstance(reader, Read) and isinstance(writer, Write), (
        "config validation guarantees read ... write"
    )
    if not input_path.exists():
        raise FileNotFoundError(f"input {input_path} does not exist")

    output_dir.mkdir(parents=True, exist_ok=True)
    output_lock = FileLock(output_dir / ".pressbrief.lock", "output folder")
    output_lock.acquire()
    try:
        with Ledger(resolve_ledger_path(config, output_dir)) as ledger:
            return _run_locked(
                config,
                reader,
                processing,
                writer,
                ledger,
                input_path,
                output_dir,
                force,
                retry_failed,
                progress,
            )
    finally:
        output_lock.release()


def _run_locked(
    config: PipelineConfig,
    reader: Read,
    processing: list[Stage],
    writer: Write,
    ledger: Ledger,
    input_path: Path,
    output_dir: Path,
    force: bool,
    retry_failed: bool,
    progress: Progress,
) -> RunResult:
    started = time.time()
    run_id = time.strftime("%Y%m%dT%H%M%S", time.gmtime(started)) + "-" + uuid.uuid4().hex[:6]
    fingerprint = config.fingerprint()
    local_models = model_fingerprint(processing)
    if local_models:
        import hashlib

        fingerprint = hashlib.sha256(f"{fingerprint}|{local_models}".encode()).hexdigest()[:16]
    ledger.start_run(run_id, fingerprint)
    executor = make_executor(config, processing, progress)
    progress.on_total(count_articles(input_path))

    statuses: Counter[str] = Counter()
    resumed = processed = 0
    failures: list[dict[str, Any]] = []
    models: dict[str, dict[str, str | None]] = {}
    writer.open(output_dir)
    try:
        for chunk in chunks(reader.read(input_path), config.run.chunk_articles):
            ready: dict[int, Article] = {}
            todo: list[tuple[int, Article]] = []
            for index, article in enumerate(chunk):
                stored = None
                if article.status == "ok" and not force:
                    stored = ledger.get(article, fingerprint)
                    if stored is not None and retry_failed and stored.status == "failed":
                        stored = None
                if stored is not None or article.status != "ok":
                    ready[index] = stored or article
                    resumed += stored is not None
                else:
                    todo.append((index, article))
            todo_indexes = {index for index, _ in todo}
            if todo:
                done = executor.process([a for _, a in todo])
                for (index, _), article in zip(todo, done, strict=True):
                    ledger.put(article, fingerprint)
                    ready[index] = article
                    processed += 1
            for index in range(len(chunk)):
                article = ready[index]
                writer.write(article)
                statuses[article.status] += 1
                models.update(article.models)
                if article.status != "ok":
                    failures.append(_failure(article))
                progress.on_article(article, index not in todo_indexes)
        report = _report(
            config,
            run_id,
            fingerprint,
            input_path,
            output_dir,
            started,
            statuses,
            resumed,
            processed,
            failures,
            models,
            {reader.name: describe(reader), **executor.stage_stats(), writer.name: describe(writer)},
        )
        outputs = writer.close(report)
        ledger.finish_run(run_id, report)
        return RunResult(report=report, exit_code=report["exit_code"], outputs=outputs)
    except BaseException:
        writer.abort()
        raise
    finally:
        executor.close()


def _failure(article: Article) -> dict[str, Any]:
    last = article.errors[-1] if article.errors else None
    return {
        "id": article.id,
        "file": article.source_file,
        "line": article.line,
        "status": article.status,
        "stage": last.stage if last else None,
        "type": last.type if last else None,
        "message": last.message if last else None,
    }


def _report(
    config: PipelineConfig,
    run_id: str,
    fingerprint: str,
    input_path: Path,
    output_dir: Path,
    started: float,
    statuses: Counter[str],
    resumed: int,
    processed: int,
    failures: list[dict[str, Any]],
    models: dict[str, dict[str, str | None]],
    stage_stats: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    total = sum(statuses.values())
    failed = statuses.get("failed", 0)
    considered = total - statuses.get("skipped", 0)
    fraction = failed / considered if considered else 0.0
    exit_code = EXIT_FAILURES if fraction > config.run.max_failed_fraction else EXIT_OK
    finished = time.time()
    return {
        "run_id": run_id,
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
        "finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(finished)),
        "seconds": round(finished - started, 3),
        "input": str(input_path),
        "output": str(output_dir),
        "config": config.source,
        "config_fingerprint": fingerprint,
        "counts": {
            "total": total,
            "ok": statuses.get("ok", 0),
            "failed": failed,
            "skipped": statuses.get("skipped", 0),
            "processed": processed,
            "resumed": resumed,
        },
        "failed_fraction": round(fraction, 4),
        "max_failed_fraction": config.run.max_failed_fraction,
        "exit_code": exit_code,
        "stages": stage_stats,
        "models": models,
        "failures": failures,
    }
