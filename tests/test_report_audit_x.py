"""Audit X (session 26): reports with hostile strings, demo figures, the printed page, -f/-o.

D1: the Markdown report left `&` as it was, so `&#x202E;` or `&rlm;` in a plan's name became a
live bidi mark in every renderer (a right-to-left override under Python-Markdown, as MkDocs
renders). D2: `init --demo` recorded 1.11户 and 0.37个. D3: one long unbreakable name made its
column of printed charts twice as wide. D4: `-f xlsx -o 六月.md` wrote a workbook named .md.
"""

from __future__ import annotations

import html
import re
import shutil
import unicodedata
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from tests.chromium_page import CHROMIUM, measured_in_frame

from plancli.demo import demo_records
from plancli.locations import bundled_plans
from plancli.plan import load_plan_file
from plancli.report.markdown import escape
from plancli.unit_words import WHOLE_UNITS

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]

# The audit's names (mkhostile3.py): character references a renderer would decode.
ENTITY_NAME = "R&amp;D &lt;b&gt;粗&lt;/b&gt; &#x202E;反转&#x202C;"
MARKS_NAME = "统计&ZeroWidthSpace;局&rlm;ABC&lrm;&zwj;&NoBreak;&InvisibleTimes;末"


def _renderers() -> list[tuple[str, object]]:
    markdown = pytest.importorskip("markdown")
    markdown_it = pytest.importorskip("markdown_it")
    return [
        ("markdown-it", markdown_it.MarkdownIt().enable("table").render),
        ("python-markdown", lambda text: markdown.markdown(text, extensions=["tables"])),
    ]


def _shown(page: str) -> str:
    """What a browser shows of rendered HTML: the text, its references decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def _format_chars(text: str) -> set[str]:
    return {f"U+{ord(ch):04X}" for ch in text if unicodedata.category(ch) == "Cf"}


# -------------------------------------------------------------------------------- D1


@pytest.mark.parametrize("name", [ENTITY_NAME, MARKS_NAME, "A&B", "&", "&&amp;"])
def test_markdown_escape_keeps_character_references_literal(name: str) -> None:
    for renderer, render in _renderers():
        page = render(escape(name))  # type: ignore[operator]
        assert _shown(page).strip() == name, renderer
        assert not _format_chars(html.unescape(page)), renderer
        assert "<b>" not in page, renderer


def test_markdown_report_shows_a_plans_references_as_written(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "plan2022.toml"
    text = (REPO / "data" / "plan2022.toml").read_text(encoding="utf-8")
    text = text.replace('name = "新认定科技型企业"', f'name = "{ENTITY_NAME}"', 1)
    text = text.replace('name = "打造省级文化创意产业园"', f'name = "{MARKS_NAME}"', 1)
    plan.write_text(text, encoding="utf-8")
    assert invoke("--plan", str(plan), "import", str(FIXTURES / "report-june.csv")).exit_code == 0
    recorded = invoke("--plan", str(plan), "record", "tech_smes_certified", "1", "-p", "2022-06")
    assert recorded.exit_code == 0, recorded.output
    out = tmp_path / "h3.md"
    result = invoke(
        "--plan", str(plan), "--lang", "zh", "report", "--as-of", "2022-06", "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    report = out.read_text(encoding="utf-8")
    assert "R&amp;amp;D &amp;lt;b&amp;gt;粗" in report and "&amp;\\#x202E;反转" in report
    assert "统计&amp;ZeroWidthSpace;局&amp;rlm;ABC" in report
    for renderer, render in _renderers():
        shown = _shown(render(report))  # type: ignore[operator]
        # the audit: ['U+200B', 'U+200D', 'U+200E', 'U+200F', 'U+2060', 'U+2062'], and U+202E
        assert not _format_chars(shown), renderer
        assert ENTITY_NAME in shown and MARKS_NAME in shown, renderer


# -------------------------------------------------------------------------------- D2


@pytest.mark.parametrize("plan_id", sorted(set(bundled_plans()) - {"guandu-2021"}))
def test_demo_counts_things_counted_whole_in_whole_numbers(plan_id: str) -> None:
    plan = load_plan_file(bundled_plans()[plan_id])
    records = demo_records(plan, datetime(2026, 7, 1, tzinfo=UTC), "demo-batch")
    for record in records:
        target = plan.target(record.target)
        assert target is not None
        if target.kind == "cumulative" and target.unit.strip() in WHOLE_UNITS:
            assert record.value == record.value.to_integral_value(), (record, target.unit)


def test_demo_headquarters_enterprises_is_one_of_three_not_1_11() -> None:
    plan = load_plan_file(bundled_plans()["guandu-2022"])
    records = demo_records(plan, datetime(2022, 7, 1, tzinfo=UTC), "demo-batch")
    june = {r.target: r.value for r in records if r.period in ("2022-06", "2022-Q2")}
    # the audit's figures: 1.11户, 0.37个, 5.58条, 2.55户, 5.1件 (goals 3, 1, 12, 5, 10)
    assert june["headquarters_enterprises"] == Decimal(1)
    assert june["childcare_pilots"] == Decimal(0)
    assert june["back_streets_improved"] == Decimal(6)
    assert june["leading_enterprises"] == Decimal(3)
    assert june["public_benefit_projects"] == Decimal(5)


# -------------------------------------------------------------------------------- D3


def test_print_css_keeps_three_equal_chart_columns_and_wraps_a_long_name() -> None:
    css = (REPO / "src" / "plancli" / "report" / "templates" / "report.css").read_text()
    printed = css[css.index("@media print") :]
    assert re.search(r"\.charts \{ grid-template-columns: repeat\(3, minmax\(0, 1fr\)\)", printed)
    title = re.search(r"^\.chart-title \{([^}]*)\}", css, re.M)
    assert title and "overflow-wrap: anywhere" in title.group(1)
    template = (REPO / "src" / "plancli" / "report" / "templates" / "report.html.j2").read_text()
    assert '<span class="chart-title">{{ c.title }}</span>' in template


# The print rules applied on screen (`@media print` → `@media all`) in a frame as wide as an A4
# page's text (186 mm ≈ 703 px): the widths of the first row of headline charts.
MEASURE = """
const frame = document.getElementById("page");
frame.addEventListener("load", () => {
  const widths = [...frame.contentDocument.querySelectorAll(".charts .chart")]
    .slice(0, 3).map((e) => Math.round(e.getBoundingClientRect().width));
  const out = document.createElement("pre");
  out.id = "measured";
  out.textContent = widths.join(" ");
  document.body.append(out);
});
"""


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed")
def test_printed_charts_keep_equal_columns_beside_a_long_name(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert CHROMIUM is not None
    plan = tmp_path / "plan2022.toml"
    text = (REPO / "data" / "plan2022.toml").read_text(encoding="utf-8")
    long_name = '=HYPERLINK(\\"http://evil.example\\",\\"点我\\")'
    text = text.replace('name = "地方一般公共预算收入"', f'name = "{long_name}"', 1)
    plan.write_text(text, encoding="utf-8")
    assert invoke("--plan", str(plan), "import", str(FIXTURES / "report-june.csv")).exit_code == 0
    result = invoke(
        "--plan", str(plan), "--lang", "zh", "report", "--as-of", "2022-06", "-f", "html"
    )
    assert result.exit_code == 0, result.output
    assert "HYPERLINK(" in result.stdout
    page = result.stdout.replace("@media print", "@media all")
    measured = measured_in_frame(page, 703, MEASURE, tmp_path, window=1000)
    widths = [int(w) for w in measured.split()]
    assert len(widths) == 3, widths
    assert max(widths) - min(widths) <= 2, widths  # before: the long name's column ~2x wider


# -------------------------------------------------------------------------------- D4


@pytest.mark.parametrize(
    ("fmt", "name", "implied"),
    [
        ("xlsx", "六月.md", "md"),
        ("md", "g.html", "html"),
        ("html", "j.XLSX", "xlsx"),
        ("xlsx", "k.htm", "html"),
        ("md", "m.markdown.xlsx", "xlsx"),
    ],
)
def test_a_format_contrary_to_the_suffix_is_refused(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, fmt: str, name: str, implied: str
) -> None:
    plan = tmp_path / "plan2022.toml"
    shutil.copyfile(REPO / "data" / "plan2022.toml", plan)
    out = tmp_path / name
    result = invoke("--plan", str(plan), "report", "-f", fmt, "-o", str(out))
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert f"--format {fmt}" in lines[0] and name in lines[0] and f"({implied})" in lines[0]
    assert str(out.with_suffix("." + fmt).name) in lines[0]  # the name it would take
    assert not out.exists()


@pytest.mark.parametrize(("fmt", "name"), [("md", "june.txt"), ("html", "j.HTM"), ("md", "a.md")])
def test_a_format_that_agrees_or_an_unknown_suffix_is_written(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, fmt: str, name: str
) -> None:
    plan = tmp_path / "plan2022.toml"
    shutil.copyfile(REPO / "data" / "plan2022.toml", plan)
    out = tmp_path / name
    result = invoke("--plan", str(plan), "report", "-f", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.exists()
