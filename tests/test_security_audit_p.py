# ruff: noqa: E501
"""Audit P (session 25, security review): the defects it found against docs/security*.md, each
pinned with the audit's own inputs (/tmp/s25/auditP/REPORT.md)."""

from __future__ import annotations

import contextlib
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest


def one_line_refusal(result: Any, code: int, *words: str) -> None:
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: "), result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


# D2: `template LINK.csv --force` wrote a blank sheet through a link onto the ledger in use
# (every recorded figure lost) or onto the plan; `report -o` refused the same link.


@pytest.mark.parametrize("suffix", [".progress.toml", ".progress.sqlite"])
def test_template_through_a_link_to_the_ledger_in_use_is_refused(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
    suffix: str,
) -> None:
    ledger = mini_plan.with_name("mini" + suffix)
    args = ("--plan", str(mini_plan), "--ledger", str(ledger))
    assert invoke(*args, "record", "g5", "150", "-p", "2022-06").exit_code == 0
    before = ledger.read_bytes()
    alias = mini_plan.with_name("alias.csv")
    alias.symlink_to(ledger.name)
    result = invoke(*args, "template", "-p", "2022-06", str(alias), "--force")
    one_line_refusal(result, 2, "alias.csv is the ledger in use: a template would replace it")
    assert ledger.read_bytes() == before
    assert alias.is_symlink()
    # a hard link and a path through the parent folder name the same file
    hard = mini_plan.with_name("hard.csv")
    os.link(ledger, hard)
    result = invoke(*args, "template", "-p", "2022-06", str(hard), "--force")
    one_line_refusal(result, 2, "is the ledger in use")
    assert ledger.read_bytes() == before


def test_template_through_a_link_to_the_plan_or_another_ledger_is_refused(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
) -> None:
    other = mini_plan.with_name("other.progress.toml")
    args = ("--plan", str(mini_plan))
    assert (
        invoke(*args, "--ledger", str(other), "record", "g5", "1", "-p", "2022-06").exit_code == 0
    )
    plan_bytes, other_bytes = mini_plan.read_bytes(), other.read_bytes()
    (mini_plan.parent / "plalias.csv").symlink_to("mini.toml")
    (mini_plan.parent / "oalias.xlsx").symlink_to("other.progress.toml")
    result = invoke(
        *args, "template", "-p", "2022-06", str(mini_plan.parent / "plalias.csv"), "--force"
    )
    one_line_refusal(result, 2, "plalias.csv is the plan in use: a template would replace it")
    result = invoke(
        *args, "template", "-p", "2022-06", str(mini_plan.parent / "oalias.xlsx"), "--force"
    )
    one_line_refusal(result, 2, "oalias.xlsx is a ledger of recorded figures")
    assert mini_plan.read_bytes() == plan_bytes and other.read_bytes() == other_bytes
    # a filled-in sheet is still replaced with --force, as documented
    sheet = mini_plan.with_name("june.csv")
    sheet.write_text("target,period,value\ng5,2022-06,150\n", encoding="utf-8")
    assert invoke(*args, "template", "-p", "2022-06", str(sheet), "--force").exit_code == 0
    assert "150" not in sheet.read_text(encoding="utf-8-sig")


# D3: extract opened its REPORT without the regular-file and size checks (a FIFO hung it,
# /dev/zero ate 2.5 GB in 20 s, a 1 GB file was read whole), and `-` (extract, validate
# --source) read standard input whole before the 2,000,000-character limit: 12.7 GB.


def _child(*args: str, stdin: Any = subprocess.DEVNULL) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "plancli", *args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (1 << 31, 1 << 31)),
    )


def _finished(child: subprocess.Popen[bytes]) -> tuple[int, str]:
    try:
        _out, err = child.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        pytest.fail("still running after 60 s")
    return child.returncode, err.decode()


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "FIFO"])
def test_extract_refuses_a_report_that_is_no_regular_file(tmp_path: Path, device: str) -> None:
    if device == "FIFO":
        device = str(tmp_path / "ff.fifo")
        os.mkfifo(device)
    code, err = _finished(_child("extract", device))
    assert code == 2, err
    assert err.count("\n") == 1 and "the report text must be a regular file" in err, err
    code, err = _finished(_child("validate", "--source", device))
    assert code == 2 and "must be a regular file" in err, err


def test_extract_refuses_a_file_too_large_for_a_report_before_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as file:
        file.truncate(1 << 30)  # 1 GB of holes: read whole, 1 GB of memory and 10 s
    started = time.monotonic()
    for args in (["extract", str(big)], ["validate", "--source", str(big)]):
        code, err = _finished(_child(*args))
        assert code == 2, err
        assert "big.txt has 1,073,741,824 bytes, more than any report's text can take" in err
    assert time.monotonic() - started < 30


def test_extract_compare_names_a_fifo_as_one(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fifo = tmp_path / "gold.toml"
    os.mkfifo(fifo)
    report = tmp_path / "rep.txt"
    report.write_text("经济增长7%以上。" * 40, encoding="utf-8")
    result = invoke("extract", str(report), "--compare", str(fifo))
    one_line_refusal(result, 2, "named pipe (FIFO)")
    assert "no such file" not in result.stderr


@pytest.mark.parametrize("command", [["extract", "-"], ["validate", "--source", "-"]])
def test_an_endless_report_on_standard_input_is_cut_at_the_limit(command: list[str]) -> None:
    if command[0] == "validate":
        command = ["--plan", "guandu-2022", *command]
    child = _child(*command, stdin=subprocess.PIPE)
    line = "经济增长7%以上。\n".encode() * 4096
    assert child.stdin is not None

    def produce() -> None:  # `yes` that never ends: it stops when plancli closes the pipe
        with contextlib.suppress(OSError, ValueError):
            while child.poll() is None:
                child.stdin.write(line)  # type: ignore[union-attr]

    producer = threading.Thread(target=produce, daemon=True)
    producer.start()
    try:
        code = child.wait(timeout=60)
    except subprocess.TimeoutExpired:
        child.kill()
        pytest.fail("still reading standard input after 60 s")
    producer.join()
    assert child.stderr is not None
    err = child.stderr.read().decode()
    child.stdin.close()  # (the producer's end, broken)
    assert code == 2, err
    assert err == (
        "error: standard input: more than 8,388,608 bytes, more than any report's text "
        "(2,000,000 characters at most); give one report's text\n"
    )


# D4: the password masker was a regex that read connection strings differently from libpq:
# `alice:s3?cret@` (libpq's user part ends at `@` or `/`, not `?`), `?%70assword=` (libpq
# %-decodes query keywords) and `password=s3\ cret` (a backslash escape) printed the password.


@pytest.mark.parametrize(
    ("given", "shown", "secrets"),
    [
        ("postgresql://alice:s3?cret@127.0.0.1:1/plans", "postgresql://alice:***@127.0.0.1:1/plans", ["s3?cret"]),
        ("postgresql://alice@127.0.0.1:1/plans?%70assword=s3cret", "postgresql://alice@127.0.0.1:1/plans?%70assword=***", ["s3cret"]),
        ("postgresql://alice@h/plans?pass%77ord=s3%20cret&sslmode=require", "postgresql://alice@h/plans?pass%77ord=***&sslmode=require", ["s3 cret", "s3%20cret"]),
        ("host=127.0.0.1 port=1 password=s3\\ cret", "host=127.0.0.1 port=1 password=***", ["s3 cret", "s3\\ cret"]),
        ("host=h password='s3\\'cret' dbname=plans", "host=h password=*** dbname=plans", ["'s3\\'cret'", "s3'cret"]),
        # typed with an unencoded @ or /: libpq reads part of it as a host or a port
        ("postgresql://alice:s3@cret@127.0.0.1:1/plans", "postgresql://alice:***@127.0.0.1:1/plans", ["s3@cret", "cret", "s3"]),
        ("postgresql://alice:s3/cret@127.0.0.1:1/plans", "postgresql://alice:***@127.0.0.1:1/plans", ["s3/cret", "cret", "s3"]),
        ("postgresql://postgres@/plans?host=/tmp/pg&%70assword=s3?cret", "postgresql://postgres@/plans?host=/tmp/pg&%70assword=***", ["s3?cret"]),
    ],
)  # fmt: skip
def test_passwords_are_found_as_libpq_reads_the_string(
    given: str, shown: str, secrets: list[str]
) -> None:
    from plancli.locations import database_location, mask_password, passwords_in

    assert mask_password(given) == shown
    assert database_location(given).shown == shown
    assert sorted(passwords_in(given)) == sorted(secrets)


def test_libpq_reads_those_passwords_so() -> None:
    psycopg = pytest.importorskip("psycopg")
    read = psycopg.conninfo.conninfo_to_dict
    assert read("postgresql://alice:s3?cret@127.0.0.1:1/plans")["password"] == "s3?cret"
    assert read("postgresql://alice@127.0.0.1:1/plans?%70assword=s3cret")["password"] == "s3cret"
    assert read("host=127.0.0.1 port=1 password=s3\\ cret")["password"] == "s3 cret"


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://alice:s3?cret@127.0.0.1:1/plans",
        "postgresql://alice@127.0.0.1:1/plans?%70assword=s3?cret",
        "host=127.0.0.1 port=1 password=s3?\\ cret",
        "postgresql://alice:s3?@cret@127.0.0.1:1/plans",
    ],
)
def test_a_refused_connection_never_prints_the_password(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
    url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("psycopg")
    monkeypatch.setenv("PGCONNECT_TIMEOUT", "2")
    for command in (["status"], ["record", "g5", "1", "-p", "2022-06"]):
        result = invoke("--plan", str(mini_plan), "--ledger", url, *command)
        assert result.exit_code != 0
        assert "cannot connect to the ledger" in result.stderr or "error:" in result.stderr
        assert "s3?" not in result.stdout + result.stderr, result.stderr
        assert "cret" not in result.stdout + result.stderr, result.stderr


def test_a_password_with_a_question_mark_stays_masked_on_a_real_server(
    invoke,  # type: ignore[no-untyped-def]
    pg_ledgers: Any,
    mini_plan: Path,
) -> None:
    ledger = pg_ledgers.at(mini_plan.with_name("ledger"))
    # the test server trusts its socket: the password is sent, never needed
    url = ledger.url.replace("@/", ":s3?cret@/", 1)
    given = ledger.url + "&%70assword=s3?cret"
    for shown_url in (url, given):
        args = ("--plan", str(mini_plan), "--ledger", shown_url)
        recorded = invoke(*args, "record", "g5", "150", "-p", "2022-06")
        assert recorded.exit_code == 0, recorded.stderr
        status = invoke(*args, "status", "--json")
        assert status.exit_code == 0, status.stderr
        for output in (recorded.stderr, recorded.stdout, status.stdout, status.stderr):
            assert "cret" not in output, output
        assert '"ledger": "postgresql://' in status.stdout and "***" in status.stdout


# D1: an xlsx string's `_xHHHH_` escapes (ECMA-376 ST_Xstring: Excel writes a cell's CR as
# `_x000D_`, a literal `_x` as `_x005F_x`) were imported as written: every note Excel saved
# with a CRLF landed in the ledger as `…_x000D_…`.


def test_xlsx_strings_are_read_as_a_spreadsheet_shows_them(invoke, mini_plan: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    from hostile import Raw, Sheet, workbook

    strings = ["target", "period", "value", "note", "source", "g5", "2022-06"]
    strings += ["第一行_x000D_\n第二行", "lit_x005F_x0041_", "a_x001B_]0;XE_x0007_b"]
    strings += ["\U0001f600 as _xD83D__xDE00_, half _xD83D_ kept, _x00zz_ and _x41_ kept"]

    def shared(index: int) -> Raw:
        return Raw(f'<c r="{{ref}}" t="s"><v>{index}</v></c>')

    sheet = Sheet().row(1, *map(shared, range(5)))
    sheet.row(2, shared(5), shared(6), 150, shared(7), shared(8))
    sheet.row(3, "g5", "2022-05", 140, "in_x001B_line", shared(10))
    sheet.row(4, "g5", "2022-04", 130, shared(9), "x")
    path = mini_plan.with_name("escaped.xlsx")
    path.write_bytes(workbook(sheet, strings=strings, sheet_name="月报_x005F_x0031__x0032_"))
    result = invoke("--plan", str(mini_plan), "import", "-n", "--json", str(path))
    assert result.exit_code == 0, result.stderr
    records = {r["period"]: r for r in json.loads(result.stdout)["records"]}
    assert records["2022-06"]["note"] == "第一行\r\n第二行"
    assert records["2022-06"]["source"] == "lit_x0041_"
    assert records["2022-05"]["note"] == "in\x1bline"
    assert records["2022-05"]["source"] == (
        "\U0001f600 as \U0001f600, half _xD83D_ kept, _x00zz_ and _x41_ kept"
    )
    assert records["2022-04"]["note"] == "a\x1b]0;XE\x07b"
    assert "escaped.xlsx:月报_x0031_2:" in result.stderr  # the sheet name as Excel shows it
    # on the terminal the decoded controls are escaped, as every note's
    assert "\x1b" not in result.stderr


# D5: an owner (牵头单位) could still look exactly like another department: the
# Default_Ignorable_Code_Points outside category Cf, and a space at either end, were accepted.


@pytest.mark.parametrize(
    ("owner", "shown"),
    [
        ("统计局\u034f", "统计局\\u034f: a department's name with an invisible character"),
        ("统计\u3164局", "统计\\u3164局: a department's name with an invisible character"),
        ("统计\u115f局", "统计\\u115f局: a department's"),
        ("统计\u1160局", "统计\\u1160局: a department's"),
        ("统计\uffa0局", "统计\\uffa0局: a department's"),
        ("统计局\ufe0f", "统计局\\ufe0f: a department's"),
        ("统计局\U000e0100", "统计局\\U000e0100: a department's"),
        ("统计局\u180b", "统计局\\u180b: a department's"),
        ("统计局 ", "'统计局 ': a department's name with a space at its start or end"),
        (" 统计局", "' 统计局': a department's name with a space at its start or end"),
        ("统计\u3000局", "'统计\\u3000局': a department's name with a space"),
        ("统计\u00a0局", "'统计\\xa0局': a department's name with a space"),
    ],
)
def test_an_owner_that_prints_as_another_department_is_refused(
    invoke,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    owner: str,
    shown: str,
) -> None:
    text = (Path(__file__).parent / "fixtures" / "mini.toml").read_text(encoding="utf-8")
    plan = tmp_path / "plan.toml"
    line = 'frequency = "quarterly"'
    plan.write_text(text.replace(line, f'{line}\nowner = "{owner}"', 1), encoding="utf-8")
    result = invoke("--plan", str(plan), "validate")
    one_line_refusal(result, 3, "gdp", "owner", shown)
    assert owner.strip() not in result.stderr or owner.strip() == "统计局"


def test_an_inner_ascii_space_in_an_owner_is_a_name(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = (Path(__file__).parent / "fixtures" / "mini.toml").read_text(encoding="utf-8")
    plan = tmp_path / "plan.toml"
    line = 'frequency = "quarterly"'
    plan.write_text(text.replace(line, f'{line}\nowner = "NBS Office"', 1), encoding="utf-8")
    assert invoke("--plan", str(plan), "validate").exit_code == 0


def test_ledger_grant_refuses_a_department_that_prints_as_another(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
) -> None:
    result = invoke(
        "--plan", str(mini_plan), "--ledger", "postgresql://u@127.0.0.1:1/plans",
        "ledger", "grant", "统计局\u034f", "someone",
    )  # fmt: skip
    one_line_refusal(result, 2, "统计局\\u034f: a department's name with an invisible character")


# D6: the TOML ledger was written with raw C1 controls (the 8-bit CSI), bidi overrides,
# zero-width characters and U+2028 from notes and sources; extract's TOML writer escapes them.


def test_the_toml_ledger_escapes_what_extract_escapes(invoke, mini_plan: Path) -> None:  # type: ignore[no-untyped-def]
    import tomllib

    note = (
        '=HYPERLINK("http://e","x")\x1b]52;c;Y2FsYw==\x07\x1b]0;TITLE\x07\u202eevil\u200b<script>'
    )
    source = "@SUM(1)\x1b[2J\x9b2J\u2028src\U000e0041\ufeff"
    ledger = mini_plan.with_name("mini.progress.toml")
    result = invoke(
        "--plan", str(mini_plan), "record", "g5", "150", "-p", "2022-06",
        "--note", note, "--source", source,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    text = ledger.read_text(encoding="utf-8")
    for raw in ("\x1b", "\x07", "\x9b", "\u202e", "\u200b", "\u2028", "\U000e0041", "\ufeff"):
        assert raw not in text
    for escaped in ("\\u009b", "\\u202e", "\\u200b", "\\u2028", "\\U000e0041", "\\ufeff"):
        assert escaped in text
    record = tomllib.loads(text)["records"][0]
    assert (record["note"], record["source"]) == (note, source)  # read back identically
    history = invoke("--plan", str(mini_plan), "history", "g5", "--json")
    assert history.exit_code == 0 and "\\u202eevil" in history.stdout


# D7: long strings from a file were echoed in full: a 30,000-character period in an import row,
# a 100,000-character section, key or target id in a plan error (300 KB on the terminal).

_LONG = "封" * 100_000


def _mini_with(tmp_path: Path, old: str, new: str) -> Path:
    text = (Path(__file__).parent / "fixtures" / "mini.toml").read_text(encoding="utf-8")
    assert old in text
    plan = tmp_path / "long.toml"
    plan.write_text(text.replace(old, new, 1), encoding="utf-8")
    return plan


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        ('section = "headline"', f'section = "{_LONG}"', "unknown section '" + "封" * 60 + "'…(100,000 characters)"),
        ('frequency = "quarterly"', f'frequency = "quarterly"\n"{_LONG}" = 1', "封" * 60 + "…(100,000 characters): unknown key"),
        ('id = "gdp"', f'id = "{_LONG}"', "target " + "封" * 60 + "…(100,000 characters): id"),
    ],
    ids=["section", "key", "id"],
)  # fmt: skip
def test_a_plan_error_echoes_a_long_name_by_its_start(
    invoke,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    old: str,
    new: str,
    shown: str,
) -> None:
    result = invoke("--plan", str(_mini_with(tmp_path, old, new)), "targets")
    one_line_refusal(result, 3, shown)
    assert len(result.stderr) < 500


def test_a_long_period_is_echoed_by_its_start(invoke, mini_plan: Path) -> None:  # type: ignore[no-untyped-def]
    rows = mini_plan.with_name("long_p.csv")
    rows.write_text(f"target,period,value\ng5,{'封' * 30_000},150\n", encoding="utf-8")
    result = invoke("--plan", str(mini_plan), "import", "-n", str(rows))
    assert result.exit_code == 2, result.stderr
    assert "malformed period '" + "封" * 60 + "'…(30,000 characters): use YYYY-MM" in result.stderr
    assert len(result.stderr) < 1000
    result = invoke("--plan", str(mini_plan), "record", "g5", "1", "-p", "封" * 5000)
    one_line_refusal(result, 2, "'…(5,000 characters)")
    assert len(result.stderr) < 500


# D8: usage errors (a mistyped option or command, an extra argument) wrote the argument raw
# to stderr: ESC/OSC, BEL, C1 and RLO reached the terminal.


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["status", "--\x1b]0;PWN\x07\u202e\x9b2J"], "no such option: --\\x1b]0;PWN\\x07\\u202e\\x9b2J; see"),
        (["st\x1b]0;PWN\x07"], "no such command: st\\x1b]0;PWN\\x07"),
        (["undo", "a\u202eb"], "unexpected extra argument: a\\u202eb; see"),
    ],
    ids=["option", "command", "extra"],
)  # fmt: skip
def test_a_usage_error_escapes_the_argument_it_quotes(
    mini_plan: Path, args: list[str], shown: str
) -> None:
    # as `python -m plancli` runs (its entry point prints usage errors itself)
    code, err = _finished(_child("--plan", str(mini_plan), *args))
    assert code == 2 and err.count("\n") == 1 and shown in err, err
    for raw in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert raw not in err


# D9: import --json gave a workbook's sheet name in its escaped form, not the exact text.


def test_import_json_keeps_the_sheet_name_exact(invoke, mini_plan: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    from hostile import Sheet, workbook

    name = "\x9b2J\x85SHEET"
    sheet = Sheet().row(1, "target", "period", "value").row(2, "g5", "2022-06", 150)
    path = mini_plan.with_name("x2.xlsx")
    path.write_bytes(workbook(sheet, sheet_name=name))
    result = invoke("--plan", str(mini_plan), "import", "-n", "--json", str(path))
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["file"] == f"{path}:{name}"
    assert document["sheet"] == name
    assert "\\u009b2J\\u0085SHEET" in result.stdout  # the exact text, \u-escaped in JSON
    assert "x2.xlsx:\\x9b2J\\x85SHEET" in result.stderr  # escaped on the terminal
    csv = mini_plan.with_name("rows.csv")
    csv.write_text("target,period,value\ng5,2022-06,150\n", encoding="utf-8")
    result = invoke("--plan", str(mini_plan), "import", "-n", "--json", str(csv))
    assert json.loads(result.stdout)["sheet"] is None


# D10: JSON syntax errors ended in a dangling "at" (`invalid JSON: Invalid control character
# at`), not naming the character: a tab pasted into a note is the usual cause.


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('[{"target": "g5", "period": "2022-06", "value": 1, "note": "a\tb"}]', "1:62: invalid JSON: a control character (tab, U+0009) inside a text: write it as \\t\n"),
        ('[{"target": "g5", "period": "2022-06", "value": 1, "note": "a\x01b"}]', "1:62: invalid JSON: a control character (U+0001) inside a text: write it as \\u0001\n"),
        ('[{"target": "g5", "period": "2022-06", "value": 1, "note": "ab}]', '1:60: invalid JSON: a text whose closing quote is missing (it starts here): "…"\n'),
    ],
    ids=["tab", "control", "unterminated"],
)  # fmt: skip
def test_a_json_syntax_error_names_the_character_and_place(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
    text: str,
    reason: str,
) -> None:
    path = mini_plan.with_name("rows.json")
    path.write_text(text, encoding="utf-8")
    result = invoke("--plan", str(mini_plan), "import", "-n", str(path))
    one_line_refusal(result, 2)
    assert result.stderr == f"error: {path}:{reason}"
    lines = mini_plan.with_name("rows.jsonl")
    lines.write_text(text[1:-1] + "\n", encoding="utf-8")
    result = invoke("--plan", str(mini_plan), "import", "-n", str(lines))
    assert result.exit_code == 2
    assert reason.split(": ", 1)[1].split(" (")[0] in result.stderr
    assert " at\n" not in result.stderr and " at (" not in result.stderr
