"""`plancli report`: Markdown against a golden file, HTML well-formed and offline, Excel with
the JSON contract's figures, and the output rules (stdout, atomic files, formats)."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

from plancli.report.markdown import escape
from plancli.report.xlsx import display_width

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]
EPOCH = "1657008000"  # 2022-07-05 08:00 UTC: the report's date, fixed
# Regenerate the golden files only deliberately: PLANCLI_REGEN_GOLDEN=1 pytest tests/test_report.py
REGEN = os.environ.get("PLANCLI_REGEN_GOLDEN") == "1"


def report(invoke, plan: Path, *args: str, lang: str = "en") -> str:  # type: ignore[no-untyped-def]
    result = invoke("--plan", str(plan), "--lang", lang, "report", "--as-of", "2022-06", *args)
    assert result.exit_code == 0, result.output
    return result.stdout  # type: ignore[no-any-return]


# ---------------------------------------------------------------------------- Markdown


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_matches_the_golden_file(invoke, june: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    text = report(invoke, june, "--format", "md", lang=lang)
    golden = FIXTURES / f"report-june.{lang}.md"
    if REGEN:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_markdown_carries_the_figures_of_the_assessment(invoke, june: Path) -> None:  # type: ignore[no-untyped-def]
    text = report(invoke, june)  # md is the default on stdout
    assert "As of June 2022 (time progress 50%), of the 80 targets 1 is met" in text
    # 5G: 120 of 310 → 38.71%, 11.29 pp behind pace, 31.67 a month, written 32 (whole things)
    row = next(line for line in text.splitlines() if line.startswith("| New 5G base stations"))
    assert "120 个 / ≥ 310 个" in row
    assert "| 38.71% | 50% | -11.29 | 32 个 a month |" in row
    assert "rest of year needs 8.72%" in text  # GDP: 5.0% with 700 亿元 at H1
    funds = next(line for line in text.splitlines() if line.startswith("| Funds from outside"))
    assert "| at risk |" in funds and "| 40% |" in funds and "12.5 亿元 a month" in funds
    # the done one named since session 43 (test_walk_guandu_s43)
    assert "1 of 27 milestones done: Guandu FTZ enterprise service centre built and in use." in text


def test_a_chinese_reports_own_sentences_use_tidy_name(invoke, june: Path) -> None:  # type: ignore[no-untyped-def]
    """A bureau's report is typeset with full-width punctuation, as the summary is; the
    report's other sentences mixed in ASCII (节点目标已完成1项,共27项。 / 平均完成率:… /
    生成(计划 guandu-2022)). The plan's own text (固定资产投资(不含农户)) stays as written."""
    markdown = report(invoke, june, "--format", "md", lang="zh")
    assert "节点目标27项，已完成1项：建成投入使用官渡区域企业服务中心。" in markdown  # session 43
    # the footnote now also says what a roll-up counts (audit M, D5)
    assert (
        "平均完成率：本领域已有数据的累计类和节点类目标完成率的平均值（超过100%按100%计；"
        "合计类目标按合计计入一项，其构成不另计），"
    ) in markdown
    assert "## 政府投资计划（亿元）" in markdown
    assert "由 plancli 于2022-07-05根据27条记录生成（计划 guandu-2022）。" in markdown
    assert "| 固定资产投资(不含农户) |" in markdown
    html = report(invoke, june, "--format", "html", lang="zh")
    # the line under the title dates the report as its summary does (it read 截至2022-06)
    assert "截至2022年6月，时间进度50%。" in html
    assert "政府投资：完成率与应完成进度" in html
    # the headline charts draw levels (失业率 4.2%) too, not only growth: not 累计增速与目标
    assert "主要指标：数据走势与目标" in html and "累计增速" not in html
    assert "色条：完成率；竖线：应完成进度" in html
    # the line is every figure recorded, a level's too (失业率 4.2% is no 累计数据: session 37)
    assert "实线：录入数据；虚线：目标；浅色区域：符合目标的范围（X左右：容差以内）" in html


def test_markdown_escapes_what_markdown_would_read_as_syntax() -> None:
    assert escape("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>"
    assert escape("a | b\nc") == "a \\| b c"
    assert escape("**bold** _x_ [link](u)") == "\\*\\*bold\\*\\* \\_x\\_ \\[link\\](u)"


def test_no_records_still_makes_a_report(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "plan2022.toml"
    shutil.copyfile(REPO / "data" / "plan2022.toml", plan)
    for fmt in ("md", "html"):
        result = invoke("--plan", str(plan), "report", "--format", fmt)
        assert result.exit_code == 0, result.output
        assert "No figures recorded yet" in result.stdout


# -------------------------------------------------------------------------------- HTML


class Checker(HTMLParser):
    """Balanced tags (void elements aside), and every attribute and text seen."""

    VOID = frozenset({"meta", "link", "br", "hr", "img", "input", "col", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def checked(page: str) -> Checker:
    checker = Checker()
    checker.feed(page)
    checker.close()
    assert checker.errors == []
    assert checker.stack == []
    return checker


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_html_is_well_formed_self_contained_and_charted(invoke, june: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    page = report(invoke, june, "--format", "html", lang=lang)
    assert page.startswith("<!DOCTYPE html>")
    checker = checked(page)
    for forbidden in ("http://", "https://", "//cdn", "<script", "<link", "url(", "@import"):
        assert forbidden not in page
    assert f'<html lang="{"zh-CN" if lang == "zh" else "en"}">' in page
    assert '<meta charset="utf-8">' in page
    assert "@page { size: A4" in page and "@media print" in page
    assert '"Noto Sans CJK SC"' in page
    # charts: 7 headline lines, the section bars and the investment bars
    assert checker.tags.count("figure") == 7
    assert page.count('class="bar-row') == 5 + 7
    text = "".join(checker.text)
    assert ("新建5G基站" if lang == "zh" else "New 5G base stations") in text
    assert "38.71%" in text and "-11.29" in text


def test_html_and_markdown_show_the_same_tables(invoke, june: Path) -> None:  # type: ignore[no-untyped-def]
    markdown = report(invoke, june, "-f", "md")
    page = report(invoke, june, "-f", "html")
    text = " ".join("".join(checked(page).text).split())
    for line in markdown.splitlines():
        if line.startswith("| ") and not line.startswith("| ---"):
            for cell in line.strip("| ").split(" | "):
                shown = cell.replace("\\", "").strip("*").strip()
                assert shown in text, f"{shown!r} of the Markdown is not in the HTML"


def test_html_escapes_user_text(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "evil.toml"
    toml = (FIXTURES / "assess.toml").read_text(encoding="utf-8")
    evil = "<script>alert(1)</script>"
    toml = toml.replace('name_en = "New 5G base stations"', f'name_en = "{evil}"')
    toml = toml.replace('name = "地区生产总值"', 'name = "GDP & <b>“增长”</b>"')
    plan.write_text(toml, encoding="utf-8")
    figures = tmp_path / "in.csv"
    figures.write_text(
        'target,period,value,amount,note\nnew_5g_base_stations,2022-06,120,,\ngdp,2022-Q2,5,700,""\n',
        encoding="utf-8",
    )
    assert invoke("--plan", str(plan), "import", str(figures)).exit_code == 0
    page = invoke("--plan", str(plan), "report", "-f", "html").stdout
    assert evil not in page and "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    checked(page)
    zh = invoke("--plan", str(plan), "--lang", "zh", "report", "-f", "html").stdout
    assert "<b>“增长”" not in zh and "GDP &amp; &lt;b&gt;“增长”&lt;/b&gt;" in zh
    markdown = invoke("--plan", str(plan), "report", "-f", "md").stdout
    assert "\\<script\\>alert(1)\\</script\\>" in markdown


# -------------------------------------------------------------------------------- Excel


def test_xlsx_has_the_json_contract_figures(invoke, june: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    out = tmp_path / "june.xlsx"
    result = invoke("--plan", str(june), "report", "--as-of", "2022-06", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"wrote {out} (xlsx, as of 2022-06" in result.stderr
    gap = json.loads(
        invoke("--plan", str(june), "gap", "--as-of", "2022-06", "--sort", "plan", "--json").stdout
    )
    book = load_workbook(out)
    assert book.sheetnames == ["summary", "assessments", "records"]
    sheet = book["assessments"]
    header = [c.value for c in sheet[1]]
    assert header[:7] == ["id", "section", "name", "name_en", "kind", "unit", "status"]
    assert sheet.freeze_panes == "A2"
    rows = {
        row[0]: dict(zip(header, row, strict=True))
        for row in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert len(rows) == len(gap["targets"])
    for target in gap["targets"]:
        row = rows[target["id"]]
        for field in header:
            expected = target[field]
            if isinstance(expected, list):
                expected = ";".join(expected) or None
            assert row[field] == expected, (target["id"], field)
    g5 = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "new_5g_base_stations")
    cells = dict(zip(header, g5, strict=True))
    assert cells["completion"].number_format == "0.00%"
    assert cells["status"].fill.fgColor.rgb.endswith("FFEBE9")  # behind: red
    # Names longer than 30 columns wrap (for print) instead of widening the column further.
    assert sheet.column_dimensions["C"].width == 30
    centre = next(
        r for r in sheet.iter_rows(min_row=2) if r[0].value == "enterprise_service_centre_opened"
    )
    assert display_width(centre[2].value) > 30 and centre[2].alignment.wrap_text
    records = book["records"]
    periods = [row[2] for row in records.iter_rows(min_row=2, values_only=True)]
    assert "2022-07" not in periods and len(periods) == 27  # up to the as-of period
    g5_record = next(
        r for r in records.iter_rows(min_row=2, values_only=True) if r[0] == "new_5g_base_stations"
    )
    assert g5_record[1] == "New 5G base stations" and g5_record[3] == 120


def test_xlsx_is_dated_by_the_report_not_the_clock(invoke, june: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """openpyxl stamps the properties and every zip entry with the time of saving; plancli
    dates them by SOURCE_DATE_EPOCH (here 2022-07-05), so the same ledger gives the same
    bytes, as the Markdown and HTML do."""
    import zipfile

    outputs = [tmp_path / "a.xlsx", tmp_path / "b.xlsx"]
    for out in outputs:
        assert invoke("--plan", str(june), "report", "-o", str(out)).exit_code == 0
    template = tmp_path / "t.xlsx"
    assert invoke("--plan", str(june), "template", "-p", "2022-07", str(template)).exit_code == 0
    # The report is dated by its day (midnight), the template by the moment itself.
    for book, hour in ((outputs[0], 0), (outputs[1], 0), (template, 8)):
        with zipfile.ZipFile(book) as archive:
            assert {info.date_time for info in archive.infolist()} == {(2022, 7, 5, hour, 0, 0)}
            core = archive.read("docProps/core.xml").decode()
        assert core.count(f"2022-07-05T{hour:02}:00:00Z") == 2  # created and modified
    assert outputs[0].read_bytes() == outputs[1].read_bytes()


def test_display_width_counts_chinese_as_two() -> None:
    assert display_width("5G基站") == 6
    assert display_width("abc") == 3


# --------------------------------------------------------------------- output and errors


def test_formats_come_from_the_option_or_the_suffix(invoke, june: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for name, start in (("r.md", b"# "), ("r.html", b"<!DOCTYPE html>"), ("r.xlsx", b"PK")):
        result = invoke("--plan", str(june), "report", "-o", str(tmp_path / name))
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).read_bytes().startswith(start)
    result = invoke("--plan", str(june), "report", "-o", str(tmp_path / "r.pdf"))
    assert result.exit_code == 2
    assert "give --format md, html or xlsx" in result.stderr
    result = invoke("--plan", str(june), "report", "--format", "pdf")
    assert result.exit_code == 2 and "choose md, html or xlsx" in result.stderr


def test_an_existing_report_is_replaced_atomically(invoke, june: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "june.html"
    out.write_text("old", encoding="utf-8")
    result = invoke("--plan", str(june), "report", "-o", str(out))
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_an_unwritable_output_is_one_line_and_exit_2(invoke, june: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--plan", str(june), "report", "-o", str(tmp_path / "nowhere" / "r.md"))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "does not exist" in result.stderr
    result = invoke("--plan", str(june), "report", "-f", "md", "-o", str(tmp_path))
    assert result.exit_code == 2 and "is a folder" in result.stderr


def test_xlsx_on_stdout_only_when_it_is_not_a_terminal(  # type: ignore[no-untyped-def]
    invoke, june: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook

    from plancli.cli import report_cmds
    from plancli.report import xlsx

    result = invoke("--plan", str(june), "report", "-f", "xlsx", "-o", "-")
    assert result.exit_code == 0
    assert load_workbook(io.BytesIO(result.stdout_bytes)).sheetnames == [
        "summary",
        "assessments",
        "records",
    ]
    monkeypatch.setattr(report_cmds, "_stdout_is_terminal", lambda: True)
    built: list[object] = []
    monkeypatch.setattr(xlsx, "report_workbook", lambda *args: built.append(args) or b"PK")
    result = invoke("--plan", str(june), "report", "-f", "xlsx")
    assert result.exit_code == 2
    assert "stdout is a terminal; give -o FILE.xlsx" in result.stderr
    assert result.stdout_bytes == b""
    assert built == []  # refused before the workbook was built, not after


def test_bad_as_of_is_exit_2(invoke, june: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--plan", str(june), "report", "--as-of", "2022-13")
    assert result.exit_code == 2 and "malformed period" in result.stderr


def test_the_report_date_follows_source_date_epoch(invoke, june: Path) -> None:  # type: ignore[no-untyped-def]
    assert "Generated by plancli on 2022-07-05" in report(invoke, june)
    assert date(2022, 7, 5).isoformat() in report(invoke, june, "-f", "html")


def test_start_up_does_not_import_the_report_libraries() -> None:
    code = (
        "import sys; import plancli.cli; "
        "bad = [m for m in ('jinja2', 'openpyxl') if m in sys.modules]; "
        "sys.exit(f'imported at start-up: {bad}' if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_report_figures_are_exact(invoke, june: Path) -> None:  # type: ignore[no-untyped-def]
    from plancli.assess import assess_plan
    from plancli.periods import parse_period
    from plancli.plan import load_plan_file
    from plancli.report.model import build_report
    from plancli.stores import read_records

    plan = load_plan_file(june)
    records = read_records(june.with_name("plan2022.progress.toml"))
    built = build_report(assess_plan(plan, records, parse_period("2022-06")), records)
    investment = next(s for s in built.sections if s.id == "investment")
    # the total's completion (22.9 / 58.72): its six parts count through it, not beside it
    # (their mean with the total's was 0.3941)
    assert investment.completion == Decimal("0.39")
    assert investment.paced == 1
    assert investment.expected_share == Decimal("0.5")
    assert [a.id for a in built.attention][:2] == [
        "metaverse_demo_base_landed",
        "investment_ecology",
    ]


def test_year_end_report_of_the_2021_plan(invoke) -> None:  # type: ignore[no-untyped-def]
    text = invoke("--plan", "guandu-2021", "report").stdout
    assert "For the whole of 2021 (time progress 100%), of the 7 targets 5 were met" in text
    # at the year's end the amount the ledger holds, as the bureau states a result
    assert (
        "Gross regional product (GDP) grew 0.3% to 1441.37 亿元, 7.7 pp below the target "
        "(8%)."  # the 2021 plan's 增长8%: no 以上 (audit M, D8)
    ) in text
    assert "## Targets missed, behind or at risk" in text
    assert "| Gross regional product (GDP) | Headline targets | missed |" in text
    assert "## Investment plan" not in text  # the 2021 plan has no investment section
    page = invoke("--plan", "guandu-2021", "--lang", "zh", "report", "-f", "html").stdout
    checked(page)
    assert "<h2>未完成、滞后和存在风险的目标</h2>" in page


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plancli.errors import InputError
    from plancli.report import files

    out = tmp_path / "june.html"
    out.write_text("the old report", encoding="utf-8")

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", full_disk)
    with pytest.raises(InputError, match=r"cannot write .*june\.html: No space left on device"):
        files.write_atomically(out, b"<!DOCTYPE html>")
    assert out.read_text(encoding="utf-8") == "the old report"
    assert [p.name for p in tmp_path.iterdir()] == ["june.html"]


@pytest.mark.parametrize("which", ["plan", "ledger"])
def test_a_report_is_never_written_over_the_plan_or_the_ledger_in_use(
    invoke, june: Path, which: str
) -> None:  # type: ignore[no-untyped-def]
    """`report --format html -o plan2022.progress.toml` (a file name completed by the shell's
    tab) replaced the half-year's ledger with a web page, and the plan likewise: every command
    then stopped on an invalid file, the figures gone."""
    target = june if which == "plan" else june.with_name("plan2022.progress.toml")
    before = target.read_bytes()
    result = invoke("--plan", str(june), "report", "--format", "html", "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {target} is the {which} in use: a report would replace it; give the report "
        "another name (june.html)\n"
    )
    assert target.read_bytes() == before
    chinese = invoke("--lang", "zh", "--plan", str(june), "report", "-f", "md", "-o", str(target))
    assert chinese.exit_code == 2 and "报告会覆盖它" in chinese.stderr
    assert target.read_bytes() == before


def test_the_chinese_as_of_line_is_dated_in_chinese(invoke, june: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The line under a Chinese report's title read 截至2022-06 (ISO), the summary just below
    截至2022年6月: a leadership report dates itself one way."""
    from openpyxl import load_workbook

    out = tmp_path / "june.xlsx"
    made = invoke(
        "--plan", str(june), "--lang", "zh", "report", "--as-of", "2022-Q2", "-o", str(out)
    )
    assert made.exit_code == 0, made.stderr
    assert load_workbook(out)["文字说明"]["A2"].value == "截至2022年二季度末，时间进度50%。"
    year = invoke("--plan", str(june), "--lang", "zh", "report", "-f", "html", "--as-of", "2022")
    assert "2022年全年，时间进度100%。" in year.stdout
    english = report(invoke, june, "--format", "html")
    assert "As of 2022-06; time progress 50%." in english


def test_a_relative_target_names_its_reference_until_the_reference_has_a_figure(
    invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Shaanxi's investment is to grow 不低于全国平均水平: before the national figure comes
    out, the report's target column said `≥ national_fai_growth`, an id a leader cannot
    read. It names the reference, as the summary does: in Chinese its name, in English its
    English name; once the national figure is recorded, the figure itself (≥ 4.5%)."""
    ledger = str(tmp_path / "sx.progress.toml")
    base = ("--plan", "shaanxi-2026", "--ledger", ledger)
    for target, value in (("fixed_asset_investment", "5"), ("gdp", "5.2")):
        assert invoke(*base, "record", target, value, "--period", "2026-06").exit_code == 0

    def made(lang: str, fmt: str) -> str:
        result = invoke(*base, "--lang", lang, "report", "--format", fmt)
        assert result.exit_code == 0, result.output
        return result.stdout  # type: ignore[no-any-return]

    zh, en = made("zh", "md"), made("en", "md")
    # with its own figure in, the cell says the reference is what is missing (audit C §1)
    assert "| 固定资产投资 | ≥ 全国固定资产投资增速（同期尚无数据） | 5% |" in zh
    assert "| 居民收入（与全国平均水平比较） | \\> 全国居民收入增速 |" in zh
    fai_en = "≥ National fixed-asset investment growth (not yet out for 2026-06)"
    assert f"| Fixed-asset investment | {fai_en} | 5% |" in en
    assert "national\\_fai\\_growth" not in zh + en
    html = made("zh", "html")
    assert "≥ 全国固定资产投资增速" in html and "national_fai_growth" not in html.split("<svg")[0]
    out = tmp_path / "sx.xlsx"
    assert invoke(*base, "--lang", "zh", "report", "-o", str(out)).exit_code == 0
    from openpyxl import load_workbook

    cells = {c.value for row in load_workbook(out)["文字说明"].iter_rows() for c in row}
    assert "≥ 全国固定资产投资增速（同期尚无数据）" in cells
    assert not any("national_fai_growth" in str(cell) for cell in cells)
    assert invoke(*base, "record", "national_fai_growth", "4.5", "-p", "2026-06").exit_code == 0
    assert "| 固定资产投资 | ≥ 4.5% | 5% |" in made("zh", "md")


@pytest.mark.parametrize(
    ("lang", "note"),
    [("zh", "* 最新数据早于应报送期"), ("en", "* the latest figure is older than the target's")],
)
def test_the_xlsx_summary_explains_the_star_of_a_stale_figure(
    invoke, tmp_path: Path, lang: str, note: str
) -> None:  # type: ignore[no-untyped-def]
    """Shaanxi's GDP is quarterly: as of June, a first-quarter 5.2 % is a quarter late and
    the headline table marks it `5.2% *`. The Markdown and HTML reports say what the star
    means under the table; the xlsx summary sheet, the page a leader prints, did not."""
    ledger = str(tmp_path / "sx.progress.toml")
    base = ("--plan", "shaanxi-2026", "--ledger", ledger)
    assert invoke(*base, "record", "gdp", "5.2", "-p", "2026-Q1").exit_code == 0
    assert invoke(*base, "record", "cpi", "0.8", "-p", "2026-06").exit_code == 0
    out = tmp_path / "june.xlsx"
    result = invoke(*base, "--lang", lang, "report", "--as-of", "2026-06", "-o", str(out))
    assert result.exit_code == 0, result.output
    from openpyxl import load_workbook

    texts = [c.value for row in load_workbook(out).worksheets[0].iter_rows() for c in row]
    texts = [value for value in texts if isinstance(value, str)]
    assert "5.2% *" in texts  # the headline table's figure, marked
    assert any(value.startswith(note) for value in texts), texts[-3:]
    # and a report without a stale figure has no such line
    assert invoke(*base, "record", "gdp", "5.1", "-p", "2026-Q2").exit_code == 0
    again = invoke(*base, "--lang", lang, "report", "--as-of", "2026-06", "-o", str(out))
    assert again.exit_code == 0, again.output
    texts = [c.value for row in load_workbook(out).worksheets[0].iter_rows() for c in row]
    assert not any(isinstance(value, str) and value.startswith("* ") for value in texts)
