"""Words of the interface in English and Chinese (target names come from the plan)."""

from __future__ import annotations

from typing import Literal

Lang = Literal["en", "zh"]

WORDS: dict[str, tuple[str, str]] = {
    # key: (en, zh)
    "id": ("id", "编号"),
    "name": ("name", "名称"),
    "section": ("section", "部分"),
    "kind": ("kind", "类型"),
    "unit": ("unit", "单位"),
    "target": ("target", "目标"),
    "baseline": ("baseline", "基数"),
    "quote": ("quote", "原文"),
    "targets": ("targets", "目标数"),
    "total": ("total", "合计"),
    "frequency": ("frequency", "频率"),
    "parts": ("parts", "构成"),
    "projects": ("projects", "项目"),
    "kind.growth": ("growth", "增速"),
    "kind.level": ("level", "水平"),
    "kind.cumulative": ("cumulative", "累计"),
    "kind.milestone": ("milestone", "节点"),
    "kind.relative": ("relative", "同步"),
    # assessment (gap, status, show)
    "status": ("status", "状态"),
    "status.met": ("met", "完成"),
    "status.on_track": ("on track", "正常推进"),
    "status.at_risk": ("at risk", "存在风险"),
    "status.behind": ("behind", "滞后"),
    "status.missed": ("missed", "未完成"),
    "status.no_data": ("no data", "无数据"),
    "as_of": ("as of", "截至"),
    "time_progress": ("time progress", "时间进度"),
    "expected_share": ("expected by now", "应完成进度"),
    "completion": ("completion", "完成率"),
    "done": ("done", "完成率"),
    "gap": ("gap", "差距"),
    "pace_gap_pp": ("vs pace", "快慢"),
    "actual": ("actual", "完成值"),
    "needs": ("needs", "尚需"),
    "per_month": ("/mo", "/月"),
    "rest_of_year": ("rest", "余期"),
    "trend": ("trend", "走势"),
    "period": ("period", "期间"),
    "projection": ("projection", "全年预计"),
    "required_per_month": ("needed per month", "月均需完成"),
    "required_growth_rest": ("growth needed in the rest of the year", "余下月份需增长"),
    "months_left": ("months left", "剩余月数"),
    "tolerance": ("tolerance", "容差"),
    "reference": ("reference", "参照"),
    "due": ("due", "节点时间"),
    "stale": ("stale", "数据未更新"),
    "stale_note": (
        "the latest figure is older than the target's frequency allows",
        "最新数据早于应报送期",
    ),
    "parts_missing": ("parts without a record", "未报送的构成"),
    "assessment": ("assessment", "评估"),
    "history": ("history", "记录"),
    "value": ("value", "数值"),
    "amount": ("amount", "总量"),
    "note": ("note", "备注"),
    "recorded_at": ("recorded", "录入时间"),
    "pp": ("pp", "个百分点"),
    "headline": ("Headline indicators", "主要预期目标"),
    "by_section": ("By section", "分领域情况"),
    "investment": ("Investment plan", "政府投资计划"),
    "worst": ("Work targets most behind", "滞后的工作目标"),
    "nothing_behind": ("No work target is behind or at risk.", "没有滞后或存在风险的工作目标。"),
    "no_records": (
        "No figures recorded yet: record them with `plancli record` or `plancli import`.",
        "尚无数据:请用 plancli record 或 plancli import 录入。",
    ),
    "no_targets": ("No target matches.", "没有符合条件的目标。"),
    "ledger": ("ledger:", "数据文件:"),
    "reason.no_records": ("nothing recorded in the plan year", "本年度尚无任何记录"),
    "reason.no_record": ("no record at or before the as-of period", "截至该期无记录"),
    "reason.no_reference_record": (
        "the reference target has no record for the same period",
        "参照指标同期无记录",
    ),
    "reason.no_parts_record": (
        "neither it nor any of its parts has a record",
        "本身及各构成均无记录",
    ),
}


def t(key: str, lang: Lang) -> str:
    en, zh = WORDS.get(key, (key, key))
    return zh if lang == "zh" else en
