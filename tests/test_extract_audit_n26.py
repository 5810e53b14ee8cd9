"""Session 25's audit N of `extract` on the 2026 reports of 湖北, 甘肃 and 辽宁 (a 市发改委
analyst's first plan): D1 a baseline of another scope, D2 a milestone from the reasons for
confidence, D3 fixed sets worked on (建强), D4 a counted list's later items without its verb,
D5 numbering and leads in names, D8 flags on the wrong names, D9 a name cut short — each on the
reports' own sentences (docs/extract.md, "Audit N of 2026")."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

import pytest
from tests.conftest import CORPUS

from plancli.extract import extract_plan
from plancli.extract.compare import compare_plans

needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="the corpus is not here")


@cache
def corpus_plan(name: str) -> dict[str, Any]:
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    return extract_plan(text).plan


def by_id(plan: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for t in plan["targets"]}


def report(review: str, targets: str, work: str = "") -> str:
    """A minimal 2026 report: `review` in last year's review, `targets` the year's aims."""
    return (
        "2026年某某省政府工作报告\n各位代表：\n一、2025年工作回顾\n"
        f"过去一年，全省经济社会发展取得新的成绩。{review}\n"
        "二、2026年重点工作\n"
        f"今年经济社会发展主要预期目标是：{targets}\n"
        f"（一）扎实推进经济发展和民生工作\n{work}\n"
    )


def works(text: str) -> list[dict[str, Any]]:
    return [t for t in extract_plan(text).plan["targets"] if t["section"] != "headline"]


# ------------------------------------------------------------------ D1: another scope's growth


@needs_corpus
def test_gansu_fixed_asset_investment_takes_no_baseline_of_another_scope() -> None:
    # 扣除房地产开发投资后，固定资产投资增长2.7%: FAI without real estate, not the total
    targets = by_id(corpus_plan("甘肃省"))
    assert "baseline" not in targets["fixed_asset_investment"]
    # the province's other review figures are still taken
    # (and, since session 32, the "十四五" review's 全省地区生产总值达到13697.5亿元, the bundled
    # plan's amount: tests/test_walk_s32.py)
    assert targets["gdp"]["baseline"] == {
        "year": 2025,
        "value": Decimal("13697.5"),
        "growth": Decimal("5.8"),
    }
    assert targets["retail_sales"]["baseline"] == {"year": 2025, "growth": Decimal("2.5")}


@pytest.mark.parametrize(
    "review",
    [
        "扣除房地产开发投资后，固定资产投资增长2.7%。",
        "剔除大项目因素，固定资产投资增长2.7%。",
        "除房地产开发投资外，固定资产投资增长2.7%。",
        "不含房地产开发的固定资产投资增长2.7%。",
        "固定资产投资（不包括房地产开发）增长2.7%。",
    ],
)
def test_a_review_figure_of_a_narrower_scope_is_no_baseline(review: str) -> None:
    plan = extract_plan(report(review, "固定资产投资增长4.5%。")).plan
    assert "baseline" not in by_id(plan)["fixed_asset_investment"]


def test_the_standard_scope_and_a_qualifier_of_another_sentence_keep_the_baseline() -> None:
    # 不含农户 is how the statistics bureau defines the series itself; a 扣除 in the sentence
    # before qualifies another figure
    for review in (
        "固定资产投资（不含农户）增长2.7%。",
        "扣除价格因素，居民收入增长5%。固定资产投资增长2.7%。",
    ):
        plan = extract_plan(report(review, "固定资产投资增长4.5%。")).plan
        assert by_id(plan)["fixed_asset_investment"]["baseline"] == {
            "year": 2025,
            "growth": Decimal("2.7"),
        }, review


def test_compare_counts_a_drafted_baseline_the_plan_does_not_state() -> None:
    # the draft of before: 2.7 beside a plan with no baseline for the target; a baseline the
    # draft leaves out (the plan's amount 13697.5 beside the draft's growth) is no difference
    text = "固定资产投资增长4.5%。地区生产总值增长5.5%左右。"
    gold = {
        "targets": [
            {"id": "fixed_asset_investment", "kind": "growth", "min": 4.5, "quote": text[:11]},
            {
                "id": "gdp",
                "kind": "growth",
                "around": 5.5,
                "quote": text[12:],
                "baseline": {"year": 2025, "value": 13697.5, "growth": 5.8},
            },
        ]
    }
    draft = {"targets": [dict(t) for t in gold["targets"]]}
    draft["targets"][0]["baseline"] = {"year": 2025, "growth": 2.7}
    draft["targets"][1]["baseline"] = {"year": 2025, "growth": 5.8}
    comparison = compare_plans(draft, gold, text)
    assert comparison.total.exact == 1
    (wrong,) = [p for p in comparison.pairs if p.differences]
    assert wrong.gold_id == "fixed_asset_investment"
    assert [(d.field, d.gold, d.draft) for d in wrong.differences] == [
        ("baseline.growth", None, 2.7)
    ]


# ------------------------------------------------------------------ D4: the list's verb


def names(sentence: str) -> dict[str, str]:
    """Each work target's quote and name, `sentence` the report's work."""
    return {t["quote"]: t["name"] for t in works(report("", "地区生产总值增长5%左右。", sentence))}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 辽宁: the figure after the thing, the first thing with its own modifier
        (
            "新建省级以上概念验证中心5家、中试基地10家、专业孵化器5家。",
            {"中试基地10家": "新建中试基地", "专业孵化器5家": "新建专业孵化器"},
        ),
        (
            "新增省级专精特新企业300家、雏鹰瞪羚独角兽企业500家。",
            {"雏鹰瞪羚独角兽企业500家": "新增雏鹰瞪羚独角兽企业"},
        ),
        ("改造老旧小区300个、老旧管网3500公里。", {"老旧管网3500公里": "改造老旧管网"}),
        (
            "建设改造农村公路4000公里、农村电网5800公里。",
            {"农村电网5800公里": "建设改造农村电网"},
        ),
        # 甘肃
        (
            "改造城镇老旧小区10万户、市政管网1000公里、供热设施4000台。",
            {"市政管网1000公里": "改造市政管网", "供热设施4000台": "改造供热设施"},
        ),
        (
            "新增省级创新平台30个、专精特新中小企业100户、高新技术企业150家。",
            {
                "专精特新中小企业100户": "新增专精特新中小企业",
                "高新技术企业150家": "新增高新技术企业",
            },
        ),
        # 贵州: a verb after 新; 等级民宿 is not …等 + 级民宿
        (
            "新增五星级饭店10家以上、四星级饭店30家、等级民宿100家。",
            {"四星级饭店30家": "新增四星级饭店", "等级民宿100家": "新增等级民宿"},
        ),
        ("新打造省级特色酒庄5个、美酒美食街区5条。", {"美酒美食街区5条": "新打造美酒美食街区"}),
        # 辽宁 (D8): a grade's noun of 9 characters, and the list's verb on the later grade
        (
            "布局建设20个国家级、19个省级粮食产能提升重点县。",
            {
                "布局建设20个国家级": "布局建设国家级粮食产能提升重点县",
                "19个省级粮食产能提升重点县": "布局建设省级粮食产能提升重点县",
            },
        ),
    ],
)
def test_a_later_item_takes_the_lists_verb_when_its_figure_follows_it(
    sentence: str, expected: dict[str, str]
) -> None:
    found = names(sentence)
    assert {quote: found.get(quote) for quote in expected} == expected


@needs_corpus
def test_an_amount_of_a_later_item_takes_no_verb_nor_a_flag() -> None:
    # 山东: 完成交通投资2300亿元、能源投资2100亿元 — each amount its own, not 完成能源投资's
    targets = {t["quote"]: t for t in corpus_plan("山东省")["targets"]}
    energy = targets["能源投资2100亿元"]
    assert energy["name"] == "能源投资" and not flagged(energy)


def flagged(target: dict[str, Any]) -> bool:
    return "may not say what is counted" in str(target.get("review", ""))


def test_a_later_item_the_verb_cannot_reach_is_named_with_the_list() -> None:
    # 福建: 培育“独角兽”、“瞪羚”企业360家 — the name lacked the verb and the other kind, and was
    # flagged so; since session 28 (work_subjects) the 360 is read as the whole list's, its name
    # and quote open with it, and there is nothing left to flag
    (target,) = [
        t for t in works(report("", "地区生产总值增长5%左右。", "培育“独角兽”、“瞪羚”企业360家。"))
    ]
    assert (target["name"], target["quote"]) == (
        "培育“独角兽”、“瞪羚”企业",
        "培育“独角兽”、“瞪羚”企业360家",
    )
    assert not flagged(target)


@needs_corpus
def test_liaoning_names_and_flags_of_the_counted_lists() -> None:
    targets = {t["quote"]: t for t in corpus_plan("辽宁省")["targets"]}
    assert targets["中试基地10家"]["name"] == "新建中试基地"
    assert targets["老旧管网3500公里"]["name"] == "改造老旧管网"
    assert not flagged(targets["中试基地10家"])
    # D8: 大模型 is a noun, not a modifier like 科技型
    model = targets["培育垂直行业大模型80个"]
    assert model["name"] == "培育垂直行业大模型" and not flagged(model)
    clusters = [targets[q]["name"] for q in ("着力培育6个世界级", "7个国家级", "9个区域级产业集群")]
    assert clusters == ["培育世界级产业集群", "培育国家级产业集群", "培育区域级产业集群"]


# ------------------------------------------------------------------ D5: numbering, leads, pairs


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 甘肃's 民生实事: a pair joined by 和, each with its own figure, and the list's numbering
        (
            "二是利用闲置资源改造建设100个乡镇综合养老服务中心和300个村级互助幸福院。",
            {
                100: "利用闲置资源改造建设乡镇综合养老服务中心",
                300: "利用闲置资源改造建设村级互助幸福院",
            },
        ),
        (
            "三是支持1万名未就业普通高校毕业生到基层就业。",
            {1: "支持未就业普通高校毕业生到基层就业"},
        ),
        ("十是实施100个社区儿童友好空间改造工程。", {100: "实施社区儿童友好空间改造工程"}),
        # 辽宁, 湖北: who and when, and a count of kinds beside the figure
        ("我们继续安排20件民生实事。", {20: "安排民生实事"}),
        ("今年将继续实施10大类60项民生实事项目。", {60: "实施民生实事项目"}),
        # 广东: the pair's things after one verb
        ("重点建设40个绿美点和6条绿美带。", {40: "重点建设绿美点", 6: "重点建设绿美带"}),
    ],
)
def test_a_name_says_its_own_thing_without_numbering_lead_or_the_pairs_other(
    sentence: str, expected: dict[int, str]
) -> None:
    found = {
        int(t["min"]): t["name"]
        for t in works(report("", "地区生产总值增长5%左右。", sentence))
        if "min" in t
    }
    assert {figure: found.get(figure) for figure in expected} == expected


# ------------------------------------------------------------------ D3: fixed sets worked on


def test_fixed_sets_worked_on_are_ongoing() -> None:
    # 辽宁: 建强 is 做强's sibling, each grade of the pair named with the noun; 推动4个万亿级产业
    # 基地提质升级 a set of bases, as 打造…4个万亿级新兴支柱产业 (not 有色等10个传统产业提质升级:
    # what is there made better)
    found = {
        (t["name"], t["kind"], int(t["min"]))
        for t in works(
            report(
                "",
                "地区生产总值增长5%左右。",
                "推进国家医学中心项目建设，争创国家儿童医学中心，建强2个国家级和22个省级区域医疗中心。"
                "坚定不移做好结构调整“三篇大文章”，推动4个万亿级产业基地提质升级。"
                "推动有色等10个传统产业提质升级。",
            )
        )
    }
    assert found == {
        ("建强国家级区域医疗中心", "ongoing", 2),
        ("建强省级区域医疗中心", "ongoing", 22),
        ("万亿级产业基地提质升级", "ongoing", 4),
    }


# ------------------------------------------------------------------ D9: a group's name


def test_a_pending_group_of_indicators_keeps_its_name() -> None:
    # 甘肃: 生态环境保护 names a field, 生态环境保护约束性指标 the group the nation sets
    plan = extract_plan(
        report(
            "", "地区生产总值增长5%左右，碳排放强度、生态环境保护约束性指标完成国家下达控制目标。"
        )
    ).plan
    targets = by_id(plan)
    assert targets["eco_binding_indicators"]["name"] == "生态环境保护约束性指标"
    assert targets["eco_binding_indicators"]["pending"] is True
    assert targets["co2_intensity"]["name"] == "碳排放强度"
    # several indicators, none named: the kind and unit say nothing (the bundled plan's note)
    assert "kind and unit are placeholders" in targets["eco_binding_indicators"]["note"]
    assert "placeholders" not in targets["co2_intensity"]["note"]


# ------------------------------------------------------------------ D2: reasons for confidence


REASONS = (
    "完成今年发展目标，不是轻轻松松就能实现的。同时，我们具备振兴突破的较好基础和诸多有利条件。"
    "从发展支撑看，经过多年接续努力，我省产业、科教、人才、基础设施等形成较强支撑能力。今年，"
    "新材料、新能源等新兴产业项目建成投产，交通、水利等重大项目开工建设，文旅体商融合等消费"
    "新业态加快形成。我们完全有条件、有能力全面完成全年目标任务。"
)


def test_the_reasons_the_aims_can_be_met_are_no_targets() -> None:
    # 辽宁's paragraph after the targets' 说明: what will help, drafted as a milestone before
    quotes = [t["quote"] for t in works(report("", "地区生产总值增长4.5%左右。", REASONS))]
    assert quotes == []


def test_a_milestone_of_a_paragraph_without_such_reasons_is_still_drafted() -> None:
    work = "推动徐大堡核电3号机组、华锦阿美精细化工、亿纬锂能沈阳工厂等项目建成投产。"
    quotes = [t["quote"] for t in works(report("", "地区生产总值增长4.5%左右。", work))]
    # (three projects, a milestone each since audit C's D4: the first quotes the clause)
    assert quotes == [
        "推动徐大堡核电3号机组、华锦阿美精细化工、亿纬锂能沈阳工厂等项目建成投产",
        "华锦阿美精细化工、亿纬锂能沈阳工厂等项目建成投产",
        "亿纬锂能沈阳工厂等项目建成投产",
    ]


@needs_corpus
def test_liaoning_draws_no_milestone_from_its_reasons_for_confidence() -> None:
    plan = corpus_plan("辽宁省")
    assert not [t for t in plan["targets"] if "新兴产业项目建成投产" in t["quote"]]


@needs_corpus
def test_a_name_of_a_figure_alone_is_flagged() -> None:
    # 天津: 改造老旧供热、燃气、排水管网800公里、600公里、300公里 — 分别 unsaid, the later two
    # were named by their figures; since session 30 (s30-wgolda) three kinds and three figures
    # pair in order, each named; two kinds (which of the two is the figure's, the words do not
    # part) still leave a figure alone, flagged
    targets = [t for t in corpus_plan("天津市")["targets"] if "600公里、300公里" in t["quote"]]
    assert [(t["name"], t["min"]) for t in targets] == [
        ("改造老旧供热管网", Decimal(800)),
        ("改造老旧燃气管网", Decimal(600)),
        ("改造老旧排水管网", Decimal(300)),
    ]
    text = report("", "地区生产总值增长5%左右。", "改造老旧燃气、排水管网600公里、300公里。")
    alone = {t["quote"]: t for t in works(text)}["300公里"]
    assert alone["name"] == "300公里" and flagged(alone)
