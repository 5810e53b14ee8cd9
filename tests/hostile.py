"""Hostile import files, crafted without a spreadsheet program, and hypothesis strategies.

An .xlsx is a zip archive of XML parts; `workbook()` writes one from the parts' text, so a test
can put anything in a cell, a shared string, a number format, the <dimension> or the zip
directory itself (issue 14).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from hypothesis import strategies as st

from strategies import finite_decimals

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

_SHEETML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
# With the overrides openpyxl needs, so the code before issue 14 (openpyxl's reader) reads
# these workbooks too, and tests fail on it for the reason they name.
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_SHEETML}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SHEETML}.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    f'ContentType="{_SHEETML}.sharedStrings+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_SHEETML}.styles+xml"/></Types>'
)
ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
    f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    f'<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/>'
    "</Relationships>"
)


def workbook_xml(sheet: str = "Sheet1") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{REL}">'
        f'<sheets><sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )


def styles_xml(formats: Sequence[str] = ()) -> str:
    """Cell style 0 is General; style i (from 1) shows the i-th of `formats`."""
    custom = "".join(
        f'<numFmt numFmtId="{164 + i}" formatCode="{escape(code, {chr(34): "&quot;"})}"/>'
        for i, code in enumerate(formats)
    )
    xfs = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' + "".join(
        f'<xf numFmtId="{164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" '
        'applyNumberFormat="1"/>'
        for i in range(len(formats))
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{NS}">'
        f'<numFmts count="{len(formats)}">{custom}</numFmts>'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        f'</cellStyleXfs><cellXfs count="{len(formats) + 1}">{xfs}</cellXfs></styleSheet>'
    )


def shared_strings_xml(strings: Sequence[str]) -> str:
    items = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}" count="{len(strings)}" '
        f'uniqueCount="{len(strings)}">{items}</sst>'
    )


def column(position: int) -> str:
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class Sheet:
    """A sheet's cells as XML; values are written as the cell types Excel uses."""

    rows: list[str] = field(default_factory=list)
    dimension: str | None = None

    def row(self, number: int, *cells: object, style: int = 0) -> Sheet:
        """Strings as inline strings, numbers as number cells (in `style`), None as no cell;
        a `Raw` cell is written as given."""
        xml = []
        for position, value in enumerate(cells):
            ref = f"{column(position)}{number}"
            if value is None:
                continue
            if isinstance(value, Raw):
                xml.append(value.xml.replace("{ref}", ref))
            elif isinstance(value, str):
                xml.append(
                    f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">'
                    f"{escape(value)}</t></is></c>"
                )
            else:
                shown = f' s="{style}"' if style else ""
                xml.append(f'<c r="{ref}"{shown}><v>{value}</v></c>')
        self.rows.append(f'<row r="{number}">{"".join(xml)}</row>')
        return self

    def rows_of(self, rows: Sequence[Sequence[object]], first: int) -> Sheet:
        """Many rows at once, numbered from `first`."""
        for number, cells in enumerate(rows, first):
            self.row(number, *cells)
        return self

    def xml(self) -> str:
        dimension = f'<dimension ref="{self.dimension}"/>' if self.dimension else ""
        return (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}">{dimension}'
            f"<sheetData>{''.join(self.rows)}</sheetData></worksheet>"
        )


@dataclass(frozen=True)
class Raw:
    """A cell written as this XML; `{ref}` becomes the cell's reference."""

    xml: str


def workbook(
    sheet: Sheet | str,
    *,
    strings: Sequence[str] = (),
    formats: Sequence[str] = (),
    parts: dict[str, bytes | str] | None = None,
    sheet_name: str = "Sheet1",
) -> bytes:
    """The bytes of an .xlsx: the sheet (a Sheet or its XML), shared strings, number formats;
    `parts` adds or replaces parts by name."""
    files: dict[str, bytes | str] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": workbook_xml(sheet_name),
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/worksheets/sheet1.xml": sheet if isinstance(sheet, str) else sheet.xml(),
        "xl/sharedStrings.xml": shared_strings_xml(strings),
        "xl/styles.xml": styles_xml(formats),
        **(parts or {}),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def billion_laughs(root: str = "sst") -> str:
    """The entity-expansion document: ten levels of ten references, 10^9 `lol`s."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    return (
        f'<?xml version="1.0"?><!DOCTYPE {root} [{"".join(entities)}]>'
        f'<{root} xmlns="{NS}"><si><t>&lol9;</t></si></{root}>'
    )


# ------------------------------------------------------------------ hypothesis strategies

# The mini plan's targets and what each accepts, so generated rows are often valid.
TARGETS = ("gdp", "income", "unemployment", "g5", "invest_a", "invest_b", "centre")
PERIODS = (*(f"2022-{m:02d}" for m in range(1, 13)), "2022-Q1", "2022-Q3", "2022-H2")

# Text a hostile file may hold: control characters, quotes, separators, markup, RTL marks,
# the BOM, CJK, surrogates (lone ones only reach JSON), very long and empty strings.
nasty_text = st.one_of(
    st.text(max_size=12),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
    st.sampled_from(
        [
            "",
            " ",
            '"',
            '""',
            "'",
            ",",
            ";",
            "\t",
            "\r",
            "\n",
            "\r\n",
            "\x00",
            "\x0b",
            "\x1b[2J",
            "\x1b]52;c;cm0gLXJmIH4=\x07",
            '=HYPERLINK("http://x")',
            "\ufeff",
            "\u202e",
            "统计局",
            "5.2%",
            "1,441",
            "NaN",
            "Infinity",
            "1e999999999",
            "9" * 30,
            "&lol;",
            "<t>",
            "]]>",
        ]
    ),
)


# What each target of the mini plan accepts: (kind of figure, takes an amount).
KINDS = {
    "gdp": ("any", True),
    "income": ("any", True),
    "unemployment": ("any", False),
    "g5": ("total", False),
    "invest_a": ("total", False),
    "invest_b": ("total", False),
    "centre": ("percent done", False),
}
# Periods by the month they end in: a file may give one of them per target and month.
BY_END_MONTH = {
    month: [f"2022-{month:02d}"]
    + ([f"2022-Q{month // 3}"] if month % 3 == 0 else [])
    + ([f"2022-H{month // 6}"] if month % 6 == 0 else [])
    for month in range(1, 13)
}
_SPELLED = st.sampled_from(["{}", " {} ", "{}.0", "+{}", "{}e0", "{}%"])
# The strategies the composites below draw from are made once, here, not at each draw: a
# strategy made anew is worked out anew by Hypothesis (its signature, whether it can be empty),
# which cost more than drawing from it (most of test_hostile_inputs' CPU). The same
# strategies, so the same files.
_DONE_WORDS = st.sampled_from(["done", "DONE", "完成"])
_TOTALS = st.one_of(st.integers(0, 10**6), finite_decimals.map(abs))
_ANY_NUMBERS = st.one_of(st.integers(-50, 50), finite_decimals)
_SPELLED_DECIMAL = st.sampled_from(["{}", " {}"])


@st.composite
def good_figure(draw: st.DrawFn, kind: str) -> str:
    """A figure the target accepts, written as a file might (`5.2`, ` 5.2 `, `5.2%`, `done`)."""
    if kind == "percent done":
        if draw(st.integers(0, 4)) == 0:
            return draw(_DONE_WORDS)
        number = draw(st.integers(0, 100))
    elif kind == "total":
        number = draw(_TOTALS)
    else:
        number = draw(_ANY_NUMBERS)
    spelling = draw(_SPELLED) if isinstance(number, int) else draw(_SPELLED_DECIMAL)
    if spelling == "{}%" and kind == "total":
        spelling = "{}"
    return spelling.format(number)


GOOD_FIGURE = {kind: good_figure(kind) for kind in ("percent done", "total", "any")}
_SPACED = {target: st.sampled_from([target, f" {target}", f"{target} "]) for target in TARGETS}
_ENDING_IN = {month: st.sampled_from(periods) for month, periods in BY_END_MONTH.items()}
_POSITIONS = st.lists(
    st.tuples(st.sampled_from(TARGETS), st.integers(1, 12)), max_size=6, unique=True
)


@st.composite
def good_rows(draw: st.DrawFn) -> list[dict[str, str]]:
    """Rows a plan accepts: known targets, one period per target and month, figures in
    range; notes and sources of any text a file can carry."""
    rows = []
    positions = draw(_POSITIONS)
    for target, month in positions:
        kind, has_amount = KINDS[target]
        row = {
            "target": draw(_SPACED[target]),
            "period": draw(_ENDING_IN[month]),
            "value": draw(GOOD_FIGURE[kind]),
        }
        if has_amount and draw(st.booleans()):
            row["amount"] = draw(GOOD_FIGURE["total"]).removesuffix("%")
        if draw(st.booleans()):
            row["note"] = draw(nasty_text).replace("\x00", "")
        if draw(st.booleans()):
            row["source"] = draw(nasty_text).replace("\x00", "")
        rows.append(row)
    return rows


# A value cell as text: often a number, sometimes anything.
figures = st.one_of(
    finite_decimals.map(str),
    st.sampled_from(["5.2", "-0.3", "100", "done", "5.2%", "0", "1e3", "1E-5", "1e16"]),
    nasty_text,
)
_ANY_TARGET = st.one_of(st.sampled_from(TARGETS), nasty_text)
_ANY_PERIOD = st.one_of(st.sampled_from(PERIODS), nasty_text)
_ANY_AMOUNT = st.one_of(st.just(""), figures)


@st.composite
def bad_row(draw: st.DrawFn) -> dict[str, str]:
    """A row that is probably wrong: any target, any period, any value."""
    row = {
        "target": draw(_ANY_TARGET),
        "period": draw(_ANY_PERIOD),
        "value": draw(figures),
    }
    if draw(st.booleans()):
        row["amount"] = draw(_ANY_AMOUNT)
    if draw(st.booleans()):
        row["note"] = draw(nasty_text)
    return row


_GOOD_ROWS = good_rows()
_BAD_ROW = bad_row()


@st.composite
def _import_rows(draw: st.DrawFn) -> list[dict[str, str]]:
    rows = draw(_GOOD_ROWS)
    if draw(st.integers(0, 2)) == 0:
        rows.insert(draw(st.integers(0, len(rows))), draw(_BAD_ROW))
    return rows


# Good rows, and about one file in three with a bad row among them.
import_rows = _import_rows()


def csv_text(rows: list[dict[str, str]], quote_all: bool = False) -> str:
    import csv

    columns = ["target", "period", "value", "amount", "note", "source"]
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    return out.getvalue()


@st.composite
def hostile_csv(draw: st.DrawFn) -> tuple[bytes, list[dict[str, str]] | None]:
    """(file, rows it says) — rows None when the file was damaged on purpose."""
    rows = draw(import_rows)
    text = csv_text(rows, quote_all=draw(st.booleans()))
    damage = draw(st.sampled_from(["none"] * 5 + ["open quote", "cut", "bytes", "bom", "crlf"]))
    if damage == "none":
        return text.encode(), rows
    if damage == "bom":
        return ("\ufeff" + text).encode(), rows
    if damage == "crlf":
        return text.replace("\r\n", "\n").replace("\n", "\r\n").encode(), rows
    if damage == "open quote":
        lines = text.split("\r\n")
        at = draw(st.integers(1, max(1, len(lines) - 1)))
        lines[at] = lines[at] + ',"' + draw(st.text(max_size=5)).replace('"', "")
        return "\r\n".join(lines).encode(), None
    data = text.encode()
    if damage == "cut":
        return data[: draw(st.integers(0, len(data)))], None
    junk = draw(st.binary(min_size=1, max_size=4))
    at = draw(st.integers(0, len(data)))
    return data[:at] + junk + data[at:], None
