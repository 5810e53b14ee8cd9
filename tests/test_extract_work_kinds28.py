"""Work targets of session 28 drafted with the wrong kind, unit or name (a verifier's "not
fixed" items, s28-verify2): a rate per head of work done (广东 食品抽检量超每千人6.6批次) builds
up over the year; a set counted in Chinese and worked on (湖北 做强十大重点农业产业链, 贵州
“六大产业集群”, 山东 十大…集群) is work under way, not so many new things; a water class held
(保持Ⅱ类水质) is in 类, not %; a capacity (产能1400万吨/年建成试运转) is named with whose it is.
Each on its report's own sentence."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from plancli.extract import extract_plan

HEADLINE = (
    "经济社会发展的主要预期目标是：生产总值增长5％左右，一般公共预算收入增长3％，"
    "城镇新增就业40万人以上，城镇调查失业率5.5％左右。"
)


def _report(*sentences: str) -> str:
    body = "\n".join(sentences)
    return (
        "2026年政府工作报告\n三、2026年重点工作\n今年是“十五五”开局之年。\n"
        f"{HEADLINE}\n（一）着力扩大有效需求，推动经济稳中向好\n{body}\n"
    )


def _work(*sentences: str) -> dict[str, dict[str, Any]]:
    draft = extract_plan(_report(*sentences), year=2026)
    return {
        t["quote"]: t
        for t in draft.plan["targets"]
        if t["section"] not in ("headline", "investment")
    }


def test_samples_per_thousand_people_build_up_over_the_year() -> None:
    """广东: 食品抽检量超每千人6.6批次 was a `level`, so 6.0 recorded in June was 滞后 (behind)
    though 91 % of the year's samples were taken; samples are added month by month:
    `cumulative` in 批次/千人."""
    found = _work(
        "加大校园食堂、连锁餐饮、超市等重点场所食品抽检力度，食品抽检量超每千人6.6批次，"
        "其中开展“你点我检”食品抽检超5万批次。"
    )
    rate = found["食品抽检量超每千人6.6批次"]
    assert (rate["name"], rate["kind"], rate["unit"]) == ("食品抽检量", "cumulative", "批次/千人")
    assert rate["min"] == Decimal("6.6")
    from plancli.extract.work_forms import work_kind

    # a rate per head of a stock stays a level (托位 there are, not added each month)
    assert work_kind("每千人口托位数达到4.5个", "托位数", "个/千人")[0] == "level"


def test_a_set_counted_in_chinese_and_worked_on_is_ongoing() -> None:
    """湖北 以需求牵引和市场导向持续做强十大重点农业产业链 was 10 new chains (`cumulative`); the
    ten are there and 做强 works on them, as 做强5个… is read: `ongoing`. So 贵州 全力打造“六大产业
    集群” (the six 产业基地 upgraded) and 山东 打造十大专精特新外贸优品集群; 广东 打造十大群众赛事
    stays ten events to hold, a count."""
    found = _work(
        "以需求牵引和市场导向持续做强十大重点农业产业链。",
        "全力打造“六大产业集群”。",
        "实施工贸协同、出口品牌培育计划，打造十大专精特新外贸优品集群。",
        "广泛开展群众性文化活动，打造十大群众赛事。",
    )
    chains = found["以需求牵引和市场导向持续做强十大重点农业产业链"]
    # (in 条, as the reports count chains: 山东 19条标志性产业链; 个 until session 30)
    assert (chains["kind"], chains["unit"], chains["min"]) == ("ongoing", "条", 10)
    assert found["全力打造“六大产业集群”"]["kind"] == "ongoing"
    assert found["打造十大专精特新外贸优品集群"]["kind"] == "ongoing"
    events = found["打造十大群众赛事"]
    assert (events["kind"], events["min"]) == ("cumulative", 10)
    # so many more (以上) is still new ones
    more = _work("培育10个以上省级数据产业集群。")["培育10个以上省级数据产业集群"]
    assert more["kind"] == "cumulative"


def test_a_water_class_is_in_class_not_percent(tmp_path: Path, invoke: Any) -> None:
    """陕西 保持黄河干流Ⅱ类水质 (and a headline's 水质稳定保持Ⅲ类) was drafted in %, so a class
    recorded showed as `2 %`: the unit is 类, and `show` says `Ⅱ类`."""
    found = _work("保持黄河干流Ⅱ类水质，开展渭河、无定河等环境治理提升。")
    water = found["保持黄河干流Ⅱ类水质"]
    # a class held: a level, at most Ⅱ类, as the headline's (session 43; before an indicator)
    assert (water["name"], water["kind"], water["unit"]) == ("黄河干流水质", "level", "类")
    assert water["max"] == 2
    draft = extract_plan(
        "2026年政府工作报告\n今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，"
        "确保某湖水质稳定保持Ⅲ类。\n",
        year=2026,
    )
    # the headline's class is a level, at most Ⅲ类 (session 43; before an indicator)
    (lake,) = [t for t in draft.plan["targets"] if t["unit"] == "类"]
    assert (lake["quote"], lake["kind"], lake["max"]) == ("确保某湖水质稳定保持Ⅲ类", "level", 3)
    report = tmp_path / "r.txt"
    report.write_text(_report("保持黄河干流Ⅱ类水质，开展渭河、无定河等环境治理提升。"), "utf-8")
    plan, ledger = tmp_path / "p.toml", tmp_path / "l.toml"
    assert invoke("extract", str(report), "-o", str(plan)).exit_code == 0
    text = plan.read_text("utf-8")
    target = text[: text.index('name = "黄河干流水质"')].rsplit('id = "', 1)[1].split('"')[0]
    where = ("--plan", str(plan), "--ledger", str(ledger))
    assert invoke(*where, "record", target, "2", "--period", "2026").exit_code == 0
    shown = invoke(*where, "show", target).stdout
    # the class as the report writes it (s29-wforms): Ⅱ类, not `2 类` (nor `2 %`)
    assert "Ⅱ类" in shown and "2 类" not in shown and "2 %" not in shown


def test_a_capacity_is_named_with_whose_it_is() -> None:
    """陕西 力争黄蒿界等6处煤矿、产能1400万吨/年建成试运转: the capacity was named 产能建成试运转,
    whose capacity dropped; it is the mines' the piece before counts."""
    found = _work(
        "深化能源工业“稳控转”，加快释放煤炭优质产能，力争黄蒿界等6处煤矿、"
        "产能1400万吨/年建成试运转。"
    )
    capacity = found["产能1400万吨/年建成试运转"]
    assert capacity["name"] == "黄蒿界等煤矿产能建成试运转"
    assert (capacity["kind"], capacity["unit"]) == ("cumulative", "万吨/年")
    from plancli.extract.work_amounts import capacity_subject

    assert capacity_subject("加快释放煤炭优质产能") == ""  # no count before: no subject
