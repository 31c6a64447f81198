"""The read stage: every input format, every kind of bad input, and the messages that name them."""

from __future__ import annotations

import json
import logging
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from pipeline.article import Article
from pipeline.stages.read import Read, ReadError

FRENCH = (
    "Le président a annoncé mardi une réforme des retraites qui suscite la colère des syndicats. "
    "« Nous ne reculerons pas », a déclaré la Première ministre devant l'Assemblée nationale."
)
ENGLISH = (
    "The Prime Minister said on Tuesday that the government would not back down on the reform, "
    "despite mounting pressure from the unions and a wave of strikes across the country."
)
FRENCH_TITLE = "Retraites : le gouvernement ne cédera pas"

HTML_PAGE = f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>{FRENCH_TITLE} | Le Quotidien</title>
<link rel="canonical" href="https://example.fr/retraites">
<style>body {{ color: red; }} .STYLE_LEAK {{ display: none }}</style>
<script>var marker = "SCRIPT_LEAK";</script>
</head><body>
<nav><a href="/">Accueil</a> | <a href="/politique">Politique</a></nav>
<article>
<h1>{FRENCH_TITLE}</h1>
<p>{FRENCH}</p>
<script>document.write("SCRIPT_LEAK_BODY");</script>
<style>p {{ margin: 0 }} /* STYLE_LEAK_BODY */</style>
<p>Les syndicats appellent à une nouvelle journée de mobilisation jeudi dans toute la France.</p>
</article>
<footer>Mentions légales</footer>
</body></html>
"""


def read_all(path: Path, **config: Any) -> list[Article]:
    """All articles `Read` yields for `path` with the given config keys."""
    return list(Read(Read.Config(**config)).read(path))


def only(path: Path, **config: Any) -> Article:
    """The single article read from `path`."""
    articles = read_all(path, **config)
    assert len(articles) == 1, [a.to_record() for a in articles]
    return articles[0]


def message(article: Article) -> str:
    """The read stage's error message on `article`."""
    assert article.errors, f"{article.id} has no error"
    assert article.errors[-1].stage == "read"
    return article.errors[-1].message


def write_jsonl(path: Path, *records: object) -> Path:
    """Write `records` as JSON lines (strings are written as they are)."""
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# -- formats -----------------------------------------------------------------------------------
def test_txt_title_is_first_non_empty_line_and_body_the_rest(tmp_path: Path) -> None:
    file = tmp_path / "greve.txt"
    file.write_text(f"\n\n  {FRENCH_TITLE}  \n\n{FRENCH}\n\nDeuxième paragraphe.\n\n", encoding="utf-8")
    article = only(file)
    assert article.status == "ok", article.errors
    assert article.id == "greve"
    assert article.title == FRENCH_TITLE
    assert article.text == f"{FRENCH}\n\nDeuxième paragraphe."
    assert article.source_file == str(file)
    assert article.line is None


def test_md_heading_marker_is_dropped_from_title(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"# {FRENCH_TITLE}\n\n{FRENCH}\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"{FRENCH_TITLE}\n=====\n{FRENCH}\n", encoding="utf-8")
    first, second = read_all(tmp_path)
    assert (first.title, first.text) == (FRENCH_TITLE, FRENCH)
    assert (second.title, second.text) == (FRENCH_TITLE, FRENCH)


def test_bom_and_crlf_are_normalized(tmp_path: Path) -> None:
    file = tmp_path / "crlf.txt"
    file.write_bytes(b"\xef\xbb\xbf" + f"{FRENCH_TITLE}\r\n\r\n{FRENCH}\r\nFin.\rVraiment.\r\n".encode())
    article = only(file)
    assert article.status == "ok"
    assert article.title == FRENCH_TITLE  # no BOM left in the title
    assert article.text == f"{FRENCH}\nFin.\nVraiment."
    assert "\r" not in article.text


def test_text_is_nfc_normalized(tmp_path: Path) -> None:
    file = tmp_path / "nfd.txt"
    file.write_text("Titre\n" + "Le re\u0301gime " + FRENCH, encoding="utf-8")
    assert only(file).text.startswith("Le r\u00e9gime ")


def test_jsonl_fields_metadata_ids_and_line_numbers(tmp_path: Path) -> None:
    file = write_jsonl(
        tmp_path / "feed.jsonl",
        {
            "id": "lm-1",
            "title": FRENCH_TITLE,
            "text": FRENCH,
            "url": "https://example.fr/a",
            "date": "2026-11-26",
            "source": "Le Monde",
            "section": "politique",
            "tags": ["retraites"],
        },
        "",
        {"text": FRENCH + "\r\nSuite."},
        {"id": 42, "text": FRENCH},
    )
    first, second, third = read_all(file)
    assert [a.status for a in (first, second, third)] == ["ok", "ok", "ok"]
    assert first.id == "lm-1" and first.line == 1 and first.source_file == str(file)
    assert (first.title, first.url, first.date, first.source) == (
        FRENCH_TITLE,
        "https://example.fr/a",
        "2026-11-26",
        "Le Monde",
    )
    assert first.metadata["section"] == "politique" and first.metadata["tags"] == ["retraites"]
    assert "text" not in first.metadata and "id" not in first.metadata
    assert second.id == "feed:3" and second.line == 3  # blank line 2 ignored but counted
    assert second.text == FRENCH + "\nSuite."
    assert third.id == "42"


def test_html_title_text_and_canonical_url(tmp_path: Path) -> None:
    file = tmp_path / "page.html"
    file.write_text(HTML_PAGE, encoding="utf-8")
    article = only(file)
    assert article.status == "ok", article.errors
    assert article.id == "page"
    assert article.title == FRENCH_TITLE
    assert article.text.startswith("Le président a annoncé mardi")  # the <h1> is not repeated
    assert "nouvelle journée de mobilisation" in article.text
    assert article.url == "https://example.fr/retraites"


def test_html_scripts_and_styles_never_leak(tmp_path: Path) -> None:
    file = tmp_path / "page.htm"
    file.write_text(HTML_PAGE, encoding="utf-8")
    article = only(file)
    everything = article.title + "\n" + article.text
    for leak in ("SCRIPT_LEAK", "STYLE_LEAK", "document.write", "color: red", "margin", "var marker"):
        assert leak not in everything
    assert "Accueil" not in article.text and "Mentions légales" not in article.text


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    page = HTML_PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    file = tmp_path / "latin.html"
    file.write_bytes(page.encode("cp1252"))
    article = only(file)
    assert article.status == "ok", article.errors
    assert "président" in article.text


def test_html_without_article_text_fails(tmp_path: Path) -> None:
    file = tmp_path / "shell.html"
    file.write_text("<html><head><title>App</title><script>boot()</script></head><body></body></html>")
    article = only(file)
    assert article.status == "failed"
    assert message(article) == f"{file}: no article text found in the HTML"


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    for relative in ("b/2.txt", "a/z.txt", "a/sub/m.txt", "c.txt", "a.txt"):
        file = tmp_path / relative
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(f"{FRENCH_TITLE}\n{FRENCH}\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("not an article", encoding="utf-8")
    reader = Read()
    sources = [Path(a.source_file).relative_to(tmp_path).as_posix() for a in reader.read(tmp_path)]
    assert sources == ["a/sub/m.txt", "a/z.txt", "a.txt", "b/2.txt", "c.txt"]
    assert reader.stats["files"] == 5 and reader.stats["ok"] == 5


def test_glob_selects_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"{FRENCH_TITLE}\n{FRENCH}\n", encoding="utf-8")
    write_jsonl(tmp_path / "b.jsonl", {"text": FRENCH})
    assert [a.id for a in read_all(tmp_path, glob="**/*.jsonl")] == ["b:1"]


# -- bad input ---------------------------------------------------------------------------------
def test_empty_file_fails(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("\n   \n\t\n", encoding="utf-8")
    (tmp_path / "nolines.jsonl").write_text("\n\n", encoding="utf-8")
    (tmp_path / "void.html").write_bytes(b"\xef\xbb\xbf")
    articles = read_all(tmp_path)
    assert [(a.id, a.status, message(a)) for a in articles] == [
        ("blank", "failed", f"{tmp_path / 'blank.md'}: empty file"),
        ("empty", "failed", f"{tmp_path / 'empty.txt'}: empty file"),
        ("nolines", "failed", f"{tmp_path / 'nolines.jsonl'}: empty file (no JSON lines)"),
        ("void", "failed", f"{tmp_path / 'void.html'}: empty file"),
    ]


def test_title_only_txt_is_kept_with_a_warning(tmp_path: Path) -> None:
    file = tmp_path / "title-only.txt"
    file.write_text(f"{FRENCH_TITLE}\n\n", encoding="utf-8")
    article = only(file)
    assert article.status == "ok"
    assert article.title == FRENCH_TITLE and article.text == ""
    assert (
        f"read: {file}: empty text: nothing after the title line; only the title is processed"
        in article.warnings
    )


def test_binary_file_fails(tmp_path: Path) -> None:
    file = tmp_path / "photo.txt"
    file.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    article = only(file)
    assert article.status == "failed"
    assert message(article) == f"{file}: binary file (NUL byte at byte offset 8); expected UTF-8 text"


def test_binary_jsonl_fails_once_for_the_file(tmp_path: Path) -> None:
    file = tmp_path / "dump.jsonl"
    file.write_bytes(b"\x00\x01\x02\n" * 1000)
    article = only(file)
    assert article.status == "failed" and article.line is None
    assert message(article).startswith(f"{file}: binary file (NUL byte at byte offset 0)")


def test_utf16_file_fails_with_encoding_named(tmp_path: Path) -> None:
    file = tmp_path / "utf16.txt"
    file.write_text(f"{FRENCH_TITLE}\n{FRENCH}\n", encoding="utf-16")
    assert message(only(file)) == f"{file}: UTF-16 text (byte-order mark); expected UTF-8"


def test_invalid_utf8_names_offset_and_line(tmp_path: Path) -> None:
    file = tmp_path / "latin1.txt"
    file.write_bytes(b"Titre\nLe r\xe9gime\n")  # Latin-1 'é'
    article = only(file)
    assert article.status == "failed"
    assert message(article) == (
        f"{file}: invalid UTF-8 at byte offset 10 (line 2, byte 5): invalid continuation byte"
    )


def test_invalid_utf8_in_jsonl_names_line_and_offsets(tmp_path: Path) -> None:
    file = tmp_path / "feed.jsonl"
    good = json.dumps({"id": "a", "text": FRENCH}).encode()
    file.write_bytes(good + b"\n" + b'{"text": "caf\xe9"}\n' + good.replace(b'"a"', b'"b"') + b"\n")
    first, bad, third = read_all(file)
    assert (first.status, bad.status, third.status) == ("ok", "failed", "ok")
    assert bad.id == "feed:2" and bad.line == 2
    assert message(bad) == (
        f"{file}:2: invalid UTF-8 at byte 14 of the line (byte offset {len(good) + 1 + 13} in the file): "
        "invalid continuation byte"
    )


def test_malformed_jsonl_line_gives_json_message_and_reading_goes_on(tmp_path: Path) -> None:
    file = write_jsonl(
        tmp_path / "feed.jsonl", {"text": FRENCH}, '{"text": "oops" "id": 3}', {"text": FRENCH}
    )
    first, bad, third = read_all(file)
    assert bad.status == "failed" and bad.id == "feed:2" and bad.line == 2
    assert message(bad) == f"{file}:2: malformed JSON: Expecting ',' delimiter at column 17"
    assert (first.status, third.status) == ("ok", "ok")


def test_jsonl_line_that_is_not_an_object_fails(tmp_path: Path) -> None:
    file = write_jsonl(tmp_path / "feed.jsonl", '["text", "x"]')
    assert message(only(file)) == f"{file}:1: expected a JSON object, got array"


def test_record_without_text_fails(tmp_path: Path) -> None:
    file = write_jsonl(tmp_path / "feed.jsonl", {"id": "x1", "title": FRENCH_TITLE, "body": FRENCH})
    article = only(file)
    assert article.status == "failed" and article.id == "x1"
    assert message(article) == f"{file}:1: record has no 'text' field"


def test_record_with_non_string_text_fails(tmp_path: Path) -> None:
    file = write_jsonl(tmp_path / "feed.jsonl", {"id": "x1", "text": ["a", "b"]}, {"id": "x2", "text": None})
    first, second = read_all(file)
    assert message(first) == f"{file}:1: 'text' must be a string, got array"
    assert message(second) == f"{file}:2: 'text' must be a string, got null"


def test_record_with_non_string_optional_field_fails(tmp_path: Path) -> None:
    file = write_jsonl(tmp_path / "feed.jsonl", {"id": "x1", "text": FRENCH, "title": 12})
    assert message(only(file)) == f"{file}:1: 'title' must be a string, got number"


def test_record_with_empty_text_and_no_title_fails(tmp_path: Path) -> None:
    file = write_jsonl(tmp_path / "feed.jsonl", {"id": "x1", "text": "  \n "})
    article = only(file)
    assert article.status == "failed"
    assert message(article) == f"{file}:1: empty 'text'"


def test_record_with_title_but_empty_text_is_headline_only(tmp_path: Path) -> None:
    # Real feeds carry such items (two in the newstest2014 dev documents): keep them, say so.
    file = write_jsonl(tmp_path / "feed.jsonl", {"id": "x1", "title": FRENCH_TITLE, "text": "  \n "})
    article = only(file)
    assert article.status == "ok" and article.text == ""
    assert any("only the title is processed" in w for w in article.warnings)


def test_duplicate_id_fails_naming_the_first(tmp_path: Path) -> None:
    file = write_jsonl(
        tmp_path / "feed.jsonl",
        {"id": "a", "text": FRENCH},
        {"id": "b", "text": FRENCH},
        {"id": "a", "text": FRENCH},
    )
    (tmp_path / "b.txt").write_text(f"{FRENCH_TITLE}\n{FRENCH}\n", encoding="utf-8")
    articles = read_all(tmp_path)
    assert [(a.id, a.status) for a in articles] == [
        ("b", "ok"),  # b.txt sorts before feed.jsonl and claims id "b" first
        ("a", "ok"),
        (f"b@{file}:2", "failed"),
        (f"a@{file}:3", "failed"),
    ]
    assert message(articles[3]) == (
        f"{file}:3: duplicate id 'a', already read from {file}:1; not processed (recorded as 'a@{file}:3')"
    )
    assert f"already read from {tmp_path / 'b.txt'};" in message(articles[2])
    assert articles[3].metadata["duplicate_of"] == "a"
    assert len({a.id for a in articles}) == len(articles)  # output ids stay unique


def test_file_over_max_bytes_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "long.txt"
    file.write_text(f"{FRENCH_TITLE}\n" + FRENCH * 20, encoding="utf-8")
    size = file.stat().st_size
    article = only(file, max_bytes=1000)
    assert article.status == "failed"
    assert message(article) == f"{file}: file is {size:,} bytes, over max_bytes=1,000; not read"
    assert only(file, max_bytes=size).status == "ok"  # the limit itself is allowed


def test_jsonl_line_over_max_bytes_is_refused_and_next_lines_read(tmp_path: Path) -> None:
    big = json.dumps({"id": "big", "text": FRENCH * 20})
    file = write_jsonl(tmp_path / "feed.jsonl", {"id": "a", "text": FRENCH}, big, {"id": "c", "text": FRENCH})
    first, refused, third = read_all(file, max_bytes=1000)
    assert refused.status == "failed" and refused.id == "feed:2" and refused.line == 2
    assert (
        message(refused) == f"{file}:2: line is {len(big.encode()):,} bytes, over max_bytes=1,000; not read"
    )
    assert (first.id, third.id) == ("a", "c") and first.status == third.status == "ok"


def test_huge_jsonl_line_is_skipped_in_bounded_memory(tmp_path: Path) -> None:
    file = tmp_path / "huge.jsonl"
    huge = b'{"id": "huge", "text": "' + b"x" * 30_000_000 + b'"}'
    with file.open("wb") as handle:
        handle.write(huge + b"\r\n")
        handle.write(json.dumps({"id": "after", "text": FRENCH}).encode() + b"\n")
    del huge
    reader = Read(Read.Config(max_bytes=1_000_000))
    reader.warm_up()
    tracemalloc.start()
    try:
        refused, after = list(reader.read(file))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert message(refused) == f"{file}:1: line is 30,000,026 bytes, over max_bytes=1,000,000; not read"
    assert after.id == "after" and after.status == "ok"
    assert peak < 5_000_000, f"peak {peak:,} bytes: the long line was held in memory"


def test_min_chars_skips_short_texts(tmp_path: Path) -> None:
    file = write_jsonl(tmp_path / "feed.jsonl", {"id": "s", "text": "Bref."}, {"id": "l", "text": FRENCH})
    short, long = read_all(file, min_chars=50)
    assert short.status == "skipped"
    assert message(short) == f"{file}:1: text has 5 characters, fewer than min_chars=50"
    assert long.status == "ok"


# -- language ----------------------------------------------------------------------------------
def test_english_article_is_skipped_french_kept(tmp_path: Path) -> None:
    file = write_jsonl(
        tmp_path / "feed.jsonl",
        {"id": "en", "title": "Pension reform: no retreat", "text": ENGLISH},
        {"id": "fr", "title": FRENCH_TITLE, "text": FRENCH},
    )
    english, french = read_all(file)
    assert english.status == "skipped"
    assert message(english) == f"{file}:1: language is 'en' (confidence 1.00), not one of ['fr']"
    assert french.status == "ok" and french.warnings == []
    assert french.metadata["langid"]["language"] == "fr"


def test_other_languages_can_be_accepted(tmp_path: Path) -> None:
    file = write_jsonl(tmp_path / "feed.jsonl", {"text": ENGLISH}, {"text": FRENCH})
    assert [a.status for a in read_all(file, languages=["fr", "en"])] == ["ok", "ok"]
    assert [a.status for a in read_all(file, languages=[])] == ["ok", "ok"]


def test_very_short_text_is_kept_with_a_warning(tmp_path: Path) -> None:
    file = write_jsonl(tmp_path / "feed.jsonl", {"title": "Brexit", "text": "OK."})
    article = only(file)
    assert article.status == "ok"
    assert article.warnings == ["read: language not checked: only 8 letters (min_language_chars=40)"]


def test_uncertain_language_is_kept_with_a_warning(tmp_path: Path) -> None:
    mixed = (
        "The Prime Minister said on Tuesday that the government would not back down. "
        "Le Premier ministre a déclaré mardi que le gouvernement ne reculerait pas."
    )
    article = only(write_jsonl(tmp_path / "feed.jsonl", {"text": mixed}))
    assert article.status == "ok", article.errors
    assert article.warnings == ["read: language uncertain: best guess 'en' (0.50), fr 0.48; kept"]


# -- unsupported files and bad paths -----------------------------------------------------------
def test_unsupported_extension_in_directory_is_warned_and_counted(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "a.txt").write_text(f"{FRENCH_TITLE}\n{FRENCH}\n", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    reader = Read()
    with caplog.at_level(logging.WARNING, logger="pipeline.stages.read"):
        articles = list(reader.read(tmp_path))
    assert [a.id for a in articles] == ["a"]
    assert reader.stats["unsupported_files"] == 1 and reader.stats["hidden_files"] == 1
    assert f"{tmp_path / 'photo.jpg'}: unsupported file type '.jpg', not read" in caplog.text


def test_unsupported_extension_can_fail_instead(tmp_path: Path) -> None:
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    article = only(tmp_path, on_unsupported="fail")
    assert article.status == "failed" and article.id == "notes"
    assert message(article).startswith(f"{tmp_path / 'notes.docx'}: unsupported file type '.docx'")


def test_unsupported_file_named_explicitly_is_an_error(tmp_path: Path) -> None:
    file = tmp_path / "notes.docx"
    file.write_bytes(b"PK\x03\x04")
    with pytest.raises(ReadError, match=r"notes\.docx: unsupported file type '\.docx'; the read stage reads"):
        Read().read(file)


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file or directory"):
        Read().read(tmp_path / "nope")


def test_process_is_not_for_a_source() -> None:
    with pytest.raises(TypeError, match="source"):
        Read().process([])


# -- config ------------------------------------------------------------------------------------
def test_config_rejects_unknown_keys_and_bad_values() -> None:
    with pytest.raises(ValidationError, match="max_byte"):
        Read.Config(max_byte=10)  # type: ignore[call-arg]
    with pytest.raises(ValidationError, match="greater than 0"):
        Read.Config(max_bytes=0)
    with pytest.raises(ValidationError, match="'French' is not a language code"):
        Read.Config(languages=["French"])


def test_unknown_language_code_fails_at_warm_up() -> None:
    reader = Read(Read.Config(languages=["fr", "zz"]))
    with pytest.raises(ValueError, match=r"read -> languages: language code\(s\) \['zz'\] unknown"):
        reader.warm_up()


# -- everything together -----------------------------------------------------------------------
def test_mixed_directory(tmp_path: Path) -> None:
    (tmp_path / "01-ok.txt").write_text(f"{FRENCH_TITLE}\n{FRENCH}\n", encoding="utf-8")
    (tmp_path / "02-empty.txt").write_bytes(b"")
    (tmp_path / "03-binary.md").write_bytes(b"GIF89a\x00\x01")
    (tmp_path / "04-english.txt").write_text(f"Pension reform\n{ENGLISH}\n", encoding="utf-8")
    (tmp_path / "05-latin1.txt").write_bytes(b"Titre\nLa r\xe9forme")
    write_jsonl(
        tmp_path / "06-feed.jsonl",
        {"id": "j1", "text": FRENCH},
        "{not json",
        {"id": "j3"},
        {"id": "01-ok", "text": FRENCH},
    )
    (tmp_path / "07-page.html").write_text(HTML_PAGE, encoding="utf-8")
    (tmp_path / "08-image.png").write_bytes(b"\x89PNG")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "09-ok.md").write_text(f"# {FRENCH_TITLE}\n{FRENCH}\n", encoding="utf-8")

    def summary() -> list[tuple[str, str, str]]:
        reader = Read()
        rows: list[tuple[str, str, str]] = [
            (a.id, a.status, a.errors[-1].message if a.errors else "") for a in reader.read(tmp_path)
        ]
        assert reader.stats["unsupported_files"] == 1
        return rows

    rows = summary()
    feed = tmp_path / "06-feed.jsonl"
    assert [(row[0], row[1]) for row in rows] == [
        ("01-ok", "ok"),
        ("02-empty", "failed"),
        ("03-binary", "failed"),
        ("04-english", "skipped"),
        ("05-latin1", "failed"),
        ("j1", "ok"),
        ("06-feed:2", "failed"),
        ("j3", "failed"),
        (f"01-ok@{feed}:4", "failed"),
        ("07-page", "ok"),
        ("09-ok", "ok"),
    ]
    reasons = [row[2] for row in rows]
    assert reasons[1] == f"{tmp_path / '02-empty.txt'}: empty file"
    assert reasons[2].startswith(f"{tmp_path / '03-binary.md'}: binary file")
    assert reasons[3].startswith(f"{tmp_path / '04-english.txt'}: language is 'en'")
    assert reasons[4].startswith(f"{tmp_path / '05-latin1.txt'}: invalid UTF-8 at byte offset 10 (line 2")
    assert reasons[6].startswith(f"{feed}:2: malformed JSON: ")
    assert reasons[7] == f"{feed}:3: record has no 'text' field"
    assert reasons[8].startswith(
        f"{feed}:4: duplicate id '01-ok', already read from {tmp_path / '01-ok.txt'};"
    )
    assert rows == summary()  # deterministic
