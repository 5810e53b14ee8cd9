"""The forms of work targets' clauses: what a figure, a unit, a verb of delivery, a milestone's
end state and a past result look like, and how a work section's text is cut into clauses and
names (`work.WorkReader` reads the sections with them)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from plancli.extract.clauses import listing_marks
from plancli.extract.numerals import HALF

NUM = r"\d+(?:\.\d+)?"
# whom a count in 万 or 亿 counts, written after it (再解决3200万农村人口的…, 覆盖农村5亿人口)
PEOPLE = (
    r"[\u4e00-\u9fff“”]{0,6}?"
    r"(?:人口|农民工?|居民|群众|群体|纳税人|用户|农户|职工|学生|儿童|老年人|人员|教师|文盲|残疾人|妇女)"
)
UNIT = (
    # a count of times, before its plain unit (服务面积60万亩次, 指导服务1万户次, 832万辆次)
    r"[万亿]?(?:亩|户|辆|架|艘|车|台|件|吨)次|"
    r"个百分点|%|‰|万平方米|平方米|平方公里|万公顷|公顷|亿亩|万亩|亩|万公里|公里|千米|"
    r"亿千瓦时|万千瓦时|千瓦时|亿千瓦|万千瓦|千瓦|亿立方米|万立方米|立方米|"
    # a capacity keeps its /年 (产能1400万吨/年: a rate of output, not 1400万吨 made)
    r"[万亿]?吨/[年日]|亿吨|万吨|吨|万亿元|亿元|万元|亿美元|万美元|美元|元|"
    r"亿斤|亿公斤|万公斤|万人次|人次|万人|万名|名|人(?!制|论坛)|万户|户|万套|套|万个|个(?!月|小时|工作日)|万家|家|项|"
    r"条|所|座|件|万台|台|万辆|辆|万场次|场次|万场|场|处|万批次|批次|万张|张|间|栋|幢|批|支|艘|列|座|站|株|万株|棵|"
    r"部|种|类|万头|头|亿只|万只|只|门|例|万宗|宗|万期|期|万标准箱|标准箱|万标箱|标箱|亿方|万方|万项|万班次|班次|"
    # a ratio to a standard (不低于…标准的1.6倍) and a duration (活动时间不低于2小时): only
    # where `not_a_target` finds the reference or the time named before them
    r"倍|小时|"
    r"[EP][Ff][Ll][Oo][Pp][Ss]|万P(?![A-Za-z])|万(?=以上|左右)"  # (1000万以上农村贫困人口)
    # a count of clusters or chains written N大 (壮大6大特色产业集群): so many (个)
    r"|大(?=[^\d，,；;。、和]{0,10}?(?:产业集群|产业链|产业基地))"
    rf"|[万亿](?={PEOPLE})"
)
# A figure raised (or cut) to another at once, 2375元提高到2423元: the first is the level now.
RAISED_TO = re.compile(r"\s*(?:提高|增加|扩大|提升|上调|调整|降低|下降|减少)(?:到|至)\s*\d")
RAISED_FROM = re.compile(rf"\d[^\d,;。，、]{{0,3}}?{RAISED_TO.pattern}")
QUANTITY = re.compile(
    rf"(?<![A-Za-z0-9.\-/第号])({NUM}|{HALF})(?:\s*[-—~至到]\s*({NUM}))?\s*(?:多|余)?({UNIT})"
    r"(?:[（(][\u4e00-\u9fff]{1,2}[）)])?(以上|左右|以内|以下)?"  # 1万台（套）以上
)
CN_QUANTITY = re.compile(
    r"(?<![一二两三四五六七八九十百千第])([二两三四五六七八九十][十百千]?[一二三四五六七八九]?)(个|件|项|条|所|座|家"
    # a named set of so many (打造十大群众赛事, 做强十大重点农业产业链, 培育六大未来产业): 个,
    # of events 项 (`work_amounts.set_unit`)
    r"|大(?=[^,;。、“”]{0,10}?(?:产业集群|集群|产业链|赛事|活动|未来产业|支柱产业)))"
)
HEADING = re.compile(r"\s*[（(][一二三四五六七八九十]{1,3}[）)]")
# a share of places (在70%左右的地市开展分级诊疗试点, 扩大到全国50%以上的城市): a rate
SHARE_OF_PLACES = re.compile(r"的?(?:地市|城市|市县|县区|县|乡镇|行政村|村|人口地区|地区|省份)")
# the things a count counts, then 和 and the examples of a second count (高速公路项目和黄百等, of
# …等14条高速公路项目和黄百等4个在建铁路项目): two counts, not one's place
PAIRED_EXAMPLES = re.compile(r"[^\d和、，,；;。]{2,20}和([^\d和、，,；;。]{1,12}等)")
# a duration's name and its bound before the figure (每天综合体育活动时间不低于2小时, 办结时限
# 压缩至2小时以内)
DURATION = re.compile(
    r"(?:时间|时长|时限)(?:不低于|不少于|不超过|达到?|保持在?|控制在|压缩至|缩短至|在)?$"
)
COUNTER = re.compile(r"万?(?:个|项|家|所|条|座|件|台|处|场|批|部|名)|大")  # units that count things
SCHEDULE = re.compile(r"第[一二三四五]年")
# a rate each series listed before it shares (化学需氧量、氨氮排放都要减少2%左右)
SHARED_RATE = re.compile(r"(均|都)?要?(增速|增幅|增长|下降|降低|减少)(均)?")
# 第一年完成70%，第二年完成90%，第三年完成100%: a schedule over years
SCHEDULE_RUN = re.compile(
    rf"[^,;。:\n“]*第[一二三四五]年[^,;。\n]*?({NUM})%(?:[,;][^,;。\n]*?第[一二三四五]年"
    rf"[^,;。\n]*?({NUM})%)+"
)
# the reasons a paragraph gives that the year's aims can be met (`work.WorkReader._conditions`)
CONDITIONS = re.compile(
    r"(?:具备|具有|存在)[^。]{0,24}有利条件|完全有条件|有条件、有能力|有信心、有能力|有能力、有信心"
)
CN_VERB = re.compile(r"(完成|建成|新建|新增|打造|培育|引进|办好|举办|办成|做强)[“]?$")
CLAUSE_END = re.compile(r"[,;。:\n]")
# (and the five-year outline's own content: 《纲要（草案）》安排了18个领域的重点任务)
PAST = re.compile(
    r"已经|(?<![个座所处])(?<![^国]家)已|同比|比上年|较上年|上年|去年|年均|十[一二三四五]五|五年来|过去|纲要|明年"
    r"|今后[二两三四五]年|^[二两三四五]年(?!内)|的[两三四五]年(?:投资)?计划"
    r"|平均每年|先后(?:在|对)"  # (今后五年…累计将达2182亿元, 五年淘汰…, 总额4万亿元的两年投资计划)
    r"|用[两三四五]年(?:时间|左右)|[两三四五]年内"  # 用两年时间…: a goal over years, not this one's
)
OTHER_YEAR = re.compile(r"((?:19|20)\d\d)年")
# a rise in 百分点 held over years (常住人口城镇化率每年提高1个百分点, 累计提高5个百分点): no
# change of the year's (年均, another year's base and the five years' are PAST's, OTHER_YEAR's)
YEARS_CHANGE = re.compile(r"每年|累计")
# (and a sentence of the years before: 从国债投资的效果看，两年来…共建设5100多个项目)
PAST_OPENING = re.compile(
    r"\s*(?:去年|上年|过去一年|(?:初步)?预计(?!今年)|据初步(?:统计|测算)|已(?:经)?建成"
    r"|[^。\n]*?(?:[两三四五]|多|近)年来)"
)
PAST_NEXT = re.compile(r"\s*[,，]\s*(?:比上年|较上年|同比|比去年)")
# a figure set against last year's, after a 、 (赤字规模5.66万亿元、比上年增加1.6万亿元,
# 对地方一般性转移支付增长7.8%、增幅明显高于去年): this year's figure compared, not a past one
COMPARED = re.compile(
    r"、(?:(?:比|较)(?:上年|去年)[^、,;。]*|[^、,;。]{0,8}?(?:高于|大于|低于|少于|多于)(?:上年|去年)[^、,;。]*)"
)
ONGOING = re.compile(
    r"^(?:继续|持续|全力|有序|稳步|稳妥|重点)*(?:推进|推动|加快推进|加快建设|加快)"
    r"|^滚动(?:实施|推进|建设)"  # a rolling programme: 滚动实施1500个以上省重点技改项目
    r"|^持续开展"  # 持续开展232所优质高中对县中的结对帮扶: work on a set, going on
)
# what 推进/推动 brings to an end state is delivered (推动…402万千瓦机组建成投运, 推动20个…附属空间
# 对社会开放共享, 推动建设超100条幸福河湖), not only worked on (推进100个乡村振兴片区建设)
ONGOING_DELIVERED = re.compile(r"建成|投运|投产|投用|开放|通车|完工|竣工|^(?:继续|持续)?推动建设")
# a fixed set worked on, not delivered within the year: 抓好550个省重大项目, 高质量建好15个主平台,
# 做优做强5个国家先进制造业集群, 重点支持20个县深化…, 着力培育6个世界级…产业集群 and 打造…4个
# 万亿级新兴支柱产业 (not 培育10个以上省级数据产业集群, 新培育…: so many more); a set the report
# counts in Chinese, 十大/六大, the same (湖北 以需求牵引和市场导向持续做强十大重点农业产业链, 贵州
# 全力打造“六大产业集群”, 山东 打造十大专精特新外贸优品集群: the chains and clusters there are;
# not 打造十大群众赛事, ten events held)
WORKED_ON = re.compile(
    r"^(?:以[^,;。]{2,14}?)?(?:着力|重点|高质量|全力|持续|继续|集中[^,;。]{0,6}?)*"
    r"(?:抓好|建好|建强|壮大|做优做强|做强做优|做强|做优"
    r"|(?:支持|支援)\d+个|提升(?=\d+个[^,;。]*?(?:质效|水平|能力|质量|效能)$)"
    # a set deepened or strengthened (深化高层建筑消防等9个“一件事”全链条治理, 强化12所师范院校
    # 对县域基础教育的纵向帮扶): work on what there is, nothing delivered
    r"|(?:深化|强化)(?=[^,;。]*?\d+(?:个|所|家|项))|(?:培育|打造)(?![^,;。]*?(?:以上|左右|多))"
    r"(?=[^,;。]*?(?:\d+个|[二三四五六七八九十]+大)[^,;。]*?(?:集群|[万千]亿级[^,;。]{0,8}产业)))"
)
VERB = re.compile(
    r"新建|新增|建成|建设|完成|实施|打造|引进|培育|启动|打通|改造|开展|推进|认定|达到|达|保持|控制|"
    r"突破|超过|举办|办好|开工|竣工|投产|扩建|提升|提高|增加|减少|降低|下降|培训|帮扶|吸引|接待|发放|"
    r"安排|支持|支援|招引|签约|解决|治理|整治|修复|造林|种植|筹集|供应|创建|建立|布局|开通|增长|减量|拆除|疏解|"
    r"实现|形成|引育|培养|提供|上线|入驻|储备|盘活|收储|腾退|改建|铺设|安装|更新|绿化|清零|新开|服务|"
    r"带动|吸纳|转移|稳定在|减负|续贷|融资|投放|招聘|认证|评选|选树|转化|完善|提质|整合|覆盖|新认定|"
    r"组织|扩招|开放|抓好|落地|入库|升规|选派|做强|做优|建强|不少于|不低于|新[（(]改[）)]建|出栏|"
    r"提速|壮大|集聚|救助|组建|交付|开行|推介|取得|选送|开发(?!区)|适配|进行|纳入|开设|转移|"
    r"设置|设定|消除|出让|输转|增补|建好|惠及|募集|引导|参加|实际使用|淘汰|退耕还林|深松|压减|"
    r"降至|降到|下调|减轻|拿出|投入(?!使用|运营|运行)|扩大|严守|守住|发行|发债|代发|"
    r"取消|下放|停征|退出|减税|降费|落户|扫除|普及|"
    r"超(?=\d|$)|降(?=\d|$)"
)
LEAD = re.compile(
    r"^(?:要|并|而|同时|其中|全年|年内|今年|力争|确保|争取|积极|着力|全力|尽快|加快|持续|进一步|大力|"
    r"高标准|高质量|继续|努力|切实|全面|稳步|有序|扎实|深入|推动|推进)+"
)


@dataclass
class Clause:
    start: int
    end: int
    text: str


def clauses(parse: str, start: int, end: int) -> Iterator[Clause]:
    pos = start
    for match in [*CLAUSE_END.finditer(parse, start, end), None]:
        stop = end if match is None else match.start()
        s, e = pos, stop
        while s < e and parse[s] in " \t　、—":
            s += 1
        while e > s and parse[e - 1].isspace():
            e -= 1
        if e - s >= 3:
            yield Clause(s, e, parse[s:e])
        pos = stop + 1


def split_list(clause: Clause) -> list[Clause]:
    """A clause split at the 、 outside quotation marks and brackets."""
    bounds = [-1, *listing_marks(clause.text), len(clause.text)]
    parts = [
        Clause(clause.start + a + 1, clause.start + b, clause.text[a + 1 : b])
        for a, b in pairwise(bounds)
    ]
    parts = [p for p in parts if p.text.strip()]
    last = re.split(r"\d", parts[-1].text)[0] if parts else ""
    if len(parts) > 1 and "和" in last and not any(re.search(r"\d", p.text) for p in parts[:-1]):
        return [clause]  # 开展留守儿童、流动儿童和困境儿童关爱服务100万人次: one list of nouns
    return parts


def zero_growth_subjects(clause: Clause, year: int) -> tuple[list[str], bool]:
    """What a clause of `year`'s holds at zero growth (出国（境）经费、…、公务接待费等支出原则上零
    增长) or below it (中央本级支出继续安排负增长: `True`, a fall), each named; none where a
    figure is in it or 零增长 names a programme (化肥农药零增长行动)."""
    found = re.search(
        r"(?:等(?:支出)?)?(?:原则上|继续|坚持|保持|实现|一律|安排)*([零负])增长$", clause.text
    )
    if (
        found is None
        or re.search(r"\d|^(?:促进|推动|推进)", clause.text)
        or past_clause(clause.text, year)
    ):
        return [], False  # (促进重点区域煤炭消费零增长: an effort towards it)
    head = Clause(clause.start, clause.start + found.start(), clause.text[: found.start()])
    names = [re.sub(r"^其中", "", LEAD.sub("", piece.text)).strip() for piece in split_list(head)]
    return [name for name in names if 2 <= len(name) <= 20], found.group(1) == "负"


def comparison(text: str) -> bool:
    """Whether a piece of a clause is only the comparison with last year's (比上年增加1.6万亿元)."""
    return COMPARED.fullmatch(f"、{text}") is not None


# 2026年，…占比力争比上年提高0.1个百分点: the plan's aim, a change set against last year's level
# (its sentence says 力争/要/确保 or opens with the plan year or 今年), not a result of last year's
AIMED_CHANGE = re.compile(
    rf"(?:比|较)(?:上年|去年)(?=(?:提高|提升|增加|上升|下降|降低|减少){NUM}个百分点)"
)
AIM = re.compile(r"力争|争取|确保|(?<![需主重必只])要(?!求|素|点)|预期|^\s*今年(?!以来)")


def past_clause(text: str, year: int, before: str = "") -> bool:
    """Whether a clause speaks of last year, of years or of another year than `year` (a figure
    compared with last year's is this year's, and so is one raised from last year's: 赤字率从
    去年的2.1%提高到2.3%, and an aim's change over it, `before` the sentence up to the clause)."""
    if AIM.search(before + text) or re.match(rf"\s*{year}年", before + text):
        text = AIMED_CHANGE.sub("", text)
    if PAST.search(re.sub(r"(?:从|由)(?:去年|上年)的?", "", COMPARED.sub("", text))):
        return True
    return bool(other_years(text, year))


def other_years(text: str, year: int, start: int = 0, end: int | None = None) -> list[int]:
    """The years `text` names other than `year`, but for the year before it as this year's
    figure is compared with it (1981's 工农业总产值，比1980年预计增长5.5%)."""
    found = (
        int(m.group(1))
        for m in OTHER_YEAR.finditer(text, start, len(text) if end is None else end)
        if not (int(m.group(1)) == year - 1 and text[m.start() - 1 : m.start()] in ("比", "较"))
    )
    return [y for y in found if y != year]


def echoes(parse: str, before: tuple[Clause, bool] | None, clause: Clause) -> bool:
    """Whether a clause only goes on with the one before it in its sentence: the breakdown of a
    past or other years' figure (…总额4万亿元的两年投资计划，其中中央政府拟新增1.18万亿元), or the
    change of the figure before against last year's (棚户区改造580万套，增加110万套; not a
    rate: 补助资金160亿元，增长9.6%)."""
    if before is None or parse[before[0].end : clause.start].strip() != ",":
        return False
    if before[1] and clause.text.startswith("其中") and not re.match(r"比|较", before[0].text):
        return True
    increment = re.fullmatch(
        rf"(?:(?:比|较)(?:上年|去年|(?:19|20)\d\d年)(?:预计)?)?(?:增加|减少|提高)\s*{NUM}[^%,;。]{{0,4}}",
        clause.text,
    )  # (粮食产量34，250万吨，比1980年预计增加1，000万吨: the rise, not the year's amount)
    return increment is not None and QUANTITY.search(before[0].text[-12:]) is not None


def counted_unit(unit: str, after: str) -> str:
    """A count in 万 or 亿 of the people or households named after it: 万人, 亿人 or 万户."""
    if unit == "大":
        return "个"  # 6大特色产业集群: 6 clusters
    if unit not in ("万", "亿") or not re.match(PEOPLE, after):
        return unit
    return unit + ("户" if re.match(r"[\u4e00-\u9fff“”]{0,7}?户", after) else "人")


def not_a_target(text: str, match: re.Match[str], clause: str) -> bool:
    """Whether the figure `match` of a piece of a clause (`text`, in `clause`) is no target of
    its own: a percentage no rate names, a label, a size that qualifies a noun, whose or where
    the target is, the standard before it is raised, a project's size in its name, the scope of
    the work, what is there made better."""
    if (
        match.group(3) == "%"
        and not re.search(
            r"率|比|比重|占比|份额|覆盖|强度|达标|增长|增速|增幅|增加|满意度|提高|降低|下降|减少|压减|削减|完成"
            r"|扩大(?:到|至)|降\s*\d|控制在",
            clause,  # (完成水泥、焦化行业70%以上产能…改造: the verb before the list)
        )
        and not SHARE_OF_PLACES.match(text, match.end())
    ):
        return True
    prefix = text[: match.start()]
    if prefix.count("“") > prefix.count("”"):
        return True  # “3个100”: a label inside quotation marks, not a figure
    if match.group(3) == "个百分点" and YEARS_CHANGE.search(prefix):
        return True  # 每年提高1个百分点, 累计提高5个百分点: a rise held over years
    if match.group(3) == "倍" and not re.search(r"的$", prefix):
        return True  # 增长1.6倍: a rise told as a multiple (not 不低于…标准的1.6倍, a ratio)
    if match.group(3) == "小时" and not re.search(DURATION, prefix):
        return True  # 1小时通勤圈, 240小时过境免签, 24小时开放: a label or a service's hours
    after = text[match.end() : match.end() + 1]
    task = re.match(r"(?:今年)?要?完成", text) and re.search(r"任务$", text)
    if (
        not task  # 完成2100万人次以上农民工职业技能提升培训任务: the task's count
        and match.group(4)
        and match.group(3) != "%"
        and not COUNTER.fullmatch(match.group(3))
        and re.match(r"[\u4e00-\u9fff]", after)
        and not re.match(PEOPLE, text[match.end() :])
    ):
        # "15万人以上街道": a size that qualifies a noun, not a promise (a count of things or
        # of people is one: 滚动实施1500个以上省重点技改项目, 再有1000万以上贫困人口…)
        return True
    if (
        match.group(3) != "%"
        and not COUNTER.fullmatch(match.group(3))
        and re.match(r"[\u4e00-\u9fff]", after)
        and any(
            later.start() > match.end() and COUNTER.fullmatch(later.group(3))
            for later in QUANTITY.finditer(text)
        )
    ):
        return True  # 总投资超10亿元项目50个以上: the size of what the count counts
    if re.search(r"(?:等|^在)$|^在[^,;。]{0,6}$", prefix) and any(
        later.start() > match.end()
        # (…工程等14条高速公路项目和黄百等4个在建铁路项目: a pair, each its own count)
        and not PAIRED_EXAMPLES.fullmatch(text, match.end(), later.start())
        for later in QUANTITY.finditer(text)
    ):
        # 关岭等8个重点县建设…基地6.2万亩, 在14个市州城区…增补学位2万个: whose or where
        # the target is, not the target
        return True
    if (
        re.search(r"(?:从|由)[^,;。到]{0,12}$", prefix)
        and re.search(
            r"^[^,;。]{0,12}?(?:提高|增加|扩大|提升|降低|下降|减少)(?:到|至)", text[match.end() :]
        )
    ) or RAISED_TO.match(text, match.end()):
        # 从每人每月2375元提高到2423元, 由每人每年240元提高到280元: the standard now, not the
        # one to reach; so is a figure the verb and the new figure follow at once, without 从
        # (标准每人每月2375元提高到2423元, a copy's fragment 月2375元提高到2423元)
        return True
    if not COUNTER.fullmatch(match.group(3)) and re.match(
        r"[^,;。、]{0,12}?等?项目", text[match.end() :]
    ):
        return True  # 白银集团7万吨锌基合金等项目建设: a project's size in its name
    if re.match(r"的(?:增长)?(?:增速|速度)", text[match.end() :]) or re.search(
        r"毕业生(?:人数)?(?:将|预计)", text
    ):
        return True  # 6.5%左右的增速可以实现…就业: the growth explained; 毕业生将达…: a forecast
    if match.group(3) in ("类", "种") and re.match(r"\d", text[match.end() :]):
        return True  # 办好12类45件民生实事: the kinds the count falls in, not the count
    if re.search(r"现行$|现有的?$", prefix) or re.match(r"个民族", text[match.end() - 1 :]):
        return True  # 现行16%的税率降至13%: the rate now; 56个民族: a people, not a count
    if re.match(r"及以[上下][\u4e00-\u9fff]", text[match.end() :]):
        return True  # 关停淘汰10万千瓦及以下燃煤机组: a size class of what is shut, not a count
    if re.match(r"个?(?:领域|方面|环节)", text[match.end() :]) or match.group(3) + after == "件事":
        # 抓好工业等17个领域碳达峰工作, 抓好渔船“木改钢”、…整治3件事: the scope of the work
        return True
    if match.group(3) == "项" and (
        prefix.endswith("指标") or re.match(r"(?:主要)?指标", text[match.end() :])
    ):
        return True  # 提出6项指标, 其中预期性指标19项: a count of a 纲要's indicators
    # 有色等10个传统产业提质升级: what is there made better, not a count (but 推动4个万亿级产业
    # 基地提质升级: a fixed set of bases worked on, as 打造…4个万亿级新兴支柱产业, WORKED_ON)
    return re.search(
        r"(?:提质|提能|提档)升级$|发展成为", text[match.end() :]
    ) is not None and not re.match(r"个?[万千百]亿级", text[match.end() - 1 :])


def own_verb(text: str) -> bool:
    """Whether a piece of a list says its own verb: opens with one (开行4000班次, 推动…) or
    links its subject to its figure (科技人才达到…)."""
    lead = LEAD.match(text)
    rest = text[lead.end() :] if lead else text
    if (lead and re.search(r"推动|推进|加快", lead.group(0))) or VERB.match(rest):
        return True
    figure = re.search(r"\d", text)
    state = (
        r"(?:达到?|超过?|突破|保持在?|稳定在|控制在|不少于|不低于)\s*$"  # (not 脱硝改造1.3亿千瓦)
    )
    return bool(figure and re.search(state, text[: figure.start()]))


def governed(text: str, clause: str) -> tuple[str, str]:
    """The words whose verb governs a piece of a list in its clause: the piece itself where it
    says its own verb, else from the last piece before it that does (or the clause's start)
    through it — 国家高新技术企业达到1.5万家、科技型中小企业3.2万家: 达到 both; 推动中欧（亚）班列
    拓线扩量、开行4000班次: 推动 ends where 开行 begins. And the same on to where the verb's
    scope ends (the next piece with a verb of its own, or the clause's end)."""
    at = clause.find(text) if clause and text else -1
    if at < 0:
        return text, text
    opening, closing = (at if own_verb(text) else 0), len(clause)
    for piece in split_list(Clause(0, len(clause), clause)):
        if piece.start < at and own_verb(piece.text) and opening < at:
            opening = piece.start
        elif piece.start > at and own_verb(piece.text):
            closing = piece.start - 1
            break
    return clause[opening : at + len(text)], clause[opening:closing]


def work_kind(text: str, name: str, unit: str, clause: str = "") -> tuple[str, str, bool]:
    """A work figure's kind, its unit (个百分点 is a change in %) and whether it is a fall, from
    its clause's words (`text`; `clause`, the sentence's clause it is in: the verb of a list
    governs the pieces without one of their own): a rate's growth or level, a stock's level, a
    deficit's ceiling, a standard raised to, ongoing work or a fixed set worked on, else an
    amount delivered (cumulative)."""
    decline = False
    head, rest = governed(text, clause)
    if unit != "%":
        text = head
    if unit == "个百分点":
        kind, unit = "change", "%"
    elif (
        unit == "‰"
        or unit in ("倍", "小时")
        or (re.search(r"/[千万百]人", unit) and not re.match(r"[^/]*次/", unit))
    ):
        # 人口自然增长率控制在6‰以内: a rate per mille, never a growth; a ratio to a standard
        # (1.6倍), a duration (2小时) or a rate per head of a stock: a level the year holds, not
        # an amount it adds (a capacity, 万吨/年, is read as any amount: 建成 adds it); but a
        # rate per head of work done (食品抽检量超每千人6.6批次) builds up over the year, each
        # month's samples added: cumulative (6.0 in June is 91 % done, not behind a level)
        kind = "level"
    elif unit == "%":
        # (提高10%: a rise by so much, as 增长 is; 提高到10%: a level; 人口自然增长率为1%: a rate
        # the name says, not a growth)
        grows = r"增长(?!率)|增速|增幅|(?:增加|提高|上调)\d"
        kind = "growth" if re.search(grows, text) else "level"
        # 排放量要分别下降2%, 一般性支出压减5%以上: a fall by so much, not a level of it
        # (下降至13.8%: a level to come down to)
        fall = re.search(rf"(?:下降|降低|减少|压减|削减|降)\s*(?:{NUM})", text)
        if kind == "level" and fall and not re.search(r"(?:下降|降低|降)(?:至|到)", text):
            kind, decline = "growth", True
    elif (
        re.search(r"保持|稳定在|控制在|严守|守住", text)
        and not re.search(r"新增|新建", text)
        # 蔬菜产量稳定在200万吨, 生猪、家禽年出栏量分别稳定在…: the year's output
        and not re.search(r"产量$|出栏量?$", name)
        and not re.search(r"(?:产量|出栏量?)(?:分别|均|要)*(?:稳定在|保持)", text)
    ):
        kind = "level"
    elif re.search(r"(?:补助|补贴)(?:标准)?$", name) and unit in ("元", "万元"):
        kind = "level"  # 本科院校的一次性补助1万元: a standard each one is paid, not a sum
    elif re.search(r"赤字(?:预算|规模|合计)?(?:拟安排|安排)?$", name):
        kind = "level"  # 财政赤字2.76万亿元: a ceiling the year's deficit stays under
    elif re.search(
        rf"达到?\s*{NUM}\s*万?(?:{COUNTER.pattern})|人数(?:达到?)?\s*{NUM}\s*万?人", text
    ) and not re.search(r"新增|新建|新认定", text):
        # 离境退税店达到1000家, 持证人数达到4500人, 待遇享受人数23万人: how many there are, not
        # how many are added
        kind = "level"
    elif re.search(r"(?:提高|增加|扩大|提升|减少)(?:到|至)", text) and (
        re.search(r"从|由|标准", text) or RAISED_FROM.search(text)
    ):
        kind = "level"  # 从77%提高到80%以上, 由240元提高到280元, 补助标准提高到120元: a standard
    elif re.search(
        r"(?:装机|算力)(?:规模|容量)?$|保有量|(?<!建设)里程$|(?:播种|种植|保护)面积$", name
    ) and not re.search(r"新增|新建", text + name):  # (…其中非化石能源装机: 新增's part)
        # 耕地保有量不少于5028.04万亩, 电力装机规模达1.1亿千瓦, 高速公路通车里程达…, 粮食
        # 播种面积3320万亩, 永久基本农田保护面积: a stock (an industry's 规模, its output, stays a
        # cumulative; 不少于/不低于 is a floor, of a stock or of the year's work: 完成造林不低于
        # 20万亩 is the year's)
        kind = "level"
    elif (
        (ONGOING.match(text) and not text.startswith("完成") and not ONGOING_DELIVERED.search(rest))
        or re.search(r"(?<!手)续建|在建", name)  # (not 治理无手续建筑500万平方米)
        or WORKED_ON.match(rest)
    ):
        # 推进…，完成投资9800亿元以上: the sum is delivered; 提速…23个续建项目: under way
        kind = "ongoing"
    else:
        kind = "cumulative"
    return kind, unit, decline


# A name whose work has no thing of its own (完成2.08万人搬迁任务, 全面启动整体改造项目): the
# thing is the one the clause before in its sentence works on (推进地质灾害避险搬迁, 推动城中村改造
# 提速扩容增效): 完成地质灾害避险搬迁任务, 启动城中村整体改造项目.
_BARE_WORK = re.compile(
    r"(?P<verb>完成|启动|实施|开展)?(?P<how>整体|全面|集中)?"
    r"(?P<work>搬迁|改造|拆迁|安置|征收|更新|修缮|整治)(?P<tail>任务|项目|工程)"
)


def thing_of_work(parse: str, start: int, name: str) -> str:
    """`name` with the thing its bare work (`_BARE_WORK`) is done on, from the clause before
    `start` in its sentence; `name` itself where it names its thing or that clause does not."""
    bare = _BARE_WORK.fullmatch(name)
    if bare is None:
        return name
    before = parse[max(0, start - 60) : start].rstrip(" ,，")
    clause = re.search(r"[^,，;；。:：!！?？\n]*$", before)
    # (the list's number before it: （5）推进地质灾害避险搬迁)
    text = re.sub(r"^[(（]?\d{1,2}[)）.、]", "", clause.group().strip()) if clause else ""
    text = LEAD.sub("", text)
    verb = VERB.match(text)
    text = text[verb.end() :] if verb else text
    thing = re.match(rf"([\u4e00-\u9fff]{{2,10}}?){bare.group('work')}", text)
    if thing is None or VERB.search(thing.group(1)):
        return name
    how = bare.group("how") or ""
    return (
        f"{bare.group('verb') or ''}{thing.group(1)}{how}{bare.group('work')}{bare.group('tail')}"
    )


def work_shared(first: str, after: str) -> str:
    """The work a pair's two things share, said after the second (推进5个国家区域医疗中心和6个
    省级区域医疗中心高效运行: 高效运行, the first thing's noun followed in the second): "" where
    the second does not end its thing as the first does."""
    for size in range(len(first), 1, -1):
        at = after.find(first[-size:], len(first) + 1)
        work = after[at + size :] if at > 0 else ""
        if re.fullmatch(r"[\u4e00-\u9fff]{2,8}", work):
            return work
    return ""
