"""A validated plan, compiled: plain values that read commands load without Pydantic.

A plan file is read and validated by the Pydantic models (`model.py`) the first time plancli
sees it; the result is then kept as plain values (dicts, lists, strings, integers, booleans;
decimals as their exact text) in Python's `marshal` format, in the user's cache folder
(`cache.py`: `$XDG_CACHE_HOME/plancli/plans/`, one entry per plan file and plancli install,
the user's alone). Later runs read the plan's bytes, and while they, plancli's version and the
code that validates and compiles plans are what the entry was made from, build the plain
objects of `plain.py` from it: no TOML parse, no Pydantic (issue 15: importing Pydantic and
building its models cost more than a whole `status` without them).

Why it is safe: the key is a digest of the plan's bytes (small: a city's 10,000 targets are
3 MB), so an edit is a miss and is validated again, and an invalid plan is never kept;
loading plain values builds them and runs nothing (unlike pickle, marshal calls no code, and
nothing read is ever called), and only values of the expected types become a plan; and an
entry is read only when it and its folder are the user's alone. Why marshal, not JSON: it is
built in, where importing the json package cost every table command 0.07x the import floor.
"""

from __future__ import annotations

import functools
import marshal
import sys
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plancli import __version__
from plancli.cache import blake2b, entry_path, read_entry, write_entry
from plancli.plain import Baseline, Plan, PlanMeta, ProjectCount, Section, StatusRules, Target

if TYPE_CHECKING:
    from plancli import model

# Bump when the layout of the compiled form changes (the code's own files are in the key too).
FORMAT = b"plancli-plan-3"  # 3: the targets as columns
_PACKAGE = Path(__file__).parent
# The code a compiled plan depends on: every module the validation of a plan file runs through
# (the TOML read, the rules, the file's types, the classes it becomes) — what `plan.py`,
# `model.py`, `ledger_as_plan.py` and this module import at module level, and what validation
# imports inside them. A module left out let a plan compiled before its change be read after
# it (session 28: `file_types.py` made `year = "2022"` invalid; a cached such plan kept
# working). tests/test_compiled_code.py derives the list from the code and fails on a gap.
_CODE = (
    "__init__.py",
    "cache.py",
    "compiled.py",
    "errors.py",
    "figure_words.py",
    "file_types.py",
    "i18n.py",
    "interface_words.py",
    "ledger_as_plan.py",
    "level_precision.py",
    "locations.py",
    "model.py",
    "name_keys.py",
    "paths.py",
    "period_numerals.py",
    "period_since.py",
    "period_ranges.py",
    "period_slips.py",
    "periods.py",
    "plain.py",
    "plan.py",
    "plan_messages.py",
    "plan_links.py",
    "plan_refs.py",
    "radicals.py",
    "safe.py",
    "stores/__init__.py",  # figure_words (a level's value_text, level_precision) imports
    "stores/base.py",  # `stores.base.shown` for its messages
    "toml_lines.py",
    "unit_words.py",
)
_DECIMALS = ("min", "max", "around", "tolerance", "stretch", "opening")
_LISTS = ("parts", "aliases")  # lists of strings, empty by default


@functools.cache
def code_identity() -> str:
    """plancli's version and the identity of the code a compiled plan depends on: an edited
    plancli (a development install) validates again, and two installs keep apart entries."""
    digest = blake2b(FORMAT, digest_size=16)
    # marshal's format is the interpreter's: another Python reads its own entry
    digest.update(f"\0{__version__}\0{sys.version_info[:2]}\0{marshal.version}".encode())
    for name in _CODE:
        try:
            info = (_PACKAGE / name).stat()
            digest.update(f"\0{name}\0{info.st_size}\0{info.st_mtime_ns}".encode())
        except OSError:
            digest.update(f"\0{name}\0?".encode())
    return digest.hexdigest()


def plan_key(data: bytes) -> bytes:
    """The key of a plan file's compiled form: its bytes, plancli's version and code."""
    digest = blake2b(FORMAT, digest_size=32)
    digest.update(code_identity().encode())
    digest.update(b"\0plan\0")
    digest.update(data)
    return digest.hexdigest().encode()


def compile_plan(plan: model.Plan) -> dict[str, Any]:
    """The validated plan as plain values: decimals as their exact text ("4.50" stays 4.50),
    fields left out where they are null; the targets as columns (`_columns`)."""
    compiled: dict[str, Any] = _plain(plan.model_dump(mode="python", exclude_none=True))
    compiled["targets"] = _columns(compiled["targets"])
    return compiled


def _columns(targets: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """The targets as one list per field of `plain.Target`, in its order, None where a target
    has none: 100,000 targets are 30 lists to check and read, not 100,000 dicts, and become
    named tuples in C (`plan_from_compiled`)."""
    names = Target._fields
    unknown = {name for target in targets for name in target} - set(names)
    if unknown:  # a model field the plain target lacks: the code is wrong, say so
        raise TypeError(f"plain.Target has no field {', '.join(sorted(unknown))}")
    columns = {name: [target.get(name) for target in targets] for name in names}
    for name in _LISTS:  # mostly empty: None, and the named tuple's one empty list
        columns[name] = [items or None for items in columns[name]]
    return columns


def model_data(compiled: dict[str, Any]) -> dict[str, Any]:
    """A compiled plan as the data the models validate: each target a dict again, without the
    fields it has none of (as `compile_plan` found them)."""
    columns: dict[str, list[Any]] = compiled["targets"]
    names = [name for name in Target._fields if name in columns]
    rows = zip(*(columns[name] for name in names), strict=True)
    targets = [
        {name: value for name, value in zip(names, row, strict=True) if value is not None}
        for row in rows
    ]
    return {**compiled, "targets": targets}


def plain_plan(plan: model.Plan) -> Plan:
    """The plain form of a validated plan model: what a hit on its compiled form gives."""
    return plan_from_compiled(compile_plan(plan))


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def plan_from_compiled(
    data: dict[str, Any], recover: Callable[[], list[Target]] | None = None
) -> Plan:
    """The plain plan of a compiled form (a KeyError or TypeError: not one this code wrote).
    Its targets are built when first used, or only those a process asks for (`Rows`);
    should one of them not build, `recover` gives every target from the plan file."""
    meta = dict(data["plan"])
    if "status" in meta:
        meta["status"] = StatusRules(**{k: Decimal(v) for k, v in meta["status"].items()})
    return Plan(
        plan=PlanMeta(**meta),
        sections=[Section(**section) for section in data["sections"]],
        targets=Rows(data["targets"], recover),
    )


class Rows:
    """The targets of their columns (`_columns`), built when asked for (`plain.TargetRows`):
    each column's values made once, then the named tuples built from the rows in C. A
    process that judges half of a plan builds that half (`gap_split`: 0.35 s at 100,000
    targets)."""

    def __init__(
        self, columns: dict[str, list[Any]], recover: Callable[[], list[Target]] | None = None
    ) -> None:
        if type(columns) is not dict or list(columns) != list(Target._fields):
            raise TypeError("not the columns of plain.Target")
        count = len(columns["id"])
        if any(type(column) is not list or len(column) != count for column in columns.values()):
            raise TypeError("columns of different lengths")
        self.columns = columns
        self.recover = recover

    def __len__(self) -> int:
        return len(self.columns["id"])

    def column(self, name: str) -> list[Any]:
        return self.columns[name]

    def build(self, places: Sequence[int] | None = None) -> list[Target]:
        try:
            return _targets(self.columns, places)
        except (KeyError, TypeError, ValueError, ArithmeticError):  # not what this code wrote
            if self.recover is None:
                raise
            targets = self.recover()
            return targets if places is None else [targets[place] for place in places]


def _targets(columns: dict[str, list[Any]], places: Sequence[int] | None) -> list[Target]:
    """The targets at `places` (None: all) of their columns."""
    made: dict[str, Sequence[Any]] = dict(columns)
    if places is not None and len(places) > 1:  # each column's values picked in C
        pick = itemgetter(*places)
        made = {name: pick(column) for name, column in columns.items()}
    elif places is not None:
        made = {name: [column[place] for place in places] for name, column in columns.items()}
    # A column of nothing (most are: any() asks in C) is left as it is.
    for name in _DECIMALS:
        if any(made[name]):
            made[name] = [None if v is None else Decimal(v) for v in made[name]]
    if any(made["profile"]):
        made["profile"] = [
            None if shares is None else [Decimal(share) for share in shares]
            for shares in made["profile"]
        ]
    for name in _LISTS:
        empty = Target._field_defaults[name]
        made[name] = [empty if items is None else items for items in made[name]]
    if any(made["baseline"]):
        made["baseline"] = [None if b is None else _baseline(b) for b in made["baseline"]]
    if any(made["projects"]):
        made["projects"] = [None if p is None else _projects(p) for p in made["projects"]]
    return list(map(Target._make, zip(*made.values(), strict=True)))


def _baseline(baseline: dict[str, Any]) -> Baseline:
    numbers = ("value", "growth", "plan")
    given: dict[str, Any] = {k: Decimal(v) if k in numbers else v for k, v in baseline.items()}
    return Baseline(**given)


def _projects(projects: dict[str, Any]) -> ProjectCount:
    if "total_investment" in projects:
        projects = {**projects, "total_investment": Decimal(projects["total_investment"])}
    return ProjectCount(**projects)


# ------------------------------------------------------------------------------ the entry


def _entry(path: Path) -> Path | None:
    """The plan file's one entry for this plancli (an edit of the plan replaces it: the folder
    does not grow with edits, and two installs used in turn do not replace each other's)."""
    try:
        return entry_path("plans", ".marshal", str(path.resolve()), code_identity())
    except (OSError, RuntimeError):  # a path that cannot be resolved: no cache
        return None


def read_compiled(path: Path, key: bytes) -> dict[str, Any] | None:
    """The compiled form kept for the plan file at `path` under `key`, or None."""
    entry = _entry(path)
    if entry is None:
        return None
    return loads_compiled(read_entry(entry), key)


def loads_compiled(data: bytes | None, key: bytes) -> dict[str, Any] | None:
    """The compiled form in `data` (an entry's bytes, `dumps_compiled`) if it is one made
    under `key` and holds plain values only, else None."""
    header = FORMAT + b" " + key + b"\n"
    if data is None or not data.startswith(header):
        return None
    try:
        compiled = marshal.loads(memoryview(data)[len(header) :])
    except (EOFError, ValueError, TypeError):  # torn or damaged: a miss
        return None
    return compiled if type(compiled) is dict and _plain_values(compiled) else None


_PLAIN = frozenset({dict, list, str, int, bool, type(None)})


def _plain_values(value: object) -> bool:
    """Only dicts of strings, lists, strings, integers, booleans and None: marshal can also
    hold code and other objects, which nothing that reads a plan should ever be handed.

    Checked a level at a time, each level's items typed at once in C (`set(map(type, …))`):
    a plan's targets are columns of 100,000 values, and their lists (parts, aliases) 100,000
    small lists, which one at a time took a second. A level of many small containers (those
    lists) is typed chained, in one pass; one of a few large ones (the columns) one container
    at a time, each once (typing them chained, then each again to find its children, typed
    3 million values twice: 0.1 s of every read command on a plan of 100,000 targets)."""
    if type(value) not in _PLAIN:
        return False
    level: list[Any] = [value] if type(value) in _CONTAINERS else []
    while level:
        dicts = [item for item in level if type(item) is dict]
        if dicts and not set(map(type, chain.from_iterable(dicts))) <= _KEYS:
            return False
        groups: list[Iterable[object]] = [item for item in level if type(item) is list]
        groups += map(dict.values, dicts)
        if len(groups) > _FEW:  # many small containers: typed together
            kinds = set(map(type, chain.from_iterable(groups)))
            if not kinds <= _PLAIN:
                return False
            if kinds.isdisjoint(_CONTAINERS):
                return True
            helds: list[set[type]] | None = None
        else:
            helds = [set(map(type, group)) for group in groups]
            kinds = set().union(*helds)
            if not kinds <= _PLAIN:
                return False
            if kinds.isdisjoint(_CONTAINERS):
                return True
        level = []
        for at, group in enumerate(groups):
            held = set(map(type, group)) if helds is None else helds[at]
            if held.isdisjoint(_CONTAINERS):
                continue
            if held <= _CONTAINERS_OR_NONE:  # a column of lists or nothing: in C
                level += filter(None, group)  # (an empty one holds nothing to check)
            else:
                level += [child for child in group if type(child) in _CONTAINERS]
    return True


_FEW = 1_000  # containers in a level typed one by one (`_plain_values`)


_KEYS = frozenset({str})
_CONTAINERS = frozenset({dict, list})
_CONTAINERS_OR_NONE = frozenset({dict, list, type(None)})


def dumps_compiled(key: bytes, compiled: dict[str, Any]) -> bytes:
    """A compiled form as an entry's bytes: the format and key, a line end, then marshal.
    Equal strings are made one object first (`_shared`): marshal then writes each once and
    refers to it after, and reading builds it once (a plan's 100,000 targets name a few
    sections, kinds, units and frequencies: 13 MB read in 0.08 s instead of 26 MB in 0.19)."""
    return FORMAT + b" " + key + b"\n" + marshal.dumps(_shared(compiled, {}))


def _shared(value: Any, seen: dict[str, str]) -> Any:
    """`value` with every string equal to one already seen replaced by that one."""
    kind = type(value)
    if kind is str:
        return seen.setdefault(value, value)
    if kind is list:
        return [_shared(item, seen) for item in value]
    if kind is dict:
        return {seen.setdefault(k, k): _shared(item, seen) for k, item in value.items()}
    return value


def keep_compiled(path: Path, key: bytes, compiled: dict[str, Any] | bytes) -> None:
    """Keep a compiled form (or its bytes, `dumps_compiled`) as the entry of `path`."""
    entry = _entry(path)
    if entry is not None:
        data = compiled if isinstance(compiled, bytes) else dumps_compiled(key, compiled)
        write_entry(entry, data)


# A plan file at least this large is compiled, on a miss, by a child process (`compile_aside`).
ASIDE_BYTES = 4 * 1024 * 1024


def compile_aside(path: Path, key: bytes) -> dict[str, Any] | None:
    """The plan at `path` validated and compiled by a child process, which keeps the compiled
    form in the cache and hands its bytes back; None when the child failed (an invalid plan,
    a plan file changed meanwhile, no interpreter to start): the caller then validates in
    process and says what is wrong. Validating a plan of 100,000 targets peaks near 490 MB
    and leaves some 260 MB of freed objects' arenas resident, on which the import that
    followed stacked its own 500 MB (835 MB at the first import after installing, issue 15);
    a child's memory is all returned when it exits."""
    import subprocess

    if not sys.executable:
        return None
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path)],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            check=False,
        )
    except OSError:
        return None
    return loads_compiled(done.stdout, key) if done.returncode == 0 else None


_CHILD = (
    "import sys; from plancli.compiled import compile_to_stdout; compile_to_stdout(sys.argv[1])"
)


def compile_to_stdout(name: str) -> None:
    """The child's work (`compile_aside`): the plan at `name` validated and compiled, kept in
    the cache (where there is one to write) and written to stdout as the entry's bytes."""
    import sys

    from plancli.errors import PlanFileError
    from plancli.paths import read_bytes
    from plancli.plan import _validate

    path = Path(name)
    data = read_bytes(path, "the plan", PlanFileError)
    key = plan_key(data)
    entry = dumps_compiled(key, compile_plan(_validate(path, data)))
    keep_compiled(path, key, entry)
    sys.stdout.buffer.write(entry)
