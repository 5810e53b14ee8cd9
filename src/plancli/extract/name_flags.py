"""Review flags on work targets' names that may not say what is counted (a list's part
without its noun, subject or verb), set once every target of the draft is named."""

from __future__ import annotations

import re

from plancli.extract.characters import tidy_name
from plancli.extract.draft import DraftTarget
from plancli.extract.work_forms import LEAD, VERB
from plancli.extract.work_names import AMOUNT_WORD, PLACES_RATE
from plancli.i18n import N_, _


def short_names(parse: str, targets: list[DraftTarget]) -> None:
    """A work target's name that may not say what is counted, flagged: a modifier without its
    noun (新认定科技型, of 新认定科技型、高新技术企业各20户), a rate without its subject (亮灯率),
    a later item of a counted list without the list's verb (…3户“小巨人”、5户龙头企业;
    …、“瞪羚”企业360家), a part of a count (其中…) whose clause before says no verb it takes, a
    name of three characters or fewer, one opening with a preposition (为困境…, 在城镇安排), a
    verb alone (新（改）建, of …，新（改）建6000公里), a modifier without its noun (打造吸引力强)
    or a name ending with an amount (…燃煤发电等百亿元)."""
    for target in targets:
        if not target.section.startswith("work_") or target.kind == "milestone" or target.shared:
            continue
        subjects = _SUBJECTS_BEFORE.search(parse, max(0, target.start - 40), target.start)
        if target.name.endswith("率") and subjects is not None and "率、" not in subjects.group():
            # 确保主次干道、背街小巷装灯率达100%: the rate is of every subject listed (not
            # 孕产妇产后访视率、0—6岁儿童健康管理率达到90%: two rates, two targets)
            target.name = LEAD.sub("", subjects.group()) + target.name
        name = tidy_name(target.name)
        quote = parse[max(0, target.start - 2) : target.end]  # (a later item's quote: 5户…)
        # a later item of a counted list, its figure before (、5户龙头企业) or after its thing
        # (培育“独角兽”、“瞪羚”企业360家); not an amount its own (、能源投资2100亿元)
        listed = re.search(rf"、\s*\d+(?:\.\d+)?\s*[^\d\s、,，。;；]?{re.escape(name)}", quote)
        listed = listed or (
            None if AMOUNT_WORD.search(name) else re.search(rf"、{re.escape(name)}\d", quote)
        )
        if (
            len(name) <= 3
            or _MODIFIER_SUFFIX.search(name)  # 新认定科技型: a modifier (not 大模型, 升级)
            or (len(name) <= 5 and name.startswith(("为", "在")))
            or (len(name) <= 4 and name.endswith("率"))
            or PLACES_RATE.fullmatch(name)  # 区级覆盖率, 市县覆盖率: the coverage of what
            or (listed is not None and len(name) <= 6 and not VERB.search(name))
            or VERB.fullmatch(name)  # 新（改）建 (6000公里): of what
            or re.fullmatch(r"\d+(?:\.\d+)?[^\d]{1,3}", name)  # 600公里 (…管网800公里、600公里)
            or _MODIFIER_END.search(name)  # 打造吸引力强 (40个): what is like that
            or _AMOUNT_END.search(name)  # …发电等百亿元 (12个): a size, not the thing
            # a sum whose spender the clause before says (实施1000个以上省重点项目，年度完成投资
            # 1万亿元: whose investment), a thing named by its kind alone (建成35个先导区: of
            # what; 新增城市小型站200个: a station of what)
            or _WHOSE_SUM.fullmatch(name)
            or _BARE_THING.search(name)
            # a part (其中…) of a count whose clause says no verb the part could take
            # (`work_names.verb_before`): what is done to it is not said
            or (
                _BREAKDOWN.search(parse, max(0, target.start - 60), target.start + 2)
                and target.unit != "%"
                and not VERB.search(name)
            )
        ):
            target.review.append(_(SHORT_NAME_REVIEW))


# a modifier's suffix a name ends with (科技型, 国家级), not a noun's (大模型, 车型, 等级, 升级,
# 模式): its noun is elsewhere
_MODIFIER_SUFFIX = re.compile(
    r"(?<![模典原车机户体血])型$|(?<![升等年班层降晋])级$|(?<![模方仪形公样])式$|性$"
)
# what a counted thing is like, its noun not said (打造40个吸引力强): a name ending so
_MODIFIER_END = re.compile(r"[力面度性感量效][强广高好大优足全佳浓厚]$")
# an amount a name ends with (…燃煤发电等百亿元, of a list no later item names): its thing, or
# its figure, is elsewhere; or a qualifier an unknown unit left (…周转量公里以上: 亿吨公里以上)
_AMOUNT_END = re.compile(r"(?:\d|[百千万亿])元$|(?:以上|左右|以内|以下)$")

_WHOSE_SUM = re.compile(r"(?:年度|全年|年内)?(?:完成|实现)?(?:投资|投资额|产值|营收)")
_BARE_THING = re.compile(
    rf"^(?:{VERB.pattern})+[\u4e00-\u9fff]{{0,2}}(?:区|站|点)$|[小中大微]型(?:站|点)$"
)

# a quote in a clause that 其中 opens (…项目，其中小型水库7座、水池等调蓄设施993个): a part of
# the count before it
_BREAKDOWN = re.compile(r"(?:^|[,，;；。:：\n])\s*其中[^,，;；。:：\n]*$")

# the subjects listed before a rate's quote (主次干道、 of 主次干道、背街小巷装灯率): no figure
_SUBJECTS_BEFORE = re.compile(r"(?<=[,，;；:：])(?:[^\d%,，;；:：。、]{2,10}、)+$")


SHORT_NAME_REVIEW = N_(
    "the name may not say what is counted (a list's part without its noun, subject or verb): "
    "complete it from the quote"
)
