"""A developer scripting plancli (audit Q): what a cron job, a CI runner or a notebook meets —
an odd `COLUMNS`, an unwritable stderr, a closed stdin, two first writers at once, the
spellings of a yes/no variable, and JSON a script can key on."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture
def workspace(invoke, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """`plancli init` of the bundled 2022 plan with two figures; returns the plan's path."""
    assert invoke("--plan", "guandu-2022", "init", str(tmp_path / "ws")).exit_code == 0
    plan = tmp_path / "ws" / "plan2022.toml"
    for target, value in (("gdp", "5"), ("budget_revenue", "3.1")):
        assert invoke("--plan", str(plan), "record", target, value, "-p", "2022-06").exit_code == 0
    return plan


# ------------------------------------------------------------------ D1: an unusable COLUMNS


@pytest.mark.parametrize("columns", ["0", "1", "-5", "abc", "", "12"])
def test_an_unusable_or_tiny_columns_still_prints_whole_ids(  # type: ignore[no-untyped-def]
    invoke, workspace: Path, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    """`COLUMNS=0` (exported by some containers and CI runners) printed no table at all with
    exit 0, and `COLUMNS=1` one character a line: now ignored, or raised to 40 columns."""

    def ids(args: list[str]) -> set[str]:
        result = invoke("--plan", str(workspace), *args)
        assert result.exit_code == 0, result.stderr
        return {word for word in result.stdout.split() if re.fullmatch(r"[a-z]+_[a-z0-9_]+", word)}

    commands = (["status"], ["gap"], ["targets"], ["history"])
    whole = [ids(args) for args in commands]  # at the tests' COLUMNS=80
    assert "compulsory_education_retention_rate" in whole[2]
    monkeypatch.setenv("COLUMNS", columns)
    for args, expected in zip(commands, whole, strict=True):
        assert expected and ids(args) >= expected, args
    validated = invoke("--plan", str(workspace), "validate").stderr
    assert "investment_total" in validated  # the warning's table, not only the summary line
    assert invoke("plans").stdout.count("guandu-2022") == 1


def test_a_usable_columns_is_kept(invoke, workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from plancli.render import MIN_COLUMNS, columns

    for value, width in (("100", 100), (" 120 ", 120), ("39", MIN_COLUMNS), ("0", 80)):
        monkeypatch.setenv("COLUMNS", value)
        assert columns() == width
    monkeypatch.delenv("COLUMNS")
    assert columns() is None  # Rich asks the terminal, as before
    monkeypatch.setenv("COLUMNS", "100")
    wide = invoke("--plan", str(workspace), "status").stdout
    assert max(map(len, wide.splitlines())) > 80


# ------------------------------------------------------- D2: stderr that cannot be written


def _run(
    args: list[str], plan: Path, stderr: str = "/dev/full"
) -> subprocess.CompletedProcess[bytes]:
    """plancli in a process of its own, its stderr on `stderr` (`2>/dev/full`), or closed
    (`2>&-`) for "closed"."""
    env = {**os.environ, "PLANCLI_PLAN": str(plan)}
    line = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "plancli", *args])
    redirect = "2>&-" if stderr == "closed" else f"2>{shlex.quote(stderr)}"
    return subprocess.run(
        ["sh", "-c", f"{line} {redirect}"], capture_output=False, stdout=subprocess.PIPE, env=env
    )


needs_dev_full = pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")


@needs_dev_full
@pytest.mark.parametrize("stderr", ["/dev/full", "closed"])
def test_a_lost_stderr_is_exit_74_never_1(invoke, workspace: Path, stderr: str) -> None:  # type: ignore[no-untyped-def]
    """The cron recipe's `2>> update.log` on a full disk: the record was written and the job
    got exit 1 (`gap --fail-on`'s verdict); now 74, the ledger's write rule, as for stdout."""
    recorded = _run(["record", "new_5g_base_stations", "142", "-p", "2022-08"], workspace, stderr)
    assert recorded.returncode == 74
    history = json.loads(invoke("--plan", str(workspace), "history", "--json").stdout)
    assert ("new_5g_base_stations", "2022-08", 142) in {
        (r["target"], r["period"], r["value"]) for r in history["records"]
    }
    # a usage error keeps its own code: nothing was written
    assert _run(["gap", "--as-of", "2023"], workspace, stderr).returncode == 2
    # the undo is done, not silently skipped
    assert _run(["undo", "--yes"], workspace, stderr).returncode == 74
    history = json.loads(invoke("--plan", str(workspace), "history", "--json").stdout)
    assert "new_5g_base_stations" not in {r["target"] for r in history["records"]}
    # nothing to say, nothing lost: data on stdout, exit 0
    gap = _run(["gap", "--json"], workspace, stderr)
    assert gap.returncode == 0 and json.loads(gap.stdout)["plan"] == "guandu-2022"


# ------------------------------------------------------------------ D4: a closed stdin


@pytest.mark.parametrize(
    "args", [["import", "-"], ["validate", "--source", "-"], ["extract", "-"]], ids=str
)
def test_a_closed_stdin_is_a_usage_error(workspace: Path, args: list[str]) -> None:
    """A job started with stdin closed (a daemon, `sh -c '… <&-'`) got exit 70, "a bug in
    plancli" (AttributeError on None); `</dev/null` already gave exit 2."""
    env = {**os.environ, "PLANCLI_PLAN": str(workspace)}
    line = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "plancli", *args])
    done = subprocess.run(["sh", "-c", f"{line} <&-"], capture_output=True, env=env)
    assert done.returncode == 2, done.stderr
    assert done.stderr.decode().splitlines() == [
        "error: standard input is closed: give a file instead of -, or pipe one in (< FILE)"
    ]


# ------------------------------------------- D6: the summary of a write whose JSON is lost


@needs_dev_full
def test_a_lost_json_output_says_the_write_once(workspace: Path, tmp_path: Path) -> None:
    """`record --json > /dev/full` said `recorded …` as done, then `error: recorded …; could
    not write the output: …`: a grep for `^recorded` counted the lost output as clean."""
    env = {**os.environ, "PLANCLI_PLAN": str(workspace)}
    cmd = [sys.executable, "-m", "plancli"]
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [*cmd, "record", "new_5g_base_stations", "131", "-p", "2022-07", "--json"],
            stdout=full,
            stderr=subprocess.PIPE,
            env=env,
        )
    assert done.returncode == 74
    lines = done.stderr.decode().splitlines()
    assert [line.split(" in ")[0] for line in lines] == [
        "error: recorded new_5g_base_stations 2022-07 = 131 个"
    ]
    assert lines[0].endswith("; could not write the output: No space left on device")
    csv = tmp_path / "e.csv"
    csv.write_text("target,period,value\nexternal_funds,2022-06,50\n", encoding="utf-8")
    line = " ".join(shlex.quote(a) for a in [*cmd, "import", str(csv), "--json"])
    done = subprocess.run(["sh", "-c", f"{line} >&-"], stderr=subprocess.PIPE, env=env)
    assert done.returncode == 74
    lines = done.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: imported {csv}: 1 new")
    assert lines[0].endswith("; could not write the output: stdout is closed")
    # written, the JSON out: the summary once, after it, as without --json
    done = subprocess.run(
        [*cmd, "record", "new_5g_base_stations", "132", "-p", "2022-07", "--json"],
        capture_output=True,
        env=env,
    )
    assert done.returncode == 0 and json.loads(done.stdout)["written"] is True
    said = [line for line in done.stderr.decode().splitlines() if line.startswith("recorded ")]
    assert len(said) == 1 and "= 132 个" in said[0]


# ------------------------------------------------- D3: two first writers of one ledger


@pytest.mark.parametrize("suffix", [".sqlite", ".progress.toml"])
def test_only_the_writer_that_created_the_ledger_says_so(  # type: ignore[no-untyped-def]
    invoke, workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    """Two nightly imports into a new PLANCLI_LEDGER at once both logged `created l.sqlite`:
    the second job's log claimed a ledger the first had made. Here the other job creates it
    between this one's look (it did not exist) and its write."""
    import contextlib
    import shutil

    from plancli.stores import sqlite, toml

    plan = str(workspace)
    other = tmp_path / f"other{suffix}"
    assert (
        invoke(
            "--plan", plan, "--ledger", str(other), "record", "gdp", "5", "-p", "2022-03"
        ).exit_code
        == 0
    )
    ledger = tmp_path / f"l{suffix}"
    monkeypatch.setenv("PLANCLI_LEDGER", str(ledger))

    def first_writer_elsewhere() -> None:
        if not ledger.exists():
            shutil.copyfile(other, ledger)

    if suffix == ".sqlite":
        create = sqlite.create_ledger_file

        def racing_create(path: Path) -> bool:
            first_writer_elsewhere()
            return create(path)

        monkeypatch.setattr(sqlite, "create_ledger_file", racing_create)
    else:
        lock = toml.exclusive_lock

        @contextlib.contextmanager
        def racing_lock(*args, **kwargs):  # type: ignore[no-untyped-def]
            first_writer_elsewhere()
            with lock(*args, **kwargs):
                yield

        monkeypatch.setattr(toml, "exclusive_lock", racing_lock)
    csv = tmp_path / "july.csv"
    csv.write_text("target,period,value\ngdp,2022-09,5.1\n", encoding="utf-8")
    result = invoke("--plan", plan, "import", str(csv))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"imported {csv}: 1 new"), result.stderr
    assert "created" not in result.stderr
    history = json.loads(invoke("--plan", plan, "history", "--json").stdout)["records"]
    assert [(r["period"], r["value"]) for r in history] == [("2022-03", 5), ("2022-09", 5.1)]
    # alone, the first writer says it
    monkeypatch.undo()
    monkeypatch.setenv("PLANCLI_LEDGER", str(tmp_path / f"new{suffix}"))
    said = invoke("--plan", plan, "import", str(csv)).stderr
    assert said.startswith(f"created {tmp_path / f'new{suffix}'} (named by PLANCLI_LEDGER)\n")


# ------------------------------------------------------------- D5: PLANCLI_CSV_BOM's words


def test_csv_bom_reads_the_usual_yes_and_no(invoke, workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`PLANCLI_CSV_BOM=false` (or `no`) turned the mark on ("set and not 0"): a dashboard's
    `csv.DictReader` then keyed the first column `\\ufeffid`."""
    plan = str(workspace)
    for value, marked in [
        *((v, True) for v in ("1", "true", "TRUE", "yes", "on", " On ")),
        *((v, False) for v in ("", "0", "false", "False", "no", "off", "OFF")),
    ]:
        monkeypatch.setenv("PLANCLI_CSV_BOM", value)
        result = invoke("--plan", plan, "gap", "--csv")
        assert result.exit_code == 0, (value, result.stderr)
        assert result.stdout_bytes.startswith(b"\xef\xbb\xbf") is marked, value
        assert result.stdout_bytes.lstrip(b"\xef\xbb\xbf").startswith(b"id,")
    for value in ("2", "nein", "y"):
        monkeypatch.setenv("PLANCLI_CSV_BOM", value)
        result = invoke("--plan", plan, "gap", "--csv")
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr == (
            f"error: PLANCLI_CSV_BOM={value}: choose 1, true, yes or on, or 0, false, no or off\n"
        )


# ---------------------------------------------------------- D8: small contract gaps


def _keys_conform(value: object, schema: dict, defs: dict) -> bool:  # type: ignore[type-arg]
    """Required keys and JSON types, through $ref, anyOf, arrays and maps (no jsonschema)."""
    if "$ref" in schema:
        return _keys_conform(value, defs[schema["$ref"].rsplit("/", 1)[1]], defs)
    if "anyOf" in schema:
        return any(_keys_conform(value, option, defs) for option in schema["anyOf"])
    kinds = {"string": str, "integer": int, "number": (int, float), "boolean": bool,
             "null": type(None), "array": list, "object": dict}  # fmt: skip
    if "type" in schema and not isinstance(value, kinds[schema["type"]]):
        return False
    if "const" in schema and value != schema["const"]:
        return False
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        if not set(schema.get("required", ())) <= set(value):
            return False
        extra = schema.get("additionalProperties", {})
        return all(
            _keys_conform(item, properties.get(key, extra if isinstance(extra, dict) else {}), defs)
            for key, item in value.items()
        )
    if isinstance(value, list):
        return all(_keys_conform(item, schema.get("items", {}), defs) for item in value)
    return True


def test_plans_and_extract_json_have_a_schema(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`plancli schema plans` and `schema extract` were "no schema", though both commands
    print JSON and `schema --help` promises every JSON output's."""
    for name, document in (
        ("plans", json.loads(invoke("plans", "--json").stdout)),
        ("extract", _compared(invoke, tmp_path)),
    ):
        result = invoke("schema", name)
        assert result.exit_code == 0, result.stderr
        schema = json.loads(result.stdout)
        assert set(schema["required"]) == set(document), name
        assert _keys_conform(document, schema, schema.get("$defs", {})), name
        assert not _keys_conform({**document, "schema_version": "1"}, schema, schema["$defs"])


def _compared(invoke, tmp_path: Path) -> dict:  # type: ignore[no-untyped-def,type-arg]
    gold = tmp_path / "gold.toml"
    report = tmp_path / "report.txt"
    assert invoke("--plan", "guandu-2022", "init", str(tmp_path / "g")).exit_code == 0
    gold.write_bytes((tmp_path / "g" / "plan2022.toml").read_bytes())
    report.write_text(
        "2022年全区地区生产总值增长7%左右，一般公共预算收入增长2%。", encoding="utf-8"
    )
    result = invoke("extract", str(report), "--year", "2022", "--compare", str(gold), "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["missed"] and document["groups"]
    return document  # type: ignore[no-any-return]


def test_extract_help_says_json_needs_compare(invoke) -> None:  # type: ignore[no-untyped-def]
    help_text = " ".join(invoke("extract", "--help").stdout.split())
    assert "--json With --compare: print the comparison as JSON (UTF-8) on stdout." in help_text


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The XDG spec: a relative path is invalid and must be ignored (a cron job run from the
    data folder got a `relcache/` there)."""
    from plancli.cache import cache_dir

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", "relcache")
    assert cache_dir("plans") == tmp_path / "home" / ".cache" / "plancli" / "plans"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "abs"))
    assert cache_dir("plans") == tmp_path / "abs" / "plancli" / "plans"


@pytest.mark.parametrize(
    ("epoch", "expected"),
    [
        ("99999999999999", "is out of range: seconds from 0 (1970-01-01) to 253402300799"),
        ("-1", "is out of range: seconds from 0 (1970-01-01) to 253402300799"),
        ("1.5e9", "is not a number of seconds since 1970"),
    ],
)
def test_source_date_epoch_out_of_range_is_named_so(  # type: ignore[no-untyped-def]
    invoke, monkeypatch, tmp_path: Path, epoch: str, expected: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = invoke("report", "-o", str(tmp_path / "r.md"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: SOURCE_DATE_EPOCH={epoch!r} {expected}")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "253402300799")
    assert invoke("report", "-o", str(tmp_path / "r.md")).exit_code == 0
    assert "9999-12-31" in (tmp_path / "r.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("lang", "interrupted", "internal"),
    [
        ("en", "error: interrupted", "error: internal error: RuntimeError: boom (plancli "),
        ("zh", "错误：已中断", "错误：内部错误：RuntimeError: boom（plancli "),
    ],
)
def test_ctrl_c_and_a_bug_are_error_lines_in_the_interface_language(  # type: ignore[no-untyped-def]
    invoke, monkeypatch, lang: str, interrupted: str, internal: str
) -> None:
    """Ctrl-C printed a bare `interrupted`, and the internal-error line stayed English under
    `--lang zh`: every error is an `error:` (`错误：`) line, in the interface's language."""
    import plancli.plan

    def stop() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(plancli.plan, "bundled_catalog", stop)
    result = invoke("--lang", lang, "plans")
    assert (result.exit_code, result.stderr) == (130, interrupted + "\n")

    def bug() -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(plancli.plan, "bundled_catalog", bug)
    result = invoke("--lang", lang, "plans")
    assert result.exit_code == 70 and result.stderr.startswith(internal), result.stderr


# ------------------------------------------------ D7: the month a period ends, one spelling


def test_one_moment_has_one_month_whatever_the_spelling(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    """`--as-of 2022-06`, `2022-Q2` and `上半年` judge the same moment, but `as_of` and every
    `progress_period` followed the spelling, and a figure's `period` mixed 2022-06, 2022-Q2,
    2022-H1 and 2022: `as_of_end`, `period_end` and `progress_period_end` give the month."""
    plan = ("--plan", str(workspace))
    assert invoke(*plan, "record", "budget_revenue", "3.2", "-p", "2022-H1").exit_code == 0
    assert invoke(*plan, "record", "new_5g_base_stations", "142", "-p", "2022-06").exit_code == 0
    outputs = [json.loads(invoke(*plan, "gap", "--as-of", a, "--json").stdout)
               for a in ("2022-06", "2022-Q2", "上半年")]  # fmt: skip
    assert [o["as_of"] for o in outputs] == ["2022-06", "2022-Q2", "2022-H1"]  # as given
    assert [o["as_of_end"] for o in outputs] == ["2022-06"] * 3
    assert list(outputs[0])[:5] == ["schema_version", "plan", "as_of", "as_of_end", "time_progress"]
    for out in outputs:
        rows = {t["id"]: t for t in out["targets"]}
        assert (rows["gdp"]["period"], rows["gdp"]["period_end"]) == ("2022-06", "2022-06")
        assert (rows["budget_revenue"]["period"], rows["budget_revenue"]["period_end"]) == (
            "2022-H1",
            "2022-06",
        )
        paced = rows["new_5g_base_stations"]  # a cumulative target, judged on time progress
        assert paced["progress_period"] == out["as_of"]  # as spelt
        assert paced["progress_period_end"] == "2022-06"
        assert rows["gdp"]["progress_period_end"] is None  # a growth target is not paced
        assert rows["fixed_asset_investment"]["period_end"] is None  # no figure
        # appended, `stretch_exceeds` after them (session 26), then `reference_period` (28),
        # then `actual_text` (31), then `required_growth_rest_low` and `_high` (42), then
        # `figures_of`, `due_source` and `due_note` (43)
        assert list(rows["gdp"])[-10:-7] == ["period_end", "progress_period_end", "stretch_exceeds"]
        assert list(rows["gdp"])[-7:-5] == ["reference_period", "actual_text"]
    header, *lines = invoke(*plan, "gap", "--as-of", "2022-Q2", "--csv").stdout.splitlines()
    assert header.split(",")[-11:] == [
        "parts_sum",
        "period_end",
        "progress_period_end",
        "stretch_exceeds",
        "reference_period",
        "actual_text",
        "required_growth_rest_low",  # session 42
        "required_growth_rest_high",
        "figures_of",  # session 43
        "due_source",
        "due_note",
    ]
    gdp = next(line for line in lines if line.startswith("gdp,"))
    # not paced: no progress period; no stretch; no ref.; the figure 5 in words; no range;
    # its own figures; no milestone's due
    assert gdp.endswith(",2022-06,,,,5 %,,,,,")
    status = json.loads(invoke(*plan, "status", "--as-of", "2022-Q2", "--json").stdout)
    assert (status["as_of"], status["as_of_end"]) == ("2022-Q2", "2022-06")
    assert status["headline"][0]["period_end"] == "2022-06"
    show = json.loads(invoke(*plan, "show", "budget_revenue", "--json").stdout)
    assert show["as_of_end"] == "2022-06" and show["assessment"]["period_end"] == "2022-06"
    # an annual figure: the year ends in December
    assert invoke(*plan, "record", "gdp", "5.1", "-p", "2022").exit_code == 0
    annual = json.loads(invoke(*plan, "gap", "--json").stdout)
    assert (annual["as_of"], annual["as_of_end"]) == ("2022", "2022-12")
    gdp_row = next(t for t in annual["targets"] if t["id"] == "gdp")
    assert (gdp_row["period"], gdp_row["period_end"]) == ("2022", "2022-12")


def test_ctrl_c_while_plancli_loads_is_the_same_line(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """Ctrl-C in the first tenth of a second (the imports, before the CLI's own handler)
    printed a traceback; now the line a run gives, exit 130."""
    import plancli.__main__ as entry

    def loading() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(entry, "_main", loading)
    with pytest.raises(SystemExit) as done:
        entry.main()
    assert done.value.code == 130
    assert capsys.readouterr().err == "error: interrupted\n"
