"""Session 34's leftovers of the shared ledger (session 33's closing note): libpq's messages
of two lines shown as two (the hint no longer run into the reason), the convert warning about
writers asked of the store, not of its name.

The database tests run against the throwaway server of tests/pgcluster.py and skip, saying
why, where it cannot be started.
"""

# ruff: noqa: F811 - test_ledger_postgres's fixtures are imported, and taken by name

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ledgers import PgLedger
from plancli.locations import database_location, location_of
from plancli.stores import store_class
from plancli.stores.postgres.unreachable import libpq_lines, quoted_clipped
from test_import_stream import BEFORE, FILE
from test_ledger_postgres import ledger  # noqa: F401 - the fixtures, used by name

SRC = Path(__file__).resolve().parents[1] / "src" / "plancli"


# ------------------------------------------------------------ libpq's two-line messages


def test_libpq_text_of_two_lines_is_the_reason_then_its_hint() -> None:
    """libpq's reason and the hint it adds on a tab-indented line: two lines, the hint under
    the reason, not run into it (`…No such file or directory Is the server…`)."""
    text = (
        'connection to server on socket "/run/postgresql/.s.PGSQL.5432" failed: No such file '
        "or directory\n\tIs the server running locally and accepting connections on that "
        "socket?\n"
    )
    assert libpq_lines(text) == (
        'connection to server on socket "/run/postgresql/.s.PGSQL.5432" failed: No such file '
        "or directory\n  Is the server running locally and accepting connections on that socket?"
    )
    server = (
        'ERROR:  figure refused\nDETAIL:  gdp "2022-Q2"\nHINT:  ask  the bureau\n'
        "CONTEXT:  PL/pgSQL function plancli.no_june() line 1 at RAISE\n"
    )
    assert (
        libpq_lines(server) == 'ERROR: figure refused\n  DETAIL: gdp "2022-Q2" HINT: ask the bureau'
    )
    assert libpq_lines("FATAL:  the database system is starting up\n") == (
        "FATAL: the database system is starting up"
    )


def test_a_short_quoted_name_is_not_paired_with_the_next_one() -> None:
    """Quotes pair in order: the server's reason between a socket's path and a setting's name
    was taken for one long quoted name and cut (`…for paramete…(62 characters)"work_mem"`)."""
    text = (
        'connection to server on socket "/tmp/pg/.s.PGSQL.5432" failed: FATAL: 1 kB is outside '
        'the valid range for parameter "work_mem" (64 .. 2147483647)'
    )
    assert quoted_clipped(text) == text
    host = "h" * 300
    clipped = quoted_clipped(f'could not translate host name "{host}" to address')
    assert host not in clipped and "(300 characters)" in clipped


def test_the_server_unreachable_on_its_socket_says_so_on_two_lines(
    invoke,  # type: ignore[no-untyped-def]
    ledger: PgLedger,
) -> None:
    """A socket folder where no server listens: libpq's reason on the error's line and its
    hint on the next, the password of the connection string in neither; exit 4."""
    folder = ledger.cluster.folder / "nope"
    url = ledger.as_user("pwuser").url.replace("pwuser@", "pwuser:Secret-Pw-34@", 1)
    url = url.replace(f"host={ledger.cluster.folder}", f"host={folder}")
    result = invoke("--ledger", url, "history")
    assert result.exit_code == 4
    shown = url.replace("Secret-Pw-34", "***")
    assert result.stderr == (
        f"error: cannot connect to the ledger {shown}: connection to server on socket "
        f'"{folder}/.s.PGSQL.5432" failed: No such file or directory\n'
        "  Is the server running locally and accepting connections on that socket?\n"
    )
    zh = invoke("--lang", "zh", "--ledger", url, "history")
    assert zh.exit_code == 4 and len(zh.stderr.splitlines()) == 1, zh.stderr
    assert "Secret-Pw-34" not in result.stderr + zh.stderr


def test_a_server_error_with_detail_and_hint_is_two_lines_no_password(
    invoke,  # type: ignore[no-untyped-def]
    ledger: PgLedger,
    mini_plan: Path,
) -> None:
    """A database's own trigger refuses a figure, with DETAIL and HINT: the reason on the
    error's line, DETAIL and HINT on the next; the figure not written; no password shown."""
    url = ledger.url.replace("postgres@", "postgres:Secret-Pw-34@", 1)
    first = invoke(
        "--plan", str(mini_plan), "--ledger", url, "record", "gdp", "5.1", "-p", "2022-Q1"
    )
    assert first.exit_code == 0, first.stderr
    ledger.sql(
        "CREATE FUNCTION plancli.no_june() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "RAISE EXCEPTION 'figures are closed for review' USING DETAIL = 'the bureau reviews "
        "June', HINT = 'record it after the 20th'; END $$; "
        "CREATE TRIGGER no_june BEFORE INSERT ON plancli.records FOR EACH ROW "
        "EXECUTE FUNCTION plancli.no_june()"
    )
    result = invoke(
        "--plan", str(mini_plan), "--ledger", url, "record", "gdp", "5.2", "-p", "2022-Q2"
    )
    assert result.exit_code != 0
    lines = result.stderr.splitlines()
    assert len(lines) == 2, result.stderr
    assert lines[0].startswith("error: ") and lines[0].endswith(": figures are closed for review")
    assert lines[1] == "  DETAIL: the bureau reviews June HINT: record it after the 20th"
    assert "Secret-Pw-34" not in result.stderr
    history = invoke("--plan", str(mini_plan), "--ledger", url, "history", "--csv")
    assert [line.split(",")[1] for line in history.stdout.splitlines()[1:]] == ["2022-Q1"]


# ------------------------------------------------------------ what a store can do


def test_whether_a_store_keeps_writers_is_asked_of_it(tmp_path: Path) -> None:
    """`ledger convert`'s warning that writers are dropped asks the store (a TOML file and a
    database keep `recorded_by`, SQLite has no column for it), not the destination's name."""
    toml = location_of(tmp_path / "a.progress.toml")
    sqlite = location_of(tmp_path / "a.progress.sqlite")
    database = database_location("postgresql://alice:hunter22@db.bureau/plans")
    kept = [store_class(where).keeps_writers for where in (toml, sqlite, database)]
    assert kept == [True, False, True]


def test_no_command_names_a_store_by_its_format() -> None:
    """Outside `stores/` (and `locations`, which tells the formats apart), no module compares
    a ledger's format with a store's name: what a store can do is asked of the store."""
    named: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC).as_posix()
        if relative.startswith("stores/") or relative == "locations.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Compare) or not isinstance(node.left, ast.Attribute):
                continue
            if node.left.attr != "format":
                continue
            for right in node.comparators:
                if isinstance(right, ast.Constant) and right.value in (
                    "sqlite",
                    "postgres",
                    "toml",
                ):
                    named.append(f"{relative}:{node.lineno}")
    assert named == []


# ------------------------------------------------------------ convert says what it means


def test_a_convert_the_server_stops_says_nothing_was_copied(
    invoke,  # type: ignore[no-untyped-def]
    ledger: PgLedger,
    mini_plan: Path,
    tmp_path: Path,
) -> None:
    """`ledger convert` writes no batch: a connection lost while it copies says nothing was
    copied and the plan's records are as they were (was: "nothing of this batch was
    written"); the database keeps its one record."""
    where = ("--plan", str(mini_plan), "--ledger", ledger.url)
    assert invoke(*where, "record", "gdp", "5.1", "-p", "2022-Q1").exit_code == 0
    source = tmp_path / "june.progress.toml"
    assert invoke("--plan", str(mini_plan), "--ledger", str(source), "record", "gdp", "5.2",
                  "-p", "2022-Q2").exit_code == 0  # fmt: skip
    ledger.sql(
        "CREATE FUNCTION plancli.stopping() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "RAISE EXCEPTION 'the server is stopping' USING ERRCODE = '57P01'; END $$; "
        "CREATE TRIGGER stopping BEFORE INSERT ON plancli.records FOR EACH ROW "
        "EXECUTE FUNCTION plancli.stopping()"
    )
    result = invoke(
        "--plan", str(mini_plan), "ledger", "convert", str(source), ledger.url, "--force"
    )
    assert result.exit_code == 4, result.stderr
    assert result.stderr == (
        f"error: lost the connection to {ledger.url} (the server is stopping); nothing was "
        "copied: the plan's records in the database are as they were; convert again when the "
        "server is back\n"
    )
    ledger.sql("DROP TRIGGER stopping ON plancli.records; DROP FUNCTION plancli.stopping()")
    history = invoke(*where, "history", "--csv").stdout.splitlines()
    assert [line.split(",")[:3] for line in history[1:]] == [["gdp", "2022-Q1", "5.1"]]


def test_a_refused_convert_says_nothing_was_copied() -> None:
    """The department check's refusal of a convert (the rows it would copy): nothing copied,
    not "nothing of this batch" (a convert adds no batch); a write's is as it was."""
    from plancli.stores.postgres.refusals import refusal

    row = ("gdp", "统计局", 2, None, "bob", None)
    converting = str(refusal(row, "guandu-2022", converting=True))
    assert converting.startswith("refused: gdp is owned by 统计局 (牵头单位); 1 more target ")
    assert converting.endswith(
        "; nothing was copied: the plan's records in the database are as they were"
    )
    assert str(refusal(row, "guandu-2022")).endswith("; nothing of this batch was written")


# ------------------------------------------------------------ extract -o LINK --force

PLAN2022 = Path(__file__).resolve().parents[1] / "data" / "plan2022.toml"
REPORT = "某市2026年政府工作报告\n主要预期目标是：地区生产总值增长5%左右。\n"


def test_extract_force_over_a_link_replaces_the_link_not_the_recorded_plan(
    invoke,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    """`extract -o draft.toml --force`, draft.toml a link to the plan whose figures are
    recorded: the draft replaces the link (as git and `cp --remove-destination` do), the plan
    is byte for byte as it was, and a note says so (was: the plan overwritten, silently)."""
    monkeypatch.chdir(tmp_path)
    plan = tmp_path / "plan2022.toml"
    plan.write_bytes(PLAN2022.read_bytes())
    assert invoke("--plan", str(plan), "record", "gdp", "4.9", "-p", "2022-06").exit_code == 0
    (tmp_path / "draft.toml").symlink_to("plan2022.toml")
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    refused = invoke("extract", "report.txt", "-o", "draft.toml")
    assert refused.exit_code == 2 and "recorded in plan2022.progress.toml" in refused.stderr
    result = invoke("extract", "report.txt", "-o", "draft.toml", "--force")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        "note: draft.toml was a link to plan2022.toml; the draft replaces the link, "
        "plan2022.toml is unchanged"
    )
    assert plan.read_bytes() == PLAN2022.read_bytes()
    draft = tmp_path / "draft.toml"
    assert not draft.is_symlink() and "地区生产总值" in draft.read_text(encoding="utf-8")
    assert invoke("--plan", str(plan), "history", "--csv").stdout.count("gdp,2022-06,4.9") == 1
    # A link to a plan in another folder: refused, as every output's (test_hostile_paths).
    elsewhere = tmp_path / "plans"
    elsewhere.mkdir()
    (elsewhere / "plan2022.toml").write_bytes(PLAN2022.read_bytes())
    (tmp_path / "other.toml").symlink_to(elsewhere / "plan2022.toml")
    other = invoke("extract", "report.txt", "-o", "other.toml", "--force")
    assert other.exit_code == 2 and "another folder" in other.stderr
    assert (elsewhere / "plan2022.toml").read_bytes() == PLAN2022.read_bytes()
    assert (tmp_path / "other.toml").is_symlink()
    # A link to nothing, without --force: refused as every output refuses it.
    (tmp_path / "gone.toml").symlink_to("missing.toml")
    gone = invoke("extract", "report.txt", "-o", "gone.toml")
    assert gone.exit_code == 2 and "which does not exist" in gone.stderr
    assert (tmp_path / "gone.toml").is_symlink() and not (tmp_path / "missing.toml").exists()


# ------------------------------------------------------------ import --json from the stream

ASSESS = Path(__file__).resolve().parent / "fixtures" / "assess.toml"
# test_import_stream's files: new, revised, unchanged rows, warnings; after the correction
# below, FILE's GDP 4.1 is a superseded figure (kept out).
IMPORT_BEFORE, IMPORT_FILE = BEFORE, FILE
# The analyst's correction of GDP's first quarter, after the bulletin gave 4.1.
IMPORT_CORRECTION = "target,period,value,amount,note\ngdp,2022-Q1,4.2,330,corrected\n"


def _import_json(location: object, text: str, hour: int, **how: bool) -> dict[str, object]:
    """The import's JSON document, at 2022-07-05 `hour`:00 UTC, batch ids (random) left out."""
    import json
    from datetime import UTC, datetime

    from plancli.cli.written import import_json
    from plancli.imports import import_rows, parse_import
    from plancli.plan import load_plain_plan
    from plancli.read_notes import ReadNotes
    from plancli.stores import open_store

    plan = load_plain_plan(ASSESS)
    rows, problems = parse_import(text.encode(), "file.csv")
    now = datetime(2022, 7, 5, hour, tzinfo=UTC)
    store = open_store(location)  # type: ignore[arg-type]
    result = import_rows(store, plan, "file.csv", rows, problems, now=now, **how)  # type: ignore[arg-type]
    document = json.loads(import_json(plan, "ledger", result, False, ReadNotes(), []))
    document.pop("batch")
    for record in document["records"]:
        record.pop("batch")
        if record["previous"] is not None:
            record["previous"].pop("batch")
    return dict(document)


@pytest.mark.parametrize("suffix", [".progress.sqlite", ".progress.toml"])
def test_import_json_from_the_stream_is_the_checked_imports(tmp_path: Path, suffix: str) -> None:
    """`import --json` now streams (2.5x the plain import's CPU on 18,000 rows was each row's
    check_entry and change_warnings, which the stream does as one pass) and lists each row
    from the stream's records and warnings: the document is the one the import that checks
    each row (`check_import`) gives, for new, revised, unchanged and kept-out rows alike."""
    from plancli.locations import LedgerLocation

    documents = []
    for how in ({"keep": True}, {"keep": False, "listed": True}):
        location = LedgerLocation(tmp_path / f"{len(documents)}{suffix}", "option")
        _import_json(location, IMPORT_BEFORE, 8)
        _import_json(location, IMPORT_CORRECTION, 9)
        documents.append(_import_json(location, IMPORT_FILE, 10, **how))
    assert documents[1] == documents[0]
    records = documents[1]["records"]
    assert isinstance(records, list)
    changes = {(r["target"], r["period"]): (r["change"], r["row"]) for r in records}
    assert changes == {
        ("new_5g_base_stations", "2022-05"): ("new", 2),
        ("gdp", "2022-Q1"): ("kept", 3),
        ("parking_spaces", "2022-03"): ("unchanged", 4),
        ("gdp", "2022-Q2"): ("new", 5),
        ("parking_spaces", "2022-02"): ("new", 6),
        ("retail_sales", "2022-06"): ("revised", 7),
        ("external_funds", "2022-06"): ("new", 8),
        ("unemployment_rate", "2022-06"): ("new", 9),
    }
    kept = next(r for r in records if r["change"] == "kept")
    assert kept["recorded_at"] is None and kept["previous"] == {
        "period": "2022-Q1",
        "value": 4.2,
        "amount": 330,
        "note": "corrected",
        "source": None,
        "recorded_at": "2022-07-05T09:00:00Z",
    }
    assert kept["warnings"] == [
        "gdp 2022-Q1: the file's 4.1% (amount 330 亿元) was superseded by a later record, and "
        "4.2% (amount 330 亿元) (recorded 2022-07-05 09:00 UTC) stays in force; row not "
        "imported (to return to 4.1% (amount 330 亿元), record it by hand)"
    ]
    may = next(r for r in records if r["period"] == "2022-05")
    assert any("below 2022-04's 80" in warning for warning in may["warnings"])
    assert documents[1]["counts"] == {
        "new": 5,
        "revised": 1,
        "unchanged": 1,
        "rows": 8,
        "figures": 8,
        "kept": 1,
    }
