"""A throwaway PostgreSQL server for the tests and the benchmarks (issue 13).

`initdb` in a temporary folder, the server listening only on a Unix socket in that folder (no
TCP port, nothing shared with another server on the machine), stopped and deleted afterwards.
PostgreSQL refuses to run as root, and tests run as root in CI: then the folder is given to an
unprivileged user (`nobody`) and the server runs as that user. Where the binaries are missing
(`initdb`, `pg_ctl`: Debian's `postgresql` package puts them in /usr/lib/postgresql/N/bin),
`unavailable()` says why, and the tests that need a server skip with that reason.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

_SEARCH = ("/usr/lib/postgresql/*/bin", "/usr/local/pgsql/bin", "/usr/pgsql-*/bin")


def find_bindir() -> Path | None:
    """The folder of `initdb` and `pg_ctl`: on PATH, else the newest of Debian's and others'."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).parent
    candidates: list[Path] = []
    for pattern in _SEARCH:
        candidates += [p for p in Path("/").glob(pattern.lstrip("/")) if (p / "initdb").exists()]

    def version(path: Path) -> tuple[int, ...]:
        return tuple(int(n) for n in re.findall(r"\d+", str(path))) or (0,)

    return max(candidates, key=version) if candidates else None


def _runner() -> tuple[int, int] | None:
    """(uid, gid) to run the server as when we are root; None when we are not root."""
    if os.geteuid() != 0:
        return None
    entry = pwd.getpwnam("nobody")
    return entry.pw_uid, entry.pw_gid


def _traversable(folder: Path) -> bool:
    """Can any user reach files inside `folder` (every ancestor searchable by others)?"""
    for part in [folder, *folder.parents]:
        try:
            if not part.stat().st_mode & 0o001:
                return False
        except OSError:
            return False
    return True


def base_folder() -> Path | None:
    """Where the cluster's folder goes: somewhere the server's user can reach, with a short
    path (a Unix socket's path is limited to about 100 bytes)."""
    for candidate in (Path(tempfile.gettempdir()), Path("/tmp"), Path("/var/tmp")):
        short = candidate.is_dir() and len(str(candidate)) < 40
        if short and (_runner() is None or _traversable(candidate)):
            return candidate
    return None


def unavailable() -> str | None:
    """Why no throwaway server can be started here, or None when one can."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install 'plancli[test]' or 'plancli[postgres]')"
    if find_bindir() is None:
        return (
            "PostgreSQL's server binaries (initdb, pg_ctl) are not installed "
            "(apt-get install postgresql)"
        )
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("nobody")
        except KeyError:
            return "running as root and there is no user `nobody` to run PostgreSQL as"
    if base_folder() is None:
        return "no temporary folder the PostgreSQL server's user can reach"
    return None


@dataclass
class Cluster:
    """A running throwaway server: `url(dbname)` connects to it as its superuser `postgres`."""

    bindir: Path
    folder: Path  # holds data/, the socket and the log
    # The tests' own connections, kept (`session`); closed when the server stops.
    _sessions: dict[tuple[str, str], Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def log(self) -> Path:
        return self.folder / "server.log"

    def url(self, dbname: str = "postgres", user: str = "postgres") -> str:
        return f"postgresql://{quote(user)}@/{quote(dbname)}?host={quote(str(self.folder))}"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return _as_server_user([str(self.bindir / args[0]), *args[1:]], self.folder, check)

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "start")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server: `fast` (sessions ended, clean) or `immediate` (as a crash would:
        no shutdown checkpoint, recovery at the next start)."""
        self.close_sessions()
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def destroy(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)

    def session(self, dbname: str = "postgres", user: str = "postgres") -> Any:
        """A connection to `dbname` as `user`, kept for the statements the tests make of their
        own (their ledgers' set-up, checks and clean-up): every connection is a new server
        process, about 7 ms of the server's CPU (outside the tests' own processes), and the
        tests made some 900 of them. Autocommit, so it holds no lock or snapshot between
        statements and a failed statement leaves it usable; nothing prepared (psycopg
        prepares a query run five times, and a table's columns change under some tests).
        Opened again after the server stopped (`stop` closes them)."""
        import psycopg

        key = (dbname, user)
        connection = self._sessions.get(key)
        if connection is None or connection.closed:
            connection = psycopg.connect(
                self.url(dbname, user), autocommit=True, prepare_threshold=None
            )
            self._sessions[key] = connection
        return connection

    def close_sessions(self) -> None:
        for connection in self._sessions.values():
            with contextlib.suppress(Exception):
                connection.close()
        self._sessions.clear()

    def psql(self, sql: str, dbname: str = "postgres", user: str = "postgres") -> None:
        """Run SQL as the superuser (autocommit, one statement after another)."""
        import psycopg

        with psycopg.connect(self.url(dbname, user), autocommit=True) as connection:
            connection.execute(sql)


def _as_server_user(
    argv: list[str], cwd: Path, check: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run a program as the server's user (`nobody` when we are root, else ourselves)."""
    ids = _runner()
    extra: dict[str, object] = {}
    if ids is not None:
        extra = {"user": ids[0], "group": ids[1], "extra_groups": []}
    return subprocess.run(
        argv,
        capture_output=True,
        text=True,
        check=check,
        cwd=cwd,
        **extra,  # type: ignore[arg-type]
    )


def _server_folder(folder: Path) -> None:
    """Make `folder` the server's user's own (the server refuses a data folder others reach)."""
    ids = _runner()
    if ids is not None:
        os.chown(folder, *ids)
    os.chmod(folder, 0o700)


def _initdb(bindir: Path, data: Path) -> None:
    _as_server_user(
        [
            str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
            "-E", "UTF8", "--no-locale", "--no-sync",
        ],
        data.parent,
    )  # fmt: skip


def initdb_template(folder: Path) -> Path:
    """`folder/data`, made by `initdb` if not there yet: a data folder never started, for
    `start_cluster(template=...)` to copy. Its caller makes sure that no two processes make
    it at once (a lock)."""
    bindir = find_bindir()
    if bindir is None:
        raise RuntimeError(unavailable() or "no PostgreSQL")
    data, made = folder / "data", folder / "made"
    if not made.exists():
        shutil.rmtree(data, ignore_errors=True)  # what a failed initdb left
        _server_folder(folder)
        _initdb(bindir, data)
        made.touch()
    return data


def start_cluster(
    *,
    durable: bool = False,
    max_connections: int = 300,
    shared_buffers: str = "128MB",
    template: Path | None = None,
) -> Cluster:
    """initdb and start a server in a new temporary folder. `durable=False` (tests) turns off
    fsync: faster, and a stopped server still recovers (only an OS crash would lose data).
    `template`: a data folder `initdb_template` made, copied instead of running initdb: a
    data folder as initdb makes it (nothing in it names its folder), at 0.06 CPU-s on a
    tmpfs against initdb's 0.8."""
    bindir = find_bindir()
    base = base_folder()
    if bindir is None or base is None:
        raise RuntimeError(unavailable() or "no PostgreSQL")
    folder = Path(tempfile.mkdtemp(prefix="plancli-pg-", dir=base))
    _server_folder(folder)
    cluster = Cluster(bindir, folder)
    try:
        if template is None:
            _initdb(bindir, cluster.data)
        else:
            _as_server_user(["cp", "-a", str(template), str(cluster.data)], folder)
        settings = {
            "listen_addresses": "''",
            "unix_socket_directories": f"'{folder}'",
            "max_connections": str(max_connections),
            "fsync": "on" if durable else "off",
            "full_page_writes": "on" if durable else "off",
            "synchronous_commit": "on" if durable else "off",
            "shared_buffers": f"'{shared_buffers}'",
            "log_min_messages": "'warning'",
        }
        with (cluster.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("".join(f"{key} = {value}\n" for key, value in settings.items()))
        cluster.start()
    except BaseException:
        with contextlib.suppress(Exception):
            cluster.stop("immediate")
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return cluster
