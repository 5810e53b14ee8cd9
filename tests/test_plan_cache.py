"""The validated-plan cache (issues 5 and 15): a plan's compiled form, used while its bytes and
plancli are unchanged, never stale, and read without Pydantic."""

from __future__ import annotations

import marshal
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from tests.conftest import FIXTURES

import plancli
from plancli import compiled
from plancli import plan as plan_module
from plancli.errors import PlanFileError
from plancli.locations import bundled_plans
from plancli.plain import Target
from plancli.plan import load_plain_plan, load_plan_file


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "plancli" / "plans"


def test_a_plan_read_again_is_built_from_its_compiled_form(cache: Path, mini_plan: Path) -> None:
    first = load_plain_plan(mini_plan)
    [entry] = list(cache.iterdir())
    assert entry.stat().st_mode & 0o077 == 0  # the user's alone
    header, body = entry.read_bytes().split(b"\n", 1)
    assert header.startswith(compiled.FORMAT)
    data = marshal.loads(body)  # plain values: decimals as their exact text
    columns = data["targets"]  # the targets as columns, one list per field
    g5 = columns["id"].index("g5")
    assert columns["min"][g5] == "310" and columns["kind"][g5] == "cumulative"
    assert list(columns) == list(Target._fields)
    again = load_plain_plan(mini_plan)
    assert again == first
    target = again.target("g5")
    assert target is not None and target.min == 310
    assert load_plan_file(mini_plan).target("g5") is not None  # the models, from the same entry


def test_the_compiled_form_is_the_validated_plan(cache: Path) -> None:
    """Every bundled plan: built from its compiled form (a hit) it is what validating the file
    gives (a miss), field for field, decimals with their own digits."""
    for path in bundled_plans().values():
        model = load_plan_file(path)
        miss = compiled.plain_plan(model)
        hit = load_plain_plan(path)  # written by load_plan_file, read back here
        assert hit == miss, path
        for plain_target, model_target in zip(hit.targets, model.targets, strict=True):
            assert exact(as_dict(plain_target)) == exact(model_target.model_dump())


def test_the_models_from_the_compiled_columns_are_the_validated_plan(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Commands that write validate the models from the compiled form (its targets as
    columns, made rows again): the same models, decimals with their own digits, as from the
    file."""
    import plancli.plan
    from plancli.plan import _validate

    def not_again(path: Path, data: bytes) -> None:
        raise AssertionError(f"{path}: validated again, not read from its entry")

    for path in [*bundled_plans().values(), *sorted(DATA_2026.glob("*.toml"))]:
        from_file = _validate(path, path.read_bytes())
        load_plain_plan(path)  # the entry
        with monkeypatch.context() as patch:
            patch.setattr(plancli.plan, "_validate", not_again)
            from_entry = load_plan_file(path)
        assert exact(from_entry.model_dump()) == exact(from_file.model_dump()), path


DATA_2026 = Path(__file__).parent.parent / "data" / "2026"


def as_dict(value: object) -> object:
    """A named tuple and those it holds as dicts, as `model_dump` gives a model."""
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return {name: as_dict(item) for name, item in zip(value._fields, value, strict=True)}
    return value


def exact(value: object) -> object:
    """Nested values with each decimal as its text: 4.50 is not 4.5 here."""
    if isinstance(value, Decimal):
        return f"Decimal {value}"
    if isinstance(value, dict):
        return {key: exact(item) for key, item in value.items()}
    if isinstance(value, list):
        return [exact(item) for item in value]
    return value


def test_an_edited_plan_is_read_again(cache: Path, mini_plan: Path) -> None:
    load_plain_plan(mini_plan)
    text = mini_plan.read_text(encoding="utf-8")
    mini_plan.write_text(text.replace('name_en = "Test plan"', 'name_en = "Edited"'), "utf-8")
    assert load_plain_plan(mini_plan).plan.name_en == "Edited"
    assert len(list(cache.iterdir())) == 1  # the edit replaced the entry: the cache stays small
    mini_plan.write_text(text + "\n[[targets]]\nid = 1\n", encoding="utf-8")
    with pytest.raises(PlanFileError):  # an invalid edit is never hidden by the cache
        load_plain_plan(mini_plan)
    with pytest.raises(PlanFileError):
        load_plan_file(mini_plan)


def test_another_plancli_compiles_again_beside_the_first(
    cache: Path, mini_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another version (or an edited development install) does not read the entry of this
    one; each keeps its own, so two installs used in turn do not undo each other's work."""
    load_plain_plan(mini_plan)
    before = compiled.plan_key(mini_plan.read_bytes())
    version = compiled.__version__
    monkeypatch.setattr(compiled, "__version__", "99.0")
    compiled.code_identity.cache_clear()
    try:
        assert compiled.plan_key(mini_plan.read_bytes()) != before
        assert compiled.read_compiled(mini_plan, compiled.plan_key(mini_plan.read_bytes())) is None
        load_plain_plan(mini_plan)
        assert len(list(cache.iterdir())) == 2
        assert compiled.read_compiled(mini_plan, compiled.plan_key(mini_plan.read_bytes()))
    finally:
        monkeypatch.setattr(compiled, "__version__", version)
        compiled.code_identity.cache_clear()
    assert compiled.read_compiled(mini_plan, before)  # the first install's entry is still there


def test_a_damaged_or_foreign_entry_is_ignored(cache: Path, mini_plan: Path) -> None:
    first = load_plain_plan(mini_plan)
    [entry] = list(cache.iterdir())
    header, body = entry.read_bytes().split(b"\n", 1)
    coded = marshal.loads(body)  # a whole plan, but code where its name should be
    coded["plan"]["name_en"] = (lambda: 0).__code__
    for value in ("not a plan", [1, 2], {"plan": {}}, {"plan": {"id": 1}, "targets": 3}, coded):
        body = marshal.dumps(value)
        entry.write_bytes(header + b"\n" + body)
        assert load_plain_plan(mini_plan) == first
        assert load_plan_file(mini_plan).plan.id == first.plan.id


def test_a_plans_targets_are_built_when_used_and_a_part_alone(cache: Path, mini_plan: Path) -> None:
    """A plan from its compiled form builds its targets at their first use; `part` builds
    those asked for only, `ids` and `column` read the columns (`gap_split`: each process
    builds its share)."""
    whole = load_plain_plan(mini_plan).targets
    plan = load_plain_plan(mini_plan)  # from the entry
    g5 = [t.id for t in whole].index("g5")
    assert plan.ids() == [t.id for t in whole]
    assert plan.column("min")[g5] == "310"  # as kept: the decimal's text
    assert plan.column("parts") == [t.parts or None for t in whole]
    assert plan.part([g5, 0]) == [whole[g5], whole[0]]
    assert plan.part([g5])[0].min == Decimal("310")
    assert plan.part([]) == []
    assert plan._targets is None  # nothing built but the part
    assert plan.target("g5") == whole[g5]
    assert plan._targets == whole
    assert plan._rows is None  # the columns freed
    assert plan.column("parts") == [t.parts or None for t in whole]  # from the built targets
    assert plan.part([g5, 0]) == [whole[g5], whole[0]]


def test_an_entry_whose_targets_do_not_build_is_read_from_the_file(
    cache: Path, mini_plan: Path
) -> None:
    """A target that does not build from the entry (not what this code wrote: a figure that is
    no decimal) is built from the plan file, validated again, and the entry replaced."""
    first = load_plain_plan(mini_plan)
    expected = first.targets
    [entry] = list(cache.iterdir())
    header, body = entry.read_bytes().split(b"\n", 1)
    data = marshal.loads(body)
    data["targets"]["min"] = [
        "not a number" if v is not None else None for v in data["targets"]["min"]
    ]
    entry.write_bytes(header + b"\n" + marshal.dumps(data))
    damaged = load_plain_plan(mini_plan)  # believed: plain values, the columns' shape
    g5 = damaged.ids().index("g5")
    assert damaged.part([g5]) == [expected[g5]]
    assert damaged.targets == expected
    assert marshal.loads(entry.read_bytes().split(b"\n", 1)[1])["targets"]["min"][g5] == "310"
    with pytest.raises(ArithmeticError):  # without the file to turn to: as before
        assert compiled.plan_from_compiled(data).targets


def test_an_unwritable_cache_is_only_slower(
    tmp_path: Path, mini_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert load_plain_plan(mini_plan) == load_plain_plan(mini_plan)


def test_a_plan_seen_before_is_read_without_pydantic(tmp_path: Path) -> None:
    plan = tmp_path / "assess.toml"
    plan.write_bytes((FIXTURES / "assess.toml").read_bytes())
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from plancli.plan import load_plain_plan\n"
        f"plan = load_plain_plan(Path({str(plan)!r}))\n"
        "print(plan.plan.id, len(plan.targets))\n"
        "sys.stderr.write(' '.join(m for m in sys.modules if m.startswith('pydantic')))\n"
    )
    env = {
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "HOME": str(tmp_path),
        "PYTHONPATH": str(Path(plancli.__file__).parents[1]),  # this plancli, not an install
        # the suite's compiled modules (tests/conftest.py), not each module compiled again
        "PYTHONPYCACHEPREFIX": sys.pycache_prefix or "",
    }
    cold, warm = (
        subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
        for _ in range(2)
    )
    assert cold.returncode == 0 and warm.returncode == 0, cold.stderr + warm.stderr
    assert "pydantic" in cold.stderr.split()  # validated the first time
    assert warm.stdout == cold.stdout and warm.stderr == ""


def _code() -> object:
    return compile("1", "<x>", "eval")


@pytest.mark.parametrize(
    "value, plain",
    [
        ({"a": [1, "x", None, True], "b": {"c": [["d"], []]}}, True),
        ({"targets": {"parts": [None, ["a", "b"], None]}}, True),
        ({"a": [[["deep", 1.5]]]}, False),  # a float, three lists down
        ({"a": [[], [[_code()]]]}, False),  # code, among empty lists
        ({"a": {"b": {1: "x"}}}, False),  # a key that is not text
        ({"a": [{"b": b"bytes"}]}, False),
        ({"a": ({"b": 1},)}, False),  # a tuple
        ([{"a": 1}, {"b": [frozenset()]}], False),
        ({"a": [None] * 10 + [[{"k": [set()]}]]}, False),
        (_code(), False),
        ("text", True),
        # a level of many containers (more than `_FEW`: typed chained), of a few (each once)
        ({"a": [["x", [1]] for _ in range(1_500)]}, True),
        ({"a": [["x", [1]] for _ in range(1_500)] + [[[_code()]]]}, False),
        ({"a": [["x"] for _ in range(1_500)] + [[1.5]]}, False),
        ({"a": [None, ["x"]] * 10, "b": [[[b"bytes"]]]}, False),
    ],
)
def test_only_plain_values_are_believed(value: object, plain: bool) -> None:
    """Whatever else marshal can hold, at any depth, makes the entry a miss."""
    assert compiled._plain_values(value) is plain


def _no_validation_here(path: Path, data: bytes) -> None:
    raise AssertionError("validated in this process, not by the child")


@pytest.mark.parametrize("writable", [True, False])
def test_a_large_plan_is_compiled_by_a_child_process(
    tmp_path: Path, mini_plan: Path, monkeypatch: pytest.MonkeyPatch, writable: bool
) -> None:
    """Issue 15: the first read of a large plan validates it in a child process, whose memory
    is returned when it exits; the child keeps the entry and hands its bytes back, so a cache
    that cannot be written still costs one validation, not two."""
    expected = compiled.plain_plan(load_plan_file(mini_plan))
    cache_home = tmp_path / ("cache" if writable else "not-a-folder")
    if not writable:
        cache_home.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
    monkeypatch.setattr(compiled, "ASIDE_BYTES", 0)
    monkeypatch.setattr(plan_module, "_validate", _no_validation_here)
    assert load_plain_plan(mini_plan) == expected
    entries = cache_home / "plancli" / "plans"
    assert (len(list(entries.iterdir())) == 1) if writable else not entries.exists()


def test_a_large_invalid_plan_is_refused_as_before(
    cache: Path, mini_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child fails on an invalid plan; this process validates it and says what is wrong,
    as it does for a small plan."""
    mini_plan.write_text(mini_plan.read_text("utf-8") + "\n[[targets]]\nid = 1\n", "utf-8")
    with pytest.raises(PlanFileError) as small:
        load_plain_plan(mini_plan)
    monkeypatch.setattr(compiled, "ASIDE_BYTES", 0)
    with pytest.raises(PlanFileError) as large:
        load_plain_plan(mini_plan)
    assert str(large.value) == str(small.value) and "line" in str(large.value)
    assert not cache.exists() or not list(cache.iterdir())


def test_equal_strings_are_kept_once(cache: Path, mini_plan: Path) -> None:
    """The entry holds each distinct string once (marshal refers to it after): a plan's
    targets share a few sections, kinds and units, built once when read, and the entry reads
    back as the plan it was made from."""
    first = load_plain_plan(mini_plan)
    [entry] = list(cache.iterdir())
    body = entry.read_bytes().split(b"\n", 1)[1]
    columns = marshal.loads(body)["targets"]
    kinds = columns["kind"]
    assert len(kinds) > len(set(kinds))  # the mini plan repeats its kinds
    assert len({id(kind) for kind in kinds}) == len(set(kinds))  # one object each
    assert body.count(b"cumulative") == 1
    plain = compiled._shared({"a": ["x" * 3, "".join("xxx")], "x" * 3: "xx" + "x"}, {})
    assert plain == {"a": ["xxx", "xxx"], "xxx": "xxx"}
    assert plain["a"][0] is plain["a"][1] is plain["xxx"] is list(plain)[1]
    assert load_plain_plan(mini_plan) == first
