"""The interface's fixed words in English and Chinese, by key (`i18n.t`): table headings,
status names, kinds, the report's phrases. Messages with arguments go through gettext instead
(the zh catalog under `locale/`)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (en, zh)
    "id": ("id", "编号"),
    "name": ("name", "名称"),
    "section": ("section", "部分"),
    "kind": ("kind", "类型"),
    "unit": ("unit", "单位"),
    "amount_unit": ("unit of the amount", "总量单位"),
    "adjusted_to": (" (adjusted: {bound})", "（已调整：{bound}）"),
    "target": ("target", "目标"),
    "baseline": ("baseline", "基数"),
    "quote": ("quote", "原文"),
    "targets": ("targets", "目标数"),
    "year": ("year", "年度"),
    "total": ("total", "合计"),
    "frequency": ("frequency", "频率"),
    "owner": ("owner", "牵头单位"),
    "parts": ("parts", "构成"),
    "projects": ("projects", "项目"),
    "name_en": ("name_en", "英文名称"),
    "profile": ("profile", "季度进度"),
    "freq.monthly": ("monthly", "月度"),
    "freq.quarterly": ("quarterly", "季度"),
    "freq.annual": ("annual", "年度"),
    "detail.projects": (
        "{total} ({continuing} continuing, {new} new)",
        "{total}项（续建{continuing}项，新开工{new}项）",
    ),
    "detail.total_investment": (", total investment {amount} {unit}", "，总投资{amount}{unit}"),
    "detail.value": ("value", "绝对值"),
    "detail.growth": ("growth", "增长率"),
    "detail.plan": ("plan", "计划"),
    "kind.growth": ("growth", "增速"),
    "kind.level": ("level", "水平"),
    "kind.cumulative": ("cumulative", "累计"),
    "kind.milestone": ("milestone", "节点"),
    "kind.relative": ("relative", "相对"),
    "kind.change": ("change", "百分点变动"),
    "kind.trend": ("trend", "趋势"),
    "kind.indicator": ("indicator", "跟踪指标"),
    "kind.ongoing": ("ongoing", "持续推进"),
    "relation": ("relation", "关系"),
    "relation.same": ("in step with", "同步于"),
    "relation.above": ("above", "高于"),
    "relation.not_below": ("not below", "不低于"),
    "relation.below": ("below", "低于"),
    "opening": ("opening stock", "年初存量"),
    "review": ("to review", "待核"),
    # assessment (gap, status, show)
    "status": ("status", "状态"),
    "status.met": ("met", "完成"),
    "status.on_track": ("on track", "正常推进"),
    "status.at_risk": ("at risk", "存在风险"),
    "status.behind": ("behind", "滞后"),
    "status.missed": ("missed", "未完成"),
    "status.no_data": ("no data", "无数据"),
    # a year's average short of its bound before the year's figure (PM2.5's winter 45): its
    # row's status cell, a no_data counted as 无数据 (assess/band_side.status_key)
    "status.year_average": ("seasonal", "无全年数据"),
    "status.pending": ("pending", "待下达"),
    # where a milestone's due date (节点时间) came from: `amend --due` (due_words, milestone_due)
    "due_source.amendment": ("set by amend", "任务分解调整"),
    "status.tracked": ("tracked", "跟踪"),
    "status.dropped": ("dropped", "不再考核"),
    # a band target (CPI 2%左右: 1.5–2.5%) outside its band, in place of 滞后 / 未完成 in a
    # row's status cell (assess/band_side.py; the JSON keeps `behind` / `missed`)
    "band.above": ("above band", "偏高"),
    "band.below": ("below band", "偏低"),
    "band.off": ("outside band", "偏离区间"),  # their count, in `gap`'s line of counts
    "band.group": ("off their band", "偏离目标区间"),  # the report's 偏离目标区间的目标1项：…
    # the Chinese workbook's true/false cells (report/xlsx_words); English keeps TRUE/FALSE
    "cell.true": ("true", "是"),
    "cell.false": ("false", "否"),
    # the workbook's `actual_from` and `stretch_exceeds` cells (report/xlsx_words)
    "actual_from.own": ("own", "本指标记录"),
    "actual_from.parts": ("parts", "各构成之和"),
    "stretch_exceeds.figure": ("figure", "争取目标值"),
    "stretch_exceeds.last_year": ("last_year", "上年实际"),
    "as_of": ("as of", "截至"),
    "time_progress": ("time progress", "时间进度"),
    "expected_share": ("expected by now", "应完成进度"),
    "completion": ("completion", "完成率"),
    "done": ("done", "完成率"),
    "done_or_actual": ("done / actual", "完成率 / 完成值"),
    "gap": ("gap", "差距"),
    "pace_gap_pp": ("vs pace", "快慢"),
    # its unit, on a line of its own under the column's header (the report's 快慢（百分点）)
    "pace_gap_pp_unit": ("pp", "百分点"),
    "actual": ("actual", "完成值"),
    "needs": ("needs", "尚需"),
    "per_month": ("/mo", "/月"),
    "in_months": ("/{months} mo", "/{months}个月"),  # 2个/6个月: what the months left need
    "rest_of_year": ("rest", "余期"),
    "trend": ("trend", "走势"),
    "period": ("period", "期间"),
    "projection": ("projection", "全年预计"),
    "required_per_month": ("needed per month", "月均需完成"),
    "required_rest": ("needed in the months left", "余下月份需完成"),
    "required_growth_rest": ("growth needed in the rest of the year", "余下月份需增长"),
    "months_left": ("months left", "剩余月数"),
    # `show` of a target met: when, and by which record (settled.py)
    "met_done": ("done", "完成于"),
    "met_on": ("met", "完成于"),  # status.met is 完成 too
    "tolerance": ("tolerance", "容差"),
    # a growth's or a pace's tolerance: short by no more than it is 存在风险, not 滞后 (a
    # bare 容差 beside ≈ 5.5 % read as 5.5 ± 1: audit P, D5)
    "at_risk_tolerance": ("at-risk tolerance", "存在风险容差"),
    # where an X左右 target is judged, as `amend --around` says it: ≈ 5.5 %，按 ≥ 5 % 考核
    "judged_edges": ("{bound}, judged {edges}", "{bound}，按 {edges} 考核"),
    "judged_edge_cell": (" ({edge})", "（{edge}）"),  # in a table: ≈ 5.5%（≥5%）, as the 差距
    # a relation's reference figure of another period than the table's (≈ 4.7%（前三季度）)
    "reference_period_cell": (" ({period})", "（{period}）"),
    # …and why, for a roll-up over its parts' sum by rounding (官渡 58.72 vs 58.71)
    "parts_sum_why": (
        " (its parts' targets' sum: the difference is the report's rounding)",
        "（分项目标之和，其差为报告的舍入差）",
    ),
    # …and in a table, beside its bound: 58.72（按分项合计58.71考核）
    "parts_sum_edge_cell": (" (≥{sum}: parts' sum)", "（按分项合计{sum}考核）"),
    # …and why, for a level moving toward X: half-way from the baseline (研发投入强度4.6%左右)
    "around_halfway": (
        " (half-way from last year's {base} to the target {around})",
        "（上年{base}至目标{around}的中点）",
    ),
    "same_floor": (" (in step at {floor} % or more)", "（不低于 {floor} % 即为同步）"),
    "reference": ("reference", "参照"),
    # a target judged on another's figures (figures_of): one series compared two ways
    "figures_of": ("figures of", "数据取自"),
    "due": ("due", "节点时间"),
    "stale": ("stale", "数据未更新"),
    "stale_note": (
        "the latest figure is older than the target's frequency allows",
        "最新数据早于应报送期",
    ),
    "partial_note": (
        "a sum without the parts not yet recorded: it can only understate",
        "部分构成尚无数据，合计只含已报送部分（只会偏低）",
    ),
    "parts_missing": ("parts without a record", "未报送的构成"),
    # a stock counted from its level at the year's start (`opening`): what its completion is of
    "opening_note": (
        "{name}: completion counted from the opening {opening}: "
        "({actual} − {opening}) ÷ ({target} − {opening}) = {completion}",
        "{name}：完成率自年初{opening}起计，({actual} − {opening}) ÷ ({target} − {opening}) = "
        "{completion}",
    ),
    "own_superseded": ("own figure", "自身数值"),
    "own_superseded_detail": (
        "{figure} ({period}), superseded: every part has a later figure, their sum is in force",
        "{figure}（{period}），已被取代：各构成均有更新的数据，以其合计为准",
    ),
    "assessment": ("assessment", "评估"),
    "history": ("history", "记录"),
    "value": ("value", "数值"),
    "amount": ("amount", "总量"),
    "note": ("note", "备注"),
    "recorded_at": ("recorded", "录入时间"),
    "pp": ("pp", "个百分点"),
    "amended": ("adjusted", "年中调整"),
    "amended_note": ("bound adjusted mid-year (年中调整)", "目标经年中调整"),
    "amended_from": ("{name} from {period}", "{name}自{period}起"),
    "amended_detail": ("bound adjusted from {period} on", "自{period}起按调整后的目标评估"),
    "dropped_from": ("{name} dropped from {period}", "{name}自{period}起不再考核"),
    "dropped_detail": ("dropped: no longer judged from {period} on", "自{period}起不再考核"),
    "headline": ("Headline indicators", "主要预期目标"),
    "by_section": ("By section", "分领域情况"),
    "investment": ("Investment plan", "政府投资计划"),
    "worst": ("Work targets most behind", "最滞后的工作目标"),
    # a band target off its band (偏高 / 偏低) is among them: the heading names it, as the
    # report's (report.attention_band)
    "worst_band": (
        "Work targets most behind or off their band",
        "最滞后和偏离目标区间的工作目标",
    ),
    "nothing_behind": ("No work target is behind or at risk.", "没有滞后或存在风险的工作目标。"),
    "no_records": (
        "No figures recorded yet: record them with `plancli record` or `plancli import`.",
        "尚无数据：请用 plancli record 或 plancli import 录入。",
    ),
    "no_records_year": (
        "No figures for {year} recorded: the ledger's {n} are for {years} (last year's ledger?).",
        "尚无{year}年数据：台账中的{n}个数据均为{years}年数据（是否为上年台账？）。",
    ),
    "no_records_plan": (
        "No figures for this plan's targets in {year}: the ledger's {n} are for other targets.",
        "尚无本计划{year}年各项目标的数据：台账中的{n}个数据均不属于本计划的目标。",
    ),
    "no_targets": ("No target matches.", "没有符合条件的目标。"),
    "ledger": ("ledger:", "台账："),
    "plan.workspace": ("plan: {plan} (from {marker})", "计划：{plan}（据 {marker}）"),
    "reason.no_base": (
        "no base level: set baseline.value or record the year before",
        "无基数：在计划中填写基数或录入上年末数值",
    ),
    "reason.no_records": ("nothing recorded in the plan year", "本年度尚无任何记录"),
    "reason.no_record": ("no record at or before the as-of period", "截至该期无记录"),
    "reason.no_reference_record": (
        "the reference target has no record for the same period",
        "参照指标同期无记录",
    ),
    # a relative target's reference, in `gap` and `status`, while its figure for the same period
    # is not out (`no_reference_record`): `≈ 参照` in the cell, the legend names it
    "reference_cell": ("ref.", "参照"),
    "awaiting_reference": (
        "{mark}: {name}, not yet out for {period}",
        "{mark}：{name}同期（{period}）尚无数据",
    ),
    # under `gap` and `status`, which target a relation's figure after ≈ (>, ≥, <) is the
    # growth of, and how the rows compare with it (与地区生产总值增长同步), a line each
    "reference_growth": ("{name} growth", "{name}增速"),
    "reference_legend.same": (
        "{sign} {growth}: {names} in step with it",
        "{sign}{growth}：{names}与之同步",
    ),
    "reference_legend.above": (
        "{sign} {growth}: {names} above it",
        "{sign}{growth}：{names}高于此",
    ),
    "reference_legend.not_below": (
        "{sign} {growth}: {names} not below it",
        "{sign}{growth}：{names}不低于此",
    ),
    "reference_legend.below": (
        "{sign} {growth}: {names} below it",
        "{sign}{growth}：{names}低于此",
    ),
    "reason.part_year": (
        "a figure for part of the year only; the target is judged on the year's total",
        "仅有年内阶段数据，该目标按全年数据考核",
    ),
    "reason.year_average": (
        "the year's average to date; the target is judged on the year's figure",
        "年内累计平均值，该目标按全年数据考核",
    ),
    "report.no_year_figure": ("no figure for the year", "无全年数据"),
    "reason.no_parts_record": (
        "neither it nor any of its parts has a record",
        "本身及各构成均无记录",
    ),
    # the first `status` or `gap` on an empty ledger (cli.assess_cmds.first_run_hint)
    "hint.first_run": (
        "note: no figures yet in {ledger}; a worked example: plancli --plan guandu-2021 status",
        "提示：{ledger} 中尚无数据；真实数据的示例：plancli --plan guandu-2021 status",
    ),
    "hint.first_run_init": (
        "      start a workspace: plancli init DIR, or plancli init --demo DIR with demo figures",
        "      新建工作目录：plancli init 目录；带半年演示数据：plancli init --demo 目录",
    ),
    # reports (`plancli report`, `plancli template`); {placeholders} are filled with format()
    "report.title": ("progress report", "执行进度报告"),
    "report.title_year_end": ("implementation report", "执行情况报告"),
    "report.as_of": (
        "As of {as_of}; time progress {time_progress}.",
        "截至{as_of}，时间进度{time_progress}。",
    ),
    "report.indicator": ("Indicator", "指标"),
    # the headline table's figure column during the year: 完成值 / Actual, true of every row
    # (a growth rate, a level, an amount); 累计完成 / Year to date headed CPI's 2.8% (s40)
    "report.ytd": ("Actual", "完成值"),
    "report.full_year": ("Full year", "全年完成"),
    "report.category": ("Category", "类别"),
    # the investment plan's projects (官渡区2022: 91项，续建45项、新开工46项), beside its table
    "report.projects": ("Projects (continuing/new)", "项目数（续建/新开工）"),
    "investment_plan.projects": (
        "The plan: {total} projects, {continuing} continuing and {new} new",
        "计划实施项目{total}项，其中续建{continuing}项、新开工{new}项",
    ),
    "investment_plan.total_investment": (
        ", {amount} {unit} of total investment",
        "，总投资{amount}{unit}",
    ),
    "investment_plan.planned": (
        ", {amount} {unit} planned for the year",
        "，年度计划投资{amount}{unit}",
    ),
    "report.with_figures": ("in the average", "计入平均"),
    "report.avg_completion": ("average completion", "平均完成率"),
    # a roll-up summed from some of its parts: left out of the averages and counts as a total
    "report.partial_note": (
        " {name}: {reported} of its {parts} parts reported, so its sum is no total; the parts "
        "reported are averaged and counted instead.",
        "{name}仅{parts}项构成中{reported}项有数据，合计不完整，未作为总数计入平均和任务过半统计，"
        "改按已有数据的构成项计入。",
    ),
    "report.section_note": (
        "Average completion: the mean completion of the section's cumulative targets and "
        "milestones that have a figure (above 100% counts as 100%; a roll-up counts once, by its "
        "total, its parts not again), against the mean share expected of them by now.",
        "平均完成率：本领域已有数据的累计类和节点类目标完成率的平均值（超过100%按100%计；"
        "合计类目标按合计计入一项，其构成不另计），与这些目标应完成进度的平均值比较。",
    ),
    "report.attention": ("Targets behind or at risk", "滞后和存在风险的目标"),
    "report.no_attention": ("No target is behind or at risk.", "没有滞后或存在风险的目标。"),
    "report.no_attention_year": ("No target was missed.", "没有未完成的目标。"),
    "report.attention_missed": (
        "Targets missed, behind or at risk",
        "未完成、滞后和存在风险的目标",
    ),
    # a band target off its band (偏高 / 偏低) is under them: the heading names it
    "report.attention_band": (
        "Targets behind, off their band or at risk",
        "滞后、偏离目标区间和存在风险的目标",
    ),
    "report.attention_missed_band": (
        "Targets missed, behind, off their band or at risk",
        "未完成、滞后、偏离目标区间和存在风险的目标",
    ),
    "report.milestones": ("Milestones due", "待完成的节点目标"),
    "report.milestones_closed": ("Milestones not done", "未完成的节点目标"),
    # the done ones named (session 43): a 时间过半 report says which, not only how many
    "report.milestones_done": (
        "{done} of {total} milestones done: {names}.",
        "节点目标{total}项，已完成{done}项：{names}。",
    ),
    "report.no_milestone_done": (
        "None of the {total} milestones is done yet.",
        "{total}项节点目标尚无一项完成。",
    ),
    "report.no_milestone_data": (
        "None of the {total} milestones has a progress figure yet.",
        "{total}项节点目标尚无进度数据。",
    ),
    "report.one_milestone_due": ("The one milestone is not done yet.", "节点目标1项，尚未完成。"),
    "report.one_milestone_done": ("The one milestone is done.", "节点目标1项，已完成。"),
    "report.one_milestone_no_data": (
        "The one milestone has no progress figure yet.",
        "节点目标1项，尚无进度数据。",
    ),
    # every one done, said once (session 43): not `已完成27项：…。 节点目标均已完成。`
    "report.milestones_all_done": (
        "All {total} milestones done: {names}.",
        "节点目标{total}项，均已完成：{names}。",
    ),
    "report.no_milestones": ("Every milestone is done.", "节点目标均已完成。"),
    "report.milestones_no_data": (
        "Milestones without a progress figure yet ({count}): {names}.",
        "{count}项节点目标尚无进度数据：{names}。",
    ),
    "report.milestones_no_data_all": ("They are: {names}.", "分别是：{names}。"),
    "report.summary": ("Summary", "文字说明"),
    "report.summary_sheet": ("summary", "文字说明"),
    # The workbooks' sheet names (report/xlsx.py): Chinese under --lang zh since session 31;
    # an import reads a template's sheet by either name (workbook_sheets.same_sheet)
    "sheet.assessments": ("assessments", "执行情况"),
    "sheet.records": ("records", "录入记录"),
    "sheet.adjustments": ("adjustments", "年中调整"),
    "sheet.input": ("input", "填报"),
    "sheet.notes": ("notes", "说明"),
    # required_growth_rest, by fmt.growth_rest_text: a negative figure is an affordable fall
    "growth_rest.needs": ("rest of year needs {value}%", "余下月份需增长{value}%"),
    "growth_rest.needs.fall": (
        "rest of year may fall by up to {value}% and still meet the target",
        "余下月份即使下降{value}%仍可完成",
    ),
    "growth_rest.sentence": (
        "the rest of the year needs {value}% growth",
        "余下月份需增长{value}%",
    ),
    "growth_rest.sentence.fall": (
        "the rest of the year may fall by up to {value}% and still meet the target",
        "余下月份即使下降{value}%仍可完成",
    ),
    # an X左右 ahead of its pace: the rest of the year may grow less than the year so far
    "growth_rest.needs.ahead": (
        "rest of year needs only {value}% to reach {goal}",
        "余下月份增长{value}%即可达到{goal}",
    ),
    "growth_rest.sentence.ahead": (
        "the rest of the year needs only {value}% growth to reach {goal}",
        "余下月份增长{value}%即可达到{goal}",
    ),
    "growth_rest.detail": ("{value} %", "{value} %"),  # show spaces a figure (chinese.md)
    "growth_rest.detail.fall": (
        "none: it may fall by up to {value} % and still meet the target",
        "无需增长：即使下降 {value} % 仍可完成",
    ),
    "growth_rest.compact": ("{value}%", "{value}%"),
    "growth_rest.compact.fall": ("may fall {value}%", "可降{value}%"),
    # the same of a strict bound (正增长: > 0): more than the figure, a fall of less than it
    "growth_rest.needs.strict": (
        "rest of year needs more than {value}%",
        "余下月份需增长超过{value}%",
    ),
    "growth_rest.needs.fall.strict": (
        "rest of year may fall by less than {value}% and still meet the target",
        "余下月份降幅小于{value}%仍可完成",
    ),
    "growth_rest.sentence.strict": (
        "the rest of the year needs more than {value}% growth",
        "余下月份需增长超过{value}%",
    ),
    "growth_rest.sentence.fall.strict": (
        "the rest of the year may fall by less than {value}% and still meet the target",
        "余下月份降幅小于{value}%仍可完成",
    ),
    "growth_rest.detail.strict": ("more than {value} %", "超过 {value} %"),
    "growth_rest.detail.fall.strict": (
        "none: it may fall by less than {value} % and still meet the target",
        "无需增长：降幅小于 {value} % 仍可完成",
    ),
    "growth_rest.compact.strict": ("> {value}%", "> {value}%"),
    "growth_rest.compact.fall.strict": ("may fall < {value}%", "可降<{value}%"),
    # the same, as precise as last year's level allows (rest_precision.py): 约5.4%, a range,
    # or withheld where the range is too wide to act on
    "growth_rest.about": ("about {value}{gap}%", "约{value}{gap}%"),
    "growth_rest.ends": ("{low}{gap}%–{high}{gap}%", "{low}{gap}%—{high}{gap}%"),
    "growth_rest.withheld.needs": (
        "growth the rest of the year needs unclear: last year's level is rounded ({ends})",
        "余下月份所需增速无法确定：上年总量为约数（算得{ends}）",
    ),
    "growth_rest.withheld.sentence": (
        "the growth the rest of the year needs is unclear, last year's level being rounded "
        "({ends})",
        "余下月份所需增速因上年总量为约数无法确定（算得{ends}）",
    ),
    "growth_rest.withheld.detail": (
        "unclear: last year's level is rounded, the growth needed lies in {ends}, too wide to "
        "act on; give baseline value exactly (and drop value_text) to get it",
        "无法确定：上年总量为约数，所需增速在{ends}之间，区间过宽；在 baseline 中给出精确的 "
        "value（并删去 value_text）即可算出",
    ),
    "growth_rest.withheld.detail.level": (
        "unclear: last year's level is stated only as {level}, the growth needed lies in "
        "{ends}, too wide to act on; give baseline value exactly (and drop value_text) to get it",
        "无法确定：上年总量只给到{level}，所需增速在{ends}之间，区间过宽；在 baseline 中给出"
        "精确的 value（并删去 value_text）即可算出",
    ),
    "growth_rest.withheld.compact": ("base rounded", "基数为约数"),
    "report.needs_month": ("{value} {unit} a month", "月均需完成{value}{unit}"),
    "report.needs_last_month": ("{value} {unit} in the last month", "最后1个月需完成{value}{unit}"),
    "report.needs_month_pp": ("{value} pp a month", "月均需推进{value}个百分点"),
    "report.needs_rest": (
        "{value} {unit} in the {months} months left",
        "后{months}个月需完成{value}{unit}",
    ),
    "report.pace": ("vs pace (pp)", "快慢（百分点）"),
    "report.charts_sections": (
        "Completion against time progress, by section",
        "各领域完成率与时间进度",
    ),
    "report.charts_investment": (
        "Investment: completion against the share expected by now",
        "政府投资：完成率与应完成进度",
    ),
    "report.charts_headline": (
        "Headline indicators: year-to-date figure against target",
        "主要指标：数据走势与目标",
    ),
    "report.legend_bar": (
        "bar: completion; line: expected by now",
        "色条：完成率；竖线：应完成进度",
    ),
    "report.legend_line": (
        "line: recorded figures; dashed: target; shaded: where the target is met "
        "(for about X, within its tolerance)",
        "实线：录入数据；虚线：目标；浅色区域：符合目标的范围（X左右：容差以内）",
    ),
    "report.adjustments": (
        "† Bounds adjusted mid-year (年中调整)",
        "† 年中调整的目标",
    ),
    "report.dropped": (
        "{name}: from {period}, dropped: no longer judged (plan: {plan})",
        "{name}：自{period}起不再考核（原计划{plan}）",
    ),
    "report.adjustment": (
        "{name}: from {period}, {bound} (plan: {plan})",
        "{name}：自{period}起调整为{bound}（原计划{plan}）",
    ),
    "report.no_charts": ("No headline indicator has figures yet.", "主要指标尚无数据。"),
    "report.generated": (
        "Generated by plancli on {date} from {records} recorded figures (plan {plan}).",
        "由 plancli 于{date}根据{records}条记录生成（计划 {plan}）。",
    ),
    "report.generated_one": (
        "Generated by plancli on {date} from {records} recorded figure (plan {plan}).",
        "由 plancli 于{date}根据{records}条记录生成（计划 {plan}）。",
    ),
    "report.sheet_note": (
        "Fill in value (and amount, note, source where they apply); grey columns are for "
        "reference and ignored by `plancli import`. Rows of figures not out yet may stay "
        "blank: the import skips and counts them.",
        "请填写“本期数值”（及适用的“对应总量”“备注”“数据来源”）；灰色列仅供参考，导入时忽略。"
        "尚未发布的数据可留空，导入时跳过并计数。",
    ),
}
