"""What the twelfth round taught (docs/extract.md, "Round 12").

Round 12 studied set K (9 web pages, 2010–2020, towns and development zones). Its misses were
three wordings of the genre, each tested here on the real clause of K's page (the figures of
K's gold plan) and on other members of its family, written for the test: the energy task named
by its words alone (203: 完成节能减排), a work conference's one sentence of figures after its
resolve (204: 努力实现…), amounts a subject each after 分别实现 (206), and a second outside
average with no subject of its own (204: 高于全省平均增速5个百分点). The last tests say why the
traditional page 204 was lost to its wording, not to its characters.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from extract_drafts import heads, page
from plancli.errors import InputError
from plancli.extract import extract_plan
from plancli.extract.characters import TRADITIONAL
from plancli.extract.text import parse_form


def _bounds(target: dict[str, Any]) -> tuple[str, Decimal | None, bool]:
    figure = target.get("min", target.get("around", target.get("max")))
    return target["kind"], figure, bool(target.get("pending"))


# ------------------------------------------------------------------ 完成节能减排 alone (203)

# 宜春 2020 (set K's 203), the list's last two clauses as the page writes them.
YICHUN = (
    "2020年,宜春市主要预期指标为:地区生产总值增长8%左右;居民消费价格总水平涨幅控制在3%左右;"
    "城镇登记失业率控制在4.5%以内,完成节能减排。在具体工作方面:\n\n坚决打赢三大攻坚战,补上全面小康的短板。"
)


def test_the_energy_task_named_by_its_words_alone_is_pending() -> None:
    """完成节能减排 with no 任务 or 目标 after it: energy (a decline) and emissions, both left
    to the higher level, as 完成节能减排任务 is (missed before: no target)."""
    targets = heads(page(YICHUN, 2020), 2020)
    pending = [t for t in targets if t.get("pending")]
    assert [(t["id"], t["kind"], t["quote"]) for t in pending] == [
        ("energy_intensity", "growth", "完成节能减排"),
        ("emission_reduction", "cumulative", "完成节能减排"),
    ]
    assert _bounds(targets[0]) == ("growth", Decimal("8"), False)
    assert len(targets) == 5


@pytest.mark.parametrize(
    ("words", "ids"),
    [
        ("完成节能减排降碳", ["energy_intensity", "emission_reduction", "co2_intensity"]),
        ("全面完成节能减排工作", ["energy_intensity", "emission_reduction"]),
        ("完成节能减排约束性指标", ["energy_intensity", "emission_reduction"]),
        ("完成年度节能降耗指标", ["energy_intensity"]),
    ],
)
def test_the_energy_tasks_other_wordings(words: str, ids: list[str]) -> None:
    """The family: 降碳 after 节能减排, 工作 for 任务, 指标 for 目标 (none read before)."""
    text = page(f"今年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右，{words}。")
    pending = [t for t in heads(text) if t.get("pending")]
    assert [t["id"] for t in pending] == ids
    assert {t["quote"] for t in pending} == {words}


# ---------------------------------------------------------- a work conference's sentence (204)

# 天水经济技术开发区 2011 (set K's 204) as the page sets it: traditional, a converter's pinyin.
TIANSHUI = (
    "天水經(jīng)濟(jì)技術(shù)開發(fā)區(qū)工作會(huì)議提出\n"
    "凸顯速度和效益 引領(lǐng)跨越式科學(xué)發(fā)展\n\n"
    "3月16日,2011年天水經(jīng)濟(jì)技術(shù)開發(fā)區(qū)工作會(huì)議召開。會(huì)議提出,2011年天水經(jīng)濟(jì)"
    "技術(shù)開發(fā)區(qū)要堅(jiān)持“高起點(diǎn)規(guī)劃、高標(biāo)準(zhǔn)建設(shè)、高效率運(yùn)行、高效益產(chǎn)出”"
    "的方針,努力實(shí)現(xiàn)大口徑財(cái)政收入7651萬元,招商引資8億元,使開發(fā)區(qū)生產(chǎn)總值"
    "高于全市平均增速10個(gè)百分點(diǎn),高于全省平均增速5個(gè)百分點(diǎn),全面提升開發(fā)區(qū)整體實力,"
    "著力實(shí)現(xiàn)“六個(gè)”新突破,切實(shí)發(fā)揮“引擎”作用,在全市率先實(shí)現(xiàn)跨越式科學(xué)發(fā)展。\n"
    "市委常委、市紀(jì)委書記楊維俊主持會(huì)議,副市長(zhǎng)、天水經(jīng)濟(jì)技術(shù)開發(fā)區(qū)黨工委書記、"
    "管委會(huì)主任趙衛(wèi)東出席會(huì)議。\n"
)


def test_a_work_conferences_sentence_of_figures_is_read() -> None:
    """会议提出，2011年开发区要坚持…的方针，努力实现A 7651万元，B 8亿元，使…高于全市…，高于
    全省…: the plan year, the resolve and the figures after it lead (refused before: no
    lead), and each outside average is one relation with its own indicator."""
    targets = heads(TIANSHUI, 2011)
    assert [(t["kind"], t["quote"]) for t in targets] == [
        ("cumulative", "大口徑財(cái)政收入7651萬元"),
        ("cumulative", "招商引資8億元"),
        ("relative", "使開發(fā)區(qū)生產(chǎn)總值高于全市平均增速10個(gè)百分點"),
        ("indicator", "全市平均增速"),
        ("relative", "高于全省平均增速5個(gè)百分點"),
        ("indicator", "全省平均增速"),
    ]
    assert [t.get("min") for t in targets[:2]] == [Decimal("7651"), Decimal("8")]
    assert [t["unit"] for t in targets[:2]] == ["万元", "亿元"]
    relations = [t for t in targets if t["kind"] == "relative"]
    assert [t["relation"] for t in relations] == ["above", "above"]
    assert relations[0]["id"] == "gdp"
    references = [t["reference"] for t in relations]
    assert references == [t["id"] for t in targets if t["kind"] == "indicator"]
    assert all(t["quote"] in TIANSHUI for t in targets)  # quotes of the traditional text


@pytest.mark.parametrize("resolve", ["努力实现", "力争完成", "确保实现", "争取完成"])
def test_the_conferences_other_resolves(resolve: str) -> None:
    """努力实现, 力争完成, 确保实现, 争取完成: the same sentence's other resolves."""
    text = page(
        f"会议提出，2024年全镇要坚持稳中求进的总基调，着力推进产业转型升级，{resolve}工业总产值"
        "50亿元，财政收入3000万元，全面提升整体实力。"
    )
    assert [_bounds(t) for t in heads(text)] == [
        ("cumulative", Decimal("50"), False),
        ("cumulative", Decimal("3000"), False),
    ]


def test_a_past_years_resolve_leads_nothing() -> None:
    """2023年，全镇努力实现…: another year's sentence is no lead of 2024's (a guard: refused
    before the rule and after it)."""
    text = page("2023年，全镇努力实现工业总产值50亿元，财政收入3000万元。今年要再接再厉。")
    with pytest.raises(InputError):
        extract_plan(text, year=2024)


def test_a_second_outside_average_in_simplified_words() -> None:
    """…增速高于全市平均水平2个百分点，高于全省平均水平1个百分点: the second relation has the
    first's subject (before: not read, its series unnamed)."""
    text = page(
        "今年全县经济社会发展的主要预期目标是：地区生产总值增速高于全市平均水平2个百分点，"
        "高于全省平均水平1个百分点；一般公共预算收入增长5%。"
    )
    targets = heads(text)
    relations = [t for t in targets if t["kind"] == "relative"]
    assert [(t["id"], t["relation"]) for t in relations] == [
        ("gdp", "above"),
        ("gdp_province", "above"),
    ]
    assert [t["reference"] for t in relations] == ["city_gdp", "province_gdp"]
    assert _bounds(targets[-1]) == ("growth", Decimal("5"), False)


# ------------------------------------------------------------------ 分别实现 amounts (206)

CHANGCHUN = (
    "长春市副市长、长春高新区管委会主任孙亚明部署2014年主要预期发展指标是:营业总收入实现4900亿元,"
    "工业总产值实现4500亿元,地区生产总值实现1050亿元,固定资产投资实现484亿元,全口径财政收入、"
    "一般预算财政收入分别实现500亿元、100亿元。突出抓好八项重点工作:继续加大招商引资力度。"
)


def test_amounts_one_per_subject_after_fenbie_shixian() -> None:
    """全口径财政收入、一般预算财政收入分别实现500亿元、100亿元: two amounts, one per subject,
    both quoting the clause (before: one, 100 dropped and its quote cut)."""
    targets = heads(page(CHANGCHUN, 2014), 2014)
    assert [_bounds(t) for t in targets] == [
        ("cumulative", Decimal(v), False) for v in ("4900", "4500", "1050", "484", "500", "100")
    ]
    clause = "全口径财政收入、一般预算财政收入分别实现500亿元、100亿元"
    assert [t["quote"] for t in targets[4:]] == [clause, clause]
    assert [t["name"] for t in targets[4:]] == ["全口径财政收入", "一般预算财政收入"]


@pytest.mark.parametrize(
    ("words", "figures", "units"),
    [
        ("工业总产值和营业总收入分别完成50亿元和80亿元", ["50", "80"], ["亿元", "亿元"]),
        ("财政收入和税收收入分别突破5亿元和3亿元", ["5", "3"], ["亿元", "亿元"]),
        ("工业总产值和营业总收入分别超过50亿元、80亿元", ["50", "80"], ["亿元", "亿元"]),
        (
            "全口径财政收入、一般预算财政收入分别实现5亿元和8000万元",
            ["5", "8000"],
            ["亿元", "万元"],
        ),
    ],
)
def test_the_amounts_other_verbs_and_units(
    words: str, figures: list[str], units: list[str]
) -> None:
    """分别完成/突破/超过, and a unit per figure (亿元和8000万元)."""
    text = page(f"今年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右，{words}。")
    amounts = [t for t in heads(text) if t["kind"] == "cumulative"]
    assert [t["min"] for t in amounts] == [Decimal(f) for f in figures]
    assert [t["unit"] for t in amounts] == units
    assert {t["quote"] for t in amounts} == {words}


# ------------------------------------------------------------------ traditional characters


# 径山镇 2019 (set K's 207): the gold's quotes, as the page sets them.
JINGSHAN = (
    "全鎮(zhèn)生產(chǎn)總值達到33.25億元,增長7.02%",
    "財政總收入達到2.54億元,增長8.25%",
    "地方財政收入達到1.36億元,增長7.56%",
    "三產(chǎn)服務(wù)業(yè)增加值達到12.7億元,增長11%",
    "農(nóng)民人均純收入達到37200元,增長9.9%",
)


def test_the_traditional_pages_characters_are_all_mapped() -> None:
    """K's traditional pages (204, 207) were not lost to characters: every character of their
    targets' sentences outside GB2312 (so none that simplified text writes) is in the table,
    and the parse form of 204's clauses is the simplified clause, offset for offset."""
    unmapped = set()
    for char in TIANSHUI + "".join(JINGSHAN):
        if "\u4e00" <= char <= "\u9fff" and char not in TRADITIONAL:
            try:
                char.encode("gb2312")
            except UnicodeEncodeError:
                unmapped.add(char)
    assert unmapped == set()
    clauses = "大口徑財政收入7651萬元,招商引資8億元,使開發區生產總值高於全市平均增速10個百分點"
    simplified = "大口径财政收入7651万元,招商引资8亿元,使开发区生产总值高于全市平均增速10个百分点"
    assert parse_form(clauses) == simplified


# ------------------------------------------------------------------ K's lists without their lead

# Set K's lists with their lead replaced by 今年， or 新的一年， (the round's lead ablation): the
# reader that finds a paragraph no lead opens, on the genre's other wordings of a target.


def test_amounts_stated_with_shixian_count_as_target_figures() -> None:
    """206 without its lead: 营业总收入实现4900亿元，… (实现/完成 before the figure, as 达到 is)
    are the year's amounts (before: the first two missed, or the page refused)."""
    text = page(
        "今年，营业总收入实现4900亿元，工业总产值实现4500亿元，地区生产总值实现1050亿元，"
        "固定资产投资实现484亿元。突出抓好八项重点工作。",
        2014,
    )
    assert [_bounds(t) for t in heads(text, 2014)] == [
        ("cumulative", Decimal(v), False) for v in ("4900", "4500", "1050", "484")
    ]


def test_last_years_figure_as_a_growths_base_is_not_the_past() -> None:
    """209 without its lead: 农村居民人均纯收入在去年11302元基础上增长12% is this year's growth
    on last year's base (before: 去年 ended the list, the clause missed); the base is no part
    of the name."""
    text = page(
        "今年，生产总值增长10%，规模以上企业产值增长12%；固定资产投资增长10%；"
        "农村居民人均纯收入在去年11302元基础上增长12%，各项社会事业协调发展。",
        2016,
    )
    last = heads(text, 2016)[-1]
    assert _bounds(last) == ("growth", Decimal("12"), False)
    assert (last["id"], last["name"]) == ("rural_income", "农村居民人均纯收入")
    assert last["quote"] == "农村居民人均纯收入在去年11302元基础上增长12%"


def test_a_pending_task_ends_a_list_no_lead_opens() -> None:
    """203 with 新的一年 for its lead: the run of figures goes on to 完成节能减排 (a task a
    higher level sets, no figure), as after a lead (before: drafted as a work milestone)."""
    text = page(
        "新的一年，地区生产总值增长8%左右；财政总收入增长5%左右；城镇登记失业率控制在4.5%以内，"
        "完成节能减排。在具体工作方面：\n\n坚决打赢三大攻坚战，补上全面小康的短板。",
        2020,
    )
    pending = [t["id"] for t in heads(text, 2020) if t.get("pending")]
    assert pending == ["energy_intensity", "emission_reduction"]


def test_a_work_sections_resolve_is_no_lead_before_a_list() -> None:
    """A list that lost its lead and year (set D's 79 so ablated), then a work paragraph's
    2024年，…力争完成投资244亿元以上: the list is read, not the work sentence (a guard: the
    work conference's resolve is tried only when nothing else is found)."""
    text = page(
        "地区生产总值增长7%以上，固定资产投资增长15%左右，社会消费品零售总额增长7%左右，"
        "城乡居民人均可支配收入分别增长7%左右和8%左右。\n"
        "此前公布，2023年全县实现生产总值303亿元，同比增长7%。\n"
        "2024年，全县将积极扩大有效投资，力争完成投资244亿元以上；扎实推进重大工程建设。"
    )
    assert [_bounds(t)[1] for t in heads(text)] == [Decimal(v) for v in ("7", "15", "7", "7", "8")]
