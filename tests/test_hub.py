"""Model resolution: local folders, the offline HF cache, and the error that says how to fetch."""

from __future__ import annotations

from pathlib import Path

import pytest

import models
from models.base import ModelError, ModelSpec
from models.hub import PINNED_REVISIONS, pinned_revision, pull, resolve

SHA = "0123456789abcdef0123456789abcdef01234567"


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """No network: the hub client refuses every request (its constant is read at import time)."""
    import huggingface_hub.constants

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)


def _fake_cache(cache_dir: Path, repo: str, commit: str, *, ref: str | None = "main") -> Path:
    """A Hugging Face cache holding one snapshot of `repo`, laid out as snapshot_download writes it."""
    storage = cache_dir / ("models--" + repo.replace("/", "--"))
    snapshot = storage / "snapshots" / commit
    snapshot.mkdir(parents=True)
    (snapshot / "config.json").write_text("{}", encoding="utf-8")
    if ref:
        (storage / "refs").mkdir()
        (storage / "refs" / ref).write_text(commit, encoding="utf-8")
    return snapshot


def test_local_folder_is_used_as_is(tiny_marian_dir: Path) -> None:
    assert resolve(ModelSpec(str(tiny_marian_dir))) == tiny_marian_dir
    assert pull(ModelSpec(str(tiny_marian_dir))) == tiny_marian_dir


def test_missing_local_folder_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="does not exist"):
        resolve(ModelSpec(str(tmp_path / "nowhere" / "model")))


def test_missing_hub_model_names_model_revision_and_pull_command(offline: None, tmp_path: Path) -> None:
    spec = ModelSpec("Helsinki-NLP/opus-mt-fr-en", revision=SHA, cache_dir=str(tmp_path))
    with pytest.raises(ModelError) as error:
        resolve(spec)
    message = str(error.value)
    assert f"Helsinki-NLP/opus-mt-fr-en@{SHA}" in message
    assert "pressbrief models pull" in message
    assert list(tmp_path.iterdir()) == []  # nothing written, nothing downloaded


def test_load_reports_a_missing_model(offline: None, tmp_path: Path) -> None:
    spec = ModelSpec("sshleifer/distilbart-cnn-12-6", revision=SHA, cache_dir=str(tmp_path))
    with pytest.raises(ModelError, match="pressbrief models pull"):
        models.load(spec)


def test_pull_offline_is_a_model_error(offline: None, tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=f"cannot download model Helsinki-NLP/opus-mt-fr-en@{SHA}"):
        pull(ModelSpec("Helsinki-NLP/opus-mt-fr-en", revision=SHA, cache_dir=str(tmp_path)))


def test_cached_hub_model_resolves_offline_by_revision_and_by_branch(offline: None, tmp_path: Path) -> None:
    snapshot = _fake_cache(tmp_path, "org/tiny", SHA)
    assert resolve(ModelSpec("org/tiny", revision=SHA, cache_dir=str(tmp_path))) == snapshot
    assert resolve(ModelSpec("org/tiny", cache_dir=str(tmp_path))) == snapshot  # refs/main
    with pytest.raises(ModelError, match="org/tiny@" + "f" * 40):
        resolve(ModelSpec("org/tiny", revision="f" * 40, cache_dir=str(tmp_path)))


def test_pinned_revisions() -> None:
    assert (
        pinned_revision("Helsinki-NLP/opus-mt-fr-en", None) == PINNED_REVISIONS["Helsinki-NLP/opus-mt-fr-en"]
    )
    assert pinned_revision("Helsinki-NLP/opus-mt-fr-en", "v2") == "v2"
    assert pinned_revision("someone/else", None) is None
    assert all(len(sha) == 40 for sha in PINNED_REVISIONS.values())


def test_load_shares_one_instance_per_spec(tiny_marian_dir: Path) -> None:
    spec = ModelSpec(str(tiny_marian_dir), compute_type="float32")
    assert models.load(spec) is models.load(ModelSpec(str(tiny_marian_dir), compute_type="float32"))


def test_unknown_or_missing_backend_is_a_model_error(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ModelError, match="unknown model backend 'onnx'"):
        models.load(ModelSpec("x", backend="onnx"))  # type: ignore[arg-type]
    monkeypatch.setitem(models._BACKENDS, "ctranslate2", ("models.no_such_backend", "Nothing"))
    with pytest.raises(ModelError, match="model backend 'ctranslate2' is not available"):
        models.load(ModelSpec("x", backend="ctranslate2"))


def test_import_models_is_light() -> None:
    import subprocess
    import sys

    code = "import sys, models; print('torch' in sys.modules, 'transformers' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
