"""Work-target names that say what is counted (the 2026 audit P's D7, second half; docs/extract.md,
"Work targets").

四川's report drafted `打造吸引力强` (40个吸引力强、带动面广的消费场景), `新（改）建` (…农村公路
提升行动，新（改）建6000公里), `实施老旧小区` (3000个老旧小区、120个老旧街区改造) and
`供排水管网` (燃气、供排水管网4000公里), none flagged for review. Where the sentence says what is
counted the name is completed from it; where it does not, the name is flagged. Each rule is tested
on the report's own sentence.
"""

from __future__ import annotations

from typing import Any

from tests.extract_reports import work_targets

from plancli.extract.name_flags import SHORT_NAME_REVIEW


def _work(*sentences: str) -> dict[str, dict[str, Any]]:
    """The work targets drafted from a 2026 report whose work sections say `sentences`, by
    quote."""
    return {t["quote"]: t for t in work_targets(*sentences)}


def _flagged(target: dict[str, Any]) -> bool:
    return SHORT_NAME_REVIEW in target.get("review", [])


def test_a_modifier_list_before_its_noun_names_one_thing() -> None:
    """40个吸引力强、带动面广的消费场景: the 、 joins two modifiers of one noun, the scenes counted
    (before: 打造吸引力强, the quote cut at the 、)."""
    by_quote = _work(
        "壮大服务消费，挖掘交通、家政、网络视听、旅居、汽车后市场、入境消费和演出、游戏等领域"
        "消费潜力，打造40个吸引力强、带动面广的消费场景。"
    )
    scenes = by_quote["打造40个吸引力强、带动面广的消费场景"]
    assert scenes["name"] == "打造吸引力强、带动面广的消费场景"
    assert scenes["min"] == 40


def test_a_verb_alone_takes_its_thing_from_the_clause_before() -> None:
    """实施新一轮农村公路提升行动，新（改）建6000公里: the roads are what is built (before:
    named 新（改）建)."""
    by_quote = _work("实施新一轮农村公路提升行动，新（改）建6000公里。")
    roads = by_quote["新（改）建6000公里"]
    assert roads["name"] == "新（改）建农村公路"
    assert not _flagged(roads)


def test_a_verb_alone_with_nothing_before_it_is_flagged() -> None:
    """A verb with no thing the sentence says (…，新（改）建6000公里 after a clause of no thing):
    flagged for review."""
    by_quote = _work("坚持建管并重、以建促管，新（改）建6000公里。")
    built = next(t for q, t in by_quote.items() if "6000公里" in q)
    assert _flagged(built)


def test_a_work_the_last_piece_says_is_every_pieces() -> None:
    """实施3000个老旧小区、120个老旧街区（厂区）改造: the estates are renovated too (before:
    实施老旧小区)."""
    by_quote = _work(
        "高质量推进城市更新，实施3000个老旧小区、120个老旧街区（厂区）改造，"
        "既有住宅加装（更新）电梯6000部，改造2.5万套（间）城市危旧房、2.6万户城中村，"
        "新（改）建燃气、供排水管网4000公里。"
    )
    assert by_quote["实施3000个老旧小区"]["name"] == "实施老旧小区改造"
    assert by_quote["120个老旧街区（厂区）改造"]["name"] == "老旧街区（厂区）改造"


def test_things_listed_before_one_figure_are_counted_together() -> None:
    """新（改）建燃气、供排水管网4000公里: one length of gas and water mains together (before:
    供排水管网, the quote without 燃气)."""
    by_quote = _work("高质量推进城市更新，新（改）建燃气、供排水管网4000公里。")
    mains = by_quote["新（改）建燃气、供排水管网4000公里"]
    assert mains["name"] == "新（改）建燃气、供排水管网"
    assert mains["min"] == 4000


def test_a_modifier_without_its_noun_is_flagged() -> None:
    """打造40个吸引力强，…: the name ends in what the thing is like, not what it is."""
    by_quote = _work("壮大服务消费，打造40个吸引力强，带动消费增长。")
    scenes = next(t for q, t in by_quote.items() if "40个" in q)
    assert _flagged(scenes)


def test_a_name_ending_with_an_amount_is_completed_from_the_list() -> None:
    """贵州's …等12个百亿元、70个30亿元以上项目建设: the first item's name ends with a size class
    (百亿元), its noun (项目建设) after the last item's figure: the name takes it (session 24;
    before: 贵州能源大方燃煤发电等百亿元, flagged, and before that neither)."""
    by_quote = _work(
        "持续扩大工业投资。加快推进瓮福—江山新材料及电子化学品产业园、贵州能源大方燃煤发电等"
        "12个百亿元、70个30亿元以上项目建设，推动一批重大项目落地建设。"
    )
    projects = next(t for q, t in by_quote.items() if "12个百亿元" in q)
    assert projects["name"] == "百亿元项目建设"
    assert not _flagged(projects)


def test_a_name_ending_with_an_amount_no_later_item_names_is_flagged() -> None:
    """…等12个百亿元 with no later item naming the things so big: flagged, as before."""
    by_quote = _work("持续扩大工业投资。加快推进贵州能源大方燃煤发电等12个百亿元。")
    projects = next((t for q, t in by_quote.items() if "12个百亿元" in q), None)
    assert projects is None or _flagged(projects)
