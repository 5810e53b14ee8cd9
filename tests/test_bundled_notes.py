"""The bundled plans' notes: `note` is the Chinese one (`show` prints it as 备注 in the Chinese
interface), `note_en` its English (docs/chinese.md, docs/forms.md). The plans first shipped with
English in `note` (audit D6: 30 of guandu-2022's targets and every 2026 plan), so a 科长 reading
`show` got a paragraph of English; an English note quotes the report's Chinese, so "has CJK" alone
would not have caught it: a note must also carry no run of English words."""

from __future__ import annotations

import re
import tomllib

import pytest

from plancli.locations import bundled_plans

CJK = re.compile(r"[\u4e00-\u9fff]")
# Three Latin words in a row ("is read as", "the report's figure"): English prose. A Chinese
# note may name a key, a kind or an indicator (`relation = same`, level, CPI, PM2.5) or quote
# a command in backticks (`plancli amend`); none of these is three words.
ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[\s,;:.'()-]+[A-Za-z]{2,}){2,}")
CODE = re.compile(r"`[^`]*`")


def notes(path_text: str) -> list[tuple[str, str | None, str | None]]:
    plan = tomllib.loads(path_text)
    return [(t["id"], t.get("note"), t.get("note_en")) for t in plan.get("targets", [])]


@pytest.mark.parametrize(("plan_id", "path"), bundled_plans().items())
def test_every_bundled_note_is_chinese_and_its_english_is_in_note_en(plan_id, path) -> None:
    # Read from the file, not load_plan: no cached or compiled plan stands between the test and
    # the bytes that ship.
    for target_id, note, note_en in notes(path.read_text(encoding="utf-8")):
        where = f"{plan_id}: {target_id}"
        if note is not None:
            assert CJK.search(note), where
            prose = ENGLISH_RUN.search(CODE.sub("", note))
            assert prose is None, f"{where}: English in note ({prose and prose.group()!r})"
            assert len(CJK.findall(note)) > len(re.findall(r"[A-Za-z]", note)), where
        if note_en is not None:
            assert note is not None, f"{where}: note_en without a Chinese note"
            assert ENGLISH_RUN.search(note_en), f"{where}: note_en is not English"


def test_the_check_tells_an_english_note_from_a_chinese_one() -> None:
    english = "Set below the 2021 result (350 new base stations); the report's figure is kept."
    chinese = "目标低于2021年实绩（新建5G基站350个），按报告原数保留。"
    assert ENGLISH_RUN.search(english) and CJK.search(english) is None
    assert ENGLISH_RUN.search(CODE.sub("", chinese)) is None
    forced = "“基本同步”按同步关系（relation = same）处理；用 `plancli amend` 录入前为待下达"
    assert ENGLISH_RUN.search(CODE.sub("", forced)) is None
    quoting = "CPI 2%左右 is read as a band: since 2025 the national CPI target is an aim"
    assert CJK.search(quoting) and ENGLISH_RUN.search(quoting)  # CJK alone would pass it
