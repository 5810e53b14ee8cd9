"""Last year's level of a shared indicator drafted as a level or a count: the review's
城镇新增就业44.1万人 for 城镇新增就业40万人以上, its 城镇调查失业率5.3％ for 城镇调查失业率5.5％左右
(陕西 2026), its 粮食产量1347万吨 for a pending 完成国家下达的粮食生产…目标任务, as every bundled
plan writes them (`baseline = { year = 2025, value = 44.1 }`).

A figure is taken only where the review states it once, under a bureau's name of the indicator
(`indicator_names.STANDARD_NAMES`, never a longer name that ends in it: 农村…, 高校毕业生…),
in the target's unit (a pending target, whose bound the report does not give, takes the
review's unit of its quantity: 亿斤 for a grain output drafted in 万吨), as a result: not a
bound (以上, 以内… after it; 突破, 超过, 近… before it: 粮食总产量突破1300万吨), not a
five-year figure (年均, 累计, 五年, 每年), nor one of a list (分别). A figure with 左右
(城镇新增就业65万人左右) is last year's estimate, stated before the bureau's figure: taken, as
the bundled plans take 上海's and 江苏's estimated R&D intensity, with a `review` asking to
check it against the bulletin; not one held over years (稳定在550亿斤左右, 保持), an aim
(…60万人左右的目标任务, 预期…), nor a coming years' goal (`estimates.not_last_years`)."""

from __future__ import annotations

import re
from decimal import Decimal

from plancli.extract.draft import DraftTarget, toml_number
from plancli.extract.estimates import APPROXIMATE_REVIEW, not_last_years
from plancli.extract.sections import Layout, Span
from plancli.i18n import _
from plancli.indicator_names import STANDARD_NAMES

NUM = r"\d+(?:\.\d+)?"
# the counts, rates and outputs a review states as last year's result (the growth series take
# their growth: baselines.review_growths); a grain floor aiming above last year takes it first,
# as its stretch (baselines.last_years_stretch)
LEVEL_IDS = ("new_urban_jobs", "surveyed_unemployment_rate", "unemployment_rate", "grain_output")
# the units a pending target's quantity is stated in: the review's is the draft's (no bound of
# the report's is in another)
_PENDING_UNITS = {"grain_output": ("万吨", "亿斤")}
_BOUND = re.compile(r"\s*(?:以上|以下|以内|上下|多|余|之内|内)")
_AROUND = re.compile(r"\s*左右")
# a bound said before the figure (粮食总产量突破1300万吨: above it, not it), as 以上 after it
_BOUND_BEFORE = re.compile(r"(?:突破|超过|超|逾|近|接近|约|不到|不足)$")
_SPAN_WORDS = re.compile(r"年均|累计|五年|每年|十四五|十三五|连续|分别|控制")
# 平均 before the name is a span's (五年平均, 平均每年); between the name and its figure
# (城镇调查失业率平均为4.2%, 上海 2026) it is the year's average of a monthly survey, last year's
_AVERAGE_BEFORE = re.compile(r"平均")
_SENTENCE_END = re.compile(r"[。；;！!？?\n，,]")


# a review's passage of the five years (五年来，…; 过去五年…), its paragraph and the ——-led
# paragraphs that go on with it (山东's ——人民生活水平实现新跃升。…居民人均可支配收入增长34.3%)
_FIVE_YEAR_OPENER = re.compile(r"五年来|过去的?五年|“?十四五”?(?:时期|期间|以来)")
# a paragraph that opens the five years' account (过去的五年极不寻常。…, 河南 2026) is followed
# by paragraphs of the five years, each under its own topic (综合实力稳步提升。…城镇新增就业
# 603.7万人), until one turns to last year (刚刚过去的2025年…), to a numbered item or a heading
_ACCOUNT_OPENER = re.compile(r"(?:各位代表[！!，,]?)?(?:过去的?五年|五年来)")
_ACCOUNT_ENDS = re.compile(
    r"\s*(?:刚刚)?(?:过去的?(?:一年|\d{4}年)|一年来|去年|这一年|今年|\d{4}年|各位代表"
    r"|[（(]?[一二三四五六七八九十\d]+[）)、.．]|[一二三四五六七八九十]+是)"
)


def five_year_passages(parse: str, span: Span) -> list[tuple[int, int]]:
    """Where the review `span` speaks of the five years: from each opener to the end of its
    paragraph, with the paragraphs after it that open with a dash (——), and after a paragraph
    that opens the account (`_ACCOUNT_OPENER`) those up to one that turns to last year."""
    passages: list[tuple[int, int]] = []
    for opener in _FIVE_YEAR_OPENER.finditer(parse, span.start, span.end):
        end = parse.find("\n", opener.end(), span.end)
        paragraph = parse.rfind("\n", span.start, opener.start()) + 1
        account = _ACCOUNT_OPENER.match(parse, max(paragraph, span.start)) is not None
        while end != -1 and (
            parse.startswith("——", end + 1)
            or (account and not _ACCOUNT_ENDS.match(parse, end + 1, span.end))
        ):
            end = parse.find("\n", end + 1, span.end)
        passages.append((opener.start(), span.end if end == -1 else end))
    return passages


def in_passages(position: int, passages: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in passages)


def _units(target: DraftTarget) -> tuple[str, ...]:
    """The units the review's figure may be in: the target's, or for a pending target (no
    bound, so no unit of the report's) any its quantity is stated in."""
    bounded = any(v is not None for v in (target.min, target.max, target.around))
    if target.pending and not bounded:
        return _PENDING_UNITS.get(target.id, (target.unit,))
    return (target.unit,)


def _pattern(target_id: str, units: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in sorted(STANDARD_NAMES[target_id], key=len)[::-1])
    spelled = "|".join("[%％]" if unit == "%" else re.escape(unit) for unit in units)
    unit_pattern = f"(?P<unit>{spelled})"
    # not the end of a longer name (高校毕业生城镇新增就业…): after a mark, 全省/全市… or 全年
    # (全年城镇新增就业65.3万人: the year's outcome, beside its met aim)
    return re.compile(
        rf"(?:(?<=全[省市区县州盟年])|(?<![\u4e00-\u9fff]))(?:{names})"
        rf"(?P<between>[^,，;；。\d]{{0,4}}?)(?P<value>{NUM})\s*{unit_pattern}"
    )


def review_levels(parse: str, layout: Layout, targets: list[DraftTarget], words: str) -> None:
    """Give a level or count of a shared indicator (`LEVEL_IDS`) with no baseline last year's
    figure, where the review states it once (see the module's doc); a note quotes `words`, the
    report's text at the parse form's offsets."""
    spans = layout.review_spans()
    for target in targets:
        if (
            target.id not in LEVEL_IDS
            or target.baseline
            or target.last_year_aim is not None  # (its stretch's rule read the review: none once)
            or target.kind
            not in (
                "level",
                "cumulative",
            )
        ):
            continue
        pattern = _pattern(target.id, _units(target))
        found: dict[tuple[Decimal, str], tuple[str, bool]] = {}
        for span in spans:
            passages = five_year_passages(parse, span)
            for match in pattern.finditer(parse, span.start, span.end):
                if in_passages(match.start(), passages):
                    continue
                head = parse[max(span.start, match.start() - 20) : match.start()]
                sentence = _SENTENCE_END.split(head)[-1]
                if (
                    _BOUND.match(parse, match.end())
                    or _BOUND_BEFORE.search(match.group("between"))
                    or _SPAN_WORDS.search(sentence + match.group(0))
                    or _AVERAGE_BEFORE.search(sentence)
                ):
                    continue
                around = _AROUND.match(parse, match.end())
                end = match.end() if around is None else around.end()
                # last year's aim reported as met (…60万人的目标任务全面完成), with 左右 or
                # without, is no result: the review's outcome, if it states one, is
                if not_last_years(parse, sentence + match.group("between"), end):
                    continue
                unit = "%" if match.group("unit") in "%％" else match.group("unit")
                found.setdefault(
                    (Decimal(match.group("value")), unit),
                    (words[match.start() : end], around is not None),
                )
        if len(found) != 1:
            continue  # none, or several figures: not unambiguous
        (((value, unit), (quote, estimate)),) = found.items()
        target.unit = unit  # (the target's, or a pending one's as the review states it)
        target.baseline = {"year": layout.year - 1, "value": toml_number(value)}
        target.notes.append(_("baseline from the review: “{quote}”").format(quote=quote))
        if estimate:
            target.review.append(
                _(APPROXIMATE_REVIEW).format(value=toml_number(value), unit=unit, quote=quote)
            )
