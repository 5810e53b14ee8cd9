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
from decimal import Decimal

from plancli.extract.draft import DraftTarget
from plancli.extract.numerals import change_figure, chinese_integer
from plancli.extract.schedules import schedules
from plancli.extract.sections import Layout, WorkSection
from plancli.extract.vocabulary import lookup, share
from plancli.extract.work_amounts import (
    capacity_subject,
    growth_unit,
    ratio_name,
    running_total,
    set_unit,
    settle,
    shared_end,
    shared_head,
    sized,
)
from plancli.extract.work_forms import (
    CN_QUANTITY,
    CN_VERB,
    CONDITIONS,
    HEADING,
    LEAD,
    NUM,
    PAST_NEXT,
    PAST_OPENING,
    QUANTITY,
    SCHEDULE,
    SHARED_RATE,
    UNIT,
    VERB,
    Clause,
    clauses,
    comparison,
    counted_unit,
    echoes,
    not_a_target,
    other_years,
    past_clause,
    split_list,
    work_kind,
    zero_growth_subjects,
)
from plancli.extract.work_milestones import milestones
from plancli.extract.work_names import (
    counted_name,
    respective,
    shared_work,
    target_name,
)
from plancli.extract.work_people import counted_people
from plancli.extract.work_subjects import listed_subjects
from plancli.extract.work_worded import counted_coverage, worded
from plancli.i18n import _


def key_of_list(name: str, low: Decimal) -> str:
    """The `_stated` key of a target named by a list: its whole name, never a short key."""
    return f"{name}|{low}|list"


def same_thing(one: str, other: str) -> bool:
    """Whether two names of one figure name one thing, the shorter's thing (its verb dropped)
    within the longer's: 增加学位 and 新增普通高中学位, 新建汽车充电设施 and 新建新能源汽车充电设施;
    not 新增规模以上企业 and 新增限额以上商贸企业 (陕西's 1000 家 of each, two targets)."""
    things = sorted((_THING_VERB.sub("", LEAD.sub("", n)) or n for n in (one, other)), key=len)
    return things[0] in things[1]


_THING_VERB = re.compile(rf"^(?:(?:{VERB.pattern})和?)+")


class WorkReader:
    """Reads the work sections into quantified targets and milestones."""

    def __init__(self, parse: str, layout: Layout, headline: list[DraftTarget]) -> None:
        self.parse, self.layout, self.headline = parse, layout, headline
        self.targets: list[DraftTarget] = []
        self._seen_names: set[str] = set()
        # a figure of a thing → the section first stating it, and the name it had there
        self._stated: dict[str, tuple[int, str]] = {}
        self._counts: dict[str, int] = {}
        self._conditional: dict[int, bool] = {}  # a paragraph's opening → `_conditions`

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
        heading = HEADING.match(self.parse, start, end)
        if heading:
            # "（一）构建现代化产业体系，实施产业“三项工程”": a title, not a promise.
            stop = self.parse.find("。", start, end)
            line_end = self.parse.find("\n", start, end)
            heading_end = min(x for x in (stop, line_end, end) if x >= 0)
        before: tuple[Clause, bool] | None = None
        for clause in clauses(self.parse, start, end):
            opening = max(self.parse.rfind(mark, 0, clause.start) for mark in "。\n") + 1
            past = past_clause(clause.text, self.layout.year, self.parse[opening : clause.start])
            past = past or echoes(self.parse, before, clause)
            before = (clause, past)
            if clause.end <= heading_end or past:
                continue
            if self._past_sentence(clause.start, clause.end) or self._conditions(clause.start):
                continue
            if SCHEDULE.search(clause.text) or counted_coverage(self, section, clause):
                continue  # (40家…单位实现…全覆盖: a coverage of 100 %, not 40 units)
            done = self._quantities(section, clause) or worded(self, section, clause)
            if not done and not counted_people(self, section, clause):  # (`work_people`)
                milestones(self, section, clause)
        schedules(self, section, start, end)
        self._zero(section, start, end)
        self._zero_growth(section, start, end)

    def _conditions(self, start: int) -> bool:
        """Whether the clause at `start` is in a paragraph of the reasons the year's aims can be
        met (辽宁: 我们具备…诸多有利条件。…今年，新材料…项目建成投产…。我们完全有条件…完成全年
        目标任务): what will help, not what is promised."""
        opening = self.parse.rfind("\n", 0, start) + 1
        if opening not in self._conditional:  # once a paragraph, not once a clause: one of
            closing = self.parse.find("\n", start) % (len(self.parse) + 1)  # 350,000 took 60 s
            self._conditional[opening] = CONDITIONS.search(self.parse, opening, closing) is not None
        return self._conditional[opening]

    def _zero(self, section: WorkSection, start: int, end: int) -> None:
        """ "保持“零就业家庭”动态清零", "力争实现存量隐性债务清零": a ceiling of 0, held all
        year or reached; not an effort towards it (推进高风险机构动态清零)."""
        for match in re.finditer(
            # (确保零就业家庭动态清零: 确保 is the lead, no part of the name)
            r"(?:确保|力争)?(保持|实现)?(“)?((?:(?!保持|实现|确保|力争)[^,;。:\n“”、]){2,12}?)”?"
            r"(动态)?清零",
            self.parse[start:end],
        ):
            verb, _quoted, name, held = match.groups()
            clause_start = max(
                self.parse.rfind(mark, start, start + match.start()) for mark in ",;。:\n"
            )
            before = self.parse[max(start, clause_start + 1) : start + match.start()]
            if (
                not (verb or held)
                or (verb == "保持" and not held)
                or re.search(r"推进|推动|加快", before + name)
            ):
                continue
            where = Clause(start + match.start(), start + match.end(), match.group(0))
            label = f"“{name}”动态清零" if held else f"{name}清零"
            # (存量隐性债务清零: a debt's 亿元, no count of debts)
            unit = "户" if "家庭" in name else "亿元" if "债务" in name else "个"
            target = self._new(section, label, "level", unit, where)
            target.max = Decimal(0)

    def _zero_growth(self, section: WorkSection, start: int, end: int) -> None:
        """ "出国（境）经费、车辆购置及运行费、公务接待费等支出原则上零增长": each spending's
        growth at most 0 (负增长: below it), a target each, quoting the clause."""
        for clause in clauses(self.parse, start, end):
            names, fall = zero_growth_subjects(clause, self.layout.year)
            for name in names:
                if f"{name}|0" not in self._seen_names:
                    self._seen_names.add(f"{name}|0")
                    target = self._new(section, name, "growth", "亿元", clause)
                    target.max, target.exclusive = Decimal(0), fall

    def _past_sentence(self, start: int, end: int) -> bool:
        """A result of last year's told in its sentence: the sentence opens with 去年 or last
        year's number (去年，全市…收入达到2540亿元), or is the breakdown (其中…) or the figures
        of a sentence about last year before it, or names another year before the clause, or
        the next clause compares with it (…完成5273亿元，比上年增长9.2%)."""
        opening = max(self.parse.rfind("。", 0, start), self.parse.rfind("\n", 0, start)) + 1
        before = max(self.parse.rfind("。", 0, opening - 1), self.parse.rfind("\n", 0, opening - 1))
        previous = self.parse[before + 1 : opening] if opening > 1 else ""
        if re.match(r"\s*其中", self.parse[opening:start]) and PAST_OPENING.match(previous):
            return True  # 其中：一产业增加值12.8亿元…: the breakdown of the sentence before
        if PAST_OPENING.match(self.parse, opening) or re.match(
            rf"\s*(?:{self.layout.year - 1})年", self.parse[opening:start]
        ):
            return True
        if (
            previous.endswith("。")
            and PAST_OPENING.match(previous)
            and not re.search(r"\d", previous)
            and not re.match(
                rf"\s*(?:今年|明年|{self.layout.year}年|要|将|力争|确保)", self.parse[opening:start]
            )
        ):
            # 过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%，…: the figures of
            # a summary of last year, told in the sentence after it (not 今年…, 要…)
            return True
        if other_years(self.parse, self.layout.year, opening, start):
            return True  # 提出了“2017年全省生产总值突破5万亿元，人均…突破5万元”: another year's
        # (a plan's amount against last year's: 今年拟安排…2.15万亿元，比去年增加8000亿元; 赤字率
        # 拟按2.8%安排，比去年预算高0.2个百分点 — this year's, 拟, 安排 or an opening 今年 says so)
        if re.search(r"拟|安排|^\s*今年(?!以来)", self.parse[opening:end]) or re.compile(
            r"\s*[,，]\s*比(?:去年|上年)预算"  # (at `end`, not on a copy of the rest: session 32)
        ).match(self.parse, end):
            return False
        return PAST_NEXT.match(self.parse, end) is not None

    # ------------------------------------------------------------------ quantities
    def _quantities(self, section: WorkSection, clause: Clause) -> bool:
        pieces = split_list(clause)
        found = False
        each = re.search(rf"各\s*({NUM})\s*({UNIT})", clause.text)
        if each and len(pieces) >= 2:
            # "新认定科技型、高新技术企业各20户": one target per listed subject.
            for piece in pieces:
                name = re.sub(rf"各\s*{NUM}\s*({UNIT}).*$", "", piece.text)
                name = LEAD.sub("", name)
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
        arabic = [(piece, m) for piece in pieces for m in QUANTITY.finditer(piece.text)]
        shared = self._shared_rate(section, clause, pieces, arabic)
        for piece, match in arabic:
            if not_a_target(piece.text, match, clause.text) or comparison(piece.text):
                continue
            prefix = piece.text[: match.start()]
            # a rate per head (食品抽检量超每千人6.6批次): the head in the unit, 批次/千人
            per_head = re.search(r"每([千万百])人口?$", prefix)
            if per_head:
                prefix = prefix[: per_head.start()]
            # the verb before a list (新建A、B 10个), or after the list the count opens
            # (推动20个机关、企事业单位附属空间对社会开放共享)
            verb_in_list = (
                (piece is not pieces[0] and VERB.search(pieces[0].text))
                or (piece is pieces[0] and len(pieces) > 1 and VERB.search(pieces[-1].text))
                # (…、洛阳等10个国家物流枢纽、商丘等5个…基地建设: the work the last one says)
                or shared_work(pieces, pieces.index(piece))
            )
            has_verb = (
                VERB.search(prefix)
                or VERB.search(piece.text[match.end() :])
                or re.match(r"(?:确保|力争)", clause.text)  # 确保粮食播种面积1530万亩
                # a breakdown of the count before it (…1000个“水盆子”项目，其中小型水库7座)
                or (match.group(3) != "%" and re.match(r"其中", clause.text))
                # a deficit stated as it is (财政赤字2.76万亿元, 赤字率拟按2.8%安排)
                or re.search(r"赤字(?:率)?(?:拟按|在|合计)?$", prefix)
                # an output, a size, a head count as it is (总产量1020万吨以上, 享受人数23万人以上)
                or (
                    match.group(3) != "%"
                    and re.search(
                        r"(?:产量|规模|财政支出|投资总额|目标为|人数)(?:超|达到?|突破)?$", prefix
                    )
                )
                # (设立10亿元…基金, 一次性补助1万元)
                or (match.group(3) != "%" and sized(prefix, piece.text[match.end() :]))
                # a rate stated as it is (工业中战略性新兴产业占比30%以上)
                or (
                    match.group(3) == "%"
                    and re.search(r"占比|比重|比例|率为?$", prefix)
                    and not prefix.startswith("其中")  # (a breakdown of a figure before it)
                )
            )
            if not has_verb and not verb_in_list:
                continue
            where, name = counted_name(self.parse, clause, pieces, piece, match)
            if per_head:  # (食品抽检量超每千人: 食品抽检量, the head in the unit)
                name = re.sub(r"(?:超|达到?|不低于|不少于)?每[千万百]人口?$", "", name) or name
            elif match.group(3) == "倍":
                name = ratio_name(prefix) or name
            elif name.startswith("产能") and piece is not pieces[0]:  # (whose: the piece before)
                name = capacity_subject(pieces[pieces.index(piece) - 1].text) + name
            name += shared_end([p.text for p in pieces], pieces.index(piece), name)
            if not shared:  # (…访视率、…管理率达到90%以上: each subject a target of its own)
                where, name = listed_subjects(self.parse, pieces, pieces.index(piece), where, name)
            unit = counted_unit(match.group(3), piece.text[match.end() :])
            if per_head:
                unit = f"{unit}/{per_head.group(1)}人"
            low, high = change_figure(match.group(1)), match.group(2)
            # 近2万亿元, 约8000万: about so much, as 左右 says
            about = "左右" if re.search(r"(?:约|近)$", prefix) else None
            target = self._quantity(
                section,
                where,
                name,
                low,
                Decimal(high) if high else None,
                unit,
                match.group(4) or about,
                clause.text,
            )
            if target is not None:
                found = True
        if arabic:
            return found
        for piece in pieces:
            for match in CN_QUANTITY.finditer(piece.text):
                value = chinese_integer(match.group(1))
                if value is None or value < 2:
                    continue
                before = piece.text[max(0, match.start() - 6) : match.start()]
                verb = CN_VERB.search(before)
                if not verb:
                    continue
                name = target_name(piece.text, match)
                unit = match.group(2)
                if unit == "大":  # 打造十大群众赛事: ten, named as the report names the set
                    unit = set_unit(piece.text[match.end() :])
                    name = piece.text[match.start() - len(before) + verb.start() :]
                target = self._quantity(section, piece, name, Decimal(value), None, unit, None)
                if target is not None:
                    target.review.append(
                        _("a Chinese numeral: {numeral} read as {value}").format(
                            numeral=match.group(0), value=value
                        )
                    )
                    found = True
        return found

    def _respectively(self, section: WorkSection, clause: Clause) -> bool:
        """Subjects and figures paired by 分别 (`work_names.respective`): a target each, quoting
        the clause; a qualifier written once, after the last figure, is each one's."""
        pairs = respective(clause.text)
        qualifier = pairs[-1][1].group(4) if pairs else None
        for name, figure in pairs:
            self._quantity(
                section,
                clause,
                name,
                Decimal(figure.group(1)),
                None,
                figure.group(3),
                figure.group(4) or qualifier,
                clause.text,
            )
        return bool(pairs)

    def _shared_rate(
        self,
        section: WorkSection,
        clause: Clause,
        pieces: list[Clause],
        arabic: list[tuple[Clause, re.Match[str]]],
    ) -> bool:
        """Series listed before one growth rate (海洋药物和生物制品、海洋电力、海洋旅游增速保持在
        10%以上): the rate is each one's, a target each, quoting the clause (the last series
        is read with its figure as any clause is)."""
        if len(pieces) < 2 or len(arabic) != 1 or arabic[0][0] is not pieces[-1]:
            return False
        last, match = arabic[0]
        rate = SHARED_RATE.search(last.text[: match.start()])
        subjects = [re.sub(r"^其中", "", LEAD.sub("", piece.text)) for piece in pieces[:-1]]
        if match.group(3) != "%":
            return False
        # (without a rate word, rates each named: 其中孕产妇产后访视率、0—6岁儿童健康管理率达到…)
        if rate is None and not all(subject.endswith("率") for subject in subjects):
            return False
        for subject in subjects:
            if len(subject) > 16 or re.search(r"\d", subject):
                return False
            if rate is not None and VERB.search(subject) and not (rate.group(1) or rate.group(3)):
                return (
                    False  # (均 says the rate is each one's: 接待游客人次、旅游总花费均增长8%以上)
                )
        last_subject = LEAD.sub("", last.text[: rate.start()]) if rate else ""
        for subject in subjects:
            self._quantity(
                section,
                clause,
                shared_head(subject, last_subject) + (rate.group(2) if rate else ""),
                Decimal(match.group(1)),
                None,
                "%",
                match.group(4),
            )
        return True

    def _quantity(
        self,
        section: WorkSection,
        where: Clause,
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
        kind, unit, decline = work_kind(text, name, unit, clause)
        # one commitment stated twice, in the work and in an appendix's list (新增高中学位超20万个
        # and 增加学位超20万个): the same figure of the same thing, drafted once — never two
        # rates (民间投资增长6% and 社会消费品零售总额增长6% are two)
        # (a list's name, 新建智能车间、智能工厂, is no appendix's repeat of 新培育绿色工厂200个)
        same = f"{name[-2:]}|{low}|{unit}" if "、" not in name else key_of_list(name, low)
        earlier = self._stated.get(same)
        twice = (
            earlier is not None
            and earlier[0] != section.number
            and unit != "%"
            and len(name) >= 4
            and same_thing(earlier[1], name)
        )
        unsaid: list[str] = []
        if kind == "growth":
            unit, unsaid = ("%", []) if decline else growth_unit(name)
        kind, stock = running_total(text, kind, unit)
        key = f"{name}|{low}|{unit}"
        if key in self._seen_names or twice:
            return None
        self._seen_names.add(key)
        self._stated.setdefault(same, (section.number, name))
        target = self._new(section, name or text, kind, unit, where)
        target.decline = decline
        if high is not None:
            target.min, target.max = low, high
        elif qualifier == "左右":
            target.around = low
        elif qualifier in ("以内", "以下") or (
            kind == "level"
            and (
                re.search(r"控制|(?:下降|降低|降|减少)(?:至|到)|赤字", text)
                or name.endswith("自然增长率")
            )
        ):
            # (物流总费用与GDP比率下降至13.8%: a ceiling to come down to; 人口自然增长率为1%:
            # a ceiling the plan keeps births under)
            target.max = low
        else:
            target.min = low
        if re.search(r"清零", text):
            target.max, target.min = Decimal(0), None
        if kind == "ongoing":
            target.notes.append(_("ongoing work (推进/加快推进): under way, not a deliverable"))
        target.review.extend(unsaid + stock)
        settle(target, text, low)  # (力争, 突破, a fall in 百分点, a size: a level)
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

    # ------------------------------------------------------------------ building
    def _new(
        self, section: WorkSection, name: str, kind: str, unit: str, where: Clause
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
        if kind != "milestone":  # (the headline's ids taken: 固定资产投资 stated twice)
            share(target, {t.id for t in (*self.headline, *self.targets)})
        self.targets.append(target)
        return target
