"""Text geometry shared by the stages: paragraphs and cuts that keep exact character offsets."""

from __future__ import annotations

import re
from collections.abc import Callable

_SPACES = "\\s\u00a0\u202f"
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
# Where an over-long sentence may be cut: after clause or sentence punctuation, else at a space.
_PUNCT_CUT = re.compile(f"[,;:.!?…)\\]»”–—]+(?=[{_SPACES}])")
_SPACE_CUT = re.compile(f"[{_SPACES}]+")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, whitespace-trimmed.

    Paragraphs are separated by blank lines when the text has any; otherwise (press copy with one
    paragraph per line) by single line breaks.
    """
    separator = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n")
    spans: list[tuple[int, int]] = []
    position = 0
    for match in [*separator.finditer(text), None]:
        end = match.start() if match else len(text)
        start, stop = trim(text, position, end)
        if start < stop:
            spans.append((start, stop))
        if match:
            position = match.end()
    return spans


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink the span [start, end) of `text` past its leading and trailing whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_to_fit(text: str, fits: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Cut `text` into whitespace-trimmed (start, end) spans that each pass `fits`.

    Cuts fall after punctuation when that keeps pieces reasonably long, else at a space, else
    (a single over-long word) between characters. Together the spans cover every non-whitespace
    character of `text`, in order.
    """
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    end = len(text.rstrip())
    while start < end:
        if fits(text[start:end]):
            spans.append((start, end))
            break
        cut = _best_cut(text, start, end, fits)
        stop = start + len(text[start:cut].rstrip())
        spans.append((start, stop))
        start = _skip_space(text, cut)
    return spans


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _best_cut(text: str, start: int, end: int, fits: Callable[[str], bool]) -> int:
    window = text[start:end]
    punct = _largest_fitting(text, start, [start + m.end() for m in _PUNCT_CUT.finditer(window)], fits)
    space = _largest_fitting(text, start, [start + m.start() for m in _SPACE_CUT.finditer(window)], fits)
    if punct is not None and (space is None or (punct - start) * 2 >= space - start):
        return punct
    if space is not None:
        return space
    char = _largest_fitting(text, start, list(range(start + 1, end)), fits)
    return char if char is not None else start + 1


def _largest_fitting(text: str, start: int, cuts: list[int], fits: Callable[[str], bool]) -> int | None:
    """The largest cut in `cuts` (ascending) whose piece fits; token counts grow with length."""
    cuts = [c for c in cuts if text[start:c].strip()]
    lo, hi, best = 0, len(cuts) - 1, None
    while lo <= hi:
        mid = (lo + hi) // 2
        if fits(text[start : cuts[mid]].rstrip()):
            best, lo = cuts[mid], mid + 1
        else:
            hi = mid - 1
    return best
