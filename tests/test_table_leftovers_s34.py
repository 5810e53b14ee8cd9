"""Session 33's table leftovers, on the bundled 2022 plan with session 31's ledger (the
README's June figures, three mid-year adjustments): `show ID`'s id whole on a line of its own
where it does not fit beside its label; a date or period (2022年6月, 2022年1—6月, 7月) and a
number with its unit (12.5亿元, 46项) never split where a title, a caption or a line of
`show`'s card wraps."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from plancli.render.runs import breaks
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


def _parts(text: str, width: int, paths: bool = False) -> list[str]:
    at = [0, *breaks(text, width, paths=paths, phrases=paths), len(text)]
    return [text[start:end] for start, end in pairwise(at)]


@pytest.mark.parametrize("paths", [False, True])
def test_a_period_or_a_figure_with_its_unit_is_one_unit(paths: bool) -> None:
    """A title (`paths`: a ledger's path in it) broke `…自2022` over `年6月起`; any text broke
    `2022年1—6` over `月`, `12.5亿` over `元`, `新开工项目46` over `项` (the seed report's
    新开工项目46项), `750千` over `伏` (陕西's draft)."""
    assert _parts("官渡区自2022年6月起按调整后的目标", 14, paths) == [
        "官渡区自",
        "2022年6月起按",
        "调整后的目标",
    ]
    assert _parts("截至2022年1—6月完成投资", 14, paths) == ["截至", "2022年1—6月完", "成投资"]
    assert _parts("截至2022-Q2完成12.5亿元投资额度", 9, paths) == [
        "截至",
        "2022-Q2完",
        "成",
        "12.5亿元",
        "投资额度",
    ]
    assert _parts("新开工项目46项", 12, paths) == ["新开工项目", "46项"]
    assert _parts("开工750千伏定靖西输变电工程", 10, paths) == [
        "开工",
        "750千伏定",
        "靖西输变电",
        "工程",
    ]
    assert _parts("提高0.5个百分点以上", 12, paths) == ["提高", "0.5个百分点", "以上"]


def test_a_title_keeps_a_period_in_its_ledgers_path(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`history gdp`'s title names the ledger: kept in a folder of its period, at 44 columns
    the title broke `…统计月报/2022年1—6` over `月/进度台账.toml`."""
    folder = tmp_path / "官渡区发展和改革局经济运行统计月报" / "2022年1—6月"
    folder.mkdir(parents=True)
    ledger = folder / "进度台账.toml"
    ledger.write_text(LEDGER.format(first="2026-12-02 09:18:07+00:00"), "utf-8")
    monkeypatch.chdir(tmp_path)  # (the path as given: its breaks not the temporary folder's)
    printed = cli("history", "gdp", columns=44, ledger=ledger.relative_to(tmp_path))
    assert [line.strip() for line in printed[:3]] == [
        "gdp 地区生产总值",
        "官渡区发展和改革局经济运行统计月报/",
        "2022年1—6月/进度台账.toml",
    ], printed


def test_show_keeps_the_month_of_an_amendments_note(cli: Any) -> None:
    """`show gdp`'s 年中调整 line at 40 columns: `…（区人大常委会7` over `月批准年中调整）`."""
    printed = cli("show", "gdp", columns=40)
    at = next(i for i, line in enumerate(printed) if line.startswith("年中调整"))
    lines = [line.split()[-1] for line in printed[at : at + 3]]
    assert lines == ["自2022年6月起按调整后的", "目标评估（区人大常委会", "7月批准年中调整）"], (
        printed
    )
