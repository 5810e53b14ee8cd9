"""Session 33's table leftovers, on the bundled 2022 plan with session 31's ledger (the
README's June figures, three mid-year adjustments): `show ID`'s id whole on a line of its own
where it does not fit beside its label."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from test_table_leftovers_s32 import LEDGER, PLAN

LONG_ID = "heritage_repairs_initial_acceptance"  # 35 characters, the bundled plan's longest


@pytest.fixture(name="cli")
def cli_fixture(invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    def call(
        *command: str, columns: int, lang: str = "zh", ledger: Path | None = None
    ) -> list[str]:
        ledger = ledger or tmp_path / "work.progress.toml"
        if not ledger.exists():
            ledger.write_text(LEDGER.format(first="2026-12-02 09:18:07+00:00"), "utf-8")
        monkeypatch.setenv("COLUMNS", str(columns))
        result = invoke("--lang", lang, "--plan", PLAN, "--ledger", str(ledger), *command)
        assert result.exit_code == 0, result.output
        printed = result.stdout.splitlines()
        assert max(map(cell_len, printed), default=0) <= columns, result.stdout
        return printed

    return call


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [40, 41, 42, 44])
def test_show_puts_a_long_id_on_a_line_of_its_own(cli: Any, lang: str, columns: int) -> None:
    """At 40 columns `编号  heritage_repairs_initial_accep` over `tance`: the id, one word a
    user copies into `record`, was folded beside its label. It is whole on the line under
    the label, the other rows as they were."""
    printed = cli("show", LONG_ID, columns=columns, lang=lang)
    label = "编号" if lang == "zh" else "id"
    assert printed[:2] == [label, LONG_ID], printed
    name = "名称" if lang == "zh" else "name"
    assert printed[2].split()[:2] == [name, "大罗家营366号民居、"], printed


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_show_keeps_an_id_beside_its_label_where_it_fits(cli: Any, lang: str) -> None:
    """Where label and id fit the terminal, the id stays beside its label, aligned with the
    other rows' values; a short id beside it at 40 columns too."""
    printed = cli("show", LONG_ID, columns=48, lang=lang)
    label = "编号" if lang == "zh" else "id"
    assert printed[0].split() == [label, LONG_ID], printed
    assert printed[0].index(LONG_ID) == printed[1].index("大罗家营"), printed
    printed = cli("show", "gdp", columns=40, lang=lang)
    assert printed[0].split() == [label, "gdp"], printed
    assert printed[0].index("gdp") == printed[1].index("地区生产总值"), printed
