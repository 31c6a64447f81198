"""Where a model's files are: a local folder, or a hub repository pinned to a revision.

`resolve` never downloads when `spec.local_files_only` is set (nightly runs): a model missing from
the cache is a `ModelError` that names the model and the command that fetches it. `pull` is that
command's implementation: it downloads the pinned revision into the Hugging Face cache (or a folder).
"""

from __future__ import annotations

import logging
from pathlib import Path

from models.base import ModelError, ModelSpec

log = logging.getLogger(__name__)

#: Commits of the published models pressbrief was developed against. A config that names one of
#: these models without a revision gets this one, so that a run never silently follows `main`.
PINNED_REVISIONS: dict[str, str] = {
    "Helsinki-NLP/opus-mt-fr-en": "b4a9a384c2ec68a224bbd2ee3fd5df0c71ca5b1b",
    "sshleifer/distilbart-cnn-12-6": "a4f8f3ea906ed274767e9906dbaede7531d660ff",
}

# Framework weights the PyTorch and CTranslate2 backends never read: not worth downloading.
_IGNORE_PATTERNS = ["*.h5", "*.msgpack", "*.ot", "*.onnx", "onnx/*", "*.tflite", "coreml/*", "*.mlmodel"]

PULL_COMMAND = "pressbrief models pull CONFIG"


def pinned_revision(name: str, revision: str | None) -> str | None:
    """`revision` if given, else the pinned commit of a known hub model (None for anything else)."""
    return revision if revision else PINNED_REVISIONS.get(name)


def is_local(name: str) -> bool:
    """Whether `name` is a local folder rather than a hub id."""
    return Path(name).expanduser().is_dir()


def _looks_like_path(name: str) -> bool:
    return name.startswith(("/", "./", "../", "~")) or name.count("/") > 1 or "\\" in name


def resolve(spec: ModelSpec) -> Path:
    """The local folder holding `spec`'s files; downloads only when `spec.local_files_only` is False."""
    if is_local(spec.name):
        return Path(spec.name).expanduser()
    if _looks_like_path(spec.name):
        raise ModelError(f"model folder {spec.name} does not exist")
    if spec.local_files_only:
        try:
            return _snapshot(spec, local_files_only=True)
        except ModelError as exc:
            raise ModelError(
                f"model {spec.label} is not in the local Hugging Face cache "
                f"({spec.cache_dir or 'default cache'}); fetch it with `{PULL_COMMAND}` "
                f"(or set local_files_only: false) [{type(exc.__cause__).__name__}]"
            ) from exc.__cause__
    return _snapshot(spec, local_files_only=False)


def pull(spec: ModelSpec, target_dir: Path | None = None) -> Path:
    """Download `spec` at its pinned revision into the HF cache (or `target_dir`); return its folder."""
    if is_local(spec.name):
        log.info("model %s is a local folder; nothing to pull", spec.name)
        return Path(spec.name).expanduser()
    return _snapshot(spec, local_files_only=False, local_dir=target_dir)


def _snapshot(spec: ModelSpec, *, local_files_only: bool, local_dir: Path | None = None) -> Path:
    from huggingface_hub import snapshot_download

    ignore = list(_IGNORE_PATTERNS)
    if not local_files_only:
        ignore += _redundant_weights(spec)
    try:
        folder = snapshot_download(
            spec.name,
            revision=spec.revision,
            cache_dir=spec.cache_dir,
            local_dir=local_dir,
            local_files_only=local_files_only,
            ignore_patterns=ignore,
        )
    except Exception as exc:
        # The hub client raises its own errors, its HTTP library's (no common base) and OSError:
        # whatever the cause, the user needs the model, the revision and the reason.
        if local_files_only:
            raise ModelError(f"cannot find model {spec.label}: {type(exc).__name__}: {exc}") from exc
        raise ModelError(
            f"cannot download model {spec.label} from the Hugging Face hub ({type(exc).__name__}: {exc}); "
            "check network access to the hub (HF_ENDPOINT, proxy settings), or point the config at a "
            "local model folder"
        ) from exc
    return Path(str(folder))


def _redundant_weights(spec: ModelSpec) -> list[str]:
    """`pytorch_model.bin` when the repository also has safetensors weights (the same tensors)."""
    from huggingface_hub import HfApi

    try:
        files = HfApi().list_repo_files(spec.name, revision=spec.revision)
    except Exception:
        # snapshot_download will report the real problem (offline, unknown repo or revision).
        return []
    if any(name.endswith(".safetensors") for name in files):
        return ["*.bin"]
    return []
