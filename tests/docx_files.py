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


NUMBERING = (
    f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="7">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>'
)
STYLES = (
    f'<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="Part">'
    '<w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="PartTitle"><w:basedOn w:val="Part"/></w:style>'
    "</w:styles>"
)


def numbered_report_docx(text: str, heading: str, subheading: str) -> bytes:
    """A report whose part headings (matching `heading`) and section headings (`subheading`)
    Word numbers: their markers taken out of the text, the parts numbered through a style
    based on a numbered one, the sections by the paragraph's own list level."""
    import re

    body: list[str] = []
    for line in text.split("\n"):
        part = re.match(heading, line)
        section = re.match(subheading, line)
        if part:
            body.append(
                f'<w:p><w:pPr><w:pStyle w:val="PartTitle"/></w:pPr>{runs(line[part.end() :])}</w:p>'
            )
        elif section:
            body.append(
                '<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr>'
                f"</w:pPr>{runs(line[section.end() :])}</w:p>"
            )
        else:
            body.append(paragraph(line))
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}"><w:body>{"".join(body)}<w:sectPr/></w:body></w:document>'
    )
    return docx(
        {
            "word/document.xml": xml.encode("utf-8"),
            "word/numbering.xml": NUMBERING.encode("utf-8"),
            "word/styles.xml": STYLES.encode("utf-8"),
        }
    )
