"""The code a compiled plan depends on (`compiled._CODE`) is all of it: derived from the code.

A plan's compiled form is read while the files of the code that validated it are unchanged
(their size and time are in the key). Session 28 moved plan checks into `file_types.py`
(`year = "2022"` refused), which was not in that list: a plan compiled before the change was
still read after it. Here the list is derived twice, from the import graph (what the plan's
validation imports at module level, as tests/test_architecture.py reads it) and from a run
(every plancli file whose code runs while the bundled plans are validated and compiled), and
each module found must be in `_CODE`.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from tests.test_architecture import MODULES, PACKAGE, _imports

from plancli import compiled
from plancli import plan as plan_module
from plancli.locations import bundled_plans

# Where a plan file's validation starts: the TOML read and `_validate` (plan.py), a ledger
# refused (ledger_as_plan.py), the models (model.py), the compiled form (compiled.py).
STARTS = ("plancli.plan", "plancli.model", "plancli.ledger_as_plan", "plancli.compiled")


def _file(module: str) -> str:
    return MODULES[module].relative_to(PACKAGE).as_posix()


def _module_level_closure(starts: tuple[str, ...]) -> set[str]:
    seen: set[str] = set()
    todo = list(starts)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(_imports(MODULES[name], lazy=False))
    return {_file(name) for name in seen}


def test_every_module_the_plan_validation_imports_is_in_the_key() -> None:
    derived = _module_level_closure(STARTS)
    assert {"model.py", "file_types.py", "periods.py", "safe.py", "plain.py"} <= derived
    assert sorted(derived - set(compiled._CODE)) == []


def test_every_module_whose_code_runs_in_a_plan_validation_is_in_the_key() -> None:
    """Imports inside functions are not in the graph above: a validator importing a module
    lazily is seen here, by the files whose functions run (two bundled plans, ~0.1 s)."""
    plans = bundled_plans()
    ran: set[str] = set()
    package = str(PACKAGE)

    def profile(frame: object, event: str, arg: object) -> None:
        filename = frame.f_code.co_filename  # type: ignore[attr-defined]
        if event == "call" and filename.startswith(package):
            ran.add(Path(filename).relative_to(PACKAGE).as_posix())

    sys.setprofile(profile)
    try:
        for name in ("guandu-2022", "guangdong-2026"):
            path = plans[name]
            compiled.compile_plan(plan_module._validate(path, path.read_bytes()))
    finally:
        sys.setprofile(None)
    assert {"model.py", "file_types.py", "plain.py", "plan.py"} <= ran
    assert sorted(ran - set(compiled._CODE)) == []


def test_a_changed_rule_module_is_a_new_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`file_types.py` edited (a development install, a patched file) makes every compiled plan
    a miss: the plan is validated again by the new rules."""
    for name in {"file_types.py", *compiled._CODE}:
        (tmp_path / name).parent.mkdir(exist_ok=True)  # stores/base.py
        shutil.copy2(PACKAGE / name, tmp_path / name)
    monkeypatch.setattr(compiled, "_PACKAGE", tmp_path)
    compiled.code_identity.cache_clear()
    try:
        before = compiled.plan_key(b"[plan]\n")
        info = (tmp_path / "file_types.py").stat()
        os.utime(tmp_path / "file_types.py", ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))
        compiled.code_identity.cache_clear()
        assert compiled.plan_key(b"[plan]\n") != before
    finally:
        compiled.code_identity.cache_clear()
