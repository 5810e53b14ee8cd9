"""Baselines from the review section: last year's growth (and amount, in the target's unit)
of a headline growth target, where the review states it once and unambiguously
("全市生产总值达到5.6万亿元左右、增长5.4%"). Five-year figures (年均, 累计) are never taken."""

from __future__ import annotations

import re
from decimal import Decimal

from plancli.extract.draft import DraftTarget, toml_number
from plancli.extract.sections import Layout
from plancli.i18n import _

ALIASES = {
    # not another series' 生产总值 (辽宁's review: 海洋生产总值增长6% beside 地区生产总值增长3.7%)
    "gdp": r"地区生产总值|全[省市区县州盟]生产总值|(?<![\u4e00-\u9fff])生产总值|经济总量",
    "budget_revenue": r"一般公共预算收入",
    "retail_sales": r"社会消费品零售总额",
    "fixed_asset_investment": r"固定资产投资",
    "industrial_value_added": r"规上工业增加值|规模以上工业增加值",
    "foreign_trade": r"进出口总值|进出口总额|外贸进出口",
}
NUM = r"\d+(?:\.\d+)?"
_FIVE_YEAR = re.compile(r"年均|累计|五年|十四五|十三五")
# another scope of the measure: 扣除房地产开发投资后，固定资产投资增长2.7% is not the total's
# growth (甘肃 2026); nor 不含…, 剔除…, 除…外 (the standard 不含农户 scope is the measure itself)
_QUALIFIED = re.compile(r"扣除|剔除|排除|不含(?!农户)|不包括|除[^，,。；;]{1,24}(?:以)?外")
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")


def _qualified(parse: str, start: int, match: re.Match[str]) -> bool:
    """Whether the figure's sentence, up to the figure, narrows the measure to another scope."""
    head = parse[start : match.start()]
    ends = list(_SENTENCE_END.finditer(head))
    sentence = head[ends[-1].end() :] if ends else head
    return bool(_QUALIFIED.search(sentence + match.group(0)))


def review_baselines(parse: str, layout: Layout, targets: list[DraftTarget]) -> None:
    spans = layout.review_spans()
    if not spans:
        return
    for target in targets:
        if target.section != "headline" or target.kind != "growth" or target.baseline:
            continue
        alias = ALIASES.get(target.id)
        if alias is None:
            continue
        pattern = re.compile(
            rf"(?:{alias})[^。;,]{{0,12}}?(?:({NUM})\s*(万亿元|亿元)[^。;]{{0,8}}?)?"
            rf"(?:同比|比上年)?增长\s*({NUM})\s*%"
        )
        found: list[tuple[re.Match[str], int]] = []
        for span in spans:
            for match in pattern.finditer(parse, span.start, span.end):
                window = parse[max(span.start, match.start() - 12) : match.end()]
                if not _FIVE_YEAR.search(window) and not _qualified(parse, span.start, match):
                    found.append((match, span.start))
        growths = {m.group(3) for m, _ in found}
        if len(growths) != 1:
            continue  # none, or several figures: not unambiguous
        match = found[0][0]
        baseline: dict[str, object] = {"year": layout.year - 1}
        if match.group(1) and match.group(2) == target.unit:
            baseline["value"] = toml_number(Decimal(match.group(1)))
        baseline["growth"] = toml_number(Decimal(match.group(3)))
        target.baseline = baseline
        target.notes.append(_("baseline from the review: “{quote}”").format(quote=match.group(0)))
