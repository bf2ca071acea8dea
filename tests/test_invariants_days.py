"""Days and months named without a year survive translation as dates, not as numbers:
`7月30日` and `30 July` are the same day, `3月和9月` and `March and September` hold no
number at all. Flagging them was a finding that was not in the documents."""

from __future__ import annotations

import pytest

from resalign.align import align, parse_text
from resalign.align.invariants import mentions
from resalign.align.languages import language


@pytest.mark.parametrize(
    ("code", "text", "found"),
    [
        ("zh", "每年7月30日为世界打击贩运人口日", [("date", "--07-30")]),
        ("zh", "于3月和9月举行会议", []),
        ("zh", "2010年7月30日第64/293号决议", [("date", "2010-07-30"), ("symbol", "64/293")]),
        ("en", "30 July as the World Day against Trafficking", [("date", "--07-30")]),
        ("en", "meetings in March and September", []),
        ("en", "30 may apply to 12 States", [("number", "30"), ("number", "12")]),
        ("es", "el 30 de julio, Día Mundial", [("date", "--07-30")]),
        ("fr", "le 30 juillet, Journée mondiale", [("date", "--07-30")]),
        ("ru", "30 июля — Всемирный день", [("date", "--07-30")]),
        ("ar", "30 تموز/يوليه", [("date", "--07-30")]),
        ("en", "29 February and 31 April", [("date", "--02-29"), ("number", "31")]),
    ],
)
def test_days_of_months(code: str, text: str, found: list[tuple[str, str]]) -> None:
    assert [(m.kind, m.value) for m in mentions(text, language(code))] == found


def _resolution(opening: str, paragraph: str, closing: str) -> str:
    return f"80/1. Title\n\n{opening}\n\n{paragraph}\n\n{closing}\n"


def _chinese(day: int):  # type: ignore[no-untyped-def]
    paragraph = f"1. 决定每年7月{day}日举行纪念活动，并于3月和9月举行会议；"
    return parse_text(_resolution("大会，", paragraph, "2025年12月18日\n第60次全体会议"))


def test_a_chinese_day_and_months_are_no_findings() -> None:
    english = parse_text(
        _resolution(
            "The General Assembly,",
            "1. Decides to observe 30 July each year and to meet in March and September;",
            "60th plenary meeting\n18 December 2025",
        )
    )
    (pair,) = align(english, _chinese(30), mode="language").pair_for(left="OP1")
    assert pair.findings == ()
    (changed,) = align(english, _chinese(31), mode="language").pair_for(left="OP1")
    assert [f.kind for f in changed.findings] == ["date"]
