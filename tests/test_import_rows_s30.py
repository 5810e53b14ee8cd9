"""Session 30 `rows`: an import's bad rows as the walk's analyst met them (REPORT F5, F6, F9,
F10, F11 of /tmp/s30/walk): each names the target, the cause and the way on."""

from __future__ import annotations

from pathlib import Path

import pytest

BAD_ROWS = (
    "指标,期间,数值\nretail_sales,2022-06,六点五\ngdp,2022-Q2,5.2\nbudget_revenue,2022-13,3\n"
)


@pytest.mark.parametrize("options", [(), ("--dry-run",)])  # import_stream, check_import
def test_a_bad_row_names_its_target(invoke, tmp_path: Path, options: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """F5: `t6-gbk.csv:8：数值 '六点五' 不是数字` named no target: the analyst counted rows."""
    path, ledger = tmp_path / "t6-gbk.csv", tmp_path / "plan2022.progress.toml"
    path.write_bytes(BAD_ROWS.encode("gbk"))
    zh = invoke("--ledger", str(ledger), "--lang", "zh", "import", str(path), *options)
    assert zh.exit_code == 2, zh.output
    assert zh.stderr.splitlines()[1:] == [
        f"{path}:2：目标 retail_sales：'数值' '六点五' 不是数字（应如 310、5.2、-0.3）",
        f"{path}:4：目标 budget_revenue：期间 '2022-13' 有误：没有13月（月份为1～12）",
        f"{path}：按 GB18030 编码读取（中文 Windows 上 Excel 保存的 CSV）",  # (session 35)
    ]
    en = invoke("--ledger", str(ledger), "--lang", "en", "import", str(path), *options)
    assert en.stderr.splitlines()[1] == (
        f"{path}:2: target retail_sales: '数值' '六点五' is not a number (e.g. 310, 5.2, -0.3)"
    )
    assert not ledger.exists()


def test_a_message_naming_its_target_is_not_given_it_twice(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, ledger = tmp_path / "a.csv", tmp_path / "plan2022.progress.toml"
    path.write_text(
        "target,period,value,amount\nnew_5g_base_stations,2022-06,120,3\n"
        "retail_sale,2022-06,6.5,\n",
        encoding="utf-8",
    )
    result = invoke("--ledger", str(ledger), "import", str(path))
    assert result.stderr.splitlines()[1:3] == [
        f"{path}:2: new_5g_base_stations is a cumulative target and has no amount; --amount is "
        "for growth targets (the year-to-date amount beside the growth %)",
        f"{path}:3: unknown target 'retail_sale' in plan guandu-2022; did you mean retail_sales?",
    ]
    assert not ledger.exists()


def _percent_sheet(path: Path, value: float, number_format: str) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["target", "period", "value"])
    sheet.append(["retail_sales", "2022-06", value])
    sheet["C2"].number_format = number_format
    book.save(path)
    return path


def test_a_growth_pasted_into_a_percent_cell_names_the_format(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """F6: 4.1 pasted into a `0.0%` cell (Excel shows 410.0%) was read as 410 % with a warning
    blaming the 累计值 column; the cell's format is now named, and what Excel shows."""
    path = _percent_sheet(tmp_path / "6月.xlsx", 4.1, "0.0%")
    zh = invoke("--lang", "zh", "import", str(path), "--dry-run")
    assert zh.exit_code == 0, zh.output
    assert (
        f"警告：{path}:Sheet:2：单元格 C2 的格式为百分比（0.0%）：其中的 4.1 在 Excel 中显示为 "
        "410.0%，按 410% 读入；是否把增速 4.1% 粘贴进了该格式的单元格？请将单元格设为数值格式"
        "（0.0），或改填 4.1%\n"
    ) in zh.stderr
    en = invoke("import", str(path), "--dry-run")
    assert (
        f"warning: {path}:Sheet:2: cell C2 has the percentage format 0.0%: it holds 4.1, which "
        "Excel shows as 410.0%, read as 410 %; a growth of 4.1 % pasted into a cell of that "
        "format? Give the cell a number format (0.0) or type 4.1%\n"
    ) in en.stderr


def test_a_percent_format_hiding_a_decimal_is_warned_about(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """0.065 in a `0%` cell reads 7 (as shown, the documented rule): the bulletin's 6.5 lost."""
    path = _percent_sheet(tmp_path / "6月.xlsx", 0.065, "0%")
    en = invoke("import", str(path), "--dry-run")
    assert en.exit_code == 0, en.output
    assert (
        f"warning: {path}:Sheet:2: cell C2 holds 6.5 %, but its percentage format 0% shows 7%, "
        "read as 7 % (as shown); if 6.5 is meant, give the cell a format with its decimals (0.0%)"
    ) in en.stderr
    zh = invoke("--lang", "zh", "import", str(path), "--dry-run")
    assert "单元格 C2 的值为 6.5%，但其百分比格式 0% 显示为 7%，按显示值 7% 读入" in zh.stderr
    shown = _percent_sheet(tmp_path / "ok.xlsx", 0.065, "0.0%")  # shown whole: nothing said
    assert "C2" not in invoke("import", str(shown), "--dry-run").stderr


def test_a_misplaced_thousands_separator_is_named_as_such(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """F10: `1,０２.3` was told not to use thousands separators, though 1,234 is read."""
    path, ledger = tmp_path / "a.csv", tmp_path / "plan2022.progress.toml"
    path.write_text(
        'target,period,value,amount\nbudget_revenue,2022-06,"1,０２.3",\n'
        'retail_sales,2022-06,6.5,"1,234.5"\n',
        encoding="utf-8",
    )
    en = invoke("--ledger", str(ledger), "import", str(path))
    assert en.stderr.splitlines()[1:] == [
        f"{path}:2: target budget_revenue: value '1,０２.3': a thousands separator out of place "
        "(groups of three digits, e.g. 1,023.4); or write it without separators, e.g. 1023.4"
    ]  # the 1,234.5 of row 3 is read
    zh = invoke("--ledger", str(ledger), "--lang", "zh", "import", str(path))
    assert zh.stderr.splitlines()[1] == (
        f"{path}:2：目标 budget_revenue：数值 '1,０２.3'：千位分隔符位置不对（应每三位一组，如 "
        "1,023.4）；或不用分隔符，如 1023.4"
    )
    assert not ledger.exists()


def test_a_misspelt_id_is_not_offered_skip_unknown(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """F11: `budget_revenu` got the hint to --skip-unknown, which drops its figure."""
    path, ledger = tmp_path / "a.csv", tmp_path / "plan2022.progress.toml"
    path.write_text("target,period,value\nbudget_revenu,2022-06,3.1\n", encoding="utf-8")
    zh = invoke("--ledger", str(ledger), "--lang", "zh", "import", str(path))
    assert zh.exit_code == 2
    assert zh.stderr.splitlines()[1:] == [
        f"{path}:2：计划 guandu-2022 中没有目标 'budget_revenu'；是否想找 budget_revenue？"
    ]
    en = invoke("--ledger", str(ledger), "import", str(path))
    assert "--skip-unknown" not in en.stderr
    path.write_text(
        "target,period,value\nbudget_revenu,2022-06,3.1\n进出口总额,2022-06,5\n", encoding="utf-8"
    )
    both = invoke("--ledger", str(ledger), "import", str(path))
    assert both.stderr.splitlines()[-1] == (
        "hint: 1 of these rows names no target of plan guandu-2022: if it is an indicator the "
        "plan does not track, --skip-unknown leaves it out, listed, and imports the rest"
    )  # 进出口总额 is near no target: the hint counts it alone
    assert not ledger.exists()


def test_a_quote_in_a_chinese_finding_has_chinese_quotes(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """F9: `不是其原文引用 '社会消费品零售总额增长7%' 中的数字`: ASCII quotes in Chinese text."""
    plan = tmp_path / "plan2022.toml"
    text = (Path(__file__).parents[1] / "data" / "plan2022.toml").read_text(encoding="utf-8")
    marker = 'id = "retail_sales"'
    head, tail = text.split(marker)
    plan.write_text(head + marker + tail.replace("min = 7\n", "min = 3.5\n", 1), encoding="utf-8")
    zh = invoke("--plan", str(plan), "--lang", "zh", "validate", "--json")
    assert "下限（min）3.5 不是其原文引用“社会消费品零售总额增长7%”中的数字" in zh.stdout
    en = invoke("--plan", str(plan), "validate", "--json")
    assert "min = 3.5 is not a figure of its quote '社会消费品零售总额增长7%'" in en.stdout
