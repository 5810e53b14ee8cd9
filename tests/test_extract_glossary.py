"""auditP D7: a glossary or notes after the speech (名词解释, 注释, 附注) lists no commitments:
no work target is drafted from it, as from an appendix other than the year's 民生实事."""

from __future__ import annotations

from plancli.extract.parts import APPENDIX
from test_extract_cli import SMALL

GLOSSARY = SMALL + (
    "各位代表！让我们团结奋斗。\n名词解释\n1.“两重”：是指国家重大战略实施和重点领域安全能力建设。\n"
    "2.六大科技专项：省委全会明确提出，要实施先进材料等6个重大科技专项。\n"
)


def test_a_glossary_after_the_speech_sets_no_target() -> None:
    """auditP D7: 四川's 名词解释 entry (…等6个重大科技专项) was drafted as a 2026 work target
    of the last section."""
    from plancli.extract import extract_plan

    quotes = [t["quote"] for t in extract_plan(GLOSSARY).plan["targets"]]
    assert not any("科技专项" in quote for quote in quotes), quotes
    assert any("5G基站" in quote for quote in quotes)


def test_a_glossary_heading_is_an_appendix_and_a_sentence_is_not() -> None:
    for heading in ("名词解释", "附件2", "注释：", " 附注 ", "名词注释"):
        assert APPENDIX.match(heading), heading
    for line in ("名词解释见附件", "注释说明了……", "附件1 2026年省十件民生实事"):
        assert not APPENDIX.match(line), line
