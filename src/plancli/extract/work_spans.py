"""The pieces of a clause's list one figure counts together (`work_names.counted_name` quotes
and names a count by them): figureless things before it under the first piece's verb, a total
said so (…共220条), or modifiers and kinds after it that a noun closes."""

from __future__ import annotations

import re

from plancli.extract.work_counted import no_verb_of_its_own
from plancli.extract.work_forms import LEAD, QUANTITY, VERB, Clause

# a modifier that says what the thing counted is like (吸引力强, 带动面广): its noun comes after
_LIKE = r"(?:[强广高好大优足全佳精浓厚]|显著|突出|鲜明|领先|明显|完善|便捷|齐全)"


_LIKE_START = re.compile(rf"[^的\W\d]{{1,6}}{_LIKE}$")
# the last of the kinds a count opens, then the work on them (…、留守儿童进行心理健康评估干预)
_NOUN_THEN_WORK = re.compile(
    rf"(?!{LEAD.pattern[1:]}|{VERB.pattern})[\u4e00-\u9fff]{{2,8}}?(?:免费|无偿)?"
    rf"(?:{VERB.pattern})(?P<object>[\u4e00-\u9fff]{{0,12}})"
)
# the last of the work's objects listed, closed by 等 and their kind (…、康复训练等康复救助服务)
_OBJECTS_KIND = re.compile(r"[\u4e00-\u9fff]{2,12}?等(?P<kind>[\u4e00-\u9fff]{2,10})")


def counted_span(
    pieces: list[Clause], at: int, figure: re.Match[str] | None = None
) -> tuple[int, int]:
    """The pieces the figure (`figure`, else the first) of the piece at `at` counts together,
    first and last: figureless things before it under the first piece's verb (新（改）建燃气、
    供排水管网4000公里: gas and water mains together; 新增…公交线路、…、客货邮融合线路共220条: a
    total), or modifiers after it that a noun closes (打造40个吸引力强、带动面广的消费场景: the
    scenes; 为1万名困境、留守儿童进行…: the children); (at, at) where it counts its own."""
    text = pieces[at].text
    figure = figure or QUANTITY.search(text)
    if figure is None:
        return at, at
    tail = text[figure.end() :]
    if re.fullmatch(rf"[^的\W\d]{{1,6}}{_LIKE}", tail):
        for last in range(at + 1, len(pieces)):
            later = pieces[last].text
            if QUANTITY.search(later) or len(later) > 16:
                break
            if re.fullmatch(r"[^的]{2,8}的[\u4e00-\u9fff]{2,8}", later):
                return at, last
            if "的" in later or not re.search(rf"{_LIKE}$", later):
                break
    if (
        tail
        and not re.search(r"\d", tail)
        and not VERB.search(tail)  # (将2.8万亿元…资金纳入直达机制、规模明显大于去年)
        and at < len(pieces) - 1
        and not _LIKE_START.match(tail)
    ):
        # 新建200个智能车间、智能工厂: the count is of both; 为超20000名视力、听力、…、智力等残疾
        # 儿童免费提供…: of the kinds up to the noun and its work (what follows is the work's)
        for last in range(at + 1, len(pieces)):
            later = pieces[last].text
            if len(tail) <= 4 and _NOUN_THEN_WORK.fullmatch(later):
                return at, last
            if not re.fullmatch(r"[\u4e00-\u9fff]{2,10}", later) or VERB.search(later):
                break
        else:
            return at, len(pieces) - 1
    head = LEAD.sub("", pieces[0].text)
    # (a total said so, 共220条, of things named at length: “固定班次+预约响应”山区城乡公交线路)
    thing = (
        r"[\u4e00-\u9fff“”+]{1,30}"
        if re.search(r"(?:共|合计|总计)$", text[: figure.start()])
        else r"[\u4e00-\u9fff]{1,10}"
    )
    if (
        at > 0
        and not tail
        and no_verb_of_its_own(text[: figure.start()])
        and all(not QUANTITY.search(p.text) for p in pieces[:at])
        and VERB.match(head)
        and all(re.fullmatch(r"[\u4e00-\u9fff]{1,10}", p.text) for p in pieces[1:at])
        and re.fullmatch(thing, head[VERB.match(head).end() :])  # type: ignore[union-attr]
    ):
        return 0, at
    return at, at


def objects_kind(pieces: list[Clause], last: int) -> tuple[int, str, str] | None:
    """When the piece `last` is a noun and its work (…残疾儿童免费提供视力功能基本训练) whose
    objects run on over the pieces after it to one that closes them with 等 and their kind
    (…、人工耳蜗手术、…、康复训练等康复救助服务): that piece, the work's first object and the
    kind, so the count is named by what is given, not by its first object (None otherwise)."""
    work = _NOUN_THEN_WORK.fullmatch(pieces[last].text)
    if work is None or not work.group("object"):
        return None
    for closing in range(last + 1, len(pieces)):
        text = pieces[closing].text
        if QUANTITY.search(text):
            return None
        if found := _OBJECTS_KIND.fullmatch(text):
            return closing, work.group("object"), found.group("kind")
        if not re.fullmatch(r"[\u4e00-\u9fff]{2,12}", text) or VERB.match(text):
            return None
    return None
