"""The machine-readable contract as a script writer codes from it (audit of 2026-12-02):
`validate --json` on a plan that does not load, a roll-up's `actual` and where it comes from,
the bound's fields with no figure yet, a change's bound in CSV, and `pending` once amended.
In-process (docs/testing.md); the JSON is checked against `plancli schema` too."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"


_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


def _conforms(value: Any, schema: dict[str, Any], defs: dict[str, Any]) -> bool:
    """Enough of JSON Schema for plancli's (no jsonschema in the dev venv): $ref, anyOf,
    type, enum, const, properties, required, items; every key a declared property."""
    if "$ref" in schema:
        return _conforms(value, defs[schema["$ref"].rsplit("/", 1)[1]], defs)
    if "anyOf" in schema:
        return any(_conforms(value, option, defs) for option in schema["anyOf"])
    if "enum" in schema and value not in schema["enum"]:
        return False
    if "const" in schema and value != schema["const"]:
        return False
    kind = schema.get("type")
    if kind in ("integer", "number"):
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind is not None and not isinstance(value, _TYPES[kind]):
        return False
    if isinstance(value, dict) and "properties" in schema:
        properties = schema["properties"]
        return set(schema.get("required", ())) <= set(value) and all(
            key in properties and _conforms(item, properties[key], defs)
            for key, item in value.items()
        )
    if isinstance(value, list) and "items" in schema:
        return all(_conforms(item, schema["items"], defs) for item in value)
    return True


def _schema_valid(invoke: Any, name: str, document: Any) -> None:
    schema = json.loads(invoke("schema", name).stdout)
    assert _conforms(document, schema, schema.get("$defs", {}))


@pytest.fixture
def guandu(tmp_path: Path, invoke: Any, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLANCLI_PLAN", raising=False)
    assert invoke("--plan", "guandu-2022", "init", ".").exit_code == 0
    return tmp_path / "plan2022.toml"


def test_validate_json_lists_the_errors_of_a_plan_that_does_not_load(
    guandu: Path, invoke: Any
) -> None:
    """Defect 1: exit 3 with nothing on stdout; now `valid` false and one error a problem."""
    text = guandu.read_text(encoding="utf-8").replace('kind = "growth"', 'kind = "grwth"', 1)
    guandu.write_text(text, encoding="utf-8")
    result = invoke("--plan", str(guandu), "validate", "--json")
    assert result.exit_code == 3
    assert result.stderr.startswith("error: ") and len(result.stderr.splitlines()) == 1
    out = json.loads(result.stdout)
    assert out["valid"] is False and out["plan"] is None and out["targets"] is None
    [first] = out["findings"]
    assert first["level"] == "error" and first["code"] == "invalid_plan"
    assert first["target"] == "gdp" and first["message"].startswith("kind: ")
    assert text.splitlines()[first["line"] - 1].startswith("kind = ")
    _schema_valid(invoke, "validate", out)


def test_validate_json_of_invalid_toml_gives_its_line(tmp_path: Path, invoke: Any) -> None:
    (tmp_path / "broken.toml").write_text("[plan\nx=", encoding="utf-8")
    result = invoke("--plan", str(tmp_path / "broken.toml"), "validate", "--json")
    assert result.exit_code == 3
    [error] = json.loads(result.stdout)["findings"]
    assert error["line"] == 1 and error["message"].startswith("invalid TOML: ")


def test_a_valid_plan_is_valid_with_warnings_only(guandu: Path, invoke: Any) -> None:
    out = json.loads(invoke("--plan", str(guandu), "validate", "--json").stdout)
    assert out["valid"] is True and out["targets"] == 80
    assert {f["level"] for f in out["findings"]} == {"warning"}
    _schema_valid(invoke, "validate", out)


BOUND_FIELDS = ("direction", "low", "high", "tolerance", "tolerance_pp", "around", "bound")


def test_the_bound_fields_do_not_wait_for_a_figure(tmp_path: Path, invoke: Any) -> None:
    """Defect 3: with an empty ledger, cpi (≈ 2 %) had no low/high and ≤ 4.8 no direction; one
    figure of another target filled them in."""
    plan = tmp_path / "beijing.toml"
    shutil.copyfile(DATA / "2026" / "beijing.toml", plan)

    def bounds() -> dict[str, dict[str, Any]]:
        out = json.loads(invoke("--plan", str(plan), "gap", "--json").stdout)
        return {
            t["id"]: {f: t[f] for f in BOUND_FIELDS} for t in out["targets"] if t["id"] != "gdp"
        }

    empty = bounds()
    assert empty["cpi"] == {**empty["cpi"], "direction": "band", "low": 1.5, "high": 2.5}
    assert empty["surveyed_unemployment_rate"]["direction"] == "down"
    assert empty["surveyed_unemployment_rate"]["high"] == 5
    assert invoke("--plan", str(plan), "record", "gdp", "5.2", "--period", "2026-Q2").exit_code == 0
    assert bounds() == empty


def test_a_bound_still_to_come_is_pending_before_any_figure_too(
    tmp_path: Path, invoke: Any
) -> None:
    """Henan's CO2 intensity (与国家考核目标统筹衔接: no bound yet) was `no_data` while the ledger
    was empty and `pending` once any other target had a figure: its status depends on no figure."""
    plan = tmp_path / "henan.toml"
    shutil.copyfile(DATA / "2026" / "henan.toml", plan)

    def co2() -> tuple[str, bool, str | None]:
        out = json.loads(invoke("--plan", str(plan), "gap", "--json").stdout)
        [row] = [t for t in out["targets"] if t["id"] == "co2_intensity"]
        _schema_valid(invoke, "gap", out)
        return row["status"], row["pending"], row["reason"]

    assert co2() == ("pending", True, None)
    assert invoke("--plan", str(plan), "record", "gdp", "5.2", "--period", "2026-Q2").exit_code == 0
    assert co2() == ("pending", True, None)


ROLLUP_CSV = (
    "target,period,value\n"
    "investment_roads,2022-12,15.92\ninvestment_municipal,2022-12,4.55\n"
    "investment_ecology,2022-12,5.88\ninvestment_education,2022-12,13.53\n"
    "investment_health_elderly,2022-12,2.3\ninvestment_social_other,2022-12,16.23\n"
)
SOURCE = ("actual", "actual_from", "superseded_own", "superseded_own_period")


def _rollup(invoke: Any, plan: Path, command: str) -> dict[str, Any]:
    out = json.loads(invoke("--plan", str(plan), command, "--json", "--as-of", "2022-12").stdout)
    if command == "status":
        [row] = [t for t in out["investment"] if t["id"] == "investment_total"]
    else:
        [row] = [t for t in out["targets"] if t["id"] == "investment_total"]
    _schema_valid(invoke, command, out)
    return {key: row[key] for key in SOURCE}


def test_a_rollups_actual_says_whether_it_is_its_own_total_or_its_parts_sum(
    guandu: Path, invoke: Any
) -> None:
    """Defect 2: a September total set aside for six December parts, and the roll-up's own
    December total in force, gave the same JSON shape."""
    (guandu.parent / "ru.csv").write_text(ROLLUP_CSV + "investment_total,2022-09,40\n")
    assert invoke("--plan", str(guandu), "import", "ru.csv").exit_code == 0
    superseded = {
        "actual": 58.41,
        "actual_from": "parts",
        "superseded_own": 40,
        "superseded_own_period": "2022-09",
    }
    assert _rollup(invoke, guandu, "gap") == superseded
    assert _rollup(invoke, guandu, "status") == superseded
    show = json.loads(invoke("--plan", str(guandu), "show", "investment_total", "--json").stdout)
    assert {key: show["assessment"][key] for key in SOURCE} == superseded
    _schema_valid(invoke, "show", show)
    rows = csv.DictReader(io.StringIO(invoke("--plan", str(guandu), "gap", "--csv").stdout))
    [row] = [r for r in rows if r["id"] == "investment_total"]
    assert [row[key] for key in SOURCE] == ["58.41", "parts", "40", "2022-09"]
    # added as the last columns in 2026-12, then `stretch_is_range_top` after them
    assert list(row)[-16:] == [
        "actual_from",
        "superseded_own",
        "superseded_own_period",
        "stretch_is_range_top",
        "around_baseline",  # session 24: appended, the columns before keep their places
        "parts_sum",
        "period_end",  # session 25 (audit Q D7): appended the same way
        "progress_period_end",
        "stretch_exceeds",  # session 26: appended the same way
        "reference_period",  # session 28: appended the same way
        "actual_text",  # session 31: appended the same way
        "required_growth_rest_low",  # session 42: appended the same way
        "required_growth_rest_high",
        "figures_of",  # session 43: appended the same way
        "due_source",  # session 43 (amend --due): appended the same way
        "due_note",
    ]

    assert (
        invoke(
            "--plan", str(guandu), "record", "investment_total", "58.72", "--period", "2022-12"
        ).exit_code
        == 0
    )
    own = {
        "actual": 58.72,
        "actual_from": "own",
        "superseded_own": None,
        "superseded_own_period": None,
    }
    assert _rollup(invoke, guandu, "gap") == own
    gap = json.loads(invoke("--plan", str(guandu), "gap", "--json").stdout)
    [gdp] = [t for t in gap["targets"] if t["id"] == "gdp"]
    assert gdp["actual_from"] is None  # not a roll-up


def test_pending_is_false_once_an_amendment_gives_the_bound(tmp_path: Path, invoke: Any) -> None:
    """Defect 6: `pending` stayed true for a target amend had given a bound and judged met;
    it says "no bound in force yet" (docs/forms.md), the plan's flag is the target's."""
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLANCLI_PLAN", raising=False)
    try:
        assert invoke("--plan", "henan-2026", "init", ".").exit_code == 0
        plan = next(tmp_path.glob("[!.]*.toml"))  # not init's .plancli.toml
        run = ("--plan", str(plan))

        def co2(as_of: str) -> dict[str, Any]:
            out = json.loads(invoke(*run, "gap", "--json", "--as-of", as_of).stdout)
            [row] = [t for t in out["targets"] if t["id"] == "co2_intensity"]
            return {key: row[key] for key in ("status", "pending", "amended_from")}

        assert co2("2026-12") == {"status": "pending", "pending": True, "amended_from": None}
        amend = ("amend", "co2_intensity", "--min", "3.5", "--from", "2026-07")
        assert invoke(*run, *amend).exit_code == 0
        assert (
            invoke(*run, "record", "co2_intensity", "--period", "2026", "--", "-4.0").exit_code == 0
        )
        assert co2("2026-12") == {"status": "met", "pending": False, "amended_from": "2026-07"}
        assert co2("2026-06") == {"status": "pending", "pending": True, "amended_from": None}
        show = json.loads(invoke(*run, "show", "co2_intensity", "--json").stdout)
        assert show["target"]["pending"] is True and show["assessment"]["pending"] is False
    finally:
        monkeypatch.undo()


def test_a_change_bound_is_the_same_text_in_csv_as_in_json(tmp_path: Path, invoke: Any) -> None:
    """Defect 4: `+≥ 1 pp` began with `+`, so the CSV guard wrote `'+≥ 1 pp`. plancli's own
    bound text begins with a word, as a fall's does; the guard stays for the plan's text."""
    ledger = str(tmp_path / "l.toml")
    run = ("--plan", "gansu-2026", "--ledger", ledger)
    for value, period in (("58.08", "2025"), ("58.5", "2026-06")):
        assert invoke(*run, "record", "urbanization_rate", value, "--period", period).exit_code == 0
    [json_row] = [
        t
        for t in json.loads(invoke(*run, "gap", "--json").stdout)["targets"]
        if t["id"] == "urbanization_rate"
    ]
    rows = csv.DictReader(io.StringIO(invoke(*run, "gap", "--csv").stdout))
    [csv_row] = [r for r in rows if r["id"] == "urbanization_rate"]
    assert json_row["bound"] == csv_row["bound"] == "rise ≥ 1 pp"
    zh = json.loads(invoke("--lang", "zh", *run, "gap", "--json").stdout)
    assert [t["bound"] for t in zh["targets"] if t["id"] == "urbanization_rate"] == ["rise ≥ 1 pp"]


FORMATS = (Path(__file__).resolve().parents[1] / "docs" / "formats.md").read_text(encoding="utf-8")
ASSESSING = (Path(__file__).resolve().parents[1] / "docs" / "assessing.md").read_text(
    encoding="utf-8"
)


def _in_order(keys: list[str], text: str) -> list[str]:
    """The keys not named in `text` (as `key`) after the one before them: [] when every key
    is there in the order printed."""
    missing, position = [], 0
    for key in keys:
        found = text.find(f"`{key}`", position)
        if found < 0:
            missing.append(key)
        else:
            position = found
    return missing


def _columns(command: str) -> tuple[str, str]:
    [row] = [line for line in FORMATS.splitlines() if line.startswith(f"| `{command}")]
    cells = row.split(" | ")
    return cells[1], cells[2]


def test_formats_md_names_every_key_printed_in_the_order_printed(guandu: Path, invoke: Any) -> None:
    """Defect 5: 12 `targets` fields, `show`'s `amendments` and the import records' order were
    missing from the contract a script writer codes from."""
    plan = ("--plan", str(guandu))
    (guandu.parent / "june.csv").write_text("target,period,value\ngdp,2022-Q2,5\n")
    targets = json.loads(invoke(*plan, "targets", "--json").stdout)
    top, item = _columns("targets --json")
    assert _in_order(list(targets), top) == []
    assert _in_order(list(targets["targets"][0]), item) == []
    header = invoke(*plan, "targets", "--csv").stdout.splitlines()[0].split(",")
    flat = [c for c in header if not c.startswith(("baseline_", "projects_", "amend"))]
    assert flat[: len(targets["targets"][0]) - 2] == [
        k for k in targets["targets"][0] if k not in ("baseline", "projects")
    ]
    imported = json.loads(invoke(*plan, "import", "june.csv", "--dry-run", "--json").stdout)
    top, item = _columns("record --json")
    assert _in_order([k for k in imported if k != "file"], top) == []
    assert _in_order(list(imported["records"][0]), item) == []
    show = json.loads(invoke(*plan, "show", "gdp", "--json").stdout)
    assert _in_order(list(show), _columns("show ID --json")[0]) == []
    validate = json.loads(invoke(*plan, "validate", "--json").stdout)
    top, item = _columns("validate --json")
    assert _in_order(list(validate), top) == []
    assert _in_order(list(validate["findings"][0]), item) == []
    gap = json.loads(invoke(*plan, "gap", "--json").stdout)
    assert _in_order(list(gap), _columns("gap --json")[0]) == []
    [section] = [s for s in ASSESSING.split("\n## ") if s.startswith("JSON and CSV")]
    assert _in_order(list(gap["targets"][0]), section) == []
    status = json.loads(invoke(*plan, "status", "--json").stdout)
    assert _in_order(list(status), _columns("status --json")[0]) == []


def test_an_exact_bound_is_the_same_text_in_csv_as_in_json(
    tmp_path: Path, invoke: Any, mini_plan: Path
) -> None:
    """A bound of one figure (min = max) was `= 5 个`: it began with `=`, so the CSV guard
    wrote `'= 5 个`, and unguarded a spreadsheet would have evaluated it (#NAME?). plancli's
    own bound text begins with a word, as a change's and a fall's do; the CSV cell is its JSON
    value. The guard stays for the plan's text: a hostile unit cannot start the cell."""
    text = mini_plan.read_text(encoding="utf-8")
    text = text.replace("min = 310\n", "min = 310\nmax = 310\n", 1)
    mini_plan.write_text(text.replace('unit = "个"', 'unit = "=HYPERLINK(1)"', 1), "utf-8")
    run = ("--plan", str(mini_plan), "--ledger", str(tmp_path / "l.toml"))
    assert invoke(*run, "record", "g5", "120", "--period", "2022-06").exit_code == 0
    [json_row] = [
        t for t in json.loads(invoke(*run, "gap", "--json").stdout)["targets"] if t["id"] == "g5"
    ]
    [csv_row] = [
        r
        for r in csv.DictReader(io.StringIO(invoke(*run, "gap", "--csv").stdout))
        if r["id"] == "g5"
    ]
    assert json_row["bound"] == csv_row["bound"] == "exactly 310 =HYPERLINK(1)"
    amend = ("amend", "g5", "--min", "300", "--max", "300", "--from", "2022-07")
    assert invoke(*run, *amend).exit_code == 0
    [target_row] = [
        r
        for r in csv.DictReader(io.StringIO(invoke(*run, "targets", "--csv").stdout))
        if r["id"] == "g5"
    ]
    assert target_row["amended_bound"] == "exactly 300 =HYPERLINK(1)"  # `amend`'s, as well
    assert target_row["unit"] == "'=HYPERLINK(1)"  # the plan's own text: still guarded
    zh = invoke("--lang", "zh", *run, "show", "g5").stdout
    assert "= 310" in zh  # the Chinese display keeps its sign
