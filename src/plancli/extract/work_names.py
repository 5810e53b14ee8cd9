"""Work targets' names: a clause without its figure, qualifier and leading adverbs, completed
from what the rest of its list or the clause before says (`work.WorkReader` names each target
with them; the clause forms are `work_forms`')."""

from __future__ import annotations

import re

from plancli.extract.work_forms import LEAD, QUANTITY, VERB, Clause


def target_name(text: str, match: re.Match[str], pieces: list[Clause] | None = None) -> str:
    """The target's name: its clause without the figure, the qualifier and leading adverbs (and
    what the rest of its list, `pieces`, says of it: `list_name`)."""
    name = (text[: match.start()] + text[match.end() :]).strip()
    name = re.sub(r"^(?:[^,，]*?等)?", "", name) if name.startswith("等") else name
    name = LEAD.sub("", name)
    name = re.sub(
        r"(达到|达|保持在|保持|控制在|稳定在|为|突破|超过|超)$|(?<=.)(?:近|约)$", "", name
    )
    # the comparison the figure is stated against (总产值比1980年预计增长8%: 总产值增长), and
    # the tense (收入将增加近100亿元: 收入增加): not the name's
    name = re.sub(
        r"(?:比|较)(?:上年|去年|(?:19|20)\d\d年)(?:预计)?|同比|将(?=增加|增长|减少)", "", name
    )
    name = re.sub(r"(?:均|都)(?=增长$|增速$)|(?<=增幅)均$", "", name)  # 旅游总花费均增长8%以上
    name = re.sub(r"等(?=[^等]*$)", "", name) if name.endswith("等") else name
    name = name.strip(" ,、") or text
    piece = [p for p in pieces or [] if p.text == text]
    return list_name(pieces or [], piece[0], name) if piece else name


def list_name(pieces: list[Clause], piece: Clause, name: str) -> str:
    """`_list_name`, and a later piece's thing with the verb the first piece says (引进培育3户…、
    5户龙头企业: 引进培育龙头企业; 打造2个…产业园、1个有核心竞争力的示范园区)."""
    named = _list_name(pieces, piece, name)
    at = pieces.index(piece) if piece in pieces else -1
    first = QUANTITY.search(pieces[0].text) if at > 0 else None
    verbs = LEAD.sub("", pieces[0].text[: first.start()]) if first else ""
    if (
        re.fullmatch(rf"(?:{VERB.pattern})+", verbs)
        and not re.search(_NOT_ACTIONS, verbs)
        and not VERB.search(named)  # (老旧街区（厂区）改造 says its work)
        and not pieces[0].text.endswith("级")  # (6个世界级、7个国家级…: named by the last)
        and not re.search(r"\d|率$|累计|^(?:高于|低于|不低于)", named)
    ):
        return verbs + named
    return named


# what a list's first piece says of an amount, not an action its later things share
_NOT_ACTIONS = r"增长|达|保持|控制|稳定|提升|提高|增加|减少|降低|下降|不少于|不低于|覆盖|超|突破"


def _list_name(pieces: list[Clause], piece: Clause, name: str) -> str:
    """The name of a piece's target that names nothing without the rest of its list: a grade
    whose noun the last piece says (着力培育6个世界级、7个国家级、9个区域级产业集群: 世界级产业
    集群), the verb the first piece says (引进培育3户…、5户龙头企业: 引进培育龙头企业), a verb
    whose thing the piece before says (建设亿元以上项目4000个、完成投资超4500亿元:
    亿元以上项目完成投资; 推动中欧（亚）班列拓线扩量、开行4000班次: 中欧（亚）班列开行)."""
    at = pieces.index(piece) if piece in pieces else -1
    if at < 0 or len(pieces) < 2:
        return name
    if name.endswith("级") and at < len(pieces) - 1:
        last = pieces[-1].text
        figure = QUANTITY.search(last)
        noun = re.search(r"级([^级\d]{2,8})$", last[figure.end() :] if figure else "")
        return name + noun.group(1) if noun else name
    if at == 0 or not re.fullmatch(rf"(?:{VERB.pattern})(?:投资)?", name):
        return name
    before = LEAD.sub("", pieces[at - 1].text)
    before = QUANTITY.sub("", before[m.end() :] if (m := VERB.match(before)) else before)
    subject = re.sub(r"(?<=..)(?:拓|扩|提|增|优|强|做).*$", "", before).strip(" “”")
    subject = re.sub(r"(?:达到|达|突破|超过|超)$", "", subject)  # (…收入超1000亿元、增长8%)
    return subject + name if 2 <= len(subject) <= 12 else name


# A milestone's object that is a stage of work without the work (力争年内完成竣工初验): the
# work is the clause before it (继续做好大罗家营366号民居、向旭庵等文物修缮工程).
STAGE_ONLY = re.compile(r"(?:竣工)?(?:初验|验收|竣工|交付使用)")
_WORK_BEFORE = re.compile(r"(?:做好|抓好|实施|开展|加快)(?P<work>[^,，;；。:：]{4,40})")


def work_before(parse: str, start: int) -> str | None:
    """The work a stage-only milestone (STAGE_ONLY) completes: the clause before `start` in
    its sentence, without its lead and verb; None where that clause is not one such."""
    before = parse[max(0, start - 80) : start].rstrip(" ,，")
    clause = re.search(r"[^,，;；。:：!！?？\n]*$", before)
    text = LEAD.sub("", clause.group().strip()) if clause else ""
    found = _WORK_BEFORE.fullmatch(text)
    return found.group("work") if found else None
