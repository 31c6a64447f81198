"""digest.html in a real browser: it renders, and hostile article content never runs.

Needs Debian's chromium (`apt-get install -y chromium`); skipped without `/usr/bin/chromium`.
`--dump-dom` prints the DOM after the page has loaded and its scripts (and `onerror` handlers) ran,
so a payload that executed shows up as a changed <title> or a `data-pwned` attribute.
`test_harness_sees_a_payload_that_runs` is the control that proves those checks can fail.
"""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from pipeline.render import CONTENT_SECURITY_POLICY, render_digest

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.chromium,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (apt-get install -y chromium)"),
]
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]
PAGE_TITLE = "Morning digest"
MARK = "document.documentElement.setAttribute('data-pwned', '{}')"
SCRIPT = "<script>document.title='PWNED'</script>"
SCRIPT_MARK = f"<script>{MARK.format('script')}</script>"
IMG = "<img src=x onerror=\"document.title='PWNED'\">"
IMG_MARK = f'<img src=x onerror="{MARK.format("img")}">'
HOSTILE_HEADLINE = f"{SCRIPT}{SCRIPT_MARK}Strike at SNCF"


def records() -> list[dict[str, Any]]:
    """Two ordinary briefs, one hostile one, one failed and one skipped article."""
    ordinary = {
        "summary_en": "Rail traffic was heavily disrupted on Tuesday by a strike called by several unions, "
        "who are demanding the withdrawal of the pension reform.",
        "quotes": [
            {
                "text": "Nous ne lâcherons rien",
                "text_en": "We will not give up anything",
                "speaker": "Laurent Brun",
            },
            {"text": "Le dialogue reste ouvert", "text_en": None, "speaker": None},
        ],
        "status": "ok",
        "errors": [],
        "warnings": [],
        "source": "Le Quotidien",
        "date": "2026-11-26",
    }
    return [
        {
            **ordinary,
            "id": "a1",
            "title": "Grève",
            "title_en": "Pension reform: the government will not back down",
            "url": "https://example.fr/retraites",
        },
        {
            **ordinary,
            "id": "a2",
            "title": "Grève SNCF",
            "title_en": HOSTILE_HEADLINE,
            "summary_en": f"Summary {IMG}{IMG_MARK}",
            "quotes": [{"text": IMG, "text_en": f"{IMG_MARK} quote", "speaker": f"{SCRIPT}{SCRIPT_MARK}"}],
            "warnings": [f"read: language uncertain {IMG_MARK}"],
            "source": f"Source {SCRIPT_MARK}",
            "url": "javascript:document.title='PWNED'",
        },
        {
            **ordinary,
            "id": "a3",
            "title": "Budget",
            "title_en": "Budget: the Senate adopts the bill",
            "url": None,
        },
        {
            "id": f"bad{SCRIPT_MARK}",
            "title": "",
            "status": "failed",
            "errors": [
                {"stage": "read", "type": "Error", "message": f"in/feed.jsonl:2: malformed JSON {IMG_MARK}"}
            ],
            "warnings": [],
            "quotes": [],
        },
        {
            "id": "en-1",
            "title": "UK budget",
            "status": "skipped",
            "errors": [
                {"stage": "read", "type": "Error", "message": "in/en.txt: language is 'en' (confidence 1.00)"}
            ],
            "warnings": [],
            "quotes": [],
        },
    ]


class Dom(HTMLParser):
    """What the dumped DOM holds: the <title>, <h2> texts, links, scripts and pwned markers."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.h2: list[str] = []
        self.hrefs: list[str | None] = []
        self.scripts = 0
        self.pwned: list[str | None] = []
        self._open: str | None = None
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if "data-pwned" in attributes:
            self.pwned.append(attributes["data-pwned"])
        if tag == "script":
            self.scripts += 1
        if tag == "a":
            self.hrefs.append(attributes.get("href"))
        if tag in ("title", "h2"):
            self._open = tag
            if tag == "h2":
                self.h2.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open:
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open == "title":
            self.title += data
        elif self._open == "h2":
            self.h2[-1] += data


def chromium(page: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Load `page` from a file:// URL in headless chromium with a throwaway profile."""
    with tempfile.TemporaryDirectory(prefix="digest-chromium-") as folder:
        file = Path(folder) / "digest.html"
        file.write_text(page, encoding="utf-8")
        command = [str(CHROMIUM), *FLAGS, f"--user-data-dir={folder}/profile", *args, file.as_uri()]
        return subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=folder, check=False)


def dump_dom(page: str) -> Dom:
    result = chromium(page, "--dump-dom")
    assert result.returncode == 0 and "<html" in result.stdout, result.stderr[-2000:]
    return Dom(result.stdout)


def assert_nothing_ran(dom: Dom) -> None:
    assert dom.title == PAGE_TITLE
    assert dom.pwned == []
    assert dom.scripts == 0


def test_hostile_digest_renders_and_runs_nothing() -> None:
    dom = dump_dom(render_digest(records(), title=PAGE_TITLE, run_info={"run_id": "r-1"}))
    assert_nothing_ran(dom)
    assert dom.h2 == [
        "Pension reform: the government will not back down",
        HOSTILE_HEADLINE,  # the payload is shown as text
        "Budget: the Senate adopts the bill",
        "Failed and skipped (2)",
    ]
    assert dom.hrefs == ["https://example.fr/retraites"]  # the javascript: URL is not a link


def test_escaping_alone_stops_the_payload() -> None:
    page = render_digest(records(), title=PAGE_TITLE, run_info={})
    without_csp = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    assert "Content-Security-Policy" not in without_csp
    assert_nothing_ran(dump_dom(without_csp))


def unescaped_page(csp: str | None) -> str:
    head = f'<meta http-equiv="Content-Security-Policy" content="{csp}">' if csp else ""
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}<title>{PAGE_TITLE}</title></head>"
        f"<body><h2>{HOSTILE_HEADLINE}</h2><p>{IMG}{IMG_MARK}</p></body></html>"
    )


def test_csp_alone_blocks_an_unescaped_payload() -> None:
    dom = dump_dom(unescaped_page(CONTENT_SECURITY_POLICY))
    assert dom.title == PAGE_TITLE and dom.pwned == []


def test_harness_sees_a_payload_that_runs() -> None:
    """Control: without escaping or CSP, the same payload does change the DOM."""
    dom = dump_dom(unescaped_page(None))
    assert dom.title == "PWNED"
    assert "script" in dom.pwned or "img" in dom.pwned


def test_phone_screenshot(tmp_path: Path) -> None:
    shot = tmp_path / "digest-phone.png"
    page = render_digest(records(), title=PAGE_TITLE, run_info={"run_id": "r-1", "seconds": 42})
    result = chromium(page, f"--screenshot={shot}", "--window-size=390,844")
    assert result.returncode == 0 and shot.exists(), result.stderr[-2000:]
    header = shot.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    assert (width, height) == (390, 844)
    assert shot.stat().st_size > 10_000  # a blank page compresses to a few hundred bytes
