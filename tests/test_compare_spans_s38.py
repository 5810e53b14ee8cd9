"""`compare`'s search for a quote in the report (`extract.compare._spans`): in a text with no
page number on a line of its own, a gap between the quote's characters is its whitespace
alone, compiled in a fraction of the time of the gap that also reads past a page number
(session 38: seconds of compiling a comparison); the same spans either way."""

from __future__ import annotations

import tomllib

from tests.conftest import CORPUS, REPO, needs_corpus

from plancli.extract.compare import _PAGE_LINES, _spans
from plancli.extract.furniture import quote_as_read, text_as_read
from plancli.extract.text import parse_form


@needs_corpus
def test_a_clean_reports_quotes_are_found_where_the_paged_search_finds_them() -> None:
    text = (CORPUS / "陕西省.txt").read_text(encoding="utf-8")
    plan = tomllib.loads((REPO / "data" / "2026" / "shaanxi.toml").read_text(encoding="utf-8"))
    read, heads = text_as_read(text)
    folded = parse_form(read)
    assert _PAGE_LINES.search(folded) is None  # a clean report: the whitespace gap
    quotes = [parse_form(quote_as_read(str(t["quote"]), heads)) for t in plan["targets"]][:12]
    # and what a draft quotes: runs of the text, one line's end inside some of them
    quotes += [folded[at : at + 24] for at in range(0, len(folded) - 24, 2500)]
    found = [_spans(quote, folded, paged=False) for quote in quotes]
    assert found == [_spans(quote, folded, paged=True) for quote in quotes]
    assert all(found) and sum(map(len, found)) >= len(quotes)


def test_a_page_number_inside_a_quote_is_read_past_where_the_text_has_one() -> None:
    text = "地区生产总值增长4.\n\n— 7 —\n\n5%左右。\n居民收入增长5%。"
    assert _PAGE_LINES.search(text) is not None
    assert _spans("地区生产总值增长4.5%左右", text, paged=True) == [(0, 23)]
    assert _spans("居民收入增长5%", text, paged=True) == [(25, 33)]
    # without the page number, whitespace alone: the same quote across a line's end
    clean = text.replace("— 7 —", "")
    assert _PAGE_LINES.search(clean) is None
    assert _spans("地区生产总值增长4.5%左右", clean, paged=False) == [(0, 18)]
    assert _spans("地区生产总值增长4.5%左右", clean, paged=False) == _spans(
        "地区生产总值增长4.5%左右", clean, paged=True
    )
