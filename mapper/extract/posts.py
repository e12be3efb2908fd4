"""Embedded social-media posts: the signature under a post dates what the post says.

Pure. Pages carry posts as their text followed by a signature line, "— Name (@handle)
January 26, 2024"; "yesterday's attack" in that post is 25 January whatever day the
page itself was published (or when it gives none). docs/extraction.md ("Dates").
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from typing import NamedTuple

from mapper.read import MONTHS

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
#: The signature line under an embedded post: a dash, a name, a handle and the day.
_SIGNATURE_RE = re.compile(
    r"^[ \t]*[—–-][ \t]*[^\n]{0,80}?\(@\w{1,30}\)[ \t]+"
    rf"(?P<month>{_MONTH})\.?[ \t]+(?P<day>[0-3]?\d),[ \t]+(?P<year>(?:19|20)\d\d)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
#: How much of a post's first line is looked for in the cleaned text.
_PROBE_CHARS = 60


class Post(NamedTuple):
    """An embedded post's span in the cleaned text and the day it was posted."""

    start: int
    end: int
    day: str


def signed_posts(raw: str) -> list[tuple[str, str]]:
    """The posts embedded in a report: each one's text (the line above its signature)
    and the day it was posted ('YYYY-MM-DD'), in text order."""
    if "(@" not in raw:
        return []
    posts = []
    for match in _SIGNATURE_RE.finditer(raw):
        line_end = _line_end_before(raw, match.start())
        above = raw[raw.rfind("\n", 0, line_end) + 1 : line_end].strip()
        month = MONTHS[match.group("month").lower()]
        try:
            day = dt.date(int(match.group("year")), month, int(match.group("day")))
        except ValueError:
            continue  # "February 30": no day to count from
        if above:
            posts.append((above, day.isoformat()))
    return posts


def embedded_posts(raw: str, cleaned: str) -> list[Post]:
    """The posts embedded in a report, located in its cleaned text.

    Parameters
    ----------
    raw
        The report's text as read.
    cleaned
        The text the sentences were cut from (``Document.text``).

    Returns
    -------
    list of Post
        For each signature line, the paragraph right above it (the post) as it stands
        in *cleaned*, with the signature's day; posts not found there are left out.
    """
    posts: list[Post] = []
    searched = 0  # posts come in text order: each is looked for after the one before
    for above, day in signed_posts(raw):
        start = cleaned.find(above[:_PROBE_CHARS], searched)
        if start >= 0:
            searched = start + len(above)
            posts.append(Post(start, searched, day))
    return posts


def day_posted(sentence: str, posts: list[tuple[str, str]]) -> str | None:
    """The day of the post (from :func:`signed_posts`) that *sentence* is part of, or None."""
    probe = sentence.strip()[:_PROBE_CHARS]
    return next((day for text, day in posts if probe and probe in text), None)


def is_signature(line: str) -> bool:
    """Whether *line* is the signature under an embedded post ("— Name (@handle) May 2, 2024")."""
    return "(@" in line and _SIGNATURE_RE.fullmatch(line.strip()) is not None


def _line_end_before(raw: str, at: int) -> int:
    """Where the last line with text before offset *at* ends (blank lines passed over)."""
    end = at
    while end > 0 and raw[end - 1].isspace():
        end -= 1
    return end


def posted_on(posts: list[Post], at: int) -> str | None:
    """The day of the post holding offset *at* of the cleaned text, or None."""
    index = bisect_right(posts, at, key=lambda post: post.start) - 1
    if index >= 0 and at < posts[index].end:
        return posts[index].day
    return None
