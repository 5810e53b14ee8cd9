"""Session 29 (verify2): what a user met trying the session's new water classes, rate ids and
ledger names. A class recorded in 类 is `Ⅱ类` in every output, not only `show` (gap's
`2/≤Ⅲ类`, the report's `2 类, within the adjusted ceiling of 3 类`), and is typed as `show`
writes it everywhere a figure is typed (`record … 2类`, `amend --max Ⅲ类`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

# 江苏 确保长江干流江苏段水质保持Ⅱ类, as a level with its ceiling (an analyst's reading)
_PLAN = """[plan]
id = "js-2026"
name = "江苏"
name_en = "Jiangsu"
year = 2026

[[sections]]
id = "work_7"
name = "深入推进绿色低碳发展"
name_en = "Green"

[[targets]]
id = "yangtze"
section = "work_7"
name = "长江干流江苏段水质"
name_en = "Yangtze water class"
kind = "level"
unit = "类"
max = 2
frequency = "annual"
quote = "确保长江干流江苏段水质保持Ⅱ类"
"""


@pytest.fixture
def water(tmp_path: Path, invoke: Any) -> Any:
    plan, ledger = tmp_path / "js.toml", tmp_path / "js.progress.toml"
    plan.write_text(_PLAN, encoding="utf-8")

    def run(*args: str, lang: str = "en") -> Any:
        return invoke("--lang", lang, "--plan", str(plan), "--ledger", str(ledger), *args)

    return run


def test_a_class_is_typed_as_it_is_shown(water: Any) -> None:
    """`record yangtze 2类` said `the figure with a unit (类); give the number alone, in the
    plan's unit (类)`, while Ⅱ类 and II类 were taken; `amend --max Ⅲ类` said `not a number`
    while amend's own answer writes `≤ Ⅲ类`."""
    recorded = water("record", "yangtze", "2类", "-p", "2026")
    assert recorded.exit_code == 0, recorded.output
    assert "yangtze 2026 = Ⅱ类" in recorded.stdout + recorded.stderr
    assert water("record", "yangtze", "３类", "-p", "2026").exit_code == 0
    amended = water("amend", "yangtze", "--max", "Ⅲ类", "--from", "2026-06")
    assert amended.exit_code == 0, amended.output
    assert "≤ Ⅲ类 (was ≤ Ⅱ类" in amended.stdout + amended.stderr
    for wrong in ("6类", "2.5类", "Ⅵ类"):  # no class Ⅰ–Ⅴ: refused as before
        assert water("record", "yangtze", wrong, "-p", "2026-H1").exit_code == 2, wrong


def test_a_class_is_shown_as_a_class_in_gap_and_the_report(water: Any, tmp_path: Path) -> None:
    """gap's cell said `2/≤Ⅲ类†`; the report's summary `长江干流江苏段水质: 2 类, within the
    adjusted ceiling of 3 类 (plan: 2 类)` (为2类，低于调整后3类的控制目标（原计划2类）)."""
    assert water("record", "yangtze", "Ⅱ类", "-p", "2026").exit_code == 0
    assert water("amend", "yangtze", "--max", "3", "--from", "2026-06").exit_code == 0
    gap = water("gap").stdout
    assert "Ⅱ类/≤Ⅲ类†" in gap and "2/≤" not in gap
    assert "Ⅱ类/≤Ⅲ类†" in water("gap", lang="zh").stdout
    report = tmp_path / "r.md"
    assert water("report", "-o", str(report)).exit_code == 0
    text = report.read_text(encoding="utf-8")
    assert "Yangtze water class: Ⅱ类, within the adjusted ceiling of Ⅲ类 (plan: Ⅱ类)." in text
    assert "2 类" not in text and "3 类" not in text
    zh = tmp_path / "z.md"
    assert water("report", "-o", str(zh), lang="zh").exit_code == 0
    assert "长江干流江苏段水质为Ⅱ类，低于调整后Ⅲ类的控制目标（原计划Ⅱ类）" in zh.read_text("utf-8")
    shown = water("show", "yangtze", "--json").stdout  # JSON keeps the number
    assert '"actual": 2,' in shown and '"max": 3,' in shown


def test_a_rate_of_a_list_of_people_is_not_named_after_the_first() -> None:
    """广东 65岁以上老年人、高血压、2型糖尿病患者基层规范管理服务率达到66%以上 was drafted
    `elderly_service_rate`: an id naming the elderly alone, and a service rate, for a rate of
    basic-level management of three groups; a list keeps the draft's position."""
    from plancli.extract.rate_ids import rate_id

    assert rate_id("65岁以上老年人、高血压、2型糖尿病患者基层规范管理服务率") is None
    assert rate_id("地表水、近岸海域水质优良率") is None
    assert rate_id("65岁及以上老年人医养结合服务率") == "elderly_integrated_care_service_rate"
    sentence = (
        "其中孕产妇产后访视率、0—6岁儿童健康管理率达到90%以上，65岁以上老年人、高血压、"
        "2型糖尿病患者基层规范管理服务率达到66%以上。"
    )
    from test_extract_work_forms29 import _targets

    ids = {t["name"]: t["id"] for t in _targets(sentence)}
    assert ids["0—6岁儿童健康管理率"] == "child_health_management_rate"
    assert ids["65岁以上老年人、高血压、2型糖尿病患者基层规范管理服务率"].startswith("w")


@pytest.mark.parametrize(
    ("sentence", "name", "unit", "count"),
    [
        ("培育十大消费活动品牌。", "培育十大消费活动品牌", "个", 10),  # brands, not events
        ("举办三大活动周。", "举办三大活动周", "个", 3),  # weeks
        ("打造十大群众赛事活动。", "打造十大群众赛事活动", "项", 10),
        ("办好五大品牌赛事。", "办好五大品牌赛事", "项", 5),
    ],
)
def test_a_set_is_in_xiang_only_when_it_is_of_events(
    sentence: str, name: str, unit: str, count: int
) -> None:
    """s29-wforms counted a named set in 项 where 赛事 or 活动 stood anywhere after its 大:
    培育十大消费活动品牌 was 10 项 of brands."""
    from test_extract_work_forms29 import _targets

    (target,) = _targets(sentence)
    assert (target["name"], target["unit"], target["min"]) == (name, unit, count)


def test_a_floor_on_a_count_is_no_set_covered() -> None:
    """全省20个以上县实现全覆盖 was drafted as a coverage of 100 % named `以上县覆盖率`: 20个以上
    is at least 20 counties, a count, not a set the report counts whole."""
    from test_extract_work_forms29 import _targets

    (target,) = _targets("全省20个以上县实现全覆盖。")
    assert "以上县" not in target["name"] and target["unit"] == "个"
    assert target["min"] == 20
    (whole,) = _targets("全省1200所中小学实现心理健康教育全覆盖。")  # the set itself: coverage
    assert (whole["name"], whole["unit"], whole["min"]) == ("中小学心理健康教育覆盖率", "%", 100)


@pytest.mark.parametrize("name", ["out.toml ", "out.sqlite\t"])
def test_a_ledger_name_ending_in_whitespace_is_named_so(
    invoke: Any, mini_plan: Path, name: str
) -> None:
    """`ledger convert L 'out.toml '` (a name pasted with its space) said `out.toml : the suffix
    .toml  says no ledger format`: the user sees .toml and no reason."""
    ledger = mini_plan.parent / "mini.progress.toml"
    assert invoke("--plan", str(mini_plan), "record", "gdp", "6", "-p", "2022-Q2").exit_code == 0
    out = mini_plan.parent / name
    result = invoke("--plan", str(mini_plan), "ledger", "convert", str(ledger), str(out))
    assert result.exit_code == 2
    suffix = name.rstrip()[3:]
    assert f": the name ends in whitespace after {suffix}: remove it; nothing was written\n" in (
        result.stderr
    )
    assert "says no ledger format" not in result.stderr and not out.exists()
    zh = invoke(
        "--lang", "zh", "--plan", str(mini_plan), "ledger", "convert", str(ledger), str(out)
    )
    assert f"文件名在 {suffix} 之后还有空白字符" in zh.stderr


@pytest.mark.parametrize(
    ("version", "said"),
    [
        ('"1"', "version: '1' is text, not a number; this plancli reads version 1"),
        ("true", "version: true is true or false, not a number; this plancli reads version 1"),
        ("2.5", "ledger version 2.5; this plancli reads version 1"),  # was Decimal('2.5')
    ],
)
def test_a_ledger_version_of_another_type_is_named(
    invoke: Any, mini_plan: Path, version: str, said: str
) -> None:
    """`version = "1"` said `ledger version '1'; this plancli reads version 1`, which reads as
    no mistake at all; `version = true` was read as version 1 (true equals 1 in Python)."""
    ledger = mini_plan.parent / "mini.progress.toml"
    text = f'version = {version}\n\n[[records]]\ntarget = "gdp"\nperiod = "2022-Q2"\n'
    text += 'value = 5.2\nrecorded_at = 2022-07-05T08:30:00Z\nbatch = "b"\n'
    ledger.write_text(text, encoding="utf-8")
    result = invoke("--plan", str(mini_plan), "status")
    assert result.exit_code == 3, result.output
    assert result.stderr == f"error: {ledger}: {said}\n"
    assert ledger.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("records = [1, 2]", "`records` must be an array of [[records]] tables"),
        ('amendments = ["x"]', "`amendments` must be an array of [[amendments]] tables"),
    ],
)
def test_a_ledger_array_of_other_things_than_tables_is_named(
    invoke: Any, mini_plan: Path, written: str, said: str
) -> None:
    """`records = [1, 2]` said `record 1: record: Input should be a valid dictionary or
    instance of Record (and 1 more error)`: pydantic's words for a TOML array of numbers."""
    ledger = mini_plan.parent / "mini.progress.toml"
    ledger.write_text(f"version = 1\n{written}\n", encoding="utf-8")
    result = invoke("--plan", str(mini_plan), "history")
    assert result.exit_code == 3, result.output
    assert result.stderr == f"error: {ledger}: {said}\n"


@pytest.mark.parametrize("table", ["records", "amendments"])
def test_a_ledger_record_of_no_target_is_named_and_convert_leaves_nothing(
    invoke: Any, mini_plan: Path, table: str
) -> None:
    """`target = ""` in a hand-edited TOML ledger was read by status (a figure `for , a
    target the plan does not have`), and `ledger convert L out.sqlite` said `out.sqlite:
    unreadable SQLite ledger: CHECK constraint failed: length(target) > 0`, blaming the new
    file, which it left behind."""
    ledger = mini_plan.parent / "mini.progress.toml"
    bound = "value = 5.2" if table == "records" else "min = 5"
    period = "2022-Q2" if table == "records" else "2022-06"
    text = (
        f'version = 1\n\n[[{table}]]\ntarget = ""\nperiod = "{period}"\n{bound}\n'
        'recorded_at = 2022-07-05T08:30:00Z\nbatch = "b"\n'
    )
    ledger.write_text(text, encoding="utf-8")
    out = mini_plan.parent / "out.sqlite"
    what = "record" if table == "records" else "amendment"
    said = (
        f"error: {ledger}:4: {what} 1 ( {period}): target: empty: a record names its target's id\n"
    )
    for command in (["status"], ["history"], ["ledger", "convert", str(ledger), str(out)]):
        result = invoke("--plan", str(mini_plan), *command)
        assert result.exit_code == 3, (command, result.output)
        assert result.stderr == said, command
    assert not out.exists() and ledger.read_text(encoding="utf-8") == text


def test_a_headline_class_is_a_class_in_the_reports_table(invoke: Any, tmp_path: Path) -> None:
    """The report's headline table (md, html) and its chart's label wrote a class in 类 as
    `3 类` / `3类` beside the bound `≤ Ⅳ类`."""
    plan, ledger = tmp_path / "js.toml", tmp_path / "js.progress.toml"
    headline = '[[sections]]\nid = "headline"\nname = "主要预期目标"\nname_en = "Headline"\n\n'
    text = _PLAN.replace("[[sections]]", headline + "[[sections]]", 1)
    plan.write_text(text.replace('section = "work_7"', 'section = "headline"'), "utf-8")
    where = ("--plan", str(plan), "--ledger", str(ledger))
    assert invoke(*where, "record", "yangtze", "Ⅲ类", "-p", "2026").exit_code == 0
    for name, lang in (("r.html", "en"), ("r.md", "zh")):
        out = tmp_path / name
        assert invoke("--lang", lang, *where, "report", "-o", str(out)).exit_code == 0
        written = out.read_text(encoding="utf-8")
        assert "Ⅲ类" in written and "3 类" not in written and "3类" not in written, name
