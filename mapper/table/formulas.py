"""Text cells that no spreadsheet runs as a formula (OWASP, "CSV Injection").

Titles, URLs, outlets and quotes come from the internet. A cell that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a live formula in Excel or
LibreOffice, so the CSV and XLSX writers put a single quote in front of such text
(:func:`guard_formula`) and the readers take exactly that quote off again
(:func:`unguard_formula`), so every value reads back as it was written.
"""

from __future__ import annotations

#: What makes a spreadsheet read a cell as a formula, when it comes first (OWASP, CSV
#: Injection): ``=``, ``+``, ``-``, ``@``, tab and carriage return.
FORMULA_STARTS = frozenset("=+-@\t\r")

#: First characters of the text that :func:`guard_formula` may change.
GUARDED_STARTS = FORMULA_STARTS | {"'"}


def guard_formula(value: str) -> str:
    """Text for a spreadsheet cell that no spreadsheet runs as a formula.

    A value that starts with a character of :data:`FORMULA_STARTS`, after any single
    quotes, gets one more quote in front (OWASP's advice); :func:`unguard_formula`
    takes exactly that quote off again, so every value reads back as it was.

    Parameters
    ----------
    value
        The text of one cell.

    Returns
    -------
    str
        The text to write.

    Examples
    --------
    >>> print(guard_formula('=HYPERLINK("http://evil.example/")'))
    '=HYPERLINK("http://evil.example/")
    >>> print(guard_formula("'Twas a rocket"), guard_formula("'-1"), guard_formula("2020"))
    'Twas a rocket ''-1 2020
    """
    if value[:1] in FORMULA_STARTS or (value[:1] == "'" and _after_quotes(value)):
        return "'" + value
    return value


def unguard_formula(value: str) -> str:
    """The value :func:`guard_formula` was given (other text is returned unchanged).

    Parameters
    ----------
    value
        The text of one cell as read.

    Returns
    -------
    str
        The text before it was guarded.
    """
    if value[:1] == "'" and _after_quotes(value):
        return value[1:]
    return value


def _after_quotes(value: str) -> bool:
    """Whether a formula character follows the leading quotes."""
    first = value.lstrip("'")[:1]
    return first != "" and first in FORMULA_STARTS
