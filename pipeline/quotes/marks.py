"""Find quotation spans in French press text by pairing quotation marks.

Handles « », “ ”, „ “, ‹ ›, straight quotes (direction guessed from the characters around them,
stray spaces and sentences glued to the closing mark included) and mixed pairs (“ ... »). Only the
outermost quotation is returned; quotation marks nested inside stay part of its text. A mark left
open at the end of a paragraph closes there (French multi-paragraph quotations reopen each
paragraph with « and close only the last one); `close_at` is then the paragraph's end. Where the
paragraph break was lost, a « right after a sentence end inside an open « quotation is such a
reopening: the open quotation ends there.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENERS = "«‹„"
CLOSERS = "»›”"
# “ opens, except right after „ (German-style „ ... “) where it closes.
LEFT_DOUBLE = "“"
STRAIGHT = '"'
ALL_MARKS = OPENERS + CLOSERS + LEFT_DOUBLE + STRAIGHT
_FAMILY = {
    "«": "guillemet",
    "»": "guillemet",
    "‹": "single",
    "›": "single",
    "„": "low",
    "“": "curly",
    "”": "curly",
    '"': "straight",
}
# Characters that may stand between a word and a closing mark or after it.
_SPACES = " \t\u00a0\u202f\u2009\u2007"
_CLOSE_FOLLOW = _SPACES + "\n\r.,;:!?)]}…-–—/'’" + CLOSERS
_OPEN_PRECEDE = _SPACES + "\n\r([{'’/-–—:" + OPENERS + LEFT_DOUBLE
#: Longest quotation we accept, in characters (a longer pairing is almost surely a lost mark).
MAX_QUOTE_CHARS = 3000


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: its marks at `open_at` and `close_at`, its text (marks and outer spaces excluded)."""

    open_at: int
    close_at: int
    start: int
    end: int

    @property
    def marks(self) -> tuple[int, int]:
        """Offsets of the opening and closing mark."""
        return self.open_at, self.close_at


def _straight_role(text: str, i: int) -> str:
    """Guess whether the straight quote at `i` opens ("open"), closes ("close") or is unclear ("?")."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    left_edge = before in _OPEN_PRECEDE
    right_edge = after in _CLOSE_FOLLOW
    if left_edge and not right_edge:
        return "open"
    if right_edge and not left_edge:
        # `pays." L'Inde` may open a quotation after a stray space as well as close one.
        if before in ".!?…" and after in _SPACES:
            return "?"
        return "close"
    if not left_edge and not right_edge:
        # Glued on both sides: `poste"Ces` (lost paragraph break) opens, `mot"s` is noise.
        if after.isupper() or after.isdigit():
            return "close_open"
        return "?"
    return "?"


def _content_bounds(text: str, open_at: int, close_at: int) -> tuple[int, int]:
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Return the outermost quotations of `text`, in order, with exact offsets."""
    spans: list[QuoteSpan] = []
    stack: list[int] = []  # offsets of open marks

    def close(at: int, open_at: int) -> None:
        start, end = _content_bounds(text, open_at, at)
        if end > start and at - open_at <= MAX_QUOTE_CHARS:
            spans.append(QuoteSpan(open_at, at, start, end))

    def pop_to(mark: str) -> int | None:
        """Pop up to the opener matching `mark`'s family (or the top one) and return it."""
        if not stack:
            return None
        family = _FAMILY[mark]
        for depth in range(len(stack) - 1, -1, -1):
            if _FAMILY[text[stack[depth]]] == family or (mark == "“" and text[stack[depth]] == "„"):
                opener = stack[depth]
                del stack[depth:]
                return opener
        return stack.pop()

    def end_paragraph(at: int) -> None:
        if stack:
            close(at, stack[0])
            stack.clear()

    for i, ch in enumerate(text):
        if ch == "\n":
            end_paragraph(i)
            continue
        if ch not in ALL_MARKS:
            continue
        if ch in OPENERS:
            before = text[:i].rstrip(_SPACES)
            if ch == "«" and stack and text[stack[0]] == "«" and before.endswith((".", "!", "?", "…")):
                # `« A. « B. « C. »`: a paragraph reopening, its break lost (newstest2014 joins
                # paragraphs with a space): the quotation so far ends with its sentence
                end_paragraph(len(before))
            stack.append(i)
            continue
        if ch == LEFT_DOUBLE:
            if stack and text[stack[-1]] == "„":
                role = "close"
            elif stack and _straight_role(text, i) == "close" and text[stack[-1]] == "“":
                role = "close"  # “ ... “ typed as closer
            else:
                role = "open"
        elif ch in CLOSERS:
            role = "close"
        else:
            if i > 0 and text[i - 1] == STRAIGHT and stack and stack[-1] == i - 1:
                stack[-1] = i  # doubled opening mark `""mot`: the quotation starts after both
                continue
            role = _straight_role(text, i)
            open_straight = any(text[j] == STRAIGHT for j in stack)
            if role == "?" or role == "close_open":
                role = "close" if open_straight else "open"
            elif role == "open" and open_straight and stack and text[stack[-1]] == STRAIGHT:
                # A clear opener while a straight quote is open: the earlier mark was stray
                # unless the next straight mark clearly closes this one (nested quote).
                stack.pop()
                stack.append(i)
                continue
            elif role == "close" and not open_straight:
                if stack:
                    role = "close"  # straight closer for a typographic opener (mixed pair)
                else:
                    continue  # orphan closer
        if role == "open":
            stack.append(i)
            continue
        opener = pop_to(ch)
        if opener is None:
            continue
        if not stack:
            close(i, opener)
    end_paragraph(len(text))
    spans.sort(key=lambda s: s.open_at)
    return spans
