"""The 2026 audit of Liaoning's and Henan's drafts (李强, 省发改委): defects D1, D4, D5, D9
and D10 of extract, on the corpus reports' own text."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CORPUS

from plancli.extract import extract_plan

needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="the corpus is not here")


def corpus_plan(name: str) -> tuple[str, dict[str, Any]]:
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    return text, extract_plan(text).plan


def by_id(plan: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for t in plan["targets"]}


def work_report(work: str) -> str:
    """A minimal 2026 report with `work` in its first work section."""
    return (
        "2026年某某省政府工作报告\n各位代表：\n一、2025年工作回顾\n"
        "过去一年，全省经济社会发展取得新的成绩。\n"
        "二、2026年重点工作\n"
        "今年经济社会发展主要预期目标是：地区生产总值增长5%左右。\n"
        f"（一）扎实推进经济发展和民生工作\n{work}\n"
    )


# ------------------------------------------------------------------ D1: the 纲要's paragraphs


@needs_corpus
def test_liaoning_five_year_paragraphs_of_the_years_part_give_no_target() -> None:
    # 二、“十五五”时期目标任务和2026年工作安排: the 纲要's paragraphs come first; the year's
    # work starts at 今年是“十五五”开局之年
    text = (CORPUS / "辽宁省.txt").read_text(encoding="utf-8")
    draft = extract_plan(text)
    plan = draft.plan
    outline = text.index("《纲要（草案）》明确了经济社会发展主要指标")
    year = text.index("今年是“十五五”开局之年")
    assert outline < year
    assert not [t.id for t in draft.targets if outline <= t.start < year]
    assert not [t for t in plan["targets"] if "526亿斤" in t["quote"] or "性指标" in t["quote"]]
    # the year's part is still read: its headline and work targets
    assert {"gdp", "budget_revenue"} <= set(by_id(plan))
    assert any(t["section"] == "work_1" for t in plan["targets"])


def test_a_count_of_an_outlines_indicators_is_no_target() -> None:
    work = "五是围绕安全保障，提出2项指标。以上共计28项指标，其中预期性指标19项、约束性指标9项。"
    plan = extract_plan(work_report(work)).plan
    assert [t["quote"] for t in plan["targets"] if t["section"] != "headline"] == []


# ------------------------------------------------------------------ D5: shared work indicators


@needs_corpus
def test_liaoning_shared_indicators_of_the_work_sections_get_the_shared_ids() -> None:
    _text, plan = corpus_plan("辽宁省")
    targets = by_id(plan)
    expected = {
        "retail_sales": ("社会消费品零售总额", "社会消费品零售总额增长4%左右"),
        "fixed_asset_investment": ("固定资产投资", "固定资产投资增长3%左右"),
        "industrial_value_added": ("规模以上工业增加值", "规模以上工业增加值增长3.5%左右"),
        "foreign_trade": ("进出口总额", "进出口总额增长3.5%左右"),
    }
    for target_id, (name, quote) in expected.items():
        target = targets[target_id]
        assert (target["name"], target["quote"], target["kind"]) == (name, quote, "growth")
        assert target["name_en"].isascii() and target["frequency"] == "monthly"
        assert target["section"].startswith("work_")
    # another series with the word in it keeps its positional id
    cross_border = [t for t in plan["targets"] if t["quote"] == "跨境电商进出口增长15%以上"]
    assert len(cross_border) == 1 and cross_border[0]["id"].startswith("w5_t")
    ids = [t["id"] for t in plan["targets"]]
    assert len(ids) == len(set(ids))


def test_a_shared_indicator_the_headline_states_is_not_drafted_again_or_renamed() -> None:
    text = (
        "2026年某某省政府工作报告\n各位代表：\n一、2025年工作回顾\n过去一年，成绩显著。\n"
        "二、2026年重点工作\n今年经济社会发展主要预期目标是：地区生产总值增长5%左右，"
        "固定资产投资增长3%左右。\n（一）扩大有效投资\n固定资产投资增长3%左右。"
        "规模以上工业增加值增长3.5%左右。\n（二）稳外贸\n全省固定资产投资增长4%。\n"
    )
    targets = extract_plan(text).plan["targets"]
    investment = [t for t in targets if "固定资产投资" in t["quote"]]
    # the headline's once, and the other figure under its own positional id
    assert [(t["id"], t["section"]) for t in investment] == [
        ("fixed_asset_investment", "headline"),
        ("w2_t01", "work_2"),
    ]
    industry = [t for t in targets if "工业增加值" in t["quote"]]
    assert [(t["id"], t["name"]) for t in industry] == [
        ("industrial_value_added", "规模以上工业增加值")
    ]


# ------------------------------------------------------------------ D9: the review's GDP


@needs_corpus
def test_liaoning_gdp_baseline_is_the_reviews_one_growth_of_the_province() -> None:
    # 地区生产总值增长3.7% once; 地区生产总值年均增长4.5% is five years', 海洋生产总值增长6%
    # another series
    _text, plan = corpus_plan("辽宁省")
    assert by_id(plan)["gdp"]["baseline"] == {"year": 2025, "growth": Decimal("3.7")}
    assert "地区生产总值增长3.7%" in by_id(plan)["gdp"]["note"]


# ------------------------------------------------------------------ D10: the plan's name


@needs_corpus
@pytest.mark.parametrize(
    ("report", "name", "name_en"),
    [
        (
            "河南省",
            "河南省2026年经济社会发展主要预期目标",
            "Henan 2026 main expected targets of economic and social development",
        ),
        (
            "辽宁省",
            "辽宁省2026年经济社会发展主要预期目标",
            "Liaoning 2026 main expected targets of economic and social development",
        ),
        # a title without the province (政府工作报告): the province of the plan id
        (
            "广东省",
            "广东省2026年经济社会发展主要预期目标",
            "Guangdong 2026 main expected targets of economic and social development",
        ),
    ],
)
def test_a_drafts_name_is_the_bundled_plans_kind_without_draft(
    report: str, name: str, name_en: str
) -> None:
    # "2026年河南省政府工作报告（草稿）" headed the leaders' report as "…（草稿）执行进度报告"
    _text, plan = corpus_plan(report)
    meta = plan["plan"]
    assert (meta["name"], meta["name_en"]) == (name, name_en)
    assert "草稿" not in meta["name"] and "draft" not in meta["name_en"]
    assert "name" in meta["review"]  # to check, as init and validate say


def test_a_plan_reports_draft_is_named_as_its_plan() -> None:
    text = (
        "关于昆明市官渡区2021年国民经济和社会发展计划执行情况与2022年国民经济和社会发展计划草案的报告\n"
        "一、2021年计划执行情况\n全区地区生产总值增长5%。\n二、2022年国民经济和社会发展计划草案\n"
        "2022年全区经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n"
    )
    assert extract_plan(text).plan["plan"]["name"] == "昆明市官渡区2022年国民经济和社会发展计划"
    work = work_report("新建5G基站310个。")  # titled 2026年某某省政府工作报告
    assert extract_plan(work).plan["plan"]["name"] == "某某省2026年经济社会发展主要预期目标"


@needs_corpus
def test_init_and_validate_say_the_drafts_name_is_to_review(invoke: Any, tmp_path: Path) -> None:
    report = tmp_path / "河南省 2026年政府工作报告.txt"
    report.write_bytes((CORPUS / "河南省.txt").read_bytes())
    draft = tmp_path / "河南 草案.toml"
    drafted = invoke("extract", str(report), "-o", str(draft))
    assert drafted.exit_code == 0
    assert (  # extract says it first, with the name drafted
        "check the plan's name, which heads every screen and report: "
        "河南省2026年经济社会发展主要预期目标 (then delete `review` under [plan])\n"
    ) in drafted.stderr
    result = invoke("--plan", str(draft), "init", str(tmp_path / "ws"))
    assert result.exit_code == 0, result.stderr
    assert "warning: the draft's [plan] still carries `review = …` (the plan's name" in (
        result.stderr
    )
    checked = invoke("--plan", str(draft), "validate", "--json")
    pending = [f for f in json.loads(checked.stdout)["findings"] if f["code"] == "review_pending"]
    assert pending[0]["target"] is None and "the plan's name" in pending[0]["message"]
    # once checked: nothing said of the plan
    reviewed = "\n".join(
        line
        for line in draft.read_text(encoding="utf-8").splitlines()
        if not line.startswith("review = \"the plan's")
    )
    draft.write_text(reviewed + "\n", encoding="utf-8")
    again = invoke("--plan", str(draft), "init", str(tmp_path / "ws2"))
    assert "[plan]" not in again.stderr


# ------------------------------------------------------------------ D4: the bureau's names


@needs_corpus
def test_henan_shared_indicators_carry_the_bureaus_names_as_aliases() -> None:
    _text, plan = corpus_plan("河南省")
    targets = by_id(plan)
    # the names `import` reads (indicator_names), written in the draft where the plan's differs
    assert targets["gdp"]["name"] == "经济增长"
    assert targets["gdp"]["aliases"][:2] == ["地区生产总值", "生产总值"]
    assert targets["industrial_value_added"]["name"] == "规上工业增加值"
    assert targets["industrial_value_added"]["aliases"] == ["规模以上工业增加值"]
    assert targets["resident_income"]["aliases"][0] == "居民人均可支配收入"
    # named as the bureau names it: its name is not repeated
    assert targets["budget_revenue"]["aliases"] == ["地方一般公共预算收入"]
    # an alias is never a name (or alias) of another target: import would refuse it
    names = [n for t in plan["targets"] for n in (t["name"], *t.get("aliases", []))]
    assert len(names) == len(set(names))


@needs_corpus
def test_the_bureaus_table_imports_into_the_henan_draft(invoke: Any, tmp_path: Path) -> None:
    report = tmp_path / "河南省.txt"
    report.write_bytes((CORPUS / "河南省.txt").read_bytes())
    draft = tmp_path / "hn.toml"
    assert invoke("extract", str(report), "-o", str(draft)).exit_code == 0
    bulletin = tmp_path / "bulletin.csv"
    bulletin.write_text(
        "指标,期间,累计增长\n地区生产总值,上半年,4.8\n规模以上工业增加值,1-6月,6.1\n"
        "居民人均可支配收入,上半年,5.0\n",
        encoding="utf-8",
    )
    result = invoke("--plan", str(draft), "import", str(bulletin), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "gdp" in result.stdout + result.stderr
