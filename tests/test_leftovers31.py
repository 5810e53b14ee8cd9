"""Session 31's leftovers: a ledger name too long for the files kept beside it (one message,
exit 2, in every command)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from plancli.ledger_names import longest_ledger_name, name_max

# ------------------------------------------------------------- 1. a ledger's name too long

READS = [("status",), ("gap",), ("gap", "--json"), ("history",), ("show", "gdp"), ("validate",)]
WRITES = [("record", "gdp", "5.1", "-p", "2022-07"), ("undo", "--yes"), ("import", "june.csv")]


def _long_name(folder: Path, suffix: str, length: int) -> Path:
    return folder / ("a" * (length - len(suffix)) + suffix)


def _refused(result: Any, path: Path, most: int) -> None:
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1 and len(result.stderr) < 200, result.stderr
    assert (
        f": file name too long for a ledger (at most {most} bytes here); give a shorter name\n"
        in result.stderr
    )
    assert result.stderr.startswith(f"error: {str(path)[:60]}…"), result.stderr
    assert "-wal" not in result.stderr and "unreadable" not in result.stderr


@pytest.mark.parametrize("args", READS + WRITES, ids=lambda a: " ".join(a))
def test_a_sqlite_ledger_of_255_bytes_is_refused_alike_by_every_command(
    invoke: Any, tmp_path: Path, args: tuple[str, ...]
) -> None:
    """A 255-byte SQLite ledger (a name the file system allows, its `-journal` not): `status`
    said `file name too long` (exit 2) of its `-wal`, `record` `unreadable SQLite ledger:
    unable to open database file` (exit 3). Now every command says the same of the ledger's
    own name, exit 2, and nothing is written."""
    (tmp_path / "june.csv").write_text("target,period,value\ngdp,2022-06,5.2\n", encoding="utf-8")
    short = tmp_path / "short.sqlite"
    guandu = ("--plan", "guandu-2022")
    assert (
        invoke(*guandu, "--ledger", str(short), "record", "gdp", "5", "-p", "2022-06").exit_code
        == 0
    )
    ledger = _long_name(tmp_path, ".sqlite", 255)
    shutil.copyfile(short, ledger)
    before = sorted(os.listdir(tmp_path)), ledger.read_bytes()
    result = invoke(*guandu, "--ledger", str(ledger), *args)
    _refused(result, ledger, name_max(tmp_path) - len("-journal"))
    assert (sorted(os.listdir(tmp_path)), ledger.read_bytes()) == before


@pytest.mark.parametrize("args", READS[:3] + WRITES[:1], ids=lambda a: " ".join(a))
@pytest.mark.parametrize(("suffix", "extra"), [(".sqlite", 34), (".toml", 14)])
def test_a_new_ledger_too_long_for_its_companions_is_refused_before_anything(
    invoke: Any, tmp_path: Path, args: tuple[str, ...], suffix: str, extra: int
) -> None:
    """250 bytes, not there yet: the read commands said it did not exist ("record or import
    create it"), `record` then `cannot create: File name too long` (exit 3): a new SQLite
    ledger is first written whole as `.NAME.<pid>.<ns>.new`, a TOML ledger as
    `.NAME.XXXXXXXX.tmp`. Now each says the name is too long, exit 2, no file made."""
    ledger = _long_name(tmp_path, suffix, 250)
    result = invoke("--plan", "guandu-2022", "--ledger", str(ledger), *args)
    _refused(result, ledger, name_max(tmp_path) - extra)
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("suffix", [".sqlite", ".toml"])
def test_a_ledger_name_at_the_limit_still_works(invoke: Any, tmp_path: Path, suffix: str) -> None:
    """The longest name allowed is one a ledger works under: created, recorded, read."""
    most = longest_ledger_name(tmp_path / ("x" + suffix), suffix.lstrip("."))
    ledger = _long_name(tmp_path, suffix, most)
    args = ("--plan", "guandu-2022", "--ledger", str(ledger))
    assert invoke(*args, "record", "gdp", "5.2", "-p", "2022-06").exit_code == 0
    shown = json.loads(invoke(*args, "show", "gdp", "--json").stdout)
    assert shown["assessment"]["actual"] == 5.2
    if suffix == ".sqlite":  # an existing SQLite ledger needs room for `-journal` alone
        assert longest_ledger_name(ledger, "sqlite") == name_max(tmp_path) - 8 > most


def test_the_limits_by_store(tmp_path: Path) -> None:
    limit = name_max(tmp_path)
    assert limit == 255  # (the tests' folder: tmpfs or ext4)
    assert longest_ledger_name(tmp_path / "a.toml", "toml") == 241  # `.NAME.XXXXXXXX.tmp`
    assert longest_ledger_name(tmp_path / "a.sqlite", "sqlite") == 221  # creation temp
    (tmp_path / "a.sqlite").touch()
    assert longest_ledger_name(tmp_path / "a.sqlite", "sqlite") == 247  # `NAME-journal`
    assert name_max(tmp_path / "not-there") == 255  # a folder not there yet: the usual limit


def test_ledger_convert_to_a_name_too_long_says_so(invoke: Any, tmp_path: Path) -> None:
    source = tmp_path / "g.progress.toml"
    guandu = ("--plan", "guandu-2022")
    assert (
        invoke(*guandu, "--ledger", str(source), "record", "gdp", "5", "-p", "2022-06").exit_code
        == 0
    )
    target = _long_name(tmp_path, ".sqlite", 240)
    result = invoke(*guandu, "ledger", "convert", str(source), str(target))
    _refused(result, target, 221)
    assert not target.exists()


def test_the_refusal_in_chinese(invoke: Any, tmp_path: Path) -> None:
    ledger = _long_name(tmp_path, ".sqlite", 255)
    result = invoke("--lang", "zh", "--plan", "guandu-2022", "--ledger", str(ledger), "status")
    assert result.exit_code == 2
    assert "：作为台账文件名过长（此处最多 221 字节）；请换一个较短的名称" in result.stderr
