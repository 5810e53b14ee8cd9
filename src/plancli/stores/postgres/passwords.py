"""Where libpq looked for a password, for the one line a refused connection gets: a wrong
password is corrected where it came from (the connection string, a service file's
`password=`, PGPASSWORD, the password file PGPASSFILE names or ~/.pgpass), and a missing one
names the password file and the database looked up. The usual cause of the latter is a
mistyped database name (`plnas`): a .pgpass of one line per database has no line for it, so
the server's "no database plnas" is never reached.

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

_ENVIRONMENT = {"user": "PGUSER", "dbname": "PGDATABASE", "passfile": "PGPASSFILE"}
_DEFAULT_FILE = "~/.pgpass"


class Looked(NamedTuple):
    """What libpq used: the role, the database, and where a password was (or would be)."""

    role: str
    database: str
    source: str  # "string", "service", "environment" or "file"
    file: str  # the service file or the password file, as shown


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
    if params.get("password"):
        return Looked(role, database, "string", "")
    if service.get("password"):
        return Looked(role, database, "service", f"{service_file} [{name}]")
    if os.environ.get("PGPASSWORD"):
        return Looked(role, database, "environment", "")
    return Looked(role, database, "file", setting("passfile") or _DEFAULT_FILE)


def _fields(line: str) -> list[str]:
    """A .pgpass line's fields (`\\:` and `\\\\` escaped)."""
    fields = re.findall(r"((?:\\.|[^:\\])*)(?::|$)", line)[:5]
    return [re.sub(r"\\(.)", r"\1", field) for field in fields]


def _databases(file: str, role: str) -> list[str] | None:
    """The databases the password file has a line for `role` of; None when it cannot be read."""
    try:
        text = Path(file).expanduser().read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    found: list[str] = []
    for line in text.splitlines():
        fields = _fields(line)
        if line.startswith("#") or len(fields) < 5 or fields[3] not in ("*", role):
            continue
        found.append(fields[2])
    return list(dict.fromkeys(found))


def wrong_password(params: Mapping[str, str], role: str) -> str:
    """`wrong password for role alice: correct it in …` where the password came from."""
    looked = looked_up(params)
    where = {
        "string": _("the connection string"),
        "service": _("the service file {file}").format(file=looked.file),
        "environment": "PGPASSWORD",
        "file": _("{file} (or PGPASSWORD)").format(file=looked.file),
    }[looked.source]
    return _("wrong password for role {role}: correct it in {where}").format(role=role, where=where)


def missing_password(params: Mapping[str, str]) -> str:
    """The server asked for a password and libpq had none: which file and database it looked
    up, and what its lines are for (a database's mistyped name, most often)."""
    looked = looked_up(params)
    role, database, file = looked.role, looked.database, looked.file
    databases = _databases(file, role)
    if databases is None:
        message = N_(
            "the server asks role {role} for a password and none was given: put it in "
            "{file} (host:port:database:role:password) or PGPASSWORD"
        )
    elif "*" in databases or database in databases:
        message = N_(
            "the server asks role {role} for a password, and the line for database "
            "{database} in {file} was not used: check its host and port fields, and that "
            "no other user may read the file (chmod 600 {file})"
        )
    elif databases:
        message = N_(
            "the server asks role {role} for a password, and {file} has no line for database "
            "{database} (its lines for role {role} are for {databases}): check the "
            "database's name, or add a line host:port:{database}:{role}:password"
        )
    else:
        message = N_(
            "the server asks role {role} for a password, and {file} has no line for role "
            "{role}: add one (host:port:{database}:{role}:password), or set PGPASSWORD"
        )
    return _(message).format(
        role=role, database=database, file=file, databases=join_list(databases or [])
    )
