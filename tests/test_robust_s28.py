"""Session 28's hostile-input defects left open by the fuzzing audit: a folder as the ledger
(exit 2 for every command and store, as a folder as the plan), a figure or time of the wrong
type in a TOML plan or ledger (refused, not read as 7 or as 1970), and the report readers."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize("suffix", [".progress.toml", ".progress.sqlite", ".db", ""])
@pytest.mark.parametrize(
    "command",
    [["status"], ["history"], ["gap"], ["record", "gdp", "5", "-p", "2022-Q2"], ["undo"]],
    ids=lambda c: c[0],
)
def test_a_folder_as_the_ledger_is_a_usage_error_for_every_command(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path, suffix: str, command: list[str]
) -> None:
    """`--ledger DIR` exited 3 (an invalid ledger file) for the readers and 2 for the
    writers; a folder is a path error, exit 2, as the docs say (security-files.md: folders
    refused), whatever the store its name picks."""
    folder = mini_plan.parent / f"figures{suffix}"
    folder.mkdir()
    result = invoke("--plan", str(mini_plan), "--ledger", str(folder), *command)
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith("error: ")
    assert "is a folder" in result.stderr
    assert result.stderr.count("\n") == 1
    assert list(folder.iterdir()) == []  # nothing written into it


_RECORD = """version = 1

[[records]]
target = "gdp"
period = "2022-Q2"
value = {value}
recorded_at = {recorded_at}
batch = "20220705T083000Z-aaaaaa"
"""


@pytest.mark.parametrize(
    ("value", "recorded_at", "expected"),
    [
        ("5.2", "1", "recorded_at: 1 is a number, not a date and time (2022-07-05T08:30:00Z)"),
        ("5.2", "1.5", "recorded_at: 1.5 is a number, not a date and time"),
        (
            '"5.2"',
            "2022-07-05T08:30:00Z",
            "value: '5.2' is text, not a number: write the figure without quotes: 5.2",
        ),
        ('"1e1"', "2022-07-05T08:30:00Z", "value: '1e1' is text, not a number"),
    ],
)
def test_a_toml_ledger_figure_or_time_of_another_type_is_refused(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path, value: str, recorded_at: str, expected: str
) -> None:
    """`recorded_at = 1` was read as 1970-01-01T00:00:01Z and `value = "5.2"` as 5.2, both
    silently (pydantic's lax mode): an invalid ledger, exit 3, naming file, line, record and
    value; the ledger is left as it was."""
    ledger = mini_plan.parent / "mini.progress.toml"
    text = _RECORD.format(value=value, recorded_at=recorded_at)
    ledger.write_text(text, encoding="utf-8")
    for command in (["status"], ["history"], ["record", "gdp", "6", "-p", "2022-Q3"]):
        result = invoke("--plan", str(mini_plan), *command)
        assert result.exit_code == 3, (command, result.stdout)
        line = 7 if expected.startswith("recorded_at") else 6  # the key's line, not [[records]]'s
        assert result.stderr.startswith(f"error: {ledger}:{line}: record 1 (gdp 2022-Q2): ")
        assert expected in result.stderr
        assert result.stderr.count("\n") == 1
    assert ledger.read_text(encoding="utf-8") == text


def test_a_toml_ledger_amendment_time_as_a_number_is_refused(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path
) -> None:
    ledger = mini_plan.parent / "mini.progress.toml"
    ledger.write_text(
        'version = 1\n\n[[amendments]]\ntarget = "gdp"\nperiod = "2022-06"\nmin = 6\n'
        'recorded_at = 20220705\nbatch = "20220705T083000Z-aaaaaa"\n',
        encoding="utf-8",
    )
    result = invoke("--plan", str(mini_plan), "status")
    assert result.exit_code == 3
    assert "recorded_at: 20220705 is a number, not a date and time" in result.stderr


def test_the_ledger_forms_documented_are_still_read(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path
) -> None:
    """Integers and decimals as figures, a time with its offset: read as before."""
    ledger = mini_plan.parent / "mini.progress.toml"
    ledger.write_text(
        _RECORD.format(value="5", recorded_at="2022-07-05T16:30:00+08:00")
        + _RECORD.format(value="5.25", recorded_at="2022-07-06 08:30:00Z").replace(
            "version = 1\n", ""
        ),
        encoding="utf-8",
    )
    result = invoke("--plan", str(mini_plan), "history", "--csv")
    assert result.exit_code == 0, result.stderr
    assert "2022-07-05T08:30:00Z" in result.stdout
    assert ",5.25," in result.stdout


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ('min = "7"', "min: '7' is text, not a number: write the figure without quotes: 7"),
        (
            'min = " 7.5 "',
            "min: ' 7.5 ' is text, not a number: write the figure without quotes: 7.5",
        ),
        ('min = "1e1"', "min: '1e1' is text, not a number: write a figure without quotes"),
        # text that is no figure keeps pydantic's words and the figure meant (audit of s27)
        (
            'min = "7%"',
            "min: Input should be a valid decimal: '7%' is text with its unit; the unit goes "
            "in unit, the figure is written bare: min = 7",
        ),
    ],
)
def test_a_plan_figure_written_as_text_is_refused(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path, written: str, expected: str
) -> None:
    """`min = "7"` was read as the figure 7 silently; a figure is a number in the plan file
    (docs/formats.md), so it is refused like `min = "5%"`: exit 3, file, line, target, value."""
    text = mini_plan.read_text(encoding="utf-8")
    assert text.count("\nmin = 7\n") == 1
    mini_plan.write_text(text.replace("\nmin = 7\n", f"\n{written}\n"), encoding="utf-8")
    line = text[: text.index("\nmin = 7\n")].count("\n") + 2
    result = invoke("--plan", str(mini_plan), "validate")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"error: {mini_plan}: line {line}: target gdp: {expected}")


REPO = Path(__file__).parents[1]
SEED = REPO.parent / "shared" / "seed" / "000_00f01ebf3f7ca338.txt"
needs_seed = pytest.mark.skipif(not SEED.exists(), reason="the seed report is not here")


def _seed_variants() -> dict[str, bytes]:
    """The seed's bytes as copies reach a user: cut inside a character, old Mac line ends,
    with a BOM, GB18030, UTF-16, and files that are no report."""
    data = SEED.read_bytes().replace(b"\r\n", b"\n")
    cut = len(data) - 1
    while data[cut] < 0x80 or data[cut] & 0xC0 == 0x80:  # the last character's lead byte
        cut -= 1
    text = data.decode("utf-8")
    return {
        "cut-1-byte": data[: cut + 1],
        "cut-2-bytes": data[: cut + 2],
        "cr-only": data.replace(b"\n", b"\r"),
        "crlf": data.replace(b"\n", b"\r\n"),
        "bom-cut": b"\xef\xbb\xbf" + data[: cut + 2],
        "gb18030-cr": text.replace("\n", "\r").encode("gb18030"),
        "utf16-cr": text.replace("\n", "\r").encode("utf-16"),
        "empty": b" \n",
        "binary": b"\x00\x01" + data[:200],
    }


@needs_seed
def test_validate_source_reads_a_report_as_extract_does(tmp_path: Path) -> None:
    """`validate --source` had a reader of its own beside extract's: an empty or binary file
    passed it (exit 3, `80 of 80 quotes are not in …`) where extract says what it is, and
    any change to one reader (a cut character, a line end) could leave the other behind. Now
    both decode through `extract.text.report_document`: the same text, or the same error."""
    from plancli.errors import InputError
    from plancli.extract.text import read_report
    from plancli.safe import readable
    from plancli.source_checks import read_report as source_text

    for label, data in _seed_variants().items():
        path = tmp_path / f"{label}.txt"
        path.write_bytes(data)
        try:
            extracted: str | None = read_report(data, f"--source {path}")[0]
        except InputError as exc:
            extracted, refused = None, str(exc)
        if extracted is None:
            with pytest.raises(InputError) as caught:
                source_text(path)
            assert str(caught.value) == refused, label
        else:
            assert readable(source_text(path)) == extracted, label
            assert "\r" not in extracted.replace("\r\n", ""), label  # every line end a line end
            assert extracted.count("\n") >= 100, label  # lines, not one huge line


@needs_seed
@pytest.mark.parametrize("label", ["empty", "binary"])
def test_validate_source_refuses_what_is_no_report(  # type: ignore[no-untyped-def]
    invoke, label: str, tmp_path: Path
) -> None:
    source = tmp_path / "report.txt"
    source.write_bytes(_seed_variants()[label])
    result = invoke(
        "--plan", str(REPO / "data" / "plan2022.toml"), "validate", "--source", str(source)
    )
    assert result.exit_code == 2  # an input error, as `extract` says it; not exit 3
    expected = "is empty" if label == "empty" else "is a binary file, not a report's text"
    assert result.stderr == f"error: --source {source} {expected}\n"


@needs_seed
def test_extract_reads_an_old_mac_report_as_lines(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A report with a carriage return alone at each line end (Mac OS 9, some exports) was
    one huge line: the seed's headline drafted 6 of 7, 95 % of all targets. Now as its LF
    copy: every target, every one exact."""
    import json

    report = tmp_path / "report.txt"
    report.write_bytes(_seed_variants()["cr-only"])
    gold = REPO / "data" / "plan2022.toml"
    result = invoke("extract", str(report), "--compare", str(gold), "--json")
    assert result.exit_code == 0, result.stderr
    compared = json.loads(result.stdout)
    assert compared["groups"]["headline"] == {
        "gold": 7,
        "found": 7,
        "matched": 7,
        "recall": 1.0,
        "precision": 1.0,
        "exact": 7,
        "exact_share": 1.0,
    }
    assert (compared["total"]["found"], compared["total"]["exact"]) == (80, 80)
    assert compared["quotes_verbatim"] == compared["quotes"] == 80


_BULLETIN = "指标,期间,数值,备注\n地区生产总值,2022-Q2,5.1,统计局快报\n{name},2022-06,3.2,财政局\n"


@pytest.mark.parametrize(
    ("label", "encode", "encoding"),
    [
        ("UTF-8 BOM + UTF-8", lambda t: b"\xef\xbb\xbf" + t.encode(), "UTF-8 with BOM"),
        ("GB18030", lambda t: t.encode("gb18030"), "GB18030"),
        ("GB18030's own BOM + GB18030", lambda t: ("\ufeff" + t).encode("gb18030"), "GB18030"),
        ("UTF-8 BOM + GB18030", lambda t: b"\xef\xbb\xbf" + t.encode("gb18030"), "GB18030"),
    ],
    ids=["utf8-bom", "gb18030", "gb18030-bom", "utf8-bom-gb18030"],
)
@pytest.mark.parametrize("header", ["zh", "en"])
def test_a_chinese_csv_is_read_whatever_its_mark(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path, tmp_path: Path, label: str, encode, encoding: str, header: str
) -> None:
    """A GBK CSV (Excel's "CSV (逗号分隔)" on a Chinese Windows) that a tool had marked with
    UTF-8's byte-order mark was refused as `not UTF-8 text`, or, its header ASCII, read as
    GB18030 mark and all: `unknown column(s) '锘縯arget'`. The mark is dropped and the text
    read as GB18030, as the same file without the mark is."""
    import json

    text = _BULLETIN.format(name="增加值")
    if header == "en":
        text = text.replace("指标,期间,数值,备注", "target,period,value,note")
        text = text.replace("地区生产总值", "gdp").replace("增加值", "g5")
    else:
        text = text.replace("增加值", "g5")
    path = tmp_path / "figures.csv"
    path.write_bytes(encode(text))
    result = invoke("--plan", str(mini_plan), "import", str(path), "--dry-run", "--json")
    assert result.exit_code == 0, (label, result.stderr)
    out = json.loads(result.stdout)
    assert out["encoding"] == encoding
    assert [(r["target"], r["value"], r["note"]) for r in out["records"]] == [
        ("gdp", 5.1, "统计局快报"),
        ("g5", 3.2, "财政局"),
    ]


def _edited_sqlite(invoke, mini_plan: Path, statement: str) -> Path:  # type: ignore[no-untyped-def]
    import sqlite3
    from contextlib import closing

    ledger = mini_plan.parent / "mini.progress.sqlite"
    assert (
        invoke(
            "--plan",
            str(mini_plan),
            "--ledger",
            str(ledger),
            "record",
            "gdp",
            "5",
            "-p",
            "2022-Q2",
            "--note",
            "统计局",
        ).exit_code
        == 0
    )
    assert (
        invoke(
            "--plan",
            str(mini_plan),
            "--ledger",
            str(ledger),
            "amend",
            "gdp",
            "--min",
            "6",
            "--from",
            "2022-06",
        ).exit_code
        == 0
    )
    with closing(sqlite3.connect(ledger)) as db:
        db.execute(statement)
        db.commit()
    return ledger


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        (
            "UPDATE records SET note = CAST(x'61ff62' AS TEXT)",
            "record seq 1 (gdp 2022-Q2): note: b'a\\xffb' is not UTF-8 text",
        ),
        (
            "UPDATE records SET batch = CAST(x'1b5b324aff' AS TEXT)",
            "record seq 1 (gdp 2022-Q2): batch: b'\\x1b[2J\\xff' is not UTF-8 text",
        ),
        (
            "UPDATE amendments SET min = CAST(x'36ff' AS TEXT)",
            "amendment seq 1 (gdp 2022-06): min: b'6\\xff' is not UTF-8 text",
        ),
        ("UPDATE records SET target = CAST(x'ff' AS TEXT)", "record seq 1: target: b'\\xff'"),
    ],
    ids=["note", "batch", "amendment-min", "target"],
)
@pytest.mark.parametrize(
    "command",
    [["history"], ["history", "--json"], ["undo", "--dry-run"], ["show", "gdp"]],
    ids=" ".join,
)
def test_a_hand_edited_sqlite_row_not_utf8_is_named(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path, statement: str, expected: str, command: list[str]
) -> None:
    """A SQLite ledger edited by hand with bytes that are no UTF-8 was refused as SQLite
    says it: `unreadable SQLite ledger: Could not decode to UTF-8 column 'note' with text
    'a�b'`, no row, the bytes lost to U+FFFD. Now the row, its target and period, the
    column and its bytes, as every other bad row is named; exit 3, nothing changed."""
    ledger = _edited_sqlite(invoke, mini_plan, statement)
    before = ledger.read_bytes()
    result = invoke("--plan", str(mini_plan), "--ledger", str(ledger), *command)
    assert result.exit_code == 3
    assert result.stderr.startswith(f"error: {ledger}: {expected}")
    assert result.stderr.count("\n") == 1 and "\x1b" not in result.stderr
    assert ledger.read_bytes() == before


@pytest.mark.parametrize("suffix", [".progress.sqlite", ".progress.toml"])
def test_a_lone_surrogate_is_never_stored(tmp_path: Path, suffix: str) -> None:
    """Every way in refuses a byte that was not UTF-8 before a write (`texts.text_problem`:
    arguments, JSON's `\\udcff`, notes); a record that still carried one reached the store
    as an internal error (UnicodeEncodeError, exit 70). The store refuses it, exit 2, and
    nothing is written: the ledger keeps what it had."""
    from datetime import UTC, datetime
    from decimal import Decimal

    from plancli.errors import InputError
    from plancli.locations import location_of
    from plancli.model import Record
    from plancli.stores import open_store, read_records

    path = tmp_path / f"l{suffix}"
    store = open_store(location_of(path))
    at = datetime(2022, 7, 5, 8, 30, tzinfo=UTC)
    good = Record(target="gdp", period="2022-Q2", value=Decimal(5), recorded_at=at, batch="b1")
    with store.transaction() as session:
        session.append([good])
    before = path.read_bytes()
    bad = good.model_copy(update={"period": "2022-Q3", "note": "bad\udcffname.csv"})
    with pytest.raises(InputError) as caught, store.transaction() as session:
        session.append([bad])
    what = "note"  # both stores name the field (SQLite said "a text to record" before)
    assert str(caught.value) == (
        f"{path}: nothing written: {what} is not UTF-8 text: byte 0xff at character 4; set "
        "the terminal or script to UTF-8"
    )
    assert path.read_bytes() == before
    assert read_records(path) == [good]


@pytest.mark.parametrize(
    "command",
    [["status"], ["history"], ["show", "gdp"], ["record", "gdp", "6", "-p", "2022-Q3"]],
    ids=lambda c: c[0],
)
def test_a_sqlite_schema_damaged_with_bytes_not_utf8_is_an_invalid_ledger(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path, command: list[str]
) -> None:
    """Found by this session's fuzzing: one byte of the schema's SQL changed (`NOT NULL
    CHECK` → `NOT NULL\\x84CHECK`) made SQLite's `malformed database schema` message quote a
    byte that is no UTF-8, which Python's sqlite3 raises as a UnicodeDecodeError: exit 70,
    `internal error`. Now the invalid ledger it is, exit 3, its bytes escaped, nothing
    written."""
    ledger = mini_plan.parent / "mini.progress.sqlite"
    assert (
        invoke(
            "--plan", str(mini_plan), "--ledger", str(ledger), "record", "gdp", "5", "-p", "2022-Q2"
        ).exit_code
        == 0
    )
    data = ledger.read_bytes()
    assert b"NOT NULL CHECK" in data
    ledger.write_bytes(data.replace(b"NOT NULL CHECK", b"NOT NULL\x84CHECK", 1))
    before = ledger.read_bytes()
    result = invoke("--plan", str(mini_plan), "--ledger", str(ledger), *command)
    assert result.exit_code == 3, result.stderr
    assert result.stderr.startswith(
        f"error: {ledger}: unreadable SQLite ledger: malformed database schema ("
    )
    assert result.stderr.endswith(' - near "NULL\\x84CHECK": syntax error\n')
    assert ledger.read_bytes() == before


@pytest.mark.parametrize(
    ("label", "encode", "expected"),
    [
        (
            "utf8-bom-gb18030",
            lambda t: b"\xef\xbb\xbf" + t.encode("gb18030"),
            'GB18030 (GBK) text (Notepad\'s "ANSI"); plan and ledger files are UTF-8: save it '
            "with the encoding UTF-8",
        ),
        (
            "utf16",
            lambda t: t.encode("utf-16"),
            'UTF-16 text (Notepad\'s "Unicode"); plan and ledger files are UTF-8: save it with '
            "the encoding UTF-8",
        ),
        (
            "utf8-bom-bad-byte",
            lambda t: b"\xef\xbb\xbf" + b"# ok\n\xff" + t.encode(),
            "not UTF-8 text (invalid start byte at byte 8)",  # the file's byte, BOM counted
        ),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 20 else "",
)
def test_a_plan_in_another_encoding_is_named(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path, label: str, encode, expected: str
) -> None:
    """Found by this session's fuzzing: a plan saved as GB18030 behind a UTF-8 BOM (Notepad++)
    was `not UTF-8 text (invalid start byte at byte 2)`, and a UTF-16 one `… at byte 0`, where
    GB18030 without the mark is named; and a byte's offset did not count the BOM."""
    text = mini_plan.read_text(encoding="utf-8")
    mini_plan.write_bytes(encode(text))
    for command in (["validate"], ["status"]):
        result = invoke("--plan", str(mini_plan), *command)
        assert result.exit_code == 3
        assert result.stderr == f"error: {mini_plan}: {expected}\n", label


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "\nyear = 2022\n",
            '\nyear = "2022"\n',
            "plan.year: Input should be a valid integer: '2022' is text; write the figure "
            "without quotes: 2022",
        ),
        (
            "\nmin = 7\n",
            '\nmin = 7\nexclusive = "yes"\n',
            "exclusive: Input should be a valid boolean",
        ),
        ("\nmin = 7\n", "\nmin = 7\nexclusive = 1\n", "exclusive: Input should be a valid boolean"),
    ],
    ids=["year-text", "bool-text", "bool-number"],
)
def test_a_plan_whole_number_or_flag_of_another_type_is_refused(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path, old: str, new: str, expected: str
) -> None:
    """Pydantic's lax mode read `year = "2022"` as 2022 and `exclusive = "yes"` or `= 1` as
    true, silently: the plan file is validated in strict mode (its figures, integers or
    decimals in TOML, taken as decimals), so each is an error naming line and value."""
    text = mini_plan.read_text(encoding="utf-8")
    assert text.count(old) == 1
    mini_plan.write_text(text.replace(old, new), encoding="utf-8")
    result = invoke("--plan", str(mini_plan), "validate")
    assert result.exit_code == 3
    assert expected in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_utf16_json_import_is_told_to_save_as_utf8(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path, tmp_path: Path
) -> None:
    """A JSON file in UTF-16 was told of Excel's "Unicode Text" and a sheet to save as CSV."""
    path = tmp_path / "figures.json"
    path.write_bytes('[{"target": "gdp", "period": "2022-Q2", "value": 5}]'.encode("utf-16"))
    result = invoke("--plan", str(mini_plan), "import", str(path), "--dry-run")
    assert result.exit_code == 2
    assert result.stderr == f"error: {path}: UTF-16 text; JSON is read as UTF-8: save it as UTF-8\n"
