"""Audit F (session 27), the hostile-input fuzzing audit: its defects, each on the audit's
repro (tests/fixtures/audit-f27/) or the bundled plan's real targets.

- D2: a template row whose target cell was changed to `GDP` or `地区生产总值` (names plancli
  resolves to gdp) while its name column names air_quality_good_rate imported 96.5 (the air
  quality share) as GDP growth; only `gdp ` was refused.
- D1: a ledger `recorded_at` whose offset moves it past year 9999 (or before year 1) made every
  command exit 70 (OverflowError), TOML or SQLite.
- D5: extract refused the Guandu report as "a binary file" once it held 9 of Word's manual line
  breaks (VT), or five escape sequences.
- D4: `report -o .plancli.toml` and `extract -o .plancli.toml --force` replaced the workspace
  marker in use, breaking every command of the workspace.
- D8/D3: a file name longer than the file system allows was exit 70 (internal error) for
  --plan, a ledger, report -o, template, init, ledger convert, extract -o; 100,000-character
  names were echoed whole.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from tests.conftest import FIXTURES, REPORT

HERE = FIXTURES / "audit-f27"
GUANDU = ("--plan", "guandu-2022")
LONG = "a" * 300  # past the 255 bytes a file name may have


# ---------------------------------------------------------------------------------------- D2


@pytest.mark.parametrize("sheet", ["d2_upper.csv", "d2_zhname.csv", "d2_space.csv"])
def test_a_row_whose_target_cell_names_gdp_under_another_name_is_refused(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, sheet: str
) -> None:
    """The row's target cell (GDP, 地区生产总值, `gdp `) resolves to gdp, its name column says
    air quality: refused naming both, whatever spelling the cell has; nothing written."""
    ledger = tmp_path / "d2.progress.toml"
    result = invoke(*GUANDU, "--ledger", str(ledger), "import", str(HERE / sheet))
    assert result.exit_code == 2, result.output
    assert (
        f"{sheet}:2: target is gdp, but the name column says Share of days with good or "
        "excellent air quality (air_quality_good_rate); was the target column changed?"
    ) in result.stderr
    assert not ledger.exists()


def test_a_name_as_target_cell_with_its_own_name_still_imports(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path
) -> None:
    """The check compares the resolved target with the name: 地区生产总值 as the target cell
    of GDP's own row is fine (the name column names gdp)."""
    sheet = tmp_path / "own.csv"
    text = (HERE / "d2_zhname.csv").read_text(encoding="utf-8")
    sheet.write_text(
        text.replace("Share of days with good or excellent air quality,%,96.4", "地区生产总值,%,")
        .replace("96.5", "6.1")
        .replace(",2022-07,", ",2022-Q3,"),  # (gdp by quarter: a 2022-07 row is refused)
        encoding="utf-8",
    )
    ledger = tmp_path / "own.progress.toml"
    result = invoke(*GUANDU, "--ledger", str(ledger), "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert 'target = "gdp"' in ledger.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------- D1


@pytest.mark.parametrize(
    ("ledger", "time"),
    [
        ("d1.progress.toml", "9999-12-31T23:59:59-23:59"),
        ("d1b.progress.toml", "0001-01-01T00:00:00+01:00"),
    ],
)
@pytest.mark.parametrize("command", [("status",), ("gap", "--json"), ("history",), ("show", "gdp")])
def test_a_recorded_at_out_of_range_in_utc_is_a_ledger_error(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, ledger: str, time: str, command: tuple[str, ...]
) -> None:
    copy = tmp_path / ledger
    shutil.copyfile(HERE / ledger, copy)
    result = invoke(*GUANDU, "--ledger", str(copy), *command)
    assert result.exit_code == 3, result.output
    assert result.stderr == (
        f"error: {copy}:7: record 1 (gdp 2022-Q1): recorded_at: {time} is out of range: in "
        "UTC it is before year 1 or after 9999\n"
    )


def test_a_sqlite_recorded_at_out_of_range_is_a_ledger_error(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path
) -> None:
    toml = tmp_path / "ok.progress.toml"
    text = (HERE / "d1.progress.toml").read_text(encoding="utf-8")
    toml.write_text(text.replace("9999-12-31 23:59:59-23:59", "2022-04-10 08:00:00Z"))
    database = tmp_path / "d1.progress.sqlite"
    done = invoke(*GUANDU, "ledger", "convert", str(toml), str(database))
    assert done.exit_code == 0, done.output
    with sqlite3.connect(database) as connection:
        connection.execute("update records set recorded_at = '9999-12-31T23:59:59-23:59'")
    connection.close()
    for command in (("status",), ("history", "--csv"), ("undo", "-y")):
        result = invoke(*GUANDU, "--ledger", str(database), *command)
        assert result.exit_code == 3, result.output
        assert "recorded_at: 9999-12-31T23:59:59-23:59 is out of range" in result.stderr


# ---------------------------------------------------------------------------------------- D5


def _guandu_with(replace: str, count: int) -> bytes:
    """The Guandu report with its first `count` line feeds (past the title) turned into
    `replace`."""
    text = REPORT.read_text(encoding="utf-8")
    head, rest = text[:200], text[200:]
    return (head + rest.replace("\n", replace, count)).encode("utf-8")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("vt9.txt", _guandu_with("\x0b", 9)),  # Word's manual line breaks (Shift+Enter)
        ("vt40.txt", _guandu_with("\x0b", 40)),
        ("esc5.txt", _guandu_with("\x1b]0;PWN\x07\x1b[2J\n", 5)),  # five OSC+CSI pairs
    ],
    ids=["9 VT", "40 VT", "5 escapes"],
)
def test_a_report_with_a_few_controls_is_drafted_not_called_binary(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, name: str, data: bytes
) -> None:
    report = tmp_path / name
    report.write_bytes(data)
    result = invoke("extract", str(report), "-o", str(tmp_path / "draft.toml"))
    assert result.exit_code == 0, result.output
    assert "drafted 80 targets" in result.stderr
    if "esc" in name:  # the escapes dropped and counted, as docs/security-input.md says
        assert "60 characters no reader sees dropped" in result.stderr


def test_bytes_that_are_mostly_controls_are_still_a_binary_file(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path
) -> None:
    """One character in twenty a control is no report's text (random bytes: one in ten)."""
    report = tmp_path / "controls.txt"
    text = REPORT.read_text(encoding="utf-8")[:4000]
    report.write_text("".join(ch + ("\x01" if i % 10 == 0 else "") for i, ch in enumerate(text)))
    result = invoke("extract", str(report), "-o", str(tmp_path / "draft.toml"))
    assert result.exit_code == 2, result.output
    assert result.stderr == f"error: {report} is a binary file, not a report's text\n"


# ---------------------------------------------------------------------------------------- D4


@pytest.mark.parametrize(
    "write",
    [
        ("report", "-f", "md", "-o", ".plancli.toml"),
        ("report", "-f", "md", "-o", "link.md"),
        ("template", "-p", "2022-07", "--force", "link.csv"),
        ("extract", str(REPORT), "-o", ".plancli.toml", "--force"),
    ],
    ids=["report", "report through a link", "template through a link", "extract --force"],
)
def test_no_output_is_written_over_the_workspace_marker(  # type: ignore[no-untyped-def]
    invoke, workspace: Path, write: tuple[str, ...]
) -> None:
    marker = workspace / ".plancli.toml"
    before = marker.read_bytes()
    (workspace / "link.md").symlink_to(".plancli.toml")
    (workspace / "link.csv").symlink_to(".plancli.toml")
    result = invoke(*write)
    assert result.exit_code == 2, result.output
    assert "is a workspace marker (.plancli.toml: it names the workspace's plan)" in (result.stderr)
    assert marker.read_bytes() == before
    assert invoke("status").exit_code == 0  # the workspace still works


def test_a_new_file_named_as_a_marker_is_refused_too(  # type: ignore[no-untyped-def]
    invoke, workspace: Path
) -> None:
    """A report written as sub/.plancli.toml would make sub a broken workspace."""
    (workspace / "sub").mkdir()
    result = invoke("report", "-f", "md", "-o", "sub/.plancli.toml")
    assert result.exit_code == 2, result.output
    assert not (workspace / "sub" / ".plancli.toml").exists()


# ---------------------------------------------------------------------------------- D8, D3


CUT = "a" * 60 + "…"


@pytest.mark.parametrize(
    "args",
    [
        ("--plan", LONG + ".toml", "status"),
        ("--plan", LONG, "status"),
        ("--ledger", LONG + ".toml", "record", "retail_sales", "5", "-p", "2022-07"),
        ("report", "-o", LONG + ".md"),
        ("template", "-p", "2022-07", LONG + ".csv"),
        ("init", LONG),
        ("ledger", "convert", "plan2022.progress.toml", LONG + ".sqlite"),
        ("extract", str(REPORT), "-o", LONG + ".toml"),
        ("import", LONG + ".csv"),
    ],
    ids=[
        "--plan",
        "--plan id",
        "record",
        "report",
        "template",
        "init",
        "convert",
        "extract",
        "import",
    ],
)
def test_a_file_name_too_long_is_an_input_error(  # type: ignore[no-untyped-def]
    invoke, workspace: Path, args: tuple[str, ...]
) -> None:
    invoke("record", "gdp", "5.1", "-p", "2022-Q2")  # a ledger to convert
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert CUT in result.stderr and "characters)" in result.stderr, result.stderr
    assert len(result.stderr) < 200 and result.stderr.count("\n") == 1, result.stderr


@pytest.mark.parametrize("variable", ["PLANCLI_PLAN", "PLANCLI_LEDGER"])
def test_a_100000_character_name_is_echoed_by_its_first_60(  # type: ignore[no-untyped-def]
    invoke, workspace: Path, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    monkeypatch.setenv(variable, "a" * 100_000 + ".toml")
    result = invoke("status")
    assert result.exit_code == 2, result.output
    assert f"{CUT}(100,005 characters)" in result.stderr
    assert len(result.stderr) < 200, result.stderr


def test_a_marker_naming_a_100000_character_plan_is_echoed_by_its_first_60(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".plancli.toml").write_text(f'plan = "{"a" * 100_000}"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path / "sub")
    result = invoke("status")
    assert result.exit_code == 3, result.output
    assert f"names the plan {CUT}(100,000 characters), which is not in" in result.stderr
    assert len(result.stderr) < 2 * len(str(tmp_path)) + 200, result.stderr  # 100,095 before


def test_a_ledger_rule_is_said_in_chinese(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The record rules (model.PlanRule) of a ledger were said in English under --lang zh."""
    copy = tmp_path / "d1.progress.toml"
    shutil.copyfile(HERE / "d1.progress.toml", copy)
    result = invoke("--lang", "zh", *GUANDU, "--ledger", str(copy), "status")
    assert result.exit_code == 3, result.output
    assert (
        "recorded_at：9999-12-31T23:59:59-23:59 超出范围：换算为 UTC 后早于公元1年或晚于9999年"
        in (result.stderr)
    )


# ---------------------------------------------------------------------------------------- D7


def _sqlite_ledger(invoke, tmp_path: Path, update: str) -> Path:  # type: ignore[no-untyped-def]
    """The d1 ledger with a time in range, as SQLite, with `update` run on it."""
    toml = tmp_path / "ok.progress.toml"
    text = (HERE / "d1.progress.toml").read_text(encoding="utf-8")
    toml.write_text(text.replace("9999-12-31 23:59:59-23:59", "2022-04-10 08:00:00Z"))
    database = tmp_path / "d7.progress.sqlite"
    done = invoke(*GUANDU, "ledger", "convert", str(toml), str(database))
    assert done.exit_code == 0, done.output
    with sqlite3.connect(database) as connection:
        connection.execute(update)
    connection.close()
    return database


@pytest.mark.parametrize(
    "command", [("gap", "--json"), ("status",), ("history",), ("report", "-f", "md")]
)
def test_a_sqlite_target_that_is_not_utf8_is_a_ledger_error_for_every_command(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """gap and status left the record out without a word (exit 0), history refused it in
    pydantic's words; docs/security-input.md: exit 3 for every command."""
    database = _sqlite_ledger(invoke, tmp_path, "update records set target = x'ff'")
    result = invoke(*GUANDU, "--ledger", str(database), *command)
    assert result.exit_code == 3, result.output
    assert result.stderr == (
        f"error: {database}: record seq 1: target: b'\\xff' is not UTF-8 text\n"
    )


# --------------------------------------------------------------------------------------- D10

D10_WARNING = (
    "warning: 1 amendment in {ledger} is for a period outside the plan year 2022 (gdp 2021-06): "
    "it is not applied\n"
)


@pytest.mark.parametrize("command", [("gap",), ("status",), ("show", "gdp"), ("history", "gdp")])
def test_an_amendment_outside_the_plan_year_is_warned_of(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """The ledger of the 2022 plan with a gdp amendment from 2021-06 (≈ 6): never applied, and
    it was read without a word."""
    ledger = tmp_path / "d10.progress.toml"
    ledger.write_text(
        (HERE / "d1.progress.toml")
        .read_text(encoding="utf-8")
        .replace("9999-12-31 23:59:59-23:59", "2022-04-10 08:00:00Z")
        + '\n[[amendments]]\ntarget = "gdp"\nperiod = "2021-06"\naround = 6\nnote = "x"\n'
        'recorded_at = 2022-07-01 08:00:00Z\nbatch = "20220701T080000Z-4509df"\n',
        encoding="utf-8",
    )
    result = invoke(*GUANDU, "--ledger", str(ledger), *command)
    assert result.exit_code == 0, result.output
    assert D10_WARNING.format(ledger=ledger) in result.stderr
    if command[0] in ("show", "history"):
        row = next(line for line in result.stdout.splitlines() if "2021-06" in line)
        assert not row.lstrip().startswith("*"), result.stdout  # not in force
        assert "not applied: outside the plan" in row, result.stdout
        as_json = invoke(*GUANDU, "--ledger", str(ledger), *command, "--json")
        assert '"current": false' in as_json.stdout


# ---------------------------------------------------------------------------------------- D9


def test_a_department_whose_name_starts_like_a_formula_gets_no_warning_on_its_own_sheet(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path
) -> None:
    """`template --owner '-2+3'` writes the owner cell `'-2+3` (the CSV formula guard); import
    compared the cell with the apostrophe on, and warned on every row of the department's own
    sheet that it was copied from another."""
    text = (FIXTURES.parents[1] / "data" / "plan2022.toml").read_text(encoding="utf-8")
    for target in ("budget_revenue", "investment_roads"):
        text = text.replace(f'id = "{target}"\n', f'id = "{target}"\nowner = "-2+3"\n', 1)
    plan = tmp_path / "owners.toml"
    plan.write_text(text, encoding="utf-8")
    sheet = tmp_path / "sheet.csv"
    done = invoke(
        "--plan",
        str(plan),
        "template",
        "-p",
        "2022-07",
        "--owner",
        "-2+3",
        str(sheet),
    )
    assert done.exit_code == 0, done.output
    rows = sheet.read_text(encoding="utf-8-sig").splitlines()
    assert rows[1].endswith(",'-2+3"), rows[1]  # still guarded on the way out
    sheet.write_text(
        "\n".join([rows[0], *(row.replace(",2022-07,,", ",2022-07,1.3,", 1) for row in rows[1:])]),
        encoding="utf-8",
    )
    result = invoke("--plan", str(plan), "import", "-n", str(sheet))
    assert result.exit_code == 0, result.output
    assert "copied from another sheet" not in result.stderr, result.stderr
