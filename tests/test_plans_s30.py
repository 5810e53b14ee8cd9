"""Session 30 (plans): a plan's ids and a water class's worst reading. A duplicated id that
is no id (`GDP growth`) had no line; derived section ids followed the order of first use (an
edit that moved a target renamed them); `section = "headline"` beside `section = "主要预期目标"`
made two sections; 劣Ⅴ类 could not be recorded, 2.5 类 was taken as a class; a PostgreSQL
URL's password mask hid the keys after it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

_GROWTH = """
[[targets]]
id = "{id}"
section = "{section}"
name = "{name}"
kind = "growth"
unit = "%"
min = 5
"""

_HEAD = '[plan]\nid = "t"\nname = "T"\nyear = 2026\n'


def _plan(tmp_path: Path, *targets: tuple[str, str, str]) -> Path:
    path = tmp_path / "t.toml"
    body = "".join(_GROWTH.format(id=i, section=s, name=n) for i, s, n in targets)
    path.write_text(_HEAD + body, encoding="utf-8")
    return path


def test_an_id_given_twice_is_at_each_of_its_lines(invoke: Any, tmp_path: Path) -> None:
    """Two targets `id = "GDP growth"` said `duplicate target id 'GDP growth'` with no line
    (a pattern of the message read ids of ASCII letters only); a valid id said only its last."""
    for id in ("GDP growth", "gdp"):
        plan = _plan(tmp_path, (id, "主要预期目标", "地区生产总值"), (id, "主要预期目标", "投资"))
        result = invoke("--plan", str(plan), "validate")
        assert result.exit_code == 3, result.output
        assert f"line 15: duplicate target id '{id}' (also at line 7)" in result.stderr, id


def test_a_urls_password_mask_hides_the_password_alone(invoke: Any, tmp_path: Path) -> None:
    """`password=x&x=%ZZ` was shown `password=***`: the key=value pattern run over the whole
    message took `***&x=%ZZ:` for the password, hiding the `%ZZ` libpq's error is about (the
    real libpq reads the string: no server is needed to refuse it)."""
    plan = _plan(tmp_path, ("gdp", "主要预期目标", "地区生产总值"))
    for url, shown in (
        (
            "postgresql://u:secret@h/db?password=x&x=%ZZ",
            "postgresql://u:***@h/db?password=***&x=%ZZ",
        ),
        (
            "postgresql://u@h/db?password=x&x=%ZZ&sslmode=disable",
            "?password=***&x=%ZZ&sslmode=disable",
        ),
        ("postgresql://u@h/db?x=%ZZ&password=s3cret", "postgresql://u@h/db?x=%ZZ&password=***"),
    ):
        result = invoke("--plan", str(plan), "--ledger", url, "status")
        assert result.exit_code == 2, result.output
        said = result.stderr
        assert f"{shown}: not a connection string libpq reads: " in said, said
        assert 'invalid percent-encoded token: "%ZZ"' in said
        assert "secret" not in said and "s3cret" not in said and "=x" not in said


# 江苏 确保长江干流江苏段水质保持Ⅱ类, as a level with its ceiling (the s29 water fixture)
_WATER = """[plan]
id = "js-2026"
name = "江苏"
name_en = "Jiangsu"
year = 2026

[[targets]]
id = "yangtze"
section = "深入推进绿色低碳发展"
name = "长江干流江苏段水质"
name_en = "Yangtze water class"
kind = "level"
unit = "类"
max = 3
frequency = "annual"
quote = "确保长江干流江苏段水质保持Ⅱ类"
"""


def _water(tmp_path: Path, invoke: Any, text: str = _WATER) -> Any:
    plan, ledger = tmp_path / "js.toml", tmp_path / "js.progress.toml"
    plan.write_text(text, encoding="utf-8")

    def run(*args: str, lang: str = "en") -> Any:
        return invoke("--lang", lang, "--plan", str(plan), "--ledger", str(ledger), *args)

    return run


def test_worse_than_class_five_is_recorded_and_missed(invoke: Any, tmp_path: Path) -> None:
    """`record yangtze 劣Ⅴ类` said `not a number`: 劣Ⅴ类 (worse than class Ⅴ) is a reading
    bulletins give. It is recorded (as 6: worse than every class), a ceiling of Ⅲ类 is missed,
    and every output a person reads says 劣Ⅴ类."""
    water = _water(tmp_path, invoke)
    for typed in ("劣Ⅴ类", "劣V类", "劣Ⅴ"):
        recorded = water("record", "yangtze", typed, "-p", "2026")
        assert recorded.exit_code == 0, recorded.output
    assert "yangtze 2026 = 劣Ⅴ类" in water("record", "yangtze", "劣Ⅴ类", "-p", "2026").stderr
    assert "value = 6\n" in (tmp_path / "js.progress.toml").read_text(encoding="utf-8")
    gap = water("gap").stdout
    assert "missed" in gap and "劣Ⅴ类/≤Ⅲ类" in gap
    show = water("show", "yangtze").stdout
    assert "actual  劣Ⅴ类" in show and "6 类" not in show
    assert water("gap", "--json").stdout.count('"status": "missed"') == 1
    report = tmp_path / "r.md"
    assert water("report", "-o", str(report), lang="zh").exit_code == 0
    assert "长江干流江苏段水质（劣Ⅴ类，目标Ⅲ类）" in report.read_text(encoding="utf-8")
    book = tmp_path / "r.xlsx"
    assert water("report", "-o", str(book)).exit_code == 0
    from openpyxl import load_workbook

    sheets = load_workbook(book)
    actual = sheets["assessments"].cell(2, 8)  # (the number kept for a formula or a sort)
    assert (actual.value, actual.number_format) == (6, '"劣Ⅴ类"')
    assert sheets["records"].cell(2, 4).number_format == '"劣Ⅴ类"'
    amended = water("amend", "yangtze", "--max", "劣Ⅴ类", "--from", "2026-06")
    assert amended.exit_code == 0 and "≤ 劣Ⅴ类 (was ≤ Ⅲ类" in amended.stderr


def test_an_import_cell_of_worse_than_class_five(invoke: Any, tmp_path: Path) -> None:
    water = _water(tmp_path, invoke)
    sheet = tmp_path / "in.csv"
    sheet.write_text("target,period,value\nyangtze,2026,劣Ⅴ类\n", encoding="utf-8")
    assert water("import", str(sheet)).exit_code == 0
    assert "劣Ⅴ类/≤Ⅲ类" in water("gap").stdout


def test_a_figure_that_is_no_class_is_refused(invoke: Any, tmp_path: Path) -> None:
    """2.5 (and 7, 0) in 类 was recorded and shown `2.5 类`, a bound `max = 2.5` taken: a class
    is a whole number, Ⅰ类–Ⅴ类 or 劣Ⅴ类."""
    water = _water(tmp_path, invoke)
    for wrong in ("2.5", "7", "0"):
        result = water("record", "yangtze", wrong, "-p", "2026")
        assert result.exit_code == 2, wrong
        assert f"yangtze: {wrong} is no water class" in result.stderr
    sheet = tmp_path / "in.csv"
    sheet.write_text("target,period,value\nyangtze,2026,3\nyangtze,2026,2.5\n", encoding="utf-8")
    imported = water("import", str(sheet))
    assert imported.exit_code == 2 and "in.csv:3: yangtze: 2.5 is no water class" in imported.stderr
    assert not (tmp_path / "js.progress.toml").exists()  # all rows or none
    amended = water("amend", "yangtze", "--max", "2.5", "--from", "2026-06")
    assert amended.exit_code == 2 and "--max 2.5: no water class" in amended.stderr
    bad = _water(tmp_path, invoke, _WATER.replace("max = 3", "max = 2.5"))("validate")
    assert bad.exit_code == 3
    assert "js.toml: line 14: target yangtze: max: 2.5 is no water class" in bad.stderr


def _sections(invoke: Any, plan: Path) -> list[tuple[str, str]]:
    import json

    status = json.loads(invoke("--plan", str(plan), "status", "--json").stdout)
    return [(s["id"], s["name"]) for s in status["sections"]]


def test_a_derived_section_id_does_not_move_with_its_targets(invoke: Any, tmp_path: Path) -> None:
    """Without [[sections]], 民生实事 was `section_2` while its target came second and
    `section_1` once it was moved to the top: every export's `section` renamed by an edit."""
    jobs = ("new_jobs", "民生实事", "城镇新增就业")
    gdp = ("gdp", "主要预期目标", "地区生产总值增长")
    green = ("forest", "生态环境", "森林覆盖率")
    first = _sections(invoke, _plan(tmp_path, gdp, jobs, green))
    assert first == [
        ("headline", "主要预期目标"),
        ("section_c9126b", "民生实事"),
        ("section_9e48b5", "生态环境"),
    ]
    moved = _sections(invoke, _plan(tmp_path, green, jobs, gdp))
    assert sorted(moved) == sorted(first) and moved[0] == ("section_9e48b5", "生态环境")
    targets = invoke("--plan", str(tmp_path / "t.toml"), "targets", "--csv").stdout
    assert "new_jobs,section_c9126b,城镇新增就业" in targets


def test_headline_and_its_title_are_one_section(invoke: Any, tmp_path: Path) -> None:
    """`section = "headline"` beside `section = "主要预期目标"` made two sections, `headline`
    and `section_2` (named 主要预期目标): the headline block showed half the targets."""
    plan = _plan(
        tmp_path,
        ("gdp", "headline", "地区生产总值增长"),
        ("income", "主要预期目标", "居民人均可支配收入增长"),
    )
    assert _sections(invoke, plan) == [("headline", "主要预期目标")]
    listed = invoke("--plan", str(plan), "targets", "--csv").stdout.splitlines()
    assert [row.split(",")[1] for row in listed[1:]] == ["headline", "headline"]
    assert invoke("--plan", str(plan), "validate").exit_code == 0


def test_a_class_cell_of_the_reports_xlsx_imports_as_its_class(invoke: Any, tmp_path: Path) -> None:
    """The report's xlsx shows 6 in 类 as 劣Ⅴ类 by the number format `"劣Ⅴ类"`; a cell copied
    from it into an import sheet was refused (`shows as text, not as a figure`). A format
    that shows another class than the value is still refused."""
    from openpyxl import Workbook

    water = _water(tmp_path, invoke)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["target", "period", "value"])
    sheet.append(["yangtze", "2026", 6])
    sheet.cell(2, 3).number_format = '"劣Ⅴ类"'
    book.save(tmp_path / "ok.xlsx")
    assert water("import", str(tmp_path / "ok.xlsx")).exit_code == 0
    assert "劣Ⅴ类/≤Ⅲ类" in water("gap").stdout
    sheet.cell(2, 3).value = 5  # 5 shown as 劣Ⅴ类: which is meant is not known
    book.save(tmp_path / "wrong.xlsx")
    wrong = water("import", str(tmp_path / "wrong.xlsx"))
    assert wrong.exit_code == 2 and "shows as text, not as a figure" in wrong.stderr


def test_worse_than_class_five_spaced_as_a_pdf_copies_it(invoke: Any, tmp_path: Path) -> None:
    """(verify s30) `劣 Ⅴ 类` and `劣 V类` — a bulletin's cell as pdftotext copies it, a space
    between the Chinese and the numeral — were `not a number`, though `Ⅱ 类` was read as Ⅱ类."""
    water = _water(tmp_path, invoke)
    for typed in ("劣 Ⅴ 类", "劣 V类", "劣Ⅴ 类"):
        recorded = water("record", "yangtze", typed, "-p", "2026")
        assert recorded.exit_code == 0, (typed, recorded.output)
        assert "yangtze 2026 = 劣Ⅴ类" in recorded.stderr
    sheet = tmp_path / "in.csv"
    sheet.write_text("target,period,value\nyangtze,2026,劣 Ⅴ 类\n", encoding="utf-8")
    assert water("import", str(sheet)).exit_code == 0


def test_an_unknown_section_names_the_derived_ids_titles_in_english(
    invoke: Any, tmp_path: Path
) -> None:
    """(verify s30) `--section nope` in English listed `sections are: headline, section_c9126b,
    section_9e48b5`: a digest says nothing of which section it is (Chinese listed the titles).
    A derived id is listed with its title; a readable one as before."""
    plan = _plan(
        tmp_path,
        ("gdp", "主要预期目标", "地区生产总值增长"),
        ("new_jobs", "民生实事", "城镇新增就业"),
    )
    result = invoke("--lang", "en", "--plan", str(plan), "targets", "--section", "nope")
    assert result.exit_code == 2
    assert "sections are: headline, section_c9126b (民生实事)" in result.stderr, result.stderr


def test_an_id_given_three_times_is_one_error(invoke: Any, tmp_path: Path) -> None:
    """(verify s30) three targets `id = "gdp"` printed `line 23: duplicate target id 'gdp'
    (also at line 7, 15)` twice, word for word: one error, naming every line."""
    plan = _plan(
        tmp_path,
        ("gdp", "主要预期目标", "地区生产总值"),
        ("gdp", "主要预期目标", "投资"),
        ("gdp", "主要预期目标", "消费"),
    )
    result = invoke("--plan", str(plan), "validate")
    assert result.exit_code == 3, result.output
    said = "line 23: duplicate target id 'gdp' (also at line 7, 15)"
    assert result.stderr.count(said) == 1, result.stderr


def test_a_cell_shown_as_a_class_is_no_figure_of_a_target_in_per_cent(
    invoke: Any, tmp_path: Path
) -> None:
    """(verify s30) A cell 2 shown `Ⅱ类` (the report's xlsx format, 4329070e) imported into
    retail_sales, a growth in %, was recorded as 2 %: the format was read as a class whatever
    the row's target. The cell reads as what it shows, Ⅱ类: a class for a target in 类, and for
    one in % refused as before (the row named)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["target", "period", "value"])
    sheet.append(["retail_sales", "2022-06", 2])
    sheet.cell(2, 3).number_format = '"Ⅱ类"'
    book.save(tmp_path / "in.xlsx")
    ledger = tmp_path / "p.progress.toml"
    result = invoke("--ledger", str(ledger), "import", str(tmp_path / "in.xlsx"))
    assert result.exit_code == 2, result.output
    assert ":2:" in result.stderr and "Ⅱ类" in result.stderr, result.stderr
    assert not ledger.exists()
