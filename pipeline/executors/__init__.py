"""Executors run the processing stages (those between `read` and `write`) over chunks of articles.

`pipeline.runner.LocalExecutor` runs them in this process (the default); `RayExecutor`, in
`pipeline.executors.ray_executor`, runs them on Ray worker actors. That module imports Ray only
when an executor is built, and the runner imports the module only when the config names
`run.executor.type: ray`, so a local run never loads Ray.
"""

from __future__ import annotations


class ExecutorError(RuntimeError):
    """The executor cannot run the stages: Ray missing, workers unschedulable, or all workers dead."""


class WorkerLostError(ExecutorError):
    """The worker processing an article died, twice; recorded on the article (stage `executor`)."""
