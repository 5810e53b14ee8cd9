"""The names statistical bulletins give the indicators plans share, by their shared id.

A bureau's bulletin names GDP 地区生产总值 whatever the plan calls it (经济增长, 全省生产总值):
`import` reads these names as the plan's own aliases for a target of that id (the ids drafts
and the bundled plans use: extract/vocabulary.py), unless the plan gives the name to another
target. Exact names only, compared as `bulletin_names.name_key` folds them: 民间投资 or 工业投资 is
never taken for 固定资产投资.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plancli.plain import AnyPlan, AnyTarget

STANDARD_NAMES: dict[str, tuple[str, ...]] = {
    # 地区总值: 海南's word for it (2024年实现地区总值增长8%左右; never 总产值, gross output)
    "gdp": (
        "地区生产总值",
        "生产总值",
        "国内生产总值",
        "GDP",
        "地区总值",
        "县域生产总值",
        "镇域生产总值",
    ),
    "gdp_per_capita": ("人均地区生产总值", "人均生产总值", "人均GDP"),
    "primary_value_added": ("第一产业增加值",),
    "secondary_value_added": ("第二产业增加值",),
    "tertiary_value_added": ("第三产业增加值",),
    "industrial_value_added": ("规模以上工业增加值", "规上工业增加值"),
    "fixed_asset_investment": ("固定资产投资", "固定资产投资(不含农户)"),
    "retail_sales": ("社会消费品零售总额",),
    # 总额 or 总值: 海关 and many bureaus (河南, 广东) write 进出口总值
    "foreign_trade": (
        "进出口总额",
        "货物进出口总额",
        "外贸进出口总额",
        "外贸进出口",
        "进出口总值",
        "货物进出口总值",
        "外贸进出口总值",
    ),
    "foreign_investment": ("实际使用外资", "实际利用外资"),
    "budget_revenue": ("一般公共预算收入", "地方一般公共预算收入"),
    # 总水平: 北京's 统计公报 (居民消费价格总水平上涨1.2%) and its sheets' row
    "cpi": ("居民消费价格", "居民消费价格指数", "居民消费价格总指数", "居民消费价格总水平", "CPI"),
    "surveyed_unemployment_rate": ("城镇调查失业率",),
    "unemployment_rate": ("城镇登记失业率",),
    # 人数: as 人社 and many 统计局 tables name the row (城镇新增就业人数 88.6万人)
    "new_urban_jobs": ("城镇新增就业", "新增城镇就业", "城镇新增就业人数", "新增城镇就业人数"),
    "resident_income": ("居民人均可支配收入", "全体居民人均可支配收入"),
    "urban_income": ("城镇居民人均可支配收入", "城镇常住居民人均可支配收入"),
    "rural_income": ("农村居民人均可支配收入", "农村常住居民人均可支配收入", "农民人均纯收入"),
    "grain_output": ("粮食产量", "粮食总产量"),
    "urbanization_rate": ("常住人口城镇化率",),
    # 生态环境 bulletins' 细颗粒物（PM2.5）年均浓度 (`bulletin_names.name_key` reads past the
    # bracket), or the abbreviation alone (北京's 统计公报, 上海's and 天津's reviews); 平均 for
    # 年均 (四川's and 山东's reviews: PM2.5平均浓度降至28.5微克每立方米, the year's average, as
    # a sheet's 1-6月 figure is the average to date) and 年平均 (浙江's PM2.5年平均浓度)
    "pm25": (
        "细颗粒物年均浓度",
        "PM2.5年均浓度",
        "细颗粒物平均浓度",
        "PM2.5平均浓度",
        "细颗粒物年平均浓度",
        "PM2.5年平均浓度",
    ),
    # 节能/降碳: a plan says 节能指标 or 降碳约束性指标, the 年报 and the 能耗公报 the indicator
    "energy_intensity": ("单位地区生产总值能耗", "单位生产总值能耗", "单位GDP能耗"),
    "co2_intensity": (
        "单位地区生产总值二氧化碳排放",
        "单位生产总值二氧化碳排放",
        "单位地区生产总值二氧化碳排放量",
        "单位生产总值二氧化碳排放量",
        "单位GDP二氧化碳排放",
    ),
}

# A county's or a town's name for the series (县域生产总值, 镇域生产总值), or the one bulletins
# gave it before 2013 (农民人均纯收入): read by `import` as the others, but written in a draft's
# aliases only where the target's name is of the same kind (镇域…, 农民…): not in every plan's.
LOCAL_NAMES = frozenset({"县域生产总值", "镇域生产总值", "农民人均纯收入"})


def plan_standard_names(plan: AnyPlan) -> Iterator[tuple[str, str]]:
    """(name, id) of the bulletin names that apply to `plan`: those of its targets that have a
    shared id. The caller lets the plan's own names and aliases win over them."""
    for target_id, names in STANDARD_NAMES.items():
        if plan.target(target_id) is not None:
            for name in names:
                yield name, target_id


def searched_names(target: AnyTarget) -> tuple[str, ...]:
    """The names `targets --search` looks in: the target's own, its aliases and, for a shared
    id, the bulletins' (天津's 节能指标 is found by 能耗, its 居民收入 by 可支配收入, as
    `import` reads 单位地区生产总值能耗 and 全市居民人均可支配收入 as theirs). Before session
    41 only its own two."""
    return (target.name, target.name_en, *target.aliases, *STANDARD_NAMES.get(target.id, ()))
