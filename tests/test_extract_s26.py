"""The extract leftovers of session 26 (docs/extract.md, "Work targets"; docs/forms.md), each on
the report's own sentence.

浙江's `省属国有企业研发投入增速高于全省平均2个百分点以上` was drafted as a `change` of its own
level by 2 points: it is a margin over the province's average growth, no target of the plan.

甘肃's `其中小型水库7座、水池等调蓄设施993个` drafted two targets named 小型水库 and 水池等调蓄设施:
no verb, no review flag (a part of the count before it, which the list-verb rule does not see).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CORPUS
from tests.extract_reports import drafted, work_targets

from plancli.extract.name_flags import SHORT_NAME_REVIEW
from plancli.model import Plan

needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="the corpus is not here")

# 甘肃省2026年政府工作报告, 持续办好为民实事 (八是…)
GANSU_WATER = (
    "八是实施农村水利惠民工程，建设1000个农村“水盆子”项目，其中小型水库7座、水池等调蓄设施993个。"
)


def _work(*sentences: str) -> dict[str, dict[str, Any]]:
    """The work targets drafted from `sentences`, by quote."""
    return {t["quote"]: t for t in work_targets(*sentences)}


def _flagged(target: dict[str, Any]) -> bool:
    return SHORT_NAME_REVIEW in target.get("review", [])


def test_a_breakdown_takes_the_verb_of_the_count_it_parts() -> None:
    """建设1000个农村“水盆子”项目，其中小型水库7座、水池等调蓄设施993个: the reservoirs and pools
    are built, as the projects are (before: named 小型水库 and 水池等调蓄设施, unflagged)."""
    by_quote = _work(GANSU_WATER)
    reservoirs = by_quote["其中小型水库7座"]
    pools = by_quote["水池等调蓄设施993个"]
    assert (reservoirs["name"], reservoirs["min"], reservoirs["unit"]) == ("建设小型水库", 7, "座")
    assert (pools["name"], pools["min"], pools["unit"]) == ("建设水池等调蓄设施", 993, "个")
    assert not _flagged(reservoirs) and not _flagged(pools)
    assert by_quote["建设1000个农村“水盆子”项目"]["min"] == 1000  # the count itself, as before


def test_a_breakdown_of_a_count_no_verb_states_is_flagged() -> None:
    """The same parts after a count that says no action (农村“水盆子”项目1000个): what is done to
    them is not said, so they keep their names and are flagged for review."""
    by_quote = _work(
        "八是实施农村水利惠民工程，农村“水盆子”项目1000个，其中小型水库7座、水池等调蓄设施993个。"
    )
    assert by_quote["其中小型水库7座"]["name"] == "小型水库"
    assert _flagged(by_quote["其中小型水库7座"])
    assert _flagged(by_quote["水池等调蓄设施993个"])


def test_a_breakdown_takes_no_verb_of_a_level() -> None:
    """A part of a level reached (装机容量达到…，其中…) is not 'reached' on its own: no verb is
    given, the name is flagged."""
    by_quote = _work("提升能源供给保障能力，电力装机容量达到1.2亿千瓦，其中新能源装机8000万千瓦。")
    part = by_quote["其中新能源装机8000万千瓦"]
    assert part["name"] == "新能源装机"
    assert _flagged(part)


# 浙江省2026年政府工作报告, 积极培育一流创新生态 (the sentence up to the margin's clause)
ZHEJIANG_RD = (
    "加大科技创新投入，力争全社会研发投入强度达到3.35%，全口径科技创新投入达到7800亿元，"
    "确保各级政府财政性科技资金增幅高于财政经常性收入增幅，规上工业企业研发费用与营收之比达到"
    "3.25%左右，省属国有企业研发投入增速高于全省平均2个百分点以上。"
)
ZHEJIANG_MARGIN = "省属国有企业研发投入增速高于全省平均2个百分点以上"


def test_a_margin_over_an_outside_average_is_a_pending_growth() -> None:
    """高于全省平均2个百分点以上: a growth 2 points over the province's average, a figure the plan
    does not state (before: a `change` of 2 points over its own level, flagged for a base level
    it has none of). Drafted pending, its review saying how to give the bound; no target is
    made up for 全省平均."""
    plan = drafted(ZHEJIANG_RD)
    margin = next(t for t in plan["targets"] if t["quote"] == ZHEJIANG_MARGIN)
    assert (margin["name"], margin["kind"], margin["unit"]) == (
        "省属国有企业研发投入增速",
        "growth",
        "%",
    )
    assert margin.get("pending") is True
    assert not {"min", "max", "around", "baseline", "reference"} & margin.keys()
    assert margin["review"] == (
        f"“{ZHEJIANG_MARGIN}” is a margin of 2 points over 全省平均, a figure the plan does not "
        f"state: pending until that figure is known, then give the bound with `plancli amend "
        f"{margin['id']} --from PERIOD --min X` (X: that figure + 2)"
    )
    assert not any(t["kind"] in ("indicator", "relative") for t in plan["targets"])
    Plan.model_validate(plan)


def test_a_margin_over_a_series_the_plan_states_is_a_relation_to_it() -> None:
    """The same margin over a growth the plan drafts (全社会研发投入增长10%以上): a relation
    above that target, the margin in the review (a relation counts none)."""
    plan = drafted(
        "加大科技创新投入，全社会研发投入增长10%以上，"
        "省属国有企业研发投入增速高于全社会研发投入增速2个百分点以上。"
    )
    by_quote = {t["quote"]: t for t in plan["targets"]}
    society = by_quote["全社会研发投入增长10%以上"]
    margin = by_quote["省属国有企业研发投入增速高于全社会研发投入增速2个百分点以上"]
    assert (margin["kind"], margin["relation"], margin["reference"]) == (
        "relative",
        "above",
        society["id"],
    )
    assert "a margin of 2 points over 全社会研发投入增速" in margin["review"]
    Plan.model_validate(plan)


@needs_corpus
def test_zhejiangs_margin_validates_and_status_runs(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The whole 浙江 report: its draft validates, `status` and `show` run, and `amend` gives
    the pending margin its bound once the province's average is known."""
    draft = tmp_path / "zhejiang.toml"
    assert invoke("extract", str(CORPUS / "浙江省.txt"), "-o", str(draft)).exit_code == 0
    plan = tomllib.loads(draft.read_text(encoding="utf-8"))
    margin = next(t for t in plan["targets"] if t["quote"] == ZHEJIANG_MARGIN)
    assert margin["kind"] == "growth" and margin["pending"] is True
    assert invoke("--plan", str(draft), "validate").exit_code == 0
    status = invoke("--plan", str(draft), "status")
    assert status.exit_code == 0, status.stderr
    shown = invoke("--plan", str(draft), "show", margin["id"])
    assert shown.exit_code == 0 and "pending" in shown.stdout
    amended = invoke(
        "--plan", str(draft), "amend", margin["id"], "--from", "2026-06", "--min", "10.5"
    )
    assert amended.exit_code == 0, amended.stderr
    assert invoke("--plan", str(draft), "status").exit_code == 0
