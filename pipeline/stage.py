"""The Stage contract, shared by every step of the pipeline.

A stage is one small class:

- `Stage.Config` is a pydantic model (extra keys forbidden) holding that stage's YAML keys; its
  `type` literal is the stage's short name in YAML (`translate`, `quotes`, ...).
- `__init__(config)` is cheap: it stores the config and loads nothing.
- `warm_up()` loads what the stage needs (models, spaCy pipelines). The runner calls it once per
  process, before any article is processed, so a missing model fails the run before any work.
- `process(batch)` does the work on a list of articles, in place. Batches come from the runner and
  may span many articles: that is where cross-article batching of model calls happens.
- `run(articles)` (inherited) streams articles through `process` in batches of `batch_articles`,
  keeps order and count, skips articles already failed, and isolates failures: if a batch raises,
  each article of it is retried alone, and only the ones that still raise are marked failed with
  the stage name and the error. Nothing is ever dropped. Because of that retry, `process` must
  assign its output fields (not append to them), so that running it twice gives the same result.
- `stats` counts what the stage did (articles, failures, and whatever the stage adds through
  `stat_update`) and `seconds` is the wall time spent in `process`.
- `model_specs()` names the models the stage loads (for `models pull`, records and reports).
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from models.base import ModelSpec, Seq2SeqModel
from pipeline.article import Article

log = logging.getLogger(__name__)


class StageConfig(BaseModel):
    """Base of every stage's config: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class ModelStageConfig(StageConfig):
    """Keys shared by the stages that load a seq2seq model (translate, summarize)."""

    #: Hub id or local folder of the model.
    model: str
    #: Hub commit; None = the commit pinned in `models.hub.PINNED_REVISIONS` for known models.
    #: Ignored for a local folder.
    revision: str | None = None
    backend: Literal["transformers", "ctranslate2"] = "transformers"
    #: int8, int8_float32, float32 (CTranslate2) / float32, int8 (transformers: torch dynamic
    #: quantization, whose activation scales are per batch, so outputs then vary with the batch).
    compute_type: str = "float32"
    #: Torch / CTranslate2 intra-op threads per batch (0 = every core; with CTranslate2, every core
    #: divided among the `inter_threads` batches decoded at once).
    threads: int = Field(default=0, ge=0)
    #: CTranslate2 only: batches decoded in parallel, each on its own threads (0 = one per core).
    #: On small CPUs, one thread per batch and one batch per core beats one batch on every core
    #: (BENCHMARKS.md). The transformers backend ignores it.
    inter_threads: int = Field(default=1, ge=0)
    #: Never download at run time (`pressbrief models pull` fetches beforehand).
    local_files_only: bool = True
    cache_dir: str | None = None
    #: Articles per `process` call: their inputs go to the model together (cross-article batching).
    batch_articles: int = Field(default=16, ge=1)

    def spec(self) -> ModelSpec:
        """The model to load: revision pinned for hub ids, none for local folders."""
        from models.hub import is_local, pinned_revision

        return ModelSpec(
            name=self.model,
            revision=None if is_local(self.model) else pinned_revision(self.model, self.revision),
            backend=self.backend,
            compute_type=self.compute_type,
            local_files_only=self.local_files_only,
            cache_dir=self.cache_dir,
            threads=self.threads,
            inter_threads=self.inter_threads,
        )


class Stage:
    """Base class of all stages; subclasses set `name`, `Config` and implement `process`."""

    name: ClassVar[str] = "stage"
    Config: ClassVar[type[StageConfig]] = StageConfig
    #: How many articles `run` hands to `process` at once.
    batch_articles: int = 16

    def __init__(self, config: StageConfig | None = None) -> None:
        self.config = config if config is not None else self.Config()
        self.stats: Counter[str] = Counter()
        self.seconds = 0.0
        self._warm = False

    # -- lifecycle -----------------------------------------------------------------------------
    def warm_up(self) -> None:
        """Load heavy resources; idempotent."""
        if not self._warm:
            self.load()
            self._warm = True

    def load(self) -> None:
        """Load models or other resources (override in stages that need them)."""

    def model_specs(self) -> list[ModelSpec]:
        """The models this stage loads (for `models pull` and the run report); none by default."""
        return []

    def models(self) -> dict[str, dict[str, str | None]]:
        """The models this stage uses, as {stage name: {"id": ..., "revision": ...}}."""
        specs = self.model_specs()
        if not specs:
            return {}
        return {self.name: {"id": specs[0].name, "revision": specs[0].revision, "backend": specs[0].backend}}

    # -- work ----------------------------------------------------------------------------------
    def process(self, batch: list[Article]) -> None:
        """Do this stage's work on `batch` in place (override)."""
        raise NotImplementedError

    def stat_update(self, key: str, value: int = 1) -> None:
        """Count something this stage did."""
        self.stats[key] += value

    def run(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Stream `articles` through `process` in batches, keeping order and isolating failures."""
        self.warm_up()
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_articles:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article]) -> list[Article]:
        live = [a for a in batch if a.status == "ok"]
        if live:
            started = time.perf_counter()
            try:
                self._timed(live)
            except Exception:
                if len(live) == 1:
                    self._record_failure(live[0])
                else:
                    log.warning("stage %s: batch of %d failed; retrying one by one", self.name, len(live))
                    for article in live:
                        try:
                            self._timed([article])
                        except Exception:
                            self._record_failure(article)
            self.seconds += time.perf_counter() - started
            self.stats["articles"] += len(live)
        return batch

    def _timed(self, articles: list[Article]) -> None:
        started = time.perf_counter()
        self.process(articles)
        share = (time.perf_counter() - started) / len(articles)
        for article in articles:
            article.timings[self.name] = round(article.timings.get(self.name, 0.0) + share, 4)
            for role, model in self.models().items():
                article.models[role] = model

    def _record_failure(self, article: Article) -> None:
        import sys

        error = sys.exc_info()[1]
        assert error is not None
        log.warning("stage %s failed on %s: %s: %s", self.name, article.where, type(error).__name__, error)
        article.fail(self.name, error)
        self.stats["failed"] += 1


def describe(stage: Stage) -> dict[str, Any]:
    """Stats of a stage for the run report."""
    return {"seconds": round(stage.seconds, 3), **dict(stage.stats)}


class ModelStage(Stage):
    """A stage that loads one seq2seq model (from its `ModelStageConfig`) once, on warm-up."""

    config: ModelStageConfig

    def __init__(self, config: StageConfig | None = None) -> None:
        super().__init__(config)
        self.batch_articles = self.config.batch_articles
        self._model: Seq2SeqModel | None = None

    @property
    def spec(self) -> ModelSpec:
        """The model this stage loads."""
        return self.config.spec()

    def model_specs(self) -> list[ModelSpec]:
        return [self.spec]

    def load(self) -> None:
        import models

        self._model = models.load(self.spec)

    @property
    def model(self) -> Seq2SeqModel:
        """The loaded model (loads it on first use)."""
        if self._model is None:
            self.warm_up()
        assert self._model is not None
        return self._model
