"""Audit 23 (auditP D8): Click's usage errors in plancli's words and one language: a misspelt
option of `record`, which takes unknown options as values, and a misspelt command with the
commands Typer suggests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "error: no such option: --sourc (did you mean --source?); see `plancli record"),
        ("zh", "错误：没有这个选项：--sourc（是否想用 --source？）；见 `plancli record"),
    ],
)
def test_a_misspelt_option_of_record_is_no_such_option(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path, lang: str, said: str
) -> None:
    """auditP D8: record (which takes unknown options as arguments, for negative figures)
    called `--sourc 省人社厅` an extra argument."""
    result = invoke(
        "--lang", lang, "--plan", str(mini_plan), "record", "gdp", "5", "-p", "2022-06",
        "--sourc", "省人社厅",
    )  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr.startswith(said), result.stderr
    negative = invoke("--plan", str(mini_plan), "record", "gdp", "5", "-p", "2022-06", "-3")
    assert "unexpected extra argument: -3" in negative.stderr  # a figure, not an option


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "error: no such command: records (did you mean record, report?); "
            "see `plancli --help`\n",
        ),
        ("zh", "错误：没有这个命令：records（是否想用 record、report？）；见 `plancli --help`\n"),
    ],
)
def test_a_misspelt_command_is_said_in_one_language(  # type: ignore[no-untyped-def]
    invoke, lang: str, said: str
) -> None:
    """auditP D8: Typer's English `. Did you mean 'status', 'targets'?` stayed inside the
    Chinese error. (The command is looked up before the group reads `--lang`: `plancli`
    chooses the language from its arguments first, as set here.)"""
    from plancli.i18n import set_language

    set_language(lang)  # the fixture isolated_env sets English back
    result = invoke("records")
    assert result.exit_code == 2
    assert result.stderr == said
