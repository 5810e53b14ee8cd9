"""Session 28's audit of strings on their way out (sinks): what the earlier hardening missed.

Each test fails on the code before its fix, with the payload a user meets (a file name that is
not UTF-8, ...)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from plancli.safe import json_text, toml_text, visible

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
# A file name holding bytes that are not UTF-8 (a zip from a GBK Windows, a hostile archive):
# Python hands it on as lone surrogates (surrogateescape), `sur\udcff\udc9b.csv`.
NOT_UTF8 = os.fsdecode(b"sur\xff\x9b.csv")


# ------------------------------------------------------------------- lone surrogates (D1)


def test_visible_shows_a_lone_surrogate_as_its_escape() -> None:
    # written raw, \udc9b was the byte 0x9b again: CSI to a terminal reading Latin-1
    assert visible(NOT_UTF8) == "sur\\udcff\\udc9b.csv"
    assert visible(NOT_UTF8, newlines=True) == "sur\\udcff\\udc9b.csv"
    assert visible(visible(NOT_UTF8)) == visible(NOT_UTF8)
    visible(NOT_UTF8).encode("utf-8")  # what a UTF-8 terminal, CSV or page can hold


def test_json_writes_a_lone_surrogate_as_the_replacement_character() -> None:
    document = json_text(json.dumps({"file": NOT_UTF8}, ensure_ascii=False))
    document.encode("utf-8")  # stdout is UTF-8: a surrogate raised UnicodeEncodeError (exit 70)
    assert json.loads(document) == {"file": "sur\ufffd\ufffd.csv"}
    assert "\\ud" not in document.lower()  # no lone-surrogate escape a strict parser refuses
    # a character beyond U+FFFF keeps its pair, and reads back exactly
    assert json.loads(json_text(json.dumps("\u202e𝟘", ensure_ascii=False))) == "\u202e𝟘"


def test_toml_writes_a_lone_surrogate_as_the_replacement_character() -> None:
    import tomllib

    import tomli_w

    document = toml_text(tomli_w.dumps({"plan": "plan\udcff.toml"}))
    assert tomllib.loads(document) == {"plan": "plan\ufffd.toml"}


@pytest.mark.parametrize("command", [["history", "--json"], ["status", "--json"]])
def test_json_naming_a_ledger_file_that_is_not_utf8_is_written(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    ledger = os.fsdecode(b"l\xff.toml")
    plan = ["--plan", "guandu-2022", "--ledger", ledger]
    assert invoke(*plan, "record", "gdp", "5.1", "-p", "2022-Q1").exit_code == 0
    result = invoke(*plan, *command)
    assert result.exit_code == 0, result.stderr  # was 70: internal error: UnicodeEncodeError
    assert json.loads(result.stdout)["ledger"] == "l\ufffd.toml"


def test_import_dry_run_shows_a_file_name_that_is_not_utf8_escaped(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with open(os.fsencode(NOT_UTF8), "w", encoding="utf-8") as out:
        out.write("target,period,value\ngdp,2022-Q1,5.1\n")
    plan = ["--plan", "guandu-2022", "--ledger", "l.toml"]
    shown = invoke(*plan, "import", "--dry-run", NOT_UTF8)
    assert shown.exit_code == 0, shown.stderr
    assert "sur\\udcff\\udc9b.csv" in shown.stdout  # the table's title: the raw bytes before
    assert "\udc9b" not in shown.stdout + shown.stderr
    written = invoke(*plan, "import", "--dry-run", "--json", NOT_UTF8)
    assert written.exit_code == 0, written.stderr  # was 70
    assert json.loads(written.stdout)["file"] == "sur\ufffd\ufffd.csv"


# ---------------------------------------------- a plan file whose name is not UTF-8 (D2)


def test_a_plan_file_named_in_another_encoding_is_read(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the plan cache's key hashed the path as UTF-8: every command exited 70
    monkeypatch.chdir(tmp_path)
    plan = os.fsdecode(b"p\xff.toml")
    with open(os.fsencode(plan), "wb") as out:
        out.write((REPO / "data" / "plan2022.toml").read_bytes())
    recorded = invoke("--plan", plan, "record", "gdp", "5.1", "-p", "2022-Q1")
    assert recorded.exit_code == 0, recorded.stderr
    assert "p\\udcff.progress.toml" in recorded.stderr
    status = invoke("--plan", plan, "status", "--json")
    assert status.exit_code == 0, status.stderr
    assert json.loads(status.stdout)["ledger"] == "p\ufffd.progress.toml"


def test_init_refuses_a_plan_file_name_its_marker_cannot_hold(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    plan = os.fsdecode(b"p\xff.toml")
    with open(os.fsencode(plan), "wb") as out:
        out.write((REPO / "data" / "plan2022.toml").read_bytes())
    result = invoke("--plan", plan, "init", "w")
    # was 70 (internal error) after the plan was copied: a workspace without its marker
    assert result.exit_code == 2, result.stderr
    assert "p\\udcff.toml: a file name that is not UTF-8" in result.stderr
    assert not (tmp_path / "w").exists()


def test_init_writes_a_marker_toml_reads_for_a_name_with_del_or_bidi(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tomllib

    monkeypatch.chdir(tmp_path)
    name = "q\x7f\u202e.toml"  # JSON's string, which the marker was, leaves DEL raw: no TOML
    (tmp_path / name).write_bytes((REPO / "data" / "plan2022.toml").read_bytes())
    assert invoke("--plan", name, "init", "w").exit_code == 0
    marker = (tmp_path / "w" / ".plancli.toml").read_text(encoding="utf-8")
    assert 'plan = "q\\u007f\\u202e.toml"' in marker  # nothing raw an editor hides
    assert tomllib.loads(marker) == {"plan": name}
    monkeypatch.chdir(tmp_path / "w")
    status = invoke("status", "--json")
    assert status.exit_code == 0, status.stderr  # was 3: invalid TOML: Illegal character
    assert json.loads(status.stdout)["plan"] == "guandu-2022"


# ------------------------------------ gap --json: a character beyond U+FFFF (D3)


@pytest.mark.parametrize("char", ["\U000e0041", "\U0001d173", "\U000110bd"])
def test_gap_json_keeps_a_format_character_beyond_the_bmp_exactly(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, char: str
) -> None:
    # a tag or musical format character: gap --json wrote `\ue0041`, which reads as U+E004
    # and "1" (five hex digits to a four-digit escape); status --json was right
    name = f"GDP{char}x"
    plan = tmp_path / "plan.toml"
    text = (REPO / "data" / "plan2022.toml").read_text(encoding="utf-8")
    plan.write_text(
        text.replace('name_en = "Gross regional product (GDP)"', f'name_en = "{name}"', 1),
        encoding="utf-8",
    )
    base = ["--plan", str(plan), "--ledger", str(tmp_path / "l.toml")]
    assert invoke(*base, "record", "gdp", "5.1", "-p", "2022-Q1").exit_code == 0
    for command in (["gap", "--json"], ["status", "--json"]):
        result = invoke(*base, *command)
        assert result.exit_code == 0, result.stderr
        assert result.stdout.isascii() or char not in result.stdout  # escaped, never raw
        document = json.loads(result.stdout)
        targets = document["targets"] if command[0] == "gap" else document["headline"]
        assert {t["id"]: t["name_en"] for t in targets}["gdp"] == name, command


# ------------------------------ U+FFFE, U+FFFF: characters XML forbids, in a workbook (D4)


def _parts_parse(path: Path) -> None:
    """Every XML part of the workbook is well-formed (what Excel and LibreOffice need)."""
    import zipfile
    from xml.dom import minidom

    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                minidom.parseString(archive.read(name))


def test_xlsx_report_with_a_noncharacter_in_a_note_opens(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    openpyxl = pytest.importorskip("openpyxl")
    base = ["--plan", "guandu-2022", "--ledger", str(tmp_path / "l.toml")]
    note = "统计\uffff快报\ufffe"
    assert invoke(*base, "record", "gdp", "5.1", "-p", "2022-Q1", "--note", note).exit_code == 0
    out = tmp_path / "r.xlsx"
    assert invoke(*base, "report", "-o", str(out)).exit_code == 0
    _parts_parse(out)  # was: not well-formed (invalid token) in the records sheet
    records = openpyxl.load_workbook(out)["records"]
    assert "统计\\uffff快报\\ufffe" in [cell.value for cell in records[2]]
    assert visible(note) == "统计\\uffff快报\\ufffe"


def test_xlsx_template_with_a_noncharacter_in_a_name_opens(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    openpyxl = pytest.importorskip("openpyxl")
    plan = tmp_path / "plan.toml"
    text = (REPO / "data" / "plan2022.toml").read_text(encoding="utf-8")
    plan.write_text(
        text.replace('name_en = "Gross regional product (GDP)"', 'name_en = "GDP\\uffff"', 1),
        encoding="utf-8",
    )
    out = tmp_path / "t.xlsx"
    assert invoke("--plan", str(plan), "template", "-p", "2022-06", str(out)).exit_code == 0
    _parts_parse(out)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert "GDP\\uffff" in [cell.value for row in sheet.iter_rows() for cell in row]
