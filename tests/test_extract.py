"""`plancli extract`'s core on real clauses of the seed report and the 2026 corpus."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CORPUS, REPORTS

from plancli.errors import InputError
from plancli.extract import decode_report, extract_plan
from plancli.extract.numerals import chinese_integer

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "000_00f01ebf3f7ca338.txt"
TUNING = (
    "上海市",
    "北京市",
    "天津市",
    "山东省",
    "广东省",
    "江苏省",
    "河南省",
    "浙江省",
    "湖北省",
    "甘肃省",
    "陕西省",
)

needs_seed = pytest.mark.skipif(not SEED.exists(), reason="the seed report is not here")
needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="the corpus is not here")


def report(paragraph: str, work: str = "") -> str:
    """A minimal 2026 report around a 主要预期目标 paragraph (and a work section)."""
    return (
        "2026年某某省政府工作报告\n各位代表：\n一、2025年工作回顾\n"
        "过去一年，全省经济社会发展取得新的成绩，地区生产总值增长5.1%。\n"
        "二、2026年重点工作\n"
        f"今年经济社会发展主要预期目标是：{paragraph}。\n"
        f"（一）扎实推进经济发展和民生工作\n{work}\n"
    )


def headline(paragraph: str) -> list[dict[str, Any]]:
    draft = extract_plan(report(paragraph))
    return [t for t in draft.plan["targets"] if t["section"] == "headline"]


def form(target: dict[str, Any]) -> dict[str, Any]:
    keys = (
        "id",
        "kind",
        "unit",
        "min",
        "max",
        "around",
        "stretch",
        "direction",
        "decline",
        "pending",
        "exclusive",
        "relation",
        "reference",
    )
    return {k: target[k] for k in keys if k in target}


# ------------------------------------------------------------------------------ numerals


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("十", 10),
        ("十五", 15),
        ("二十三", 23),
        ("一百零五", 105),
        ("两千", 2000),
        ("三万五千", 35000),
        ("二〇二六", 2026),
        ("两", 2),
    ],
)
def test_chinese_numerals(text: str, value: int) -> None:
    assert chinese_integer(text) == value


@pytest.mark.parametrize("text", ["", "十百", "二三十", "五G", "〇五"])
def test_not_numerals(text: str) -> None:
    assert chinese_integer(text) is None


# ------------------------------------------------------------------------------ decoding

TEXT = report("地区生产总值增长5%左右")


def test_decodes_utf8_bom_and_gb18030() -> None:
    assert decode_report(TEXT.encode("utf-8")) == TEXT
    assert decode_report(b"\xef\xbb\xbf" + TEXT.encode("utf-8")) == TEXT
    assert decode_report(TEXT.encode("gb18030")) == TEXT


def test_a_utf8_file_cut_inside_a_character_is_read_up_to_the_cut() -> None:
    whole = TEXT.rstrip()  # ends with 作
    cut = whole.encode("utf-8")[:-1]  # cut inside 作
    assert decode_report(cut) == whole[:-1]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"  \n\t ", "is empty"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)), "binary"),
        (b"The government work report says GDP grows 5% this year. " * 20, "not a Chinese"),
        (bytes(range(128, 256)) * 40, "not"),
    ],
)
def test_what_is_not_a_report_is_one_input_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        decode_report(data, "x.txt")
    assert "\n" not in str(caught.value)


def test_chinese_text_without_targets_or_year_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no targets found"):
        extract_plan("2026年的发展和工作。" * 20, year=2026)
    with pytest.raises(InputError, match="plan year"):
        extract_plan("今年的发展和工作。" * 20)


# ------------------------------------------------------------------------------ headline forms


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # 上海
        ("全市生产总值增长5%左右", [{"id": "gdp", "kind": "growth", "unit": "亿元", "around": 5}]),
        (
            "城镇调查失业率5%以内",
            [
                {
                    "id": "surveyed_unemployment_rate",
                    "kind": "level",
                    "unit": "%",
                    "max": 5,
                    "direction": "down",
                }
            ],
        ),
        (
            "居民消费价格涨幅2%左右",
            [{"id": "cpi", "kind": "level", "unit": "%", "around": 2, "direction": "band"}],
        ),
        (
            "全社会研发经费支出相当于全市生产总值的比例达到4.6%左右",
            [{"id": "rd_intensity", "kind": "level", "unit": "%", "around": Decimal("4.6")}],
        ),
        (
            "单位生产总值二氧化碳排放量进一步下降",
            [{"id": "co2_intensity", "kind": "trend", "unit": "%", "direction": "down"}],
        ),
        (
            "主要污染物重点工程减排量完成国家下达目标",
            [{"id": "emission_reduction", "kind": "cumulative", "unit": "万吨", "pending": True}],
        ),
        # 浙江, 广东, 江苏, 天津
        (
            "全省生产总值增长5%—5.5%，在实际工作中努力争取更好结果",
            [{"id": "gdp", "kind": "growth", "unit": "亿元", "min": 5, "stretch": Decimal("5.5")}],
        ),
        (
            "地区生产总值增长4.5%—5%，在实际工作中全力争取更好结果",
            [{"id": "gdp", "kind": "growth", "unit": "亿元", "min": Decimal("4.5"), "stretch": 5}],
        ),
        ("地区生产总值按增长5%安排", [{"id": "gdp", "kind": "growth", "unit": "亿元", "min": 5}]),
        (
            "粮食产量保持稳定",
            [{"id": "grain_output", "kind": "trend", "unit": "%", "direction": "band"}],
        ),
        (
            "固定资产投资提质增效",
            [{"id": "fixed_asset_investment", "kind": "indicator", "unit": "%"}],
        ),
        (
            "城镇新增就业28万人",
            [{"id": "new_urban_jobs", "kind": "cumulative", "unit": "万人", "min": 28}],
        ),
        (
            "节能减排减污降碳指标完成国家下达目标",
            [
                {
                    "id": "energy_intensity",
                    "kind": "growth",
                    "unit": "%",
                    "decline": True,
                    "pending": True,
                },
                {"id": "emission_reduction", "kind": "cumulative", "unit": "万吨", "pending": True},
                {
                    "id": "co2_intensity",
                    "kind": "growth",
                    "unit": "%",
                    "decline": True,
                    "pending": True,
                },
            ],
        ),
        # 北京
        (
            "细颗粒物年均浓度控制在29微克/立方米左右、争取更优水平",
            [
                {
                    "id": "pm25",
                    "kind": "level",
                    "unit": "微克/立方米",
                    "around": 29,
                    "direction": "down",
                }
            ],
        ),
        (
            "居民收入增长和经济增长同步",
            [
                {
                    "id": "resident_income",
                    "kind": "relative",
                    "unit": "元",
                    "relation": "same",
                    "reference": "gdp",
                }
            ],
        ),
        # 甘肃
        (
            "城乡居民人均可支配收入分别增长5%、6.5%左右",
            [
                {"id": "urban_income", "kind": "growth", "unit": "元", "around": 5},
                {"id": "rural_income", "kind": "growth", "unit": "元", "around": Decimal("6.5")},
            ],
        ),
        (
            "常住人口城镇化率提升1个百分点以上",
            [{"id": "urbanization_rate", "kind": "change", "unit": "%", "min": 1}],
        ),
        (
            "居民消费价格涨幅2%",
            [{"id": "cpi", "kind": "level", "unit": "%", "around": 2, "direction": "band"}],
        ),
        (
            "粮食产量稳定在1300万吨以上",
            [{"id": "grain_output", "kind": "level", "unit": "万吨", "min": 1300}],
        ),
        (
            "一般公共预算收入同口径增长5.5%左右",
            [{"id": "budget_revenue", "kind": "growth", "unit": "亿元", "around": Decimal("5.5")}],
        ),
        # 陕西
        (
            "固定资产投资增速保持在全国平均水平以上",
            [
                {
                    "id": "fixed_asset_investment",
                    "kind": "relative",
                    "unit": "亿元",
                    "relation": "not_below",
                    "reference": "national_fai_growth",
                },
                {"id": "national_fai_growth", "kind": "indicator", "unit": "%"},
            ],
        ),
        (
            "居民收入增速高于经济增速、高于全国平均水平",
            [
                {
                    "id": "resident_income",
                    "kind": "relative",
                    "unit": "元",
                    "relation": "above",
                    "reference": "gdp",
                },
                {
                    "id": "resident_income_national",
                    "kind": "relative",
                    "unit": "元",
                    "relation": "above",
                    "reference": "national_income_growth",
                },
                {"id": "national_income_growth", "kind": "indicator", "unit": "%"},
            ],
        ),
        (
            "完成国家下达的粮食生产、单位生产总值二氧化碳减排目标任务",
            [
                {"id": "grain_output", "kind": "level", "unit": "万吨", "pending": True},
                {
                    "id": "co2_intensity",
                    "kind": "growth",
                    "unit": "%",
                    "decline": True,
                    "pending": True,
                },
            ],
        ),
        # 河南
        (
            "粮食产量1300亿斤以上、力争比去年实现更多增长",
            [{"id": "grain_output", "kind": "level", "unit": "亿斤", "min": 1300}],
        ),
        ("进出口稳量提质", [{"id": "foreign_trade", "kind": "indicator", "unit": "%"}]),
        # 官渡 (the seed)
        (
            "固定资产投资(不含农户)实现正增长",
            [
                {
                    "id": "fixed_asset_investment",
                    "kind": "growth",
                    "unit": "亿元",
                    "min": 0,
                    "exclusive": True,
                }
            ],
        ),
        # a fall stated as a size
        (
            "单位地区生产总值能耗下降3.8%",
            [
                {
                    "id": "energy_intensity",
                    "kind": "growth",
                    "unit": "%",
                    "min": Decimal("3.8"),
                    "decline": True,
                }
            ],
        ),
    ],
)
def test_headline_clause_forms(clause: str, expected: list[dict[str, Any]]) -> None:
    found = [form(t) for t in headline(clause)]
    # gdp is added as an indicator when a relation refers to it and the clause states none
    found = [t for t in found if not (t["id"] == "gdp" and t["kind"] == "indicator")]
    assert found == expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("城镇新增就业不少于28万人", {"kind": "cumulative", "unit": "万人", "min": 28}),
        ("生态环境质量持续改善", {"kind": "trend", "unit": "%", "direction": "up"}),
        ("城镇调查失业率不超过5.5%", {"kind": "level", "unit": "%", "max": Decimal("5.5")}),
    ],
)
def test_forms_of_other_wordings(clause: str, expected: dict[str, Any]) -> None:
    (target,) = headline(clause)
    assert {k: v for k, v in form(target).items() if k in expected} == expected


def test_sectors_listed_together_each_with_its_own_qualifier() -> None:
    targets = headline("其中一二三产增加值分别增长3.5%左右、6%以上、5%左右")
    assert [(t["id"], t.get("around"), t.get("min")) for t in targets] == [
        ("primary_value_added", Decimal("3.5"), None),
        ("secondary_value_added", None, 6),
        ("tertiary_value_added", 5, None),
    ]


def test_national_tasks_worded_按照国家要求完成() -> None:
    targets = headline("按照国家要求完成节能减排降碳任务")
    assert [(t["id"], t["pending"]) for t in targets] == [
        ("energy_intensity", True),
        ("emission_reduction", True),
        ("co2_intensity", True),
    ]


def test_a_lead_worded_otherwise_and_a_paragraph_without_full_stop() -> None:
    text = report("x").replace(
        "今年经济社会发展主要预期目标是：x。",
        "今年主要预期目标建议如下：地区生产总值增长5%左右\n新建5G基站3000个，",
    )
    targets = extract_plan(text).plan["targets"]
    assert [(t["section"], t["quote"]) for t in targets] == [
        ("headline", "地区生产总值增长5%左右"),
        ("work_0", "新建5G基站3000个"),  # in the lead, before （一）
    ]


def test_a_clause_quote_is_the_clause_and_a_stretch_keeps_its_phrase() -> None:
    targets = headline(
        "全省生产总值增长5%—5.5%，在实际工作中努力争取更好结果；城镇调查失业率5%以内"
    )
    assert [t["quote"] for t in targets] == [
        "全省生产总值增长5%—5.5%，在实际工作中努力争取更好结果",
        "城镇调查失业率5%以内",
    ]


def test_a_relation_to_an_unstated_gdp_target_gets_an_indicator_to_refer_to() -> None:
    targets = headline("居民收入增长和经济增长同步")
    gdp = next(t for t in targets if t["id"] == "gdp")
    assert gdp["kind"] == "indicator" and "review" in gdp


def test_full_width_percent_and_digits_are_read_and_quoted_verbatim() -> None:
    targets = headline("生产总值增长５％左右")
    assert form(targets[0]) == {"id": "gdp", "kind": "growth", "unit": "亿元", "around": 5}
    assert targets[0]["quote"] == "生产总值增长５％左右"


def test_last_years_figure_in_the_review_is_a_baseline_not_a_target() -> None:
    draft = extract_plan(report("地区生产总值增长5%左右"))
    (gdp,) = draft.plan["targets"]
    assert gdp["around"] == 5
    assert gdp["baseline"] == {"year": 2025, "growth": Decimal("5.1")}


def test_plan_year_and_id_from_the_title_or_the_options() -> None:
    draft = extract_plan(report("地区生产总值增长5%左右").replace("某某省", "浙江省"))
    assert (draft.plan["plan"]["id"], draft.plan["plan"]["year"]) == ("zhejiang-2026", 2026)
    draft = extract_plan(report("地区生产总值增长5%左右"), plan_id="mine", year=2027)
    assert (draft.plan["plan"]["id"], draft.plan["plan"]["year"]) == ("mine", 2027)
    with pytest.raises(InputError, match="plan id"):
        extract_plan(report("地区生产总值增长5%左右"), plan_id="Not An Id")


@needs_corpus
def test_a_title_without_the_province_takes_the_province_the_report_names_most() -> None:
    """贵州's 2026 report is titled 政府工作报告: the id came out draft-2026. Its first part
    (the congress line and the review) names 贵州 23 times and no other province: guizhou-2026.
    A city's report names its province too: the congress it is given to says whose it is."""
    text = (CORPUS / "贵州省.txt").read_text(encoding="utf-8")
    assert extract_plan(text).plan["plan"]["id"] == "guizhou-2026"
    city = text.replace("在贵州省第十四届", "在遵义市第五届")
    assert extract_plan(city).plan["plan"]["id"] == "draft-2026"


@needs_seed
def test_a_districts_report_naming_its_province_keeps_a_draft_id() -> None:
    """昆明市官渡区…的报告 names 云南 a dozen times in its review (云南省第一批旅游休闲街区…),
    and no other province: its title names the district, so no province's id."""
    text = SEED.read_text(encoding="utf-8")
    assert extract_plan(text).plan["plan"]["id"] == "draft-2022"
    untitled = text.split("\n", 1)[1]  # its congress line names the district too
    assert extract_plan(untitled).plan["plan"]["id"] == "draft-2022"


# ------------------------------------------------------------------------------ work targets


def work(text: str) -> list[dict[str, Any]]:
    draft = extract_plan(report("地区生产总值增长5%左右", text))
    return [t for t in draft.plan["targets"] if t["section"] != "headline"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "积极推进5G基站建设，新建5G基站310个。",
            [("新建5G基站310个", "cumulative", "个", 310, None)],
        ),
        (
            "新增城镇就业2.3万人以上。",
            [("新增城镇就业2.3万人以上", "cumulative", "万人", Decimal("2.3"), None)],
        ),
        (
            "开展1-2个普惠性托育服务试点。",
            [("开展1-2个普惠性托育服务试点", "cumulative", "个", 1, 2)],
        ),
        (
            "加大创新主体培育，新认定科技型、高新技术企业各20户。",
            [
                ("新认定科技型、高新技术企业各20户", "cumulative", "户", 20, None),
                ("新认定科技型、高新技术企业各20户", "cumulative", "户", 20, None),
            ],
        ),
        (
            "确保主次干道、背街小巷装灯率达100%、亮灯率达95%以上。",
            [
                ("装灯率达100%", "level", "%", 100, None),
                ("亮灯率达95%以上", "level", "%", 95, None),
            ],
        ),
        (
            "高标准完成“十件惠民实事”。",
            [("高标准完成“十件惠民实事”", "cumulative", "件", 10, None)],
        ),
        (
            "加快推进巫家坝、五甲塘等片区16个学校建设。",
            [("加快推进巫家坝、五甲塘等片区16个学校建设", "ongoing", "个", 16, None)],
        ),
        ("保持“零就业家庭”动态清零。", [("保持“零就业家庭”动态清零", "level", "户", None, 0)]),
    ],
)
def test_quantified_work_targets(
    sentence: str, expected: list[tuple[str, str, str, Any, Any]]
) -> None:
    found = [(t["quote"], t["kind"], t["unit"], t.get("min"), t.get("max")) for t in work(sentence)]
    # each quote is the clause or list item that states the figure
    assert [(k, u, lo, hi) for _, k, u, lo, hi in found] == [e[1:] for e in expected]
    for (quote, *_), (want, *_) in zip(found, expected, strict=True):
        assert quote in want or want in quote


@pytest.mark.parametrize(
    "sentence",
    [
        "2025年新建5G基站350个。",  # another year
        "比上年新增城镇就业3.13万人。",  # last year's result
        "“十五五”时期累计新增就业500万人。",  # a five-year goal
        "抢抓东南亚7个国家驻昆领馆优势。",  # a number that promises nothing
        "科学开展15万人以上街道析置。",  # a size qualifying a noun
    ],
)
def test_figures_that_are_not_this_years_targets(sentence: str) -> None:
    assert work(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "quotes"),
    [
        (
            "强化湿地管养，确保宝丰半岛湿地二期、星海半岛湿地二期完工。",
            ["确保宝丰半岛湿地二期、星海半岛湿地二期完工", "星海半岛湿地二期完工"],
        ),
        (
            "建成投入使用官渡区域企业服务中心和要素交易中心。",
            ["建成投入使用官渡区域企业服务中心", "要素交易中心"],
        ),
        (
            "办好慕尼黑啤酒节、第十二届全国“非遗”联展等品牌特色文化活动。",
            ["办好慕尼黑啤酒节", "第十二届全国“非遗”联展"],
        ),
        ("建立文化和旅游种子企业库。", ["建立文化和旅游种子企业库"]),
        ("推动省中医院(环湖院区)项目落地。", ["推动省中医院(环湖院区)项目落地"]),
        ("建立公平竞争审查抽查、考核、公示制度。", []),  # an institution, not a deliverable
        ("探索建立服务贸易重点行业和重点企业目录库。", []),  # tentative
        ("加强街面秩序管理。", []),  # open-ended effort
    ],
)
def test_milestones(sentence: str, quotes: list[str]) -> None:
    found = work(sentence)
    assert [t["quote"] for t in found] == quotes
    assert all(t["kind"] == "milestone" and t["due"] == "2026" for t in found)


# ------------------------------------------------------------------------------ the seed


@pytest.fixture(scope="module")
def seed() -> tuple[str, dict[str, Any]]:
    text = decode_report(SEED.read_bytes())
    return text, extract_plan(text).plan


@needs_seed
def test_seed_headline_from_the_dash_list_with_baselines_from_its_table(
    seed: tuple[str, dict[str, Any]],
) -> None:
    _, plan = seed
    head = {t["id"]: t for t in plan["targets"] if t["section"] == "headline"}
    assert list(head) == [
        "gdp",
        "budget_revenue",
        "fixed_asset_investment",
        "retail_sales",
        "urban_income",
        "rural_income",
        "unemployment_rate",
    ]
    assert head["gdp"]["min"] == 7
    assert head["gdp"]["baseline"] == {
        "year": 2021,
        "value": Decimal("1441.37"),
        "growth": Decimal("0.3"),
        "plan": 8,
        "plan_text": "8",
    }
    assert head["rural_income"]["baseline"]["plan_text"] == "与经济增长基本同步"  # merged cell
    assert head["unemployment_rate"]["max"] == Decimal("4.8")
    assert plan["plan"]["year"] == 2022


@needs_seed
def test_seed_investment_plan_rolls_up_its_categories(seed: tuple[str, dict[str, Any]]) -> None:
    _, plan = seed
    inv = {t["id"]: t for t in plan["targets"] if t["section"] == "investment"}
    total = inv["investment_total"]
    assert total["min"] == Decimal("58.72")
    assert total["projects"] == {
        "total": 91,
        "continuing": 45,
        "new": 46,
        "total_investment": Decimal("415.05"),
    }
    assert len(total["parts"]) == 6
    assert inv["investment_health_elderly"]["projects"] == {"total": 4, "continuing": 0, "new": 4}
    assert inv["investment_health_elderly"]["min"] == Decimal("2.30")


@needs_seed
def test_seed_takes_nothing_from_the_review_and_repeats_no_headline(
    seed: tuple[str, dict[str, Any]],
) -> None:
    text, plan = seed
    plan_part = text.index("二、2022年国民经济和社会发展计划草案建议")
    for target in plan["targets"]:
        assert text.index(target["quote"]) > plan_part or target["quote"] in text[plan_part:]
    quotes = [t["quote"] for t in plan["targets"]]
    assert not any("350" in q for q in quotes)  # 2021: 新建5G基站350个
    assert sum("4.8%以内" in q for q in quotes) == 1  # the headline, not its repetition


# ------------------------------------------------------------------------------ the corpus


@needs_corpus
@pytest.mark.parametrize("name", TUNING)
def test_corpus_quotes_are_verbatim_and_no_target_comes_from_the_five_year_plan(
    name: str,
) -> None:
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    plan = extract_plan(text).plan
    assert plan["plan"]["year"] == 2026
    province = next(pinyin for pinyin, chinese in REPORTS.items() if chinese == name)
    assert plan["plan"]["id"] == f"{province}-2026"  # 广东, 陕西: from the first part
    heads = [t for t in plan["targets"] if t["section"] == "headline"]
    assert len(heads) >= 3
    for target in plan["targets"]:
        assert target["quote"] in text
        assert "十五五" not in target["quote"] or target["section"] == "headline"
    # every bound drafted is a figure its quote states (validate's bound_not_in_quote)
    from plancli.model import Plan
    from plancli.plan_checks import check_plan

    drafted = Plan.model_validate(plan)
    assert [f.message for f in check_plan(drafted) if f.code == "bound_not_in_quote"] == []
