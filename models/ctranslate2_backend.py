"""The CTranslate2 backend: converted (optionally int8) Marian and BART models, batched by tokens.

`convert(src, out, quantization)` turns a Hugging Face folder into a CTranslate2 folder; `load`
(through `models.load(spec)` with `backend: ctranslate2`) finds that folder in the cache, or converts
the resolved Hugging Face snapshot into it on first use (conversion is local and deterministic).

Cache layout, one folder per model id, revision and quantization:
`$PRESSBRIEF_CACHE/ct2/<id with "/" as "--">@<revision>-<quantization>/` (default cache root
`~/.cache/pressbrief`; a local model folder is keyed by its name and a hash of its path and
weights). Each holds CTranslate2's `model.bin`, `config.json` and vocabulary, `hf/` (the tokenizer,
`config.json` and `generation_config.json` of the source model) and `pressbrief-ct2.json`, written
last, which marks the conversion complete.

Generation mirrors the transformers backend: the same decoder start token, the generation config's
forced BOS (BART's `<s>`) as a target prefix, no forced EOS, budgets counted the same way (a batch
decodes to its largest budget, each output is cut to its own), `length_penalty` and
`no_repeat_ngram_size` from the caller. With float32 weights, greedy outputs equal the transformers
backend's token for token (tests/test_ctranslate2_backend.py; beam search matched too on the tests'
models, but float rounding may break ties differently).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from models.base import ModelError, ModelSpec, budgets, check_lengths, encode, input_limit, plan_batches

log = logging.getLogger(__name__)

#: Written last into a converted folder: its presence means the conversion finished.
MARKER = "pressbrief-ct2.json"
#: Subfolder of a converted folder holding the Hugging Face tokenizer and configs.
HF_SUBFOLDER = "hf"
#: Source files never copied beside the converted weights.
_WEIGHT_SUFFIXES = (".safetensors", ".bin", ".pt", ".pth", ".h5", ".msgpack", ".ckpt", ".onnx")

#: compute_type -> quantization of the stored weights (CTranslate2 converts at load time if needed).
_STORAGE: dict[str, str] = {
    "float32": "float32",
    "default": "float32",
    "auto": "float32",
    "int8": "int8",
    "int8_float32": "int8",
    "int8_float16": "int8_float16",
    "int8_bfloat16": "int8_bfloat16",
    "int16": "int16",
    "float16": "float16",
    "bfloat16": "bfloat16",
}


# -- conversion --------------------------------------------------------------------------------------
_registered = False
_register_lock = threading.Lock()


def _register_loaders() -> None:
    """Register the transformers-5-compatible BART loader with CTranslate2's converter (once).

    ctranslate2 4.8.5's `BartLoader` reads `config.normalize_before`, a key transformers 4 kept from
    old fairseq-era config.json files; transformers 5's `BartConfig` has no such attribute unless
    config.json happens to carry it, so conversion fails with `'BartConfig' object has no attribute
    'normalize_before'`. Transformers' BART *implementation* is post-norm with an embedding layer
    norm whatever the config says, so the loader reads the architecture from the loaded modules,
    not from legacy keys. `MarianMTLoader` (which sets both keys itself) and the other BART-family
    loaders are untouched.
    """
    global _registered
    with _register_lock:
        if _registered:
            return
        from ctranslate2.converters import transformers as ct2_hf
        from ctranslate2.specs import transformer_spec

        class Transformers5BartLoader(ct2_hf.BartLoader):
            """BartLoader that derives pre-norm and embedding layer norm from the model modules."""

            def get_model_spec(self, model: Any) -> Any:
                config = model.config
                encoder = model.model.encoder
                spec = transformer_spec.TransformerSpec.from_config(
                    (config.encoder_layers, config.decoder_layers),
                    config.encoder_attention_heads,
                    # transformers' BART layers normalize after each block (post-norm), whatever a
                    # legacy `normalize_before` key says: convert what transformers runs.
                    pre_norm=False,
                    activation=ct2_hf._SUPPORTED_ACTIVATIONS[config.activation_function],
                    layernorm_embedding=hasattr(encoder, "layernorm_embedding"),
                )
                self.set_encoder(spec.encoder, encoder)
                self.set_decoder(spec.decoder, model.model.decoder)
                self.set_linear(spec.decoder.projection, model.lm_head)
                bias = getattr(model, "final_logits_bias", None)
                if bias is not None and bias.nonzero().numel() != 0:
                    spec.decoder.projection.bias = bias.squeeze()
                return spec

            def set_common_layers(self, spec: Any, module: Any) -> None:
                # transformers 5 keeps the embedding scale on the embedding module
                # (BartScaledWordEmbedding.embed_scale), not on the encoder/decoder.
                if not hasattr(module, "embed_scale") and hasattr(module.embed_tokens, "embed_scale"):
                    spec.scale_embeddings = float(module.embed_tokens.embed_scale)
                    self.set_position_encodings(spec.position_encodings, module.embed_positions)
                    self.set_embeddings(
                        spec.embeddings[0] if isinstance(spec.embeddings, list) else spec.embeddings,
                        module.embed_tokens,
                    )
                    if hasattr(module, "layer_norm") and module.layer_norm is not None:
                        self.set_layer_norm(spec.layer_norm, module.layer_norm)
                    if hasattr(module, "layernorm_embedding"):
                        self.set_layer_norm(spec.layernorm_embedding, module.layernorm_embedding)
                    return
                super().set_common_layers(spec, module)

        ct2_hf.register_loader("BartConfig")(Transformers5BartLoader)
        _registered = True


def storage_quantization(compute_type: str) -> str:
    """The quantization to store converted weights in for `compute_type`."""
    try:
        return _STORAGE[compute_type]
    except KeyError:
        raise ModelError(
            f"unknown compute_type {compute_type!r}; use one of {', '.join(sorted(_STORAGE))}"
        ) from None


def convert(src_folder: Path, out_folder: Path, quantization: str = "int8") -> Path:
    """Convert the Hugging Face model in `src_folder` into a CTranslate2 folder `out_folder`.

    Writes into a temporary sibling and renames it, so a crash never leaves a half-converted folder
    that looks complete. The tokenizer and configs of the source go to `out_folder/hf/`.
    """
    src_folder, out_folder = Path(src_folder), Path(out_folder)
    if not (src_folder / "config.json").is_file():
        raise ModelError(f"{src_folder} is not a Hugging Face model folder (no config.json)")
    import ctranslate2
    import transformers
    from ctranslate2.converters import TransformersConverter

    _register_loaders()
    out_folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_folder.with_name(f".{out_folder.name}.tmp-{os.getpid()}-{threading.get_ident()}")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        TransformersConverter(str(src_folder)).convert(str(tmp), quantization=quantization, force=True)
        hf = tmp / HF_SUBFOLDER
        hf.mkdir()
        for item in src_folder.iterdir():
            if item.is_file() and not item.name.endswith(_WEIGHT_SUFFIXES) and not item.name.startswith("."):
                shutil.copy2(item, hf / item.name)
        marker = {
            "source": str(src_folder),
            "quantization": quantization,
            "ctranslate2": ctranslate2.__version__,
            "transformers": transformers.__version__,
        }
        (tmp / MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
        if out_folder.exists():
            shutil.rmtree(out_folder)
        os.replace(tmp, out_folder)
    except ModelError:
        raise
    except Exception as exc:
        raise ModelError(
            f"could not convert {src_folder} to CTranslate2 ({quantization}): {type(exc).__name__}: {exc}"
        ) from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out_folder


def cache_root() -> Path:
    """Root of pressbrief's caches: `$PRESSBRIEF_CACHE`, else `~/.cache/pressbrief` (read per call)."""
    env = os.environ.get("PRESSBRIEF_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "pressbrief"


def _local_key(folder: Path) -> str:
    digest = hashlib.sha256(str(folder.resolve()).encode())
    for item in sorted(folder.iterdir()):
        if item.is_file():
            stat = item.stat()
            digest.update(f"{item.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return f"{folder.name}@local-{digest.hexdigest()[:12]}"


def converted_folder(spec: ModelSpec, quantization: str | None = None) -> Path:
    """Where the converted model for `spec` lives (or will live) in the cache."""
    quant = quantization or storage_quantization(spec.compute_type)
    local = Path(spec.name).expanduser()
    key = _local_key(local) if local.is_dir() else f"{spec.name.replace('/', '--')}@{spec.revision or 'main'}"
    return cache_root() / "ct2" / f"{key}-{quant}"


def _resolve_hf_folder(spec: ModelSpec) -> Path:
    local = Path(spec.name).expanduser()
    if local.is_dir():
        return local
    try:
        from models import hub
    except ImportError as exc:  # pragma: no cover - hub.py ships with the package
        raise ModelError(f"{spec.label}: no local folder and no hub resolver ({exc})") from exc
    return Path(hub.resolve(spec))


def ensure_converted(spec: ModelSpec) -> Path:
    """Return the converted folder for `spec`, converting the (local) Hugging Face model if missing.

    Used by `models pull` (after the download) and by `CTranslate2Seq2Seq.load`. Conversion needs
    only the Hugging Face snapshot, so it is allowed with `local_files_only`.
    """
    out = converted_folder(spec)
    if (out / MARKER).is_file():
        return out
    src = _resolve_hf_folder(spec)
    log.info("converting %s to CTranslate2 (%s) into %s", spec.label, out.name, out)
    return convert(src, out, storage_quantization(spec.compute_type))


def _cores() -> int:
    """Cores this process may use: its CPU affinity, capped by OMP_NUM_THREADS when that is set
    (a Ray worker gets OMP_NUM_THREADS = its num_cpus; a cron job can set it to share the box)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    omp = os.environ.get("OMP_NUM_THREADS", "").strip()
    if omp.isdigit() and int(omp) > 0:
        cores = min(cores, int(omp))
    return cores


def thread_layout(spec: ModelSpec) -> tuple[int, int]:
    """(inter_threads, intra_threads) for `spec`: 0 means one batch per core, and every core divided
    among the parallel batches."""
    inter = spec.inter_threads if spec.inter_threads > 0 else _cores()
    intra = spec.threads if spec.threads > 0 else max(1, _cores() // inter)
    return inter, intra


# -- the model -----------------------------------------------------------------------------------------
CacheKey = tuple[str, int, int, int, float, int]


class CTranslate2Seq2Seq:
    """A converted encoder-decoder model run by CTranslate2 (see `models.base.Seq2SeqModel`).

    Like the transformers backend, construction loads the model (converting it first if the cache
    has no converted folder), so `models.load(spec)` in a stage's `warm_up` fails early. Threads
    follow `thread_layout(spec)`: `spec.inter_threads` batches decode in parallel, each on
    `spec.threads` intra-op threads. Identical inputs are
    decoded once per call, and a bounded cache remembers outputs across calls (boilerplate, bylines).
    """

    def __init__(
        self,
        spec: ModelSpec,
        *,
        cache_size: int = 4096,
        use_vmap: bool = False,
    ) -> None:
        import ctranslate2
        from transformers import AutoConfig, AutoTokenizer, GenerationConfig

        self.spec = spec
        self.inter_threads, self.intra_threads = thread_layout(spec)
        self.use_vmap = use_vmap
        self.cache_size = cache_size
        self.stats: dict[str, int] = {"inputs": 0, "decoded": 0, "cache_hits": 0, "batches": 0}
        self._cache: OrderedDict[CacheKey, str] = OrderedDict()
        folder = ensure_converted(spec)
        hf = folder / HF_SUBFOLDER
        try:
            self.translator = ctranslate2.Translator(
                str(folder),
                device="cpu",
                compute_type=spec.compute_type,
                intra_threads=self.intra_threads,
                inter_threads=self.inter_threads,
            )
            self.tokenizer: Any = AutoTokenizer.from_pretrained(str(hf))
            config = AutoConfig.from_pretrained(str(hf))
            generation = (
                GenerationConfig.from_pretrained(str(hf))
                if (hf / "generation_config.json").is_file()
                else GenerationConfig.from_model_config(config)
            )
        except (OSError, ValueError, RuntimeError, KeyError) as exc:
            raise ModelError(
                f"cannot load model {spec.label} from {folder}: {type(exc).__name__}: {exc} "
                f"(delete that folder to convert it again)"
            ) from exc
        #: Longest input in tokens, special tokens included.
        self.max_input_tokens = input_limit(self.tokenizer, config, spec.label)
        self.folder = folder
        # transformers' generate forces this token first (BART's <s>); CTranslate2 takes it as a
        # target prefix, which its length limits count just as max_new_tokens counts the forced token.
        forced_bos = generation.forced_bos_token_id
        self._prefix: list[str] = (
            [] if forced_bos is None else [str(self.tokenizer.convert_ids_to_tokens(forced_bos))]
        )
        log.info(
            "loaded %s from %s (%s, %d x %d threads, max %d input tokens)",
            spec.label,
            folder,
            spec.compute_type,
            self.inter_threads,
            self.intra_threads,
            self.max_input_tokens,
        )

    # -- the Seq2SeqModel protocol -------------------------------------------------------------------
    def _encode(self, texts: Sequence[str]) -> list[list[int]]:
        return encode(self.tokenizer, texts)

    def count_tokens(self, texts: list[str]) -> list[int]:
        """Number of input tokens (with special tokens) of each text."""
        return [len(ids) for ids in self._encode(texts)]

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
        """Generate one output per input, in input order (see `models.base.Seq2SeqModel`).

        Identical inputs are decoded once. The rest are sorted longest first and cut into batches of
        at most `max_batch_tokens` padded input tokens (or `batch_size` inputs when it is 0); a batch
        decodes up to its largest budget and each output is cut to its own budget, as in the
        transformers backend. `force_length=True` makes each output exactly its budget long.
        """
        limits = budgets(texts, max_new_tokens)
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, got {batch_size}")
        if not texts:
            return []
        outputs: list[str | None] = [None] * len(texts)
        todo: dict[CacheKey, list[int]] = {}
        for i, (text, budget) in enumerate(zip(texts, limits, strict=True)):
            minimum = budget if force_length else min(min_new_tokens, budget)
            key: CacheKey = (text, budget, num_beams, minimum, float(length_penalty), no_repeat_ngram_size)
            cached = self._cache.get(key) if self.cache_size > 0 else None
            if cached is not None:
                self._cache.move_to_end(key)
                outputs[i] = cached
                self.stats["cache_hits"] += 1
            else:
                todo.setdefault(key, []).append(i)
        self.stats["inputs"] += len(texts)
        keys = list(todo)
        if keys:
            ids = self._encode([key[0] for key in keys])
            check_lengths(ids, self.max_input_tokens, self.spec.label, [todo[k][0] for k in keys])
            sources = [self.tokenizer.convert_ids_to_tokens(row) for row in ids]
            decoded = self._decode(sources, keys, max_batch_tokens, batch_size)
            self.stats["decoded"] += len(keys)
            for key, text in zip(keys, decoded, strict=True):
                for i in todo[key]:
                    outputs[i] = text
                if self.cache_size > 0:
                    self._cache[key] = text
                    if len(self._cache) > self.cache_size:
                        self._cache.popitem(last=False)
        return [text if text is not None else "" for text in outputs]

    def _decode(
        self, sources: list[list[str]], keys: list[CacheKey], max_batch_tokens: int, batch_size: int
    ) -> list[str]:
        batches = plan_batches(
            [len(s) for s in sources], batch_size=batch_size, max_batch_tokens=max_batch_tokens
        )
        # Every batch is queued at once: with inter_threads > 1, CTranslate2 decodes several in
        # parallel; with 1, they run one after another, longest first.
        pending = []
        for batch in batches:
            budget = max(keys[i][1] for i in batch)
            minimum = max(keys[i][3] for i in batch)
            _, _, num_beams, _, length_penalty, no_repeat = keys[batch[0]]
            pending.append(
                self.translator.translate_batch(
                    [sources[i] for i in batch],
                    target_prefix=[list(self._prefix) for _ in batch] if self._prefix else None,
                    beam_size=max(1, num_beams),
                    length_penalty=length_penalty,
                    no_repeat_ngram_size=no_repeat,
                    max_input_length=0,
                    max_decoding_length=budget,
                    min_decoding_length=minimum,
                    use_vmap=self.use_vmap,
                    asynchronous=True,
                )
            )
            self.stats["batches"] += 1
        results: list[str] = [""] * len(sources)
        for batch, futures in zip(batches, pending, strict=True):
            for i, future in zip(batch, futures, strict=True):
                tokens = list(future.result().hypotheses[0])[: keys[i][1]]
                ids = self.tokenizer.convert_tokens_to_ids(tokens)
                text: str = self.tokenizer.decode(
                    ids, skip_special_tokens=True, clean_up_tokenization_spaces=False
                )
                results[i] = text.strip()
        return results
