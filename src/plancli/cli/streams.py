"""What plancli writes on stdout, in the encoding each format asks for.

JSON and TOML are UTF-8 whatever the locale (RFC 8259, TOML's spec). CSV and plain text are in
the terminal's encoding (a GBK one's: what Excel on a Chinese Windows opens); where that
encoding lacks a character of a name (䶮, an Extension A ideograph, is in no GBK table), a GBK
terminal gets GB18030, GBK's superset — the same bytes for every character GBK has, nothing
lost — and any other a clear error pointing to --json, never a traceback."""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Iterable
from typing import TextIO

# GB18030 encodes all of Unicode and writes each character GBK (or GB2312) has as GBK does.
_SUPERSET = {"gbk": "gb18030", "gb2312": "gb18030"}


def emit(text: str, *, utf8: bool = False) -> None:
    """Data on stdout, ending with one newline. JSON and CSV come here already safe for a
    terminal: `output.dump_json` and `output.csv_text` make them so (issue 14). JSON and TOML
    (`utf8`) are UTF-8 whatever the locale (`emit_parts`); CSV and text are in the terminal's
    encoding, or its superset where it lacks a character (the module's docstring)."""
    if utf8:
        emit_parts([text])
        return
    write_text(sys.stdout, text if text.endswith("\n") else text + "\n")


def write_text(stream: TextIO, text: str) -> None:
    """CSV and text on `stream` in its encoding. A GBK terminal (zh_CN.GBK) lacks some
    characters (𠮷, 䶮, an emoji): those are written in GB18030, GBK's superset, whose bytes are
    GBK's for every character GBK has (they raised UnicodeEncodeError, exit 70). Another
    encoding that lacks one is an InputError naming it: CSV is data, and a `?` in its place
    would be a wrong figure's name (the exact text is in --json)."""
    try:
        stream.write(text)  # encoded whole before a byte is written: nothing written twice
    except UnicodeEncodeError as exc:
        buffer = getattr(stream, "buffer", None)
        superset = _SUPERSET.get(codecs.lookup(exc.encoding).name)
        if buffer is not None and superset is not None:
            stream.flush()
            buffer.write(text.replace("\n", os.linesep).encode(superset))
            buffer.flush()
            return
        from plancli.errors import InputError
        from plancli.i18n import _

        lacking = exc.object[exc.start : exc.end]
        raise InputError(
            _(
                "the terminal's encoding {encoding} cannot write {text!r}; set a UTF-8 locale "
                "or use --json"
            ).format(encoding=exc.encoding, text=lacking)
        ) from None


def emit_parts(parts: Iterable[str | bytes]) -> None:
    """JSON on stdout as UTF-8 bytes whatever the locale (RFC 8259: a GBK locale's stdout would
    write GBK), given in pieces written as they come (`output.dump_json_parts`; bytes: the
    rows of `gap --json` split in two processes), ending with one newline."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    stream.flush()  # the text written before it first

    def out(data: bytes) -> None:
        if buffer is None:  # a stream of text only (a test's capture)
            stream.write(data.decode("utf-8"))
        else:
            buffer.write(data)

    last = b""
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        if data:
            out(data)
            last = data
    if not last.endswith(b"\n"):
        out(b"\n")
    if buffer is not None:
        buffer.flush()
