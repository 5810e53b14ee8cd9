"""Issue 14, output half: nothing from a plan, ledger or import file reaches a terminal or a
spreadsheet as code.

The files here are the bundled plan (guandu-2022) and a ledger as another office might send
them: escape sequences in names, notes, sources, batches and even the folder's name; formulas
in notes; a vertical tab (Word's line break) in a note. Every command that shows them must
print no control character (on a terminal and piped alike), `--json` must keep the exact text,
and every CSV and xlsx cell a spreadsheet would evaluate must be text.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import Result  # Typer vendors Click: a fresh venv has no `click`

from plancli.safe import CONTROLS, csv_cell, formula_like, json_text, visible

REPO = Path(__file__).resolve().parents[1]

# Any control character but \n, DEL, C1 (U+0080–U+009F, the 8-bit CSI U+009B included), the
# bidi controls and the line/paragraph separators: what must never be printed raw.
UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
SGR = re.compile(r"\x1b\[[0-9;]*m")  # Rich's own colours and bold on a terminal

OSC52 = "\x1b]52;c;Y2FsYw==\x07"  # write "calc" to the clipboard
HYPERLINK = '=HYPERLINK("http://x","y")'
CLEAR = "\x1b[2J\x1b[H"
CSI8 = "\x9b2J"  # the 8-bit CSI: clear screen without ESC
RLO = "\u202e"  # right-to-left override
TITLE = "\x1b]0;pwned\x07"  # window title
LINK = "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\"  # OSC 8 hyperlink


def toml_string(text: str) -> str:
    """A TOML basic string: control characters must be \\u-escaped there."""
    return json.dumps(text, ensure_ascii=True)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """The bundled plan, with hostile names, in a folder whose own name holds an escape."""
    folder = tmp_path / f"office{TITLE}{CSI8}"
    folder.mkdir()
    text = (REPO / "data" / "plan2022.toml").read_text("utf-8")
    replacements = {
        'name = "官渡区2022年国民经济和社会发展计划"': "官渡区2022年国民经济和社会发展计划" + TITLE,
        'name_en = "Guandu District 2022 National Economic and Social Development Plan"': (
            "Guandu 2022" + TITLE
        ),
        'name = "主要预期目标"': "主要预期目标" + CLEAR,
        'name_en = "Headline targets"': "Headline" + CLEAR,
        'name_en = "Local general public budget revenue"': "Budget revenue" + CSI8 + RLO,
        'name = "地区生产总值"': "地区生产总值" + CSI8 + RLO,
        'name_en = "Gross regional product (GDP)"': '=HYPERLINK("http://x","GDP")',
        'quote = "地区生产总值增长7%以上"': "地区生产总值增长7%以上" + LINK,
    }
    for line, value in replacements.items():
        assert text.count(line) >= 1, line
        key = line.split(" = ")[0]
        text = text.replace(line, f"{key} = {toml_string(value)}", 1)
    plan = folder / "plan2022.toml"
    plan.write_text(text, "utf-8")
    records = [
        ("gdp", "2022-03", "-0.5", "-2+3", None, "b1" + CLEAR),
        ("gdp", "2022-06", "5", HYPERLINK, OSC52, "b2" + TITLE),
        (
            "new_5g_base_stations",
            "2022-06",
            "120",
            "@SUM(1+1)\x0b第二行",
            "+cmd|' /C calc'!A0",
            "b3",
        ),
        ("evil" + CSI8, "2022-06", "1", "\x7f" + RLO + "gnp.exe", None, "b4" + RLO),
    ]
    lines = ["version = 1"]
    for target, period, value, note, source, batch in records:
        lines += [
            "",
            "[[records]]",
            f"target = {toml_string(target)}",
            f'period = "{period}"',
            f"value = {value}",
            f"note = {toml_string(note)}",
            *([f"source = {toml_string(source)}"] if source else []),
            "recorded_at = 2022-07-10T08:00:00Z",
            f"batch = {toml_string(batch)}",
        ]
    (folder / "plan2022.progress.toml").write_text("\n".join(lines) + "\n", "utf-8")
    return plan


def unsafe(result: Result) -> list[str]:
    """The control characters in what a command printed (stdout and stderr)."""
    return UNSAFE.findall(result.stdout + result.stderr)


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# ---------------------------------------------------------------------- the one sanitizer


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (OSC52, "\\x1b]52;c;Y2FsYw==\\x07"),
        (CSI8, "\\x9b2J"),
        ("a\x7fb", "a\\x7fb"),
        ("abc" + RLO + "txt", "abc\\u202etxt"),
        ("\u2066x\u2069", "\\u2066x\\u2069"),
        ("tab\there\rCR", "tab\\there\\rCR"),
        ("two\nlines", "two\\nlines"),
        ("地区生产总值 ≥ 7 %", "地区生产总值 ≥ 7 %"),
    ],
)
def test_visible_shows_every_control_character(text: str, shown: str) -> None:
    assert visible(text) == shown
    assert visible(shown) == shown  # idempotent: nothing left to escape
    assert visible(text, newlines=True) == shown.replace("\\n", "\n")


def test_every_control_character_is_shown_and_nothing_else_is_touched() -> None:
    """`visible` skips text that `str.isprintable` passes: that must mean no control in it."""
    for code in CONTROLS:
        assert not chr(code).isprintable()
        assert not UNSAFE.search(visible(f"a{chr(code)}b")), hex(code)
    printable = "".join(chr(c) for c in range(0x20, 0x3000) if chr(c).isprintable())
    assert visible(printable) == printable
    assert visible("a\u3000b\u00a0c") == "a\u3000b\u00a0c"  # spaces CJK text uses stay


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        (HYPERLINK, "'" + HYPERLINK),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "\\t=1"),  # the tab is shown, so the cell no longer starts with it
        ("  =1+1", "'  =1+1"),
        ("＝1+1", "'＝1+1"),
        ("-0.5", "-0.5"),  # a number stays a number
        ("+3", "+3"),
        ("1e5", "1e5"),
        ("-1.2 %", "-1.2 %"),  # a plain percentage is its figure (gap --csv's actual_text)
        ("-1.2%", "-1.2%"),
        ("-1.2 %+1", "'-1.2 %+1"),  # not after it
        ("-1.2 万人", "'-1.2 万人"),
        ("+0.42 pp", "'+0.42 pp"),
        ("2022-06", "2022-06"),
        ("区统计局 = 来源", "区统计局 = 来源"),
        ("note\nline two", "note\nline two"),  # a multi-line cell stays one
    ],
)
def test_csv_cell_neutralises_formulas_and_keeps_numbers(cell: str, written: str) -> None:
    assert csv_cell(cell) == written


def test_csv_cell_leaves_non_text_alone() -> None:
    from decimal import Decimal

    assert csv_cell(Decimal("-0.5")) == Decimal("-0.5")
    assert csv_cell(None) is None
    assert not formula_like("-0.5") and formula_like("-A1")


def test_json_text_escapes_what_json_leaves_raw_and_reads_back_exactly() -> None:
    original = {"note": "a" + CSI8 + RLO + "\x7f\u2028" + OSC52 + "地区"}
    document = json_text(json.dumps(original, ensure_ascii=False))
    assert not UNSAFE.search(document)
    assert "地区" in document  # Chinese is not \u-escaped
    assert json.loads(document) == original


# ------------------------------------------------------------------------- on the terminal

# Every command that shows text from the plan, the ledger or an import file.
COMMANDS = [
    ("targets",),
    ("targets", "--csv"),
    ("show", "gdp"),
    ("history",),
    ("history", "gdp"),
    ("history", "--csv"),
    ("gap", "--as-of", "2022-06"),
    ("gap", "--as-of", "2022-06", "--csv"),
    ("status",),
    ("--lang", "zh", "status"),
    ("undo", "--dry-run"),
    ("template", "-", "--period", "2022-06"),
    ("report", "--format", "md"),
    ("report", "--format", "html"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_control_character_reaches_plain_output(
    invoke, workspace: Path, args: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--plan", str(workspace), *args)
    assert result.exit_code == 0, result.output
    assert unsafe(result) == []
    if args[0] in ("history", "undo", "status"):  # shown, not dropped
        assert re.search(r"\\(x1b|x9b|u202e)", result.stdout + result.stderr)


@pytest.mark.parametrize(
    "args",
    [("status",), ("history",), ("show", "gdp"), ("undo", "--dry-run")],  # stdout and stderr
    ids=" ".join,
)
def test_no_control_character_reaches_a_terminal_but_colours(  # type: ignore[no-untyped-def]
    invoke, workspace: Path, args: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")  # Rich writes as to a terminal, with SGR codes
    result = invoke("--plan", str(workspace), *args)
    assert result.exit_code == 0, result.output
    assert SGR.search(result.stdout + result.stderr)  # it was a terminal
    assert UNSAFE.findall(SGR.sub("", result.stdout + result.stderr)) == []


def test_terminal_tables_show_the_escapes_in_place(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--plan", str(workspace), "history", "gdp")
    flat = " ".join(result.stdout.split())
    assert "\\x1b]52;c;Y2FsYw==\\x07" in flat.replace(" ", "")
    assert "=HYPERLINK(" in flat  # shown as text: a terminal does not evaluate formulas
    shown = invoke("--plan", str(workspace), "show", "gdp").stdout
    assert "地区生产总值\\x9b2J\\u202e" in shown


def test_an_import_dry_run_and_its_errors_show_no_control_character(  # type: ignore[no-untyped-def]
    invoke, workspace: Path
) -> None:
    ledger = workspace.with_name("plan2022.progress.toml")
    before = ledger.read_bytes()
    good = workspace.with_name(f"june{TITLE}.csv")
    with good.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerows([["target", "period", "value", "note", "source"]])
        writer.writerow(["gdp", "2022-09", "6", CLEAR, HYPERLINK])
    result = invoke("--plan", str(workspace), "import", "--dry-run", str(good))
    assert result.exit_code == 0, result.output
    assert "would import" in result.stderr and unsafe(result) == []
    bad = workspace.with_name("bad.csv")
    bad.write_text(f"target,period,value\ngdp{OSC52},2022-09,6\n", "utf-8")
    result = invoke("--plan", str(workspace), "import", str(bad))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "gdp\\x1b]52" in result.stderr
    assert unsafe(result) == []
    assert ledger.read_bytes() == before


def test_validate_findings_show_no_control_character(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    report = workspace.with_name("report.txt")
    report.write_text("地区生产总值增长7%以上\n", "utf-8")
    result = invoke("--plan", str(workspace), "validate", "--source", str(report))
    # none of the 80 quotes in it: not the plan's report, an error naming the (hostile) path,
    # escaped like the findings (exit 3 since session 24; it was a list of warnings, exit 0)
    assert result.exit_code == 3, result.output
    flat = "".join(result.stderr.split())  # the table wraps long messages
    assert "quotenotfound" in flat and "\\x1b]8;;http://evil.example\\x1b" in flat
    assert "80of80quotesarenotin" in flat and "office\\x1b]0;pwned\\x07" in flat
    assert unsafe(result) == []


def test_json_keeps_the_exact_text(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--plan", str(workspace), "history", "--json")
    assert result.exit_code == 0, result.output
    assert unsafe(result) == []  # escaped as JSON escapes, not raw
    records = json.loads(result.stdout)["records"]
    assert [r["source"] for r in records if r["period"] == "2022-06" and r["target"] == "gdp"] == [
        OSC52
    ]
    assert records[-1]["target"] == "evil" + CSI8 and records[-1]["batch"] == "b4" + RLO
    targets = json.loads(invoke("--plan", str(workspace), "targets", "--json").stdout)
    gdp = next(t for t in targets["targets"] if t["id"] == "gdp")
    assert gdp["name"] == "地区生产总值" + CSI8 + RLO


# ------------------------------------------------------------------------------ CSV cells


def test_history_csv_neutralises_formulas_and_keeps_numbers(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--plan", str(workspace), "history", "--csv")
    assert result.exit_code == 0, result.output
    rows = {(r["target"], r["period"]): r for r in csv_rows(result.stdout)}
    june = rows[("gdp", "2022-06")]
    assert june["note"] == "'" + HYPERLINK
    assert june["source"] == "\\x1b]52;c;Y2FsYw==\\x07"
    assert june["batch"] == "b2\\x1b]0;pwned\\x07"
    march = rows[("gdp", "2022-03")]
    assert (march["value"], march["note"]) == ("-0.5", "'-2+3")  # the number stays a number
    stations = rows[("new_5g_base_stations", "2022-06")]
    assert stations["note"] == "'@SUM(1+1)\\x0b第二行"
    assert stations["source"] == "'+cmd|' /C calc'!A0"


def test_gap_and_targets_csv_neutralise_formulas_and_keep_numbers(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    gap = csv_rows(invoke("--plan", str(workspace), "gap", "--as-of", "2022-06", "--csv").stdout)
    gdp = next(r for r in gap if r["id"] == "gdp")
    assert gdp["name_en"] == '\'=HYPERLINK("http://x","GDP")'
    assert gdp["name"] == "地区生产总值\\x9b2J\\u202e"
    stations = next(r for r in gap if r["id"] == "new_5g_base_stations")
    assert stations["pace_gap_pp"].startswith("-")  # 38.71% done at half time: a number
    assert float(stations["pace_gap_pp"]) < 0
    targets = csv_rows(invoke("--plan", str(workspace), "targets", "--csv").stdout)
    gdp_target = next(r for r in targets if r["id"] == "gdp")
    assert gdp_target["name_en"] == '\'=HYPERLINK("http://x","GDP")'
    assert gdp_target["quote"].endswith("\\x1b]8;;http://evil.example\\x1b\\click\\x1b]8;;\\x1b\\")


def test_csv_template_neutralises_names_and_still_imports(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--plan", str(workspace), "template", "-", "--period", "2022-06")
    assert result.exit_code == 0, result.output
    rows = csv_rows(result.stdout)
    gdp = next(r for r in rows if r["target"] == "gdp")
    assert gdp["name"] == '\'=HYPERLINK("http://x","GDP")'
    for row in rows:
        row["value"] = "-0.5" if row["target"] == "gdp" else ""
    filled = workspace.with_name("filled.csv")
    with filled.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows([r for r in rows if r["value"]])
    result = invoke("--plan", str(workspace), "import", str(filled))
    assert result.exit_code == 0, result.output
    history = json.loads(invoke("--plan", str(workspace), "history", "gdp", "--json").stdout)
    assert history["records"][-1]["value"] == -0.5 and history["records"][-1]["period"] == "2022-Q2"


# ----------------------------------------------------------------------------- xlsx cells


def formulas(path: Path) -> list[str]:
    """The <f> elements of every sheet: what a spreadsheet would evaluate."""
    with zipfile.ZipFile(path) as book:
        return [
            formula
            for name in book.namelist()
            if name.startswith("xl/worksheets/")
            for formula in re.findall(r"<f[ >].*?</f>", book.read(name).decode("utf-8"))
        ]


def test_xlsx_report_writes_text_as_text_and_survives_control_characters(  # type: ignore[no-untyped-def]
    invoke, workspace: Path
) -> None:
    out = workspace.with_name("report.xlsx")
    result = invoke("--plan", str(workspace), "report", "-o", str(out))
    assert result.exit_code == 0, result.output  # openpyxl's IllegalCharacterError before
    assert unsafe(result) == []
    assert formulas(out) == []
    records = list(load_workbook(out)["records"].iter_rows(min_row=2))
    by_note = {row[5].value: row for row in records}
    link = by_note[HYPERLINK]
    assert (link[5].data_type, link[5].quotePrefix) == ("s", True)
    assert link[6].value == "\\x1b]52;c;Y2FsYw==\\x07" and link[6].data_type == "s"
    assert link[8].value == "b2\\x1b]0;pwned\\x07"
    word = by_note["@SUM(1+1)\\x0b第二行"]  # Word's line break, shown
    assert word[5].quotePrefix and word[6].value == "+cmd|' /C calc'!A0" and word[6].quotePrefix
    negative = by_note["-2+3"]
    assert negative[5].quotePrefix
    assert (negative[3].value, negative[3].data_type) == (-0.5, "n")  # a number stays one
    sheet = load_workbook(out)["assessments"]
    header = [c.value for c in sheet[1]]
    gdp = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "gdp")
    name_en = gdp[header.index("name_en")]
    assert name_en.value == '=HYPERLINK("http://x","GDP")'
    assert (name_en.data_type, name_en.quotePrefix) == ("s", True)
    assert gdp[header.index("name")].value == "地区生产总值\\x9b2J\\u202e"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_xlsx_adjustments_sheet_writes_text_as_text(invoke, workspace: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    """A mid-year adjustment's note (and the target's name) reached the `adjustments` sheet
    through a plain append: `=HYPERLINK(…)` became a live formula, a control character
    stopped the report (IllegalCharacterError)."""
    amend = ["amend", "gdp", "--min", "6", "--from", "2022-06", "--note", HYPERLINK + CLEAR]
    assert invoke("--plan", str(workspace), *amend).exit_code == 0
    out = workspace.with_name(f"adjusted-{lang}.xlsx")
    result = invoke("--plan", str(workspace), "--lang", lang, "report", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert formulas(out) == []
    sheet = {"en": "adjustments", "zh": "年中调整"}[lang]  # named in Chinese under zh (s31)
    row = next(load_workbook(out)[sheet].iter_rows(min_row=2))
    assert row[5].value == HYPERLINK + "\\x1b[2J\\x1b[H"
    assert (row[5].data_type, row[5].quotePrefix) == ("s", True)
    if lang == "en":  # the hostile name_en
        assert (row[1].value, row[1].data_type, row[1].quotePrefix) == (
            '=HYPERLINK("http://x","GDP")',
            "s",
            True,
        )


def test_xlsx_template_writes_text_as_text_and_still_imports(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    out = workspace.with_name("june.xlsx")
    result = invoke("--plan", str(workspace), "template", str(out), "--period", "2022-06")
    assert result.exit_code == 0, result.output
    assert formulas(out) == []
    book = load_workbook(out)
    sheet = book["input"]
    header = [c.value for c in sheet[1]]
    gdp = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "gdp")
    name = gdp[header.index("name")]
    assert (name.value, name.data_type, name.quotePrefix) == (
        '=HYPERLINK("http://x","GDP")',
        "s",
        True,
    )
    assert gdp[header.index("last_value")].value == 5  # the figure in force: a number
    assert gdp[0].row == 2  # the plan's first target: keep only its row
    gdp[header.index("value")].value = -0.5
    sheet.delete_rows(3, sheet.max_row)
    book.save(out)
    result = invoke("--plan", str(workspace), "import", str(out))
    assert result.exit_code == 0, result.output
    record = json.loads(invoke("--plan", str(workspace), "history", "gdp", "--json").stdout)[
        "records"
    ][-1]
    assert (record["value"], record["period"]) == (-0.5, "2022-Q2")


@pytest.mark.parametrize("parts", [1, 2, 3, 7, 65_536])
def test_json_written_in_parts_is_the_document_byte_for_byte(parts: int) -> None:
    """`gap --json` writes its document in pieces (`dump_json_parts`): joined, they are
    `dump_json`'s text, escapes of terminal controls included, wherever the pieces break."""
    from decimal import Decimal

    from plancli.output import dump_json, dump_json_parts

    document = {
        "name": "规划\u202e目标\x9b31m",
        "rows": [{"id": f"t{i}", "value": Decimal("5.20"), "note": None} for i in range(5)],
        "empty": [],
        "flag": True,
    }
    pieces = list(dump_json_parts(document, parts))
    assert "".join(pieces) == dump_json(document)
    assert "\\u202e" in "".join(pieces) and "\\u009b" in "".join(pieces)
    assert len(pieces) > 1 or parts == 65_536


# Every invisible format character (Unicode category Cf), in this Python's Unicode database.
FORMAT_CHARACTERS = [
    c for c in range(0x110000) if __import__("unicodedata").category(chr(c)) == "Cf"
]


def test_every_invisible_format_character_is_shown() -> None:
    """Zero-width characters (U+200B–U+200D, U+2060–U+2064, U+FEFF…) make `统计\u200b局` look
    like `统计局` (audit 3, D7): every Cf character is shown as its escape, as controls are."""
    assert visible("统计\u200b局") == "统计\\u200b局"
    assert visible("\ufeffa\u2060b\u200d") == "\\ufeffa\\u2060b\\u200d"
    assert visible("a\U000e0041b") == "a\\U000e0041b"  # a tag character: \U and eight digits
    for code in FORMAT_CHARACTERS:
        shown = visible(f"a{chr(code)}b")
        assert shown.isascii() or shown.isprintable(), hex(code)
        assert visible(shown) == shown, hex(code)


def test_json_escapes_format_characters_and_reads_back_exactly() -> None:
    original = {"owner": "统计\u200b局\ufeff\U000e0041"}
    document = json_text(json.dumps(original, ensure_ascii=False))
    assert "\u200b" not in document and "\U000e0041" not in document
    assert json.loads(document) == original
