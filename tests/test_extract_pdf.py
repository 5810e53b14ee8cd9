"""A report copied out of a real PDF: headless Chromium prints the seed report as a 公文 is set
(A4, 三号 type, first lines indented two characters, justified, the page number — N — at the
foot of every page) and poppler's `pdftotext` copies the text out, as an analyst would. The
draft must be the text's. Needs Debian's `chromium`, `fonts-noto-cjk` and `poppler-utils`
(`.ci/run` installs them); where either program is missing the test is skipped, saying so.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from plancli.extract import decode_report, extract_plan
from real_copies import PAGE

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "000_00f01ebf3f7ca338.txt"
GUANGDONG = REPO.parent / "shared" / "corpus" / "gov-work-reports-2026" / "广东省.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None or PDFTOTEXT is None,
        reason="needs headless Chromium and pdftotext (apt-get install chromium "
        "fonts-noto-cjk poppler-utils)",
    ),
    pytest.mark.skipif(
        not SEED.exists() or not GUANGDONG.exists(), reason="the seed or the corpus is not here"
    ),
]


def _without_quotes(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [{k: v for k, v in t.items() if k != "quote"} for t in plan["targets"]]


@pytest.mark.parametrize(
    ("report", "count"),
    # 广东: 14 headings, some wrapped onto a second line (123 since audit C's milestones:
    # 开工建设广州新机场、广清永高铁…, 出台新一轮南沙总体发展规划, 编制全口径政府投资计划;
    # 124 since session 28's 打造十大群众赛事; 127 since s28-forms' 1.6倍, 2小时 and 每千人
    # 6.6批次; 128 since s30-wgolda's 办好第十七届省运会、第十届省残运会和篮球、足球、棒球等城市
    # 联赛, the games and the city leagues two milestones, the leagues' kind kept)
    [(SEED, 80), (GUANGDONG, 128)],
    ids=["seed", "guangdong"],
)
def test_a_report_copied_out_of_a_pdf_drafts_what_its_text_drafts(
    tmp_path: Path, report: Path, count: int
) -> None:
    assert CHROMIUM is not None and PDFTOTEXT is not None
    text = report.read_text(encoding="utf-8")
    page = tmp_path / "report.html"
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line)
    page.write_text(PAGE.format(body=paragraphs), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",  # CI runs as root
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-pdf-header-footer",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    copied = tmp_path / "report.txt"
    subprocess.run([PDFTOTEXT, str(pdf), str(copied)], check=True, timeout=60)
    body = decode_report(copied.read_bytes(), "report.txt")
    # what makes it a PDF's copy: lines wrapped mid-sentence, page numbers inside paragraphs
    lines = [line for line in body.split("\n") if line.strip()]
    numbers = [i for i, line in enumerate(lines) if re.fullmatch(r"\f?—\s*\d+\s*—", line)]
    assert len(numbers) >= 20
    assert sum(not lines[i - 1].endswith(("。", "：", ":", "|")) for i in numbers) >= 10
    from_text = extract_plan(text, name="report.txt").plan
    from_pdf = extract_plan(body, name="report.pdf.txt").plan
    assert len(from_pdf["targets"]) == count
    assert from_pdf["sections"] == from_text["sections"]
    assert _without_quotes(from_pdf) == _without_quotes(from_text)
    assert all(t["quote"] in body for t in from_pdf["targets"])
