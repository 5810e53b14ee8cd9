"""Work forms a blind audit of session 30 found drafted wrong, each on its report's sentence
(and, where the form is general, another): a port opened, a list of projects named with the kind
after its 等, an event a sub-heading names without naming one, a count named past its 和, a count
of two kinds of project whose first reads as a verb, a coverage of a counted set of places, and
chains counted in 条."""

from __future__ import annotations

from decimal import Decimal

from test_extract_work_kinds28 import _work


def test_a_port_opened_is_a_milestone() -> None:
    """贵州 推动铜仁凤凰机场航空口岸正式开放: an end state the year reaches, missed (开放 was no
    milestone's verb); opening up at large is none."""
    found = _work("推动铜仁凤凰机场航空口岸正式开放。", "扩大高水平对外开放，推进制度型开放。")
    assert list(found) == ["推动铜仁凤凰机场航空口岸正式开放"]
    port = found["推动铜仁凤凰机场航空口岸正式开放"]
    assert (port["kind"], port["name"], port["due"]) == (
        "milestone",
        "铜仁凤凰机场航空口岸正式开放",
        "2026",
    )


def test_a_list_of_projects_keeps_the_kind_after_its_deng() -> None:
    """贵州 建成投产大湾、盘南等煤电项目 was named 建成投产大湾、盘南: two place names, not what
    is built; 山东's the same form."""
    found = _work(
        "建成投产大湾、盘南等煤电项目。", "建成投产大唐郓城、华能四期等大型清洁高效煤电项目。"
    )
    names = sorted(t["name"] for t in found.values())
    assert names == [
        "建成投产大唐郓城、华能四期等大型清洁高效煤电项目",
        "建成投产大湾、盘南等煤电项目",
    ]


def test_an_event_named_by_its_kind_alone_is_none() -> None:
    """办好特色活动 (a sub-heading's words) was drafted as an event; 办好第21届省运会 names one."""
    found = _work("办好特色活动。", "办好第21届省运会。")
    assert [t["name"] for t in found.values()] == ["办好第21届省运会"]


def test_a_count_is_not_named_past_its_he() -> None:
    """…6个百万羽蛋鸡养殖重点项目建设和奶业养殖加工一体化发展 was named to the clause's end: the
    six are projects, the dairy industry's development is another item of work."""
    found = _work("加快推进6个百万羽蛋鸡养殖重点项目建设和奶业养殖加工一体化发展。")
    (target,) = found.values()
    assert (target["name"], target["min"], target["unit"]) == (
        "百万羽蛋鸡养殖重点项目建设",
        Decimal(6),
        "个",
    )


def test_a_count_of_two_kinds_of_project_keeps_the_first() -> None:
    """建设城市片区更新、社区改造省级项目15个 lost 城市片区更新 (改造 inside the second kind read
    as a verb of its own); 实施 opening a piece is one."""
    found = _work("建设城市片区更新、社区改造省级项目15个。", "新建智能车间、实施技改项目15个。")
    names = {t["name"]: t["min"] for t in found.values()}
    assert names["建设城市片区更新、社区改造省级项目"] == Decimal(15)
    assert names["实施技改项目"] == Decimal(15)


def test_full_coverage_of_counted_places_is_a_coverage() -> None:
    """全市16个区实现养老服务驿站全覆盖 was a count of 16 个 (`全市区实现养老服务驿站全覆盖`): the
    districts exist, reaching all of them is the year's work: 100 % of the 16."""
    found = _work("全市16个区实现养老服务驿站全覆盖。")
    (target,) = found.values()
    assert (target["kind"], target["name"], target["min"], target["unit"]) == (
        "level",
        "养老服务驿站区覆盖率",
        Decimal(100),
        "%",
    )
    assert any("16 个" in note for note in target.get("notes", [target.get("note", "")]))


def test_chains_counted_in_chinese_numerals_are_counted_in_tiao() -> None:
    """湖北 持续做强十大重点农业产业链 was ten 个: the reports count chains in 条 (山东 19条标志性
    产业链, 河南 18条乡村富民产业链, 福建 164条县域重点产业链), so the draft does; clusters stay
    个."""
    found = _work("持续做强十大重点农业产业链，打造十大专精特新外贸优品集群。")
    units = {t["name"]: (t["min"], t["unit"]) for t in found.values()}
    assert units["做强十大重点农业产业链"] == (Decimal(10), "条")
    assert units["打造十大专精特新外贸优品集群"] == (Decimal(10), "个")
