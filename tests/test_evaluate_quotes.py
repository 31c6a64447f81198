"""Scoring quotes against a gold file: the matching rule, speakers, missing articles, the report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.evaluate import (
    EvaluationError,
    QuoteItem,
    evaluate_quotes,
    format_quote_scores,
    match_quotes,
    normalise_speaker,
)


def q(
    text: str, start: int, end: int, speaker: str | None = None, kind: str = "direct", in_title: bool = False
) -> dict[str, Any]:
    return {"text": text, "start": start, "end": end, "speaker": speaker, "kind": kind, "in_title": in_title}


def write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def item(start: int, end: int, in_title: bool = False) -> QuoteItem:
    return QuoteItem("a", "x" * (end - start), start, end, in_title, None, "direct")


def test_overlap_must_reach_half_of_the_longer_span() -> None:
    assert match_quotes([item(0, 10)], [item(5, 10)]) == [(0, 0)]  # 5 >= 0.5 * 10
    assert match_quotes([item(0, 10)], [item(6, 10)]) == []  # 4 < 5
    assert match_quotes([item(0, 10)], [item(0, 30)]) == []  # 10 < 15
    assert match_quotes([item(0, 10)], [item(0, 10, in_title=True)]) == []


def test_matching_is_one_to_one_by_largest_overlap() -> None:
    gold = [item(0, 10), item(3, 13)]
    pred = [item(2, 12), item(0, 10)]
    assert match_quotes(gold, pred) == [(0, 1), (1, 0)]
    assert match_quotes([item(0, 10)], [item(0, 10), item(1, 10)]) == [(0, 0)]


def test_speaker_normalisation_is_strict_on_name_parts() -> None:
    assert normalise_speaker("J. D.  Vance") == normalise_speaker("J.D. Vance")
    assert normalise_speaker("Élysée") == normalise_speaker("elysee")
    assert normalise_speaker("Jean\u2011Pierre Raffarin") == normalise_speaker("Jean-Pierre Raffarin")
    assert normalise_speaker("Peskov") != normalise_speaker("Dmitri Peskov")
    assert normalise_speaker(None) is None


def test_evaluate_counts_and_lists(tmp_path: Path) -> None:
    gold = write(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "a",
                "source": "x",
                "quotes": [
                    q("Nous partons", 10, 22, "Dmitri Peskov"),
                    q("pas", 40, 43, None, "partial"),
                    q("Titre", 0, 5, "Jean Dupont", in_title=True),
                ],
            },
            {"id": "b", "source": "y", "quotes": [q("Absent", 0, 6, "X")]},
            {"id": "c", "source": "z", "quotes": []},
        ],
    )
    pred = write(
        tmp_path / "articles.jsonl",
        [
            {
                "id": "a",
                "quotes": [
                    q("Nous partons", 10, 22, "Peskov"),
                    q("pas", 40, 43, None, "direct"),
                    q("Titre", 0, 5, "jean  dupont", in_title=True),
                ],
            },
            {"id": "c", "quotes": [q("de trop", 3, 10, None)]},
            {"id": "not-in-gold", "quotes": [q("ignoré", 0, 6)]},
        ],
    )
    scores = evaluate_quotes(gold, pred)
    assert (scores.gold, scores.predicted, scores.matched) == (4, 4, 3)
    assert scores.precision == pytest.approx(3 / 4)
    assert scores.recall == pytest.approx(3 / 4)
    assert scores.f1 == pytest.approx(3 / 4)
    assert scores.speaker_correct == 2  # null == null and case/space-insensitive; "Peskov" is wrong
    assert scores.speaker_accuracy == pytest.approx(2 / 3)
    assert scores.kind_accuracy == pytest.approx(2 / 3)
    assert scores.missing_articles == ["b"]
    assert [(m.article, m.text) for m in scores.misses] == [("b", "Absent")]
    assert [(f.article, f.text) for f in scores.false_alarms] == [("c", "de trop")]
    assert [(e.gold_speaker, e.pred_speaker) for e in scores.speaker_errors] == [("Dmitri Peskov", "Peskov")]
    report = format_quote_scores(scores)
    assert "precision 0.750" in report
    assert "missing from the prediction (1): b" in report
    assert "gold='Dmitri Peskov' pred='Peskov'" in report


def test_speaker_accuracy_by_the_predictions_basis(tmp_path: Path) -> None:
    gold = write(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "a",
                "source": "x",
                "quotes": [q("Un", 0, 2, "X"), q("Deux", 5, 9, "X"), q("Trois", 20, 25, "Y")],
            }
        ],
    )
    pred_quotes = [
        q("Un", 0, 2, "X") | {"speaker_basis": "cue"},
        q("Deux", 5, 9, "Z") | {"speaker_basis": "context"},
        q("Trois", 20, 25, None),
    ]
    scores = evaluate_quotes(gold, write(tmp_path / "articles.jsonl", [{"id": "a", "quotes": pred_quotes}]))
    assert scores.speaker_by_basis == {"context": [0, 1], "cue": [1, 1], "no speaker": [0, 1]}
    report = format_quote_scores(scores)
    assert "by basis: context 0.000 (0/1)  cue 1.000 (1/1)  no speaker 0.000 (0/1)" in report
    # Predictions written before the field existed: no breakdown line.
    old = [{k: v for k, v in p.items() if k != "speaker_basis"} for p in pred_quotes]
    scores = evaluate_quotes(gold, write(tmp_path / "old.jsonl", [{"id": "a", "quotes": old}]))
    assert scores.speaker_by_basis == {"no speaker": [0, 1], "not given": [1, 2]}
    assert "by basis" not in format_quote_scores(scores)


def test_bad_files_name_the_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "quotes": []}\nnot json\n', encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"gold.jsonl:2"):
        evaluate_quotes(gold, gold)
    bad = write(tmp_path / "bad.jsonl", [{"id": "a", "quotes": [{"text": "x"}]}])
    with pytest.raises(EvaluationError, match="bad quote"):
        evaluate_quotes(bad, bad)
