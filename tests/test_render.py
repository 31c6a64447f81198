"""digest.html and briefs.md: structure, fallbacks, and escaping of hostile record content."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from pipeline.render import CONTENT_SECURITY_POLICY, render_briefs_md, render_digest

SCRIPT = "<script>document.title='PWNED'</script>"
IMG = "<img src=x onerror=\"document.title='PWNED'\">"


def record(number: int, **fields: Any) -> dict[str, Any]:
    """A finished ok record with a headline, a summary and two quotes."""
    base: dict[str, Any] = {
        "id": f"art-{number}",
        "title": f"Titre {number}",
        "title_en": f"Headline {number}",
        "summary_en": f"Summary of article {number}.",
        "quotes": [
            {
                "text": "Nous ne reculerons pas",
                "text_en": "We will not back down",
                "speaker": "Élisabeth Borne",
            },
            {"text": "C'est inacceptable", "text_en": None, "speaker": None},
        ],
        "status": "ok",
        "errors": [],
        "warnings": [],
        "source": "Le Monde",
        "url": f"https://www.lemonde.fr/article-{number}",
        "date": "2026-11-26",
    }
    base.update(fields)
    return base


def failed(article_id: str, message: str, status: str = "failed") -> dict[str, Any]:
    """A failed (or skipped) record as the read stage leaves it."""
    return {
        "id": article_id,
        "title": "",
        "status": status,
        "errors": [{"stage": "read", "type": "Error", "message": message}],
        "warnings": [],
        "quotes": [],
    }


def hostile() -> dict[str, Any]:
    """A record with script payloads in every field a page shows."""
    return record(
        9,
        id=f'evil"{SCRIPT}',
        title=SCRIPT,
        title_en=f"{SCRIPT} Headline",
        summary_en=f"Summary {IMG}",
        quotes=[
            {"text": IMG, "text_en": f"{IMG} quote", "speaker": f"{SCRIPT}<b onmouseover=alert(1)>x</b>"}
        ],
        warnings=[f"warning {IMG}"],
        source=f"Source {SCRIPT}",
        date=IMG,
        url="javascript:document.title='PWNED'",
    )


class Tags(HTMLParser):
    """Every start tag with its attributes, as a browser's tokenizer sees them."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def of(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.tags if tag == name]


ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "p", "main", "section"} | {
    "article",
    "h2",
    "a",
    "div",
    "ul",
    "li",
    "span",
    "footer",
}


# -- escaping ----------------------------------------------------------------------------------
def test_hostile_content_never_becomes_markup() -> None:
    page = render_digest(
        [hostile(), failed(f"bad{SCRIPT}", f"x.txt: {IMG}")],
        title=f"Digest {SCRIPT}",
        run_info={"run_id": SCRIPT, "finished": IMG, "seconds": 1.5},
    )
    tags = Tags(page)
    assert {tag for tag, _ in tags.tags} <= ALLOWED_TAGS
    assert not tags.of("script") and not tags.of("img") and not tags.of("b")
    for tag, attrs in tags.tags:
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
    assert "<script" not in page.lower() and "<img" not in page.lower()
    # The payload is visible to the reader, as text.
    assert "&lt;script&gt;document.title=&#x27;PWNED&#x27;&lt;/script&gt; Headline" in page
    assert "&lt;img src=x onerror=&quot;document.title=&#x27;PWNED&#x27;&quot;&gt;" in page


def test_only_http_urls_become_links() -> None:
    records = [
        record(1, url="https://example.fr/a?b=1&c=2"),
        record(2, url="javascript:document.title='PWNED'"),
        record(3, url="JaVaScRiPt:alert(1)"),
        record(4, url="data:text/html,<script>alert(1)</script>"),
        record(5, url='https://example.fr/" onmouseover="alert(1)'),
        record(6, url="java\tscript:alert(1)"),
        record(7, url="http://"),
        record(8, url=None),
    ]
    page = render_digest(records, title="Digest", run_info={})
    links = Tags(page).of("a")
    assert [a["href"] for a in links] == ["https://example.fr/a?b=1&c=2"]
    assert links[0]["rel"] == "noopener noreferrer nofollow"
    assert '<span class="url">javascript:document.title=&#x27;PWNED&#x27;</span>' in page
    assert '<span class="url">https://example.fr/&quot; onmouseover=&quot;alert(1)</span>' in page


def test_page_is_self_contained_with_csp_and_viewport() -> None:
    page = render_digest([record(1)], title="Digest", run_info={})
    metas = Tags(page).of("meta")
    csp = [m for m in metas if m.get("http-equiv") == "Content-Security-Policy"]
    assert csp and csp[0]["content"] == CONTENT_SECURITY_POLICY
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY and "script-src" not in CONTENT_SECURITY_POLICY
    assert {"name": "viewport", "content": "width=device-width, initial-scale=1"} in metas
    # CSP must precede any content for the meta tag to cover it.
    assert page.index("Content-Security-Policy") < page.index("<title>")
    tags = Tags(page)
    assert not tags.of("link") and not tags.of("script") and not tags.of("iframe")
    assert not [attrs for _, attrs in tags.tags if "src" in attrs]


# -- structure ---------------------------------------------------------------------------------
def test_one_block_per_ok_record_in_order_and_problems_section() -> None:
    records = [
        record(1),
        failed("f-1", "in.jsonl:2: malformed JSON: Expecting value at column 1"),
        record(2),
        failed("s-1", "in.jsonl:3: language is 'en' (confidence 1.00), not one of ['fr']", "skipped"),
        record(3),
    ]
    page = render_digest(records, title="Morning digest", run_info={"run_id": "r-42", "seconds": 61.2})
    blocks = Tags(page).of("article")
    assert [b["data-id"] for b in blocks] == ["art-1", "art-2", "art-3"]
    headlines = re.findall(r"<h2>(Headline \d)</h2>", page)
    assert headlines == ["Headline 1", "Headline 2", "Headline 3"]
    problems = page[page.index('<section class="problems"') :]
    assert "Failed and skipped (2)" in problems
    assert problems.index("f-1") < problems.index("s-1")
    assert "read: in.jsonl:2: malformed JSON: Expecting value at column 1" in problems
    assert "status-skipped" in problems
    assert "<title>Morning digest</title>" in page and "Run r-42" in page and "61 s" in page
    assert "3 briefs · 2 failed or skipped" in page


def test_no_problems_section_when_all_ok() -> None:
    page = render_digest([record(1)], title="Digest", run_info={})
    assert '<section class="problems"' not in page and "1 brief<" in page


def test_empty_digest_says_so() -> None:
    page = render_digest([], title="Digest", run_info={})
    assert "No articles were processed successfully." in page


def test_brief_shows_summary_quotes_speakers_source_link_and_warnings() -> None:
    page = render_digest([record(1, warnings=["read: language uncertain"])], title="Digest", run_info={})
    assert "<h2>Headline 1</h2>" in page
    assert "<p>Summary of article 1.</p>" in page
    assert "“We will not back down”" in page and "— Élisabeth Borne" in page
    assert "«\u00a0C&#x27;est inacceptable\u00a0»" in page and "— unattributed" in page  # French fallback
    assert "Le Monde · 2026-11-26" in page and ">www.lemonde.fr ↗</a>" in page
    assert "<li>read: language uncertain</li>" in page


def test_headline_falls_back_to_french_title_then_id() -> None:
    page = render_digest(
        [record(1, title_en=None), record(2, title_en=None, title="")], title="Digest", run_info={}
    )
    assert "<h2>Titre 1</h2>" in page and "<h2>art-2</h2>" in page


def test_quotes_attributed_and_longest_first_up_to_max() -> None:
    quotes = [
        {"text": "a", "text_en": "short", "speaker": None},
        {"text": "b", "text_en": "a much longer quote here", "speaker": None},
        {"text": "c", "text_en": "attributed", "speaker": "X"},
    ]
    page = render_digest([record(1, quotes=quotes)], title="Digest", run_info={}, max_quotes=2)
    shown = re.findall(r'<span class="q"[^>]*>(.*?)</span>', page)
    assert shown == ["“attributed”", "“a much longer quote here”"]
    page = render_digest([record(1, quotes=quotes)], title="Digest", run_info={}, max_quotes=0)
    assert 'class="quotes"' not in page


def test_inferred_speakers_marked_and_after_the_sure_ones() -> None:
    quotes = [
        {
            "text": "a",
            "text_en": "the longest quote, its speaker only inferred",
            "speaker": "Y",
            "speaker_basis": "context",
        },
        {"text": "b", "text_en": "carried on", "speaker": "X", "speaker_basis": "continuation"},
        {"text": "c", "text_en": "unattributed but long enough", "speaker": None},
    ]
    page = render_digest([record(1, quotes=quotes)], title="Digest", run_info={}, max_quotes=3)
    shown = re.findall(r'<span class="q"[^>]*>(.*?)</span><span class="speaker">— (.*?)</span>', page)
    assert shown == [
        ("“carried on”", "X"),
        ("“the longest quote, its speaker only inferred”", "Y (inferred)"),
        ("“unattributed but long enough”", "unattributed"),
    ]
    text = render_briefs_md([record(1, quotes=quotes)], title="Briefs", max_quotes=1)
    assert "> “carried on” — X\n" in text and "inferred" not in text


# -- briefs.md ---------------------------------------------------------------------------------
def test_briefs_md_structure() -> None:
    records = [
        record(1, summary_en="First line.\nSecond line."),
        failed("f-1", "in.jsonl:2: malformed JSON:\nExpecting value"),
        record(2, quotes=[{"text": "x", "text_en": "multi\nline   quote", "speaker": "Le\nMaire"}]),
    ]
    text = render_briefs_md(records, title="Briefs", run_info={"run_id": "r-1"})
    assert text.startswith("# Briefs\n\n_Run r-1_\n\n## Headline 1\n\nFirst line.\nSecond line.\n\n")
    assert "> “We will not back down” — Élisabeth Borne\n" in text
    assert "> «\u00a0C'est inacceptable\u00a0» — unattributed\n" in text
    assert "> “multi line quote” — Le Maire\n" in text
    assert "Source: Le Monde · 2026-11-26 · <https://www.lemonde.fr/article-1>\n" in text
    assert re.findall(r"^## (.*)$", text, re.MULTILINE) == [
        "Headline 1",
        "Headline 2",
        "Failed and skipped (1)",
    ]
    assert text.endswith("- **f-1** (failed): read: in.jsonl:2: malformed JSON: Expecting value\n")


def test_briefs_md_never_autolinks_other_schemes() -> None:
    text = render_briefs_md([record(1, url="javascript:alert(1)")], title="Briefs")
    assert "<javascript:" not in text
    assert "javascript:alert(1) (not a web link)" in text
