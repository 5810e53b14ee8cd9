"""The cache of large validated plans (issue 5): used when the plan is unchanged, never stale."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from plancli import plan as plan_module
from plancli.errors import PlanFileError
from plancli.plan import load_plan_file


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(plan_module, "CACHE_MIN_BYTES", 0)  # cache even the small test plan
    return tmp_path / "cache" / "plancli" / "plans"


def test_an_unchanged_plan_is_read_from_the_cache(cache: Path, mini_plan: Path) -> None:
    first = load_plan_file(mini_plan)
    [entry] = list(cache.iterdir())
    assert entry.stat().st_mode & 0o077 == 0  # the user's alone
    again = load_plan_file(mini_plan)
    assert again == first
    assert again.target("g5") is not None


def test_an_edited_plan_is_read_again(cache: Path, mini_plan: Path) -> None:
    load_plan_file(mini_plan)
    text = mini_plan.read_text(encoding="utf-8")
    mini_plan.write_text(text.replace('name_en = "Test plan"', 'name_en = "Edited"'), "utf-8")
    assert load_plan_file(mini_plan).plan.name_en == "Edited"
    assert len(list(cache.iterdir())) == 1  # the edit replaced the entry: the cache stays small
    mini_plan.write_text(text + "\n[[targets]]\nid = 1\n", encoding="utf-8")
    with pytest.raises(PlanFileError):  # an invalid edit is never hidden by the cache
        load_plan_file(mini_plan)


def test_a_damaged_cache_entry_is_ignored(cache: Path, mini_plan: Path) -> None:
    first = load_plan_file(mini_plan)
    [entry] = list(cache.iterdir())
    entry.write_bytes(b"not a pickle")
    assert load_plan_file(mini_plan) == first


def test_small_plans_never_touch_the_cache(tmp_path: Path, mini_plan: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    load_plan_file(mini_plan)
    assert not (tmp_path / "cache").exists()
    assert os.path.getsize(mini_plan) < plan_module.CACHE_MIN_BYTES
