"""Word documents made for the tests: a report's text as a .docx, as Word writes one."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def runs(text: str) -> str:
    """`text` as Word keeps it: in runs cut anywhere (here every 7 characters), tabs apart."""
    out = []
    for part in text.split("\t"):
        pieces = [part[i : i + 7] for i in range(0, len(part), 7)]
        out.append(
            "".join(f'<w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r>' for p in pieces)
        )
    return "<w:r><w:tab/></w:r>".join(out)


def paragraph(text: str) -> str:
    return f"<w:p><w:pPr><w:ind w:firstLine='640'/></w:pPr>{runs(text)}</w:p>"


def table(rows: list[list[str]]) -> str:
    cells = "".join(
        "<w:tr>" + "".join(f"<w:tc>{paragraph(cell)}</w:tc>" for cell in row) + "</w:tr>"
        for row in rows
    )
    return f"<w:tbl>{cells}</w:tbl>"


def document(body: str, prolog: str = "") -> bytes:
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>'
    )
    return docx({"word/document.xml": xml.encode("utf-8")})


def docx(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def report_docx(text: str) -> bytes:
    """A text report as a .docx: each line a paragraph, each run of lines with " | " cells (a
    flattened table, as the seed's 附表1) a table."""
    body: list[str] = []
    rows: list[list[str]] = []
    for line in text.split("\n"):
        if " | " in line:
            rows.append([cell.strip() for cell in line.split("|")])
            continue
        if rows:
            body.append(table(rows))
            rows = []
        body.append(paragraph(line))
    if rows:
        body.append(table(rows))
    return document("".join(body))
