"""Habits of the ecosystem (issue 12.5) and a mistyped ledger (12.3): global options after the
command, an id column, shell completion of target ids, `--json` from the write commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture
def workspace(invoke, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """`plancli init` of the bundled 2022 plan in a temp folder; returns the plan's path."""
    assert invoke("--plan", "guandu-2022", "init", str(tmp_path / "ws")).exit_code == 0
    return tmp_path / "ws" / "plan2022.toml"


# ---------------------------------------------------------- global options after the command


def test_lang_after_the_command(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    before = invoke("--plan", str(workspace), "--lang", "zh", "status").stdout
    after = invoke("--plan", str(workspace), "status", "--lang", "zh").stdout
    assert after == before
    assert "主要预期目标" in after and "地区生产总值" in after


def test_plan_after_the_command(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("gap", "--plan", "zhejiang-2026", "--json")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["plan"] == "zhejiang-2026"
    assert {t["id"] for t in out["targets"]} >= {"gdp", "surveyed_unemployment_rate", "cpi"}
    # after the command, it wins over the one before it
    both = json.loads(
        invoke("--plan", "guandu-2022", "gap", "--plan", "zhejiang-2026", "--json").stdout
    )
    assert both["plan"] == "zhejiang-2026"


def test_ledger_after_the_command(invoke, workspace: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.progress.toml"
    plan = str(workspace)
    recorded = invoke(
        "--plan", plan, "record", "gdp", "5.2", "-p", "2022-06", "--ledger", str(other)
    )
    assert recorded.exit_code == 0, recorded.stderr
    assert recorded.stderr.startswith(f"created {other} (named by --ledger)\n")
    history = json.loads(invoke("--plan", plan, "history", "--json", "--ledger", str(other)).stdout)
    assert [(r["target"], r["value"]) for r in history["records"]] == [("gdp", 5.2)]
    # the workspace's own ledger was not written
    assert json.loads(invoke("--plan", plan, "history", "--json").stdout)["records"] == []


# ------------------------------------------------------------------------- the id column


def test_status_and_gap_tables_have_an_id_column(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    plan = str(workspace)
    invoke("--plan", plan, "record", "gdp", "5", "--amount", "700", "-p", "2022-06")
    invoke("--plan", plan, "record", "new_5g_base_stations", "120", "-p", "2022-06")
    status = invoke("--plan", plan, "--lang", "zh", "status").stdout
    assert max(len(line) for line in status.splitlines()) <= 80
    lines = status.splitlines()
    # the id leads its row, the name under it: at 80 columns the table keeps the gap and the
    # trend the narrower cards keep (session 30), so the name leaves them the room beside
    at = next(i for i, line in enumerate(lines) if line.split()[:1] == ["gdp"])
    gdp = lines[at]
    assert "≥ 7%" in gdp and "5%" in gdp and "2个百分点" in gdp
    assert lines[at + 1].strip() == "地区生产总值"
    gap = invoke("--plan", plan, "gap", "--status", "behind").stdout
    lines = gap.splitlines()
    at = next(i for i, line in enumerate(lines) if "new_5g_base_stations" in line)
    # the id leads its card at 80 columns (the gap kept under it: session 29)
    assert lines[at].split()[0] == "new_5g_base_stations"
    assert "120/310 个" in " ".join(lines[at : at + 3])
    # the id leads to `show`
    shown = invoke("--plan", plan, "show", "new_5g_base_stations").stdout
    assert "新建5G基站" in shown


# ---------------------------------------------------------------------- shell completion


def _complete(words: str, env: dict[str, str] | None = None) -> list[str]:
    """What bash completion offers for the last word of `words` (Typer's protocol: the
    shell's script sets these variables and runs plancli)."""
    from typer.testing import CliRunner

    from plancli.cli import app

    result = CliRunner().invoke(
        app,
        [],
        prog_name="plancli",
        env={
            "_PLANCLI_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - 1),
            **(env or {}),
        },
    )
    assert result.exit_code == 0, result.output
    return result.stdout.split()


def test_completion_offers_target_ids_of_the_plan() -> None:
    assert _complete("plancli show new_5g") == ["new_5g_base_stations"]
    assert _complete("plancli record unemp") == ["unemployment_rate"]
    assert _complete("plancli --plan zhejiang-2026 record surveyed") == [
        "surveyed_unemployment_rate"
    ]
    assert _complete("plancli show x", {"PLANCLI_PLAN": "zhejiang-2026"}) == []
    assert "--dry-run" in _complete("plancli record --d")
    assert "status" in _complete("plancli sta")


def test_completion_script(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("completion", "bash")
    assert result.exit_code == 0
    assert "_PLANCLI_COMPLETE=complete_bash" in result.stdout
    assert "complete -o default -F _plancli_completion plancli" in result.stdout
    zsh = invoke("completion", "zsh").stdout
    assert "#compdef plancli" in zsh
    wrong = invoke("completion", "tcsh")
    assert (wrong.exit_code, wrong.stderr) == (
        2,
        "error: no completion for the shell tcsh; choose bash, zsh, fish or powershell\n",
    )


# ------------------------------------------------------------ --json from the writers


def test_record_json_says_what_was_written(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    plan = str(workspace)
    first = invoke(
        "--plan", plan, "record", "gdp", "5", "--amount", "700", "-p", "2022-06", "--json"
    )
    assert first.exit_code == 0, first.stderr
    out = json.loads(first.stdout)
    assert (out["command"], out["plan"], out["written"], out["dry_run"]) == (
        "record",
        "guandu-2022",
        True,
        False,
    )
    assert out["counts"] == {
        "new": 1,
        "revised": 0,
        "unchanged": 0,
        "rows": 1,
        "figures": 1,
        "kept": 0,
    }
    [record] = out["records"]
    assert (record["target"], record["period"], record["value"], record["amount"]) == (
        "gdp",
        "2022-06",
        5,
        700,
    )
    assert record["change"] == "new" and record["previous"] is None
    assert out["batch"] == record["batch"]
    revised = json.loads(
        invoke(
            "--plan", plan, "record", "gdp", "5.3", "--amount", "702", "-p", "2022-06", "--json"
        ).stdout
    )
    [again] = revised["records"]
    assert again["change"] == "revised"
    assert (again["previous"]["value"], again["previous"]["amount"]) == (5, 700)
    assert again["previous"]["batch"] == out["batch"]
    same = json.loads(
        invoke(
            "--plan", plan, "record", "gdp", "5.3", "--amount", "702", "-p", "2022-06", "--json"
        ).stdout
    )
    assert (same["written"], same["batch"], same["records"][0]["change"]) == (
        False,
        None,
        "unchanged",
    )


def test_import_json_counts_and_records(invoke, workspace: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = str(workspace)
    invoke("--plan", plan, "record", "gdp", "5", "--amount", "700", "-p", "2022-06")
    figures = tmp_path / "june.csv"
    figures.write_text(
        "target,period,value,amount\n"
        "gdp,2022-06,5.2,705\n"
        "new_5g_base_stations,2022-06,120,\n"
        "unemployment_rate,2022-06,4.1,\n",
        encoding="utf-8",
    )
    result = invoke("--plan", plan, "import", str(figures), "--json")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["command"] == "import" and out["file"] == str(figures) and out["written"]
    assert out["counts"] == {
        "new": 2,
        "revised": 1,
        "unchanged": 0,
        "rows": 3,
        "figures": 3,
        "kept": 0,
    }
    by_target = {r["target"]: r for r in out["records"]}
    assert by_target["gdp"]["change"] == "revised" and by_target["gdp"]["previous"]["value"] == 5
    assert by_target["new_5g_base_stations"]["value"] == 120
    assert [r["row"] for r in out["records"]] == [2, 3, 4]
    assert {r["batch"] for r in out["records"]} == {out["batch"]}
    dry = json.loads(invoke("--plan", plan, "import", str(figures), "--json", "-n").stdout)
    assert (dry["dry_run"], dry["written"], dry["counts"]["unchanged"]) == (True, False, 3)


def test_undo_json_says_what_was_reverted(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    plan = str(workspace)
    invoke("--plan", plan, "record", "new_5g_base_stations", "100", "-p", "2022-05")
    invoke("--plan", plan, "record", "new_5g_base_stations", "120", "-p", "2022-06")
    invoke("--plan", plan, "record", "new_5g_base_stations", "125", "-p", "2022-06")
    result = invoke("--plan", plan, "undo", "--yes", "--json")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["written"] and out["counts"] == {"records": 1, "amendments": 0}
    [reverted] = out["records"]
    assert (reverted["period"], reverted["value"], reverted["restored"]["value"]) == (
        "2022-06",
        125,
        120,
    )
    empty_plan = json.loads(invoke("--plan", plan, "undo", "--yes", "--json").stdout)
    assert empty_plan["records"][0]["restored"] is None  # 2022-06's first figure: none after


def test_schema_documents_the_write_outputs(invoke) -> None:  # type: ignore[no-untyped-def]
    schemas = json.loads(invoke("schema").stdout)
    assert {"record", "import", "undo"} <= set(schemas)
    assert {"counts", "batch", "records", "written"} <= set(schemas["record"]["properties"])
    assert {"restored"} <= set(schemas["undo"]["$defs"]["RevertedRecord"]["properties"])


# ------------------------------------------------------------- a ledger named but missing


def test_a_mistyped_ledger_is_an_error_for_reads(invoke, workspace: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    typo = workspace.with_name("plan2022.progres.toml")
    monkeypatch.setenv("PLANCLI_LEDGER", str(typo))
    for command in (
        ["gap", "--fail-on", "behind"],
        ["status"],
        ["history"],
        ["show", "gdp"],
        ["report"],
        ["template", "-", "-p", "2022-06"],
    ):
        result = invoke("--plan", str(workspace), *command)
        assert result.exit_code == 2, (command, result.output)
        assert result.stderr == (
            f"error: ledger {typo} does not exist (named by PLANCLI_LEDGER); "
            "record or import create it\n"
        )
    monkeypatch.delenv("PLANCLI_LEDGER")
    option = invoke("--plan", str(workspace), "--lang", "zh", "gap", "--ledger", str(typo))
    assert option.stderr == (
        f"错误：台账 {typo} 不存在（由 --ledger 指定）；record 或 import 会新建它\n"
    )


def test_the_default_ledger_still_reads_as_empty(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    assert not workspace.with_name("plan2022.progress.toml").exists()
    result = invoke("--plan", str(workspace), "gap", "--fail-on", "behind", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["as_of"] is None


def test_writers_say_they_create_a_named_ledger(invoke, workspace: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ledger = workspace.with_name("june.sqlite")
    monkeypatch.setenv("PLANCLI_LEDGER", str(ledger))
    dry = invoke("--plan", str(workspace), "record", "gdp", "5", "-p", "2022-06", "-n")
    assert dry.stderr.startswith(
        f"note: {ledger} does not exist (named by PLANCLI_LEDGER); it would be created\n"
    )
    assert not ledger.exists()
    made = invoke("--plan", str(workspace), "amend", "gdp", "--from", "2022-07", "--min", "6")
    assert made.exit_code == 0, made.stderr
    assert made.stderr.startswith(f"created {ledger} (named by PLANCLI_LEDGER)\n")
    again = invoke("--plan", str(workspace), "record", "gdp", "5", "-p", "2022-06")
    assert "created" not in again.stderr  # once it exists, nothing to say


def test_a_value_that_looks_like_a_global_option_stays_a_value(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    plan = str(workspace)
    result = invoke("--plan", plan, "record", "gdp", "5", "-p", "2022-06", "--note", "--lang")
    assert result.exit_code == 0, result.stderr
    [record] = json.loads(invoke("--plan", plan, "history", "--json").stdout)["records"]
    assert record["note"] == "--lang"
    missing = invoke("gap", "--plan")
    assert (missing.exit_code, missing.stderr) == (
        2,
        "error: option --plan needs a value; see `plancli --help`\n",
    )


def test_completion_install_writes_into_the_home_folder(invoke, isolated_env: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("completion", "bash", "--install")
    assert result.exit_code == 0, result.output
    script = isolated_env / ".bash_completions" / "plancli.sh"
    assert "_PLANCLI_COMPLETE=complete_bash" in script.read_text(encoding="utf-8")
    assert str(script) in (isolated_env / ".bashrc").read_text(encoding="utf-8")
    assert result.stderr == f"installed bash completion in {script}; it works in a new shell\n"


# ------------------------------------------------------------------ tables in a pipe


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_tables_in_a_pipe_have_no_trailing_blanks(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:  # type: ignore[no-untyped-def]
    """Rich pads every line of a table to its width: `status > june.txt` or `validate | mail`
    gave lines ending in up to 80 blanks, which a document, a diff or an e-mail keeps (and
    `git diff` paints red). Off a terminal the lines end where their text does; the table
    itself is the same."""
    monkeypatch.setenv("COLUMNS", "80")
    ws = tmp_path / "ws"
    assert invoke("--plan", "guandu-2022", "init", "--demo", str(ws)).exit_code == 0
    plan = ("--plan", str(ws / "plan2022.toml"), "--lang", lang)
    commands = [
        ("status",),
        ("gap",),
        ("validate",),
        ("targets", "--section", "headline"),
        ("plans",),
        ("history", "gdp"),
        ("show", "new_5g_base_stations"),
    ]
    for command in commands:
        result = invoke(*plan, *command)
        assert result.exit_code == 0, result.output
        for stream in (result.stdout, result.stderr):
            padded = [line for line in stream.splitlines() if line != line.rstrip()]
            assert not padded, (command, padded[:3])
        assert "─" * 20 in result.stdout or command == ("validate",)
    findings = invoke(*plan, "validate").stderr
    assert "investment_total" in findings  # the roll-up's 58.72 against 58.71, as a table


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_dry_runs_preview_is_its_output_on_stdout(invoke, workspace: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    """`import --dry-run` printed its table on stdout and `undo --dry-run` on stderr, so a
    script keeping stdout got one preview and not the other (audit 4, defect 9). A preview
    table is the command's output (stdout); the one-line summary (would import…, would
    revert…, would record…, would amend…) is a message (stderr), as the real run's is; with
    --json stdout holds the JSON alone."""
    plan = str(workspace)

    def run(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
        result = invoke("--plan", plan, "--lang", lang, *args, input=stdin)
        assert result.exit_code == 0, result.output
        return result

    run("record", "new_5g_base_stations", "150", "--period", "2022-06")
    rows = "target,period,value\nnew_5g_base_stations,2022-07,170\n"
    imported = run("import", "-", "--dry-run", stdin=rows)
    undone = run("undo", "--dry-run")
    for preview in (imported, undone):
        assert "new_5g_base_stations" in preview.stdout  # the table
        assert "new_5g_base_stations" not in preview.stderr
        assert preview.stderr.count("\n") == 1 and "--dry-run" in preview.stderr  # the summary
    for one_line in (
        run("record", "gdp", "6", "--period", "2022-Q2", "--dry-run"),
        run("amend", "gdp", "--min", "6", "--from", "2022-07", "--dry-run"),
    ):
        assert one_line.stdout == ""
        assert one_line.stderr.count("\n") == 1 and "--dry-run" in one_line.stderr
    for command in (["import", "-"], ["undo"]):
        as_json = run(*command, "--dry-run", "--json", stdin=rows)
        assert json.loads(as_json.stdout)["dry_run"] is True  # nothing but the JSON
