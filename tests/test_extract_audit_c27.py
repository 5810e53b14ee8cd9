"""Session 27's audit C of `extract` on the 2026 reports of 河南, 湖北, 四川 and 辽宁 (a 市统计局
analyst reading every work target against the text): names holding another target's figure
(D1–D3), a list's first counts lost (D6), a fixed set worked on (D5), event lists as one
milestone (D4), 开工建设/出台/编制/组建 milestones (D11, D12), slogans (D7), 确保 in quotation
marks (D8), `show`'s empty unit (D13) and `extract -o - --compare` (D14) — each on the reports'
own sentences (docs/extract.md, "Audit C of 2026")."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CORPUS

from plancli.extract import extract_plan

needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="the corpus is not here")


@cache
def corpus_plan(name: str) -> dict[str, Any]:
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    return extract_plan(text).plan


def report(work: str) -> str:
    """A minimal 2026 report whose work section says `work`."""
    return (
        "2026年某某省政府工作报告\n各位代表：\n一、2025年工作回顾\n"
        "过去一年，全省经济社会发展取得新的成绩。\n"
        "二、2026年重点工作\n"
        "今年经济社会发展主要预期目标是：地区生产总值增长5%左右。\n"
        f"（一）扎实推进经济发展和民生工作\n{work}\n"
    )


def works(text: str) -> list[dict[str, Any]]:
    return [t for t in extract_plan(text).plan["targets"] if t["section"] != "headline"]


def named(targets: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {t["name"]: t for t in targets}


# ------------------------------------------------------------------ D13, D14: the CLI

PLAN = """\
[plan]
id = "ln-2026"
name = "辽宁2026"
name_en = "Liaoning 2026"
year = 2026

[[sections]]
id = "work_6"
name = "海洋"
name_en = "Sea"

[[targets]]
id = "w6_t10"
section = "work_6"
name = "海洋药物和生物制品增速"
name_en = "Marine drugs growth"
kind = "growth"
unit = ""
min = 10
frequency = "quarterly"
"""


def test_show_an_empty_unit_says_the_amounts_unit(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """D13: a growth left with unit = "" (as the draft's review allows) printed "in )"."""
    plan = tmp_path / "ln.toml"
    plan.write_text(PLAN, encoding="utf-8")
    assert (
        invoke("--plan", str(plan), "record", "w6_t10", "12", "--period", "2026-Q1").exit_code == 0
    )
    for lang, said in (("en", "in the amount's unit)"), ("zh", "单位同总量")):
        result = invoke("--lang", lang, "--plan", str(plan), "show", "w6_t10")
        assert result.exit_code == 0, result.output
        shown = " ".join(str(result.stdout).split())
        assert said in shown and "in )" not in shown and "单位）" not in shown


def test_compare_to_stdout_says_why_the_draft_is_not_written(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """D14: `-o - --compare` said "not written: -o writes it" though -o was given."""
    text = tmp_path / "r.txt"
    text.write_text(report("新建5G基站310个。"), encoding="utf-8")
    gold = tmp_path / "gold.toml"
    gold.write_text(
        '[plan]\nid = "g"\nname = "g"\nyear = 2026\n[[targets]]\nid = "gdp"\n'
        'name = "地区生产总值"\nsection = "headline"\nkind = "growth"\naround = 5\n',
        encoding="utf-8",
    )
    result = invoke("extract", str(text), "-o", "-", "--compare", str(gold))
    assert result.exit_code == 0, result.stderr
    assert "--compare prints the score on stdout; give -o FILE" in result.stderr
    assert "-o writes it" not in result.stderr
    plain = invoke("extract", str(text), "--compare", str(gold))
    assert "(not written: -o writes it)" in plain.stderr


# ------------------------------------------------------------------ D1–D3, D5, D6, D9: names


@needs_corpus
def test_henan_pair_with_a_place_names_each_its_own() -> None:
    """D1: 推进66个粮食产能提升重点县和豫东平原200万亩…项目: each name held the other's figure."""
    found = named([t for t in works((CORPUS / "河南省.txt").read_text(encoding="utf-8"))])
    counties = found["粮食产能提升重点县整区域工程化建设高标准农田项目"]
    plain = found["豫东平原整区域工程化建设高标准农田项目"]
    assert (counties["min"], counties["unit"], counties["kind"]) == (Decimal(66), "个", "ongoing")
    assert (plain["min"], plain["unit"], plain["kind"]) == (Decimal(200), "万亩", "ongoing")


def test_a_count_written_n_da_is_its_own_target() -> None:
    """D2: 壮大6大特色产业集群和18条乡村富民产业链: 6大 was lost, its words in the other's name."""
    found = named(works(report("因地制宜发展设施农业，壮大6大特色产业集群和18条乡村富民产业链。")))
    assert found["壮大特色产业集群"]["min"] == Decimal(6)
    assert found["壮大特色产业集群"]["unit"] == "个"
    assert found["壮大乡村富民产业链"]["min"] == Decimal(18)
    assert {t["kind"] for t in found.values()} == {"ongoing"}


@pytest.mark.parametrize(
    ("work", "name"),
    [
        ("推动60%以上的县级特困供养机构三级达标。", "县级特困供养机构三级达标率"),  # D3
        ("惠及超50万名3岁以下婴幼儿。", "惠及3岁以下婴幼儿"),  # 广东: 超 read with 3岁
        ("新建200个智能车间、智能工厂。", "新建智能车间、智能工厂"),  # D9: 200 counts both
        ("布局实施人工智能、高端航空装备等9个重大科技专项。", "布局实施重大科技专项"),  # D9
    ],
)
def test_names_say_what_is_counted(work: str, name: str) -> None:
    assert name in named(works(report(work)))


def test_a_list_before_a_shared_work_drafts_each_count() -> None:
    """D6: only 商丘等5个…基地建设 was drafted; 洛阳等10个国家物流枢纽 was lost."""
    found = named(
        works(
            report(
                "加快中国邮政国际航空枢纽、洛阳等10个国家物流枢纽、"
                "商丘等5个国家骨干冷链物流基地建设。"
            )
        )
    )
    assert found["洛阳等国家物流枢纽建设"]["min"] == Decimal(10)
    assert found["洛阳等国家物流枢纽建设"]["kind"] == "ongoing"
    assert found["商丘等国家骨干冷链物流基地建设"]["min"] == Decimal(5)


def test_a_fixed_set_whose_support_is_improved_is_ongoing() -> None:
    """D5: 提升39个欠发达县域托底性帮扶质效 was drafted as 39 counties delivered."""
    found = named(works(report("提升39个欠发达县域托底性帮扶质效。")))
    assert found["提升欠发达县域托底性帮扶质效"]["kind"] == "ongoing"


# ------------------------------------------------------------------ D4, D7, D11, D12: milestones


def milestones(text: str) -> dict[str, dict[str, Any]]:
    return {t["name"]: t for t in works(report(text)) if t["kind"] == "milestone"}


def test_an_event_list_is_split_into_its_events() -> None:
    """D4: 四川's four sports events were one milestone, unflagged."""
    found = milestones(
        "办好国际乒联混合团体世界杯、铁人三项世界杯、成都网球公开赛、第十五届省运会。"
    )
    assert set(found) == {
        "办好国际乒联混合团体世界杯",
        "办好铁人三项世界杯",
        "办好成都网球公开赛",
        "办好第十五届省运会",
    }
    found = milestones("推动徐大堡核电3号机组、华锦阿美精细化工、亿纬锂能沈阳工厂等项目建成投产。")
    assert "徐大堡核电3号机组建成投产" in found and "亿纬锂能沈阳工厂建成投产" in found


def test_a_list_kept_whole_is_flagged() -> None:
    """D4/D10: a list the extractor does not split carries a review flag."""
    found = milestones("今年建成雄商、济滨高铁。")  # (山东: two railways, one noun)
    assert "a list kept as one milestone" in found["建成雄商、济滨高铁"]["review"]


@pytest.mark.parametrize(
    "work",
    [
        "发挥链主企业引领带动作用，搭建公共平台，加强产业链上下游协同。",  # names no platform
        "加快打通物流通道“断头路”“瓶颈路”。",  # 加快: a standing effort
        "加快创建具有全国影响力的区域科技创新中心。",  # 加快: the section's aim
    ],
)
def test_slogans_are_no_milestones(work: str) -> None:
    """D7: slogans drafted as milestones."""
    assert milestones(work) == {}


@pytest.mark.parametrize(
    ("work", "names"),
    [
        (
            "开工建设南信合高铁、京港高铁阜阳至黄冈段。",
            {"开工建设南信合高铁", "开工建设京港高铁阜阳至黄冈段"},
        ),
        ("开工建设豫东水资源配置工程。", {"开工建设豫东水资源配置工程"}),
        ("出台郑开同城化发展规划。", {"出台郑开同城化发展规划"}),
        ("编制好新一轮郑州航空港区高质量发展规划。", {"编制好新一轮郑州航空港区高质量发展规划"}),
        ("出台促进民间投资发展的若干措施。", {"出台促进民间投资发展的若干措施"}),
        ("组建省外贸集团、省交易集团。", {"组建省外贸集团", "组建省交易集团"}),
        (
            "推进沈阳桃仙国际机场二跑道、沈盘高速改扩建、辽东半岛水资源配置工程等项目开工建设。",
            {
                "沈阳桃仙国际机场二跑道开工建设",
                "沈盘高速改扩建开工建设",
                "辽东半岛水资源配置工程开工建设",
            },
        ),
        (
            "高水平承办夏季达沃斯论坛、亚太经合组织高官会。",
            {"承办夏季达沃斯论坛", "承办亚太经合组织高官会"},
        ),
        (  # D12: a list of events past 45 characters
            "高水平举办世界华人炎帝故里寻根节、国际武当太极文化节、屈原故里端午文化节、"
            "中国京剧艺术节、长江文化艺术季等重大节会。",
            {
                "举办世界华人炎帝故里寻根节",
                "举办长江文化艺术季",
                "举办中国京剧艺术节",
                "举办国际武当太极文化节",
                "举办屈原故里端午文化节",
            },
        ),
    ],
)
def test_starts_plans_bodies_and_events_are_milestones(work: str, names: set[str]) -> None:
    """D11, D12: 开工建设, 出台, 编制, 组建 and 举办/承办 lists were never drafted."""
    assert set(milestones(work)) == names


def test_a_list_of_funds_started_on_time_is_no_milestone() -> None:
    assert milestones("推动“两重”、中央预算内投资、新型政策性金融工具等项目按时开工建设。") == {}


@needs_corpus
def test_milestones_against_the_auditors_gold() -> None:
    """The auditor's hand-read milestones of 河南 (21) and 辽宁 (22): all drafted now (16 and 6
    before). 河南's 22nd since session 28: 全面开展第二轮土地承包到期后再延长30年整省试点, a
    pilot of the whole province this year (福建's 全面启动… of the same pilot was drafted)."""
    for place, count in (("河南省", 22), ("辽宁省", 22)):
        found = [t for t in corpus_plan(place)["targets"] if t["kind"] == "milestone"]
        assert len(found) == count, place


# ------------------------------------------------------------------ D8


def test_zero_led_by_que_bao_is_no_quoted_name() -> None:
    """D8: 确保零就业家庭动态清零 was named “确保零就业家庭”动态清零."""
    found = named(works(report("确保零就业家庭动态清零。")))
    assert found["“零就业家庭”动态清零"]["max"] == Decimal(0)


# ------------------------------------------------------------------ D9, D10: flags


@pytest.mark.parametrize(
    ("work", "name"),
    [
        ("实施1000个以上省重点项目，年度完成投资1万亿元。", "年度完成投资"),  # whose investment
        ("片区化推进乡村振兴，建成35个先导区。", "建成先导区"),  # a 先导区 of what
        ("实施消防装备提升工程，新增城市小型站200个。", "新增城市小型站"),  # a station of what
    ],
)
def test_names_that_do_not_say_what_is_counted_are_flagged(work: str, name: str) -> None:
    assert "the name may not say what is counted" in named(works(report(work)))[name]["review"]
