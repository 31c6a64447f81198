"""`pressbrief eval translate`: sacreBLEU scoring, line alignment, exit codes (tiny models, no ../shared)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.base import ModelSpec
from pipeline.cli import app
from pipeline.config import load_config
from pipeline.evaluate import EvaluationError, evaluate_translation, score_translations
from tests.helpers import NIGHTLY, ROOT, tiny_overrides

runner = CliRunner()

FRENCH = [
    "Le conseil municipal a voté mardi le budget de la ville.",
    "Les travaux du nouveau pont commenceront au printemps.",
    "La grève des transports devrait se poursuivre jusqu'à vendredi.",
    "Le tribunal rendra sa décision dans un mois.",
    "Selon les syndicats, dix mille personnes ont manifesté.",
]
ENGLISH = [
    "The city council voted on the city's budget on Tuesday.",
    "Work on the new bridge will begin in the spring.",
    "The transport strike is expected to continue until Friday.",
    "The court will give its decision in a month.",
    "According to the unions, ten thousand people demonstrated.",
]


def sets(items: list[str]) -> list[str]:
    return [arg for item in items for arg in ("--set", item)]


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    return write_lines(tmp_path / "test.fr", FRENCH), write_lines(tmp_path / "test.en", ENGLISH)


@pytest.fixture
def tiny_sets(tiny_marian_dir: Path, tiny_bart_dir: Path) -> list[str]:
    return sets(tiny_overrides(tiny_marian_dir, tiny_bart_dir))


def test_identical_hypotheses_score_100_and_different_ones_less() -> None:
    same = score_translations(ENGLISH, ENGLISH)
    assert same["bleu"] == 100.0
    assert same["chrf"] == 100.0
    other = score_translations([*ENGLISH[:2], "Nothing of the sort.", *ENGLISH[3:]], ENGLISH)
    assert 0 < other["bleu"] < 100
    assert 0 < other["chrf"] < 100
    assert other["bleu_signature"].startswith("nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:")
    assert other["chrf_signature"].startswith("nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:")


class EchoModel:
    """Translates a text into itself; one token per word; inputs over 8 tokens must be split."""

    max_input_tokens = 8

    def __init__(self, spec: ModelSpec) -> None:
        self.spec = spec
        self.calls: list[list[str]] = []

    def count_tokens(self, texts: list[str]) -> list[int]:
        return [len(text.split()) + 1 for text in texts]

    def generate(self, texts: list[str], **options: object) -> list[str]:
        assert all(n <= self.max_input_tokens for n in self.count_tokens(texts))
        self.calls.append(texts)
        return list(texts)


def test_hypotheses_follow_source_lines_through_the_stage(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import models

    loaded: list[EchoModel] = []

    def load(spec: ModelSpec) -> EchoModel:
        loaded.append(EchoModel(spec))
        return loaded[-1]

    monkeypatch.setattr(models, "load", load)
    # A blank line, a repeated line and a line the stage must split into pieces, across
    # pseudo-articles of two lines: every hypothesis must land on its own source line.
    lines = [FRENCH[0], "", FRENCH[1], FRENCH[0], FRENCH[2], FRENCH[3]]
    source = write_lines(tmp_path / "s.fr", lines)
    config = load_config(NIGHTLY, [f"translate.model={tmp_path}"])
    scores = evaluate_translation(config, source, source, lines_per_article=2)
    assert scores.hypotheses == lines
    assert scores.bleu == 100.0
    assert scores.lines == 6
    assert scores.stage_stats["segments_split"] >= 1
    assert len(loaded) == 1  # loaded once, on warm-up

    limited = evaluate_translation(config, source, source, limit=3, lines_per_article=2)
    assert limited.hypotheses == lines[:3]


def test_eval_translate_prints_scores_and_writes_one_line_per_source_line(
    tmp_path: Path, corpus: tuple[Path, Path], tiny_sets: list[str]
) -> None:
    source, reference = corpus
    hyp = tmp_path / "out" / "hyp.en"
    result = runner.invoke(
        app,
        [
            "eval",
            "translate",
            str(NIGHTLY),
            "--source",
            str(source),
            "--reference",
            str(reference),
            "--output",
            str(hyp),
            "--lines-per-article",
            "2",
            *tiny_sets,
        ],
    )
    assert result.exit_code == 0, result.output
    assert re.search(r"^BLEU +\d+\.\d\d +nrefs:1\|.*tok:13a", result.output, re.M), result.output
    assert re.search(r"^chrF +\d+\.\d\d +nrefs:1\|.*nc:6", result.output, re.M), result.output
    assert re.search(r"\d+\.\d\d lines/s", result.output)
    assert "lines   5 of" in result.output
    written = hyp.read_text(encoding="utf-8").split("\n")
    assert written[-1] == "" and len(written) == len(FRENCH) + 1


def test_eval_translate_limit_and_json(
    tmp_path: Path, corpus: tuple[Path, Path], tiny_sets: list[str]
) -> None:
    source, reference = corpus
    hyp = tmp_path / "hyp.en"
    args = ["eval", "translate", str(NIGHTLY), "--source", str(source), "--reference", str(reference)]
    result = runner.invoke(app, [*args, "--limit", "3", "--json", "--output", str(hyp), *tiny_sets])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["lines"] == 3
    assert len(hyp.read_text(encoding="utf-8").splitlines()) == 3
    assert isinstance(scores["bleu"], float) and isinstance(scores["chrf"], float)
    assert scores["bleu_signature"].startswith("nrefs:1|")
    assert scores["num_beams"] == 1  # tiny_overrides sets it
    assert scores["backend"] == "ctranslate2"
    assert "hypotheses" not in scores


def test_mismatched_reference_is_exit_2_naming_both_files(tmp_path: Path, corpus: tuple[Path, Path]) -> None:
    source, _ = corpus
    short = write_lines(tmp_path / "short.en", ENGLISH[:4])
    result = runner.invoke(
        app,
        ["eval", "translate", str(NIGHTLY), "--source", str(source), "--reference", str(short)],
    )
    assert result.exit_code == 2
    assert f"{source} has 5 lines, {short} has 4" in result.output


def test_missing_file_is_exit_2(tmp_path: Path, corpus: tuple[Path, Path]) -> None:
    source, _ = corpus
    missing = tmp_path / "nope.en"
    result = runner.invoke(
        app,
        ["eval", "translate", str(NIGHTLY), "--source", str(source), "--reference", str(missing)],
    )
    assert result.exit_code == 2
    assert f"{missing}: no such file" in result.output


def test_config_errors_are_exit_2(corpus: tuple[Path, Path]) -> None:
    source, reference = corpus
    args = ["--source", str(source), "--reference", str(reference)]
    result = runner.invoke(app, ["eval", "translate", str(NIGHTLY), *args, "--set", "translate.beams=2"])
    assert result.exit_code == 2
    assert "stages[3].beams: unknown key" in result.output
    result = runner.invoke(app, ["eval", "translate", str(ROOT / "configs" / "quotes.yaml"), *args])
    assert result.exit_code == 2
    assert "has no translate stage" in result.output


def test_missing_model_is_exit_2_before_translating(
    tmp_path: Path, corpus: tuple[Path, Path], monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    source, reference = corpus
    result = runner.invoke(
        app, ["eval", "translate", str(NIGHTLY), "--source", str(source), "--reference", str(reference)]
    )
    assert result.exit_code == 2
    assert "Helsinki-NLP/opus-mt-fr-en" in result.output


def test_empty_source_is_an_error(tmp_path: Path) -> None:
    empty = write_lines(tmp_path / "e.fr", [])
    config = load_config(NIGHTLY, [f"translate.model={tmp_path}"])
    with pytest.raises(EvaluationError, match="no lines"):
        evaluate_translation(config, empty, empty)
