"""YAML -> typed config. The config fully describes a run; every problem is reported with its key path.

A config file has two sections:

    run:      RunConfig (ledger, failure threshold, executor, ...)
    stages:   a list of stage entries, each `{type: <stage name>, <that stage's keys>}`

Each stage's keys are validated by that stage's own `Config` class (pydantic, unknown keys forbidden).
All errors of a file are collected and raised together as one `ConfigError`, one line each:
`stages[2].num_beams: Input should be a valid integer`.
"""

from __future__ import annotations

import copy
import difflib
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pipeline.stage import Stage, StageConfig


class ConfigError(ValueError):
    """One or more problems in a config, each as `path: message`."""

    def __init__(self, problems: list[str], source: str = "") -> None:
        self.problems = problems
        self.source = source
        head = f"invalid config {source}" if source else "invalid config"
        super().__init__(head + ":\n" + "\n".join(f"  {p}" for p in problems))


class LocalExecutor(BaseModel):
    """Run every stage in this process (the default)."""

    model_config = ConfigDict(extra="forbid")
    type: Literal["local"] = "local"


class RayExecutor(BaseModel):
    """Run article chunks as Ray tasks; each worker loads its models once; the driver writes outputs."""

    model_config = ConfigDict(extra="forbid")
    type: Literal["ray"] = "ray"
    #: Ray cluster address (`auto`, `ray://host:10001`); None starts a local Ray instance.
    address: str | None = None
    #: How many worker actors to start (each holds one copy of the models).
    num_workers: int = Field(default=2, ge=1)
    #: CPUs reserved per worker.
    num_cpus: float = Field(default=1.0, gt=0)


class RunConfig(BaseModel):
    """How the batch runs: ledger, resumption, failure threshold, executor."""

    model_config = ConfigDict(extra="forbid")
    #: SQLite ledger path; relative paths are relative to the output folder. None: `<output>/ledger.sqlite`.
    ledger: str | None = None
    #: Exit with code 1 when more than this fraction of the articles failed (skipped ones don't count).
    max_failed_fraction: float = Field(default=0.0, ge=0.0, le=1.0)
    #: Articles handed to the processing stages at once (cross-article batching happens inside).
    chunk_articles: int = Field(default=64, ge=1)
    executor: LocalExecutor | RayExecutor = Field(default_factory=LocalExecutor, discriminator="type")


@dataclass
class StageEntry:
    """One validated stage entry of the config."""

    type: str
    config: StageConfig


@dataclass
class PipelineConfig:
    """The whole validated config."""

    run: RunConfig
    stages: list[StageEntry] = field(default_factory=list)
    source: str = ""

    def stage_config(self, type_: str) -> StageConfig | None:
        """The config of the first stage of this type, if any."""
        return next((s.config for s in self.stages if s.type == type_), None)

    def as_dict(self) -> dict[str, Any]:
        """Plain data, as it would be written back to YAML."""
        return {
            "run": self.run.model_dump(mode="json"),
            "stages": [s.config.model_dump(mode="json") for s in self.stages],
        }

    def fingerprint(self) -> str:
        """Hash of everything that changes an article's result (the stages, not the run section)."""
        stages = [s.config.model_dump(mode="json") for s in self.stages]
        for entry in stages:
            # Where a batch runs or how it is sliced does not change its result.
            for key in (
                "threads",
                "inter_threads",
                "batch_size",
                "max_batch_tokens",
                "cache_dir",
                "local_files_only",
            ):
                entry.pop(key, None)
        payload = json.dumps(stages, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


def _stage_registry() -> dict[str, type[Stage]]:
    from pipeline.stages import STAGES

    return STAGES


def _format_loc(prefix: str, loc: tuple[Any, ...]) -> str:
    path = prefix
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def _validation_problems(prefix: str, error: ValidationError, model: type[BaseModel]) -> list[str]:
    problems = []
    for item in error.errors():
        path = _format_loc(prefix, item["loc"])
        message = item["msg"]
        if item["type"] == "extra_forbidden" and item["loc"]:
            key = str(item["loc"][-1])
            message = "unknown key"
            close = difflib.get_close_matches(key, list(model.model_fields), n=1)
            if close:
                message += f" (did you mean {close[0]!r}?)"
            else:
                message += f"; allowed: {', '.join(sorted(model.model_fields))}"
        elif item["type"] not in ("missing",) and "input" in item and not isinstance(item["input"], dict):
            message += f" (got {item['input']!r})"
        problems.append(f"{path}: {message}")
    return problems


def parse_override(text: str) -> tuple[str, str, Any]:
    """Split `stage.key=value` into (section, key, YAML-parsed value); raise ConfigError if malformed."""
    if "=" not in text:
        raise ConfigError([f"--set {text}: expected SECTION.KEY=VALUE, e.g. translate.num_beams=4"])
    path, raw = text.split("=", 1)
    section, _, key = path.strip().partition(".")
    if not section or not key or "." in key:
        raise ConfigError([f"--set {text}: expected SECTION.KEY=VALUE, e.g. translate.num_beams=4"])
    try:
        value = yaml.safe_load(raw) if raw.strip() else ""
    except yaml.YAMLError:
        value = raw
    return section, key, value


def apply_overrides(data: dict[str, Any], overrides: list[str]) -> list[str]:
    """Apply `--set section.key=value` overrides to raw config data; return problems found."""
    problems: list[str] = []
    for text in overrides:
        try:
            section, key, value = parse_override(text)
        except ConfigError as exc:
            problems.extend(exc.problems)
            continue
        if section == "run":
            run = data.setdefault("run", {}) or {}
            data["run"] = run
            run[key] = value
            continue
        stages = data.get("stages") or []
        targets = [s for s in stages if isinstance(s, dict) and s.get("type") == section]
        if not targets:
            names = [s.get("type") for s in stages if isinstance(s, dict)]
            problems.append(f"--set {text}: no stage of type {section!r} in this config (stages: {names})")
            continue
        for target in targets:
            target[key] = value
    return problems


def load_config(path: Path | str, overrides: list[str] | None = None) -> PipelineConfig:
    """Read, override and validate a YAML config; raise ConfigError listing every problem."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError([f"cannot read config file: {exc.strerror or exc}"], str(path)) from exc
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise ConfigError([f"not valid YAML: {exc}"], str(path)) from exc
    return validate_config(data, overrides or [], source=str(path))


def validate_config(data: Any, overrides: list[str], source: str = "") -> PipelineConfig:
    """Validate raw config data (after applying overrides); raise ConfigError listing every problem."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(
            [f"top level: expected a mapping with 'run' and 'stages', got {type(data).__name__}"], source
        )
    data = copy.deepcopy(data)  # overrides must not leak into the caller's data
    problems: list[str] = []
    for key in data:
        if key not in ("run", "stages"):
            close = difflib.get_close_matches(str(key), ["run", "stages"], n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else "; allowed: run, stages"
            problems.append(f"{key}: unknown key{hint}")
    problems.extend(apply_overrides(data, overrides))

    run = RunConfig()
    try:
        run = RunConfig.model_validate(data.get("run") or {})
    except ValidationError as exc:
        problems.extend(_validation_problems("run", exc, RunConfig))

    registry = _stage_registry()
    entries: list[StageEntry] = []
    stages = data.get("stages")
    if not isinstance(stages, list) or not stages:
        problems.append("stages: expected a non-empty list of stages, each with a 'type'")
        stages = []
    for index, item in enumerate(stages):
        where = f"stages[{index}]"
        if not isinstance(item, dict):
            problems.append(f"{where}: expected a mapping with a 'type', got {item!r}")
            continue
        kind = item.get("type")
        if kind not in registry:
            close = difflib.get_close_matches(str(kind), list(registry), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append(
                f"{where}.type: unknown stage {kind!r}{hint}; known stages: {', '.join(registry)}"
            )
            continue
        config_cls = registry[kind].Config
        try:
            entries.append(StageEntry(type=kind, config=config_cls.model_validate(item)))
        except ValidationError as exc:
            problems.extend(_validation_problems(where, exc, config_cls))

    if not problems and entries:
        problems.extend(_order_problems(entries))
    if problems:
        raise ConfigError(problems, source)
    return PipelineConfig(run=run, stages=entries, source=source)


def _order_problems(entries: list[StageEntry]) -> list[str]:
    """Stages whose inputs are produced by an earlier stage must come after it."""
    problems = []
    types = [e.type for e in entries]
    if types[0] != "read":
        problems.append(f"stages[0].type: the first stage must be 'read', got {types[0]!r}")
    if types[-1] != "write":
        problems.append(f"stages[{len(types) - 1}].type: the last stage must be 'write', got {types[-1]!r}")
    for index, kind in enumerate(types):
        if kind in ("read", "write") and types.count(kind) > 1:
            problems.append(f"stages[{index}].type: only one {kind!r} stage is allowed")
            break
    needs = {"translate": "segment", "summarize": "translate"}
    for index, kind in enumerate(types):
        required = needs.get(kind)
        if required and required not in types[:index]:
            problems.append(f"stages[{index}].type: {kind!r} needs a {required!r} stage before it")
    return problems
