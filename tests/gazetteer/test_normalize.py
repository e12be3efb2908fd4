"""Name normalisation: the spellings news uses fold to one key."""

import pytest

from gazetteer import normalize_name


@pytest.mark.parametrize(
    ("variants", "key"),
    [
        (["al-Qa'im", "Al Qaim", "AL-QAIM", "al-Qa’im", "Qaim", "el-Qaim"], "qaim"),
        (["Ain al-Asad", "Ain Al Asad", "AIN AL-ASAD"], "ain asad"),
        (["Fallūjah", "Fallujah"], "fallujah"),
        (["U.S. embassy", "US Embassy"], "us embassy"),
        (["the Green Zone", "Green Zone", "GREEN ZONE"], "green zone"),
        (["الرمادي", "رمادي"], "رمادي"),
        (["أربيل", "اربيل"], "اربيل"),
    ],
)
def test_variants_share_one_key(variants: list[str], key: str | None) -> None:
    keys = {normalize_name(v) for v in variants}
    assert len(keys) == 1, keys
    if key is not None:
        assert keys == {key}


def test_distinct_names_stay_distinct() -> None:
    assert normalize_name("Arbil") != normalize_name("Karbila")
    assert normalize_name("Hit") != normalize_name("Hilla")


def test_empty_and_punctuation_only_names_fold_to_nothing() -> None:
    assert normalize_name("") == ""
    assert normalize_name(" - ' ") == ""
