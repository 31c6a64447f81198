"""Model backends: `load(spec)` returns the process-wide `Seq2SeqModel` for a `ModelSpec`.

Importing this package is instant: torch, transformers and ctranslate2 are imported by the backend
modules, on first `load`.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable

from models.base import ModelError, ModelSpec, Seq2SeqModel

__all__ = ["ModelError", "ModelSpec", "Seq2SeqModel", "clear_cache", "load"]

_LOADED: dict[ModelSpec, Seq2SeqModel] = {}
_LOCK = threading.Lock()

# backend name -> (module, class); the module is imported on first use.
_BACKENDS: dict[str, tuple[str, str]] = {
    "transformers": ("models.transformers_backend", "TransformersSeq2Seq"),
    "ctranslate2": ("models.ctranslate2_backend", "CTranslate2Seq2Seq"),
}


def load(spec: ModelSpec) -> Seq2SeqModel:
    """The loaded model for `spec`, created on first call and shared by the whole process."""
    with _LOCK:
        model = _LOADED.get(spec)
        if model is None:
            model = _backend(spec.backend)(spec)
            _LOADED[spec] = model
        return model


def clear_cache() -> None:
    """Forget every loaded model (tests, benchmarks that compare configurations)."""
    with _LOCK:
        _LOADED.clear()


def _backend(name: str) -> Callable[[ModelSpec], Seq2SeqModel]:
    if name not in _BACKENDS:
        raise ModelError(f"unknown model backend {name!r}; expected one of {sorted(_BACKENDS)}")
    module_name, class_name = _BACKENDS[name]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise ModelError(
            f"model backend {name!r} is not available ({module_name} cannot be imported: {exc})"
        ) from exc
    backend: Callable[[ModelSpec], Seq2SeqModel] = getattr(module, class_name)
    return backend
