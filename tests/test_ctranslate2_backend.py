"""The CTranslate2 backend against the transformers backend, on tiny random models.

The tiny models of `models.build` start near-uniform, so every input decodes to about the same
string; the `spiky_*` fixtures add seeded noise to their weights so that outputs depend on the input
and a wrong position, embedding or vocabulary would show.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from models.base import ModelError, ModelSpec

TEXTS = [
    "Le gouvernement a présenté mercredi un projet de loi sur la réforme des retraites.",
    "Bonjour.",
    "Les pompiers ont maîtrisé dans la nuit de dimanche à lundi un important incendie qui a ravagé "
    "près de mille hectares de forêt dans le Var.",
    "À Marseille, le maire a inauguré samedi une nouvelle ligne de tramway.",
    "Le Sénat a adopté mardi soir le texte.",
    "Le gouvernement a présenté mercredi un projet de loi sur la réforme des retraites.",
    "« Nous avons écouté les syndicats », a déclaré la Première ministre.",
]
BUDGETS = [14, 4, 30, 20, 9, 14, 11]
# Keys of old fairseq-era BART configs that transformers 5 no longer defines.
LEGACY_BART_KEYS = (
    "normalize_before",
    "normalize_embedding",
    "add_final_layer_norm",
    "static_position_embeddings",
)


def _tiny(request: pytest.FixtureRequest, name: str, build: str, tmp: Path) -> Path:
    """The conftest fixture `name` if there is one, else a model built here with `models.build`."""
    try:
        return Path(request.getfixturevalue(name))
    except pytest.FixtureLookupError:
        from models import build as builders

        return Path(getattr(builders, build)(tmp / name))


def _spiky(src: Path, dst: Path, *, eos_bias: float = 0.0, drop_keys: tuple[str, ...] = ()) -> Path:
    """Copy of `src` with seeded noise on its matrices (and optionally a bias towards EOS)."""
    import torch
    from transformers import AutoModelForSeq2SeqLM

    model = AutoModelForSeq2SeqLM.from_pretrained(src)
    generator = torch.Generator().manual_seed(1)
    with torch.no_grad():
        for parameter in model.parameters():
            if parameter.dim() >= 2:
                parameter.add_(torch.randn(parameter.shape, generator=generator) * 0.3)
        # The pad row stays zero, as in trained models: Marian's decoder starts from it.
        model.get_input_embeddings().weight[model.config.pad_token_id].zero_()
        if eos_bias:
            model.final_logits_bias[0, model.config.eos_token_id] += eos_bias
    model.save_pretrained(dst)
    for item in src.iterdir():
        if item.is_file() and not (dst / item.name).exists():
            shutil.copy2(item, dst / item.name)
    if drop_keys:
        config = json.loads((dst / "config.json").read_text())
        for key in drop_keys:
            config.pop(key, None)
        (dst / "config.json").write_text(json.dumps(config, indent=2))
    return dst


@pytest.fixture(scope="session")
def ct2_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pressbrief-cache")


@pytest.fixture(autouse=True)
def _use_ct2_cache(ct2_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSBRIEF_CACHE", str(ct2_cache))


@pytest.fixture(scope="session")
def spiky_marian(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("ct2-marian")
    return _spiky(_tiny(request, "tiny_marian_dir", "build_marian", tmp), tmp / "spiky", eos_bias=2.0)


@pytest.fixture(scope="session")
def spiky_bart(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A BART whose config.json lacks the legacy keys, as transformers 5 writes it: the snag."""
    tmp = tmp_path_factory.mktemp("ct2-bart")
    source = _tiny(request, "tiny_bart_dir", "build_bart", tmp)
    return _spiky(source, tmp / "spiky", eos_bias=2.0, drop_keys=LEGACY_BART_KEYS)


def _pair(folder: Path) -> tuple[Any, Any]:
    from models.ctranslate2_backend import CTranslate2Seq2Seq
    from models.transformers_backend import TransformersSeq2Seq

    reference = TransformersSeq2Seq(ModelSpec(str(folder), compute_type="float32"))
    fast = CTranslate2Seq2Seq(ModelSpec(str(folder), backend="ctranslate2", compute_type="float32"))
    return reference, fast


class _Spy:
    """Stands in for a Translator and records the hypotheses it returns."""

    def __init__(self, translator: Any) -> None:
        self.translator = translator
        self.hypotheses: list[list[str]] = []
        self.calls: list[dict[str, Any]] = []

    def translate_batch(self, source: list[list[str]], **kwargs: Any) -> Any:
        self.calls.append({"size": len(source), **kwargs})
        results = self.translator.translate_batch(source, **{**kwargs, "asynchronous": False})
        self.hypotheses.extend(r.hypotheses[0] for r in results)
        return [_Done(r) for r in results]


class _Done:
    def __init__(self, result: Any) -> None:
        self._result = result

    def result(self) -> Any:
        return self._result


# -- conversion ----------------------------------------------------------------------------------------
def test_bart_config_without_legacy_keys_converts(spiky_bart: Path, tmp_path: Path) -> None:
    from models.ctranslate2_backend import HF_SUBFOLDER, MARKER, convert

    config = json.loads((spiky_bart / "config.json").read_text())
    assert not any(key in config for key in LEGACY_BART_KEYS)
    out = convert(spiky_bart, tmp_path / "bart-ct2", "float32")
    assert (out / "model.bin").is_file() and (out / MARKER).is_file()
    assert (out / HF_SUBFOLDER / "tokenizer_config.json").is_file() and (
        out / HF_SUBFOLDER / "config.json"
    ).is_file()
    assert not list(tmp_path.glob(".*tmp*")), "the temporary conversion folder is left behind"


def test_convert_rejects_a_folder_without_config(tmp_path: Path) -> None:
    from models.ctranslate2_backend import convert

    with pytest.raises(ModelError, match=r"no config\.json"):
        convert(tmp_path, tmp_path / "out", "int8")


def test_load_converts_once_into_the_cache(spiky_marian: Path, ct2_cache: Path) -> None:
    from models.ctranslate2_backend import MARKER, CTranslate2Seq2Seq, converted_folder

    spec = ModelSpec(str(spiky_marian), backend="ctranslate2", compute_type="int8_float32")
    folder = converted_folder(spec)
    assert folder.parent == ct2_cache / "ct2" and folder.name.endswith("-int8")
    CTranslate2Seq2Seq(spec)
    stamp = (folder / MARKER).stat().st_mtime_ns
    model = CTranslate2Seq2Seq(spec)
    assert (folder / MARKER).stat().st_mtime_ns == stamp
    assert model.folder == folder


def test_models_load_picks_the_ctranslate2_backend(spiky_marian: Path) -> None:
    import models
    from models.ctranslate2_backend import CTranslate2Seq2Seq

    spec = ModelSpec(str(spiky_marian), backend="ctranslate2", compute_type="float32")
    model = models.load(spec)
    assert isinstance(model, CTranslate2Seq2Seq)
    assert models.load(spec) is model
    models.clear_cache()


# -- equivalence ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("fixture", ["spiky_marian", "spiky_bart"])
@pytest.mark.parametrize(
    "options",
    [
        {"num_beams": 1},
        {"num_beams": 1, "max_batch_tokens": 64},
        {"num_beams": 1, "batch_size": 1},
        {"num_beams": 1, "min_new_tokens": 6},
        {"num_beams": 1, "force_length": True},
    ],
    ids=["greedy", "token-budget", "one-by-one", "min-new-tokens", "forced-length"],
)
def test_float32_greedy_equals_transformers(
    fixture: str, options: dict[str, Any], request: pytest.FixtureRequest
) -> None:
    reference, fast = _pair(request.getfixturevalue(fixture))
    fast.translator = spy = _Spy(fast.translator)
    expected = reference.generate(TEXTS, max_new_tokens=BUDGETS, **options)
    got = fast.generate(TEXTS, max_new_tokens=BUDGETS, **options)
    assert got == expected
    assert len(set(got)) > 2, "outputs do not depend on the input: the test model is too flat"
    assert spy.hypotheses


@pytest.mark.parametrize("fixture", ["spiky_marian", "spiky_bart"])
def test_tokens_equal_transformers_tokens(fixture: str, request: pytest.FixtureRequest) -> None:
    import torch

    reference, fast = _pair(request.getfixturevalue(fixture))
    fast.translator = spy = _Spy(fast.translator)
    unique = list(dict.fromkeys(TEXTS))
    fast.generate(unique, num_beams=1, max_new_tokens=30, batch_size=len(unique))
    tok = reference.tokenizer
    for text, hypothesis in zip(
        sorted(unique, key=lambda t: -len(tok(t).input_ids)), spy.hypotheses, strict=True
    ):
        with torch.inference_mode():
            ids = reference.model.generate(
                **tok([text], return_tensors="pt"),
                do_sample=False,
                num_beams=1,
                max_new_tokens=30,
                min_length=0,
                max_length=None,
                forced_eos_token_id=None,
                no_repeat_ngram_size=0,
                length_penalty=1.0,
            )[0, 1:].tolist()
        eos = tok.convert_ids_to_tokens(reference.model.config.eos_token_id)
        expected = [t for t in tok.convert_ids_to_tokens(ids) if t != tok.pad_token]
        assert hypothesis + ([eos] if len(hypothesis) < 30 else []) == expected


def test_beam_search_matches_transformers_on_bart(spiky_bart: Path) -> None:
    reference, fast = _pair(spiky_bart)
    expected = reference.generate(TEXTS, num_beams=3, max_new_tokens=BUDGETS)
    assert fast.generate(TEXTS, num_beams=3, max_new_tokens=BUDGETS) == expected


# -- the protocol ---------------------------------------------------------------------------------------
def test_budgets_respected_and_forced_length_exact(spiky_bart: Path) -> None:
    from models.ctranslate2_backend import CTranslate2Seq2Seq

    model = CTranslate2Seq2Seq(ModelSpec(str(spiky_bart), backend="ctranslate2", compute_type="float32"))
    model.translator = spy = _Spy(model.translator)
    model.generate(TEXTS, num_beams=1, max_new_tokens=BUDGETS, force_length=True, max_batch_tokens=80)
    lengths = sorted(len(h) for h in spy.hypotheses)
    # Batches decode to their longest budget; each output is then cut to its own.
    assert all(call["min_decoding_length"] == call["max_decoding_length"] for call in spy.calls)
    assert lengths[0] >= min(BUDGETS)
    spy.hypotheses.clear()
    model.cache_size = 0
    short = model.generate(TEXTS, num_beams=1, max_new_tokens=2)
    assert all(len(h) <= 2 for h in spy.hypotheses)
    assert all(len(text) < 40 for text in short)


def test_order_restored_and_duplicates_decoded_once(spiky_marian: Path) -> None:
    from models.ctranslate2_backend import CTranslate2Seq2Seq

    model = CTranslate2Seq2Seq(ModelSpec(str(spiky_marian), backend="ctranslate2", compute_type="float32"))
    one_by_one = [
        model.generate([t], num_beams=1, max_new_tokens=[b])[0] for t, b in zip(TEXTS, BUDGETS, strict=True)
    ]
    model.cache_size = 0
    model.stats.update(decoded=0, cache_hits=0)
    together = model.generate(TEXTS, num_beams=1, max_new_tokens=BUDGETS, max_batch_tokens=48)
    assert together == one_by_one
    assert model.stats["decoded"] == len(set(zip(TEXTS, BUDGETS, strict=True)))


def test_cache_remembers_outputs_across_calls(spiky_marian: Path) -> None:
    from models.ctranslate2_backend import CTranslate2Seq2Seq

    model = CTranslate2Seq2Seq(ModelSpec(str(spiky_marian), backend="ctranslate2", compute_type="float32"))
    first = model.generate(TEXTS[:3], num_beams=1, max_new_tokens=10)
    decoded = model.stats["decoded"]
    assert model.generate(TEXTS[:3], num_beams=1, max_new_tokens=10) == first
    assert model.stats["decoded"] == decoded and model.stats["cache_hits"] == 3


@pytest.mark.parametrize("compute_type", ["int8", "int8_float32"])
def test_int8_loads_and_runs(spiky_bart: Path, compute_type: str) -> None:
    from models.ctranslate2_backend import CTranslate2Seq2Seq

    model = CTranslate2Seq2Seq(ModelSpec(str(spiky_bart), backend="ctranslate2", compute_type=compute_type))
    out = model.generate(TEXTS, num_beams=2, max_new_tokens=BUDGETS, max_batch_tokens=100)
    assert len(out) == len(TEXTS) and all(isinstance(text, str) for text in out)
    assert model.count_tokens(["Bonjour."]) == [len(model.tokenizer("Bonjour.").input_ids)]


def test_too_long_input_is_a_model_error(spiky_marian: Path) -> None:
    from models.ctranslate2_backend import CTranslate2Seq2Seq

    model = CTranslate2Seq2Seq(ModelSpec(str(spiky_marian), backend="ctranslate2", compute_type="int8"))
    with pytest.raises(ModelError, match="longer than"):
        model.generate(["mot " * (model.max_input_tokens + 5)], num_beams=1, max_new_tokens=4)
    with pytest.raises(ValueError, match="max_new_tokens"):
        model.generate(TEXTS, num_beams=1, max_new_tokens=[3])


def test_unknown_compute_type_is_a_model_error(spiky_marian: Path) -> None:
    from models.ctranslate2_backend import CTranslate2Seq2Seq

    with pytest.raises(ModelError, match="compute_type"):
        CTranslate2Seq2Seq(ModelSpec(str(spiky_marian), backend="ctranslate2", compute_type="int3"))


@pytest.mark.parametrize(
    ("threads", "inter_threads", "cores", "layout"),
    [
        (0, 1, 2, (1, 2)),
        (0, 0, 2, (2, 1)),
        (0, 2, 8, (2, 4)),
        (1, 2, 2, (2, 1)),
        (3, 0, 4, (4, 3)),
        (0, 3, 2, (3, 1)),
    ],
)
def test_thread_layout(
    threads: int, inter_threads: int, cores: int, layout: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from models import ctranslate2_backend

    monkeypatch.setattr(ctranslate2_backend, "_cores", lambda: cores)
    spec = ModelSpec("m", backend="ctranslate2", threads=threads, inter_threads=inter_threads)
    assert ctranslate2_backend.thread_layout(spec) == layout


@pytest.mark.parametrize(("omp", "expected"), [("", None), ("1", 1), ("0", None), ("x", None), ("999", None)])
def test_cores_honour_omp_num_threads(
    omp: str, expected: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OMP_NUM_THREADS (set by Ray for a worker's num_cpus, or by the cron job) caps the cores used."""
    import os

    from models import ctranslate2_backend

    monkeypatch.setenv("OMP_NUM_THREADS", omp)
    affinity = len(os.sched_getaffinity(0))
    assert ctranslate2_backend._cores() == (affinity if expected is None else min(expected, affinity))


def test_parallel_batches_give_the_same_outputs(spiky_marian: Path) -> None:
    """Batches decoded two at a time (inter_threads 2) equal the same batches decoded in turn."""
    from models.ctranslate2_backend import CTranslate2Seq2Seq

    outputs = []
    for inter_threads in (1, 2):
        spec = ModelSpec(
            str(spiky_marian),
            backend="ctranslate2",
            compute_type="int8",
            threads=1,
            inter_threads=inter_threads,
        )
        model = CTranslate2Seq2Seq(spec, cache_size=0)
        assert (model.inter_threads, model.intra_threads) == (inter_threads, 1)
        outputs.append(
            model.generate(TEXTS * 3, num_beams=2, max_new_tokens=BUDGETS * 3, max_batch_tokens=40)
        )
        assert model.stats["batches"] > 2
    assert outputs[0] == outputs[1]
