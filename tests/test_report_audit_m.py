"""Session 24's audit M (官渡区 2022, the 时间过半 and year-end reports) and audit K (甘肃 2026,
the October report): how the report dates, marks and words figures that are not the report's
period's, and how it words a plan's bound. The ledgers are the audit's workspaces:
`fixtures/audit-m-2022.progress.toml` (`ws`: June, Q3 and year-end imports) and
`fixtures/audit-m-ws2-2022.progress.toml` (`ws2`: statistics to September, then GDP and jobs for
the year).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    ledger = tmp_path / "plan2022.progress.toml"
    shutil.copyfile(FIXTURES / "audit-m-2022.progress.toml", ledger)
    return ledger


@pytest.fixture
def ws2(tmp_path: Path) -> Path:
    ledger = tmp_path / "ws2.progress.toml"
    shutil.copyfile(FIXTURES / "audit-m-ws2-2022.progress.toml", ledger)
    return ledger


def report(invoke, ledger: Path, as_of: str, lang: str = "zh", fmt: str = "md") -> str:  # type: ignore[no-untyped-def]
    args = ("--plan", "guandu-2022", "--ledger", str(ledger), "--lang", lang)
    result = invoke(*args, "report", "--as-of", as_of, "--format", fmt)
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def test_a_partial_sums_notes_are_one_bracket(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    """The investment total in September: 3 of its 6 parts have no figure and 2 are June's.
    `（其中2项构成数据截至2022年6月）（6项构成中3项尚无数据）` put two brackets in a row and read
    as if the 2 were among the 3 (audit M, D6)."""
    q3 = report(invoke, ws, "2022-Q3")
    assert "后3个月月均需完成11.81亿元（6项构成中3项尚无数据，2项数据截至2022年6月）。" in q3
    assert "）（" not in q3
    august = report(invoke, ws, "2022-08")
    assert "10.03亿元（6项构成中3项尚无数据，3项数据截至2022年6月）。" in august
    en = report(invoke, ws, "2022-Q3", "en")
    assert "(3 of its 6 parts have no figure yet; 2 parts' figures of 2022-06)." in en


def test_the_investment_table_marks_stale_figures(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    """In September, 教育事业项目's 5.1亿元 and the total's 23.3亿元 are (partly) June's: the
    attention table marks them `*`, the investment table did not (audit M, D3)."""
    md = report(invoke, ws, "2022-Q3")
    assert "| 教育事业项目 | 17（2/15） | 5.1 \\* | 13.53 | 37.69% |" in md
    assert (
        "| **政府投资重点项目年度计划投资** | 91（45/46） | 23.3（3项构成尚无数据） \\* | 58.72 |"
        in md
    )
    assert (
        "| 城市道路建设项目 | 45（31/14） | 10.9 | 15.92 |" in md
    )  # September's own figure: no mark
    html = report(invoke, ws, "2022-Q3", fmt="html")
    assert 'data-label="完成值">5.1 *</td>' in html


def test_at_the_years_end_a_figure_not_the_years_is_no_result(invoke, ws: Path, ws2: Path) -> None:  # type: ignore[no-untyped-def]
    """The year's 执行情况报告 counted 正常推进8项 on June figures (装灯率 100%*, 空气质量优良率
    99.2%*, …) and never named them; in ws2 its 全年完成 column gave September's 41.8亿元 as the
    year's revenue, 正常推进. A year that is over has no pace: a target judged on pace whose
    latest figure is not the year's is named, its figure dated, and counted as 无数据, not as a
    year-end result (audit M, D1)."""
    year = report(invoke, ws, "2022-12")
    assert "正常推进" not in year.split("## 主要预期目标")[0]
    # counted 无全年数据, as their rows say, since session 43 (was 无数据28项)
    assert "80项目标中，完成23项、滞后21项、未完成8项、无数据20项、无全年数据8项。" in year
    assert "另有8项目标无全年数据，以下为年内最新数据，不作全年评价：" in year
    assert "空气质量优良率（99.2%；数据截至6月）" in year
    second = report(invoke, ws2, "2022-12")
    lead = second.split("## 主要预期目标")[0]
    assert "正常推进" not in lead and "存在风险" not in lead
    assert (
        "地方一般公共预算收入累计增长2.0%（数据截至2022年9月，无全年数据，不作全年评价）。" in lead
    )
    # a monthly growth's September is the year to it: 1-9月 (session 43; it read 2022年9月)
    row = "| 地方一般公共预算收入 | ≥ 2% | 2.0%（41.8亿元，2022年1-9月） \\* | — | 无全年数据 |"
    assert row in second
    en = report(invoke, ws2, "2022-12", "en")
    assert "(figure of 2022-09; no figure for the year, not judged for the year)." in en


@pytest.fixture
def gansu(tmp_path: Path) -> Path:
    """Audit K's ledger: 甘肃's bureau bulletins January to October 2026."""
    ledger = tmp_path / "gansu.progress.toml"
    shutil.copyfile(FIXTURES / "audit-k-gansu-2026.progress.toml", ledger)
    return ledger


def gansu_report(invoke, ledger: Path, lang: str = "zh") -> str:  # type: ignore[no-untyped-def]
    args = ("--plan", "gansu-2026", "--ledger", str(ledger), "--lang", lang, "report")
    result = invoke(*args, "--as-of", "2026-10", "--format", "md")
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def test_a_quarterly_figure_in_a_monthly_report_names_its_period(invoke, gansu: Path) -> None:  # type: ignore[no-untyped-def]
    """The October report gave the Q3 GDP (4.9%) and incomes (4.4%) as if they were January to
    October's (audit K, D10)."""
    zh = gansu_report(invoke, gansu)
    assert "地区生产总值前三季度增长4.9%，" in zh
    assert "城镇居民人均可支配收入前三季度增长4.4%，" in zh
    assert "固定资产投资累计增长1.5%，" in zh  # a monthly figure of October: the report's own
    en = gansu_report(invoke, gansu, "en")
    assert "grew 4.9% in the first three quarters" in en


def test_a_reference_of_another_period_is_named(invoke, ws2: Path) -> None:  # type: ignore[no-untyped-def]
    """The year's report said GDP grew 5.2%, then compared the rural income with
    地区生产总值增长（7%）, GDP's Q3 figure, without naming its period (audit M, D4)."""
    year = report(invoke, ws2, "2022-12")
    assert "低于同期（前三季度）地区生产总值增长（7.0%）1.5个百分点" in year
    assert "低于地区生产总值增长（7%）" not in year
    en = report(invoke, ws2, "2022-12", "en")
    assert "below Gross regional product (GDP) in the first three quarters at 7.0%" in en


def test_a_bare_figure_is_worded_as_the_plan_states_it(invoke, tmp_path: Path, gansu: Path) -> None:  # type: ignore[no-untyped-def]
    """The plan's 地方一般公共预算收入增长2% and 社会消费品零售总额增长7% (no 以上) were
    reported as 达到2%以上的目标 / 达到7%以上的目标 (audit M, D8); 甘肃's 居民消费价格涨幅2% (no
    左右, encoded as a band around 2) as 2%左右的目标 (audit K, D10; audit B, D2). GDP's
    增长7%以上 keeps its 以上."""
    ledger = tmp_path / "bounds.progress.toml"
    base = ("--plan", "guandu-2022", "--ledger", str(ledger))
    for target, value in (("budget_revenue", "2"), ("retail_sales", "7"), ("gdp", "7")):
        result = invoke(*base, "record", target, value, "--period", "2022-09")
        assert result.exit_code == 0, result.output
    zh = report(invoke, ledger, "2022-09")
    assert "地方一般公共预算收入累计增长2%，达到2%的目标" in zh
    assert "社会消费品零售总额累计增长7%，达到7%的目标" in zh
    assert "地区生产总值累计增长7%，达到7%以上的目标" in zh
    assert "2%以上的目标" not in zh
    en = report(invoke, ledger, "2022-09", "en")
    assert "meeting the target of 2%" in en
    october = gansu_report(invoke, gansu)
    assert "居民消费价格涨幅为2.9%，高于2%的目标（按1.5%—2.5%考核）0.4个百分点。" in october
    assert "2%左右" not in october


def test_the_section_footnote_says_what_a_roll_up_counts(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    """The footnote called 平均完成率 a plain mean, yet the investment row counts its total once
    (or, partial, its parts reported) (audit M, D5)."""
    june = report(invoke, ws, "2022-06")
    note = next(line for line in june.splitlines() if line.startswith("平均完成率："))
    assert "合计类目标按合计计入一项，其构成不另计）" in note
    assert "改按已有数据的构成项计入" in note  # the partial rule, after it
    en = report(invoke, ws, "2022-06", "en")
    assert "a roll-up counts once, by its total, its parts not again)" in en


def test_a_shared_word_covers_every_figure_of_its_list(invoke, gansu: Path) -> None:  # type: ignore[no-untyped-def]
    """甘肃's 城乡居民人均可支配收入分别增长5%、6.5%左右: the 左右 covers the 5% too, so the bare-
    figure wording (audit M, D8) must not drop it: 低于5%左右的目标 (4.4% in October)."""
    october = gansu_report(invoke, gansu)
    assert "城镇居民人均可支配收入前三季度增长4.4%，低于5%左右的目标（按4.5%以上考核）" in october
