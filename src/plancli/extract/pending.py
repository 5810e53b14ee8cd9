"""Pending headline targets: a clause whose bound the report leaves to a higher level — 完成国家
(省)下达的…, 与国家价格调控目标保持衔接, 完成“十四五”国家考核目标, 完成节能减排目标任务,
根据国家下达的…指标，提出…等年度目标 — and the indicators it names (docs/forms.md: pending)."""

from __future__ import annotations

import re

from plancli.extract.vocabulary import PENDING_TOKENS, TOTALS, lookup

# Who sets a bound the report leaves to others: the state, the province (a city's report), a
# higher level down to a district's for a township (区里, 县级, 市委); 国家、省下达 both.
_LEVEL = r"(?:省|自治区|市|州|盟|区|县|旗|镇|乡)(?:级|里|上|委|政府)?"
_ABOVE = rf"(?:国家|上级|{_LEVEL})(?:[、和]?{_LEVEL})?"  # 省、市, 省市 and 国家和省 all
# What only a national allocation bounds: a task of saving energy or cutting emissions is
# pending even when the report does not say who hands it down (完成节能减排任务).
_ALLOCATED = r"(?:节能|减排|减污|降碳|能耗|煤炭|污染物|二氧化碳)"
# A target the city or the province sets for a district or a city: 市定目标, 国家和省定目标.
_SET_BY_WHOM = r"(?:国家和|国家、)?[市省](?:定|控)"
_SET_BY = rf"{_SET_BY_WHOM}(?:目标|任务|指标)"  # 省定任务, 省控目标, 省定指标 too
PENDING = re.compile(
    rf"(?:全面)?(?:完成|落实|达到|实现|满足){_ABOVE}(?:下达|要求|规定)"
    r"|(?:与|同)国家.{0,15}?(?:考核|调控)目标.{0,6}?衔接"
    r"|(?:达到|符合)国家要求"
    r"|(?:达到|符合|满足)[^,;。]{0,4}?总量控制要求"  # …排放量达到总量控制要求
    # 完成省达指标, 完成省下目标: 省下达 said short (a copy may drop a character of it)
    rf"|完成{_ABOVE}(?:下|达)(?:的)?(?:指标|目标|任务)"
    r"|按照?国家要求(?:完成|落实)"
    rf"|控制在{_ABOVE}(?:下达|规定)的?(?:范围|目标|指标)"
    rf"|(?:完成|控制在|达到)(?=[^,;。]{{0,8}}?{_SET_BY})"
    r"|规划期内统筹考核"
    rf"|以{_ABOVE}下达的?(?:任务|目标|指标)为准"  # …指标以国家下达任务为准
    rf"|按照?{_ABOVE}下达的?(?:计划|任务|目标|指标)(?:执行|完成|落实)?"  # …按省下达计划执行
    r"|完成[^,;。]{0,10}?国家考核目标"
    rf"|^(?:全面|超额)?完成(?:年度)?(?=[^,;。]{{0,24}}?{_ALLOCATED})"
    r"(?:[^,;。]{0,50}?任务|[^,;。\d]{0,50}?(?:削减|下降|降低)?[目指]标)$"  # …排放总量的削减目标
    r"|^(?:提出|确定|制定)[^。]{2,60}?年度(?:目标|指标)$"
    # 完成节能减排, 完成节能减排降碳: the task named by its words alone, no 任务 or 目标 after it
    rf"|^(?:全面|超额)?完成(?:年度)?{_ALLOCATED}{{2,3}}(?:工作)?$"
    # 节能减排降碳完成进度目标: the task's words first (its subjects), then 完成 and its target
    r"|(?<=节能|减排|降碳|能耗|减污)(?:工作)?完成[^,;。]{0,6}?(?:目标|任务|指标)$"
)
# The words before the subjects when the task comes first (完成国家下达的…, 完成节能减排任务,
# 提出…等年度目标); otherwise the subjects come before the pending words.
_PREFIX = re.compile(
    rf"^(?:确保|力争|努力)?(?:全面)?(?:(?:完成|落实){_ABOVE}下达的?(?:年度)?|按照?国家要求完成"
    rf"|完成(?=[^,;。]{{1,8}}?{_SET_BY}))"
    rf"|^(?:全面|超额)?完成(?:年度)?(?={_ALLOCATED}|[^,;。]{{0,24}}?{_ALLOCATED}[^,;。]*任务$"
    rf"|[^,;。\d]{{0,24}}?{_ALLOCATED}[^,;。\d]*[目指]标$|{_ALLOCATED}{{2,3}}(?:工作)?$)"
    r"|^(?:提出|确定|制定)"
)
_SUBJECT_SPLIT = re.compile(r"[、和及]")
_CROP_AREA = re.compile(r"([\u4e00-\u9fff]{1,6}?)(?:播种|种植)面积")
# A rate the vocabulary has no id for (地表水达标率): still a pending target, a level.
_RATE = re.compile(r"(?:率|比例|比重|浓度|水质)$")
# A task of an amount the year adds up (财政税收任务, 招商引资任务, 实际使用外资…目标): cumulative.
AMOUNT = re.compile(r"税收|财税|财政|收入|投资|外资|内资|引资|出口|进出口|零售|销售|产值|营业|招商")
_POLLUTANTS = {"cod_emissions", "so2_emissions", "nox_emissions", "ammonia_nitrogen_emissions"}


def pending_subjects(text: str, match: re.Match[str]) -> tuple[str, list[tuple[str, str | None]]]:
    """The subjects' words of a pending clause and the indicators they name: (name, shared id),
    the id None for a rate without one."""
    prefix = _PREFIX.search(text)
    if prefix:
        subjects = text[prefix.end() :]
        subjects = re.sub(
            rf"等?(年度)?(约束性)?(指标)?(?:{_SET_BY_WHOM})?(目标任务|目标|任务)?$", "", subjects
        )
    else:
        subjects = text[: match.start()]
    # …降低目标与, …和B均 (A和B均完成省下达): the words after the subjects
    # (粮食产量确保完成国家下达任务: the lead of the task, not the subject's)
    subjects = re.sub(r"(?:确保|力争|努力|全面|超额)+$", "", subjects.strip())
    subjects = re.sub(r"(降低)?(目标)?(与|同)?(均|都)?$", "", subjects)
    found: list[tuple[str, str | None]] = []
    parts = [p.strip() for p in _SUBJECT_SPLIT.split(subjects) if p.strip()]
    shared = re.search(r"等?指标$", parts[-1]) if len(parts) > 1 else None
    for at, part in enumerate(parts):
        # 粮食播种面积和产量: the output of the crop whose sown area the part before names
        crop = _CROP_AREA.fullmatch(parts[at - 1]) if at and part in ("产量", "总产量") else None
        part = crop.group(1) + part if crop else part
        # 能源、水资源、碳排放等指标: each of the listed is an indicator (能源指标, not 能源)
        items = _parts(part)
        words = re.sub(r"等?指标$", "", part)
        if shared and len(items) == 1 and items[0][1] and items[0][0] in (words, part):
            # (碳排放强度 says what is measured: no 指标 after it)
            items = [(words + ("" if _PROPER.search(words) else "指标"), items[0][1])]
        found.extend(items)
    if any(i in _POLLUTANTS for _, i in found):
        # 化学需氧量、氨氮…减排: 减排 is what is asked of the pollutants named, not another one
        found = [(n, i) for n, i in found if i != "emission_reduction"]
    return subjects, found


# The safety-at-work figures a higher level allots (城镇登记失业率、节能减排、安全生产等指标
# 控制在市定目标内): a level of its own, pending like the rest.
_SAFETY = re.compile(r"^(?:安全生产|生产安全)(?:事故)?(?:控制)?$")


# An item of a higher level's task named by what should happen to it: a noun and its change.
_ONE_OF_LISTED = re.compile(
    r"^([^\d,;。:]{2,8}(?:改善|提升|提高|好转|达标|下降|降低|减少))等?(?:约束性)?(?:指标|目标)?$"
)


# what a name measures ends it (单位地区生产总值能耗, 主要污染物排放, 煤炭消费压减)
_MEASURED = re.compile(
    r"(?:强度|率|量|能耗|排放|消耗|面积|产量|比重|比例|浓度|天数|指数|压减|下降|降低|减少|改善|提升"
    r"|提高|削减)$"
)


# an indicator's own measure (…强度, …率): a name of its own, with no 指标 after it
_PROPER = re.compile(r"(?:强度|率|量|能耗|比重|比例|浓度|天数|指数)$")


def _group_name(clean: str, part: str) -> str:
    """A pending target's name: the words without 指标/目标, unless they then name a field, not
    what is measured in it — 生态环境保护约束性指标 is a group of indicators, 生态环境保护 none."""
    if clean and (_MEASURED.search(clean) or not re.search(r"指标$", part)):
        return clean
    return part


def _parts(part: str) -> list[tuple[str, str | None]]:
    """The indicators a pending task names: one proper name (单位生产总值二氧化碳排放), or the
    pieces of a compound (节能减排降碳约束性指标 → energy, emissions, CO2)."""
    clean = re.sub(r"等?(约束性)?(指标|目标任务|目标|任务)$", "", part)
    total = lookup(part)
    if total is not None and total.id in TOTALS:  # 能源消费总量: not 能源指标, the intensity's
        return [(_group_name(clean, part), total.id)]
    if re.search(r"单位|强度|产量|粮食|生态环境保护|主要污染物|生产", part):
        indicator = lookup(part)
        if indicator is not None:
            return [(_group_name(clean, part), indicator.id)]
    found: list[tuple[str, str | None]] = []
    pos = 0
    while pos < len(clean):
        for token, indicator_id in PENDING_TOKENS:
            if clean.startswith(token, pos):
                found.append((f"{token}指标", indicator_id))
                pos += len(token)
                break
        else:
            pos += 1
    if len(found) == 1 and len(clean) <= 12:
        found = [(_group_name(clean, part), found[0][1])]  # 煤炭消费压减: its own words
    if not found:
        indicator = lookup(part)
        if indicator is not None:
            found.append((_group_name(clean, part), indicator.id))
        elif (_RATE.search(clean) and len(clean) <= 16) or _SAFETY.match(clean):
            found.append((clean, None))
        elif listed := _ONE_OF_LISTED.match(clean):
            # 完成上级下达的能耗下降、环境改善等指标任务: each item a higher level sets is one,
            # named by its own words (a level, as a rate without an id is)
            found.append((listed.group(1), None))
    return found
