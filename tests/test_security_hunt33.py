"""Session 33's hostile-input hunt: names that mean a folder, folders init made and could not
fill, workbooks whose used range runs to the sheet's last row, SQLite ledgers with damaged
pages, and what other people's files and environments send to a terminal or a spreadsheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

SEED = Path(__file__).resolve().parents[1] / "data" / "plan2022.toml"


# ---------------------------------------------------------------- a name ending in /


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["report", "-o", "OUT"], "d.xlsx"),
        (["report", "-f", "md", "-o", "OUT"], "d.md"),
        (["template", "OUT", "--period", "2022-07"], "t.xlsx"),
        (["ledger", "convert", "LEDGER", "OUT"], "c.sqlite"),
        (["--ledger", "OUT", "record", "gdp", "5", "--period", "2022-07"], "n.toml"),
        (["extract", "REPORT", "-o", "OUT"], "p.toml"),
    ],
)
def test_a_file_name_ending_in_a_slash_is_refused_not_written_without_it(
    invoke: Any, tmp_path: Path, args: list[str], name: str
) -> None:
    """`report -o d.xlsx/` (the user means a folder) wrote a workbook named d.xlsx, as every
    -o, FILE, TO and --ledger did: Path() drops the slash. cp refuses it (`Not a directory`)."""
    plan = tmp_path / "plan2022.toml"
    plan.write_bytes(SEED.read_bytes())
    ledger = tmp_path / "plan2022.progress.toml"
    assert invoke("--plan", str(plan), "record", "gdp", "4.9", "--period", "2022-06").exit_code == 0
    report = tmp_path / "report.txt"
    report.write_text("某市2026年政府工作报告\n主要预期目标是：地区生产总值增长5%左右。\n")
    wanted = str(tmp_path / name) + "/"
    swap = {"OUT": wanted, "LEDGER": str(ledger), "REPORT": str(report)}
    before = sorted(p.name for p in tmp_path.iterdir())
    result = invoke("--plan", str(plan), *(swap.get(a, a) for a in args))
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"error: {wanted}: ends in /, so it names a folder, not a file: give {tmp_path / name}\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    zh = invoke("--lang", "zh", "--plan", str(plan), *(swap.get(a, a) for a in args))
    words = "以 / 结尾，是文件夹的名称，不是文件"
    assert zh.stderr == f"错误：{wanted}：{words}：请写 {tmp_path / name}\n"


def test_a_folder_that_exists_keeps_its_own_words(invoke: Any, tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    result = invoke("report", "-o", f"{tmp_path / 'reports'}/")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {tmp_path / 'reports'}/: is a folder; give -o a file")


# ---------------------------------------------------------------- init: all or nothing


def test_a_folder_made_and_filled_is_removed_when_the_block_fails(tmp_path: Path) -> None:
    from plancli.made_folders import make_folder, removed_on_failure

    said: list[Path] = []
    made = make_folder(tmp_path / "a" / "b" / "w")
    assert made is not None and made.path == tmp_path / "a"
    with pytest.raises(KeyboardInterrupt), removed_on_failure(made, said.append):
        (tmp_path / "a" / "b" / "w" / "plan2022.toml").write_text("[plan]\n")
        raise KeyboardInterrupt  # Ctrl-C after the plan was copied
    assert not (tmp_path / "a").exists()
    assert said == [tmp_path / "a"]


def test_a_folder_that_was_there_is_never_removed(tmp_path: Path) -> None:
    from plancli.made_folders import make_folder, removed_on_failure

    (tmp_path / "w").mkdir()
    (tmp_path / "w" / "notes.txt").write_text("科室笔记")
    made = make_folder(tmp_path / "w")
    assert made is None
    with pytest.raises(OSError), removed_on_failure(made, pytest.fail):
        raise OSError(28, "No space left on device")
    assert (tmp_path / "w" / "notes.txt").read_text() == "科室笔记"


def test_a_folder_replaced_meanwhile_is_left_alone(tmp_path: Path) -> None:
    import shutil

    from plancli.made_folders import make_folder, removed_on_failure

    made = make_folder(tmp_path / "w")
    with pytest.raises(OSError), removed_on_failure(made, pytest.fail):
        (tmp_path / "w").rename(tmp_path / "gone")
        (tmp_path / "w").mkdir()  # somebody else's folder now, of the same name
        shutil.rmtree(tmp_path / "gone")  # (after: the new folder cannot take its inode)
        (tmp_path / "w" / "theirs.toml").write_text("")
        raise OSError(28, "No space left on device")
    assert (tmp_path / "w" / "theirs.toml").exists()
