"""Why a PostgreSQL server could not be reached, in Chinese under the Chinese interface.

libpq writes its reasons in English whatever the locale (`connection to server at "db1", port
5432 failed: Connection refused`). In English plancli shows them as libpq wrote them, which an
administrator can search; in Chinese the common ones (refused, no such host, timed out, no
route, the server starting or stopping) are said in Chinese naming the server; any other
reason stays libpq's.
"""

from __future__ import annotations

import re

from plancli.i18n import N_, _, language

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
)


def unreachable_reason(text: str) -> str:
    """libpq's `text` (on one line) under English; its cause in Chinese under Chinese, naming
    the host and port (or socket) it tried, when plancli knows the cause."""
    if language() != "zh":
        return text
    name = _HOST_NAME.search(text)
    if name is not None:
        return _("no host {host} on the network: check the host name").format(host=name["host"])
    cause = next((message for words, message in _CAUSES if words in text), None)
    if cause is None:
        return text
    at = _AT.search(text)
    if at is not None:
        return _("server {host}, port {port}: {cause}").format(
            host=at["host"], port=at["port"], cause=_(cause)
        )
    socket = _SOCKET.search(text)
    if socket is not None:
        return _("the local server's socket {socket}: {cause}").format(
            socket=socket["socket"], cause=_(cause)
        )
    return _(cause)
