"""Finding quotation spans: every kind of mark, messy spacing, mixed and broken pairs (no model needed)."""

from __future__ import annotations

import pytest

from pipeline.quotes.marks import find_quote_spans


def texts(text: str) -> list[str]:
    spans = find_quote_spans(text)
    for s in spans:
        assert text[s.start : s.end] == text[s.start : s.end].strip()
    return [text[s.start : s.end] for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il a dit « Nous ne céderons pas » hier.", ["Nous ne céderons pas"]),
        ("Il a dit «\u00a0Nous ne céderons pas\u202f» hier.", ["Nous ne céderons pas"]),
        ("Il a dit “Nous ne céderons pas” hier.", ["Nous ne céderons pas"]),
        ("Il a dit „Nous ne céderons pas“ hier.", ["Nous ne céderons pas"]),
        ("Il a dit ‹ Nous ne céderons pas › hier.", ["Nous ne céderons pas"]),
        ('Il a dit "Nous ne céderons pas" hier.', ["Nous ne céderons pas"]),
        ('Il a dit " Nous ne céderons pas " hier.', ["Nous ne céderons pas"]),
        ('Il a dit "Nous ne céderons pas " hier.', ["Nous ne céderons pas"]),
    ],
)
def test_each_kind_of_mark(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_mixed_pair_is_one_quote() -> None:
    # Shape of the last paragraph of examples/vance-azerbaidjan.txt (mixed “ ... »).
    text = "Il a rappelé que son pays “assure aujourd’hui la sécurité énergétique de 16 pays ». Avant, rien."
    assert texts(text) == ["assure aujourd’hui la sécurité énergétique de 16 pays"]


def test_quote_glued_to_next_sentence_ends_at_its_mark() -> None:
    text = 'Il a confié : "J\'ai eu un pincement au cœur".François Hollande est venu me saluer".'
    assert texts(text) == ["J'ai eu un pincement au cœur"]


def test_glued_heading_opens_a_new_quote() -> None:
    text = (
        'Elle a cité "les réunions de toute nature".Pas de reconfinement"Ces dispositions restent", dit-elle.'
    )
    assert texts(text) == ["les réunions de toute nature", "Ces dispositions restent"]


def test_stray_space_after_period_opens() -> None:
    text = 'Il parlait du pays." L\'Inde est une valeur suprême pour nous", a-t-il lancé.'
    assert texts(text) == ["L'Inde est une valeur suprême pour nous"]


def test_interrupted_quotation_gives_two_spans() -> None:
    text = "« Ces pays sont souverains », a-t-il ajouté, « et ils le resteront »."
    assert texts(text) == ["Ces pays sont souverains", "et ils le resteront"]


def test_multi_sentence_quotation_is_one_span() -> None:
    text = "« Nous partons. Nous ne reviendrons pas. C'est fini », a dit le maire."
    assert texts(text) == ["Nous partons. Nous ne reviendrons pas. C'est fini"]


def test_nested_marks_stay_inside_the_outer_quote() -> None:
    text = '« A la FI, des "Raquel", il y en a plein », a-t-elle déclaré.'
    assert texts(text) == ['A la FI, des "Raquel", il y en a plein']


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "Il a dit : « Nous partons demain.\n« Et nous ne reviendrons pas », a-t-il ajouté."
    assert texts(text) == ["Nous partons demain.", "Et nous ne reviendrons pas"]


def test_a_reopening_whose_paragraph_break_was_lost_ends_the_open_quote() -> None:
    # newstest2014 joins paragraphs with a space (276-bbc); a nested « after a word stays nested
    text = (
        "Il a dit : « Le projet est utile. « Nous sommes ravis. « Je suis impatient. » Fin. "
        "« Il a crié « au loup » hier », dit-il."
    )
    assert texts(text) == [
        "Le projet est utile.",
        "Nous sommes ravis.",
        "Je suis impatient.",
        "Il a crié « au loup » hier",
    ]


def test_doubled_mark_and_orphan_closer_are_ignored() -> None:
    assert texts('estimant que ""tout cela est une mauvaise idée".') == ["tout cela est une mauvaise idée"]
    assert texts("Rien » ici, puis « ceci ».") == ["ceci"]


def test_apostrophes_are_not_marks() -> None:
    assert texts("L’Arménie et l'Azerbaïdjan n’ont rien dit.") == []


def test_offsets_are_exact() -> None:
    text = 'Titre. «\u00a0Un\u00a0», puis “deux” et "trois".'
    for s in find_quote_spans(text):
        assert text[s.open_at] in '«“"' and text[s.close_at] in '»”"'
        assert s.open_at < s.start <= s.end <= s.close_at
