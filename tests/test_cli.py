"""The CLI: exit codes, messages, and that --help/check stay light."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from tests.helpers import NIGHTLY, ROOT, read_records, tiny_overrides, write_jsonl

runner = CliRunner()


def sets(items: list[str]) -> list[str]:
    return [arg for item in items for arg in ("--set", item)]


def test_help_lists_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("run", "check", "models", "eval"):
        assert command in result.output


def test_help_and_check_import_no_model_library() -> None:
    code = (
        "import sys; from typer.testing import CliRunner; from pipeline.cli import app; "
        "r = CliRunner().invoke(app, ['check', sys.argv[1]]); assert r.exit_code == 0, r.output; "
        "heavy = [m for m in ('torch', 'transformers', 'spacy', 'ctranslate2') if m in sys.modules]; "
        "print(heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(NIGHTLY)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_check_reports_every_problem_with_exit_2() -> None:
    result = runner.invoke(app, ["check", str(ROOT / "configs" / "bad.example.yaml")])
    assert result.exit_code == 2
    assert "stages[2].num_beam: unknown key (did you mean 'num_beams'?)" in result.output
    assert "stages[3].max_new_tokens: Input should be a valid integer" in result.output
    assert "stages[4].type: unknown stage 'sumarize'" in result.output


def test_check_good_config() -> None:
    result = runner.invoke(app, ["check", str(NIGHTLY)])
    assert result.exit_code == 0, result.output
    assert "read -> segment -> quotes -> translate -> summarize -> write" in result.output


def test_run_with_unknown_override_is_usage_error(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in.jsonl", 1)
    result = runner.invoke(
        app,
        [
            "run",
            str(NIGHTLY),
            "-i",
            str(tmp_path / "in.jsonl"),
            "-o",
            str(tmp_path / "o"),
            "--set",
            "translate.beams=2",
        ],
    )
    assert result.exit_code == 2
    assert "stages[3].beams: unknown key" in result.output


def test_missing_model_fails_before_any_article(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    write_jsonl(tmp_path / "in.jsonl", 2)
    result = runner.invoke(
        app, ["run", str(NIGHTLY), "-i", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert "Helsinki-NLP/opus-mt-fr-en" in result.output
    assert "pressbrief models pull" in result.output
    assert not (tmp_path / "o" / "articles.jsonl").exists()


def test_run_tiny_models_and_bad_article(tmp_path: Path, tiny_marian_dir: Path, tiny_bart_dir: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_jsonl(folder / "batch.jsonl", 3)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "run",
            str(NIGHTLY),
            "-i",
            str(folder),
            "-o",
            str(tmp_path / "o"),
            *sets(tiny_overrides(tiny_marian_dir, tiny_bart_dir)),
        ],
    )
    assert result.exit_code == 1, result.output  # one failure > max_failed_fraction
    records = read_records(tmp_path / "o" / "articles.jsonl")
    assert [r["status"] for r in records] == ["ok", "ok", "ok", "failed"]
    assert "empty.txt" in records[3]["errors"][0]["message"]
    assert "empty.txt" in result.output
    report = json.loads((tmp_path / "o" / "report.json").read_text())
    assert report["counts"]["failed"] == 1


def test_log_json_gives_one_object_per_line_with_progress(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in.jsonl", 3)
    result = runner.invoke(
        app,
        [
            "run",
            str(ROOT / "configs" / "quotes.yaml"),
            "-i",
            str(tmp_path / "in.jsonl"),
            "-o",
            str(tmp_path / "o"),
            "--log-json",
        ],
    )
    assert result.exit_code == 0, result.output
    logged = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert logged and all({"time", "level", "logger", "message"} <= set(entry) for entry in logged)
    progress = [entry for entry in logged if entry["message"].startswith("progress")]
    assert progress[-1]["done"] == progress[-1]["total"] == 3


def test_quiet_prints_nothing_on_success(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in.jsonl", 2)
    result = runner.invoke(
        app,
        [
            "run",
            str(ROOT / "configs" / "quotes.yaml"),
            "-i",
            str(tmp_path / "in.jsonl"),
            "-o",
            str(tmp_path / "o"),
            "-q",
        ],
    )
    assert result.exit_code == 0
    assert result.output == ""
