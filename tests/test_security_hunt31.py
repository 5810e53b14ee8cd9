"""Session 31's hostile audit of the code of sessions 29-30 (tables pdftotext laid out, work
targets, import rows named by target, percent cells, the widened tables, derived section ids,
劣Ⅴ类): each defect pinned with the input that found it. A report may hold 2,000,000
characters (docs/security-files.md); drafting one must take time in proportion to it, never
minutes for a crafted shape."""

from __future__ import annotations

import time
from hashlib import sha256
from pathlib import Path

import pytest
from tests.test_import_rows_s30 import _percent_sheet

from plancli.extract.layout_tables import layout_tables


def _seconds(work: object) -> float:
    """The CPU seconds of this process the work took: a bound against a hang that the machine's
    load (other tests, other jobs on two cores) cannot break, as a wall-clock bound could."""
    started = time.process_time()
    assert callable(work)
    work()
    return time.process_time() - started


def test_a_laid_out_block_thousands_of_columns_wide_is_no_table_and_is_read_at_once() -> None:
    """50 lines of 2,000 figures apart by runs of spaces under 附表1 (500 KB) took 41 s: each
    word was placed by scanning every column, each line's agreement by comparing every word
    with every column. No table a report lays out has a thousand columns."""
    line = "   ".join(["12"] * 2000)
    text = "附表1\n" + "\n".join([line] * 50)
    assert _seconds(lambda: layout_tables(text)) < 5
    assert layout_tables(text) is None


def test_thousands_of_small_laid_out_tables_are_read_in_linear_time() -> None:
    """1 MB of four-line tables each under its 附表1 took 84 s: each table's title was looked
    for by splitting the whole report before it into lines."""
    block = "附表1\n" + "\n".join(["甲   1   2   3   4"] * 3) + "\n\n\n\n\n"
    text = block * (1_000_000 // len(block))
    laid = None

    def run() -> None:
        nonlocal laid
        laid = layout_tables(text)

    assert _seconds(run) < 30  # (8 s here, where it took 84-104 s)
    assert laid is not None
    assert laid[0].count("甲 | 1 | 2 | 3 | 4 |") == 3 * (1_000_000 // len(block))


SEED = Path(__file__).parents[2] / "shared" / "seed" / "000_00f01ebf3f7ca338.txt"


@pytest.mark.skipif(not SEED.exists(), reason="the seed report is in shared/")
def test_a_report_of_one_long_paragraph_is_drafted_in_linear_time() -> None:
    """The seed report with its line breaks taken out, 8 times over (one paragraph of 350,000
    characters), took a minute, and 25 times over (1 MB) over five: for each of its thousands
    of clauses the whole paragraph was searched for 具备…有利条件 again."""
    from plancli.extract import extract_plan

    one = SEED.read_text(encoding="utf-8").replace("\n", "")
    assert _seconds(lambda: extract_plan(one, year=2022)) < 20
    drafted = None

    def run() -> None:
        nonlocal drafted
        drafted = extract_plan(one * 8, year=2022)

    assert _seconds(run) < 60  # (12 s here, where it took 60 s)
    assert drafted is not None


@pytest.mark.parametrize(
    ("value", "number_format", "words"),
    [
        # a percentage format with a 5,000-character literal: echoed whole
        (
            4.1,
            '0.0%"' + "封" * 5000 + '"',
            ['has the percentage format 0.0%"封封', "…(5,006 characters): it holds 4.1"],
        ),
        # the smallest double under 0.0%: 5e-322 % written out in 324 digits, twice
        (5e-324, "0.0%", ["cell C2 holds 0.000000", "…(324 characters) %, but its percentage"]),
    ],
)
def test_a_percent_cells_warning_clips_what_the_file_holds(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, value: float, number_format: str, words: list[str]
) -> None:
    """Session 30's warning of a percentage cell (percent_cells.py) echoed the cell's format
    code and figures whole, where every other refusal of a cell's format clips them."""
    path = _percent_sheet(tmp_path / "6月.xlsx", value, number_format)
    result = invoke("import", str(path), "--dry-run")
    assert result.exit_code == 0, result.output
    warning = next(line for line in result.stderr.splitlines() if "cell C2" in line)
    assert len(warning) < 500, warning[:600]
    for word in words:
        assert word in warning, warning[:600]


def test_a_plan_of_tens_of_thousands_of_sections_derives_their_ids_at_once() -> None:
    """Session 30's derived section ids (plan_refs.with_sections, run by every command that
    reads a plan) looked each target's section up in the list of those seen: 50,000 targets of
    a section each took 89 s before a command began (a plan is not capped in size)."""
    from plancli.plan_refs import with_sections

    data = {"targets": [{"id": f"t{i}", "section": f"第{i}节"} for i in range(30_000)]}
    sections = None

    def run() -> None:
        nonlocal sections
        sections = with_sections(data)["sections"]

    assert _seconds(run) < 5  # (0.3 s here, where it took 32 s)
    assert sections is not None and len(sections) == 30_000
    digest = sha256("第0节".encode()).hexdigest()[:6]
    assert sections[0] == {"id": f"section_{digest}", "name": "第0节"}


def _in_a_work_section(attack: str) -> str:
    """The seed report four times over (so the text reads as Chinese), then the seed's opening
    and its work sections with `attack` as a paragraph among them."""
    seed = SEED.read_text(encoding="utf-8")
    lines = seed.split("\n")
    return seed * 4 + "\n".join(lines[:72]) + "\n" + attack + "\n" + "\n".join(lines[72:])


@pytest.mark.skipif(not SEED.exists(), reason="the seed report is in shared/")
@pytest.mark.parametrize(
    "attack",
    [
        # a list of 20,000 things on one line: 191 s
        "今年要完成" + "、".join(f"改造老旧小区{i}号" for i in range(20_000)) + "等项目建设。",
        # an address repeated, no space: every http:// was followed to the line's end
        "详见" + "http://" * 40_000,
    ],
)
def test_a_long_line_is_joined_to_the_next_in_linear_time(attack: str) -> None:
    """Whether a line break is inside a paragraph asked whether the line held three table
    cells with `(?:[^|]*\\|){3}`, which a line with no `|` scans from each of its characters to
    its end; and whether it ends in an address with `https?://\\S*$`, the same from each
    http://. A 330 KB report with a list of 20,000 things on one line took 191 s."""
    from plancli.extract import extract_plan

    text = _in_a_work_section(attack)
    assert _seconds(lambda: extract_plan(text, year=2022)) < 30  # (5-10 s here)


def test_an_unknown_id_of_a_cells_length_is_not_compared_letter_by_letter() -> None:
    """An import row's unknown target is told the ids close to it: difflib indexed each row's
    30,000-character id before comparing it with ids a thousandth its length, which it can be
    no near-miss of (0.13 s a row: 2,000 such rows, a 60 MB file, took 85 s)."""
    from plancli.plan import close_targets, load_plan

    plan = load_plan("guandu-2022")
    long_id = "retail_sales" + "x" * 30_000
    assert _seconds(lambda: [close_targets(plan, long_id) for _ in range(200)]) < 3
    assert close_targets(plan, "retail_salez") == [("retail_sales", "retail_sales")]
    assert close_targets(plan, "社会消费品零售总额额")[0][0] == "retail_sales"
