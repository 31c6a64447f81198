"""scripts/score_challenge.py: challenge passages read and scored against the extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import NEEDS_SPACY, load_script


@pytest.fixture(scope="module")
def score_challenge():
    return load_script("score_challenge")


def test_items_read_with_null_speakers_and_comments(tmp_path: Path, score_challenge) -> None:
    path = tmp_path / "c.txt"
    path.write_text(
        "# a comment\n\n« Oui », a dit Paul Roux. || Paul Roux\n« Non. » || None\n", encoding="utf-8"
    )
    assert score_challenge.read_items(path) == [
        ("« Oui », a dit Paul Roux.", ["Paul Roux"]),
        ("« Non. »", [None]),
    ]


def test_a_line_without_speakers_is_an_error(tmp_path: Path, score_challenge) -> None:
    path = tmp_path / "c.txt"
    path.write_text("« Oui », a dit Paul Roux.\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"c\.txt:1"):
        score_challenge.read_items(path)


@NEEDS_SPACY
def test_scores_right_and_wrong_passages(tmp_path: Path, score_challenge, capsys) -> None:
    path = tmp_path / "c.txt"
    path.write_text(
        "« Nous ne céderons pas », a déclaré Jean Dupont. || Jean Dupont\n"
        "« Nous ne céderons pas », a déclaré Jean Dupont. || Marie Durand\n",
        encoding="utf-8",
    )
    assert score_challenge.main([str(path), "--failures"]) == 0
    out = capsys.readouterr().out
    assert "passages right 1/2 (0.500)" in out
    assert "speakers right 1/2 on the 2 passages" in out
    assert "expected ['Marie Durand']" in out
