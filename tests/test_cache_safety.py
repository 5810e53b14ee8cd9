"""The plan cache trusts only the user's own entries (issue 14, item 8; issue 15).

Entries are plain values in marshal's format, which runs no code when read; but a read command
judges every target by the plan it finds there, so an entry someone else planted could make
`status` say what they like. Each
test plants, where plancli's cache would read it, a well-formed entry for the plan's bytes
that renames the plan: written by plancli's own code, so it is exactly what someone who knows
the format would write. It must not be believed when it carries the wrong key, belongs to
someone else, is writable by others, sits in a folder others may write, or is a link.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import FIXTURES

from plancli import cache, compiled
from plancli.plan import load_plain_plan, load_plan_file

PLANTED = "Planted plan"


def _as_is(entry: Path) -> None:
    pass


def _group_writable(entry: Path) -> None:
    entry.chmod(0o660)


def _world_writable_folder(entry: Path) -> None:
    entry.parent.chmod(0o777)


def _group_writable_folder(entry: Path) -> None:
    entry.parent.chmod(0o770)


def _a_link(entry: Path) -> None:
    elsewhere = entry.parent.parent / "elsewhere.marshal"
    entry.rename(elsewhere)
    entry.symlink_to(elsewhere)


def _someone_elses(entry: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("giving a file to another user needs root")
    os.chown(entry, 65534, -1)  # nobody's file, in the user's own folder


Planting = Callable[[Path], None]  # changes the planted entry (its mode, owner, kind)
CASES: dict[str, Planting] = {
    "group-writable file": _group_writable,
    "world-writable folder": _world_writable_folder,
    "group-writable folder": _group_writable_folder,
    "symbolic link": _a_link,
    "another user's file": _someone_elses,
}


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "mini.toml"
    shutil.copyfile(FIXTURES / "mini.toml", path)
    return path


def plant(plan: Path, key: bytes | None = None) -> Path:
    """Replace the plan's entry by one that renames the plan; return the entry's path."""
    load_plain_plan(plan)  # the honest entry: where it goes, what it holds
    [entry] = (plan.parent / "cache" / "plancli" / "plans").glob("*.marshal")
    right_key = compiled.plan_key(plan.read_bytes())
    forged = compiled.compile_plan(load_plan_file(plan))
    forged["plan"]["name_en"] = PLANTED
    entry.unlink()
    compiled.keep_compiled(plan, right_key if key is None else key, forged)
    assert entry.exists()
    return entry


@pytest.mark.parametrize("planting", CASES.values(), ids=CASES.keys())
def test_a_planted_entry_is_not_believed(plan: Path, planting: Planting) -> None:
    planting(plant(plan))
    assert load_plain_plan(plan).plan.name_en == "Test plan"  # read from the file instead
    assert load_plan_file(plan).plan.name_en == "Test plan"


def test_an_entry_for_other_bytes_is_not_believed(plan: Path) -> None:
    plant(plan, key=b"0" * 64)
    assert load_plain_plan(plan).plan.name_en == "Test plan"


def test_a_cache_of_another_user_is_not_trusted(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole folder is someone else's: as if plancli ran as another user (uid check)."""
    plant(plan)
    monkeypatch.setattr(cache, "_uid", lambda: os.geteuid() + 4242)
    assert load_plain_plan(plan).plan.name_en == "Test plan"


def test_the_users_own_entry_is_what_the_cache_reads(plan: Path) -> None:
    """The control: an entry of the user's own, with the right key, is believed (a planted
    entry that passed every check would be: the checks are what protect)."""
    plant(plan)
    assert load_plain_plan(plan).plan.name_en == PLANTED


def test_cache_folders_are_the_users_alone(
    invoke,  # type: ignore[no-untyped-def]
    plan: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(os, "umask", os.umask)  # restored after the test
    old = os.umask(0o002)  # a group-friendly umask must not open the cache to the group
    try:
        assert invoke("--plan", str(plan), "status").exit_code == 0
    finally:
        os.umask(old)
    [entry] = (plan.parent / "cache" / "plancli" / "plans").iterdir()
    for folder in (entry.parent, entry.parent.parent):  # …/plancli/plans and …/plancli
        assert folder.stat().st_mode & 0o777 == 0o700, folder
    assert entry.stat().st_mode & 0o777 == 0o600
