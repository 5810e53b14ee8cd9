"""Session 23's audit W: the fill-in sheet (`plancli template`) and its import.

D1 a figure typed into a grey helper column was counted as a blank row and lost; D2 a row whose
target id was changed was imported under the new id though its name named another target, and
a duplicate of a blank row was not refused; D3 a trend target that is to fall had a bare `%`
hint, and the import preview a bare `3.8 %` for a 下降 target; D4 a stock's hint said 年初至今累计;
D5 no sheet for one department (`--owner`)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from plancli.stores.toml import read_toml_ledger

GUANDU = ("--plan", "guandu-2022")


def _sheet(invoke, tmp_path: Path, period: str = "2022-06", *plan: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    result = invoke(*(plan or GUANDU), "--lang", "zh", "template", "-", "--period", period)
    assert result.exit_code == 0, result.output
    return _ids(list(csv.reader(io.StringIO(result.stdout))))


def _ids(rows: list[list[str]]) -> list[list[str]]:
    """The sheet with its header as the column ids: a Chinese CSV is headed 指标代码, 本期数值…
    since session 43, as the xlsx is; the import reads either."""
    from plancli.report.template import ZH_HEADERS

    ids = {word: column for column, word in ZH_HEADERS.items()}
    return [[ids.get(cell, cell) for cell in rows[0]], *rows[1:]] if rows else rows


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _import(invoke, ledger: Path, path: Path, lang: str, *args: str):  # type: ignore[no-untyped-def]
    return invoke(*GUANDU, "--ledger", str(ledger), "--lang", lang, "import", str(path), *args)


# ------------------------------------------------ D1: a figure in a helper column


TYPED = {
    "tech_smes_certified": ("last_value", "35"),
    "high_tech_enterprises_certified": ("unit", "12"),
    "new_urban_green_space": ("name", "18.5"),
}


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("zh", "{target}：数字 {figure} 填在了 {column} 列（仅供参考、不导入）；请填在 value 列"),
        (
            "en",
            "{target}: the figure {figure} is in the {column} column (for reference, not "
            "imported); type it in the value column",
        ),
    ],
)
def test_a_figure_in_a_helper_column_is_refused_not_skipped(
    invoke, tmp_path: Path, lang: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    """35, 12 and 18.5 went into the `跳过76个空白行` count: exit 0, the figures lost."""
    rows = _sheet(invoke, tmp_path)
    header = rows[0]
    lines = {}
    for number, row in enumerate(rows[1:], start=2):
        if row[0] in TYPED:
            column, figure = TYPED[row[0]]
            row[header.index(column)] = figure
            lines[row[0]] = number
        if row[0] == "back_streets_improved":
            row[2] = "12"
    path = _write(tmp_path / "E.csv", rows)
    ledger = tmp_path / "ledger.toml"
    result = _import(invoke, ledger, path, lang)
    assert result.exit_code != 0
    for target, (column, figure) in TYPED.items():
        said = message.format(target=target, figure=figure, column=column)
        colon = "：" if lang == "zh" else ": "
        assert f"{path}:{lines[target]}{colon}{said}" in result.stderr.splitlines()
    assert not ledger.exists()


def test_a_sheets_own_last_value_is_a_blank_row(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """July's sheet holds June's figure in last_value: left as written, its row is blank."""
    ledger = tmp_path / "ledger.toml"
    june = _write(
        tmp_path / "6.csv", [["target", "period", "value"], ["external_funds", "2022-06", "50"]]
    )
    assert _import(invoke, ledger, june, "en").exit_code == 0
    result = invoke(*GUANDU, "--ledger", str(ledger), "template", "-", "--period", "2022-07")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    [funds] = [row for row in rows if row[0] == "external_funds"]
    assert funds[rows[0].index("last_value")] == "50"
    july = _write(tmp_path / "7.csv", rows)
    result = _import(invoke, ledger, july, "en")
    assert result.exit_code == 0, result.output
    assert "blank rows skipped" in result.stderr
    funds[rows[0].index("last_value")] = "8"  # July's figure, typed a column too far right
    result = _import(invoke, ledger, _write(tmp_path / "7b.csv", rows), "en")
    assert result.exit_code != 0
    assert "external_funds: the figure 8 is in the last_value column" in result.stderr


def test_an_xlsx_sheets_last_value_typed_over_is_refused(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    openpyxl = pytest.importorskip("openpyxl")
    ledger = tmp_path / "ledger.toml"
    july = _write(
        tmp_path / "7.csv", [["target", "period", "value"], ["external_funds", "2022-07", "8"]]
    )
    assert _import(invoke, ledger, july, "en").exit_code == 0
    sheet = tmp_path / "8月.xlsx"
    run = (*GUANDU, "--ledger", str(ledger), "template", str(sheet), "--period", "2022-08")
    assert invoke(*run).exit_code == 0
    result = _import(invoke, ledger, sheet, "en", "--dry-run")
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(sheet)
    rows = list(book["input"].iter_rows())
    header = [cell.value for cell in rows[0]]
    [funds] = [row for row in rows if row[0].value == "external_funds"]
    assert funds[header.index("last_value")].value == 8
    funds[header.index("last_value")].value = 66
    book.save(sheet)
    result = _import(invoke, ledger, sheet, "zh", "--dry-run")
    assert result.exit_code != 0
    said = "external_funds：数字 66 填在了 last_value 列（仅供参考、不导入）；请填在 value 列"
    assert f"{sheet}:input:{funds[0].row}：{said}" in result.stderr.splitlines()


# ------------------------------------------------ D2: a target cell changed


def test_a_changed_target_cell_is_refused_naming_both(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The 5G row's id overwritten with new_parking_spaces replaced 住建局's 1500 with 120."""
    ledger = tmp_path / "ledger.toml"
    parking = _write(
        tmp_path / "P.csv",
        [["target", "period", "value"], ["new_parking_spaces", "2022-Q2", "1500"]],
    )
    assert _import(invoke, ledger, parking, "en").exit_code == 0
    rows = _sheet(invoke, tmp_path)
    for number, row in enumerate(rows[1:], start=2):
        if row[0] == "new_5g_base_stations":
            row[0], row[2], line = "new_parking_spaces", "120", number
    path = _write(tmp_path / "G.csv", rows)
    result = _import(invoke, ledger, path, "zh")
    assert result.exit_code != 0
    said = (
        "target 为 new_parking_spaces，但 name 列为 新建5G基站（new_5g_base_stations）；"
        "是否改动了 target 列？填报表的 name 是本行目标的名称"
    )
    assert f"{path}:{line}：{said}" in result.stderr.splitlines()
    [record] = read_toml_ledger(ledger).records
    assert str(record.value) == "1500"


def test_a_template_row_twice_is_refused_even_when_one_is_blank(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = _sheet(invoke, tmp_path)
    [parking] = [row for row in rows if row[0] == "new_parking_spaces"]
    first = rows.index(parking) + 1
    copy = list(parking)
    copy[2] = "120"
    rows.append(copy)
    path = _write(tmp_path / "D.csv", rows)
    result = _import(invoke, tmp_path / "ledger.toml", path, "en")
    assert result.exit_code != 0
    said = (
        f"new_parking_spaces 2022-Q2 is also on row {first}: a template has one row per target "
        "and period; was a target cell changed or a row copied?"
    )
    assert f"{path}:{len(rows)}: {said}" in result.stderr.splitlines()


# ------------------------------------------------ D3, D4: the hints, the preview


def test_a_trend_to_fall_says_how_to_type_a_fall(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = _sheet(invoke, tmp_path, "2026-12", "--plan", "shanghai-2026")
    [co2] = [row for row in rows if row[0] == "co2_intensity"]
    assert co2[rows[0].index("unit")] == "降幅%：填 下降2.7 或 -2.7"


@pytest.mark.parametrize(
    ("lang", "hint"),
    [("zh", "%（累计存量，年初90.8）"), ("en", "%, the stock (90.8 at the start of the year)")],
)
def test_a_stocks_hint_says_the_stock(invoke, lang: str, hint: str) -> None:  # type: ignore[no-untyped-def]
    """It said %(年初至今累计), and the import then warned the figure is the stock."""
    result = invoke(*GUANDU, "--lang", lang, "template", "-", "--period", "2022-06")
    rows = _ids(list(csv.reader(io.StringIO(result.stdout))))
    [ftz] = [row for row in rows if row[0] == "ftz_reform_tasks_completion"]
    assert ftz[rows[0].index("unit")] == hint


@pytest.mark.parametrize(
    ("lang", "rise", "fall"), [("zh", "增长3.8%", "下降3.8%"), ("en", "+3.8%", "-3.8%")]
)
def test_the_import_preview_says_which_way_a_decline_went(
    invoke, tmp_path: Path, lang: str, rise: str, fall: str
) -> None:  # type: ignore[no-untyped-def]
    """The dry-run showed a bare `3.8 %` beside 下降 ≥ 3.5 % (docs/forms.md: never)."""
    path = tmp_path / "12.csv"
    for value, shown in (("3.8", rise), ("-3.8", fall)):
        path.write_text(f"target,period,value\nco2_intensity,2026,{value}\n", encoding="utf-8")
        result = invoke(
            "--plan", "fujian-2026", "--ledger", str(tmp_path / "l.toml"), "--lang", lang,
            "import", str(path), "--dry-run",
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        [line] = [line for line in result.stdout.splitlines() if "co2_intensity" in line]
        assert line.split()[-1] == shown


# ------------------------------------------------ D5: one department's sheet


@pytest.fixture
def owned_plan(invoke, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path / "plan"
    assert invoke(*GUANDU, "init", str(folder)).exit_code == 0
    [path] = folder.glob("[!.]*.toml")  # not init's .plancli.toml
    text = path.read_text(encoding="utf-8")
    for target, owner in (("new_5g_base_stations", "区工信局"), ("new_parking_spaces", "区住建局")):
        text = text.replace(f'id = "{target}"\n', f'id = "{target}"\nowner = "{owner}"\n', 1)
    path.write_text(text, encoding="utf-8")
    return path


def test_owner_writes_one_departments_rows(invoke, owned_plan: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = ("--plan", str(owned_plan))
    rows = _sheet(invoke, tmp_path, "2022-06", *plan)
    assert rows[0][-1] == "owner"
    assert {row[0]: row[-1] for row in rows[1:] if row[-1]} == {
        "new_5g_base_stations": "区工信局",
        "new_parking_spaces": "区住建局",
    }
    result = invoke(*plan, "template", "-", "--period", "2022-06", "--owner", "区工信局")
    assert result.exit_code == 0, result.output
    [header, row] = _ids(list(csv.reader(io.StringIO(result.stdout))))
    assert (row[0], row[1], row[-1]) == ("new_5g_base_stations", "2022-Q2", "区工信局")
    row[2] = "126"
    sheet = _write(tmp_path / "工信局.csv", [header, row])
    ledger = tmp_path / "ledger.toml"
    result = invoke(*plan, "--ledger", str(ledger), "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert [str(r.value) for r in read_toml_ledger(ledger).records] == ["126"]
    result = invoke(
        *plan, "--lang", "zh", "template", "-", "--period", "2022-06", "--owner", "区X局"
    )
    assert result.exit_code != 0
    assert "区X局" in result.stderr and "区住建局、区工信局" in result.stderr


def test_owner_writes_an_xlsx_sheet_too(invoke, owned_plan: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    openpyxl = pytest.importorskip("openpyxl")
    sheet = tmp_path / "住建局.xlsx"
    run = ("--plan", str(owned_plan), "template", str(sheet), "--period", "2022-06")
    assert invoke(*run, "--owner", "区住建局").exit_code == 0
    rows = [[c.value for c in row] for row in openpyxl.load_workbook(sheet)["input"].iter_rows()]
    assert [(row[0], row[-1]) for row in rows] == [
        ("target", "owner"),
        ("new_parking_spaces", "区住建局"),
    ]


def test_a_plan_without_owners_says_so(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke(*GUANDU, "template", "-", "--period", "2022-06", "--owner", "区工信局")
    assert result.exit_code != 0
    assert "no target of the plan has an owner" in result.stderr
