"""A property-based harness of hostile input files (issue 14, item 10).

Hypothesis builds CSV, JSON, JSON Lines and .xlsx files (zip archives of XML, crafted here with
zipfile) and plan files, from rows that are often valid and text that is often not: control
characters, quotes, separators, markup, surrogates, huge numbers, deep nesting, files cut short
or with bytes spliced in. The real command runs on each, and whatever it decides:
- the exit code is 0, 2 or 3 (1 is `gap --fail-on`'s, 70 an internal error: both fail here);
- nothing prints a traceback;
- a refused import leaves the ledger byte for byte as it was;
- an accepted import records exactly what the file said, read by an independent reader
  (the csv and json modules, or the cells as they were written).

30 examples a property keep the suite fast; `HOSTILE_EXAMPLES=1000` runs a longer hunt.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from hostile import (
    PERIODS,
    TARGETS,
    Raw,
    Sheet,
    billion_laughs,
    hostile_csv,
    import_rows,
    nasty_text,
    workbook,
)
from plancli.cli import app
from plancli.model import Record
from plancli.periods import parse_period
from plancli.stores import read_records
from strategies import finite_decimals

FIXTURES = Path(__file__).parent / "fixtures"
HARNESS = settings(
    max_examples=int(os.environ.get("HOSTILE_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def workspace() -> Iterator[Path]:
    """A plan and a ledger holding one figure, shared by the examples of one property (an
    accepted import adds to it; every check compares the ledger before and after a run)."""
    folder = Path(tempfile.mkdtemp(prefix="plancli-hostile-"))
    shutil.copyfile(FIXTURES / "mini.toml", folder / "mini.toml")
    result = run(folder, "record", "g5", "120", "--period", "2022-05", "--note", "起点")
    assert result.exit_code == 0, result.output
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def run(folder: Path, *args: str, input: bytes | None = None):  # type: ignore[no-untyped-def]
    ledger = folder / "mini.progress.toml"
    return CliRunner().invoke(
        app, ["--plan", str(folder / "mini.toml"), "--ledger", str(ledger), *args], input=input
    )


def check_import(folder: Path, name: str, data: bytes, events: bool = True) -> list[Record]:
    """Import `data`; assert the harness's rules; the records the import added."""
    path = folder / name
    path.write_bytes(data)
    ledger = folder / "mini.progress.toml"
    before_bytes = ledger.read_bytes()
    before = read_records(ledger)
    result = run(folder, "import", str(path))
    if events:  # hypothesis's statistics: how many examples were accepted
        event(f"exit {result.exit_code}")
    assert result.exit_code in (0, 2, 3), (result.exit_code, result.output)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if result.exit_code != 0:
        assert ledger.read_bytes() == before_bytes, result.output
        assert result.stderr.startswith("error: "), result.stderr
        return []
    after = read_records(ledger)
    assert after[: len(before)] == before  # an import only appends
    if events:
        added = len(after) - len(before)
        event(f"records added: {'3 or more' if added >= 3 else added}")
    return after[len(before) :]


# Commas grouping thousands, which an import drops (docs/formats.md, "Numbers"): `1,441`,
# `1，234`, `1,234,567.89`; `4,8` and `12,3456` are refused.
GROUPED = re.compile(r"[+-]?\d{1,3}(?:[,，]\d{3})+(?:\.\d*)?")


def figure(said: object) -> Decimal:
    """A figure as the file gave it: a number, or text such as `5.2%`, `1e3`, `1,441` or
    `done`."""
    if isinstance(said, Decimal | int):
        return Decimal(said)
    text = str(said).strip()
    if text.lower() in ("done", "完成"):
        return Decimal(100)
    text = text.removesuffix("%").removesuffix("％").strip()
    if GROUPED.fullmatch(text):
        text = text.replace(",", "").replace("，", "")
    return Decimal(text)


def text_said(said: object) -> str | None:
    return None if said is None or str(said).strip() == "" else str(said).strip()


def canonical(period: object) -> str | None:
    try:
        return str(parse_period(str(period).strip()))
    except Exception:
        return None


def assert_recorded_as_said(added: list[Record], said: dict[tuple[str, str], dict]) -> None:  # type: ignore[type-arg]
    """Every record the import added is the row the file gave for its target and period."""
    for record in added:
        row = said[(record.target, record.period)]
        assert record.value == figure(row["value"]), (record, row)
        amount = row.get("amount")
        if amount is None or (isinstance(amount, str) and not amount.strip()):
            assert record.amount is None
        else:
            assert record.amount == figure(amount), (record, row)
        assert record.note == text_said(row.get("note")), (record, row)
        assert record.source == text_said(row.get("source")), (record, row)


# ------------------------------------------------------------------------------- CSV


def csv_said(data: bytes) -> dict[tuple[str, str], dict]:  # type: ignore[type-arg]
    """The rows of an accepted CSV file as the csv module reads it."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:  # what is not UTF-8 is read as GB18030 (formats.md)
        text = data.decode("gb18030")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    first = next(reader)
    for _above in range(4):  # a title or blank line above the header is read past (formats.md)
        if sum(1 for cell in first if cell.strip()) > 1:
            break
        first = next(reader)
    header = [cell.strip().lower() for cell in first]
    said: dict[tuple[str, str], dict] = {}  # type: ignore[type-arg]
    above = ""
    for cells in reader:
        row = dict(zip(header, cells, strict=False))
        period = canonical(row.get("period", ""))
        target = row.get("target", "").strip()
        if period is not None and target:
            said[(target, period)] = row
        elif period is not None and above:  # a name written once over its rows takes the
            said.setdefault((above, period), row)  # one above (names_above, formats.md)
        above = target or above
    return said


@HARNESS
@given(file=hostile_csv())
def test_hostile_csv(workspace: Path, file: tuple[bytes, object]) -> None:
    data, _ = file
    added = check_import(workspace, "in.csv", data)
    if added:
        assert_recorded_as_said(added, csv_said(data))


# ------------------------------------------------------------------------------ JSON


# Made once, not at each draw (hostile.py: a strategy made anew is worked out anew).
_HOSTILE_ITEMS = st.sampled_from(
    [
        '{"target": "g5", "period": "2022-06", "value": ' + "9" * 4400 + "}",
        '{"target": "g5", "period": "2022-06", "value": 1e99999999999999999999}',
        '{"target": "g5", "period": "2022-06", "value": 1e-999999999}',
        '{"target": "g5", "a": ' + "[" * 3000 + "]" * 3000 + "}",
        '{"target": "g5", "period": "2022-06", "value": 1, "note": "\\udc80x"}',
        '{"target": "g5", "period": "2022-06", "value": 1, "value": 2}',
        '{"target": "g5", "period": "2022-06", "value": NaN}',
        '{"target": "g5", "period": "2022-06", "value": -Infinity}',
        '{"target": "g5", "period": "2022-06", "value": true}',
        "[]",
        '"text"',
    ]
)


@st.composite
def hostile_json(draw: st.DrawFn) -> bytes:
    """A JSON list or JSON Lines file of rows, numbers as numbers or as text, sometimes with
    a hostile item: thousands of digits, an exponent beyond Decimal, deep nesting, a lone
    surrogate, a key given twice; sometimes cut short."""
    rows = draw(import_rows)
    items = []
    for row in rows:
        item: dict[str, object] = dict(row)
        for key in ("value", "amount"):
            if key in item and draw(st.booleans()):
                try:
                    number = Decimal(str(item[key]))
                    if number.is_finite() and abs(number.adjusted()) < 20:
                        item[key] = number
                except InvalidOperation:
                    pass
        items.append(json.dumps(item, ensure_ascii=draw(st.booleans()), default=str))
    hostile = draw(st.none()) if draw(st.integers(0, 2)) else draw(_HOSTILE_ITEMS)
    if hostile is not None:
        items.insert(draw(st.integers(0, len(items))), hostile)
    lines = draw(st.booleans())
    text = "\n".join(items) + "\n" if lines else "[" + ",\n ".join(items) + "]"
    data = text.encode()
    if draw(st.integers(0, 5)) == 0:
        data = data[: draw(st.integers(0, len(data)))]
    return data


def json_said(data: bytes) -> dict[tuple[str, str], dict]:  # type: ignore[type-arg]
    text = data.decode("utf-8-sig")
    load = json.JSONDecoder(parse_float=Decimal, parse_int=Decimal).decode
    items = (
        load(text)
        if text.lstrip().startswith("[")
        # lines end at \n, \r\n and \r only, as the import reads them (docs/formats.md), not
        # at the other breaks str.splitlines knows: U+0085 in a string is part of its line
        else [load(line) for line in re.split(r"\r\n|\r|\n", text) if line.strip()]
    )
    said = {}
    for item in items:
        period = canonical(item["period"])
        if period is not None:
            said[(item["target"].strip(), period)] = item
    return said


@HARNESS
@given(data=hostile_json())
def test_hostile_json(workspace: Path, data: bytes) -> None:
    added = check_import(workspace, "in.json", data)
    if added:
        assert_recorded_as_said(added, json_said(data))


# ------------------------------------------------------------------------------ xlsx

_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Number formats and what each does to the number stored: shown as stored, or ×100.
FORMATS = ("General", '0.0"%"', "0.0%", "0.00\\%", "#,##0.0;(#,##0.0)")
SCALE = {1: 1, 2: 1, 3: 100, 4: 1, 5: 1}
# The decimals each shows: a typed number is read as its format shows it (security-input.md,
# guarantee 4: -0.502415 under 0.0 is -0.5), rounded half away from zero as Excel does.
PLACES = {2: 1, 3: 1, 4: 2, 5: 1}


def xml_text(text: str) -> str:
    """Text a cell can hold (XML has no NUL), as an XML parser gives it back (a CR is read
    as a line feed)."""
    return _XML_INVALID.sub("", text)


@st.composite
def hostile_xlsx(draw: st.DrawFn) -> tuple[bytes, dict[tuple[str, str], dict] | None]:  # type: ignore[type-arg]
    """(workbook, what each accepted row says) — None when damaged on purpose."""
    rows = draw(import_rows)
    strings: list[str] = []
    sheet = Sheet().row(1, "target", "period", "value", "amount", "note", "source")
    said: dict[tuple[str, str], dict] = {}  # type: ignore[type-arg]
    number = 2
    for row in rows:
        number += draw(st.integers(0, 2))  # empty rows between

        def cell(text: str) -> object:
            text = xml_text(text)
            if draw(st.booleans()):
                strings.append(text)
                return Raw(f'<c r="{{ref}}" t="s"><v>{len(strings) - 1}</v></c>')
            return text

        value_text = xml_text(row["value"]).strip()
        style = 0
        value_cell: object = cell(row["value"])
        shown = row["value"]
        try:
            as_number = Decimal(value_text)
            simple = as_number.is_finite() and len(as_number.as_tuple().digits) <= 6
        except InvalidOperation:
            simple = False
        if simple and abs(as_number.adjusted()) < 8 and draw(st.booleans()):
            style = draw(st.integers(0, len(FORMATS)))
            stored = as_number / SCALE.get(style, 1)
            value_cell = Raw(f'<c r="{{ref}}" s="{style}"><v>{stored}</v></c>')
            places = PLACES.get(style)
            exact = Decimal(1).scaleb(-places) if places is not None else None
            shown = str(as_number if exact is None else as_number.quantize(exact, ROUND_HALF_UP))
        cells = [
            cell(row["target"]),
            cell(row["period"]),
            value_cell,
            cell(row.get("amount", "")),
            cell(row.get("note", "")),
            cell(row.get("source", "")),
        ]
        sheet.row(number, *cells)
        period = canonical(xml_text(row["period"]).replace("\r", "\n"))
        if period is not None:
            said[(xml_text(row["target"]).replace("\r", "\n").strip(), period)] = {
                "value": shown,
                "amount": xml_text(row.get("amount", "")).replace("\r", "\n"),
                "note": xml_text(row.get("note", "")).replace("\r\n", "\n").replace("\r", "\n"),
                "source": xml_text(row.get("source", "")).replace("\r\n", "\n").replace("\r", "\n"),
            }
        number += 1
    if draw(st.booleans()):
        sheet.dimension = f"A1:F{draw(st.integers(1, number))}"  # rows past it are still read
    parts: dict[str, bytes | str] = {}
    damage = draw(
        st.sampled_from(
            ["none", "none", "none", "cut sheet", "string index", "INF", "laughs", "bytes"]
        )
    )
    if damage == "string index":
        sheet.row(number, Raw(f'<c r="{{ref}}" t="s"><v>{len(strings) + 5}</v></c>'))
    elif damage == "INF":
        sheet.row(number, "g5", "2022-06", Raw('<c r="{ref}"><v>INF</v></c>'))
    elif damage == "laughs":
        parts["xl/sharedStrings.xml"] = billion_laughs()
    elif damage == "cut sheet":
        xml = sheet.xml()
        parts["xl/worksheets/sheet1.xml"] = xml[: draw(st.integers(0, len(xml) - 1))]
    data = workbook(sheet, strings=strings, formats=FORMATS, parts=parts)
    if damage == "bytes":
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at + 8 :]
    # Bytes spliced into a part the import does not read ([Content_Types].xml) leave a
    # workbook that reads; into one it reads, a CRC or XML error. Either way, what is read is
    # what the cells said.
    return data, (said if damage in ("none", "bytes") else None)


@HARNESS
@given(file=hostile_xlsx())
def test_hostile_xlsx(workspace: Path, file: tuple[bytes, dict | None]) -> None:  # type: ignore[type-arg]
    data, said = file
    added = check_import(workspace, "in.xlsx", data)
    if added:
        assert said is not None  # a workbook damaged where it is read is never accepted
        assert_recorded_as_said(added, said)


# ------------------------------------------------------------------------------ plans

_PLAN = (FIXTURES / "mini.toml").read_text(encoding="utf-8")
_NUMBER_LINES = [m.start(1) for m in re.finditer(r"^(?:min|max|year) = (.+)$", _PLAN, re.M)]
_TEXT_LINES = [
    m.start(1) for m in re.finditer(r"^(?:name|name_en|unit|quote) = (.+)$", _PLAN, re.M)
]
HOSTILE_TOML_VALUES = (
    "1e999999999",
    "-1e999999999",
    "1e-999999999",
    "1e9999999999999999999",
    "9" * 4400,
    "nan",
    "-inf",
    "0.12345678901234567890",
    '"\\u0000\\u001b[2J"',
    '"\\ud800"',
    '"' + "长" * 40_000 + '"',
    "[" * 500 + "]" * 500,
    "{ a = 1 }",
    "true",
    "2022-06-01",
    '"""multi\nline"""',
    "0x7fffffffffffffff",
    '"=HYPERLINK(\\"http://x\\")"',
)


def _toml_string(text: str) -> str:
    """A TOML basic string of `text` (JSON's escapes are TOML's, but for \\u007f)."""
    return json.dumps(text).replace("\x7f", "\\u007f")


# Made once, not at each draw (hostile.py).
_PLAN_TEXTS = st.one_of(nasty_text.map(_toml_string), st.sampled_from(HOSTILE_TOML_VALUES))
_PLAN_NUMBERS = st.one_of(
    finite_decimals.map(str),
    st.integers(-(10**6), 10**6).map(str),
    st.sampled_from(HOSTILE_TOML_VALUES),
)


@st.composite
def hostile_plans(draw: st.DrawFn) -> bytes:
    text = _PLAN
    # Edits from the end of the file backwards, so the offsets stay right.
    lines = draw(st.lists(st.sampled_from(_NUMBER_LINES + _TEXT_LINES), max_size=3, unique=True))
    for start in sorted(lines, reverse=True):
        end = text.find("\n", start)
        # any text, as a TOML string, where names are: names may hold anything
        value = draw(_PLAN_TEXTS if start in _TEXT_LINES else _PLAN_NUMBERS)
        text = text[:start] + value + text[end:]
    data = text.encode("utf-8", "surrogatepass")
    damage = draw(st.sampled_from(["none"] * 4 + ["cut", "bytes", "twice"]))
    if damage == "cut":
        data = data[: draw(st.integers(0, len(data)))]
    elif damage == "bytes":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]
    elif damage == "twice":
        block = _PLAN[_PLAN.index("[[targets]]") : _PLAN.index("[[targets]]", 400)]
        data += ("\n" + block).encode()
    return data


@HARNESS
@given(data=hostile_plans(), command=st.sampled_from([["targets"], ["validate"], ["gap"]]))
def test_hostile_plans(workspace: Path, data: bytes, command: list[str]) -> None:
    plan = workspace / "hostile.toml"
    plan.write_bytes(data)
    result = CliRunner().invoke(
        app, ["--plan", str(plan), "--ledger", str(workspace / "other.toml"), *command]
    )
    event(f"exit {result.exit_code}")
    assert result.exit_code in (0, 2, 3), (result.exit_code, result.output)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if result.exit_code == 3:
        assert result.stderr.startswith(f"error: {plan}"), result.stderr


def test_the_harness_sees_rows_a_valid_file_gives(workspace: Path) -> None:
    """The oracle itself: a plain file is accepted and read back as it was written."""
    data = (
        "target,period,value,amount,note\n"
        'gdp,2022-Q2,5.2%,700,"两行\n备注"\n'
        "centre,2022-06,done,,\n"
    ).encode()
    added = check_import(workspace, "plain.csv", data, events=False)
    assert [(r.target, r.period, r.value) for r in added] == [
        ("gdp", "2022-Q2", Decimal("5.2")),
        ("centre", "2022-06", Decimal(100)),
    ]
    assert_recorded_as_said(added, csv_said(data))
    assert set(TARGETS) >= {r.target for r in added} and "2022-06" in PERIODS


@pytest.mark.parametrize("kind", ["plan", "ledger"])
def test_an_integer_field_with_a_huge_exponent_is_refused_at_once(
    tmp_path: Path, kind: str
) -> None:
    """Found by the harness above under xdist: `year = 2022e99999999` is valid TOML and a
    valid Decimal, and Pydantic's integer check expanded it to 10^8 digits (a worker spun for
    ten minutes; `2022e9999999` took 13 s). Refused when the file is read, naming its line."""
    plan = tmp_path / "mini.toml"
    text = _PLAN.replace("\nyear = 2022\n", "\nyear = 2022e99999999\n", 1)
    ledger = tmp_path / "mini.progress.toml"
    if kind == "ledger":
        text = _PLAN
        ledger.write_text("version = 1e99999999\n", encoding="utf-8")
    plan.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["--plan", str(plan), "--ledger", str(ledger), "gap"])
    assert result.exit_code == 3, result.output
    broken = plan if kind == "plan" else ledger
    line = text.split("\n").index("year = 2022e99999999") + 1 if kind == "plan" else 1
    field = "year" if kind == "plan" else "version"
    assert result.stderr == (
        f"error: {broken}:{line}: invalid TOML: {field}: a whole number with an exponent "
        "beyond 1000\n"
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_zip_of_a_version_zipfile_cannot_read_is_refused_in_words(
    workspace: Path, lang: str
) -> None:
    """A central directory claiming zip version 6.4 (hypothesis found it): zipfile's
    NotImplementedError on opening was an internal error, exit 70; now exit 2, in words."""
    sheet = Sheet().row(1, "target", "period", "value").row(2, "g5", "2022-06", "130")
    data = bytearray(workbook(sheet))
    at = data.index(b"PK\x01\x02") + 6  # the first entry's "version needed to extract"
    data[at : at + 2] = (64).to_bytes(2, "little")
    (workspace / "in.xlsx").write_bytes(bytes(data))
    before = (workspace / "mini.progress.toml").read_bytes()
    result = run(workspace, "--lang", lang, "import", str(workspace / "in.xlsx"))
    assert result.exit_code == 2, result.output
    assert (workspace / "mini.progress.toml").read_bytes() == before
    said = {
        "en": "in.xlsx: not a readable .xlsx workbook: zip file version 6.4\n",
        "zh": "in.xlsx：无法读取的 .xlsx 工作簿：是 plancli 无法读取的一种 zip 压缩格式\n",
    }[lang]
    assert result.stderr.endswith(said), result.stderr
