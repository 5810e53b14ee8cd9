"""Session 34: `undo -5` and `history gdp -5` (the last five, as `tail -5` takes a count) said
`no such option: -5`, an option plancli never had. A bare negative number where no figure is
taken now says what the command takes instead (`cli/option_parser`), one line, exit 2, English
and Chinese, nothing written; a file named `-5.csv` stays reachable after `--`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from test_cli_periods_s32 import run_fixture  # noqa: F401 - the fixture `run`, used by name

# GDP grew 0.3 % in 2021 (the seed report: 地区生产总值1441.37亿元,同比增长0.3%).
SEED_ROW = "target,period,value\ngdp,2022-06,0.3\n"

UNDO = {
    "en": "error: '-5' is not an option: undo takes no count, it reverts one batch (the last, "
    "or --batch ID: `plancli history` lists them); run it again for the one before; "
    "see `plancli undo --help`\n",
    "zh": "错误：'-5' 不是选项：undo 不接受条数，它撤销一批（最后一批，或 --batch ID 指定的一批："
    "`plancli history` 列出各批）；要撤销再前一批，请再运行一次；见 `plancli undo --help`\n",
}
HISTORY = {
    "en": "error: '-5' is not an option: history takes no count, it lists every revision (of "
    "one target: `plancli history ID`); see `plancli history --help`\n",
    "zh": "错误：'-5' 不是选项：history 不接受条数，它列出全部修订（只看一个目标的："
    "`plancli history ID`）；见 `plancli history --help`\n",
}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_undo_with_a_count_says_what_undo_takes_and_reverts_nothing(
    run: Callable[..., Any], lang: str
) -> None:
    """Before: `error: no such option: -5; see `plancli undo --help``."""
    recorded = run("record", "gdp", "0.3", "-p", "2022-06")
    assert recorded.exit_code == 0, recorded.stderr
    before = run.ledger.read_bytes()  # type: ignore[attr-defined]
    result = run("undo", "-5", "-y", lang=lang)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", UNDO[lang])
    assert run.ledger.read_bytes() == before  # type: ignore[attr-defined]
    # the batch it names is the one `undo` alone reverts
    assert "would revert 1 record of batch" in run("undo", "-n").stderr


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("args", [("gdp", "-5"), ("-5", "gdp"), ("-5",)])
def test_history_with_a_count_says_what_history_takes(
    run: Callable[..., Any], lang: str, args: tuple[str, ...]
) -> None:
    assert run("record", "gdp", "0.3", "-p", "2022-06").exit_code == 0
    result = run("history", *args, lang=lang)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", HISTORY[lang])
    shown = run("history", "gdp")  # what it points to shows the revision
    assert shown.exit_code == 0 and "0.3%" in shown.stdout


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("gap", "-5"),
            "error: '-5' is not an option: gap takes no number; see `plancli gap --help`\n",
        ),
        (
            ("show", "-2.5"),
            "error: '-2.5' is not an option: show takes no number; for a file or argument of "
            "that name, write -- -2.5; see `plancli show --help`\n",
        ),
        (
            ("ledger", "convert", "-1"),
            "error: '-1' is not an option: ledger convert takes no number; for a file or "
            "argument of that name, write -- -1; see `plancli ledger convert --help`\n",
        ),
    ],
)
def test_every_command_names_a_bare_number(
    run: Callable[..., Any], args: tuple[str, ...], said: str
) -> None:
    result = run(*args)
    assert (result.exit_code, result.stderr) == (2, said)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_file_named_like_a_number_is_reached_after_double_dash(
    run: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    (tmp_path / "-5.csv").write_text(SEED_ROW, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    refused = run("import", "-5.csv", lang=lang)
    said = {
        "en": "error: '-5.csv' is not an option: import takes no number; for a file or "
        "argument of that name, write -- -5.csv; see `plancli import --help`\n",
        "zh": "错误：'-5.csv' 不是选项：import 不接受数字；"
        "若是这个名字的文件或参数，请写 -- -5.csv；见 `plancli import --help`\n",
    }[lang]
    assert (refused.exit_code, refused.stderr) == (2, said)
    assert not run.ledger.exists()  # type: ignore[attr-defined]
    imported = run("import", "--", "-5.csv")  # as told
    assert imported.exit_code == 0, imported.stderr
    shown = run("history", "gdp")
    assert "2022-06" in shown.stdout and "0.3%" in shown.stdout


def test_figures_stay_figures_where_a_command_takes_them(run: Callable[..., Any]) -> None:
    """`record` and `amend` read `-5` as a figure (session 32): the new refusal is not theirs."""
    recorded = run("record", "gdp", "-5", "-p", "2022-06")
    assert recorded.exit_code == 0, recorded.stderr
    assert "gdp 2022-06 = -5%" in recorded.stderr
    assert run("undo", "--batch", "-5", "-y").stderr.startswith("error: no batch -5 in ")
