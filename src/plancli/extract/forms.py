"""The forms of a headline clause (docs/forms.md), one pattern each: 左右, ranges, 下降,
百分点, 同步/高于/不低于 and relations to other series, levels and their units, trends, and the
forced readings (提质增效 → a tracked indicator). `headline` reads clauses with them."""

from __future__ import annotations

import re

NUM = r"(\d+(?:\.\d+)?)"
DASH = r"\s*(?:—+|-+|–|~|至[于於]?|到)\s*"  # (至於: a copy's slip for 至)
LEVEL_UNITS = (
    r"(个百分点|%|‰|微克/立方米|万亿斤|亿斤|万吨|吨|万人次|万人"
    # an amount of money, not a size class before a noun with its own count (5000万元企业1家)
    r"|(?:亿元|万亿元|亿美元|万美元|万元|元)(?![\u4e00-\u9fff]{1,6}\d)|天|万千瓦|公里"
    # counts in 万 (新增就业岗位10万个以上, 新增市场主体2万户), areas and container throughput
    r"|万套|万个|万户|万家|万项|万件|万辆|万台|万亩|万标箱"
    r"|套|个|人|户|家|项|件|万(?![\u4e00-\u9fff])|万(?=以上|左右)"  # (贫困人口减少1000万以上)
    # years (受教育年限11.3年), never a year's number (2025年): at most two digits before
    r"|(?<!\d{3})年(?![度底末初中内\d]))"
)
COUNT_UNITS = {
    *("万人次", "万人", "人", "个", "户", "家", "项", "万", "万套", "套"),
    *("万个", "万户", "万家", "万项", "万件", "万辆", "万台"),
}
# A year's amount of money (投资总额7000亿元, 实际使用外资1.6亿美元, a town's 财政总收入540万元,
# 人均纯收入4936元: a year's income) adds up over the year.
MONEY_UNITS = {"亿元", "万亿元", "亿美元", "万美元", "万元", "元"}

ASPIRATION = re.compile(
    r"^(?:在)?(?:实际工作中)?(?:要)?(?:努力|全力|力争|积极)?(?:争取|力争)(?:更好|更优|更高|更多|比)"
    r"|^(?:在)?实际工作中|^力争"
)
# 力争比去年实现更多增长, 争取比上年有所增长, 力争超过上年: a level aimed above last year's, with
# no figure of its own (the review may state last year's: baselines.last_years_stretch)
LAST_YEAR_AIM = re.compile(
    r"^(?:努力)?(?:力争|争取)(?:实现)?(?:比(?:去|上)年[^,;。\d]{0,6}?(?:增长|增加|增产|提高)"
    r"|(?:超过|高于)(?:去|上)年)(?:的?(?:水平|产量|规模))?$"
)
SAME = re.compile(
    r"(?:增长|增速)?(?:和|与|同)(?:经济增长|经济增速|地区生产总值增长|生产总值增长|经济发展"
    r"|地区生产总值|生产总值|GDP增速|GDP增长|GDP|经济)(?:保持)?(?:基本)?(?:协调)?(?:保持)?"
    r"(?:同步(?:增长)?|相匹配|相适应|相协调)"  # 与经济增长相匹配: the same relation, other words
)
# 城乡居民收入保持同步增长: an income in step, the economy left unnamed (the genre's 居民收入
# 增长和经济增长同步, shortened)
INCOME_IN_STEP = re.compile(r"(?<=收入)(?:增长)?(?:保持|实现)?(?:基本)?同步增长$")
ABOVE_GDP = re.compile(
    r"(?:增长|增速)?(?:保持)?(高于|快于|不低于)"
    r"(?:经济增速|经济增长|(?:地区)?生产总值(?:增速|增长)?|GDP(?:增速|增长)?)"
)
NATIONAL = re.compile(
    r"(?:增长|增速)?(?:保持在|保持|要)?(?:略|稍|明显)?(高于|快于|不低于|低于)?(全国|全省|全市|全州|全盟)(?:平均)?"
    r"(?:水平|增速)"
    r"(以上)?"
)
# 增速高于全部投资, 增速高于城镇居民收入增速: a growth above another series the report names
# (高于… alone: the subject of the clause before, …高于全国水平、高于城镇居民收入增速).
ABOVE_SERIES = re.compile(
    r"(?:(?:增长|增速|增幅)(?:保持)?|^)(高于|快于|低于)([^,;。、\d]{2,20}?)(?:的)?(?:增速|增长|增幅)?$"
)
# 劳动报酬增长和劳动生产率提高同步: in step with another series than the economy's
SAME_SERIES = re.compile(
    r"(?:增长|增速)?(和|与|同)([^,;。、\d]{2,20}?)(?:的)?(?:增长|增速|提高|提升)(?:保持)?(?:基本)?同步$"
)
# 与上年持平: the same as last year (a steady trend); 与省持平: the province's figure.
FLAT = re.compile(
    r"(?:总量|增速|增长)?与(上年|去年|全国|全省|省|全市|全州|全盟)度?(?:平均水平)?(?:保持)?(?:基本|大体|大致)?"
    r"(?:持平|一致|(?<!上年)(?<!去年)同步)"
)
# 保持比全国高2个百分点左右的增幅, 增速高于全市1个百分点: a growth above the national (the
# province's, the city's) one, by a margin (kept in a note).
MARGIN = re.compile(
    r"(?:增长|增速)?(?:保持|要)?(?:比(?:全国|全省|全市)(?:平均水平|平均)?(?P<way>高|快|低)"
    r"|(?P<way_to>高|快|低)于(?:全国|全省|全市)(?:平均水平|平均)?(?:增速|水平)?)"
    r"\s*(?P<points>\d+(?:\.\d+)?)\s*个百分点\s*(?:左右|以上)?(?:的)?(?:增幅|增速|增长)?$"
)
# 规上工业产值再次实现翻番: doubled, a growth of 100 % (翻两番: four times, 300 %).
DOUBLED = re.compile(r"(?:再次|再)?(?:实现)?翻(一|两|二)?番$")
# 增长保持上年水平: last year's growth again (a steady trend, as 与上年持平).
KEEP_LAST_YEAR = re.compile(
    r"(?:增长|增速|增幅)?(?:保持|维持)(?:在)?(?:上年|去年)(?:的)?(?:水平|增速)$"
)
# The poor all lifted out of poverty (现行标准下农村贫困人口全部脱贫, 贫困县全部摘帽): none left,
# a ceiling of 0.
NONE_POOR = re.compile(
    r"(?:(?<=人口)|(?<=贫困县)|(?<=贫困村))(?:全部|全面|如期)(?:实现)?(?:脱贫|摘帽|出列)+$"
)
# 增长目标设定为6%-6.5%, 增长的预期目标为…: the figure named the target
# 增长目标为6%, 增长速度的宏观调控目标定为8%, 增长预期为7%左右 (the 1990s' reports)
NAMED_TARGET = (
    r"的?(?:(?:宏观)?调控|预期)?(?:目标\s*,?\s*(?:为|是|(?:确|设)?定为|设为)|(?<=预期)为)"
)
RANGE = re.compile(
    rf"(?:按)?(?:同口径)?(?:增长(?:速度)?|增速)(?:{NAMED_TARGET})?"
    rf"\s*{NUM}\s*%?{DASH}{NUM}\s*%\s*(左右)?"
)
MULTI = re.compile(
    rf"分别(?:(?:较|比)(?:上年|去年|20\d\d年)?)?(?:保持)?(?:增长|提高|下降|降低|减少|削减)\s*{NUM}\s*%?\s*(?:左右|以上)?"
    r"((?:\s*,?\s*[、和]\s*\d+(?:\.\d+)?\s*%?\s*(?:左右|以上)?)+?)\s*(左右|以上)?$"
)
# 分别为4.8%左右和4.3%左右, 分别达到59%和49%: levels, one per subject listed; 分别实现 (完成,
# 突破) 500亿元、100亿元: amounts, one per subject, each figure with its own unit.
_MULTI_UNIT = r"(?:%|‰|万亿元|亿元|亿美元|万元)"
MULTI_LEVEL = re.compile(
    rf"分别(为|达到|达|控制在|保持在|实现|完成|突破|超过)\s*{NUM}\s*({_MULTI_UNIT})\s*(左右|以上|以内)?"
    rf"((?:\s*[、和]\s*\d+(?:\.\d+)?\s*{_MULTI_UNIT}?\s*(?:左右|以上|以内)?)+)$"
)
# The same list without 分别, each figure with its own unit: 城镇登记失业率、城镇调查失业率控制在
# 4.5%以内、6.5%以内 (临汾 2020): as many figures as subjects, one each, in order (`multi_level`
# takes it only when every subject names an indicator).
RESPECTIVE_LEVEL = re.compile(
    rf"(为|达到|控制在|保持在)\s*{NUM}\s*({_MULTI_UNIT})\s*(左右|以上|以内)?"
    rf"((?:\s*[、和]\s*\d+(?:\.\d+)?\s*{_MULTI_UNIT}\s*(?:左右|以上|以内)?)+)$"
)
# Words that name no indicator to track: all the indicators at once (各项主要经济指标超出全市
# 平均水平), the social order or the state of safety (社会大局和谐稳定, 保持全区社会局势全面稳定,
# 确保安全生产形势平稳).
NO_INDICATOR = re.compile(
    r"^(?:各项|所有|全部)(?![^,;。]{0,4}?约束性)[^,;。]{0,8}?指标"  # (not the binding ones: a task)
    # the main ones at once, against another place's (主要经济指标按照高于全市2个百分点以上来安排)
    r"|^主要经济指标\s*(?:按照|按|以)"
    # a group's heading with its count (——关于经济发展类目标(13个)。)
    r"|^[^,;。\d]{0,20}?(?:目标|指标)\s*[（(]\s*\d+\s*[个項项]\s*[）)]\s*$"
    r"|^(?:保持|确保)?(?:全[国省市区县镇乡])?(?:社会|安全生产|生产安全|安全)(?:大局|局势|秩序|形势)"
    r"|^(?:确保|使|推动)?(?:人民|群众|人民群众)生活(?:水平|品质|质量)"  # an aim in prose
    # development's quality and returns (经济发展质量和效益进一步提高, 发展质量效益明显提升):
    # an aim in prose too, no series measures it
    r"|^(?:确保|使|推动)?(?:经济)?(?:发展)?的?质量(?:和|与|、)?效益"
    # all the tasks handed down at once, no indicator named (全面完成省市下达的各项目标任务)
    r"|^(?:确保|力争)?(?:全面)?完成[^,;。]{0,10}?下达的?各项"
    # the five-year span's goal in the year's list (完成“十一五”期间下降20%左右的目标, 力争
    # “十四五”以来累计降低10%左右)
    r"|^[^,;。]{0,6}?[“\"]?十[一二三四五六]五[”\"]?(?:期间|时期|规划期|规划|以来)"
    # the years before as the target's base (在连续两年增长13%的基础上): a past figure
    r"|^在[^,;。]{0,20}?\d[^,;。]{0,12}?的?基础上$"
)
# A copy cut after a clause's figure, before its unit (…涨幅控制在3): the text's last words.
CUT = re.compile(r"(?:增长|增速|控制在|稳定在|保持在|达到|为)\s*\d+(?:\.\d+)?$")
# A copy cut inside a task a higher level sets (…等指标完成自治[区下达的目标]): the page's last
# words, 完成 and the start of who sets it.
CUT_TASK = re.compile(r"(?:完成|达到)(?:国家?|上级?|省|自治区?|市|州|区|县)(?:下达?)?$")
# 力争增长8%: a higher aim after a floor (a page cut after it may add ……” to the clause).
HIGHER_AIM = re.compile(
    rf"^(?:力争|争取|努力)(?:达到|增长|实现)?\s*{NUM}\s*%(?:左右)?[\s…\.”\"’]*$"
)
OWN_GROWTH = re.compile(
    r"(?:同比)?(?:增长|比增|增速|增幅)\s*\d"  # 比增: 比上年增长
    r"|^(?:实现|达到|保持)\s*\d+(?:\.\d+)?\s*%\s*(?:左右|以上)?的(?:增长|增速|增幅)"
)
# 财政收入增长10%，力争达到8亿元: the amount the growth brings, a clause without a subject
# (总量突破500亿元: the word for the whole names no series of its own)
AMOUNT_AFTER = re.compile(
    rf"^(?P<whole>(?:经济)?(?:总量|规模|总额))?(?:力争|争取|确保)?(?:达到|达|突破|超过)"
    rf"\s*{NUM}\s*(?:万亿元|亿元|万元)"
)
# 力争比上年增长50亿元, after an amount: the amount's rise over last year's, a sum to reach
INCREMENT = re.compile(
    rf"^\s*(?:力争|争取|确保)?(?:比上年|比去年)(?:增长|增加|净增|多)\s*{NUM}\s*(万亿元|亿元|万元)"
)
# …7100亿元以上，实现20%以上的增长: a growth stated as the rate the amount grows at
GROWTH_AFTER = re.compile(rf"(?:实现|达到|保持)\s*{NUM}\s*%\s*(左右|以上)?的(?:增长|增速|增幅)")
POSITIVE = re.compile(r"(?:实现)?正增长")
CHANGE = re.compile(
    r"(提升|提高|增加|上升|下降|降低|减少|削减)\s*(\d+(?:\.\d+)?|半)\s*个百分点\s*(左右|以上|以内)?"
)
# before a rise in 百分点: one held over years (年均, 每年, 累计), over another base than last
# year's (比2020年, 较“十四五”末) or a five-year goal's (到2030年, “十五五”期间), no target of the
# year's (比上年提高0.1个百分点 is)
NOT_THE_YEARS_CHANGE = re.compile(
    r"年均|每年|累计|五年|十[三四五]五|到\s*20\d\d年|(?:比|较)\s*(?:20\d\d年|“?十[三四五]五”?)"
)
DECLINE = re.compile(rf"(?:下降|降低|减少|削减)\s*{NUM}\s*%\s*(左右|以上)?")
GROWTH = re.compile(
    r"(?:按)?(?:同口径|名义)?(?:增长(?:速度)?|比增|增速(?:为|达到)?|增幅|提高|提升|增加)"
    # 增长将保持10%的增幅: the growth's figure after 保持, a growth
    rf"(?:{NAMED_TARGET}|将?保持(?:在)?(?=\s*\d+(?:\.\d+)?\s*%\s*的(?:增幅|增速)))?\s*(?:不低于|达到|超过|超)?\s*"
    rf"{NUM}\s*%\s*"
    r"(左右|以上|以内)?(?:安排)?"
)
LEVEL = re.compile(
    r"(控制在|稳定在|保持在|继续保持|保持|达到|达|提高到|提升至|提高至|为|不低于|不少于|超过|突破|不高于|不超过)?\s*"
    rf"{NUM}\s*{LEVEL_UNITS}\s*(左右|以上|以内|以下)?"
)
TREND = (
    # 一般公共预算收入降幅继续收窄: the fall narrowing, the series recovering (a trend up)
    (re.compile(r"(?:降幅|跌幅|下降幅度|亏损)(?:继续|持续|进一步|逐步)?(?:收窄|缩小|减小)$"), "up"),
    # …稳定, 由负转正; 实际利用外资、出口总额持平 (last year's figure again, 与上年 left unsaid)
    (
        re.compile(
            r"(?:保持|基本|总体)?稳定$|(?:增速|增长)?由负转(?:正|平)$|(?<![年与])(?:基本|总体)?持平$"
            r"|(?:保持)?(?:总体|基本)平稳$|保持平稳$"  # 保持物价总体平稳
        ),
        "band",
    ),
    (
        # 收入倍差持续缩小, 城乡收入差距进一步缩小: a gap closing
        re.compile(r"(?:进一步|持续|稳步|继续|(?:较)?大幅度?|明显)?(?:下降|降低|减少|缩小|收窄)$"),
        "down",
    ),
    (
        re.compile(
            r"(?:稳步|持续|进一步|继续|(?:较)?大幅度?|明显)(?:提升|提高|增长|上升|改善|优化|增加|增强)$"
            # 国际收支状况有所改善, 不平衡状况得到改善, 国际收支状况改善, 协调性进一步增强
            r"|(?:有所|得到)(?:改善|增强)$|状况改善$"
            r"|稳定改善$|(?:持续|稳步|进一步|继续|明显)好转$"
            r"|(?:持续|稳步)?(?:稳定|平稳)增长$"
            r"|(?:继续|持续|保持)?较快增长$"  # 城乡居民收入继续较快增长
            r"|稳中有(?:增|升|进)$"  # 全社会固定资产投资稳中有增: steady, and rising
            r"|(?:保持)?适度增长$"  # 货物出口总额保持适度增长
        ),
        "up",
    ),
)
INDICATOR = re.compile(
    r"提质增效|稳量提质|合理水平|稳中提质|量质齐升|合理增长|基本平衡"
    r"|促稳提质|保稳提质|量稳质升|稳中向好|提质提效|回稳向好"
    # 生态环境质量继续保持全国一流水平: the words of the aim, not the subject's
    r"|(?:(?:继续|持续)?保持)?(?:全国|全省|全市|全区|国内|省内)?(?:一流|领先)水平"
    r"|(?:保持|总体|持续)(?:优良|良好)$"
    # a water-quality class (水质稳定保持Ⅲ类, 达到II类): a class, not a figure
    r"|(?:稳定)?(?:保持|达到|优于|稳定在)(?:[ⅠⅡⅢⅣⅤ]|I{1,3}|IV|V)类(?:及以上|以上)?(?:标准)?$"
    r"|(?:稳定)?(?:保持|达到|稳定在)国家(?:地表水)?(?:[ⅠⅡⅢⅣⅤ]|I{1,3}|IV|V)类(?:标准)?$"
)
# A class held or reached (水质保持国家Ⅱ类标准, 稳定达到Ⅲ类): that class or better, a ceiling
# in 类 (Ⅱ类 is 2; the lower the better). Not 优于Ⅲ类 (better than, one class less: left to the
# analyst), nor a class with 以上 (a share of sections at it, 达到Ⅲ类以上 stays an indicator).
CLASS_HELD = re.compile(
    r"(?:稳定)?(?:保持|达到|稳定在)(?:国家)?(?:地表水)?(?P<cls>[ⅠⅡⅢⅣⅤ]|IV|V|I{1,3})类(?:标准)?$"
)
CLASS_NUMBERS = {"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5, "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}


def aspiration_only(text: str) -> bool:
    """力争更好, 在实际工作中争取更好结果: an aim without a figure or a target of its own (not
    力争农村居民收入增速快于城镇居民: a relation the 力争 opens)."""
    if LAST_YEAR_AIM.match(text):
        return True  # 力争超过上年 too, which ABOVE_SERIES reads as a relation
    if not ASPIRATION.search(text) or re.search(r"\d", text):
        return False
    rest = re.sub(r"^(?:力争|争取|努力)+", "", text)
    return not any(p.search(rest) for p in (SAME, ABOVE_GDP, NATIONAL, ABOVE_SERIES))
