"""benchmarks/real_copies.py loaded for the tests that make a report's copies with real
programs: its web page of a report (`page`) and its print style (`PAGE`), written once."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "real_copies.py"
_SPEC = importlib.util.spec_from_file_location("real_copies", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
_MODULE = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("real_copies", _MODULE)
_SPEC.loader.exec_module(_MODULE)

PAGE: str = _MODULE.PAGE
page = _MODULE.page
