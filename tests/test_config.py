"""Config validation: every kind of problem is reported with its key path."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import ConfigError, load_config, validate_config

GOOD = {
    "stages": [
        {"type": "read"},
        {"type": "segment"},
        {"type": "translate", "model": "some/model", "num_beams": 2},
        {"type": "summarize"},
        {"type": "write"},
    ]
}


def problems(data: object, overrides: list[str] | None = None) -> list[str]:
    with pytest.raises(ConfigError) as info:
        validate_config(data, overrides or [])
    return info.value.problems


def test_good_config_validates() -> None:
    config = validate_config(GOOD, [])
    assert [s.type for s in config.stages] == ["read", "segment", "translate", "summarize", "write"]
    assert config.stage_config("translate").num_beams == 2  # type: ignore[union-attr]


def test_misspelt_key_names_path_and_suggestion() -> None:
    data = {
        "stages": [
            {"type": "read"},
            {"type": "segment"},
            {"type": "translate", "num_beam": 4},
            {"type": "write"},
        ]
    }
    assert problems(data) == ["stages[2].num_beam: unknown key (did you mean 'num_beams'?)"]


def test_wrong_type_names_path_and_value() -> None:
    data = {
        "stages": [
            {"type": "read"},
            {"type": "segment"},
            {"type": "translate", "num_beams": "many"},
            {"type": "write"},
        ]
    }
    [problem] = problems(data)
    assert problem.startswith("stages[2].num_beams: Input should be a valid integer")
    assert "'many'" in problem


def test_unknown_stage_lists_known_stages() -> None:
    data = {"stages": [{"type": "read"}, {"type": "sumarize"}, {"type": "write"}]}
    [problem] = problems(data)
    assert problem.startswith("stages[1].type: unknown stage 'sumarize' (did you mean 'summarize'?)")
    assert "translate" in problem


def test_all_problems_reported_together(tmp_path: Path) -> None:
    bad = Path(__file__).parents[1] / "configs" / "bad.example.yaml"
    with pytest.raises(ConfigError) as info:
        load_config(bad)
    found = info.value.problems
    assert any(p.startswith("stages[2].num_beam: unknown key") for p in found)
    assert any(p.startswith("stages[3].max_new_tokens: Input should be a valid integer") for p in found)
    assert any(p.startswith("stages[4].type: unknown stage 'sumarize'") for p in found)
    assert str(bad) in str(info.value)


def test_unknown_top_level_key_and_run_key() -> None:
    data = {**GOOD, "stagse": [], "run": {"max_failed_fractoin": 0.1}}
    found = problems(data)
    assert "stagse: unknown key (did you mean 'stages'?)" in found
    assert "run.max_failed_fractoin: unknown key (did you mean 'max_failed_fraction'?)" in found


def test_stage_order_is_checked() -> None:
    data = {"stages": [{"type": "segment"}, {"type": "summarize"}, {"type": "read"}]}
    found = problems(data)
    assert "stages[0].type: the first stage must be 'read', got 'segment'" in found
    assert "stages[2].type: the last stage must be 'write', got 'read'" in found
    assert "stages[1].type: 'summarize' needs a 'translate' stage before it" in found


def test_empty_or_non_mapping_config() -> None:
    assert problems(None) == ["stages: expected a non-empty list of stages, each with a 'type'"]
    assert problems([1, 2])[0].startswith("top level: expected a mapping")


def test_yaml_syntax_error_and_missing_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("stages: [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(broken)
    with pytest.raises(ConfigError, match="cannot read config file"):
        load_config(tmp_path / "missing.yaml")


def test_overrides_address_stage_by_type_and_are_typed() -> None:
    config = validate_config(
        GOOD, ["translate.num_beams=5", "run.max_failed_fraction=0.25", "write.formats=[jsonl]"]
    )
    assert config.stage_config("translate").num_beams == 5  # type: ignore[union-attr]
    assert config.run.max_failed_fraction == 0.25
    assert config.stage_config("write").formats == ["jsonl"]  # type: ignore[union-attr]


def test_bad_overrides_are_errors() -> None:
    found = problems(GOOD, ["translate.num_beamz=5", "quotes.spacy_model=x", "nonsense"])
    assert "stages[2].num_beamz: unknown key (did you mean 'num_beams'?)" in found
    assert any(p.startswith("--set quotes.spacy_model=x: no stage of type 'quotes'") for p in found)
    assert any(p.startswith("--set nonsense: expected SECTION.KEY=VALUE") for p in found)


def test_fingerprint_ignores_slicing_but_not_decoding() -> None:
    base = validate_config(GOOD, []).fingerprint()
    assert validate_config(GOOD, ["translate.batch_size=3"]).fingerprint() == base
    assert validate_config(GOOD, ["translate.inter_threads=2"]).fingerprint() == base
    assert validate_config(GOOD, ["run.chunk_articles=3"]).fingerprint() == base
    assert validate_config(GOOD, ["translate.num_beams=1"]).fingerprint() != base


def test_shipped_configs_validate() -> None:
    for path in sorted((Path(__file__).parents[1] / "configs").glob("*.yaml")):
        if path.name.startswith("bad."):
            continue
        load_config(path)
