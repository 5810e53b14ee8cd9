"""`plancli extract` on reports as analysts get them, made by the real programs that make them.

Each report (the seed and the 15 corpus reports) is set as a web page (its paragraphs, its
" | " rows as a table) and then:
- printed to PDF by headless Chromium as a 公文 is set (A4, 16 pt, first lines indented,
  justified, "— N —" at the foot of each page) and copied out by poppler's `pdftotext`, as it
  is and with `-layout` (columns kept with runs of spaces);
- saved as .docx by LibreOffice (headless);
- that .docx exported to PDF by LibreOffice and copied out by `pdftotext`;
- that .docx saved as a web page by LibreOffice.
Each copy's draft is compared with the draft of the report's text: the share of its targets
drafted the same (id, section, kind, bounds, name). Needs `chromium`, `soffice` and
`pdftotext` (Debian: chromium fonts-noto-cjk libreoffice-writer-nogui poppler-utils); a copy
whose program is missing is not made, and the table says so.

    python benchmarks/real_copies.py [--only chromium,layout,docx,lopdf,lohtml] [--misses]
                                     [REPORT.txt ...]

Other reports may be named instead of the sixteen (a held-out check: texts the rules were not
written against).
"""

from __future__ import annotations

import argparse
import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from plancli.errors import PlanError  # noqa: E402
from plancli.extract import decode_report, extract_plan  # noqa: E402

SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "gov-work-reports-2026"
REPORTS = [SHARED / "seed" / "000_00f01ebf3f7ca338.txt", *sorted(CORPUS.glob("*.txt"))]
COPIES = {
    "chromium": "Chromium's PDF, pdftotext",
    "layout": "Chromium's PDF, pdftotext -layout",
    "docx": "LibreOffice's .docx",
    "lopdf": "LibreOffice's PDF, pdftotext",
    "lohtml": "LibreOffice's web page",
}
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 37mm 26mm 35mm 28mm;
  @bottom-center {{ content: "— " counter(page) " —"; font-size: 14pt; }} }}
body {{ font-family: "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28pt; }}
p {{ text-indent: 2em; margin: 0; text-align: justify; }}
</style></head><body>{body}</body></html>"""


def page(text: str) -> str:
    """The report as a web page: its paragraphs, and its " | " rows as a table."""
    out: list[str] = []
    rows: list[str] = []
    for line in [*text.split("\n"), ""]:
        if " | " in line:
            cells = "".join(f"<td>{html.escape(c.strip())}</td>" for c in line.split("|"))
            rows.append(f"<tr>{cells}</tr>")
            continue
        if rows:
            out.append(f"<table border=1>{''.join(rows)}</table>")
            rows = []
        if line.strip():
            out.append(f"<p>{html.escape(line)}</p>")
    return PAGE.format(body="".join(out))


def signature(plan: dict[str, Any]) -> list[tuple[str, ...]]:
    keys = ("id", "section", "kind", "min", "max", "around", "stretch", "name")
    return [tuple(str(t.get(k)) for k in keys) for t in plan["targets"]]


def run(command: list[str]) -> None:
    subprocess.run(command, check=True, capture_output=True, timeout=300)


def copies(text: str, folder: Path, wanted: set[str]) -> dict[str, bytes]:
    """The copies of `text` the programs here can make, by name."""
    made: dict[str, bytes] = {}
    source = folder / "report.html"
    source.write_text(page(text), encoding="utf-8")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    soffice = shutil.which("soffice")
    pdftotext = shutil.which("pdftotext")
    if wanted & {"chromium", "layout"} and chromium and pdftotext:
        pdf = folder / "chromium.pdf"
        browser = [chromium, "--headless", "--no-sandbox", "--disable-gpu"]
        profile = f"--user-data-dir={folder / 'chromium'}"
        run([*browser, "--no-pdf-header-footer", profile, f"--print-to-pdf={pdf}", source.as_uri()])
        run([pdftotext, str(pdf), str(folder / "chromium.txt")])
        made["chromium"] = (folder / "chromium.txt").read_bytes()
        if "layout" in wanted:
            run([pdftotext, "-layout", str(pdf), str(folder / "layout.txt")])
            made["layout"] = (folder / "layout.txt").read_bytes()
    if wanted & {"docx", "lopdf", "lohtml"} and soffice:
        office = [soffice, f"-env:UserInstallation={(folder / 'office').as_uri()}", "--headless"]
        docx_filter = ["--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML"]
        run([*office, *docx_filter, "--outdir", str(folder), str(source)])
        docx = folder / "report.docx"
        made["docx"] = docx.read_bytes()
        if "lopdf" in wanted and pdftotext:
            run([*office, "--convert-to", "pdf", "--outdir", str(folder / "pdf"), str(docx)])
            run([pdftotext, str(folder / "pdf" / "report.pdf"), str(folder / "lopdf.txt")])
            made["lopdf"] = (folder / "lopdf.txt").read_bytes()
        if "lohtml" in wanted:
            run([*office, "--convert-to", "html", "--outdir", str(folder / "html"), str(docx)])
            made["lohtml"] = (folder / "html" / "report.html").read_bytes()
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default=",".join(COPIES), help="copies to make, by name")
    parser.add_argument("--misses", action="store_true", help="list the targets drafted otherwise")
    parser.add_argument("reports", nargs="*", type=Path, help="texts (default: the sixteen)")
    args = parser.parse_args()
    wanted = {name for name in args.only.split(",") if name in COPIES}
    totals = {name: [0, 0] for name in COPIES if name in wanted}
    print(f"{'report':<10}" + "".join(f"{name:>12}" for name in totals))
    for report in args.reports or REPORTS:
        text = report.read_text(encoding="utf-8")
        base = signature(extract_plan(text, name="text").plan)
        with tempfile.TemporaryDirectory() as tmp:
            made = copies(text, Path(tmp), wanted)
        cells = []
        for name in totals:
            if name not in made:
                cells.append(f"{'not made':>12}")
                continue
            try:
                got = signature(extract_plan(decode_report(made[name], name), name=name).plan)
            except PlanError:
                got = []
            same = len(set(got) & set(base))
            totals[name][0] += same
            totals[name][1] += len(base)
            cells.append(f"{same:>7}/{len(base):<4}")
            if args.misses:
                for target in sorted(set(base) - set(got)):
                    print(f"    {report.stem} {name}: {target[0]} {target[-1]}")
        print(f"{report.stem[:8]:<10}" + "".join(cells), flush=True)
    print(f"{'all':<10}" + "".join(f"{a:>7}/{b:<4}" for a, b in totals.values()))
    for name, (same, total) in totals.items():
        share = f"{100 * same / total:.1f} %" if total else "not made"
        print(f"  {name}: {COPIES[name]}: {share} of the targets drafted as from the text")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
