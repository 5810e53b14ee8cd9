"""Session 29 (io): hostile input left open after session 28. A TOML ledger edited by hand with
a field of another type (text for a time, true for a figure, a number for text) is refused
naming file, key line, record, field and value; a quoted key names its own line; `ledger
convert` refuses a destination name of no ledger format; the `next: cd …` hint of a folder
with a control character is a POSIX shell word."""

from __future__ import annotations

from pathlib import Path

import pytest

_RECORD = """version = 1

[[records]]
target = "gdp"
period = "2022-Q2"
value = 5.2
recorded_at = 2022-07-05T08:30:00Z
batch = "20220705T083000Z-aaaaaa"
"""


@pytest.mark.parametrize(
    ("written", "line", "label", "expected"),
    [
        (  # read as 2022-07-05T08:30:00Z by pydantic's lax mode, silently, before
            'recorded_at = "2022-07-05T08:30:00Z"',
            7,
            "(gdp 2022-Q2)",
            "recorded_at: '2022-07-05T08:30:00Z' is text, not a date and time: write it "
            "without quotes (2022-07-05T08:30:00Z)",
        ),
        ('value = "7.1"', 6, "(gdp 2022-Q2)", "value: '7.1' is text, not a number"),
        # `Decimal input should be an integer, float, string or Decimal object`: not the value,
        # and text is refused
        ("value = true", 6, "(gdp 2022-Q2)", "value: true is true or false, not a number"),
        ("value = [7]", 6, "(gdp 2022-Q2)", "value: [7] is an array, not a number"),
        ("value = 2022-06-30", 6, "(gdp 2022-Q2)", "value: 2022-06-30 is a date or time, not"),
        (  # `period: Input should be a valid string`, without the value
            "period = 202206",
            5,
            "(gdp 202206)",
            "period: Input should be a valid string: 202206 is a number, not text in quotes",
        ),
        ("batch = 3", 8, "(gdp 2022-Q2)", "batch: Input should be a valid string: 3 is a number"),
        ("target = 5", 4, "", "target: Input should be a valid string: 5 is a number"),
    ],
)
def test_a_toml_ledger_field_of_another_type_is_refused_naming_it(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path, written: str, line: int, label: str, expected: str
) -> None:
    key = written.partition(" ")[0]
    ledger = mini_plan.parent / "mini.progress.toml"
    lines = [written if row.startswith(f"{key} = ") else row for row in _RECORD.splitlines()]
    text = "\n".join(lines) + "\n"
    ledger.write_text(text, encoding="utf-8")
    label = f"record 1 {label}".rstrip()
    for command in (["status"], ["gap"], ["history"], ["record", "gdp", "6", "-p", "2022-Q3"]):
        result = invoke("--plan", str(mini_plan), *command)
        assert result.exit_code == 3, (command, result.stdout)
        assert result.stderr.startswith(f"error: {ledger}:{line}: {label}: {expected}")
        assert result.stderr.count("\n") == 1
    assert ledger.read_text(encoding="utf-8") == text


def test_a_toml_ledger_amendment_of_another_type_is_refused(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path
) -> None:
    ledger = mini_plan.parent / "mini.progress.toml"
    text = (
        'version = 1\n\n[[amendments]]\ntarget = "gdp"\nperiod = "2022-06"\nmin = true\n'
        'recorded_at = 2022-07-05T08:30:00Z\nbatch = "20220705T083000Z-aaaaaa"\n'
    )
    ledger.write_text(text, encoding="utf-8")
    result = invoke("--plan", str(mini_plan), "status")
    assert result.exit_code == 3
    assert result.stderr == (
        f"error: {ledger}:6: amendment 1 (gdp 2022-06): min: true is true or false, not a number\n"
    )


def test_a_wrong_type_is_said_in_chinese(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path
) -> None:
    ledger = mini_plan.parent / "mini.progress.toml"
    ledger.write_text(_RECORD.replace("batch = ", "note = 1\nbatch = "), encoding="utf-8")
    result = invoke("--lang", "zh", "--plan", str(mini_plan), "history")
    assert result.exit_code == 3
    assert result.stderr.endswith("：note：应为文本（加引号）：1 是数字\n"), result.stderr


@pytest.mark.parametrize("quoted", ['"value"', "'value'", '"recorded_at"'])
def test_a_quoted_key_names_its_own_line(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path, quoted: str
) -> None:
    """`"value" = "7"` named the line of [[records]] (3), not the key's (6)."""
    key = quoted.strip("\"'")
    bad = {"value": '"7"', "recorded_at": "1"}[key]
    ledger = mini_plan.parent / "mini.progress.toml"
    lines = [f"{quoted} = {bad}" if r.startswith(f"{key} = ") else r for r in _RECORD.splitlines()]
    ledger.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = invoke("--plan", str(mini_plan), "status")
    assert result.exit_code == 3
    line = {"value": 6, "recorded_at": 7}[key]
    assert result.stderr.startswith(f"error: {ledger}:{line}: record 1 (gdp 2022-Q2): {key}: ")


def test_a_quoted_key_of_the_plan_names_its_own_line(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path
) -> None:
    text = mini_plan.read_text(encoding="utf-8")
    assert "\nmin = " in text
    mini_plan.write_text(text.replace("\nmin = ", '\n"min" = "7" # ', 1), encoding="utf-8")
    line = text[: text.index("\nmin = ") + 1].count("\n") + 1
    result = invoke("--plan", str(mini_plan), "validate")
    assert result.exit_code != 0
    assert f"{mini_plan}: line {line}: target gdp: min: '7' is text" in result.stderr


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("out.txt", "the suffix .txt says no ledger format: name a ledger file .toml (TOML)"),
        ("backup", "a name without a suffix says no ledger format"),
        ("out.json", "the suffix .json says no ledger format"),
        ("city.sqlite3", ".sqlite3 is no ledger format plancli knows; a SQLite ledger is named "),
    ],
)
def test_convert_refuses_a_name_that_says_no_ledger_format(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path, name: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`ledger convert SRC out.txt` wrote a TOML ledger under .txt, without a word; a name
    whose suffix says no format is refused, exit 2, before anything is written."""
    monkeypatch.chdir(mini_plan.parent)  # TO as typed, relative
    assert invoke("--plan", str(mini_plan), "record", "gdp", "5.2", "-p", "2022-Q2").exit_code == 0
    source = mini_plan.parent / "mini.progress.toml"
    before = sorted(p.name for p in mini_plan.parent.iterdir())
    result = invoke("--plan", str(mini_plan), "ledger", "convert", str(source), name)
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith(f"error: {name}: {expected}")
    assert result.stderr.endswith("; nothing was written\n")
    assert result.stderr.count("\n") == 1
    assert sorted(p.name for p in mini_plan.parent.iterdir()) == before
    assert not Path(name).exists()
    if name.endswith(".sqlite3"):
        assert "named .sqlite or .db: city.sqlite;" in result.stderr


@pytest.mark.parametrize("name", ["out.toml", "OUT.TOML", "out.sqlite", "out.DB"])
def test_convert_takes_the_names_of_its_formats_in_any_case(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path, name: str
) -> None:
    assert invoke("--plan", str(mini_plan), "record", "gdp", "5.2", "-p", "2022-Q2").exit_code == 0
    source = mini_plan.parent / "mini.progress.toml"
    target = mini_plan.parent / name
    result = invoke("--plan", str(mini_plan), "ledger", "convert", str(source), str(target))
    assert result.exit_code == 0, result.stderr
    shown = invoke("--plan", str(mini_plan), "--ledger", str(target), "history", "--csv")
    assert ",2022-Q2,5.2," in shown.stdout


def test_a_new_ledger_named_without_its_format_is_refused(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path
) -> None:
    """`--ledger june.txt record …` created a TOML file named .txt, as convert did; an existing
    ledger of any name is still read and written as TOML (a ledger renamed by hand)."""
    new = mini_plan.parent / "june.txt"
    result = invoke(
        "--plan", str(mini_plan), "--ledger", str(new), "record", "gdp", "5", "-p", "2022-Q2"
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {new}: the suffix .txt says no ledger format")
    assert not new.exists()
    assert not (mini_plan.parent / "june.txt.lock").exists()
    old = mini_plan.parent / "old.ledger"
    old.write_text(_RECORD, encoding="utf-8")
    result = invoke(
        "--plan", str(mini_plan), "--ledger", str(old), "record", "gdp", "6", "-p", "2022-Q3"
    )
    assert result.exit_code == 0, result.stderr
    assert 'period = "2022-Q3"' in old.read_text(encoding="utf-8")


def test_init_refuses_a_ledger_name_without_its_format_before_writing(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path
) -> None:
    folder = mini_plan.parent / "ws"
    ledger = mini_plan.parent / "ws.json"
    result = invoke("--plan", str(mini_plan), "--ledger", str(ledger), "init", str(folder))
    assert result.exit_code == 2
    assert "the suffix .json says no ledger format" in result.stderr
    assert not folder.exists() and not ledger.exists()


@pytest.mark.parametrize(
    "folder",
    ["a\nb", "x\x1b[31my z", "r\u202eq", "it's\tdone\\", "7\x01" + "0"],
    ids=["line feed", "ESC and space", "U+202E", "quote tab backslash", "octal then digit"],
)
def test_the_next_cd_hint_is_pasteable_and_holds_no_control_character(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    """`next: cd "a\\nb" && plancli targets` named the folder `a\\nb` (a backslash and n) when
    pasted: the escape that keeps a control character off the terminal made the hint useless.
    It is a `$'…'` word now, which bash reads back as the folder's exact name."""
    import shutil
    import subprocess

    monkeypatch.chdir(tmp_path)
    result = invoke("--plan", "guandu-2022", "init", folder)
    assert result.exit_code == 0, result.stderr
    line = next(x for x in result.stderr.splitlines() if x.startswith("next: cd $'"))
    hint = line.removeprefix("next: ").removesuffix(" && plancli targets")
    assert hint.isprintable()  # nothing raw reaches the terminal
    assert all(c.isprintable() or c == "\n" for c in result.stderr)
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash to paste the hint into")
    done = subprocess.run(
        [bash, "-c", hint + ' && printf %s "$PWD"'],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == str(tmp_path / folder).encode("utf-8")


def test_a_printable_folder_keeps_its_plain_hint() -> None:
    from plancli.texts import shell_word

    assert shell_word("河南 2026") == '"河南 2026"'
    assert shell_word("a\nb") == "$'a\\nb'"
    assert shell_word("b\udcff") == "$'b\\377'"  # a byte that was not UTF-8: that byte


def test_a_plan_text_key_of_another_type_names_the_value(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path
) -> None:
    """`name = 5` in a plan said `Input should be a valid string`, without the value, where a
    ledger's `batch = 3` now names it: the plan's message is as the ledger's."""
    text = mini_plan.read_text(encoding="utf-8")
    first = text.index("\nname = ")
    end = text.index("\n", first + 1)
    mini_plan.write_text(text[:first] + "\nname = 5" + text[end:], encoding="utf-8")
    result = invoke("--plan", str(mini_plan), "validate")
    assert result.exit_code == 3, result.stderr
    assert "name: Input should be a valid string: 5 is a number, not text in quotes" in (
        result.stderr
    ), result.stderr
    zh = invoke("--lang", "zh", "--plan", str(mini_plan), "validate")
    assert "plan.name：应为文本（加引号）：5 是数字" in zh.stderr, zh.stderr
