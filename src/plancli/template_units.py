"""What a `plancli template` sheet's `unit` column says of each row (`unit_text`): written by
`report.template`, and read back by the import as the template's own words, not a unit to check
(`bulletin_units.row_unit_check`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plancli.i18n import Lang
    from plancli.plain import AnyTarget


# The Chinese template's header of the amount column (`report.template.ZH_HEADERS`), which its
# unit text names: 增速%（对应总量列：亿元）.
ZH_AMOUNT = "对应总量"
# A tracked growth's unit text; a template written before session 40 said it of CPI too, which
# the import still reads as the template's own words (`bulletin_units.row_unit_check`).
GROWTH_TEXT = "增速%（比上年同期，非总量）"


def price_rise(target: AnyTarget) -> bool:
    """Is the target a price index's rise (居民消费价格涨幅: 名称 with 价格 or 涨幅, or `cpi`),
    whose figure is its 涨幅 on last year, where other tracked growths say 增速 (session 40's
    walk of 山东: `增速%` under CPI)?"""
    return target.id == "cpi" or any(word in target.name for word in ("价格", "涨幅"))


def _level_rise(target: AnyTarget) -> bool:
    """A price rise planned as a level in % (居民消费价格涨幅2%左右), not a price level in 元."""
    return target.kind == "level" and target.unit == "%"


def unit_text(target: AnyTarget, lang: Lang, amount: str = "amount") -> str:
    """What a template's `unit` column says the value column holds for this target, and the
    amount's unit where it has one, in the column its header names `amount` (对应总量 on the
    Chinese xlsx sheet) (`plancli template`; read back, it is not a unit to check)."""
    from plancli.figure_slips import growth_figure, growth_indicator
    from plancli.fmt import num
    from plancli.growth_slips import falls

    zh = lang == "zh"
    if target.kind == "milestone":
        return "完成进度%（0–100，或 done）" if zh else "% done (0–100, or done)"
    if falls(target):  # 下降2.5%, 进一步下降: a signed change, no amount in % to give
        return "降幅%：填 下降2.7 或 -2.7" if zh else "fall %: type 下降2.7 or -2.7"
    if target.has_amount and "工业增加值" in target.name:  # a bulletin gives its growth alone
        return (
            f"增速%（统计局只公布增速，不公布总量：{amount}列留空）"
            if zh
            else f"growth % (bulletins publish its growth alone: leave {amount} empty)"
        )
    if target.has_amount:
        unit = target.unit
        return f"增速%（{amount}列：{unit}）" if zh else f"growth % ({amount}: {unit})"
    # CPI's 涨幅, not its index's 100.3: tracked, or a level (2%左右, 天津 and most 2026 plans:
    # it said `%` until session 41, where an index 100.4 typed in was only warned of)
    if price_rise(target) and (growth_indicator(target) or _level_rise(target)):
        return "涨幅%（比上年同期，非指数）" if zh else "rise % (on last year, not the index)"
    # 固定资产投资 (录入：累计增速%): the growth, not 亿元 (audit T); a trend's too, 粮食产量
    # 保持稳定 (it said `%`, and the 统计公报's 762.4 亿斤 was recorded as 762.4 %: session 42)
    if growth_figure(target):
        return GROWTH_TEXT if zh else "growth % (on last year, not the total)"
    if target.kind == "cumulative" and target.opening is not None:  # the stock, not the year's
        opening = num(target.opening)
        return (
            f"{target.unit}（累计存量，年初{opening}）"
            if zh
            else f"{target.unit}, the stock ({opening} at the start of the year)"
        )
    if target.kind == "cumulative":
        return f"{target.unit}（年初至今累计）" if zh else f"{target.unit}, year to date"
    return target.unit


def template_texts(target: AnyTarget) -> list[str]:
    """Every text a template's `unit` column says (or said) of the target, in either language
    and on either sheet: a CPI's `增速%` before 涨幅 (session 40), 规上工业增加值's amount column
    before session 42 (`增速%（amount列：亿元）`), read back as the template's own words."""
    own = [unit_text(target, "en"), unit_text(target, "zh"), unit_text(target, "zh", ZH_AMOUNT)]
    own += [GROWTH_TEXT] if price_rise(target) else []
    if target.has_amount:
        own += [f"增速%（{column}列：{target.unit}）" for column in ("amount", ZH_AMOUNT)]
    return own
