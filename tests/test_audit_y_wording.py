"""The report's wording as audit Y met it in a year-end 执行情况报告 (官渡区, 2022): an adjusted
floor written one way in every sentence and the plan's bound quoted as the plan states it (D6),
a 正增长 target met without a margin against a target that is no figure (D7), and the English
year-end report in one tense (D8).

Real values: the bundled guandu-2022 (地区生产总值增长7%以上, 社会消费品零售总额增长7%,
固定资产投资(不含农户)实现正增长) and the audit's figures and amendments (gdp ≥ 6 from
2022-06, retail ≥ 5 from 上半年).
"""

from __future__ import annotations

from pathlib import Path

import pytest

GUANDU = "guandu-2022"
SET_UP = [
    ("record", "gdp", "4.8", "--period", "2022-Q2"),
    ("record", "gdp", "6.2", "--period", "2022-Q4"),
    ("record", "retail_sales", "5.6", "--period", "2022-06"),
    ("record", "retail_sales", "4.8", "--period", "2022-12"),
    ("record", "fixed_asset_investment", "1", "--period", "2022-05"),
    ("record", "fixed_asset_investment", "-3.5", "--period", "2022-12"),
    ("record", "unemployment_rate", "3.9", "--period", "2022-Q4"),
    ("amend", "gdp", "--min", "6", "--from", "2022-06", "--note", "年中调整"),
    ("amend", "retail_sales", "--min", "5", "--from", "上半年", "--note", "年中调整"),
]


@pytest.fixture
def run(invoke, tmp_path: Path):  # type: ignore[no-untyped-def]
    """plancli on guandu-2022 with the audit's figures and amendments recorded."""
    ledger = tmp_path / "plan2022.progress.toml"
    for args in SET_UP:
        result = invoke("--plan", GUANDU, "--ledger", str(ledger), *args)
        assert result.exit_code == 0, result.output

    def call(lang: str, *args: str) -> str:
        result = invoke("--plan", GUANDU, "--ledger", str(ledger), "--lang", lang, *args)
        assert result.exit_code == 0, result.output
        return str(result.stdout)

    return call


def sentence(text: str, start: str) -> str:
    """The sentence of `text` that starts with `start` (up to its 。 or its '. ')."""
    rest = text[text.index(start) :]
    return rest.split("。")[0] if "。" in rest.split("\n")[0] else rest.split(". ")[0]


# ------------------------------------------ D6: one form of an adjusted floor, the plan as stated


@pytest.mark.parametrize("as_of", ["2022-06", "2022-12"])
def test_an_adjusted_floor_reads_the_same_above_and_below_it(run, as_of) -> None:  # type: ignore[no-untyped-def]
    """Above it (GDP 6.2 at 2022-12, 社零 5.6 at 2022-06) the floor read `6%`, below it `6%以上`;
    the plan's 增长7%以上 became 原计划7% and its 增长7% became 原计划7%以上."""
    report = run("zh", "report", "--as-of", as_of, "--format", "md")
    gdp = sentence(report, "地区生产总值")
    retail = sentence(report, "社会消费品零售总额")
    assert "调整后目标（6%以上，原计划7%以上）" in gdp, gdp
    assert "调整后目标（5%以上，原计划7%）" in retail, retail


def test_the_english_plan_bound_is_quoted_as_the_plan_states_it(run) -> None:  # type: ignore[no-untyped-def]
    report = run("en", "report", "--as-of", "2022-12", "--format", "md")
    assert "above the adjusted target (at least 6%; plan: at least 7%)" in report
    assert "below the adjusted target (at least 5%; plan: 7%)" in report


@pytest.mark.parametrize(
    ("quote", "figure", "alone"),
    [
        ("社会消费品零售总额增长7%", "7", True),
        ("地区生产总值增长7%以上", "7", False),
        ("城镇登记失业率控制在4.8%以内", "4.8", False),
        ("新建5G基站310个", "310", True),  # the 5 of 5G is no figure of the bound
        ("力争年内引进培育总部企业3户以上", "3", False),
        ("新增城镇就业2.3万人以上", "23000", False),  # not written as counted: its other figures
        ("实施115个老旧小区改造", "115", True),
        (None, "7", False),
    ],
)
def test_a_quote_states_its_figure_alone_or_with_a_bound_word(quote, figure, alone) -> None:  # type: ignore[no-untyped-def]
    from decimal import Decimal

    from plancli.ranges import states_alone

    assert states_alone(quote, Decimal(figure)) is alone


# ------------------------------------------------------- D7: 正增长 met, no margin to a figure


@pytest.mark.parametrize(
    ("lang", "said", "unsaid"),
    [
        ("zh", "固定资产投资(不含农户)累计增长1%，实现正增长。", "高于目标"),
        ("en", "grew 1% year to date, positive growth achieved.", "above the target"),
    ],
)
def test_positive_growth_is_achieved_not_a_margin_above_a_target(run, lang, said, unsaid) -> None:  # type: ignore[no-untyped-def]
    """The plan says 实现正增长: 1 % read 高于目标1个百分点, a margin above a target that is no
    figure, while 0 % and below read 未实现正增长的目标."""
    report = run(lang, "report", "--as-of", "2022-05", "--format", "md")
    assert said in report
    start = "固定资产投资" if lang == "zh" else "Fixed-asset investment"
    assert unsaid not in sentence(report, start)


# ----------------------------------------------------- D8: the English year-end report, past


@pytest.fixture
def year_end(run, invoke, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The audit's year: a milestone done (its name a clause), one missed, a level indicator."""
    ledger = tmp_path / "plan2022.progress.toml"
    for target, value in [
        ("metaverse_demo_base_landed", "100"),
        ("sea_regional_hq_base_landed", "30"),
        ("public_kindergarten_share", "86.5"),
    ]:
        result = invoke("--plan", GUANDU, "--ledger", str(ledger), "record", target, value,
                        "--period", "2022-Q4")  # fmt: skip
        assert result.exit_code == 0, result.output
    return run("en", "report", "--as-of", "2022-12", "--format", "md")


def test_the_english_year_end_report_is_in_the_past(year_end) -> None:  # type: ignore[no-untyped-def]
    summary = year_end.split("## ", 2)[1]
    assert "Registered urban unemployment rate: 3.9%, within the ceiling of 4.8%." in summary
    assert "Share of children in public or affordable private kindergartens: 86.5%" in summary
    assert "Of the 27 milestones, 1 was done, " in summary and " were missed" in summary
    assert " is " not in summary.replace("is no", "")  # nothing of the year in the present


def test_a_milestone_named_by_a_clause_reads_grammatically(year_end) -> None:  # type: ignore[no-untyped-def]
    """`Kunming metaverse industry demonstration base lands in Guandu is done`: the name is a
    clause; done is said after it, in brackets, as the lists say 30% done."""
    assert "Kunming metaverse industry demonstration base lands in Guandu (done)" in year_end
    assert " is done" not in year_end
