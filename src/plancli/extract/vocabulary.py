"""The indicators plans share: their stable ids, English names, units, frequencies and the way
each is read (PROVINCE-SPEC's shared ids, so drafts and hand-encoded plans use one vocabulary).

Entries are tried in order, the more specific first: 研发经费支出相当于生产总值的比例 is
R&D intensity, not GDP; 单位生产总值二氧化碳排放 is CO2 intensity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from plancli.extract.forms import MONEY_UNITS
from plancli.extract.rate_ids import rate_ids
from plancli.i18n import N_, _

if TYPE_CHECKING:
    from plancli.extract.draft import DraftTarget

Frequency = Literal["monthly", "quarterly", "annual"]


@dataclass(frozen=True)
class Indicator:
    id: str
    pattern: re.Pattern[str]
    name_en: str
    unit: str  # the amount's unit (growth, relative) or the level's default unit
    frequency: Frequency
    direction: str | None = None  # for levels: "down" (lower is better) or "band"
    # A pending target of it ("完成国家下达目标"): the kind its bound will have once given.
    # Intensities (CO2, energy, water per unit of GDP) are national allocations of a fall,
    # 降低X%: growth with decline.
    pending_kind: str = "growth"
    pending_unit: str = "%"
    pending_direction: str | None = None
    pending_decline: bool = True


def _entry(
    id: str,
    pattern: str,
    name_en: str,
    unit: str,
    frequency: Frequency,
    direction: str | None = None,
    pending: tuple[str, str, bool] | None = None,
) -> Indicator:
    # A pending task of an amount (地方一般公共预算收入完成市下目标任务) is its growth, not a
    # fall: only intensities and emissions are allotted a 降低X%.
    kind, punit, decline = pending or ("growth", "%", unit not in MONEY_UNITS)
    return Indicator(
        id, re.compile(pattern), name_en, unit, frequency, direction, kind, punit, None, decline
    )


# A total is another statistic than its intensity: 研发经费投入 (亿元) is R&D spending,
# 研发经费投入强度 (its share of GDP, %) R&D intensity; 能源消费总量 (万吨标准煤) is energy use,
# 单位地区生产总值能耗 / 能耗强度 its intensity. A name with a ratio's word (强度, 相当于, 比例,
# 比重, 占, 单位, 万元) is the intensity's; 能源消费总量和强度 (the two controls) too.
_RATIO_WORDS = r"强度|相当于|之比|比率|比例|比重|占|单位|万元|每|/\s*GDP|／\s*GDP"
_NOT_A_TOTAL = rf"^(?!.*(?:{_RATIO_WORDS}|结构|非化石|可再生|清洁))"
RD_SPENDING = _NOT_A_TOTAL + r".*?(?:研发|R&D|研究与试验发展).*?(?:经费|投入|支出|费用)"
ENERGY_CONSUMPTION = _NOT_A_TOTAL + r".*?(?:能源消费|能源消耗|能耗总量|耗能总量)"
TOTALS = ("rd_spending", "energy_consumption")

INDICATORS: tuple[Indicator, ...] = (
    _entry("rd_spending", RD_SPENDING, "R&D spending", "亿元", "annual"),
    _entry(
        "energy_consumption", ENERGY_CONSUMPTION, "Total energy consumption", "万吨标准煤", "annual"
    ),
    _entry(
        "rd_intensity",
        r"研发|R&D|研究与试验发展",
        "R&D intensity (R&D spending / GDP)",
        "%",
        "annual",
    ),
    _entry(
        "co2_intensity", r"二氧化碳|碳排放|降碳", "CO2 emissions per unit of GDP", "%", "annual"
    ),
    _entry(
        "energy_intensity", r"能耗|节能|能源", "Energy consumption per unit of GDP", "%", "annual"
    ),
    _entry("water_intensity", r"水资源|用水|水耗", "Water use per unit of GDP", "%", "annual"),
    _entry(
        "eco_binding_indicators",
        r"生态环境保护约束性指标",
        "Binding eco-environmental protection indicators",
        "%",
        "annual",
        pending=("level", "%", False),
    ),
    # Pollutants named one by one (化学需氧量、二氧化硫、氨氮、氮氧化物…): each its own fall.
    _entry(
        "cod_emissions",
        r"化学需氧量|COD",
        "Chemical oxygen demand (COD) emissions",
        "万吨",
        "annual",
    ),
    _entry("so2_emissions", r"二氧化硫", "Sulphur dioxide emissions", "万吨", "annual"),
    _entry("nox_emissions", r"氮氧化物", "Nitrogen oxides emissions", "万吨", "annual"),
    _entry("ammonia_nitrogen_emissions", r"氨氮", "Ammonia nitrogen emissions", "万吨", "annual"),
    _entry("coal_consumption", r"煤炭消费|煤炭消耗|耗煤", "Coal consumption", "万吨", "annual"),
    _entry(
        "emission_reduction",
        r"减排|减污|污染物",
        "Emission reductions of major pollutants",
        "万吨",
        "annual",
        pending=("cumulative", "万吨", False),
    ),
    _entry(
        "environment_quality",
        r"环境质量",
        "Environmental quality improvement targets",
        "%",
        "annual",
        pending=("level", "%", False),
    ),
    _entry(
        "pm25",
        r"细颗粒物|PM2\.?5",
        "Annual average PM2.5 concentration",
        "微克/立方米",
        "monthly",
        direction="down",
    ),
    _entry(
        "air_quality_good_rate",
        r"空气质量优良",
        "Share of days with good air quality",
        "%",
        "monthly",
        pending=("level", "%", False),
    ),
    _entry(
        "primary_value_added",
        r"一产|第一产业",
        "Value added of the primary sector",
        "亿元",
        "quarterly",
    ),
    _entry(
        "secondary_value_added",
        r"二产|第二产业",
        "Value added of the secondary sector",
        "亿元",
        "quarterly",
    ),
    _entry(
        "tertiary_value_added",
        r"三产|第三产业|服务业增加值",
        "Value added of the tertiary sector",
        "亿元",
        "quarterly",
    ),
    _entry(
        "industrial_value_added",
        r"工业增加值",
        "Value added of industry above designated size",
        "亿元",
        "monthly",
    ),
    _entry(
        "gdp_per_capita",
        r"人均(?:地区)?(?:生产总值|GDP)",
        "Per-capita GDP",
        "元",
        "annual",
    ),
    _entry(
        "gdp",
        r"生产总值|地区总值|^经济$|经济增长|GDP|经济总量",  # 地区总值: 海南's word
        "Gross regional product (GDP)",
        "亿元",
        "quarterly",
    ),
    _entry("fixed_asset_investment", r"固定资产投资", "Fixed-asset investment", "亿元", "monthly"),
    _entry(
        "retail_sales", r"社会消费品零售|社零", "Retail sales of consumer goods", "亿元", "monthly"
    ),
    _entry(
        "foreign_trade", r"进出口|外贸", "Foreign trade (imports and exports)", "亿元", "monthly"
    ),
    _entry(
        "foreign_investment",
        r"(?:实际)?(?:利用|使用)外资|外商直接投资",
        "Foreign investment actually used",
        "亿美元",
        "monthly",
        pending=("cumulative", "亿美元", False),  # 实际利用外资完成市下达目标: an amount allotted
    ),
    _entry(
        "budget_revenue",
        r"一般公共预算收入|财政收入|一般预算收入",
        "General public budget revenue",
        "亿元",
        "monthly",
    ),
    _entry(
        "surveyed_unemployment_rate",
        r"调查失业率",
        "Surveyed urban unemployment rate",
        "%",
        "monthly",
        direction="down",
        pending=("level", "%", False),  # a rate held under a ceiling, not a fall
    ),
    _entry(
        "unemployment_rate",
        r"登记失业率|失业率",
        "Registered urban unemployment rate",
        "%",
        "quarterly",
        direction="down",
        pending=("level", "%", False),  # a rate held under a ceiling, not a fall
    ),
    _entry(
        "new_urban_jobs",
        r"新增就业|新增城镇就业|城镇新增就业|城镇就业",
        "New urban jobs",
        "万人",
        "monthly",
        pending=("cumulative", "万人", False),
    ),
    _entry(
        "cpi",
        r"居民消费价格|物价|CPI",
        "Consumer price index (CPI) rise",
        "%",
        "monthly",
        direction="band",
        pending=("level", "%", False),  # 与国家价格调控目标保持衔接: a level, no fall
    ),
    _entry(
        "urban_income",
        r"城镇(常住)?居民.*收入",
        "Per-capita disposable income of urban residents",
        "元",
        "quarterly",
    ),
    _entry(
        "rural_income",
        r"农村(常住)?居民.*收入|农民.*收入",
        "Per-capita disposable income of rural residents",
        "元",
        "quarterly",
    ),
    _entry(
        "resident_income",
        r"居民.*收入|人均可支配收入",
        "Per-capita disposable income of residents",
        "元",
        "quarterly",
    ),
    _entry(
        "grain_area",
        r"播种面积",
        "Grain sown area",
        "万亩",
        "annual",
        pending=("level", "万亩", False),
    ),
    _entry(
        "grain_output", r"粮食", "Grain output", "万吨", "annual", pending=("level", "万吨", False)
    ),
    _entry(
        "urbanization_rate",
        r"城镇化率",
        "Urbanization rate of the resident population",
        "%",
        "annual",
    ),
)

_BY_ID = {indicator.id: indicator for indicator in INDICATORS}
# The shared ids every bundled plan gives a growth (gdp: 地区生产总值增长5%), whose bulletin
# names (地区生产总值) import reads as that growth: an amount of one (镇域生产总值7.3亿元) is
# drafted apart, as `<id>_amount`, so a bulletin's growth is never recorded as its 亿元.
GROWTH_SERIES = frozenset(
    {
        *("gdp", "primary_value_added", "secondary_value_added", "tertiary_value_added"),
        *("industrial_value_added", "fixed_asset_investment", "retail_sales", "foreign_trade"),
        *("budget_revenue", "resident_income", "urban_income", "rural_income"),
    }
)
# The indicators a work section states in full as the bureau names them (规模以上工业增加值增长
# 3.5%左右, 进出口总额增长3.5%左右): their growth is the shared target a headline would give,
# under its name without the verb. Only the name in full: 跨境电商进出口, 工业投资 are others.
# A bare 工业增加值 (陕西 2026: 工业增加值增长6.5％, its review's 规模以上工业增加值增长7.3％) is
# the headline's industrial_value_added too (`lookup` reads it so), with a review flag: the
# monthly series a bulletin gives is 规模以上's, and the report does not say it. So is a bare
# 投资 of the whole place (广东 2026: 全年投资增长5%左右): the 固定资产投资 bulletins give, flagged.
_WORK_NAMES = re.compile(
    r"(?:全省|全市|全区|全县|全州|全盟)?(?:全年)?(?:"
    r"(?P<fixed_asset_investment>(?:全社会)?固定资产投资(?:总额)?|投资)"
    r"|(?P<retail_sales>社会消费品零售总额|社零总额)"
    r"|(?P<industrial_value_added>(?:规模以上|规上)?工业增加值)"
    r"|(?P<foreign_trade>(?:外贸|货物|货物贸易)?进出口(?:总额|总值)?|外贸)"
    r"|(?P<budget_revenue>(?:地方)?一般公共预算收入))"
    r"(?:增长|增速|增幅)?"
)
BARE_INDUSTRY_REVIEW = N_(
    "工业增加值 is read as 规模以上工业增加值 (`industrial_value_added`), the monthly series "
    "bulletins give: check the report means it, not all industry's"
)
BARE_INVESTMENT_REVIEW = N_(
    "投资 is read as 固定资产投资 (`fixed_asset_investment`), the series bulletins give: check "
    "the report means it"
)
# shared in any wording, as before: 城镇新增就业, 空气质量优良天数比率
_WORK_LOOKUP = ("new_urban_jobs", "air_quality_good_rate")


def share(target: DraftTarget, taken: set[str]) -> None:
    """Give a work target the shared id, English name and frequency of the indicator its name
    states (规模以上工业增加值增长 → industrial_value_added, named 规模以上工业增加值), unless a
    target drafted before (the headline's) has that id; else a rate's readable id
    (`rate_ids`)."""
    indicator = lookup(target.name)
    if indicator is not None and indicator.id in _WORK_LOOKUP:
        target.id, target.name_en, target.shared = indicator.id, indicator.name_en, True
        return
    named = _WORK_NAMES.fullmatch(target.name) if target.kind == "growth" else None
    if named is None or named.lastgroup is None or named.lastgroup in taken:
        # a rate the vocabulary has no entry for: readable from its words where a common rate
        # word ends its name (地表水水质优良率 → surface_water_quality_good_rate), not w10_t05
        target.id = rate_ids(target.id, target.name, target.unit, taken)
        return
    indicator = _BY_ID[named.lastgroup]
    target.id, target.name_en, target.shared = indicator.id, indicator.name_en, True
    if named.group(named.lastgroup) == "工业增加值":
        target.review.append(_(BARE_INDUSTRY_REVIEW))
    if named.group(named.lastgroup) == "投资":
        target.review.append(_(BARE_INVESTMENT_REVIEW))
    target.name = target.name[: named.end(named.lastgroup)]
    target.frequency = indicator.frequency


# The outside series a relation compares with (全国平均水平), by the id of the target compared.
NATIONAL_IDS = {
    "fixed_asset_investment": (
        "national_fai_growth",
        "全国固定资产投资增速",
        "National fixed-asset investment growth",
    ),
    "resident_income": (
        "national_income_growth",
        "全国居民收入增速",
        "National growth of residents' income",
    ),
    "gdp": ("national_gdp_growth", "全国经济增速", "National GDP growth"),
    "foreign_trade": ("national_trade_growth", "全国外贸增速", "National foreign-trade growth"),
}


# A copy's stray space inside a word (研究与试 验发展经费, a line the page broke): not the name's.
_SPACE_IN_WORD = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


@lru_cache(maxsize=4096)
def lookup(name: str) -> Indicator | None:
    """The shared indicator a Chinese name denotes, or None."""
    name = _SPACE_IN_WORD.sub("", name)
    for indicator in INDICATORS:
        if indicator.pattern.search(name):
            return indicator
    return None


def national(subject_id: str) -> tuple[str, str, str]:
    """(id, Chinese name, English name) of the national series a target is compared with."""
    return NATIONAL_IDS.get(
        subject_id, (f"national_{subject_id}", "全国平均水平", f"National average ({subject_id})")
    )


# Compound names of pending national tasks: 节能减排降碳约束性指标, 能源、水资源、碳排放等指标.
PENDING_TOKENS: tuple[tuple[str, str], ...] = (
    ("生态环境保护约束性指标", "eco_binding_indicators"),
    ("二氧化碳", "co2_intensity"),
    ("碳排放", "co2_intensity"),
    ("降碳", "co2_intensity"),
    ("节能", "energy_intensity"),
    ("能耗", "energy_intensity"),
    ("能源", "energy_intensity"),
    ("水资源", "water_intensity"),
    ("节水", "water_intensity"),
    ("水耗", "water_intensity"),
    ("减排减污", "emission_reduction"),
    ("减污", "emission_reduction"),
    ("减排", "emission_reduction"),
    ("污染物", "emission_reduction"),
    ("环境质量", "environment_quality"),
    ("环境保护", "environment_quality"),
    ("环保", "environment_quality"),
    ("播种面积", "grain_area"),
    ("粮食", "grain_output"),
    ("煤炭", "coal_consumption"),
    ("化学需氧量", "cod_emissions"),
    ("二氧化硫", "so2_emissions"),
    ("氮氧化物", "nox_emissions"),
    ("氨氮", "ammonia_nitrogen_emissions"),
)
