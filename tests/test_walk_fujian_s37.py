"""A Chinese analyst's walk through the bundled 福建省 2026 plan (session 37, helper walk4):
`show`, `history` and the report as the province's planning division reads them at 80
columns, with the plan's own figures (data/2026/fujian.toml, checked against the report)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.test_i18n import _plancli

from plancli.render.runs import breaks


@pytest.fixture
def fujian(invoke: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """plancli on the bundled plan, at 80 columns: stdout (exit 0)."""
    monkeypatch.setenv("COLUMNS", "80")

    def call(*args: str) -> str:
        result = invoke("--plan", "fujian-2026", *args)
        assert result.exit_code == 0, result.output
        return result.stdout  # type: ignore[no-any-return]

    return call


def test_show_note_fills_its_line_after_a_space(fujian: Any) -> None:
    """The CPI note has one space (`“CPI 2%左右”…`): the Chinese after it went whole to the
    next line, `“CPI` alone on the first (`备注      “CPI` over `2%左右”按区间处理…`)."""
    out = fujian("--lang", "zh", "show", "cpi")
    note = [line for line in out.splitlines() if line.startswith("备注")]
    first = "备注      “CPI 2%左右”按区间处理：自2025年起，国家的CPI目标是预期达到的水平，不"
    assert note == [first]
    assert "          是上限" in out.splitlines()


def test_fill_breaks_a_chinese_word_where_the_line_is() -> None:
    text = "“CPI 2%左右”按区间处理：自2025年起"
    assert breaks(text, 30) == [5]  # as before: the word whole on the next line
    # the line filled, the year kept with its 年: `“CPI 2%左右”按区间处理：自` over `2025年起`
    assert breaks(text, 30, fills=True) == [text.index("2025")]
    assert breaks("plan CPI target", 8, fills=True) == breaks("plan CPI target", 8)  # no Chinese


def test_an_around_growth_ahead_of_its_pace_needs_only_the_rest(plan_run: Any) -> None:
    """福建 GDP 5%左右, 5.3% in 一季度 and 5.2% in 上半年 (the walk's bulletins): the rest of the
    year needs 4.82%, less than the 5.2% so far. The report said `余下月份需增长4.82%方能达到5%`,
    a demand to speed up; it is all it takes (`即可`). Behind its pace it keeps `需增长…方能达到`
    (湖北 5.5%左右 at 5%, tests/test_audit_r27_report.py)."""
    run = plan_run("fujian-2026")
    run("record", "gdp", "5.3", "-p", "一季度", "--amount", "14123.5")
    run("record", "gdp", "5.2", "-p", "1-6月", "--amount", "29876.4")
    zh = run("--lang", "zh", "report", "--as-of", "2026-06", "-f", "md")
    assert "全省地区生产总值累计增长5.2%，达到5%左右的目标，余下月份增长4.82%即可达到5%。" in zh
    assert "| 正常推进 | 余下月份增长4.82%即可达到5% |" in zh
    assert "方能" not in zh
    en = run("--lang", "en", "report", "--as-of", "2026-06", "-f", "md")
    assert "; the rest of the year needs only 4.82% growth to reach 5%." in en
    assert "| on track | rest of year needs only 4.82% to reach 5% |" in en
    # the first quarter alone: 5.3% so far, the rest needs 4.91%, still less: 即可
    q1 = run("--lang", "zh", "report", "--as-of", "一季度", "-f", "md")
    assert "余下月份增长4.91%即可达到5%" in q1


@pytest.mark.parametrize(
    ("typed", "first", "last", "end"),
    [
        ("下半年", "2026-07", "2026-12", "年末"),
        ("2026年下半年", "2026-07", "2026-12", "年末"),
        ("三季度", "2026-07", "2026-09", "三季度末"),
        ("第四季度", "2026-10", "2026-12", "四季度末"),
        ("２０２６年第２季度", "2026-04", "2026-06", "二季度末"),
    ],
)
def test_amend_from_a_part_of_the_year_alone_names_both_readings(
    plan_run: Any, tmp_path: Path, typed: str, first: str, last: str, end: str
) -> None:
    """福建's 人大 adjusts a target 下半年起: `--from 下半年` was refused with the record periods'
    words, `请写 年末 或 2026`, and `--from 2026` is refused by amend itself. It names its
    first month and its end, and writes nothing."""
    run = plan_run("fujian-2026")
    out = run("--lang", "zh", "amend", "new_urban_jobs", "--min", "55", "--from", typed, code=2)
    assert out == (
        f"错误：--from {typed.replace('２０２６', '2026').replace('２', '2')} 只指年内的一段，"
        f"有两种读法：自其第一个月起按新目标考核，请写 --from {first}；"
        f"只自其期末起，请写 --from {last}（{end}）\n"
    )
    en = run("--lang", "en", "amend", "new_urban_jobs", "--min", "55", "--from", typed, code=2)
    assert f"from its first month give --from {first}; from its end only, --from {last}" in en
    assert not (tmp_path / "fujian-2026.progress.toml").exists()  # nothing written


@pytest.mark.parametrize(("typed", "month"), [("上半年", "2026-06"), ("2026-H2", "2026-12")])
def test_amend_from_a_period_from_january_applies_from_its_end(
    invoke: Any, tmp_path: Path, typed: str, month: str
) -> None:
    ledger = str(tmp_path / "l.toml")
    args = ("--plan", "fujian-2026", "--ledger", ledger, "--lang", "zh", "amend", "new_urban_jobs")
    result = invoke(*args, "--min", "55", "--from", typed)
    assert result.exit_code == 0, result.output
    assert f"已调整 new_urban_jobs 自 {month} 起：≥ 55 万人" in result.stderr  # from its end


@pytest.mark.parametrize("command", ["gap", "targets", "history"])
def test_csv_help_says_the_encoding_and_how_excel_reads_it(invoke: Any, command: str) -> None:
    """`gap --csv > gap.csv` on a UTF-8 system, opened in a Chinese Excel, was mojibake: Excel
    reads a CSV without the BOM as GBK. The remedy (PLANCLI_CSV_BOM=1) was in docs/commands.md
    only; `--help` said `Print CSV on stdout.` (`在标准输出打印 CSV。`)."""
    en = " ".join(invoke("--lang", "en", command, "--help").stdout.split())
    assert "Print CSV on stdout, in the terminal's encoding; for Excel from a UTF-8 system" in en
    assert "set PLANCLI_CSV_BOM=1 (UTF-8 with the BOM Excel needs)" in en


def test_csv_help_in_chinese() -> None:
    """The help is translated when plancli starts: a process of its own, as test_i18n's."""
    result = _plancli("gap", "--help", "--lang", "zh")
    assert result.returncode == 0, result.stderr
    zh = "".join(line.strip() for line in result.stdout.splitlines())  # wrapped between characters
    assert (
        "在标准输出打印 CSV，采用终端的编码；在 UTF-8 系统上导出给 Excel 用的，请设置 "
        "PLANCLI_CSV_BOM=1（写成 Excel 所需的带 BOM 的 UTF-8）。"
    ) in zh


def test_the_charts_legend_calls_a_level_a_recorded_figure(plan_run: Any) -> None:
    """The HTML report's charts draw 城镇调查失业率 (a month's rate, 5.1% in 1-2月, 4.9% in
    1-6月) beside GDP; their legend called every line 累计数据, where the English says
    `recorded figures`."""
    run = plan_run("fujian-2026")
    run("record", "surveyed_unemployment_rate", "5.1", "-p", "1-2月")
    run("record", "surveyed_unemployment_rate", "4.9", "-p", "1-6月")
    html = run("--lang", "zh", "report", "-f", "html")
    assert "实线：录入数据；虚线：目标；" in html and "累计数据" not in html
    assert "line: recorded figures; dashed: target" in run("--lang", "en", "report", "-f", "html")
