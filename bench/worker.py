"""One measurement, run in its own process so that its load time and peak RSS are its own.

`python -m bench.worker '<json task>'` prints one JSON line (the result) last. Tasks:

- `prepare`: build the published-shape models (if missing) and convert them for CTranslate2.
- `naive`: translation one sentence at a time with the transformers backend (configuration a).
- `pipeline`: the translate and summarize stages of pressbrief over whole articles, with either
  backend (configurations b and c), reporting each stage's target tokens/s and articles/hour.
- `profile`: CTranslate2 settings (compute type, threads, token budget, beams, vocabulary map).
"""

from __future__ import annotations

import json
import math
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

from pipeline.article import Article, Segment

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "newstest2014-fr-en"
ARTICLES_FILE = DATA / "fr-original-docs.dev.jsonl"
#: Forced output lengths: translation = ceil(1.1 x input tokens), brief = 80 tokens.
TRANSLATE_RATIO = 1.1
BRIEF_TOKENS = 80


def peak_rss_mb() -> float:
    """Peak resident set size of this process, in MiB (Linux reports KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def load_articles(count: int) -> list[dict[str, Any]]:
    """The first `count` articles of the newstest2014 French-original documents."""
    rows = []
    with ARTICLES_FILE.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                rows.append(json.loads(line))
            if len(rows) >= count:
                break
    return rows


def to_article(row: dict[str, Any]) -> Article:
    """An Article whose segments are the dataset's reference sentence split (offsets into text)."""
    text = row["text"]
    segments = []
    position = 0
    for sentence in row["sentences_fr"]:
        start = text.find(sentence, position)
        if start < 0:
            start = position
        end = start + len(sentence)
        segments.append(Segment(start=start, end=end, text=sentence))
        position = end
    return Article(
        id=row["id"], title=row.get("title", ""), text=text, segments=segments, source_file=str(ARTICLES_FILE)
    )


class Forced:
    """Wraps a loaded model so every output is exactly its budget long, and counts those tokens."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.spec = model.spec
        self.max_input_tokens = model.max_input_tokens
        self.target_tokens = 0
        self.inputs = 0

    def count_tokens(self, texts: list[str]) -> list[int]:
        result: list[int] = self.model.count_tokens(texts)
        return result

    def generate(self, texts: list[str], **options: Any) -> list[str]:
        budgets = options["max_new_tokens"]
        budgets = [budgets] * len(texts) if isinstance(budgets, int) else budgets
        self.target_tokens += sum(budgets)
        self.inputs += len(texts)
        result: list[str] = self.model.generate(texts, **{**options, "force_length": True})
        return result


def _models_dir(task: dict[str, Any]) -> Path:
    return Path(task["cache"]) / "models"


def prepare(task: dict[str, Any]) -> dict[str, Any]:
    """Build the published-shape models (once) and convert them to CTranslate2 (once per quantization)."""
    from models.base import ModelSpec
    from models.build import DISTILBART_CNN_12_6_SHAPE, MARIAN_OPUS_MT_SHAPE, build_bart, build_marian
    from models.ctranslate2_backend import MARKER, converted_folder, ensure_converted

    corpus = [
        line
        for name in ("newstest2014.fr", "newstest2014.en")
        for line in (DATA / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    timings: dict[str, Any] = {}
    for role, build, shape in (
        ("translate", build_marian, MARIAN_OPUS_MT_SHAPE),
        ("brief", build_bart, DISTILBART_CNN_12_6_SHAPE),
    ):
        folder = _models_dir(task) / role
        if not (folder / "model.safetensors").is_file():
            started = time.perf_counter()
            build(folder, **shape, corpus=corpus)
            timings[f"{role}_build_s"] = round(time.perf_counter() - started, 1)
        for quant in task.get("quantizations", ["int8"]):
            spec = ModelSpec(str(folder), backend="ctranslate2", compute_type=quant)
            if not (converted_folder(spec) / MARKER).is_file():
                started = time.perf_counter()
                ensure_converted(spec)
                timings[f"{role}_convert_{quant}_s"] = round(time.perf_counter() - started, 1)
    return timings


def naive(task: dict[str, Any]) -> dict[str, Any]:
    """(a) transformers fp32, one sentence per generate call."""
    import models
    from models.base import ModelSpec

    folder = _models_dir(task) / "translate"
    started = time.perf_counter()
    model = models.load(ModelSpec(str(folder), compute_type="float32", threads=task.get("threads", 0)))
    load_s = time.perf_counter() - started
    sentences = [s for row in load_articles(task["articles"]) for s in row["sentences_fr"]][
        : task["sentences"]
    ]
    counts = model.count_tokens(sentences)
    budgets = [math.ceil(TRANSLATE_RATIO * n) for n in counts]
    started = time.perf_counter()
    for sentence, budget in zip(sentences, budgets, strict=True):
        model.generate(
            [sentence], num_beams=task["num_beams"], max_new_tokens=[budget], batch_size=1, force_length=True
        )
    seconds = time.perf_counter() - started
    return {
        "sentences": len(sentences),
        "target_tokens": sum(budgets),
        "seconds": round(seconds, 2),
        "target_tokens_per_s": round(sum(budgets) / seconds, 1),
        "load_s": round(load_s, 2),
        "peak_rss_mb": peak_rss_mb(),
    }


def pipeline(task: dict[str, Any]) -> dict[str, Any]:
    """(b) or (c): the translate and summarize stages over whole articles, with forced lengths.

    The summarizer reads the dataset's reference English (a random-weight translator writes
    gibberish whose length in BART tokens is not that of English), set where the translate stage
    puts its output; both are timed by the stages themselves (`Stage.seconds`).
    """
    from pipeline.stages.summarize import Summarize
    from pipeline.stages.translate import Translate

    t, s = task["translate"], task["summarize"]
    translate = Translate(
        Translate.Config(
            model=str(_models_dir(task) / "translate"),
            max_new_tokens_ratio=TRANSLATE_RATIO,
            max_new_tokens_margin=0,
            **t,
        )
    )
    summarize = Summarize(
        Summarize.Config(
            model=str(_models_dir(task) / "brief"),
            min_new_tokens=BRIEF_TOKENS,
            max_new_tokens=BRIEF_TOKENS,
            **s,
        )
    )
    loads: dict[str, float] = {}
    for stage in (translate, summarize):
        started = time.perf_counter()
        stage.warm_up()
        loads[stage.name] = round(time.perf_counter() - started, 2)
        # The stages pass no force_length; the wrapper adds it (and counts target tokens).
        setattr(stage, "_model", Forced(getattr(stage, "_model")))  # noqa: B009, B010
    rss_loaded = peak_rss_mb()
    rows = load_articles(task["articles"])
    articles = [to_article(row) for row in rows]
    translated = list(translate.run(articles))
    for article, row in zip(translated, rows, strict=True):
        for segment, english in zip(article.segments, row["sentences_en_ref"], strict=False):
            segment.text_en = english
        article.text_en = " ".join(row["sentences_en_ref"])
    briefs = list(summarize.run(translated))
    failed = [a.where for a in briefs if a.status != "ok"]
    if failed:
        raise RuntimeError(f"articles failed: {failed[:3]} {[a.errors for a in briefs if a.errors][:1]}")
    result: dict[str, Any] = {
        "articles": len(articles),
        "load_s": loads,
        "peak_rss_after_load_mb": rss_loaded,
    }
    for stage in (translate, summarize):
        forced: Forced = getattr(stage, "_model")  # noqa: B009
        result[stage.name] = {
            "seconds": round(stage.seconds, 2),
            "model_inputs": forced.inputs,
            "target_tokens": forced.target_tokens,
            "target_tokens_per_s": round(forced.target_tokens / stage.seconds, 1),
            "articles_per_hour": round(len(articles) * 3600 / stage.seconds, 1),
            "stats": {k: v for k, v in stage.stats.items()},
        }
        backend_stats = getattr(forced.model, "stats", None)
        if backend_stats:
            result[stage.name]["backend_stats"] = dict(backend_stats)
    total = translate.seconds + summarize.seconds
    result["pipeline"] = {
        "seconds": round(total, 2),
        "articles_per_hour": round(len(articles) * 3600 / total, 1),
    }
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def _ct2_spec(folder: Path, setting: dict[str, Any]) -> Any:
    """The CTranslate2 ModelSpec of one profile setting."""
    from models.base import ModelSpec

    return ModelSpec(
        str(folder),
        backend="ctranslate2",
        compute_type=setting["compute_type"],
        threads=setting["threads"],
        inter_threads=setting.get("inter_threads", 1),
    )


def profile(task: dict[str, Any]) -> dict[str, Any]:
    """Target tokens/s of CTranslate2 under each setting, on the same sentences and articles."""
    from models.ctranslate2_backend import CTranslate2Seq2Seq

    rows = load_articles(task["articles"])
    sentences = [s for row in rows for s in row["sentences_fr"]]
    results: list[dict[str, Any]] = []
    folder = _models_dir(task) / "translate"
    for setting in task["translate_settings"]:
        spec = _ct2_spec(folder, setting)
        # CTranslate2 reads vmap.txt when it loads the model: write it first, remove it after.
        vmap = write_vmap(spec, setting["vmap_top"]) if setting.get("use_vmap") else None
        model = CTranslate2Seq2Seq(spec, cache_size=0, use_vmap=vmap is not None)
        budgets = [math.ceil(TRANSLATE_RATIO * n) for n in model.count_tokens(sentences)]
        started = time.perf_counter()
        model.generate(
            sentences,
            num_beams=setting["num_beams"],
            max_new_tokens=budgets,
            max_batch_tokens=setting["max_batch_tokens"],
            batch_size=setting.get("batch_size", 10_000),
            force_length=True,
        )
        seconds = time.perf_counter() - started
        results.append(
            {"model": "translate", **setting, "target_tokens_per_s": round(sum(budgets) / seconds, 1)}
        )
        print(json.dumps(results[-1]), file=sys.stderr, flush=True)
        del model
        if vmap is not None:
            vmap.unlink()
    folder = _models_dir(task) / "brief"
    texts = [" ".join(row["sentences_en_ref"]) for row in rows]
    for setting in task["brief_settings"]:
        spec = _ct2_spec(folder, setting)
        model = CTranslate2Seq2Seq(spec, cache_size=0)
        limit = model.max_input_tokens
        inputs = [t for t, n in zip(texts, model.count_tokens(texts), strict=True) if n <= limit]
        started = time.perf_counter()
        model.generate(
            inputs,
            num_beams=setting["num_beams"],
            max_new_tokens=[BRIEF_TOKENS] * len(inputs),
            max_batch_tokens=setting["max_batch_tokens"],
            batch_size=setting.get("batch_size", 10_000),
            no_repeat_ngram_size=3,
            length_penalty=2.0,
            force_length=True,
        )
        seconds = time.perf_counter() - started
        results.append(
            {
                "model": "brief",
                **setting,
                "target_tokens_per_s": round(BRIEF_TOKENS * len(inputs) / seconds, 1),
            }
        )
        print(json.dumps(results[-1]), file=sys.stderr, flush=True)
        del model
    return {"settings": results, "sentences": len(sentences)}


def write_vmap(spec: Any, top: int) -> Path:
    """A vocabulary shortlist for the translator: the `top` most frequent English target tokens of
    newstest2014 for every input (then filler ids, up to `top`), plus each source token itself
    (names and numbers are copied). Only the profile measures it; pressbrief does not use one."""
    from collections import Counter

    from transformers import AutoTokenizer

    from models.ctranslate2_backend import HF_SUBFOLDER, ensure_converted

    folder = ensure_converted(spec)
    tokenizer = AutoTokenizer.from_pretrained(str(folder / HF_SUBFOLDER))
    lines = (DATA / "newstest2014.en").read_text(encoding="utf-8").splitlines()
    counts: Counter[str] = Counter()
    for ids in tokenizer(text_target=lines)["input_ids"]:
        counts.update(tokenizer.convert_ids_to_tokens(ids))
    vocabulary = json.loads((folder / "shared_vocabulary.json").read_text(encoding="utf-8"))
    default = [token for token, _ in counts.most_common(top)]
    default += [token for token in vocabulary if token not in counts][: max(0, top - len(default))]
    rows = ["\t" + " ".join(default)] + [f"{token}\t{token}" for token in vocabulary if token.strip()]
    path = folder / "vmap.txt"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


TASKS = {"prepare": prepare, "naive": naive, "pipeline": pipeline, "profile": profile}


def main(argv: list[str]) -> int:
    task = json.loads(argv[0])
    os.environ["PRESSBRIEF_CACHE"] = str(Path(task["cache"]) / "pressbrief")
    result = TASKS[task["task"]](task)
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
