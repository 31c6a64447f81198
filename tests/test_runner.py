"""The runner end to end on tiny models: order, coverage, isolation, ledger, resumption, locking."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.config import load_config
from pipeline.ledger import FileLock, LedgerLocked
from pipeline.runner import EXIT_FAILURES, EXIT_OK, run_pipeline
from pipeline.stages.translate import Translate
from tests.helpers import NIGHTLY, ROOT, read_records, tiny_overrides, write_jsonl


@pytest.fixture
def overrides(tiny_marian_dir: Path, tiny_bart_dir: Path) -> list[str]:
    return tiny_overrides(tiny_marian_dir, tiny_bart_dir)


def covered(record: dict) -> bool:
    """Every non-whitespace character of the text lies in a segment, and offsets are exact."""
    text = record["text"]
    mask = [False] * len(text)
    for segment in record["segments"]:
        assert text[segment["start"] : segment["end"]] == segment["text"]
        for i in range(segment["start"], segment["end"]):
            mask[i] = True
    return all(mask[i] or text[i].isspace() for i in range(len(text)))


def test_end_to_end_outputs(tmp_path: Path, overrides: list[str]) -> None:
    ids = write_jsonl(tmp_path / "in.jsonl", 7)
    config = load_config(NIGHTLY, [*overrides, "run.chunk_articles=3"])
    result = run_pipeline(config, tmp_path / "in.jsonl", tmp_path / "out")

    assert result.exit_code == EXIT_OK
    records = read_records(tmp_path / "out" / "articles.jsonl")
    assert [r["id"] for r in records] == ids
    for record in records:
        assert record["status"] == "ok", record["errors"]
        assert covered(record)
        assert all(s["text_en"] is not None for s in record["segments"])
        assert record["num_segments"] == len(record["segments"]) >= 3
        assert record["text_en"] and record["title_en"] is not None and record["summary_en"] is not None
        assert {"translate", "summarize"} <= set(record["models"])
        assert record["text_en"].count("\n\n") == 1  # two French paragraphs -> two English ones
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["counts"] == {"total": 7, "ok": 7, "failed": 0, "skipped": 0, "processed": 7, "resumed": 0}
    assert report["stages"]["translate"]["articles"] == 7
    briefs = (tmp_path / "out" / "briefs.md").read_text()
    assert briefs.count("\n## ") == 7
    assert (tmp_path / "out" / "digest.html").read_text().count("<article") == 7


def test_rerun_reuses_ledger_and_writes_complete_outputs(tmp_path: Path, overrides: list[str]) -> None:
    write_jsonl(tmp_path / "in.jsonl", 5)
    config = load_config(NIGHTLY, overrides)
    first = run_pipeline(config, tmp_path / "in.jsonl", tmp_path / "out")
    before = (tmp_path / "out" / "articles.jsonl").read_text()

    second = run_pipeline(config, tmp_path / "in.jsonl", tmp_path / "out")
    assert second.report["counts"]["processed"] == 0
    assert second.report["counts"]["resumed"] == 5
    assert second.report["stages"]["translate"].get("articles", 0) == 0  # no model work at all
    assert (tmp_path / "out" / "articles.jsonl").read_text() == before
    assert first.report["config_fingerprint"] == second.report["config_fingerprint"]

    forced = run_pipeline(config, tmp_path / "in.jsonl", tmp_path / "out", force=True)
    assert forced.report["counts"]["processed"] == 5

    changed = load_config(NIGHTLY, [*overrides, "summarize.max_new_tokens=8"])
    assert run_pipeline(changed, tmp_path / "in.jsonl", tmp_path / "out").report["counts"]["processed"] == 5


def test_failure_is_isolated_and_retried(
    tmp_path: Path, overrides: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_jsonl(tmp_path / "in.jsonl", 6)
    original = Translate.process

    def flaky(self: Translate, batch: list) -> None:
        if any(a.id == "a0003" for a in batch):
            raise RuntimeError("model exploded on a0003")
        original(self, batch)

    monkeypatch.setattr(Translate, "process", flaky)
    config = load_config(NIGHTLY, overrides)
    result = run_pipeline(config, tmp_path / "in.jsonl", tmp_path / "out")
    records = read_records(tmp_path / "out" / "articles.jsonl")
    assert [r["status"] for r in records] == ["ok", "ok", "ok", "failed", "ok", "ok"]
    assert records[3]["errors"] == [
        {"stage": "translate", "type": "RuntimeError", "message": "model exploded on a0003"}
    ]
    assert records[3]["summary_en"] is None  # later stages skip a failed article
    assert result.exit_code == EXIT_FAILURES
    assert result.report["failures"][0]["id"] == "a0003"
    assert result.report["failures"][0]["stage"] == "translate"

    lenient = load_config(NIGHTLY, [*overrides, "run.max_failed_fraction=0.5"])
    assert run_pipeline(lenient, tmp_path / "in.jsonl", tmp_path / "out2").exit_code == EXIT_OK

    # A plain rerun keeps the recorded failure; --retry-failed redoes only it.
    monkeypatch.setattr(Translate, "process", original)
    again = run_pipeline(config, tmp_path / "in.jsonl", tmp_path / "out")
    assert again.report["counts"]["failed"] == 1 and again.report["counts"]["processed"] == 0
    retried = run_pipeline(config, tmp_path / "in.jsonl", tmp_path / "out", retry_failed=True)
    assert retried.report["counts"] == {
        "total": 6,
        "ok": 6,
        "failed": 0,
        "skipped": 0,
        "processed": 1,
        "resumed": 5,
    }


def test_second_run_on_same_output_refuses(tmp_path: Path, overrides: list[str]) -> None:
    write_jsonl(tmp_path / "in.jsonl", 1)
    config = load_config(NIGHTLY, overrides)
    holder = FileLock(tmp_path / "out" / ".pressbrief.lock", "output folder")
    holder.acquire()
    try:
        with pytest.raises(LedgerLocked, match="in use by a running pressbrief"):
            run_pipeline(config, tmp_path / "in.jsonl", tmp_path / "out")
    finally:
        holder.release()
    shared_ledger = load_config(NIGHTLY, [*overrides, f"run.ledger={tmp_path / 'shared.sqlite'}"])
    ledger_lock = FileLock(tmp_path / "shared.sqlite.lock", "ledger")
    ledger_lock.acquire()
    try:
        with pytest.raises(LedgerLocked, match="ledger"):
            run_pipeline(shared_ledger, tmp_path / "in.jsonl", tmp_path / "other-out")
    finally:
        ledger_lock.release()


def test_sigkill_midway_then_resume_exactly_once(tmp_path: Path, overrides: list[str]) -> None:
    """Kill a 200-article run part-way with SIGKILL; the rerun finishes; a third run does no model work."""
    ids = write_jsonl(tmp_path / "in.jsonl", 200)
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "pipeline",
        "run",
        str(NIGHTLY),
        "--input",
        str(tmp_path / "in.jsonl"),
        "--output",
        str(out),
        "--quiet",
        "--set",
        "run.chunk_articles=10",
        *[arg for item in overrides for arg in ("--set", item)],
    ]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 240
    done = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        done = _ledger_count(out / "ledger.sqlite")
        if done >= 30:
            break
    assert process.poll() is None, "the run finished before it could be killed; make it longer"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 0 < done < 200
    assert not (out / "articles.jsonl").exists()  # outputs only appear complete

    rerun = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    records = read_records(out / "articles.jsonl")
    assert [r["id"] for r in records] == ids
    report = json.loads((out / "report.json").read_text())
    assert report["counts"]["resumed"] >= done
    assert report["counts"]["processed"] + report["counts"]["resumed"] == 200

    third = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert third.returncode == 0, third.stderr
    report = json.loads((out / "report.json").read_text())
    assert report["counts"]["processed"] == 0 and report["counts"]["resumed"] == 200
    assert report["stages"]["translate"].get("articles", 0) == 0
    assert [r["id"] for r in read_records(out / "articles.jsonl")] == ids


def _ledger_count(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as db:
            return int(db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0
