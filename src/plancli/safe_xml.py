"""An expat parser for XML other people wrote (an .xlsx's parts, a .docx's document): streaming,
and refusing any DTD, so no entity can be declared, let alone expanded (a "billion laughs"
document), and no external resource is ever fetched."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from typing import IO, Any
from xml.parsers import expat

from plancli.i18n import _


class Refused(Exception):
    """Raised inside expat's handlers to stop reading a part."""


def parser(
    start: Callable[[str, dict[str, str]], None] | None = None,
    end: Callable[[str], None] | None = None,
    text: Callable[[str], None] | None = None,
) -> Any:
    """An expat parser calling `start`, `end` and `text`; a DTD raises `Refused`."""
    made = expat.ParserCreate()

    def refuse(*_args: object) -> Any:
        raise Refused(
            _(
                "declares a DTD (<!DOCTYPE …>), which no Office document writes; its entities "
                'could expand to gigabytes (a "billion laughs" file)'
            )
        )

    made.StartDoctypeDeclHandler = refuse
    made.EntityDeclHandler = refuse
    made.ExternalEntityRefHandler = refuse
    made.buffer_text = True
    made.buffer_size = 64 * 1024
    if start is not None:
        made.StartElementHandler = start
    if end is not None:
        made.EndElementHandler = end
    if text is not None:
        made.CharacterDataHandler = text
    return made


# The encodings expat reads itself; another declared one (GB18030, GBK, Big5, which older WPS
# exports and home-grown report tools write) is decoded here and given to expat as UTF-8.
_EXPAT_ENCODINGS = {"utf8", "utf16", "iso88591", "latin1", "usascii", "ascii"}
_DECLARATION = re.compile(
    rb"""^(\xef\xbb\xbf)?(<\?xml[^>]*?encoding\s*=\s*["'])([A-Za-z0-9._-]{1,40})(["'])"""
)


def feed(stream: IO[bytes], made: Any, read_bytes: int) -> None:
    """Parse a part from `stream` in chunks of `read_bytes`. A part declaring an encoding that
    expat does not read but Python does is decoded and parsed as UTF-8; one Python does not
    know either raises `Refused`, naming it."""
    chunk = stream.read(read_bytes)
    declared = _DECLARATION.match(chunk[:200])
    encoding = declared.group(3).decode("ascii") if declared else ""
    key = encoding.lower().replace("-", "").replace("_", "")
    if declared is None or declared.group(1) or key in _EXPAT_ENCODINGS:  # a BOM says UTF-8
        while chunk:
            made.Parse(chunk, False)
            chunk = stream.read(read_bytes)
        made.Parse(b"", True)
        return
    try:
        info = codecs.lookup(encoding)
        if not getattr(info, "_is_text_encoding", True):  # zlib_codec, base64, rot13…
            raise LookupError(encoding)
        decoder = info.incrementaldecoder(errors="strict")
    except LookupError:
        raise Refused(
            _(
                "declares the encoding {encoding}, which plancli cannot read; save it as UTF-8"
            ).format(encoding=encoding)
        ) from None
    chunk = _DECLARATION.sub(rb"\1\2UTF-8\4", chunk, count=1)
    while True:
        final = not chunk
        try:
            text = decoder.decode(chunk, final)
        except UnicodeDecodeError as exc:
            raise Refused(
                _(
                    "declares the encoding {encoding}, and holds bytes that are not {encoding} "
                    "({reason})"
                ).format(encoding=encoding, reason=exc.reason)
            ) from None
        made.Parse(text.encode("utf-8"), final)
        if final:
            return
        chunk = stream.read(read_bytes)


def local(name: str) -> str:
    """An element's name without its namespace prefix (w:p → p)."""
    return name.rpartition(":")[2]
