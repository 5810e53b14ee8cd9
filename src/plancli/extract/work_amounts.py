"""What a work target's figure is of: the unit of the amount a growth grows (粮食单产增长2%:
公斤/亩, never 亿元 unless the name says money), a running total's stock (累计达8000处: a
cumulative whose `opening` the user sets), a listed series' thing, a ratio's name and an amount
stated as a size or a standard (`work.WorkReader` asks them)."""

from __future__ import annotations

import re
from decimal import Decimal

from plancli.extract.draft import DraftTarget
from plancli.extract.numerals import HALF
from plancli.extract.work_forms import LEAD, NUM, UNIT, VERB
from plancli.i18n import N_, _

# the name's word and the unit of its amount, first match wins: money before counts (工业企业利润
# is 亿元, 科技型中小企业数量 家)
_AMOUNT_UNITS = (
    (r"游客|人次", "万人次"),
    (
        r"投资|投入|经费|花费|收入|营收|增加值|产值|总值|消费|零售|销售|进出口|出口|进口|外贸|贸易|利润|税|额|"
        r"支出|经济|生产总值|GDP",
        "亿元",
    ),
    (r"单产", "公斤/亩"),
    (r"电量", "亿千瓦时"),
    (r"产量|出栏", "万吨"),
    (r"企业|主体|户数", "家"),
    (r"项目数|个数|数量", "个"),
)


def growth_unit(name: str) -> tuple[str, list[str]]:
    """The unit of the amount a work growth named `name` grows, with a review when the name
    says none (高新技术增长: "" — no amount unit rather than a wrong one)."""
    for words, unit in _AMOUNT_UNITS:
        if re.search(words, name):
            return unit, []
    return "", [_("the amount this growth is of has no unit in the text: set `unit` (or leave it)")]


def shared_head(subject: str, last: str) -> str:
    """A listed series that names no thing of its own, before the last one's (高新技术、科技型
    中小企业数量增长10%以上: 高新技术企业数量, the last one's head from its thing's word on)."""
    if growth_unit(subject)[0]:
        return subject
    for words, _unit in _AMOUNT_UNITS:
        found = re.search(words, last)
        if found:
            return subject + last[found.start() :]
    return subject


def ratio_name(prefix: str) -> str:
    """The name of a ratio to a standard from the words before its figure: 特困人员基本生活保障
    标准不低于当地最低生活保障标准的(1.6倍) → 特困人员基本生活保障标准与当地最低生活保障标准
    之比 ("" where no bound word parts the two)."""
    parts = re.fullmatch(r"(.+?)(?:不低于|不少于|不高于|不超过|达到?|保持在?|为)(.+)的", prefix)
    if not parts:
        return ""
    subject = re.sub(r"^(?:要|确保|力争|推动|推进)+", "", parts.group(1))
    return f"{subject}与{parts.group(2)}之比"


def capacity_subject(before: str) -> str:
    """Whose capacity a list's piece names without a subject (力争黄蒿界等6处煤矿、产能1400万吨/年
    建成试运转: 黄蒿界等煤矿, the things the piece before counts); "" where it counts none."""
    counted = re.search(
        r"([\u4e00-\u9fff]{1,8}等)?\d+(?:处|座|个|家|台|套)([\u4e00-\u9fff]{1,8})$", before
    )
    if counted is None:
        return ""
    examples = re.sub(r"^(?:力争|确保|争取|加快|推动|推进)+", "", counted.group(1) or "")
    return examples + counted.group(2)


# the end state a list's last piece gives after its own figure (…、产能1400万吨/年建成试运转)
_ENDS = r"(?:建成)?(?:试运转|试运行|投产|投运|投用|并网|通车)|建成|竣工|完工|投入使用|开工建设|开工"
_END_STATE = re.compile(rf"^(?:/年)?(?P<end>{_ENDS})$")


def shared_end(texts: list[str], at: int, name: str) -> str:
    """The end state the last piece of a list says for the count of the piece at `at` too, when
    that piece names its things after its figure and no verb after them (力争黄蒿界等6处煤矿、
    产能1400万吨/年建成试运转: the mines 建成试运转, as the sentence says); "" where it does not,
    or the name says it already."""
    if at >= len(texts) - 1:
        return ""
    own = re.search(
        r"\d+(?:\.\d+)?(?:处|座|个|家|台|套|条|所|项)([\u4e00-\u9fff]{2,12})$", texts[at]
    )
    last = re.search(r"\d+(?:\.\d+)?[^\d]*$", texts[-1])
    if own is None or last is None or any(not re.search(r"\d", t) for t in texts[at:]):
        return ""
    tail = re.sub(
        r"^\d+(?:\.\d+)?(?:万|亿)?(?:千瓦|吨|元|亩|标准煤|立方米|平方米|公里|个|座|处)?",
        "",
        last.group(),
    )
    found = _END_STATE.match(tail)
    before = re.sub(r"^(?:力争|确保|争取|加快|推动|推进)+", "", texts[at][: own.start()])
    if (
        found is None
        or VERB.search(before + own.group(1))  # (新建3座电厂、…: work of its own)
        or re.search(rf"(?:{_ENDS})$", own.group(1))  # (…电厂并网、…: an end of its own)
        or name.endswith(found.group("end"))
    ):
        return ""
    return found.group("end")


def set_unit(after: str) -> str:
    """The unit of a named set's count (打造十大群众赛事, 培育六大未来产业) from what `after` the
    大 names: events are counted in 项, as reports count them (北京's 198项精品赛事; the 个
    drafted before was no unit an analyst would record 十大群众赛事 in), chains in 条, anything
    else in 个: the events or chain word must end the set's noun (十大消费活动品牌 are brands,
    三大活动周 weeks)."""
    if re.match(r"[^,;。、“”]{0,10}?(?:赛事|活动)(?![\u4e00-\u9fff])", after):
        return "项"
    # a chain is counted in 条, as the reports count chains (山东 19条标志性产业链, 河南 18条乡村
    # 富民产业链, 福建 164条县域重点产业链): 做强十大重点农业产业链 is ten 条, not ten 个
    return "条" if re.match(r"[^,;。、“”]{0,10}?产业链(?![\u4e00-\u9fff])", after) else "个"


def sized(prefix: str, after: str) -> bool:
    """Whether an amount is stated as what it is of, without a verb of delivery: a fund set up
    with its size (设立10亿元绿色发展纵向补偿基金) or a subsidy's standard (录取到本科院校的一次性
    补助1万元)."""
    fund = prefix.endswith("设立") and re.match(r"[^,;。]{0,16}基金", after)
    return bool(fund or re.search(r"(?:补助|补贴)(?:标准)?$", prefix))


def running_total(text: str, kind: str, unit: str) -> tuple[str, list[str]]:
    """累计达8000处: a stock the year's work adds to, so a cumulative the review asks the stock
    at the year's start (`opening`) of — never a level, which `opening` is refused on; a 累计
    rate or growth is left as read, flagged."""
    if not re.search(r"累计", text):
        return kind, []
    if kind in ("level", "cumulative") and unit != "%":
        stock = _("累计: a stock; set `opening` to the stock at the start of the year")
        return "cumulative", [stock]
    total = _("累计: a running total over more than this year: check the figure is the year's")
    return kind, [total]


# an economy's or an industry's size (河南 数字经济规模2.5万亿元, 产业规模突破2000亿元): the
# year's level, stated once a year, not a sum the months add up (新增社会融资规模 is a flow)
_SIZE = re.compile(r"(?:经济|产业)规模$")
_MONEY = ("亿元", "万亿元", "万元", "元")
PER_STUDENT_RISE_REVIEW = N_(
    "“{clause}” raises a level per student by {value}{unit} over last year's, which the report "
    "does not state: pending until it is known, then `plancli amend {id} --from PERIOD --min X` "
    "(X: last year's level + {value})"
)


def settle(target: DraftTarget, text: str, low: Decimal) -> None:
    """A work target's last readings from its clause (docs/extract.md, session 40): 力争's note;
    突破N is above N (`exclusive`); a fall in 百分点 (降低0.5个百分点) a change of −0.5 at most; a
    size (数字经济规模) or a spending per student (生均经费) a level, not a year-to-date sum — and
    生均经费增加1000元, a rise of a level whose base the report leaves unsaid, pending."""
    half = f"|{HALF}" if low == Decimal("0.5") else ""  # (降低半个百分点: 0.5 written 半)
    figure = rf"\s*(?:{re.escape(format(low, 'f'))}(?![\d.]){half})"
    if re.search(r"力争|争取", text):
        target.notes.append(_("worded as 力争/争取: an aspiration, kept with the report's figure"))
    if target.min == low and target.max is None and re.search(rf"突破{figure}", text):
        target.exclusive = True  # 突破1亿千瓦: beyond 1, not 1 itself
    if target.kind == "change" and re.search(rf"(?:下降|降低|减少|削减|回落){figure}", text):
        target.min, target.max = target.max, target.min  # (bounds of the fall, negated)
        for bound in ("min", "max", "around"):
            value = getattr(target, bound)
            setattr(target, bound, None if value is None else -value)
    name, new = target.name, re.search(r"新增|新建", text)
    if target.kind == "cumulative" and not new and target.unit in _MONEY:
        if _SIZE.search(name) or "生均" in name:
            target.kind, target.frequency = "level", "annual"
        rise = re.search(rf"(?:增加|提高|提升|上调){figure}", text)
        if "生均" in name and rise:
            target.name = re.sub(r"(?:增加|提高|提升|上调)$", "", name)
            target.min = target.max = target.around = None
            target.pending = True
            target.review.append(
                _(PER_STUDENT_RISE_REVIEW).format(
                    clause=text, value=format(low, "f"), unit=target.unit, id=target.id
                )
            )


# 技术合同成交额2000亿元以上，力争2500亿元: a floor, then a higher aim in the clause after it,
# the aim's figure alone (力争 and the same unit); a bound word may end the floor's subject
_AIM = re.compile(rf"(?:力争|争取)(?:达到|实现)?\s*({NUM})\s*({UNIT})(?:以上)?")
_FLOOR = re.compile(
    rf"(?P<subject>[^\d]*?)(?P<bound>达到|超过|突破|不低于|不少于)?\s*"
    rf"(?P<n>{NUM})\s*(?P<unit>{UNIT})(?:以上)?"
)


def higher_aims(
    parse: str, targets: list[DraftTarget], headline: list[DraftTarget]
) -> list[DraftTarget]:
    """The work targets with a floor's higher aim read as its `stretch` (技术合同成交额2000亿元
    以上，力争2500亿元: `min = 2000`, `stretch = 2500`, one target quoting both clauses), as the
    headline drafts 增长7%以上，力争8% (docs/forms.md): the aim's clause drafted a target of its
    own, named 力争2500亿元, beside the floor's (or alone, where the floor says no verb)."""
    from plancli.extract.builder import STRETCH_NOTE
    from plancli.extract.vocabulary import share

    kept: list[DraftTarget] = []
    for target in targets:
        found = _floor_before(parse, target)
        if found is None or target.min is None:
            kept.append(target)
            continue
        start, floor = found
        clause = parse[target.start : target.end].strip()
        note = _(STRETCH_NOTE).format(clause=clause, aim=target.min)
        stated = kept[-1] if kept else None
        if (
            stated is not None
            and start <= stated.start
            and stated.end <= target.start
            and (stated.min, stated.unit) == (Decimal(floor["n"]), target.unit)
            and stated.stretch is None
            and stated.max is None
        ):
            stated.stretch, stated.end = target.min, target.end
            stated.notes.append(note)
            continue
        target.name = LEAD.sub("", floor["subject"]) or target.name
        target.start, target.stretch, target.min = start, target.min, Decimal(floor["n"])
        target.exclusive, target.notes = floor["bound"] == "突破", [note]
        share(target, {t.id for t in (*headline, *targets) if t is not target})
        kept.append(target)
    return kept


def _floor_before(parse: str, target: DraftTarget) -> tuple[int, re.Match[str]] | None:
    """Where the floor's clause before a 力争 target starts, and its reading; None where the
    target is no such aim or the clause before it no lower floor in its unit."""
    clause = parse[target.start : target.end].strip()
    aim = _AIM.fullmatch(clause)
    if aim is None or target.kind == "milestone" or target.min != Decimal(aim[1]):
        return None
    if target.max is not None or target.around is not None or target.stretch is not None:
        return None
    comma = re.search(r"[,，、]\s*$", parse[max(0, target.start - 80) : target.start])
    if comma is None:
        return None
    end = target.start - len(comma.group())
    start = max(parse.rfind(mark, 0, end) for mark in ",，;；。:：\n") + 1
    start += len(parse[start:end]) - len(parse[start:end].lstrip(" \t　、—"))
    floor = _FLOOR.fullmatch(parse, start, end)
    if floor is None or floor["unit"] != aim[2] or Decimal(floor["n"]) >= target.min:
        return None
    return start, floor
