"""What every model backend offers the stages: strings in, strings out.

Backends know nothing of Articles. A stage asks `models.load(spec)` for a `Seq2SeqModel` and calls
`count_tokens` (to batch and to split over-long inputs) and `generate` (batched, already sorted or
not: backends keep the order of their input).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

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
    threads: int = 0

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
