"""Connecting to a PostgreSQL ledger: the connection string, timeouts, errors (issue 13).

Reads and writes connect through libpq itself (`libpq`); psycopg 3 (the optional extra `pip
install 'plancli[postgres]'`, whose binary wheel ships that libpq) is imported only here: for
`ledger init` and `grant`, and for everything where that libpq does not load. Either way the
connection is libpq's, so a libpq connection string
(`postgresql://host/plans`, `postgres://…`, `service=bureau`), libpq's PG* variables (PGHOST,
PGUSER…), its service file and `.pgpass` work as for psql. A server that does not answer is
reported unreachable after a connect timeout (exit 4); a server out of connection slots is
asked again until the lock timeout. Every message is one line, and no password of the
connection string (or PGPASSWORD) is ever in it.
"""

from __future__ import annotations

import os
import random
import re
import sys
import time
import weakref
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from plancli.errors import InputError, LedgerFileError, LedgerUnavailableError
from plancli.i18n import N_, _
from plancli.locations import MASK, LedgerLocation, masked_positions, passwords_in
from plancli.safe import clip, clip_path
from plancli.stores.base import LOCK_TIMEOUT_SECONDS, LedgerBusyError
from plancli.stores.postgres import bulk
from plancli.stores.postgres.libpq import (
    LibpqConnection,
    LibpqError,
    conninfo_options,
    find_libpq,
    is_operational,
)
from plancli.stores.postgres.lost import Stage, lost_connection, with_hint
from plancli.stores.postgres.passfile import passfile_stand_in
from plancli.stores.postgres.unreachable import (
    conninfo_reason,
    libpq_lines,
    table_reason,
    timeout_note,
    unreachable_reason,
)

# A server that does not answer within this many seconds is unreachable (exit 4), unless the
# connection string or PGCONNECT_TIMEOUT says otherwise.
CONNECT_TIMEOUT_SECONDS = 10
# The SQLSTATEs plancli tells apart (psycopg's LockNotAvailable, InsufficientPrivilege).
_LOCK_NOT_AVAILABLE = "55P03"
INSUFFICIENT_PRIVILEGE = "42501"


# libpq's `unexpected character "x" at position 32 in URI`: a position in the string it read
class MissingDriverError(InputError):
    """psycopg (the `postgres` extra) is not installed."""


class DepartmentRefusedError(InputError):
    """A write the departments' rules refuse (exit 2): nothing of the batch was written."""


def driver() -> Any:
    """psycopg, imported on first use: only a PostgreSQL ledger pays for it (0.1-0.2 s of CPU)."""
    try:
        import psycopg
    except ImportError:
        raise MissingDriverError(
            _("a PostgreSQL ledger needs psycopg: pip install 'plancli[postgres]'")
        ) from None
    return psycopg


def fetch_rows(
    connection: Any,
    sql: str,
    params: Sequence[Any] | Mapping[str, Any],
    columns: Sequence[tuple[str, str]],
) -> list[tuple[Any, ...]]:
    """Every row of `sql`, the same values whichever driver reads them: libpq's connection reads
    many rows as a few texts (`bulk`, `columns` naming their kinds), psycopg's
    with its loaders."""
    if isinstance(connection, LibpqConnection):
        return bulk.read(connection, sql, params, columns)
    return list(connection.execute(sql, params).fetchall())


Reads = Sequence[tuple[str, Any, Sequence[tuple[str, str]] | None]]


def _statements(reads: Reads) -> list[tuple[str, Any]]:
    return [
        (sql if kinds is None else bulk.bulk_sql(sql, kinds), params)
        for sql, params, kinds in reads
    ]


def send_many(connection: LibpqConnection, reads: Reads) -> None:
    """`fetch_many`'s message sent on libpq's connection, not waited for: `fetch_many(...,
    sent=True)` then reads its rows (the process works meanwhile, the server selects)."""
    connection.send_all(_statements(reads))


def fetch_many(
    connection: Any, reads: Reads, columnar: bool = False, *, sent: bool = False
) -> list[Any]:
    """The rows of each statement, one after another: many rows (`columns` named) read as
    `fetch_rows` reads them (with `columnar`, the last statement's as columns: lists of
    values); on libpq's connection all in one message to the server (with `sent`, already
    sent by `send_many`)."""
    found: list[Any]
    if isinstance(connection, LibpqConnection):
        if sent:
            results = connection.results(len(reads))
        else:
            results = connection.execute_all(_statements(reads))
        found = [
            result.rows if kinds is None else bulk.bulk_rows(result.rows, kinds)
            for result, (_, _, kinds) in zip(results[:-1], reads, strict=False)
        ]
        last, kinds = results[-1].rows, reads[-1][2]
        if kinds is None:
            found.append(list(zip(*last, strict=True)) if columnar else last)
        else:
            found.append((bulk.bulk_columns if columnar else bulk.bulk_rows)(last, kinds))
        return found
    found = []
    for sql, params, _kinds in reads:
        cursor = connection.execute(sql, params)
        found.append(list(cursor.fetchall()) if cursor.description else [])
    if columnar:
        width = len(reads[-1][2] or ())
        found[-1] = [list(column) for column in zip(*found[-1], strict=True)] or [[]] * width
    return found


# What a server that answers (or libpq itself) refuses when connecting: retrying never helps, so
# these are bad input (exit 2) saying what to fix, not an unreachable server (exit 4). Matched
# on libpq's and the server's English messages (a server whose lc_messages is another
# language's is reported as unreachable, with its own words).
_REFUSALS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r'database "(?P<database>[^"]*)" does not exist'),
        N_("no database {database} on the server: check the database's name"),
    ),
    (
        re.compile(r'role "(?P<role>[^"]*)" does not exist'),
        N_("no role {role} on the server: check the user name"),
    ),
    (
        re.compile(r'role "(?P<role>[^"]*)" is not permitted to log in'),
        N_("role {role} may not log in (a group role): connect as one of its members"),
    ),
    (
        re.compile(r'permission denied for database "(?P<database>[^"]*)"'),
        N_("this role may not connect to database {database}: ask its administrator"),
    ),
    (
        re.compile(r"no pg_hba\.conf entry for"),
        N_("the server does not admit this role from here (pg_hba.conf): ask its administrator"),
    ),
    (
        re.compile(
            r'pg_hba\.conf rejects connection for host "[^"]*", user "(?P<role>[^"]*)", '
            r'database "(?P<database>[^"]*)"'
        ),
        N_(
            "the server's pg_hba.conf rejects role {role} for database {database} from here "
            "(a reject line): ask its administrator"
        ),
    ),
    (
        re.compile(r"pg_hba\.conf rejects connection for"),
        N_(
            "the server's pg_hba.conf rejects this role from here (a reject line): ask its "
            "administrator"
        ),
    ),
    (
        # A pooler's `options=-c role=…` (or PGOPTIONS) naming a role the login is no member of.
        re.compile(r'permission denied to set role "(?P<role>[^"]*)"'),
        N_(
            'the login may not act as role {role} (permission denied to set role "{role}", as '
            "options=-c role={role} asks): name a role it is a member of, or ask the "
            "administrator for GRANT {role} TO the login"
        ),
    ),
    (
        re.compile(r'authentication failed for user "(?P<role>[^"]*)"'),
        N_("the server did not accept role {role} (authentication failed)"),
    ),
    (
        re.compile(r'definition of service "(?P<service>[^"]*)" not found'),
        N_("no service {service} in the service file (~/.pg_service.conf or PGSERVICEFILE)"),
    ),
    (
        re.compile(r'service file "(?P<file>[^"]*)" not found'),
        N_("the service file {file} does not exist"),
    ),
    (
        re.compile(
            r'invalid \w+ value "(?P<value>[^"]*)" for connection option "(?P<option>[^"]*)"'
        ),
        N_("invalid value {value} for the connection option {option}"),
    ),
    (
        re.compile(r'invalid (?P<option>\w+) value: "(?P<value>[^"]*)"'),
        N_("invalid value {value} for the connection option {option}"),
    ),
    (
        re.compile(r'invalid port number: "(?P<port>[^"]*)"'),
        N_("invalid port number {port}: a port is a whole number from 1 to 65535"),
    ),
    (  # the server's: `options=-c foo=1` (or PGOPTIONS) naming a setting it does not have
        re.compile(r'unrecognized configuration parameter "(?P<name>[^"]*)"'),
        N_("the server has no setting {name} (options=-c {name}=… or PGOPTIONS): check its name"),
    ),
    (
        re.compile(r'invalid value for parameter "(?P<name>[^"]*)": "(?P<value>[^"]*)"'),
        N_("invalid value {value} for the server setting {name} (options=-c or PGOPTIONS)"),
    ),
)


_WRONG_PASSWORD = re.compile(r'password authentication failed for user "(?P<role>[^"]*)"')


def connect_refusal(text: str, params: Mapping[str, str] | None = None) -> str | None:
    """What to fix, when a connection failed for a reason retrying does not mend (a wrong
    password, no such database, role or service, an invalid option value); else None. A
    password is corrected where libpq took it from (`params`: the connection string's)."""
    from plancli.stores.postgres import passwords

    wrong = _WRONG_PASSWORD.search(text)
    if wrong is not None:
        return passwords.wrong_password(params or {}, wrong["role"])
    if "no password supplied" in text:
        return passwords.missing_password(params or {}, text)
    return table_reason(_REFUSALS, text)


def unshowable_option(params: Mapping[str, str]) -> str | None:
    """Why a connection string's role or database (`user=bo%0Ab`, `dbname=x%FF`) is refused
    before connecting, or None: a byte that is not UTF-8 (psycopg stopped with an internal
    error) or a control character (the server's `role "bo\nb" does not exist`, made one line,
    said `no role bo b`; `bureau%0A`'s said `no role bureau`). A password may hold anything."""
    for option in ("user", "dbname", "host", "port", "service", "options"):
        value = params.get(option) or ""
        bad = re.search("[\ud800-\udfff]", value)
        if bad is not None:
            return _(
                "{option}={value}: not UTF-8 text once percent-decoded (byte 0x{byte:02x}); "
                "a role's and a database's name are UTF-8"
            ).format(option=option, value=clip(value), byte=ord(bad.group()) - 0xDC00)
        if option in ("user", "dbname") and not value.isprintable():
            return _(
                "{option}={value}: a name with a control or invisible character in it; a "
                "role's and a database's name plancli connects with is printable text"
            ).format(option=option, value=clip(value))
    return None


class PostgresConnection:
    """A PostgreSQL ledger's location and its one connection, opened on first use."""

    def __init__(
        self,
        location: LedgerLocation,
        lock_timeout: float = LOCK_TIMEOUT_SECONDS,
        connect_timeout: float = CONNECT_TIMEOUT_SECONDS,
    ) -> None:
        if location.url is None:  # pragma: no cover - open_store routes by the location
            raise ValueError("not a database ledger")
        self.location = location
        self.lock_timeout = lock_timeout
        self.connect_timeout = connect_timeout
        self._connection: Any = None

    # ------------------------------------------------------------------ naming and errors

    @property
    def path(self) -> Path:
        return self.location.path

    @property
    def shown(self) -> str:
        return self.location.shown

    @property
    def plan_id(self) -> str:
        if not self.location.plan_id:
            raise InputError(
                _(
                    "{ledger}: a PostgreSQL ledger keeps each plan's records apart by the "
                    "plan's id; give the plan (--plan) whose records to use"
                ).format(ledger=clip_path(self.shown))
            )
        return self.location.plan_id

    def _scrub(self, text: str) -> str:
        """`text` with every password of the connection string (and PGPASSWORD) masked."""
        url = self.location.url or ""
        text = text.replace(url, self.shown) if url else text
        secrets = passwords_in(url)
        env_password = os.environ.get("PGPASSWORD")
        if env_password:
            secrets.append(env_password)
        parsed = getattr(self, "_parsed_password", None)
        if parsed:
            secrets.append(parsed)
        for secret in sorted(secrets, key=len, reverse=True):
            if len(secret) >= 3:  # a shorter one would mask letters of ordinary words
                text = text.replace(secret, MASK)
        return text

    @property
    def database_errors(self) -> tuple[type[Exception], ...]:
        """What the drivers in use raise: libpq's (the light connection), psycopg's once it is
        imported (checked when an exception is matched, so a `record` never imports it)."""
        psycopg = sys.modules.get("psycopg")
        error = getattr(psycopg, "Error", None)
        return (LibpqError, error) if error is not None else (LibpqError,)

    def _error(self, exc: BaseException, stage: Stage = "read") -> Exception:
        """The PlanError for a database error (psycopg's or libpq's, told apart by SQLSTATE
        alike): one line (and libpq's hint on a second), no password, the documented exit."""
        message, _nl, hint = self._scrub(unreachable_reason(libpq_lines(str(exc)))).partition("\n")
        return with_hint(self._error_of(exc, stage, message), hint.strip())

    def _error_of(self, exc: BaseException, stage: Stage, message: str) -> Exception:
        sqlstate = getattr(exc, "sqlstate", None)
        connection = self._connection
        lost = connection is not None and (connection.closed or connection.broken)
        if isinstance(exc, LibpqError):
            operational = is_operational(sqlstate)
        else:
            operational = isinstance(exc, driver().OperationalError)
        if sqlstate == _LOCK_NOT_AVAILABLE:
            return LedgerBusyError(
                _(
                    "{ledger}: other plancli processes held the plan's ledger for {seconds} s; "
                    "nothing was written: run the command again"
                ).format(ledger=clip_path(self.shown), seconds=f"{self.lock_timeout:g}")
            )
        if sqlstate == INSUFFICIENT_PRIVILEGE:
            return DepartmentRefusedError(
                _(
                    "{ledger}: the database refused it: {message}; nothing was written (the "
                    "ledger's owner grants a role with plancli ledger grant DEPARTMENT ROLE)"
                ).format(ledger=clip_path(self.shown), message=message)
            )
        if operational or lost:
            return lost_connection(self.shown, message, stage)
        return LedgerFileError(
            _("{ledger}: {message}").format(ledger=clip_path(self.shown), message=message)
        )

    # -------------------------------------------------------------------------- connection

    def _connect(self, *, light: bool = False) -> Any:
        """The store's connection (autocommit: transactions are explicit), opened on first use:
        psycopg's, or with `light` (a read or write transaction) libpq's own (`libpq`), when
        found and no connection is open yet. A psycopg connection asked for replaces a light
        one.

        A server that refuses for lack of connection slots (`too many clients`) is asked again
        until the lock timeout: a queue of writers waits for a slot as it waits for the lock.
        """
        existing = self._connection
        if existing is not None and not existing.closed:
            if light or not isinstance(existing, LibpqConnection):
                return existing
            existing.close()
        library = find_libpq() if light else None
        psycopg: Any = driver() if library is None else None
        url = self.location.url or ""
        try:
            if library is not None:
                params = conninfo_options(library, url)
            else:
                params = psycopg.conninfo.conninfo_to_dict(url)
        except UnicodeDecodeError as exc:  # psycopg's reading of `user=b%FFob`: no option named
            raise InputError(
                _(
                    "--ledger {ledger}: a connection option is not UTF-8 text once percent-decoded "
                    "(byte 0x{byte:02x}); a role's and a database's name are UTF-8"
                ).format(ledger=clip_path(self.shown), byte=exc.object[exc.start])
            ) from None
        except self.database_errors as exc:
            message = masked_positions(url, self._scrub(libpq_lines(str(exc))))
            raise InputError(
                _("--ledger {ledger}: not a connection string libpq reads: {message}").format(
                    ledger=clip_path(self.shown), message=conninfo_reason(message)
                )
            ) from None
        unshown = unshowable_option(params)
        if unshown is not None:
            raise InputError(
                _("--ledger {ledger}: {problem}").format(
                    ledger=clip_path(self.shown), problem=unshown
                )
            )
        # libpq's own reading of the password, scrubbed from its messages beside plancli's
        self._parsed_password: str | None = params.get("password")
        options = [params.get("options") or os.environ.get("PGOPTIONS") or ""]
        options += ["-c TimeZone=UTC", "-c DateStyle=ISO"]
        options.append(f"-c lock_timeout={int(self.lock_timeout * 1000)}")
        extra: dict[str, Any] = {"options": " ".join(o for o in options if o)}
        if "connect_timeout" not in params and not os.environ.get("PGCONNECT_TIMEOUT"):
            extra["connect_timeout"] = self.connect_timeout
        if "application_name" not in params and not os.environ.get("PGAPPNAME"):
            extra["application_name"] = "plancli"
        stand_in = passfile_stand_in(params)  # no English warning of libpq's on the terminal
        if stand_in is not None:
            extra["passfile"] = stand_in
        deadline = time.monotonic() + self.lock_timeout
        delay = 0.05
        while True:
            try:
                if library is not None:
                    connection = LibpqConnection.connect(library, url, extra)
                else:
                    connection = psycopg.connect(url, autocommit=True, **extra)
                break
            except self.database_errors as exc:
                if psycopg is not None and not isinstance(exc, psycopg.OperationalError):
                    raise InputError(
                        _("--ledger {ledger}: {message}").format(
                            ledger=clip_path(self.shown),
                            message=self._scrub(conninfo_reason(libpq_lines(str(exc)))),
                        )
                    ) from None
                text = str(exc)
                full = "too many clients" in text or "remaining connection slots" in text
                if full and time.monotonic() < deadline:
                    time.sleep(delay * (1 + random.random()))
                    delay = min(delay * 2, 1.0)
                    continue
                refusal = connect_refusal(text, params)
                if refusal is not None:
                    raise InputError(
                        _("{ledger}: {reason}").format(
                            ledger=clip_path(self.shown), reason=self._scrub(libpq_lines(refusal))
                        )
                    ) from None
                seconds = params.get("connect_timeout") or os.environ.get("PGCONNECT_TIMEOUT")
                reason = unreachable_reason(libpq_lines(text))
                reason += timeout_note(text, seconds or f"{self.connect_timeout:g}")
                raise LedgerUnavailableError(
                    _("cannot connect to the ledger {ledger}: {message}").format(
                        ledger=clip_path(self.shown), message=self._scrub(reason)
                    )
                ) from None
        self._connection = connection
        weakref.finalize(self, connection.close)
        return connection

    def light_available(self) -> bool:
        """Whether `_connect(light=True)` connects through libpq's own library (`libpq`)."""
        return find_libpq() is not None

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _role_shown(self, role: str, login: str) -> str:
        """The role a message names: the one acting (current_user, which SET ROLE or the `role`
        setting chose, the one the ledger's rules check), with the one that logged in
        (session_user) when they differ, as behind a connection pooler; the connection's user
        when neither was asked."""
        role = role or login or self._user()
        if not login or login == role:
            return role
        return _("{role} (logged in as {login})").format(role=role, login=login)

    def _user(self) -> str:
        connection = self._connection
        try:
            return str(connection.info.user) if connection is not None else "?"
        except Exception:  # pragma: no cover - a closed connection
            return "?"
