"""Last year's growths the review states as a list:
城镇和农村常住居民人均可支配收入分别增长3.9%和5.7% (贵州 2026) gives `urban_income` 3.9
and `rural_income` 5.7, as the plan's own 城镇和农村常住居民人均可支配收入分别增长4%左右和
6%左右 gives their targets.

The list's members (split at 和, 、, 与, 及; 城乡 is 城镇 and 农村) each take the name's tail the
last member spells in full (城镇 + 常住居民人均可支配收入), or are full names themselves
(一般公共预算收入、税收收入分别增长…); as many growths as members, one each, in order. A growth
is taken for a target of a growth series (`baselines.ALIASES`) with none yet, where no other
sentence of the review states one (the single rule, `baselines.review_growths`, found none)
and this list states it once: never a five-year figure (年均, 累计, a five-year passage), a
bound (以上, 左右…), nor a figure of another scope (扣除…)."""

from __future__ import annotations

import re
from decimal import Decimal

from plancli.extract.baselines import ALIASES, compares_growth, review_growth_matches, series_id
from plancli.extract.draft import DraftTarget, toml_number
from plancli.extract.review_levels import five_year_passages, in_passages
from plancli.extract.sections import Layout
from plancli.i18n import _

NUM = r"\d+(?:\.\d+)?"
_LIST = re.compile(
    r"(?P<names>[\u4e00-\u9fff、]{2,40}?)(?:同比)?分别(?:比上年)?增长\s*"
    rf"(?P<figures>{NUM}\s*[%％](?:\s*(?:和|、|与|及)\s*{NUM}\s*[%％])+)"
)
_MEMBER_SPLIT = re.compile(r"和|、|与|及")
_BOUND_AFTER = re.compile(r"\s*(?:以上|以下|以内|左右|上下|多|余)")
_FIVE_YEAR = re.compile(r"年均|累计|五年|十四五|十三五")
_SENTENCE_END = re.compile(r"[。；;！!？?\n，,]")


def _members(names: str) -> list[str]:
    """The full names of a list's members: 城镇和农村常住居民人均可支配收入 → the towns' and the
    villages' 常住居民人均可支配收入 (each short member takes a tail of the last's)."""
    parts = [p for p in _MEMBER_SPLIT.split(re.sub(r"^全[省市区县州盟]", "", names)) if p]
    if len(parts) == 1 and parts[0].startswith("城乡"):
        parts = ["城镇", "农村" + parts[0][2:]]
    return parts


def _series(member: str, last: str) -> set[str]:
    """The ids whose bulletin name `member` is, alone or with a tail of the last member."""
    tails = [last[i:] for i in range(len(last) + 1)] if member != last else [""]
    return {
        target_id
        for target_id, alias in ALIASES.items()
        for tail in tails
        if re.fullmatch(rf"(?:{alias})", member + tail)
    }


def _list_growths(parse: str, layout: Layout) -> dict[str, set[tuple[Decimal, str]]]:
    """The growths each series id takes from the review's lists, with their quotes' spans."""
    growths: dict[str, set[tuple[Decimal, str]]] = {}
    for span in layout.review_spans():
        passages = five_year_passages(parse, span)
        for match in _LIST.finditer(parse, span.start, span.end):
            head = parse[max(span.start, match.start() - 20) : match.start()]
            sentence = _SENTENCE_END.split(head)[-1] + match.group(0)
            if (
                in_passages(match.start(), passages)
                or _FIVE_YEAR.search(sentence)
                or _BOUND_AFTER.match(parse, match.end())
                or re.search(r"扣除|剔除|不含|不包括", sentence)
            ):
                continue
            figures = re.findall(NUM, match.group("figures"))
            members = _members(match.group("names"))
            if len(members) != len(figures):
                continue  # (城镇、农村和全体…分别增长4.6%、6.1%: which is whose is not said)
            for member, figure in zip(members, figures, strict=True):
                ids = _series(member, members[-1])
                if len(ids) == 1:
                    (target_id,) = ids
                    quote = f"{match.start()}:{match.end()}"
                    growths.setdefault(target_id, set()).add((Decimal(figure), quote))
    return growths


def review_list_growths(parse: str, layout: Layout, targets: list[DraftTarget], words: str) -> None:
    """Give a growth series' target with no baseline the growth a review's list (分别增长…)
    states once of it (see the module's doc); a note quotes `words`, the report's text at the
    parse form's offsets."""
    growths: dict[str, set[tuple[Decimal, str]]] | None = None
    for target in targets:
        if not compares_growth(target) or target.baseline:
            continue
        series = series_id(target)
        if series not in ALIASES or review_growth_matches(parse, layout, target):
            continue  # another sentence states its growth (the single rule's to judge)
        if growths is None:
            growths = _list_growths(parse, layout)
        found = growths.get(series, set())
        if len({figure for figure, _ in found}) != 1:
            continue
        ((figure, where),) = sorted(found)[:1]
        start, end = (int(n) for n in where.split(":"))
        target.baseline = {"year": layout.year - 1, "growth": toml_number(figure)}
        target.notes.append(_("baseline from the review: “{quote}”").format(quote=words[start:end]))
