"""Work targets of this year's work sections: quantities promised ("新建5G基站310个",
"新增城镇就业2.3万人以上", "装灯率达100%") and firm milestones ("宝丰半岛湿地二期完工").

A quantity is a target when its clause says what will be done (a verb of delivery), speaks of
this year (no other year, no 累计/同比/上年 figure of the past) and is not a headline target
repeated. A milestone is a named deliverable with an end state (建成, 投用, 完工, 启动, 开通,
打通, 完成, 办好, 创建, 制定, 建立, 搭建, 落地, 落户…), not open-ended effort (推进, 加强…) and
not an institution whose "done" a report cannot define (建立…机制/制度/体系).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from plancli.extract.draft import DraftTarget
from plancli.extract.numerals import chinese_integer
from plancli.extract.sections import Layout, WorkSection
from plancli.extract.vocabulary import lookup
from plancli.i18n import _

NUM = r"\d+(?:\.\d+)?"
UNIT = (
    r"个百分点|%|万平方米|平方米|平方公里|公顷|万亩|亩|万公里|公里|千米|"
    r"亿千瓦时|万千瓦时|千瓦时|亿千瓦|万千瓦|千瓦|亿立方米|万立方米|立方米|亿吨|万吨|吨|万亿元|亿元|万元|"
    r"亿斤|万人次|人次|万人|万名|名|人(?!制|论坛)|万户|户|万套|套|万个|个(?!月|小时|工作日)|万家|家|项|"
    r"条|所|座|件|万台|台|万辆|辆|万场次|场次|万场|场|处|万张|张|间|栋|幢|批|支|艘|列|座|站|株|万株|棵|"
    r"部|万头|头|门|例|万宗|宗|万期|期|万标箱|标箱|亿方|万方|万项|[EP][Ff][Ll][Oo][Pp][Ss]"
)
_QUANTITY = re.compile(
    rf"(?<![A-Za-z0-9.\-/第号])({NUM})(?:\s*[-—~至到]\s*({NUM}))?\s*(?:多|余)?({UNIT})"
    r"(?:[（(][\u4e00-\u9fff]{1,2}[）)])?(以上|左右|以内|以下)?"  # 1万台（套）以上
)
_CN_QUANTITY = re.compile(
    r"(?<![一二两三四五六七八九十百千第])([二两三四五六七八九十][十百千]?[一二三四五六七八九]?)(个|件|项|条|所|座|家)"
)
_HEADING = re.compile(r"\s*[（(][一二三四五六七八九十]{1,3}[）)]")
_COUNTER = re.compile(r"个|项|家|所|条|座|件|台|处|场|批|部|名")  # units that count things
_SCHEDULE = re.compile(r"第[一二三四五]年")
_CN_VERB = re.compile(r"(完成|建成|新建|新增|打造|培育|引进|办好|举办|办成)[“]?$")
_CLAUSE_END = re.compile(r"[,;。:\n]")
# (and the five-year outline's own content: 《纲要（草案）》安排了18个领域的重点任务)
_PAST = re.compile(
    r"已经|已|累计达|同比|比上年|较上年|上年|去年|年均|十四五|十五五|五年来|过去|纲要"
)
_OTHER_YEAR = re.compile(r"(20\d\d)年")
_PAST_OPENING = re.compile(r"\s*(?:去年|上年|过去一年|(?:初步)?预计|据初步(?:统计|测算))")
_PAST_NEXT = re.compile(r"\s*[,，]\s*(?:比上年|较上年|同比|比去年)")
_ONGOING = re.compile(
    r"^(?:继续|持续|全力|有序|稳步)?(?:推进|推动|加快推进|加快建设|加快)"
    r"|^滚动(?:实施|推进|建设)"  # a rolling programme: 滚动实施1500个以上省重点技改项目
)
_VERB = re.compile(
    r"新建|新增|建成|建设|完成|实施|打造|引进|培育|启动|打通|改造|开展|推进|认定|达到|达|保持|控制|"
    r"突破|超过|举办|办好|开工|竣工|投产|扩建|提升|提高|增加|减少|降低|下降|培训|帮扶|吸引|接待|发放|"
    r"安排|支持|招引|签约|解决|治理|整治|修复|造林|种植|筹集|供应|创建|布局|开通|增长|减量|拆除|疏解|"
    r"实现|形成|引育|培养|提供|上线|入驻|储备|盘活|收储|腾退|改建|铺设|安装|更新|绿化|清零|新开|服务|"
    r"带动|吸纳|转移|稳定在|减负|续贷|融资|投放|招聘|认证|评选|选树|转化|完善|提质|整合|覆盖|新认定|"
    r"组织|扩招|开放|抓好|落地|入库|升规|选派|做强|做优|不少于|不低于|新[（(]改[）)]建|出栏|"
    r"提速|壮大|集聚|救助|组建|交付|开行|推介|取得|选送|开发(?!区)|适配|进行|纳入|开设|转移"
)
_LEAD = re.compile(
    r"^(?:要|并|同时|其中|全年|年内|今年|力争|确保|争取|积极|着力|全力|尽快|加快|持续|进一步|大力|"
    r"高标准|高质量|继续|努力|切实|全面|稳步|有序|扎实|深入|推动|推进)+"
)

_MILESTONE_START = re.compile(
    r"^(?P<lead>(?:积极|着力|全力|尽快|确保|力争|争取|推动|加快|年内|全面|高标准|高质量|如期|按期|"
    r"尽早|在年内|今年)*)"
    r"(?P<verb>建成投入使用|建成投用|建成|投入使用|投用|启动|开通|打通|完成|办好|服务保障|创建|制定|建立"
    r"|搭建)(?P<object>.{2,45})$"
)
_MILESTONE_END = re.compile(
    r"^(?P<lead>(?:积极|着力|全力|尽快|确保|力争|争取|推动|加快|年内|全面)*)(?P<object>.{2,40}?)"
    r"(?P<verb>落地|落户\S{0,4}|完工|投入使用|投用|竣工|建成投运|投运|建成投产|投产|通车|通航|开馆|开园)$"
)
_OPEN_ENDED = re.compile(
    r"(制度|机制|体系|格局|模式|规则|理念|意识|氛围|水平|能力|作用|环境|长效|常态化|政策|办法)"
)
_TENTATIVE = re.compile(r"^(探索|研究|谋划|争创|配合|参与)")
_FACILITY = re.compile(
    r"(中心|基地|平台|园区|园|馆|院|库|站|厂|港|通道|项目|工程|学校|医院|二期|一期|三期|会议|节|展|区"
    r"|铁路|公路|机场|大桥|线|赛|运动会|论坛|博览会)$"
)


@dataclass
class _Clause:
    start: int
    end: int
    text: str


def _clauses(parse: str, start: int, end: int) -> Iterator[_Clause]:
    pos = start
    for match in [*_CLAUSE_END.finditer(parse, start, end), None]:
        stop = end if match is None else match.start()
        s, e = pos, stop
        while s < e and parse[s] in " \t　、—":
            s += 1
        while e > s and parse[e - 1].isspace():
            e -= 1
        if e - s >= 3:
            yield _Clause(s, e, parse[s:e])
        pos = stop + 1


def _split_list(clause: _Clause) -> list[_Clause]:
    """A clause split at the 、 outside quotation marks and brackets."""
    parts: list[_Clause] = []
    depth, pos = 0, clause.start
    for index, ch in enumerate(clause.text):
        if ch in "“《(（":
            depth += 1
        elif ch in "”》)）":
            depth = max(0, depth - 1)
        elif ch == "、" and depth == 0:
            parts.append(
                _Clause(pos, clause.start + index, clause.text[pos - clause.start : index])
            )
            pos = clause.start + index + 1
    parts.append(_Clause(pos, clause.end, clause.text[pos - clause.start :]))
    return [p for p in parts if p.text.strip()]


class WorkReader:
    """Reads the work sections into quantified targets and milestones."""

    def __init__(self, parse: str, layout: Layout, headline: list[DraftTarget]) -> None:
        self.parse, self.layout, self.headline = parse, layout, headline
        self.targets: list[DraftTarget] = []
        self._seen_names: set[str] = set()
        self._counts: dict[str, int] = {}

    def read(self) -> list[DraftTarget]:
        skip = self.layout.headline_paragraph
        for section in self.layout.work_sections:
            start, end = section.start, section.end
            if skip is not None and start < skip.end and skip.start < end:
                # The 主要预期目标 paragraph sits inside a work part: read around it.
                for s, e in ((start, skip.start), (skip.end, end)):
                    if e > s:
                        self._section(section, s, e)
            else:
                self._section(section, start, end)
        return self.targets

    def _section(self, section: WorkSection, start: int, end: int) -> None:
        heading_end = start
        heading = _HEADING.match(self.parse, start, end)
        if heading:
            # "（一）构建现代化产业体系，实施产业“三项工程”": a title, not a promise.
            stop = self.parse.find("。", start, end)
            line_end = self.parse.find("\n", start, end)
            heading_end = min(x for x in (stop, line_end, end) if x >= 0)
        for clause in _clauses(self.parse, start, end):
            if clause.end <= heading_end or self._past(clause.text):
                continue
            if self._past_sentence(clause.start, clause.end):
                continue
            if _SCHEDULE.search(clause.text):
                continue
            if not self._quantities(section, clause):
                self._milestones(section, clause)
        self._schedules(section, start, end)
        self._zero(section, start, end)

    def _schedules(self, section: WorkSection, start: int, end: int) -> None:
        """ "第一年完成70%，第二年完成90%，第三年完成100%": one level target, the last figure;
        which year of the schedule this plan year is, the report does not say."""
        text = self.parse[start:end]
        for match in re.finditer(
            rf"[^,;。:\n“]*第[一二三四五]年[^,;。\n]*?({NUM})%(?:[,;][^,;。\n]*?第[一二三四五]年"
            rf"[^,;。\n]*?({NUM})%)+",
            text,
        ):
            last = re.findall(rf"第[一二三四五]年[^,;。\n]*?({NUM})%", match.group(0))[-1]
            where = _Clause(start + match.start(), start + match.end(), match.group(0))
            name = re.sub(r"第[一二三四五]年.*$", "", match.group(0)).strip("“ ") or "任务完成率"
            target = self._new(section, f"{name}完成率", "level", "%", where)
            target.min = Decimal(last)
            target.review.append(
                _("a schedule over several years: which year is the plan year? the last is taken")
            )

    def _zero(self, section: WorkSection, start: int, end: int) -> None:
        """ "保持“零就业家庭”动态清零", "力争实现存量隐性债务清零": a ceiling of 0, held all
        year or reached; not an effort towards it (推进高风险机构动态清零)."""
        for match in re.finditer(
            r"(保持|实现)?(“)?((?:(?!保持|实现)[^,;。:\n“”、]){2,12}?)”?(动态)?清零",
            self.parse[start:end],
        ):
            verb, _quoted, name, held = match.groups()
            before = self.parse[max(start, start + match.start() - 8) : start + match.start()]
            if (
                not (verb or held)
                or (verb == "保持" and not held)
                or re.search(r"推进|推动|加快", before + name)
            ):
                continue
            where = _Clause(start + match.start(), start + match.end(), match.group(0))
            label = f"“{name}”动态清零" if held else f"{name}清零"
            target = self._new(section, label, "level", "户" if "家庭" in name else "个", where)
            target.max = Decimal(0)

    def _past_sentence(self, start: int, end: int) -> bool:
        """A result of last year's told in its sentence: the sentence opens with 去年 or last
        year's number (去年，全市…收入达到2540亿元), or names another year before the clause, or
        the next clause compares with it (…完成5273亿元，比上年增长9.2%)."""
        opening = max(self.parse.rfind("。", 0, start), self.parse.rfind("\n", 0, start)) + 1
        if re.match(r"\s*其中", self.parse[opening:start]) and opening > 1:
            # 其中：一产业增加值12.8亿元…: the breakdown of the sentence before (an estimate)
            before = max(
                self.parse.rfind("。", 0, opening - 1), self.parse.rfind("\n", 0, opening - 1)
            )
            if _PAST_OPENING.match(self.parse, before + 1):
                return True
        if _PAST_OPENING.match(self.parse, opening) or re.match(
            rf"\s*(?:{self.layout.year - 1})年", self.parse[opening:start]
        ):
            return True
        if any(int(y) != self.layout.year for y in _OTHER_YEAR.findall(self.parse, opening, start)):
            return True  # 提出了“2017年全省生产总值突破5万亿元，人均…突破5万元”: another year's
        return _PAST_NEXT.match(self.parse, end) is not None

    def _past(self, text: str) -> bool:
        if _PAST.search(text):
            return True
        return any(int(y) != self.layout.year for y in _OTHER_YEAR.findall(text))

    # ------------------------------------------------------------------ quantities
    def _quantities(self, section: WorkSection, clause: _Clause) -> bool:
        pieces = _split_list(clause)
        found = False
        each = re.search(rf"各\s*({NUM})\s*({UNIT})", clause.text)
        if each and len(pieces) >= 2:
            # "新认定科技型、高新技术企业各20户": one target per listed subject.
            for piece in pieces:
                name = re.sub(rf"各\s*{NUM}\s*({UNIT}).*$", "", piece.text)
                name = _LEAD.sub("", name)
                if not name:
                    continue
                if piece is not pieces[0] and pieces[0].text.startswith(("新", "引进", "培育")):
                    verb = re.match(r"^(新认定|新增|新建|引进培育|引进|培育)", pieces[0].text)
                    name = (
                        f"{verb.group(1)}{name}"
                        if verb and not name.startswith(verb.group(1))
                        else name
                    )
                self._quantity(
                    section, clause, name, Decimal(each.group(1)), None, each.group(2), None
                )
            return True
        if self._respectively(section, clause):
            return True
        arabic = [(piece, m) for piece in pieces for m in _QUANTITY.finditer(piece.text)]
        self._shared_rate(section, clause, pieces, arabic)
        for piece, match in arabic:
            if match.group(3) == "%" and not re.search(
                r"率|比|比重|占比|份额|覆盖|强度|达标|增长|增速|提高|降低|下降|减少|完成",
                clause.text,  # (完成水泥、焦化行业70%以上产能…改造: the verb before the list)
            ):
                continue
            prefix = piece.text[: match.start()]
            if prefix.count("“") > prefix.count("”"):
                continue  # “3个100”: a label inside quotation marks, not a figure
            after = piece.text[match.end() : match.end() + 1]
            if (
                match.group(4)
                and match.group(3) != "%"
                and not _COUNTER.fullmatch(match.group(3))
                and re.match(r"[\u4e00-\u9fff]", after)
            ):
                # "15万人以上街道": a size that qualifies a noun, not a promise (a count of
                # things is one: 滚动实施1500个以上省重点技改项目)
                continue
            if (
                match.group(3) != "%"
                and not _COUNTER.fullmatch(match.group(3))
                and re.match(r"[\u4e00-\u9fff]", after)
                and any(
                    later.start() > match.end() and _COUNTER.fullmatch(later.group(3))
                    for later in _QUANTITY.finditer(piece.text)
                )
            ):
                continue  # 总投资超10亿元项目50个以上: the size of what the count counts
            if prefix.endswith("等") and any(
                later.start() > match.end() for later in _QUANTITY.finditer(piece.text)
            ):
                continue  # 关岭等8个重点县建设…基地6.2万亩: whose target it is, not the target
            if re.match(r"个?(?:领域|方面|环节)", piece.text[match.end() :]):
                continue  # 抓好工业等17个领域碳达峰工作: the scope of the work, not a count of it
            # the verb before a list (新建A、B 10个), or after the list the count opens
            # (推动20个机关、企事业单位附属空间对社会开放共享)
            verb_in_list = (piece is not pieces[0] and _VERB.search(pieces[0].text)) or (
                piece is pieces[0] and len(pieces) > 1 and _VERB.search(pieces[-1].text)
            )
            has_verb = (
                _VERB.search(prefix)
                or _VERB.search(piece.text[match.end() :])
                or re.match(r"(?:确保|力争)", clause.text)  # 确保粮食播种面积1530万亩
                # a rate stated as it is (工业中战略性新兴产业占比30%以上)
                or (
                    match.group(3) == "%"
                    and re.search(r"占比|比重|比例|率$", prefix)
                    and not prefix.startswith("其中")  # (a breakdown of a figure before it)
                )
            )
            if not has_verb and not verb_in_list:
                continue
            name = _name(piece.text, match)
            low, high = Decimal(match.group(1)), match.group(2)
            target = self._quantity(
                section,
                piece,
                name,
                low,
                Decimal(high) if high else None,
                match.group(3),
                match.group(4),
                clause.text,
            )
            if target is not None:
                found = True
        if arabic:
            return found
        for piece in pieces:
            for match in _CN_QUANTITY.finditer(piece.text):
                value = chinese_integer(match.group(1))
                if value is None or value < 2:
                    continue
                before = piece.text[max(0, match.start() - 6) : match.start()]
                if not _CN_VERB.search(before):
                    continue
                name = _name(piece.text, match)
                target = self._quantity(
                    section, piece, name, Decimal(value), None, match.group(2), None
                )
                if target is not None:
                    target.review.append(
                        _("a Chinese numeral: {numeral} read as {value}").format(
                            numeral=match.group(0), value=value
                        )
                    )
                    found = True
        return found

    def _respectively(self, section: WorkSection, clause: _Clause) -> bool:
        """Subjects and figures paired by 分别 (省外游客、入境过夜游客分别增长10%、35%以上;
        …政务移动应用整合分别完成25%、50%、20%): a target each, quoting the clause; a qualifier
        written once, after the last figure, is each one's."""
        word = re.search(r"分别", clause.text)
        if word is None:
            return False
        subjects = [
            _LEAD.sub("", part).strip()
            for part in re.split(r"[、和]", clause.text[: word.start()])
            if part.strip()
        ]
        figures = list(_QUANTITY.finditer(clause.text, word.end()))
        between = [clause.text[a.end() : b.start()] for a, b in pairwise(figures)]
        if (
            len(figures) < 2
            or len(subjects) != len(figures)
            or any(gap.strip() not in ("、", "和", ",") for gap in between)
        ):
            return False
        if any(not subject or re.search(r"\d", subject) for subject in subjects):
            return False
        qualifier = figures[-1].group(4)
        rate = re.search(r"增长|增速", clause.text[word.end() : figures[0].start()])
        for subject, figure in zip(subjects, figures, strict=True):
            self._quantity(
                section,
                clause,
                f"{subject}{rate.group(0)}" if rate else subject,
                Decimal(figure.group(1)),
                None,
                figure.group(3),
                figure.group(4) or qualifier,
                clause.text,
            )
        return True

    def _shared_rate(
        self,
        section: WorkSection,
        clause: _Clause,
        pieces: list[_Clause],
        arabic: list[tuple[_Clause, re.Match[str]]],
    ) -> None:
        """Series listed before one growth rate (海洋药物和生物制品、海洋电力、海洋旅游增速保持在
        10%以上): the rate is each one's, a target each, quoting the clause (the last series
        is read with its figure as any clause is)."""
        if len(pieces) < 2 or len(arabic) != 1 or arabic[0][0] is not pieces[-1]:
            return
        last, match = arabic[0]
        rate = re.search(r"(均)?(增速|增长)", last.text[: match.start()])
        if match.group(3) != "%" or rate is None:
            return
        for piece in pieces[:-1]:
            subject = _LEAD.sub("", piece.text)
            if len(subject) > 16 or re.search(r"\d", subject):
                return
            if _VERB.search(subject) and not rate.group(1):
                return  # (均 says the rate is each one's: 接待游客人次、旅游总花费均增长8%以上)
        for piece in pieces[:-1]:
            self._quantity(
                section,
                clause,
                f"{_LEAD.sub('', piece.text)}{rate.group(2)}",
                Decimal(match.group(1)),
                None,
                "%",
                match.group(4),
            )

    def _quantity(
        self,
        section: WorkSection,
        where: _Clause,
        name: str,
        low: Decimal,
        high: Decimal | None,
        unit: str,
        qualifier: str | None,
        clause: str = "",
    ) -> DraftTarget | None:
        if self._headline_repeat(where.text, low, unit):
            return None
        text = where.text
        if unit == "个百分点":
            kind, unit = "change", "%"
        elif unit == "%":
            kind = "growth" if re.search(r"增长|增速", text) else "level"
        elif re.search(r"保持|稳定在|控制在", text) and not re.search(r"新增|新建", text):
            kind = "level"
        elif re.search(rf"达到?\s*{NUM}\s*万?(?:{_COUNTER.pattern})", text) and not re.search(
            r"新增|新建|新认定", text
        ):
            kind = "level"  # 离境退税店达到1000家: how many there are, not how many are added
        elif re.search(r"不少于|不低于", text) or (
            re.search(r"(?:装机|算力)(?:规模|容量)?$|保有量|里程$", name)
            and not re.search(r"新增|新建", text)
        ):
            # 耕地保有量不少于5028.04万亩, 电力装机规模达1.1亿千瓦, 高速公路通车里程达…: a
            # stock (an industry's 规模, its output, stays a cumulative)
            kind = "level"
        elif (_ONGOING.match(clause or text) and not text.startswith("完成")) or re.search(
            r"续建|在建", name
        ):
            # 推进…，完成投资9800亿元以上: the sum is delivered; 提速…23个续建项目: under way
            kind = "ongoing"
        else:
            kind = "cumulative"
        if kind == "growth":
            unit = "亿元"
        key = f"{name}|{low}|{unit}"
        if key in self._seen_names:
            return None
        self._seen_names.add(key)
        target = self._new(section, name or text, kind, unit, where)
        if high is not None:
            target.min, target.max = low, high
        elif qualifier == "左右":
            target.around = low
        elif qualifier in ("以内", "以下") or (
            kind == "level" and re.search(r"控制|(?:下降|降低|降)(?:至|到)", text)
        ):
            target.max = low  # (物流总费用与GDP比率下降至13.8%: a ceiling to come down to)
        else:
            target.min = low
        if re.search(r"清零", text):
            target.max, target.min = Decimal(0), None
        if kind == "ongoing":
            target.notes.append(_("ongoing work (推进/加快推进): under way, not a deliverable"))
        if re.search(r"力争|争取", text):
            target.notes.append(
                _("worded as 力争/争取: an aspiration, kept with the report's figure")
            )
        if re.search(r"累计", text):
            target.review.append(
                _("累计: a stock; set `opening` to the stock at the start of the year")
            )
        return target

    def _headline_repeat(self, text: str, value: Decimal, unit: str) -> bool:
        indicator = lookup(text)
        for target in self.headline:
            if target.figure() == value and (
                target.unit == unit or (unit == "%" and target.unit in ("%", "亿元"))
            ):
                if indicator is not None and indicator.id == target.id.split("_")[0]:
                    return True
                if target.name and target.name in text:
                    return True
                if "目标" in text:
                    return True  # 确定4.5%左右的增长目标: the headline's figure spoken of
        return False

    # ------------------------------------------------------------------ milestones
    def _milestones(self, section: WorkSection, clause: _Clause) -> None:
        text = clause.text
        if _TENTATIVE.match(text) or (re.search(r"\d", text) and _QUANTITY.search(text)):
            return
        start = _MILESTONE_START.match(text)
        end = None if start else _MILESTONE_END.match(text)
        match = start or end
        if match is None:
            return
        obj = match.group("object")
        if _OPEN_ENDED.search(obj) or obj.startswith(("健全", "完善")) or len(obj) < 3:
            return
        if re.search(r"^(各类|各级|一批|相关|有关|平台|载体|渠道|今年|全年|各项)|目标任务$", obj):
            return
        if re.search(r"更多|一批|若干|一系列|堵点|卡点|壁垒|痛点|难点", obj):
            return  # 创建更多5A级旅游景区, 打通…堵点卡点: no end a report defines
        verb = match.group("verb")
        lead = match.group("lead") or ""
        obj_start = clause.start + match.start("object")
        obj_end = clause.start + match.end("object")
        items = _split_objects(self.parse, obj_start, obj_end)
        for index, (s, e) in enumerate(items):
            if start:
                # 办好慕尼黑啤酒节、第十二届…联展: the first with its verb, the others alone.
                q_start = clause.start if index == 0 else s
                q_end = e
                name = f"{verb}{self.parse[s:e]}"
            else:
                # 确保宝丰…二期、星海…二期完工: the first with the whole clause, others to its end.
                q_start = clause.start if index == 0 else s
                q_end = clause.end
                name = f"{self.parse[s:e]}{verb}"
            key = re.sub(r"^好|[“”\"'（）()]", "", self.parse[s:e])
            if key in self._seen_names:
                continue
            self._seen_names.add(key)
            target = self._new(section, name, "milestone", "%", _Clause(q_start, q_end, ""))
            target.due = str(self.layout.year)
            if re.search(r"争取|力争|尽快", lead + text[:4]):
                target.notes.append(
                    _(
                        "worded as 争取/力争/尽快: an aspiration with a clear end, "
                        "kept as a milestone"
                    )
                )
            if len(items) > 1:
                target.review.append(_("one clause, several deliverables: check the split"))

    # ------------------------------------------------------------------ building
    def _new(
        self, section: WorkSection, name: str, kind: str, unit: str, where: _Clause
    ) -> DraftTarget:
        section_id = f"work_{section.number}"
        count = self._counts.get(section_id, 0) + 1
        self._counts[section_id] = count
        suffix = "m" if kind == "milestone" else "t"
        target = DraftTarget(
            id=f"w{section.number}_{suffix}{count:02d}",
            section=section_id,
            name=name.strip()[:60] or "工作目标",
            kind=kind,
            unit=unit,
            start=where.start,
            end=where.end,
        )
        indicator = lookup(name) if kind != "milestone" else None
        if indicator is not None and indicator.id in ("new_urban_jobs", "air_quality_good_rate"):
            target.id, target.name_en, target.shared = indicator.id, indicator.name_en, True
        self.targets.append(target)
        return target


def _name(text: str, match: re.Match[str]) -> str:
    """The target's name: its clause without the figure, the qualifier and leading adverbs."""
    name = (text[: match.start()] + text[match.end() :]).strip()
    name = re.sub(r"^(?:[^,，]*?等)?", "", name) if name.startswith("等") else name
    name = _LEAD.sub("", name)
    name = re.sub(r"(达到|达|保持在|保持|控制在|稳定在|为|突破|超过)$", "", name)
    name = re.sub(r"(?:均|都)(?=增长$|增速$)", "", name)  # 旅游总花费均增长8%以上
    name = re.sub(r"等(?=[^等]*$)", "", name) if name.endswith("等") else name
    return name.strip(" ,、") or text


def _split_objects(parse: str, start: int, end: int) -> list[tuple[int, int]]:
    """The deliverables of a milestone's object: split at 、 (outside quotes), at 和 when both
    sides name a facility, and without the trailing 等…活动."""
    text = parse[start:end]
    tail = re.search(r"等[^、“”]{0,12}$", text)
    if tail:
        end = start + tail.start()
        text = parse[start:end]
    pieces: list[tuple[int, int]] = []
    depth, pos = 0, 0
    for index, ch in enumerate(text):
        if ch in "“《(（":
            depth += 1
        elif ch in "”》)）":
            depth = max(0, depth - 1)
        elif ch == "、" and depth == 0:
            pieces.append((start + pos, start + index))
            pos = index + 1
    pieces.append((start + pos, end))
    facilities = sum(1 for s, e in pieces if _FACILITY.search(parse[s:e]))
    if len(pieces) > 1 and 2 * facilities < len(pieces):
        # 时空信息、具身智能、地球科学等国家技术创新中心: fields of one kind, not deliverables.
        pieces = [(start, end)]
    out: list[tuple[int, int]] = []
    for s, e in pieces:
        piece = parse[s:e]
        split = piece.find("和")
        if split > 0 and _FACILITY.search(piece[:split]) and _FACILITY.search(piece):
            out.extend([(s, s + split), (s + split + 1, e)])
        else:
            out.append((s, e))
    return [(s, e) for s, e in out if e - s >= 2]
