"""What plancli writes on stdout, in the encoding each format asks for.

JSON and TOML are UTF-8 whatever the locale (RFC 8259, TOML's spec). CSV and plain text are in
the terminal's encoding (a GBK one's: what Excel on a Chinese Windows opens); where that
encoding lacks a character of a name (䶮, an Extension A ideograph, is in no GBK table), a GBK
terminal gets GB18030, GBK's superset — the same bytes for every character GBK has, nothing
lost — and any other a `?` in its place, never an encoding error."""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Iterable

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
    text = text if text.endswith("\n") else text + "\n"
    stream = sys.stdout
    try:
        stream.write(text)  # (a text stream encodes the whole string before writing any)
    except UnicodeEncodeError:
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            raise
        encoding = codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name
        stream.flush()
        buffer.write(
            text.replace("\n", os.linesep).encode(_SUPERSET.get(encoding, encoding), "replace")
        )
        buffer.flush()


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
