"""The PostgreSQL ledger's goals (issue 13), measured against the SQLite store in the same run.

    python benchmarks/run.py            # includes these rows when PostgreSQL can be started
    python benchmarks/postgres.py --sizes 10000 100000 --workdir /tmp/bench   # these alone

A throwaway server (tests/pgcluster.py) is started for the run with the usual durability
(fsync on, as SQLite's `synchronous=FULL`), listening on a Unix socket only. The synthetic
ledgers of benchmarks/generate.py are loaded into it with COPY (the same rows plancli writes;
`gap` reads and checks them as it reads any), then vacuumed, as autovacuum does after a large
import. Goals:

- `gap --json`: 10,000 targets x 12 months no slower than SQLite; 100,000 x 12 at most half
  of SQLite's time, and at most 1 GB of memory;
- `record`: within 50 ms of SQLite's `record`, at every size, as a department's role (the
  row-level security check included);
- 200 writers at once, separate processes of two departments: nothing lost, nothing twice.
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))  # the throwaway server of the tests

import generate  # noqa: E402

import pgcluster  # noqa: E402

# Two districts' roles record at once in the concurrency goal (generate.py's owners).
DEPARTMENTS = (("wuhua", "五华区"), ("panlong", "盘龙区"))
WRITERS = 200


def load_records(url: str, folder: Path, plan_id: str) -> int:
    """Copy the generated SQLite ledger's rows into the database's plancli.records."""
    import psycopg

    source = sqlite3.connect(folder / "ledger.sqlite")
    columns = "target, period, value, amount, note, source, recorded_at, batch"
    count = 0
    copy_sql = f"COPY plancli.records (plan_id, {columns}) FROM STDIN"
    with psycopg.connect(url, autocommit=True) as connection:
        with connection.cursor() as cursor, cursor.copy(copy_sql) as copy:
            for row in source.execute(f"SELECT {columns} FROM records ORDER BY seq"):
                copy.write_row((plan_id, *row))
                count += 1
        connection.execute("VACUUM ANALYZE plancli.records")
    source.close()
    return count


def plancli_command(python: str) -> list[str]:
    beside = Path(python).parent / "plancli"
    return [str(beside)] if beside.exists() else [python, "-m", "plancli"]


class Bench:
    """One server, the databases made in it, and plancli as a fresh process."""

    def __init__(self, python: str, env: dict[str, str]) -> None:
        self.cluster = pgcluster.start_cluster(durable=True, shared_buffers="512MB")
        self.plancli = plancli_command(python)
        self.env = env
        self.cpu = 0.0
        self.cluster.psql(
            "CREATE ROLE bureau LOGIN CREATEROLE; "
            + "".join(
                f"CREATE ROLE {role}_staff NOLOGIN; CREATE ROLE {role} LOGIN IN ROLE {role}_staff; "
                for role, _ in DEPARTMENTS
            )
        )

    def close(self) -> None:
        self.cluster.destroy()

    def database(self, name: str, plan: Path, folder: Path | None) -> str:
        """A database holding the plan's ledger (loaded from `folder`'s SQLite ledger), made by
        `bureau` with `plancli ledger init`, each department granted to its group role."""
        self.cluster.psql(f"CREATE DATABASE {name} OWNER bureau")
        url = self.cluster.url(name, "bureau")
        self.run(["--plan", str(plan), "--ledger", url, "ledger", "init"])
        for role, department in DEPARTMENTS:
            self.run(["--plan", str(plan), "--ledger", url, "ledger", "grant", department,
                      f"{role}_staff"])  # fmt: skip
        if folder is not None:
            plan_id = _plan_id(plan)
            load_records(self.cluster.url(name), folder, plan_id)
        return url

    def url(self, name: str, user: str) -> str:
        return self.cluster.url(name, user)

    def run(self, args: Sequence[str]) -> float:
        """The wall time of one plancli process; its CPU time (user + system) in `self.cpu`."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(
            [*self.plancli, *args], capture_output=True, text=True, env=self.env, check=False
        )
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if done.returncode != 0:
            raise RuntimeError(f"plancli {' '.join(args)} exited {done.returncode}: {done.stderr}")
        return elapsed


def _plan_id(plan: Path) -> str:
    for line in plan.read_text(encoding="utf-8").splitlines():
        if line.startswith("id = "):
            return line.split('"')[1]
    raise ValueError(plan)


def side_by_side(commands: dict[str, Callable[[], float]], repeat: int) -> dict[str, list[float]]:
    """Every command once per round, in turn, so a change of load hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            times[name].append(command())
    return times


_PEAK = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode)\n"
)


def peak_mb(python: str, cmd: Sequence[str], env: dict[str, str]) -> float:
    out = subprocess.run(
        [python, "-c", _PEAK, *cmd], capture_output=True, text=True, env=env, check=True
    ).stdout.split()
    if out[1] != "0":
        raise RuntimeError(f"{' '.join(cmd)} exited {out[1]}")
    return int(out[0]) / 1024


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.1f} / {five:.1f} / {fifteen:.1f}"


def _spawn(bench: Bench, args: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*bench.plancli, *args],
        env=bench.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def concurrent_writers(bench: Bench, plan: Path, name: str, writers: int) -> tuple[float, str]:
    """WRITERS processes at once, half each department's, each recording a figure of its own
    district (a target and month no other writer has), and one more process per department
    refused on the other's target. Returns the wall time and the verdict: what the ledger
    holds afterwards."""
    ids = [line.split('"')[1] for line in plan.read_text(encoding="utf-8").splitlines()
           if line.startswith("id = ") and "_" in line]  # fmt: skip
    processes = []
    started = time.perf_counter()
    expected = set()
    for n in range(writers):
        role, _ = DEPARTMENTS[n % 2]
        own = [i for i in ids if i.startswith(role + "_")]
        k = n // 2  # the department's k-th writer: a target and a month of its own
        target, period = own[k % len(own)], f"2022-{k // len(own) + 1:02d}"
        expected.add((target, period))
        value = f"{n % 90 + 5}"  # a figure every kind takes (a milestone: 0–100)
        args = ["--plan", str(plan), "--ledger", bench.url(name, role), "record", target,
                value, "-p", period, "--note", f"writer {n}"]  # fmt: skip
        processes.append(_spawn(bench, args))
    wrong = []
    for n, (role, _) in enumerate(DEPARTMENTS):
        other = DEPARTMENTS[1 - n][0]
        target = next(i for i in ids if i.startswith(other + "_"))
        args = ["--plan", str(plan), "--ledger", bench.url(name, role), "record", target, "1",
                "-p", "2022-11"]  # fmt: skip
        wrong.append(_spawn(bench, args))
    failed = [p.stderr.read() for p in processes if p.wait() != 0]  # type: ignore[union-attr]
    refused = sum(1 for p in wrong if p.wait() == 2)
    elapsed = time.perf_counter() - started
    import psycopg

    with psycopg.connect(bench.url(name, "postgres")) as connection:
        rows = connection.execute(
            "SELECT target, period, count(*), min(recorded_by) FROM plancli.records "
            "WHERE note LIKE 'writer %%' GROUP BY target, period"
        ).fetchall()
        wrong_rows = connection.execute(
            "SELECT count(*) FROM plancli.records WHERE period = '2022-11'"
        ).fetchone()[0]
    held = {(t, p) for t, p, _, _ in rows}
    twice = sum(1 for row in rows if row[2] > 1)
    lost = len(expected - held)
    verdict = (
        f"{len(rows)} of {writers} recorded, {lost} lost, {twice} twice, {len(failed)} failed; "
        f"{refused} of 2 cross-department writes refused, {wrong_rows} written"
    )
    if failed:
        verdict += f" (first failure: {' '.join(failed[0].split())[:200]})"
    ok = lost == 0 and twice == 0 and not failed and refused == 2 and wrong_rows == 0
    return elapsed, ("met: " if ok else "NOT met: ") + verdict


Row = tuple[str, str, str, str, str]  # goal, measured, ratio, limit, verdict


def judged(ok: bool, quick: bool) -> str:
    return "(quick: not judged)" if quick else ("met" if ok else "NOT met")


def one_size(bench: Bench, size: int, folder: Path, repeat: int, quick: bool) -> list[Row]:
    """gap and record at one size, PostgreSQL beside SQLite."""
    rows: list[Row] = []
    python = sys.executable
    plan = folder / "plan.toml"
    name = f"bench_{size}"
    bench.database(name, plan, folder)
    gap = {
        "postgres": ["--plan", str(plan), "--ledger", bench.url(name, "bureau"), "gap", "--json"],
        "sqlite": ["--plan", str(plan), "--ledger", str(folder / "ledger.sqlite"), "gap", "--json"],
    }
    bench.run(gap["sqlite"])  # the plan cache, warm for both
    bench.run(gap["postgres"])
    big = size >= 100_000
    rounds = max(1, min(repeat, 3) if big else repeat)
    before = load()
    t = side_by_side({k: (lambda a=a: bench.run(a)) for k, a in gap.items()}, rounds)
    pg, sq = statistics.median(t["postgres"]), statistics.median(t["sqlite"])
    limit = 0.5 if big else 1.0
    label = f"{size:,} targets x 12 months ({size * 12:,} records)"
    rows.append((f"`gap --json`, {label}, SQLite", f"{sq:.2f} s", "1.00x", "", "reference"))
    rows.append((
        f"`gap --json`, {label}, PostgreSQL",
        f"{pg:.2f} s",
        f"{pg / sq:.2f}x SQLite",
        f"≤ {limit}x",
        f"{judged(pg <= limit * sq, quick)} (medians of {rounds}; {before})",
    ))  # fmt: skip
    memory = peak_mb(python, [*bench.plancli, *gap["postgres"]], bench.env)
    sq_memory = peak_mb(python, [*bench.plancli, *gap["sqlite"]], bench.env)
    rows.append((
        f"peak memory of that `gap --json`, PostgreSQL (SQLite: {sq_memory:.0f} MB)",
        f"{memory:.0f} MB",
        "",
        "≤ 1024 MB" if big else "",
        judged(memory <= 1024, quick) if big else "info",
    ))  # fmt: skip
    # record: one figure of a target of the first department, as that department's role
    role, _ = DEPARTMENTS[0]
    target = f"{role}_gdp_0"
    counter = iter(range(10_000))
    sqlite_copy = folder / "record-bench.sqlite"
    sqlite_copy.write_bytes((folder / "ledger.sqlite").read_bytes())

    cpu: dict[str, list[float]] = {"postgres": [], "sqlite": []}

    def record(ledger: str, store: str) -> float:
        n = next(counter)
        value = f"6.{n % 9 + 1}{n}"
        args = ["--plan", str(plan), "--ledger", ledger, "record", target, value, "-p", "2022-12"]
        elapsed = bench.run(args)
        cpu[store].append(bench.cpu)
        return elapsed

    record_rounds = max(repeat, 11) if not quick else 1
    before = load()
    pg_url = bench.url(name, role)
    t = side_by_side(
        {
            "postgres": lambda: record(pg_url, "postgres"),
            "sqlite": lambda: record(str(sqlite_copy), "sqlite"),
        },
        record_rounds,
    )
    sqlite_copy.unlink()
    pg, sq = statistics.median(t["postgres"]), statistics.median(t["sqlite"])
    rows.append((
        f"one `record` into the {size * 12:,}-record ledger, PostgreSQL as a department's "
        f"role (SQLite: {sq * 1000:.0f} ms)",
        f"{pg * 1000:.0f} ms",
        f"{(pg - sq) * 1000:+.0f} ms",
        "≤ +50 ms",
        f"{judged(pg - sq <= 0.05, quick)} (medians of {record_rounds}; {before})",
    ))  # fmt: skip
    pg_cpu, sq_cpu = statistics.median(cpu["postgres"]), statistics.median(cpu["sqlite"])
    rows.append((
        f"CPU time of that `record`, PostgreSQL (SQLite: {sq_cpu * 1000:.0f} ms)",
        f"{pg_cpu * 1000:.0f} ms",
        f"{(pg_cpu - sq_cpu) * 1000:+.0f} ms",
        "",
        f"info (medians of {record_rounds})",
    ))  # fmt: skip
    return rows


def measure(
    folders: dict[int, Path],
    repeat: int,
    quick: bool,
    env: dict[str, str],
    writers_only: bool = False,
    writers: bool = True,
) -> list[Row]:
    """The rows of the table, PostgreSQL beside SQLite, in one server started for them."""
    rows: list[Row] = []
    bench = Bench(sys.executable, env)
    try:
        for size, folder in sorted(folders.items()):
            if not writers_only:
                rows += one_size(bench, size, folder, repeat, quick)
        if not writers:
            return rows
        # A small plan: 200 processes of a 10,000-target plan would hold 20 GB between them.
        small = generate.generate(folders[min(folders)].parent / "plan-writers", 400)
        plan = small / "plan.toml"
        bench.database("bench_writers", plan, None)
        before = load()
        writers = 20 if quick else WRITERS
        elapsed, verdict = concurrent_writers(bench, plan, "bench_writers", writers)
        rows.append((
            f"{writers} `record` processes at once, two departments' roles, PostgreSQL",
            f"{elapsed:.1f} s",
            "",
            "nothing lost or twice",
            f"{'(quick) ' if quick else ''}{verdict} ({before})",
        ))  # fmt: skip
    finally:
        bench.close()
    return rows


def main() -> int:
    # A run stopped with kill: stop its server too (the `finally` of `measure`).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--writers-only", action="store_true", help="only the 200 writers")
    parser.add_argument("--no-writers", action="store_true", help="without the 200 writers")
    args = parser.parse_args()
    reason = pgcluster.unavailable()
    if reason:
        print(f"skipped: {reason}", file=sys.stderr)
        return 0
    work = args.workdir or Path(tempfile.mkdtemp(prefix="plancli-bench-pg-"))
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "LANG": "C.UTF-8"}
    env["XDG_CACHE_HOME"] = str(work / "cache")
    # As a wheel install runs: with its modules' bytecode (written by the first runs), not
    # compiling every module of plancli each time (which costs the store with more code more).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for var in ("PLANCLI_PLAN", "PLANCLI_LEDGER"):
        env.pop(var, None)
    folders = {}
    for size in args.sizes:
        folder = work / f"plan-{size}"
        if not (folder / "ledger.sqlite").exists():
            print(f"generating {size:,} targets in {folder} …", file=sys.stderr)
            generate.generate(folder, size)
        folders[size] = folder
    rows = measure(folders, args.repeat, args.quick, env, args.writers_only, not args.no_writers)
    print("| goal | measured | ratio | limit | verdict |\n|---|---:|---:|---:|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
