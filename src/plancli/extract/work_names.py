"""Work targets' names: a clause without its figure, qualifier and leading adverbs, completed
from what the rest of its list or the clause before says (`work.WorkReader` names each target
with them; the clause forms are `work_forms`')."""

from __future__ import annotations

import re
from itertools import pairwise

from plancli.extract.work_counted import before_other_work
from plancli.extract.work_forms import (
    COUNTER,
    LEAD,
    PAIRED_EXAMPLES,
    QUANTITY,
    VERB,
    Clause,
    thing_of_work,
    work_shared,
)
from plancli.extract.work_spans import counted_span, objects_kind


def target_name(text: str, match: re.Match[str], pieces: list[Clause] | None = None) -> str:
    """The target's name: its clause without the figure, the qualifier and leading adverbs (and
    what the rest of its list, `pieces`, says of it: `list_name`)."""
    # (the words of reaching a figure trimmed from what is before it, not from the joined name:
    # 惠及超50万名3岁以下婴幼儿 is 惠及3岁以下婴幼儿; nor the 的 that ties a figure to its thing:
    # 推动60%以上的县级特困供养机构三级达标)
    before = re.sub(r"(?<=.)(?:达到|突破|超过|超)$", "", _own_part_before(text[: match.start()]))
    after = re.sub(r"^的", "", before_other_work(_own_part_after(text[match.end() :])))
    if "%" in match.group() and re.search(r"达标$", after):
        after += "率"  # 60%以上的…机构三级达标: the share up to standard, a rate
    name = (before + after).strip()
    name = re.sub(r"^(?:[^,，]*?等)?", "", name) if re.match(r"等(?!级)", name) else name
    name = _NUMBERING.sub("", name)  # 二是利用闲置资源…, 三是支持…: the list's numbering
    name = LEAD.sub("", name)
    subject = _SUBJECT_LEAD.match(name)  # 我们继续安排, 今年将继续实施: who and when, not the work
    rest = name[subject.end() :] if subject else name
    if rest != name and (LEAD.match(rest) or VERB.match(rest)):
        name = rest
    name = LEAD.sub("", name)
    # a floor's word is its bound, not its name (提供不少于10万个…岗位, 耕地保有量不少于…)
    name = re.sub(r"(?<=.)(?:不少于|不低于)", "", name)
    # nor the verb a level is stated with, nor the level it is raised from (普惠托位占比提高到68%,
    # …最低比例从77%提高到80%: the bound is in min/max, the old level in the quote and the
    # baseline), 从 said or not (…最低标准每人每月2375元提高到2423元)
    name = _raised_from(name)
    name = re.sub(
        r"(达到|达|保持在|保持|控制在|稳定在|为|突破|超过|超|共|合计|总计)$|(?<=.)(?:近|约)$",
        "",
        name,
    )
    # the comparison the figure is stated against (总产值比1980年预计增长8%: 总产值增长; an aim's
    # 占比力争比上年提高…: 占比提高), and the tense (收入将增加近100亿元: 收入增加): not the name's
    name = re.sub(
        r"(?:力争|争取|确保|要)?(?:比|较)(?:上年|去年|(?:19|20)\d\d年)(?:预计)?|同比"
        r"|将(?=增加|增长|减少)",
        "",
        name,
    )
    name = re.sub(r"(?:均|都)(?=增长$|增速$)|(?<=增幅)均$", "", name)  # 旅游总花费均增长8%以上
    name = re.sub(r"等(?=[^等]*$)", "", name) if name.endswith("等") else name
    name = name.strip(" ,、") or text
    # 在3000个小区设置智能回收机: the count is of the places the work is done in
    at = _AT_PLACES.fullmatch(name) if re.search(r"在\s*$", text[: match.start()]) else None
    name = f"{at.group('work')}的{at.group('place')}" if at else name
    piece = [p for p in pieces or [] if p.text == text]
    return list_name(pieces or [], piece[0], name) if piece else name


_RAISED_FROM = re.compile(
    r"(?:(?:从|由)[^从由,，]{0,16}?"
    r"|(?:从|由)?(每人每[年月日]|人均|每[年月]|[年月])?\d+(?:\.\d+)?\s*[^\d从由,，、]{0,2}?)?"
    r"(?:提升|提高|增加|扩大|下降|降低|减少|上调|调整)(?:到|至)(?=[^\d到至]{0,6}$)"
)


def _raised_from(name: str) -> str:
    """A level's name without the verb it is raised with and the level it is raised from
    (what the new figure is of stays: 县中托管帮扶从15个县（市）扩大到57个县（市）);
    a raise a copy cut from its subject (从每人每月2375元提高到, 月2375元提高到) names the
    standard by what it is per (每人每月标准), as the clause says no more."""
    found = _RAISED_FROM.search(name)
    if found is None:
        return name
    if found.start() > 0:
        # what follows the new figure stays (…帮扶从15个县（市）扩大到57个县（市）: 帮扶县（市）)
        return name[: found.start()] + name[found.end() :]
    if found.group() == found.group()[-3:] or found.end() < len(name):
        return name  # the verb alone (提高到): no name to make of it
    per = found.group(1) or ""
    return (per if len(per) > 1 else "") + "标准"


_NUMBERING = re.compile(r"^[一二三四五六七八九十]{1,3}是[，,、]?")
_AT_PLACES = re.compile(
    r"在(?P<place>[\u4e00-\u9fff]{0,4}?(?:小区|社区|县|乡镇|镇|村|街道|学校|园区|市州|城市))"
    rf"(?P<work>(?:{VERB.pattern}).+)"
)
# a coverage named by the places alone (区级覆盖率, 市县覆盖率): of what, the sentence says
PLACES_RATE = re.compile(r"(?:[省市区县镇乡村州]|街道|设区市|乡镇)*级?覆盖率")
_SUBJECT_LEAD = re.compile(r"(?:我们|我省|我市|我区|我县)?(?:将|要)?")


# a pair's first thing, 和 and where the second count is (重点县和豫东平原, of 66个粮食产能提升
# 重点县和豫东平原200万亩…): the place is the second's, not a thing of its own
_PAIR_PLACE = r"([^\d和、，,；;]{2,20})和([^\d和、，,；;等]{2,6})"


def _own_part_before(before: str) -> str:
    """What a clause says before a target's figure that is its own: not a pair's other
    thing and figure (改造建设100个乡镇综合养老服务中心和300个村级…: 改造建设), nor a count of
    kinds its figure is of (实施10大类60项民生实事项目: 实施)."""
    before = re.sub(r"\d+(?:\.\d+)?[大小]?类$", "", before)
    other = [m for m in QUANTITY.finditer(before)]
    if other and re.fullmatch(r"[^\d和、，,；;]{2,20}和", before[other[-1].end() :]):
        return before[: other[-1].start()]
    # 推进66个粮食产能提升重点县和豫东平原200万亩…: where this count is, after 和, is its own
    place = re.fullmatch(_PAIR_PLACE, before[other[-1].end() :]) if other else None
    if place:
        return before[: other[-1].start()] + place.group(2)
    # …工程等14条高速公路项目和黄百等: the verb, then this count's own examples (黄百等)
    pair = PAIRED_EXAMPLES.fullmatch(before, other[-1].end()) if other else None
    if pair:
        verb = re.match(rf"{LEAD.pattern[1:]}?(?:{VERB.pattern})*", before[: other[-1].start()])
        return (verb.group() if verb else "") + pair.group(1)
    return before


def _own_part_after(after: str) -> str:
    """What a clause says after a target's figure that is its own: not a pair's other thing
    (…100个乡镇综合养老服务中心和300个村级互助幸福院: 乡镇综合养老服务中心), a grade with the
    noun the other says. Nor the trend a floor is to follow (参股比例不低于10%并逐步提升:
    参股比例, not 参股比例并逐步提升)."""
    if re.match(r"\s*并(?:逐步|逐年|持续|稳步|不断)", after):
        return ""
    pair = re.match(r"([^\d和、，,；;]{2,20})和([^\d和、，,；;]{1,12}等)?\s*\d", after)
    placed = re.match(_PAIR_PLACE + r"\s*\d", after) if not pair else None
    figure = QUANTITY.match(after, placed.end() - 1) if placed else None
    if placed and figure:
        # 66个粮食产能提升重点县和豫东平原200万亩整区域工程化建设高标准农田项目: the other's
        # place and size, then the work both are of (重点县整区域…项目)
        work = re.search(r"[^\d和、，,；;]{2,24}(?:项目|工程|建设)$", after[figure.end() :])
        return after[: placed.start(2) - 1] + (work.group() if work else "")
    if not pair or not QUANTITY.match(after, pair.end() - 1):
        return after
    if pair.group(2):  # …项目和黄百等4个在建铁路项目加快建设: the work both share
        work = re.search(rf"(?:加快|加速)?(?:{VERB.pattern})$", after)
        return pair.group(1) + (work.group() if work else "")
    # 建强2个国家级和22个省级区域医疗中心: the grade's noun is the other's (国家级区域医疗中心)
    noun = re.search(r"级([^级\d]{2,12})$", after) if pair.group(1).endswith("级") else None
    # (推进5个国家区域医疗中心和6个省级区域医疗中心高效运行: the work both share, 高效运行)
    return pair.group(1) + (noun.group(1) if noun else work_shared(pair.group(1), after))


def list_name(pieces: list[Clause], piece: Clause, name: str) -> str:
    """`_list_name`, and a later piece's thing with the verb the first piece says (引进培育3户…、
    5户龙头企业: 引进培育龙头企业; 打造2个…产业园、1个有核心竞争力的示范园区)."""
    named = _list_name(pieces, piece, name)
    at = pieces.index(piece) if piece in pieces else -1
    first = QUANTITY.search(pieces[0].text) if at > 0 else None
    verbs = LEAD.sub("", pieces[0].text[: first.start()]) if first else ""
    if (
        re.fullmatch(rf"(?:立项|{VERB.pattern})+", verbs)  # (立项培育10所…院校、8个…共同体)
        and not re.search(_NOT_ACTIONS, verbs)
        and not _says_work(named)  # (老旧街区（厂区）改造 says its work)
        and not re.search(r"\d|率$|累计|^(?:高于|低于|不低于)", named)
    ):
        return verbs + named
    if at > 0 and first and _noun_first(pieces[0].text, first) and _noun_first(piece.text):
        # 新建省级以上概念验证中心5家、中试基地10家: the verb, not the first thing's modifier;
        # 新打造省级特色酒庄5个、美酒美食街区5条: 新打造美酒美食街区
        # (省级以上 may be the first thing's alone: 新增省级创新平台30个、高新技术企业150家)
        verb = re.match(_VERB_RUN, LEAD.sub("", pieces[0].text))
        if (
            verb
            and not re.search(_NOT_ACTIONS + r"|实现", verb.group())
            and not _says_work(named)
            and not re.search(r"\d|率$|累计|^(?:高于|低于|不低于)", named)
            and not AMOUNT_WORD.search(named)
        ):
            return verb.group() + named
    return named


# a list's verbs, joined (新建改扩建及维修改造公办幼儿园200所以上、义务教育学校500所以上: every
# later item is new, extended or repaired, not only 新建)
_VERB_RUN = rf"新?(?:改扩建|维修|{VERB.pattern})+(?:(?:及|和|与)(?:改扩建|维修|{VERB.pattern})+)*"


def _says_work(name: str) -> bool:
    """Whether a piece's name says its own work, opening or closing with a verb (新建学校,
    老旧街区（厂区）改造); a verb inside a thing's name is not (粮食产能提升重点县)."""
    ends = re.search(rf"(?:{VERB.pattern})$", name) and not _GREENING.search(name)
    return bool(VERB.match(name) or ends)


# greening of a kind, a thing counted in m² (新建绿道100公里、…、立体绿化10万平方米): no work of
# its own, the list's verb is its
_GREENING = re.compile(r"(?:立体|屋顶|垂直|墙面)绿化$")


def _noun_first(text: str, figure: re.Match[str] | None = None) -> bool:
    """Whether a list piece says its thing, then its figure last (中试基地10家)."""
    figure = figure or QUANTITY.search(text)
    return figure is not None and figure.start() > 0 and figure.end() == len(text.rstrip())


# what a later piece measures of the first one's things, not a thing of its own (培育…企业300家、
# 营业收入500亿元): the list's verb is not its
AMOUNT_WORD = re.compile(
    r"(?:收入|营收|产值|规模|投资|总额|额|量|增加值|效益|利润|税收|占比|比重|面积|人次|人数)$"
)


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
        # (布局建设20个国家级、19个省级粮食产能提升重点县: a noun of 9 characters)
        noun = re.search(r"级([^级\d]{2,12})$", last[figure.end() :] if figure else "")
        return name + noun.group(1) if noun else name
    if _AMOUNT_NAME.search(name) and at < len(pieces) - 1:
        # 贵州能源大方燃煤发电等12个百亿元、70个30亿元以上项目建设: the projects the last piece
        # names after its size, of the size this piece says (百亿元项目建设)
        thing = re.search(r"(?:\d|[百千万亿])元(?:以上)?([\u4e00-\u9fff]{2,8})$", pieces[-1].text)
        return re.sub(r"^.*等", "", name) + thing.group(1) if thing else name
    if at > 0 and re.fullmatch(r"(?:总)?产量", name):
        # 实现粮食播种面积3320万亩、产量1285万吨以上: the crop the piece before names (粮食产量)
        sown = QUANTITY.search(pieces[at - 1].text)
        named = target_name(pieces[at - 1].text, sown) if sown else ""
        named = named[verb.end() :] if (verb := VERB.match(named)) else named
        crop = re.fullmatch(r"([\u4e00-\u9fff]{1,6}?)(?:播种|种植)?面积", named)
        return crop.group(1) + name if crop else name
    if at > 0 and PLACES_RATE.fullmatch(name):
        # 新建5个以上紧密型城市医疗集团、区级覆盖率达80%以上: the things the piece before counts
        figure = QUANTITY.search(pieces[at - 1].text)
        counted = pieces[at - 1].text[figure.end() :] if figure else ""
        if re.fullmatch(r"[\u4e00-\u9fff“”]{2,12}", counted) and not VERB.search(counted):
            return counted + name
    work = shared_work(pieces, at)
    if work and not name.endswith(work):
        return name + work
    if at == 0 or not re.fullmatch(rf"(?:{VERB.pattern})(?:投资)?", name):
        return name
    before = LEAD.sub("", pieces[at - 1].text)
    before = QUANTITY.sub("", before[m.end() :] if (m := VERB.match(before)) else before)
    subject = re.sub(r"(?<=..)(?:拓|扩|提|增|优|强|做).*$", "", before).strip(" “”")
    subject = re.sub(r"(?:达到|达|突破|超过|超)$", "", subject)  # (…收入超1000亿元、增长8%)
    return subject + name if 2 <= len(subject) <= 12 else name


# a size of money a name ends with (…燃煤发电等百亿元, of 12个百亿元): the things so big are
# named later in the list
_AMOUNT_NAME = re.compile(r"(?:\d|[百千万亿])元(?:以上)?$")
# an amount word the last of the subjects 分别 pairs says for all (水果、蔬菜、茶叶产量: 水果产量)
_SHARED_AMOUNT = re.compile(
    r"(?:领域|行业)?(?:年|全年)?(?:总)?(?:产量|出栏量|存栏量|产值|投资额|增加值|营业收入|销售额"
    r"|进出口额|出口额|标准)$"
)
_RATE = re.compile(r"[\u4e00-\u9fff]{1,6}(?:率|比例|占比)$")
_SHARED_WORK = re.compile(r"(?:整合|迁移上云|上云|迁移|改造|治理)$")
# 分别从每人每月209元、280元提高到217元、290元: the figures after 提高到 are the year's
_RAISED_TO = re.compile(r"(?:提高|提升|调整|增加|上调)(?:到|至)")


def respective(text: str) -> list[tuple[str, re.Match[str]]]:
    """The subjects and figures 分别 pairs in a clause (省外游客、入境过夜游客分别增长10%、35%
    以上; …政务移动应用整合分别完成25%、50%、20%), each subject named: an amount word the last
    one says is each one's (原煤、原油、天然气产量分别达到…: 原煤产量), and a rise's figures
    those raised to (…补贴标准分别从…209元、280元提高到217元、290元: 217, 290); [] where the
    clause pairs none."""
    word = re.search(r"分别", text)
    if word is None:
        return _kinds_then_figures(text)
    subjects = [
        re.sub(r"(?:要|将)$", "", LEAD.sub("", part).strip())
        for part in re.split(r"[、和]", text[: word.start()])
        if part.strip()
    ]
    shared = _SHARED_AMOUNT.search(subjects[-1]) if subjects else None
    # 省级政务信息系统、自建非涉密业务专网、政务移动应用整合分别完成25%、50%、20%: the work the
    # last one says is each one's (省级政务信息系统整合)
    shared = shared or (_SHARED_WORK.search(subjects[-1]) if subjects else None)
    if (
        shared
        and shared.start() > 0
        and all(1 <= len(s) <= 12 and not _SHARED_AMOUNT.search(s) for s in subjects[:-1])
    ):
        subjects = [s + shared.group() for s in subjects[:-1]] + subjects[-1:]
    elif len(subjects) >= 2 and all(len(s) <= 12 and not _RATE.search(s) for s in subjects[:-1]):
        # 美丽河湖、美丽海湾建成率, 食品、药品抽检合格率: the rate is each one's, its words those
        # of the last one's after the part the first one's length parallels
        rate = _RATE.search(subjects[-1][len(subjects[0]) :])
        if rate and rate.start() == 0 and len(rate.group()) >= 3:
            subjects = [s + rate.group() for s in subjects[:-1]] + subjects[-1:]
    figures = list(QUANTITY.finditer(text, word.end()))
    raised = _RAISED_TO.search(text, word.end())
    if raised and len(figures) == 2 * len(subjects) and re.match(r"从|由", text[word.end() :]):
        figures = [f for f in figures if f.start() > raised.start()]
    between = [text[a.end() : b.start()] for a, b in pairwise(figures)]
    if len(figures) == 1 and len(subjects) >= 2:
        # 化学需氧量、氨氮排放量要分别下降2%: one figure, each subject's
        figures = figures * len(subjects)
        between = []
    if (
        len(figures) < 2
        or len(subjects) != len(figures)
        or any(gap.strip() not in ("、", "和", ",") for gap in between)
        or any(not subject or re.search(r"\d", subject) for subject in subjects)
    ):
        return []
    rate = re.search(r"增长|增速", text[word.end() : figures[0].start()])
    return [
        (f"{subject}{rate.group(0)}" if rate else subject, figure)
        for subject, figure in zip(subjects, figures, strict=True)
    ]


def _kinds_then_figures(text: str) -> list[tuple[str, re.Match[str]]]:
    """Kinds listed, then as many figures of one unit, each kind's in order though 分别 is not
    said (改造老旧供热、燃气、排水管网800公里、600公里、300公里): three kinds or more, the middle
    ones of one length, which parts the first's verb and modifier (改造老旧) and the last's noun
    (管网) each kind shares; [] where the clause is not so."""
    figures = list(QUANTITY.finditer(text))
    if len(figures) < 3 or figures[-1].end() != len(text.rstrip()):
        return []
    kinds = text[: figures[0].start()].split("、")
    if len(kinds) != len(figures):
        return []
    size = len(kinds[1])
    if (
        any(text[a.end() : b.start()] != "、" for a, b in pairwise(figures))
        or len({f.group(3) for f in figures}) != 1
        or any(
            len(kind) != size or not re.fullmatch(r"[\u4e00-\u9fff]+", kind) for kind in kinds[1:-1]
        )
        or not re.fullmatch(rf"[\u4e00-\u9fff]{{{size + 1},}}", kinds[0])
        or not re.fullmatch(rf"[\u4e00-\u9fff]{{{size},{size}}}[\u4e00-\u9fff]{{1,6}}", kinds[-1])
        or not VERB.match(LEAD.sub("", kinds[0]))
    ):
        return []
    head, noun = LEAD.sub("", kinds[0])[:-size], kinds[-1][size:]
    names = [kinds[0][-size:], *kinds[1:-1], kinds[-1][:size]]
    return [(f"{head}{kind}{noun}", figure) for kind, figure in zip(names, figures, strict=True)]


def counted_name(
    parse: str, clause: Clause, pieces: list[Clause], piece: Clause, match: re.Match[str]
) -> tuple[Clause, str]:
    """The quote and name of the target `match` in `piece` states: the pieces its figure
    counts together (`counted_span`), and a verb alone completed by the thing the clause
    before says (实施新一轮农村公路提升行动，新（改）建6000公里: 新（改）建农村公路)."""
    at = pieces.index(piece)
    first, last = counted_span(pieces, at, match)
    examples = _examples_name(pieces, at, match)
    if examples:
        # 布局实施人工智能、高端航空装备等9个重大科技专项: the list's verb and what is counted,
        # not its last example (高端航空装备等重大科技专项)
        a, b = pieces[0].start - clause.start, piece.end - clause.start
        return Clause(pieces[0].start, piece.end, clause.text[a:b]), examples
    if (first, last) == (at, at):
        where, name = piece, target_name(piece.text, match, pieces)
    else:
        a, b = pieces[first].start - clause.start, pieces[last].end - clause.start
        where = Clause(pieces[first].start, pieces[last].end, clause.text[a:b])
        figure = QUANTITY.search(where.text, piece.start - where.start + match.start())
        name = target_name(where.text, figure) if figure else target_name(piece.text, match)
        run = objects_kind(pieces, last) if last > at else None
        if run and name.endswith(run[1]):  # (…免费提供视力功能基本训练、…等康复救助服务)
            name = name[: -len(run[1])] + run[2]
            b = pieces[run[0]].end - clause.start
            where = Clause(where.start, pieces[run[0]].end, clause.text[a:b])
    if at == 0 and VERB.fullmatch(name):
        thing = thing_before(parse, clause.start)
        name = name + thing if thing else name
    name = thing_of_work(parse, clause.start, name)  # 完成2.08万人搬迁任务: of what
    if clause.text.startswith("其中") and match.group(3) != "%" and not VERB.search(name):
        name = verb_before(parse, clause.start) + name  # (…其中小型水库7座: 建设小型水库)
    return where, name


def _examples_name(pieces: list[Clause], at: int, match: re.Match[str]) -> str:
    """The name of a count a list of examples opens (做强济南、青岛、淄博、济宁4大机器人产业基地,
    大力推进三峡水运新通道、…、长江存储三期等1.22万个…项目建设): the verb of the first piece
    and the things after the figure; "" where the count's piece is no such list's end."""
    text = pieces[at].text
    before, after = text[: match.start()], text[match.end() :]
    if (
        at == 0
        or at < len(pieces) - 1
        or any(QUANTITY.search(p.text) for p in pieces[:at])
        or len(before) > 12
        or VERB.search(before)
        # a count of things (not 70%以上产能, nor 店头电厂二期等402万千瓦机组: the examples
        # are the size's)
        or not COUNTER.fullmatch(match.group(3))
        or not re.fullmatch(r"[\u4e00-\u9fff“”（）]{2,20}", after)
    ):
        return ""
    lead = LEAD.match(pieces[0].text)
    head = pieces[0].text[lead.end() :] if lead else pieces[0].text
    verb = re.match(_VERB_RUN, head)
    said = verb.group() if verb else ""
    if not said and lead and (effort := re.search(r"推进|推动", lead.group())):
        said = effort.group()  # (大力推进三峡水运新通道、…等…项目建设: 推进)
    if not said or len(head) - len(said) < 2:
        return ""
    return said + re.sub(r"^的", "", after)


# the work a list's last piece says after its thing (…、120个老旧街区（厂区）改造): 2 characters
# or more of words of work on a thing
_WORKS = re.compile(r"(?:改造|建设|整治|修缮|治理|修复|提升|更新|改建|提质|升级|扩容)+$")


def shared_work(pieces: list[Clause], at: int) -> str:
    """The work the last piece of a counted list says after its thing, when the piece at `at`
    says its thing after its figure and no work of its own (实施3000个老旧小区、120个老旧街区
    （厂区）改造: 老旧小区改造); "" where it does not."""
    if at >= len(pieces) - 1:
        return ""
    figures = [QUANTITY.search(p.text) for p in pieces[at:]]
    if any(f is None for f in figures):
        return ""  # (a piece without a figure: not one count each)
    own = pieces[at].text[figures[0].end() :]  # type: ignore[union-attr]
    last = pieces[-1].text[figures[-1].end() :]  # type: ignore[union-attr]
    work = _WORKS.search(last)
    if (
        work is None
        or not re.fullmatch(r"[\u4e00-\u9fff]{2,12}", own)
        or VERB.search(own)
        or re.search(r"\d", last[: work.start()])  # (…、70个30亿元以上项目建设)
        or VERB.search(last[: work.start()])
        or len(last[: work.start()]) < 2
    ):
        return ""
    return work.group()


# the thing a verb alone counts, from the clause before it: a programme of work on the thing
# (农村公路提升行动) or a verb and the thing (加快农村公路建设)
_PROGRAMME = re.compile(
    r"(?:提升|提质|增效|改造|建设|升级|攻坚|专项|示范|提档|整治|三年)*(?:行动|工程|计划)?$"
)


def thing_before(parse: str, start: int) -> str | None:
    """The thing a target named by a verb alone counts (实施新一轮农村公路提升行动，新（改）建
    6000公里: 农村公路): the clause before `start` in its sentence, without its lead, verb and
    programme; None where that clause says no one thing."""
    before = parse[max(0, start - 60) : start].rstrip(" ,，")
    clause = re.search(r"[^,，;；。:：!！?？\n]*$", before)
    text = LEAD.sub("", clause.group().strip()) if clause else ""
    verb = VERB.match(text)
    text = re.sub(r"^(?:新一轮|新一批|一批|新的)", "", text[verb.end() :] if verb else text)
    programme = _PROGRAMME.search(text)
    thing = text[: programme.start()] if programme else text
    if not (verb or thing != text) or not re.fullmatch(r"[\u4e00-\u9fff]{2,8}", thing):
        return None
    return None if VERB.search(thing) else thing


# the action a count states, whose parts 其中 lists (建设1000个农村“水盆子”项目，其中小型水库
# 7座): a verb before its figure, not a level reached (粮食产量达到…) or a change
_PARENT = re.compile(rf"^新?(?:{VERB.pattern})+(?=[^,，]*?\d)")


def verb_before(parse: str, start: int) -> str:
    """The verb of the count whose breakdown (其中…) opens at `start`: its parts are built,
    added or held as it is (建设1000个农村“水盆子”项目，其中小型水库7座、水池等调蓄设施993个:
    建设小型水库; 新增电力装机1800万千瓦，其中非化石能源装机…: 新增非化石能源装机); "" where
    the clause before says no action on a count (name_flags flags the part's name then)."""
    before = parse[max(0, start - 80) : start].rstrip(" ,，")
    clause = re.search(r"[^,，;；。:：!！?？\n]*$", before)
    text = LEAD.sub("", _NUMBERING.sub("", clause.group().strip())) if clause else ""
    verb = _PARENT.match(text)
    if verb is None or re.search(_NOT_ACTIONS + r"|实现", verb.group()):
        return ""
    return verb.group()
