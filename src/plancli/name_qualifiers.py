"""A statistic's scope words in its name (session 40): 城镇居民人均可支配收入 is the urban
residents' income, 居民人均可支配收入 all residents', a different statistic with a different
figure. A name close to a target's by its characters is not that target's name misspelt when
one of the two has a scope word the other lacks, so the suggestions of an unknown name
(`plan.close_targets`) leave such a target out, and the refusal names it as not the same
statistic instead (`计划 liaoning-2026 中没有目标 '城镇居民人均可支配收入'；居民人均可支配收入
（resident_income）不是同一统计口径`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plancli.plain import AnyPlan

# Each group is one scope: 农民 and 农村居民 are the same rural residents; 规上 is 规模以上.
SCOPES: tuple[tuple[str, ...], ...] = (
    ("城镇",),
    ("农村", "农民"),
    ("规上", "规模以上"),
    ("全口径",),
)
# 城镇 in 城镇化率 (urbanization) is the measure itself, not a scope: 常住人口城镇化率.
_NOT_SCOPES = ("城镇化",)


def scopes(name: str) -> frozenset[int]:
    """The scope groups (indexes into SCOPES) a name states: 城镇常住居民人均可支配收入 → {0}."""
    for word in _NOT_SCOPES:
        name = name.replace(word, "")
    return frozenset(i for i, words in enumerate(SCOPES) if any(w in name for w in words))


def same_scope(a: str, b: str) -> bool:
    """Do two names state the same scope words (none, or the same groups)? 城镇调查失业率 and
    城镇登记失业率 do; 城镇居民人均可支配收入 and 居民人均可支配收入 do not."""
    return scopes(a) == scopes(b)


def close_names(plan: AnyPlan, text: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(id, as shown) of the targets, at most three, whose names are closest to an unknown name
    (`城镇调查失业率` → 城镇登记失业率 (unemployment_rate)), and apart those as close but of
    another scope (`城镇居民人均可支配收入` → 居民人均可支配收入 (resident_income)), each a
    target once, by its closest name (its own, an alias or a bulletin's), shown by the plan's
    name for it (before session 42 by the name found: 第一产业增加值 (primary_value_added) of a
    plan that calls it 一产增加值)."""
    from plancli.i18n import _
    from plancli.indicator_names import plan_standard_names
    from plancli.place_names import other_place
    from plancli.plan import close_words

    if other_place(plan, text) is not None:  # 浦东新区生产总值 in 上海's: not 全市生产总值 misspelt
        return [], []
    names = {name: t.id for t in plan.targets for name in (t.name, *t.aliases)}
    for name, shared in plan_standard_names(plan):
        names.setdefault(name, shared)
    found = close_words(text, list(names), 10)
    if not found:  # a part of a name, or a name with more words around it
        found = [n for n in names if text in n or n in text]

    own = {t.id: t.name for t in plan.targets}

    def shown(chosen: list[str]) -> list[tuple[str, str]]:
        # Each target once, by its closest name, shown as the plan names it: 第一产业 is near
        # the bulletins' 第一产业增加值, but guizhou-2026 calls it 一产增加值 (session 42).
        by_id = {names[name]: name for name in reversed(chosen)}
        return [
            (names[n], _("{name} ({id})").format(name=own[names[n]], id=names[n]))
            for n in chosen
            if by_id[names[n]] == n
        ][:3]

    same = shown([n for n in found if same_scope(text, n)])
    kept = {i for i, _shown in same}
    other = [
        (i, s)
        for i, s in shown([n for n in found if not same_scope(text, n) and _scope_apart(text, n)])
        if i not in kept
    ]
    return same, other


def _scope_apart(a: str, b: str) -> bool:
    """Are two names of different scopes the same statistic but for their scope words, one
    holding the other whole once those are dropped (城镇居民人均可支配收入, 居民人均可支配收入)?
    规模以上工业增加值 and 文旅产业增加值增长 are close in their characters only: another
    statistic, which the refusal named as of another scope (session 43 walk11, 浙江's draft)."""
    bare_a, bare_b = _unscoped(a), _unscoped(b)
    return bool(bare_a and bare_b) and (bare_a in bare_b or bare_b in bare_a)


def _unscoped(name: str) -> str:
    """The name without its scope words (城镇, 规模以上…; 城镇化 kept: a measure, not a scope)."""
    for i, word in enumerate(_NOT_SCOPES):
        name = name.replace(word, f"\0{i}\0")
    for words in SCOPES:
        for word in sorted(words, key=len, reverse=True):
            name = name.replace(word, "")
    for i, word in enumerate(_NOT_SCOPES):
        name = name.replace(f"\0{i}\0", word)
    return name
