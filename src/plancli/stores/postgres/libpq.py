"""libpq itself, through ctypes: the connection of every read and write (issue 13).

Importing psycopg costs more than all a command's database work (its package imports its
adapters, types, errors, pool hooks and asyncio: 0.2-0.4 s of CPU), so a database ledger is
read and written through libpq directly: the libpq of psycopg's binary wheel
(`psycopg_binary`, which the `postgres` extra installs), loaded in a few milliseconds.
`LibpqConnection` offers the little of psycopg's connection the store uses (`execute(sql,
params).fetchone()/fetchall()`, `cursor().executemany`, `closed`, `broken`, `info.user`,
`info.transaction_status`), with psycopg's placeholders (`%s`, `%(name)s`) and its Python
values: text results are read back as psycopg reads them (numeric → Decimal, timestamptz →
datetime, integers, booleans, text); and `execute_all`, several statements in one message to
the server (a `record` is two). Many rows are read in bulk (`bulk`). Where that libpq is not
found or does not load, `find_libpq` says None and the store uses psycopg for everything.

Errors are `LibpqError`, with the SQLSTATE when the server sent one, classified as psycopg
classifies them (`is_operational`), so both drivers' errors map to the same messages.
"""

from __future__ import annotations

import ctypes
import importlib.util
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

_CONNECTION_OK = 0
_TUPLES_OK, _COMMAND_OK = 2, 1
_DIAG_SQLSTATE = ord("C")
# Type OIDs read back as psycopg reads them; any other type is read as its text.
_BOOL, _INTEGERS, _NUMERIC, _TIMESTAMPTZ = 16, {20, 21, 23, 26}, 1700, 1184
# SQLSTATE classes psycopg raises as OperationalError (psycopg.errors._base_exc_map).
_OPERATIONAL = {"08", "27", "28", "2F", "38", "39", "3B", "40", "53", "54", "55", "57", "58"}
_PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?s|%%")
_SEVERITY = re.compile(r"^[A-Z]+:  ")


class LibpqError(Exception):
    """A libpq connection's or query's failure; `sqlstate` when the server sent one."""

    def __init__(self, message: str, sqlstate: str | None = None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate
        self.failed: int | None = None  # `execute_all`: the index of the statement that failed


def is_operational(sqlstate: str | None) -> bool:
    """A failure of the connection or the server (psycopg's OperationalError): no SQLSTATE (the
    connection lost, a client-side failure) or one of the operational classes."""
    if not sqlstate:
        return True
    return sqlstate[:2] in _OPERATIONAL or sqlstate[0] in "FH"


def _libpq_path() -> Path | None:
    """The libpq of psycopg's binary wheel, where psycopg is installed with it; else None."""
    try:
        if importlib.util.find_spec("psycopg") is None:
            return None
        spec = importlib.util.find_spec("psycopg_binary")
    except (ImportError, ValueError):  # ValueError: a module set to None in sys.modules
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    package = Path(next(iter(spec.submodule_search_locations)))
    for folder, pattern in (
        (package.parent / "psycopg_binary.libs", "libpq*.so*"),  # Linux (auditwheel)
        (package / ".dylibs", "libpq*.dylib"),  # macOS (delocate)
        (package.parent / "psycopg_binary.libs", "libpq*.dll"),  # Windows (delvewheel)
    ):
        found = sorted(folder.glob(pattern))
        if found:
            return found[0]
    return None


_LIBRARY: ctypes.CDLL | None = None


def find_libpq() -> ctypes.CDLL | None:
    """psycopg's binary wheel's libpq, loaded (once), or None where it is not installed or does
    not load (then psycopg, which finds its own libpq, does everything)."""
    global _LIBRARY
    if _LIBRARY is None:
        path = _libpq_path()
        if path is None:
            return None
        try:
            _LIBRARY = _declared(ctypes.CDLL(str(path)))
        except (OSError, AttributeError):  # not loadable here, or a function missing
            return None
    return _LIBRARY


_NOTICE_PROCESSOR = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_char_p)
_IGNORE_NOTICE = _NOTICE_PROCESSOR(lambda _arg, _message: None)  # kept: libpq calls it


class _Option(ctypes.Structure):
    """libpq's PQconninfoOption."""

    _fields_ = [
        ("keyword", ctypes.c_char_p),
        ("envvar", ctypes.c_char_p),
        ("compiled", ctypes.c_char_p),
        ("val", ctypes.c_char_p),
        ("label", ctypes.c_char_p),
        ("dispchar", ctypes.c_char_p),
        ("dispsize", ctypes.c_int),
    ]


def conninfo_options(lib: ctypes.CDLL, conninfo: str) -> dict[str, str]:
    """The options a connection string gives (as psycopg's `conninfo_to_dict`), or a
    LibpqError saying why libpq cannot read it."""
    error = ctypes.c_void_p()
    options = lib.PQconninfoParse(conninfo.encode(), ctypes.byref(error))
    if not options:
        message = ctypes.cast(error, ctypes.c_char_p).value if error.value else None
        if error.value:
            lib.PQfreemem(error)
        raise LibpqError((message or b"out of memory").decode("utf-8", "replace").strip())
    found = {}
    try:
        n = 0
        while options[n].keyword is not None:
            if options[n].val is not None:
                # a byte that is not UTF-8 kept apart (a surrogate): the store refuses it by name
                value = options[n].val.decode("utf-8", "surrogateescape")
                found[options[n].keyword.decode()] = value
            n += 1
    finally:
        lib.PQconninfoFree(options)
    return found


def _declared(lib: ctypes.CDLL) -> ctypes.CDLL:
    """`lib` with the types of the functions used declared."""
    p, s, i = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
    strings = ctypes.POINTER(ctypes.c_char_p)
    for name, restype, argtypes in (
        ("PQconnectdbParams", p, [strings, strings, i]),
        ("PQstatus", i, [p]),
        ("PQerrorMessage", s, [p]),
        ("PQfinish", None, [p]),
        ("PQuser", s, [p]),
        ("PQtransactionStatus", i, [p]),
        ("PQexec", p, [p, s]),
        ("PQexecParams", p, [p, s, i, p, strings, p, p, i]),
        ("PQsendQuery", i, [p, s]),
        ("PQgetResult", p, [p]),
        ("PQescapeLiteral", p, [p, s, ctypes.c_size_t]),
        ("PQresultStatus", i, [p]),
        ("PQresultErrorMessage", s, [p]),
        ("PQresultErrorField", s, [p, i]),
        ("PQntuples", i, [p]),
        ("PQnfields", i, [p]),
        ("PQftype", ctypes.c_uint, [p, i]),
        ("PQgetvalue", s, [p, i, i]),
        ("PQgetisnull", i, [p, i, i]),
        ("PQclear", None, [p]),
        ("PQconninfoParse", ctypes.POINTER(_Option), [s, ctypes.POINTER(ctypes.c_void_p)]),
        ("PQconninfoFree", None, [ctypes.POINTER(_Option)]),
        ("PQfreemem", None, [p]),
        ("PQsetNoticeProcessor", p, [p, _NOTICE_PROCESSOR, p]),
    ):
        function = getattr(lib, name)
        function.restype, function.argtypes = restype, argtypes
    return lib


def _text(value: object) -> str | None:
    """A parameter as PostgreSQL reads its text (psycopg's adaptation of these types)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return text_array([None if v is None else str(v) for v in value])
    return str(value)


# Arrays are sent as PostgreSQL array literals built here (by both drivers: psycopg adapts a list
# element by element in Python, which took half of an import's time, 3.4 s of 6.9 s for 100,000
# rows).
def text_array(values: Sequence[str | None]) -> str:
    """`{"a","b",NULL}`: every element quoted, `\\` and `"` escaped."""
    if None not in values:
        joined = '","'.join(values)  # type: ignore[arg-type]
        if "\\" not in joined and '"' not in joined:  # the usual case, checked in C
            return '{"' + joined + '"}' if values else "{}"
    return "{" + ",".join(_quoted(v) for v in values) + "}"


def _quoted(value: str | None) -> str:
    if value is None:
        return "NULL"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def number_array(values: Sequence[Decimal | None]) -> str:
    """`{5.0,700.50,NULL}`: a Decimal's text is a numeric literal as it stands (plain notation:
    figures are normalised out of exponents before they are recorded; `1E+2` is read alike)."""
    return "{" + ",".join("NULL" if v is None else str(v) for v in values) + "}"


def _numbered(sql: str, params: Sequence[Any] | Mapping[str, Any]) -> tuple[str, list[Any]]:
    """psycopg's placeholders as libpq's ($1, $2…), and the values in their order."""
    values: list[Any] = []
    names: dict[str, int] = {}
    named = params if isinstance(params, Mapping) else {}
    positional = iter(params) if not isinstance(params, Mapping) else iter(())

    def number(match: re.Match[str]) -> str:
        if match.group(0) == "%%":
            return "%"
        name = match.group(1)
        if name is None:
            values.append(next(positional))
            return f"${len(values)}"
        if name not in names:
            values.append(named[name])
            names[name] = len(values)
        return f"${names[name]}"

    return _PLACEHOLDER.sub(number, sql), values


class _Rows:
    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        self.rows = rows

    def fetchone(self) -> tuple[Any, ...] | None:
        return self.rows[0] if self.rows else None

    def fetchall(self) -> list[tuple[Any, ...]]:
        return self.rows


class _Info:
    def __init__(self, connection: LibpqConnection) -> None:
        self._connection = connection

    @property
    def user(self) -> str:
        return (self._connection._lib.PQuser(self._connection._handle) or b"").decode()

    @property
    def transaction_status(self) -> int:  # 0: idle, as psycopg's TransactionStatus.IDLE
        return int(self._connection._lib.PQtransactionStatus(self._connection._handle))


class LibpqConnection:
    """One libpq connection in autocommit (transactions are explicit), psycopg's way."""

    def __init__(self, lib: ctypes.CDLL, handle: int) -> None:
        self._lib = lib
        self._handle: int | None = handle
        self.info = _Info(self)

    @classmethod
    def connect(
        cls, lib: ctypes.CDLL, conninfo: str, options: Mapping[str, object]
    ) -> LibpqConnection:
        """Connect as libpq reads `conninfo` (a URI, key=value pairs, or empty: the PG*
        variables), `options` overriding it."""
        pairs = [("dbname", conninfo), *((k, str(v)) for k, v in options.items())]
        pairs.append(("client_encoding", "UTF8"))
        keys = (ctypes.c_char_p * (len(pairs) + 1))(*(k.encode() for k, _ in pairs), None)
        values = (ctypes.c_char_p * (len(pairs) + 1))(*(v.encode() for _, v in pairs), None)
        handle = lib.PQconnectdbParams(keys, values, 1)
        if not handle:  # pragma: no cover - out of memory
            raise LibpqError("libpq could not allocate a connection")
        if lib.PQstatus(handle) != _CONNECTION_OK:
            message = (lib.PQerrorMessage(handle) or b"").decode("utf-8", "replace")
            lib.PQfinish(handle)
            raise LibpqError(message.strip())
        # The server's notices and warnings (`terminating connection due to …`) are not
        # plancli's output: libpq would print them to stderr (psycopg keeps them too).
        lib.PQsetNoticeProcessor(handle, _IGNORE_NOTICE, None)
        return cls(lib, handle)

    @property
    def closed(self) -> bool:
        return self._handle is None

    @property
    def broken(self) -> bool:
        return self._handle is not None and self._lib.PQstatus(self._handle) != _CONNECTION_OK

    def close(self) -> None:
        if self._handle is not None:
            self._lib.PQfinish(self._handle)
            self._handle = None

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None) -> _Rows:
        """Run `sql` (several statements when without parameters); its rows, as psycopg
        reads them."""
        lib, handle = self._lib, self._handle
        if handle is None:
            raise LibpqError("the connection is closed")
        if params is None:
            result = lib.PQexec(handle, sql.encode())
        else:
            query, values = _numbered(sql, params)
            texts = [_text(v) for v in values]
            array = (ctypes.c_char_p * max(len(texts), 1))(
                *(None if t is None else t.encode() for t in texts)
            )
            count = len(texts)
            result = lib.PQexecParams(handle, query.encode(), count, None, array, None, None, 0)
        if not result:
            raise LibpqError((lib.PQerrorMessage(handle) or b"").decode("utf-8", "replace"))
        try:
            return self._result(result)
        finally:
            lib.PQclear(result)

    def execute_all(
        self, statements: Sequence[tuple[str, Sequence[Any] | Mapping[str, Any] | None]]
    ) -> list[_Rows]:
        """Run the statements one after another in one message to the server (one round trip
        instead of one each), each with a snapshot of its own, as if executed one by one; the
        rows of each. The first that fails raises its LibpqError, with `failed` its index (the
        later ones are not run); the parameters are sent as literals escaped by libpq."""
        self.send_all(statements)
        return self.results(len(statements))

    def send_all(
        self, statements: Sequence[tuple[str, Sequence[Any] | Mapping[str, Any] | None]]
    ) -> None:
        """`execute_all`'s message sent, its results not waited for: `results` reads them (the
        process may work meanwhile, while the server runs the statements). Nothing else may be
        sent on the connection before."""
        lib, handle = self._lib, self._handle
        if handle is None:
            raise LibpqError("the connection is closed")
        sql = ";\n".join(
            query if params is None else self._inlined(query, params)
            for query, params in statements
        )
        if not lib.PQsendQuery(handle, sql.encode()):
            raise LibpqError((lib.PQerrorMessage(handle) or b"").decode("utf-8", "replace"))

    def results(self, count: int) -> list[_Rows]:
        """The rows of each of the `count` statements `send_all` sent, as `execute_all`
        gives them (and raises)."""
        lib, handle = self._lib, self._handle
        if handle is None:
            raise LibpqError("the connection is closed")
        done: list[_Rows] = []
        error: LibpqError | None = None
        while True:  # every result, to the end (libpq's rule), even after an error
            result = lib.PQgetResult(handle)
            if not result:
                break
            try:
                if error is None:
                    done.append(self._result(result))
            except LibpqError as exc:
                exc.failed = len(done)
                error = exc
            finally:
                lib.PQclear(result)
        if error is None and len(done) < count:  # the connection was lost
            error = LibpqError((lib.PQerrorMessage(handle) or b"").decode("utf-8", "replace"))
            error.failed = len(done)
        if error is not None:
            raise error
        return done

    def _inlined(self, sql: str, params: Sequence[Any] | Mapping[str, Any]) -> str:
        """`sql` with its parameters written in it as literals of unknown type, escaped by
        libpq (PQescapeLiteral): the server types them as it types parameters sent apart."""
        named = params if isinstance(params, Mapping) else {}
        positional = iter(params) if not isinstance(params, Mapping) else iter(())

        def literal(match: re.Match[str]) -> str:
            if match.group(0) == "%%":
                return "%"
            name = match.group(1)
            text = _text(next(positional) if name is None else named[name])
            if text is None:
                return "NULL"
            data = text.encode()
            escaped = self._lib.PQescapeLiteral(self._handle, data, len(data))
            if not escaped:  # pragma: no cover - out of memory
                message = self._lib.PQerrorMessage(self._handle) or b"out of memory"
                raise LibpqError(message.decode("utf-8", "replace").strip())
            try:
                return ctypes.string_at(escaped).decode()
            finally:
                self._lib.PQfreemem(escaped)

        return _PLACEHOLDER.sub(literal, sql)

    def _result(self, result: int) -> _Rows:
        lib = self._lib
        status = lib.PQresultStatus(result)
        if status not in (_TUPLES_OK, _COMMAND_OK):
            message = (lib.PQresultErrorMessage(result) or b"").decode("utf-8", "replace")
            state = lib.PQresultErrorField(result, _DIAG_SQLSTATE)
            raise LibpqError(_SEVERITY.sub("", message.strip()), state.decode() if state else None)
        return _Rows(self._rows(result) if status == _TUPLES_OK else [])

    def _rows(self, result: int) -> list[tuple[Any, ...]]:
        lib = self._lib
        columns = range(lib.PQnfields(result))
        kinds = [lib.PQftype(result, c) for c in columns]
        rows = []
        for r in range(lib.PQntuples(result)):
            row: list[Any] = []
            for c in columns:
                if lib.PQgetisnull(result, r, c):
                    row.append(None)
                    continue
                text = lib.PQgetvalue(result, r, c).decode()
                kind = kinds[c]
                if kind == _NUMERIC:
                    row.append(Decimal(text))
                elif kind in _INTEGERS:
                    row.append(int(text))
                elif kind == _TIMESTAMPTZ:
                    row.append(datetime.fromisoformat(text))
                elif kind == _BOOL:
                    row.append(text == "t")
                else:
                    row.append(text)
            rows.append(tuple(row))
        return rows

    @contextmanager
    def cursor(self) -> Iterator[LibpqConnection]:
        yield self

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        for row in rows:
            self.execute(sql, row)
