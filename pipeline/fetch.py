"""Prefetch the models a config names, so nightly runs (local_files_only) never download."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from pipeline.config import PipelineConfig
from pipeline.runner import build_stages


def pull_models(config: PipelineConfig, target: Path | None = None) -> Iterator[str]:
    """Download (and, for CTranslate2, convert) every model of `config`; yield one line per step."""
    from models.hub import pull

    for stage in build_stages(config):
        for spec in stage.model_specs():
            if Path(spec.name).is_dir():
                yield f"{stage.name}: {spec.name} is a local folder, nothing to pull"
                continue
            online = replace(spec, local_files_only=False)
            folder = pull(online, target / spec.name.replace("/", "--") if target else None)
            yield f"{stage.name}: {spec.label} -> {folder}"
            if spec.backend == "ctranslate2":
                from models.ctranslate2_backend import ensure_converted

                # Convert what was just downloaded: the hub snapshot, or the folder given with --to.
                source = replace(spec, name=str(folder), revision=None) if target else spec
                converted = ensure_converted(source)
                yield f"{stage.name}: {spec.label} converted for CTranslate2 ({spec.compute_type}) -> {converted}"
