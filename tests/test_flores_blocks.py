"""scripts/flores_blocks.py: 4-sentence FLORES blocks that hold a quotation mark."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import load_script


@pytest.fixture(scope="module")
def flores_blocks():
    return load_script("flores_blocks")


def test_blocks_of_four_lines_with_a_quotation_mark(tmp_path: Path, flores_blocks) -> None:
    lines = [
        "Le vent souffle.",
        "Il pleut.",
        "« Nous viendrons », a-t-il dit.",
        "Ils sont partis.",
        "Rien ici.",
        "Ni là.",
        "Ni ailleurs.",
        "Toujours rien.",
        '"""Oui"" a déclaré M. Costello."',
    ]
    (tmp_path / "fra_Latn.dev").write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = flores_blocks.blocks(tmp_path, "dev")
    assert [b["id"] for b in found] == ["flores-dev-0001", "flores-dev-0009"]
    assert found[0]["text"] == "Le vent souffle. Il pleut. « Nous viendrons », a-t-il dit. Ils sont partis."
    assert found[1] == {
        "id": "flores-dev-0009",
        "source": "flores200-fr-en/fra_Latn.dev",
        "title": "",
        "text": '"Oui" a déclaré M. Costello.',
    }


def test_a_line_that_is_no_csv_field_is_left_as_written(flores_blocks) -> None:
    assert flores_blocks.unescape('« A » et "B".') == '« A » et "B".'
    assert flores_blocks.unescape('"Il a dit ""non""."') == 'Il a dit "non".'
