"""The words of a target still to be set (完成国家下达目标, `pending`): who hands it down, as
its quote names it, and the report's sentence or clause for it (`summary`, `phrases`)."""

from __future__ import annotations

import re

# Who hands a pending target down, as its quote names it: 完成省下达的…, 按照国家要求完成… (a
# district's plan has 省/市下达 targets more often than 国家 ones: audit W D4).
# Or whose 考核目标 it is, a plan's name between (与国家“十五五”考核目标统筹衔接: audit R, D4).
_ISSUER = re.compile(
    r"(国家|省|市|州|盟|县|区|上级)(?:(?:政府|有关部门|部门)?(?:下达|要求)|(?:“[^”]{1,8}”)?考核目标)"
)
_ISSUER_EN = {
    "国家": "the State",
    "省": "the province",
    "市": "the city",
    "州": "the prefecture",
    "盟": "the league",
    "县": "the county",
    "区": "the district",
    "上级": "a higher level",
}


def issuer_of(quote: str | None) -> str | None:
    """The level a quote says hands the target down (国家, 省, 市, 上级 …), else None."""
    found = _ISSUER.search(quote or "")  # the first level the quote names
    return found.group(1) if found else None


def pending_words(issuer: str | None, zh: bool) -> str:
    """待省下达 / still to be set by the province; 待上级下达 / still to be set when the quote
    names no level (it never says 国家 unless the quote does)."""
    if zh:
        return f"待{issuer or '上级'}下达"
    return "still to be set" + (f" by {_ISSUER_EN[issuer]}" if issuer else "")


def pending_sentence(name: str, issuer: str | None, zh: bool, over: bool) -> str:
    """A pending target without a figure: 节能减排待省下达目标，尚无数据 / no data yet for X,
    whose target is still to be set by the province (pending); at the year's end it was never
    given and no figure is to come: 节能约束性指标全年未下达目标，无数据 (audit T, D3)."""
    if over:
        if zh:
            return f"{name}全年未下达目标，无数据"
        return f"{name}: its target was never set (pending), and no figure came for the year"
    if zh:
        return f"{name}{pending_words(issuer, zh)}目标，尚无数据"
    return f"no data yet for {name}, whose target is {pending_words(issuer, zh)} (pending)"


def pending_judgement(issuer: str | None, zh: bool, over: bool) -> str:
    """A figure but no bound yet: ，目标待省下达 / ; its target is still to be set by …; at the
    year's end ，全年未下达目标 / ; its target was never set (pending)."""
    if over:
        return "，全年未下达目标" if zh else "; its target was never set (pending)"
    if zh:
        return f"，目标{pending_words(issuer, zh)}"
    return f"; its target is {pending_words(issuer, zh)} (pending)"
