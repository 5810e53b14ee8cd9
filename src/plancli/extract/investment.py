"""The investment plan (政府投资重点项目计划): each category's annual planned investment in 亿元
with its project counts (续建, 新开工), and the total as their roll-up."""

from __future__ import annotations

import re
from decimal import Decimal

from plancli.extract.draft import DraftTarget
from plancli.extract.sections import Layout
from plancli.extract.text import split_lines
from plancli.i18n import _

NUM = r"\d+(?:\.\d+)?"
_ANNUAL = re.compile(rf"年度计划(?:完成)?投资\s*({NUM})\s*亿元")
_CATEGORY = re.compile(r"^\s*\d{1,2}\s*[.、]\s*(?P<name>[^,;。]+?)(?P<count>\d+)\s*(?:项|个)")
_CONTINUING = re.compile(r"续建项目\s*(\d+)\s*(?:项|个)")
_NEW = re.compile(r"新开工项目\s*(\d+)\s*(?:项|个)")
_TOTAL = re.compile(
    rf"(?:计划)?(?:实施|安排)?[^,;。]{{0,20}}?项目\s*(\d+)\s*(?:项|个)\s*,\s*总投资\s*({NUM})\s*亿元"
    rf"\s*,\s*年度计划(?:完成)?投资\s*({NUM})\s*亿元"
)
CATEGORY_IDS = (
    (r"道路|交通", "investment_roads", "Urban road projects"),
    (r"市政", "investment_municipal", "Municipal engineering projects"),
    (r"生态|环保", "investment_ecology", "Ecology and environmental protection projects"),
    (r"教育", "investment_education", "Education projects"),
    (r"医疗|养老|卫生", "investment_health_elderly", "Health care and elderly care projects"),
    (r"其他|民生", "investment_social_other", "Other social undertakings and livelihood projects"),
    (r"产业", "investment_industry", "Industrial projects"),
    (r"水利", "investment_water", "Water conservancy projects"),
)


def read_investment(parse: str, layout: Layout) -> list[DraftTarget]:
    part = layout.investment
    if part is None:
        return []
    categories: list[DraftTarget] = []
    total: DraftTarget | None = None
    for line in split_lines(parse, part.start, part.end):
        text = line.text
        category = _CATEGORY.match(text)
        annual = _ANNUAL.search(text)
        if category and annual:
            start = line.start + category.start("name")
            end = line.start + len(text.rstrip().rstrip(";。,"))
            target = _target(category.group("name").strip(), start, end, annual.group(1))
            count = int(category.group("count"))
            continuing = _CONTINUING.search(text)
            new = _NEW.search(text)
            if "全部为新开工" in text:
                projects = (count, 0, count)
            elif "全部为续建" in text:
                projects = (count, count, 0)
            elif continuing and new:
                projects = (count, int(continuing.group(1)), int(new.group(1)))
            else:
                projects = None
            if projects and projects[1] + projects[2] == projects[0]:
                target.projects = {
                    "total": projects[0],
                    "continuing": projects[1],
                    "new": projects[2],
                }
            else:
                target.review.append(_("project counts not read"))
            categories.append(target)
            continue
        whole = _TOTAL.search(text)
        if whole and total is None:
            start = line.start + whole.start()
            total = _target(
                "政府投资重点项目年度计划投资", start, line.start + whole.end(), whole.group(3)
            )
            total.id, total.name_en = (
                "investment_total",
                "Government investment projects: planned investment",
            )
            projects_total = int(whole.group(1))
            continuing = _CONTINUING.search(text, whole.end())
            new = _NEW.search(text, whole.end())
            total.projects = {"total": projects_total}
            if continuing and new:
                c, n = int(continuing.group(1)), int(new.group(1))
                if c + n == projects_total:
                    total.projects = {"total": projects_total, "continuing": c, "new": n}
            if len(total.projects) == 1:
                total.projects = None
            if total.projects is not None:
                total.projects["total_investment"] = Decimal(whole.group(2))
    _category_ids(categories)
    if total is not None:
        total.parts = [t.id for t in categories]
        parts_sum = sum((t.min or Decimal(0) for t in categories), Decimal(0))
        if categories and parts_sum != total.min:
            total.notes.append(
                _(
                    "the categories add up to {sum}亿元; the report's total says {total} "
                    "(kept as printed; `plancli validate` warns)"
                ).format(sum=parts_sum, total=total.min)
            )
        return [*categories, total]
    return categories


def _target(name: str, start: int, end: int, annual: str) -> DraftTarget:
    return DraftTarget(
        id="",
        section="investment",
        name=name,
        kind="cumulative",
        unit="亿元",
        start=start,
        end=end,
        min=Decimal(annual),
        frequency="monthly",
    )


def _category_ids(categories: list[DraftTarget]) -> None:
    taken: set[str] = set()
    for index, target in enumerate(categories, start=1):
        for pattern, category_id, name_en in CATEGORY_IDS:
            if re.search(pattern, target.name) and category_id not in taken:
                target.id, target.name_en = category_id, name_en
                break
        else:
            target.id = f"investment_{index}"
        taken.add(target.id)
