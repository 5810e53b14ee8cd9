"""Rich renderers of the plan: targets table, one target's detail, findings."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from rich import box
from rich.cells import cell_len
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from plancli.assess.bounds import bound_of
from plancli.fmt import (
    bound_text,
    computed,
    fall_text,
    halfway_note,
    num,
    relation_sign,
    table_cell,
)
from plancli.i18n import N_, Lang, _, t
from plancli.judged_edges import compact_edge
from plancli.periods import applies_from
from plancli.plain import AnyAmendment, Plan, Target, plain_amendment
from plancli.plan import BundledPlan
from plancli.plan_checks import Finding
from plancli.render import shown, target_name, zh_brackets
from plancli.render.amended import amended_list, entry_period, short_reference
from plancli.render.fitted import FittedTable
from plancli.render.id_line import IdFirst
from plancli.render.runs import ItemLines, keeping_runs, name_text, note_text
from plancli.render.widths import Column, id_column

# Below this width the kind column is left out: the id (what people type) and the target
# never wrap, and the name gets the room (`plancli targets --kind K` still filters by kind).
WIDE = 110


def targets_table(
    plan: Plan,
    targets: list[Target],
    lang: Lang,
    width: int = 80,
    drops: Mapping[str, AnyAmendment] | None = None,
) -> FittedTable:
    """The plan's targets; a target in `drops` (the amendment in force at the year's end: a
    bound adjusted at the mid-year adjustment, a target dropped, 不再考核, or re-instated)
    shows that bound (`dropped` for a drop) with a †, and a caption giving the period (and a
    drop's note)."""
    drops = {tg.id: drops[tg.id] for tg in targets if tg.id in drops} if drops else {}
    wide = width >= WIDE
    years = sorted({tg.baseline.year for tg in targets if tg.baseline is not None})
    # One baseline year (the usual case) goes in the header, so the cells stay short.
    one_year = years[0] if len(years) == 1 else None
    baseline_header = f"{t('baseline', lang)} {one_year}" if one_year else t("baseline", lang)
    figure = {"justify": "right", "no_wrap": True}
    columns = [
        id_column(t("id", lang), [tg.id for tg in targets]),
        # Under the id when the ids and bounds leave it no room (a 2026 plan's at 80 columns):
        # else Rich, out of room, crops every column alike (a baseline of 5.1 % as "5.").
        Column(
            t("name", lang),
            # a Chinese name broken between characters as gap's and status's (`KeepsRuns`):
            # never a run of letters split, nor one character left alone on the last line (an
            # English name wraps at its spaces, as before: its longest word would put every
            # name under its id)
            [
                name_text(shown(target_name(tg, lang)))
                if lang == "zh"
                else shown(target_name(tg, lang))
                for tg in targets
            ],
            0,
            {"ratio": 1, "min_width": 10, "overflow": "fold"},
            under=True,
        ),
    ]
    if wide:
        kinds = [shown(t(f"kind.{tg.kind}", lang)) for tg in targets]
        columns.append(Column(t("kind", lang), kinds, 0, {"no_wrap": True}))
    columns += [
        # With the name under the id and still too wide (60 columns), the one column Rich may
        # narrow: a long bound (> national_income_growth) wraps, or ends in "…".
        Column(
            t("target", lang),
            [_bound_shown(_bound_cell(plan, tg, drops.get(tg.id), lang)) for tg in targets],
            0,
            figure,
            narrows=True,
        ),
    ]
    baselines = [shown(baseline_text(tg, one_year is None, lang)) for tg in targets]
    # A column blank in every row (`targets --search 收入` on 浙江: no baseline given) is left
    # out, as the reports leave out theirs: a bare 基数 over nothing read as a figure missing.
    if any(str(cell) for cell in baselines):
        columns.append(Column(baseline_header, baselines, 0, figure))
    title = shown(plan.plan.name if lang == "zh" else plan.plan.name_en)
    caption = None
    if drops:  # † 目标经年中调整：固定资产投资自2022年6月起不再考核（区人大常委会…）
        entries = []
        for tg in targets:
            if tg.id in drops:
                key = "dropped_from" if drops[tg.id].drops else "amended_from"
                period = entry_period(applies_from(drops[tg.id].period), lang)
                entry = t(key, lang).format(name=target_name(tg, lang), period=period)
                note = drops[tg.id].note if drops[tg.id].drops else None
                entries.append(
                    entry + (f"（{note}）" if lang == "zh" else f" ({note})") if note else entry
                )
        caption = amended_list(entries, lang)  # as gap's and status's, broken between entries
    return FittedTable(
        columns,
        box=box.SIMPLE_HEAD,
        title=title,
        pad_edge=False,
        caption=caption,
        caption_justify="left",
    )


_BRACKET = re.compile(r"（[^（）]*）")


def _bound_shown(cell: str) -> Text:
    """A bound's cell, which a narrow column breaks before its bracket (`≥ 1300 亿斤` over
    `（力争高于上年1350.97亿斤）`), never inside a figure and its unit (verify C)."""
    text = shown(cell)
    at = text.plain.find("（")
    if at <= 0:  # English: `≈ 29 微克/立方米` over `(≤30.45 微克/立方米)`, never `(≤30.45` over
        at = text.plain.find(" (") + 1  # `微克/立方米)` (北京's pm25 at 72–80 columns, s43)
    if at <= 0:
        return text
    return ItemLines([text.plain[:at], text.plain[at:]], style=str(text.style))


def _bound_cell(plan: Plan, target: Target, amendment: AnyAmendment | None, lang: Lang) -> str:
    """The target cell: the bound in force at the year's end, an X左右 with the edge it is
    judged at (`≈ 5.5 %（≥5%）`, as `status` and `gap` write it), a relative target naming its
    reference (`≈ 地区生产总值`, not the id `≈ gdp`: audit S D9), `†` for an amendment."""
    dagger = "" if amendment is None else "†"
    if target.kind == "relative":
        return f"{relation_sign(target.relation)} {_short_reference(plan, target, lang)}{dagger}"
    text = bound_text(target, amendment, lang)
    if lang == "zh":  # full-width brackets as show, status and gap write them (audit D D5),
        # a figure and its unit together inside, as the judged edge's `≈ 5 %（≥4.5%）`:
        # `≥ 1300 亿斤（力争高于上年1350.97亿斤）`, never cut between 1350.97 and 亿斤 (verify C)
        text = _BRACKET.sub(lambda found: table_cell(found.group(), lang), zh_brackets(text))
    dropped = amendment is not None and amendment.drops
    bound = (
        None
        if dropped
        else bound_of(
            target, plan.plan.status, None if amendment is None else plain_amendment(amendment)
        )
    )
    if bound is None or bound.around is None or (bound.low is None and bound.high is None):
        return text + dagger
    edges = target._replace(
        min=computed(bound.low), max=computed(bound.high), around=None, stretch=None
    )
    edge = bound_text(edges._replace(exclusive=False), lang=lang)
    return text + compact_edge(edge, lang) + dagger


def _short_reference(plan: Plan, target: Target, lang: Lang) -> str:
    """A relative target's reference in the target column (`short_reference`): ≈ 地区生产总值,
    ≈ GDP, or the id of a name longer than the column takes."""
    name = reference_name(plan, target, lang) or ""
    return short_reference(name, target.reference) if target.reference is not None else name


def decline_base(target: Target, growth: Decimal, lang: Lang) -> str | None:
    """A decline target's baseline growth in Chinese as the report writes it, 下降3.2%, beside
    `下降 ≥ 3 %` (a bare `-3.2 %` there: audit W D13); None otherwise (English keeps -3.2 %)."""
    return fall_text(target, -growth, "zh") if lang == "zh" and target.decline else None


def baseline_text(target: Target, with_year: bool = True, lang: Lang = "en") -> str:
    """The baseline as the table's one cell, with its unit as `show` writes it: a growth
    target's growth (`5.4 %`), else its figure (`107 万人`, `27 微克/立方米`, `3.02 %`). What
    the baseline holds stands in for what it lacks: a growth target's amount alone (`605.02
    亿元`, the report giving no growth), an indicator's growth alone (`14.1 %`)."""
    base = target.baseline
    if base is None:
        return ""
    unit = target.unit.strip()
    value = f"{num(base.value)} {unit}".rstrip() if base.value is not None else None
    growth = f"{num(base.growth)} %" if base.growth is not None else None
    if base.growth is not None and (fall := decline_base(target, base.growth, lang)):
        growth = fall
    if target.kind in ("growth", "relative"):
        text = growth or value or "—"
    else:
        text = value or growth or ""
    if not text:
        return ""
    text = text.replace(" ％", " %")
    return f"{base.year}: {text}" if with_year else text


def reference_name(plan: Plan, target: Target, lang: Lang) -> str | None:
    """The target a relative target is compared with, as a reader knows it: its name in the
    language shown (全国固定资产投资增速, National fixed-asset investment growth; the Chinese
    name when it has no English one), its id only when the plan has no such target."""
    if target.reference is None:
        return None
    reference = plan.target(target.reference)
    if reference is None:
        return target.reference
    names = [reference.name_en, reference.name] if lang == "en" else [reference.name]
    return next((n.strip() for n in names if n and n.strip()), target.reference)


def _judged(plan: Plan, target: Target, lang: Lang) -> str:
    """The plan's bound, and for an X左右 the edge it is judged at (`≈ 5.5 %，按 ≥ 5 % 考核`),
    as the assessment below it and `amend --around` say it."""
    text = bound_text(target, lang=lang)
    bound = bound_of(target, plan.plan.status) if target.around is not None else None
    if bound is None or (bound.low is None and bound.high is None):
        return text
    edges = target._replace(
        min=computed(bound.low), max=computed(bound.high), around=None, stretch=None
    )
    edges = edges._replace(exclusive=False)
    judged = t("judged_edges", lang).format(bound=text, edges=bound_text(edges, lang=lang))
    if bound.around_baseline is None or bound.around is None:
        return judged
    return judged + halfway_note(bound.around_baseline, bound.around, target.unit, lang)


def target_detail(
    plan: Plan, target: Target, lang: Lang, adjusted: str | None = None
) -> RenderableType:
    """The plan's target, line by line; `adjusted`, the bound of an amendment in force (`fall
    ≥ 3.8 %`), shown after the plan's (`pending`), which it replaces in the assessment."""
    rows = Table.grid(padding=(0, 2))
    rows.add_column(style="bold")
    rows.add_column(overflow="fold")
    section = plan.section(target.section)
    labels = [t("id", lang)]

    def add(label: str, value: str | None, newlines: bool = False, name: bool = False) -> None:
        if value:
            labels.append(label)
            # a text (the report's quote) broken between characters or at a space, never
            # inside a figure (`新开工项目4` over `6项` read as 4 new projects, `总投资415.` over
            # `05亿元`); a name under the id as the tables break it (`大罗家营366号民居、` over
            # `向旭庵等…`), a list of ids between them (`investment_roads、` over
            # `investment_municipal、`, not `investment_m` over `unicipal`)
            text = shown(value, newlines=newlines)
            # a paragraph (the quote, a note) fills its lines: `“CPI` was left alone on one
            rows.add_row(label, name_text(text) if name else keeping_runs(text, fills=newlines))

    # the id first, on a line of its own where it does not fit beside its label (`IdFirst`)
    add(t("name", lang), target.name, name=True)
    if target.name_en != target.name:  # a plan in Chinese alone: its name once, not twice
        add(t("name_en", lang), target.name_en, name=True)
    if lang == "zh" and section is not None and section.name.strip():
        # the name first, as a Chinese reader knows the part; the id, which `--section`
        # takes, in brackets (`urban` before the name read like an untranslated word)
        add(t("section", lang), f"{section.name.strip()}（{target.section}）", name=True)
    else:  # in English its English name where the plan gives one (Headline targets)
        named = section and (section.name_en.strip() or section.name)
        add(t("section", lang), f"{target.section}  {named or ''}", name=True)
    add(t("kind", lang), t(f"kind.{target.kind}", lang))
    # a growth's bound is in %: its unit is the year-to-date amount's (亿元 beside > 0 %); a
    # growth in % of no amount (an intensity's fall, `unit = "%"`) has no amount unit to show
    growth = target.kind in ("growth", "relative")
    if not (growth and target.unit.strip() in ("%", "％")):
        add(t("amount_unit" if growth else "unit", lang), target.unit)
    compared_with = reference_name(plan, target, lang)
    if target.kind == "relative" and compared_with is not None:
        add(t("target", lang), f"{relation_sign(target.relation)} {compared_with}")
    else:
        bound = _judged(plan, target, lang)
        if adjusted is not None:  # an amendment in force: 待下达（已调整：下降 ≥ 3.8 %）
            bound += t("adjusted_to", lang).format(bound=adjusted)
        add(t("target", lang), zh_brackets(bound) if lang == "zh" else bound)
    add(t("frequency", lang), t(f"freq.{target.frequency}", lang))
    add(t("owner", lang), (target.owner or "").strip())  # 牵头单位: who records it
    if target.reference is not None:
        relation = t(f"relation.{target.relation or 'same'}", lang)
        # the name, and the id in brackets (what `show`, `record` and `amend` take)
        bracketed = f"（{target.reference}）" if lang == "zh" else f" ({target.reference})"
        named = f"{compared_with}{bracketed}" if compared_with != target.reference else ""
        add(t("reference", lang), f"{relation} {named or target.reference}")
    if target.figures_of is not None:  # one series compared two ways: recorded as the other
        source = plan.target(target.figures_of)
        name = None if source is None else source.name if lang == "zh" else source.name_en
        bracketed = f"（{target.figures_of}）" if lang == "zh" else f" ({target.figures_of})"
        add(t("figures_of", lang), f"{name}{bracketed}" if name else target.figures_of)
    if target.opening is not None:
        add(t("opening", lang), f"{num(target.opening)} {target.unit}")
    if target.profile:
        add(t("profile", lang), ", ".join(num(p) for p in target.profile))
    add(t("due", lang), target.due)
    if target.parts:
        add(t("parts", lang), ("、" if lang == "zh" else ", ").join(target.parts), name=True)
    if target.projects:
        p = target.projects
        text = t("detail.projects", lang).format(total=p.total, continuing=p.continuing, new=p.new)
        if p.total_investment:
            amount = num(p.total_investment)
            text += t("detail.total_investment", lang).format(amount=amount, unit=target.unit)
        add(t("projects", lang), text)
    if target.baseline:
        b = target.baseline
        # The plan of that year as the report wrote it (正增长, 5以内), else its figure, each with
        # its unit: a growth target's plan is a growth in %.
        plan_unit = "%" if target.kind in ("growth", "relative") else target.unit
        if b.plan_text and b.plan_text != num(b.plan):
            planned = b.plan_text
        else:
            planned = f"{num(b.plan)} {plan_unit}" if b.plan is not None else ""
        fields = [
            f"{t('detail.value', lang)} {num(b.value)} {target.unit}{_stated(b.value_text, lang)}"
            if b.value is not None
            else "",
            (
                decline_base(target, b.growth, lang)
                or f"{t('detail.growth', lang)} {num(b.growth)} %"
            )
            if b.growth is not None
            else "",
            f"{t('detail.plan', lang)} {planned}" if planned else "",
        ]
        separator = "；" if lang == "zh" else "; "
        add(f"{t('baseline', lang)} {b.year}", separator.join(f for f in fields if f))
    add(t("quote", lang), _as_read(target.quote), newlines=True)  # it may span lines
    # The note in the chosen language where the plan gives one (`note_en`), else as written.
    note = target.note_en if lang == "en" and target.note_en else target.note
    add(t("note", lang), note, newlines=True)
    add(t("review", lang), target.review, newlines=True)
    return IdFirst(t("id", lang), shown(target.id), rows, max(map(cell_len, labels)))


FINDING_LEVELS = (N_("warning"),)

# A message's phrase up to this wide (`报告中找不到原文引用：`, 22) is kept whole beside its id,
# else the message goes under it
MESSAGE_PHRASE = 24


def findings_table(findings: list[Finding]) -> FittedTable:
    """Each finding: its level, the target's id (whole, on a line of its own above the message
    on a narrow terminal) and the message, which breaks between words, never inside an id."""
    messages = [shown(f.message, newlines=True) for f in findings]
    # beside ids that leave it less than its widest phrase (`报告中找不到原文引用：`), each
    # finding is a card, its message on the line's room: at 60 columns beside a 26-character
    # id it went `报告中找不到原文引` over `用：'…` (session 37)
    # (a longer phrase breaks anyway: `地区生产总值增长7%以上` three times over, no stop)
    widths = (w for m in messages for w in note_text(m).phrase_widths() if w <= MESSAGE_PHRASE)
    phrase = max(widths, default=0)
    columns = [
        Column(_("level"), [shown(_(f.level)) for f in findings], 0, {"style": "yellow"}),
        id_column(_("target"), [f.target or "" for f in findings]),
        Column(
            _("message"),
            messages,
            0,
            {"overflow": "fold", "ratio": 1, "min_width": 16},
            room=16,
            under=True,
            phrase=phrase,
        ),
    ]
    return FittedTable(columns, box=box.SIMPLE_HEAD)


def plans_table(plans: list[BundledPlan], lang: Lang) -> FittedTable:
    """The bundled plans; the name under the id when the terminal leaves it too little room
    (at 40 columns it folded two characters a line, the year split: `区202` over `2年`)."""
    names = [shown(plan.name if lang == "zh" else plan.name_en) for plan in plans]
    figure = {"justify": "right", "no_wrap": True}
    columns = [
        id_column(t("id", lang), [plan.id for plan in plans]),
        Column(t("year", lang), [Text(str(plan.year)) for plan in plans], 0, figure),
        Column(t("targets", lang), [Text(str(plan.targets)) for plan in plans], 0, figure),
        Column(
            t("name", lang),
            names,
            0,
            {"ratio": 1, "overflow": "fold", "min_width": 12},
            room=12,
            under=True,
        ),
    ]
    return FittedTable(columns, box=box.SIMPLE_HEAD, pad_edge=False)


def _as_read(quote: str | None) -> str | None:
    """A quote as the report reads: the lines a copy broke it into, without a CRLF's \r, a
    form feed, or a PDF's page furniture between two of them — its page number (— 37 —, a
    bare 11), its running head — all of which `extract` read past and the quote keeps
    verbatim (`furniture.quote_lines`, the one reading every command shares)."""
    from plancli.extract.furniture import quote_lines

    if not quote:
        return quote
    return "\n".join(quote_lines(quote.replace("\r\n", "\n")))


def _stated(text: str | None, lang: str) -> str:
    """The level as the report states it, after the plan's (52000 亿元（5.2万亿元）): its
    precision, which the growth still needed is shown to (rest_precision.py)."""
    if text is None:
        return ""
    return f"（{text}）" if lang == "zh" else f" ({text})"
