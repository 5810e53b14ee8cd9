"""Session 34's table leftovers: a card's name beside its id where both fit whole on the
card's first line (a line less a card, none more); a path in a title or in `show`'s `no
records of ID in PATH` broken after a `/`, its file's name whole; `show`'s parts (构成) and
other rows broken between ids and never inside a figure."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from plancli.render.runs import breaks


@pytest.fixture(name="demo")
def demo_fixture(invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """`gap` on `init --demo`'s workspace (the README's June figures) at a width."""
    assert invoke("init", "--demo", str(tmp_path / "demo")).exit_code == 0
    plan = str(tmp_path / "demo" / "plan2022.toml")

    def gap(columns: int, lang: str) -> list[str]:
        monkeypatch.setenv("COLUMNS", str(columns))
        result = invoke("--lang", lang, "--plan", plan, "gap")
        assert result.exit_code == 0, result.output
        lines: list[str] = result.stdout.splitlines()
        assert max(map(cell_len, lines)) <= columns, result.stdout
        return lines

    return gap


def _card(lines: list[str], target: str) -> list[str]:
    [at] = [i for i, line in enumerate(lines) if line.split()[:1] == [target]]
    return lines[at : at + 3]


def test_a_cards_name_goes_beside_its_id_where_both_fit_whole(demo: Any) -> None:
    """gap at 80 columns (zh): each target a card; the name had a line of its own under the
    id (`new_5g_base_stations` over `新建5G基站` over the figures). Now beside the id where
    both fit whole, the names in a column; a name too long for that stays under its id."""
    lines = demo(80, "zh")
    first, figures, _ = _card(lines, "new_5g_base_stations")
    assert first.split() == ["new_5g_base_stations", "新建5G基站"]
    assert figures.split() == ["滞后", "115/310个", "195个", "37.1%", "-12.9", "33个/月"]
    # the names in one column: from the longest id beside its name, a cell past it
    other = _card(lines, "district_hospital_new_campus_opened")[0]
    assert other.index("区人民医院迁建新院区投用") == first.index("新建5G基站")
    # 35 + 2 + 46 cells do not fit 78: the name under its id, whole, as before
    heritage = _card(lines, "heritage_repairs_initial_acceptance")
    assert heritage[0].strip() == "heritage_repairs_initial_acceptance"
    assert heritage[1].strip() == "大罗家营366号民居、向旭庵等文物修缮完成竣工初验"
    assert heritage[2].split()[:2] == ["滞后", "25%/100%"]


def test_an_english_name_beside_its_id_is_never_broken(demo: Any) -> None:
    """Session 34's rule (every card's name beside its id) broke `Affordable childcare
    service` over `pilots` at 72 columns; a name goes beside its id only whole."""
    lines = demo(72, "en")
    first, figures, _ = _card(lines, "childcare_pilots")
    assert first.split() == ["childcare_pilots", "Affordable", "childcare", "service", "pilots"]
    # the gap (1 个), not the completion (0%), since session 40
    assert figures.split() == ["behind", "0/1–2", "个", "1", "个", "1", "个/6", "mo"]
    platform = _card(lines, "provincial_service_platform_access")
    assert platform[0].strip() == "provincial_service_platform_access"
    assert platform[1].strip().startswith("Access and accounts on the provincial")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [60, 72, 80, 100])
def test_every_card_name_is_whole_beside_its_id_or_laid_out_under_it(
    demo: Any, lang: str, columns: int
) -> None:
    """Whatever the width, a card's first line holds its id alone or its id and its whole
    name (the plan's), never a part of it."""
    import tomllib

    with open(Path(__file__).resolve().parent.parent / "data" / "plan2022.toml", "rb") as file:
        targets = tomllib.load(file)["targets"]
    names = {t["id"]: t["name"] if lang == "zh" else t["name_en"] for t in targets}
    lines = demo(columns, lang)
    for line in lines:
        words = line.split()
        if words[:1] and words[0] in names and len(line) - len(line.lstrip()) == 1:
            rest = line.strip().removeprefix(words[0]).strip()
            assert rest in ("", names[words[0]]) or "/" in rest, line


TITLE = "/tmp/s35/ledgers/区发展和改革局/官渡区2022年计划台账.sqlite"


@pytest.mark.parametrize("width", [40, 44, 50, 56, 58])
def test_a_path_breaks_after_a_slash_never_inside_its_files_name(width: int) -> None:
    """A title that is a ledger's path broke inside its Chinese file name (`…/官渡区` over
    `2022年计划台账.sqlite` at 50 columns, `…台账` over `.sqlite` at 60)."""
    cuts = breaks(TITLE, width, paths=True, phrases=True)
    assert cuts == [TITLE.index("官渡区")]
    assert breaks(TITLE, cell_len(TITLE), paths=True, phrases=True) == []


def test_a_files_name_wider_than_the_line_breaks_between_its_units() -> None:
    """Only a name wider than the line itself breaks inside (between characters, never in
    `2022年`): nothing else can be done. Since session 36 it starts on a line of its own
    after its `/` (it was `/a/官渡区2022年国民经济和社会` over `发展计划执行情况台账.sqlite`)."""
    path = "/a/" + "官渡区2022年国民经济和社会发展计划执行情况台账.sqlite"
    lines = _lines(path, 30)
    assert lines == ["/a/", "官渡区2022年国民经济和社会发展", "计划执行情况台账.sqlite"]


def _lines(text: str, width: int) -> list[str]:
    cuts = [0, *breaks(text, width, paths=True), len(text)]
    return [text[a:b] for a, b in pairwise(cuts)]


@pytest.fixture(name="ledgered")
def ledgered_fixture(invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The bundled 2022 plan with a ledger whose file's name is Chinese, gdp recorded."""
    folder = tmp_path / "区发展和改革局"
    folder.mkdir()
    ledger = str(folder / "官渡区2022年计划台账.sqlite")
    args = ["--plan", "guandu-2022", "--ledger", ledger]
    assert invoke(*args, "record", "gdp", "5.1", "-p", "2022-06").exit_code == 0

    def run(*command: str, columns: int, lang: str = "zh") -> list[str]:
        monkeypatch.setenv("COLUMNS", str(columns))
        result = invoke("--lang", lang, *args, *command)
        assert result.exit_code == 0, result.output
        lines: list[str] = result.stdout.splitlines()
        assert max(map(cell_len, lines)) <= columns, result.stdout
        return lines

    return run


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [40, 50, 60])
def test_history_title_keeps_the_ledgers_file_name_whole(
    ledgered: Any, lang: str, columns: int
) -> None:
    """`history`'s title, the ledger's path: `…/官渡区` over `2022年计划台账.sqlite` at 50
    columns, `…台账` over `.sqlite` at 60."""
    lines = ledgered("history", columns=columns, lang=lang)
    title = lines[: lines.index("")]
    assert any(line.strip().endswith("官渡区2022年计划台账.sqlite") for line in title), title


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [40, 50, 60])
def test_show_no_records_keeps_the_ledgers_file_name_whole(
    ledgered: Any, lang: str, columns: int
) -> None:
    """`show retail_sales` with no record of it: Rich folded the path of its `no records of
    retail_sales in PATH` anywhere (`…/官渡区2022` over `年计划台账.sqlite` at 50 columns)."""
    lines = ledgered("show", "retail_sales", columns=columns, lang=lang)
    at = next(i for i, line in enumerate(lines) if line.startswith(("no records", "/")))
    assert any("官渡区2022年计划台账.sqlite" in line for line in lines[at:]), lines[at:]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [40, 50, 60])
def test_show_parts_break_between_ids(ledgered: Any, lang: str, columns: int) -> None:
    """investment_total's parts (构成): Rich broke them anywhere (`investment_m` over
    `unicipal`, `investme` over `nt_health_elderly`, 40 columns); its projects row inside a
    figure (`总投资415.` over `05亿元`, 50 columns)."""
    lines = ledgered("show", "investment_total", columns=columns, lang=lang)
    parts = [
        "investment_roads",
        "investment_municipal",
        "investment_ecology",
        "investment_education",
        "investment_health_elderly",
        "investment_social_other",
    ]
    label = "构成" if lang == "zh" else "parts"
    at = next(i for i, line in enumerate(lines) if line.startswith(f"{label} "))
    shown: list[str] = []
    for line in lines[at:]:
        words = line.split()[1:] if line.startswith(label) else line.split()
        if not words or not words[0].startswith("investment_"):
            break
        shown += [word for chunk in words for word in re.split("[、,]", chunk) if word]
    assert shown == parts
    if lang == "zh":
        assert any("415.05亿元" in line for line in lines)
