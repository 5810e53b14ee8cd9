"""What a blind gold of four corpus reports' work targets taught (session 28: 广东, 甘肃, 江苏,
陕西; docs/extract.md, "Work targets of unseen reports"). Each general fault is tested on the
reports' own clauses.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from plancli.extract import extract_plan
from plancli.extract.work import same_thing

HEADLINE = (
    "经济社会发展的主要预期目标是：生产总值增长5％左右，一般公共预算收入增长3％，"
    "城镇新增就业40万人以上，城镇调查失业率5.5％左右。"
)


def _work(body: str) -> list[dict[str, Any]]:
    draft = extract_plan(body, year=2026)
    return [t for t in draft.plan["targets"] if t["section"] not in ("headline", "investment")]


# 陕西 2026's work sections, cut to the clauses these tests read.
SHAANXI = f"""陕西省2026年政府工作报告
三、2026年重点工作
今年是“十五五”开局之年。
{HEADLINE}
今年要重点做好9个方面工作：
（一）着力扩大有效需求，推动经济稳中向好
积极促进消费。举办“购在中国·陕亮生活”系列活动，带动汽车、家电、数码等大宗消费，新增限额以上商贸企业1000家。
（三）加快产业体系建设，发展壮大实体经济
巩固提升优势产业和传统产业。力争新增规模以上企业1000家，千亿级产业链达到12条，工业增加值增长6.5％。
"""


def test_two_counts_of_one_figure_in_two_sections_are_two_things() -> None:
    """The check that drafts once a commitment stated twice (in the work and in an appendix)
    compared counts by the last two characters of their names: 陕西's 力争新增规模以上企业1000家
    was dropped as a repeat of 新增限额以上商贸企业1000家 two sections before (both …企业, 1000
    家). Now the one name's thing must be within the other's."""
    found = {t["quote"]: t for t in _work(SHAANXI)}
    assert found["新增限额以上商贸企业1000家"]["min"] == Decimal(1000)
    assert found["力争新增规模以上企业1000家"]["min"] == Decimal(1000)
    assert found["力争新增规模以上企业1000家"]["unit"] == "家"


def test_a_commitment_stated_again_in_an_appendix_is_still_one_thing() -> None:
    """广东's work and its 附件1 state 20万个 school places and 50万个 chargers twice each."""
    assert same_thing("新增普通高中学位", "增加学位")
    assert same_thing("新建汽车充电设施", "新建新能源汽车充电设施")
    assert same_thing("新建和改造提升农村公路", "新建和改造提升农村公路")
    assert not same_thing("新增限额以上商贸企业", "新增规模以上企业")


def test_a_water_class_held_in_the_work_is_a_level_at_most_the_class() -> None:
    """江苏's 确保长江干流江苏段水质保持Ⅱ类 and 陕西's 保持黄河干流Ⅱ类水质: a class held this year,
    no figure (before: no target, the clause has no digit); a level in 类 at most the class, as
    the headline reader drafts a class (session 43; before, an indicator without a bound)."""
    body = SHAANXI + (
        "（七）深入推进绿色低碳发展。进一步削减通江支流总磷污染负荷，确保长江干流江苏段水质保持Ⅱ类。\n"
        "（八）持续筑牢生态安全屏障。治理沙化土地88.5万亩，强化淤地坝建设运行管护。"
        "保持黄河干流Ⅱ类水质，开展渭河、无定河等环境治理提升。\n"
    )
    found = {t["quote"]: t for t in _work(body)}
    for quote, name in (
        ("确保长江干流江苏段水质保持Ⅱ类", "长江干流江苏段水质"),
        ("保持黄河干流Ⅱ类水质", "黄河干流水质"),
    ):
        target = found[quote]
        assert (target["name"], target["kind"], target["unit"]) == (name, "level", "类")
        assert "min" not in target and target["max"] == 2


def test_a_figure_of_a_list_is_quoted_and_named_with_the_list() -> None:
    """甘肃's 小麦、玉米、马铃薯等主栽品种良种覆盖率达到97%以上 and 陕西's 加快宝鸡、延安等4个国家
    骨干冷链物流基地建设: the figure is the whole list's, but the quote and the name began at the
    piece holding it (马铃薯等主栽品种良种覆盖率, 延安等…); an item with its own work or name
    (加快中国邮政国际航空枢纽、洛阳等10个国家物流枢纽) is no part of the count."""
    body = SHAANXI + (
        "（四）守牢粮食安全底线。小麦、玉米、马铃薯等主栽品种良种覆盖率达到97%以上。\n"
        "（五）促进服务业优质高效发展。加快宝鸡、延安等4个国家骨干冷链物流基地建设。"
        "加快中国邮政国际航空枢纽、洛阳等10个国家物流枢纽建设。\n"
    )
    found = {t.get("min"): t for t in _work(body) if t["unit"] in ("%", "个")}
    seeds = found[Decimal(97)]
    assert seeds["quote"] == "小麦、玉米、马铃薯等主栽品种良种覆盖率达到97%以上"
    assert seeds["name"] == "小麦、玉米、马铃薯等主栽品种良种覆盖率"
    cold = found[Decimal(4)]
    assert cold["quote"] == "加快宝鸡、延安等4个国家骨干冷链物流基地建设"
    assert cold["name"] == "宝鸡、延安等国家骨干冷链物流基地建设"
    assert found[Decimal(10)]["quote"].startswith("洛阳等10个")


def test_items_with_an_age_are_items_of_the_list() -> None:
    """广东's 65岁以上老年人、高血压、2型糖尿病患者基层规范管理服务率达到66%以上: an age is no
    figure of the list's own, so the rate is named for the three groups (before: 2型糖尿病患者…)."""
    body = SHAANXI + (
        "（九）提升基层医疗健康服务。"
        "65岁以上老年人、高血压、2型糖尿病患者基层规范管理服务率达到66%以上。\n"
    )
    (rate,) = [t for t in _work(body) if t.get("min") == Decimal(66)]
    assert rate["name"] == "65岁以上老年人、高血压、2型糖尿病患者基层规范管理服务率"
    assert rate["quote"] == "65岁以上老年人、高血压、2型糖尿病患者基层规范管理服务率达到66%以上"


def test_a_start_of_routes_listed_before_their_kind_is_a_milestone_each() -> None:
    """陕西's 开工周至至乾县、改扩建西安至永寿等高速公路 and 开工750千伏定靖西、330千伏沣渭等输变电
    工程, 贵州's 开工大村至遵义、纳雍至六盘水等铁路: routes named without a facility word, the
    kind after 等; a list kept whole with 开工 was dropped as a start of funds or programmes
    (推动“两重”、中央预算内投资…等项目按时开工建设), so no milestone at all."""
    body = SHAANXI + (
        "（四）扩大有效投资。开工周至至乾县、改扩建西安至永寿等高速公路，力争延安东绕城建成通车。"
        "开工750千伏定靖西、330千伏沣渭等输变电工程。开工大村至遵义、纳雍至六盘水等铁路。\n"
    )
    names = [t["name"] for t in _work(body) if t["kind"] == "milestone"]
    for name in (
        "开工周至至乾县高速公路",
        "开工改扩建西安至永寿高速公路",
        "开工750千伏定靖西输变电工程",
        "开工330千伏沣渭输变电工程",
        "开工大村至遵义铁路",
        "开工纳雍至六盘水铁路",
    ):
        assert name in names, name


def test_a_named_set_counted_in_chinese_numerals_before_da_is_counted() -> None:
    """广东's 打造十大群众赛事, 山东's 打造十大专精特新外贸优品集群, 湖北's 做强十大重点农业产业链:
    so many (个; events 项, as this gold has them, since s29-wforms; chains 条, as reports count
    them, since session 30), named as the report names
    the set, a review saying the numeral was read (left by session 14: 大 was no counter, so no
    target)."""
    body = SHAANXI + (
        "（七）繁荣文化事业。广泛开展群众性文化活动，打造十大群众赛事。\n"
        "（八）扩大开放。打造十大专精特新外贸优品集群，持续做强十大重点农业产业链。\n"
    )
    found = {t["name"]: t for t in _work(body) if t["unit"] in ("个", "项", "条")}
    assert found["打造十大群众赛事"]["unit"] == "项"
    assert found["打造十大专精特新外贸优品集群"]["unit"] == "个"
    assert found["做强十大重点农业产业链"]["unit"] == "条"  # (chains: 条, since session 30)
    for name in ("打造十大群众赛事", "打造十大专精特新外贸优品集群", "做强十大重点农业产业链"):
        assert found[name]["min"] == Decimal(10), name
        assert "read as 10" in found[name]["review"], name


def test_a_set_deepened_or_strengthened_is_work_under_way() -> None:
    """江苏's 深化高层建筑消防等9个“一件事”全链条治理 and 广东's 强化12所师范（教师教育）院校对县域
    基础教育的纵向帮扶: the count is of what there is, worked on, not delivered within the year
    (before: `cumulative`, 9 and 12 things to deliver)."""
    body = SHAANXI + (
        "（十）更好统筹发展和安全。深化高层建筑消防等9个“一件事”全链条治理。\n"
        "（十一）办好人民满意的教育。持续开展232所优质高中对县中的结对帮扶，"
        "强化12所师范（教师教育）院校对县域基础教育的纵向帮扶。\n"
    )
    kinds = {t["min"]: t["kind"] for t in _work(body) if t.get("min") in (9, 12)}
    assert kinds == {Decimal(9): "ongoing", Decimal(12): "ongoing"}
