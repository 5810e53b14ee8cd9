"""`plancli extract REPORT.docx`: a report sent as a Word file drafts as its text does; other
documents (PDF, .doc, OFD, a workbook) and hostile .docx files are one line and exit 2."""

from __future__ import annotations

import io
import random
import tomllib
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from docx_files import W, document, docx, numbered_report_docx, paragraph, report_docx, runs, table
from plancli.errors import InputError, PlanError
from plancli.extract import decode_report, documents, extract_plan
from plancli.extract.word_lists import Numbering
from plancli.safe_xml import parser

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "000_00f01ebf3f7ca338.txt"
needs_seed = pytest.mark.skipif(not SEED.exists(), reason="the seed report is not here")


def _without_quotes(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [{k: v for k, v in t.items() if k != "quote"} for t in plan["targets"]]


@needs_seed
def test_the_seed_as_a_word_file_drafts_what_its_text_drafts(tmp_path: Path) -> None:
    """Paragraphs in runs cut every 7 characters, 附表1 a real table: the same 80 targets, the
    same bounds and the table's baselines, every quote verbatim in the document's text."""
    text = SEED.read_text(encoding="utf-8")
    data = report_docx(text)
    body = decode_report(data, "seed.docx")
    assert "2 | 地方一般公共预算收入 | 亿元 | 3.5 | 52.24 | 5.2 | 2" in body  # 附表1's row
    from_text = extract_plan(text, name="seed.txt").plan
    from_docx = extract_plan(body, name="seed.docx").plan
    assert len(from_docx["targets"]) == 80
    assert _without_quotes(from_docx) == _without_quotes(from_text)
    gdp = next(t for t in from_docx["targets"] if t["id"] == "gdp")
    baseline = gdp["baseline"]  # from 附表1
    assert (baseline["year"], baseline["value"], baseline["growth"]) == (
        2021,
        Decimal("1441.37"),
        Decimal("0.3"),
    )
    assert all(t["quote"] in body for t in from_docx["targets"])


@needs_seed
def test_extract_and_validate_read_the_word_file_alike(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "报告.docx"
    report.write_bytes(report_docx(SEED.read_text(encoding="utf-8")))
    draft = tmp_path / "draft.toml"
    result = invoke("extract", str(report), "-o", str(draft))
    assert result.exit_code == 0, result.stderr
    assert "drafted 80 targets" in result.stderr
    assert tomllib.loads(draft.read_text(encoding="utf-8"))["plan"]["year"] == 2022
    checked = invoke("--plan", str(draft), "validate", "--source", str(report))
    assert checked.exit_code == 0, checked.stderr + checked.stdout
    assert "valid, 80 targets" in checked.stdout + checked.stderr


LEAD = "今年全区经济社会发展的主要预期目标是：地区生产总值增长7%以上，城镇调查失业率控制在5%以内。"
TITLE = "2022年某某区国民经济和社会发展计划"


def test_what_word_keeps_apart_is_read_once_and_in_order() -> None:
    """A text box's fallback copy (the same text twice), deleted text of a tracked change, the
    old place of a tracked move (w:moveFrom: its text stands again where it went) and a field
    code are not read; a text box inside a paragraph does not cut it; tabs and breaks
    are kept."""
    box = (
        '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/'
        'markup-compatibility/2006"><mc:Choice Requires="wps"><w:txbxContent>'
        f"{paragraph('（专栏）')}</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>"
        f"{paragraph('（专栏）')}</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r>"
    )
    body = (
        paragraph(TITLE) + f"<w:p>{runs('今年全区经济社会发展')}{box}{runs('的主要预期目标是：')}"
        "<w:del><w:r><w:delText>地区生产总值增长6%，</w:delText></w:r></w:del>"
        "<w:moveFrom><w:r><w:t>城镇调查失业率控制在5%以内。</w:t></w:r></w:moveFrom>"
        "<w:r><w:instrText> PAGE </w:instrText></w:r>"
        f"{runs('地区生产总值增长7%以上，')}<w:r><w:br/></w:r>"
        f"{runs('城镇调查失业率控制在5%以内。')}</w:p>" + paragraph("序号\t指标")
    )
    text = decode_report(document(body), "r.docx")
    assert text == (
        f"{TITLE}\n（专栏）\n今年全区经济社会发展的主要预期目标是：地区生产总值增长7%以上，\n"
        "城镇调查失业率控制在5%以内。\n序号\t指标"
    )
    heads = [t for t in extract_plan(text).plan["targets"] if t["section"] == "headline"]
    assert [(t["id"], t.get("min"), t.get("max")) for t in heads] == [
        ("gdp", 7, None),
        ("surveyed_unemployment_rate", None, 5),
    ]


def test_a_table_row_is_a_line_of_cells() -> None:
    rows = [["指标", "2022年计划"], ["地区生产总值", "7以上"], ["备注", ""]]
    text = decode_report(document(paragraph(TITLE) + paragraph(LEAD) + table(rows)), "r.docx")
    assert text.split("\n")[2:] == ["指标 | 2022年计划", "地区生产总值 | 7以上", "备注 | "]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(200), "r.docx is a PDF file, not text: "),
        (
            bytes.fromhex("D0CF11E0A1B11AE1") + bytes(500),
            "is a Word 97-2003 (.doc) or WPS file, or a document with a password",
        ),
        (docx({"OFD.xml": b"<ofd:OFD/>"}), "r.docx is an OFD document"),
        (docx({"xl/workbook.xml": b"<workbook/>"}), "r.docx is an Excel workbook, not a report"),
        (docx({"a.txt": b"x"}), "r.docx is a zip archive, not a report's text or a Word document"),
        (b"PK\x03\x04" + bytes(300), "r.docx is a damaged zip archive"),
        (
            document(paragraph(LEAD), prolog='<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]>'),
            "r.docx: refused: word/document.xml declares a DTD",
        ),
        (
            docx({"word/document.xml": f'<w:document xmlns:w="{W}"><w:body><w:p>'.encode()}),
            "r.docx: word/document.xml is damaged: no element found at line 1",
        ),
        (
            document(paragraph("Annual plan. GDP up 7%.")),
            "r.docx is not a Chinese report: found 0 Chinese characters",
        ),
    ],
    ids=["pdf", "doc", "ofd", "xlsx", "zip", "bad zip", "dtd", "cut xml", "english"],
)
def test_other_documents_and_hostile_word_files_are_one_line(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        decode_report(data, "r.docx")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_document_part_over_the_limit_is_refused_before_it_is_inflated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A zip bomb: the part's size in the zip directory is checked before a byte is inflated."""
    monkeypatch.setattr(documents, "MAX_DOCUMENT_BYTES", 10_000)
    data = document(paragraph(LEAD) * 200)
    assert zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").file_size > 10_000
    with pytest.raises(
        InputError, match=r"its part word/document.xml is [\d,]+ bytes uncompressed; "
    ):
        decode_report(data, "r.docx")


def test_the_cli_names_a_pdf_in_one_line_and_exits_2(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "报告.pdf"
    report.write_bytes(b"%PDF-1.4\n" + bytes(range(256)))
    result = invoke("extract", str(report))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "is a PDF file" in result.stderr
    chinese = invoke("--lang", "zh", "extract", str(report))
    assert chinese.exit_code == 2 and "是 PDF 文件，不是文本" in chinese.stderr


def test_a_word_file_damaged_anywhere_is_one_input_error() -> None:
    """Bytes changed, cut or dropped anywhere in a .docx (its zip directory too: a negative
    seek once escaped as ValueError): an InputError, or a text, never another exception."""
    rng = random.Random(7)
    bases = [
        document(paragraph(TITLE) + paragraph(LEAD) + table([["指标", "计划"], ["GDP", "7"]])),
        numbered_report_docx(f"{TITLE}\n一、今年的目标\n{LEAD}\n（一）重点工作", "一、", "（一）"),
    ]
    outcomes = set()
    # the plain document's 480th: a negative seek in the zip directory
    for base in [bases[0]] * 700 + [bases[1]] * 300:
        data = bytearray(base)
        for _ in range(rng.randint(1, 6)):
            pos = rng.randrange(len(data))
            if rng.random() < 0.5:
                data[pos] = rng.randrange(256)
            else:
                del data[pos : pos + rng.randint(1, 40)]
        try:
            extract_plan(decode_report(bytes(data), "r.docx"), year=2022)
            outcomes.add("drafted")
        except PlanError:
            outcomes.add("refused")
    assert outcomes == {"drafted", "refused"}


@needs_seed
def test_parts_and_sections_numbered_by_words_lists_draft_as_typed_ones() -> None:
    """The seed with its 一、 and (一) not typed but Word's list numbers (the parts through a
    style based on a numbered style, the sections by their own list level, restarting in each
    part): the same parts, sections and 80 targets as its text."""
    text = SEED.read_text(encoding="utf-8")
    data = numbered_report_docx(text, r"[一二三]、", r"[（(][一二三四五六七八九十]{1,2}[）)]")
    body = decode_report(data, "seed.docx")
    assert "\n二、2022年国民经济和社会发展计划草案建议\n" in body
    assert "\n（六）推进社会治理,保障社会大局安全稳定\n" in body
    assert "\n一、" in body and body.count("（一）") >= 2  # restarted in the second part
    from_text = extract_plan(text, name="seed.txt").plan
    from_docx = extract_plan(body, name="seed.docx").plan
    assert from_docx["sections"] == from_text["sections"]
    assert _without_quotes(from_docx) == _without_quotes(from_text)


@pytest.mark.parametrize(
    ("number_format", "text", "labels"),
    [
        ("decimal", "%1.", ["1.", "2.", "3."]),
        ("decimalEnclosedCircle", "%1", ["①", "②", "③"]),
        ("chineseCounting", "第%1部分", ["第一部分", "第二部分", "第三部分"]),
        ("ideographTraditional", "%1、", ["甲、", "乙、", "丙、"]),
        ("upperRoman", "%1.", ["I.", "II.", "III."]),
        ("bullet", "\uf06c", ["", "", ""]),
    ],
)
def test_words_list_formats(number_format: str, text: str, labels: list[str]) -> None:
    numbering = Numbering()
    start, end = numbering.numbering_reader()
    reader = parser(start, end)
    reader.Parse(
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">'
        f'<w:numFmt w:val="{number_format}"/><w:lvlText w:val="{text}"/></w:lvl>'
        '</w:abstractNum><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>',
        True,
    )
    assert [numbering.label(None, "2", "0") for _ in labels] == labels
    assert numbering.label(None, "0", "0") == ""  # numId 0: numbering taken off


def test_a_hostile_start_value_is_a_figure_not_a_string_of_letters() -> None:
    """A lowerLetter list starting at two billion would be 'a' repeated 77 million times."""
    numbering = Numbering()
    reader = parser(*numbering.numbering_reader())
    reader.Parse(
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">'
        '<w:start w:val="2000000000"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/>'
        '</w:lvl></w:abstractNum><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        "</w:numbering>",
        True,
    )
    assert numbering.label(None, "2", "0") == "2000000000)"
