"""plancli's performance goals (issue 5), measured side by side in one run.

    python benchmarks/run.py            # the full table (about two minutes; installs hledger)
    python benchmarks/run.py --quick    # small sizes: a smoke check for CI, never judged
    python benchmarks/run.py --only-startup --repeat 31   # issue 15's start-up rows alone
    python benchmarks/run.py --large    # issue 15's 1,200,000-record rows alone

Run it with the interpreter of the environment plancli is installed in (`.venv/bin/python
benchmarks/run.py`): commands are timed as `<that interpreter's bin>/plancli`, never through a
shim on PATH. Each figure is the median of several runs of a fresh process, wall clock; ratios
are against the import floor measured in the same rounds, so a slow or busy machine moves both.
Peak memory is the plancli process's own maximum resident set size (getrusage of the child).

The exit status is 0 whatever the timings (a busy CI machine must not fail a build); it is 1
only when a command itself fails.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate

PYTHON = sys.executable
_BESIDE = Path(PYTHON).parent / "plancli"
PLANCLI = [str(_BESIDE)] if _BESIDE.exists() else [PYTHON, "-m", "plancli"]
FLOOR = [PYTHON, "-c", "import typer, rich.console, rich.table, pydantic"]
ENV = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "LANG": "C.UTF-8"}
for _var in ("PLANCLI_PLAN", "PLANCLI_LEDGER"):
    ENV.pop(_var, None)


class CommandFailed(Exception):
    pass


class _Done(Exception):
    """--only-startup: the rows asked for are measured."""


# CPU time (user + system) of the last run, and medians per command of the side-by-side rounds:
# on a machine shared with other work, wall clock also measures waiting for a core; CPU time
# measures what the command costs.
LAST_CPU: list[float] = [0.0]
CPU: dict[str, float] = {}


def run_once(cmd: Sequence[str], stdin: bytes | None = None) -> float:
    """Wall-clock seconds of one run; its CPU time goes to CPU (reaped with wait4, which
    returns the child's resource usage)."""
    start = time.perf_counter()
    child = subprocess.Popen(
        cmd,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=ENV,
    )
    if stdin is not None and child.stdin is not None:
        child.stdin.write(stdin)
        child.stdin.close()
    assert child.stderr is not None
    stderr = child.stderr.read()
    child.stderr.close()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise CommandFailed(f"{' '.join(cmd)} exited {child.returncode}: {stderr[-600:]!r}")
    LAST_CPU[0] = usage.ru_utime + usage.ru_stime
    return elapsed


def median(cmd: Sequence[str], repeat: int, setup: Callable[[int], None] | None = None) -> float:
    times = []
    for i in range(repeat):
        if setup is not None:
            setup(i)
        times.append(run_once(cmd))
    return statistics.median(times)


def medians_side_by_side(
    commands: dict[str, Sequence[str]],
    repeat: int,
    setups: dict[str, Callable[[], None]] | None = None,
) -> dict[str, float]:
    """Round-robin: every command once per round, so load changes hit all of them alike.

    `setups[name]`, when given, runs (untimed) before each run of that command."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, cmd in commands.items():
            if setups and name in setups:
                setups[name]()
            times[name].append(run_once(cmd))
            cpu[name].append(LAST_CPU[0])
    CPU.update({name: statistics.median(values) for name, values in cpu.items()})
    return {name: statistics.median(values) for name, values in times.items()}


_PEAK = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode)\n"
)


def peak_mb(cmd: Sequence[str]) -> float:
    """The command's own peak RSS: a fresh helper process whose only child it is."""
    out = subprocess.run(
        [PYTHON, "-c", _PEAK, *cmd], capture_output=True, text=True, env=ENV, check=True
    ).stdout.split()
    if out[1] != "0":
        raise CommandFailed(f"{' '.join(cmd)} exited {out[1]}")
    return int(out[0]) / 1024  # ru_maxrss is in KiB on Linux


# ---------------------------------------------------------------------------- the table


@dataclass
class Row:
    goal: str
    measured: str
    ratio: str = ""
    limit: str = ""
    verdict: str = ""  # met / NOT met / info / skipped


ROWS: list[Row] = []


def judge(ok: bool, quick: bool) -> str:
    if quick:
        return "(quick: not judged)"
    return "met" if ok else "NOT met"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def print_table(rows: list[Row]) -> str:
    lines = [
        "| goal | measured | ratio | limit | verdict |",
        "|---|---:|---:|---:|---|",
        *(f"| {r.goal} | {r.measured} | {r.ratio} | {r.limit} | {r.verdict} |" for r in rows),
    ]
    return "\n".join(lines)


def versions() -> str:
    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "?"

    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    hledger = "absent"
    if shutil.which("hledger"):
        hledger = subprocess.run(
            ["hledger", "--version"], capture_output=True, text=True
        ).stdout.strip()
    packages = ", ".join(
        f"{name} {version(name)}" for name in ("plancli", "typer", "rich", "pydantic", "tomli")
    )
    return (
        f"- machine: {platform.machine()}, {os.cpu_count()} CPUs ({cpu}), "
        f"{platform.system()} {platform.release()}\n"
        f"- Python {platform.python_version()} ({PYTHON}); {packages}; "
        f"SQLite {sqlite3.sqlite_version}\n"
        f"- hledger: {hledger}\n"
        f"- plancli timed as: {' '.join(PLANCLI)}"
    )


def ensure_hledger(install: bool) -> str | None:
    """hledger's path; installed from Debian's packages when absent and allowed."""
    found = shutil.which("hledger")
    if found or not install:
        return found
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        print("installing hledger (apt-get install hledger)…", file=sys.stderr)
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        if subprocess.run(["apt-get", "install", "-y", "hledger"], env=env, **quiet).returncode:
            subprocess.run(["apt-get", "update"], env=env, **quiet)
            subprocess.run(["apt-get", "install", "-y", "hledger"], env=env, **quiet)
    return shutil.which("hledger")


# --------------------------------------------------------------------------- the goals


def startup(work: Path, repeat: int, quick: bool) -> float:
    """Start-up of the read commands (issue 15), each run the first after a `record`.

    Nothing is cached but the validated plan (plancli.compiled): every read command computes
    from the files. Before each timed run of a read command an untimed `record` changes the
    ledger (the figure of one target, alternating), so every run is the first after a
    record. The plan's compiled form is made once, before the rounds, as the first command
    after installing or editing the plan would; `first use` times a run without it."""
    workspace = work / "bundled"
    plan = generate.bundled_workspace(workspace)
    base = [*PLANCLI, "--plan", str(plan)]
    reads = {
        "status": [*base, "status"],
        "status_json": [*base, "status", "--json"],
        "gap": [*base, "gap"],
        "gap_json": [*base, "gap", "--json"],
        "targets": [*base, "targets"],
        "show": [*base, "show", "gdp"],
        "history": [*base, "history", "gdp"],
        "report": [*base, "report"],
        "report_html": [*base, "report", "--format", "html"],
    }
    commands = {
        "pass": [PYTHON, "-c", "pass"],
        "floor": FLOOR,
        "version": [*PLANCLI, "--version"],
        "help": [*PLANCLI, "--help"],
        **reads,
        "first_use": [*base, "status"],
    }
    plans_cache = Path(ENV["XDG_CACHE_HOME"]) / "plancli" / "plans"
    figure = iter(range(10**6))

    def record() -> None:  # a new figure for December, the ledger's last period
        value = f"6.{next(figure) % 9 + 1}"
        run_once([*base, "record", "gdp", value, "--period", "2022-12", "--amount", "1500"])

    setups: dict[str, Callable[[], None]] = {name: record for name in reads}
    setups["first_use"] = lambda: shutil.rmtree(plans_cache, ignore_errors=True)
    run_once(commands["status"])  # the plan compiled, as by the first command after install
    t = medians_side_by_side(commands, repeat, setups=setups)
    floor = t["floor"]
    cpu_floor = CPU["floor"]

    def measured(name: str) -> tuple[str, str]:
        """`wall (CPU x)` and the ratios to the floor, wall clock first."""
        cpu = CPU[name]
        ratio = f"{t[name] / floor:.2f}x"
        return f"{ms(t[name])} (CPU {ms(cpu)})", f"{ratio} (CPU {cpu / cpu_floor:.2f}x)"

    ROWS.append(Row("`python -c pass`", ms(t["pass"]), verdict="info"))
    ROWS.append(
        Row(
            'import floor: `python -c "import typer, rich.console, rich.table, pydantic"`',
            measured("floor")[0],
            "1.00x",
            verdict="reference",
        )
    )
    workspace_text = "bundled plan, a year of monthly records, first run after a `record`"
    for name, label, limit in (
        ("version", "`plancli --version`", 0.7),
        ("help", "`plancli --help`", 0.7),
        ("status", f"`plancli status`, {workspace_text}", 1.4),
        ("status_json", "`plancli status --json`, the same", 1.4),
        ("gap", "`plancli gap` (table, 80 targets), the same", 1.4),
        ("gap_json", "`plancli gap --json`, the same", 1.4),
        ("targets", "`plancli targets`, the same", 1.4),
        ("show", "`plancli show gdp`, the same", 1.4),
        ("history", "`plancli history gdp`, the same", 1.4),
        ("report", "`plancli report` (Markdown), the same", 1.4),
        ("report_html", "`plancli report --format html`, the same", 1.4),
    ):
        ratio = t[name] / floor
        shown, ratios = measured(name)
        ROWS.append(Row(label, shown, ratios, f"≤ {limit}x", judge(ratio <= limit, quick)))
    shown, ratios = measured("first_use")
    ROWS.append(
        Row(
            "`plancli status`, the plan's first use (validated by Pydantic, then compiled)",
            shown,
            ratios,
            verdict="info",
        )
    )
    return floor


def gap_cmd(folder: Path, ledger: str) -> list[str]:
    return [
        *PLANCLI,
        "--plan",
        str(folder / "plan.toml"),
        "--ledger",
        str(folder / ledger),
        "gap",
        "--json",
    ]


def versus_hledger(folder: Path, targets: int, repeat: int, quick: bool, install: bool) -> None:
    hledger = ensure_hledger(install)
    commands = {
        "sqlite": gap_cmd(folder, "ledger.sqlite"),
        "toml": gap_cmd(folder, "ledger.progress.toml"),
    }
    if hledger:
        commands["hledger"] = [
            hledger,
            "-f",
            str(folder / "budget.journal"),
            "bal",
            "--budget",
            "-O",
            "json",
        ]
    t = medians_side_by_side(commands, repeat)
    size = f"{targets:,} targets x 12 months"
    if not hledger:
        ROWS.append(
            Row(
                f"hledger `bal --budget -O json`, {size}",
                "—",
                verdict="skipped: hledger absent (apt-get install hledger)",
            )
        )
    else:
        ROWS.append(
            Row(
                f"hledger `bal --budget -O json`, {size}",
                ms(t["hledger"]),
                "1.00x",
                verdict="reference",
            )
        )
    # Issue 15 judges the store a user gets by default (TOML: `init` writes one); issue 5
    # judged SQLite. Both are held to 0.4x.
    for name, label in (("sqlite", "SQLite ledger"), ("toml", "TOML ledger (the default)")):
        row = Row(f"`plancli gap --json`, {size}, {label}", ms(t[name]))
        if hledger:
            ratio = t[name] / t["hledger"]
            row.ratio = f"{ratio:.2f}x hledger"
            row.limit = "≤ 0.4x"
            row.verdict = judge(ratio <= 0.4, quick)
        else:
            row.verdict = "info (no hledger to compare)"
        ROWS.append(row)


def at_scale(folder: Path, targets: int, repeat: int, quick: bool) -> None:
    size = f"{targets:,} targets x 12 months ({targets * 12:,} records)"
    cmd = gap_cmd(folder, "ledger.sqlite")
    seconds = median(cmd, repeat)
    memory = peak_mb(cmd)
    # Plans of 256 KB or more are cached validated after their first use (plancli.plan); the
    # rows above are warm. The same command with an empty cache, each run:
    cold_cache, warm_cache = folder / "cold-cache", ENV["XDG_CACHE_HOME"]
    ENV["XDG_CACHE_HOME"] = str(cold_cache)
    try:
        cold = median(cmd, repeat, setup=lambda _: shutil.rmtree(cold_cache, ignore_errors=True))
    finally:
        ENV["XDG_CACHE_HOME"] = warm_cache
    ROWS.append(
        Row(
            f"`plancli gap --json`, {size}, SQLite",
            f"{seconds:.2f} s",
            "",
            "≤ 1.0 s",
            judge(seconds <= 1.0, quick),  # issue 15 (issue 5 asked ≤ 2 s)
        )
    )
    ROWS.append(
        Row(
            "the same, the plan's first use (plan cache empty)",
            f"{cold:.2f} s",
            "",
            "",
            "info",
        )
    )
    ROWS.append(
        Row(
            "peak memory of that `gap --json`",
            f"{memory:.0f} MB",
            "",
            "≤ 200 MB",
            judge(memory <= 200, quick),
        )
    )


def importing(folder: Path, repeat: int, quick: bool) -> None:
    rows = sum(1 for _ in (folder / "import.csv").open(encoding="utf-8")) - 1
    for suffix, label in ((".sqlite", "SQLite"), (".progress.toml", "TOML")):
        ledger = folder / f"imported{suffix}"

        def fresh(_: int, ledger: Path = ledger) -> None:
            for path in folder.glob(ledger.name + "*"):
                path.unlink()

        cmd = [
            *PLANCLI,
            "--plan",
            str(folder / "plan.toml"),
            "--ledger",
            str(ledger),
            "import",
            str(folder / "import.csv"),
        ]
        seconds = median(cmd, repeat, setup=fresh)
        ROWS.append(
            Row(
                f"`plancli import` of {rows:,} CSV rows into an empty {label} ledger",
                f"{seconds:.2f} s",
                "",
                "≤ 2 s",
                judge(seconds <= 2, quick),
            )
        )


def recording(folder: Path, repeat: int, quick: bool, toml_too: bool) -> None:
    records = len(generate_records(folder))
    for ledger, label, runs in (
        ("ledger.sqlite", "SQLite", repeat),
        ("ledger.progress.toml", "TOML", 1 if toml_too else 0),
    ):
        if not runs:
            continue
        path = folder / ledger
        backup = folder / (ledger + ".orig")
        shutil.copyfile(path, backup)
        cmd_of = lambda i, path=path: [  # noqa: E731
            *PLANCLI,
            "--plan",
            str(folder / "plan.toml"),
            "--ledger",
            str(path),
            "record",
            "wuhua_gdp_0",
            f"6.{i + 1}",
            "--period",
            "2022-12",
        ]
        times = [run_once(cmd_of(i)) for i in range(runs)]
        shutil.move(backup, path)
        seconds = statistics.median(times)
        goal = label == "SQLite"
        ROWS.append(
            Row(
                f"one `plancli record` into a {records:,}-record {label} ledger",
                f"{seconds:.2f} s",
                "",
                "≤ 0.5 s" if goal else "",
                judge(seconds <= 0.5, quick) if goal else f"info ({runs} run{'s' * (runs > 1)})",
            )
        )


GAP_LARGE_RUNS = 5


def large(folder: Path) -> None:
    """Issue 15's goals at 100,000 targets x 12 months: `import` of the 1,200,000-row CSV into
    an empty SQLite ledger (once: a run takes tens of seconds), then `gap --json` on the
    1,200,000-record ledger (median of five); wall clock and CPU time, then peak memory in a
    run of its own."""
    plan = ["--plan", str(folder / "plan.toml")]
    imported = folder / "imported.sqlite"

    def fresh() -> None:
        for path in folder.glob(imported.name + "*"):
            path.unlink()

    run_once([*PLANCLI, *plan, "targets", "--json"])  # the plan's first use, untimed
    importing = [*PLANCLI, *plan, "--ledger", str(imported), "import", str(folder / "import.csv")]
    fresh()
    seconds, cpu = run_once(importing), LAST_CPU[0]
    fresh()
    memory = peak_mb(importing)
    ROWS.append(
        Row(
            "`plancli import` of 1,200,000 CSV rows into an empty SQLite ledger",
            f"{seconds:.1f} s (CPU {cpu:.1f} s)",
            "",
            "≤ 25 s",
            judge(seconds <= 25, False),
        )
    )
    ROWS.append(
        Row(
            "peak memory of that import",
            f"{memory:.0f} MB",
            "",
            "≤ 600 MB",
            judge(memory <= 600, False),
        )
    )
    # gap takes seconds, not a minute: the median of five runs, so that one run slowed by the
    # machine's other work (a shared 2-core VM) does not decide the verdict; range and load shown.
    gap = gap_cmd(folder, "ledger.sqlite")
    load = os.getloadavg()
    walls, cpus = [], []
    for _ in range(GAP_LARGE_RUNS):
        walls.append(run_once(gap))
        cpus.append(LAST_CPU[0])
    seconds, cpu = statistics.median(walls), statistics.median(cpus)
    memory = peak_mb(gap)
    ROWS.append(
        Row(
            "`plancli gap --json`, 100,000 targets x 12 months (1,200,000 records), SQLite",
            f"{seconds:.1f} s (CPU {cpu:.1f} s), median of {GAP_LARGE_RUNS}"
            f" ({min(walls):.1f}–{max(walls):.1f} s; load before"
            f" {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f})",
            "",
            "≤ 8 s",
            judge(seconds <= 8, False),
        )
    )
    ROWS.append(
        Row(
            "peak memory of that `gap --json`",
            f"{memory:.0f} MB",
            "",
            "≤ 1 GB",
            judge(memory <= 1024, False),
        )
    )


def generate_records(folder: Path) -> list[tuple[str, ...]]:
    with sqlite3.connect(folder / "ledger.sqlite") as connection:
        return connection.execute("SELECT seq FROM records").fetchall()


def linear(folders: dict[int, Path], repeat: int) -> None:
    previous: tuple[int, float] | None = None
    for targets, folder in sorted(folders.items()):
        seconds = median(gap_cmd(folder, "ledger.sqlite"), repeat)
        per_target = seconds / targets * 1e6
        per_record = seconds / (targets * 12) * 1e6
        marginal = ""
        if previous is not None:
            extra = (seconds - previous[1]) / (targets - previous[0]) * 1e6
            marginal = f"; each target beyond {previous[0]:,}: {extra:.0f} µs"
        ROWS.append(
            Row(
                f"cost per size: `gap --json`, {targets:,} targets, SQLite",
                f"{seconds:.2f} s",
                f"{per_target:.0f} µs/target, {per_record:.1f} µs/record{marginal}",
                verdict="info",
            )
        )
        previous = (targets, seconds)


def shared_ledger(
    folders: dict[int, Path], work: Path, size: int, repeat: int, quick: bool, big: bool
) -> None:
    """The PostgreSQL ledger's goals (issue 13), beside SQLite (benchmarks/postgres.py)."""
    import postgres

    reason = postgres.pgcluster.unavailable()
    if reason is not None:
        ROWS.append(Row("PostgreSQL ledger (issue 13)", "—", verdict=f"skipped: {reason}"))
        return
    chosen = {size: folders[size]}
    if big:
        chosen[100_000] = generate.generate(work / "plan-100000", 100_000)
    try:
        rows = postgres.measure(chosen, repeat, quick, ENV)
    except RuntimeError as exc:
        raise CommandFailed(str(exc)) from None
    ROWS.extend(Row(*row) for row in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for CI")
    parser.add_argument("--no-install", action="store_true", help="never apt-get hledger")
    parser.add_argument("--workdir", type=Path, help="keep the generated data here")
    parser.add_argument(
        "--only-startup", action="store_true", help="only the start-up rows (issue 15's goals)"
    )
    parser.add_argument("--repeat", type=int, help="rounds of the start-up rows (default 21)")
    parser.add_argument(
        "--postgres-big",
        action="store_true",
        help="also the PostgreSQL goals at 100,000 targets (generating them takes minutes)",
    )
    parser.add_argument(
        "--large",
        action="store_true",
        help="only issue 15's 1,200,000-record rows (import and gap --json; generating the "
        "data takes minutes and 2.7 GB)",
    )
    args = parser.parse_args()
    quick = args.quick
    sizes = (20, 100) if quick else (100, 1000, 10000)
    versus, big = sizes[-1] if quick else 1000, sizes[-1]
    repeat_start, repeat_scale = (3, 1) if quick else (21, 5)
    if args.repeat:
        repeat_start = args.repeat

    work = args.workdir or Path(tempfile.mkdtemp(prefix="plancli-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    ENV["XDG_CACHE_HOME"] = str(work / "cache")  # plancli's plan cache: not the user's
    print(f"generating synthetic plans in {work} …", file=sys.stderr)
    if args.large:
        sizes = (100_000,)
    folders = (
        {} if args.only_startup else {n: generate.generate(work / f"plan-{n}", n) for n in sizes}
    )
    try:
        if args.large:
            large(folders[100_000])
            raise _Done
        startup(work, repeat_start, quick)
        if args.only_startup:
            raise _Done
        versus_hledger(
            folders[versus],
            versus,
            max(repeat_scale, 3) if not quick else 1,
            quick,
            install=not (quick or args.no_install),
        )
        at_scale(folders[big], big, repeat_scale, quick)
        importing(folders[versus], repeat_scale, quick)
        recording(folders[big], max(repeat_scale, 5) if not quick else 1, quick, toml_too=True)
        linear(folders, repeat_scale)
        shared_ledger(folders, work, big, repeat_scale, quick, args.postgres_big)
    except _Done:
        pass
    except CommandFailed as exc:
        print(print_table(ROWS))
        print(f"\nerror: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    title = "quick smoke run: small sizes, nothing judged" if quick else "full run"
    print(f"## plancli benchmarks ({title})\n\n{versions()}\n\n{print_table(ROWS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
