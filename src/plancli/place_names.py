"""A place's name before a statistic's (session 42): a 统计局 sheet writes 上海市生产总值,
贵州省地区生产总值 or 本市生产总值 for the place's own GDP, the same statistic as 生产总值 (as
全省生产总值 was read already: `bulletin_names.name_key`). The plan's place is the words its
name opens with before its year (上海市2026年经济社会发展主要预期目标: 上海市, and 上海). Another
place's name (浦东新区生产总值 in 上海's plan, 全国居民消费价格) is another place's figure: never
read as the plan's target, and the refusal says so rather than suggesting that target
(`other_place`, `other_message`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plancli.plain import AnyPlan

# The plan's place as its name opens it (上海市2026年…, 官渡区2022年…): the words before its year.
_PLACE = re.compile(r"^(.{2,12}?)(?:[0-9]{4}|[〇○零一二三四五六七八九]{4})年")
# A place's own word before a statistic (本市生产总值), as 全省 is (`bulletin_names._NUMBERING`).
_OWN_WORDS = ("本省", "本市", "本区", "本县")
# The words a place's name ends in, dropped for its short form (上海市 → 上海, 广西壮族自治区 →
# 广西).
_PLACE_SUFFIX = re.compile(r"(?:(?:壮族|回族|维吾尔)?自治区|特别行政区|省|市|区|县|旗)$")
# A place's levels (昆明市官渡区: 昆明市, 官渡区).
_LEVELS = re.compile(r".+?(?:(?:壮族|回族|维吾尔)?自治区|自治州|省|市|区|县|州|旗|盟)")
# Another place before a statistic: 全国, or a name of three to ten characters ending as
# places' names do (浦东新区, 贵阳市, 遵义市红花岗区, 黔东南州); not a scope or a kind of area
# (城镇居民…, 地区生产总值, 城区…: `name_qualifiers`).
_OTHER_PLACE = re.compile(r"全国|[^\x00-\x7f]{2,9}(?:省|市|区|县|州|旗|盟|镇|乡)")
_NOT_PLACES = ("城镇", "农村", "地区", "城区", "市区", "城乡", "乡镇")


def place_words(plan: AnyPlan) -> tuple[str, ...]:
    """The words a bulletin may write before a statistic's name for the plan's own place, the
    longest first: its name and short form (上海市, 上海 of 上海市2026年…) and 本市 and the like;
    never another place's (浦东新区 in 上海's plan, 全国)."""
    from plancli.name_keys import fold_name

    found = _PLACE.match(fold_name(plan.plan.name))
    words = set(_OWN_WORDS)
    # 昆明市官渡区: and 官渡区 (a district's own bulletin names it alone), each with its short form
    levels = _LEVELS.findall(found.group(1)) if found is not None else []
    for place in [found.group(1), *levels[1:][-1:]] if found is not None else []:
        words.add(place)
        if len(short := _PLACE_SUFFIX.sub("", place)) >= 2:
            words.add(short)
    return tuple(sorted(words, key=lambda word: (-len(word), word)))


def own_place_rest(plan: AnyPlan, key: str) -> str | None:
    """A folded name (`bulletin_names.name_key`) that opens with the plan's own place
    (`上海市生产总值`, `贵州省地区生产总值`, `本市生产总值`) without it (生产总值); None for any
    other name."""
    word = next((w for w in place_words(plan) if key.startswith(w) and len(key) > len(w)), None)
    return key[len(word) :] if word else None


def other_place(plan: AnyPlan, text: str) -> tuple[str, str] | None:
    """(the place, the target id) of a name that is another place's name before one of the
    plan's names (`浦东新区生产总值` in 上海's plan: 浦东新区, gdp); None for any other."""
    from plancli.bulletin_names import name_key, names_index

    key = name_key(text)
    own = place_words(plan)
    index = names_index(plan)
    for end in range(2, len(key)):  # the shortest place first: 遵义市红花岗区 | 地区生产总值
        place, rest = key[:end], key[end:]
        if place in own or not _OTHER_PLACE.fullmatch(place):
            continue
        ids = index.get(name_key(rest))
        if ids and len(ids) == 1 and not any(word in place for word in _NOT_PLACES):
            return place, ids[0]
    return None


def other_message(plan: AnyPlan, text: str) -> str | None:
    """The refusal of an unknown target name that is another place's name before one of the
    plan's (`other_place`, `other_message`); None for any other name."""
    from plancli.i18n import _
    from plancli.safe import clip

    found = other_place(plan, text)
    target = plan.target(found[1]) if found is not None else None
    if found is None or target is None:
        return None
    return _(
        "unknown target {id} in plan {plan}: {place} is not the plan's place, and its "
        "figure is not that of {name} ({target}); see `plancli targets`"
    ).format(
        id=clip(text, quote=True),
        plan=plan.plan.id,
        place=found[0],
        name=target.name,
        target=target.id,
    )
