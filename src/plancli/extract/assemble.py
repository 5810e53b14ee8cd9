"""Putting a draft plan together: the plan's metadata, its sections, unique ids, references
that resolve, and a check that every quote is a verbatim substring of the report."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from plancli.errors import InputError
from plancli.extract.baselines import (
    change_baselines,
    raised_baselines,
    review_baselines,
    review_growths,
)
from plancli.extract.characters import tidy_name
from plancli.extract.draft import DraftTarget
from plancli.extract.english_names import distinct_english_names
from plancli.extract.flow import reflow
from plancli.extract.headline import HeadlineReader
from plancli.extract.investment import read_investment
from plancli.extract.leads import lead_place
from plancli.extract.margins import outside_margins
from plancli.extract.name_flags import short_names
from plancli.extract.numerals import spell_figures
from plancli.extract.parts import headings
from plancli.extract.planyear import lead_year, plan_year
from plancli.extract.review_changes import review_changes
from plancli.extract.review_levels import review_levels
from plancli.extract.review_lists import review_list_growths
from plancli.extract.review_ratios import review_ratios
from plancli.extract.sections import Layout, Span, locate
from plancli.extract.series_aliases import series_aliases
from plancli.extract.tables import apply_tables
from plancli.extract.text import body_span, check_chinese, parse_form, split_lines
from plancli.extract.title_lines import lede_restated
from plancli.extract.unfit import leave_out_unfit
from plancli.extract.work import WorkReader
from plancli.extract.work_amounts import higher_aims
from plancli.i18n import N_, _, language
from plancli.indicator_names import LOCAL_NAMES, STANDARD_NAMES

PROVINCES = (
    ("内蒙古", "neimenggu"),
    ("黑龙江", "heilongjiang"),
    ("北京", "beijing"),
    ("天津", "tianjin"),
    ("河北", "hebei"),
    ("山西", "shanxi"),
    ("辽宁", "liaoning"),
    ("吉林", "jilin"),
    ("上海", "shanghai"),
    ("江苏", "jiangsu"),
    ("浙江", "zhejiang"),
    ("安徽", "anhui"),
    ("福建", "fujian"),
    ("江西", "jiangxi"),
    ("山东", "shandong"),
    ("河南", "henan"),
    ("湖北", "hubei"),
    ("湖南", "hunan"),
    ("广东", "guangdong"),
    ("广西", "guangxi"),
    ("海南", "hainan"),
    ("重庆", "chongqing"),
    ("四川", "sichuan"),
    ("贵州", "guizhou"),
    ("云南", "yunnan"),
    ("西藏", "xizang"),
    ("陕西", "shaanxi"),
    ("甘肃", "gansu"),
    ("青海", "qinghai"),
    ("宁夏", "ningxia"),
    ("新疆", "xinjiang"),
)
UNMARKED_NOTE = N_(
    "found without a lead or a year: check that the page states it as this year's target"
)
PLAN_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass
class Draft:
    """A drafted plan: the TOML-ready table and what it holds."""

    plan: dict[str, Any]
    targets: list[DraftTarget]
    # The plan year the report itself names, where --year gave another one (None otherwise).
    report_year: int | None = None
    # The year the report's targets paragraph names (None where no lead names one): a plan
    # year other than it is flagged.
    lead_year: int | None = None

    @property
    def needs_review(self) -> int:
        return sum(1 for t in self.targets if t.review)


def extract_plan(
    text: str, *, plan_id: str | None = None, year: int | None = None, name: str = "report"
) -> Draft:
    """Draft a plan from a report's decoded text. InputError when it is not a report."""
    check_chinese(text, name)
    if plan_id is not None and not PLAN_ID.match(plan_id):
        raise InputError(
            _("--id {id!r}: a plan id is lower-case ASCII letters, digits, '-' and '_'").format(
                id=plan_id
            )
        )
    # Parsing reads the report's paragraphs whole (a copy's breaks inside a paragraph taken
    # out); every span found is mapped back to the report, so quotes stay verbatim.
    flow = reflow(text)
    joined = flow.text
    parse = spell_figures(parse_form(joined))
    layout = locate(parse, Span(*body_span(parse)), year)
    targets: list[DraftTarget] = []
    if layout.headline is not None:
        targets.extend(HeadlineReader(parse).read(layout.headline.start, layout.headline.end))
        if layout.headline_unmarked:
            for target in targets:
                target.review.append(_(UNMARKED_NOTE))
        for summary in reversed(layout.summaries):
            # 报告提出，主要预期目标包括地区生产总值增长5%左右。…主要预期目标是：<the rest>: the
            # summary's target where the paragraph does not state it again; the summary nearest
            # the paragraph first (a page's title states it too)
            stated = {t.id for t in targets}
            read = HeadlineReader(parse).read(summary.start, summary.end)
            targets[:0] = [t for t in read if t.shared and t.id not in stated]
        # a page's title line's target, quoted from its lede's sentence where that states it
        targets = lede_restated(parse, layout.body, layout.headline, layout.year, targets)
    targets = _without_repeats(parse, targets)
    targets = apply_tables(parse, layout, targets)
    review_baselines(parse, layout, targets, joined)
    work = higher_aims(parse, WorkReader(parse, layout, targets).read(), targets)
    investment = read_investment(parse, layout)
    targets = [*targets, *work, *investment]
    # a shared indicator a work section states (社会消费品零售总额增长6％左右): last year's
    # figure as the headline's; a level or count (城镇新增就业40万人以上), its level
    review_growths(parse, layout, work, joined)
    review_levels(parse, layout, targets, joined)
    review_ratios(parse, layout, targets, joined)  # (细颗粒物…, 城镇化率, CPI: levels too)
    review_changes(parse, layout, targets, joined)  # (PM2.5浓度下降13.7%, CPI指数为100.1)
    review_list_growths(parse, layout, targets, joined)  # (城镇和农村…分别增长3.9%和5.7%)
    outside_margins(targets, parse)  # (a margin over another series: no change of its own)
    change_baselines(parse, layout, targets)
    raised_baselines(parse, layout, targets)
    leave_out_unfit(targets)  # (a figure no plan holds: left out, for review)
    if not targets:
        raise InputError(
            _(
                "{name}: no targets found (no 主要预期目标 paragraph, work target or investment "
                "plan); is it a development plan or government work report?"
            ).format(name=name)
        )
    _resolve_references(targets)
    _unique_ids(targets)
    distinct_english_names(targets)  # (after the ids: a repeat's id tells it apart)
    _bulletin_aliases(targets)
    series_aliases(targets)
    short_names(parse, targets)
    for target in targets:
        target.start, target.end = flow.span(target.start, target.end)
        quote = text[target.start : target.end]
        if not quote.strip() or quote not in text:  # by construction; a broken span is a bug
            raise AssertionError(f"quote of {target.id} is not in the report: {quote!r}")
    table = _plan_table(text, joined, parse, layout, targets, plan_id)
    lead = lead_year(parse, *body_span(parse))
    if lead is not None and lead != layout.year:
        table["plan"]["review"] += _review_separator() + _(LEAD_YEAR_REVIEW).format(
            year=layout.year, lead=lead
        )
    return Draft(table, targets, _other_year(parse, year), lead)


LEAD_YEAR_REVIEW = N_(
    "the plan year is {year}, but the targets paragraph names {lead}'s targets: check the "
    "year (`--year {lead}` drafts {lead}'s)"
)


def _other_year(parse: str, year: int | None) -> int | None:
    """The report's own plan year when --year names another: a slip the analyst is told of."""
    if year is None:
        return None
    body = Span(*body_span(parse))
    titles = [title for _line, title in headings(parse, body.start, body.end)]
    found = plan_year(parse, body.start, body.end, titles)
    return found if found is not None and found != year else None


def _without_repeats(parse: str, targets: list[DraftTarget]) -> list[DraftTarget]:
    """A target stated twice in the same words (a page's summary line 城镇新增就业人数9.6万人 over
    the list that states it again), or an indicator plans share stated twice with the same
    figures in any words (a title's 浦东GDP预期增长5%以上 over the list's 地区生产总值增长5%以上):
    the later, once, under the first one's id."""

    def key(target: DraftTarget) -> tuple[object, ...]:
        base = re.sub(r"_\d+$", "", target.id)
        figures = (target.min, target.max, target.around, target.relation, target.pending)
        bounded = (target.min, target.max, target.around) != (None, None, None)
        if target.shared and target.section == "headline" and bounded and not target.pending:
            return (base, target.kind, target.reference, *figures)
        return (parse[target.start : target.end], target.name, base, target.kind, *figures)

    last = {key(t): t for t in targets}
    kept: list[DraftTarget] = []
    for target in targets:
        later = last[key(target)]
        if later.start == target.start:  # itself, or two targets of one clause (A和B增长8%)
            kept.append(target)
        elif later.id.startswith(f"{target.id}_"):
            later.id = target.id
    return kept


def _resolve_references(targets: list[DraftTarget]) -> None:
    """A relation to a target the paragraph does not state (同步 with GDP in a report without a
    GDP target): the reference becomes a tracked indicator quoted from the relation's words."""
    ids = {t.id for t in targets}
    for target in list(targets):
        if target.reference is None or target.reference in ids:
            continue
        outside = DraftTarget(
            id=target.reference,
            section=target.section,
            name="经济增长" if target.reference == "gdp" else target.reference,
            kind="indicator",
            unit="%",
            start=target.start,
            end=target.end,
            name_en="Gross regional product (GDP)" if target.reference == "gdp" else "",
            shared=True,
        )
        outside.review.append(
            _("{id} is compared with it; the report states no target").format(id=target.id)
        )
        targets.append(outside)
        ids.add(outside.id)


def _unique_ids(targets: list[DraftTarget]) -> None:
    seen: set[str] = set()
    for target in targets:
        base, n = target.id, 2
        while target.id in seen:
            target.id = f"{base}_{n}"
            n += 1
        seen.add(target.id)


def _bulletin_aliases(targets: list[DraftTarget]) -> None:
    """The names bulletins give a shared indicator (`indicator_names`, the names `import`
    reads), where the target is named otherwise (经济增长 → 地区生产总值, 生产总值…): written
    in the draft, each a name no other target has."""

    def key(name: str) -> str:  # (as import compares names, near enough: the plan's as written)
        return "".join(unicodedata.normalize("NFKC", tidy_name(name)).split()).casefold()

    taken = {key(t.name) for t in targets}
    for target in targets:
        for alias in STANDARD_NAMES.get(target.id, ()) if target.shared else ():
            if alias in LOCAL_NAMES and not target.name.startswith(alias[:2]):
                continue  # 镇域生产总值 for a 镇域… name, 农民人均纯收入 for a 农民… one
            if key(alias) not in taken:
                target.aliases = [*target.aliases, alias]  # (its own list, never shared)
                taken.add(key(alias))


_SENTENCE = re.compile(r"[。!?！？]")
_SENTENCE_OPENING = re.compile(r"在|根据|据|此外|同时|会议|报告|《报告》")


def _title(text: str, parse: str, layout: Layout) -> str:
    """The report's title line, as the report writes it, or a news page's headline
    (市六届人大三次会议开幕,许勤作政府工作报告,GDP目标增速8.5%): not a sentence about the
    report (此外,政府工作报告还明确了…:到2027年,…; 在报告中,…; 根据报告,…)."""
    head_end = min(layout.body.end, layout.body.start + 3000)
    for line in split_lines(parse, layout.body.start, head_end):
        stripped = line.stripped
        if _BREADCRUMB.match(stripped):
            continue  # 当前位置：首页 > 政务公开 > 规划计划 > 年度计划: the page's, not a title
        site = _SITE_NAME.search(stripped)
        if site is not None:  # <title>…的报告_官渡区人民政府</title>: the report's title
            return text[line.start : line.start + site.start()].strip()
        titled = re.search(r"报告|计划|草案", stripped) and not _SENTENCE.search(stripped)
        if titled and re.search(r"[,;:，；：]", stripped):
            titled = (
                len(stripped) <= 40
                and not _SENTENCE_OPENING.match(stripped)
                and not stripped.endswith((":", "："))  # …要点如下:
            )
        if titled and 6 <= len(stripped) <= 120:
            return text[line.start : line.end].strip()
    return ""


_BREADCRUMB = re.compile(
    r"(?:当前位置|您现在的位置|您的位置|现在的位置|所在位置|当前的位置)\s*[:：]|.*(?:[>»›].*){2}"
)
# a page's <title>: the report's title, then the site's name (…草案的报告_官渡区人民政府, …报告 -
# 河南省人民政府门户网站)
_SITE_NAME = re.compile(
    r"(?:(?<=报告)|(?<=草案)|(?<=计划)|(?<=[)）]))\s*(?:_|\||-|—|－)\s*[^_|。,;:]{2,30}"
    r"(?:政府|网站|门户|网|委员会|局|在线|新闻|日报|发布)[^_|。,;:]{0,12}$"
)


# a province whose English name is not its pinyin capitalised
_ENGLISH_PLACES = {"neimenggu": "Inner Mongolia"}


def _derived_id(title: str, year: int, first: str) -> str:
    """`<province>-<year>` for the province the title names; where it names none (政府工作报告),
    the province `first` (the report's first part) names most, when it clearly dominates
    and neither the title nor the congress the report is given to names a city or county
    (昆明市官渡区…的报告 names 云南 a dozen times in its review); else `draft-<year>`."""
    for chinese, pinyin in PROVINCES:
        if re.search(rf"{chinese}(省|市|自治区|维吾尔|壮族|回族)?(人民)?政府", title) or re.search(
            rf"{year}年{chinese}", title
        ):
            return f"{pinyin}-{year}"
    counts = sorted(((first.count(chinese), pinyin) for chinese, pinyin in PROVINCES), reverse=True)
    (most, pinyin), (second, _other) = counts[0], counts[1]
    congress = _CONGRESS.search(first)
    places = [title, congress.group(1) if congress else ""]
    if most >= 5 and most >= 3 * second and not any(map(_below_province, places)):
        return f"{pinyin}-{year}"
    return f"draft-{year}"


# 在贵州省第十四届人民代表大会第四次会议上 (a copy may break the line before 人民代表大会)
_CONGRESS = re.compile(r"([\u4e00-\u9fff]{2,16})第[一二三四五六七八九十]{1,3}届\s*人民代表大会")
_PROVINCE_NAMES = re.compile(
    "|".join(rf"{chinese}(?:省|市|(?:维吾尔|壮族|回族)?自治区)?" for chinese, _ in PROVINCES)
)


def _below_province(words: str) -> bool:
    """Whether `words` name a city, district or county (昆明市官渡区, 大连市), once the
    provinces' names (北京市, 广西壮族自治区) are taken out."""
    return bool(re.search(r"[市区县州盟旗]", _PROVINCE_NAMES.sub("", words)))


def _plan_table(
    text: str,
    joined: str,
    parse: str,
    layout: Layout,
    targets: list[DraftTarget],
    plan_id: str | None,
) -> dict[str, Any]:
    """The plan table; `joined` is the text as parsed (`parse` its parse form), `text` the
    report the targets' spans are in."""
    year = layout.year
    title = _title(joined, parse, layout)
    # the report's first part: its front matter and first numbered part (the review, mostly)
    first = next((p for p in layout.parts if p.kind != "front"), None)
    first_end = first.end if first is not None else layout.body.end
    sections: list[dict[str, str]] = []
    used = {t.section for t in targets}
    if "headline" in used:
        sections.append({"id": "headline", "name": "主要预期目标", "name_en": "Headline targets"})
    for section in layout.work_sections:
        section_id = f"work_{section.number}"
        if section_id in used:
            sections.append(
                {
                    "id": section_id,
                    "name": tidy_name(section.title) or f"工作任务{section.number}",
                    "name_en": f"Work section {section.number}",
                }
            )
    if "investment" in used:
        name = (
            tidy_name(layout.investment.title)
            if layout.investment is not None
            else "政府投资项目计划"
        )
        sections.append(
            {"id": "investment", "name": name, "name_en": "Government investment projects"}
        )
    derived = _derived_id(title, year, parse[layout.body.start : first_end])
    place = derived.removesuffix(f"-{year}")
    lead = lead_place(parse, layout.headline.start) if layout.headline is not None else None
    # (named from the title's parse form: a traditional copy's 甘肅省 is 甘肃省, its 區 a 区)
    name, name_en = _plan_names(parse_form(title), year, place, lead)
    plan: dict[str, Any] = {"id": plan_id or derived, "name": name, "name_en": name_en}
    plan["year"] = year
    if title:
        plan["source"] = title
    # the name heads every status and report: a reviewer checks it (`init`, `validate` say so)
    plan["review"] = _(PLAN_NAME_REVIEW)
    where = name[: name.index(str(year))] if str(year) in name else ""
    if not where:  # no place in the title nor the lead's (罗湖区's news page: 2023年罗湖经济…)
        plan["review"] += _review_separator() + _(NO_PLACE_REVIEW)
    if _below_province(where) and name_en.startswith(str(year)):
        # a place below a province (昆明市官渡区), which the draft cannot spell in English:
        # the English screens and report would read as the national plan's
        plan["review"] += _review_separator() + _(PLACE_EN_REVIEW).format(place=where)
    return {
        "plan": plan,
        "sections": sections,
        "targets": [t.to_toml(text) for t in targets],
    }


def _review_separator() -> str:
    """What joins a review's notes: 。 in Chinese, as a target's are joined."""
    return "。" if language() == "zh" else "; "


PLAN_NAME_REVIEW = N_(
    "the plan's name heads every status screen and report: check the place, the year and "
    "what the plan is (经济社会发展主要预期目标, or a 计划报告's 国民经济和社会发展计划)"
)
# A name that opens with its year names no place: every screen would read as the national
# plan's, and the generic review left the analyst to notice it (session 43 walk11).
NO_PLACE_REVIEW = N_(
    "the name names no place (the report's title names none): write the place before the year, "
    "in name and in name_en"
)
PLACE_EN_REVIEW = N_(
    "name_en names no place: add {place}'s English name (Guandu District 2022 …), or the "
    "English screens and report read as the national plan's"
)
_FULL_NAMES = {
    "beijing": "北京市",
    "tianjin": "天津市",
    "shanghai": "上海市",
    "chongqing": "重庆市",
    "neimenggu": "内蒙古自治区",
    "guangxi": "广西壮族自治区",
    "xizang": "西藏自治区",
    "ningxia": "宁夏回族自治区",
    "xinjiang": "新疆维吾尔自治区",
}
# the place a title names, up to the government or the year it speaks for (2026年河南省政府工作
# 报告, 陕西省2026年政府工作报告, 关于昆明市官渡区2021年…计划…的报告, 苏州市吴中区人民政府工作报告)
_TITLE_PLACE = re.compile(
    # (not 年河南省: the place after the year; not 全省, 本市: no place named)
    r"(?:^|(?<=年)|(?<=[^\u4e00-\u9fff]))(?![年全本我该])"
    r"(?P<place>[\u4e00-\u9fff]{1,16}?(?:自治区|自治州|省|市|区|县|州|盟|旗))"
    r"(?=(?:人民)?政府|\d{4}\s*年|国民经济)"
)


def _plan_names(title: str, year: int, place: str, lead: str | None) -> tuple[str, str]:
    """The plan's Chinese and English names as the bundled plans have them (河南省2026年经济社会
    发展主要预期目标; a 计划报告's 官渡区2022年国民经济和社会发展计划): the place the title
    names, else the province of the plan id (`place`, its pinyin; "draft" for none), else the
    place the targets' lead names (`lead`: 临汾市2020年主要预期目标)."""
    found = _TITLE_PLACE.search(re.sub(r"^[(（][^)）]*[)）]|^关于", "", title))
    chinese = dict((pinyin, chinese) for chinese, pinyin in PROVINCES).get(place)
    if found is not None:
        where = found.group("place")
    elif chinese is not None:
        where = _FULL_NAMES.get(place, f"{chinese}省")
    else:
        where = lead or ""
    english = _ENGLISH_PLACES.get(place, place.capitalize()) + " " if chinese else ""
    if "计划" in title and "政府工作报告" not in title:
        return (
            f"{where}{year}年国民经济和社会发展计划",
            f"{english}{year} National Economic and Social Development Plan",
        )
    return (
        f"{where}{year}年经济社会发展主要预期目标",
        f"{english}{year} main expected targets of economic and social development",
    )


def plan_toml(plan: dict[str, Any], header: str = "") -> str:
    """The plan as TOML, laid out like the bundled plans: [plan], then each [[sections]] and
    [[targets]] as a table of its own (tomli-w would inline short arrays of tables)."""
    import tomli_w

    def line(key: str, value: Any) -> str:
        if isinstance(value, dict):  # baseline, projects: inline, as the bundled plans write them
            inner = ", ".join(tomli_w.dumps({k: v}).strip() for k, v in value.items())
            return f"{key} = {{ {inner} }}\n"
        if key == "aliases":  # one line, as plans write it: aliases = ["地区生产总值", "生产总值"]
            names = ", ".join(tomli_w.dumps({"n": name})[4:].strip() for name in value)
            return f"{key} = [{names}]\n"
        return tomli_w.dumps({key: value})

    chunks = [header, tomli_w.dumps({"plan": plan["plan"]})]
    for key in ("sections", "targets"):
        for item in plan[key]:
            chunks.append(f"\n[[{key}]]\n" + "".join(line(k, v) for k, v in item.items()))
    return "".join(chunks)
