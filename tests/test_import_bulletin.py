"""Bulletins as bureaus export them (issue 12.1-2): Chinese headers and names, GB18030, grouped
and full-width numbers, bulletin periods, Excel's empty column, a partly filled template; and
the refusals of what stays ambiguous, each one exact line, exit 2."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from plancli.bulletin import bulletin_period, number_text
from plancli.bulletin_periods import file_year
from plancli.errors import InputError
from plancli.model import Record
from plancli.stores.toml import read_toml_ledger

SEED = Path(__file__).resolve().parents[1] / "data" / "plan2022.toml"


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return tmp_path / "plan2022.progress.toml"


@pytest.fixture
def imports(invoke, ledger: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write FILE (text in an encoding, or bytes), import it into the bundled 2022 plan."""

    def run(name: str, data: str | bytes, *args: str, encoding: str = "utf-8"):  # type: ignore[no-untyped-def]
        path = tmp_path / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
        return invoke("--ledger", str(ledger), "import", str(path), *args)

    return run


def records(ledger: Path) -> dict[tuple[str, str], Record]:
    return {(r.target, r.period): r for r in read_toml_ledger(ledger).records}


def refused(result, line: str) -> None:  # type: ignore[no-untyped-def]
    """Refused with exit 2 and exactly this one line after the count of bad rows."""
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 2, result.stderr
    assert lines[0].startswith("error: ") and lines[0].endswith("; nothing was imported")
    assert lines[1].endswith(line), lines[1]


# ---------------------------------------------------------------------- issue 12's done-when

EXCEL_ON_CHINESE_WINDOWS = (
    "指标,期间,数值,累计值,来源,备注,\r\n"
    '地区生产总值,2022年6月,5.2,"1,234.56",区统计局,上半年,\r\n'
    "新建5G基站,2022年6月,,186,区工信局,,\r\n"
    '新增机动车泊位,2022年06月,,"1,234",区住建局,,\r\n'
    "空气质量优良率,2022年6月,99.2,,区生态环境分局,,\r\n"
    ",,,,,,\r\n"
    ",,,,,,\r\n"
)


def test_a_csv_from_excel_on_a_chinese_windows_imports_in_one_go(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    data = EXCEL_ON_CHINESE_WINDOWS.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the bytes Excel writes there: not UTF-8
    result = imports("6月月报.csv", data)
    assert result.exit_code == 0, result.output
    assert "6月月报.csv: read as GB18030 text (Excel's CSV on a Chinese Windows)" in result.stderr
    assert "4 new, 0 revised, 0 unchanged of 4 rows" in result.stderr
    got = records(ledger)
    assert len(got) == 4
    # 2022年6月 as a bulletin writes it: a quarterly target's 2022-Q2, a monthly one's 2022-06
    gdp = got[("gdp", "2022-Q2")]
    assert (gdp.value, gdp.amount, gdp.source, gdp.note) == (
        Decimal("5.2"),
        Decimal("1234.56"),
        "区统计局",
        "上半年",
    )
    assert got[("new_5g_base_stations", "2022-Q2")].value == 186  # 累计值 of a cumulative target
    assert got[("new_5g_base_stations", "2022-Q2")].amount is None
    assert got[("new_parking_spaces", "2022-Q2")].value == 1234
    assert got[("air_quality_good_rate", "2022-06")].value == Decimal("99.2")
    # Importing the same file again changes nothing.
    again = imports("6月月报.csv", data)
    assert "nothing to import (0 new, 0 revised, 4 unchanged of 4 rows)" in again.stderr


# ------------------------------------------------------------------------------ encodings


@pytest.mark.parametrize(
    ("data", "encoding", "period"),
    [  # 2022-06 typed is kept; 2022年6月 is quarterly gdp's 2022-Q2
        (b"target,period,value\ngdp,2022-06,5.2\n", "UTF-8", "2022-06"),
        ("指标,期间,数值\ngdp,2022-06,5.2\n".encode(), "UTF-8", "2022-06"),
        ("\ufeff指标,期间,数值\ngdp,2022-06,5.2\n".encode(), "UTF-8 with BOM", "2022-06"),
        ("指标,期间,数值\n地区生产总值,2022年6月,5.2\n".encode("gbk"), "GB18030", "2022-Q2"),
        ("指标,期间,数值\n地区生产总值,2022年6月,5.2\n".encode("gb18030"), "GB18030", "2022-Q2"),
    ],
    ids=["ascii", "utf-8", "utf-8 bom", "gbk", "gb18030"],
)
def test_the_encoding_read_is_in_the_json(imports, data: bytes, encoding: str, period: str) -> None:  # type: ignore[no-untyped-def]
    result = imports("june.csv", data, "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["encoding"] == encoding
    assert [(r["target"], r["period"], r["value"]) for r in out["records"]] == [
        ("gdp", period, 5.2)
    ]


def test_gb18030_after_a_megabyte_of_ascii_is_still_read_as_gb18030(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    # The encoding is decided at the first chunk holding something other than ASCII.
    padding = (" " * 999 + "\n") * 1100  # 1.1 MB of blank lines (skipped), all ASCII
    text = f"target,period,value,note\ngdp,2022-06,5.2,\n{padding}gdp,2022-09,5.3,上半年数据\n"
    result = imports("june.csv", text.encode("gb18030"), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["encoding"] == "GB18030"
    assert records(ledger)[("gdp", "2022-09")].note == "上半年数据"


def test_bytes_that_are_neither_utf8_nor_gb18030_are_refused(imports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = imports("june.csv", b"target,period,value\ngdp,2022-06,5.2\xff\xfe\n")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {tmp_path / 'june.csv'}:2: not UTF-8 text (invalid start byte at byte 35); "
        'save it as UTF-8 (Excel: "CSV UTF-8")\n'
    )


def test_utf8_chinese_with_a_damaged_byte_is_refused_not_read_as_gb18030(
    imports, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    data = "target,period,value,note\ngdp,2022-06,5.2,中国\n".encode() + b"\xb0\xa1\n"
    assert data.decode("gb18030").startswith("target,period,value,note\ngdp,2022-06,5.2,涓")
    result = imports("june.csv", data)  # valid GB18030 too, but it must not be read as that
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {tmp_path / 'june.csv'}:3: not UTF-8 text (invalid start byte at byte 48); "
        'save it as UTF-8 (Excel: "CSV UTF-8")\n'
    )


def test_gbk_whose_first_characters_are_valid_utf8_is_read_as_gb18030(
    imports, ledger: Path
) -> None:  # type: ignore[no-untyped-def]
    # 全 in GBK is C8 AB, a valid UTF-8 sequence (ȫ): the next character decides.
    data = "指标,期间,数值,备注\ngdp,全年,5.2,全年数据\n".encode("gbk")
    result = imports("year.csv", data)
    assert result.exit_code == 0, result.output
    assert records(ledger)[("gdp", "2022-Q4")].note == "全年数据"  # quarterly gdp's 全年


# -------------------------------------------------------------------------------- headers


@pytest.mark.parametrize(
    "header",
    [
        "指标,期间,数值",
        "指标名称,时间,本期",
        "项目,月份,完成值",
        "指标,统计期,增速",
        "指标名称,期间,累计增长(%)",
        "指标,期间,累计增长（%）",
        " Target , PERIOD ,Value",
    ],
)
def test_chinese_headers_map_to_the_import_columns(imports, ledger: Path, header: str) -> None:  # type: ignore[no-untyped-def]
    result = imports("june.csv", f"{header}\ngdp,2022-06,5.2\n")
    assert result.exit_code == 0, result.output
    assert records(ledger)[("gdp", "2022-06")].value == Decimal("5.2")


def test_note_source_and_unit_headers(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    text = "序号,指标,单位,期间,数值,来源,说明\n1,gdp,%,2022-06,5.2,区统计局,初步核算\n"
    result = imports("june.csv", text)
    assert result.exit_code == 0, result.output
    gdp = records(ledger)[("gdp", "2022-06")]
    assert (gdp.source, gdp.note) == ("区统计局", "初步核算")


def test_a_title_and_a_unit_line_above_the_header_are_read_past(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """A bureau's table starts with its title (merged across the columns) and a 单位 line;
    Excel's CSV keeps them as rows of one cell. A header has three cells at least."""
    bulletin = (
        "官渡区2022年1-6月主要经济指标,,,\r\n"
        "单位：亿元，%,,,\r\n"
        ",,,\r\n"
        "指标,期间,累计增长,累计值\r\n"
        '地区生产总值,2022年6月,5.2,"1,234.56"\r\n'
    )
    result = imports("6月月报.csv", bulletin.encode("gb18030"))
    assert result.exit_code == 0, result.output
    assert "1 new, 0 revised, 0 unchanged of 1 row" in result.stderr
    assert records(ledger)[("gdp", "2022-Q2")].amount == Decimal("1234.56")
    wrong = imports(
        "6月月报.csv", "主要经济指标,,\r\n指标,期间,数量\r\n地区生产总值,2022年6月,5.2\r\n"
    )
    assert wrong.exit_code == 2
    assert wrong.stderr.startswith("error: ") and (
        "6月月报.csv:2: unknown column(s) '数量'" in wrong.stderr
    )


@pytest.mark.parametrize("separator", ["\t", ";"])
def test_a_header_in_another_separator_is_no_title(imports, separator: str) -> None:  # type: ignore[no-untyped-def]
    """Excel's "Unicode text" is tab-separated: its header is one cell to a CSV reader, and
    is refused naming it with the hint, not read past as a title."""
    data = (
        f"指标{separator}期间{separator}数值\r\n地区生产总值{separator}2022年6月{separator}5.2\r\n"
    )
    result = imports("june.txt", data)
    assert result.exit_code == 2
    assert ":1: unknown column(s) '指标" in result.stderr
    assert "(the file seems separated by ';' or tabs" in result.stderr


def test_a_sheets_title_row_above_the_header_is_read_past(
    imports, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["2022年6月主要经济指标"])
    sheet.merge_cells("A1:C1")
    sheet.append([])
    sheet.append(["指标", "期间", "数值"])
    sheet.append(["地区生产总值", "2022年6月", 5.2])
    book.save(tmp_path / "june.xlsx")
    result = imports("june.xlsx", (tmp_path / "june.xlsx").read_bytes())
    assert result.exit_code == 0, result.output
    assert records(ledger)[("gdp", "2022-Q2")].value == Decimal("5.2")


def test_a_header_that_maps_twice_is_refused_naming_both(imports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = imports("june.csv", "指标,期间,数值,本期\ngdp,2022-06,5.2,5.2\n")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {tmp_path / 'june.csv'}:1: columns '数值' and '本期' both mean value; keep one\n"
    )
    amount = imports("june.csv", "target,period,value,amount,累计值\ngdp,2022-06,5.2,1,1\n")
    assert amount.exit_code == 2
    assert amount.stderr == (
        f"error: {tmp_path / 'june.csv'}:1: columns 'amount' and '累计值' both give a growth "
        "target's amount; keep one\n"
    )


def test_an_unknown_header_is_refused_naming_it(imports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = imports("june.csv", "指标,期间,数值,去年同期\ngdp,2022-06,5.2,4\n")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"error: {tmp_path / 'june.csv'}:1: unknown column(s) '去年同期'; the header must be "
        "target,period,value[,amount,note,source] or the Chinese headers of docs/formats.md"
    )


def _sheet_with_hidden(tmp_path: Path, hidden: str, header: str) -> bytes:
    """A sheet of 2022-06 figures with column `hidden` hidden, headed `header`."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "6月"
    sheet.append(["指标", "期间", header, "累计值"])
    sheet.append(["新建5G基站", "2022-06", 120, 150])
    sheet.append(["城市道路建设项目", "2022-06", 5.1, 6.5])
    sheet.column_dimensions[hidden].hidden = True
    book.save(tmp_path / "june.xlsx")
    return (tmp_path / "june.xlsx").read_bytes()


def test_a_hidden_column_plancli_does_not_read_is_refused_as_such(imports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """审核人, hidden in the sheet: she never sees it, so the error says where it is and what
    to do (audit win #8), in English and Chinese. (This test hid 上年同期 until session 26:
    that column is passed over, hidden or not, below.)"""
    data = _sheet_with_hidden(tmp_path, "C", "审核人")
    result = imports("june.xlsx", data)
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {tmp_path / 'june.xlsx'}:6月:1: hidden column(s) C '审核人', which plancli "
        "does not read; unhide them in Excel (select the columns either side, right-click, "
        "Unhide) and delete them, or give them a header of docs/formats.md\n"
    )
    chinese = imports("june.xlsx", data, "--lang", "zh")
    assert "隐藏的列 C '审核人'" in chinese.stderr and "取消隐藏" in chinese.stderr


@pytest.mark.parametrize("header", ["上年同期", "上年同期数", "排名"])
def test_a_hidden_column_passed_over_anyway_does_not_block_the_import(  # type: ignore[no-untyped-def]
    imports, ledger: Path, tmp_path: Path, header: str
) -> None:
    """A 月报's 上年同期, hidden: shown, it is passed over (bulletin_blanks.UNUSED_COLS); hidden,
    it was refused, asking her to unhide and delete a column plancli would not read either
    way. It is passed over and named as shown."""
    result = imports("june.xlsx", _sheet_with_hidden(tmp_path, "C", header), "--json")
    assert result.exit_code == 0, result.output
    assert records(ledger)[("new_5g_base_stations", "2022-06")].value == 150
    assert header in result.stderr
    assert json.loads(result.stdout)["skipped_columns"] == [header]


def test_the_columns_read_past_are_in_the_json_as_on_stderr(imports) -> None:  # type: ignore[no-untyped-def]
    """stderr named the 上年同期 and 全市排名 a 月报 carries; `import --json` did not, so a
    script could not tell a column was left unread."""
    bulletin = "指标,期间,上年同期,累计值,全市排名\n新建5G基站,2022年6月,98,186,3\n"
    result = imports("6月月报.csv", bulletin, "--json")
    assert result.exit_code == 0, result.output
    assert "columns '上年同期', '全市排名' read past" in result.stderr
    assert json.loads(result.stdout)["skipped_columns"] == ["上年同期", "全市排名"]
    plain = imports("june.csv", "target,period,value\ngdp,2022-06,5.2\n", "--json")
    assert json.loads(plain.stdout)["skipped_columns"] == []


def test_a_value_in_a_hidden_column_without_a_header_says_it_is_hidden(
    imports, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    result = imports("june.xlsx", _sheet_with_hidden(tmp_path, "C", ""))
    assert result.exit_code == 2
    # The row's name, 新建5G基站, is the plan's new_5g_base_stations: named (session 31)
    assert (
        "june.xlsx:6月:2: target new_5g_base_stations: a value in column(s) C (hidden), which "
        "have no header\n"
    ) in result.stderr
    chinese = imports("june.xlsx", _sheet_with_hidden(tmp_path, "C", ""), "--lang", "zh")
    assert "C（隐藏列）" in chinese.stderr


def test_a_hidden_column_plancli_reads_is_read(imports, ledger: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = imports("june.xlsx", _sheet_with_hidden(tmp_path, "C", "备注"))
    assert result.exit_code == 0, result.output
    assert records(ledger)[("new_5g_base_stations", "2022-06")].value == 150


@pytest.mark.parametrize("header", ["指标,期间,数值,", "指标,期间,数值,累计值,"])
def test_a_value_under_an_empty_header_is_refused(imports, header: str) -> None:  # type: ignore[no-untyped-def]
    cells = ",".join(["gdp", "2022-06", "5.2", *([""] * (header.count(",") - 3)), "oops"])
    result = imports("june.csv", f"{header}\n{cells}\n")
    column, left = "DE"[header.count(",") - 3], "CD"[header.count(",") - 3]
    refused(  # its header cell empty beside a header: merged in the sheet it came from? (s29)
        result,
        f":2: target gdp: a value in column(s) {column}, which have no header (its header cell "
        "is empty: "
        f"was it merged with column {left}'s in the sheet this file was saved from? Unmerge it "
        "there and give each column its own header)",
    )


def test_total_and_growth_columns_by_the_kind_of_target(
    imports, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # 累计值 is a growth target's amount and any other target's figure; the growth of a
    # cumulative target has no place in plancli: recorded without it, with a warning.
    text = "指标,期间,累计增长,累计值\n地区生产总值,1-6月,5.2,1234.5\n新建5G基站,1-6月,12.5,186\n"
    result = imports("june.csv", text)
    assert result.exit_code == 0, result.output
    assert (
        f"warning: {tmp_path / 'june.csv'}:3: new_5g_base_stations is a cumulative target: its "
        "figure is the '累计值' column ('186'); the '累计增长' column ('12.5') is not recorded\n"
    ) in result.stderr
    got = records(ledger)
    assert (got[("gdp", "2022-Q2")].value, got[("gdp", "2022-Q2")].amount) == (
        Decimal("5.2"),
        Decimal("1234.5"),
    )
    assert got[("new_5g_base_stations", "2022-Q2")].value == 186


def test_a_growth_target_given_only_its_total_is_refused(imports) -> None:  # type: ignore[no-untyped-def]
    result = imports("june.csv", "指标,期间,累计值\n地区生产总值,2022-06,1234.5\n")
    refused(
        result,
        ":2: gdp is a growth target: its figure is the growth %, and the file gives only "
        "'累计值', its amount; add a 累计增长 column",
    )


# -------------------------------------------------------------------------------- targets


def test_a_target_by_its_chinese_name(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    text = (
        "指标,期间,数值\n"
        "地区生产总值,2022-06,5.2\n"
        "固定资产投资（不含农户）,2022-06,8.1\n"  # full-width brackets: the plan has (…)
        "引进培育专精特新小巨人企业,2022-06,3\n"  # without the plan's “…”
    )
    result = imports("june.csv", text)
    assert result.exit_code == 0, result.output
    assert set(records(ledger)) == {
        ("gdp", "2022-06"),
        ("fixed_asset_investment", "2022-06"),
        ("little_giant_enterprises", "2022-06"),
    }


def test_a_name_copied_out_of_a_pdf_with_radicals_names_its_target(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """A bulletin's rows copied out of a PDF read 地区⽣产总值 (a Kangxi radical for 生) and
    城镇常住居⺠… (a radical NFKC leaves as it is): the names are the plan's all the same."""
    text = (
        "指标,期间,数值\n"
        "地区⽣产总值,2022-06,5.2\n"  # KANGXI RADICAL LIFE
        "地方⼀般公共预算收⼊,2022-06,1.5\n"  # KANGXI RADICAL ONE, ENTER
        "城镇常住居⺠⼈均可⽀配收⼊,2022-06,4.1\n"  # CJK RADICAL CIVILIAN: not NFKC's
    )
    result = imports("june.csv", text)
    assert result.exit_code == 0, result.output
    assert set(records(ledger)) == {
        ("gdp", "2022-06"),
        ("budget_revenue", "2022-06"),
        ("urban_income", "2022-06"),
    }


def _plan_with_aliases(tmp_path: Path) -> Path:
    text = SEED.read_text("utf-8")
    text = text.replace('name = "地区生产总值"\n', 'name = "地区生产总值"\naliases = ["GDP"]\n', 1)
    for name in ("城市道路建设项目", "市政工程项目"):
        text = text.replace(f'name = "{name}"\n', f'name = "{name}"\naliases = ["城建投资"]\n', 1)
    path = tmp_path / "plan2022.toml"
    path.write_text(text, "utf-8")
    return path


def test_an_alias_names_its_target_and_one_that_fits_several_is_refused(
    invoke,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    ledger: Path,
) -> None:
    plan = _plan_with_aliases(tmp_path)
    path = tmp_path / "june.csv"
    path.write_text("指标,期间,数值\ngdp,2022-Q1,4.8\nGDP,2022-06,5.2\n", "utf-8")
    result = invoke("--plan", str(plan), "--ledger", str(ledger), "import", str(path))
    assert result.exit_code == 0, result.output
    assert set(records(ledger)) == {("gdp", "2022-Q1"), ("gdp", "2022-06")}
    path.write_text("指标,期间,数值\n城建投资,2022-06,12.5\n", "utf-8")
    ambiguous = invoke("--plan", str(plan), "--ledger", str(ledger), "import", str(path))
    refused(
        ambiguous,
        ":2: target name '城建投资' fits 2 targets (investment_roads, investment_municipal); "
        "give the id instead",
    )


def test_an_unknown_name_suggests_the_closest_names(imports) -> None:  # type: ignore[no-untyped-def]
    result = imports("june.csv", "指标,期间,数值\n地区生产总额,2022-06,5.2\n")
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert lines[0].endswith(": 1 bad row; nothing was imported")
    assert lines[1].endswith(
        ":2: unknown target '地区生产总额' in plan guandu-2022; did you mean 地区生产总值 (gdp)?"
    )
    # A name that fits no target: the row may be an indicator the plan does not track.
    assert lines[2].startswith("hint: 1 of these rows names no target of plan guandu-2022: ")
    assert len(lines) == 3


# -------------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("1,234", "1234"),
        ("1，234", "1234"),
        ("1,234,567.89", "1234567.89"),
        ("１２３．４", "123.4"),
        ("５％", "5%"),
        ("－2.1", "-2.1"),
        ("−2.1", "-2.1"),
        ("增长５．２％", "增长5.2%"),
        ("4,8", "4,8"),  # not thousands: left for the number check to refuse
        ("1,23", "1,23"),
        ("12,3456", "12,3456"),
    ],
)
def test_number_text(text: str, read: str) -> None:
    assert number_text(text) == read


def test_numbers_as_bulletins_write_them(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    text = (
        "target,period,value,amount\n"
        'gdp,2022-06,５％,"1，234.5"\n'
        'new_parking_spaces,2022-06,"1,234",\n'
        "air_quality_good_rate,2022-06,９９．２,\n"
        "budget_revenue,2022-06,－2.1,\n"
    )
    result = imports("june.csv", text)
    assert result.exit_code == 0, result.output
    got = records(ledger)
    assert (got[("gdp", "2022-06")].value, got[("gdp", "2022-06")].amount) == (
        Decimal(5),
        Decimal("1234.5"),
    )
    assert got[("new_parking_spaces", "2022-06")].value == 1234
    assert got[("air_quality_good_rate", "2022-06")].value == Decimal("99.2")
    assert got[("budget_revenue", "2022-06")].value == Decimal("-2.1")


def test_a_comma_that_does_not_group_thousands_is_still_refused(imports) -> None:  # type: ignore[no-untyped-def]
    result = imports("june.csv", 'target,period,value\nnew_parking_spaces,2022-06,"4,8"\n')
    refused(
        result,
        ":2: target new_parking_spaces: value '4,8': write it without thousands separators and "
        "with '.' as the decimal point, e.g. 1441.37",
    )


def test_a_fraction_for_a_percent_target_is_imported_with_a_warning(
    imports,  # type: ignore[no-untyped-def]
    ledger: Path,
    tmp_path: Path,
) -> None:
    result = imports("june.csv", "指标,期间,数值\n空气质量优良率,2022年6月,0.992\n")
    assert result.exit_code == 0, result.output
    assert (
        f"warning: {tmp_path / 'june.csv'}:2: air_quality_good_rate 2022-06 = 0.992: a fraction "
        "where the figure is in %; did you mean 99.2 %? (read as 0.992 %)\n"
    ) in result.stderr
    assert records(ledger)[("air_quality_good_rate", "2022-06")].value == Decimal("0.992")
    # Not warned: 99.2; 0.992% (a % typed); a growth target's 0.9 (a growth of 0.9 %); an
    # unemployment rate of 0.9 % against a ceiling of 4.5 % (not ten times as large).
    quiet = imports(
        "july.csv",
        "target,period,value\nair_quality_good_rate,2022-07,99.2\ngdp,2022-09,0.9\n"
        "air_quality_good_rate,2022-08,0.992%\nunemployment_rate,2022-09,0.9\n",
    )
    assert quiet.exit_code == 0 and "warning" not in quiet.stderr, quiet.stderr


# -------------------------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2022年6月", "2022-06"),
        ("2022年06月", "2022-06"),
        ("2022-6", "2022-06"),
        ("2022/6", "2022-06"),
        ("2022.6", "2022-06"),
        ("2022.10", "2022-10"),
        ("6月", "2022-06"),
        ("1-6月", "2022-06"),
        ("1—6月", "2022-06"),
        ("1至6月", "2022-06"),
        ("1月-6月", "2022-06"),
        ("2022年1-6月", "2022-06"),
        ("一季度", "2022-Q1"),
        ("第一季度", "2022-Q1"),
        ("2022年前三季度", "2022-Q3"),
        ("前三季度", "2022-Q3"),
        ("上半年", "2022-H1"),
        ("2022年上半年", "2022-H1"),
        ("全年", "2022"),
        ("2022年", "2022"),
        ("2022-06", "2022-06"),
        ("２０２２年６月", "2022-06"),
    ],
)
def test_bulletin_periods(text: str, period: str) -> None:
    assert bulletin_period(text, 2022) == period


@pytest.mark.parametrize("text", ["2022年13月", "6", "季度", "lots"])
def test_what_is_not_a_bulletin_period_is_left_to_the_period_check(text: str) -> None:
    assert bulletin_period(text, 2022) is None


def test_a_span_not_from_january_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        bulletin_period("4-6月", 2022)
    assert str(caught.value) == (
        "period '4-6月' is not year to date: plancli records figures from January (1-6月, 2022-06)"
    )


@pytest.mark.parametrize("text", ["2022.1", "２０２２．１"])
def test_a_dotted_period_that_may_be_october_is_refused(text: str) -> None:
    """Excel keeps 2022.10 typed in a cell as the number 2022.1 and shows it so, in the sheet
    and in its CSV: read as January, an October figure went to 2022-01 without a word."""
    with pytest.raises(InputError) as caught:
        bulletin_period(text, 2022)
    assert str(caught.value) == (
        f"period {text!r}: January or October? A spreadsheet shows 2022.10 typed as a number "
        "as 2022.1; write 2022-01 or 2022-10"
    )


def test_a_number_2022_1_in_a_sheets_period_column_is_refused_on_its_row(
    imports, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["指标", "期间", "数值"])
    sheet.append(["地区生产总值", 2022.06, 5.2])
    sheet.append(["地区生产总值", 2022.10, 5.6])  # typed 2022.10; Excel keeps 2022.1
    book.save(tmp_path / "p.xlsx")
    result = imports("p.xlsx", (tmp_path / "p.xlsx").read_bytes())
    refused(
        result,
        ":3: target gdp: period '2022.1': January or October? A spreadsheet shows 2022.10 typed "
        "as a number as 2022.1; write 2022-01 or 2022-10",
    )
    assert not ledger.exists()


@pytest.mark.parametrize(
    ("name", "year"),
    [
        ("官渡区2022年6月统计月报.csv", 2022),
        ("/data/2021/june.csv", None),  # a folder's year is not the file's
        ("2021-2022对比.csv", None),  # two years: ambiguous
        ("20220630.csv", None),
        ("june.csv", None),
    ],
)
def test_the_year_a_file_name_gives(name: str, year: int | None) -> None:
    assert file_year(name) == year


def test_a_year_in_the_file_name_or_a_year_column(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    # A file named for 2021 is a 2021 bulletin: its 1-6月 is 2021-06, outside the 2022 plan.
    wrong_year = imports("官渡区2021年6月月报.csv", "指标,期间,数值\ngdp,1-6月,5.2\n")
    refused(wrong_year, ":2: target gdp: period '2021-06' is outside the plan year 2022")
    by_column = imports("june.csv", "年份,指标,期间,数值\n2022,gdp,上半年,5.2\n")
    assert by_column.exit_code == 0, by_column.output
    assert records(ledger)[("gdp", "2022-Q2")].value == Decimal("5.2")
    clash = imports("june.csv", "年份,指标,期间,数值\n2021,gdp,2022年6月,5.2\n")
    refused(clash, ":2: target gdp: period '2022年6月' is in 2022, but the year column says 2021")


def test_a_span_not_from_january_is_refused_on_its_row(imports) -> None:  # type: ignore[no-untyped-def]
    result = imports("june.csv", "指标,期间,数值\ngdp,4-6月,5.2\n")
    refused(
        result,
        ":2: target gdp: period '4-6月' is not year to date: plancli records figures from January "
        "(1-6月, 2022-06)",
    )


# ------------------------------------------------------------------ a partly filled template


def _filled_template(invoke, tmp_path: Path, ledger: Path, name: str) -> tuple[Path, int]:  # type: ignore[no-untyped-def]
    """`plancli template` for June, three rows filled in; (file, rows left blank)."""
    path = tmp_path / name
    made = invoke("--ledger", str(ledger), "template", "-p", "2022-06", str(path))
    assert made.exit_code == 0, made.output
    return path, int(made.stderr.split(": ")[1].split()[0]) - 3


def test_a_partly_filled_template_imports_and_counts_the_blank_rows(
    invoke,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    ledger: Path,
) -> None:
    invoke("--ledger", str(ledger), "record", "gdp", "4.8", "-p", "2022-Q1")  # creates it
    path, blank = _filled_template(invoke, tmp_path, ledger, "june.csv")
    lines = path.read_text("utf-8-sig").splitlines()
    filled = {"gdp": "5.2", "new_5g_base_stations": "186", "air_quality_good_rate": "99.2"}
    for i, line in enumerate(lines):
        target, period, _value, rest = line.split(",", 3)
        if target in filled:
            lines[i] = f"{target},{period},{filled[target]},{rest}"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    result = invoke("--ledger", str(ledger), "import", str(path))
    assert result.exit_code == 0, result.output
    assert f"{path}: {blank} blank rows skipped (template rows with no figure yet)" in (
        result.stderr.splitlines()
    )
    assert "3 new, 0 revised, 0 unchanged of 3 rows" in result.stderr
    assert records(ledger)[("new_5g_base_stations", "2022-Q2")].value == 186
    chinese = invoke("--lang", "zh", "--ledger", str(ledger), "import", str(path))
    assert f"{path}：跳过{blank}个空白行（模板中尚未填数的行）" in chinese.stderr.splitlines()


def test_a_template_sheet_left_partly_blank_imports_too(
    invoke, tmp_path: Path, ledger: Path
) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    invoke("--ledger", str(ledger), "record", "gdp", "4.8", "-p", "2022-Q1")
    path, blank = _filled_template(invoke, tmp_path, ledger, "june.xlsx")
    book = load_workbook(path)
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[header.index("target")].value == "gdp":
            row[header.index("value")].value = 5.2
        if row[header.index("target")].value in ("new_5g_base_stations", "new_urban_jobs"):
            row[header.index("value")].value = 186 if row[0].value.startswith("new_5g") else 1.2
    book.save(path)
    result = invoke("--ledger", str(ledger), "import", str(path), "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert (out["blank_rows"], out["counts"]["new"], out["encoding"]) == (blank, 3, None)


def test_a_row_with_no_value_in_a_file_that_is_not_a_template_stays_an_error(imports) -> None:  # type: ignore[no-untyped-def]
    result = imports(
        "june.csv", "target,period,value,note\ngdp,2022-06,5.2,\nnew_5g_base_stations,2022-06,,\n"
    )
    refused(result, ":3: no value for new_5g_base_stations")
    chinese = imports("june.csv", "指标,期间,数值\n地区生产总值,2022年6月,\n")
    refused(chinese, ":2: no value for 地区生产总值")


@pytest.mark.parametrize("mark", ["—", "-", "——", "－", "–"])
def test_a_dash_is_a_bulletins_no_data_mark_not_a_figure(imports, ledger: Path, mark: str) -> None:  # type: ignore[no-untyped-def]
    """A statistical table writes — (or -) where it has no figure: an amount of — is no
    amount, a 累计增长 of — beside a 累计值 leaves the total as the figure, and a row whose
    figures are all — is skipped and counted, not refused as "'-' is not a number"."""
    bulletin = (
        "指标,期间,累计增长,累计值,来源\r\n"
        f"地区生产总值,2022年6月,5.2,{mark},区统计局\r\n"
        f"新建5G基站,2022年6月,{mark},186,区工信局\r\n"
        f"城镇登记失业率,2022年6月,{mark},{mark},区人社局\r\n"
        f"空气质量优良率,2022年6月,{mark},,\r\n"
    )
    result = imports("6月月报.csv", bulletin.encode("gb18030"), "--json")
    assert result.exit_code == 0, result.output
    assert "6月月报.csv: 2 rows marked — (no data) skipped\n" in result.stderr
    assert "is not recorded" not in result.stderr  # no 累计增长 was given for the 5G stations
    out = json.loads(result.stdout)
    assert (out["no_data_rows"], out["counts"]["new"]) == (2, 2)
    got = records(ledger)
    assert (got[("gdp", "2022-Q2")].value, got[("gdp", "2022-Q2")].amount) == (Decimal("5.2"), None)
    assert got[("new_5g_base_stations", "2022-Q2")].value == 186
    assert len(got) == 2
    plain = imports(
        "june.csv",
        f"target,period,value,amount\ngdp,2022-09,5.3,{mark}\nretail_sales,2022-07,{mark},\n",
        "--lang",
        "zh",
    )
    assert plain.exit_code == 0, plain.output
    assert "june.csv：跳过1个标“—”（无数据）的行" in plain.stderr
    assert records(ledger)[("gdp", "2022-09")].amount is None


def test_a_dash_in_a_sheet_is_no_data_too(imports, ledger: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["指标名称", "统计期", "累计增长(%)", "累计值"])
    sheet.append(["地区生产总值", "2022年6月", 5.2, "—"])
    sheet.append(["城镇登记失业率", "2022年6月", "—", "—"])
    book.save(tmp_path / "june.xlsx")
    result = imports("june.xlsx", (tmp_path / "june.xlsx").read_bytes())
    assert result.exit_code == 0, result.output
    assert "1 row marked — (no data) skipped" in result.stderr
    assert records(ledger)[("gdp", "2022-Q2")].amount is None


def test_a_dash_is_no_figure_but_a_minus_sign_still_is_one(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    result = imports("june.csv", "target,period,value\ngdp,2022-06,-0.5\nretail_sales,2022-06,-\n")
    assert result.exit_code == 0, result.output
    assert records(ledger)[("gdp", "2022-06")].value == Decimal("-0.5")
    refused(
        imports("june.csv", "target,period,value\ngdp,2022-06,-x\n"),
        "value '-x' is not a number (e.g. 310, 5.2, -0.3)",
    )


def test_a_template_row_with_a_note_but_no_value_is_an_error(
    invoke, tmp_path: Path, ledger: Path
) -> None:  # type: ignore[no-untyped-def]
    invoke("--ledger", str(ledger), "record", "gdp", "4.8", "-p", "2022-Q1")
    path, _blank = _filled_template(invoke, tmp_path, ledger, "june.csv")
    lines = path.read_text("utf-8-sig").splitlines()
    target, period, _value, _amount, _note, rest = lines[1].split(",", 5)
    lines[1] = f"{target},{period},,,初步数据,{rest}"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    refused(
        invoke("--ledger", str(ledger), "import", str(path)),
        ":2: no value for gdp: only note filled; if the figure is not out yet, clear the row",
    )


# -------------------------------------------------------------------------------- Chinese


def test_import_errors_in_chinese(imports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    twice = imports("june.csv", "指标,期间,数值,本期\ngdp,2022-06,5.2,5.2\n", "--lang", "zh")
    assert twice.exit_code == 2
    assert twice.stderr == (
        f"错误：{tmp_path / 'june.csv'}:1：'数值' 列和 '本期' 列都表示 value；请只保留一列\n"
    )
    rows = imports(
        "june.csv",
        "指标,期间,数值\n地区生产总额,2022-06,5.2\ngdp,4-6月,5.2\n城镇登记失业率,2022-06,\n",
        "--lang",
        "zh",
    )
    assert rows.exit_code == 2
    assert rows.stderr.splitlines() == [
        f"错误：{tmp_path / 'june.csv'}：3 行有误；未导入任何数据",
        f"{tmp_path / 'june.csv'}:2：计划 guandu-2022 中没有目标 '地区生产总额'；"
        "是否想找 地区生产总值（gdp）？",
        f"{tmp_path / 'june.csv'}:3：目标 gdp：期间 '4-6月' 不是年初至今的累计期间：plancli "
        "录入自1月起的累计数（1-6月，即 2022-06）",
        f"{tmp_path / 'june.csv'}:4：缺少 value（城镇登记失业率）",
        "提示：其中 1 行的指标不是计划 guandu-2022 的目标：如果是计划不跟踪的指标，加 "
        "--skip-unknown 可跳过这些行（逐行列出）并导入其余各行",
    ]
    old = imports("june.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "--lang", "zh")
    assert old.stderr == (
        f"错误：{tmp_path / 'june.xls'}：旧版 .xls 工作簿；请另存为 .xlsx（Excel 工作簿）后再导入\n"
    )


def test_a_plan_validation_error_in_chinese(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = SEED.read_text("utf-8").replace("min = 310\n", "min = 310\nmax = 300\n", 1)
    plan = tmp_path / "plan.toml"
    plan.write_text(text, "utf-8")
    line = text[: text.index('id = "new_5g_base_stations"')].count("\n")  # its [[targets]]
    english = invoke("--plan", str(plan), "targets")
    assert english.exit_code == 3
    assert english.stderr == (
        f"error: {plan}: line {line}: target new_5g_base_stations: min (310) > max (300)\n"
    )
    chinese = invoke("--plan", str(plan), "--lang", "zh", "targets")
    assert chinese.exit_code == 3
    assert chinese.stderr == (
        f"错误：{plan}:{line}：目标 new_5g_base_stations：下限（min）310 大于上限（max）300\n"
    )  # in words, the keys in brackets: it read `min（310）> max（300）`


def test_a_bulletin_sheet_and_a_json_file_map_the_same_way(
    imports, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["指标名称", "统计期", "累计增长(%)", "累计值", "备注"])
    sheet.append(["地区生产总值", "2022年1-6月", 5.2, 1234.56, "初步核算"])
    sheet.append(["新建5G基站", "上半年", None, 186, None])
    # A rate's level is its 累计值 (its 累计增长 would be its change on last year: figure_slips).
    sheet.append(["空气质量优良率", "2022年6月", None, 0.992, None])
    book.save(tmp_path / "june.xlsx")
    result = imports("june.xlsx", (tmp_path / "june.xlsx").read_bytes())
    assert result.exit_code == 0, result.output
    assert "air_quality_good_rate 2022-06 = 0.992: a fraction" in result.stderr
    got = records(ledger)
    assert (got[("gdp", "2022-Q2")].value, got[("gdp", "2022-Q2")].amount) == (
        Decimal("5.2"),
        Decimal("1234.56"),
    )
    assert got[("new_5g_base_stations", "2022-Q2")].value == 186
    rows = [
        {
            "target": "社会消费品零售总额",
            "period": "2022年6月",
            "value": "６．５",
            "amount": "1,330.8",
        },
        {"target": "new_parking_spaces", "period": "1至6月", "value": "1，234"},
    ]
    json_file = imports("june.json", json.dumps(rows, ensure_ascii=False))
    assert json_file.exit_code == 0, json_file.output
    got = records(ledger)
    assert got[("retail_sales", "2022-06")].amount == Decimal("1330.8")
    assert got[("new_parking_spaces", "2022-Q2")].value == 1234


def test_under_a_chinese_locale_import_and_plan_errors_are_chinese(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    env.update(LANG="zh_CN.UTF-8", PYTHONPATH=str(SEED.parents[1] / "src"), NO_COLOR="1")
    figures = tmp_path / "june.csv"
    figures.write_bytes("指标,期间,数值\n地区生产总额,2022年6月,5.2\n".encode("gb18030"))
    ledger = tmp_path / "l.progress.toml"
    imported = subprocess.run(
        [sys.executable, "-m", "plancli", "--ledger", str(ledger), "import", str(figures)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert imported.returncode == 2
    assert imported.stderr.splitlines() == [
        f"错误：{figures}：1 行有误；未导入任何数据",
        f"{figures}:2：计划 guandu-2022 中没有目标 '地区生产总额'；是否想找 地区生产总值（gdp）？",
        "提示：其中 1 行的指标不是计划 guandu-2022 的目标：如果是计划不跟踪的指标，加 "
        "--skip-unknown 可跳过这些行（逐行列出）并导入其余各行",
        f"{figures}：按 GB18030 编码读取（中文 Windows 上 Excel 保存的 CSV）",  # (session 35)
    ]
    plan = tmp_path / "plan.toml"
    plan.write_text(SEED.read_text("utf-8").replace('kind = "growth"', 'kind = "grwoth"', 1))
    validated = subprocess.run(
        [sys.executable, "-m", "plancli", "--plan", str(plan), "validate"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert validated.returncode == 3
    assert validated.stderr.startswith(f"错误：{plan}:")
    assert "：目标 gdp：kind：应为以下之一：" in validated.stderr


def test_a_formula_with_no_saved_value_is_refused_not_skipped_as_blank(
    invoke, tmp_path: Path, ledger: Path
) -> None:  # type: ignore[no-untyped-def]
    """A script that fills the template with openpyxl writes `=5+0.2` and saves no value with
    it (openpyxl does not calculate). The row read as blank: a template's blank row is skipped,
    so the figure the analyst entered was dropped without a word, and a note's formula was
    dropped from an imported row. Such a cell is refused, naming it and the formula."""
    from openpyxl import load_workbook

    invoke("--ledger", str(ledger), "record", "gdp", "4.8", "-p", "2022-Q1")
    before = ledger.read_bytes()
    path, _blank = _filled_template(invoke, tmp_path, ledger, "june.xlsx")
    book = load_workbook(path)
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[header.index("target")].value == "gdp":
            row[header.index("value")].value = "=5+0.2"
            gdp_row = row[0].row
        if row[header.index("target")].value == "new_urban_jobs":
            row[header.index("value")].value = 1.2
            row[header.index("note")].value = '=CONCAT("上半年","初步")'
            jobs_row = row[0].row
    book.save(path)
    result = invoke("--ledger", str(ledger), "import", str(path))
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert lines[0] == f"error: {path}:input: 2 bad rows; nothing was imported"
    value_cell = f"C{gdp_row}"
    assert lines[1:] == sorted(
        [
            f"{path}:input:{gdp_row}: target gdp: cell {value_cell} holds the formula =5+0.2 "
            "and no value saved with it; open and save the workbook in Excel or WPS, or type "
            "the figure",
            f"{path}:input:{jobs_row}: target new_urban_jobs: cell E{jobs_row} holds the formula "
            '=CONCAT("上半年","初步") and no value saved with it; open and save the workbook '
            "in Excel or WPS, or type the figure",
        ],
        key=lambda line: int(line.split(":")[2]),
    )
    assert ledger.read_bytes() == before
    chinese = invoke("--lang", "zh", "--ledger", str(ledger), "import", str(path))
    assert f"单元格 {value_cell} 是公式 =5+0.2，没有保存计算结果" in chinese.stderr


@pytest.mark.parametrize(
    "header",
    [
        "指标名称,计量单位,期间,本月止累计,比上年同期增长(%)",
        "指标名称,计量单位,期间,本年累计,比去年同期增长（%）",
        "指标,期间,本月止累计,累计比上年同期增长(%)",
    ],
)
def test_a_statistics_bureaus_own_column_names(imports, ledger: Path, header: str) -> None:  # type: ignore[no-untyped-def]
    """本月止累计 (the year to date up to this month) and 比上年同期增长(%) head the columns of
    a 统计月报's 主要经济指标 table; a bulletin exported as it is was refused as having
    unknown columns."""
    units = "亿元," if "计量单位" in header else ""
    count = units.replace("亿元", "个")
    rows = f"地区生产总值,{units}1-6月,700,5.0\n新建5G基站,{count}1-6月,150,\n"
    result = imports("june.csv", f"{header}\n{rows}")
    assert result.exit_code == 0, result.output
    got = records(ledger)
    assert (got[("gdp", "2022-Q2")].value, got[("gdp", "2022-Q2")].amount) == (5, 700)
    assert got[("new_5g_base_stations", "2022-Q2")].value == 150


def test_a_mistyped_file_name_is_said_in_chinese(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The operating system's reason (its English strerror) ended a Chinese message: the
    commonest error of all, a file name mistyped, read 无法读取：No such file or directory."""
    missing = tmp_path / "6月月报.csv"
    result = invoke("--lang", "zh", "import", str(missing))
    assert (result.exit_code, result.stderr) == (
        2,
        f"错误：{missing}：无法读取：没有这个文件或文件夹\n",
    )
    report = tmp_path / "报告.txt"
    drafted = invoke("--lang", "zh", "extract", str(report))
    assert (drafted.exit_code, drafted.stderr) == (
        2,
        f"错误：无法读取 {report}：没有这个文件或文件夹\n",
    )
    english = invoke("import", str(missing))
    assert english.stderr == f"error: {missing}: cannot read: No such file or directory\n"


@pytest.mark.parametrize(
    "text",
    ["2022/6/1", "2022-6-1", "2022-06-01", "2022/6/30", "2022年6月1日", "2022-06-30 00:00:00"],
)
def test_a_date_in_a_csvs_period_column_is_its_month_as_in_a_sheet(
    imports, ledger: Path, text: str
) -> None:  # type: ignore[no-untyped-def]
    """Excel turns 2022-06 typed in a cell into the date 1 June 2022, and a Chinese Windows
    saves it to CSV as 2022/6/1. The workbook imported (a date in the period column is its
    month); the same sheet saved as CSV was refused as a malformed period."""
    result = imports("june.csv", f"指标,期间,累计值\n新建5G基站,{text},150\n")
    assert result.exit_code == 0, result.output
    assert records(ledger)[("new_5g_base_stations", "2022-06")].value == 150


@pytest.mark.parametrize("text", ["2022/6/32", "2022/13/1", "2022/6/0", "2022/2/30"])
def test_what_is_no_date_stays_a_malformed_period(text: str) -> None:
    assert bulletin_period(text, 2022) is None


def test_a_bulletins_numbering_and_其中_before_a_name_are_read_past(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """A 主要经济指标 table numbers its rows (一、 (一) 1.) and indents a part under its whole
    with 其中：. Each such name was refused as an unknown target (did you mean …?)."""
    text = (
        "指标,期间,累计值,累计增长(%)\n"
        "一、地区生产总值,1-6月,700,5.0\n"
        "  其中：固定资产投资(不含农户),1-6月,,0.0\n"
        "（三）社会消费品零售总额,1-6月,330.8,6.5\n"
        "4.新建5G基站,1-6月,150,\n"
    )
    result = imports("june.csv", text)
    assert result.exit_code == 0, result.output
    got = records(ledger)
    assert got[("gdp", "2022-Q2")].value == 5
    assert got[("fixed_asset_investment", "2022-06")].value == 0
    assert got[("retail_sales", "2022-06")].amount == Decimal("330.8")
    assert got[("new_5g_base_stations", "2022-Q2")].value == 150


@pytest.mark.parametrize("bom", [b"\xff\xfe", b"\xfe\xff"])
def test_excels_unicode_text_is_named_as_utf16(imports, tmp_path: Path, bom: bytes) -> None:  # type: ignore[no-untyped-def]
    """Excel's "Unicode 文本 (*.txt)" is UTF-16, tab-separated: it was refused as "not UTF-8
    text (invalid start byte at byte 0)", a half-English reason that names no encoding."""
    codec = "utf-16-le" if bom == b"\xff\xfe" else "utf-16-be"
    data = bom + "指标\t期间\t数值\r\n地区生产总值\t2022年6月\t5.0\r\n".encode(codec)
    result = imports("june.txt", data)
    assert (result.exit_code, result.stderr) == (
        2,
        f'error: {tmp_path / "june.txt"}: UTF-16 text (Excel\'s "Unicode Text"); save the '
        'sheet as "CSV UTF-8 (Comma delimited)", or import the .xlsx workbook itself\n',
    )
    chinese = imports("june.txt", data, "--lang", "zh")
    assert chinese.stderr == (
        f"错误：{tmp_path / 'june.txt'}：UTF-16 文本（Excel 的“Unicode 文本”）；请把工作表另存为"
        "“CSV UTF-8(逗号分隔)”，或直接导入 .xlsx 工作簿\n"
    )


def test_a_byte_that_is_no_text_is_described_in_chinese(imports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The codec's reason (invalid continuation byte) stood in English in the Chinese line."""
    result = imports(
        "june.csv", b"target,period,value,note\ngdp,2022-06,5,caf\xe9\n", "--lang", "zh"
    )
    assert result.stderr == (
        f"错误：{tmp_path / 'june.csv'}:2：不是 UTF-8 文本（第 42 字节处：字节序列不完整或无效）；"
        "请另存为 UTF-8（Excel：“CSV UTF-8”）\n"
    )


NBS_TABLE = (
    "官渡区2022年1-6月主要经济指标\n"
    "单位：亿元，%\n"
    "指标名称,计量单位,本月止累计,比上年同期增长(%)\n"
    "地区生产总值,亿元,700,5.0\n"
    "新建5G基站,个,150,\n"
)


def test_a_bulletin_gives_its_period_in_its_title(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """A 统计月报 table has no period column: its title says 2022年1-6月 (or its file name
    2022年6月). Such a bulletin, exported as it is, was refused: missing column(s) period."""
    result = imports("主要指标.csv", NBS_TABLE)
    assert result.exit_code == 0, result.output
    told = "no period column; every row is for 2022年1-6月, as its title or file name says"
    assert told in result.stderr
    got = records(ledger)
    assert (got[("gdp", "2022-Q2")].value, got[("gdp", "2022-Q2")].amount) == (5, 700)
    assert got[("new_5g_base_stations", "2022-Q2")].value == 150


def test_a_bulletin_sheet_gives_its_period_in_its_title_too(
    imports, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["官渡区2022年上半年主要经济指标"])
    sheet.merge_cells("A1:D1")
    sheet.append(["指标名称", "计量单位", "本月止累计", "比上年同期增长(%)"])
    sheet.append(["地区生产总值", "亿元", 700, 5.0])
    path = tmp_path / "h1.xlsx"
    book.save(path)
    result = imports("h1.xlsx", path.read_bytes())
    assert result.exit_code == 0, result.output
    assert records(ledger)[("gdp", "2022-Q2")].amount == 700


def test_a_bulletin_gives_its_period_in_its_file_name(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    text = "指标,累计值\n新建5G基站,150\n"
    result = imports("官渡区2022年6月月报.csv", text)
    assert result.exit_code == 0, result.output
    assert records(ledger)[("new_5g_base_stations", "2022-Q2")].value == 150


def test_a_title_that_names_two_periods_gives_none(imports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = "2022年1-6月与1-5月对比\n指标,累计值,备注\n新建5G基站,150,\n"
    result = imports("对比.csv", text)
    assert result.exit_code == 2
    assert "missing column(s) period" in result.stderr


def test_a_title_naming_one_period_twice_gives_it(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """官渡区2022年6月统计月报（1-6月累计）: 2022年6月 and 1-6月 are one position, June."""
    text = "官渡区2022年6月统计月报（1-6月累计）\n指标,累计值\n新建5G基站,150\n"
    result = imports("月报.csv", text)
    assert result.exit_code == 0, result.output
    assert records(ledger)[("new_5g_base_stations", "2022-Q2")].value == 150


def test_a_figure_in_another_scale_of_the_plans_unit_is_refused(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """A county's bulletin gives money in 万元 (its 计量单位 column says so) where the plan counts
    亿元: the column was read past, and 7,000,000 万元 went in as 7,000,000 亿元, 10,000 times
    the figure, without a word. A growth target records its growth: since session 40 that is
    taken and the amount left out, with a warning; a total in 万元 is still refused."""
    text = "指标,计量单位,期间,累计值,累计增长(%)\n地区生产总值,万元,1-6月,7000000,5.0\n"
    result = imports("june.csv", text)
    assert result.exit_code == 0, result.output
    assert (
        ":2: gdp: the amount '7000000' is in 万元 and the plan counts 亿元; plancli does not "
        "convert, so the amount was not used: the growth '5.0' is imported alone"
    ) in " ".join(result.stderr.split())
    got = records(ledger)[("gdp", "2022-Q2")]
    assert (got.value, got.amount) == (Decimal("5.0"), None)
    text = "指标,计量单位,期间,累计值\n引进市外到位资金,万元,1-6月,1293200\n"
    refused(
        imports("funds.csv", text),
        ":2: external_funds: the file's unit is 万元 and the plan's 亿元; plancli does not "
        "convert: give the figure in 亿元 (the row's figures: '1293200'; 1293200万元 is "
        "129.32亿元)",  # (the figure in the plan's unit since session 41)
    )


@pytest.mark.parametrize(
    ("unit", "row"),
    [
        ("亿元", "地区生产总值,亿元,1-6月,700,5.0"),
        ("%", "城镇登记失业率,%,2022年6月,4.2,"),
        ("％", "地区生产总值,％,1-6月,,5.0"),
        ("个", "新建5G基站,个,1-6月,150,"),
        ("", "新建5G基站,,1-6月,150,"),
    ],
)
def test_the_plans_own_unit_or_a_percentage_imports(
    imports, ledger: Path, unit: str, row: str
) -> None:  # type: ignore[no-untyped-def]
    result = imports("june.csv", f"指标,计量单位,期间,累计值,累计增长(%)\n{row}\n")
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr


def test_another_unit_is_imported_with_a_warning(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    text = "指标,单位,期间,累计值\n新建5G基站,座,1-6月,150\n"
    result = imports("june.csv", text)
    assert result.exit_code == 0, result.output
    assert (
        "new_5g_base_stations: the file's unit is 座 and the plan's 个; check the figure"
        in result.stderr
    )


@pytest.mark.parametrize(
    ("cell", "quoted"),
    [
        ("－－３", "value '－－３' is not a number (e.g. 310, 5.2, -0.3)"),
        ("３．２．１", "value '３．２．１' is not a number (e.g. 310, 5.2, -0.3)"),
        ("ＮａＮ", "value 'ＮａＮ' is not a finite number"),
        ("５．２亿元", "value '５．２亿元': the figure with a unit (亿元)"),
    ],
)
def test_a_refused_full_width_cell_is_quoted_as_the_file_holds_it(  # type: ignore[no-untyped-def]
    imports, cell: str, quoted: str
) -> None:
    """The number reader folds full-width digits and signs (`１２３．４` is 123.4), but a cell it
    still cannot read is named as the clerk sees it in the file, not as folded (`'--3'` is
    no text of theirs to search for); what is wrong with it is still said from the folded
    text (the unit typed after the figure)."""
    result = imports("june.csv", f"target,period,value\ngdp,2022-06,{cell}\n")
    assert result.exit_code == 2, result.output
    assert quoted in result.stderr, result.stderr


def test_a_full_width_figure_is_still_read(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    result = imports(
        "june.csv", "target,period,value\ngdp,2022-06,－１．５\ngdp,2022-09,下降３％\n"
    )
    assert result.exit_code == 0, result.output
    assert records(ledger)[("gdp", "2022-06")].value == Decimal("-1.5")
    assert records(ledger)[("gdp", "2022-09")].value == Decimal("-3")


def test_the_import_schema_documents_the_columns_read_past(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("schema", "import")
    assert result.exit_code == 0, result.output
    field = json.loads(result.stdout)["properties"]["skipped_columns"]
    assert field["type"] == "array" and "上年同期" in field["description"]


NAMES_NO_YEAR = ": '1-3月' names no year, and the title '官渡区2026年1-3月主要经济指标' gives 2026"


def test_a_year_in_the_title_counts_as_the_file_names(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    # Audit Z D7: this year's bulletin imported in last year's workspace. Its title says 2026,
    # its period column 1-3月: 50 base stations were recorded as 2022-03 in the 2022 ledger.
    titled = imports("t1.csv", "官渡区2026年1-3月主要经济指标\n指标,期间,数值\ngdp,1-3月,50\n")
    refused(
        titled, ":3: target gdp: period '2026-03' is outside the plan year 2022" + NAMES_NO_YEAR
    )
    beijing = imports("北京月报.csv", "北京市2026年主要经济指标\n指标,期间,数值\ngdp,1-3月,5\n")
    refused(
        beijing,
        ":3: target gdp: period '2026-03' is outside the plan year 2022: '1-3月' names no year, "
        "and the "
        "title '北京市2026年主要经济指标' gives 2026",
    )
    assert not ledger.exists()
    clash = imports("2022年月报.csv", "官渡区2026年主要经济指标\n指标,期间,数值\ngdp,1-3月,5\n")
    assert clash.exit_code == 2, clash.output
    assert "2026" in clash.output and "2022" in clash.output
    assert not ledger.exists()
    this_year = imports("t2.csv", "官渡区2022年1-3月主要经济指标\n指标,期间,数值\ngdp,1-3月,5\n")
    assert this_year.exit_code == 0, this_year.output
    assert records(ledger)[("gdp", "2022-Q1")].value == Decimal("5")


def test_a_base_year_in_the_title_is_not_the_figures_year(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """N9 (session 27): a notes line 单位：亿元，2021年为基期 gave 1-6月 the year 2021, and the
    import was refused blaming the period the user typed rightly. A year the title bases on or
    compares with is not the figures' year; a year it does give is named in the refusal."""
    rows = "指标,期间,本月止累计\n新建5G基站,1-6月,150\n"
    based = imports("tt.csv", "单位：亿元，2021年为基期\n" + rows)
    assert based.exit_code == 0, based.output
    assert records(ledger)[("new_5g_base_stations", "2022-Q2")].value == Decimal("150")
    compared = imports(
        "t3.csv", "官渡区1-6月主要经济指标（与2021年同期相比）\n指标,期间,数值\ngdp,1-6月,5.1\n"
    )
    assert compared.exit_code == 0, compared.output
    assert records(ledger)[("gdp", "2022-Q2")].value == Decimal("5.1")
    titled = imports("t1.csv", "官渡区2026年1-3月主要经济指标\n指标,期间,数值\ngdp,1-3月,50\n")
    refused(
        titled,
        ":3: target gdp: period '2026-03' is outside the plan year 2022: '1-3月' names no year, "
        "and the "
        "title '官渡区2026年1-3月主要经济指标' gives 2026",
    )
