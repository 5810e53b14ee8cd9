"""Readable ids for work rates the shared vocabulary has no entry for (docs/extract.md, "Ids"):
广东's 确保地表水水质优良率完成国家下达任务 was `w10_t05`, a position in the draft that a new
clause before it shifts; an id is typed on the command line (`record`, `show`), so a rate whose
name ends in a common rate word gets one from its words: 地表水水质优良率 →
`surface_water_quality_good_rate`, 城市生活垃圾无害化处理率 → `garbage_harmless_treatment_rate`
(the seed plan's own id), 基本医保参保率 → `medical_insurance_enrolment_rate`.

The id is the rate word's (`_RATES`, the name's ending) after at most two of the subject words
(`_SUBJECTS`) found before it, in their order; a rate word alone where none is (优良天数比率 →
`good_days_rate`), but not a rate word that says too little alone (覆盖率, 达标率, 完成率…: a
bare `coverage_rate_3` is no better than its position). A name ending in no rate word of the
table keeps its positional id: a guess in English is worse than a position the analyst renames
once. An id taken (a headline's, an
earlier rate's) gets `_2`, `_3`."""

from __future__ import annotations

import re

# the rate words, the longer first (无害化处理率 before 处理率)
_RATES: tuple[tuple[str, str], ...] = (
    ("水质优良率", "water_quality_good_rate"),
    ("水质优良比例", "water_quality_good_rate"),
    ("优良水质比例", "water_quality_good_rate"),
    ("水质达标率", "water_quality_compliance_rate"),
    ("优良天数比率", "good_days_rate"),
    ("优良天数比例", "good_days_rate"),
    ("无害化处理率", "harmless_treatment_rate"),
    ("资源化利用率", "recycling_rate"),
    ("综合利用率", "comprehensive_utilization_rate"),
    ("绿化覆盖率", "green_coverage_rate"),
    ("毛入学率", "gross_enrolment_rate"),
    ("入学率", "enrolment_rate"),
    ("入园率", "enrolment_rate"),
    ("健康管理率", "health_management_rate"),
    ("巩固率", "retention_rate"),
    ("参保率", "enrolment_rate"),
    ("覆盖率", "coverage_rate"),
    ("普及率", "penetration_rate"),
    ("达标率", "compliance_rate"),
    ("合格率", "pass_rate"),
    ("处理率", "treatment_rate"),
    ("治理率", "treatment_rate"),
    ("利用率", "utilization_rate"),
    ("回收率", "recovery_rate"),
    ("接种率", "vaccination_rate"),
    ("管理率", "management_rate"),
    ("服务率", "service_rate"),
    ("访视率", "visit_rate"),
    ("归集率", "collection_rate"),
    ("建成率", "completion_rate"),
    ("完成率", "completion_rate"),
    ("就业率", "employment_rate"),
    ("自给率", "self_sufficiency_rate"),
)
# the subjects a rate is commonly of, the longer first (生活垃圾 before 垃圾)
_SUBJECTS: tuple[tuple[str, str], ...] = (
    ("地表水", "surface_water"),
    ("近岸海域", "coastal_water"),
    ("饮用水水源", "drinking_water_source"),
    ("饮用水", "drinking_water"),
    ("出境断面", "outflow_section"),
    ("出省断面", "outflow_section"),
    ("国考断面", "national_section"),
    ("国控断面", "national_section"),
    ("断面", "section"),
    ("生活垃圾", "garbage"),
    ("垃圾", "garbage"),
    ("生活污水", "sewage"),
    ("污水", "sewage"),
    ("黑臭水体", "black_odorous_water"),
    ("秸秆", "straw"),
    ("畜禽粪污", "livestock_manure"),
    ("固体废物", "solid_waste"),
    ("固废", "solid_waste"),
    ("义务教育", "compulsory_education"),
    ("学前教育", "preschool"),
    ("高中阶段", "high_school"),
    ("高等教育", "higher_education"),
    ("森林", "forest"),
    ("基本医疗保险", "medical_insurance"),
    ("基本医保", "medical_insurance"),
    ("医保", "medical_insurance"),
    ("医疗保险", "medical_insurance"),
    ("养老保险", "pension_insurance"),
    ("社会保险", "social_insurance"),
    ("农产品", "farm_produce"),
    ("食品", "food"),
    ("药品", "drug"),
    ("堤防", "embankment"),
    ("公路", "road"),
    ("供水", "water_supply"),
    ("燃气", "gas"),
    ("公共数据", "public_data"),
    ("政务数据", "government_data"),
    ("儿童", "child"),
    ("医养结合", "integrated_care"),
    ("老年人", "elderly"),
    ("孕产妇", "maternal"),
    ("农村", "rural"),
)
# rate words that say too little alone: 覆盖率 is `coverage_rate` only after a subject word
# (紧密型城市医疗集团区级覆盖率 stays positional: coverage_rate_3 would say no more than w8_t06)
_GENERIC = frozenset(
    {
        *("coverage_rate", "compliance_rate", "pass_rate", "treatment_rate", "utilization_rate"),
        *("management_rate", "service_rate", "visit_rate", "collection_rate", "completion_rate"),
        *("enrolment_rate", "penetration_rate", "recovery_rate", "employment_rate"),
    }
)
_SUBJECT = re.compile("|".join(re.escape(word) for word, _id in _SUBJECTS))
_SUBJECT_IDS = dict(_SUBJECTS)


def rate_id(name: str) -> str | None:
    """The readable id of a rate named `name`, or None where its ending is no rate word of the
    table (装灯率, 满意度: the draft's position stays its id)."""
    for word, rate in _RATES:
        if name.endswith(word):
            before = name[: -len(word)]
            if "、" in before:  # 65岁以上老年人、高血压、2型糖尿病患者…管理服务率 was
                return None  # `elderly_service_rate`: one of the list's people named for all
            subjects: list[str] = []
            for found in _SUBJECT.finditer(before):
                subject = _SUBJECT_IDS[found.group()]
                if subject not in subjects and not rate.startswith(subject):
                    subjects.append(subject)
            if not subjects and rate in _GENERIC:
                return None
            words = [*subjects[:2], rate]
            # 地表水 + 水质优良率: surface_water_quality_good_rate, the water said once
            if len(words) > 1 and words[-2].endswith("_water") and rate.startswith("water_"):
                words[-1] = rate.removeprefix("water_")
            return "_".join(words)
    return None


def rate_ids(target_id: str, name: str, unit: str, taken: set[str]) -> str:
    """`target_id` or, for a rate in % whose name ends in a rate word, its readable id, made
    unique against `taken` (the ids drafted before it)."""
    readable = rate_id(name) if unit == "%" else None
    if readable is None:
        return target_id
    unique, n = readable, 2
    while unique in taken:
        unique, n = f"{readable}_{n}", n + 1
    return unique
