"""A work figure stated as a margin over another series (省属国有企业研发投入增速高于全省平均2个
百分点以上, 浙江 2026): not a rise of its own level (`change`) but a growth judged against the
other series' figure, plus the margin. A relation to the series where the plan drafts it as a
growth target; else, the series being no target of the plan (全省平均), a pending target the
analyst completes once its figure is known — never a target the report does not state."""

from __future__ import annotations

import re

from plancli.extract.draft import DraftTarget
from plancli.i18n import N_, _

# …高于全省平均2个百分点以上, …比全国平均高1个百分点左右: the subject, the other series, the way
# and the margin; never the 比 of a share's name (数字经济核心产业增加值占地区生产总值比重提高1个
# 百分点, 新能源装机比例提高3个百分点, 服务业增加值占比…: the share's own rise, a `change`), nor
# the 提高/降低 of a change over last year's level (比上年提高0.1个百分点: no margin over 上年提)
_MARGIN = re.compile(
    r"^(?P<subject>[^,，;；。\d]{2,30}?)(?:要|将)?(?:保持)?"
    r"(?:(?<![占])比(?![重例率值])(?P<other>[^,，;；。\d]{2,20}?)(?<![提降])(?P<way>高|快|低|慢)"
    r"|(?P<way_to>高|快|低|慢)于(?P<other_to>[^,，;；。\d]{2,20}?))"
    r"\s*(?P<points>\d+(?:\.\d+)?)\s*个百分点\s*(?P<qualifier>以上|左右)?"
)
# an average or a place's figure: a series no work target of the plan states
_OUTSIDE = re.compile(r"^(?:全国|全省|全市|全区|全州|全盟|全县|省|市|国家)(?:的)?(?:平均)?")
# the words a growth's name ends with
_GROWTH = r"(?:的)?(?:增长|增速|增幅|水平)$"

MARGIN_PENDING_REVIEW = N_(
    "“{clause}” is a margin of {points} points over {other}, a figure the plan does not state: "
    "pending until that figure is known, then give the bound with `plancli amend {id} --from "
    "PERIOD {option} X` (X: that figure {sign} {points})"
)
MARGIN_RELATION_REVIEW = N_(
    "“{clause}” is a margin of {points} points over {other} ({reference}): judged as "
    "relation {relation} against it, the margin not counted; check"
)


def outside_margins(targets: list[DraftTarget], parse: str) -> None:
    """Each work `change` target whose clause is a margin over another series, redrafted: a
    `relative` target against that series where the plan has it as a growth target (the margin
    in its review: a relation does not count one), else a pending growth, flagged, that the
    analyst completes with `amend` once the other figure is known. Before `change_baselines`,
    which would look for the target's own base level."""
    growths = [t for t in targets if t.kind == "growth"]
    for target in targets:
        if target.kind != "change" or not target.section.startswith("work_"):
            continue
        clause = parse[target.start : target.end]
        match = _MARGIN.search(clause)
        if match is None:
            continue
        other = (match.group("other") or match.group("other_to")).strip()
        below = (match.group("way") or match.group("way_to")) in ("低", "慢")
        points = match.group("points")
        subject = re.sub(r"^(?:力争|确保|争取)", "", match.group("subject"))
        reference = None if _OUTSIDE.match(other) else _growth_named(growths, other)
        target.min = target.max = target.around = None
        if reference is not None:
            target.kind, target.unit = "relative", "%"
            target.relation, target.reference = ("below" if below else "above"), reference.id
            target.name = subject
            target.review.append(
                _(MARGIN_RELATION_REVIEW).format(
                    clause=clause,
                    points=points,
                    other=other,
                    reference=reference.id,
                    relation=target.relation,
                )
            )
            continue
        target.kind, target.unit, target.pending = "growth", "%", True
        target.name = subject
        target.frequency = "annual"
        target.review.append(
            _(MARGIN_PENDING_REVIEW).format(
                clause=clause,
                points=points,
                other=other,
                id=target.id,
                option="--max" if below else "--min",
                sign="−" if below else "+",
            )
        )


def _growth_named(growths: list[DraftTarget], other: str) -> DraftTarget | None:
    """The growth target the plan drafts of the series `other` names (全社会研发投入增速: the
    target 全社会研发投入增长), None where there is none or more than one."""
    words = re.sub(_GROWTH, "", other)
    found = [t for t in growths if re.sub(_GROWTH, "", t.name) == words and len(words) >= 2]
    return found[0] if len(found) == 1 else None
