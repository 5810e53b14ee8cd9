"""Session 43: a total's growth is not its intensity's (docs/extract.md, "1. Review").

能源消费总量 (万吨标准煤) and 研发经费投入 (亿元) are totals; 单位地区生产总值能耗 / 能耗强度 and
研发经费投入强度 (R&D / GDP, %) are intensities, other statistics. `extract` gave a total the
intensity's id (能源消费总量增长2%—3% → `energy_intensity`, 研发经费投入增长8%—10% →
`rd_intensity`), so a paragraph stating both drafted `energy_intensity` and `energy_intensity_2`.
The sentences are written for these tests.
"""

from __future__ import annotations

from typing import Any

from extract_drafts import page
from plancli.extract import extract_plan


def _heads(body: str, year: int = 2026) -> dict[str, dict[str, Any]]:
    targets = extract_plan(page(body, year), year=year).plan["targets"]
    return {t["name"]: t for t in targets if t["section"] == "headline"}


_BOTH = (
    "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%，能源消费总量增长2%—3%，"
    "研发经费投入增长8%—10%，单位地区生产总值能耗下降2.5%，研发经费投入强度达到2.6%。"
)


def test_a_totals_growth_has_the_totals_id() -> None:
    found = _heads(_BOTH)
    energy, rd = found["能源消费总量"], found["研发经费投入"]
    assert (energy["id"], energy["name_en"], energy["unit"]) == (
        "energy_consumption",
        "Total energy consumption",
        "万吨标准煤",
    )
    assert (energy["min"], energy["max"]) == (2, 3)
    assert (rd["id"], rd["name_en"], rd["unit"]) == ("rd_spending", "R&D spending", "亿元")
    assert (rd["min"], rd["max"]) == (8, 10)


def test_intensities_keep_their_ids_beside_the_totals() -> None:
    found = _heads(_BOTH)
    energy, rd = found["单位地区生产总值能耗"], found["研发经费投入强度"]
    assert (energy["id"], energy["name_en"]) == (
        "energy_intensity",
        "Energy consumption per unit of GDP",
    )
    assert energy["decline"] is True
    assert (rd["id"], rd["kind"], rd["unit"]) == ("rd_intensity", "level", "%")
    # before: energy_intensity_2 and rd_intensity_2, each flagged for its English name
    assert "review" not in energy and "review" not in rd


def test_spending_a_cap_and_energy_intensity_by_its_other_names() -> None:
    found = _heads(
        "今年全县经济社会发展的主要预期目标是：地区生产总值增长6%，能耗强度下降3%，"
        "全社会研发经费支出增长12%以上，能源消费总量控制在1200万吨标准煤以内。"
    )
    assert found["能耗强度"]["id"] == "energy_intensity"
    assert found["全社会研发经费支出"]["id"] == "rd_spending"
    assert (found["能源消费总量"]["id"], found["能源消费总量"]["max"]) == (
        "energy_consumption",
        1200,
    )


def test_ratios_of_rd_spending_are_rd_intensity() -> None:
    found = _heads(
        "今年全市经济社会发展的主要预期目标是：地区生产总值增长5.5%，"
        "全社会研发经费支出相当于全市生产总值的比例达到3.1%左右，全社会R&D经费投入占比2.8%以上。"
    )
    ids = {name: t["id"] for name, t in found.items()}
    assert ids["全社会研发经费支出相当于全市生产总值的比例"] == "rd_intensity"
    assert ids["全社会R&D经费投入占比"] == "rd_intensity_2"


def test_a_pending_total_is_the_totals() -> None:
    found = _heads(
        "今年全县经济社会发展的主要预期目标是：地区生产总值增长6%，"
        "能源消费总量完成省下达目标任务，能耗强度完成国家下达目标任务。"
    )
    energy, intensity = found["能源消费总量"], found["能耗强度"]
    assert (energy["id"], energy["pending"]) == ("energy_consumption", True)
    assert (intensity["id"], intensity["pending"]) == ("energy_intensity", True)
