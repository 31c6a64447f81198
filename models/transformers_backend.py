"""The PyTorch backend: Hugging Face `transformers` encoder-decoder models (Marian, BART, ...)."""

from __future__ import annotations

import logging
from typing import Any

from models.base import ModelError, ModelSpec, budgets, check_lengths, encode, input_limit, plan_batches
from models.hub import resolve

log = logging.getLogger(__name__)

#: compute_type -> torch dtype name for the PyTorch backend ("int8" is handled apart).
_DTYPES = {
    "default": "float32",
    "auto": "float32",
    "float32": "float32",
    "float16": "float16",
    "bfloat16": "bfloat16",
}


class TransformersSeq2Seq:
    """A `Seq2SeqModel` backed by `AutoModelForSeq2SeqLM` on CPU (or the default torch device)."""

    def __init__(self, spec: ModelSpec) -> None:
        import torch
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
        from transformers.utils import logging as hf_logging

        # A nightly log wants one line per model, not a progress bar per weight file.
        hf_logging.disable_progress_bar()
        self.spec = spec
        folder = resolve(spec)
        if spec.threads > 0:
            torch.set_num_threads(spec.threads)
        try:
            self.tokenizer: Any = AutoTokenizer.from_pretrained(folder)
            model: Any = AutoModelForSeq2SeqLM.from_pretrained(folder)
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"cannot load model {spec.label} from {folder}: {exc}") from exc
        self.model = _apply_compute_type(model.eval(), spec)
        # Every call passes its own length budget; the published defaults (max_length 512 or 142,
        # min_length 56) would otherwise mix in and trigger warnings on each call.
        self.model.generation_config.max_length = None
        self.model.generation_config.min_length = None
        #: Longest input in tokens, special tokens included.
        self.max_input_tokens = input_limit(self.tokenizer, self.model.config, spec.label)
        self.folder = folder
        self._eos_id = self.tokenizer.eos_token_id if self.tokenizer.eos_token_id is not None else -1
        log.info("loaded %s from %s (max %d input tokens)", spec.label, folder, self.max_input_tokens)

    def count_tokens(self, texts: list[str]) -> list[int]:
        """Number of input tokens (with special tokens) of each text."""
        return [len(ids) for ids in self._encode(texts)]

    def _encode(self, texts: list[str]) -> list[list[int]]:
        return encode(self.tokenizer, texts)

    def generate(
        self,
        texts: list[str],
        *,
        num_beams: int,
        max_new_tokens: list[int] | int,
        min_new_tokens: int = 0,
        max_batch_tokens: int = 0,
        batch_size: int = 16,
        length_penalty: float = 1.0,
        no_repeat_ngram_size: int = 0,
        force_length: bool = False,
    ) -> list[str]:
        """Generate one output per input, in input order (see `models.base.Seq2SeqModel`)."""
        ids = self.generate_ids(
            texts,
            num_beams=num_beams,
            max_new_tokens=max_new_tokens,
            min_new_tokens=min_new_tokens,
            max_batch_tokens=max_batch_tokens,
            batch_size=batch_size,
            length_penalty=length_penalty,
            no_repeat_ngram_size=no_repeat_ngram_size,
            force_length=force_length,
        )
        return [self._decode(row) for row in ids]

    def generate_ids(
        self,
        texts: list[str],
        *,
        num_beams: int,
        max_new_tokens: list[int] | int,
        min_new_tokens: int = 0,
        max_batch_tokens: int = 0,
        batch_size: int = 16,
        length_penalty: float = 1.0,
        no_repeat_ngram_size: int = 0,
        force_length: bool = False,
    ) -> list[list[int]]:
        """Like `generate`, but return the generated token ids (no decoder start token, EOS kept).

        Batches group inputs of similar length; a batch runs with its largest budget and each
        output is then cut to its own budget, so batching never changes a greedy output.
        """
        import torch

        limits = budgets(texts, max_new_tokens)
        if not texts:
            return []
        ids = self._encode(texts)
        check_lengths(ids, self.max_input_tokens, self.spec.label, range(len(ids)))
        outputs: list[list[int]] = [[] for _ in texts]
        batches = plan_batches(
            [len(x) for x in ids], batch_size=batch_size, max_batch_tokens=max_batch_tokens
        )
        # Set here, not read from the model's generation_config, so that the caller alone decides.
        options: dict[str, Any] = {
            "do_sample": False,
            "num_beams": num_beams,
            "no_repeat_ngram_size": no_repeat_ngram_size,
            # A forced EOS at the budget would make a member's output depend on the batch's
            # largest budget; each output is cut to its own budget below instead.
            "forced_eos_token_id": None,
        }
        if num_beams > 1:
            options["length_penalty"] = length_penalty
        with torch.inference_mode():
            for batch in batches:
                budget = max(limits[i] for i in batch)
                padded = self.tokenizer.pad({"input_ids": [ids[i] for i in batch]}, return_tensors="pt")
                sequences = self.model.generate(
                    input_ids=padded["input_ids"].to(self.model.device),
                    attention_mask=padded["attention_mask"].to(self.model.device),
                    max_new_tokens=budget,
                    min_new_tokens=budget if force_length else min(min_new_tokens, budget),
                    **options,
                )
                # sequences[:, 0] is the decoder start token, not an output token.
                new_tokens = sequences[:, 1:].tolist()
                for row, index in zip(new_tokens, batch, strict=True):
                    outputs[index] = _cut_at_eos(row[: limits[index]], self._eos_id)
        return outputs

    def _decode(self, ids: list[int]) -> str:
        text: str = self.tokenizer.decode(ids, skip_special_tokens=True, clean_up_tokenization_spaces=False)
        return text.strip()


def _cut_at_eos(row: list[int], eos_id: int) -> list[int]:
    """`row` up to and including its first EOS (rows finished early are padded after it)."""
    if eos_id in row:
        return row[: row.index(eos_id) + 1]
    return row


def _apply_compute_type(model: Any, spec: ModelSpec) -> Any:
    """Cast or quantize `model` as `spec.compute_type` asks (int8: dynamic quantization of Linear)."""
    import torch

    kind = spec.compute_type
    if kind in ("int8", "int8_float32"):
        quantize = getattr(getattr(torch, "ao", None), "quantization", None)
        if quantize is None or not hasattr(quantize, "quantize_dynamic"):
            raise ModelError(
                f"model {spec.label}: compute_type {kind!r} needs torch dynamic quantization, which this "
                "torch lacks; use compute_type float32 with the transformers backend"
            )
        return quantize.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
    if kind in _DTYPES:
        return model.to(getattr(torch, _DTYPES[kind]))
    raise ModelError(
        f"model {spec.label}: compute_type {kind!r} is not supported by the transformers backend "
        f"(use one of int8, {', '.join(sorted(_DTYPES))})"
    )
