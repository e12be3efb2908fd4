"""HTML reports: the article's text and the page's metadata, with the stdlib parser.

The text comes from the longest ``<article>``, else the longest ``<main>``, else
the whole ``<body>``; navigation, headers, footers, asides, forms, scripts, styles,
figures (photo captions are not incidents) and datelines (a ``<time>`` outside a
paragraph) are left out. Metadata, in order of
preference:

==========  ====================================================================
title       ``og:title``, the first ``<h1>``, then ``<title>``
published   ``article:published_time``, ``datePublished``, the first ``<time datetime>``
url         ``<link rel="canonical">``, then ``og:url``
source      ``og:site_name``
==========  ====================================================================
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

from mapper.errors import ReportError
from mapper.read.fields import Entry
from mapper.read.text import drop_repeated_headline

#: Elements whose text is never report text.
DROPPED = frozenset(
    {
        "aside",
        "button",
        "figcaption",
        "figure",
        "footer",
        "form",
        "header",
        "iframe",
        "nav",
        "noscript",
        "script",
        "select",
        "style",
        "svg",
        "template",
        "textarea",
    }
)
#: Elements that start a new paragraph of text.
BLOCKS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)
#: Elements that never have an end tag, so never stay open.
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_CONTAINERS = ("article", "main")
#: Elements that hold running prose: a ``<time>`` outside them is a dateline, not text.
_PROSE = ("p", "li", "blockquote", "td", "dd")
#: ``<meta>`` keys (``property``, ``name`` or ``itemprop``) -> the field they give.
_META_FIELDS: dict[str, str] = {
    "og:title": "title",
    "article:published_time": "published",
    "datepublished": "published",
    "og:url": "url",
    "og:site_name": "source",
}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class _ArticleParser(HTMLParser):
    """Collect paragraphs per container and the page's metadata in one pass."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.drops: list[bool] = []  # per open element: is its text left out?
        # Counts of open tags by name, so hostile nesting costs no rescans of `open`.
        self.open_counts: Counter[str] = Counter()
        self.dropped_depth = 0
        # One list of paragraphs per container: index 0 is the body, then one per
        # <article>/<main> in document order.
        self.kinds: list[str] = ["body"]
        self.paragraphs: list[list[str]] = [[]]
        self.active: list[int] = [0]
        self.pending: list[str] = []
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] | None = None
        self.h1_parts: list[str] | None = None
        self.h1: str | None = None
        self.page_title: str | None = None
        self.canonical: str | None = None
        self.time: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag in BLOCKS:
            self._flush()
        if tag == "meta":
            self._meta(attributes)
        elif tag == "link" and "canonical" in attributes.get("rel", "").lower().split():
            self.canonical = self.canonical or attributes.get("href")
        elif tag == "time" and attributes.get("datetime"):
            if attributes.get("itemprop", "").lower() == "datepublished":
                self.meta.setdefault("published", attributes["datetime"])
            self.time = self.time or attributes["datetime"]
        elif tag == "title" and self.page_title is None:
            self.title_parts = []
        elif tag == "h1" and self.h1 is None:
            self.h1_parts = []
        if tag in VOID:
            return
        drop = tag in DROPPED or (
            tag == "time" and not any(self.open_counts[name] for name in _PROSE)
        )
        self.open.append(tag)
        self.drops.append(drop)
        self.open_counts[tag] += 1
        self.dropped_depth += drop
        if tag in _CONTAINERS:
            self.kinds.append(tag)
            self.paragraphs.append([])
            self.active.append(len(self.paragraphs) - 1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self._flush()
        if tag == "title" and self.title_parts is not None:
            self.page_title = _squash("".join(self.title_parts))
            self.title_parts = None
        elif tag == "h1" and self.h1_parts is not None:
            self.h1 = _squash("".join(self.h1_parts))
            self.h1_parts = None
        if not self.open_counts[tag]:
            return  # a stray end tag: browsers ignore it too
        # Close everything opened since the matching start tag (unclosed <p>, <li>...).
        while self.open:
            closed = self.open.pop()
            self.open_counts[closed] -= 1
            self.dropped_depth -= self.drops.pop()
            if closed in _CONTAINERS:
                self.active.pop()
            if closed == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
        if self.h1_parts is not None:
            self.h1_parts.append(data)
        if not self.dropped_depth and not self.open_counts["title"]:
            self.pending.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _meta(self, attributes: dict[str, str]) -> None:
        key = (
            attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or ""
        ).lower()
        field = _META_FIELDS.get(key)
        if field is not None and attributes.get("content"):
            self.meta.setdefault(field, attributes["content"])

    def _flush(self) -> None:
        paragraph = _squash("".join(self.pending))
        self.pending = []
        if paragraph:
            for index in self.active:
                self.paragraphs[index].append(paragraph)

    def article_text(self) -> str:
        """The paragraphs of the longest article, else main, else the body."""
        for kind in _CONTAINERS:
            found = [p for k, p in zip(self.kinds, self.paragraphs, strict=True) if k == kind]
            best = max(found, key=lambda ps: sum(map(len, ps)), default=[])
            if best:
                return "\n\n".join(best)
        return "\n\n".join(self.paragraphs[0])


def _squash(text: str) -> str:
    """Collapse HTML whitespace the way a browser shows it."""
    return " ".join(text.split())


def read_html(path: str, text: str) -> list[Entry | ReportError]:
    """Read one ``.html``/``.htm`` report from its decoded *text*."""
    parser = _ArticleParser()
    parser.feed(text)
    parser.close()
    fields: dict[str, object] = dict(parser.meta)
    title = fields.get("title") or parser.h1 or parser.page_title
    if title:
        fields["title"] = title
    if parser.canonical:
        fields["url"] = parser.canonical
    if "published" not in fields and parser.time:
        fields["published"] = parser.time
    body = parser.article_text()
    if title:
        body = drop_repeated_headline(body, str(title))
        if parser.h1 and parser.h1 != title:
            body = drop_repeated_headline(body, parser.h1)
    body = body.strip()
    if not body:
        return [ReportError(path, "no article text in this page")]
    return [Entry(text=body, fields=fields)]


def declared_charset(raw: bytes) -> str | None:
    """The ``<meta charset>`` a page declares in its first 4 KB, if any."""
    found = _CHARSET.search(raw[:4096])
    return found.group(1).decode("ascii").lower() if found else None
