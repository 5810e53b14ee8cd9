"""Shared fixtures. No test touches the developer's real files, environment or terminal."""

from __future__ import annotations

import contextlib
import copy
import fcntl
import functools
import gc
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

# pytest caches each test module with its asserts rewritten, unless bytecode is not to be
# written (PYTHONDONTWRITEBYTECODE, set in some environments): then every worker rewrites all the
# test modules on every run, 6 CPU-seconds each, most of a worker's collection. Set here, before
# any test module is imported; the cache goes under .pytest_cache (git ignores it), not beside
# the sources. Set before Hypothesis is imported: pytest rewrites the asserts of its 74 modules
# too (an installed pytest plugin's package), 1-2 CPU-seconds a process when not kept.
sys.pycache_prefix = str(Path(__file__).resolve().parents[1] / ".pytest_cache" / "pycache")
sys.dont_write_bytecode = False
# The same for the processes started from here on: plancli run as a real process (about 80),
# which otherwise compiled every plancli module it imported from source again, and the xdist
# workers, whose start-up (pytest's plugins, Hypothesis rewritten) otherwise took 3 CPU-seconds,
# not 1. A process still starts fresh and imports what it imports; it reads compiled modules,
# as an installed plancli does (pip compiles them at install).
os.environ["PYTHONPYCACHEPREFIX"] = sys.pycache_prefix
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
# What the imports and the collection make lives to the end of the run: the collector walked
# it some 360 times a process (0.3 CPU-s, a worker's start-up's seventh) to free next to
# nothing. Off until the tests are collected (`_out_of_the_collectors_sight`, which collects
# once and turns it on again); reference counting frees the rest as ever. (Not again where a
# test module imports tests.conftest after that.)
if not gc.get_freeze_count():
    gc.disable()


def _in_memory_temp() -> str | None:
    """/dev/shm where it is a writable folder with room (a tmpfs on Linux; Docker's 64 MB is
    too small): a run writes 60-80 MB of files, two PostgreSQL servers 40 MB each, and pytest
    keeps the last three runs' files."""
    try:
        shm = os.statvfs("/dev/shm")
    except OSError:
        return None
    roomy = shm.f_bavail * shm.f_frsize >= 1 << 30
    return "/dev/shm" if roomy and os.access("/dev/shm", os.W_OK | os.X_OK) else None


# The tests' files (tmp_path, the homes, the throwaway PostgreSQL servers, every file plancli run
# as a real process writes) go to memory, not the disk, unless TMPDIR says where: on the
# project's machines the disk's file system (ext4 on a virtual disk) cost 6-8 CPU-seconds of
# system time a run, and the suite 15 CPU-seconds and 15 s of wall in all (docs/testing.md). The
# tests do the same: a file written, renamed, locked, made read-only or its writer killed is
# the same on either, and none of them can cut the power. Set before pytest picks its folder
# (the controller's, which the xdist workers share) and passed on to every process from here.
if "TMPDIR" not in os.environ and (memory := _in_memory_temp()) is not None:
    os.environ["TMPDIR"] = memory
    tempfile.tempdir = None  # gettempdir() looks again

# ruff: noqa: E402 (the bytecode cache above is set before these modules are imported)
import pytest

import pgcluster
from plancli.i18n import language, set_language

if TYPE_CHECKING:
    import typer
    from typer.testing import CliRunner

    from ledgers import Ledger, PgLedgers
    from pgcluster import Cluster

# Hypothesis, Typer, Pydantic and plancli's CLI are imported where tests run (the xdist workers,
# or the one process), not by the xdist controller, which runs none: it imported them before
# it started the workers (0.5 CPU-s while both cores waited). See `_for_the_tests`.


def _runs_tests(config: pytest.Config) -> bool:
    """Whether this process runs tests: an xdist worker or the one process, not the controller
    (xdist's --dist and --tx, set from -n before pytest_configure; --collect-only collects in
    the controller)."""
    if hasattr(config, "workerinput") or config.getvalue("collectonly"):
        return True
    return config.getoption("dist", "no") == "no" or not config.getoption("tx", None)


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("PYTEST_XDIST_WORKER") is None and (base := pgcluster.base_folder()):
        os.environ[_PG_TEMPLATE] = tempfile.mkdtemp(prefix="plancli-pg-template-", dir=base)
    if _runs_tests(config):
        _for_the_tests()


def _for_the_tests() -> None:
    """Before the tests are collected (before Hypothesis's plugin reads --hypothesis-profile)."""
    import tomli
    import typer.testing
    from hypothesis import settings

    import plancli.schemas

    # Properties are checked, not timed: Hypothesis's 200 ms deadline per example failed a file
    # store's example on a loaded machine. Speed is the benchmark's business (benchmarks/).
    settings.register_profile("plancli", deadline=None)
    settings.load_profile("plancli")
    typer.testing._get_command = _built_once(typer.testing._get_command)  # type: ignore[attr-defined]
    plancli.schemas.json_schemas = _schemas_once(plancli.schemas.json_schemas)  # type: ignore[assignment]
    tomli.loads = _parsed_once(tomli.loads)


def _out_of_the_collectors_sight() -> None:
    """What was made so far lives to the end of the run (modules, pytest's items, Hypothesis's
    and Pydantic's machinery): once its garbage is collected, the rest is moved out of the
    collector's sight (`gc.freeze`). The collections during the run, and the five at its end
    (pytest's search for unraisable exceptions), then walk only what the tests made, and the
    oldest generation is collected after 100 collections of the middle one, not 10: the
    collector's 11 CPU-seconds in a run became 4.5 (docs/testing.md). What a test leaves
    behind is still collected, at the latest by the collections at the end."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(700, 10, 100)
    gc.enable()


def pytest_sessionstart(session: pytest.Session) -> None:
    # `st.text()` draws from the characters UTF-8 can encode, a table Hypothesis works out
    # from every code point (2.8 CPU-seconds) where it has not kept it yet
    # (.hypothesis/unicode_data, absent from a clean clone, as in CI): each xdist worker worked
    # it out at once. Worked out here, in the controller before it starts the workers (xdist
    # starts them after this hook), it is kept for them to read (0.03 CPU-seconds each). The
    # properties draw the same characters. Hypothesis warns of slow work while pytest starts;
    # this is that work, on purpose, once. (Where the tables are kept, the controller does not
    # import Hypothesis for it.)
    if _runs_tests(session.config) or not _unicode_tables_kept():
        from hypothesis import strategies as st
        from hypothesis.errors import HypothesisSideeffectWarning

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", HypothesisSideeffectWarning)
            st.text().validate()
    _out_of_the_collectors_sight()  # the xdist controller, which collects nothing
    if hasattr(session.config, "workerinput"):
        _fewer_messages_to_the_controller(session.config)


def _unicode_tables_kept() -> bool:
    """Whether Hypothesis keeps the tables `st.text()` needs (as hypothesis.internal.charmap
    names them: where it names them otherwise, they are worked out here as before)."""
    import unicodedata

    home = Path(os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY") or Path.cwd() / ".hypothesis")
    kept = home / "unicode_data" / unicodedata.unidata_version
    return all((kept / f"{name}.json.gz").is_file() for name in ("charmap", "codec-v2-utf-8"))


def _fewer_messages_to_the_controller(config: pytest.Config) -> None:
    """An xdist worker sends the controller six messages a test (pure-Python serialising on
    both sides and a thread to read them: 3-4 ms of CPU a test, 8-9 CPU-s a run in all).
    In quiet mode (`-q`, as `addopts` sets) with no JUnit XML, two of them change nothing
    the controller shows: the start of a test (shown only from `-v` on, or by live logging)
    and the passed set-up and teardown of a test that wrote nothing and took less time than
    `--durations` shows. Those are not sent; every failure, error, skip, the call's report,
    each test's end (the progress figure) and everything from `-v` on are, as before. Only
    the count of hidden durations that `--durations` prints changes."""
    interactors = [
        plugin
        for plugin in config.pluginmanager.get_plugins()
        if type(plugin).__name__ == "WorkerInteractor" and hasattr(plugin, "sendevent")
    ]
    try:  # the JUnit XML and logging plugins may be off (-p no:junitxml, -p no:logging)
        live_logging = bool(config.getini("log_cli"))
    except ValueError:
        live_logging = False
    if (
        len(interactors) != 1
        or config.get_verbosity() >= 0
        or getattr(config.option, "xmlpath", None)
        or live_logging
    ):
        return
    [interactor] = interactors
    send = interactor.sendevent
    least = config.option.durations_min
    least = 0.005 if least is None else least

    def sendevent(name: str, **kwargs: Any) -> None:
        if name == "logstart":
            return
        if name == "testreport":
            data = kwargs["data"]
            if (
                data.get("when") in ("setup", "teardown")
                and data.get("outcome") == "passed"
                and not data.get("sections")
                and data.get("duration", least) < least
            ):
                return
        send(name, **kwargs)

    interactor.sendevent = sendevent


def pytest_collection_finish(session: pytest.Session) -> None:
    _out_of_the_collectors_sight()  # a worker (or the one process), its tests collected


FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]
# The report the bundled plan is read from; tests that need it skip where it is absent.
REPORT = REPO.parent / "shared" / "seed" / "000_00f01ebf3f7ca338.txt"
# The 15 provinces' 2026 reports and the bundled plans made from them (`data/<id>-2026.toml`).
CORPUS = REPO.parent / "shared" / "corpus" / "gov-work-reports-2026"
REPORTS = {
    "beijing": "北京市",
    "fujian": "福建省",
    "gansu": "甘肃省",
    "guangdong": "广东省",
    "guizhou": "贵州省",
    "henan": "河南省",
    "hubei": "湖北省",
    "jiangsu": "江苏省",
    "liaoning": "辽宁省",
    "shaanxi": "陕西省",
    "shandong": "山东省",
    "shanghai": "上海市",
    "sichuan": "四川省",
    "tianjin": "天津市",
    "zhejiang": "浙江省",
}
needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="the corpus is not here")
needs_seed = pytest.mark.skipif(not REPORT.exists(), reason="the seed report is not here")


@functools.cache
def corpus_report(name: str) -> str:
    """The seed report (`"seed"`) or a corpus report (its file name, `"广东省"`), as read."""
    path = REPORT if name == "seed" else CORPUS / f"{name}.txt"
    return path.read_text(encoding="utf-8")


def _built_once(build: Any) -> Any:
    """Typer's CliRunner builds the Click command of every registered command on each invoke
    (signatures, type hints, converters): two thirds of an in-process command's time in the
    suite. The same app, language and commands give the same Click command: build it once."""
    built: dict[tuple[int, str, tuple[int, ...], tuple[int, ...]], Any] = {}

    def get_command(app: typer.Typer) -> Any:
        key = (
            id(app),
            language(),
            tuple(map(id, app.registered_commands)),
            tuple(map(id, app.registered_groups)),
        )
        if key not in built:
            built[key] = build(app)
        return built[key]

    return get_command


def _schemas_once(json_schemas: Callable[[], dict[str, Any]]) -> Callable[[], dict[str, Any]]:
    """`plancli schema` builds eleven Pydantic schemas (0.3-0.5 CPU-seconds) from the types,
    the same every time in a process: built once per language by the real function, each
    call given its own copy (the tests that run `schema` seven times, docs/testing.md)."""
    built: dict[str, dict[str, Any]] = {}

    @functools.wraps(json_schemas)
    def once() -> dict[str, Any]:
        if language() not in built:
            built[language()] = json_schemas()
        return copy.deepcopy(built[language()])

    return once


def _parsed_once(loads: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
    """tomli's `loads` (a pure function of the text) parses each text of 1,000 characters or
    more once per process: a test's first command parses its plan (it has a plan cache of its
    own), the same few bundled plans some 1,500 times a run, 3.5 ms each for the 80-target
    ones (about 2 CPU-seconds a run). Each call gets its own copy (unpickled, 0.2 ms), so a
    caller that changes what it got changes nothing another gets. What tomli refuses is
    refused again each time (nothing kept), and plancli's own work on the text (decoding,
    the checks after the parse, validation, compiling) runs every time as before."""
    kept: dict[tuple[str, Any], bytes] = {}

    @functools.wraps(loads)
    def once(s: str, /, *, parse_float: Any = float) -> dict[str, Any]:
        if len(s) < 1000:
            return loads(s, parse_float=parse_float)
        key = (s, parse_float)
        if key not in kept:
            parsed = loads(s, parse_float=parse_float)
            kept[key] = pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL)
            return parsed
        return pickle.loads(kept[key])  # type: ignore[no-any-return]

    return once


# The name of the test being set up, for its `tmp_path`'s folder.
_setting_up = [""]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    _setting_up[0] = item.name


@pytest.fixture
def tmp_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pytest's `tmp_path`, a new empty folder of this test's under the run's base folder, made
    by `mkdtemp`: pytest's numbers each folder by listing every folder made so far (quadratic,
    1-2 CPU-seconds of a run at 2,000 tests, docs/testing.md). Named as pytest names it (the
    test's name, 30 characters), kept as pytest keeps it (the last three runs). The name comes
    from the item being set up, not from `request`: pytest 9 makes a fixture definition and
    reads a signature each time a fixture asks for `request` (0.3-0.5 ms a test)."""
    name = re.sub(r"\W", "_", _setting_up[0])[:30]
    return Path(tempfile.mkdtemp(prefix=name, dir=tmp_path_factory.getbasetemp()))


@pytest.fixture(scope="session")
def homes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("homes")


def _isolate(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))  # the plan cache
    for var in (
        "PLANCLI_PLAN",
        "PLANCLI_LEDGER",
        "PLANCLI_LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "FORCE_COLOR",
    ):
        monkeypatch.delenv(var, raising=False)
    for var in ("PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGPASSWORD", "PGSERVICE"):
        monkeypatch.delenv(var, raising=False)
    # A workspace marker (.plancli.toml) is looked for no higher than the run's base folder: a
    # stray one above it (in /tmp) must not choose the tests' plan.
    monkeypatch.setenv("PLANCLI_CEILING_DIRECTORIES", str(home.parent.parent))
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    set_language("en")  # the language is process-wide: each test starts in English


@pytest.fixture(autouse=True)
def isolated_env(homes: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the app dir at a temp folder; fixed width, no colour, English, no plan override."""
    # mkdtemp, not tmp_path_factory.mktemp: that scans every numbered folder made so far to
    # number the next one, 18 s of a profiled suite at 1,300 tests (quadratic).
    home = Path(tempfile.mkdtemp(prefix="home-", dir=homes))
    _isolate(monkeypatch, home)
    yield home
    set_language("en")


@contextlib.contextmanager
def _isolated_cli(homes: Path) -> Iterator[Callable[..., Any]]:
    from typer.testing import CliRunner

    from plancli.cli import app

    home = Path(tempfile.mkdtemp(prefix="home-", dir=homes))
    runner = CliRunner()
    with pytest.MonkeyPatch.context() as monkeypatch:
        _isolate(monkeypatch, home)
        try:
            yield lambda *args, input=None: runner.invoke(app, list(args), input=input)
        finally:
            set_language("en")


@pytest.fixture(scope="session")
def isolated_cli(homes: Path) -> Callable[[], contextlib.AbstractContextManager[Any]]:
    """`with isolated_cli() as invoke:` — `invoke` for a fixture of module scope that builds
    files once for the tests that only read them (docs/testing.md): plancli in-process, in a
    home of its own and the environment `isolated_env` gives a test, put back afterwards."""
    return functools.partial(_isolated_cli, homes)


@contextlib.contextmanager
def kept_unchanged(folder: Path) -> Iterator[None]:
    """Around the tests that share the files of `folder`: fails (an error at the last one's
    teardown) if any of them changed, added or removed a file there. A SQLite reader's
    bookkeeping is no change: its `-shm` index, and an empty `-wal` (a write would fill it)."""

    def contents() -> dict[Path, bytes]:
        files = (path for path in folder.rglob("*") if path.is_file())
        kept = {path: path.read_bytes() for path in files if not path.name.endswith("-shm")}
        return {path: data for path, data in kept.items() if data or path.suffix[-4:] != "-wal"}

    before = contents()
    yield
    after = contents()
    added, removed = (
        sorted(map(str, after.keys() - before)),
        sorted(map(str, before.keys() - after)),
    )
    assert not (added or removed), f"shared files added {added} or removed {removed}"
    changed = [str(path) for path in before if after[path] != before[path]]
    assert not changed, f"a test changed the shared files {changed}"


@pytest.fixture
def runner() -> CliRunner:
    from typer.testing import CliRunner

    return CliRunner()


@pytest.fixture
def plan_run(invoke, tmp_path: Path):  # type: ignore[no-untyped-def]
    """`plan_run("guangdong-2026")(*args, code=0)`: plancli on a bundled plan and a ledger of
    the test's own; stdout where the exit code is 0, else the whole output."""

    def make(plan: str):  # type: ignore[no-untyped-def]
        ledger = tmp_path / f"{plan}.progress.toml"

        def call(*args: str, code: int = 0) -> str:
            result = invoke("--plan", plan, "--ledger", str(ledger), *args)
            assert result.exit_code == code, result.output
            return result.stdout if code == 0 else result.output  # type: ignore[no-any-return]

        return call

    return make


@pytest.fixture
def invoke(runner: CliRunner):  # type: ignore[no-untyped-def]
    """Run plancli with arguments; returns the click Result (stdout and stderr apart)."""

    from plancli.cli import app

    def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
        return runner.invoke(app, list(args), input=input)

    return run


@pytest.fixture
def mini_plan(tmp_path: Path) -> Path:
    """A copy of the small test plan in a temp folder (its ledger goes beside it)."""
    path = tmp_path / "mini.toml"
    shutil.copyfile(FIXTURES / "mini.toml", path)
    return path


@pytest.fixture(params=["toml", "sqlite", "postgres"])
def ledger_suffix(request: pytest.FixtureRequest) -> str:
    """The ledger tests run against every store: TOML and SQLite chosen by the file name
    (issue 5), and PostgreSQL (issue 13) in the throwaway server, where `ledger_at` turns
    the name into a database (the test skips, saying why, where there is no server)."""
    if request.param == "postgres":
        from ledgers import PG_SUFFIX

        request.getfixturevalue("pg_ledgers")
        return PG_SUFFIX
    return ".progress.toml" if request.param == "toml" else ".progress.sqlite"


@pytest.fixture(params=["toml", "sqlite"])
def file_ledger_suffix(request: pytest.FixtureRequest) -> str:
    """The two file stores, for tests of files as such (locks, renames, links, the status
    cache's fingerprints); tests/test_ledger_postgres.py checks the database's counterparts."""
    return ".progress.toml" if request.param == "toml" else ".progress.sqlite"


# Under xdist, where each worker starts a server of its own: the data folder `initdb` makes,
# made once a run (by the first worker to need it) and copied by the others (initdb is 0.8
# CPU-s and a second of a worker's wall; a copy on a tmpfs, 0.06). Named by the controller
# (or the one process), which deletes it at the end.
_PG_TEMPLATE = "PLANCLI_TEST_PG_TEMPLATE"


def pytest_unconfigure(config: pytest.Config) -> None:
    if os.environ.get("PYTEST_XDIST_WORKER") is None and (template := os.environ.get(_PG_TEMPLATE)):
        shutil.rmtree(template, ignore_errors=True)


def _pg_template() -> Path | None:
    """The run's initdb'd data folder to copy (made here if no worker made it yet), or None
    (initdb itself) where there are no workers to share it."""
    template = os.environ.get(_PG_TEMPLATE)
    if os.environ.get("PYTEST_XDIST_WORKER") is None or template is None:
        return None
    with open(Path(template, "lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one worker makes it; the other waits, then copies
        return pgcluster.initdb_template(Path(template))


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """One throwaway PostgreSQL server for the whole session (tests/pgcluster.py), with a pool
    of empty databases."""
    # CI (.ci/run) sets PLANCLI_REQUIRE_POSTGRES=1: there, no server is a failure, not a skip.
    give_up = pytest.fail if os.environ.get("PLANCLI_REQUIRE_POSTGRES") == "1" else pytest.skip
    reason = pgcluster.unavailable()
    if reason is not None:
        give_up(f"no PostgreSQL server for the tests: {reason}")
    try:
        # A small server: under xdist every worker starts its own (-n auto: one per core).
        cluster = pgcluster.start_cluster(shared_buffers="32MB", template=_pg_template())
    except (OSError, RuntimeError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", "") or str(exc)
        give_up(f"could not start a PostgreSQL server: {' '.join(detail.split())[-300:]}")
    from ledgers import POOL

    try:
        for number in range(POOL):
            cluster.psql(f"CREATE DATABASE plancli_t{number}")
        yield cluster
    finally:
        cluster.destroy()


@pytest.fixture
def pg_ledgers(pg_cluster: Cluster) -> Iterator[PgLedgers]:
    """The databases of this test's PostgreSQL ledgers, emptied after it."""
    from ledgers import PgLedgers

    ledgers = PgLedgers(pg_cluster)
    try:
        yield ledgers
    finally:
        ledgers.reset()


@pytest.fixture
def ledger_at(request: pytest.FixtureRequest) -> Callable[..., Ledger]:
    """`ledger_at(tmp_path / f"work{ledger_suffix}", plan_id)`: the test ledger of that name, a
    file's path or, for the PostgreSQL suffix, a database holding the plan's records."""
    from ledgers import MINI, PG_SUFFIX

    def at(path: Path, plan_id: str = MINI) -> Ledger:
        if str(path).endswith(PG_SUFFIX):
            ledgers: PgLedgers = request.getfixturevalue("pg_ledgers")
            return ledgers.at(path, plan_id)
        return path

    return at


@pytest.fixture
def report_text() -> str:
    if not REPORT.exists():
        pytest.skip(f"the seed report is not here ({REPORT})")
    return REPORT.read_text(encoding="utf-8")


JUNE_EPOCH = "1657008000"  # 2022-07-05 08:00 UTC: the June report's date, fixed


@pytest.fixture(scope="module")
def june_built(tmp_path_factory: pytest.TempPathFactory, isolated_cli: Any) -> Path:
    """The bundled plan with the June bulletin (and one July figure) imported, once for a
    module's readers (an import of 80 targets' figures per test before, docs/testing.md)."""
    folder = tmp_path_factory.mktemp("june")
    plan = folder / "plan2022.toml"
    shutil.copyfile(REPO / "data" / "plan2022.toml", plan)
    with pytest.MonkeyPatch.context() as monkeypatch, isolated_cli() as invoke:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", JUNE_EPOCH)
        result = invoke("--plan", str(plan), "import", str(FIXTURES / "report-june.csv"))
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture
def june(june_built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled plan with the June figures imported, for one test to change."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", JUNE_EPOCH)
    shutil.copytree(june_built, tmp_path, dirs_exist_ok=True)
    return tmp_path / "plan2022.toml"


@pytest.fixture
def workspace(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:  # type: ignore[no-untyped-def]
    """`plancli init g`, run in tmp_path; the current folder is then g."""
    monkeypatch.chdir(tmp_path)
    done = invoke("init", "g")
    assert done.exit_code == 0, done.stderr
    monkeypatch.chdir(tmp_path / "g")
    return tmp_path / "g"


@pytest.fixture(scope="module")
def year_ledger(tmp_path_factory: pytest.TempPathFactory, isolated_cli: Any) -> Path:
    """The audit's year and its two adjustments (test_report_year_end, test_yearend_s43)."""
    ledger = tmp_path_factory.mktemp("ye") / "plan2022.progress.toml"
    with isolated_cli() as invoke:
        for args in (
            ("import", str(FIXTURES / "year-end-2022.csv")),
            ("amend", "unemployment_rate", "--around", "4.5", "--from", "2022-06"),
            ("amend", "retail_sales", "--min", "6", "--from", "2022-07"),
        ):
            result = invoke("--plan", "guandu-2022", "--ledger", str(ledger), *args)
            assert result.exit_code == 0, result.output
    return ledger
