"""Session 32's table leftovers, on the bundled plans (data/plan2022.toml with session 31's
ledger, data/plan2021.toml with its 2021 figures): a name breaks before its bracket and after
its clause's punctuation rather than inside a word, in a table and under its id in a card or
`show ID`'s card alike (one rule, `name_text`); a title or caption wider than its table but
not than the terminal takes one line; the cards' header keeps a unit (`百分点`) on the line
of the other headers, right over its figures."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from test_table_leftovers_s32 import LEDGER, PLAN

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(name="cli")
def cli_fixture(invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    def call(*command: str, columns: int, lang: str = "zh", plan: str = PLAN) -> list[str]:
        ledger = tmp_path / f"{plan}.progress.toml"
        if plan == "guandu-2021":  # its 2021 figures, as docs/assessing.md's example
            shutil.copyfile(DATA / "plan2021.progress.toml", ledger)
        elif not ledger.exists():
            ledger.write_text(LEDGER.format(first="2026-12-02 09:18:07+00:00"), "utf-8")
        monkeypatch.setenv("COLUMNS", str(columns))
        result = invoke("--lang", lang, "--plan", plan, "--ledger", str(ledger), *command)
        assert result.exit_code == 0, result.output
        printed = result.stdout.splitlines()
        assert max(map(cell_len, printed), default=0) <= columns, result.stdout
        return printed

    return call


def _under(printed: list[str], first: str, count: int = 2) -> list[str]:
    """The `count` lines from the one that starts (stripped) with `first`, stripped."""
    at = next(i for i, line in enumerate(printed) if line.strip().startswith(first))
    return [line.strip() for line in printed[at : at + count]]


def _name_beside(printed: list[str], target: str) -> list[str]:
    """A table's name column beside an id, two lines: the cells left of the figures."""
    at = next(i for i, line in enumerate(printed) if line.startswith(f" {target} "))
    return [printed[at].split()[1], printed[at + 1].strip()]


def test_a_name_breaks_before_its_bracket(cli: Any) -> None:
    """`固定资产投资(不` over `含农户)`, `引进培育专精特新“小巨` over `人”企业`: a name too long
    for its column broke between any two characters. It breaks before its bracket, after its
    clause's `，` (a section's name), in as many lines."""
    printed = cli("gap", columns=80, plan="guandu-2021")
    assert _name_beside(printed, "fixed_asset_investment") == ["固定资产投资", "(不含农户)"]
    printed = cli("targets", columns=60)
    lines = _under(printed, "little_giant_enterprises", 3)
    # whole on its card's line of its own since session 38 (beside `≥ 3 户` it broke as
    # below, in as many lines): a name broken no more where it fits
    assert lines[1].split() == ["引进培育专精特新“小巨人”企业"]
    # beside its id, whole, since session 38 (in two lines, not three: it broke beside `100 %`)
    line = next(x for x in printed if x.split()[:1] == ["tcm_hospital_lakeside_landed"])
    assert line.split()[1:] == ["省中医院(环湖院区)项目落地"]
    printed = cli("status", columns=60)
    lines = _under(printed, "坚持建管并重", 2)
    assert [line.split()[0] for line in lines] == ["坚持建管并重，", "优化城市品质功能"]


def test_a_name_under_its_id_breaks_as_in_a_table(cli: Any) -> None:
    """`show ID`'s card put `大罗家营366号民居、向旭庵等文` over `物修缮完成竣工初验` at 40
    columns, `gap`'s cards `…文物修缮完成竣` over `工初验` at 44 (Rich's own fold, the name
    joined to its id as a plain `Text`): both break as the table beside the id does."""
    printed = cli("show", "heritage_repairs_initial_acceptance", columns=40)
    at = next(i for i, line in enumerate(printed) if line.startswith("名称"))
    assert [printed[at].split()[1], printed[at + 1].strip()] == [
        "大罗家营366号民居、",
        "向旭庵等文物修缮完成竣工初验",
    ]
    section = next(i for i, line in enumerate(printed) if line.startswith("部分"))
    assert printed[section + 1].strip() == "（livelihood）", printed  # not `（li` over `velihood）`
    printed = cli("gap", columns=44)
    assert _under(printed, "heritage_repairs_initial_acceptance", 3) == [
        "heritage_repairs_initial_acceptance",
        "大罗家营366号民居、",
        "向旭庵等文物修缮完成竣工初验",
    ]


def test_a_title_keeps_its_id_whole(cli: Any) -> None:
    """`show ID`'s history, at 40 columns, under a table 34 cells wide: its title, the id over
    the name, folded the 35-character id (`…initial_acceptanc` over `e`)."""
    cli("record", "heritage_repairs_initial_acceptance", "25", "-p", "2022-Q2", columns=40)
    printed = cli("show", "heritage_repairs_initial_acceptance", columns=40)
    assert "heritage_repairs_initial_acceptance" in [line.strip() for line in printed]
    assert not any(line.strip() == "e" for line in printed), printed


@pytest.mark.parametrize(("lang", "columns"), [("zh", 100), ("zh", 60), ("en", 80)])
def test_the_amendments_caption_takes_one_line_when_it_fits(
    cli: Any, lang: str, columns: int
) -> None:
    """`show ID` of an adjusted target: its amendments caption (46 cells in Chinese, 66 in
    English) took two lines under a table of 43 on a terminal of 100 columns."""
    printed = cli("show", "fixed_asset_investment", columns=columns, lang=lang)
    caption = [line.strip() for line in printed if "现行，" in line or "in force from" in line]
    assert caption == [
        "* 现行，自起始期起适用；无 * 者已被后来的调整取代"
        if lang == "zh"
        else "* in force from its period on; unmarked: superseded by a later one"
    ], printed


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_cards_header_keeps_the_unit_over_its_figures(cli: Any, lang: str) -> None:
    """`gap` at 80 columns, its rows cards: `快慢` on the headers' line and `百分点` alone on a
    line under it, above nothing but the rule. Bottom-aligned as a table's headers, the unit
    is on the headers' line over `-15.22`, its first line beside `编号 / 名称`."""
    printed = cli("gap", columns=80, lang=lang)
    pace, unit = ("快慢", "百分点") if lang == "zh" else ("vs pace", "pp")
    at = next(i for i, line in enumerate(printed) if line.lstrip().startswith(("编号", "id /")))
    ids, headers, rule = printed[at : at + 3]
    assert ids.split()[-1] == pace.split()[-1] and ids.strip().startswith(("编号 / 名称", "id"))
    assert set(rule.strip()) == {"─"}, printed
    assert unit in headers.split(), printed
    assert not any(line.strip() == unit for line in printed), printed
    # the unit right over the figures it is the unit of (`-15.22`, old residential compounds)
    row = next(line for line in printed if "-15.22" in line)
    figure_ends = cell_len(row[: row.index("-15.22") + len("-15.22")])
    assert figure_ends == cell_len(headers[: headers.index(unit) + len(unit)]), printed
