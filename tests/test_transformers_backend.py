"""The PyTorch backend: token counts, batching, per-input budgets, order, and over-long inputs."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

import models
from models.base import ModelError, ModelSpec, plan_batches
from models.build import DEFAULT_CORPUS
from models.transformers_backend import TransformersSeq2Seq

SENTENCES = [
    "Bonjour.",
    "Le gouvernement a présenté mercredi un projet de loi.",
    "Les pompiers ont maîtrisé un incendie dans le Var.",
    "« C'est une promesse tenue », a-t-il affirmé.",
    "Météo-France a placé douze départements en vigilance orange pour des orages violents.",
    "Merci.",
    "La SNCF prévoit un trafic très perturbé ce week-end.",
]


@pytest.fixture(scope="module")
def marian(tiny_marian_dir: Path) -> TransformersSeq2Seq:
    model = models.load(ModelSpec(str(tiny_marian_dir), compute_type="float32"))
    assert isinstance(model, TransformersSeq2Seq)
    return model


@pytest.fixture(scope="module")
def bart(tiny_bart_dir: Path) -> TransformersSeq2Seq:
    model = models.load(ModelSpec(str(tiny_bart_dir)))
    assert isinstance(model, TransformersSeq2Seq)
    return model


def test_limits_and_token_counts(marian: TransformersSeq2Seq, bart: TransformersSeq2Seq) -> None:
    assert marian.max_input_tokens == 512
    assert bart.max_input_tokens == 128
    assert marian.count_tokens([""]) == [1]  # </s>
    assert bart.count_tokens([""]) == [2]  # <s> </s>
    counts = marian.count_tokens(SENTENCES)
    assert counts[0] < counts[1] and all(c > 1 for c in counts)


def test_plan_batches_sorts_and_respects_both_limits() -> None:
    lengths = [5, 40, 12, 40, 3, 25, 25, 7]
    batches = plan_batches(lengths, batch_size=3, max_batch_tokens=60)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    order = [lengths[i] for b in batches for i in b]
    assert order == sorted(lengths, reverse=True)
    for batch in batches:
        assert len(batch) <= 3
        assert len(batch) == 1 or len(batch) * max(lengths[i] for i in batch) <= 60
    assert plan_batches([100], batch_size=4, max_batch_tokens=10) == [[0]]  # too long: alone
    assert plan_batches([], batch_size=4) == []


def test_outputs_come_back_in_input_order(marian: TransformersSeq2Seq) -> None:
    alone = [marian.generate([s], num_beams=1, max_new_tokens=[6])[0] for s in SENTENCES]
    assert len(set(alone)) > 1  # outputs depend on the input, so a mix-up would show
    shuffled = list(range(len(SENTENCES)))
    random.Random(0).shuffle(shuffled)
    together = marian.generate([SENTENCES[i] for i in shuffled], num_beams=1, max_new_tokens=6, batch_size=3)
    assert together == [alone[i] for i in shuffled]


def test_each_input_keeps_its_own_budget(marian: TransformersSeq2Seq) -> None:
    budgets = [1, 9, 3, 7, 2, 5, 4]
    ids = marian.generate_ids(SENTENCES, num_beams=1, max_new_tokens=budgets, batch_size=4)
    assert all(len(row) <= budget for row, budget in zip(ids, budgets, strict=True))
    forced = marian.generate_ids(SENTENCES, num_beams=2, max_new_tokens=budgets, force_length=True)
    assert [len(row) for row in forced] == budgets


BUDGETS = [4, 8, 6, 8, 8, 3, 7]


@pytest.fixture(scope="module")
def one_by_one(marian: TransformersSeq2Seq) -> list[list[int]]:
    """Greedy outputs of SENTENCES generated one at a time with BUDGETS."""
    return [
        marian.generate_ids([s], num_beams=1, max_new_tokens=[b])[0]
        for s, b in zip(SENTENCES, BUDGETS, strict=True)
    ]


@pytest.mark.parametrize("options", [{"batch_size": 2}, {"batch_size": 16}, {"max_batch_tokens": 40}])
def test_batching_does_not_change_greedy_outputs(
    marian: TransformersSeq2Seq, one_by_one: list[list[int]], options: dict[str, Any]
) -> None:
    batched = marian.generate_ids(SENTENCES, num_beams=1, max_new_tokens=BUDGETS, **options)
    assert batched == one_by_one


def test_summarizer_options_and_min_new_tokens(bart: TransformersSeq2Seq) -> None:
    texts = [s[:120] for s in DEFAULT_CORPUS[:4]]
    ids = bart.generate_ids(
        texts, num_beams=2, max_new_tokens=12, min_new_tokens=5, length_penalty=2.0, no_repeat_ngram_size=3
    )
    assert all(5 <= len(row) <= 12 for row in ids)
    for row in ids:
        trigrams = [tuple(row[i : i + 3]) for i in range(len(row) - 2)]
        assert len(trigrams) == len(set(trigrams))
    outputs = bart.generate(texts, num_beams=2, max_new_tokens=12)
    assert len(outputs) == 4 and all(isinstance(o, str) for o in outputs)
    assert all("<s>" not in o and "</s>" not in o for o in outputs)


def test_over_long_input_is_refused_not_cut(bart: TransformersSeq2Seq) -> None:
    long = " ".join(DEFAULT_CORPUS)
    with pytest.raises(ModelError, match="longer than 128 tokens"):
        bart.generate(["Short.", long], num_beams=1, max_new_tokens=4)


def test_bad_arguments(marian: TransformersSeq2Seq) -> None:
    assert marian.generate([], num_beams=1, max_new_tokens=[]) == []
    with pytest.raises(ValueError, match="2 texts but 1"):
        marian.generate(["a", "b"], num_beams=1, max_new_tokens=[3])


def test_compute_types(tiny_marian_dir: Path) -> None:
    quantized = models.load(ModelSpec(str(tiny_marian_dir), compute_type="int8"))
    assert len(quantized.generate(SENTENCES[:2], num_beams=1, max_new_tokens=[3, 3])) == 2
    with pytest.raises(ModelError, match="compute_type 'int4' is not supported"):
        models.load(ModelSpec(str(tiny_marian_dir), compute_type="int4"))
