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
        assert result.stderr.startswith(f"error: {ledger}:3: record 1 (gdp 2022-Q2): ")
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
            "min: Input should be a valid decimal: '7%' is text; write the figure "
            "without quotes: 7",
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
