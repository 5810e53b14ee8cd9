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


def test_plancli_plan_over_a_marker_is_said(  # type: ignore[no-untyped-def]
    invoke, workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Audit Z D3: last year's export in ~/.bashrc silently overruled the workspace.
    other = tmp_path / "beijing.toml"
    other.write_bytes((DATA / "2026" / "beijing.toml").read_bytes())
    (workspace / "月报").mkdir()
    monkeypatch.chdir(workspace / "月报")
    monkeypatch.setenv("PLANCLI_PLAN", str(other))
    note = f"note: PLANCLI_PLAN={other} is used, not ../.plancli.toml's plan2022.toml"
    status = invoke("status")
    assert status.exit_code == 0, status.stderr
    assert status.stderr.splitlines()[0] == note
    done = invoke("record", "gdp", "5", "--period", "2026-Q1", "--amount", "10000")
    assert done.exit_code == 0, done.stderr
    assert done.stderr.splitlines()[0] == note
    assert f"in {tmp_path / 'beijing.progress.toml'} (batch" in done.stderr
    monkeypatch.setenv("PLANCLI_PLAN", "guandu-2022")  # the bundled id of the same plan
    zh = invoke("--lang", "zh", "status")
    assert zh.stderr.splitlines()[0] == (
        "提示：使用的是 PLANCLI_PLAN=guandu-2022，而非 ../.plancli.toml 指明的 plan2022.toml"
    )
    monkeypatch.setenv("PLANCLI_PLAN", str(workspace / "plan2022.toml"))  # its own plan
    assert "PLANCLI_PLAN" not in invoke("status").stderr
    monkeypatch.chdir(tmp_path)  # no workspace: nothing to say
    assert "PLANCLI_PLAN" not in invoke("status").stderr


def test_the_bundled_plan_beside_a_folders_own_ledger_is_said(  # type: ignore[no-untyped-def]
    invoke, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Audit Z D4: the marker lost (deleted, or not copied: cp guandu/* new/); the bundled plan
    # and its ~/.config ledger were used silently beside the folder's plan and ledger.
    assert invoke("record", "new_urban_jobs", "1.3", "--period", "2022-05").exit_code == 0
    (workspace / ".plancli.toml").unlink()
    ledger = Path(os.environ["XDG_CONFIG_HOME"]) / "plancli" / "guandu-2022.progress.toml"
    done = invoke("record", "new_urban_jobs", "1.3", "--period", "2022-06")
    assert done.exit_code == 0, done.stderr
    assert done.stderr.splitlines()[0] == (
        f"note: no .plancli.toml here or above: the bundled plan guandu-2022 and its ledger "
        f"{ledger} are used, not plan2022.progress.toml (plancli --plan FILE.toml init . makes "
        "this folder a workspace)"
    )
    report = invoke("report", "-o", "r.md")
    assert report.exit_code == 0, report.stderr
    assert report.stderr.startswith("note: no .plancli.toml here or above")
    (workspace / "月报").mkdir()  # the ledger in a folder above
    monkeypatch.chdir(workspace / "月报")
    status = invoke("status")
    assert "are used, not ../plan2022.progress.toml (plancli" in status.stderr.splitlines()[0]
    # N4 (session 27): the hint said `init .`, which made 月报 a workspace with a copied plan
    # and an empty ledger; it names the folder that holds the plan and ledger
    assert status.stderr.splitlines()[0].endswith(
        "(plancli --plan ../plan2022.toml init .. makes .., where that ledger is, a workspace)"
    )


def test_a_removed_current_folder_is_refused(  # type: ignore[no-untyped-def]
    invoke, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Audit Z D10: the shell left in a removed workspace folder fell to the bundled plan and
    # wrote to ~/.config.
    gone = workspace / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    done = invoke("record", "new_urban_jobs", "0.9", "--period", "2022-05")
    assert done.exit_code == 3, done.stderr
    assert done.stderr == (
        "error: the current folder no longer exists (removed or moved?); cd into the workspace "
        "again, or give --plan\n"
    )
    app_dir = Path(os.environ["XDG_CONFIG_HOME"]) / "plancli"
    assert not app_dir.exists() or not any(app_dir.iterdir())


def test_init_where_the_plan_is_already_writes_only_the_marker(  # type: ignore[no-untyped-def]
    invoke, workspace: Path
) -> None:
    # Audit Z D5: `--plan plan2022.toml init .` failed with a Python repr (PosixPath(...) are
    # the same file); `init . --force` silently replaced a plan edited in place.
    (workspace / ".plancli.toml").unlink()
    plan = workspace / "plan2022.toml"
    edited = plan.read_text("utf-8").replace("官渡区", "官渡区（修订）", 1)
    plan.write_text(edited, encoding="utf-8")
    plain = invoke("init", ".")
    assert plain.exit_code == 2
    assert plain.stderr == (
        "error: plan2022.toml exists; use --force to overwrite it, or make . a workspace of it "
        "as it is: plancli --plan plan2022.toml init .\n"
    )
    done = invoke("--plan", "plan2022.toml", "init", ".")
    assert done.exit_code == 0, done.stderr
    assert done.stderr.splitlines()[0] == "plan2022.toml is in . already: not copied"
    assert plan.read_text("utf-8") == edited
    assert (workspace / ".plancli.toml").read_text("utf-8").endswith('plan = "plan2022.toml"\n')
    forced = invoke("init", ".", "--force")
    assert forced.exit_code == 0, forced.stderr
    assert forced.stderr.splitlines()[0].startswith("wrote plan2022.toml: replaced by ")
    assert "the edits made to it in . are gone" in forced.stderr


def test_init_inside_a_workspace_names_the_outer_one(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    # Audit Z D8: init 7月 inside a workspace silently split the year's figures in two ledgers.
    done = invoke("init", "7月")
    assert done.exit_code == 0, done.stderr
    assert (
        "note: 7月 is inside the workspace of .plancli.toml (plan2022.toml); plancli run in 7月 "
        "or below now uses 7月/plan2022.progress.toml, not that workspace's ledger"
    ) in done.stderr.splitlines()
    again = invoke("init", "7月", "--force")  # 7月's own marker is no outer workspace
    assert "7月 is inside" in again.stderr  # still inside g's


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b'plan = "plan2022.progress.toml"\n',
            ': names plan2022.progress.toml, a ledger, not a plan file: plan = "plan2022.toml" '
            "names the plan beside it",
        ),
        (
            b'plan = ".plancli.toml"\n',
            # N5 (session 27): once "is not a file name in the marker's folder (no folder, no
            # `..`)", which it is: the user was sent looking for a slash that is not there
            ": not followed: plan = '.plancli.toml' names this marker itself, not a plan: "
            'write plan = "FILE.toml", the plan file in its folder',
        ),
        (
            'plan = "plan2022.toml"\r\n'.encode("utf-16"),
            ': is UTF-16 text (Notepad\'s "Unicode"); save it as UTF-8, or write it again with '
            "plancli init",
        ),
    ],
)
def test_a_hand_edited_marker_is_refused_in_one_clear_line(  # type: ignore[no-untyped-def]
    invoke, workspace: Path, content: bytes, message: str
) -> None:
    # Audit Z D1, D9: the ledger's name gave `version: unknown key`; the marker's own name an
    # English pydantic error; UTF-16 "not UTF-8 text (byte 0)".
    (workspace / ".plancli.toml").write_bytes(content)
    done = invoke("status")
    assert done.exit_code == 3, done.stderr
    assert done.stderr == f"error: {workspace / '.plancli.toml'}{message}\n"


@pytest.mark.parametrize(
    ("name", "shown"),
    [("plan2022.toml ", '"plan2022.toml "'), ("a\\nb.toml", '"a\\nb.toml"')],
)
def test_a_name_that_would_not_show_is_quoted(  # type: ignore[no-untyped-def]
    invoke, workspace: Path, name: str, shown: str
) -> None:
    # Audit Z D9: a trailing space was invisible; a line break split the refusal in two.
    (workspace / ".plancli.toml").write_text(f'plan = "{name}"\n', encoding="utf-8")
    done = invoke("status")
    assert done.exit_code == 3
    assert done.stderr == (
        f"error: {workspace / '.plancli.toml'}: names the plan {shown}, which is not in "
        f"{workspace}\n"
    )


def test_the_guides_owner_example_says_how_owners_are_given(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    # Audit Z D6: the zh guide's --owner example failed on the guide's own plan, which names no
    # owner, and the error gave no way forward.
    args = ("template", "6月-工信局.csv", "--period", "2022-06", "--owner", "区工信局")
    done = invoke("--lang", "zh", *args)
    assert done.exit_code == 2
    assert done.stderr.startswith("错误：计划中没有任何目标设定了牵头单位（owner）")
    assert 'owner = "区工信局"' in done.stderr and "shared-ledger.md" in done.stderr
    plan = workspace / "plan2022.toml"
    text = plan.read_text("utf-8")
    line = 'id = "new_5g_base_stations"\n'
    plan.write_text(text.replace(line, line + 'owner = "区工信局"\n', 1), encoding="utf-8")
    done = invoke(*args)
    assert done.exit_code == 0, done.stderr
    assert "new_5g_base_stations" in (workspace / "6月-工信局.csv").read_text("utf-8-sig")


def test_init_of_another_plan_inside_a_workspace_says_nothing_more(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    done = invoke("--plan", "shaanxi-2026", "init", "sx")
    assert done.exit_code == 0, done.stderr
    assert "inside the workspace" not in done.stderr


def test_a_ledger_given_as_the_plan_is_named(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    assert invoke("record", "new_urban_jobs", "1", "--period", "2022-06").exit_code == 0
    done = invoke("--plan", "plan2022.progress.toml", "status")
    assert done.exit_code == 2
    assert done.stderr == (
        "error: --plan plan2022.progress.toml: is a ledger, not a plan file; give the plan, "
        "plan2022.toml\n"
    )


def test_report_and_template_confirmations_name_the_ledger(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    # Audit Z D4: `report -o` and `template` named neither plan nor ledger, so a report made
    # from the one-figure app-dir ledger looked like the workspace's.
    assert invoke("record", "new_urban_jobs", "1.3", "--period", "2022-06").exit_code == 0
    report = invoke("report", "-o", "r.md")
    assert report.stderr == (
        "wrote r.md (md, as of 2022-06, 80 targets; ledger plan2022.progress.toml)\n"
    )
    template = invoke("template", "june.csv", "--period", "2022-06")
    assert template.stderr == (
        "wrote june.csv: 77 rows due for 2022-06 (last figures from plan2022.progress.toml); "
        "fill in value, then `plancli import june.csv`\n"
    )


def test_a_ledger_two_folders_up_is_no_note(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stray `x.progress.toml` in /tmp put the note under every command run anywhere below
    it (CI's clean clone in /tmp/ci/main: 60 tests' stderr). The current folder and the one
    above it are looked in, no higher."""
    monkeypatch.setenv("PLANCLI_CEILING_DIRECTORIES", str(tmp_path.parent))
    (tmp_path / "stray.progress.toml").write_text("", encoding="utf-8")
    deep = tmp_path / "ci" / "main"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    done = invoke("targets", "--json")
    assert done.exit_code == 0, done.stderr
    assert "note:" not in done.stderr
    monkeypatch.chdir(tmp_path / "ci")
    assert "are used, not ../stray.progress.toml" in invoke("targets", "--json").stderr


def test_a_ledger_given_by_plancli_plan_or_without_its_plan_is_named_so(  # type: ignore[no-untyped-def]
    invoke, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """N10 (session 27): PLANCLI_PLAN naming the ledger was said as `--plan …`, which the user
    never typed, and with the plan renamed away it still named plan2022.toml, not there."""
    assert invoke("record", "new_urban_jobs", "1", "--period", "2022-06").exit_code == 0
    monkeypatch.setenv("PLANCLI_PLAN", "plan2022.progress.toml")
    done = invoke("status")
    assert done.exit_code == 2
    assert done.stderr == (
        "error: PLANCLI_PLAN=plan2022.progress.toml: is a ledger, not a plan file; give the "
        "plan, plan2022.toml\n"
    )
    (workspace / "plan2022.toml").rename(workspace / "规划.toml")
    gone = invoke("status")
    assert gone.stderr == (
        "error: PLANCLI_PLAN=plan2022.progress.toml: is a ledger, not a plan file; give its "
        "plan file\n"
    )


def test_init_in_a_removed_current_folder_says_so(  # type: ignore[no-untyped-def]
    invoke, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """N11 (session 27): `init x` in a removed folder said `cannot write x/plan2022.toml: no
    such file or folder`, not the clear line every other command gives there (Z D10)."""
    gone = workspace / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    done = invoke("init", "x")
    assert done.exit_code == 3, done.stderr
    assert done.stderr == (  # (verify C: not `or give --plan`, which makes no x there)
        "error: the current folder no longer exists (removed or moved?); cd into a folder that "
        "exists, or give init the full path of x\n"
    )


def test_a_line_break_in_the_markers_folder_is_shown_escaped(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Z D9 (session 27): the refusal's leading marker path printed a line break in its folder
    raw, splitting the one-line error in two, while its second half showed it escaped."""
    folder = tmp_path / "x\ny"
    folder.mkdir()
    (folder / ".plancli.toml").write_text('plan = "nope.toml"\n', encoding="utf-8")
    monkeypatch.chdir(folder)
    done = invoke("status")
    assert done.exit_code == 3
    assert len(done.stderr.splitlines()) == 1, done.stderr
    shown = json.dumps(str(folder / ".plancli.toml"), ensure_ascii=False)
    assert done.stderr.startswith(f"error: {shown}: names the plan nope.toml, which is not in ")


def test_a_ledger_copied_under_another_name_is_known_by_its_keys(  # type: ignore[no-untyped-def]
    invoke, workspace: Path
) -> None:
    """N10 (session 27): `cp plan2022.progress.toml 台账副本.toml; --plan 台账副本.toml` still
    got `version: unknown key (a typo?) (and 4 more errors)`: the name was all that was read."""
    assert invoke("record", "new_urban_jobs", "1", "--period", "2022-06").exit_code == 0
    copy = workspace / "台账副本.toml"
    copy.write_bytes((workspace / "plan2022.progress.toml").read_bytes())
    done = invoke("--plan", "台账副本.toml", "status")
    assert done.exit_code == 3, done.stderr
    assert done.stderr == (
        "error: 台账副本.toml: is a ledger (version, [[records]]), not a plan file; give its "
        "plan file\n"
    )
    zh = invoke("--lang", "zh", "--plan", "台账副本.toml", "validate")
    assert zh.exit_code == 3 and "是台账" in zh.stderr and "未知的键" not in zh.stderr
