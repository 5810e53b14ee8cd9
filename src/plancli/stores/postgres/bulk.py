"""A PostgreSQL ledger's many rows read through libpq as a few texts (issue 13).

A call into libpq per value, through ctypes, made reading 10,000 rows cost 0.3 s, more than
psycopg's whole import. So the server writes the rows of a read as texts of lines, one line a
row of tab-separated values (`bulk_sql`, much as COPY writes them), and Python splits them and
converts each column at once (`bulk_rows`): the values psycopg would give, read as fast as
psycopg's C loaders read them, without importing psycopg.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from plancli.stores.postgres.libpq import LibpqConnection, LibpqError

# A bulk read's rows, as one text per this many rows (`bulk_sql`).
_BULK_CHUNK = 100_000
_ESCAPES = {"\\\\": "\\", "\\t": "\t", "\\n": "\n"}
_ESCAPED = re.compile(r"\\[\\tn]")


def bulk_sql(select: str, columns: Sequence[tuple[str, str]]) -> str:
    r"""`select`'s rows as texts of lines, one line a row of tab-separated values, much as
    COPY writes them: a text's backslash, tab and newline escaped (`\\`, `\t`, `\n`), a NULL
    text written `\N`, any other NULL as nothing (no number or time is written empty). The
    first column is an integer key (`seq`) and the order of the lines: one text per
    `_BULK_CHUNK` values of it (so at most that many rows a text where the key is unique, as
    `seq` is, and twice as many where a row may come twice: `_FIGURES_FOR`'s UNION ALL), the
    texts in its order. Grouped by the key's value rather than by numbered rows: no window
    function, and one sort less (6 % of the server's time of `gap`'s read)."""
    fields = []
    for name, kind in columns:
        if kind == "text":
            escaped = (
                f"replace(replace(replace(q.{name}, '\\', '\\\\'), E'\\t', '\\t'), E'\\n', '\\n')"
            )
            fields.append(f"coalesce({escaped}, '\\N')")
        else:
            fields.append(f"coalesce(q.{name}::text, '')")
    key, kind = columns[0]
    if kind != "int":  # pragma: no cover - the store's bulk reads are keyed by seq
        raise ValueError(f"a bulk read is keyed by an integer column, not {kind}")
    chunk = f"q.{key} / {_BULK_CHUNK}"
    return (
        f"SELECT string_agg(concat_ws(E'\\t', {', '.join(fields)}), E'\\n' ORDER BY q.{key}) "
        f"FROM ({select}) AS q GROUP BY {chunk} ORDER BY {chunk}"
    )


def bulk_rows(
    texts: Sequence[tuple[Any, ...]], columns: Sequence[tuple[str, str]]
) -> list[tuple[Any, ...]]:
    """The rows of `bulk_sql`'s texts (the first value of each of `texts`)."""
    return list(zip(*bulk_columns(texts, columns), strict=True))


def bulk_columns(
    texts: Sequence[tuple[Any, ...]], columns: Sequence[tuple[str, str]]
) -> list[list[Any]]:
    """The columns of `bulk_sql`'s texts, each converted at once: every value of every line
    split out in one call (a text's tabs and newlines are escaped), a column every n-th."""
    width = len(columns)
    values: list[str] = []
    for chunk, *_ in texts:
        fields = chunk.replace("\n", "\t").split("\t")
        if len(fields) != (chunk.count("\n") + 1) * width:  # pragma: no cover - the server's
            raise LibpqError("a bulk read's lines do not hold one value per column")
        values += fields
    return [
        _column(values[n::width], kind) if values else [] for n, (_, kind) in enumerate(columns)
    ]


def _column(values: Sequence[str], kind: str) -> list[Any]:
    """A bulk read's column of texts as the values psycopg reads."""
    if kind == "text":
        if "\\" not in "".join(values):  # the usual case, checked in C
            return list(values)
        return [
            None if v == "\\N" else _ESCAPED.sub(lambda m: _ESCAPES[m.group(0)], v) for v in values
        ]
    convert: Any
    if kind == "int":
        convert = int
    elif kind == "numeric":
        convert = Decimal
    elif kind == "timestamptz":
        times: dict[str, datetime] = {}  # a batch's rows share one time

        def convert(text: str) -> datetime:
            found = times.get(text)
            if found is None:
                found = times[text] = datetime.fromisoformat(text)
            return found

    else:  # pragma: no cover - the store names its columns' kinds
        raise ValueError(kind)
    if "" in values:
        return [None if v == "" else convert(v) for v in values]
    return list(map(convert, values))


def read(
    connection: LibpqConnection,
    select: str,
    params: Sequence[Any] | Mapping[str, Any],
    columns: Sequence[tuple[str, str]],
) -> list[tuple[Any, ...]]:
    """The rows of `select`, as `execute(select, params).fetchall()` gives them, read in bulk.
    `columns`: the names and kinds (`int`, `text`, `numeric`, `timestamptz`) of `select`'s
    columns, the first its order (`seq`)."""
    return bulk_rows(connection.execute(bulk_sql(select, columns), params).rows, columns)
