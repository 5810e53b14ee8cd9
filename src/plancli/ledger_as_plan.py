"""A ledger given as the plan under a name of its own (`cp plan2022.progress.toml 台账副本.toml;
plancli --plan 台账副本.toml status`): known by its keys, `version` and `[[records]]` with no
`[plan]`, and refused as a ledger rather than with `version: unknown key` and four more errors
(N10, session 27; a `.progress.toml` name is refused before it is read: `cli.workspace_notes`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from plancli.errors import PlanFileError
from plancli.i18n import _
from plancli.safe import clip_path


def refuse_ledger(parsed: dict[str, Any], text: str, path: Path) -> tuple[dict[str, Any], str]:
    """`parsed` and `text` as given, unless they are a ledger's: then PlanFileError."""
    if "plan" not in parsed and ("records" in parsed or "version" in parsed):
        raise PlanFileError(
            _(
                "{file}: is a ledger (version, [[records]]), not a plan file; give its plan file"
            ).format(file=clip_path(path))
        )
    return parsed, text
