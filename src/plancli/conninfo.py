"""The passwords written in a libpq connection string, found as libpq reads the string.

libpq (`conninfo_uri_parse_options` and `conninfo_parse` in fe-connect.c) reads:
- a URI's user part up to the first `@` or `/`, and its password from the first `:` of that
  part to its `@`: `postgresql://alice:s3?cret@host/plans` has the password `s3?cret` (a `?`
  there is no query);
- a URI's query keywords and values %-decoded: `?%70assword=s3cret` is `password=s3cret`;
- a key=value value bare up to white space, with `\\` escaping the next character
  (`password=s3\\ cret` is `s3 cret`), or in single quotes with the same escapes.

A password mistyped into a URI (an `@` or `/` in it left unencoded: `alice:p@ss/w0rd@db`)
is read by libpq as another host, port or database, and its message quotes that part: the
span up to the last `@` of the authority is masked too, and its pieces are scrubbed from
libpq's messages. No regular expression of the whole string: each form as libpq parses it.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

# A scheme and its `:` (or a full-width `：` an input method typed, or none before `//`).
_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*(?:\s*[:\uff1a\ufe55\ufe13]/*|//+)", re.IGNORECASE)
_KEY = "password"


class Found:
    """Where the passwords are: the spans of the string to mask, and the passwords' texts
    (raw and decoded) to scrub from messages that may quote them."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []
        self.secrets: set[str] = set()

    def add(self, start: int, end: int, raw: str, *values: str) -> None:
        if end > start:
            self.spans.append((start, end))
        self.secrets.update(text for text in (raw, *values) if text)


def find_passwords(conninfo: str, *, uri: bool) -> Found:
    """The passwords of `conninfo`, read as a URI (any `scheme://`) or as key=value pairs."""
    found = Found()
    if uri:
        _uri(conninfo, found)
    else:
        _key_values(conninfo, found)
    return found


def masked(conninfo: str, found: Found, mask: str) -> str:
    """`conninfo` with each password span replaced by `mask` (overlapping spans merged)."""
    for start, end in reversed(_merged(found)):
        conninfo = conninfo[:start] + mask + conninfo[end:]
    return conninfo


def _merged(found: Found) -> list[list[int]]:
    merged: list[list[int]] = []
    for start, end in sorted(found.spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def masked_index(found: Found, mask: str, index: int) -> int:
    """Where character `index` of the connection string is in its `masked` text: moved by
    each password span before it, at the mask's start when inside one."""
    shift = 0
    for start, end in _merged(found):
        if index < start:
            break
        if index < end:
            return start + shift
        shift += len(mask) - (end - start)
    return index + shift


def _uri(text: str, found: Found) -> None:
    head = _SCHEME.match(text)
    begin = head.end() if head else 0
    rest_end = len(text)
    stop = _first(text, "@/", begin)
    userinfo_end: int | None = None
    if stop < rest_end and text[stop] == "@":  # libpq: user[:password]@
        userinfo_end = stop
        colon = text.find(":", begin, stop)
        if colon >= 0:
            start = colon + 1
            # a password with an unencoded `@` or `/`: up to the authority's last `@`
            query = _first(text, "?", stop)
            end = text.rfind("@", stop, query)
            found.add(start, end, text[start:stop], unquote(text[start:stop]))
            if end > stop:
                intended = text[start:end]
                found.add(start, end, intended, unquote(intended), *re.split(r"[@/:]", intended))
            userinfo_end = end
    else:  # no user part for libpq; `host:pass/word@db…` is a password typed unencoded
        query = _first(text, "?", begin)
        at = text.rfind("@", begin, query)
        colon = text.find(":", begin, _first(text, "/", begin))
        if at > 0 and 0 <= colon < at:
            intended = text[colon + 1 : at]
            found.add(colon + 1, at, intended, unquote(intended), *re.split(r"[@/:]", intended))
            userinfo_end = at
    query = _first(text, "?", userinfo_end if userinfo_end is not None else begin)
    position = query + 1
    while position <= rest_end and query < rest_end:
        amp = _first(text, "&", position)
        equals = text.find("=", position, amp)
        if equals >= 0:
            key = unquote(text[position:equals])
            value = text[equals + 1 : amp]
            if key.strip().lower() == _KEY:
                found.add(equals + 1, amp, value, unquote(value))
        position = amp + 1


def _first(text: str, chars: str, start: int) -> int:
    """The index of the first of `chars` in `text` from `start`, or its length."""
    for index in range(start, len(text)):
        if text[index] in chars:
            return index
    return len(text)


def _key_values(text: str, found: Found) -> None:
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i].isspace():
            i += 1
        key_start = i
        while i < n and text[i] != "=" and not text[i].isspace():
            i += 1
        key = text[key_start:i]
        while i < n and text[i].isspace():
            i += 1
        if i >= n or text[i] != "=":
            return  # libpq: missing "=" after the keyword: nothing more is read
        i += 1
        while i < n and text[i].isspace():
            i += 1
        value_start = i
        value: list[str] = []
        if i < n and text[i] == "'":
            i += 1
            while i < n and text[i] != "'":
                if text[i] == "\\" and i + 1 < n:
                    i += 1
                value.append(text[i])
                i += 1
            i = min(i + 1, n)  # past the closing quote (an unterminated value runs to the end)
        else:
            while i < n and not text[i].isspace():
                if text[i] == "\\" and i + 1 < n:
                    i += 1
                value.append(text[i])
                i += 1
        raw = text[value_start:i]
        if key.lower() == _KEY:
            found.add(value_start, i, raw, "".join(value))
