"""Days told inside quotations: a statement quoted, a post embedded in the page.

"Tonight" in a statement made on Monday is Monday, even in Tuesday's paper; "yesterday"
in a post signed on 4 March is 3 March, whenever the page was published. The texts are
written for these tests; docs/extraction.md ("Dates") gives the rules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mapper import Report, extract_report, read_reports
from mapper.extract import run_extraction


def incidents(gaz, text: str, published: str | None) -> list[dict[str, Any]]:
    report = Report("t", text, None, published, None, None, "t.md", None)
    return extract_report(report, gaz)


STATEMENT = (
    "Sirens sounded across Erbil, the regional security council reported late on Monday.\n\n"
    '"Ballistic missiles struck a compound in Erbil tonight," the council said in a '
    "statement, adding that two guards were hurt.\n"
)


def test_tonight_in_a_statement_made_the_day_before_is_that_day(gaz):
    # 2023-03-07 is a Tuesday: the statement was made on Monday the 6th.
    [row] = incidents(gaz, STATEMENT, "2023-03-07")
    assert (row["place_id"], row["date"], row["weapon"]) == ("erbil", "2023-03-06", "missile")


def test_tonight_in_a_statement_of_the_day_itself_is_the_publication_day(gaz):
    same_day = STATEMENT.replace("late on Monday", "on Tuesday")
    [row] = incidents(gaz, same_day, "2023-03-07")
    assert row["date"] == "2023-03-07"


def test_a_quotation_whose_statement_is_not_dated_counts_from_publication(gaz):
    undated = STATEMENT.replace(" late on Monday", "")
    [row] = incidents(gaz, undated, "2023-03-07")
    assert row["date"] == "2023-03-07"


POST = (
    "An explosive-laden drone hit a fuel depot at Camp Taji overnight, officials said.\n\n"
    "We condemn yesterday's attack on Camp Taji. Such attacks put Iraqi lives at risk.\n"
    "— A. Spokesperson (@example_embassy) March 4, 2022\n\n"
    "The base hosts Iraqi army units.\n"
)


@pytest.mark.parametrize("published", [None, "2022-03-09"])
def test_an_embedded_post_dates_the_days_it_names(gaz, published):
    [row] = incidents(gaz, POST, published)
    assert (row["place_id"], row["date"], row["weapon"]) == ("camp-taji", "2022-03-03", "drone")


def test_a_post_signed_on_an_impossible_day_dates_nothing(gaz):
    [row] = incidents(gaz, POST.replace("March 4", "February 30"), None)
    assert row["date"] is None


RETOLD = (
    "A drone hit a checkpoint near Sinjar on Monday morning, wounding a guard, residents "
    "said.\n\n"
    "A drone targeted a checkpoint near Sinjar this morning. One guard wounded.\n"
    "— Example Monitor (@example_monitor) August 16, 2021\n"
)


def checked(tmp_path: Path, text: str) -> list[tuple[str, str | None]]:
    """Place and date of each incident of a report without a publication date, read by
    the whole extraction (its per-report date checks included)."""
    path = tmp_path / "post.md"
    path.write_text(f"---\ntitle: Drone attack\n---\n{text}", encoding="utf-8")
    table = run_extraction(read_reports([path])).incidents
    return [
        (p, d if isinstance(d, str) else None)
        for p, d in zip(table.place_id, table.date, strict=True)
    ]


def test_a_post_retelling_the_attack_dates_it_in_a_page_without_a_date(tmp_path: Path):
    # 16 August 2021 was a Monday: the post pins the week the lede leaves open.
    assert checked(tmp_path, RETOLD) == [("sinjar", "2021-08-16")]


def test_a_post_of_another_week_does_not_date_the_lede_s_weekday(tmp_path: Path):
    # "Monday" cannot be 20 August (a Friday): the lede's day stays unknown.
    assert checked(tmp_path, RETOLD.replace("August 16", "August 20")) == [("sinjar", None)]


def test_a_date_right_before_a_reporting_verb_is_the_statement_s(gaz):
    text = (
        "The militia on Thursday accused the United States of a drone strike on Wednesday "
        "night that killed two fighters in eastern Baghdad."
    )
    [row] = incidents(gaz, text, "2024-02-08")
    assert (row["date"], row["killed"]) == ("2024-02-07", 2)


def test_this_dawn_is_the_day_of_publication(gaz):
    text = "A Katyusha rocket fell this dawn on a company site in the Rumaila oil field."
    [row] = incidents(gaz, text, "2021-04-06")
    assert (row["place_id"], row["date"]) == ("rumaila-oil-field", "2021-04-06")
