"""Extraction: report text in, incident mentions out (one row per mention).

Pure text work, one report at a time, against the gazetteer; it never touches a map.
It uses :mod:`gazetteer`, :mod:`mapper.read`'s reports and :mod:`mapper.table`'s
schema. Reading order inside a report (``report``, :func:`extract_report`):

* ``sentences``: clean the page (captions, datelines, sign-offs) and cut it into
  sentences and clauses;
* ``references``: how a clause names an attack already told, several, or another one;
* ``context``: why a sentence that names a place and a weapon tells no incident
  (background, denials, asides);
* ``places``: the most specific place a clause names, and how precise it is
  (``place_words``: the words around a name that change it); ``place_references``:
  places named by their kind ("the air base") or a town near them; ``digest``: a
  round-up's town headings;
  ``headline``: the site a headline names, and what it adds to the first incident;
* ``dates``: the date a sentence gives, resolved against publication
  (:func:`resolve_date`); ``narrative``: dates relative to the story ("a day
  earlier"); ``statements``: the dates that date no event (a statement's, a
  dateline's); ``posts``: embedded posts, which date what they say;
* ``weapons``: weapon, projectile count and target;
* ``incident``: an incident being assembled from its clauses, and the row it becomes;
* ``casualties`` and ``counts``: killed and injured, and numbers in words or digits;
* ``vocabulary`` and ``words``: the word lists, kept as data, and cheap word tests.

Over many reports, ``pipeline`` runs the per-report step and accounts for every report
(:func:`extract`, :func:`run_extraction`, :func:`format_summary`,
:func:`problem_lines`, and a :class:`Tally` of outcomes for a run too long to keep
each one, :func:`named_outcomes`); ``publication`` checks each report's dates against its
publication date (relative dates left unresolved, none after publication).
``unmatched`` lists place-like names the gazetteer lacks
(:func:`unmatched_names`), for curation.
"""

from mapper.extract.dates import resolve_date
from mapper.extract.pipeline import (
    Tally,
    extract,
    format_summary,
    named_outcomes,
    problem_lines,
    run_extraction,
)
from mapper.extract.report import extract_report
from mapper.extract.unmatched import unmatched_names

__all__ = [
    "Tally",
    "extract",
    "extract_report",
    "format_summary",
    "named_outcomes",
    "problem_lines",
    "resolve_date",
    "run_extraction",
    "unmatched_names",
]
