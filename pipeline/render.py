"""Human-readable outputs rendered from finished records (`Article.to_record()` dicts).

- `render_digest` -> digest.html: one self-contained page a desk editor reads on a phone (inline CSS,
  no external assets, no JavaScript, a Content-Security-Policy that forbids scripts).
- `render_briefs_md` -> briefs.md: the same briefs as Markdown.

Both read the record keys `id`, `title`, `title_en`, `summary_en`, `quotes` (dicts with `text`,
`text_en`, `speaker`, `speaker_basis`), `status`, `errors`, `warnings`, `source`, `url`, `date`;
articles with status `ok` become briefs, failed and skipped ones are listed with their reasons in a
final section.

Everything taken from a record is untrusted (it comes from scraped press pages): in HTML it is always
escaped with `html.escape(..., quote=True)`, and only `http(s)` URLs become links.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

#: Defence in depth: even if something slipped through escaping, the page can run no script, load
#: nothing from elsewhere, and post no form.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
)
# Printable, no whitespace, quotes, angle brackets or backslashes: what is left can only be a web
# address, whatever a browser's URL parser would do with tabs, newlines or `\`.
_WEB_URL_RE = re.compile(r"https?://[^\s\"'<>\\`\x00-\x1f\x7f]+", re.IGNORECASE)

_CSS = """
:root { color-scheme: light dark; --fg: #1b1b1b; --muted: #5c5c5c; --bg: #fff; --card: #f6f6f3;
  --accent: #0b57a4; --warn: #8a5a00; --bad: #a4262c; --rule: #dcdcd6; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #ececec; --muted: #a8a8a8; --bg: #141414; --card: #1f1f1f; --accent: #7cb7ff;
    --warn: #e0b050; --bad: #ff8a8a; --rule: #333; } }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); overflow-wrap: anywhere;
  font: 17px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header, main, footer { max-width: 44rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1rem; border-bottom: 1px solid var(--rule); }
header h1 { font-size: 1.35rem; line-height: 1.25; margin: 0 0 .25rem; }
.run { color: var(--muted); font-size: .85rem; margin: 0 0 .75rem; }
.counts { font-size: .9rem; margin: 0 0 .75rem; }
.brief { background: var(--card); border-radius: 10px; padding: .85rem 1rem; margin: 1rem 0; }
.brief h2 { font-size: 1.2rem; line-height: 1.3; margin: 0 0 .35rem; }
.meta { color: var(--muted); font-size: .85rem; margin: 0 0 .5rem; }
.meta a { color: var(--accent); }
.summary p { margin: .4rem 0; }
.quotes { list-style: none; margin: .6rem 0 0; padding: 0; }
.quotes li { border-left: 3px solid var(--accent); padding: .1rem 0 .1rem .7rem; margin: .55rem 0; }
.quotes .q { font-style: italic; }
.quotes .speaker { display: block; color: var(--muted); font-size: .9rem; }
.warnings { color: var(--warn); font-size: .85rem; margin: .6rem 0 0; padding-left: 1.1rem; }
.problems h2 { font-size: 1.1rem; color: var(--bad); }
.problems ul { padding-left: 1.1rem; }
.problems li { margin: .5rem 0; }
.problems .reason { display: block; color: var(--muted); font-size: .85rem; }
.status { font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; font-weight: 600; }
.status-failed { color: var(--bad); } .status-skipped { color: var(--warn); }
.id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; }
footer { color: var(--muted); font-size: .8rem; padding-bottom: 2rem; }
"""


def render_digest(
    records: Iterable[dict[str, Any]],
    *,
    title: str,
    run_info: dict[str, Any] | None = None,
    max_quotes: int = 3,
) -> str:
    """digest.html: one brief per ok record (headline, summary, quotes, source), then the problems."""
    briefs: list[str] = []
    problems: list[str] = []
    for record in records:
        if record.get("status", "ok") == "ok":
            briefs.append(_brief_html(record, len(briefs) + 1, max_quotes))
        else:
            problems.append(_problem_html(record))
    counts = f"{len(briefs)} brief{'s' if len(briefs) != 1 else ''}"
    if problems:
        counts += f" · {len(problems)} failed or skipped"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_esc(CONTENT_SECURITY_POLICY)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{_esc(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_esc(title)}</h1>",
    ]
    run_line = _run_line(run_info)
    if run_line:
        parts.append(f'<p class="run">{_esc(run_line)}</p>')
    parts.append(f'<p class="counts">{_esc(counts)}</p>')
    parts += ["</header>", "<main>", '<section class="briefs" aria-label="Briefs">']
    parts += briefs or ['<p class="meta">No articles were processed successfully.</p>']
    parts.append("</section>")
    if problems:
        parts += [
            '<section class="problems" id="problems">',
            f"<h2>Failed and skipped ({len(problems)})</h2>",
            "<ul>",
            *problems,
            "</ul>",
            "</section>",
        ]
    parts += ["</main>", "<footer><p>Generated by pressbrief.</p></footer>", "</body>", "</html>", ""]
    return "\n".join(parts)


def render_briefs_md(
    records: Iterable[dict[str, Any]],
    *,
    title: str,
    run_info: dict[str, Any] | None = None,
    max_quotes: int = 3,
) -> str:
    """briefs.md: `## headline`, summary, `> “quote” — speaker` lines, source; then the problems."""
    lines = [f"# {_one_line(title)}", ""]
    run_line = _run_line(run_info)
    if run_line:
        lines += [f"_{run_line}_", ""]
    problems: list[str] = []
    for record in records:
        if record.get("status", "ok") != "ok":
            problems.append(f"- {_problem_text(record)}")
            continue
        lines += [f"## {_headline(record)}", ""]
        summary = _text(record.get("summary_en"))
        if summary:
            lines += [summary, ""]
        for text, speaker, _french in _quotes(record, max_quotes):
            lines += [f"> {_quoted(text, _french)} — {speaker}", ""]
        source = _source_line(record)
        url = _text(record.get("url"))
        if url:
            link = f"<{url}>" if _web_url(url) else f"{_one_line(url)} (not a web link)"
            source = f"{source} · {link}" if source else link
        if source:
            lines += [f"Source: {source}", ""]
        for warning in record.get("warnings") or []:
            lines += [f"_Warning: {_one_line(str(warning))}_", ""]
    if problems:
        lines += [f"## Failed and skipped ({len(problems)})", "", *problems, ""]
    return "\n".join(lines).rstrip("\n") + "\n"


# -- pieces ------------------------------------------------------------------------------------
def _brief_html(record: dict[str, Any], number: int, max_quotes: int) -> str:
    """One <article> block for an ok record."""
    parts = [f'<article class="brief" id="brief-{number}" data-id="{_esc(record.get("id"))}">']
    parts.append(f"<h2>{_esc(_headline(record))}</h2>")
    meta = _source_line(record)
    url = _text(record.get("url"))
    pieces = [_esc(meta)] if meta else []
    if url:
        if _web_url(url):
            label = urlsplit(url).hostname or url
            link = f'<a href="{_esc(url)}" rel="noopener noreferrer nofollow" target="_blank">'
            pieces.append(f"{link}{_esc(label)} ↗</a>")
        else:
            pieces.append(f'<span class="url">{_esc(url)}</span>')
    if pieces:
        parts.append(f'<p class="meta">{" · ".join(pieces)}</p>')
    summary = _text(record.get("summary_en"))
    if summary:
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", summary) if p.strip()]
        parts.append('<div class="summary">' + "".join(f"<p>{_esc(p)}</p>" for p in paragraphs) + "</div>")
    quotes = _quotes(record, max_quotes)
    if quotes:
        parts.append('<ul class="quotes">')
        for text, speaker, french in quotes:
            lang = ' lang="fr"' if french else ""
            parts.append(
                f'<li><span class="q"{lang}>{_esc(_quoted(text, french))}</span>'
                f'<span class="speaker">— {_esc(speaker)}</span></li>'
            )
        parts.append("</ul>")
    warnings = [str(w) for w in record.get("warnings") or []]
    if warnings:
        parts.append('<ul class="warnings">' + "".join(f"<li>{_esc(w)}</li>" for w in warnings) + "</ul>")
    parts.append("</article>")
    return "\n".join(parts)


def _problem_html(record: dict[str, Any]) -> str:
    """One <li> for a failed or skipped record: id, status, headline if any, reasons."""
    status = str(record.get("status") or "failed")
    headline = _one_line(_text(record.get("title_en")) or _text(record.get("title")))
    reasons = _reasons(record) or [status]
    return (
        f'<li><span class="status status-{_esc(_css_word(status))}">{_esc(status)}</span> '
        f'<span class="id">{_esc(record.get("id"))}</span>'
        + (f" — {_esc(headline)}" if headline else "")
        + "".join(f'<span class="reason">{_esc(reason)}</span>' for reason in reasons)
        + "</li>"
    )


def _problem_text(record: dict[str, Any]) -> str:
    """One Markdown list item's text for a failed or skipped record."""
    status = str(record.get("status") or "failed")
    reasons = "; ".join(_reasons(record)) or status
    return f"**{_one_line(str(record.get('id')))}** ({status}): {reasons}"


def _reasons(record: dict[str, Any]) -> list[str]:
    """`stage: message` for each error of a record, on one line each."""
    reasons = []
    for error in record.get("errors") or []:
        if isinstance(error, dict):
            stage, message = error.get("stage"), error.get("message")
            reasons.append(_one_line(f"{stage}: {message}" if stage else str(message)))
        else:
            reasons.append(_one_line(str(error)))
    return reasons


def _headline(record: dict[str, Any]) -> str:
    """English headline, else the French title, else the id; on one line."""
    for key in ("title_en", "title"):
        text = _one_line(_text(record.get(key)))
        if text:
            return text
    return _one_line(str(record.get("id") or "(untitled)"))


def _quotes(record: dict[str, Any], max_quotes: int) -> list[tuple[str, str, bool]]:
    """Up to `max_quotes` (text, speaker, is_french) tuples, longest first among the quotes whose
    speaker a cue or another quote gives, then those whose speaker is only inferred from the context
    (marked `(inferred)`: the least sure), then the unattributed."""
    found: list[tuple[str, str, bool]] = []
    rank: list[int] = []
    for quote in record.get("quotes") or []:
        if not isinstance(quote, dict):
            continue
        english = _one_line(_text(quote.get("text_en")))
        text = english or _one_line(_text(quote.get("text")))
        if not text:
            continue
        speaker = _one_line(_text(quote.get("speaker")))
        inferred = bool(speaker) and quote.get("speaker_basis") == "context"
        label = f"{speaker} (inferred)" if inferred else speaker or "unattributed"
        found.append((text, label, not english))
        rank.append(2 if not speaker else 1 if inferred else 0)
    order = sorted(range(len(found)), key=lambda i: (rank[i], -len(found[i][0])))
    return [found[i] for i in order[: max(max_quotes, 0)]]


def _quoted(text: str, french: bool) -> str:
    """The quote in the quotation marks of its language."""
    return f"«\u00a0{text}\u00a0»" if french else f"“{text}”"


def _source_line(record: dict[str, Any]) -> str:
    """`source · date`, whichever is present."""
    values = (_one_line(_text(record.get(key))) for key in ("source", "date"))
    return " · ".join(value for value in values if value)


def _run_line(run_info: dict[str, Any] | None) -> str:
    """A one-line summary of the run report (id, finish time, duration), if one was given."""
    if not run_info:
        return ""
    pieces = []
    if run_info.get("run_id"):
        pieces.append(f"Run {run_info['run_id']}")
    when = run_info.get("finished") or run_info.get("started")
    if when:
        pieces.append(str(when))
    if isinstance(run_info.get("seconds"), int | float):
        pieces.append(f"{run_info['seconds']:.0f} s")
    return _one_line(" · ".join(pieces))


def _web_url(url: str) -> bool:
    """True only for plain http(s) URLs with a host: the only ones that become links."""
    return bool(_WEB_URL_RE.fullmatch(url)) and bool(urlsplit(url).hostname)


def _text(value: Any) -> str:
    """A record field as stripped text ('' for missing or non-text values)."""
    if value is None or isinstance(value, dict | list):
        return ""
    return str(value).strip()


def _one_line(text: str) -> str:
    """Collapse all whitespace (newlines included) to single spaces."""
    return " ".join(text.split())


def _css_word(text: str) -> str:
    return re.sub(r"[^a-z-]", "", text.lower()) or "unknown"


def _esc(value: Any) -> str:
    """HTML-escape anything taken from a record, quotes included (safe in text and attributes)."""
    return html.escape("" if value is None else str(value), quote=True)
