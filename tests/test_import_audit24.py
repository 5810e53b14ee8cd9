"""Session 24: defects of `plancli import` left from the last audits. Footnote marks glued to
two figures of a row, named together (1); a note merged down over a block of rows in a sheet,
carried to each row as Excel shows it (2); a growth target's year-to-date amount that jumps
far beyond its months (a unit slip, or the year's total), warned about (3); a row of another
department's target in a department's sheet (`template --owner`), warned about (4). The
bundled plan2022's targets and figures."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from plancli.stores.toml import read_toml_ledger

GUANDU = ("--plan", "guandu-2022")


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return tmp_path / "plan2022.progress.toml"


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _import(invoke, ledger: Path, path: Path, *args: str, lang: str = "en"):  # type: ignore[no-untyped-def]
    return invoke(*GUANDU, "--ledger", str(ledger), "--lang", lang, "import", str(path), *args)


def _notes(ledger: Path) -> dict[str, str | None]:
    return {r.target: r.note for r in read_toml_ledger(ledger).records}


def _workbook(path: Path, rows: list[list[object]], merges: tuple[str, ...] = ()) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    for merge in merges:
        sheet.merge_cells(merge)
    book.save(path)
    return path


# ------------------------------------------- 1: footnote marks in two cells of one row


def test_footnote_marks_in_two_cells_are_named_in_one_message(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Fixing 5.2¹ and importing again only to be told of 702.6² next: both, at once."""
    pytest.importorskip("openpyxl")
    rows = [
        ["指标", "期间", "累计增长（%）", "本年累计（亿元）"],
        ["地区生产总值", "2022年6月", "5.2¹", "702.6²"],
    ]
    sheet = _workbook(tmp_path / "sup.xlsx", [list(r) for r in rows])
    text = _write(tmp_path / "sup.csv", [",".join(r) for r in rows])
    for path, where in ((text, f"{text}:2"), (sheet, f"{sheet}:Sheet:2")):
        result = _import(invoke, ledger, path)
        assert result.exit_code == 2, result.output
        assert result.stderr.splitlines()[1] == (
            f"{where}: target gdp: value '5.2¹', amount '702.6²': ¹ ² are not digits: footnote "
            "marks after the figures? give each figure alone"
        )
        result = _import(invoke, ledger, path, lang="zh")
        assert result.stderr.splitlines()[1] == (
            f"{where}：目标 gdp：数值 '5.2¹'、总量 '702.6²'：¹ ² "
            "不是数字，是数字后的注释标记吗？请只填数字"
        )
    assert not ledger.exists()


def test_two_footnoted_cells_are_clipped(invoke, ledger: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    long = "5" * 5000 + "¹"
    path = _write(
        tmp_path / "long.csv", ["target,period,value,amount", f"gdp,2022-Q2,{long},702.6²"]
    )
    result = _import(invoke, ledger, path)
    assert result.exit_code == 2
    line = result.stderr.splitlines()[1]
    assert "(5,001 characters)" in line and "amount '702.6²'" in line
    assert len(line) < 300, len(line)


def test_one_footnoted_cell_keeps_its_message(invoke, ledger: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path / "one.csv", ["target,period,value,amount", "gdp,2022-Q2,5.2,702.6²"])
    result = _import(invoke, ledger, path)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1] == (
        f"{path}:2: target gdp: amount '702.6²': ² is not a digit: a footnote mark after the "
        "figure? "
        "give the figure alone"
    )


# ---------------------------------------------- 2: a note merged down over several rows


def test_a_note_merged_down_applies_to_each_row_it_spans(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """备注 快报数 written once for budget_revenue and retail_sales (E2:E3) reached the first."""
    pytest.importorskip("openpyxl")
    rows: list[list[object]] = [
        ["target", "period", "value", "amount", "note", "source"],
        ["budget_revenue", "2022-06", 5.2, 27.4, "快报数", "区财政局"],
        ["retail_sales", "2022-06", 6.1, 330.5, None, None],
        ["fixed_asset_investment", "2022-06", 4.1, None, None, None],
    ]
    sheet = _workbook(tmp_path / "notes.xlsx", rows, ("E2:E3", "F2:F4"))
    result = _import(invoke, ledger, sheet)
    assert result.exit_code == 0, result.output
    assert _notes(ledger) == {
        "budget_revenue": "快报数",
        "retail_sales": "快报数",
        "fixed_asset_investment": None,  # below the note's merge: no note
    }
    sources = {r.target: r.source for r in read_toml_ledger(ledger).records}
    assert set(sources.values()) == {"区财政局"}


def test_an_unmerged_empty_note_stays_empty(invoke, ledger: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("openpyxl")
    rows: list[list[object]] = [
        ["target", "period", "value", "amount", "note"],
        ["budget_revenue", "2022-06", 5.2, 27.4, "快报数"],
        ["retail_sales", "2022-06", 6.1, 330.5, None],
    ]
    result = _import(invoke, ledger, _workbook(tmp_path / "plain.xlsx", rows))
    assert result.exit_code == 0, result.output
    assert _notes(ledger) == {"budget_revenue": "快报数", "retail_sales": None}


# ------------------------------------- 3: a year-to-date amount that jumps beyond its months

JUMP = (
    "{file}:{row}: budget_revenue 2022-06: the amount 27.4 亿元 is 7.8 times 2022-03's 3.5, "
    "for 6 months against 3: a unit slip, or the year's total? the amount (累计值) is the "
    "year-to-date total"
)


@pytest.mark.parametrize("stream", [True, False])
def test_an_amount_jumping_beyond_its_months_is_warned_about(
    invoke, ledger: Path, tmp_path: Path, stream: bool
) -> None:  # type: ignore[no-untyped-def]
    """3.5 亿元 to March, 27.4 to June: 7.8 times in a quarter, accepted without a word."""
    march = _write(
        tmp_path / "3.csv", ["target,period,value,amount", "budget_revenue,2022-03,3.0,3.5"]
    )
    assert _import(invoke, ledger, march).exit_code == 0
    june = _write(
        tmp_path / "6.csv", ["target,period,value,amount", "budget_revenue,2022-06,5.2,27.4"]
    )
    result = _import(invoke, ledger, june, *(() if stream else ("--dry-run",)))
    assert result.exit_code == 0, result.output
    assert JUMP.format(file=june, row=2) in result.stderr
    assert result.stderr.count("warning:") == 1, result.stderr
    zh = _import(invoke, ledger, june, "--dry-run", lang="zh")
    assert "budget_revenue 2022-06：总量 27.4 亿元 是 2022-03 的 3.5 的 7.8 倍" in zh.stderr


def test_a_jump_within_one_file_is_warned_about(invoke, ledger: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lines = [
        "target,period,value,amount",
        "budget_revenue,2022-03,3.0,3.5",
        "budget_revenue,2022-06,5.2,27.4",
    ]
    result = _import(invoke, ledger, _write(tmp_path / "h1.csv", lines))
    assert result.exit_code == 0, result.output
    assert JUMP.format(file=tmp_path / "h1.csv", row=3) in result.stderr
    assert result.stderr.count("warning:") == 1, result.stderr


def test_record_warns_of_an_amount_jump(invoke, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    base = (*GUANDU, "--ledger", str(ledger), "--lang", "en", "record", "budget_revenue")
    assert invoke(*base, "3.0", "--amount", "3.5", "-p", "2022-03").exit_code == 0
    result = invoke(*base, "5.2", "--amount", "27.4", "-p", "2022-06")
    assert result.exit_code == 0, result.output
    assert "the amount 27.4 亿元 is 7.8 times 2022-03's 3.5" in result.stderr


@pytest.mark.parametrize(
    "amounts",
    [
        # A real year: Guandu's 地方一般公共预算收入 and 社会消费品零售总额 run near the clock.
        ("3.5", "7.3", "13.8", "27.4"),
        # January small (the Spring Festival), then the year's pace: 6 times in a month, 3× its
        # months' 2: warned only beyond 3 times the months' ratio.
        ("0.9", "5.4", "8.1", "16.0"),
    ],
)
def test_amounts_that_grow_with_their_months_are_not_warned_about(
    invoke, ledger: Path, tmp_path: Path, amounts: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    months = ("2022-01", "2022-02", "2022-03", "2022-06")
    lines = ["target,period,value,amount"] + [
        f"budget_revenue,{month},4.0,{amount}"
        for month, amount in zip(months, amounts, strict=True)
    ]
    result = _import(invoke, ledger, _write(tmp_path / "year.csv", lines))
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr, result.stderr


# --------------------------------------- 4: another department's target in a department's sheet


@pytest.fixture
def owned_plan(invoke, tmp_path: Path) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    folder = tmp_path / "plan"
    assert invoke(*GUANDU, "init", str(folder)).exit_code == 0
    [path] = folder.glob("[!.]*.toml")  # not init's .plancli.toml
    text = path.read_text(encoding="utf-8")
    for target, owner in (
        ("new_5g_base_stations", "区工信局"),
        ("new_parking_spaces", "区住建局"),
        ("retail_sales", "区商务局"),
    ):
        text = text.replace(f'id = "{target}"\n', f'id = "{target}"\nowner = "{owner}"\n', 1)
    path.write_text(text, encoding="utf-8")
    return ("--plan", str(path))


def _owner_sheet(invoke, plan: tuple[str, str], owner: str | None) -> list[list[str]]:  # type: ignore[no-untyped-def]
    args = ("--owner", owner) if owner else ()
    result = invoke(*plan, "template", "-", "--period", "2022-06", *args)
    assert result.exit_code == 0, result.output
    return list(csv.reader(io.StringIO(result.stdout)))


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


OTHERS = (
    "{file}:{row}: new_parking_spaces is 区住建局's target (牵头单位), but this sheet is "
    "区工信局's: its figure revises 区住建局's; was the row copied from another sheet?"
)


def test_another_departments_row_in_an_owner_sheet_is_warned_about(
    invoke, owned_plan: tuple[str, str], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """区工信局's sheet with a row for 区住建局's new_parking_spaces revised their figure."""
    [header, row] = _owner_sheet(invoke, owned_plan, "区工信局")
    row[2] = "126"
    width = len(header)
    typed = ["new_parking_spaces", "2022-Q2", "1500"] + [""] * (width - 3)  # owner cell blank
    copied = ["retail_sales", "2022-06", "6.1", "330.5"] + [""] * (width - 5) + ["区工信局"]
    sheet = _csv(tmp_path / "工信局.csv", [header, row, typed, copied])
    ledger = tmp_path / "ledger.toml"
    result = invoke(*owned_plan, "--ledger", str(ledger), "--lang", "en", "import", str(sheet))
    assert result.exit_code == 0, result.output  # a warning, not a refusal
    assert OTHERS.format(file=sheet, row=3) in result.stderr
    assert (
        f"{sheet}:4: retail_sales is 区商务局's target (牵头单位), but this sheet is 区工信局's"
    ) in result.stderr
    assert f"{sheet}:2:" not in result.stderr
    zh = invoke(*owned_plan, "--ledger", str(ledger), "--lang", "zh", "import", str(sheet))
    assert "new_parking_spaces 是 区住建局 的指标（牵头单位），但本表是 区工信局 的" in zh.stderr


def test_another_departments_row_in_an_owner_xlsx_is_warned_about(
    invoke, owned_plan: tuple[str, str], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    openpyxl = pytest.importorskip("openpyxl")
    sheet = tmp_path / "工信局.xlsx"
    run = (*owned_plan, "template", str(sheet), "--period", "2022-06", "--owner", "区工信局")
    assert invoke(*run).exit_code == 0
    book = openpyxl.load_workbook(sheet)
    input_sheet = book["input"]
    input_sheet["C2"] = 126
    input_sheet.append(["new_parking_spaces", "2022-Q2", 1500])
    book.save(sheet)
    ledger = tmp_path / "ledger.toml"
    result = invoke(*owned_plan, "--ledger", str(ledger), "--lang", "en", "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert OTHERS.format(file=f"{sheet}:input", row=3) in result.stderr


def test_a_whole_plan_template_warns_of_no_owner(
    invoke, owned_plan: tuple[str, str], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The template of every department: each row's owner is its target's; nothing to say."""
    rows = _owner_sheet(invoke, owned_plan, None)
    for row in rows[1:]:
        if row[0] in ("new_5g_base_stations", "new_parking_spaces", "budget_revenue"):
            row[2] = "5"
    sheet = _csv(tmp_path / "all.csv", rows)
    ledger = tmp_path / "ledger.toml"
    result = invoke(*owned_plan, "--ledger", str(ledger), "--lang", "en", "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert "this sheet is" not in result.stderr, result.stderr
