"""The summarize stage: chunking long articles at sentence boundaries, re-summarizing, batching."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.base import ModelError
from models.build import CORPUS_EN
from pipeline.article import Article, Segment
from pipeline.stages.summarize import Summarize

ENGLISH = [line for line in CORPUS_EN.splitlines() if line.strip()]


def translated(article_id: str, sentences: list[str]) -> Article:
    """An article as the translate stage leaves it: segments with text_en, text_en rebuilt."""
    segments = [
        Segment(start=i, end=i + 1, text="x", paragraph=i // 3, text_en=sentence)
        for i, sentence in enumerate(sentences)
    ]
    text_en = "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3))
    return Article(id=article_id, text="x" * len(sentences), segments=segments, text_en=text_en)


def stage(folder: Path, **options: object) -> Summarize:
    settings: dict[str, object] = {"num_beams": 1, "min_new_tokens": 2, "max_new_tokens": 16, **options}
    return Summarize(Summarize.Config(model=str(folder), **settings))  # type: ignore[arg-type]


def test_long_article_is_chunked_then_summarized_again(tiny_bart_dir: Path) -> None:
    long = translated("long", ENGLISH)  # ~900 tokens for a 128-token model
    short = translated("short", ENGLISH[1:2])
    summarize = stage(tiny_bart_dir)
    calls: list[int] = []
    generate = summarize.model.generate

    def spy(texts: list[str], **options: object) -> list[str]:
        calls.append(len(texts))
        return generate(texts, **options)  # type: ignore[arg-type]

    summarize.model.generate = spy  # type: ignore[method-assign]
    try:
        summarize.process([long, short])
    finally:
        del summarize.model.generate  # back to the class's method on the shared instance
    assert long.metadata["summary_chunks"] > 1
    assert long.metadata["summary_levels"] >= 2
    assert short.metadata["summary_chunks"] == 1
    assert short.metadata["summary_levels"] == 1
    assert isinstance(long.summary_en, str) and isinstance(short.summary_en, str)
    # One model call per level, the first with every chunk of both articles.
    assert len(calls) == long.metadata["summary_levels"]
    assert calls[0] == long.metadata["summary_chunks"] + 1


def test_chunks_fit_and_keep_every_sentence_in_order(tiny_bart_dir: Path) -> None:
    summarize = stage(tiny_bart_dir)
    chunks = summarize._pack(ENGLISH)
    assert len(chunks) > 1
    assert all(n <= 128 for n in summarize.model.count_tokens(chunks))
    assert " ".join(chunks) == " ".join(ENGLISH)  # cut only between sentences here


def test_sentence_longer_than_the_model_input_is_split_not_cut(tiny_bart_dir: Path) -> None:
    summarize = stage(tiny_bart_dir)
    sentence = " ".join(ENGLISH[:3]).replace(". ", ", ")
    assert summarize.model.count_tokens([sentence])[0] > 128
    chunks = summarize._pack([sentence])
    assert len(chunks) > 1 and all(n <= 128 for n in summarize.model.count_tokens(chunks))
    assert " ".join(chunks) == sentence
    article = translated("one", [sentence])
    summarize.process([article])
    assert article.metadata["summary_chunks"] == len(chunks)


def test_text_en_without_segments_is_cut_at_sentence_ends(tiny_bart_dir: Path) -> None:
    article = Article(id="plain", text="x", text_en=" ".join(ENGLISH))
    stage(tiny_bart_dir).process([article])
    assert article.metadata["summary_chunks"] > 1
    assert isinstance(article.summary_en, str)


def test_empty_translation_gives_an_empty_summary(tiny_bart_dir: Path) -> None:
    article = Article(id="empty", text="", text_en="")
    stage(tiny_bart_dir).process([article])
    assert article.summary_en == ""
    assert article.metadata["summary_chunks"] == 0


def test_missing_translation_is_an_error_naming_the_article(tiny_bart_dir: Path) -> None:
    article = Article(id="raw", text="Bonjour.", source_file="in.jsonl", line=3)
    with pytest.raises(ValueError, match=r"in.jsonl:3 \(id 'raw'\).*translate stage must come before"):
        stage(tiny_bart_dir).process([article])


def test_max_new_tokens_must_leave_room_to_resummarize(tiny_bart_dir: Path) -> None:
    with pytest.raises(ModelError, match="max_new_tokens 64 is too large"):
        stage(tiny_bart_dir, max_new_tokens=64).warm_up()


def test_defaults_follow_distilbart_cnn() -> None:
    config = Summarize.Config()
    assert (config.num_beams, config.min_new_tokens, config.max_new_tokens) == (4, 56, 142)
    assert (config.length_penalty, config.no_repeat_ngram_size) == (2.0, 3)
    revision = Summarize().models()["summarize"]["revision"]
    assert revision is not None and len(revision) == 40
