"""`gap` at scale (issue 15): a SQLite ledger selects in SQL the figures `gap` judges, after one
bulk check that every row is plainly fit; `gap --json` writes each target from its values.
Neither may change a byte of what `gap` says: the same ledger as TOML (every figure, chosen in
Python) is the reference, on the bundled plan's real numbers."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import kept_unchanged

from plancli.assess import GapOutput, assess_plan, figure_query, gap_json_parts, gap_output, select
from plancli.ledger_read import read_figures
from plancli.locations import LedgerLocation
from plancli.output import dump_json, dump_json_parts, number_text, with_fields
from plancli.plain import FigureQuery, decimal_to_json
from plancli.plan import load_plain_plan
from plancli.stores.sqlite_read import read_plain_figures
from strategies import decimals

DATA = Path(__file__).parent.parent / "data"
AS_OF = ([], ["--as-of", "2022-03"], ["--as-of", "2022-05"], ["--as-of", "2022-Q2"])


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory, isolated_cli):  # type: ignore[no-untyped-def]
    """The bundled plan, a half-year of demo figures, and what a year's ledger holds besides:
    revisions, a month recorded after the quarter ending with it (and the other way round),
    the year before's year-end figures (a `change` target's base), amendments, an undone batch.
    Returns (plan, TOML ledger, the same ledger converted to SQLite). Built once for the
    module: its tests only read it (checked after the last)."""
    ws = tmp_path_factory.mktemp("gap-scale") / "ws"
    with isolated_cli() as invoke:
        plan, toml, sqlite = _build_workspace(ws, invoke)
    with kept_unchanged(ws):
        yield plan, toml, sqlite


def _build_workspace(ws: Path, invoke) -> tuple[Path, Path, Path]:  # type: ignore[no-untyped-def]
    assert invoke("init", "--demo", str(ws)).exit_code == 0
    plan = ws / "plan2022.toml"
    toml = ws / "plan2022.progress.toml"
    with plan.open("a", encoding="utf-8") as file:  # a change: its base is 2021's year-end
        file.write(
            '\n[[targets]]\nid = "urbanisation"\nsection = "headline"\nname = "城镇化率"\n'
            'name_en = "Urbanisation"\nkind = "change"\nunit = "%"\nmin = 1\n'
        )

    def run(*args: str) -> None:
        result = invoke("--plan", str(plan), "--ledger", str(toml), *args)
        assert result.exit_code == 0, result.output

    run("record", "gdp", "6.9", "-p", "2022-Q2", "--amount", "740.1")  # supersedes 6.5
    run("record", "gdp", "7.0", "-p", "2022-06", "--amount", "741")  # the same position
    run("record", "retail_sales", "5.6", "-p", "2022-Q2")  # ends with 2022-06, recorded after
    run("record", "retail_sales", "5.0", "-p", "2022-05")  # a revision of an earlier month
    run("record", "urban_income", "7.9", "-p", "2022-06")  # a relation: its every position
    run("record", "new_urban_jobs", "1.3", "-p", "2022-Q2")  # cumulative, YTD, by quarter
    run("record", "new_urban_jobs", "1.5", "-p", "2022-H1")
    run("record", "investment_roads", "9.9", "-p", "2022-07")  # the newest month: as-of
    run("undo", "--yes")  # … undone: not judged, not the as-of period
    run("record", "urbanisation", "60.1", "-p", "2021")  # the year before's end …
    run("record", "urbanisation", "60.2", "-p", "2021-12")  # … the same position, later
    run("record", "urbanisation", "60.9", "-p", "2022-06")
    run("amend", "gdp", "--from", "2022-Q2", "--min", "6.5", "--note", "省政府年中调整")
    run("amend", "retail_sales", "--from", "2022-04", "--around", "5.5")
    run("amend", "retail_sales", "--from", "2022-06", "--min", "5.2")
    sqlite = ws / "ledger.sqlite"
    assert invoke("--plan", str(plan), "ledger", "convert", str(toml), str(sqlite)).exit_code == 0
    return plan, toml, sqlite


def gap(invoke, plan: Path, ledger: Path, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = invoke("--plan", str(plan), "--ledger", str(ledger), "gap", *args)
    assert result.exit_code == 0, result.output
    return str(result.stdout)


@pytest.mark.parametrize("as_of", AS_OF, ids=["latest", "2022-03", "2022-05", "2022-Q2"])
def test_sqlite_gap_judges_as_the_same_ledger_in_toml(workspace, invoke, as_of) -> None:  # type: ignore[no-untyped-def]
    plan, toml, sqlite = workspace
    by_toml = gap(invoke, plan, toml, "--json", *as_of)
    assert gap(invoke, plan, sqlite, "--json", *as_of) == by_toml
    assert gap(invoke, plan, sqlite, *as_of) == gap(invoke, plan, toml, *as_of)  # the table
    document = json.loads(by_toml)
    judged = {t["id"]: t for t in document["targets"]}
    if not as_of:  # the undone 2022-07 is not the as-of period; the amendments are in force
        assert document["as_of"] == "2022-06"
        assert (judged["gdp"]["actual"], judged["gdp"]["period"]) == (7.0, "2022-06")
        assert judged["gdp"]["amended_from"] == "2022-Q2" and judged["gdp"]["min"] == 6.5
        assert (judged["retail_sales"]["actual"], judged["retail_sales"]["min"]) == (5.6, 5.2)
        assert (judged["new_urban_jobs"]["actual"], judged["new_urban_jobs"]["period"]) == (
            1.5,
            "2022-H1",
        )
        assert (judged["urbanisation"]["base"], judged["urbanisation"]["actual"]) == (60.2, 0.7)


def test_sqlite_selects_only_the_figures_judged(workspace) -> None:  # type: ignore[no-untyped-def]
    """Per target its latest position (a relation and its reference: every position), and the
    year before's year-end figure in force: the last recorded of 2021-12, 2021-Q4 and 2021."""
    plan_path, _, sqlite = workspace
    plan = load_plain_plan(plan_path)
    location = LedgerLocation(sqlite, "option")
    every, _ = read_plain_figures(location)
    chosen, amendments = read_plain_figures(location, figure_query(plan))
    assert len(chosen) < len(every)
    assert [a.target for a in amendments] == ["gdp", "retail_sales", "retail_sales"]
    positions = [(f.target, f.period, f.value) for f in chosen]
    assert [p for p in positions if p[0] == "gdp"] == [  # urban_income's reference: all
        ("gdp", "2022-Q1", Decimal("6.5")),
        ("gdp", "2022-Q2", Decimal("6.9")),  # in force for 2022-Q2 (6.5 superseded) …
        ("gdp", "2022-06", Decimal("7.0")),  # … and 2022-06, recorded later: judged
    ]
    assert [p for p in positions if p[0] == "retail_sales"] == [
        ("retail_sales", "2022-Q2", Decimal("5.6"))
    ]
    assert [p for p in positions if p[0] == "urbanisation"] == [
        ("urbanisation", "2021-12", Decimal("60.2")),
        ("urbanisation", "2022-06", Decimal("60.9")),
    ]
    assert [p for p in positions if p[0] == "investment_roads"] == [
        ("investment_roads", "2022-06", Decimal("8.12"))  # 2022-07 was undone
    ]
    assert [p[1] for p in positions if p[0] == "urban_income"] == ["2022-Q1", "2022-Q2", "2022-06"]
    # in the order they were recorded, as the assessment requires of reduced figures
    march = read_plain_figures(location, FigureQuery(2022, 3, frozenset()))[0]
    assert [(f.period, f.value) for f in march if f.target == "retail_sales"] == [
        ("2022-03", Decimal("5.8"))
    ]


def test_the_2021_plan_and_its_real_ledger(tmp_path: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    """The bundled 2021 plan with its published year-end figures, as TOML and as SQLite."""
    plan = tmp_path / "plan2021.toml"
    plan.write_bytes((DATA / "plan2021.toml").read_bytes())
    toml = tmp_path / "plan2021.progress.toml"
    toml.write_bytes((DATA / "plan2021.progress.toml").read_bytes())
    sqlite = tmp_path / "ledger.sqlite"
    assert invoke("--plan", str(plan), "ledger", "convert", str(toml), str(sqlite)).exit_code == 0
    for as_of in ([], ["--as-of", "2021"], ["--as-of", "2021-06"]):
        assert gap(invoke, plan, sqlite, "--json", *as_of) == gap(
            invoke, plan, toml, "--json", *as_of
        )


# A stored figure `_plainly_fit` must judge as `_stream_figures` does: fit ones are selected in
# SQL, anything else is read row by row (an error for an unfit one, word for word as before).
STORED: dict[str, tuple[str, object, bool]] = {
    "plain": ("value", "6.1", True),
    "a point at the end": ("value", "6.", True),
    "a point first": ("value", ".5", True),
    "a sign and a point first": ("value", "-.5", True),
    "11 characters": ("value", "12345678.12", True),
    "14 digits": ("value", "12345678901234", True),  # long: checked by figure_problem, fit
    "16 digits": ("value", "1234567890123456", False),
    "11 places": ("amount", "0.00000000001", False),
    "an exponent": ("value", "1E+1", False),
    "a space inside": ("value", "5 6", False),
    "a space before": ("value", " 5", False),
    "empty": ("value", "", False),
    "a lone sign": ("value", "-", False),
    "a lone point": ("value", ".", False),
    "a sign and a point": ("value", "-.", False),
    "a sign last": ("value", "5-", False),
    "a point then a sign": ("value", ".-5", False),
    "a point then a space": ("amount", ". ", False),
    "two points": ("value", "1.2.3", False),
    "a sign inside": ("value", "1-2", False),
    "two signs": ("value", "--5", False),
    "a plus": ("value", "+5", False),
    "a word": ("value", "five", False),
    "NaN": ("value", "NaN", False),
    "bytes": ("value", b"5", False),
    "an amount as bytes": ("amount", b"5", False),
    "an empty amount": ("amount", "", False),
    "no amount": ("amount", None, True),
    "a time at +08:00": ("recorded_at", "2022-07-05T16:30:00+08:00", True),
    "a time without offset": ("recorded_at", "2022-07-05T08:30:00", False),
    "period 2022-6": ("period", "2022-6", False),
}


@pytest.fixture(scope="module")
def small_ledger_built(tmp_path_factory: pytest.TempPathFactory, isolated_cli) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    """A small SQLite ledger, recorded once by plancli for the module; each test changes a
    copy of it (`small_ledger`)."""
    with isolated_cli() as invoke:
        return _record_small_ledger(tmp_path_factory.mktemp("small-ledger"), invoke)


def small_ledger(tmp_path: Path, built: tuple[Path, Path]) -> tuple[Path, Path]:
    """A copy of the module's small ledger and its plan in `tmp_path`."""
    plan, path = tmp_path / "mini.toml", tmp_path / "ledger.sqlite"
    shutil.copyfile(built[0], plan)
    shutil.copyfile(built[1], path)
    return plan, path


def _record_small_ledger(tmp_path: Path, invoke) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    plan = tmp_path / "mini.toml"
    plan.write_bytes((Path(__file__).parent / "fixtures" / "mini.toml").read_bytes())
    path = tmp_path / "ledger.sqlite"
    for target, value, period in (("gdp", "4.8", "2022-03"), ("gdp", "5.2", "2022-06")):
        args = ("record", target, value, "-p", period, "--amount", "700.25")
        assert invoke("--plan", str(plan), "--ledger", str(path), *args).exit_code == 0
    again = ("record", "gdp", "5.3", "-p", "2022-06")
    assert invoke("--plan", str(plan), "--ledger", str(path), *again).exit_code == 0
    return plan, path


@pytest.mark.parametrize("change", STORED.values(), ids=STORED.keys())
@pytest.mark.parametrize("seq", [1, 2, 3])  # an earlier month, superseded, in force
def test_a_row_not_plainly_fit_is_read_row_by_row(
    tmp_path: Path,
    small_ledger_built: tuple[Path, Path],
    change: tuple[str, object, bool],
    seq: int,
) -> None:
    from plancli.stores.base import period_problems
    from plancli.stores.sqlite_judged import plainly_fit
    from plancli.stores.sqlite_read import _time_problems

    column, stored, fit = change
    plan, path = small_ledger(tmp_path, small_ledger_built)
    with sqlite3.connect(path) as db:
        db.execute(f"UPDATE records SET {column} = ? WHERE seq = ?", (stored, seq))
    db.close()
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as db:
        found = plainly_fit(db)
    db.close()
    # as read_plain_figures judges it: the figures in bulk, each period and time once
    plain = found is not None and not (period_problems(found[0]) or _time_problems(found[1]))
    assert plain is fit
    location = LedgerLocation(path, "option")
    query = figure_query(load_plain_plan(plan))

    def judged(query: FigureQuery | None) -> object:
        try:
            figures, amendments = read_figures(location, query)
        except Exception as exc:  # the error is what is compared
            return f"{type(exc).__name__}: {exc}"
        assessment = assess_plan(load_plain_plan(plan), figures, None, amendments)
        return "".join(gap_json_parts(assessment, assessment.assessments))

    assert judged(query) == judged(None)


def test_json_written_from_values_is_the_dataclasses_json(workspace) -> None:  # type: ignore[no-untyped-def]
    plan_path, toml, _ = workspace
    plan = load_plain_plan(plan_path)
    figures, amendments = read_figures(LedgerLocation(toml, "option"))
    for as_of in (None, "2022-02", "2022-Q2"):
        assessment = assess_plan(plan, figures, as_of, amendments)
        for chosen in (select(assessment, plan.targets), [], assessment.assessments[:1]):
            expected = dump_json(gap_output(assessment, chosen))
            assert "".join(gap_json_parts(assessment, chosen)) == expected
            assert "".join(dump_json_parts(gap_output(assessment, chosen), parts=7)) == expected


def test_rows_are_written_as_their_writer_yields_them() -> None:
    """`dump_json_parts` hands on a `WrittenRows` array's pieces one by one, when its turn
    comes (a gap document of 100,000 targets is never held whole), and they join to the text
    `dump_json` writes of the same document."""
    from plancli.output import WrittenRows

    pulled: list[str] = []

    def rows(indent: str) -> Iterator[str]:
        for piece in ("[" + indent + "  1", "," + indent + "  2", indent + "]"):
            pulled.append(piece)
            yield piece

    document = {"before": "规划", "targets": WrittenRows(rows), "after": [1, None]}
    pieces = dump_json_parts(document, parts=2)
    seen: list[str] = []
    for piece in pieces:
        seen.append(piece)
        if piece in pulled:  # each row piece is handed on before the next is written
            assert pulled[-1] == piece
    assert len(pulled) == 3 and all(piece in seen for piece in pulled)
    assert "".join(seen) == dump_json({"before": "规划", "targets": [1, 2], "after": [1, None]})


def test_strings_are_escaped_as_written() -> None:
    """What a terminal would act on is \\u-escaped in every string, keys too, in rows too."""
    rows = [{"a": "x\u202ey", "b\u202e": ["\x9b", {"k\x7f": None}]}]
    text = dump_json({"rows": rows, "n\u2066": "plain 中文"})
    assert text == (
        '{\n  "rows": [\n    {\n      "a": "x\\u202ey",\n      "b\\u202e": [\n        "\\u009b",'
        '\n        {\n          "k\\u007f": null\n        }\n      ]\n    }\n  ],\n'
        '  "n\\u2066": "plain 中文"\n}'
    )
    assert json.loads(text)["rows"][0]["b\u202e"][0] == "\x9b"
    assert dump_json({"rows": []}) == '{\n  "rows": []\n}'
    assert dump_json({"a": "x\x7f"}) == '{\n  "a": "x\\u007f"\n}'  # DEL, all ASCII too
    document = GapOutput(plan="p", as_of=None, time_progress=None, counts={}, targets=[])
    with pytest.raises(TypeError):
        with_fields(document, nothing=1)


@settings(max_examples=300, deadline=None)
@given(
    decimals()  # st.decimals(allow_nan=False, allow_infinity=False), drawn more cheaply
    | st.builds(
        lambda digits, exponent: Decimal(digits).scaleb(exponent),
        st.integers(-(10**17), 10**17),
        st.integers(-20, 6),
    )
)
def test_a_number_is_written_as_pydantic_wrote_it(value: Decimal) -> None:
    """The quick text of a decimal (its own digits) is the text of its JSON number."""
    from plancli.output import _number

    assert _number(value) == number_text(decimal_to_json(value))


@pytest.mark.parametrize(
    "text",
    ["0", "-0", "-0.000", "0E-4", "5.90", "1E+1", "1E-7", "0.00001", "0.0001", "-0.00012",
     "123456789012345", "1234567890123456", "999999999999999.9", "-12345678901234.5"],
)  # fmt: skip
def test_numbers_at_the_edges(text: str) -> None:
    from plancli.output import _number

    value = Decimal(text)
    assert _number(value) == number_text(decimal_to_json(value))


# The checks `plainly_fit` made with five regular expressions, two of them now `_plain_run`'s
# `in` and `count`: the same verdict on every run of figures.
_FIVE = tuple(
    re.compile(pattern)
    for pattern in (
        r"[^-0-9. ]",
        r"[^ ]-",
        r"\.[0-9]*\.",
        r"(?<![0-9])\.(?![0-9])",
        r"-(?: |\Z)",
    )
)


@given(st.text(alphabet="-0123456789. ", max_size=12) | st.text(alphabet="-1. x", max_size=8))
@settings(max_examples=400, deadline=None)
def test_plain_run_says_what_the_five_expressions_said(text: str) -> None:
    from plancli.stores.sqlite_judged import _UNPLAIN_FIGURES, _plain_run

    before = not any(pattern.search(text) for pattern in _FIVE)
    now = not any(pattern.search(text) for pattern in _UNPLAIN_FIGURES) and _plain_run(text)
    assert now is before
