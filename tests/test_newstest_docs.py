"""scripts/newstest_docs.py: whole articles rebuilt from the line-aligned newstest files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import load_script


@pytest.fixture(scope="module")
def newstest_docs():
    return load_script("newstest_docs")


def _write(folder: Path, rows: list[tuple[str, str, str]]) -> None:
    folder.mkdir()
    (folder / "newstest2014.docids.tsv").write_text(
        "".join(f"{d}\t{lang}\t{i}\n" for i, (d, lang, _) in enumerate(rows, 1)), encoding="utf-8"
    )
    (folder / "newstest2014.fr").write_text("".join(f"{line}\n" for _, _, line in rows), encoding="utf-8")


def test_documents_of_one_origin_in_file_order(tmp_path: Path, newstest_docs) -> None:
    folder = tmp_path / "newstest2014-fr-en"
    _write(
        folder,
        [
            ("7-cnn", "en", "Un titre"),
            ("7-cnn", "en", "« Nous viendrons », a-t-il dit."),
            ("3-lemondefr", "fr", "Titre français"),
            ("7-cnn", "en", "Il est parti."),
            ("2-bbc", "en", "Autre titre"),
        ],
    )
    docs = newstest_docs.documents(folder, "en")
    assert [d["id"] for d in docs] == ["7-cnn", "2-bbc"]
    assert docs[0] == {
        "id": "7-cnn",
        "source": "cnn",
        "title": "Un titre",
        "text": "« Nous viendrons », a-t-il dit. Il est parti.",
    }
    assert docs[1]["text"] == ""
    assert [d["id"] for d in newstest_docs.documents(folder, "fr")] == ["3-lemondefr"]


def test_misaligned_files_are_refused(tmp_path: Path, newstest_docs) -> None:
    folder = tmp_path / "newstest2014-fr-en"
    _write(folder, [("7-cnn", "en", "Un titre")])
    (folder / "newstest2014.fr").write_text("Un titre\nEn trop\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="1 docids for 2 French lines"):
        newstest_docs.documents(folder, "en")
