"""``mapper evaluate --details``: each error with its likely cause, grouped by kind.

* missed gold incidents: the place is not in the gazetteer; a wrong place was chosen
  (the report has an unmatched prediction of the same date); or no clause was read;
* extra predictions: a duplicate of one already found (its gold line was taken); a
  background event (dated over a month before the report); or a place only mentioned;
* wrong attribute values of matched incidents, as got -> want.

The causes are a first sorting for whoever reads the errors, from the figures alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gazetteer import Gazetteer
    from mapper.evaluate.matching import Matching, Row

#: A prediction dated this many days before its report's publication is background.
BACKGROUND_DAYS = 31
#: Fields that describe a gold line or a prediction in one line.
DESCRIBED: tuple[str, ...] = ("date", "place_id", "weapon", "projectiles", "killed", "injured")


def error_lines(
    matching: Matching, attributes: Iterable[str], gazetteer: Gazetteer, *, same: Any
) -> list[str]:
    """The errors of a matching as indented text, grouped by kind and cause."""
    lines: list[str] = []
    _group(lines, "missed gold incidents", _missed(matching, gazetteer))
    _group(lines, "extra predictions", _extra(matching))
    wrong = {
        name: [
            f"{m.gold['report_id']} {m.gold['event']}: "
            f"{m.predicted.get(name)!r} -> {m.gold.get(name)!r}"
            for m in matching.matches
            if not same(m.gold.get(name), m.predicted.get(name))
        ]
        for name in attributes
    }
    _group(lines, "wrong values (got -> want)", wrong)
    return lines


def _group(lines: list[str], title: str, causes: dict[str, list[str]]) -> None:
    total = sum(len(items) for items in causes.values())
    if not total:
        return
    lines.append(f"{title}: {total}")
    for cause, items in causes.items():
        if items:
            lines.append(f"  {cause}: {len(items)}")
            lines.extend(f"    {item}" for item in items)


def _missed(matching: Matching, gazetteer: Gazetteer) -> dict[str, list[str]]:
    causes: dict[str, list[str]] = {
        "place not in the gazetteer": [],
        "wrong place chosen": [],
        "no clause read": [],
    }
    extra_by_report: dict[str, list[Row]] = {}
    for predicted, _ in matching.extra:
        extra_by_report.setdefault(predicted["report_id"], []).append(predicted)
    for g in matching.missed:
        line = f"{g['report_id']}: {describe(g)}"
        rivals = [
            p for p in extra_by_report.get(g["report_id"], []) if p.get("date") == g.get("date")
        ]
        if str(g.get("place_id")) not in gazetteer:
            causes["place not in the gazetteer"].append(line)
        elif rivals:
            got = ", ".join(str(p.get("place_id")) for p in rivals)
            causes["wrong place chosen"].append(f"{line} (got {got})")
        else:
            causes["no clause read"].append(line)
    return causes


def _extra(matching: Matching) -> dict[str, list[str]]:
    causes: dict[str, list[str]] = {
        "duplicate of one already found": [],
        "background event": [],
        "place only mentioned": [],
    }
    for predicted, eligible in matching.extra:
        line = f"{predicted['report_id']}: {describe(predicted)}"
        if eligible:
            events = ", ".join(sorted({str(g["event"]) for g in eligible}))
            causes["duplicate of one already found"].append(f"{line} (gold {events} taken)")
        elif _is_background(predicted):
            causes["background event"].append(f"{line} (published {predicted.get('published')})")
        else:
            causes["place only mentioned"].append(line)
    return causes


def _is_background(predicted: Row) -> bool:
    """Whether even the last day the prediction's date may mean is a month before
    its report was published."""
    date, published = str(predicted.get("date") or ""), predicted.get("published")
    if not date or not published:
        return False
    try:
        year, month = int(date[:4]), int(date[5:7] or 12)
        last = date if len(date) == 10 else f"{year:04d}-{month:02d}-{_month_days(year, month)}"
        days = (dt.date.fromisoformat(str(published)[:10]) - dt.date.fromisoformat(last)).days
    except ValueError:
        return False
    return days > BACKGROUND_DAYS


def _month_days(year: int, month: int) -> int:
    return (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day


def describe(row: Row) -> str:
    """One gold line or prediction in a line: its date, place, weapon and figures."""
    return " ".join(f"{name}={row.get(name)}" for name in DESCRIBED)
