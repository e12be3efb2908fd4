"""Plain text and Markdown reports, with optional YAML front matter.

::

    ---
    published: 2020-11-18
    title: Rockets hit the Green Zone
    url: https://example.org/story
    source: Example News
    ---
    Body text...

Without front matter, the first non-blank line is the headline (see
:func:`split_headline`). Markdown is reduced to its words: heading marks, emphasis
and link targets are dropped so quotes read as plain sentences.
"""

from __future__ import annotations

import re

import yaml

from mapper.errors import ReportError
from mapper.read.fields import MAX_TEXT_CHARS, Entry

#: A headline longer than this is a paragraph, not a title.
MAX_HEADLINE_CHARS = 200
#: Longest front matter read; real ones are a few lines, and YAML parses ~0.5 MB a second.
MAX_FRONT_MATTER_CHARS = 65_536
#: Markdown beyond this is left as it is: the text is cut at MAX_TEXT_CHARS anyway, and
#: the patterns cost up to 500 steps a character on hostile lines ("[[[[...").
_MARKDOWN_CHARS = 2 * MAX_TEXT_CHARS

_FENCE = re.compile(r"---[ \t]*")
_CLOSING_FENCE = re.compile(r"(?:---|\.\.\.)[ \t]*")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.MULTILINE)
# Bounded repeats keep hostile input (a line of 10,000 "[" or "*") linear.
_IMAGE = re.compile(r"!\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)")
_LINK = re.compile(r"\[([^\]\n]{1,500})\]\([^)\n]{0,2000}\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.{1,500}?)(?<=\S)\1")
_QUOTE_MARK = re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE)


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader with dates left as text, for :func:`parse_published` to read.

    The stock resolver turns ``2020-13-45`` into a date that cannot exist and raises;
    as text it is one warning about one field, and the report is still read.
    """


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_text(path: str, text: str) -> list[Entry | ReportError]:
    """Read one ``.txt`` or ``.md`` report from its decoded *text*."""
    fields: dict[str, object] = {}
    body, body_line = text, 1
    lines = text.split("\n")
    if lines and _FENCE.fullmatch(lines[0].rstrip("\r")):
        parsed = _front_matter(path, lines)
        if isinstance(parsed, ReportError):
            return [parsed]
        fields, body_line = parsed
        body = "\n".join(lines[body_line - 1 :])
    is_markdown = path.lower().endswith(".md")
    headline: str | None = None
    title = fields.get("title")
    if isinstance(title, str | int | float):  # a list or mapping is refused later, unread
        body = drop_repeated_headline(body, str(title))
    elif not fields or (is_markdown and _HEADING.match(body.lstrip())):
        # A Markdown heading names the report even under front matter without a title.
        headline, body = split_headline(body)
    if is_markdown:
        body = markdown_to_text(body)
    body = body.strip()
    if not body:
        return [ReportError(path, "no report text", line=body_line if fields else None)]
    return [Entry(text=body, fields=fields, headline=headline)]


def _front_matter(path: str, lines: list[str]) -> tuple[dict[str, object], int] | ReportError:
    """Parse the YAML block that opens *lines*; return it and the body's first line."""
    number = next(
        (
            n
            for n, line in enumerate(lines[1:], start=2)
            if _CLOSING_FENCE.fullmatch(line.rstrip("\r"))
        ),
        None,
    )
    if number is None:
        return ReportError(
            path, "front matter opened on this line is never closed by '---'", line=1
        )
    block = "\n".join(lines[1 : number - 1])
    if len(block) > MAX_FRONT_MATTER_CHARS:
        reason = (
            f"front matter too large: {len(block):,} characters is over the "
            f"{MAX_FRONT_MATTER_CHARS:,}-character limit"
        )
        return ReportError(path, reason, line=1)
    try:
        data = yaml.load(block, Loader=_FrontMatterLoader)  # a SafeLoader: no Python tags
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = 2 + mark.line if mark is not None else 1
        problem = getattr(error, "problem", None) or "not valid YAML"
        return ReportError(path, f"front matter is not valid YAML: {problem}", line=where)
    except RecursionError:  # the composer recurses once per bracket
        return ReportError(path, "front matter is not valid YAML: nested too deeply", line=1)
    except (ValueError, TypeError, OverflowError) as error:
        # Tagged or date-like values are built by Python after parsing: 2020-13-45 is
        # valid YAML syntax for a date that does not exist.
        return ReportError(path, f"front matter has a value YAML cannot build: {error}", line=1)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return ReportError(path, "front matter is not a set of 'key: value' lines", line=2)
    return {str(key).lower(): value for key, value in data.items()}, number + 1


def split_headline(body: str) -> tuple[str | None, str]:
    """Take the first non-blank line of *body* as its headline.

    Only a short line followed by more text counts: a report that is one long
    paragraph keeps it as its text.
    """
    stripped = body.lstrip()
    first, _, rest = stripped.partition("\n")
    first = _HEADING.sub(r"\1", first).strip()
    if not first or len(first) > MAX_HEADLINE_CHARS or not rest.strip():
        return None, body
    return first, rest


def drop_repeated_headline(body: str, title: str) -> str:
    """Remove *body*'s first line when it only repeats *title*."""
    stripped = body.lstrip()
    first, _, rest = stripped.partition("\n")
    if _comparable(first) == _comparable(title):
        return rest
    return body


def _comparable(line: str) -> str:
    """Fold a line for comparing headlines: case and spacing ignored."""
    return " ".join(line.lstrip("#").split()).casefold()


def markdown_to_text(body: str) -> str:
    """Reduce Markdown to its words: headings, emphasis, links and images unwrapped."""
    if len(body) > _MARKDOWN_CHARS:
        cut = body.rfind("\n", 0, _MARKDOWN_CHARS) + 1 or _MARKDOWN_CHARS
        return markdown_to_text(body[:cut]) + body[cut:]
    body = _HEADING.sub(r"\1", body)
    body = _IMAGE.sub("", body)
    body = _LINK.sub(r"\1", body)
    body = _EMPHASIS.sub(r"\2", body)
    return _QUOTE_MARK.sub("", body)
