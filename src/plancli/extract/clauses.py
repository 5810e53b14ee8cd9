"""The clauses of a headline paragraph and the words in them: where a clause begins and ends
(，；。, a qualifier run into the next name, 、 outside quotation marks), a clause's subject, the
subjects a predicate governs together, and clauses that only name indicators."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from plancli.extract.text import LIST_LABEL
from plancli.extract.vocabulary import lookup

# Clauses end at ，；。！ and line ends, and at spaces after a figure or its qualifier that a
# scraped summary card sets between targets (增长7%左右 固定资产投资增长8%以上); not at a
# garbled copy's comma doubling a 、 (分别增长7%,、8%: one clause).
SEPARATORS = re.compile(r"[;。!\n]|,(?!\s*、)|(?<=[\d%‰右上内下])[ \u3000]+(?=[\u4e00-\u9fff])")


@dataclass
class Piece:
    start: int
    end: int
    text: str


# A copy that lost a comma: a qualifier run into the next indicator's name (…4.3%左右居民人均
# 可支配收入增长…) ends a clause there too.
RUN_ON = re.compile(r"(?:(?<=[\d%])(?:左右|以上|以内)|%(?!左右|以上|以内|以下))(?=[\u4e00-\u9fff])")


def segments(parse: str, start: int, end: int) -> Iterator[Piece]:
    """The clauses of the paragraph: split at ，；。 and line ends, and after a qualifier run
    into the next indicator's name; list dashes trimmed."""
    pos = start
    for match in [*SEPARATORS.finditer(parse, start, end), None]:
        stop = end if match is None else match.start()
        for run_on in RUN_ON.finditer(parse, pos, stop):
            following = parse[run_on.end() : stop]
            if following[:1] not in "的和及与" and bare_subject(lead_words(following)):
                yield from trimmed(parse, pos, run_on.end())
                pos = run_on.end()
        yield from trimmed(parse, pos, stop)
        pos = stop + 1


def lead_words(text: str) -> str:
    """The words before the predicate of a clause: its subject, if it has one."""
    verb = re.search(r"增长|下降|降低|达到|控制在|保持|稳定在|与|同|\d", text)
    return text[: verb.start()] if verb else text


_KIND_HEADING = re.compile(r"(?:主要)?(?:约束性|预期性|指导性)指标\s*(?:为|是)?\s*:\s*")
# A list stated as what a meeting decided (…会议还确定了A增长10%、B增长20%…等一揽子目标计划):
# the decision before the first subject and the words naming the list after the last figure
# are no part of either target; a purpose clause restating a target (为实现13%的增长目标) is
# no target of its own.
DECIDED = re.compile(
    r"[^,;。\d]{0,16}?(?:还|又|同时|并|也)?(?:确定|提出|明确|制定)了?\s*"
    r"(?=[^,;。、\d]{2,24}?(?:增长|下降|降低|达到|控制在|突破|实现)\s*\d)"
)
# the list's last clause saying the list goes on (…贫困县全部摘帽等。): its 等 is no word of
# the target's
AND_SO_ON = re.compile(r"(?<=[^一二三四五六七八九十\d等])等$")
LISTED_AS = re.compile(r"(?<=[\d%‰上右内])\s*等[^,;。\d]{0,10}?(?:目标|指标)(?:计划|任务|体系)?$")
PURPOSE = re.compile(r"为了?(?:实现|完成|确保)[^,;。]{0,16}?目标")


def trimmed(parse: str, start: int, end: int) -> Iterator[Piece]:
    label = LIST_LABEL.match(parse, start, end)
    if label:  # a list item's label: ——, 1., (一), ①…
        start = label.end()
    while start < end and (parse[start].isspace() or parse[start] in "—-、"):
        start += 1
    heading = _KIND_HEADING.match(parse, start, end)
    if heading:  # 约束性指标为：万元生产总值能耗下降6.6%: the heading is no part of the clause
        start = heading.end()
    while end > start and parse[end - 1].isspace():
        end -= 1
    if PURPOSE.fullmatch(parse, start, end):
        return
    decided = DECIDED.match(parse, start, end)
    if decided:
        start = decided.end()
    listed = LISTED_AS.search(parse, start, end) or AND_SO_ON.search(parse, start, end)
    if listed:
        end = listed.start()
    if end > start:
        yield Piece(start, end, double_digits(parse[start:end]))


# A double-digit growth (实现两位数增长, 两位数以上增长): 10 % or more, read as 增长10%(以上)
# written over it in the clause's own length, so its offsets hold (the quote keeps the words)
DOUBLE_DIGITS = re.compile(r"(?:实现|保持)?两位数(?:以上)?的?(?:增长|增速)")


def double_digits(text: str) -> str:
    """`text` with a double-digit growth written as 增长10%(以上), in as many characters."""

    def figure(match: re.Match[str]) -> str:
        size = len(match.group())
        written = "增长10%以上" if size >= 7 else "增长10%"
        return " " * (size - len(written)) + written

    return DOUBLE_DIGITS.sub(figure, text)


def listing_marks(text: str) -> list[int]:
    """Where `text` lists with 、 outside quotation marks, book titles and brackets (the 、 of
    “两新”、“两重” inside a label lists nothing)."""
    marks: list[int] = []
    depth = 0
    for index, ch in enumerate(text):
        if ch in "“《(（":
            depth += 1
        elif ch in "”》)）":
            depth = max(0, depth - 1)
        elif ch == "、" and depth == 0:
            marks.append(index)
    return marks


def subpieces(piece: Piece) -> list[Piece]:
    """A clause split at 、 — except inside quotation marks; the sentence's words before the
    first subject left out (`past_lead_words`)."""
    parts: list[Piece] = []
    pos = piece.start
    for index in listing_marks(piece.text):
        words = piece.text[pos - piece.start : index].strip()
        if words in ("城镇", "城市", "农村") or (
            words in ("城镇居民", "城市居民") and piece.text.startswith("农村", index + 1)
        ):
            continue  # 城镇(居民)、农村居民人均可支配收入: one subject, split later
        parts.extend(trimmed_piece(piece, pos, piece.start + index))
        pos = piece.start + index + 1
    parts.extend(trimmed_piece(piece, pos, piece.end))
    return [past_lead_words(parts[0]), *parts[1:]] if parts else parts


def trimmed_piece(piece: Piece, start: int, end: int) -> list[Piece]:
    offset = piece.start
    text = piece.text[start - offset : end - offset]
    # a garbled copy's comma doubling the 、 (…下降3.5%,、水耗…) is no part of either
    lead = len(text) - len(text.lstrip(" \t\n\u3000,"))
    text = text.strip(" \t\n\u3000,")
    return [Piece(start + lead, start + lead + len(text), text)] if text else []


# …纯收入在去年11302元基础上增长12%: last year's figure, the growth's base, is no part of the name
SUBJECT_TRIM = re.compile(
    r"(的|增速|增长|要|将|也|保持|继续|力争|确保|均|都|目标|预计|预期|人均|分别|实现|完成|全年|计划"
    r"|在(?:去年|上年|20\d\d年)[^,;。]{0,14}?基础上"
    # the comparison a growth is stated against (农民人均收入比上年增长16%): not the name's
    r"|(?:比|较)(?:上年|去年|(?:19|20)\d\d年)(?:预计)?|同比|\s*[,，])+$"
)
SUBJECT_LEAD = re.compile(
    r"^(其中|力争|确保|争取|实现|全年|今年的?|明年的?|预计|预期|而|并(?:要求|计划将?)?|努力|20\d\d年\s*,?"
    # the verb an amount is stated with (力争完成镇域生产总值7.3亿元), never a verb alone
    r"|完成(?=[\u4e00-\u9fff]{2})"
    # the actor (昆山将经济增长目标设为6%以上): a place or 全市 before 将, no part of the name
    # (镇江高新区将力争GDP增长6.5%以上: a district's name of five)
    r"|[\u4e00-\u9fff]{1,6}?将(?=[\u4e00-\u9fff]{2}|GDP))+"
)


def subject_of(text: str) -> str:
    text = SUBJECT_LEAD.sub("", text.strip(" ,、:"))
    # the verb a clause states its figure with (…收入完成127亿元, …分别增长), not the name's;
    # a clause of the verb alone (全年完成20万人…) keeps it as its words
    trimmed = SUBJECT_TRIM.sub("", text).strip()
    return trimmed or (text.strip() if text.strip() in ("完成", "实现") else "")


# What names an indicator by its last word: a rate, an amount, a price, a share…
INDICATOR_NOUN = re.compile(
    r"(率|量|能耗|排放|收入|总额|总值|增加值|价格|投资|产量|浓度|比重|强度|支出|外资|出口|进口|财力|(?:人|起)数)$"
)


_TOWN_AND_COUNTRY = re.compile(r"^(城市|城镇)(?:和|与|及)(农村)(居民[^、和]{2,16}收入)$")


def listed_subjects(subject: str) -> list[str]:
    """The subjects a predicate governs together (单位生产总值能耗和主要污染物排放量继续下降,
    城镇调查失业率和登记失业率稳定在…, 地方一般公共预算收入、居民收入增长和经济增长同步) when
    each names an indicator; else the subject itself."""
    pair = _TOWN_AND_COUNTRY.match(subject)
    if pair:
        # 城市和农村居民家庭人均可支配收入: two named series sharing their noun
        return [pair.group(1) + pair.group(3), pair.group(2) + pair.group(3)]
    parts = [p.strip() for p in re.split(r"[、和]", subject) if p.strip()]
    if len(parts) > 1 and all(bare_subject(p) for p in parts):
        return parts
    return [subject]


# A task without subjects of its own (完成国家下达任务), after indicators named one a clause.
TASK_ALONE = re.compile(
    r"^(?:确保|力争)?(?:均|全面)?完成[^,;。]{0,6}?下达的?(?:年度)?(?:目标任务|目标|任务|指标)$"
)


def named_only(text: str) -> bool:
    """Whether a clause only names indicators (包括PM2.5浓度下降比例; 氨氮、氮氧化物减排幅度;
    人口自然增长率、单位GDP能耗和…削减率等约束性指标)."""
    words = re.sub(r"\([^()]{0,12}\)|^包括", "", text)
    return (
        len(words) <= (48 if words.endswith("指标") else 30)
        and not re.search(r"\d", words)
        and re.search(
            r"(?:比例|比率|幅度|浓度|率|量|能耗|排放)$|(?:率|能耗|排放|量)[^、,;]{0,8}?等[^、,;]{0,6}指标$",
            words,
        )
        is not None
    )


def never(text: str) -> re.Match[str]:
    """A match at the end of `text` (a task whose words PENDING does not know)."""
    match = re.search(r"$", text)
    assert match is not None
    return match


def bare_subject(text: str) -> bool:
    """Whether `text` is an indicator's name alone (no figure, no verb)."""
    return (
        len(text) <= 24
        and not re.search(r"\d", text)
        and (lookup(text) is not None or INDICATOR_NOUN.search(text) is not None)
    )


# A place before an indicator's name (全县地区生产总值, 重庆地区生产总值, 官渡区生产总值): the
# plan's place, no part of the name (`past_place`); never 单位 (单位地区生产总值能耗)
_PLACE_WORDS = (
    r"(?!单位)(?:全[省市县区州盟旗镇乡]|[\u4e00-\u9fff]{2,8}?(?<!地)(?:省|市|县|区|州|盟|旗)"
    r"|[\u4e00-\u9fff]{2,3}(?=地区生产总值))"
)
_PLACE = re.compile(rf"^{_PLACE_WORDS}")

# The words of the sentence before a clause's subject and its resolve (全市经济社会发展力争实现
# 地区生产总值增长6.5%左右, 湖南社会发展主要目标定为GDP增长8.5%左右, 2024年实现地区总值增长
# 8%左右): no part of the target's name or quote. Only with words (or a year) before the verb: a
# clause opening with its resolve (努力实现地区生产总值增长7%以上) is quoted whole, as before.
# The year the sentence speaks of, and a place after it (2020年重庆地区生产总值增长6%, 全年地区
# 生产总值增长8%-10%): the quote starts at the indicator, as its name does; 全年完成… whole.
_LEAD_WORDS = re.compile(
    r"^(?:(?:19|20)\d\d年\s*,?\s*)?(?:[\u4e00-\u9fff]{2,16}?"
    r"(?:(?:力争|努力|争取|确保)实现|(?:主要)?(?:预期)?目标(?:确?定|设定)?为)"
    r"|(?<=年)(?:(?:力争|努力|争取|确保)?实现))"
    rf"|^(?:(?:19|20)\d\d年|全年)\s*,?\s*{_PLACE_WORDS}?(?!完成|实现)"
)


def past_place(subject: str) -> str:
    """`subject` without a place before the indicator it names (全县地区生产总值 → 地区生产总值),
    where what is left names the same shared indicator; else `subject`."""
    match = _PLACE.match(subject)
    if match is None:
        return subject
    rest = subject[match.end() :]
    whole, named = lookup(subject), lookup(rest)
    if len(rest) < 2 or whole is None or named is None or whole.id != named.id:
        return subject
    return rest


def past_lead_words(piece: Piece) -> Piece:
    """`piece` without the sentence's words before its subject, where an indicator's name
    follows them; else `piece`."""
    match = _LEAD_WORDS.match(piece.text)
    if match is None or not match.group().strip():
        return piece
    rest = piece.text[match.end() :]
    if not bare_subject(lead_words(rest)):
        return piece
    return Piece(piece.start + match.end(), piece.end, rest)


def split_town_country(subject: str) -> list[str]:
    """城乡居民收入 → 城镇居民收入, 农村居民收入 (two targets); anything else → itself."""
    if subject.startswith("城乡"):
        rest = subject[2:]
        return [f"城镇{rest}", f"农村{rest}"]
    pair = re.match(r"^(城镇|城市)(居民)?\s*[、和与及]\s*农村(居民)?(.+)$", subject)
    if pair:  # 城镇、农村居民… / 城镇和农村居民… / 城镇居民、农村居民…
        town, own, rural, rest = pair.groups()
        rest = f"{rural or own or ''}{rest}"
        return [f"{town}{rest}", f"农村{rest}"]
    return [subject]
