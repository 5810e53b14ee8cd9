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

