"""Why a PostgreSQL server could not be reached, or a connection string could not be read, in
Chinese under the Chinese interface.

libpq writes its reasons in English whatever the locale (`connection to server at "db1", port
5432 failed: Connection refused`). In English plancli shows them as libpq wrote them, which an
administrator can search; in Chinese the common ones (refused, no such host, timed out, no
route, the server starting or stopping) are said in Chinese naming the server; any other
reason stays libpq's. So do libpq's reasons for a connection string it cannot read (an
unterminated quote, an unknown option, a bad percent escape): `conninfo_reason`.
"""

from __future__ import annotations

import re

from plancli.i18n import N_, _, language
from plancli.safe import NAME_CHARS, clip

_WHERE_IT_STOPPED = re.compile(r"(?:CONTEXT|QUERY|LOCATION|STATEMENT|LINE [0-9]+):")


def libpq_lines(text: str) -> str:
    """libpq's message as the one or two lines an error may be: its first line, the reason,
    and what it adds on the next ones (`\tIs the server running…`, a server's `DETAIL:`,
    `HINT:`) on a second, indented under `error:`; spaces and tabs each one space. Joined into
    one line, the hint read as part of the reason (`…: No such file or directory Is the…`).
    Where the server says where in its code or query it stopped (`CONTEXT:`, `QUERY:`, `LINE
    1:`) the rest is the administrator's, in the server's log, not the user's."""
    lines = [" ".join(line.split()) for line in str(text).splitlines()]
    lines = [line for line in lines if line]
    stop = next((n for n, line in enumerate(lines) if n and _WHERE_IT_STOPPED.match(line)), None)
    first, *rest = lines[:stop] or [""]
    return f"{first}\n  {' '.join(rest)}" if rest else first


# Where libpq tried: a host and port, or a local socket.
_AT = re.compile(
    r'connection to server at "(?P<host>[^"]*)"(?: \([^)]*\))?, port (?P<port>\d+) failed: '
)
_SOCKET = re.compile(r'connection to server on socket "(?P<socket>[^"]*)" failed: ')
_HOST_NAME = re.compile(r'could not translate host name "(?P<host>[^"]*)" to address')

# libpq's and the operating system's reasons after `failed:` (English on every system).
_CAUSES: tuple[tuple[str, str], ...] = (
    ("Connection refused", N_("the connection was refused: is PostgreSQL running there?")),
    ("No such file or directory", N_("no PostgreSQL is listening there: is it running?")),
    ("timeout expired", N_("no answer within the connection timeout")),
    ("Connection timed out", N_("no answer within the connection timeout")),
    ("No route to host", N_("no route to the server: check the network")),
    ("Network is unreachable", N_("the network is unreachable: check the network")),
    ("the database system is starting up", N_("the database server is starting up")),
    ("the database system is shutting down", N_("the database server is shutting down")),
    ("the database system is in recovery mode", N_("the database server is in recovery")),
    ("too many clients already", N_("the server has no connection slot left")),
    ("remaining connection slots are reserved", N_("the server has no connection slot left")),
    (
        "server closed the connection unexpectedly",
        N_("the server closed the connection unexpectedly"),
    ),
    # The server's, while plancli reads or writes (`PostgresConnection._error`).
    (
        "terminating connection due to administrator command",
        N_("an administrator ended the connection (the server restarting or stopping?)"),
    ),
    (
        "in a read-only transaction",
        N_("the server is read-only (a standby, or default_transaction_read_only is on)"),
    ),
    ("canceling statement due to statement timeout", N_("cancelled by the statement timeout")),
    ("could not receive data from server", N_("the connection broke: no data from the server")),
    # libpq's, for a connection the server dropped while plancli waited (a lock, a long
    # statement) and was then stopped: the reason psycopg raises is only this.
    ("no connection to the server", N_("the server dropped the connection")),
    # Something that is not PostgreSQL answers at that host and port (a web server, a proxy).
    (
        "received invalid response to SSL negotiation",
        N_("what answers there is not a PostgreSQL server: check the host and port"),
    ),
)


def unreachable_reason(text: str) -> str:
    """libpq's `text` (on one line) under English; its cause in Chinese under Chinese, naming
    the host and port (or socket) it tried, when plancli knows the cause."""
    if language() != "zh":
        return quoted_clipped(text)
    name = _HOST_NAME.search(text)
    if name is not None:
        return _("no host {host} on the network: check the host name").format(
            host=clip(name["host"])
        )
    cause = next((message for words, message in _CAUSES if words in text), None)
    if cause is None:
        return table_reason(_CONNINFO, text) or quoted_clipped(text)
    at = _AT.search(text)
    if at is not None:
        return _("server {host}, port {port}: {cause}").format(
            host=clip(at["host"]), port=at["port"], cause=_(cause)
        )
    socket = _SOCKET.search(text)
    if socket is not None:
        return _("the local server's socket {socket}: {cause}").format(
            socket=clip(socket["socket"]), cause=_(cause)
        )
    return _(cause)


def timeout_note(text: str, seconds: str) -> str:
    """For libpq's `timeout expired`, which timeout (`seconds`: the string's connect_timeout,
    PGCONNECT_TIMEOUT or plancli's 10 s) and where it is set; "" for any other reason."""
    if "timeout expired" not in text:
        return ""
    return _(
        " (a connect timeout of {seconds} s: connect_timeout=N in the connection string, or "
        "PGCONNECT_TIMEOUT, changes it)"
    ).format(seconds=clip(seconds.strip()))


# Quotes paired in order: a pattern of only the long ones paired the end of a short quoted
# name with the start of the next (`…5432" failed: FATAL: 1 kB is … parameter "`), clipping
# the server's reason between them.
_QUOTED = re.compile(r'"([^"\n]*)"')


def quoted_clipped(text: str) -> str:
    """libpq's `text` as it wrote it, each name it quotes (`could not translate host name
    "…"`, a socket's path, a URI's parameter: what was typed) clipped as every name is: a
    3,000-character host was repeated whole after the clipped connection string."""
    return _QUOTED.sub(
        lambda found: f'"{clip(found[1])}"' if len(found[1]) > NAME_CHARS else found[0], text
    )


# libpq's reasons for a connection string it cannot read (fe-connect.c), English everywhere.
_CONNINFO: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"unterminated quoted string in connection info string"),
        N_("a quote in the connection string is never closed"),
    ),
    (
        re.compile(r'missing "=" after "(?P<word>[^"]*)" in connection info string'),
        N_('"=" missing after {word}: write key=value pairs, as host=db1 dbname=plancli'),
    ),
    (
        re.compile(r'invalid connection option "(?P<key>[^"]*)"'),
        N_("there is no connection option {key}"),
    ),
    (
        re.compile(r'invalid URI query parameter: "(?P<key>[^"]*)"'),
        N_("{key} after the ? of the URI is no connection option"),
    ),
    (
        re.compile(r'invalid percent-encoded token: "(?P<token>[^"]*)"'),
        N_("invalid escape in {token}: after each %, two hexadecimal digits, as %20"),
    ),
    (
        re.compile(r"forbidden value %00 in percent-encoded value"),
        N_("the URI holds %00, which no connection string may hold"),
    ),
    (
        re.compile(r'looking for matching "\]" in IPv6 host address in URI'),
        N_('the IPv6 address in the URI has no closing "]"'),
    ),
    (
        re.compile(r"IPv6 host address may not be empty in URI"),
        N_("the IPv6 address in the URI is empty"),
    ),
    (
        re.compile(r'unexpected character "(?P<char>.)" at position (?P<position>\d+) in URI'),
        N_('unexpected character "{char}" at position {position} of the URI (":" or "/" expected)'),
    ),
    (
        re.compile(r'extra key/value separator "=" in URI query parameter: "(?P<key>[^"]*)"'),
        N_('one "=" too many in {key} after the ? of the URI'),
    ),
    (
        re.compile(r'missing key/value separator "=" in URI query parameter: "(?P<key>[^"]*)"'),
        N_('"=" missing in {key} after the ? of the URI: write key=value'),
    ),
    (
        re.compile(r"could not match (?P<ports>\d+) port numbers to (?P<hosts>\d+) hosts"),
        N_("{ports} port numbers for {hosts} hosts: give one port, or one for each host"),
    ),
)


def conninfo_reason(text: str) -> str:
    """libpq's reason for a connection string it cannot read: as libpq wrote it in English
    (which an administrator can search), in Chinese under Chinese when plancli knows it."""
    if language() != "zh":
        return quoted_clipped(text)
    return table_reason(_CONNINFO, text) or quoted_clipped(text)


def table_reason(table: tuple[tuple[re.Pattern[str], str], ...], text: str) -> str | None:
    """The message of the first pattern of `table` found in libpq's or the server's `text`,
    the names it quotes (a role, an option, a key typed in the string) shown as every name is
    (`clip`); None when none is found."""
    for pattern, message in table:
        found = pattern.search(text)
        if found is not None:
            fields = {key: clip(value) for key, value in found.groupdict().items()}
            return _(message).format(**fields)
    return None
