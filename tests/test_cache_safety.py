"""The caches never unpickle a file someone else could have planted (issue 14, item 8).

Each test plants, where plancli's cache would read it, an entry whose unpickling creates a
marker file: written by plancli's own `write_entry`, so it is exactly what an attacker who
knows the format would write. It must not run when the entry carries the wrong key, belongs to
someone else, is writable by others, sits in a folder others may write, or is a link.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import FIXTURES

from plancli import cache, views
from plancli import plan as plan_module
from plancli.plan import load_plan_file


class Plant:
    """Unpickling this object runs `open(marker, "w")`: any code could run the same way."""

    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)

    def __reduce__(self) -> tuple[Any, ...]:
        return (open, (self.marker, "w"))


Planting = Callable[[Path], None]  # changes the planted entry (its mode, owner, kind)


def _as_is(entry: Path) -> None:
    pass


def _group_writable(entry: Path) -> None:
    entry.chmod(0o660)


def _world_writable_folder(entry: Path) -> None:
    entry.parent.chmod(0o777)


def _group_writable_folder(entry: Path) -> None:
    entry.parent.chmod(0o770)


def _a_link(entry: Path) -> None:
    elsewhere = entry.parent.parent / "elsewhere.pickle"
    entry.rename(elsewhere)
    entry.symlink_to(elsewhere)


def _someone_elses(entry: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("giving a file to another user needs root")
    os.chown(entry, 65534, -1)  # nobody's file, in the user's own folder


CASES = {
    "group-writable file": _group_writable,
    "world-writable folder": _world_writable_folder,
    "group-writable folder": _group_writable_folder,
    "symbolic link": _a_link,
    "another user's file": _someone_elses,
}


@pytest.fixture
def marker(tmp_path: Path) -> Path:
    return tmp_path / "planted-code-ran"


def plant_plan_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, marker: Path, key: bytes | None = None
) -> Path:
    """A large-plan cache entry for a copy of the test plan, holding the Plant."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(plan_module, "CACHE_MIN_BYTES", 0)
    plan = tmp_path / "mini.toml"
    shutil.copyfile(FIXTURES / "mini.toml", plan)
    found = plan_module._cache_entry(plan)
    assert found is not None
    entry, right_key = found
    cache.write_entry(entry, right_key if key is None else key, Plant(marker))
    assert entry.exists() and not marker.exists()
    return plan


@pytest.mark.parametrize("planting", CASES.values(), ids=CASES.keys())
def test_the_plan_cache_does_not_run_a_planted_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, marker: Path, planting: Planting
) -> None:
    plan = plant_plan_entry(tmp_path, monkeypatch, marker)
    [entry] = (tmp_path / "cache" / "plancli" / "plans").glob("*.pickle")
    planting(entry)
    assert load_plan_file(plan).plan.id == "mini-2022"  # read from the file instead
    assert not marker.exists()


def test_the_plan_cache_compares_the_key_before_unpickling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, marker: Path
) -> None:
    plan = plant_plan_entry(tmp_path, monkeypatch, marker, key=bytes(32))
    assert load_plan_file(plan).plan.id == "mini-2022"
    assert not marker.exists()


def test_a_cache_of_another_user_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, marker: Path
) -> None:
    """The whole folder is someone else's: as if plancli ran as another user (uid check)."""
    plan = plant_plan_entry(tmp_path, monkeypatch, marker)
    monkeypatch.setattr(cache, "_uid", lambda: os.geteuid() + 4242, raising=False)
    assert load_plan_file(plan).plan.id == "mini-2022"
    assert not marker.exists()


def test_the_plan_cache_still_reads_back_its_own_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, marker: Path
) -> None:
    """The control: an entry of the user's own, with the right key, is what the cache uses
    (a planted entry that passes every check would run: the checks are what protect)."""
    plan = plant_plan_entry(tmp_path, monkeypatch, marker)
    load_plan_file(plan)
    assert marker.exists()


# ------------------------------------------------------------------- the status dashboard


def _status_entry(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, bytes]:  # type: ignore[no-untyped-def]
    """Run `status` once and catch where its entry is and the key it is filed under."""
    plan = tmp_path / "assess.toml"
    shutil.copyfile(FIXTURES / "assess.toml", plan)
    seen: list[tuple[Path, bytes]] = []
    write = views.write_entry

    def spy(path: Path, key: bytes, value: object) -> None:
        seen.append((path, key))
        write(path, key, value)

    monkeypatch.setattr(views, "write_entry", spy)
    result = invoke("--plan", str(plan), "status")
    assert result.exit_code == 0, result.output
    monkeypatch.setattr(views, "write_entry", write)
    [(entry, key)] = seen
    return entry, key


@pytest.mark.parametrize("planting", [_as_is, *CASES.values()], ids=["wrong key", *CASES])
def test_the_status_cache_does_not_run_a_planted_entry(
    invoke,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    marker: Path,
    planting: Planting,
) -> None:
    entry, key = _status_entry(invoke, tmp_path, monkeypatch)
    expected = invoke("--plan", str(tmp_path / "assess.toml"), "status").stdout
    wrong_key = planting is _as_is
    cache.write_entry(entry, bytes(32) if wrong_key else key, Plant(marker))
    planting(entry)
    result = invoke("--plan", str(tmp_path / "assess.toml"), "status")
    assert result.exit_code == 0, result.output
    assert result.stdout == expected  # computed from the files instead
    assert not marker.exists()


def test_cache_folders_are_the_users_alone(
    invoke,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    isolated_env: Path,
) -> None:
    monkeypatch.setattr(os, "umask", os.umask)  # restored after the test
    old = os.umask(0o002)  # a group-friendly umask must not open the cache to the group
    try:
        entry, _ = _status_entry(invoke, tmp_path, monkeypatch)
    finally:
        os.umask(old)
    for folder in (entry.parent, entry.parent.parent):  # …/plancli/status and …/plancli
        assert folder.stat().st_mode & 0o777 == 0o700, folder
    assert entry.stat().st_mode & 0o777 == 0o600
