"""Session 33: `import -n5 FILE` and `undo -n5` said `no such option: -5`, an option nobody
typed (Click read the flag `-n` and passed the rest on as `-5`). `record gdp -n5` was fixed in
session 32 (`cli/figure_args`); every command now names a flag run together with a number
(`cli/option_parser`): one line, exit 2, English and Chinese, nothing written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from test_cli_periods_s32 import run_fixture  # noqa: F401 - the fixture `run`, used by name

# GDP grew 0.3 % in 2021 (the seed report: 地区生产总值1441.37亿元,同比增长0.3%).
SEED_ROW = "target,period,value\ngdp,2022-06,0.3\n"


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "h1.csv"
    path.write_text(SEED_ROW, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "error: '-n5' runs an option and a number together: -n is --dry-run, which takes no "
            "value, and import takes no number; write -n on its own; "
            "see `plancli import --help`\n",
        ),
        (
            "zh",
            "错误：'-n5' 把选项和数字连写在一起：-n 即 --dry-run，不带值，而 import 不接受数字；"
            "请单独写 -n；见 `plancli import --help`\n",
        ),
    ],
)
def test_import_names_a_flag_run_together_with_a_number(
    run: Callable[..., Any], csv_file: Path, lang: str, said: str
) -> None:
    """Before: `error: no such option: -5; see `plancli import --help``."""
    result = run("import", "-n5", str(csv_file), lang=lang)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", said)
    assert not run.ledger.exists()  # type: ignore[attr-defined]
    apart = run("import", "-n", str(csv_file))  # the dry run it may have meant
    assert apart.exit_code == 0, apart.stderr
    assert "would import" in apart.stderr and "1 new" in apart.stderr
    assert not run.ledger.exists()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("word", "lang", "said"),
    [
        (
            "-n5",
            "en",
            "error: '-n5' runs an option and a number together: -n is --dry-run, which takes no "
            "value, and undo takes no number; write -n on its own; see `plancli undo --help`\n",
        ),
        (
            "-yn5",  # flags together, then the number: the flag next to it is named
            "en",
            "error: '-yn5' runs an option and a number together: -n is --dry-run, which takes "
            "no value, and undo takes no number; write -n on its own; see `plancli undo --help`\n",
        ),
        (
            "-y5",
            "en",
            "error: '-y5' runs an option and a number together: -y is --yes, which takes no "
            "value, and undo takes no number; write -y on its own; see `plancli undo --help`\n",
        ),
        (
            "-n5",
            "zh",
            "错误：'-n5' 把选项和数字连写在一起：-n 即 --dry-run，不带值，而 undo 不接受数字；"
            "请单独写 -n；见 `plancli undo --help`\n",
        ),
    ],
)
def test_undo_names_a_flag_run_together_with_a_number(
    run: Callable[..., Any], word: str, lang: str, said: str
) -> None:
    """`undo -y5` must revert nothing: the figure recorded stays in force."""
    recorded = run("record", "gdp", "0.3", "-p", "2022-06")
    assert recorded.exit_code == 0, recorded.stderr
    before = run.ledger.read_bytes()  # type: ignore[attr-defined]
    result = run("undo", word, lang=lang)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", said)
    assert run.ledger.read_bytes() == before  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("gap", "-h5"),
            "error: '-h5' runs an option and a number together: -h is --help, which takes no "
            "value, and gap takes no number; write -h on its own; see `plancli gap --help`\n",
        ),
        (
            ("ledger", "convert", "-h2"),
            "error: '-h2' runs an option and a number together: -h is --help, which takes no "
            "value, and ledger convert takes no number; write -h on its own; "
            "see `plancli ledger convert --help`\n",
        ),
    ],
)
def test_every_command_names_a_flag_run_together(
    run: Callable[..., Any], args: tuple[str, ...], said: str
) -> None:
    result = run(*args)
    assert (result.exit_code, result.stderr) == (2, said)


def test_record_and_amend_keep_their_words_and_options_their_values(
    run: Callable[..., Any],
) -> None:
    """A figure command says `write them apart`; an option that takes a value takes one run
    together (`-b5`, `-p2022-Q1`); a mistyped letter is still no such option."""
    record = run("record", "gdp", "-n5", "-p", "2022-06")
    assert record.stderr.startswith("error: '-n5' runs an option and a figure together")
    assert run("record", "gdp", "0.3", "-p2022-Q1").exit_code == 0
    batch = run("undo", "-b5", "-y")
    assert batch.exit_code == 2 and batch.stderr.startswith("error: no batch 5 in ")
    mistyped = run("undo", "-nx")
    assert mistyped.stderr == "error: no such option: -x; see `plancli undo --help`\n"
    dry = run("undo", "-n")
    assert dry.exit_code == 0 and "would revert 1 record of batch" in dry.stderr
