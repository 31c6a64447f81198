"""pressbrief's command line: thin commands over plain functions (runner, config, models, evaluate).

Heavy imports (torch, transformers, spaCy) happen inside the commands, so `--help` and `check`
answer at once.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pipeline.evaluate import LINES_PER_ARTICLE

if TYPE_CHECKING:
    from pipeline.config import PipelineConfig
    from pipeline.runner import Progress

app = typer.Typer(
    help="Translate French press articles to English, write briefs and extract attributed quotes.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
models_app = typer.Typer(help="Fetch and prepare the models a config names.", no_args_is_help=True)
eval_app = typer.Typer(help="Score pressbrief's output against references.", no_args_is_help=True)
app.add_typer(models_app, name="models")
app.add_typer(eval_app, name="eval")

ConfigArg = Annotated[Path, typer.Argument(help="Pipeline config (YAML), e.g. configs/nightly.yaml.")]
SetOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--set", help="Override a config key for this run: STAGE.KEY=VALUE or run.KEY=VALUE (repeatable)."
    ),
]


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _load(config: Path, overrides: list[str] | None) -> PipelineConfig:
    from pipeline.config import ConfigError, load_config

    try:
        return load_config(config, overrides or [])
    except ConfigError as exc:
        raise _fail(str(exc)) from None


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        payload.update(getattr(record, "fields", {}))
        return json.dumps(payload, ensure_ascii=False)


def _setup_logging(quiet: bool, log_json: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        _JsonFormatter() if log_json else logging.Formatter("%(asctime)s %(levelname)s %(message)s")
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.ERROR if quiet else logging.INFO)
    for noisy in ("httpx", "urllib3", "huggingface_hub", "filelock", "trafilatura", "htmldate"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


@app.command()
def run(
    config: ConfigArg,
    input: Annotated[
        Path,
        typer.Option("--input", "-i", help="An article file (.txt .md .jsonl .html) or a folder of them."),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="Output folder (articles.jsonl, briefs.md, digest.html, report.json)."
        ),
    ],
    set_: SetOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Redo every article, ignoring the ledger.")] = False,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="Redo the articles that failed before.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only.")] = False,
    log_json: Annotated[
        bool, typer.Option("--log-json", help="Log one JSON object per line (for log collectors).")
    ] = False,
) -> None:
    """Run the pipeline over a batch of articles. Exit 0: all ok; 1: failures above run.max_failed_fraction; 2: usage or config error."""
    # Idle OpenMP threads spinning against each other halved throughput on a shared 2-core box
    # (BENCHMARKS.md, profile); a deployment can still choose ACTIVE explicitly.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    from pipeline.executors import ExecutorError
    from pipeline.ledger import LedgerError, LedgerLocked
    from pipeline.runner import run_pipeline

    _setup_logging(quiet, log_json)
    cfg = _load(config, set_)
    progress, finish = _progress(quiet, log_json)
    try:
        result = run_pipeline(cfg, input, output, force=force, retry_failed=retry_failed, progress=progress)
    except (LedgerLocked, LedgerError, FileNotFoundError, ExecutorError) as exc:
        raise _fail(str(exc)) from None
    except _model_errors() as exc:
        raise _fail(str(exc)) from None
    finally:
        finish()
    counts = result.report["counts"]
    if not quiet:
        typer.echo(
            f"{counts['total']} articles: {counts['ok']} ok, {counts['failed']} failed, {counts['skipped']} skipped "
            f"({counts['processed']} processed, {counts['resumed']} from the ledger) in {result.report['seconds']:.1f}s"
        )
        for path in result.outputs:
            typer.echo(f"  wrote {path}")
    for failure in result.report["failures"][:20]:
        typer.echo(
            f"  {failure['status']}: {failure['file']}"
            f"{':' + str(failure['line']) if failure['line'] else ''} ({failure['id']}) "
            f"[{failure['stage']}] {failure['message']}",
            err=True,
        )
    raise typer.Exit(result.exit_code)


def _model_errors() -> tuple[type[BaseException], ...]:
    from models.base import ModelError
    from pipeline.nlp import NlpError

    return (ModelError, NlpError)


def _progress(quiet: bool, log_json: bool) -> tuple[Progress, Callable[[], None]]:
    """A rich progress bar on a terminal; periodic log lines otherwise (cron); nothing with --quiet."""
    from pipeline.runner import Progress

    if quiet:
        return Progress(), lambda: None
    if sys.stderr.isatty() and not log_json:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as Bar

        bar = Bar(
            TextColumn("[bold]{task.fields[stage]:<12}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            transient=False,
        )
        task = bar.add_task("articles", total=None, stage="reading", rate="")
        bar.start()
        began = time.monotonic()

        def on_article(article: object, resumed: bool) -> None:
            bar.advance(task)
            done = bar.tasks[0].completed
            rate = done / max(time.monotonic() - began, 1e-6) * 3600
            bar.update(task, rate=f"{rate:,.0f} art/h")

        return (
            Progress(
                on_total=lambda total: bar.update(task, total=total),
                on_article=on_article,
                on_stage=lambda stage: bar.update(task, stage=stage),
            ),
            bar.stop,
        )

    log = logging.getLogger("pressbrief.progress")
    state = {"done": 0, "total": None, "last": 0.0, "began": time.monotonic(), "stage": ""}

    def on_article_log(article: object, resumed: bool) -> None:
        state["done"] += 1  # type: ignore[operator]
        now = time.monotonic()
        if now - state["last"] >= 30 or state["done"] == state["total"]:  # type: ignore[operator]
            state["last"] = now
            rate = state["done"] / max(now - state["began"], 1e-6) * 3600  # type: ignore[operator]
            log.info(
                "progress %s/%s articles, %.0f articles/hour, stage %s",
                state["done"],
                state["total"] or "?",
                rate,
                state["stage"],
                extra={
                    "fields": {"done": state["done"], "total": state["total"], "rate_per_hour": round(rate)}
                },
            )

    return (
        Progress(
            on_total=lambda total: state.update(total=total),
            on_article=on_article_log,
            on_stage=lambda stage: state.update(stage=stage),
        ),
        lambda: None,
    )


@app.command()
def check(config: ConfigArg, set_: SetOpt = None) -> None:
    """Validate a config without loading any model; exit 2 listing every problem with its key path."""
    cfg = _load(config, set_)
    names = " -> ".join(entry.type for entry in cfg.stages)
    typer.echo(f"{config}: ok ({names})")


@models_app.command("pull")
def models_pull(
    config: ConfigArg,
    set_: SetOpt = None,
    to: Annotated[
        Path | None, typer.Option("--to", help="Download into this folder instead of the Hugging Face cache.")
    ] = None,
) -> None:
    """Download every model the config names at its pinned revision (and convert it for CTranslate2)."""
    from models.base import ModelError
    from pipeline.fetch import pull_models

    _setup_logging(False, False)
    cfg = _load(config, set_)
    try:
        for line in pull_models(cfg, to):
            typer.echo(line)
    except ModelError as exc:
        raise _fail(str(exc), 1) from None


@eval_app.command("quotes")
def eval_quotes(
    gold: Annotated[Path, typer.Option("--gold", help="Gold quotes (JSONL, see docs/quote-guideline.md).")],
    pred: Annotated[Path, typer.Option("--pred", help="pressbrief's articles.jsonl.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Precision, recall and F1 of quote spans, speaker accuracy, and the misses and false alarms."""
    from dataclasses import asdict

    from pipeline.evaluate import EvaluationError, evaluate_quotes, format_quote_scores

    for path in (gold, pred):
        if not path.is_file():
            raise _fail(f"{path}: no such file")
    try:
        scores = evaluate_quotes(gold, pred)
    except EvaluationError as exc:
        raise _fail(str(exc)) from None
    typer.echo(
        json.dumps(asdict(scores), ensure_ascii=False, indent=2) if as_json else format_quote_scores(scores)
    )


@eval_app.command("translate")
def eval_translate(
    config: ConfigArg,
    source: Annotated[Path, typer.Option("--source", help="French source, one segment per line (UTF-8).")],
    reference: Annotated[
        Path, typer.Option("--reference", help="English reference, line for line with --source.")
    ],
    set_: SetOpt = None,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Translate and score the first N lines only.")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the translations here, one per line.")
    ] = None,
    lines_per_article: Annotated[
        int,
        typer.Option(
            "--lines-per-article",
            min=1,
            help="Lines grouped into one pseudo-article, so the stage batches them as it batches articles.",
        ),
    ] = LINES_PER_ARTICLE,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Translate a test set with the config's translate stage; print sacreBLEU BLEU, chrF and speed. Exit 1: the stage failed on some lines; 2: usage, file, config or model error."""
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # as `run` does, so speeds compare
    from dataclasses import asdict

    from pipeline.evaluate import (
        EvaluationError,
        TranslationFailed,
        evaluate_translation,
        format_translation_scores,
    )

    _setup_logging(True, False)
    cfg = _load(config, set_)
    try:
        scores = evaluate_translation(
            cfg, source, reference, limit=limit, lines_per_article=lines_per_article
        )
    except EvaluationError as exc:
        raise _fail(str(exc)) from None
    except _model_errors() as exc:
        raise _fail(str(exc)) from None
    except TranslationFailed as exc:
        raise _fail(str(exc), 1) from None
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text("".join(f"{line}\n" for line in scores.hypotheses), encoding="utf-8")
    if as_json:
        payload = {k: v for k, v in asdict(scores).items() if k != "hypotheses"}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        typer.echo(format_translation_scores(scores))
        if output is not None:
            typer.echo(f"wrote {output}")


def main() -> None:
    """Entry point for `python -m pipeline`."""
    app()
