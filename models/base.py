"""What every model backend offers the stages: strings in, strings out.

Backends know nothing of Articles. A stage asks `models.load(spec)` for a `Seq2SeqModel` and calls
`count_tokens` (to batch and to split over-long inputs) and `generate` (batched, already sorted or
not: backends keep the order of their input).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

Backend = Literal["transformers", "ctranslate2"]


class ModelError(RuntimeError):
    """A model could not be found, loaded or run; the message says which model and what to do."""


@dataclass(frozen=True)
class ModelSpec:
    """Which model to load and how: a hub id pinned to a revision, or a local folder."""

    name: str
    revision: str | None = None
    backend: Backend = "transformers"
    compute_type: str = "float32"
    local_files_only: bool = True
    cache_dir: str | None = None
    #: Intra-op threads per batch (0 = the backend's choice: every core, divided among the
    #: `inter_threads` batches CTranslate2 decodes at once).
    threads: int = 0
    #: Batches decoded in parallel (CTranslate2 only; 0 = one per core). Ignored by transformers.
    inter_threads: int = 1

    @property
    def label(self) -> str:
        """`name@revision` for messages and records."""
        return f"{self.name}@{self.revision}" if self.revision else self.name


class Seq2SeqModel(Protocol):
    """A loaded encoder-decoder model."""

    spec: ModelSpec
    #: Longest input, in tokens (including special tokens), the model accepts.
    max_input_tokens: int

    def count_tokens(self, texts: list[str]) -> list[int]:
        """Number of input tokens (with special tokens) of each text."""
        ...

    def generate(
        self,
        texts: list[str],
        *,
        num_beams: int,
        max_new_tokens: list[int],
        min_new_tokens: int = 0,
        max_batch_tokens: int = 0,
        batch_size: int = 16,
        length_penalty: float = 1.0,
        no_repeat_ngram_size: int = 0,
        force_length: bool = False,
    ) -> list[str]:
        """Generate one output per input, in input order.

        `max_new_tokens` gives each input its own budget; backends sort by length and batch by
        `max_batch_tokens` (padded tokens per batch; 0 = by `batch_size` only) internally.
        Inputs longer than `max_input_tokens` are a `ModelError` (never cut silently).
        `length_penalty` and `no_repeat_ngram_size` (0 = off) are the beam search options of the
        same names; `force_length` makes every output exactly its budget long (benchmarks).
        """
        ...


# -- helpers shared by the backends ---------------------------------------------------------------
def input_limit(tokenizer: Any, config: Any, label: str) -> int:
    """Longest input in tokens (special tokens included): the tokenizer's and the config's limits."""
    limit = int(getattr(tokenizer, "model_max_length", 0) or 0)
    positions = int(getattr(config, "max_position_embeddings", 0) or 0)
    candidates = [n for n in (limit, positions) if 0 < n < 1_000_000]
    if not candidates:
        raise ModelError(f"model {label}: neither tokenizer nor config gives a maximum input length")
    return min(candidates)


def encode(tokenizer: Any, texts: Sequence[str]) -> list[list[int]]:
    """Input ids of each text, special tokens added, never truncated."""
    if not texts:
        return []
    encoded = tokenizer(list(texts), add_special_tokens=True, truncation=False, verbose=False)
    return [list(ids) for ids in encoded["input_ids"]]


def budgets(texts: Sequence[str], max_new_tokens: list[int] | int) -> list[int]:
    """One generated-token budget per text, checked."""
    result = [max_new_tokens] * len(texts) if isinstance(max_new_tokens, int) else list(max_new_tokens)
    if len(result) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(result)} max_new_tokens")
    if any(b < 1 for b in result):
        raise ValueError("every max_new_tokens must be >= 1")
    return result


def check_lengths(ids: Sequence[Sequence[int]], limit: int, label: str, positions: Sequence[int]) -> None:
    """Raise ModelError if an input is longer than `limit` (never cut silently)."""
    too_long = [(p, len(x)) for p, x in zip(positions, ids, strict=True) if len(x) > limit]
    if too_long:
        index, length = too_long[0]
        raise ModelError(
            f"model {label}: {len(too_long)} input(s) longer than {limit} "
            f"tokens (input {index}: {length} tokens); split them before generating"
        )


def plan_batches(lengths: Sequence[int], *, batch_size: int, max_batch_tokens: int = 0) -> list[list[int]]:
    """Indices of `lengths` sorted longest first and grouped into batches.

    A batch holds at most `batch_size` inputs and, when `max_batch_tokens` > 0, at most that many
    padded tokens (members x longest member); an input longer than `max_batch_tokens` goes alone.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, got {batch_size}")
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    batches: list[list[int]] = []
    current: list[int] = []
    for index in order:
        # Sorted longest first, so the batch's first member sets its padded width.
        width = lengths[current[0]] if current else lengths[index]
        fits_tokens = max_batch_tokens <= 0 or (len(current) + 1) * width <= max_batch_tokens
        if current and (len(current) >= batch_size or not fits_tokens):
            batches.append(current)
            current = []
        current.append(index)
    if current:
        batches.append(current)
    return batches
