"""Session 24's wording audits (C: D2, D5; E: D2, D6, D12): what the generated sentences say of
a strict bound's need, a 100 % floor, a ceiling of nothing, a plural name, a target with no
figure, and the Chinese units an English reader meets.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def guandu(invoke, tmp_path: Path):  # type: ignore[no-untyped-def]
    ledger = tmp_path / "gd.progress.toml"

    def call(*args: str):  # type: ignore[no-untyped-def]
        return invoke("--ledger", str(ledger), *args)

    return call


def test_a_strict_floor_needs_more_than_its_figure(guandu) -> None:  # type: ignore[no-untyped-def]
    """固定资产投资 正增长 (> 0, strict) at -1 % in June, amount 297: the rest of the year
    growing exactly 0.98 % brings the year to 0.0 %, which is not 正增长. "余下月份需增长0.98%"
    told the reader 0.98 % was enough (audit C, D2)."""
    args = ("record", "fixed_asset_investment", "-1.0", "--period", "2022-06", "--amount", "297")
    assert guandu(*args).exit_code == 0
    zh = guandu("--lang", "zh", "report", "--format", "md").stdout
    assert "未实现正增长的目标，余下月份需增长超过0.98%。" in zh
    assert "余下月份需增长超过0.98% |" in zh  # the tables' cell
    assert "需增长0.98%" not in zh
    en = guandu("report", "--format", "md").stdout
    assert "the rest of the year needs more than 0.98% growth." in en
    assert "rest of year needs more than 0.98% |" in en
    shown = guandu("show", "fixed_asset_investment").stdout
    assert "more than 0.98 %" in shown
    assert "> 0.98%" in guandu("gap").stdout


def test_a_strict_floor_at_nothing_needs_more_than_nothing(guandu) -> None:  # type: ignore[no-untyped-def]
    """0.0 % in June (amount 300): "余下月份需增长0%" named as enough the very figure the plan
    says is not met (audit C, D2)."""
    args = ("record", "fixed_asset_investment", "0", "--period", "2022-06", "--amount", "300")
    assert guandu(*args).exit_code == 0
    zh = guandu("--lang", "zh", "report", "--format", "md").stdout
    assert "余下月份需增长超过0%。" in zh
    assert "需增长0%" not in zh
    en = guandu("report", "--format", "md").stdout
    assert "the rest of the year needs more than 0% growth." in en
    assert "needs 0% growth" not in en


def test_a_strict_floor_may_fall_by_less_than_its_figure(guandu) -> None:  # type: ignore[no-untyped-def]
    """5 % in June (amount 315): a fall of exactly 4.92 % in the rest of the year leaves the
    year at 605.02亿元, 0.0 %, not 正增长 (audit C, D2)."""
    args = ("record", "fixed_asset_investment", "5", "--period", "2022-06", "--amount", "315")
    assert guandu(*args).exit_code == 0
    zh = guandu("--lang", "zh", "report", "--format", "md").stdout
    assert "余下月份降幅小于4.92%仍可完成" in zh
    assert "即使下降4.92%" not in zh
    en = guandu("report", "--format", "md").stdout
    assert "may fall by less than 4.92% and still meet the target" in en
    assert "up to 4.92%" not in en


def test_a_rate_of_a_hundred_percent_is_reached_not_exceeded(guandu) -> None:  # type: ignore[no-untyped-def]
    """装灯率 and 无害化处理率 at 100 % against min = 100: "达到100%以上的目标" put words in the
    report's mouth (确保装灯率达100%, 无害化处理率保持100%): a share cannot pass 100 (audit C,
    D5)."""
    for target in ("street_lamp_installation_rate", "garbage_harmless_treatment_rate"):
        assert guandu("record", target, "100", "--period", "2022").exit_code == 0
    zh = guandu("--lang", "zh", "report", "--format", "md").stdout
    assert "主次干道、背街小巷装灯率为100%，达到100%的目标" in zh
    assert "城市生活垃圾无害化处理率为100%，达到100%的目标" in zh
    assert "100%以上" not in zh
    en = guandu("report", "--format", "md").stdout
    assert "Street-lamp installation rate (main roads, back streets): 100%, meeting the " in en
    assert "at least 100%" not in en
    # short of it, the list names the bound the report states: 目标100%, not 目标100%以上
    assert (
        guandu("record", "street_lamp_installation_rate", "98", "--period", "2022").exit_code == 0
    )
    zh = guandu("--lang", "zh", "report", "--format", "md").stdout
    assert "主次干道、背街小巷装灯率（98%，目标100%）" in zh


def test_a_count_kept_at_zero_is_kept_at_zero(guandu) -> None:  # type: ignore[no-untyped-def]
    """“零就业家庭”动态清零 (max = 0 户) at 0: "未超过0户的控制目标" read as if the report set a
    控制目标 of 0户; it says 保持“零就业家庭”动态清零 (audit C, D5)."""
    assert guandu("record", "zero_employment_families", "0", "--period", "2022").exit_code == 0
    zh = guandu("--lang", "zh", "report", "--format", "md").stdout
    assert "“零就业家庭”动态清零为0户，保持清零" in zh
    assert "0户的控制目标" not in zh
    en = guandu("report", "--format", "md").stdout
    assert "Households with no one employed (kept at zero): 0, kept at zero" in en
    assert "ceiling of 0" not in en


@pytest.fixture
def sichuan(invoke, tmp_path: Path):  # type: ignore[no-untyped-def]
    ledger = tmp_path / "sc.progress.toml"

    def call(*args: str):  # type: ignore[no-untyped-def]
        return invoke("--plan", "sichuan-2026", "--ledger", str(ledger), *args)

    return call


def test_an_english_sentence_reads_right_whatever_the_names_number(sichuan) -> None:  # type: ignore[no-untyped-def]
    """ "New urban jobs stands at 52 万人": a plural name under a singular verb (audit E, D6).
    The English summary names a figure after a colon, which agrees with any name, rather than
    guessing plurals from names."""
    assert sichuan("record", "new_urban_jobs", "52", "--period", "2026-07").exit_code == 0
    assert (
        sichuan("record", "surveyed_unemployment_rate", "5.6", "--period", "2026-07").exit_code == 0
    )
    en = sichuan("report", "--format", "md").stdout
    assert (
        "New urban jobs: 52 万人 so far, 61.18% of the year's 85 万人, 2.84 pp ahead of time "
        "progress." in en
    )
    assert "stands at" not in en
    assert "Surveyed urban unemployment rate: 5.6%, " in en
    assert sichuan("record", "new_urban_jobs", "86.5", "--period", "2026").exit_code == 0
    en = sichuan("report", "--format", "md", "--as-of", "2026").stdout
    assert "New urban jobs: 86.5 万人 for the year, 101.76% of the year's 85 万人" in en
    assert "stood at" not in en


@pytest.mark.parametrize("as_of", ["2026", "2026-06"])
def test_a_target_without_a_figure_is_named_once(invoke, tmp_path: Path, as_of: str) -> None:  # type: ignore[no-untyped-def]
    """Shanghai with GDP and CPI only: the summary said "No figure for the year for Local
    general public budget revenue." for each headline target, then listed them all again in
    "Targets without a figure (5): …" (audit E, D12); the same in Chinese and mid-year."""
    ledger = tmp_path / "sh.progress.toml"

    def call(*args: str):  # type: ignore[no-untyped-def]
        return invoke("--plan", "shanghai-2026", "--ledger", str(ledger), *args)

    gdp_period = "2026" if as_of == "2026" else "2026-Q2"
    assert call("record", "gdp", "5.1", "--period", gdp_period).exit_code == 0
    assert (
        call("record", "cpi", "1.0", "--period", as_of if "-" in as_of else "2026-12").exit_code
        == 0
    )
    for lang, names in (
        ("en", ("Local general public budget revenue", "Surveyed urban unemployment rate")),
        ("zh", ("地方一般公共预算收入", "城镇调查失业率")),
    ):
        md = call("--lang", lang, "report", "--format", "md", "--as-of", as_of).stdout
        summary = md.split("\n## ")[1]
        for name in names:
            assert summary.count(name) == 1, (lang, name, summary)
        assert "No figure for the year for" not in summary
        assert "No data yet for Local" not in summary
        assert "全年无数据。" not in summary and "收入尚无数据。" not in summary


def test_english_output_glosses_the_chinese_units_it_shows(sichuan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """ "52 万人", "10 亿斤", "(31000 亿元)": an English reader cannot tell the scale (audit E,
    D2). Under English tables and reports a legend says what each Chinese unit shown means;
    the figures stay in the data's units (a gloss, not a conversion); Chinese output has none."""
    assert (
        sichuan("record", "gdp", "5.3", "--amount", "31000", "--period", "2026-Q2").exit_code == 0
    )
    assert sichuan("record", "new_urban_jobs", "52", "--period", "2026-07").exit_code == 0
    md = sichuan("report", "--format", "md").stdout
    assert "New urban jobs: 52 万人 so far" in md  # the data's unit, not 520,000
    legend = next(line for line in md.splitlines() if line.startswith("Units: "))
    for gloss in ("万人 = 10,000 people", "亿元 = 100 million yuan", "亿斤 = 100 million jin"):
        assert gloss in legend
    assert legend.count("万人") == 1
    assert "Units: " in sichuan("report", "--format", "html").stdout
    import openpyxl

    book = tmp_path / "sc.xlsx"
    assert sichuan("report", "-o", str(book)).exit_code == 0
    cells = [c.value for row in openpyxl.load_workbook(book)["summary"].iter_rows() for c in row]
    assert any(isinstance(v, str) and v.startswith("Units: 亿元 = 100 million yuan") for v in cells)
    assert "Units: " not in sichuan("--lang", "zh", "report", "--format", "md").stdout
    for command in (("status",), ("gap",), ("targets",), ("show", "new_urban_jobs")):
        out = " ".join(sichuan(*command).stdout.split())  # the legend wraps with the terminal
        assert "万人 = 10,000 people" in out, command
        assert "Units: " not in sichuan("--lang", "zh", *command).stdout
    assert "Units: " not in sichuan("gap", "--json").stdout
    assert "Units: " not in sichuan("targets", "--csv").stdout
    # a table of rates only has nothing to gloss
    assert "Units: " not in sichuan("targets", "--kind", "growth").stdout


def test_one_table_of_units_serves_the_counts_and_the_glosses() -> None:
    """need_text.WHOLE_UNITS (a count needs 12个 a month, not 11.5) and phrases.MEASURE_WORDS
    (English says 36, not 36 个) come from the one table that glosses them (unit_words.UNITS)."""
    from plancli import need_text, unit_words
    from plancli.report import phrases

    assert set(unit_words.UNITS) >= need_text.WHOLE_UNITS
    assert set(unit_words.UNITS) >= phrases.MEASURE_WORDS
    assert "个" in need_text.WHOLE_UNITS and "人次" not in need_text.WHOLE_UNITS
    assert "人次" in phrases.MEASURE_WORDS and "万人" not in phrases.MEASURE_WORDS
    assert unit_words.legend(["亿斤", "%", "万标箱?", "个"]) == (
        "Units: 亿斤 = 100 million jin (50,000 t); 个 = a count."
    )
