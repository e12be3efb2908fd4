"""Bytes to text: UTF-8 (with or without a byte order mark) and UTF-16 with one.

Anything else is refused rather than guessed (say as cp1252): a wrong guess garbles
exactly the place names the gazetteer has to match, silently. A file that opens with a
UTF-16 byte order mark but holds no UTF-16 text (not one ASCII character, not even a
space: real UTF-16 text has a NUL byte in every ASCII character) is UTF-8 behind two
stray bytes; it is read as UTF-8 with a warning, never decoded as gibberish.
"""

from __future__ import annotations

import codecs
from typing import NamedTuple

from mapper.errors import ReportError
from mapper.read.html import declared_charset

#: Byte order marks of UTF-16, little- and big-endian.
UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
#: The decoding error handler that marks undecodable bytes for a table row to refuse.
UNDECODABLE = "mapper-undecodable"


def _mark_undecodable(error: UnicodeError) -> tuple[str, int]:
    """Decode each bad byte as a lone surrogate in U+DC80..U+DCFF, as surrogateescape
    does for bytes over 0x7F; surrogateescape gives up on UTF-16's low bytes."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(chr(0xDC80 | byte) for byte in bad), error.end


codecs.register_error(UNDECODABLE, _mark_undecodable)


class TableEncoding(NamedTuple):
    """How a table's bytes become text: the codec, and how many bytes come first."""

    codec: str
    skip: int = 0
    warning: ReportError | None = None


def decode_report(
    path: str, raw: bytes, warnings: list[ReportError] | None = None
) -> str | ReportError:
    """Decode a whole report file.

    Parameters
    ----------
    path
        The file's name, for messages.
    raw
        Its bytes: UTF-8 (byte order mark or not), UTF-16 with a byte order mark, or
        for an HTML page the charset its ``<meta>`` declares.
    warnings
        Where a warning about stray UTF-16 mark bytes before UTF-8 text goes.

    Returns
    -------
    str or ReportError
        The text with line ends unified, or the reason it is refused (a NUL, bytes
        that are not UTF-8, UTF-16 that does not decode), naming byte and line.
    """
    if raw.startswith(UTF16_MARKS):
        if b"\x00" in raw[2:] or len(raw) == 2:
            return _utf16(path, raw)
        text = _utf8(path, raw, start=2)
        if warnings is not None and not isinstance(text, ReportError):
            warnings.append(_stray_mark(path, raw))
        return text
    if b"\x00" in raw:
        return binary(path, raw)
    return _utf8(path, raw)


def sniff_table(path: str, head: bytes) -> TableEncoding | ReportError:
    """How to decode a table whose first bytes are *head*, or why it is binary."""
    if head.startswith(UTF16_MARKS):
        if b"\x00" in head[2:] or len(head) == 2:
            return TableEncoding("utf-16")  # the codec reads the mark and its byte order
        return TableEncoding("utf-8", skip=2, warning=_stray_mark(path, head))
    if _looks_binary(head):
        return binary(path, head)
    return TableEncoding("utf-8-sig")


def _utf16(path: str, raw: bytes) -> str | ReportError:
    """Decode UTF-16 behind its byte order mark; a NUL character is binary data."""
    try:
        text = raw.decode("utf-16")
    except UnicodeDecodeError:
        return ReportError(path, "not readable as the UTF-16 its byte order mark announces")
    at = text.find("\x00")
    if at >= 0:
        byte = 2 + len(text[:at].encode("utf-16-le"))
        reason = f"a binary file, not text (NUL character at byte {byte})"
        return ReportError(path, reason, line=text.count("\n", 0, at) + 1)
    return newlines(text)


def _utf8(path: str, raw: bytes, *, start: int = 0) -> str | ReportError:
    """Decode UTF-8 from byte *start*, or an HTML page's declared charset."""
    try:
        return newlines(raw[start:].decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        charset = declared_charset(raw) if path.lower().endswith((".html", ".htm")) else None
        if charset not in (None, "utf-8", "utf8"):
            try:
                return newlines(raw[start:].decode(str(charset)))
            except (LookupError, UnicodeDecodeError):
                pass
        at = start + error.start
        line = raw.count(b"\n", 0, at) + 1
        reason = f"not UTF-8 text (byte 0x{raw[at]:02X} at byte {at}); save it as UTF-8"
        return ReportError(path, reason, line=line)


def _stray_mark(path: str, raw: bytes) -> ReportError:
    """The warning for UTF-8 text behind the two bytes of a UTF-16 byte order mark."""
    mark = raw[:2].hex(" ").upper()
    reason = (
        f"starts with the bytes {mark}, a UTF-16 byte order mark, but holds no UTF-16 text "
        "(not one ASCII character); read as UTF-8 without those two bytes"
    )
    return ReportError(path, reason, line=1)


def _looks_binary(head: bytes) -> bool:
    """Whether a table's first bytes are binary data rather than text with a stray NUL.

    A stray NUL refuses only its own row (see :mod:`mapper.read.tables`); a zip, a
    spreadsheet or UTF-16 without a byte order mark is refused whole.
    """
    nuls = head.count(b"\x00")
    if not nuls:
        return False
    if nuls * 10 > len(head):
        return True
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start < len(head) - 3  # a character cut at the end of the head is fine
    return False


def binary(path: str, raw: bytes) -> ReportError:
    """The error for a file holding NUL bytes."""
    at = raw.index(b"\x00")
    line = raw.count(b"\n", 0, at) + 1
    return ReportError(path, f"a binary file, not text (NUL byte at byte {at})", line=line)


def newlines(text: str) -> str:
    """Unify Windows and old Mac line ends."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
