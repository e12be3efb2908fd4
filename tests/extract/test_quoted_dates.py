"""Days told inside quotations: a statement quoted, a post embedded in the page.

"Tonight" in a statement made on Monday is Monday, even in Tuesday's paper; "yesterday"
in a post signed on 4 March is 3 March, whenever the page was published. The texts are
written for these tests; docs/extraction.md ("Dates") gives the rules.
"""

from __future__ import annotations

from typing import Any

import pytest

from gazetteer import default_gazetteer
from mapper import Report, extract_report


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


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
