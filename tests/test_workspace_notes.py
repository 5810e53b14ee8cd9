"""Audit Z (session 26): the workspace marker's edges — where a write goes when the marker is
overruled (PLANCLI_PLAN), lost, or its folder removed; init inside a workspace; markers
hand-edited into the ledger's name, UTF-16 or a name with a trailing space; the app dir when
XDG_CONFIG_HOME is empty or relative."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def workspace(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:  # type: ignore[no-untyped-def]
    """`plancli init g`, run in tmp_path; the current folder is then g."""
    monkeypatch.chdir(tmp_path)
    done = invoke("init", "g")
    assert done.exit_code == 0, done.stderr
    monkeypatch.chdir(tmp_path / "g")
    return tmp_path / "g"


@pytest.mark.parametrize("value", ["", "cfg"])
def test_an_empty_or_relative_xdg_config_home_is_ignored(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    # Audit Z D2: XDG_CONFIG_HOME= (cron) put the bundled plan's ledger in ./plancli/ of
    # whichever folder the command ran in; the XDG spec says to ignore it, as cache.py does.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", value)
    done = invoke("--plan", "guandu-2022", "record", "new_urban_jobs", "1", "--period", "2022-06")
    assert done.exit_code == 0, done.stderr
    home_ledger = Path(os.environ["HOME"]) / ".config" / "plancli" / "guandu-2022.progress.toml"
    assert f"in {home_ledger} (batch" in done.stderr
    assert not (tmp_path / value / "plancli").exists() and not (tmp_path / "plancli").exists()
    status = invoke("--plan", "guandu-2022", "status", "--json")
    assert json.loads(status.stdout)["ledger"] == str(home_ledger)
