"""Where things are: the plan a `--plan` value names, and the ledger that goes with it.

No Pydantic, TOML or Rich here, and no dataclass to compile at start-up: every command
resolves both files first (issue 15).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Literal, NamedTuple

from plancli.errors import InputError
from plancli.i18n import N_, _
from plancli.paths import check_readable

LEDGER_SUFFIX = ".progress.toml"
# A bundled plan's id: `<place>-<year>`; anything else given to --plan is a path.
_BUNDLED_ID = re.compile(r"^[a-z][a-z0-9_]*-\d{4}$")

DEFAULT_PLAN = "guandu-2022"
BUNDLED = {"guandu-2022": "plan2022.toml", "guandu-2021": "plan2021.toml"}
# Bundled plans may ship a ledger of real figures (2021's year-end actuals from 附表1).
BUNDLED_LEDGERS = {"guandu-2021": "plan2021.progress.toml"}


def bundled_plans() -> dict[str, Path]:
    """Every bundled plan by id: the Guandu plans, then `data/<year>/<place>.toml` as
    `<place>-<year>` (the 2026 provinces: `zhejiang-2026`), in id order within a year."""
    folder = data_dir()
    plans = {plan_id: folder / name for plan_id, name in BUNDLED.items()}
    for year_dir in sorted(folder.iterdir()):
        if year_dir.is_dir() and year_dir.name.isdigit():
            for path in sorted(year_dir.glob("*.toml")):
                plans[f"{path.stem}-{year_dir.name}"] = path
    return plans


def data_dir() -> Path:
    """Folder of the bundled plans: inside the installed package, or the repo's data/."""
    packaged = Path(__file__).parent / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"  # source checkout / editable install


class PlanSource(NamedTuple):
    """Where a plan comes from: a bundled id or a file path."""

    path: Path
    bundled_id: str | None  # set when the plan was chosen by a bundled id


def resolve_plan(ref: str | None) -> PlanSource:
    """`--plan` value (or PLANCLI_PLAN, or the default) → file to read."""
    ref = ref or os.environ.get("PLANCLI_PLAN") or DEFAULT_PLAN
    if ref in BUNDLED:
        return PlanSource(data_dir() / BUNDLED[ref], ref)
    if _BUNDLED_ID.match(ref):
        bundled = bundled_plans().get(ref)
        if bundled is not None:
            return PlanSource(bundled, ref)
    path = Path(ref).expanduser()
    if path.is_dir():
        raise InputError(_("--plan {ref}: is a folder; give the plan's .toml file").format(ref=ref))
    if not check_readable(path, N_("the plan")):  # a FIFO or a device is refused, never opened
        raise InputError(
            _(
                "--plan {ref}: no such file and no bundled plan of that id ({known}; "
                "`plancli plans` lists them all)"
            ).format(ref=ref, known=", ".join(BUNDLED))
        )
    return PlanSource(path, None)


# --------------------------------------------------------------------------- ledgers

SQLITE_SUFFIXES = (".sqlite", ".db")
LedgerFormat = Literal["toml", "sqlite"]


def ledger_format(path: Path) -> LedgerFormat:
    """The one place the storage is chosen: `.sqlite` / `.db` is SQLite, anything else TOML."""
    return "sqlite" if path.suffix.lower() in SQLITE_SUFFIXES else "toml"


Origin = Literal["option", "beside-plan", "app-dir", "bundled"]


class LedgerLocation(NamedTuple):
    """Where the ledger of a plan is, why there, and whether plancli may write it."""

    path: Path
    origin: Origin
    read_only: bool = False
    plan_id: str | None = None  # bundled plans: their id, for the read-only hint


def resolve_ledger(
    explicit: Path | None,
    plan: PlanSource,
    app_dir: Path,
    env_value: str | None = None,
) -> LedgerLocation:
    """DESIGN §5: `--ledger` > PLANCLI_LEDGER > beside a plan given by path > the app dir.

    A bundled plan that ships a ledger (guandu-2021 and its 2021 actuals) reads that file by
    default, read-only: it belongs to the installed package. `plancli init DIR` copies plan and
    ledger into a workspace where figures can be recorded.
    """
    if explicit is not None:
        return LedgerLocation(Path(explicit).expanduser(), "option")
    if env_value:
        return LedgerLocation(Path(env_value).expanduser(), "option")
    if plan.bundled_id is None:
        return LedgerLocation(plan.path.with_name(plan.path.stem + LEDGER_SUFFIX), "beside-plan")
    if plan.bundled_id in BUNDLED_LEDGERS:
        bundled = data_dir() / BUNDLED_LEDGERS[plan.bundled_id]
        return LedgerLocation(bundled, "bundled", read_only=True, plan_id=plan.bundled_id)
    return LedgerLocation(app_dir / f"{plan.bundled_id}{LEDGER_SUFFIX}", "app-dir")
