"""Session 31 leftovers of `plancli import` and its workbooks: one warning a row for a growth
pasted into a % cell, the target named on rows refused before they are read, a period's bad
months named whole (13-14月, 1-5季度), and Chinese sheet names under --lang zh that an import
still reads by either name. Figures: the Guandu 2022 plan (data/plan2022.toml) and its seed
report (社会消费品零售总额 671.85 亿元 in 2021, +11.6 %; the 2022 target 7 %)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plancli.errors import InputError
from plancli.periods import read_period
from plancli.stores.toml import read_toml_ledger

openpyxl = pytest.importorskip("openpyxl")

PASTED_EN = (
    "cell C2 has the percentage format 0.0%: it holds 4.1, which Excel shows as 410.0%, read as "
    "410 %; a growth of 4.1 % pasted into a cell of that format? Give the cell a number format "
    "(0.0) or type 4.1%"
)
PASTED_ZH = (
    "单元格 C2 的格式为百分比（0.0%）：其中的 4.1 在 Excel 中显示为 410.0%，按 410% 读入；"
    "是否把增速 4.1% 粘贴进了该格式的单元格？请将单元格设为数值格式（0.0），或改填 4.1%"
)
AMOUNT_AS_GROWTH = "typed as the growth (累计增长)?"
AMOUNT_AS_GROWTH_ZH = "填进了增速（累计增长）栏"


def _book(path: Path, rows: list[list[object]], percent: str | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "6月"
    for row in rows:
        sheet.append(row)
    if percent is not None:
        sheet[percent].number_format = "0.0%"
    book.save(path)
    return path


def _pasted(tmp_path: Path) -> Path:
    """retail_sales' growth 4.1 pasted into a 0.0% cell (read 410 %); gdp's amount 1441.37
    (the seed report's 2021 GDP, 亿元) typed as its growth in a plain cell."""
    return _book(
        tmp_path / "6月.xlsx",
        [
            ["target", "period", "value", "amount"],
            ["retail_sales", "2022-06", 4.1, 340.6],
            ["gdp", "2022-Q2", 1441.37, None],
        ],
        percent="C2",
    )


def _warnings(stderr: str, file: Path, row: int) -> list[str]:
    marks = (f"warning: {file}:6月:{row}: ", f"警告：{file}:6月:{row}：")
    return [line for line in stderr.splitlines() if line.startswith(marks)]


@pytest.mark.parametrize("options", [(), ("--dry-run",)])  # import_stream, check_import
def test_a_growth_pasted_into_a_percent_cell_is_warned_about_once(
    invoke, tmp_path: Path, options: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    """4.1 under 0.0% read 410 %: the % cell's warning said why, and then the growth warning
    blamed the 累计值 column for the same figure. One thing a row; a plain cell's amount
    typed as the growth (gdp 1441.37) is still warned about."""
    path = _pasted(tmp_path)
    ledger = tmp_path / "plan2022.progress.toml"
    en = invoke("--ledger", str(ledger), "import", str(path), *options)
    assert en.exit_code == 0, en.output
    assert _warnings(en.stderr, path, 2) == [f"warning: {path}:6月:2: {PASTED_EN}"]
    (gdp,) = _warnings(en.stderr, path, 3)
    assert "gdp 2022-Q2 = 1441.37 %: a year-to-date growth beyond any likely one" in gdp
    assert AMOUNT_AS_GROWTH in gdp
    again = tmp_path / "again.progress.toml"
    zh = invoke("--ledger", str(again), "--lang", "zh", "import", str(path), *options)
    assert zh.exit_code == 0, zh.output
    assert _warnings(zh.stderr, path, 2) == [f"警告：{path}:6月:2：{PASTED_ZH}"]
    assert AMOUNT_AS_GROWTH_ZH in _warnings(zh.stderr, path, 3)[0]
    if not options:  # recorded as read, as before: only the words changed
        figures = {r.target: r.value for r in read_toml_ledger(ledger).records}
        assert str(figures["retail_sales"]) == "410"


def test_import_json_lists_one_warning_for_the_pasted_row(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _pasted(tmp_path)
    result = invoke("--ledger", str(tmp_path / "l.toml"), "import", str(path), "--json")
    assert result.exit_code == 0, result.output
    rows = {r["row"]: r["warnings"] for r in json.loads(result.stdout)["records"]}
    assert rows[2] == [PASTED_EN]
    assert len(rows[3]) == 1 and AMOUNT_AS_GROWTH in rows[3][0]


def test_the_same_growth_typed_in_a_csv_is_still_blamed_on_the_amount(
    invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """No % cell, no % warning: 410 typed as a growth keeps its own warning."""
    path = tmp_path / "june.csv"
    path.write_text("target,period,value\nretail_sales,2022-06,410\n", encoding="utf-8")
    result = invoke("--ledger", str(tmp_path / "l.toml"), "import", str(path), "--dry-run")
    assert result.exit_code == 0, result.output
    assert (
        f"warning: {path}:2: retail_sales 2022-06 = 410 %: a year-to-date growth beyond any "
        "likely one (the target 7 %, 2021: 11.6 %)"
    ) in result.stderr


# ------------------------------------------------------------- rows refused before they are read

JSON_ROWS = [
    {"target": "gdp", "period": "2022-Q2", "value": 5.2},
    5,
    {"target": "retail_sales", "period": "2022-06", "value": 6.5, "unit": "%"},
    {"target": "社会消费品零售总额", "period": "2022-06", "value": [6.5]},
    {"target": "retail_sale", "period": "2022-06", "value": 6.5, "notes": "x"},
    {"target": "budget_revenue", "period": "2022-06", "value": 5.2, "note": {"a": 1}},
]


def test_json_rows_refused_before_they_are_read_name_their_target(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`t.json:3: unknown key(s) 'unit'` named no target, where a value that is not a number
    says `target retail_sales: …`: the target is named by its id, a name (社会消费品零售总额)
    mapped to it; a row that is no object, or names no target of the plan, names none."""
    path, ledger = tmp_path / "t.json", tmp_path / "plan2022.progress.toml"
    path.write_text(json.dumps(JSON_ROWS, ensure_ascii=False), encoding="utf-8")
    en = invoke("--ledger", str(ledger), "import", str(path))
    assert en.exit_code == 2, en.output
    assert en.stderr.splitlines() == [
        f"error: {path}: 5 bad rows; nothing was imported",
        f"{path}:2: expected an object with target, period, value",
        f"{path}:3: target retail_sales: unknown key(s) 'unit'; keys are target, period, value, "
        "amount, note, source",
        f"{path}:4: target retail_sales: value must be a number",
        f"{path}:5: unknown key(s) 'notes'; keys are target, period, value, amount, note, source",
        f"{path}:6: target budget_revenue: note must be text",
    ]
    zh = invoke("--ledger", str(ledger), "--lang", "zh", "import", str(path))
    assert zh.stderr.splitlines()[2:4] == [
        f"{path}:3：目标 retail_sales：无法识别的键 'unit'；可用的键为 target, period, value, "
        "amount, note, source",
        f"{path}:4：目标 retail_sales：value 应为数字",
    ]
    assert not ledger.exists()


def test_sheet_and_csv_rows_refused_before_they_are_read_name_their_target(
    invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = _book(
        tmp_path / "june.xlsx",
        [
            ["指标", "期间", "数值"],
            ["社会消费品零售总额", "2022-06", "=5+1.5"],
            ["gdp", "2022-Q2", 5.2, "x"],
            [None, "2022-06", 5.2],
        ],
    )
    ledger = tmp_path / "plan2022.progress.toml"
    en = invoke("--ledger", str(ledger), "import", str(path))
    assert en.exit_code == 2, en.output
    lines = en.stderr.splitlines()
    assert lines[1].startswith(
        f"{path}:6月:2: target retail_sales: cell C2 holds the formula =5+1.5"
    )
    assert lines[2] == f"{path}:6月:3: target gdp: a value in column(s) D, which have no header"
    assert lines[3].startswith(f"{path}:6月:4: no target")
    csv = tmp_path / "june.csv"
    csv.write_text("target,period,value\ngdp,2022-Q2,5.2,5.3,1\n", encoding="utf-8")
    zh = invoke("--ledger", str(ledger), "--lang", "zh", "import", str(csv))
    assert zh.stderr.splitlines()[1] == f"{csv}:2：目标 gdp：有 5 个单元格，但表头只有 3 列"
    assert not ledger.exists()


# ------------------------------------------------------------------------ a period's bad months


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("2022年13-14月", "there is no month 13 or 14"),
        ("13-6月", "there is no month 13"),  # was: not year to date (1-6月)
        ("1-13月", "there is no month 13"),
        ("0-6月", "there is no month 0"),
        ("1-5季度", "there is no quarter 5"),
        ("一至五季度", "there is no quarter 5"),
        ("5-6季度", "there is no quarter 5 or 6"),
        ("2022年5季度末", "there is no quarter 5"),
        ("前五季度", "there is no quarter 5"),
    ],
)
def test_a_range_names_each_month_that_is_none(text: str, said: str) -> None:
    with pytest.raises(InputError) as raised:
        read_period(text, 2022)
    assert str(raised.value).startswith(f"malformed period '{text}': {said} (a ")


def test_the_forms_that_were_right_stay_right() -> None:
    assert str(read_period("1-6月", 2022)) == "2022-06"
    assert str(read_period("1-3季度", 2022)) == "2022-Q3"
    with pytest.raises(InputError, match="is not year to date"):
        read_period("4-6月", 2022)
    # plancli's own form names the quarter too since session 32 (it said `use YYYY-MM`)
    with pytest.raises(InputError, match=r"'2022-Q5': there is no quarter 5 \(a quarter is 1-4\)"):
        read_period("2022-Q5", 2022)
    with pytest.raises(InputError, match="use YYYY-MM"):  # a form that is none: as before
        read_period("22-06", 2022)


def test_an_import_row_of_months_13_to_14_names_both(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bulletin, ledger = tmp_path / "月报.csv", tmp_path / "plan2022.progress.toml"
    bulletin.write_text(
        "指标,期间,累计值,累计增长\n社会消费品零售总额,2022年1-6月,330.8,6.5\n"
        "地区生产总值,2022年13-14月,700,5.0\n一般公共预算收入,1-5季度,30,2.1\n",
        encoding="utf-8",
    )
    en = invoke("--ledger", str(ledger), "import", str(bulletin))
    assert en.exit_code == 2
    assert en.stderr.splitlines()[1:] == [
        f"{bulletin}:3: target gdp: malformed period '2022年13-14月': there is no month 13 or 14 "
        "(a month is 1-12)",
        f"{bulletin}:4: target budget_revenue: malformed period '1-5季度': there is no quarter 5 "
        "(a quarter is 1-4)",
    ]
    zh = invoke("--ledger", str(ledger), "--lang", "zh", "import", str(bulletin))
    assert zh.stderr.splitlines()[1:] == [
        f"{bulletin}:3：目标 gdp：期间 '2022年13-14月' 有误：没有13月，也没有14月（月份为1～12）",
        f"{bulletin}:4：目标 budget_revenue：期间 '1-5季度' 有误：没有第5季度（季度为1～4）",
    ]
    record = invoke("--ledger", str(ledger), "--lang", "zh", "record", "gdp", "5", "-p", "13-6月")
    assert record.stderr == "错误：期间 '13-6月' 有误：没有13月（月份为1～12）\n"
    assert not ledger.exists()


# --------------------------------------------------------------------------------- sheet names


def _filled_template(invoke, path: Path, lang: str) -> Path:  # type: ignore[no-untyped-def]
    made = invoke("--lang", lang, "template", str(path), "-p", "2022-06")
    assert made.exit_code == 0, made.output
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "retail_sales":
            row[2].value, row[3].value = 6.5, 330.8
    book.save(path)
    return path


def test_a_chinese_template_has_chinese_sheet_names(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    zh = openpyxl.load_workbook(_filled_template(invoke, tmp_path / "六月.xlsx", "zh"))
    assert zh.sheetnames == ["填报", "说明"]
    en = openpyxl.load_workbook(_filled_template(invoke, tmp_path / "june.xlsx", "en"))
    assert en.sheetnames == ["input", "notes"]


@pytest.mark.parametrize(
    ("lang", "sheet", "read"),
    [
        ("zh", None, "填报"),
        ("zh", "填报", "填报"),
        ("zh", "input", "填报"),  # a script written for the English sheet
        ("en", None, "input"),
        ("en", "填报", "input"),  # an old template (every sheet was `input` before session 31)
        ("en", "input", "input"),
    ],
)
def test_either_sheet_name_imports(
    invoke, tmp_path: Path, lang: str, sheet: str | None, read: str
) -> None:  # type: ignore[no-untyped-def]
    path = _filled_template(invoke, tmp_path / "june.xlsx", lang)
    ledger = tmp_path / "plan2022.progress.toml"
    chosen = ("--sheet", sheet) if sheet else ()
    result = invoke("--ledger", str(ledger), "import", str(path), *chosen)
    assert result.exit_code == 0, result.output
    assert f"imported {path}:{read}: 1 new" in result.stderr
    (record,) = read_toml_ledger(ledger).records
    assert (record.target, record.period, str(record.value), str(record.amount)) == (
        "retail_sales",
        "2022-06",
        "6.5",
        "330.8",
    )


def test_a_sheet_named_neither_way_is_still_refused(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _filled_template(invoke, tmp_path / "june.xlsx", "zh")
    result = invoke("--ledger", str(tmp_path / "l.toml"), "import", str(path), "--sheet", "data")
    assert result.exit_code == 2
    assert f"{path}: no sheet 'data'; the workbook has '填报', '说明'" in result.stderr


def test_a_chinese_report_workbook_has_chinese_sheet_names(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "plan2022.progress.toml"
    recorded = invoke("--ledger", str(ledger), "record", "retail_sales", "6.5", "-p", "2022-06")
    assert recorded.exit_code == 0, recorded.output
    amended = invoke("--ledger", str(ledger), "amend", "gdp", "--min", "6", "--from", "2022-06")
    assert amended.exit_code == 0, amended.output
    names = {}
    for lang in ("zh", "en"):
        out = tmp_path / f"report-{lang}.xlsx"
        made = invoke("--ledger", str(ledger), "--lang", lang, "report", "-o", str(out))
        assert made.exit_code == 0, made.output
        names[lang] = openpyxl.load_workbook(out).sheetnames
    assert names == {
        "zh": ["文字说明", "执行情况", "录入记录", "年中调整"],
        "en": ["summary", "assessments", "records", "adjustments"],
    }
