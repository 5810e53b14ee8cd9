"""Work targets of the 2026 corpus drafted in the wrong form, unit, name or id (session 29,
s29-wforms), each on its report's own sentence and a variant another report could write: a
rate the vocabulary has no entry for kept a positional id (广东 地表水水质优良率 `w10_t05`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from plancli.extract import extract_plan
from test_extract_work_kinds28 import _report  # a report around the sentences, one for both


def _targets(*sentences: str) -> list[dict[str, Any]]:
    draft = extract_plan(_report(*sentences), year=2026)
    return [t for t in draft.plan["targets"] if t["section"] not in ("headline", "investment")]


def _work(*sentences: str) -> dict[str, dict[str, Any]]:
    return {t["quote"]: t for t in _targets(*sentences)}


def test_a_common_rate_gets_a_readable_id() -> None:
    """广东 确保地表水水质优良率完成国家下达任务 was `w10_t05`, a position a new clause before
    it shifts; a rate whose name ends in a common rate word has an id from its words."""
    found = _work(
        "抓好污水治理、污染源管控、生态修复，巩固国考断面治理成效，"
        "确保地表水水质优良率完成国家下达任务。",
        "主要河流出境断面水质优良率保持100%，农村生活污水治理率达到50%以上。",
        "基本医保参保率稳定在95%以上，近岸海域优良水质比例达到90%。",
    )
    ids = {quote: target["id"] for quote, target in found.items()}
    assert ids["确保地表水水质优良率完成国家下达任务"] == "surface_water_quality_good_rate"
    assert ids["主要河流出境断面水质优良率保持100%"] == "outflow_section_water_quality_good_rate"
    assert ids["农村生活污水治理率达到50%以上"] == "rural_sewage_treatment_rate"
    assert ids["基本医保参保率稳定在95%以上"] == "medical_insurance_enrolment_rate"
    assert ids["近岸海域优良水质比例达到90%"] == "coastal_water_quality_good_rate"


def test_a_rate_word_that_says_too_little_keeps_its_position() -> None:
    """覆盖率 alone (紧密型城市医疗集团区级覆盖率) would be coverage_rate, coverage_rate_2…: no
    better than the position; two rates of one id are told apart by _2."""
    from plancli.extract.rate_ids import rate_id, rate_ids

    assert rate_id("紧密型城市医疗集团区级覆盖率") is None
    assert rate_id("主次干道、背街小巷装灯率") is None  # no rate word of the table
    # the seed plan's own id
    assert rate_id("城市生活垃圾无害化处理率") == "garbage_harmless_treatment_rate"
    taken = {"forest_coverage_rate"}
    assert rate_ids("w1_t01", "森林覆盖率", "%", taken) == "forest_coverage_rate_2"
    assert rate_ids("w1_t01", "森林覆盖率", "万亩", set()) == "w1_t01"  # a rate is in %


def test_a_bank_set_up_and_run_is_a_milestone() -> None:
    """甘肃 巩固中小金融机构改革化险成果，组建运营甘肃农商银行: a bank set up and run this year,
    checkable by December, had no target (组建 took only a 集团, 研究院, 中心…; 组建运营 no
    verb of a milestone). So a bank in a list of bodies, and one opened (挂牌运营, 开业运营)."""
    found = _work(
        "用足用好化债政策，推动有条件的市县提前实现隐性债务清零。"
        "巩固中小金融机构改革化险成果，组建运营甘肃农商银行。",
        "组建省国金投资集团、江苏农商联合银行。",
        "推动省农商联合银行挂牌运营，确保省数据交易所开业运营。",
    )
    bank = found["组建运营甘肃农商银行"]
    assert (bank["name"], bank["kind"], bank["due"]) == (
        "组建运营甘肃农商银行",
        "milestone",
        "2026",
    )
    names = {t["name"] for t in found.values() if t["kind"] == "milestone"}
    assert {"组建江苏农商联合银行", "省农商联合银行挂牌运营", "省数据交易所开业运营"} <= names
    # a bank merged into another or still being set up is no deliverable of the year
    assert not _work("稳妥推进市（州）农商银行组建。")


def test_a_count_is_named_with_the_end_state_its_list_gives() -> None:
    """陕西 力争黄蒿界等6处煤矿、产能1400万吨/年建成试运转: the count was named 黄蒿界等煤矿,
    without what the sentence says of the mines; it is 黄蒿界等煤矿建成试运转, as the capacity is
    黄蒿界等煤矿产能建成试运转. So a plant's count before its capacity 建成投产, a project's before
    its investment 开工建设."""
    found = _work(
        "深化能源工业“稳控转”，加快释放煤炭优质产能，力争黄蒿界等6处煤矿、"
        "产能1400万吨/年建成试运转。",
        "确保府谷等3座电厂、装机规模400万千瓦建成投产。",
        "推动渭南等12个水利项目、总投资80亿元开工建设。",
    )
    mines = found["力争黄蒿界等6处煤矿"]
    assert (mines["name"], mines["unit"], mines["min"]) == ("黄蒿界等煤矿建成试运转", "处", 6)
    names = {t["name"] for t in found.values()}
    assert "府谷等电厂建成投产" in names
    assert "渭南等水利项目开工建设" in names
    # a piece with work or an end of its own keeps its name
    from plancli.extract.work_amounts import shared_end

    assert shared_end(["力争3座电厂", "装机200万千瓦投运"], 0, "电厂") == "投运"
    assert shared_end(["新建3座电厂", "改造电网200公里投运"], 0, "新建电厂") == ""
    assert shared_end(["新建3座电厂并网", "电网200公里投运"], 0, "新建电厂并网") == ""


def test_a_named_set_of_events_is_counted_in_xiang() -> None:
    """广东 广泛开展群众性文化活动，打造十大群众赛事: ten events, drafted in 个, a unit no
    analyst records events in; reports count events in 项 (北京 198项精品赛事). So 办好五大品牌
    赛事, 举办三大文化活动; a set of industries stays 个."""
    found = _work(
        "广泛开展群众性文化活动，打造十大群众赛事。",
        "办好五大品牌赛事，举办三大文化活动。",
        "培育六大未来产业。",
    )
    events = found["打造十大群众赛事"]
    assert (events["name"], events["kind"], events["unit"]) == (
        "打造十大群众赛事",
        "cumulative",
        "项",
    )
    assert events["min"] == 10
    assert (found["办好五大品牌赛事"]["unit"], found["办好五大品牌赛事"]["min"]) == ("项", 5)
    assert (found["举办三大文化活动"]["unit"], found["举办三大文化活动"]["min"]) == ("项", 3)
    assert found["培育六大未来产业"]["unit"] == "个"


def test_full_coverage_of_a_counted_set_is_a_coverage_not_a_count() -> None:
    """广东 全省320家承包或委托经营的中小学食堂、40家学生集体用餐配送单位实现全流程检查评价及
    供餐质量安全监测全覆盖: drafted as 320 and 40 家 delivered, though the canteens and units
    exist; what the year must reach is all of them monitored, a coverage of 100 % of each set,
    its size in the note. So a set alone (1200所中小学实现…全覆盖); not effort towards it."""
    targets = _targets(
        "加大校园食堂、连锁餐饮、超市等重点场所食品抽检力度。全省320家承包或委托经营的中小学食堂、"
        "40家学生集体用餐配送单位实现全流程检查评价及供餐质量安全监测全覆盖。",
        "全市1200所中小学实现心理健康教育全覆盖。",
        "推动50家医院实现检查结果互认全覆盖。",
    )
    shapes = [(t["name"], t["kind"], t["unit"], t.get("min")) for t in targets]
    assert shapes[:3] == [
        ("承包或委托经营的中小学食堂全流程检查评价及供餐质量安全监测覆盖率", "level", "%", 100),
        ("学生集体用餐配送单位全流程检查评价及供餐质量安全监测覆盖率", "level", "%", 100),
        ("中小学心理健康教育覆盖率", "level", "%", 100),
    ]
    assert targets[1]["quote"] == (
        "40家学生集体用餐配送单位实现全流程检查评价及供餐质量安全监测全覆盖"
    )
    assert "(320 家)" in targets[0]["note"]
    # the 100 % is the quote's 全覆盖: `validate` finds no bound missing from it
    from plancli.model import Plan
    from plancli.plan_checks import check_plan

    draft = extract_plan(_report("全市1200所中小学实现心理健康教育全覆盖。"), year=2026).plan
    findings = check_plan(Plan.model_validate(draft))
    assert not [f for f in findings if f.code == "bound_not_in_quote"]
    # 推动…全覆盖 is effort towards it: the 50 hospitals stay what the clause counts
    assert not any(t["unit"] == "%" and "医院" in t["name"] for t in targets)


def test_a_water_class_is_shown_and_recorded_as_the_report_writes_it(
    tmp_path: Path, invoke: Any
) -> None:
    """江苏 确保长江干流江苏段水质保持Ⅱ类: a class recorded showed as `2 类`, a figure no report
    writes, and `record … Ⅱ类` was refused as no number. The class is shown Ⅱ类 (`show`, the
    history) and typed as the report writes it (Ⅱ类, II类, Ⅲ, iv) for a target in 类."""
    report = tmp_path / "r.txt"
    report.write_text(
        _report("进一步削减通江支流总磷污染负荷，确保长江干流江苏段水质保持Ⅱ类。"), "utf-8"
    )
    plan, ledger = tmp_path / "p.toml", tmp_path / "l.toml"
    assert invoke("extract", str(report), "-o", str(plan)).exit_code == 0
    text = plan.read_text("utf-8")
    target = text[: text.index('name = "长江干流江苏段水质"')].rsplit('id = "', 1)[1].split('"')[0]
    where = ("--plan", str(plan), "--ledger", str(ledger))
    assert invoke(*where, "record", target, "Ⅱ类", "--period", "2026").exit_code == 0
    shown = invoke(*where, "show", target).stdout
    assert "actual  Ⅱ类" in shown and "2 类" not in shown
    assert invoke(*where, "record", target, "III类", "--period", "2026").exit_code == 0
    assert "actual  Ⅲ类" in invoke(*where, "show", target).stdout
    refused = invoke(*where, "record", target, "VI类", "--period", "2026")
    assert refused.exit_code != 0 and "not a number" in refused.output


def test_a_class_bound_and_figure_text() -> None:
    """A bound in 类 (an analyst's 保持Ⅱ类 as max = 2) reads ≤ Ⅱ类; a figure no class is as
    recorded; another unit's 2 stays 2."""
    from decimal import Decimal

    from plancli.unit_words import class_figure, class_text

    assert class_text(Decimal(2), "类") == "Ⅱ类"
    assert class_text(Decimal("2.5"), "类") is None
    assert class_text(Decimal(2), "个") is None
    assert [class_figure(x, "类") for x in ("Ⅳ类", "II", "iii", "Ⅴ", "2")] == [
        "4",
        "2",
        "3",
        "5",
        "2",
    ]
    assert class_figure("II", "个") == "II"  # only a target in 类
    from plancli.fmt import bound_text
    from plancli.plain import Target

    water = Target("w", "work_7", "水质", "water", "level", "类", max=Decimal(2))
    assert bound_text(water) == "≤ Ⅱ类"
    count = Target("c", "work_7", "数", "count", "level", "个", min=Decimal(2))
    assert bound_text(count) == "≥ 2 个"
