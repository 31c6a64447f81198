"""Run the processing stages on Ray actors: `run.executor: {type: ray, address, num_workers, num_cpus}`.

- The driver (the process running `run_pipeline`) reads, keeps the ledger and writes the outputs;
  only the processing stages (those between `read` and `write`) run on the workers.
- Each worker is a Ray actor reserving `num_cpus` CPUs. It builds the stages from the config
  (`pipeline.runner.build_stages`) and loads their models once. `warm_up()` loads them on every
  worker before any article is processed, so a missing model fails the run up front, as it does
  locally: the stage's error is raised on the driver with its own type (`ModelError`, `NlpError`)
  and the stage name in front of its message. Anything else that keeps the workers from starting
  raises `ExecutorError`.
- `process(chunk)` cuts the chunk into one run of consecutive articles per live worker,
  ceil(len / workers) long, so that each worker still batches model calls across as many
  articles as possible; runs them concurrently; and returns the articles in input order. Workers
  run the same `Stage.run` as `LocalExecutor`, so a failure inside a stage is recorded on the
  article exactly as it is locally.
- A worker that dies while processing (killed, out of memory, a crash in native code): each
  article of its run is retried once, alone, on the workers in turn, starting with the next one,
  one call at a time per worker. One article per call isolates an article that kills whatever
  worker runs it, the way `Stage.run` isolates one that raises. An article whose retry loses its
  worker too is marked failed in stage `executor` (`WorkerLostError`), and the ledger keeps it
  as failed like any other (two workers dying under it alone point at the article, not at
  chance). Ray restarts a dead worker up to `MAX_RESTARTS` times (the new process reloads its
  models before it takes work); a worker that is gone for good is left out of later chunks, and
  when none is left the run stops with `ExecutorError` (the ledger keeps what was done; the next
  run resumes).
- Threads: Ray sets OMP_NUM_THREADS in each worker to the CPUs it reserves (at least 1); torch
  sizes its thread pool from it and the CTranslate2 backend caps its cores by it
  (`models.ctranslate2_backend._cores`), so no `runtime_env` is needed. On a cluster (`address` set), every
  node must have pressbrief, its models and the same Python environment installed: no code is
  shipped to the workers.
- `stage_stats()` adds up each stage's seconds and counters over all workers (seconds are busy
  time summed over workers, not wall time), plus an `executor` entry: wall seconds spent in
  `process` and in `warm_up` (starting Ray and the workers, loading models), workers,
  calls lost to dead workers, articles retried and articles lost.
"""

from __future__ import annotations

import logging
import math
import os
import pickle
import time
import uuid
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from pipeline.article import Article
from pipeline.config import PipelineConfig
from pipeline.config import RayExecutor as RayExecutorConfig
from pipeline.executors import ExecutorError, WorkerLostError

if TYPE_CHECKING:
    from pipeline.runner import Progress
    from pipeline.stage import Stage

log = logging.getLogger(__name__)

#: Stage of the error recorded on an article whose worker died under it twice.
EXECUTOR_STAGE = "executor"
#: How many times Ray restarts a worker that died.
MAX_RESTARTS = 2
#: How long a dead worker may take to be restarted by Ray before it is given up.
RESTART_TIMEOUT_S = 300.0
#: How long `warm_up` waits for every worker to be scheduled and to load its models.
WARM_UP_TIMEOUT_S = 900.0


@dataclass
class _Reply:
    """What a worker sends back for one call: the articles, or the stage that could not load."""

    worker: str
    stats: list[tuple[str, float, dict[str, int]]] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    failed_stage: str | None = None
    error: BaseException | None = None


class _Worker:
    """The Ray actor: the processing stages of one config, loaded once in this worker process."""

    def __init__(self, config: PipelineConfig) -> None:
        from pipeline.runner import build_stages

        self.stages: list[Stage] = build_stages(config)[1:-1]
        # Ray restarts a dead worker in a new process; a new id keeps the stats of both.
        self.id = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"

    def warm_up(self) -> _Reply:
        """Load every stage's models; report the first stage that fails instead of raising."""
        for stage in self.stages:
            try:
                stage.warm_up()
            except Exception as exc:
                return self._reply(failed_stage=stage.name, error=_portable(exc))
        return self._reply()

    def process(self, articles: list[Article]) -> _Reply:
        """Run the stages over `articles` (as `LocalExecutor.process` does) and send them back."""
        reply = self.warm_up()
        if reply.error is not None:
            return reply
        for stage in self.stages:
            try:
                articles = list(stage.run(articles))
            except Exception as exc:  # Stage.run isolates article failures: this is the stage's own bug
                return self._reply(failed_stage=stage.name, error=_portable(exc))
        return self._reply(articles=articles)

    def _reply(self, **fields: Any) -> _Reply:
        stats = [(stage.name, stage.seconds, dict(stage.stats)) for stage in self.stages]
        return _Reply(worker=self.id, stats=stats, **fields)


def _portable(error: BaseException) -> BaseException:
    """`error` if it survives pickling (to reach the driver), else an ExecutorError saying what it was."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return ExecutorError(f"{type(error).__name__}: {error}")
    return error


def _stage_error(stage: str, error: BaseException, worker: str) -> BaseException:
    """The error to raise on the driver: the worker's type (ModelError, NlpError, ...), the stage in front."""
    message = f"stage {stage!r} on Ray worker {worker}: {error}"
    try:
        raised = type(error)(message)
        if str(raised) == message:
            return raised
    except Exception:
        pass  # a type that cannot be rebuilt from a message: say what it was instead
    return ExecutorError(f"stage {stage!r} on Ray worker {worker}: {type(error).__name__}: {error}")


class RayExecutor:
    """Runs the processing stages on `num_workers` Ray actors; same interface as `LocalExecutor`."""

    #: The actor class (tests put in one that dies on a given article, as a native crash would).
    worker_class: ClassVar[type[_Worker]] = _Worker

    def __init__(self, config: PipelineConfig, progress: Progress) -> None:
        try:
            import ray  # noqa: F401  (fail now, with the fix, rather than at the first chunk)
        except ImportError as exc:
            raise ExecutorError(
                "run.executor.type 'ray' needs the ray package: pip install 'pressbrief[ray]'"
            ) from exc
        assert isinstance(config.run.executor, RayExecutorConfig)
        self.config = config
        self.settings: RayExecutorConfig = config.run.executor
        self.progress = progress
        self.stage_names = [entry.type for entry in config.stages[1:-1]]
        self._actors: list[Any] = []
        self._dead: set[int] = set()
        self._started_ray = False
        self._warm = False
        self._snapshots: dict[str, list[tuple[str, float, dict[str, int]]]] = {}
        self._counts: Counter[str] = Counter()
        self._seconds = 0.0
        self._warm_up_seconds = 0.0

    # -- lifecycle -----------------------------------------------------------------------------
    def warm_up(self) -> None:
        """Start Ray (or join `address`), start the workers and load their models; raise on any failure."""
        if self._warm:
            return
        import ray

        started = time.perf_counter()
        self._connect(ray)
        workers, cpus = self.settings.num_workers, self.settings.num_cpus
        available = ray.cluster_resources().get("CPU", 0.0)
        if available < workers * cpus:
            log.warning(
                "ray: the cluster has %s CPUs, the config asks for %d workers x %s CPUs; "
                "workers wait until the CPUs are there (%.0f s at most)",
                available,
                workers,
                cpus,
                WARM_UP_TIMEOUT_S,
            )
        actor_class = ray.remote(self.worker_class).options(num_cpus=cpus, max_restarts=MAX_RESTARTS)
        self._actors = [actor_class.remote(self.config) for _ in range(workers)]
        self.progress.on_stage(f"loading models on {workers} Ray workers")
        refs = [actor.warm_up.remote() for actor in self._actors]
        try:
            ready, _ = ray.wait(refs, num_returns=len(refs), timeout=WARM_UP_TIMEOUT_S)
            if len(ready) < len(refs):
                raise ExecutorError(
                    f"{len(refs) - len(ready)} of {workers} Ray workers not ready "
                    f"after {WARM_UP_TIMEOUT_S:.0f} s "
                    f"(the cluster has {available} CPUs; the config asks for {workers} workers x {cpus} CPUs)"
                )
            for index, ref in enumerate(refs):
                try:
                    reply: _Reply = ray.get(ref)
                except ray.exceptions.RayError as exc:
                    raise ExecutorError(f"Ray worker {index} failed while loading models: {exc}") from exc
                self._record(reply)
        except BaseException:
            self._kill_actors(ray)
            raise
        self._warm = True
        self._warm_up_seconds = time.perf_counter() - started
        log.info("ray: %d workers ready in %.1f s", workers, time.perf_counter() - started)

    def _connect(self, ray: Any) -> None:
        if ray.is_initialized():
            return  # someone (a test, a notebook) started Ray: use it, and leave it running
        address = self.settings.address
        if address is None:
            # A batch job has no business phoning home; an operator can still turn it back on.
            os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
            cpus = max(1, math.ceil(self.settings.num_workers * self.settings.num_cpus))
            self.progress.on_stage("starting Ray")
            ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
        else:
            self.progress.on_stage(f"connecting to Ray at {address}")
            try:
                ray.init(address=address, log_to_driver=False, ignore_reinit_error=True)
            except (ConnectionError, RuntimeError, ValueError) as exc:
                # The cause says why (no cluster there, or Ray's token authentication refused us).
                cause = f" ({exc.__cause__})" if exc.__cause__ else ""
                raise ExecutorError(f"cannot connect to Ray at {address!r}: {exc}{cause}") from exc
        self._started_ray = True

    def close(self) -> None:
        """Kill the workers; shut Ray down if this executor started it."""
        if not self._actors and not self._started_ray:
            return
        import ray

        self._kill_actors(ray)
        if self._started_ray:
            ray.shutdown()
            self._started_ray = False
        self._warm = False

    def _kill_actors(self, ray: Any) -> None:
        for actor in self._actors:
            try:
                ray.kill(actor, no_restart=True)
            except Exception as exc:  # already gone: nothing to release
                log.debug("ray: kill failed: %s", exc)
        self._actors = []
        self._dead = set()

    # -- work ----------------------------------------------------------------------------------
    def process(self, articles: list[Article]) -> list[Article]:
        """Run the processing stages over `articles` on the workers; same order and count back."""
        self.warm_up()
        if not articles:
            return []
        import ray

        started = time.perf_counter()
        alive = self._alive()
        self.progress.on_stage(f"processing on {len(alive)} Ray workers")
        size = math.ceil(len(articles) / len(alive))
        runs = [(start, articles[start : start + size]) for start in range(0, len(articles), size)]
        calls = [
            (start, part, alive[n], self._actors[alive[n]].process.remote(part))
            for n, (start, part) in enumerate(runs)
        ]
        results: list[Article | None] = [None] * len(articles)
        retry: list[tuple[int, int]] = []  # (article index, index of the worker that died under it)
        for start, part, worker, ref in calls:
            reply = self._get(ray, ref, worker, len(part))
            if reply is None:
                retry.extend((start + offset, worker) for offset in range(len(part)))
            else:
                results[start : start + len(part)] = reply.articles
        if retry:
            self._retry(ray, articles, retry, results)
        self._seconds += time.perf_counter() - started
        self._counts["articles"] += len(articles)
        assert all(article is not None for article in results)
        return [article for article in results if article is not None]

    def _retry(
        self, ray: Any, articles: list[Article], retry: list[tuple[int, int]], results: list[Article | None]
    ) -> None:
        """Run each article of a dead worker's run alone, once, one call at a time per worker.

        One call in flight per worker makes a death attributable: only the article the worker was
        running is lost with it, not the ones queued behind it. A worker that died gets work again
        only once Ray has restarted it and it has reloaded its models (a `warm_up` call answered),
        so that no article is sent to a worker that is not there.
        """
        log.warning("ray: a worker died; retrying its %d articles one by one", len(retry))
        self._counts["retried"] += len(retry)
        pending = deque(index for index, _ in retry)
        # Ray object ref -> (article index, or None for a warm_up call; worker index)
        in_flight: dict[Any, tuple[int | None, int]] = {}
        deadline: dict[int, float] = {}

        def recover(worker: int) -> None:
            if worker not in self._dead:
                deadline.setdefault(worker, time.monotonic() + RESTART_TIMEOUT_S)
                in_flight[self._actors[worker].warm_up.remote()] = (None, worker)

        died = {worker for _, worker in retry}
        for worker in sorted(died):
            recover(worker)
        idle = deque(w for w in self._alive() if w not in died)
        while pending or in_flight:
            while pending and idle:
                worker, index = idle.popleft(), pending.popleft()
                in_flight[self._actors[worker].process.remote([articles[index]])] = (index, worker)
            if not in_flight:
                raise ExecutorError(
                    f"all {len(self._actors)} Ray workers died; the ledger keeps what was done"
                )
            [ref], _ = ray.wait(list(in_flight), num_returns=1)
            job, worker = in_flight.pop(ref)
            if job is None:  # a restarted worker's warm_up
                try:
                    self._record(ray.get(ref))
                except ray.exceptions.ActorUnavailableError:
                    if time.monotonic() < deadline[worker]:
                        time.sleep(0.2)  # still restarting
                        recover(worker)
                    else:
                        self._dead.add(worker)
                    continue
                except ray.exceptions.RayActorError:
                    self._dead.add(worker)
                    continue
                deadline.pop(worker, None)
                idle.append(worker)
                continue
            reply = self._get(ray, ref, worker, 1, raise_if_none_left=False)
            if reply is not None:
                results[job] = reply.articles[0]
                idle.append(worker)
                continue
            recover(worker)
            article = articles[job]
            error = WorkerLostError(
                "the Ray worker processing this article died, and so did the one retrying it"
            )
            article.fail(EXECUTOR_STAGE, error)
            log.warning("ray: %s failed: its worker died twice", article.where)
            self._counts["lost"] += 1
            results[job] = article
        self._alive()  # raise if no worker is left, now that every article has an answer

    def _get(
        self, ray: Any, ref: Any, worker: int, count: int, raise_if_none_left: bool = True
    ) -> _Reply | None:
        """The reply of one call; None if its worker died; raise if a stage could not load or run."""
        try:
            reply: _Reply = ray.get(ref)
        except ray.exceptions.RayActorError as exc:
            self._counts["calls_lost"] += 1
            if not isinstance(exc, ray.exceptions.ActorUnavailableError):
                self._dead.add(worker)  # gone for good (restarts used up, or killed without restart)
            log.warning("ray: worker %d died (%s)", worker, type(exc).__name__)
            if raise_if_none_left:
                self._alive()
            return None
        except ray.exceptions.RayError as exc:
            raise ExecutorError(f"Ray worker {worker} failed: {exc}") from exc
        self._record(reply)
        if len(reply.articles) != count:
            raise ExecutorError(f"Ray worker {worker} returned {len(reply.articles)} articles for {count}")
        return reply

    def _record(self, reply: _Reply) -> None:
        self._snapshots[reply.worker] = reply.stats
        if reply.error is not None:
            assert reply.failed_stage is not None
            raise _stage_error(reply.failed_stage, reply.error, reply.worker) from reply.error

    def _alive(self) -> list[int]:
        alive = [index for index in range(len(self._actors)) if index not in self._dead]
        if not alive:
            raise ExecutorError(f"all {len(self._actors)} Ray workers died; the ledger keeps what was done")
        return alive

    # -- stats ---------------------------------------------------------------------------------
    def stage_stats(self) -> dict[str, dict[str, Any]]:
        """Per-stage seconds and counters summed over the workers, then the executor's own numbers."""
        seconds = [0.0] * len(self.stage_names)
        counters: list[Counter[str]] = [Counter() for _ in self.stage_names]
        for snapshot in self._snapshots.values():
            for position, (_, busy, stats) in enumerate(snapshot):
                seconds[position] += busy
                counters[position].update(stats)
        result: dict[str, dict[str, Any]] = {
            name: {"seconds": round(seconds[position], 3), **dict(counters[position])}
            for position, name in enumerate(self.stage_names)
        }
        result[EXECUTOR_STAGE] = {
            "seconds": round(self._seconds, 3),
            "warm_up_seconds": round(self._warm_up_seconds, 3),
            "type": "ray",
            "workers": self.settings.num_workers,
            "num_cpus": self.settings.num_cpus,
            **{key: self._counts[key] for key in ("articles", "calls_lost", "retried", "lost")},
        }
        return result
