"""Session 38: `--as-of` names a point in time, the end of the period a judgement is as of, and
reads a bulletin's words for any period as its end. The analyst writing the 三季度 report typed
`report --as-of 三季度` and was refused as a figure of 三季度 alone is (`期间 '三季度' 是单季度…`);
`status`, `gap`, `show` and `report` now read it as `2026-Q3`, through the one reader
(`period_ends.as_of_period`: `periods.bulletin_period` with `point`), while `record`, `import`,
`amend --from` and `template -p` keep their refusals word for word."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from guandu import ledger_fixture, run_fixture  # noqa: F401 (the fixtures ledger, run)
from ledgers import read_records
from plancli.errors import InputError
from plancli.period_ends import as_of_period
from plancli.periods import parse_plan_period

AS_OF = {
    "三季度": "2026-Q3",
    "第三季度": "2026-Q3",
    "2026年第3季": "2026-Q3",
    "三季度末": "2026-Q3",
    "前三季度": "2026-Q3",
    "1-3季度": "2026-Q3",
    "2-3季度": "2026-Q3",
    "1-9月": "2026-09",
    "7-9月": "2026-09",
    "9月": "2026-09",
    "2026年9月": "2026-09",
    "2026-Q3": "2026-Q3",
    "一季度": "2026-Q1",
    "二季度": "2026-Q2",
    "四季度": "2026-Q4",
    "上半年": "2026-H1",
    "下半年": "2026",
    "6月": "2026-06",
    "4-6月": "2026-06",
}


@pytest.mark.parametrize(("text", "period"), AS_OF.items())
def test_an_as_of_reads_a_bulletins_words_as_the_periods_end(text: str, period: str) -> None:
    assert str(as_of_period(text, 2026)) == period


@pytest.mark.parametrize("text", ["三季度", "二季度", "下半年", "4-6月", "2-3季度"])
def test_a_figures_period_still_refuses_them(text: str) -> None:
    with pytest.raises(InputError, match=r"alone|not year to date"):
        parse_plan_period(text, 2026)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("五季度", "there is no quarter 5"),
        ("13月", "there is no month 13"),
        ("2025年三季度", "outside the plan year 2026"),
        ("季度末", "malformed period"),
    ],
)
def test_an_as_of_that_names_no_end_is_refused_as_before(text: str, said: str) -> None:
    with pytest.raises(InputError, match=said):
        as_of_period(text, 2026)


@pytest.fixture
def guangdong(invoke: Any, tmp_path: Path) -> Callable[..., Any]:
    """广东 2026: GDP (quarterly) 4.4 % in the first half, 4.5 % in 前三季度; 地方一般公共预算
    收入 (monthly) 2.4 % in 1-9月."""
    args = ["--plan", "guangdong-2026", "--ledger", str(tmp_path / "gd.progress.toml")]
    for target, value, period in [
        ("gdp", "4.4", "2026-Q2"),
        ("gdp", "4.5", "2026-Q3"),
        ("budget_revenue", "2.4", "2026-09"),
    ]:
        assert invoke(*args, "record", target, value, "-p", period).exit_code == 0

    def call(*more: str, lang: str = "zh") -> Any:
        return invoke("--lang", lang, *args, *more)

    return call


def test_the_third_quarters_report_as_the_analyst_types_it(guangdong: Callable[..., Any]) -> None:
    """Before: `错误：期间 '三季度' 是单季度…`, exit 2."""
    typed = guangdong("report", "--as-of", "三季度", "-f", "md")
    assert typed.exit_code == 0, typed.stderr
    assert typed.stdout == guangdong("report", "--as-of", "2026-Q3", "-f", "md").stdout
    assert "截至2026年三季度末（时间进度75%），3项目标中，正常推进1项、存在风险1项" in typed.stdout
    # the quarterly target's 前三季度 figure and the monthly one's 1-9月, each judged at Q3
    assert "地区生产总值累计增长4.5%，处于4.5%—5%的目标区间内" in typed.stdout
    assert (
        "| 地方一般公共预算收入 | ≈ 3%（≥2.5%） | 2.4% | 0.1个百分点 | 存在风险 |" in typed.stdout
    )
    months = guangdong("report", "--as-of", "1-9月", "-f", "md")
    assert "截至2026年9月（时间进度75%）" in months.stdout
    assert guangdong("report", "--as-of", "前三季度", "-f", "md").stdout == typed.stdout
    half = guangdong("report", "--as-of", "二季度", "-f", "md")
    assert "截至2026年二季度末（时间进度50%）" in half.stdout
    assert "地区生产总值累计增长4.4%" in half.stdout  # the half-year's figure, not Q3's
    english = guangdong("report", "--as-of", "三季度", "-f", "md", lang="en")
    assert "As of the end of Q3 2026 (time progress 75%)" in english.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    "command", [("status",), ("gap",), ("gap", "--json"), ("show", "gdp"), ("report",)]
)
def test_every_as_of_takes_the_quarter_alone(
    run: Callable[..., Any], lang: str, command: tuple[str, ...]
) -> None:
    """Guandu 2022 with the seed report's figures (GDP 0.3 %, quarterly; 一般公共预算收入
    5.2 %, monthly): each as-of reads 三季度 as 2022-Q3 and 7-9月 as 2022-09."""
    assert run("record", "gdp", "0.3", "-p", "2022-Q3").exit_code == 0
    assert run("record", "budget_revenue", "5.2", "-p", "2022-09").exit_code == 0
    for typed, code in [("三季度", "2022-Q3"), ("7-9月", "2022-09"), ("下半年", "2022")]:
        result = run(*command, "--as-of", typed, lang=lang)
        assert result.exit_code == 0, (typed, result.stderr)
        assert result.stdout == run(*command, "--as-of", code, lang=lang).stdout, typed
    assert '"as_of": "2022-Q3"' in run("gap", "--json", "--as-of", "三季度").stdout


QUARTER_ALONE = {
    "en": "period '三季度' is the quarter alone (its own growth is not year to date): plancli "
    "records the position at a period's end, from January; write 三季度末 or 2022-Q3 for the "
    "position at the quarter's end (a level, a rate, a total or growth to date), or 前三季度, "
    "1-9月",
    "zh": "期间 '三季度' 是单季度（其本身的增速不是年初至今的累计）：plancli 录入自1月起、截至期末"
    "的数；季度末的水平、比率或累计数、累计增速请写 三季度末 或 2022-Q3，也可写 前三季度、1-9月",
}
ERROR = {"en": "error: ", "zh": "错误："}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_figures_period_keeps_its_refusal(run: Callable[..., Any], lang: str) -> None:
    """`record`, `template`, `import` and `amend --from` read no point in time: unchanged."""
    assert run("record", "gdp", "0.3", "-p", "2022-Q2").exit_code == 0
    refused = f"{ERROR[lang]}{QUARTER_ALONE[lang]}\n"
    for args in [("record", "gdp", "0.3", "-p", "三季度"), ("template", "-", "-p", "三季度")]:
        result = run(*args, lang=lang)
        assert (result.exit_code, result.stderr) == (2, refused), args
    files = {"q.csv": "target,period,value\ngdp,三季度,0.3\n"}
    imported = run("import", "q.csv", lang=lang, files=files)
    assert imported.exit_code != 0
    assert QUARTER_ALONE[lang] in imported.stderr
    amend = run("amend", "gdp", "--min", "6", "--from", "三季度", lang=lang)
    assert amend.exit_code == 2
    assert ("2022-07" in amend.stderr) and ("2022-09" in amend.stderr), amend.stderr
    records = read_records(run.ledger)  # type: ignore[attr-defined]
    assert [(r.target, r.period, str(r.value)) for r in records] == [("gdp", "2022-Q2", "0.3")]
