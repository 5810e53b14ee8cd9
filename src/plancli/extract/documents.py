"""A report sent as a document rather than as text.

A bureau circulates its plan report as a Word file, so a .docx is read here: the text of its
body, a paragraph a line, a table's row a line with its cells set apart by " | " (as a text copy
of 附表1 reads), every quote a verbatim substring of that text — and `plancli validate --source
REPORT.docx` reads the same text. Other documents are named in one line with what to do: a
PDF, a Word 97-2003 or WPS file, an OFD file (China's fixed-layout format), an Excel workbook.

The .docx is other people's file: its document part's size is checked against the zip
directory before it is read and read as a stream with a DTD refused (`plancli.safe_xml`), so
neither a zip bomb nor a "billion laughs" document gets further than one line. Not read: text
boxes' fallback copies (the same text twice), deleted or moved-away text of tracked changes,
field codes, headers, footers and footnotes. Word's automatic list numbers (一、 （一） 1.
where a report lets Word number its parts) are written into the text (`word_lists`).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any
from xml.parsers import expat

from plancli.errors import InputError, xml_reason, zip_reason
from plancli.extract.word_lists import Numbering
from plancli.i18n import _
from plancli.safe_xml import Refused, feed, local, parser

DOCUMENT = "word/document.xml"
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024  # a 300-page report's body is a few MB
MAX_PARTS = 10_000
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003, WPS, old Excel, an encrypted .docx
_READ_BYTES = 1024 * 1024


def document_text(data: bytes, name: str) -> str | None:
    """The text of a .docx report; None for anything else that may be text. A document of
    another kind, or a damaged or hostile .docx, is an InputError (one line)."""
    if data.startswith(b"%PDF-"):
        raise InputError(
            _(
                "{name} is a PDF file, not text: copy its text into a .txt file "
                "(`pdftotext {name} report.txt` does) and use that"
            ).format(name=name)
        )
    if data.startswith(_OLE):
        raise InputError(
            _(
                "{name} is a Word 97-2003 (.doc) or WPS file, or a document with a password: "
                "save it as a Word document (.docx, no password) or as text (.txt) and use that"
            ).format(name=name)
        )
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_PARTS:
                raise _not_docx(name, _("a zip archive of {count} files").format(count=len(infos)))
            parts = {info.filename: info for info in infos}
            if DOCUMENT in parts:
                return _read_body(archive, parts, name)
            if any(part.lower() == "ofd.xml" for part in parts):
                raise InputError(
                    _(
                        "{name} is an OFD document: copy its text into a .txt file and use that"
                    ).format(name=name)
                )
            if any(part.startswith("xl/") for part in parts):
                raise _not_docx(name, _("an Excel workbook"))
            raise _not_docx(name, _("a zip archive"))
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        ValueError,
        OSError,
    ) as exc:
        raise _not_docx(
            name, _("a damaged zip archive ({reason})").format(reason=zip_reason(exc))
        ) from None
    except (NotImplementedError, RuntimeError) as exc:  # compression method, encryption
        raise _not_docx(
            name, _("a zip archive it cannot open ({reason})").format(reason=zip_reason(exc))
        ) from None


def _not_docx(name: str, what: str) -> InputError:
    return InputError(
        _("{name} is {what}, not a report's text or a Word document (.docx)").format(
            name=name, what=what
        )
    )


_TWICE = ("Fallback", "moveFrom")  # what Word writes twice: read in the other place


class _Body:
    """The body's text as expat reads it: paragraphs and table rows, a line each."""

    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.lines: list[str] = []
        self.paragraphs: list[list[str]] = []  # open paragraphs (a text box's inside another)
        self.numbered: list[dict[str, str]] = []  # their style and list (pStyle, numId, ilvl)
        self.properties = 0  # inside a paragraph's properties (w:pPr)
        self.changed = 0  # inside a tracked change of them (w:pPrChange): the old ones
        self.cells: list[list[str]] = []  # the open table row's cells (outermost table)
        self.tables = 0  # how deep in tables
        self.skipped = 0  # inside what Word keeps twice: mc:Fallback (a text box's second
        # copy), w:moveFrom (a tracked move's old place; w:moveTo holds the text)
        self.in_text = False

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        name = local(tag)
        if name in _TWICE:
            self.skipped += 1
        elif self.skipped:
            return
        elif name in ("pPr", "pPrChange"):
            self.properties += name == "pPr"
            self.changed += name == "pPrChange"
        elif name in ("pStyle", "numId", "ilvl") and self.properties and not self.changed:
            value = next((v for k, v in attrs.items() if local(k) == "val"), None)
            if self.numbered and value is not None:
                self.numbered[-1][name] = value
        elif name == "t":
            self.in_text = True
        elif name == "p":
            self.paragraphs.append([])
            self.numbered.append({})
        elif name == "tab" and self.paragraphs:
            self.paragraphs[-1].append("\t")
        elif name in ("br", "cr") and self.paragraphs:
            self.paragraphs[-1].append(" " if self.tables else "\n")
        elif name == "tbl":
            self.tables += 1
        elif name == "tc" and self.tables == 1:
            self.cells.append([])

    def end(self, tag: str) -> None:
        name = local(tag)
        if name in _TWICE:
            self.skipped -= 1
        elif self.skipped:
            return
        elif name in ("pPr", "pPrChange"):
            self.properties -= name == "pPr"
            self.changed -= name == "pPrChange"
        elif name == "t":
            self.in_text = False
        elif name == "p" and self.paragraphs:
            text = "".join(self.paragraphs.pop())
            numbered = self.numbered.pop()
            label = self.numbering.label(
                numbered.get("pStyle"), numbered.get("numId"), numbered.get("ilvl")
            )
            text = label + text if text.strip() else text
            if not self.tables:
                self.lines.append(text)
            elif self.cells and text.strip():
                self.cells[-1].append(text.strip())
        elif name == "tr" and self.tables == 1:
            self.lines.append(" | ".join(" ".join(cell) for cell in self.cells))
            self.cells = []
        elif name == "tbl":
            self.tables -= 1

    def text(self, data: str) -> None:
        if self.in_text and not self.skipped and self.paragraphs:
            self.paragraphs[-1].append(data)


NUMBERING = "word/numbering.xml"
STYLES = "word/styles.xml"
MAX_PART_BYTES = 16 * 1024 * 1024  # the lists' and styles' definitions: a few hundred KB


def _read_body(archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], name: str) -> str:
    """The document's text, its lists' numbers written in (`word_lists`)."""
    numbering = Numbering()
    for part, reader in (
        (NUMBERING, numbering.numbering_reader),
        (STYLES, numbering.styles_reader),
    ):
        if part in parts:
            _feed(archive, parts[part], name, parser(*reader()), MAX_PART_BYTES)
    body = _Body(numbering)
    _feed(
        archive, parts[DOCUMENT], name, parser(body.start, body.end, body.text), MAX_DOCUMENT_BYTES
    )
    return "\n".join(body.lines)


def _feed(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, reader: Any, limit: int
) -> None:
    """Parse one part as a stream, its size checked against the zip directory first."""
    if info.file_size > limit:
        raise InputError(
            _(
                "{name}: its part {part} is {size} bytes uncompressed; plancli reads at most "
                "{limit} (a report's are a few MB)"
            ).format(name=name, part=info.filename, size=f"{info.file_size:,}", limit=f"{limit:,}")
        )
    try:
        # zipfile gives no more than the size the directory declares, and checks the CRC
        with archive.open(info) as stream:
            feed(stream, reader, _READ_BYTES)
    except Refused as exc:
        raise InputError(
            _("{name}: refused: {part} {reason}").format(name=name, part=info.filename, reason=exc)
        ) from None
    except expat.ExpatError as exc:
        reason = xml_reason(exc.code)
        raise InputError(
            _("{name}: {part} is damaged: {reason} at line {line}, column {column}").format(
                name=name,
                part=info.filename,
                reason=reason,
                line=exc.lineno,
                column=exc.offset + 1,
            )
        ) from None
