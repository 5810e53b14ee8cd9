"""Deterministic synthetic plans and ledgers for the benchmarks (issue 5).

A city bureau tracking every district's plan: targets spread over Kunming's districts, all five
kinds, realistic Chinese names, one record per target and month (a monthly bulletin imported as
one batch). The same seed and sizes always give byte-identical files.

    python benchmarks/generate.py --targets 1000 --months 12 --out /tmp/bench-1000

writes into --out:
    plan.toml              the plan (read-only for plancli, like a hand-written one)
    ledger.progress.toml   the records as plancli's TOML ledger
    ledger.sqlite          the same records as plancli's SQLite ledger
    import.csv             the same figures as an import file (target,period,value,amount)
    budget.journal         an hledger journal with the same figures and budget goals

`bundled_workspace` does the same for the bundled plan (guandu-2022): a year of monthly records
for each of its targets.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from plancli.locations import LedgerLocation, data_dir
from plancli.model import Plan, Record
from plancli.plan import load_plan_file
from plancli.stores import open_store
from plancli.stores.toml import dump_ledger

YEAR = 2022
SEED = 2022

# Kunming's county-level divisions: one plan section each (id, name).
DISTRICTS = [
    ("wuhua", "五华区"),
    ("panlong", "盘龙区"),
    ("guandu", "官渡区"),
    ("xishan", "西山区"),
    ("chenggong", "呈贡区"),
    ("jinning", "晋宁区"),
    ("dongchuan", "东川区"),
    ("anning", "安宁市"),
    ("fumin", "富民县"),
    ("yiliang", "宜良县"),
    ("shilin", "石林彝族自治县"),
    ("songming", "嵩明县"),
    ("luquan", "禄劝彝族苗族自治县"),
    ("xundian", "寻甸回族彝族自治县"),
]
PLACES = [
    "螺蛳湾片区",
    "关上街道",
    "太和街道",
    "小板桥街道",
    "金马街道",
    "吴井街道",
    "矣六街道",
    "六甲街道",
    "大板桥街道",
    "阿拉街道",
    "官渡古镇",
    "巫家坝片区",
    "滇池国际会展中心片区",
    "空港经济区",
    "长水片区",
    "呈贡新区",
]


@dataclass(frozen=True)
class Template:
    code: str
    kind: str
    name: str
    name_en: str
    unit: str
    low: float | None = None  # bound range the generator draws from
    high: float | None = None
    ceiling: bool = False  # a `max` (控制在…以内) instead of a `min`
    exclusive: bool = False


# Work targets modelled on the 2022 report's wording; the district and a place make each unique.
TEMPLATES = [
    Template("gdp", "growth", "地区生产总值增长", "GDP growth", "亿元", 5, 8),
    Template("revenue", "growth", "一般公共预算收入增长", "Budget revenue growth", "亿元", 3, 6),
    Template(
        "fai",
        "growth",
        "固定资产投资正增长",
        "Fixed-asset investment growth",
        "亿元",
        0,
        0,
        exclusive=True,
    ),
    Template("retail", "growth", "社会消费品零售总额增长", "Retail sales growth", "亿元", 6, 10),
    Template(
        "unemployment",
        "level",
        "城镇调查失业率",
        "Urban unemployment rate",
        "%",
        4.5,
        5.5,
        ceiling=True,
    ),
    Template("air", "level", "空气质量优良天数比率", "Days of good air quality", "%", 97, 99),
    Template(
        "water", "level", "集中式饮用水水源地水质达标率", "Drinking water quality", "%", 100, 100
    ),
    Template("stations", "cumulative", "新建5G基站", "New 5G base stations", "个", 100, 400),
    Template("jobs", "cumulative", "城镇新增就业", "New urban jobs", "万人", 0.5, 3),
    Template(
        "housing", "cumulative", "筹集保障性租赁住房", "Affordable rental homes", "套", 500, 3000
    ),
    Template(
        "green", "cumulative", "新增城市绿地面积", "New urban green space", "万平方米", 10, 60
    ),
    Template("funds", "cumulative", "争取上级资金", "Funds from higher levels", "亿元", 5, 40),
    Template("estates", "cumulative", "改造城镇老旧小区", "Old estates renovated", "个", 10, 80),
    Template("centre", "milestone", "建成投入使用企业服务中心", "Enterprise service centre", "%"),
    Template("renewal", "milestone", "完成城市更新改造项目", "Urban renewal project", "%"),
    Template("school", "milestone", "开工建设九年一贯制学校", "Nine-year school started", "%"),
    Template(
        "income",
        "relative",
        "城镇常住居民人均可支配收入增长",
        "Urban disposable income growth",
        "元",
    ),
]
_BY_KIND = {
    kind: [t for t in TEMPLATES if t.kind == kind]
    for kind in ("growth", "level", "cumulative", "milestone", "relative")
}
# Shares of each kind among the targets, near the bundled plan's (which is 46% cumulative).
_KIND_CYCLE = ["cumulative"] * 9 + ["milestone"] * 4 + ["level"] * 3 + ["growth"] * 2 + ["relative"]


def _decimal(value: float, places: int) -> Decimal:
    return Decimal(f"{value:.{places}f}")


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass(frozen=True)
class SyntheticTarget:
    id: str
    section: str
    template: Template
    name: str
    min: Decimal | None
    max: Decimal | None
    reference: str | None
    profile: bool
    owner: str  # 牵头单位: the district that reports it (the PostgreSQL ledger's departments)

    def toml(self) -> str:
        t = self.template
        lines = [
            "[[targets]]",
            f'id = "{self.id}"',
            f'section = "{self.section}"',
            f"name = {_toml_string(self.name)}",
            f"name_en = {_toml_string(t.name_en + ' (' + self.id + ')')}",
            f'kind = "{t.kind}"',
            f"unit = {_toml_string(t.unit)}",
        ]
        if self.min is not None:
            lines.append(f"min = {self.min}")
        if self.max is not None:
            lines.append(f"max = {self.max}")
        if t.exclusive:
            lines.append("exclusive = true")
        if self.reference:
            lines.append(f'reference = "{self.reference}"')
        if self.profile:
            lines.append("profile = [0.15, 0.4, 0.7, 1.0]")
        lines.append('frequency = "monthly"')
        lines.append(f"owner = {_toml_string(self.owner)}")
        lines.append(f"quote = {_toml_string(self.name + '目标')}")
        return "\n".join(lines) + "\n"


def synthetic_targets(count: int, rng: random.Random) -> list[SyntheticTarget]:
    """`count` targets, districts in turn; every district's first target is its GDP growth,
    which its relative (income) targets refer to."""
    targets: list[SyntheticTarget] = []
    per_district: dict[str, int] = {}
    for n in range(count):
        code, district = DISTRICTS[n % len(DISTRICTS)]
        index = per_district.get(code, 0)
        per_district[code] = index + 1
        if index == 0:
            template = TEMPLATES[0]  # the district's GDP
        else:
            template = rng.choice(_BY_KIND[_KIND_CYCLE[index % len(_KIND_CYCLE)]])
        place = PLACES[rng.randrange(len(PLACES))]
        name = f"{district}{place}{template.name}"
        low: Decimal | None = None
        high: Decimal | None = None
        if template.kind == "milestone" or template.kind == "relative":
            pass
        elif template.low is not None and template.high is not None:
            places = 0 if template.unit in ("个", "套") else 1
            bound = _decimal(rng.uniform(template.low, template.high), places)
            if template.ceiling:
                high = bound
            else:
                low = bound
        targets.append(
            SyntheticTarget(
                id=f"{code}_{template.code}_{index}",
                section=code,
                template=template,
                name=name,
                min=low,
                max=high,
                reference=f"{code}_gdp_0" if template.kind == "relative" else None,
                profile=template.kind == "cumulative" and rng.random() < 0.3,
                owner=district,
            )
        )
    return targets


def plan_toml(targets: list[SyntheticTarget]) -> str:
    used = {t.section for t in targets}
    head = [
        "# Synthetic plan for plancli's benchmarks (benchmarks/generate.py); not real figures.",
        "[plan]",
        f'id = "bench-{len(targets)}"',
        'name = "昆明市各县(市)区2022年国民经济和社会发展计划(基准测试)"',
        'name_en = "Kunming districts 2022 plans (benchmark)"',
        f"year = {YEAR}",
        "",
    ]
    for code, name in DISTRICTS:
        if code in used:
            head += [
                "[[sections]]",
                f'id = "{code}"',
                f'name = "{name}"',
                f'name_en = "{code.title()}"',
                "",
            ]
    return "\n".join(head) + "\n".join(t.toml() for t in targets)


# ------------------------------------------------------------------------------ figures


@dataclass(frozen=True)
class Figure:
    target: str
    month: int
    value: Decimal
    amount: Decimal | None
    increment: Decimal  # what the month added (cumulative) or the month's figure (others)


def _figures_of(
    target_id: str,
    kind: str,
    low: Decimal | None,
    high: Decimal | None,
    months: int,
    rng: random.Random,
) -> list[Figure]:
    figures: list[Figure] = []
    pace = rng.uniform(0.7, 1.25)  # how fast this target runs against the clock
    total = Decimal(0)
    scale = 0.0  # a growth target's year: its amount's size, drawn in January
    for month in range(1, months + 1):
        amount: Decimal | None = None
        if kind == "cumulative":
            goal = float(low if low is not None else 100)
            target_total = goal * min(month / 12 * pace * rng.uniform(0.95, 1.05), 1.3)
            places = 0 if goal >= 50 else 2
            value = max(_decimal(target_total, places), total)
            increment = value - total
            total = value
        elif kind == "milestone":
            value = _decimal(min(100.0, month / 12 * 100 * pace), 0)
            increment = value
        elif kind == "level":
            bound = float(high if high is not None else low if low is not None else 95)
            value = _decimal(bound + rng.uniform(-1.5, 1.0), 1)
            if bound <= 100:  # a share (达标率 100%) is never above 100 (plancli warns of one)
                value = min(value, Decimal(100))
            increment = value
        else:  # growth and relative: YTD growth %, with the YTD amount
            bound = float(low if low is not None else 6)
            value = _decimal(bound + rng.uniform(-3, 2), 1)
            # A year-to-date amount never falls (plancli warns of one that does: a month's own
            # amount typed for the year's): the year's size drawn once, each month's share of
            # it drawn around the clock, never below the month before.
            draw = rng.uniform(20, 300)
            scale = draw if month == 1 else scale
            amount = _decimal(scale * month / 12 * (0.95 + draw / 2800), 2)
            if month > 1:
                amount = max(amount, figures[-1].amount)  # type: ignore[type-var]
            increment = amount if month == 1 else amount - figures[-1].amount  # type: ignore[operator]
        figures.append(Figure(target_id, month, value, amount, increment))
    return figures


def _records(figures: list[Figure]) -> list[Record]:
    """One batch per month (the month's bulletin, imported on the 5th of the next month)."""
    by_month = sorted(figures, key=lambda f: f.month)  # stable: targets in plan order
    records = []
    for f in by_month:
        year, month = (YEAR, f.month + 1) if f.month < 12 else (YEAR + 1, 1)
        records.append(
            Record(
                target=f.target,
                period=f"{YEAR}-{f.month:02d}",
                value=f.value,
                amount=f.amount,
                recorded_at=datetime(year, month, 5, 8, 30, tzinfo=UTC),
                batch=f"{year}{month:02d}05T083000Z-m{f.month:02d}",
            )
        )
    return records


def import_csv(figures: list[Figure]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["target", "period", "value", "amount"])
    for f in sorted(figures, key=lambda f: f.month):
        writer.writerow([f.target, f"{YEAR}-{f.month:02d}", f.value, f.amount or ""])
    return buffer.getvalue()


def budget_journal(targets: list[SyntheticTarget], figures: list[Figure]) -> str:
    """hledger's nearest equivalent: an account per target, the month's figure posted to it
    each month, and a monthly budget goal of a twelfth of its annual target."""
    account = {t.id: f"目标:{t.section}:{t.id}" for t in targets}
    goal_lines = ["~ monthly from 2022-01-01 to 2023-01-01  预算目标"]
    for t in targets:
        annual = t.min if t.min is not None else t.max if t.max is not None else Decimal(100)
        goal_lines.append(f"    {account[t.id]}    {(annual / 12).quantize(Decimal('0.01'))}")
    goal_lines.append("    资金来源")
    lines = [
        "; Synthetic journal for plancli's benchmarks (benchmarks/generate.py)",
        "",
        "\n".join(goal_lines),
        "",
    ]
    for f in sorted(figures, key=lambda f: (f.month, f.target)):
        day = 28 if f.month == 2 else 30
        lines.append(f"{YEAR}-{f.month:02d}-{day} {f.target} 月报")
        lines.append(f"    {account[f.target]}    {f.increment}")
        lines.append("    资金来源")
        lines.append("")
    return "\n".join(lines)


# ------------------------------------------------------------------------------ writing


def write_ledgers(folder: Path, records: list[Record]) -> None:
    (folder / "ledger.progress.toml").write_text(dump_ledger(records), encoding="utf-8")
    sqlite = folder / "ledger.sqlite"
    for stale in folder.glob("ledger.sqlite*"):
        stale.unlink()
    with open_store(LedgerLocation(sqlite, "option")).transaction() as session:
        session.append(records)


def generate(out: Path, targets: int, months: int = 12, seed: int = SEED) -> Path:
    """Write the synthetic plan, its ledgers, import CSV and hledger journal into `out`."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    plan_targets = synthetic_targets(targets, rng)
    (out / "plan.toml").write_text(plan_toml(plan_targets), encoding="utf-8")
    figures = [
        figure
        for t in plan_targets
        for figure in _figures_of(t.id, t.template.kind, t.min, t.max, months, rng)
    ]
    write_ledgers(out, _records(figures))
    (out / "import.csv").write_text(import_csv(figures), encoding="utf-8")
    (out / "budget.journal").write_text(budget_journal(plan_targets, figures), encoding="utf-8")
    return out


def bundled_workspace(out: Path, months: int = 12, seed: int = SEED) -> Path:
    """The bundled 2022 plan with `months` monthly records for every target."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    plan_path = out / "plan2022.toml"
    shutil.copyfile(data_dir() / "plan2022.toml", plan_path)
    plan: Plan = load_plan_file(plan_path)
    figures: list[Figure] = []
    for target in plan.targets:
        figures += _figures_of(target.id, target.kind, target.min, target.max, months, rng)
    records = _records(figures)
    (out / "plan2022.progress.toml").write_text(dump_ledger(records), encoding="utf-8")
    return plan_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--targets", type=int, default=1000)
    parser.add_argument("--months", type=int, default=12, choices=range(1, 13))
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    generate(args.out, args.targets, args.months, args.seed)
    print(f"wrote {args.targets} targets x {args.months} months into {args.out}")


if __name__ == "__main__":
    main()
