"""Assessment: the status rules (one module per kind, in `rules/`), the engine that applies
them to a plan, the ordering of results, and their JSON contract.

The names below are the package's public surface; import them from `plancli.assess`.
"""

from __future__ import annotations

from plancli.assess.bounds import Bound, bound_of
from plancli.assess.core import (
    PROBLEMS,
    STATUSES,
    WORST_FIRST,
    Assessment,
    NoDataReason,
    Status,
    expected_share,
    required_growth_rest,
    required_report_month,
)
from plancli.assess.dashboard import (
    HeadlineOut,
    Point,
    SectionSummary,
    ShowOutput,
    StatusOutput,
    status_output,
)
from plancli.assess.engine import PlanAssessment, assess_plan, figure_query
from plancli.assess.gap_json import gap_json_parts
from plancli.assess.output import (
    AMOUNT_PLACES,
    COMPLETION_PLACES,
    CSV_COLUMNS,
    HEADLINE_SECTION,
    INVESTMENT_SECTION,
    PP_PLACES,
    AssessmentOut,
    GapOutput,
    assessment_out,
    csv_rows,
    gap_output,
)
from plancli.assess.records import Observation, RecordIndex, in_force
from plancli.assess.rounding import round_half_up, round_keeping_side
from plancli.assess.select import (
    Choice,
    complete_status,
    parse_statuses,
    select,
    status_counts,
    takes,
    worst_first,
)

__all__ = [
    "AMOUNT_PLACES",
    "COMPLETION_PLACES",
    "CSV_COLUMNS",
    "HEADLINE_SECTION",
    "INVESTMENT_SECTION",
    "PP_PLACES",
    "PROBLEMS",
    "STATUSES",
    "WORST_FIRST",
    "Assessment",
    "AssessmentOut",
    "Bound",
    "Choice",
    "GapOutput",
    "HeadlineOut",
    "NoDataReason",
    "Observation",
    "PlanAssessment",
    "Point",
    "RecordIndex",
    "SectionSummary",
    "ShowOutput",
    "Status",
    "StatusOutput",
    "assess_plan",
    "assessment_out",
    "bound_of",
    "complete_status",
    "csv_rows",
    "expected_share",
    "figure_query",
    "gap_json_parts",
    "gap_output",
    "in_force",
    "parse_statuses",
    "required_growth_rest",
    "required_report_month",
    "round_half_up",
    "round_keeping_side",
    "select",
    "status_counts",
    "status_output",
    "takes",
    "worst_first",
]
