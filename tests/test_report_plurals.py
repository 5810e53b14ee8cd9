"""English counts agree with their number (user audit N, D7): `Of the 1 targets …, 0 have …
and 1 are short of it` read as a machine's sentence. Chinese has no plural: its sentences are
as they were."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from plancli.report.overview_words import paced_sentence_en
from plancli.report.yearend import counted_result

PLAN = """\
[plan]
id = "town-2020"
name = "2020年主要预期目标"
name_en = "2020 main targets"
year = 2020

[[sections]]
id = "headline"
name = "主要预期目标"
name_en = "Headline targets"

[[targets]]
id = "jobs"
section = "headline"
name = "城镇新增就业"
name_en = "New urban jobs"
kind = "cumulative"
unit = "万人"
min = 4.7
frequency = "monthly"
"""

SECOND = """
[[targets]]
id = "roads"
section = "headline"
name = "新建道路"
name_en = "New roads"
kind = "cumulative"
unit = "公里"
min = 12
frequency = "monthly"
"""


def _report(invoke, tmp_path: Path, text: str, records: list[tuple[str, str]], lang: str) -> str:  # type: ignore[no-untyped-def]
    plan = tmp_path / "town.toml"
    plan.write_text(text, encoding="utf-8")
    for target, value in records:
        result = invoke("--plan", str(plan), "record", target, value, "--period", "2020-03")
        assert result.exit_code == 0, result.output
    result = invoke("--plan", str(plan), "--lang", lang, "report", "-o", "-")
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def test_one_target_is_not_of_the_1_targets(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    en = _report(invoke, tmp_path, PLAN, [("jobs", "0.5")], "en")
    assert "As of March 2020 (time progress 25%), the one target is behind." in en
    assert "The one target measured by completion is short of the share due by now." in en
    assert "1 targets" not in en and "1 are " not in en
    assert "from 1 recorded figure (plan town-2020)." in en
    (tmp_path / "zh").mkdir()
    zh = _report(invoke, tmp_path / "zh", PLAN, [("jobs", "0.5")], "zh")
    # one target named, no class of 0 (audit R, D2; before: 1项目标中，0项达到…、1项落后)
    assert "按完成率计的1项目标（城镇新增就业）落后于应完成进度。" in zh


def test_one_done_and_one_short_agree_in_number(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    en = _report(invoke, tmp_path, PLAN + SECOND, [("jobs", "0.5"), ("roads", "4")], "en")
    assert (
        "Of the 2 targets measured by completion, 1 has done the share due by now and 1 is "
        "short of it." in en
    )
    assert "of the 2 targets 1 is on track and 1 is behind." in en


@pytest.mark.parametrize(
    ("paced", "done", "mid", "sentence"),
    [
        (
            1,
            1,
            True,
            "The one target measured by completion has done the share due by now "
            "(half the year's work at mid-year).",
        ),
        (
            3,
            0,
            False,
            "Of the 3 targets measured by completion, 0 have done the share due by "
            "now and 3 are short of it.",
        ),
        (
            3,
            2,
            False,
            "Of the 3 targets measured by completion, 2 have done the share due by "
            "now and 1 is short of it.",
        ),
    ],
)
def test_the_paced_sentence(paced: int, done: int, mid: bool, sentence: str) -> None:
    assert paced_sentence_en(paced, done, mid) == sentence


def test_the_year_end_result_of_one_target() -> None:
    def targets(*statuses: str) -> list[Any]:
        return [SimpleNamespace(status=status) for status in statuses]

    assert (
        counted_result(targets("missed"), zh=False)
        == "The one target measured by completion was missed."
    )
    assert counted_result(targets("met"), zh=False) == (
        "The one target measured by completion was met."
    )
    assert counted_result(targets("met", "missed"), zh=True) == (
        "按完成率计的2项目标中，完成1项、未完成1项。"
    )


def test_the_remaining_month_is_one_month(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "town.toml"
    plan.write_text(PLAN, encoding="utf-8")
    result = invoke("--plan", str(plan), "record", "jobs", "4", "--period", "2020-11")
    assert result.exit_code == 0, result.output
    en = invoke("--plan", str(plan), "report", "-o", "-").stdout
    # one month's need, no "a month" (audit R, D14; before: "… a month in the remaining month")
    assert "in the remaining month" in en and "remaining 1 months" not in en
    assert "a month in the remaining month" not in en
