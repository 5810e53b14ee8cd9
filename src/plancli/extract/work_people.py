"""Counts of people a work clause states without the usual figure-and-verb form (docs/extract.md,
"What it finds"):

- those a policy covers, counted with no verb, the commitment being what they get (浙江's 民生实事:
  全省30万以上参保孕产妇产前检查、住院分娩等政策范围内生育费用“零自付”: 30 万人 at least, named by
  who and what: `参保孕产妇产前检查、住院分娩等政策范围内生育费用“零自付”`), read as 惠及超50万名…
  and 为超300万名婴幼儿发放育儿补贴 are, a count of beneficiaries;
- a round 万名, 千名 or 百名 with no digit right after a verb (浙江's 带动万名青年入乡发展: 1 万名,
  named `带动青年入乡发展`), with a `review` as a Chinese numeral has; not a programme's name
  (实施…万名大学生助企服务专项计划: the 计划 is what is carried out, no count of people).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Protocol

from plancli.extract.draft import DraftTarget
from plancli.extract.sections import WorkSection
from plancli.extract.work_forms import VERB, Clause
from plancli.i18n import _

_WHO = (
    r"孕产妇|产妇|婴幼儿|儿童|青少年|青年|学生|老年人|老人|残疾人|妇女|患者|病人|人员|职工|农民工?"
    r"|农户|居民|群众|人群|家庭"
)
# 全省30万以上参保孕产妇…费用“零自付”: the count opens the clause, what they get ends it
_COVERED = re.compile(
    r"^(?:全省|全市|全区|全县|全州|全盟)?(?P<n>\d+(?:\.\d+)?)(?P<wan>万)?(?:名|人)?"
    rf"(?P<q>以上|左右)?(?P<who>[\u4e00-\u9fff]{{0,6}}?(?:{_WHO}))"
    r"(?P<what>[^,，;；。]{2,40}?(?:“零[\u4e00-\u9fff]{1,3}”|零自付|免费|全额报销))$"
)
_ROUND = {"万": (Decimal(1), "万名"), "千": (Decimal(1000), "名"), "百": (Decimal(100), "名")}
# 带动万名青年入乡发展: the verb, then the round count of people
_ROUND_COUNT = re.compile(
    rf"(?P<verb>{VERB.pattern})(?P<round>[万千百])名(?P<who>[\u4e00-\u9fff]{{0,6}}?(?:{_WHO}))"
    r"(?P<what>[^,，;；。]{0,30})$"
)
_PROGRAMME = re.compile(r"(?:计划|行动|工程|专项|活动|项目|品牌)$")


class Counting(Protocol):
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
    ) -> DraftTarget | None: ...


def counted_people(reader: Counting, section: WorkSection, clause: Clause) -> bool:
    """Draft the count of people `clause` states in one of these forms; whether it did."""
    return _covered(reader, section, clause) or _round(reader, section, clause)


def _covered(reader: Counting, section: WorkSection, clause: Clause) -> bool:
    match = _COVERED.match(clause.text)
    if match is None or VERB.search(clause.text):
        return False  # (a verb says the work: the figure's own reading has it)
    unit = "万人" if match.group("wan") else "人"
    name = match.group("who") + match.group("what")
    target = reader._quantity(
        section, clause, name, Decimal(match.group("n")), None, unit, match.group("q"), clause.text
    )
    return target is not None


def _round(reader: Counting, section: WorkSection, clause: Clause) -> bool:
    if re.search(r"\d", clause.text):
        return False
    match = _ROUND_COUNT.search(clause.text)
    if match is None or _PROGRAMME.search(match.group("what")):
        return False
    value, unit = _ROUND[match.group("round")]
    name = clause.text[: match.start("round")] + match.group("who") + match.group("what")
    target = reader._quantity(section, clause, name, value, None, unit, None, clause.text)
    if target is None:
        return False
    numeral = f"{match.group('round')}名"
    target.review.append(
        _("a Chinese numeral: {numeral} read as {value}").format(
            numeral=numeral, value=f"{value}{unit}"
        )
    )
    return True
