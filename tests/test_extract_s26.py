"""The extract leftovers of session 26 (docs/extract.md, "Work targets"; docs/forms.md), each on
the report's own sentence.

甘肃's `其中小型水库7座、水池等调蓄设施993个` drafted two targets named 小型水库 and 水池等调蓄设施:
no verb, no review flag (a part of the count before it, which the list-verb rule does not see).
"""

from __future__ import annotations

from typing import Any

from plancli.extract import extract_plan
from plancli.extract.name_flags import SHORT_NAME_REVIEW

HEADLINE = (
    "今年经济社会发展的主要预期目标是：全省地区生产总值增长5%左右，一般公共预算收入增长4%左右，"
    "城镇新增就业100万人以上，城镇调查失业率5.5%左右。"
)
# 甘肃省2026年政府工作报告, 持续办好为民实事 (八是…)
GANSU_WATER = (
    "八是实施农村水利惠民工程，建设1000个农村“水盆子”项目，其中小型水库7座、水池等调蓄设施993个。"
)


def _draft(*sentences: str) -> dict[str, Any]:
    """The plan drafted from a 2026 report whose work sections say `sentences`."""
    work = "".join(
        f"（{'一二三四五六七八'[i]}）抓好第{i + 1}项工作。{s}\n" for i, s in enumerate(sentences)
    )
    body = (
        "某省2026年政府工作报告\n各位代表：\n一、2025年工作回顾\n"
        "2025年是“十四五”收官之年。一年来，我们坚持稳中求进工作总基调。\n"
        f"二、2026年工作安排\n2026年是“十五五”开局之年。{HEADLINE}\n{work}"
    )
    return extract_plan(body, year=2026).plan


def _work(*sentences: str) -> dict[str, dict[str, Any]]:
    """The work targets drafted from `sentences` (`_draft`), by quote."""
    targets = _draft(*sentences)["targets"]
    return {t["quote"]: t for t in targets if t["section"] not in ("headline", "investment")}


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
