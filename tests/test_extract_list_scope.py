"""What a verb of a list governs, fixed sets worked on, and names and milestones that name
nothing (the 2026 audit's D2, D3 and D6; docs/extract.md, "Work targets").

河南's 推动中欧（亚）班列拓线扩量、开行4000班次 was drafted `ongoing` (推动 read over 开行), so
2,100 trains by June were judged 滞后; its 科技型中小企业3.2万家, under the 达到 of the piece
before it, `cumulative` (全年预计 6.6万家); 辽宁's 着力培育6个世界级、7个国家级、9个区域级产业集群
gave targets named 培育世界级 and 国家级; slogans (办好人民满意的教育) were milestones due at the
year's end. Each rule is tested on the reports' own sentences.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tests.extract_reports import work_targets


def _work_list(*sentences: str) -> list[dict[str, Any]]:
    """The work targets drafted from a 2026 report whose work sections say `sentences`."""
    return work_targets(*sentences)


def _work(*sentences: str) -> dict[str, dict[str, Any]]:
    """The same by quote."""
    return {t["quote"]: t for t in _work_list(*sentences)}


def test_a_push_ends_where_the_next_piece_says_its_own_verb() -> None:
    """推动 governs 拓线扩量, not 开行4000班次: the year's runs are delivered (`cumulative`), named
    by what runs (before: `ongoing`, named 开行). A list without verbs of its own stays under
    推进 (稳妥推进55个扩面试点项目、30个城市更新重点片区建设), and so does a piece whose verb only
    names the work (推进燃煤电厂脱硫改造1500万千瓦、脱硝改造1.3亿千瓦)."""
    by_quote = _work(
        "扩大高水平对外开放。推动中欧（亚）班列拓线扩量、开行4000班次。",
        "推进城市更新。稳妥推进55个扩面试点项目、30个城市更新重点片区建设，让更多群众住上好房子。",
        "加强生态环境保护。推进燃煤电厂脱硫改造1500万千瓦、脱硝改造1.3亿千瓦。",
    )
    trains = by_quote["开行4000班次"]
    assert (trains["kind"], trains["name"], trains["min"]) == (
        "cumulative",
        "中欧（亚）班列开行",
        Decimal(4000),
    )
    assert by_quote["稳妥推进55个扩面试点项目"]["kind"] == "ongoing"
    assert by_quote["30个城市更新重点片区建设"]["kind"] == "ongoing"
    assert by_quote["脱硝改造1.3亿千瓦"]["kind"] == "ongoing"


def test_a_push_to_an_end_state_is_delivered() -> None:
    """推动…机组建成投运 (陕西), 推动20个…附属空间对社会开放共享 (上海): what 推动 brings to an end
    state is counted as delivered, not as work under way."""
    by_quote = _work(
        "强化电力保障能力。推动商洛电厂二期、店头电厂二期等402万千瓦机组建成投运，"
        "开工750千伏定靖西、330千伏沣渭等输变电工程。",
        "提升城市品质。推动20个机关、企事业单位附属空间对社会开放共享，"
        "完成100公里架空线入地和杆箱整治。",
    )
    # (quoted from the list of plants since session 28: the 402万千瓦 is both plants')
    assert by_quote["推动商洛电厂二期、店头电厂二期等402万千瓦机组建成投运"]["kind"] == "cumulative"
    assert by_quote["推动20个机关"]["kind"] == "cumulative"


def test_a_verb_of_a_list_governs_the_pieces_without_their_own() -> None:
    """国家高新技术企业达到1.5万家、科技型中小企业3.2万家: one 达到 over both, two stocks
    (`level`; before: the second `cumulative`, extrapolated to 6.6万 at June)."""
    by_quote = _work(
        "健全优质企业梯度培育体系，国家高新技术企业达到1.5万家、科技型中小企业3.2万家。"
    )
    assert by_quote["国家高新技术企业达到1.5万家"]["kind"] == "level"
    smes = by_quote["科技型中小企业3.2万家"]
    assert (smes["kind"], smes["name"], smes["unit"]) == ("level", "科技型中小企业", "万家")


def test_an_area_sown_is_held_and_an_output_is_the_years() -> None:
    """粮食播种面积 and 种植面积 are areas held (`level`); an output is the year's (`cumulative`)
    although worded 稳定在 (北京's 蔬菜产量稳定在200万吨左右)."""
    by_quote = _work(
        "严格落实耕地保护规划，确保粮食播种面积稳定在100万亩以上、蔬菜产量稳定在200万吨左右。",
        "持续实施新一轮粮食产能提升行动，确保粮食种植面积4510万亩以上。",
    )
    assert by_quote["确保粮食种植面积4510万亩以上"]["kind"] == "level"
    assert by_quote["蔬菜产量稳定在200万吨左右"]["kind"] == "cumulative"


def test_a_fixed_set_worked_on_is_ongoing_and_named_with_its_noun() -> None:
    """着力培育6个世界级、7个国家级、9个区域级产业集群 (辽宁): work on a fixed set of clusters, not
    clusters delivered in the year; each named with the noun the last says (before: 培育世界级,
    国家级). 打造40个重点消费品产业集群, 抓好507栋危旧简易楼排险工作 the same; 培育10个以上省级
    数据产业集群 is so many more (cumulative)."""
    by_quote = _work(
        "推动产业集群与实验室群、中试平台、制造业创新中心等深度对接，"
        "着力培育6个世界级、7个国家级、9个区域级产业集群。",
        "深化“平台+产业”双向赋能，打造40个重点消费品产业集群。",
        "推动出台数据条例，培育10个以上省级数据产业集群。",
        "抓好507栋危旧简易楼排险工作，改造完工老旧小区300个以上。",
    )
    clusters = [by_quote[q] for q in ("着力培育6个世界级", "7个国家级", "9个区域级产业集群")]
    assert [(t["kind"], t["name"]) for t in clusters] == [
        ("ongoing", "培育世界级产业集群"),
        # the list's verb on every grade, as on any later item (session 25, audit N D4/D8)
        ("ongoing", "培育国家级产业集群"),
        ("ongoing", "培育区域级产业集群"),
    ]
    assert by_quote["打造40个重点消费品产业集群"]["kind"] == "ongoing"
    assert by_quote["抓好507栋危旧简易楼排险工作"]["kind"] == "ongoing"
    assert by_quote["培育10个以上省级数据产业集群"]["kind"] == "cumulative"


def test_names_a_piece_takes_from_the_list_and_the_scope_of_the_work() -> None:
    """完成投资超4500亿元 after 建设亿元以上项目4000个 is those projects' investment (before: named
    完成投资); …整治3件事 counts the things listed, no target (before: one, named …整治事);
    visitors grow in 万人次 (before: 亿元)."""
    by_quote = _work(
        "强化项目落地保障，建设亿元以上项目4000个、完成投资超4500亿元。",
        "突出抓好渔船“木改钢”、化工老旧装置改造和矿山全面排查整治3件事，"
        "持续推进社会面小场所安全治理。",
        "打造海岛游等精品线路，力争接待游客人次增长10%。",
    )
    assert by_quote["完成投资超4500亿元"]["name"] == "亿元以上项目完成投资"
    assert not any("3件事" in quote for quote in by_quote)
    visitors = by_quote["力争接待游客人次增长10%"]
    assert (visitors["kind"], visitors["unit"]) == ("growth", "万人次")


def test_slogans_are_no_milestones_and_events_are() -> None:
    """办好人民满意的教育, 办好特殊教育, 高质量办好老年大学: open-ended effort, no deliverable
    (before: milestones due at the year's end); 办好 an event is one (办好省第十六届运动会、兰州
    国际马拉松, 办好…运动会等体育赛事, 办好…峰会等主场外交)."""
    by_quote = _work(
        "办好人民满意的教育。引导规范民办教育发展，办好特殊教育。",
        "高质量办好老年大学。",
        "办好省第十六届运动会、兰州国际马拉松。",
        "办好东北地区城市足球联赛、省第十五届运动会等体育赛事，振兴发展“三大球”。",
        "办好博鳌亚洲论坛年会、上海合作组织峰会、中非合作论坛峰会等主场外交。",
    )
    milestones = [t["name"] for t in by_quote.values() if t["kind"] == "milestone"]
    assert not any("教育" in name or "老年大学" in name for name in milestones)
    events = (
        "省第十六届运动会",
        "兰州国际马拉松",
        "东北地区城市足球联赛",
        "省第十五届运动会",
        "博鳌",
    )
    for event in events:
        assert any(event in name for name in milestones), event


def test_outputs_held_roads_built_and_buildings_without_permits() -> None:
    """生猪、家禽年出栏量分别稳定在3900万头、13.5亿只以上 (广东): each the year's output
    (before: the hogs a level); 县道提档升级建设里程超600公里: kilometres built this year, not a
    network's length held; 治理无手续建筑500万平方米 (北京): delivered (before: `ongoing`, its
    手续建筑 read as 续建, projects under way)."""
    work = _work_list(
        "大力发展优势畜禽养殖，生猪、家禽年出栏量分别稳定在3900万头、13.5亿只以上。",
        "新建和改造提升农村公路2500公里，其中县道提档升级建设里程超600公里，提升县域通达水平。",
        "拆除违法建设500万平方米、治理无手续建筑500万平方米，巩固背街小巷等治理成效。",
    )
    by_quote = {t["quote"]: t for t in work}
    animals = [t for t in work if "出栏量" in t["quote"]]
    assert [(t["min"], t["kind"]) for t in animals] == [
        (Decimal(3900), "cumulative"),
        (Decimal("13.5"), "cumulative"),
    ]
    assert by_quote["其中县道提档升级建设里程超600公里"]["kind"] == "cumulative"
    assert by_quote["治理无手续建筑500万平方米"]["kind"] == "cumulative"


def test_a_count_of_people_reached_is_a_level() -> None:
    """全省养老机构护理员持证人数达到4500人以上 (广东): how many hold the certificate, a level
    (before: `cumulative`, as if 4500 were certified this year; 新增持证养老护理员超1500人 is)."""
    by_quote = _work(
        "开展职业技能培训超5万人次，新增持证养老护理员超1500人，"
        "全省养老机构护理员持证人数达到4500人以上。"
    )
    assert by_quote["全省养老机构护理员持证人数达到4500人以上"]["kind"] == "level"
    assert by_quote["新增持证养老护理员超1500人"]["kind"] == "cumulative"
