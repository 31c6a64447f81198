"""The translate stage: segments, over-long sentences, cross-article batching, quotes, titles, cache."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from models.build import build_marian
from models.hub import PINNED_REVISIONS
from pipeline.article import Article, Quote, Segment
from pipeline.stages.translate import Translate, english_quotes, paragraph_segments
from pipeline.text import split_to_fit

BODY = (
    "Le gouvernement a présenté mercredi un projet de loi. Il sera examiné à la fin du mois.\n\n"
    "« Nous avons écouté les syndicats », a déclaré la Première ministre.\n\n"
    "Par notre correspondant à Marseille."
)
LONG_SENTENCE = (
    "Le Sénat a adopté mardi soir, par 210 voix contre 115, le texte sur l'immigration, que les députés "
    "de l'opposition dénoncent comme un recul historique, tandis que le ministre de l'Intérieur salue un "
    "texte d'équilibre et que les associations annoncent un recours devant le Conseil constitutionnel "
    "dès la semaine prochaine, après des mois de débats très vifs à l'Assemblée nationale."
)


def segmented(article_id: str, text: str, title: str = "") -> Article:
    """An article as the segment stage leaves it: sentences with exact offsets, by paragraph."""
    segments = []
    for number, paragraph in enumerate(text.split("\n\n")):
        base = text.index(paragraph)
        position = 0
        for sentence in paragraph.replace(". ", ".\x00").split("\x00"):
            start = base + paragraph.index(sentence, position)
            segments.append(Segment(start=start, end=start + len(sentence), text=sentence, paragraph=number))
            position = start - base + len(sentence)
    return Article(id=article_id, text=text, title=title, segments=segments)


def stage(folder: Path, **options: object) -> Translate:
    settings: dict[str, object] = {"num_beams": 1, "max_new_tokens": 8, **options}
    return Translate(Translate.Config(model=str(folder), **settings))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def short_marian_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny Marian whose inputs hold only 32 tokens, so that ordinary sentences are over-long."""
    return build_marian(tmp_path_factory.mktemp("models") / "short-marian", max_position_embeddings=32)


def rebuilt(article: Article) -> str:
    """The English body expected from the segments: sentences by paragraph, blank lines between."""
    paragraphs: dict[int, list[str]] = {}
    for segment in article.segments:
        if segment.text_en:
            paragraphs.setdefault(segment.paragraph, []).append(segment.text_en)
    return "\n\n".join(" ".join(paragraphs[p]) for p in sorted(paragraphs))


def check_segments(article: Article) -> None:
    """Offsets exact, in order, and covering every non-whitespace character of the body."""
    covered: set[int] = set()
    previous_end = 0
    for segment in article.segments:
        assert article.text[segment.start : segment.end] == segment.text
        assert segment.start >= previous_end
        previous_end = segment.end
        covered.update(range(segment.start, segment.end))
    assert all(ch.isspace() for i, ch in enumerate(article.text) if i not in covered)


def test_every_field_gets_its_translation(tiny_marian_dir: Path) -> None:
    article = segmented("a", BODY, title="Réforme des retraites")
    start = BODY.index("Nous")
    article.quotes = [Quote(text="Nous avons écouté les syndicats", start=start, end=start + 31)]
    translate = stage(tiny_marian_dir)
    translate.process([article])
    assert len(article.segments) == 4
    # Random weights may end an output at once: assert every field is set, not what it says.
    assert all(isinstance(s.text_en, str) for s in article.segments)
    assert isinstance(article.title_en, str)
    assert isinstance(article.quotes[0].text_en, str)
    assert article.text_en == rebuilt(article)
    assert translate.models() == {
        "translate": {"id": str(tiny_marian_dir), "revision": None, "backend": "transformers"}
    }


def test_over_long_sentence_is_split_with_exact_offsets(short_marian_dir: Path) -> None:
    text = "Bonjour à tous.\n\n" + LONG_SENTENCE + "\n\nMerci."
    article = segmented("long", text)
    translate = stage(short_marian_dir)
    translate.process([article])
    assert translate.stats["segments_split"] == 1
    assert len(article.segments) > 3
    check_segments(article)
    assert all(n <= 32 for n in translate.model.count_tokens([s.text for s in article.segments]))
    assert all(isinstance(s.text_en, str) for s in article.segments)
    assert {s.paragraph for s in article.segments} == {0, 1, 2}
    assert article.text_en == rebuilt(article)
    before = [(s.start, s.end) for s in article.segments]
    translate.process([article])  # a second run (the runner's retry) gives the same result
    assert [(s.start, s.end) for s in article.segments] == before


def test_empty_segments_fall_back_to_paragraphs(tiny_marian_dir: Path) -> None:
    article = Article(id="p", text="  Premier paragraphe.\n\n\nDeuxième paragraphe.  \n")
    stage(tiny_marian_dir).process([article])
    assert [s.text for s in article.segments] == ["Premier paragraphe.", "Deuxième paragraphe."]
    check_segments(article)
    assert [s.paragraph for s in article.segments] == [0, 1]
    assert article.text_en == rebuilt(article)


def test_cross_article_batch_keeps_each_articles_translation(tiny_marian_dir: Path) -> None:
    # float32: torch's dynamic int8 quantization scales activations per batch, so its outputs
    # depend (slightly) on what else is in the batch.
    texts = [BODY, "Les pompiers ont maîtrisé un incendie. Aucune victime.", "Le match est fini."]
    alone = []
    for number, text in enumerate(texts):
        article = segmented(str(number), text, title=f"Titre {number}")
        stage(tiny_marian_dir, cache_size=0, compute_type="float32").process([article])
        alone.append((article.title_en, article.text_en))
    assert len(set(alone)) == 3
    batch = [segmented(str(n), text, title=f"Titre {n}") for n, text in enumerate(texts)]
    translate = stage(tiny_marian_dir, batch_size=2, max_batch_tokens=50, compute_type="float32")
    translate.process(batch)
    assert [(a.title_en, a.text_en) for a in batch] == alone
    assert [a.id for a in batch] == ["0", "1", "2"]


def test_repeated_segments_are_translated_once(tiny_marian_dir: Path) -> None:
    byline = "Par notre correspondant à Marseille."
    first = segmented("1", "Un premier texte.\n\n" + byline)
    second = segmented("2", "Un second texte.\n\n" + byline)
    translate = stage(tiny_marian_dir)
    translate.process([first, second])
    assert translate.stats["translated"] == 3
    assert first.segments[-1].text_en == second.segments[-1].text_en
    again = segmented("3", byline)
    translate.process([again])
    assert translate.stats["translated"] == 3
    assert translate.stats["cache_hits"] == 1
    assert again.segments[0].text_en == first.segments[-1].text_en


def test_english_quotes() -> None:
    assert english_quotes("He said «\u00a0no\u00a0».") == "He said “no”."
    assert english_quotes("«\u202fOui\u202f», dit-il") == "“Oui”, dit-il"
    assert english_quotes("a „quote“ here") == "a “quote” here"
    assert english_quotes("« He said ‹ never › »") == "“He said ‘never’”"
    assert english_quotes("« Opened in one sentence.") == "“Opened in one sentence."
    assert english_quotes("No quotes.") == "No quotes."


def test_split_to_fit_prefers_punctuation_and_covers_everything() -> None:
    text = "  Un deux trois quatre cinq, six sept huit neuf dix onze douze treize quatorze.  "
    spans = split_to_fit(text, lambda piece: len(piece) <= 40)
    pieces = [text[a:b] for a, b in spans]
    assert pieces[0] == "Un deux trois quatre cinq,"  # not "... six sept huit", the longest fit
    assert all(len(p) <= 40 and p == p.strip() for p in pieces)
    assert " ".join(pieces) == text.strip()
    short_clause = "Oui, un deux trois quatre cinq six sept huit neuf dix onze douze."
    first = split_to_fit(short_clause, lambda piece: len(piece) <= 40)[0]
    assert short_clause[first[0] : first[1]] == "Oui, un deux trois quatre cinq six sept"  # clause too short
    word = "x" * 25
    assert [word[a:b] for a, b in split_to_fit(word, lambda piece: len(piece) <= 10)] == ["x" * 10] * 2 + [
        "x" * 5
    ]


def test_paragraph_segments_offsets() -> None:
    text = "Ligne un.\nLigne deux.\n"
    assert [(s.start, s.end, s.paragraph) for s in paragraph_segments(text)] == [(0, 9, 0), (10, 21, 1)]


def test_budget_scales_with_input_and_is_capped() -> None:
    translate = Translate(
        Translate.Config(max_new_tokens=100, max_new_tokens_ratio=1.5, max_new_tokens_margin=4)
    )
    assert translate.budget(10) == 19
    assert translate.budget(20) == 34
    assert translate.budget(500) == 100


def test_default_model_is_pinned_and_config_errors() -> None:
    translate = Translate()
    assert translate.models()["translate"]["revision"] == PINNED_REVISIONS["Helsinki-NLP/opus-mt-fr-en"]
    assert translate.batch_articles == 32
    with pytest.raises(ValidationError, match="num_beams"):
        Translate.Config(num_beams=0)
    with pytest.raises(ValidationError, match="num_beam"):
        Translate.Config(num_beam=4)  # type: ignore[call-arg]
