"""Milestones of the work sections: a named deliverable with an end state within the year
(建成, 投用, 完工, 启动, 开通, 完成, 办好/举办/承办 an event, 创建, 制定/出台/编制 a plan, 组建 a
body or 组建运营 a bank, a body 挂牌运营 or 开业, 开工建设 a project, 落地, 落户…), split into
its deliverables (`work.WorkReader` reads each clause no quantity or worded target took with
`milestones`). Not open-ended effort (推进, 加强, 加快 before the verb: 加快创建…中心, 加快打通…
断头路), nor an institution whose "done" a report cannot define (建立…机制/制度/体系)."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from plancli.extract.clauses import listing_marks
from plancli.extract.sections import WorkSection
from plancli.extract.work_forms import LEAD, ONGOING_DELIVERED, QUANTITY, Clause, thing_of_work
from plancli.i18n import _

if TYPE_CHECKING:
    from plancli.extract.work import WorkReader

# what 办好 delivers: an event (办好第21届省运会, …系列活动, …峰会等主场外交), not a field of work
# (办好人民满意的教育, 办好特殊教育, 高质量办好老年大学: open-ended effort)
EVENT = r"会议?|节|赛事?|马拉松|展|论坛|活动|大典|讲堂|典礼|仪式|日|周|季"
# a plan or a measure a report names, which 出台/编制 delivers (出台郑开同城化发展规划, 编制好
# 新一轮…发展规划, 出台促进民间投资发展的若干措施), and a body 组建 sets up (组建省产业技术研究院,
# 组建省外贸集团): checkable within the year as 制定…方案 is
_PLAN = r"(?:规划|方案|计划|若干措施|措施|意见|纲要|清单|指引|条例)$"
# (组建运营甘肃农商银行, 组建江苏农商联合银行: a bank set up and run is as checkable as a group)
_BODY = r"(?:集团|研究院|院|研究所|中心|公司|委员会|实验室|联盟|基金|银行|农商行|交易所)$"
# what 开展 delivers within the year: a census or survey, an election of a term (开展第四次农业普查,
# 依法有序开展村（社区）换届选举), a pilot of a set round or of the whole province (全面开展第二轮
# 土地承包到期后再延长30年整省试点) — events a year holds, as 启动第四次农业普查 is; not 开展…行动,
# …活动, …试点 at large (深入开展第三轮回天行动, 开展水预算管理试点: work going on, no end)
_HELD = (
    r"[^,;。]*(?:普查|换届选举|换届)$"
    r"|(?:第[一二三四五六七八九十\d]{1,3}[次轮批]|新一轮|首批)[^,;。]*(?:普查|调查|试点)$"
    r"|[^,;。]*整[省市县区]试点$"
)
# 加快 before the verb is effort, not a deliverable (加快创建…区域科技创新中心, 加快打通…“断头路”):
# no lead of a milestone; 高水平 is how an event is held (高水平承办夏季达沃斯论坛)
MILESTONE_START = re.compile(
    r"^(?P<lead>(?:积极|着力|全力|尽快|确保|力争|争取|推动|年内|全面|高标准|高质量|高水平|如期|按期|"
    r"尽早|在年内|今年|依法|有序|基本(?=建成|完成))*)"  # (基本建成…“一张图”: done in essence)
    r"(?P<verb>建成投入使用|建成投用|建成|投入使用|投用|投运|启动|开通|打通|完成|开工建设|开工"
    rf"|(?:办好|举办|承办|召开)(?=.*(?:{EVENT})”?(?:等[^、]{{0,10}})?$)|服务保障|创建|制定|建立|搭建"
    rf"|开展(?={_HELD})"
    rf"|(?:出台|编制好?)(?=.*{_PLAN})|组建(?:并?运营|成立)?(?=.*{_BODY}))(?P<object>.{{2,90}})$"
)
# (…等项目开工建设: the projects a start of construction this year names, as 建成 does)
MILESTONE_END = re.compile(
    r"^(?P<lead>(?:积极|着力|全力|尽快|确保|力争|争取|推动|加快|年内|全面|实现)*)(?P<object>.{2,90}?)"
    r"(?P<verb>落地|落户\S{0,4}|完工|投入使用|投用|竣工|建成投运|投运|建成投产|投产|通车|通航|开馆|开园"
    # (实现官路水库蓄水, …输水工程建成通水: a reservoir filled, a canal's first water)
    r"|建成通水|通水|下闸蓄水|蓄水"
    r"|开工建设|开工"
    # a body opened this year (…农商联合银行挂牌运营, …研究所挂牌成立, 首家…免税店开业)
    r"|挂牌(?:运营|运行|成立)|揭牌(?:运营|运行|成立)?|开业(?:运营)?|成立运行"
    # a port opened (推动铜仁凤凰机场航空口岸正式开放): 开放 after a port, or 正式开放; never
    # opening up at large (扩大高水平对外开放, 推进制度型开放)
    r"|(?:(?<=口岸)|(?<=港口)|(?<=码头))(?:正式)?(?:对外)?开放|正式(?:对外)?开放"
    # 轨道交通22号线红庙至平谷段基本具备开通条件: ready to open, the year's end state
    r"|(?:基本)?具备(?:开通|通车|运营|投用|投运|投产)条件)$"
)
# an event named by its kind alone (办好特色活动, 举办系列活动): which one, the report does not say
_UNNAMED_EVENT = re.compile(
    r"好?(?:特色|品牌|主题|重大|重要|系列|各类|各项|群众性?|文体|文化|体育|节庆|宣传|交流|促消费|消费)+"
    r"(?:活动|赛事|会议|展会|节庆活动)"
)
# an object this long is a list of deliverables, or no milestone's (a cap of 45 characters
# without 、, of 40 before an end verb)
_LONG = 45
OPEN_ENDED = re.compile(
    r"(制度|机制|体系|格局|模式|规则|理念|意识|氛围|水平|能力|作用|环境|长效|常态化|政策|办法)"
)
# a state kept up or a shift, no end the year reaches (服务保障中央政务功能布局持续优化, 服务保障
# 国家金融管理中心功能, 创建文明城市向建设城市文明转变, 招引项目和企业加快落地), and what 推进
# works towards short of a facility's completion (推进北护城河至北运河全线通航)
_NO_END = re.compile(r"持续|不断|逐步|功能$|转变$|转型$|(?:加快|加速|按时|如期|有序)$")


def no_end(obj: str, verb: str, lead: str = "") -> bool:
    """Whether a milestone's object and verb name no end state within the year (`lead`, the
    words before the object: 加快 is effort, as 推进 is — 加快科技成果转化落地)."""
    ongoing = (obj.startswith(("推进", "加快推进")) or "加快" in lead) and not (
        ONGOING_DELIVERED.search(verb) or verb.startswith("开工")
    )  # (推进沈阳桃仙国际机场二跑道、…等项目开工建设, 加快…建成投产: the end is this year's)
    return bool(_NO_END.search(obj) or ongoing)


# a thing named by its kind alone (公共平台, 服务平台): which one, the report does not say
_GENERIC = re.compile(r"(?:公共|服务|综合|共享|交流|合作|公共服务)?(?:平台|载体|渠道)")
TENTATIVE = re.compile(r"^(探索|研究|谋划|争创|配合|参与)")
FACILITY = re.compile(
    r"(中心|基地|平台|园区|园|馆|院|库|站|厂|港|通道|项目|工程|学校|医院|二期|一期|三期|会议|节|展|区"
    r"|铁路|公路|机场|大桥|线|赛|运动会|论坛|博览会"
    # (events: 世界杯, 省运会, 辽洽会, 全球工业互联网大会; projects: 3号机组, 高铁, 高速, 段,
    # 二跑道, 改扩建, 炼化一体化; bodies: 省外贸集团)
    r"|杯|会|机组|高铁|高速|段|跑道|改扩建|一体化|集团)[）)]?$"
)


def process_tail(parse: str, end: int, object_end: int) -> bool:
    """Whether what `split_objects` cut from a one-deliverable object is the work itself
    (启动南站实验学校等项目建设: 等项目建设) or the projects they are (建成投产大湾、盘南等煤电
    项目: 等煤电项目, the kind the names alone do not say), not a kind of the things listed
    (…等品牌活动)."""
    tail = parse[end:object_end]
    return tail.startswith("等") and re.search(r"(?:建设|改造|修缮|工程|项目)$", tail) is not None


# the kind of facility a list's 等 closes on (开工周至至乾县、改扩建西安至永寿等高速公路, 开工大村至
# 遵义、纳雍至六盘水等铁路): each item is one, named by its route, not a facility word of its own
_KIND = re.compile(
    r"等[^、“”]{0,6}?(高速公路|铁路|高铁|公路|输变电工程|输电工程|水利工程|航道|机场|水库|电站)$"
)


def listed_kind(text: str) -> str:
    """The facility a milestone's list of routes names after its 等 (`_KIND`), or ""."""
    found = _KIND.search(text)
    return found.group(1) if found else ""


def split_objects(parse: str, start: int, end: int) -> list[tuple[int, int]]:
    """The deliverables of a milestone's object: split at 、 (outside quotes), at 和 when both
    sides name a facility, and without the trailing 等…活动."""
    text, whole = parse[start:end], end
    kind = listed_kind(text)
    tail = re.search(r"等[^、“”]{0,12}$", text)
    if tail:
        end = start + tail.start()
        text = parse[start:end]
    bounds = [-1, *listing_marks(text), len(text)]
    pieces = [(start + a + 1, start + b) for a, b in pairwise(bounds)]
    facilities = sum(1 for s, e in pieces if FACILITY.search(parse[s:e]))
    # (建成雄商、济滨高铁: a name of 3 characters or fewer before the last shares its noun)
    shared_noun = any(e - s <= 3 and not FACILITY.search(parse[s:e]) for s, e in pieces[:-1])
    if len(pieces) > 1 and not kind and (2 * facilities < len(pieces) or shared_noun):
        # 时空信息、具身智能、地球科学等国家技术创新中心: fields of one kind, not deliverables;
        # the kind after 等 is what is delivered, kept.
        pieces = [(start, whole)]
    out: list[tuple[int, int]] = []
    for s, e in pieces:
        piece = parse[s:e]
        split = piece.find("和")
        if split > 0 and FACILITY.search(piece[:split]) and FACILITY.search(piece):
            out.extend([(s, s + split), (s + split + 1, e)])
        else:
            out.append((s, e))
    return [(s, e) for s, e in out if e - s >= 2]


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


def milestones(reader: WorkReader, section: WorkSection, clause: Clause) -> None:
    """The milestones a clause states, a target each."""
    parse, text = reader.parse, clause.text
    if TENTATIVE.match(text) or (re.search(r"\d", text) and QUANTITY.search(text)):
        return
    start = MILESTONE_START.match(text)
    end = None if start else MILESTONE_END.match(text)
    match = start or end
    if match is None:
        return
    obj = match.group("object")
    if OPEN_ENDED.search(obj) or obj.startswith(("健全", "完善")) or len(obj) < 3:
        return
    if no_end(obj, match.group("verb"), match.group("lead") or ""):
        return
    if re.search(r"^(各类|各级|一批|相关|有关|平台|载体|渠道|今年|全年|各项)|目标任务$", obj):
        return
    if _UNNAMED_EVENT.fullmatch(obj):
        return  # 办好特色活动: a sub-heading's words, no event named
    if re.search(r"更多|一批|若干(?!措施$)|一系列|堵点|卡点|壁垒|痛点|难点", obj):
        return  # 创建更多5A级旅游景区, 打通…堵点卡点: no end a report defines
    if (len(obj) > _LONG and "、" not in obj) or _GENERIC.fullmatch(obj):
        return  # (搭建公共平台, of 发挥链主企业…作用…搭建公共平台: names no platform)
    verb = match.group("verb")
    if end and verb.startswith("开工") and obj.startswith("推进"):
        obj = obj[2:]  # 推进…等项目开工建设: the projects, not the effort
    lead = match.group("lead") or ""
    obj_start = clause.start + match.start("object")
    obj_end = clause.start + match.end("object")
    if end and obj_start < clause.start + match.end("object") - len(obj):
        obj_start = clause.start + match.end("object") - len(obj)
    items = split_objects(parse, obj_start, obj_end)
    # a list kept whole (办好国际乒联混合团体世界杯、…、第十五届省运会 before its events were
    # known as such): one milestone for several deliverables, flagged; a start of construction
    # of a list of funds or programmes (推动“两重”、中央预算内投资…等项目按时开工建设) is none
    whole_list = len(items) == 1 and bool(listing_marks(parse[obj_start:obj_end]))
    if whole_list and verb.startswith("开工"):
        return
    for index, (s, e) in enumerate(items):
        work: str | None = ""
        if start:
            # 办好慕尼黑啤酒节、第十二届…联展: the first with its verb, the others alone.
            q_start = clause.start if index == 0 else s
            q_end = e
            whole = len(items) == 1 and process_tail(parse, e, obj_end)
            name = f"{verb}{parse[s : obj_end if whole else e]}"
            kind = listed_kind(parse[obj_start:obj_end]) if len(items) > 1 else ""
            name = name if not kind or name.endswith(kind) else name + kind
            work = work_before(parse, clause.start) if STAGE_ONLY.fullmatch(obj) else ""
            name = f"{work}{name}" if work else name  # …文物修缮工程完成竣工初验
            name = thing_of_work(parse, clause.start, name)  # 启动整体改造项目: of what
        else:
            # 确保宝丰…二期、星海…二期完工: the first with the whole clause, others to its end.
            q_start = clause.start if index == 0 else s
            q_end = clause.end
            name = f"{parse[s:e]}{verb}"
        key = re.sub(r"^好|[“”\"'（）()]", "", parse[s:e])
        if key in reader._seen_names:
            continue
        reader._seen_names.add(key)
        target = reader._new(section, name, "milestone", "%", Clause(q_start, q_end, ""))
        target.due = str(reader.layout.year)
        if re.search(r"争取|力争|尽快", lead + text[:4]):
            target.notes.append(
                _("worded as 争取/力争/尽快: an aspiration with a clear end, kept as a milestone")
            )
        if len(items) > 1:
            target.review.append(_("one clause, several deliverables: check the split"))
        elif whole_list and not re.search(r"等[^、“”]{0,12}$", parse[obj_start:obj_end]):
            target.review.append(
                _("a list kept as one milestone: split it where its items are done apart")
            )
        if work is None:  # 完成竣工初验: of what, the report says elsewhere
            target.review.append(_("the name says a stage, not the work: complete it"))
