"""The tiny-model builders: real tokenizers, the Marian/BART vocabulary conventions, determinism."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from models.build import DEFAULT_CORPUS, build_bart, build_marian

FRENCH = "Le gouvernement a présenté mercredi un projet de loi sur la réforme des retraites."


def test_marian_folder_loads_with_opus_mt_vocabulary(tiny_marian_dir: Path) -> None:
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer, MarianMTModel, MarianTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tiny_marian_dir)
    model = AutoModelForSeq2SeqLM.from_pretrained(tiny_marian_dir)
    assert isinstance(tokenizer, MarianTokenizer)
    assert isinstance(model, MarianMTModel)
    vocab = json.loads((tiny_marian_dir / "vocab.json").read_text(encoding="utf-8"))
    size = model.config.vocab_size
    assert len(vocab) == size == len(tokenizer)
    assert vocab["</s>"] == 0 and vocab["<unk>"] == 1
    # CTranslate2's Marian converter expects <pad> as the last id; Marian starts decoding from it.
    assert vocab["<pad>"] == size - 1 == model.config.pad_token_id == model.config.decoder_start_token_id
    assert model.get_input_embeddings().weight.shape == (size, model.config.d_model)
    ids = tokenizer(FRENCH)["input_ids"]
    assert ids[-1] == 0
    assert 1 not in ids  # a real sentencepiece model: no unknown pieces on French text
    assert tokenizer.model_max_length == model.config.max_position_embeddings


def test_marian_vocab_is_padded_to_the_requested_shape(tmp_path: Path) -> None:
    from transformers import AutoModelForSeq2SeqLM

    folder = build_marian(
        tmp_path / "m", d_model=8, encoder_layers=1, decoder_layers=1, heads=1, ffn_dim=8, vocab_size=5000
    )
    vocab = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
    assert len(vocab) == 5000 and vocab["<pad>"] == 4999
    model = AutoModelForSeq2SeqLM.from_pretrained(folder)
    assert model.get_input_embeddings().weight.shape == (5000, 8)


def test_bart_folder_loads_with_bart_vocabulary(tiny_bart_dir: Path) -> None:
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer, BartForConditionalGeneration

    tokenizer = AutoTokenizer.from_pretrained(tiny_bart_dir)
    model = AutoModelForSeq2SeqLM.from_pretrained(tiny_bart_dir)
    assert isinstance(model, BartForConditionalGeneration)
    size = model.config.vocab_size
    vocab = tokenizer.get_vocab()
    assert len(vocab) == size
    assert (vocab["<s>"], vocab["<pad>"], vocab["</s>"], vocab["<unk>"]) == (0, 1, 2, 3)
    assert vocab["<mask>"] == size - 1
    assert tokenizer.model_max_length == model.config.max_position_embeddings == 128
    text = "The Senate adopted the immigration bill on Tuesday evening."
    ids = tokenizer(text)["input_ids"]
    assert ids[0] == 0 and ids[-1] == 2
    assert len(ids) < len(text) // 2  # learned merges, not one token per byte
    assert tokenizer.decode(ids, skip_special_tokens=True) == text  # byte-level BPE is lossless


def test_builds_are_deterministic(tmp_path: Path) -> None:
    small: dict[str, Any] = {"d_model": 8, "encoder_layers": 1, "decoder_layers": 1, "heads": 1, "ffn_dim": 8}
    first = build_marian(tmp_path / "a", **small, vocab_size=300, seed=3)
    second = build_marian(tmp_path / "b", **small, vocab_size=300, seed=3)
    other = build_marian(tmp_path / "c", **small, vocab_size=300, seed=4)
    for name in ("model.safetensors", "vocab.json", "source.spm"):
        assert (first / name).read_bytes() == (second / name).read_bytes()
    assert (first / "model.safetensors").read_bytes() != (other / "model.safetensors").read_bytes()
    bart_a = build_bart(tmp_path / "ba", **small, vocab_size=400, corpus=DEFAULT_CORPUS[:8])
    bart_b = build_bart(tmp_path / "bb", **small, vocab_size=400, corpus=DEFAULT_CORPUS[:8])
    for name in ("model.safetensors", "tokenizer.json"):
        assert (bart_a / name).read_bytes() == (bart_b / name).read_bytes()


def test_vocab_size_too_small_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="vocab_size must be at least"):
        build_bart(tmp_path / "b", vocab_size=100)


@pytest.mark.parametrize("fixture", ["tiny_marian_dir", "tiny_bart_dir"])
def test_ctranslate2_converter_accepts_the_folders(
    fixture: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    ctranslate2 = pytest.importorskip("ctranslate2")
    from ctranslate2.converters import TransformersConverter

    folder = request.getfixturevalue(fixture)
    output = TransformersConverter(str(folder)).convert(str(tmp_path / "ct2"), quantization="int8")
    translator = ctranslate2.Translator(output, device="cpu")
    result = translator.translate_batch([["▁Le", "</s>"]], max_decoding_length=3, beam_size=1)
    assert len(result[0].hypotheses[0]) <= 3
