"""The audit of `extract` on the seed report (赵工, another district's 发改局): a title
wrapped over two lines (D1), the incomes' shared aliases (D2), a page's breadcrumb and site
name (D3), `validate --source -` (D8)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from plancli.extract import extract_plan
from plancli.extract.text import decode_report

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "000_00f01ebf3f7ca338.txt"
needs_seed = pytest.mark.skipif(not SEED.exists(), reason="the seed report is not here")
TITLE = "昆明市官渡区2021年国民经济和社会发展计划执行情况与2022年国民经济和社会发展计划草案的报告"


def seed_text() -> str:
    return decode_report(SEED.read_bytes())


def retitled(*title_lines: str) -> str:
    """The seed with its title line replaced by `title_lines`."""
    text = seed_text()
    first, rest = text.split("\n", 1)
    assert first.strip() == TITLE
    return "\n".join(title_lines) + "\n" + rest


def by_id(plan: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for t in plan["targets"]}


# ------------------------------------------------------------------ D1: a title over two lines


@needs_seed
@pytest.mark.parametrize(
    "cut",
    [
        "昆明市官渡区2021年国民经济和社会发展计划执行",  # (a page's <h1>, a PDF at A4)
        "昆明市官渡区2021年国民经济和社会发展计划",
        "昆明市官渡区2021年国民经济和",
        "昆明市官渡区2021年国民经济和社会发展计划执行情况",
    ],
)
def test_a_title_wrapped_over_two_lines_is_one_title(cut: str) -> None:
    draft = extract_plan(retitled(cut, TITLE[len(cut) :]))
    plan = draft.plan
    assert plan["plan"]["year"] == 2022
    assert plan["plan"]["source"] == TITLE
    assert plan["plan"]["name"] == "昆明市官渡区2022年国民经济和社会发展计划"
    headline = [t["id"] for t in plan["targets"] if t["section"] == "headline"]
    assert {"gdp", "fixed_asset_investment", "urban_income", "rural_income"} <= set(headline)
    assert "the targets paragraph names" not in plan["plan"]["review"]


@needs_seed
def test_a_plan_year_other_than_the_targets_paragraphs_is_flagged() -> None:
    # a title that names only last year's plan: the targets paragraph (2022年经济和社会发展
    # 主要预期目标建议为) names 2022
    draft = extract_plan(retitled("昆明市官渡区2021年国民经济和社会发展计划"))
    assert draft.plan["plan"]["year"] == 2021
    assert draft.lead_year == 2022
    assert (
        "the plan year is 2021, but the targets paragraph names 2022's"
        in (draft.plan["plan"]["review"])
    )
    assert "targets paragraph" not in extract_plan(seed_text()).plan["plan"]["review"]


@needs_seed
def test_the_year_warning_says_so_without_sending_the_user_back(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "report.txt"
    report.write_text(retitled("昆明市官渡区2021年国民经济和社会发展计划"), encoding="utf-8")
    plain = invoke("extract", str(report))
    assert plain.exit_code == 0, plain.stderr
    assert "targets paragraph names 2022's targets" in plain.stderr
    assert "--year 2022" in plain.stderr
    given = invoke("extract", str(report), "--year", "2022")
    assert given.exit_code == 0, given.stderr
    assert tomllib.loads(given.stdout)["plan"]["year"] == 2022
    assert "leave --year out" not in given.stderr
    # a --year the report's targets paragraph does not name is still a slip
    other = invoke("extract", str(report), "--year", "2023")
    assert "leave --year out" in other.stderr


# ------------------------------------------------------------------ D2: each income its names


@needs_seed
def test_urban_and_rural_income_each_get_their_own_bulletin_names() -> None:
    targets = by_id(extract_plan(seed_text()).plan)
    assert targets["urban_income"]["aliases"] == [
        "城镇居民人均可支配收入",
        "城镇常住居民人均可支配收入",
    ]
    assert targets["rural_income"]["aliases"] == [
        "农村居民人均可支配收入",
        "农村常住居民人均可支配收入",
    ]
    seen: dict[str, str] = {}
    for target in targets.values():
        for name in (target["name"], *target.get("aliases", [])):
            assert seen.setdefault(name, target["id"]) == target["id"], name


PLAN = """
[plan]
id = "p"
name = "计划"
name_en = "Plan"
year = 2022

[[sections]]
id = "headline"
name = "主要预期目标"
name_en = "Headline"

[[targets]]
id = "urban_income"
section = "headline"
name = "城镇居民收入"
name_en = "Urban income"
aliases = ["城镇常住居民人均可支配收入", "农村常住居民人均可支配收入"]
kind = "indicator"
unit = "%"

[[targets]]
id = "rural_income"
section = "headline"
name = "农村常住居民人均可支配收入"
name_en = "Rural income"
kind = "indicator"
unit = "%"
"""


def test_validate_warns_of_an_alias_another_target_has(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN, encoding="utf-8")
    result = invoke("--plan", str(plan), "validate")
    assert result.exit_code == 0, result.stderr
    said = " ".join((result.stdout + result.stderr).split())
    assert "alias '农村常住居民人均可支配收入' is also a name" in said
    assert "城镇常住居民人均可支配收入' is also" not in said


# ------------------------------------------------------------------ D3: a page's furniture


@needs_seed
def test_a_pages_breadcrumb_is_no_title() -> None:
    page = (
        "昆明市官渡区人民政府\n首页 | 政务公开 | 政务服务 | 互动交流\n"
        "当前位置：首页 > 政务公开 > 规划计划 > 年度计划\n【字体：大 中 小】　打印本页　关闭窗口\n"
        "来源：官渡区发展和改革局　发布时间：2022-01-28　浏览次数：1268\n分享到：微信 微博\n"
        f"{seed_text()}扫一扫在手机打开当前页\n相关文章\n"
    )
    plan = extract_plan(page).plan["plan"]
    assert plan["name"] == "昆明市官渡区2022年国民经济和社会发展计划"
    assert plan["source"] == TITLE


@needs_seed
def test_a_saved_pages_site_name_and_nav_bar_are_not_the_title() -> None:
    paragraphs = "".join(f"<p>{line}</p>\n" for line in seed_text().splitlines())
    page = (
        f"<html><head><title>{TITLE}_官渡区人民政府</title></head><body>"
        f"<div>首页 | 政务公开</div>\n{paragraphs}</body></html>\n"
    )
    plan = extract_plan(page).plan["plan"]
    assert plan["source"] == TITLE
    assert plan["name"] == "昆明市官渡区2022年国民经济和社会发展计划"


# ------------------------------------------------------------------ D8: validate --source -

SMALL = (
    "2026年浙江省政府工作报告\n各位代表：\n一、2025年工作回顾\n全省生产总值增长5.5%。\n"
    "二、2026年重点工作\n今年经济社会发展主要预期目标为：全省生产总值增长5%—5.5%；"
    "城镇调查失业率5%以内；居民消费价格涨幅2%左右。\n（一）着力扩大内需\n新建5G基站3000个。\n"
)


def test_validate_reads_the_report_on_standard_input(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "draft.toml"
    assert invoke("extract", "-", "-o", str(draft), input=SMALL).exit_code == 0
    same = invoke("--plan", str(draft), "validate", "--source", "-", input=SMALL)
    assert same.exit_code == 0, same.stderr
    assert "quote not found" not in " ".join(same.stderr.split())
    other = invoke("--plan", str(draft), "validate", "--source", "-", input=SMALL[:60])
    assert "quote not found" in " ".join(other.stderr.split())
    # none of the 4 quotes in it: not the plan's report, an error since session 24 (exit 3)
    assert other.exit_code == 3, other.stderr
    assert other.stderr.endswith(
        "error: 4 of 4 quotes are not in standard input: is it this plan's report?\n"
    )


# ------------------------------------------------------------------ D5: the English name's place


@needs_seed
def test_an_english_name_without_the_districts_place_is_flagged() -> None:
    plan = extract_plan(seed_text()).plan["plan"]
    assert plan["name_en"] == "2022 National Economic and Social Development Plan"
    assert "name_en names no place: add 昆明市官渡区's English name" in plan["review"]
    # a province's plan is named in English with its place: nothing to add
    province = extract_plan(SMALL).plan["plan"]
    assert province["name_en"].startswith("Zhejiang")
    assert "name_en names no place" not in province["review"]


# ------------------------------------------------------------------ D4: names cut short


@needs_seed
def test_work_names_that_may_not_say_what_is_counted_are_flagged() -> None:
    flagged = {
        t["name"]
        for t in extract_plan(seed_text()).plan["targets"]
        if "the name may not say what is counted" in t.get("review", "")
    }
    assert {"新认定科技型", "亮灯率"} <= flagged
    assert "新建5G基站" not in flagged and "地区生产总值增长" not in flagged
    # 龙头企业 (引进培育3户…、5户龙头企业) is no longer a fragment to flag: it has the list's
    # verb (test_fragments_get_their_object_or_verb_from_the_sentence)
    names = {t["name"] for t in extract_plan(seed_text()).plan["targets"]}
    assert "龙头企业" not in names and "引进培育龙头企业" in names


@needs_seed
def test_fragments_get_their_object_or_verb_from_the_sentence() -> None:
    """Names that were a fragment of their sentence, completed from it as the report says
    them (the bundled plan's names, hand-made from the same sentences): a stage without its
    work (力争年内完成竣工初验, the work in the clause before), a start cut at 等 (启动南站实验
    学校等项目建设), a later list item without the list's verb (…、5户龙头企业; …、1个有核心竞争
    力的示范园区), a rate without the subjects listed before it (主次干道、背街小巷装灯率)."""
    targets = by_id(extract_plan(seed_text()).plan)
    expected = {
        "w5_m10": ("大罗家营366号民居、向旭庵等文物修缮工程完成竣工初验", "力争年内完成竣工初验"),
        "w5_m02": ("启动南站实验学校等项目建设", "启动南站实验学校"),
        "w1_t03": ("引进培育龙头企业", "5户龙头企业"),
        "w1_t09": ("打造有核心竞争力的示范园区", "1个有核心竞争力的示范园区"),
        # (its quote opens with the subjects the name lists, since session 28's work_subjects)
        "w2_t14": ("主次干道、背街小巷装灯率", "确保主次干道、背街小巷装灯率达100%"),
    }
    for target_id, (name, quote) in expected.items():
        target = targets[target_id]
        assert (target["name"], target["quote"]) == (name, quote), target_id
        assert "the name" not in target.get("review", ""), target_id
    # the quotes, and so the measured bounds, are as before; the other names as they were
    assert targets["w5_m08"]["name"] == "办好慕尼黑啤酒节"  # (…等品牌特色文化活动: a kind)
    assert targets["w2_t15"]["name"] == "亮灯率"  # (shared subjects after a figure: flagged)


def test_a_stage_without_its_work_is_flagged_where_the_sentence_gives_none() -> None:
    text = "2022年工作安排\n一、推进城市建设\n力争年内完成竣工初验，全面完成老旧小区改造任务。\n"
    drafted = [t for t in extract_plan(text, year=2022).plan["targets"] if "初验" in t["name"]]
    assert [t["name"] for t in drafted] == ["完成竣工初验"]
    assert "the name says a stage, not the work" in drafted[0]["review"]
