"""Peak memory of `plancli import` on large and hostile files (issue 14, docs/security-input.md).

Generates, in a temporary folder that is removed afterwards (nothing big is committed):
- a plan of 100,000 synthetic targets and a CSV of a year of their monthly figures
  (1.2 million rows, ~40 MB), imported into an empty SQLite ledger;
- the same rows repeated into a CSV of over 1 GB (5 million rows and more), refused by size;
- a "zip bomb" workbook: 512 MB of shared strings compressed into about 1 MB;
- a workbook whose shared strings (200 MB, under the limit) are read;
and runs each under `/usr/bin/time -v`, printing the exit code, the wall time, the peak RSS
and the first line plancli printed.

    python benchmarks/hostile_memory.py [--src DIR]   # DIR: the src/ to measure (default: ours)

`--src` pointed at an older checkout's src/ measures the code before a change.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from generate import SEED, plan_toml, synthetic_targets  # noqa: E402

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_SHEETML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_SHEETML}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SHEETML}.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    f'ContentType="{_SHEETML}.sharedStrings+xml"/></Types>'
)


def import_csv(targets: list[str], path: Path, repeat: int = 1, note: int = 0) -> int:
    """A CSV of each target's twelve months, `repeat` times over, each row with a distinct
    note of about `note` characters when `note` > 0; returns its rows."""
    rng = random.Random(SEED)
    filler = "x" * max(note - 12, 0)
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("target,period,value,note\n" if note else "target,period,value\n")
        for _ in range(repeat):
            lines = []
            for target in targets:
                for month in range(1, 13):
                    line = f"{target},2022-{month:02d},{month * 8 - rng.randint(0, 3)}"
                    lines.append(f"{line},{rows:010d} {filler}\n" if note else line + "\n")
                    rows += 1
            out.write("".join(lines))
    return rows


def workbook(path: Path, shared_strings: bytes | None, bomb_bytes: int = 0) -> None:
    """A one-row workbook; its shared strings are `shared_strings`, or one string of
    `bomb_bytes` zeros written as a stream (the zip stores it deflated: ~1000x smaller)."""
    sheet = (
        f'<worksheet xmlns="{NS}"><sheetData><row r="1">'
        '<c r="A1" t="inlineStr"><is><t>target</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>period</t></is></c>'
        '<c r="C1" t="inlineStr"><is><t>value</t></is></c></row>'
        '<row r="2"><c r="A2" t="s"><v>0</v></c>'
        '<c r="B2" t="inlineStr"><is><t>2022-06</t></is></c><c r="C2"><v>5</v></c></row>'
        "</sheetData></worksheet>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)  # openpyxl needs it
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PKG}"><Relationship Id="r1" Type="{REL}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{NS}" xmlns:r="{REL}"><sheets><sheet name="Sheet1" sheetId="1" '
            'r:id="r1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{PKG}">'
            f'<Relationship Id="r1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="r2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>",
        )
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as out:
            if shared_strings is not None:
                out.write(shared_strings)
            else:
                out.write(f'<sst xmlns="{NS}"><si><t>'.encode())
                chunk = b"0" * (1024 * 1024)
                for _ in range(bomb_bytes // len(chunk)):
                    out.write(chunk)
                out.write(b"</t></si></sst>")


def many_strings(total_bytes: int) -> bytes:
    """Shared strings of about `total_bytes`: distinct 20-character strings."""
    items = []
    size = 0
    number = 0
    while size < total_bytes:
        item = f"<si><t>gdp_{number:016d}</t></si>"
        items.append(item)
        size += len(item)
        number += 1
    return (f'<sst xmlns="{NS}">' + "".join(items) + "</sst>").encode()


def measure(label: str, src: Path, args: list[str], cwd: Path) -> None:
    for stale in cwd.glob("ledger.sqlite*"):  # each import starts from an empty ledger
        stale.unlink()
    env = {**os.environ, "PYTHONPATH": str(src), "XDG_CACHE_HOME": str(cwd / "cache")}
    proc = subprocess.run(
        ["/usr/bin/time", "-v", sys.executable, "-m", "plancli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
    )
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", proc.stderr)
    said = next(
        (
            line
            for line in proc.stderr.splitlines()
            if line and not line.startswith("\t") and "Command being timed" not in line
        ),
        "",
    )
    code = re.search(r"Exit status: (\d+)", proc.stderr)
    print(
        f"{label:<44} exit {code.group(1) if code else '?':>2}  "
        f"{wall.group(1) if wall else '?':>8}  "
        f"{int(rss.group(1)) / 1024 if rss else 0:8.0f} MB  {said[:110]}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", type=Path, default=HERE.parent / "src")
    parser.add_argument("--targets", type=int, default=100_000)
    parser.add_argument("--no-csv", dest="csv", action="store_false", help="only the workbooks")
    parser.add_argument(
        "--no-huge",
        dest="huge",
        action="store_false",
        help="skip the 1 GB CSV (code without a size limit reads it into ~10 GB)",
    )
    options = parser.parse_args()
    src = options.src.resolve()
    with tempfile.TemporaryDirectory(prefix="plancli-hostile-") as folder:
        work = Path(folder)
        targets = synthetic_targets(options.targets, random.Random(SEED))
        (work / "plan.toml").write_text(plan_toml(targets), encoding="utf-8")
        ids = [t.id for t in targets]
        base = ["--plan", "plan.toml", "--ledger", "ledger.sqlite", "import"]
        if options.csv:
            rows = import_csv(ids, work / "year.csv")
            size = (work / "year.csv").stat().st_size
            label = f"CSV {rows:,} rows, {size / 1e6:.0f} MB"
            measure(label, src, [*base, "year.csv"], work)
            rows = import_csv(ids, work / "notes.csv", note=180)
            size = (work / "notes.csv").stat().st_size
            label = f"CSV {rows:,} rows with notes, {size / 1e6:.0f} MB"
            measure(label, src, [*base, "notes.csv"], work)
            (work / "notes.csv").unlink()
            if options.huge:
                rows = import_csv(ids, work / "huge.csv", repeat=5, note=180)
                size = (work / "huge.csv").stat().st_size
                label = f"CSV {rows:,} rows, {size / 1e9:.2f} GB"
                measure(label, src, [*base, "huge.csv"], work)
                (work / "huge.csv").unlink()
        workbook(work / "bomb.xlsx", None, bomb_bytes=512 * 1024 * 1024)
        size = (work / "bomb.xlsx").stat().st_size
        label = f"zip bomb: 512 MB shared strings in {size / 1e6:.1f} MB"
        measure(label, src, [*base, "bomb.xlsx"], work)
        workbook(work / "strings.xlsx", many_strings(200 * 1024 * 1024))
        size = (work / "strings.xlsx").stat().st_size
        label = f"200 MB of shared strings in {size / 1e6:.1f} MB"
        measure(label, src, [*base, "strings.xlsx"], work)


if __name__ == "__main__":
    main()
