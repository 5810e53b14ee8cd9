"""Session 35's table leftovers: the cards' header says where their names are (`编号` and
`名称` over the names' column when every name is beside its id); a file's name wider than the
line starts on a line of its own after its `/`; `history ID`'s `no records of ID in PATH`
broken at the terminal's width as `show`'s; an amendment stored from a bare year listed from
the month it applies from; a Chinese message fills its line between phrases rather than
breaking at the space inside `name_en 仍是中文名称`."""

from __future__ import annotations

import tomllib
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from plancli.render.runs import breaks

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(name="listing")
def listing_fixture(invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A command's lines on `init --demo`'s workspace (the README's June figures) or on a
    bundled plan, at a width."""
    assert invoke("init", "--demo", str(tmp_path / "demo")).exit_code == 0
    demo = str(tmp_path / "demo" / "plan2022.toml")

    def run(command: str, columns: int, lang: str, plan: str = demo) -> list[str]:
        monkeypatch.setenv("COLUMNS", str(columns))
        result = invoke("--lang", lang, "--plan", plan, command)  # (a bundled plan: no figures)
        assert result.exit_code == 0, result.output
        lines: list[str] = result.stdout.splitlines()
        assert max(map(cell_len, lines)) <= columns, result.stdout
        return lines

    return run


def _header_and_first_card(lines: list[str]) -> tuple[str, str]:
    rule = next(i for i, line in enumerate(lines) if line.strip().startswith("───"))
    header = next(i for i in range(rule, 0, -1) if not lines[i - 1].strip())
    return lines[header], lines[rule + 1]


def _at(line: str, word: str) -> int:
    """The terminal column `word` starts at in `line` (Chinese characters two cells)."""
    return cell_len(line[: line.index(word)])


@pytest.mark.parametrize(
    ("lang", "command", "columns", "plan", "name"),
    [
        ("zh", "gap", 88, None, "普惠性托育服务试点"),  # Guandu's 80 targets, demo figures
        ("zh", "status", 60, None, "地区生产总值"),  # the headline table
        ("en", "status", 80, "henan-2026", "Gross regional product (GDP)"),
    ],
)
def test_cards_with_every_name_beside_its_id_head_the_names_column(
    listing: Any, lang: str, command: str, columns: int, plan: str | None, name: str
) -> None:
    """Every card's name beside its id, in a column: the header read `编号 / 名称` (`id /
    name`), as if each name were under its id. Now `编号` over the ids and `名称` over the
    names, where they start."""
    lines = listing(command, columns, lang, *([plan] if plan else []))
    header, card = _header_and_first_card(lines)
    id_label, name_label = ("编号", "名称") if lang == "zh" else ("id", "name")
    assert header.split()[:2] == [id_label, name_label], header
    assert "/" not in header
    assert _at(header, id_label) == 1
    assert _at(header, name_label) == _at(card, name) > len(card.split()[0]) + 1


@pytest.mark.parametrize(("lang", "columns"), [("zh", 80), ("en", 72)])
def test_cards_with_names_under_some_ids_keep_one_label(
    listing: Any, lang: str, columns: int
) -> None:
    """Some names beside their ids and some under (`heritage_repairs_initial_acceptance` over
    its 46-cell name at 80 columns): `编号 / 名称`, the one label of the id and its name
    wherever it goes; `名称` over the column would mislabel the names under their ids."""
    lines = listing("gap", columns, lang)
    header, card = _header_and_first_card(lines)
    label = "编号 / 名称" if lang == "zh" else "id / name"
    assert header.strip().startswith(label), header
    assert card.split()[0] == "childcare_pilots" and len(card.split()) > 1  # one beside
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("provincial_service"))
    under = "开通省政务服务平台权限和账号" if lang == "zh" else "Access and accounts on"
    assert lines[at].strip() == "provincial_service_platform_access" or lang == "zh"
    assert any(under in line for line in lines[at : at + 2])


NAME = "官渡区2022年计划台账（区统计局汇总，含各部门月报）.sqlite"  # 57 cells
LONGER = "官渡区2022年国民经济和社会发展计划台账（区统计局汇总，含各部门月报）.sqlite"  # 75
LONGEST = "官渡区2022年国民经济和社会发展计划执行情况汇总台账（区统计局汇总，含各部门月报）.sqlite"
FOLDERS = "/home/analyst/工作/2022年/区发展和改革局/计划台账/"


def _lines(text: str, width: int) -> list[str]:
    cuts = [0, *breaks(text, width, paths=True), len(text)]
    return [text[a:b].strip() for a, b in pairwise(cuts)]


@pytest.mark.parametrize(
    ("name", "width"), [(NAME, 40), (NAME, 50), (LONGER, 60), (LONGEST, 80), (LONGER, 72)]
)
@pytest.mark.parametrize("message", ["no records of gdp in {path}", "{path} 中没有 gdp 的记录"])
def test_a_file_name_wider_than_the_line_starts_a_line_of_its_own(
    name: str, width: int, message: str
) -> None:
    """A name wider than the line began on the folders' line and broke where that line
    ended (`…/计划台账/官渡区2022年计划台账（区统计局` over `汇总，含各部门月报）.sqlite`, 40
    columns): now on a line of its own after its `/`, broken inside only where it must, and
    between its phrases where that takes no more lines (before `（区统计局…`)."""
    assert cell_len(name) > width
    lines = _lines(message.format(path=FOLDERS + name), width)
    assert all(cell_len(line) <= width for line in lines), lines
    first = next(i for i, line in enumerate(lines) if line.startswith("官渡区"))
    assert lines[first - 1].endswith("/")  # the folders' last line ends with the `/`
    name_lines = -(-cell_len(name) // width)  # as few as can hold it
    assert "".join(lines[first : first + name_lines]).startswith(name.removesuffix(".sqlite"))
    assert lines[first + name_lines - 1].startswith("（区统计局汇总，含各部门月报）.sqlite")


def test_a_file_name_that_fits_still_keeps_to_its_line() -> None:
    """The brief's ledger (57 cells) under a deep folder at 60 and 80 columns: whole on one
    line, the folders before it, as since session 35."""
    for width in (60, 80):
        lines = _lines(f"no records of gdp in {FOLDERS}{NAME}", width)
        assert NAME in lines, lines


@pytest.fixture(name="deep_ledger")
def deep_ledger_fixture(invoke: Any, tmp_path: Path) -> Any:
    """The bundled 2022 plan with a ledger deep in Chinese folders, its file's name wider than
    60 columns, gdp recorded (the seed report's 一季度 figure), retail_sales not."""
    folder = tmp_path / "工作" / "2022年" / "区发展和改革局" / "计划台账"
    folder.mkdir(parents=True)
    ledger = str(folder / LONGER)
    args = ["--plan", "guandu-2022", "--ledger", ledger]
    assert invoke(*args, "record", "gdp", "6.5", "-p", "2022-03").exit_code == 0
    return args


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [60, 80, 120])
def test_history_says_no_records_as_show_does(
    invoke: Any, deep_ledger: list[str], monkeypatch: pytest.MonkeyPatch, lang: str, columns: int
) -> None:
    """`history retail_sales` with no record of it wrote its `no records of retail_sales in
    PATH` on one line, whatever the terminal's width (the terminal folded it anywhere, `…台
    账（区统` over `计局…`); `show` broke it after a `/`. Now the same lines, on stderr."""
    monkeypatch.setenv("COLUMNS", str(columns))
    history = invoke("--lang", lang, *deep_ledger, "history", "retail_sales")
    assert history.exit_code == 0 and history.stdout == ""
    said = history.stderr.splitlines()
    assert all(cell_len(line) <= columns for line in said), said
    if cell_len(LONGER) <= columns:  # the file's name whole on a line
        assert any(LONGER in line for line in said), said
    else:  # on a line of its own after the folders' `/`, broken between its phrases
        assert any(line.startswith("官渡区2022年国民经济和社会发展计划台账") for line in said)
    show = invoke("--lang", lang, *deep_ledger, "show", "retail_sales").stdout.splitlines()
    start = next(i for i, line in enumerate(show) if line.startswith(said[0]))
    assert show[start : start + len(said)] == said
    words = "没有retail_sales的记录" if lang == "zh" else "norecordsofretail_salesin"
    assert words in "".join("".join(said).split())


@pytest.fixture(name="amended")
def amended_fixture(invoke: Any, tmp_path: Path) -> Any:
    """Guandu 2022's GDP (增长7%以上) amended to ≥ 6 % by `amend --from`, then the ledger's
    period rewritten as an earlier plancli stored it."""
    ledger = tmp_path / "work.progress.toml"

    def amend(stored: str, typed: str) -> Any:
        args = ["--plan", "guandu-2022", "--ledger", str(ledger)]
        result = invoke(*args, "amend", "gdp", "--min", "6", "--from", typed, "--note", "省下达")
        assert result.exit_code == 0, result.stderr
        text = ledger.read_text(encoding="utf-8")
        ledger.write_text(text.replace(f'period = "{typed}"', f'period = "{stored}"'), "utf-8")

        def show(lang: str, as_of: str) -> list[str]:
            result = invoke("--lang", lang, *args, "show", "gdp", "--as-of", as_of)
            assert result.exit_code == 0, result.stderr
            return [" ".join(line.split()) for line in result.stdout.splitlines()]

        return show

    return amend


@pytest.mark.parametrize(
    ("lang", "detail", "row"),
    [
        ("zh", "年中调整 自2022年12月起按调整后的目标评估（省下达）", "* 2022-12 ≥ 6 %"),
        ("en", "adjusted bound adjusted from 2022-12 on (省下达)", "* 2022-12 ≥ 6 %"),
    ],
)
def test_an_amendment_stored_from_a_bare_year_is_shown_from_its_month(
    amended: Any, lang: str, detail: str, row: str
) -> None:
    """`from = "2022"` (an older ledger's; it applies from 2022-12, `amend_from`): show said
    `自2022年起按调整后的目标评估` / `bound adjusted from 2022 on` and listed `2022` under
    `起始期` beside `* 现行，自起始期起适用`, all of 2022 as read, where the footnote of gap and
    status said 自2022年12月起. Now the month it applies from, everywhere."""
    lines = amended("2022", "2022-12")(lang, "2022")
    assert detail in lines
    assert any(line.startswith(row) for line in lines), lines
    assert not any(line.startswith("* 2022 ") for line in lines)


@pytest.mark.parametrize(
    ("lang", "detail"),
    [
        ("zh", "年中调整 自2022年6月起按调整后的目标评估（省下达）"),
        ("en", "adjusted bound adjusted from 2022-06 on (省下达)"),
    ],
)
def test_an_amendment_from_a_half_year_says_the_month_as_the_footnotes_do(
    amended: Any, lang: str, detail: str
) -> None:
    """`--from 2022-H1` applies from June (audit S D6); show's line said 自2022年上半年起,
    read as from January, where the footnotes say 自2022年6月起. The table keeps what was
    typed (`2022-H1`), a period that reads as itself beside the caption."""
    lines = amended("2022-H1", "2022-H1")(lang, "2022-06")
    assert detail in lines
    assert any(line.startswith("* 2022-H1") for line in lines), lines


@pytest.fixture(name="untranslated")
def untranslated_fixture(tmp_path: Path) -> str:
    """Guangdong's 2026 plan as `extract` drafts it, `name_en` still the Chinese name."""
    text = (REPO / "data" / "2026" / "guangdong.toml").read_text(encoding="utf-8")
    for target in tomllib.loads(text)["targets"]:
        text = text.replace(f'name_en = "{target["name_en"]}"', f'name_en = "{target["name"]}"')
    plan = tmp_path / "guangdong-draft.toml"
    plan.write_text(text, encoding="utf-8")
    return str(plan)


@pytest.mark.parametrize("columns", [108, 114, 120])
def test_a_chinese_message_fills_its_line_between_phrases(
    invoke: Any, untranslated: str, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """`validate` at 108–120 columns: `3 个指标的 name_en` alone on a line over `仍是中文名称
    （gdp、budget_revenue、resident_income）：英文界面…`, the phrase `name_en 仍是中文名称` broken
    at its space and the line left half empty. Now the line is filled phrase by phrase."""
    monkeypatch.setenv("COLUMNS", str(columns))
    result = invoke("--lang", "zh", "--plan", untranslated, "validate")
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.output.splitlines()]
    at = next(i for i, line in enumerate(lines) if "name_en" in line)
    filled = "3 个指标的 name_en 仍是中文名称（gdp、budget_revenue、resident_income）："
    assert lines[at].endswith((filled, f"{filled}英文界面和报告会显示中文；")), lines[at]
    assert "".join(lines[at : at + 3]).endswith(f"{filled}英文界面和报告会显示中文；请译成英文")


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_an_english_message_still_breaks_at_its_spaces(
    invoke: Any, untranslated: str, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """The same warning in English: words whole, broken at spaces only, as before."""
    monkeypatch.setenv("COLUMNS", str(columns))
    result = invoke("--lang", "en", "--plan", untranslated, "validate")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    at = next(i for i, line in enumerate(lines) if line.split()[:2] == ["warning", "3"])
    message = []
    for line in lines[at:]:
        if not line.strip():
            break
        message += line.split()[1:] if line is lines[at] else line.split()
    assert " ".join(message).startswith("3 targets have their Chinese name as name_en (gdp,")
    assert " ".join(message).endswith("reports show them in Chinese; translate them")


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        # a word of one phrase goes whole to the next line, as Rich's: the note's department
        ("协议已签订，选址中 (区发展改革局)", 20, ["协议已签订，选址中", "(区发展改革局)"]),
        # an English word never fills: at its space
        ("Affordable childcare service pilots", 20, ["Affordable childcare", "service pilots"]),
        # a Chinese word after a space fills the line with its first phrases
        (
            "58 个指标的 name_en 仍是中文名称（w1_t01、w1_m02）：请译成英文",
            56,
            ["58 个指标的 name_en 仍是中文名称（w1_t01、w1_m02）：", "请译成英文"],
        ),
    ],
)
def test_where_a_phrase_breaks(text: str, width: int, expected: list[str]) -> None:
    cuts = [0, *breaks(text, width, phrases=True), len(text)]
    assert [text[a:b].strip() for a, b in pairwise(cuts)] == expected
