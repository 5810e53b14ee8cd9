"""The flag of a baseline a review states as an estimate (…左右): last year's figure, written
before the statistics bureau publishes it (上海's 研发经费支出…比例达到4.5%左右, a review's
城镇新增就业65万人左右). The draft takes it, as the bundled plans do, and asks for a check."""

from __future__ import annotations

import re

from plancli.i18n import N_

APPROXIMATE_REVIEW = N_(
    "baseline {value}{unit} is the review's estimate (“{quote}”): check it against last "
    "year's bulletin"
)

# a figure held over years (粮食总产量稳定在550亿斤左右), or an aim (全年城镇新增就业60万人左右的
# 目标任务全面完成, 预期目标…): not last year's estimate nor its result
_HELD_OR_AIMED = re.compile(r"稳定|保持|维持|目标|预期|计划|力争|确保|争取|控制")
# (…60万人的目标任务全面完成, …60万人年度目标顺利完成, …2%左右等目标: last year's aim
# reported as met)
_AIM_AFTER = re.compile(r"\s*[的等]?(?:年度|全年|主要)?(?:目标|任务|预期|要求)")
# an aim of a list (城镇新增就业60万人、居民消费价格涨幅2%左右等目标任务全面完成): the list's
# 等/的 目标 ends the clause; not a list of outcomes met beyond (…60万人、超额完成年度目标)
_AIM_AFTER_LIST = re.compile(
    r"\s*、(?:(?!完成|实现|超|达到)[^，,。；;！!？?\n]){0,40}?[等的](?:年度|全年|主要)?"
    r"(?:目标|任务|预期)"
)
# a paragraph of the coming years' goals (the review part may quote the 纲要's indicators)
_FUTURE = re.compile(r"十五五|今后五年|纲要|到20[3-9]\d年")


def not_last_years(parse: str, head: str, end: int) -> bool:
    """Whether a figure ending at `end` (with its 左右, if any), whose clause up to it is
    `head`, is held over years, an aim, or in a paragraph of the coming years' goals rather
    than last year's result or estimate."""
    start = parse.rfind("\n", 0, end) + 1
    stop = parse.find("\n", end)
    paragraph = parse[start : len(parse) if stop == -1 else stop]
    return bool(
        _HELD_OR_AIMED.search(head)
        or _AIM_AFTER.match(parse, end)
        or _AIM_AFTER_LIST.match(parse, end)
        or _FUTURE.search(paragraph)
    )
