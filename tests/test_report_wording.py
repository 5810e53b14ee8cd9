"""Report sentences a director reads against the tables (audit of the assessment, defects 4,
5 and 8): a ceiling met exactly is not 低于 it; a 同步 target short of its reference gives the
same shortfall in the sentence as in the table; one milestone is not 均.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def beijing(invoke, tmp_path: Path):  # type: ignore[no-untyped-def]
    ledger = tmp_path / "bj.progress.toml"

    def call(*args: str):  # type: ignore[no-untyped-def]
        return invoke("--plan", "beijing-2026", "--ledger", str(ledger), *args)

    return call


def test_a_ceiling_met_exactly_is_not_below_it(beijing) -> None:  # type: ignore[no-untyped-def]
    """Beijing's 城镇调查失业率5%以内 at 5 %: "低于5%的控制目标" told the director there was
    headroom that does not exist."""
    args = ("record", "surveyed_unemployment_rate", "5", "--period", "2026-06")
    assert beijing(*args).exit_code == 0
    zh = beijing("--lang", "zh", "report", "--format", "md").stdout
    assert "城镇调查失业率为5%，未超过5%的控制目标。" in zh
    assert "低于5%的控制目标" not in zh
    en = beijing("report", "--format", "md").stdout
    assert "Surveyed urban unemployment rate: 5%, within the ceiling of 5%." in en
    # below it, 低于 is right
    beijing("record", "surveyed_unemployment_rate", "4.9", "--period", "2026-07")
    zh = beijing("--lang", "zh", "report", "--format", "md").stdout
    assert "城镇调查失业率为4.9%，低于5%的控制目标。" in zh


def test_a_same_target_short_of_its_reference_tells_one_story(beijing) -> None:  # type: ignore[no-untyped-def]
    """居民收入 3.9 % against GDP's 5 % (同步, tolerance 1 pp): the sentence said 1.1 short and
    the table 0.1 against ≈ 5 %. The sentence now also gives the 0.1 beyond the tolerance, and
    the table's target names the floor the 0.1 is measured to."""
    assert beijing("record", "gdp", "5.0", "--period", "2026-Q2").exit_code == 0
    assert beijing("record", "resident_income", "3.9", "--period", "2026-Q2").exit_code == 0
    zh = beijing("--lang", "zh", "report", "--format", "md").stdout
    assert (
        "居民收入累计增长3.9%，低于地区生产总值增长（5.0%）1.1个百分点，"
        "超出1个百分点的容差0.1个百分点，未能同步。"
    ) in zh
    assert "| 居民收入 | ≈ 5.0%（不低于4%） | 3.9% | 0.1个百分点 | 滞后 |" in zh
    en = beijing("report", "--format", "md").stdout
    assert (
        "Residents' income grew 3.9% year to date, 1.1 pp below Gross regional product (GDP) "
        "at 5.0%, 0.1 pp beyond the 1 pp tolerance, not in step."
    ) in en
    assert "| Residents' income | ≈ 5.0% (at least 4%) | 3.9% | 0.1 pp | behind |" in en


P2 = """\
[plan]
id = "audit2-2026"
name = "测试"
name_en = "Test"
year = 2026
[[sections]]
id = "work"
name = "重点工作"
name_en = "Work"
[[targets]]
id = "ms"
section = "work"
name = "九月完工"
name_en = "Done by September"
kind = "milestone"
unit = "%"
due = "2026-09"
frequency = "monthly"
"""


def test_one_milestone_is_not_all_of_them(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The auditor's p2.toml, one milestone due 2026-09, 40 % done in July: "1项节点目标均
    滞后" said 均 (all of them) of one, and "None of the 1 milestones is done yet"."""
    plan = tmp_path / "p2.toml"
    plan.write_text(P2, encoding="utf-8")
    assert invoke("--plan", str(plan), "record", "ms", "40", "--period", "2026-07").exit_code == 0
    args = ("--plan", str(plan))
    zh = invoke(*args, "--lang", "zh", "report", "--format", "md", "--as-of", "2026-07").stdout
    assert "节点目标1项，滞后。" in zh and "节点目标1项，尚未完成。" in zh
    assert "均" not in zh.replace("月均", "").replace("平均", "")
    assert "尚无一项" not in zh
    en = invoke(*args, "report", "--format", "md", "--as-of", "2026-07").stdout
    assert "The one milestone is behind." in en
    assert "The one milestone is not done yet." in en
    assert "1 milestones" not in en
    invoke(*args, "record", "ms", "100", "--period", "2026-08")
    zh = invoke(*args, "--lang", "zh", "report", "--format", "md", "--as-of", "2026-08").stdout
    assert "节点目标1项，已完成。" in zh and "节点目标均已完成" not in zh


def test_status_rules_give_one_worst_first_order_the_codes() -> None:
    """docs/status-rules.md gave two orders (one without pending, tracked and dropped)."""
    import re

    from plancli.assess.select import WORST_FIRST

    docs = Path(__file__).parent.parent / "docs" / "status-rules.md"
    text = re.sub(r"\s+", " ", docs.read_text("utf-8"))
    orders = re.findall(r"[Ww]orst first[^:]*: ((?:[a-z_]+, )+[a-z_]+)", text)
    assert len(orders) == 2
    assert set(orders) == {", ".join(WORST_FIRST)}
