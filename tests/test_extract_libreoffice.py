"""A Word file written by a real office suite: LibreOffice (headless) saves the seed report as
a .docx — its 附表1 a real table — and `extract` must draft what the text drafts. Needs Debian's
`libreoffice-writer-nogui` (`.ci/run` installs it); where `soffice` is missing the test is
skipped, saying so. The .docx files written by hand for the other tests are what Word's format
says; this one is what a program that writes it for millions of users writes.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from plancli.extract import decode_report, extract_plan
from real_copies import page

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "000_00f01ebf3f7ca338.txt"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.skipif(
        SOFFICE is None, reason="needs LibreOffice (apt-get install libreoffice-writer-nogui)"
    ),
    pytest.mark.skipif(not SEED.exists(), reason="the seed report is not here"),
]


def _without_quotes(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [{k: v for k, v in t.items() if k != "quote"} for t in plan["targets"]]


PDFTOTEXT = shutil.which("pdftotext")


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed saved by LibreOffice as .docx (from a web page: its 附表1 a table), and that
    .docx exported to PDF and saved as a web page (out/seed.pdf, out/seed.html): three runs of
    the program for the module's three tests."""
    assert SOFFICE is not None
    folder = tmp_path_factory.mktemp("office")
    web_page = folder / "seed.html"
    web_page.write_text(page(SEED.read_text(encoding="utf-8")), encoding="utf-8")
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"
    conversions = (
        ("docx:MS Word 2007 XML", web_page, folder),
        ("pdf", folder / "seed.docx", folder / "out"),
        ("html", folder / "seed.docx", folder / "out"),
    )
    for target, source, into in conversions:
        infilter = ["--infilter=HTML (StarWriter)"] if source.suffix == ".html" else []
        convert = ["--convert-to", target, "--outdir", str(into), str(source)]
        subprocess.run(
            [SOFFICE, profile, "--headless", *infilter, *convert],
            check=True,
            capture_output=True,
            timeout=180,
        )
    return folder


def test_the_seed_saved_as_docx_by_libreoffice_drafts_what_its_text_drafts(office: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    body = decode_report((office / "seed.docx").read_bytes(), "seed.docx")
    assert "\n3 | 固定资产投资(不含农户) | 亿元 | 正增长 | 605.02 | —— | 正增长 | \n" in body
    from_text = extract_plan(text, name="seed.txt").plan
    from_docx = extract_plan(body, name="seed.docx").plan
    assert len(from_docx["targets"]) == 80
    assert from_docx["sections"] == from_text["sections"]
    assert _without_quotes(from_docx) == _without_quotes(from_text)
    assert all(t["quote"] in body for t in from_docx["targets"])


@pytest.mark.skipif(PDFTOTEXT is None, reason="needs pdftotext (apt-get install poppler-utils)")
def test_the_seed_exported_to_pdf_by_libreoffice_and_copied_out_drafts_its_work(
    office: Path,
) -> None:
    """LibreOffice's own PDF, copied out by pdftotext: its lines wrapped, a space set between
    Chinese and Latin (2021 年, 新建5G 基站), a line broken before a place name's dash
    (…先行区 / —太和·1903). Every work and investment target and every headline bound is the
    text's; only 附表1, a real table the copy scatters, gives no baselines (see
    docs/extract.md)."""
    assert PDFTOTEXT is not None
    subprocess.run([PDFTOTEXT, str(office / "out" / "seed.pdf")], check=True, timeout=60)
    body = decode_report((office / "out" / "seed.txt").read_bytes(), "seed.txt")
    assert "2021 年" in body  # LibreOffice's space between Chinese and figures
    from_text = extract_plan(SEED.read_text(encoding="utf-8"), name="seed.txt").plan
    from_pdf = extract_plan(body, name="seed.pdf.txt").plan

    def work(plan: dict[str, Any]) -> list[dict[str, Any]]:
        return [t for t in _without_quotes(plan) if t["section"] != "headline"]

    def bounds(plan: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
        keys = ("kind", "min", "max", "around", "exclusive", "pending", "decline")
        return {
            t["id"]: tuple(t.get(k) for k in keys)
            for t in plan["targets"]
            if t["section"] == "headline" and t["kind"] != "relative"
        }

    assert work(from_pdf) == work(from_text)
    assert len(work(from_pdf)) == 73
    assert bounds(from_pdf) == bounds(from_text)


def test_the_seed_saved_as_a_web_page_by_libreoffice_drafts_what_its_text_drafts(
    office: Path,
) -> None:
    """LibreOffice's HTML: a style sheet first (its CSS was taken for the title), every cell's
    words laid out over source lines and tabs, style attributes of 260 characters (past the
    tag pattern's 200). The table's rows, the title, every target: the text's."""
    saved = (office / "out" / "seed.html").read_text(encoding="utf-8")
    assert saved.count("<style") >= 1 and "\n\t\t<td" in saved
    body = decode_report(saved.encode("utf-8"), "seed.html")
    from_text = extract_plan(SEED.read_text(encoding="utf-8"), name="seed.txt").plan
    from_html = extract_plan(body, name="seed.html").plan
    assert from_html["plan"]["name"] == from_text["plan"]["name"]
    assert from_html["sections"] == from_text["sections"]
    assert _without_quotes(from_html) == _without_quotes(from_text)
