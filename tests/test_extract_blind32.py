"""What set KK taught (docs/extract.md, "Set KK"): a list of subjects and a list of figures
without 分别. Every sentence here is written for the test in the reports' wording, not copied
from the set."""

from __future__ import annotations

from decimal import Decimal

from extract_drafts import heads, ids, page


def test_subjects_and_figures_listed_alike_pair_in_order_without_fenbie() -> None:
    """城镇登记失业率、城镇调查失业率控制在4%以内、5.5%以内: one figure each, in order (the
    first run of set KK drafted 4% for both and a third target of 5.5% with no name)."""
    text = page(
        "今年主要预期目标：地区生产总值增长6%左右，城镇登记失业率、城镇调查失业率控制在"
        "4%以内、5.5%以内，居民消费价格涨幅控制在3%左右。"
    )
    targets = heads(text)
    assert ids(targets) == ["gdp", "unemployment_rate", "surveyed_unemployment_rate", "cpi"]
    assert [t.get("max") for t in targets[1:3]] == [Decimal("4"), Decimal("5.5")]
    assert targets[1]["quote"] == targets[2]["quote"]
    assert targets[2]["quote"].endswith("控制在4%以内、5.5%以内")


def _schedule(review: str) -> dict[str, object]:
    text = (
        "某区2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n"
        "一、2023年计划执行情况\n"
        f"{review}\n"
        "二、2024年主要任务\n"
        "（一）深化改革开放\n"
        "按照“三年行动任务第一年完成60%，第二年完成85%，第三年完成100%”的安排推进。\n"
    )
    from plancli.extract import extract_plan

    (target,) = [
        t for t in extract_plan(text, year=2024).plan["targets"] if "三年行动任务" in t["name"]
    ]
    return target


def test_a_schedule_whose_rate_so_far_is_stated_starts_from_it() -> None:
    """第三年完成100%, with 完成率为87.5% said of the same tasks before: a stock from 87.5
    (cumulative, opening), paced over the rest; the review still asks which year it is."""
    target = _schedule("全年完成三年行动任务56项，累计完成率为87.5%。")
    assert (target["kind"], target["min"], target["opening"]) == (
        "cumulative",
        Decimal("100"),
        Decimal("87.5"),
    )
    assert "which year" in str(target["review"])


def test_a_schedule_without_its_rate_so_far_is_a_level_to_reach() -> None:
    """No rate said before it (or two different ones): a level of 100%, no opening."""
    for review in (
        "全年完成三年行动任务56项。",
        "三年行动任务完成率为80%。按新口径，三年行动任务完成率为87.5%。",
    ):
        target = _schedule(review)
        assert (target["kind"], target.get("opening")) == ("level", None), review
