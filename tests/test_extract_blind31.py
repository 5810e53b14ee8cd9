"""What rounds 31 to 35 taught (docs/extract.md, "Set HG…" to "Set HL…").

The misses of the national work golds (`workgoldHF/`) still open after round 30, set HG (the
State Council's reports 2021–2025, whole), set HI (seven more, 2006–2018), set HJ (2002,
2004, 2009, 2015), set HK (1997, 1999, 2001, 2003) and set HL (1993, 1995, 1998, 2000).
Every sentence here is written for the test in the reports' wording, not copied from the sets.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from extract_drafts import heads
from plancli.extract import extract_plan

REPORT = """2019年中华人民共和国国务院政府工作报告
各位代表：
一、2018年工作回顾
过去一年，经济运行保持在合理区间。
二、2019年政府工作任务
今年发展的主要预期目标是：国内生产总值增长6%－6.5%，居民消费价格涨幅3%左右。
（一）确保减税降费落实到位。中央财政要开源节流，一般性支出压减5%以上、“三公”经费再压减3%左右，长期沉淀资金一律收回。
（二）推进农村基础设施建设。今年要再解决3200万农村人口的安全饮水问题，增加500万农村沼气用户。
"""


def _work_of(text: str, year: int) -> list[dict[str, Any]]:
    draft = extract_plan(text, year=year)
    return [t for t in draft.plan["targets"] if t["section"] not in ("headline", "investment")]


def test_spending_cut_by_so_much_is_a_decline() -> None:
    """一般性支出压减5%以上、“三公”经费再压减3%左右: two falls by so much (before: missed, a
    percentage that 压减 did not name as a rate's change)."""
    by_quote = {t["quote"]: t for t in _work_of(REPORT, 2019)}
    cut = by_quote["一般性支出压减5%以上"]
    assert (cut["kind"], cut["min"], cut.get("decline")) == ("growth", Decimal(5), True)
    three = by_quote["“三公”经费再压减3%左右"]
    assert (three["kind"], three["around"], three.get("decline")) == ("growth", Decimal(3), True)


def test_a_count_in_ten_thousands_before_whom_it_counts() -> None:
    """3200万农村人口, 500万农村沼气用户: counts of people (万人) and households (万户), the noun
    after 万 (before: missed, 万 alone no unit)."""
    by_quote = {t["quote"]: t for t in _work_of(REPORT, 2019)}
    people = by_quote["今年要再解决3200万农村人口的安全饮水问题"]
    assert (people["kind"], people["unit"], people["min"]) == ("cumulative", "万人", Decimal(3200))
    users = by_quote["增加500万农村沼气用户"]
    assert (users["unit"], users["min"]) == ("万户", Decimal(500))


def test_ten_thousand_yuan_stays_money() -> None:
    """万元 and 万吨 keep their units: the people's 万 applies only before whom it counts."""
    text = REPORT.replace("增加500万农村沼气用户", "安排补助资金500万元，新增产能30万吨")
    units = {t["quote"]: t["unit"] for t in _work_of(text, 2019)}
    assert units["安排补助资金500万元"] == "万元"
    assert units["新增产能30万吨"] == "万吨"


FISCAL = REPORT.replace(
    "长期沉淀资金一律收回。",
    "长期沉淀资金一律收回。今年赤字率在2%左右。出国（境）经费、车辆购置及运行费、公务接待费等支出原则上零增长。"
    "今年中央财政拟投入423亿元。实施化肥农药零增长行动。",
).replace(
    "增加500万农村沼气用户。",
    "增加500万农村沼气用户。底线是严守18亿亩耕地红线。全面开展儿童白血病等20种重大疾病保障试点工作。"
    "将新型农村社会养老保险试点范围扩大到全国40%的县，在70%左右的地市开展分级诊疗试点。",
)


def test_spending_held_at_zero_growth_is_a_ceiling_each() -> None:
    """…公务接待费等支出原则上零增长: each spending's growth at most 0, three targets (before:
    missed); 化肥农药零增长行动 is a programme's name, no target."""
    found = _work_of(FISCAL, 2019)
    zero = [t for t in found if t["quote"].endswith("零增长")]
    assert [t["name"] for t in zero] == ["出国（境）经费", "车辆购置及运行费", "公务接待费"]
    assert all((t["kind"], t["max"], t.get("min")) == ("growth", 0, None) for t in zero)
    assert not any("化肥农药" in t["quote"] for t in found)


def test_the_national_reports_settings_and_shares() -> None:
    """赤字率在2%左右 (about 2 %), 拟投入423亿元, 严守18亿亩耕地红线 (a level to hold), 20种
    (a count of kinds), and shares of places covered (扩大到全国40%的县, 在70%左右的地市…): all
    missed before."""
    by_quote = {t["quote"]: t for t in _work_of(FISCAL, 2019)}
    ratio = by_quote["今年赤字率在2%左右"]
    assert (ratio["kind"], ratio["around"]) == ("level", Decimal(2))
    assert by_quote["今年中央财政拟投入423亿元"]["min"] == Decimal(423)
    red_line = by_quote["底线是严守18亿亩耕地红线"]
    assert (red_line["kind"], red_line["unit"], red_line["min"]) == ("level", "亿亩", Decimal(18))
    assert by_quote["全面开展儿童白血病等20种重大疾病保障试点工作"]["unit"] == "种"
    counties = by_quote["将新型农村社会养老保险试点范围扩大到全国40%的县"]
    assert (counties["kind"], counties["unit"], counties["min"]) == ("level", "%", Decimal(40))
    cities = by_quote["在70%左右的地市开展分级诊疗试点"]
    assert (cities["kind"], cities["around"]) == ("level", Decimal(70))


# Set HG's work golds (the 2021-2025 reports; `workgoldHF/` 712-716): 64 % recall blind.
SETTINGS = """2025年政府工作报告
一、2024年工作回顾
过去一年，经济运行总体平稳。
二、2025年经济社会发展总体要求和政策取向
实施更加积极的财政政策。今年赤字率拟按4%左右安排、比上年提高1个百分点，赤字规模5.66万亿元、比上年增加1.6万亿元。预计今年财政收入继续恢复增长，加上调入资金等，一般公共预算支出规模29.7万亿元、比上年增加1.2万亿元。中央本级支出继续安排负增长，对地方一般性转移支付增长7.8%、增幅明显高于去年，其中均衡性转移支付、县级基本财力保障机制奖补资金等增幅均超过10%。将2.8万亿元中央财政资金纳入直达机制、规模明显大于去年。中小企业宽带和专线平均资费再降10%。
三、2025年政府工作任务
（一）大力提振消费。去年，全国城镇新增就业1256万人，比上年增加12万人。
"""


def test_this_years_settings_set_against_last_years() -> None:
    """A figure with its comparison after a 、 (赤字规模5.66万亿元、比上年增加1.6万亿元,
    …增长7.8%、增幅明显高于去年) is this year's, the comparison no target (before: the clause
    read as last year's, every fiscal setting of the 2021-2025 reports missed); a deficit's 规模
    a ceiling; 预计今年… a forecast of this year, not last year's estimate."""
    by_quote = {t["quote"]: t for t in _work_of(SETTINGS, 2025)}
    assert (by_quote["今年赤字率拟按4%左右安排"]["around"]) == Decimal(4)
    deficit = by_quote["赤字规模5.66万亿元"]
    assert (deficit["kind"], deficit["max"], deficit.get("min")) == ("level", Decimal("5.66"), None)
    assert by_quote["一般公共预算支出规模29.7万亿元"]["min"] == Decimal("29.7")
    assert by_quote["对地方一般性转移支付增长7.8%"]["min"] == Decimal("7.8")
    assert by_quote["将2.8万亿元中央财政资金纳入直达机制"]["min"] == Decimal("2.8")
    assert not any(q.startswith("比上年") or "去年" in q for q in by_quote)
    assert not any("1256" in q for q in by_quote)  # (去年…: last year's, as before)


def test_negative_growth_shared_increases_and_a_cut() -> None:
    """继续安排负增长: below zero (exclusive); 均衡性转移支付、…奖补资金等增幅均超过10%: the
    rate each one's; 资费再降10%: a fall by so much."""
    found = _work_of(SETTINGS, 2025)
    negative = next(t for t in found if t["quote"] == "中央本级支出继续安排负增长")
    assert (negative["name"], negative["max"], negative.get("exclusive")) == (
        "中央本级支出",
        0,
        True,
    )
    shared = [t for t in found if "增幅均超过10%" in t["quote"]]
    assert len(shared) == 2
    assert all(t["kind"] == "growth" and t["min"] == Decimal(10) for t in shared)
    cut = next(t for t in found if "再降10%" in t["quote"])
    assert (cut["kind"], cut["min"], cut.get("decline")) == ("growth", Decimal(10), True)


# Set HI's work golds (the 2006-2018 reports; `workgoldHF/` 721-727): 81 % recall blind.
YEARS = """2012年政府工作报告
一、2011年工作回顾
过去一年，经济平稳较快发展。
二、2012年工作的总体部署
今年发展的主要预期目标是：国内生产总值增长7.5%。7.5%左右的增速可以实现比较充分的就业。
三、2012年主要任务
（一）加强农业。今年中央财政用于“三农”的支出达到3397亿元，比上年增加422亿元。今后五年中央财政将投入100亿元支持职业教育发展。“十二五”时期淘汰落后产能1亿吨。明年将安排200亿元。
（二）改善民生。今年要把城镇居民基本医保和新农合的财政补助标准提高到120元，比上年增长50%。将全国130万“老工伤”人员全部纳入工伤保险范围，覆盖农村5亿人口。将肺癌等12类大病纳入保障试点范围，今年将办好12类45件民生实事。今年要再取消和下放行政审批事项200项以上，退出煤炭产能1.5亿吨以上，全年再为企业和个人减税8000多亿元，今年再进城落户1300万人。分级诊疗试点扩大到85%以上地市。今年全国财政支出21万亿元。今年高校毕业生将达727万人。
"""


def test_this_years_figure_against_last_years_after_a_comma() -> None:
    """今年…支出达到3397亿元，比上年增加422亿元: a sentence opening with 今年 is this year's,
    the comparison after it notwithstanding (before: read as last year's result); a standard
    raised to (标准提高到120元) is a level."""
    by_quote = {t["quote"]: t for t in _work_of(YEARS, 2012)}
    assert by_quote["今年中央财政用于“三农”的支出达到3397亿元"]["min"] == Decimal(3397)
    standard = by_quote["今年要把城镇居民基本医保和新农合的财政补助标准提高到120元"]
    assert (standard["kind"], standard["min"]) == ("level", Decimal(120))
    assert not any("422" in q or "50%" in q for q in by_quote)


def test_goals_over_years_next_years_and_forecasts_are_no_targets() -> None:
    """今后五年…, “十二五”时期…, 明年…: other years' (before: drafted); the growth target
    explained (7.5%左右的增速可以…) and graduates foreseen (毕业生将达727万人) are no targets; 12类
    before a count of 45件 is the kinds the count falls in."""
    found = _work_of(YEARS, 2012)
    for gone in ("今后五年", "十二五", "明年", "增速可以", "毕业生"):
        assert not any(gone in t["quote"] for t in found), gone
    matters = [(t["unit"], t["min"]) for t in found if "12类45件" in t["quote"]]
    assert matters == [("件", Decimal(45))]


def test_the_older_national_reports_work_forms() -> None:
    """People counted in 万 or 亿 before whom (130万“老工伤”人员, 5亿人口), kinds counted (12类),
    取消/退出/减税/落户 as verbs, a share of places without 的 (85%以上地市), and the year's
    spending stated as it is (今年全国财政支出21万亿元): all missed before."""
    by_quote = {t["quote"]: t for t in _work_of(YEARS, 2012)}
    injured = by_quote["将全国130万“老工伤”人员全部纳入工伤保险范围"]
    assert (injured["unit"], injured["min"]) == ("万人", Decimal(130))
    assert by_quote["覆盖农村5亿人口"]["unit"] == "亿人"
    assert by_quote["将肺癌等12类大病纳入保障试点范围"]["unit"] == "类"
    assert by_quote["今年要再取消和下放行政审批事项200项以上"]["min"] == Decimal(200)
    assert by_quote["退出煤炭产能1.5亿吨以上"]["min"] == Decimal("1.5")
    assert by_quote["全年再为企业和个人减税8000多亿元"]["min"] == Decimal(8000)
    assert by_quote["今年再进城落户1300万人"]["min"] == Decimal(1300)
    share = by_quote["分级诊疗试点扩大到85%以上地市"]
    assert (share["kind"], share["min"]) == ("level", Decimal(85))
    assert by_quote["今年全国财政支出21万亿元"]["min"] == Decimal(21)


def test_a_line_cut_short_before_a_quotation_goes_on() -> None:
    """Chromium keeps “三农” whole and breaks before it, five characters short of the width
    (…今年中央财政用于 / “三农”的投入…): one sentence, not a paragraph's end (before: the target
    drafted without the words before the break)."""
    from test_extract_blind30 import FILLER, _wrapped

    rest = "“三农”的投入拟安排12287亿元，比上年增加1868亿元。要搞好灌区配套改造和小型农田水利建设。"
    text = (
        "2012年政府工作报告\n"
        + _wrapped(FILLER)
        + "今年发展的主要预期目标是：国内生产总值增长7.5%，城镇新增\n就业900万人以上。\n"
        + "三、2012年主要任务\n（一）加强农业。\n"
        + "加强农业农村基础设施建设。今年中央财政用于\n"  # 21 of 26 characters
        + _wrapped([rest])
    )
    money = next(t for t in _work_of(text, 2012) if "12287" in t["quote"])
    assert money["quote"] == "今年中央财政用于\n“三农”的投入拟安排12287亿元"


# Set HJ's work golds (2002, 2004, 2009, 2015; `workgoldHF/` 728-731): 83 % recall blind.
OLDER = """2009年政府工作报告
一、2008年工作回顾
过去一年，经济平稳较快发展。
二、2009年经济社会发展的总体要求和主要目标
今年经济社会发展的主要预期目标是：国内生产总值增长8%左右。
三、2009年主要任务
（一）扩大内需。实施总额4万亿元的两年投资计划，其中中央政府拟新增1.18万亿元。今年中央政府投资总额9080亿元。全国财政赤字合计9500亿元，其中中央财政赤字7500亿元。赤字率从去年的2.1%提高到2.3%。国家已设立400亿元新兴产业创业投资引导基金。农业税税率平均每年降低1个百分点以上。7%左右的速度可以实现比较充分的就业。
（二）改善民生。今年保障性安居工程新安排740万套，其中棚户区改造580万套，增加110万套。中央财政安排城乡医疗救助补助资金160亿元，增长9.6%。增加深松土地1333万公顷，化学需氧量、氨氮排放都要减少2%左右。提高1200万中小学教师待遇。促进重点区域煤炭消费零增长。制定实施教育强国建设三年行动计划。
"""


def test_programmes_over_years_past_funds_and_increments_are_no_targets() -> None:
    """…的两年投资计划 and its 其中 (the years' sum and its part), 国家已设立… (done), 平均每年
    (a rate over years), the growth target explained (7%左右的速度…), 增加110万套 after a count
    (its change against last year's), and an effort towards zero growth (促进…零增长): no
    targets (before: drafted)."""
    quotes = [t["quote"] for t in _work_of(OLDER, 2009)]
    for gone in ("4万亿元", "1.18万亿元", "400亿元", "平均每年", "速度可以", "增加110万套", "煤炭"):
        assert not any(gone in q for q in quotes), gone


def test_the_older_reports_settings_and_units() -> None:
    """投资总额9080亿元 and 赤字合计9500亿元 as stated, 从去年的2.1%提高到2.3% (2.3, this year's),
    万公顷, a rate each series shares after 都要, 1200万…教师 people, a growth after a comma
    (…160亿元，增长9.6%) and a count whose change follows (580万套，增加110万套) kept, and a
    programme named for its years (三年行动计划) still a milestone."""
    found = _work_of(OLDER, 2009)
    by_quote = {t["quote"]: t for t in found}
    assert by_quote["今年中央政府投资总额9080亿元"]["min"] == Decimal(9080)
    total = by_quote["全国财政赤字合计9500亿元"]
    assert (total["kind"], total["max"]) == ("level", Decimal(9500))
    assert by_quote["其中中央财政赤字7500亿元"]["max"] == Decimal(7500)
    ratio = by_quote["赤字率从去年的2.1%提高到2.3%"]
    assert (ratio["kind"], ratio["max"]) == ("level", Decimal("2.3"))
    assert by_quote["增加深松土地1333万公顷"]["unit"] == "万公顷"
    falls = [t for t in found if "都要减少2%左右" in t["quote"]]
    assert len(falls) == 2
    assert all(t.get("decline") and t["around"] == Decimal(2) for t in falls)
    assert by_quote["提高1200万中小学教师待遇"]["unit"] == "万人"
    assert by_quote["增长9.6%"]["min"] == Decimal("9.6")
    assert by_quote["其中棚户区改造580万套"]["min"] == Decimal(580)
    assert any(t["kind"] == "milestone" and "三年行动计划" in t["quote"] for t in found)


# Set HK's work golds (1997, 1999, 2001, 2003; `workgoldHF/` 732-735): 71 % recall blind.
NINETIES = """1997年政府工作报告
一、过去一年的工作
过去一年，国民经济继续保持良好发展势头。
二、1997年的主要任务
今年经济增长速度预期为8%。实现8%左右的增长速度并不容易。
（一）控制投资规模。今年全社会固定资产投资调控目标为25300亿元，投资率为32%。国家先后在58个城市进行了企业优化资本结构的试点。
（二）发展教育。要使全国80%以上的人口地区普及九年义务教育，扫除青壮年文盲300万人左右。
"""


def test_the_nineties_reports_work_forms() -> None:
    """调控目标为25300亿元 and 投资率为32% (figures stated as the year's), a share of the
    population's areas (80%以上的人口地区), 扫除 as a verb: missed before; the growth spoken of
    (实现8%左右的增长速度…) and pilots already run (国家先后在58个城市进行了…): drafted before."""
    by_quote = {t["quote"]: t for t in _work_of(NINETIES, 1997)}
    assert by_quote["今年全社会固定资产投资调控目标为25300亿元"]["min"] == Decimal(25300)
    rate = by_quote["投资率为32%"]
    assert (rate["kind"], rate["min"]) == ("level", Decimal(32))
    share = by_quote["要使全国80%以上的人口地区普及九年义务教育"]
    assert (share["kind"], share["min"]) == ("level", Decimal(80))
    assert by_quote["扫除青壮年文盲300万人左右"]["around"] == Decimal(300)
    assert not any("增长速度" in q or "58个城市" in q for q in by_quote)


# Set HL's work golds (1993, 1995, 1998, 2000; `workgoldHF/` 736-739): 54 % recall, 32 %
# precision blind, two figures wrong.
SPACED = (
    "1998年政府工作报告\n一、过去五年的工作回顾\n"
    "从国债投资的效果看，两年来通过财政发行长期国债，带动4200多亿元银行贷款，共建设5100多个项目。"
    "已建成的主要有：新增公路通车里程1.2万公里，增加铁路新线1423公里。\n"
    "二、1998年的主要任务\n"
    "今年经济社会发展的主要预期目标是：国内生产总值增长8%，城镇新增就业900万人。\n"
    "（一）加强农业。粮食总产量稳定在4 9 2 5 0 万吨，棉花总产量稳定在4 0 0 万吨。"
    "争取１９９７年钢产量达到９４００万吨。\n"
    "（二）发展教育。再扫除3 5 0 万青壮年文盲，争取今年再有1 0 0 0 万以上贫困人口解决温饱问题，"
    "力争粮食产量达到4550亿公斤以上。国务院组成部门从4 0 个减少到2 9 个，比现有的86个减少27个。\n"
)


def test_every_digit_of_a_figure_spaced_is_one_figure() -> None:
    """A 1998 copy spaces every digit (粮食总产量稳定在4 9 2 5 0 万吨): one figure, 49250 (before:
    0, the last digit's, a wrong figure drafted); quotes keep the copy's spaces. (The year's
    output is `cumulative` although worded 稳定在, as the 1998 gold reads it.)"""
    by_quote = {t["quote"]: t for t in _work_of(SPACED, 1998)}
    grain = by_quote["粮食总产量稳定在4 9 2 5 0 万吨"]
    assert (grain["kind"], grain["min"]) == ("cumulative", Decimal(49250))
    assert by_quote["棉花总产量稳定在4 0 0 万吨"]["min"] == Decimal(400)
    assert by_quote["再扫除3 5 0 万青壮年文盲"]["min"] == Decimal(350)
    assert not any(t.get("min") == 0 for t in by_quote.values())


def test_the_older_reports_years_results_and_reductions() -> None:
    """Another year of the 1990s (争取1997年…), a sentence of the years before (…两年来…), a list
    of what is built (已建成的主要有：…) and the count there is now (比现有的86个…): no targets
    (before: drafted); 从40个减少到29个 a ceiling of 29; counts of people after 万以上; 亿公斤."""
    by_quote = {t["quote"]: t for t in _work_of(SPACED, 1998)}
    for gone in ("９４００", "4200", "5100", "1.2万公里", "1423"):
        assert not any(gone in q for q in by_quote), gone
    assert [t["min"] for q, t in by_quote.items() if "86个" in q] == [Decimal(27)]
    ministries = by_quote["国务院组成部门从4 0 个减少到2 9 个"]
    assert (ministries["kind"], ministries["max"]) == ("level", Decimal(29))
    poor = by_quote["争取今年再有1 0 0 0 万以上贫困人口解决温饱问题"]
    assert (poor["unit"], poor["min"]) == ("万人", Decimal(1000))
    assert by_quote["力争粮食产量达到4550亿公斤以上"]["unit"] == "亿公斤"


def test_a_target_explained_in_the_next_paragraph_is_not_drafted_again() -> None:
    """The paragraph after the list explains the growth target (经济增长预期7%左右，考虑了需要和
    可能，与…相衔接): not more targets (before: read with the list, a second GDP drafted as a
    level, 2015's whole report)."""
    text = (
        "2015年政府工作报告\n二、2015年工作总体部署\n"
        "今年经济社会发展的主要预期目标是：国内生产总值增长7%左右，居民消费价格涨幅3%左右，"
        "城镇新增就业1000万人以上。\n\n"
        "经济增长预期7%左右，考虑了需要和可能，与全面建成小康社会目标相衔接，符合客观实际。\n"
    )
    found = heads(text, 2015)
    assert [t["quote"] for t in found] == [
        "国内生产总值增长7%左右",
        "居民消费价格涨幅3%左右",
        "城镇新增就业1000万人以上",
    ]
