"""Verify C (session 27), its new problems: a 附表 row a ragged copy broke inside a cell (read
as a 53505 % growth), a break before a list-like figure (…太和·190 / 3、大树营…), a pending
decline's name keeping 下降, the baseline warnings without their line, the annual-target slip
labelled `(10×)` at any ratio, `init` in a removed folder advising the --plan already given,
and the Chinese `targets` spacing a stretch's figure from its unit."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CORPUS, REPO
from tests.test_extract_audit_u import drafted, uneven

from plancli.extract import extract_plan
from plancli.plan import load_plan
from plancli.plan_checks import check_plan

needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="the corpus is not here")
SEED = CORPUS.parent.parent / "seed" / "000_00f01ebf3f7ca338.txt"

# The seed's 附表1 as verify C's ragged copy (rag/seed1.txt, lines 531-547) cut its rows: inside
# a cell (与经济增长 / 基本同步, 7以 / 上, 6 / 71.85, — / —) and between cells (52.24 | / 5.2).
CUT_ROWS = """序号 | 指标名称 | 单位 | 2021年计划 | 20
21年完成 | 2022年计划 | |
增长率(%) | 绝对值 | 增长率(%) | 增长率(%) | |||
1 | 地区生产总值 | 亿元 | 8 | 1441.37 | 0.3 | 7以
上 |
2 | 地方一般公共预算收入 | 亿元 | 3.5 | 52.24 | \n5.2 | 2 |
3 | 固定资产投资(不含农户) | 亿元 | 正增长 | 605.02 \n| —— | 正增长 |
4 | 社会消费品零售总额 | 亿元 | 6 | 6
71.85 | 11.6 | 7 |
5 | 城镇常住居民人均可支配收入 | 元 | 与经济增长
基本同步 | 53505 | 9.2 | 与经济增长基本同步 |
6 | 农村常住居民人均可支配收入 | 元 | 26319 | \n9.3 | ||
7 | 城镇登记失业率 | % | 5以内 | 3.02 | —
— | 4.8以内 |"""


def _with_cut_table(text: str) -> str:
    lines = text.split("\n")
    rows = [i for i, line in enumerate(lines) if "|" in line]
    assert len(rows) == 9 and rows[-1] - rows[0] == 8
    return "\n".join([*lines[: rows[0]], CUT_ROWS, *lines[rows[-1] + 1 :]])


def _baselines(targets: list[dict[str, Any]]) -> dict[str, Any]:
    return {t["id"]: t.get("baseline") for t in targets if t["section"] == "headline"}


@needs_corpus
@pytest.mark.parametrize("ragged", [False, True], ids=["lines", "ragged"])
def test_a_table_row_cut_inside_a_cell_is_rejoined_not_misread(ragged: bool) -> None:
    """New problem 8 (verify C's 10): `5 | 城镇常住居民人均可支配收入 | 元 | 与经济增长` /
    `基本同步 | 53505 | 9.2 | …` drafted `urban_income baseline growth = 53505` (a 53505 %
    growth, the plan's wording `与经济增长`); the clean seed's: value 53505, growth 9.2."""
    seed = SEED.read_text(encoding="utf-8")
    copy = _with_cut_table(uneven(seed, 6, False) if ragged else seed)
    assert "| 与经济增长\n基本同步 |" in copy
    clean = _baselines(extract_plan(seed).plan["targets"])
    assert clean["urban_income"] == {
        "year": 2021, "value": 53505, "growth": Decimal("9.2"), "plan_text": "与经济增长基本同步"
    }  # fmt: skip
    assert _baselines(drafted(copy)) == clean


@needs_corpus
def test_a_tab_separated_row_cut_inside_a_cell_is_left_unread() -> None:
    """The same cut in a table of tab-separated cells, where no separator tells a cut inside a
    cell from one between cells: words in last year's figure's cell (基本同步) leave the row
    unread — no baseline rather than a growth of 53505 %."""
    seed = SEED.read_text(encoding="utf-8")
    tabbed = "\n".join(
        "\t".join(c.strip() for c in line.split("|")).rstrip("\t") if "|" in line else line
        for line in seed.split("\n")
    )
    assert "\t与经济增长基本同步\t53505\t9.2\t" in tabbed
    assert drafted(tabbed) == drafted(seed)
    tabbed = tabbed.replace("\t与经济增长基本同步\t53505", "\t与经济增长\n基本同步\t53505")
    baselines = _baselines(drafted(tabbed))
    assert baselines["urban_income"] is None
    assert baselines["gdp"] == _baselines(extract_plan(seed).plan["targets"])["gdp"]


def _cut_before_item_like_figure(seed: str, indent: bool) -> str:
    """The seed wrapped at uneven widths (`uneven`), its paragraph of …先行区—太和·1903、大树营…
    cut as verify C's copy cut it (rag/seedt5.txt 347-348): `…太和·190` / `3、大树营…`."""
    para = next(p for p in seed.split("\n") if "太和·1903、" in p)
    copy = uneven(seed.replace(para, "@@P@@"), 6, indent)
    text = ("\u3000\u3000" if indent else "") + para
    at = text.index("太和·1903") + len("太和·190")
    head = [text[k : k + 30] for k in range(0, at, 30)]
    head[-1] = text[(len(head) - 1) * 30 : at]
    tail = [text[k : k + 30] for k in range(at, len(text), 30)]
    wrapped = "\n".join(head + tail)
    assert "太和·190\n3、大树营" in wrapped
    return copy.replace(("\u3000\u3000" if indent else "") + "@@P@@", wrapped)


@needs_corpus
@pytest.mark.parametrize("indent", [True, False], ids=["indented", "flush"])
def test_a_break_before_a_list_like_figure_goes_on(indent: bool) -> None:
    """New problem 7 (verify C's 9): a ragged copy's break inside 太和·1903、大树营 (`…太和·190`
    / `3、大树营…`) read `3、` as a list item: the milestone named `…太和·190` and the next,
    `启动大树营“三旧”连片开发改造项目`, lost. A line ending in a figure goes on into a figure
    and its 、."""
    seed = SEED.read_text(encoding="utf-8")
    plain = [
        {k: v for k, v in t.items() if k != "quote"} for t in extract_plan(seed).plan["targets"]
    ]
    assert drafted(_cut_before_item_like_figure(seed, indent)) == plain


@needs_corpus
def test_a_pending_decline_in_the_work_is_named_without_its_verb() -> None:
    """New problem 1: 贵州's `单位地区生产总值二氧化碳排放下降完成国家下达目标` drafted the work
    target `单位地区生产总值二氧化碳排放下降` (decline = true): the fall said twice. Every
    bundled plan names it `单位地区生产总值二氧化碳排放` (江苏's, its own quote …降低完成…)."""
    text = (CORPUS / "贵州省.txt").read_text(encoding="utf-8")
    (target,) = [
        t
        for t in extract_plan(text).plan["targets"]
        if t.get("quote") == "单位地区生产总值二氧化碳排放下降完成国家下达目标"
    ]
    assert (target["name"], target["kind"], target["decline"], target["pending"]) == (
        "单位地区生产总值二氧化碳排放", "growth", True, True
    )  # fmt: skip


HENAN = (
    "深入实施援企稳岗政策，突出抓好重点群体就业，城镇新增就业121.7万人。"
    "主要预期目标是：经济增长5%左右、在实际工作中努力争取更好结果，城镇新增就业110万人以上。"
)


@pytest.mark.parametrize("form", ["inline", "table"])
def test_a_baseline_warning_names_its_line(tmp_path: Path, invoke: Any, form: str) -> None:
    """New problem 2: the baseline warnings of validate --source named no line (`new_urban_jobs
    baseline value = 127.1 (2025) is not a figure anywhere in the report`), where the bound
    warnings open with `line N:`; an inline baseline's line, or its [targets.baseline] table's
    `value =` line."""
    text = (REPO / "data" / "2026" / "henan.toml").read_text(encoding="utf-8")
    inline = "baseline = { year = 2025, value = 121.7 }\n"
    if form == "inline":
        text = text.replace(inline, inline.replace("121.7", "127.1"))
        line = text.split("\n").index(inline.replace("121.7", "127.1").strip()) + 1
    else:
        block = 'quote = "城镇新增就业110万人以上"\n'
        table = "\n[targets.baseline]\nyear = 2025\nvalue = 127.1\n"
        text = text.replace(inline, "").replace(block, block + table)
        line = text.split("\n").index("value = 127.1") + 1
    plan = tmp_path / "henan.toml"
    plan.write_text(text, encoding="utf-8")
    assert text.split("\n")[line - 1].startswith(("baseline", "value")), text.split("\n")[line - 1]
    found = [
        f.message
        for f in check_plan(load_plan(str(plan)), HENAN, text)
        if f.code == "baseline_not_in_source" and f.target == "new_urban_jobs"
    ]
    said = "baseline value = 127.1 (2025) is not a figure anywhere in the report"
    assert found == [f"line {line}: {said}"]
    source = tmp_path / "河南省.txt"
    source.write_text(HENAN, encoding="utf-8")
    zh = invoke("--lang", "zh", "--plan", str(plan), "validate", "--json", "--source", str(source))
    findings = json.loads(zh.stdout)["findings"]
    assert [f["message"] for f in findings if f["target"] == "new_urban_jobs"] == [
        f"第 {line} 行：基期值（value）127.1（2025年）不是报告中的任何数字"
    ]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("investment_roads", "112", "-p", "2022-10"),
            "investment_roads 2022-10 = 112 亿元 is 7 times the annual target (15.92 亿元): a "
            "slipped decimal point (11.2 亿元?) or a unit slip? check the figure",
        ),
        (
            ("investment_roads", "1592", "-p", "2022-10"),
            "investment_roads 2022-10 = 1592 亿元 is 100 times the annual target (15.92 亿元): "
            "a slipped decimal point (15.92 亿元?) or a unit slip? check the figure",
        ),
        (
            ("budget_revenue", "2.0", "--amount", "400", "-p", "2022-10"),
            "budget_revenue 2022-10: the amount 400 亿元 is 7.7 times 2021's whole-year 52.24 "
            "亿元, for 10 months: a slipped decimal point (40 亿元?) or a unit slip? check the "
            "figure",
        ),
    ],
)
def test_the_annual_target_slip_names_the_figure_not_a_tenfold(
    invoke: Any, tmp_path: Path, args: tuple[str, ...], said: str
) -> None:
    """New problem 3: `= 112 亿元 is 7 times the annual target (15.92 亿元): a slipped decimal
    point or a unit slip (10×)?` labelled a sevenfold ratio tenfold; it names the figure the
    slip would have come from (11.2), as a hundredfold one's (15.92)."""
    ledger = tmp_path / "plan2022.progress.toml"
    done = invoke("--plan", "guandu-2022", "--ledger", str(ledger), "record", *args)
    assert done.exit_code == 0, done.output
    assert "warning: " + said in " ".join(done.stderr.split())
    assert "(10×)" not in done.stderr


@pytest.mark.parametrize("plan", [(), ("--plan", "guandu-2022")], ids=["default", "plan"])
def test_init_in_a_removed_folder_does_not_advise_the_plan_given(
    invoke: Any, workspace: Path, monkeypatch: pytest.MonkeyPatch, plan: tuple[str, ...]
) -> None:
    """New problem 4: `--plan guandu-2022 init x` in a removed folder advised `or give --plan`
    (zh `或用 --plan 指明计划`), the option given; no --plan makes x there, a full path does."""
    gone = workspace / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    for lang, said in [
        ("en", "error: the current folder no longer exists (removed or moved?); cd into a "
         "folder that exists, or give init the full path of x\n"),
        ("zh", "错误：当前文件夹已不存在（被删除或移走？）；请 cd 进入一个存在的文件夹，"
         "或给出 x 的完整路径\n"),
    ]:  # fmt: skip
        done = invoke("--lang", lang, *plan, "init", "x")
        assert (done.exit_code, done.stderr) == (3, said)
    made = invoke(*plan, "init", str(workspace / "x"))  # the full path: made
    assert made.exit_code == 0, made.stderr
    assert (workspace / "x" / "plan2022.toml").exists()


def test_chinese_targets_keeps_a_stretchs_figure_with_its_unit(
    tmp_path: Path, invoke: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """New problem 6: `targets --lang zh` wrote `≥ 1300 亿斤（力争高于上年1350.97 亿斤）`, spaced
    inside the bracket unlike its judged edges (`≈ 5 %（≥4.5%）`) and docs/forms.md, and at 80
    columns broke it `…力争高于上年1350.97` / `亿斤）`. Now the bracket is written together and a
    narrow column breaks before it, never between a figure and its unit."""
    from tests.screens import caller

    call = caller(tmp_path, invoke, monkeypatch, lang="zh", columns=80)
    for columns in range(56, 125):
        out = call("henan-2026", "targets", columns=columns)
        assert "≥ 1300 亿斤" in out and "（力争高于上年1350.97亿斤）" in out, (columns, out)
        # 浙江's 5.5 is its range's top (audit R D1, merged beside this): the range, kept whole
        out = call("zhejiang-2026", "targets", columns=columns)
        assert "5%—5.5%" in out and "争取" not in out, (columns, out)
