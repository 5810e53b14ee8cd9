"""Session 33's hostile-input hunt: names that mean a folder, folders init made and could not
fill, workbooks whose used range runs to the sheet's last row, SQLite ledgers with damaged
pages, and what other people's files and environments send to a terminal or a spreadsheet."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

SEED = Path(__file__).resolve().parents[1] / "data" / "plan2022.toml"


# ---------------------------------------------------------------- a name ending in /


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["report", "-o", "OUT"], "d.xlsx"),
        (["report", "-f", "md", "-o", "OUT"], "d.md"),
        (["template", "OUT", "--period", "2022-07"], "t.xlsx"),
        (["ledger", "convert", "LEDGER", "OUT"], "c.sqlite"),
        (["--ledger", "OUT", "record", "gdp", "5", "--period", "2022-07"], "n.toml"),
        (["extract", "REPORT", "-o", "OUT"], "p.toml"),
    ],
)
def test_a_file_name_ending_in_a_slash_is_refused_not_written_without_it(
    invoke: Any, tmp_path: Path, args: list[str], name: str
) -> None:
    """`report -o d.xlsx/` (the user means a folder) wrote a workbook named d.xlsx, as every
    -o, FILE, TO and --ledger did: Path() drops the slash. cp refuses it (`Not a directory`)."""
    plan = tmp_path / "plan2022.toml"
    plan.write_bytes(SEED.read_bytes())
    ledger = tmp_path / "plan2022.progress.toml"
    assert invoke("--plan", str(plan), "record", "gdp", "4.9", "--period", "2022-06").exit_code == 0
    report = tmp_path / "report.txt"
    report.write_text("某市2026年政府工作报告\n主要预期目标是：地区生产总值增长5%左右。\n")
    wanted = str(tmp_path / name) + "/"
    swap = {"OUT": wanted, "LEDGER": str(ledger), "REPORT": str(report)}
    before = sorted(p.name for p in tmp_path.iterdir())
    result = invoke("--plan", str(plan), *(swap.get(a, a) for a in args))
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"error: {wanted}: ends in /, so it names a folder, not a file: give {tmp_path / name}\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    zh = invoke("--lang", "zh", "--plan", str(plan), *(swap.get(a, a) for a in args))
    words = "以 / 结尾，是文件夹的名称，不是文件"
    assert zh.stderr == f"错误：{wanted}：{words}：请写 {tmp_path / name}\n"


def test_a_folder_that_exists_keeps_its_own_words(invoke: Any, tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    result = invoke("report", "-o", f"{tmp_path / 'reports'}/")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {tmp_path / 'reports'}/: is a folder; give -o a file")


# ---------------------------------------------------------------- init: all or nothing


def test_a_folder_made_and_filled_is_removed_when_the_block_fails(tmp_path: Path) -> None:
    from plancli.made_folders import make_folder, removed_on_failure

    said: list[Path] = []
    made = make_folder(tmp_path / "a" / "b" / "w")
    assert made is not None and made.path == tmp_path / "a"
    with pytest.raises(KeyboardInterrupt), removed_on_failure(made, said.append):
        (tmp_path / "a" / "b" / "w" / "plan2022.toml").write_text("[plan]\n")
        raise KeyboardInterrupt  # Ctrl-C after the plan was copied
    assert not (tmp_path / "a").exists()
    assert said == [tmp_path / "a"]


def test_a_folder_that_was_there_is_never_removed(tmp_path: Path) -> None:
    from plancli.made_folders import make_folder, removed_on_failure

    (tmp_path / "w").mkdir()
    (tmp_path / "w" / "notes.txt").write_text("科室笔记")
    made = make_folder(tmp_path / "w")
    assert made is None
    with pytest.raises(OSError), removed_on_failure(made, pytest.fail):
        raise OSError(28, "No space left on device")
    assert (tmp_path / "w" / "notes.txt").read_text() == "科室笔记"


def test_a_folder_replaced_meanwhile_is_left_alone(tmp_path: Path) -> None:
    import shutil

    from plancli.made_folders import make_folder, removed_on_failure

    made = make_folder(tmp_path / "w")
    with pytest.raises(OSError), removed_on_failure(made, pytest.fail):
        (tmp_path / "w").rename(tmp_path / "gone")
        (tmp_path / "w").mkdir()  # somebody else's folder now, of the same name
        shutil.rmtree(tmp_path / "gone")  # (after: the new folder cannot take its inode)
        (tmp_path / "w" / "theirs.toml").write_text("")
        raise OSError(28, "No space left on device")
    assert (tmp_path / "w" / "theirs.toml").exists()


# ---------------------------------------------------------------- a used range to the last row


def _blank_rows(sheet: Any, first: int, last: int, *, cells: int = 6) -> None:
    """Rows as Excel writes them under whole columns given a border: styled, empty cells."""
    from hostile import column

    for n in range(first, last + 1):
        empty = "".join(f'<c r="{column(i)}{n}" s="1"/>' for i in range(cells))
        sheet.rows.append(f'<row r="{n}" spans="1:{cells}">{empty}</row>')


def _figures_then_blank_rows(last: int) -> bytes:
    from hostile import Sheet, workbook

    sheet = Sheet()
    sheet.row(1, "target", "period", "value", "note")
    sheet.row(2, "gdp", "2022-06", 5.1, "快报")
    sheet.row(3, "g5", "2022-06", 120)
    _blank_rows(sheet, 4, last)
    return workbook(sheet, formats=["0.0"])


def test_a_sheet_whose_used_range_runs_to_the_last_row_is_read_without_a_call_a_cell(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whole columns given a border: a <row> of six styled empty cells down to row 1,048,576.
    Each cost Python seven calls (15 CPU seconds for the sheet, 62 s on a busy machine, to find
    it ends at row 3). Runs of such rows are now blanked in C before expat parses them: 60,000
    rows here (the behaviour; a full sheet is 17 times as many: 15.5 CPU s before, 3.5 after)."""
    import io
    import time

    from plancli.imports_xlsx import _SheetReader, parse_xlsx

    data = _figures_then_blank_rows(60_000)
    calls = 0
    start = _SheetReader.start

    def counted(self: Any, tag: str, attrs: dict[str, str]) -> None:
        nonlocal calls
        calls += 1
        start(self, tag, attrs)

    monkeypatch.setattr(_SheetReader, "start", counted)
    began = time.process_time()
    _, rows, problems = parse_xlsx(io.BytesIO(data), "填报.xlsx")
    spent = time.process_time() - began
    assert [(r.row, r.entry.target, str(r.entry.value)) for r in rows] == [
        (2, "gdp", "5.1"),
        (3, "g5", "120"),
    ]
    assert not problems.kept
    assert calls < 2_000  # 420,000 before: a row and six cells, 60,000 times
    assert spent < 2.0, spent  # 1.0 CPU s before, 0.2 after


@pytest.mark.parametrize("chunk", [61, 1000, 1 << 20])
def test_blank_rows_passed_over_read_as_before_at_any_chunk_boundary(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """The blanked sheet reads as the sheet: rows between blank runs, a row without `r`
    after them (numbered from the last blank row), a blank row above the header (a title's
    gap), a CDATA cell whose text looks like blank rows, and a damage after a blank run named
    at the same line, column and row."""
    import io

    from hostile import Raw, Sheet, workbook
    from plancli import imports_xlsx
    from plancli.errors import InputError

    def read(data: bytes, skip: bool) -> Any:
        if not skip:
            monkeypatch.setattr(imports_xlsx, "BlankRowSkipper", lambda parser, ready: parser)
        else:
            monkeypatch.undo()
        monkeypatch.setattr(imports_xlsx, "_READ_BYTES", chunk)
        try:
            _, rows, problems = imports_xlsx.parse_xlsx(io.BytesIO(data), "in.xlsx")
        except InputError as exc:
            return str(exc)
        return [(r.row, r.entry.target, r.entry.period, str(r.entry.value)) for r in rows], [
            (p.row, p.message) for p in problems.kept
        ]

    sheet = Sheet()
    sheet.row(1, "昆明市官渡区 2022 年 6 月")
    _blank_rows(sheet, 2, 3, cells=3)
    sheet.row(4, "target", "period", "value")
    sheet.row(5, "gdp", "2022-06", 5.1)
    _blank_rows(sheet, 6, 40)
    sheet.row(41, "g5", "2022-06", 120)
    _blank_rows(sheet, 42, 80)
    sheet.rows.append('<row><c r="A81" t="inlineStr"><is><t>gdp</t></is></c></row>')
    looks_like_rows = '<![CDATA[<row r="9"/><row r="10"/>x]]>'
    sheet.row(82, Raw(f'<c r="{{ref}}" t="inlineStr"><is><t>{looks_like_rows}</t></is></c>'))
    _blank_rows(sheet, 83, 120)
    damaged = sheet.xml().replace("</sheetData>", '<row r="121"><c r="A121"></row>')
    column = damaged.index('<c r="A121"></row>') + len('<c r="A121"></') + 1  # (from 1)
    for data in (workbook(sheet), workbook(damaged)):
        assert read(data, skip=True) == read(data, skip=False)
    assert read(data, skip=True).endswith(
        f"mismatched tag at line 1, column {column} (after row 121)"
    )


def test_a_run_of_blank_rows_is_blanked_but_its_last_row() -> None:
    from plancli.xlsx_blank_rows import blank_runs

    data = (
        b'<row r="2"><c r="A2"><v>1</v></c></row><row r="3" spans="1:2"><c r="A3" s="1"/>'
        b'<c r="B3" s="1"/></row>\n<row r="4" s="1" customFormat="1"/><row r="5"><c r="A5"'
        b' s="1"/></row><row r="6"><c r="A6" s="1"/>'
    )
    blanked = blank_runs(data)
    assert len(blanked) == len(data)
    assert re.split(rb" {2,}", blanked) == [
        b'<row r="2"><c r="A2"><v>1</v></c></row>',
        b'<row r="5"><c r="A5" s="1"/></row><row r="6"><c r="A6" s="1"/>',
    ]


# ---------------------------------------------------------------- a SQLite ledger's damaged page


@pytest.mark.parametrize("folder", ["", "月报 2022"])
def test_a_sqlite_ledger_with_a_damaged_page_takes_no_figure(
    invoke: Any, tmp_path: Path, folder: str
) -> None:
    """`record` reads only its target's rows (through the index), so a page damaged elsewhere
    went unnoticed: the figure was written, and the next `gap` refused the whole file. Now
    SQLite's quick_check runs under the write lock first, and nothing is written. The command
    it suggests can be pasted: a path with a space is quoted in it (a folder `月报 2022`)."""
    from datetime import UTC, datetime
    from decimal import Decimal

    from plancli.locations import LedgerLocation
    from plancli.model import Record
    from plancli.stores import open_store

    (tmp_path / folder).mkdir(exist_ok=True)
    ledger = tmp_path / folder / "plan2022.progress.sqlite"
    pasted = f'"{ledger}"' if folder else str(ledger)
    at = datetime(2022, 7, 5, 8, 30, tzinfo=UTC)
    months = [f"2022-{m:02d}" for m in range(1, 13)]
    records = [
        Record(
            target="gdp",
            period=month,
            value=Decimal("4.9"),
            note=f"第{n}次快报：{'区统计局' * 20}",
            recorded_at=at,
            batch=f"b{n}",
        )
        for n in range(40)
        for month in months
    ]
    with open_store(LedgerLocation(ledger, "option")).transaction() as session:
        session.append(records)
    data = bytearray(ledger.read_bytes())
    page = data.index("第0次快报".encode()) // 4096  # a page of gdp's first figures
    data[page * 4096 : (page + 1) * 4096] = b"\xde\xad" * 2048
    ledger.write_bytes(bytes(data))
    result = invoke(
        "--ledger", str(ledger), "record", "little_giant_enterprises", "3", "-p", "2022-06"
    )
    assert result.exit_code == 3, result.output
    assert result.stderr.startswith(
        f"error: {ledger}: the SQLite ledger is damaged (Page {page + 1}: "
    )
    assert result.stderr.endswith(
        f"); nothing written: restore it from a backup, or save what SQLite can read with "
        f"`sqlite3 {pasted} .recover`\n"
    )
    assert len(result.stderr.splitlines()) == 1
    assert ledger.read_bytes() == bytes(data)  # nothing written, not even into the log
    assert not Path(f"{ledger}-wal").exists() or Path(f"{ledger}-wal").stat().st_size == 0
    zh = invoke(
        "--lang",
        "zh",
        "--ledger",
        str(ledger),
        "record",
        "little_giant_enterprises",
        "3",
        "-p",
        "2022-06",
    )
    assert zh.exit_code == 3
    assert "SQLite 台账已损坏" in zh.stderr


# ---------------------------------------------------------------- extract -o through a link


def test_a_draft_through_a_link_to_a_recorded_plan_names_its_ledger(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`extract -o draft.toml`, draft.toml a link to the plan whose figures are recorded: the
    ledger was looked for beside the link's name (draft.progress.toml), so the refusal said only
    `draft.toml exists; use --force`, not that a new draft may give the targets other ids."""
    monkeypatch.chdir(tmp_path)
    plan = tmp_path / "plan2022.toml"
    plan.write_bytes(SEED.read_bytes())
    assert invoke("--plan", str(plan), "record", "gdp", "4.9", "-p", "2022-06").exit_code == 0
    (tmp_path / "draft.toml").symlink_to("plan2022.toml")
    report = tmp_path / "report.txt"
    report.write_text("某市2026年政府工作报告\n主要预期目标是：地区生产总值增长5%左右。\n")
    result = invoke("extract", "report.txt", "-o", "draft.toml")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: draft.toml exists, and figures of its plan are recorded in "
        "plan2022.progress.toml: a new draft may give its targets other ids; write the draft "
        "to another file, or use --force to overwrite it\n"
    )
    assert plan.read_bytes() == SEED.read_bytes()


def test_a_link_in_a_loop_is_called_a_loop_not_a_missing_file(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`ln -s a.toml b.toml; ln -s b.toml a.toml` as a ledger or -o was refused as `a link to
    …/a.toml, which does not exist`: the file is there, as a loop."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.progress.toml").symlink_to("b.progress.toml")
    (tmp_path / "b.progress.toml").symlink_to("a.progress.toml")
    words = (
        "is a symbolic link in a loop (it leads back to itself); give the real path, or remove "
        "the link"
    )
    recorded = invoke("--ledger", "a.progress.toml", "record", "gdp", "4.9", "-p", "2022-06")
    assert recorded.exit_code == 2
    assert recorded.stderr.endswith(f"\nerror: a.progress.toml: {words}\n")  # (after a note)
    written = invoke("report", "-f", "md", "-o", "b.progress.toml")
    assert written.stderr.endswith(f"b.progress.toml: {words}\n")
    zh = invoke(
        "--lang", "zh", "--ledger", "a.progress.toml", "record", "gdp", "1", "-p", "2022-06"
    )
    loop = "是循环的符号链接（最终指回自身）；请给出真实路径，或删除该链接"
    assert zh.stderr.endswith(f"\n错误：a.progress.toml：{loop}\n")
