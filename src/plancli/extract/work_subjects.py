"""The things a work target's figure counts together with its own piece's: the short,
figureless items a list names before it (小麦、玉米、马铃薯等主栽品种良种覆盖率达到97%以上;
培育“独角兽”、“瞪羚”企业360家; 加快宝鸡、延安等4个国家骨干冷链物流基地建设). The figure is of
the whole list, so its quote opens with the list and, where that stays short, so does its name
(before: the quote and the name began at the piece holding the figure, 马铃薯等…, “瞪羚”企业)."""

from __future__ import annotations

import re

from plancli.extract.work_forms import LEAD, QUANTITY, VERB, Clause

# an item of a list before its counted piece: a few characters naming a thing, in quotes, with
# a letter (“村BA”) or an age (65岁以上老年人) of its own, no figure and no work of its own
_ITEM = re.compile(r"[\u4e00-\u9fff“”（）A-Za-z0-9]{1,8}")
# where the work is done or for whom, before the first item (在农村地区、…, 为…)
_PLACE = re.compile(r"^(?:在|为|对)")
# a name longer than this keeps the piece's own name (the quote still opens with the list)
_NAME_CAP = 30


def _core(text: str, first: bool) -> str:
    core = LEAD.sub("", text)
    if first:
        core = _PLACE.sub("", core)
        while verb := VERB.match(core) or re.match(r"新(?=培育|引进|打造)", core):
            core = core[verb.end() :]
    return core


def listed_subjects(
    parse: str, pieces: list[Clause], at: int, where: Clause, name: str
) -> tuple[Clause, str]:
    """The quote and name of the target `pieces[at]` states, opened to the items before it
    that its figure counts with it; `where` and `name` as they are where there are none."""
    piece = pieces[at]
    if at == 0 or (where.start, where.end) != (piece.start, piece.end):
        return where, name
    before = "".join(p.text for p in pieces[:at])
    if VERB.match(LEAD.sub("", piece.text)) or QUANTITY.search(before):
        return where, name  # (启动杨柳青电厂、完成大港电厂…: each piece its own work)
    for index, item in enumerate(pieces[:at]):
        core = _core(item.text, index == 0)
        if not core or not _ITEM.fullmatch(core) or VERB.search(core):
            return where, name  # (加快中国邮政国际航空枢纽、洛阳等10个…: an item of its own)
    start = pieces[0].start
    quote = Clause(start, where.end, parse[start : where.end])
    text = "、".join(LEAD.sub("", p.text) for p in pieces[:at])
    head = LEAD.sub("", pieces[0].text)
    verb = head[: len(head) - len(_core(pieces[0].text, True))]
    own = name[len(verb) :] if verb and name.startswith(verb) else name  # (the list's verb once)
    listed = f"{text}、{own}"
    return quote, listed if len(listed) <= _NAME_CAP else name
