"""Audit TC (session 27): copies of the reports in traditional characters (OpenCC s2t, s2hk,
s2tw, s2twp), with 「」 for quotation marks, in Big5. Each case puts a real sentence of a
report, converted as the copy converted it, back into the simplified report and expects the
clean report's draft (quotes aside: a copy's quote is the copy's words)."""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

import pytest
from tests.conftest import CORPUS, REPO, REPORT, corpus_report, needs_corpus, needs_seed

from plancli.errors import InputError
from plancli.extract import compare_plans, extract_plan
from plancli.extract.text import parse_form, read_report

report = corpus_report


def drafted(text: str) -> list[dict[str, Any]]:
    """The targets drafted, without their quotes, after checking each is verbatim in `text`."""
    targets = extract_plan(text).plan["targets"]
    assert all(t["quote"] in text for t in targets)
    return [{k: v for k, v in t.items() if k != "quote"} for t in targets]


@cache
def clean(name: str) -> tuple[str, ...]:
    return tuple(repr(t) for t in drafted(report(name)))


def copy_of(name: str, *swaps: tuple[str, str]) -> str:
    text = report(name)
    for simplified, traditional in swaps:
        assert text.count(simplified) == 1, simplified
        text = text.replace(simplified, traditional)
    return text


# --------------------------- D1, D4–D6, D12, D13: characters OpenCC writes that were not read


@needs_corpus
@pytest.mark.parametrize(
    ("name", "simplified", "traditional"),
    [
        # D1 (s2t 考覈): 河南's headline co2_intensity target was lost
        ("河南省", "与国家“十五五”考核目标统筹衔接", "與國家“十五五”考覈目標統籌銜接"),
        # D4 (s2t, s2hk 啓): every 启动… milestone was lost
        (
            "上海市",
            "启动建设南北通道等工程，推进沪通铁路二期上海段",
            "啓動建設南北通道等工程，推進滬通鐵路二期上海段",
        ),
        ("上海市", "启动蒙电入沪过江工程", "啓動蒙電入滬過江工程"),
        # D5 (every table's 公頃)
        ("上海市", "新建绿道100公里、绿地500公顷", "新建綠道100公里、綠地500公頃"),
        # D6 (OpenCC's phrase 箇中 eats the counter)
        (
            "四川省",
            "推进4个中小企业数字化转型城市试点",
            "推進4箇中小企業數字化轉型城市試點",
        ),
        # D12: names half-converted (普惠託位, 家庭養老牀位)
        ("北京市", "普惠托位占比提高到68%", "普惠託位佔比提高到68%"),
        ("北京市", "新增5000张家庭养老床位", "新增5000張家庭養老牀位"),
        # D13: 壁壘 made a milestone the simplified text does not have
        ("辽宁省", "深化数字政府建设，打通数据壁垒", "深化數字政府建設，打通數據壁壘"),
        # D7 (s2tw 著力): three kinds changed ongoing → cumulative
        (
            "辽宁省",
            "着力培育6个世界级、7个国家级、9个区域级产业集群",
            "著力培育6個世界級、7個國家級、9個區域級產業集群",
        ),
        # D8 (s2twp 叢集 for 集群): ongoing → cumulative
        ("浙江省", "打造40个重点消费品产业集群", "打造40個重點消費品產業叢集"),
    ],
)
def test_a_converted_sentence_drafts_as_the_simplified_one(
    name: str, simplified: str, traditional: str
) -> None:
    copy = copy_of(name, (simplified, traditional))
    assert tuple(repr(t) for t in drafted(copy)) == clean(name)


@needs_seed
@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [
        # D5 (儘快): the milestone was lost
        ("尽快争取开通省政务服务平台权限和账号", "儘快爭取開通省政務服務平臺權限和賬號"),
        # D7 (著力): the milestone was lost and another sentence's drafted for it
        ("着力服务保障COP15大会第二阶段会议", "著力服務保障COP15大會第二階段會議"),
    ],
)
def test_a_converted_sentence_of_the_seed_drafts_as_the_simplified_one(
    simplified: str, traditional: str
) -> None:
    copy = copy_of("seed", (simplified, traditional))
    assert tuple(repr(t) for t in drafted(copy)) == clean("seed")


@needs_seed
def test_a_taiwan_phrased_project_is_a_project() -> None:
    """D2: s2twp's 專案 for 项目 made the seed's investment amounts project counts."""
    copy = report("seed").replace("项目", "專案")
    assert tuple(repr(t) for t in drafted(copy)) == clean("seed")
    amounts = [t for t in extract_plan(copy).plan["targets"] if t["section"] == "investment"]
    assert len(amounts) == 7
    assert "58.72" in [str(t.get("min")) for t in amounts]  # 亿元, not 91 projects


def test_zhu_is_read_as_zhe_only_in_its_words() -> None:
    """D7: 著 is simplified too (显著, 著名): read as 着 in 着力, 沿着…, not elsewhere."""
    assert parse_form("著力培育、沿著、隨著、顯著重要、著名、著作") == (
        "着力培育、沿着、随着、显著重要、著名、著作"
    )
    assert parse_form("政府投資重點專案91項、產業叢集") == "政府投资重点项目91项、产业集群"


# ------------------------------------------------------------- D3: corner-bracket quotes


@needs_corpus
@pytest.mark.parametrize("name", ["天津市", "贵州省"])
def test_corner_brackets_quote_as_curly_quotes_do(name: str) -> None:
    """「117项目」 is a label, not 117 projects; 办好「十件民生实事」 is read."""
    copy = report(name).replace("“", "「").replace("”", "」")
    assert tuple(repr(t) for t in drafted(copy)) == clean(name)


# ----------------------------------------------------------- D9: --compare in the parse form


def test_a_traditional_copy_scores_against_its_simplified_plan() -> None:
    text = "主要預期目標是：經濟增長5.5%左右，城鎮調查失業率5.5%左右。"
    draft = {
        "targets": [
            {"id": "gdp", "section": "headline", "quote": "經濟增長5.5%左右", "around": 5.5},
        ]
    }
    gold = {
        "targets": [
            {"id": "gdp", "section": "headline", "quote": "经济增长5.5%左右", "around": 5.5},
        ]
    }
    comparison = compare_plans(draft, gold, text)
    assert comparison.groups["headline"].matched_gold == 1
    assert comparison.groups["headline"].exact == 1
    assert comparison.missed == [] and comparison.extra == []


# --------------------------------------------------------------------- D10: Big5 bytes

# 湖北's targets in a news copy converted by OpenCC s2t (audit TC's hubei.news-s2t)
HUBEI_NEWS = (
    "新華社武漢1月27日電 湖北省省長27日在湖北省人民代表大會會議上作政府工作報告時說，今年是"
    "“十五五”開局之年，做好今年工作意義重大。經濟社會發展主要預期目標是：經濟增長5.5%左右，在實際"
    "工作中努力爭取更好結果；城鎮調查失業率5.5%左右，城鎮新增就業70萬人以上；居民消費價格漲幅2%"
    "左右；居民收入增長和經濟增長同步；糧食產量繼續保持500億斤以上；單位地區生產總值二氧化碳排放"
    "完成國家下達目標。\n"
)


@pytest.mark.parametrize("encoding", ["cp950", "big5hkscs"])
def test_a_big5_copy_is_read(encoding: str) -> None:
    text, _ = read_report(HUBEI_NEWS.encode(encoding))
    assert text == HUBEI_NEWS
    targets = extract_plan(text, year=2026).plan["targets"]
    assert [t["id"] for t in targets][:3] == ["gdp", "surveyed_unemployment_rate", "new_urban_jobs"]


def test_a_gb18030_report_is_still_read_as_gb18030() -> None:
    simplified = (
        "经济社会发展主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业70万人以上。" * 4
    )
    assert read_report(simplified.encode("gb18030"))[0] == simplified


def test_validate_source_reads_a_big5_copy(tmp_path: Any) -> None:
    from plancli.source_checks import read_report as source_text

    path = tmp_path / "hubei-big5.txt"
    path.write_bytes(HUBEI_NEWS.encode("big5hkscs"))
    assert source_text(path) == HUBEI_NEWS


def test_bytes_no_encoding_reads_are_still_refused() -> None:
    with pytest.raises(InputError, match=r"not a Chinese report|binary"):
        read_report(bytes(range(0x81, 0xFF)) * 40)


# ---------------------------------------------------------- D11: the plan's name in a copy


@needs_seed
def test_the_plan_name_of_a_traditional_seed() -> None:
    title = (
        "昆明市官渡区2021年国民经济和社会发展计划执行情况与2022年国民经济和社会发展计划草案的报告"
    )
    copy = copy_of(
        "seed",
        (
            title,
            "昆明市官渡區2021年國民經濟和社會發展計劃執行情況與2022年國民經濟和社會發展計劃草案的報告",
        ),
    )
    assert extract_plan(copy).plan["plan"]["name"] == "昆明市官渡区2022年国民经济和社会发展计划"


@needs_corpus
def test_the_plan_name_of_a_traditional_province() -> None:
    copy = report("甘肃省").replace("甘肃省政府工作报告", "甘肅省政府工作報告")
    name = extract_plan(copy).plan["plan"]["name"]
    assert name == "甘肃省2026年经济社会发展主要预期目标"


# ------------------------------------- no simplified report reads otherwise (the table's rule)


@needs_corpus
def test_no_simplified_report_changes_in_the_parse_form() -> None:
    """Every character and word the copies' tables add is one simplified text never writes:
    the parse form of every report of the corpus and of the bundled plans' quotes is as
    before (full-width forms aside)."""
    from plancli.extract.characters import OPENCC_FORMS, PARSE_TABLE, fold_words

    added = set(OPENCC_FORMS) | set("「」『』專叢")
    for path in [*sorted(CORPUS.glob("*.txt")), REPORT]:
        if path.exists():
            text = path.read_text(encoding="utf-8")
            assert not added & set(text), path
            folded = text.translate(PARSE_TABLE)
            assert fold_words(text, folded) == folded, path  # (显著 is no 着)
    for path in sorted((REPO / "data").rglob("*.toml")):
        plan = tomllib.loads(path.read_text(encoding="utf-8"))
        for target in plan.get("targets", []):
            quote = str(target.get("quote") or "")
            assert not added & set(quote), (path, quote)
            assert parse_form(quote) == quote.translate(PARSE_TABLE), (path, quote)
