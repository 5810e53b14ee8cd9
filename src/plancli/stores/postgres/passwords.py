"""Where libpq looked for a password, for the one line a refused connection gets: a wrong
password is corrected where it came from (the connection string, a service file's
`password=`, PGPASSWORD, the password file PGPASSFILE names or ~/.pgpass), and a missing one
names the password file and what of the connection its lines did not match, matched as libpq
matches them (host, port, database and role, each literal or `*`; `localhost` for the default
socket). The usual cause is a mistyped database name (`plnas`), host or port: a .pgpass of
one line per database has no line for it, so the server's "no database plnas" is never
reached.

libpq's own order, read again here (it does not say where a password came from): an option of
the connection string, then the service's entry, then the environment, then the default.
Nothing here ever reads or shows a password, only whether one is there.
"""

from __future__ import annotations

import getpass
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from plancli.i18n import N_, _, join_list
from plancli.safe import clip, clip_path
from plancli.stores.postgres.pgpass_mode import (
    UNREADABLE_PASSFILE,
    ignored_by_libpq,
    not_a_plain_file,
    readable_by_others,
)

_ENVIRONMENT = {
    "user": "PGUSER",
    "dbname": "PGDATABASE",
    "passfile": "PGPASSFILE",
    "host": "PGHOST",
    "hostaddr": "PGHOSTADDR",
    "port": "PGPORT",
}
_DEFAULT_FILE = "~/.pgpass"
_DEFAULT_PORT = "5432"
# A password file's `localhost` matches a connection through the socket folder libpq was built
# with (DEFAULT_PGSOCKET_DIR), and a connection naming no host. libpq does not say which folder
# that is: Debian's builds and psycopg's wheels use /var/run/postgresql, PostgreSQL's own /tmp.
_DEFAULT_SOCKETS = ("/var/run/postgresql", "/tmp")


class Looked(NamedTuple):
    """What libpq used: the role, the database, where a password was (or would be), and the
    (host, port) pairs it tried, as its password file matches them (`localhost` for the
    default socket, port 5432 when none is given)."""

    role: str
    database: str
    source: str  # "string", "service", "environment" or "file"
    file: str  # the service file or the password file, as shown
    places: tuple[tuple[str, str], ...] = (("localhost", _DEFAULT_PORT),)


def _service(name: str) -> tuple[dict[str, str], str]:
    """The service's entry and the file it is in (PGSERVICEFILE or ~/.pg_service.conf, then
    PGSYSCONFDIR's pg_service.conf)."""
    files = [os.environ.get("PGSERVICEFILE") or "~/.pg_service.conf"]
    if os.environ.get("PGSYSCONFDIR"):
        files.append(str(Path(os.environ["PGSYSCONFDIR"]) / "pg_service.conf"))
    for file in files:
        try:
            lines = Path(file).expanduser().read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        entry: dict[str, str] | None = None
        for line in (raw.strip() for raw in lines):
            if line.startswith("["):
                if entry is not None:
                    break
                entry = {} if line.strip("[]").strip() == name else None
            elif entry is not None and "=" in line and not line.startswith("#"):
                key, _sep, value = line.partition("=")
                entry[key.strip()] = value.strip()
        if entry is not None:
            return entry, file
    return {}, ""


def looked_up(params: Mapping[str, str]) -> Looked:
    """The role, database and password source of a connection string as libpq reads it."""
    name = params.get("service") or os.environ.get("PGSERVICE") or ""
    service, service_file = _service(name) if name else ({}, "")

    def setting(key: str) -> str:
        env = os.environ.get(_ENVIRONMENT[key], "")
        return params.get(key) or service.get(key) or env

    role = setting("user") or getpass.getuser()
    database = setting("dbname") or role
    places = _places(setting("host"), setting("hostaddr"), setting("port"))
    if params.get("password"):
        return Looked(role, database, "string", "", places)
    if service.get("password"):
        return Looked(role, database, "service", f"{service_file} [{name}]", places)
    if os.environ.get("PGPASSWORD"):
        return Looked(role, database, "environment", "", places)
    return Looked(role, database, "file", setting("passfile") or _DEFAULT_FILE, places)


def _places(host: str, hostaddr: str, port: str) -> tuple[tuple[str, str], ...]:
    """The (host, port) pairs libpq looks its password file up with: one per host of a
    comma-separated list (or per hostaddr, where no host is given), each with its port (one
    port for all, or one each); an empty host is the default socket, matched as `localhost`,
    and so is the default socket's folder; an empty port is 5432."""
    hosts, addresses = host.split(","), hostaddr.split(",")
    count = max(len(hosts), len(addresses))
    ports = port.split(",")
    places = []
    for n in range(count):
        name = hosts[n] if n < len(hosts) else ""
        name = name or (addresses[n] if n < len(addresses) else "")
        if not name or name in _DEFAULT_SOCKETS:
            name = "localhost"
        number = ports[n] if n < len(ports) else ports[0] if len(ports) == 1 else ""
        places.append((name, number or _DEFAULT_PORT))
    return tuple(places)


def _fields(line: str) -> list[str]:
    """A .pgpass line's fields (`\\:` and `\\\\` escaped)."""
    fields = re.findall(r"((?:\\.|[^:\\])*)(?::|$)", line)[:5]
    return [re.sub(r"\\(.)", r"\1", field) for field in fields]


class _Line(NamedTuple):
    """A password file's line: its four fields to match, and whether it holds a password."""

    host: str
    port: str
    database: str
    role: str
    has_password: bool

    def at(self, places: tuple[tuple[str, str], ...]) -> bool:
        """Whether its host and port match one of the pairs libpq tries (`*` matches all)."""
        return any(self.host in ("*", host) and self.port in ("*", port) for host, port in places)

    def shown(self) -> str:
        """`db.bureau:5432:plans`, as the line writes them (a `:` escaped)."""
        return ":".join(_escaped(f) for f in (self.host, self.port, self.database))


def _escaped(field: str) -> str:
    return field.replace("\\", "\\\\").replace(":", "\\:")


def _lines(file: str) -> list[_Line] | None:
    """The password file's lines as libpq reads them (a comment, a blank line or one of fewer
    than five fields matches nothing); None when it cannot be read."""
    try:
        text = Path(file).expanduser().read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    found = []
    for line in text.splitlines():
        fields = _fields(line.rstrip("\r"))
        if line.startswith("#") or len(fields) < 5:
            continue
        host, port, database, role, password = fields[:5]
        found.append(_Line(host, port, database, role, has_password=bool(password)))
    return found


def passfile_stand_in(params: Mapping[str, str]) -> str | None:
    """The `passfile` to connect with instead of the password file libpq would read and
    ignore (others may read it; a folder, a device), or None (`passfile.py` says why). A path
    under a plain file cannot exist: under the ignored file itself, else (a folder may hold
    anything) under plancli's own; `missing_password` still names the file libpq ignored."""
    looked = looked_up(params)
    if looked.source != "file" or not ignored_by_libpq(looked.file):
        return None
    path = Path(looked.file).expanduser()
    return str(path / "ignored-by-libpq") if path.is_file() else UNREADABLE_PASSFILE


def wrong_password(params: Mapping[str, str], role: str) -> str:
    """`wrong password for role alice: correct it in …` where the password came from: a
    sentence each, so that the Chinese one reads 请在连接字符串中改正, not a phrase inserted
    with English spacing."""
    looked = looked_up(params)
    messages = {
        "string": N_("wrong password for role {role}: correct it in the connection string"),
        "service": N_("wrong password for role {role}: correct it in the service file {file}"),
        "environment": N_("wrong password for role {role}: correct it in PGPASSWORD"),
        "file": N_("wrong password for role {role}: correct it in {file} (or PGPASSWORD)"),
    }
    # a role's name as the server quotes it, shown as every name is (a line feed as \n)
    return _(messages[looked.source]).format(role=clip(role), file=clip_path(looked.file))


# Where libpq's message says it connected: `connection to server on socket
# "/run/pg/.s.PGSQL.5432" failed: …` or `connection to server at "db.bureau" (10.0.0.5), port
# 5432 failed: …`, one such part per host of a `host=a,b` list it tried.
_TRIED = re.compile(
    r'connection to server (?:on socket "(?P<socket>[^"]*)/\.s\.PGSQL\.(?P<socket_port>\d+)"|'
    r'at "(?P<host>[^"]*)"(?: \([^)]*\))?, port (?P<port>\d+)) failed: (?P<why>[^\n]*)'
)


def _asking(places: tuple[tuple[str, str], ...], text: str) -> tuple[tuple[str, str], ...]:
    """Of the (host, port) pairs of a `host=a,b` list, the one whose server asked for the
    password (libpq looks the password file up for the host it is connecting to), read from
    libpq's message; all of them when the message does not say."""
    for found in _TRIED.finditer(text):
        if "no password supplied" not in found["why"]:
            continue
        host = found["socket"] if found["socket"] is not None else found["host"]
        port = found["socket_port"] or found["port"]
        name = "localhost" if not host or host in _DEFAULT_SOCKETS else host
        asking = [(h, p) for h, p in places if (h, p) == (name, port)]
        return tuple(asking) if asking else places
    return places


def missing_password(params: Mapping[str, str], text: str = "") -> str:
    """The server asked for a password and libpq had none: which file it looked in, for which
    host, port, database and role, matched as libpq matches them (each field literal or `*`,
    the first line that matches wins; for the host whose server asked, of a `host=a,b` list:
    `text`, libpq's message, says which), and what the file's lines are for: a mistyped
    database name, host or port most often, not a missing password."""
    looked = looked_up(params)
    role, database, file = looked.role, looked.database, looked.file
    places = _asking(looked.places, text)
    kind = not_a_plain_file(file)
    lines = None if kind is not None else _lines(file)
    host, port = places[0]
    wanted = f"{_escaped(host)}:{_escaped(port)}:{_escaped(database)}:{_escaped(role)}"
    # Names from the connection string, the environment or the password file: shown as every
    # name is (`safe.clip`: escaped, cut past 60 characters), never raw (`user=bo%0Ab`)
    fields = {
        "role": clip(role),
        "database": clip(database),
        "file": clip_path(file),
        "line": clip_path(wanted),
    }
    if kind is not None:  # a folder, a device: libpq ignores it, said so, not "put it in"
        message = (
            N_(
                "the server asks role {role} for a password, and libpq ignores {file}: it is "
                "a folder, not a file of lines host:port:database:role:password"
            )
            if kind == "folder"
            else N_(
                "the server asks role {role} for a password, and libpq ignores {file}: it is "
                "not a plain file of lines host:port:database:role:password"
            )
        )
        return _(message).format(**fields)
    if lines is None:
        message = N_(
            "the server asks role {role} for a password and none was given: put it in "
            "{file} (host:port:database:role:password) or PGPASSWORD"
        )
        return _(message).format(**fields)
    if readable_by_others(file):
        message = N_(
            "the server asks role {role} for a password, and libpq ignores {file}: other "
            "users may read it; chmod 600 {file}"
        )
        return _(message).format(**fields)
    mine = [line for line in lines if line.role in ("*", role)]
    used = next((x for x in mine if x.at(places) and x.database in ("*", database)), None)
    if used is not None and not used.has_password:
        message = N_(
            "the server asks role {role} for a password, and the line for database "
            "{database} in {file} ({place}) holds none: write it after the last colon"
        )
        return _(message).format(place=clip_path(used.shown()), **fields)
    if used is not None:
        message = N_(
            "the server asks role {role} for a password, and the line for database "
            "{database} in {file} was not used: check that it is a file of lines "
            "host:port:database:role:password"
        )
        return _(message).format(**fields)
    here = [x for x in mine if x.at(places)]
    if here:  # the host and port have lines: the database's name is another
        message = N_(
            "the server asks role {role} for a password, and {file} has no line for database "
            "{database} (its lines for role {role} are for {databases}): check the "
            "database's name, or add a line {line}:password"
        )
        databases = join_list([clip(x) for x in dict.fromkeys(x.database for x in here)])
        return _(message).format(databases=databases, **fields)
    if mine:
        same = [x for x in mine if x.database in ("*", database)]
        if same:  # the database has lines, for another host or port
            message = N_(
                "the server asks role {role} for a password, and {file} has no line for "
                "{place} (its lines for role {role} and database {database} are for "
                "{places}): check the host and port, or add a line {line}:password"
            )
        else:
            message = N_(
                "the server asks role {role} for a password, and {file} has no line for "
                "{place}:{database} (its lines for role {role} are for {places}): check the "
                "host, port and database's name, or add a line {line}:password"
            )
        shown = join_list([clip_path(x) for x in dict.fromkeys(x.shown() for x in same or mine)])
        place = clip_path(f"{_escaped(host)}:{_escaped(port)}")
        return _(message).format(place=place, places=shown, **fields)
    message = N_(
        "the server asks role {role} for a password, and {file} has no line for role "
        "{role}: add one ({line}:password), or set PGPASSWORD"
    )
    return _(message).format(**fields)
