"""`plancli schema`: the JSON Schemas of the plan file (as read) and of each JSON output (as
written), the one place output types meet Pydantic. Above the outputs it documents
(`output`, `output_writes`, `assess.output`), so none of them imports another in a circle."""

from __future__ import annotations

from plancli.assess import GapOutput, ShowOutput, StatusOutput
from plancli.output_history import HistoryOutput, TargetsOutput
from plancli.output_listings import ExtractComparison, PlansOutput
from plancli.output_writes import AmendOutput, RecordOutput, UndoOutput, ValidateOutput


def json_schemas() -> dict[str, dict[str, object]]:
    """JSON Schemas: the plan file (as read) and each JSON output (as written).

    The only place output types meet Pydantic: it documents the dataclasses, and a target in
    an output by the plan's model (`plain.Target`)."""
    from pydantic import TypeAdapter

    from plancli.model import Plan

    def schema(output: type) -> dict[str, object]:
        return TypeAdapter(output).json_schema(mode="serialization")

    return {
        "plan": Plan.model_json_schema(mode="validation"),
        "targets": schema(TargetsOutput),
        "show": schema(ShowOutput),
        "validate": schema(ValidateOutput),
        "history": schema(HistoryOutput),
        "amend": schema(AmendOutput),
        "record": schema(RecordOutput),
        "import": schema(RecordOutput),
        "undo": schema(UndoOutput),
        "gap": schema(GapOutput),
        "status": schema(StatusOutput),
        "plans": schema(PlansOutput),
        "extract": schema(ExtractComparison),
    }
