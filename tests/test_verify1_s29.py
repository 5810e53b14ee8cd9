"""A county's plan written in Chinese alone, broken as an analyst breaks it (session 29's
verification of the plan without `name_en`/`[[sections]]` and of the Chinese interface).

Each test here failed before its fix: a target listing itself as a part was named at its
`id =` line and said twice (as "lists itself" and as a cycle of one); one referring to itself
was named at its `id =` line, not at `reference =`; the declared sections an unknown one is
told of were joined with `, ` inside the Chinese sentence.
"""

from __future__ import annotations

import re
from pathlib import Path

from plancli.i18n import set_language

COUNTY = Path(__file__).parent / "fixtures" / "county-zh-2026.toml"


def _plan(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    text = COUNTY.read_text("utf-8")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    plan = tmp_path / "county.toml"
    plan.write_text(text, "utf-8")
    return plan


def _line(plan: Path, text: str) -> int:
    return plan.read_text("utf-8").splitlines().index(text) + 1


def test_a_roll_up_listing_itself_is_named_once_at_its_parts_line(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    parts = 'parts = ["inv_roads", "inv_water", "inv_total"]'
    plan = _plan(tmp_path, ('parts = ["inv_roads", "inv_water"]', parts))
    line = _line(plan, parts)
    result = invoke("--plan", str(plan), "--lang", "en", "validate")
    assert result.exit_code == 3
    assert result.stderr == (
        f"error: {plan}: line {line}: target inv_total: lists itself as a part\n"
    ), result.stderr
    set_language("zh")
    zh = invoke("--plan", str(plan), "--lang", "zh", "validate")
    assert zh.stderr == f"错误：{plan}:{line}：目标 inv_total：把自己列为组成部分\n", zh.stderr


def test_a_target_referring_to_itself_is_named_at_its_reference(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = _plan(tmp_path, ('reference = "gdp"', 'reference = "urban_income"'))
    line = _line(plan, 'reference = "urban_income"')
    result = invoke("--plan", str(plan), "--lang", "en", "validate")
    assert result.exit_code == 3
    assert result.stderr == (
        f"error: {plan}: line {line}: target urban_income: refers to itself\n"
    ), result.stderr


def test_the_declared_sections_are_listed_with_the_list_comma(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sections = (
        '[[sections]]\nid = "headline"\nname = "主要预期目标"\n\n'
        '[[sections]]\nid = "livelihood"\nname = "民生实事"\n\n'
        '[[sections]]\nid = "investment"\nname = "政府投资重点项目年度计划"\n\n'
        '[[targets]]\nid = "gdp"'
    )
    plan = _plan(tmp_path, ('[[targets]]\nid = "gdp"', sections))
    forest = _line(plan, 'name = "森林覆盖率"') - 1  # its `section =` line
    set_language("zh")
    zh = invoke("--plan", str(plan), "--lang", "zh", "validate")
    assert zh.exit_code == 3
    first = zh.stderr.splitlines()[0]
    assert first == (
        f"错误：{plan}:{forest}：目标 forest：没有领域 '生态环境'；[[sections]] 中的领域为 "
        "headline、livelihood、investment：请写其中一个的 id 或名称，或添加一个含 id 和 name 的 "
        "[[sections]] 表（另有 1 处错误）"
    ), first
    set_language("en")
    en = invoke("--plan", str(plan), "--lang", "en", "validate")
    assert "the [[sections]] are headline, livelihood, investment: give" in en.stderr


def test_a_misspelt_kind_is_said_once_not_also_as_due_or_a_part(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`kind = "milstone"`: the kind is the error; its `due` and its being a roll-up's part
    follow from the typo and are not errors of their own (they vanish once it is mended)."""
    water = 'name = "水利项目"\nkind = "cumulative"'
    plan = _plan(
        tmp_path,
        ('kind = "milestone"', 'kind = "milstone"'),
        (water, water.replace("cumulative", "cumulativ")),
    )
    school, inv_water = _line(plan, 'kind = "milstone"'), _line(plan, 'kind = "cumulativ"')
    result = invoke("--plan", str(plan), "--lang", "en", "validate")
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    assert len(lines) == 2, result.stderr
    assert lines[0].startswith(f"error: {plan}: line {school}: target school: kind: Input should")
    assert lines[0].endswith("(and 1 more error)")
    assert lines[1].startswith(f"{plan}: line {inv_water}: target inv_water: kind: Input should")


def test_a_blank_section_is_said_blank_not_unknown(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A plan without [[sections]] takes any title; a blank one was `unknown section ''; the
    [[sections]] are headline, section_2, investment`, sections the file never declared."""
    forest = 'section = "生态环境"\nname = "森林覆盖率"'
    plan = _plan(tmp_path, (forest, forest.replace("生态环境", " ")))
    line = _line(plan, 'section = " "')
    result = invoke("--plan", str(plan), "--lang", "en", "validate")
    assert result.exit_code == 3
    assert result.stderr == (
        f"error: {plan}: line {line}: target forest: section is blank: write the title of its "
        "section (主要预期目标) or its id\n"
    ), result.stderr
    set_language("zh")
    zh = invoke("--plan", str(plan), "--lang", "zh", "validate")
    assert zh.stderr == (
        f"错误：{plan}:{line}：目标 forest：section 为空："
        "请写所属领域的标题（如 主要预期目标）或 id\n"
    ), zh.stderr


def test_a_title_two_sections_share_is_no_section_of_its_own(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Two [[sections]] named 主要预期目标: a target naming that title went to the first,
    silently; which one is meant is the user's to say."""
    sections = (
        '[[sections]]\nid = "headline"\nname = "主要预期目标"\n\n'
        '[[sections]]\nid = "livelihood"\nname = "主要预期目标"\n\n'
        '[[sections]]\nid = "investment"\nname = "政府投资重点项目年度计划"\n\n'
        '[[sections]]\nid = "eco"\nname = "生态环境"\n\n'
        '[[targets]]\nid = "gdp"'
    )
    plan = _plan(
        tmp_path,
        ('[[targets]]\nid = "gdp"', sections),
        *[('section = "民生实事"', 'section = "livelihood"')] * 3,
    )
    gdp = _line(plan, 'name = "地区生产总值增长"') - 1
    result = invoke("--plan", str(plan), "--lang", "en", "validate")
    assert result.exit_code == 3
    assert result.stderr.splitlines()[0] == (
        f"error: {plan}: line {gdp}: target gdp: section '主要预期目标' is the name of more "
        "than one section (headline, livelihood): give its id (and 5 more errors)"
    ), result.stderr
    set_language("zh")
    zh = invoke("--plan", str(plan), "--lang", "zh", "validate")
    assert zh.stderr.splitlines()[0] == (
        f"错误：{plan}:{gdp}：目标 gdp：领域 '主要预期目标' 是多个领域（headline、livelihood）"
        "的名称：请写其 id（另有 5 处错误）"
    ), zh.stderr


def test_show_lists_a_roll_ups_parts_with_the_chinese_list_comma(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`show inv_total` under zh said 构成 inv_roads, inv_water and its history's header
    记录时间 (UTC): ASCII list comma and brackets in a Chinese screen (the header: below)."""
    plan, ledger = _plan(tmp_path), str(tmp_path / "l.toml")
    two = ("inv_roads", "6", "-p", "2026-Q2"), ("inv_water", "3.1", "-p", "2026-Q2")
    for args in two:
        assert invoke("--plan", str(plan), "--ledger", ledger, "record", *args).exit_code == 0
    set_language("zh")
    zh = invoke(
        "--plan", str(plan), "--ledger", ledger, "--lang", "zh", "show", "inv_total",
        "--as-of", "2026-07-15",
    )  # fmt: skip
    assert zh.exit_code == 0, zh.stderr
    assert re.search(r"^构成 +inv_roads、inv_water$", zh.stdout, re.MULTILINE), zh.stdout
    set_language("en")
    en = invoke("--plan", str(plan), "--ledger", ledger, "show", "inv_total")
    assert re.search(r"^parts +inv_roads, inv_water$", en.stdout, re.MULTILINE), en.stdout


def test_show_lists_the_parts_without_a_record_with_the_chinese_list_comma(
    invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    plan, ledger = _plan(tmp_path), str(tmp_path / "l.toml")
    assert (
        invoke(
            "--plan", str(plan), "--ledger", ledger, "record", "new_jobs", "1", "-p", "2026-06"
        ).exit_code
        == 0
    )
    parts = 'parts = ["inv_roads", "inv_water"]'
    text = plan.read_text("utf-8").replace(parts, 'parts = ["inv_roads", "inv_water", "inv_more"]')
    more = '[[targets]]\nid = "inv_more"\nsection = "政府投资重点项目年度计划"\nname = "其他项目"\n'
    more += 'kind = "cumulative"\nunit = "亿元"\nmin = 0\nfrequency = "quarterly"\n'
    plan.write_text(text + "\n" + more, "utf-8")
    assert (
        invoke(
            "--plan", str(plan), "--ledger", ledger, "record", "inv_roads", "6", "-p", "2026-Q2"
        ).exit_code
        == 0
    )
    set_language("zh")
    zh = invoke(
        "--plan", str(plan), "--ledger", ledger, "--lang", "zh", "show", "inv_total",
        "--as-of", "2026-07-15",
    )  # fmt: skip
    assert zh.exit_code == 0, zh.stderr
    assert re.search(r"^未报送的构成 +inv_water、inv_more$", zh.stdout, re.MULTILINE), zh.stdout


def test_the_history_header_of_a_time_has_full_width_brackets(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan, ledger = _plan(tmp_path), str(tmp_path / "l.toml")
    assert (
        invoke(
            "--plan", str(plan), "--ledger", ledger, "record", "gdp", "5.4", "-p", "2026-Q2"
        ).exit_code
        == 0
    )
    set_language("zh")
    zh = invoke("--plan", str(plan), "--ledger", ledger, "--lang", "zh", "show", "gdp")
    # (one year's times: `2026年录入` over `（UTC）`, session 31)
    assert "年录入" in zh.stdout and "（UTC）" in zh.stdout and "(UTC)" not in zh.stdout, zh.stdout
