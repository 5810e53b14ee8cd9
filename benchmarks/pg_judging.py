"""Probe (issue 13): could PostgreSQL judge and write `gap --json`'s rows itself, fast enough
for 100,000 targets to take at most half of the SQLite store's time? Not plancli's code path:
a measurement, kept so that it can be run again.

    python benchmarks/pg_judging.py --folder /tmp/s6/large/plan-100000 --rounds 3
    python benchmarks/pg_judging.py --folder … --url 'postgresql://bureau@/bench_100000?host=…'

What it does: the plan's parts of every row (its texts, escaped by plancli's own writer, and
the numbers its status is decided by: the bound as `bounds.bound_of` makes it, tolerances,
shares as `core.expected_share` gives them) are computed in Python (`pg_judging_rows.py`) and
put in a table; one statement (`pg_judging_sql.py`) selects each target's figure in force,
judges it and writes its JSON text, worst first. The rows are compared byte for byte with
SQLite's `gap --json`, and the server's CPU time is set beside the whole `gap --json` of each
store (wall and CPU time of the plancli process, its children included), in turn per round.

Without `--url` a throwaway server is started and the folder's SQLite ledger copied into it,
as `benchmarks/postgres.py` does.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import pg_judging_rows as plan_rows  # noqa: E402
import pg_judging_sql as judging_sql  # noqa: E402


def _cpu(pid: int) -> float:
    """A server process's CPU time (user + system), from /proc (the backend runs locally)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def upload(connection: Any, plan: Any, digest: str) -> float:
    """The plan's rows in the probe's tables (once per plan content); the seconds it took."""
    connection.execute(judging_sql.TABLES)
    if connection.execute(
        "SELECT 1 FROM plancli.gap_plans WHERE digest = %s", (digest,)
    ).fetchone():
        return 0.0
    started = time.perf_counter()
    rows, profiles = plan_rows.plan_rows(plan)
    columns = ", ".join(plan_rows.COLUMNS)
    with connection.cursor() as cursor:
        with cursor.copy(f"COPY plancli.gap_targets (digest, {columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row((digest, *row))
        with cursor.copy(
            "COPY plancli.gap_shares (digest, profile, month, n, d, shown) FROM STDIN"
        ) as copy:
            for profile, month, n, d in plan_rows.share_rows(profiles):
                copy.write_row((digest, profile, month, n, d, ""))
    connection.execute(
        "INSERT INTO plancli.gap_plans (digest, plan_id, targets) VALUES (%s, %s, %s)",
        (digest, plan.plan.id, len(rows)),
    )
    connection.execute("ANALYZE plancli.gap_targets")
    return time.perf_counter() - started


def probe(connection: Any, parameters: dict[str, Any]) -> tuple[float, float, list[Any]]:
    """The statement's wall and server CPU time, and its rows (place, status, text, …)."""
    pid = connection.execute("SELECT pg_backend_pid()").fetchone()[0]
    connection.execute("SET work_mem = '256MB'")
    connection.execute("SET jit = off")
    before, started = _cpu(pid), time.perf_counter()
    rows = connection.execute(judging_sql.ROWS, parameters).fetchall()
    return time.perf_counter() - started, _cpu(pid) - before, rows


_LATEST = """
SELECT DISTINCT ON (target) target, seq FROM plancli.records
WHERE plan_id = %(plan)s AND period_year = %(year)s AND end_month <= %(month)s
ORDER BY target DESC, period_year DESC, end_month DESC, seq DESC
"""
# Rows kept in the database, served: the kept rows whose figure is still the one in force,
# in their order, 512 a text.
_SERVE = f"""
COPY (WITH latest AS ({_LATEST})
SELECT string_agg(k.text, E',\\n    ' ORDER BY k.place) FROM latest l
JOIN plancli.gap_kept k ON k.target = l.target AND k.seq = l.seq
GROUP BY k.place / 512 ORDER BY min(k.place)) TO STDOUT
"""


def keep(connection: Any, document: str, parameters: dict[str, Any]) -> None:
    """The rows of a `gap --json` document kept in the database, each with its place and the
    `seq` of its target's figure in force (the other design: rows judged by Python, kept)."""
    start = document.index('"targets": [') + len('"targets": [')
    body = document[start : document.rindex("]")].strip()
    pieces = body.split("},\n    {")  # the rows, without the braces between them
    texts = [
        ("{" if n else "") + piece + ("}" if n < len(pieces) - 1 else "")
        for n, piece in enumerate(pieces)
    ]
    seqs = dict(connection.execute(_LATEST, parameters).fetchall())
    connection.execute("DROP TABLE IF EXISTS plancli.gap_kept")
    connection.execute(
        "CREATE TABLE plancli.gap_kept (target text PRIMARY KEY, seq bigint, place integer, "
        "text text)"
    )
    with connection.cursor() as cursor, cursor.copy("COPY plancli.gap_kept FROM STDIN") as copy:
        for place, text in enumerate(texts):
            target = text.split('"id": "', 1)[1].split('"', 1)[0]
            copy.write_row((target, seqs.get(target), place, text))
    connection.execute("VACUUM ANALYZE plancli.gap_kept")


def serve(connection: Any, parameters: dict[str, Any]) -> tuple[float, float]:
    """The kept rows served (`_SERVE`): wall and server CPU time."""
    pid = connection.execute("SELECT pg_backend_pid()").fetchone()[0]
    before, started = _cpu(pid), time.perf_counter()
    with connection.cursor() as cursor, cursor.copy(_SERVE, parameters) as copy:
        for _ in copy:
            pass
    return time.perf_counter() - started, _cpu(pid) - before


# The other design as a whole process would run it, short of judging the changed targets:
# Python's start, the plan loaded as `gap` loads it (its compiled form: the check that it is
# valid), its digest, the kept rows served, unescaped from COPY's text and written out.
_CLIENT = r"""
import sys
from pathlib import Path
from plancli.compiled import plan_key
from plancli.plan import load_plain_plan
path = Path(sys.argv[1])
plan = load_plain_plan(path)
key = plan_key(path.read_bytes())
import psycopg
out = sys.stdout.buffer
out.write(b'{"targets": ')
first = True
with psycopg.connect(sys.argv[2], autocommit=True) as connection:
    parameters = {"plan": plan.plan.id, "year": plan.plan.year, "month": 12}
    with connection.cursor() as cursor, cursor.copy(sys.argv[3], parameters) as copy:
        for data in copy:  # a line of COPY's text: backslash and newline escaped
            text = b"\\".join(p.replace(b"\\n", b"\n") for p in bytes(data).split(b"\\\\"))
            out.write((b"[\n    " if first else b",\n    ") + text[:-1])
            first = False
out.write(b"\n  ]\n}\n" if not first else b"[]\n}\n")
"""


def same_rows(document: str, rows: list[Any]) -> tuple[bool, int]:
    """Whether the probe's rows are the `targets` of a `gap --json` document, byte for byte;
    and how many rows the probe leaves to Python (its text NULL: compared as missing)."""
    left = sum(1 for row in rows if row[2] is None)
    texts = [row[2] or "" for row in rows]
    array = "[\n    " + ",\n    ".join(texts) + "\n  ]" if texts else "[]"
    start = document.index('"targets": ') + len('"targets": ')
    return document[start : document.rindex("]") + 1] == array, left


def run(command: list[str], env: dict[str, str], out: Path) -> tuple[float, float]:
    """Wall and CPU time (user + system, children included) of one plancli process."""
    before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    with out.open("wb") as stream:
        done = subprocess.run(command, stdout=stream, env=env, check=False)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, required=True, help="plan.toml, ledger.sqlite")
    parser.add_argument("--url", help="a database already holding the ledger (bureau's)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--as-of", default=None)
    parser.add_argument("--work", type=Path, default=Path("/tmp/plancli-pg-judging"))
    args = parser.parse_args()
    import psycopg

    from plancli.periods import parse_period
    from plancli.plan import load_plain_plan

    args.work.mkdir(parents=True, exist_ok=True)
    plan_path = args.folder / "plan.toml"
    env = {**os.environ, "NO_COLOR": "1", "LANG": "C.UTF-8"}
    env.setdefault("XDG_CACHE_HOME", str(args.work / "cache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    bench = None
    url = args.url
    if url is None:
        import postgres

        bench = postgres.Bench(sys.executable, env)
        url = bench.database("probe", plan_path, args.folder)
    try:
        plan = load_plain_plan(plan_path)
        digest = hashlib.blake2b(plan_path.read_bytes(), digest_size=16).hexdigest()
        month = parse_period(args.as_of).end_month if args.as_of else 12
        parameters = {
            "digest": digest,
            "plan": plan.plan.id,
            "year": plan.plan.year,
            "month": month,
            "as_of": args.as_of,
            "references": sorted({t.reference for t in plan.targets if t.reference}),
        }
        with psycopg.connect(url, autocommit=True) as connection:
            made = upload(connection, plan, digest)
            if made:
                print(f"plan's rows computed and stored once: {made:.1f} s", file=sys.stderr)
            gap = ["gap", "--json"] + (["--as-of", args.as_of] if args.as_of else [])
            plancli = [sys.executable, "-m", "plancli", "--plan", str(plan_path)]
            commands = {
                "sqlite": [*plancli, "--ledger", str(args.folder / "ledger.sqlite"), *gap],
                "postgres": [*plancli, "--ledger", url, *gap],
            }
            names = (*commands, "probe", "kept", "client")
            times: dict[str, list[tuple[float, float]]] = {k: [] for k in names}
            loads = []
            identical = True
            for _ in range(args.rounds):
                loads.append(os.getloadavg()[0])
                for name, command in commands.items():
                    times[name].append(run(command, env, args.work / f"{name}.json"))
                wall, cpu, rows = probe(connection, parameters)
                times["probe"].append((wall, cpu))
                document = (args.work / "sqlite.json").read_text("utf-8")
                same, left = same_rows(document, rows)
                identical = identical and same
                if not times["kept"]:
                    keep(connection, document, parameters)
                times["kept"].append(serve(connection, parameters))
                client = [sys.executable, "-c", _CLIENT, str(plan_path), url, _SERVE]
                times["client"].append(run(client, env, args.work / "kept.json"))
                kept = (args.work / "kept.json").read_text("utf-8")
                served = kept[kept.index("[") : kept.rindex("]") + 1]
                start = document.index('"targets": ') + len('"targets": ')
                identical_kept = document[start : document.rindex("]") + 1] == served
        sq_wall = statistics.median(w for w, _ in times["sqlite"])
        sq_cpu = statistics.median(c for _, c in times["sqlite"])
        head = f"{len(plan.ids()):,} targets, medians of {args.rounds}"
        span = f"load {min(loads):.1f}-{max(loads):.1f}"
        print(f"| {head} ({span}) | wall | CPU | wall / SQLite | CPU / SQLite |")
        print("|---|---:|---:|---:|---:|")
        for name, label in (
            ("sqlite", "SQLite, `gap --json` (plancli's CPU)"),
            ("postgres", "PostgreSQL now, `gap --json` (plancli's CPU, not the server's)"),
            ("probe", "the probe's statement alone (the server's CPU)"),
            ("kept", "the other design: SQLite's rows kept in the database, served"),
            ("client", "the same as a whole process (start, plan, serve, write; its CPU)"),
        ):
            wall = statistics.median(w for w, _ in times[name])
            cpu = statistics.median(c for _, c in times[name])
            print(f"| {label} | {wall:.2f} s | {cpu:.2f} s | {wall / sq_wall:.2f}x | "
                  f"{cpu / sq_cpu:.2f}x |")  # fmt: skip
        print(f"\nthe probe's rows byte for byte SQLite's: {identical} ({left} left to Python)")
        print(f"the kept rows served byte for byte SQLite's: {identical_kept}")
    finally:
        if bench is not None:
            bench.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
