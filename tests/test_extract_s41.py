"""Session 41's forms of `plancli extract`, from blind set OO's misses (docs/extract.md, "Set OO").

Each sentence is written for its test, in the forms set OO's pages used (none of its texts is
pinned here):
1. A price's rise spelled 增长 (居民消费价格增长3.5%左右) is the CPI's level, a band, as
   居民消费价格上涨2%左右 and the bundled plans' `cpi` are; it drafted a growth of the index.
2. 分别 before one figure (城乡居民人均可支配收入分别增长6%以上) gives each subject it lists
   that figure: the town's and the country's incomes, two targets; it drafted one.
3. A Taiwan-phrased copy's 水準 (s2twp's 水平) is read as 水平: 財政收入保持上年水準 (a steady
   trend) and 高於全國平均水準 (a relation to the national average) were missed, and
   …高於全國平均水準0.5個百分點以上 drafted as a rise of 0.5 points.
4. A news page's title line stating a target its first paragraph states again in the report's
   words quotes that sentence, not the editor's line above it.
"""

from __future__ import annotations

from typing import Any

from plancli.extract import extract_plan
from plancli.extract.text import parse_form

# (the minimal report of session 35's shared-baseline tests, and its reader of a draft's targets)
from test_extract_shared_baselines import report, targets


def headline(paragraph: str) -> dict[str, dict[str, Any]]:
    return {k: t for k, t in targets(report("", paragraph)).items() if t["section"] == "headline"}


# ---------------------------------------------------------------- 1. CPI spelled 增长


def test_a_cpi_growth_is_the_cpi_level_band_the_bundled_plans_hold() -> None:
    cpi = headline("居民消费价格增长3.5%左右")["cpi"]
    assert (cpi["kind"], cpi["direction"], cpi["around"]) == ("level", "band", 3.5)
    assert cpi["unit"] == "%"
    assert cpi["quote"] == "居民消费价格增长3.5%左右"
    assert cpi["name"] == "居民消费价格涨幅"
    assert "min" not in cpi and "max" not in cpi
    # as the spelling the extractor already read: the same kind, bound and direction
    rise = headline("居民消费价格上涨3.5%左右")["cpi"]
    assert {k: rise[k] for k in ("kind", "direction", "around")} == {
        k: cpi[k] for k in ("kind", "direction", "around")
    }


def test_a_cpi_growth_held_under_a_ceiling_is_a_level_ceiling() -> None:
    cpi = headline("居民消费价格增长3%以内")["cpi"]
    assert (cpi["kind"], cpi["max"]) == ("level", 3)
    assert "min" not in cpi and "around" not in cpi


def test_a_cpi_growth_in_a_traditional_copy_is_the_same_band() -> None:
    cpi = headline("居民消費價格增長3.5%左右")["cpi"]
    assert (cpi["kind"], cpi["direction"], cpi["around"]) == ("level", "band", 3.5)
    assert cpi["quote"] == "居民消費價格增長3.5%左右"


def test_other_growths_stay_growths() -> None:
    drafted = headline("社会消费品零售总额增长6%左右")
    assert drafted["retail_sales"]["kind"] == "growth"
    assert drafted["gdp"]["kind"] == "growth"


# ---------------------------------------------------------------- 2. 分别 before one figure


def test_respective_growth_with_one_figure_gives_the_town_and_the_country_each() -> None:
    drafted = headline("城乡居民人均可支配收入分别增长6%以上")
    urban, rural = drafted["urban_income"], drafted["rural_income"]
    assert (urban["name"], rural["name"]) == ("城镇居民人均可支配收入", "农村居民人均可支配收入")
    for target in (urban, rural):
        assert (target["kind"], target["min"]) == ("growth", 6)
        assert target["quote"] == "城乡居民人均可支配收入分别增长6%以上"
        assert "分别: one clause, one target per figure" in target["note"]
    assert "resident_income" not in drafted


def test_respective_growth_of_two_named_subjects_with_one_figure() -> None:
    drafted = headline("城镇和农村居民人均可支配收入分别增长6.5%左右")
    assert drafted["urban_income"]["around"] == 6.5
    assert drafted["rural_income"]["around"] == 6.5


def test_each_with_one_figure_keeps_its_own_note() -> None:
    drafted = headline("城乡居民人均可支配收入均增长6%以上")
    assert "均: one figure for each subject listed" in drafted["urban_income"]["note"]
    assert drafted["rural_income"]["min"] == 6


# ---------------------------------------------------------------- 3. 水準 in a traditional copy


def test_shuizhun_is_read_as_shuiping_offsets_kept() -> None:
    copy = "財政收入保持上年水準；進出口總額高於全國平均水準"
    folded = parse_form(copy)
    assert len(folded) == len(copy)
    assert folded == "财政收入保持上年水平;进出口总额高于全国平均水平"  # (；: the parse form's ;)


def test_a_traditional_copy_keeps_last_years_level_as_a_steady_trend() -> None:
    drafted = headline("財政收入保持上年水準")
    revenue = next(t for t in drafted.values() if t["name"] == "财政收入")
    assert (revenue["kind"], revenue["direction"]) == ("trend", "band")
    assert revenue["quote"] == "財政收入保持上年水準"


def test_a_traditional_copy_reads_above_the_national_average_as_a_relation() -> None:
    drafted = headline("進出口總額高於全國平均水準；城鎮常住居民每人平均可支配收入高於全國平均水準")
    trade, urban = drafted["foreign_trade"], drafted["urban_income"]
    for target in (trade, urban):
        assert (target["kind"], target["relation"]) == ("relative", "above")
        assert drafted[target["reference"]]["kind"] == "indicator"  # the national series
    assert trade["quote"] == "進出口總額高於全國平均水準"
    assert urban["quote"] == "城鎮常住居民每人平均可支配收入高於全國平均水準"


def test_a_margin_over_the_national_average_is_a_relation_not_a_rise() -> None:
    drafted = headline("農村常住居民每人平均可支配收入高於全國平均水準0.5個百分點以上")
    rural = drafted["rural_income"]
    assert (rural["kind"], rural["relation"]) == ("relative", "above")
    assert "min" not in rural and "direction" not in rural
    assert rural["quote"] == "農村常住居民每人平均可支配收入高於全國平均水準0.5個百分點以上"


# ---------------------------------------------------------------- 4. a page's title line


def page(lede: str) -> str:
    return (
        "2025年某某市政府工作报告发布，全市主要预期目标出炉\n"
        "地区生产总值预期增长5.5%\n"
        f"本报讯 记者某某报道：2月10日，某某市第九届人民代表大会第三次会议开幕。{lede}\n"
        "报告还提出，要扎实推进各项工作。\n"
    )


def test_a_title_lines_target_is_quoted_from_the_ledes_sentence() -> None:
    text = page("2025年，某某市聚焦重点，地区生产总值预期目标增长5.5%。")
    gdp = [t for t in extract_plan(text).plan["targets"] if t["id"].startswith("gdp")]
    assert len(gdp) == 1
    assert (gdp[0]["id"], gdp[0]["min"]) == ("gdp", 5.5)
    assert gdp[0]["quote"] == "地区生产总值预期目标增长5.5%"


def test_a_ledes_sentence_of_last_year_leaves_the_title_line() -> None:
    text = page("2024年，某某市地区生产总值增长5.5%。")
    gdp = [t for t in extract_plan(text).plan["targets"] if t["id"].startswith("gdp")]
    assert [t["quote"] for t in gdp] == ["地区生产总值预期增长5.5%"]


def test_a_ledes_other_figure_leaves_the_title_line() -> None:
    text = page("2025年，某某市地区生产总值预期目标增长6%。")
    quotes = [t["quote"] for t in extract_plan(text).plan["targets"] if t["id"] == "gdp"]
    assert quotes == ["地区生产总值预期增长5.5%"]


def test_a_reports_own_list_keeps_its_quotes_though_a_sentence_restates_it() -> None:
    """A report whose list is its first sentence (no 。 before it): the list's own words are
    quoted, not the sentence after it that restates the figure."""
    text = (
        "2025年某某县政府工作报告\n"
        "今年全县经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业3000人。\n"
        "2025年，地区生产总值预期目标增长5.5%左右，是稳中求进的要求。\n"
    )
    gdp = [t for t in extract_plan(text).plan["targets"] if t["id"] == "gdp"]
    assert [t["quote"] for t in gdp] == ["地区生产总值增长5.5%左右"]
