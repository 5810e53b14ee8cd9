"""Session 26: the workspace found from the current folder, as git finds its repository.

`plancli init g` writes g/.plancli.toml (`plan = "plan2022.toml"`); a command run in g or below,
given neither --plan nor PLANCLI_PLAN, uses g/plan2022.toml and its ledger beside it, not the
bundled plan's ledger in the app dir. A marker that is not the user's, that others may write,
that names a plan out of its folder or that does not parse is refused (exit 3), never followed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import plancli

DATA = Path(__file__).resolve().parents[1] / "data"


def ledger_of(invoke, *args: str) -> str:  # type: ignore[no-untyped-def]
    """The ledger `status --json` reads, with these global options."""
    done = invoke(*args, "status", "--json")
    assert done.exit_code == 0, done.stderr
    return str(json.loads(done.stdout)["ledger"])


# --------------------------------------------------------------------------------- init


def test_init_writes_the_marker_and_hints_cd(invoke, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    done = invoke("init", "g")
    assert done.exit_code == 0, done.stderr
    assert done.stderr.splitlines() == [
        "wrote g/plan2022.toml",
        "wrote g/.plancli.toml: plancli run in g or below uses plan2022.toml",
        "progress will be recorded in g/plan2022.progress.toml",
        "next: cd g && plancli targets",
    ]
    marker = (tmp_path / "g" / ".plancli.toml").read_text(encoding="utf-8")
    assert marker.splitlines()[-1] == 'plan = "plan2022.toml"'
    # init again with the same plan: the marker is left as it is, and said nothing of
    again = invoke("init", "g", "--force")
    assert again.exit_code == 0 and ".plancli.toml" not in again.stderr
    # a new year's plan copied into the same folder: the workspace now uses it, and says so
    newer = invoke("--plan", "guandu-2021", "init", "g")
    assert newer.exit_code == 0, newer.stderr
    assert (
        "g/.plancli.toml: plancli run in g or below now uses plan2021.toml, not plan2022.toml"
        in newer.stderr
    )
    monkeypatch.chdir(tmp_path / "g")
    assert ledger_of(invoke) == "plan2021.progress.toml"


def test_init_in_the_current_folder_hints_no_cd(invoke, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    done = invoke("init", "--demo", ".")
    assert done.exit_code == 0, done.stderr
    assert "next: plancli status   (then: plancli report -o june.html)" in done.stderr


def test_init_copies_the_named_plan_not_the_workspace_one(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    """init starts a workspace from --plan, PLANCLI_PLAN or the default: run inside another
    workspace, it does not copy that one's plan."""
    done = invoke("init", "sub")
    assert done.exit_code == 0, done.stderr
    assert (workspace / "sub" / "plan2022.toml").read_bytes() == (
        DATA / "plan2022.toml"
    ).read_bytes()


def test_init_never_writes_a_marker_others_may_write(invoke, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    old = os.umask(0)
    try:
        assert invoke("init", "g").exit_code == 0
    finally:
        os.umask(old)
    assert not (tmp_path / "g" / ".plancli.toml").stat().st_mode & 0o002
    monkeypatch.chdir(tmp_path / "g")
    assert ledger_of(invoke) == "plan2022.progress.toml"


def test_init_refuses_a_marker_others_may_write(invoke, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "g").mkdir()
    marker = tmp_path / "g" / ".plancli.toml"
    marker.write_text('plan = "plan2022.toml"\n', encoding="utf-8")
    marker.chmod(0o666)
    done = invoke("init", "g")
    assert done.exit_code == 3
    assert done.stderr.startswith("error: g/.plancli.toml: not followed: other users may write")
    assert not (tmp_path / "g" / "plan2022.toml").exists()  # refused before anything is copied


# ---------------------------------------------------------------------------- discovery


def test_a_figure_recorded_in_the_workspace_goes_to_its_ledger(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    done = invoke("record", "new_5g_base_stations", "120", "--period", "2022-05")
    assert done.exit_code == 0, done.stderr
    assert done.stderr.startswith(
        "recorded new_5g_base_stations 2022-05 = 120 个 in plan2022.progress.toml (batch"
    )
    assert "new_5g_base_stations" in (workspace / "plan2022.progress.toml").read_text("utf-8")
    status = invoke("status")
    assert status.exit_code == 0, status.stderr
    lines = status.stdout.splitlines()
    assert lines[2:4] == [
        "plan: plan2022.toml (from .plancli.toml)",
        "ledger: plan2022.progress.toml",
    ]
    app_dir = Path(os.environ["XDG_CONFIG_HOME"]) / "plancli"
    assert not app_dir.exists() or not any(app_dir.iterdir())


def test_found_from_a_subfolder(invoke, workspace: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (workspace / "june" / "bulletins").mkdir(parents=True)
    monkeypatch.chdir(workspace / "june" / "bulletins")
    done = invoke("record", "gdp", "5.0", "--amount", "700", "--period", "2022-Q2")
    assert done.exit_code == 0, done.stderr
    assert "in ../../plan2022.progress.toml (batch" in done.stderr
    assert (workspace / "plan2022.progress.toml").exists()
    assert not (workspace / "june" / "bulletins" / "plan2022.progress.toml").exists()
    zh = invoke("--lang", "zh", "status")
    assert "计划：../../plan2022.toml（据 ../../.plancli.toml）" in zh.stdout


def test_precedence_plan_option_env_marker_default(  # type: ignore[no-untyped-def]
    invoke, workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_dir = Path(os.environ["XDG_CONFIG_HOME"]) / "plancli"
    other = tmp_path / "other.toml"
    other.write_bytes((DATA / "plan2022.toml").read_bytes())
    # the marker, without --plan or PLANCLI_PLAN
    assert ledger_of(invoke) == "plan2022.progress.toml"
    # PLANCLI_PLAN wins over the marker
    monkeypatch.setenv("PLANCLI_PLAN", str(other))
    assert ledger_of(invoke) == str(tmp_path / "other.progress.toml")
    # --plan wins over both
    assert ledger_of(invoke, "--plan", "guandu-2022") == str(app_dir / "guandu-2022.progress.toml")
    monkeypatch.delenv("PLANCLI_PLAN")
    # --ledger and PLANCLI_LEDGER still name the ledger of the workspace's plan
    elsewhere = tmp_path / "elsewhere.toml"
    assert (
        invoke("--ledger", str(elsewhere), "record", "gdp", "5", "--period", "2022-Q1").exit_code
        == 0
    )
    assert ledger_of(invoke, "--ledger", str(elsewhere)) == str(elsewhere)
    monkeypatch.setenv("PLANCLI_LEDGER", str(elsewhere))
    assert ledger_of(invoke) == str(elsewhere)
    monkeypatch.delenv("PLANCLI_LEDGER")
    # out of the workspace: the bundled default, as before
    monkeypatch.chdir(tmp_path)
    assert ledger_of(invoke) == str(app_dir / "guandu-2022.progress.toml")


def test_the_ceiling_stops_the_search(invoke, workspace: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    app_dir = Path(os.environ["XDG_CONFIG_HOME"]) / "plancli"
    (workspace / "sub").mkdir()
    monkeypatch.chdir(workspace / "sub")
    monkeypatch.setenv("PLANCLI_CEILING_DIRECTORIES", f"relative/ignored{os.pathsep}{workspace}")
    assert ledger_of(invoke) == str(app_dir / "guandu-2022.progress.toml")
    monkeypatch.chdir(workspace)  # the current folder is always looked in
    assert ledger_of(invoke) == "plan2022.progress.toml"
    monkeypatch.chdir(workspace / "sub")
    monkeypatch.setenv("PLANCLI_CEILING_DIRECTORIES", str(workspace.parent))
    assert ledger_of(invoke) == "../plan2022.progress.toml"


def test_a_marker_without_the_simple_form_is_read_as_toml(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    (workspace / ".plancli.toml").write_text(
        "\ufeff# escaped\r\nplan = 'plan2022.toml'  # literal string\r\n", encoding="utf-8"
    )
    assert ledger_of(invoke) == "plan2022.progress.toml"
    (workspace / ".plancli.toml").write_text('plan = "plan\\u0032022.toml"\n', encoding="utf-8")
    assert ledger_of(invoke) == "plan2022.progress.toml"


# ----------------------------------------------------------------------------- refusals


def refused(invoke, workspace: Path) -> str:  # type: ignore[no-untyped-def]
    """A refused marker: exit 3, one line naming it, no traceback, nothing written anywhere."""
    done = invoke("record", "gdp", "5", "--period", "2022-Q1")
    assert done.exit_code == 3, (done.stderr, done.exception)
    assert not isinstance(done.exception, Exception) or isinstance(done.exception, SystemExit)
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {workspace / '.plancli.toml'}")
    assert not (workspace / "plan2022.progress.toml").exists()
    app_dir = Path(os.environ["XDG_CONFIG_HOME"]) / "plancli"
    assert not app_dir.exists() or not any(app_dir.iterdir())
    assert invoke("status").exit_code == 3
    assert invoke("--plan", "plan2022.toml", "status").exit_code == 0  # --plan: not looked for
    return lines[0].removeprefix(f"error: {workspace / '.plancli.toml'}")


def test_a_marker_others_may_write_is_refused(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    (workspace / ".plancli.toml").chmod(0o646)
    assert refused(invoke, workspace) == (
        ": not followed: other users may write the workspace marker (chmod o-w it, or give --plan)"
    )


def test_a_marker_of_another_user_is_refused(invoke, workspace: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    mine = os.geteuid()
    monkeypatch.setattr(os, "geteuid", lambda: mine + 1000)
    assert refused(invoke, workspace) == (
        f": not followed: the workspace marker is owned by another user (uid {mine}, you are "
        f"{mine + 1000}); give --plan, or remove it"
    )


def test_a_linked_marker_is_refused(invoke, workspace: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    real = tmp_path / "real-marker.toml"
    (workspace / ".plancli.toml").rename(real)
    (workspace / ".plancli.toml").symlink_to(real)
    assert "must be a regular file, not a link" in refused(invoke, workspace)


@pytest.mark.parametrize(
    "name", ["../plan2022.toml", "/etc/passwd", "sub/plan2022.toml", "..", "sub\\plan.toml", ""]
)
def test_a_plan_out_of_the_folder_is_refused(invoke, workspace: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    (workspace / "sub").mkdir()
    (workspace / "sub" / "plan2022.toml").write_bytes((DATA / "plan2022.toml").read_bytes())
    (workspace / ".plancli.toml").write_text(f"plan = {json.dumps(name)}\n", encoding="utf-8")
    message = refused(invoke, workspace)
    assert message == (
        f": not followed: plan = {name!r} is not a file name in the marker's folder (no folder, "
        "no `..`)"
    )


def test_a_plan_linked_out_of_the_folder_is_refused(
    invoke, workspace: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    outside = tmp_path / "outside.toml"
    outside.write_bytes((DATA / "plan2022.toml").read_bytes())
    (workspace / "linked.toml").symlink_to(outside)
    (workspace / ".plancli.toml").write_text('plan = "linked.toml"\n', encoding="utf-8")
    assert refused(invoke, workspace) == (
        f": not followed: the plan linked.toml is a link to {outside}, out of the marker's folder"
    )
    # a link within the folder is the folder's own file
    (workspace / "linked.toml").unlink()
    (workspace / "linked.toml").symlink_to("plan2022.toml")
    assert ledger_of(invoke) == "linked.progress.toml"


def test_a_missing_plan_is_named(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    (workspace / ".plancli.toml").write_text('plan = "plan2023.toml"\n', encoding="utf-8")
    assert (
        refused(invoke, workspace) == f": names the plan plan2023.toml, which is not in {workspace}"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '# workspace\nplan = "plan2022.toml\n',
            ":2:22: invalid TOML: Illegal character '\\n' "
            '(a text is missing its closing quote: "…")',
        ),
        (
            'plan = "plan2022.toml"\nledger = "x.toml"\n',
            ':2: a workspace marker holds one key, plan = "FILE.toml" (the plan file in its '
            "folder); not ledger",
        ),
        ("\nplan = 2022\n", ':2: plan must be the plan\'s file name in quotes: plan = "FILE.toml"'),
        ("# nothing\n", ':1: plan must be the plan\'s file name in quotes: plan = "FILE.toml"'),
    ],
)
def test_a_marker_that_does_not_parse_is_named_with_its_line(  # type: ignore[no-untyped-def]
    invoke, workspace: Path, text: str, message: str
) -> None:
    (workspace / ".plancli.toml").write_text(text, encoding="utf-8")
    assert refused(invoke, workspace) == message


# ------------------------------------------------------------------------ help, process


def test_help_names_the_workspace_default(invoke) -> None:  # type: ignore[no-untyped-def]
    done = invoke("--help")
    assert "the workspace's (.plancli.toml), else guandu-2022" in " ".join(done.stdout.split())


def test_init_cd_record_status_as_a_user_runs_them(tmp_path: Path) -> None:
    """End to end in real processes, HOME and the XDG folders in tmp_path: the figure goes to
    g/plan2022.progress.toml, nothing to the app dir."""
    home = tmp_path / "home"
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "PYTHONPATH": str(Path(plancli.__file__).parents[1]),
    }

    def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "plancli", *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    assert run("init", "g", cwd=tmp_path).returncode == 0
    done = run("record", "unemployment_rate", "4.1", "--period", "2022-Q2", cwd=tmp_path / "g")
    assert done.returncode == 0, done.stderr
    assert "in plan2022.progress.toml (batch" in done.stderr
    status = run("status", cwd=tmp_path / "g")
    assert status.returncode == 0, status.stderr
    assert "ledger: plan2022.progress.toml" in status.stdout
    assert "4.1%" in status.stdout
    assert (tmp_path / "g" / "plan2022.progress.toml").is_file()
    assert not (home / ".config" / "plancli").exists()


def test_validate_says_a_refused_marker_once(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    """Not one of the plan's errors: `validate --json` writes no findings for it, and says it
    once (it said it twice, once more when naming the plan's file for its JSON)."""
    (workspace / ".plancli.toml").chmod(0o646)
    done = invoke("validate", "--json")
    assert done.exit_code == 3 and done.stdout == ""
    assert len(done.stderr.splitlines()) == 1


def test_init_warns_that_plancli_plan_wins_over_its_marker(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Audit A2 D12: with PLANCLI_PLAN naming another plan, `init` said the folder uses the plan
    it copied, and the next step it hinted failed. It now warns that PLANCLI_PLAN wins, and the
    error of a command run there names the marker it overrode."""
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "plan.toml"
    monkeypatch.setenv("PLANCLI_PLAN", str(missing))
    done = invoke("--plan", "guandu-2022", "init", "g")
    assert done.exit_code == 0, done.stderr
    assert (
        f"warning: PLANCLI_PLAN={missing} is set and wins over g/.plancli.toml: plancli run "
        f"there uses {missing}, not plan2022.toml; unset PLANCLI_PLAN to use the workspace's plan"
    ) in done.stderr.splitlines()
    monkeypatch.chdir(tmp_path / "g")
    failed = invoke("targets")
    assert failed.exit_code != 0
    assert (
        f"it wins over the workspace's {tmp_path / 'g' / '.plancli.toml'}: unset PLANCLI_PLAN "
        "to use that plan"
    ) in failed.stderr
    # PLANCLI_PLAN naming the plan init writes: no warning (a profile's plan2022.toml)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PLANCLI_PLAN", "plan2022.toml")
    same = invoke("init", "h")
    assert same.exit_code == 0, same.stderr
    assert "wins over" not in same.stderr
