"""A UTF-8 report whose last character is cut short and that then got a final newline (a copy
from a PDF that lost its last byte, saved by an editor that ends every file with a line end):
read up to the cut, as a cut without the newline always was, and said in a warning, by
`extract` and `validate --source` alike (`extract.text.report_document`). It was refused:
`neither UTF-8 nor GB18030 text (byte 43865 is not UTF-8)`."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancli.errors import InputError
from plancli.extract.text import decode_report
from plancli.notices import taken

SEED = Path(__file__).parents[2] / "shared" / "seed" / "000_00f01ebf3f7ca338.txt"
needs_seed = pytest.mark.skipif(not SEED.exists(), reason="the seed report is not here")


def _seed() -> tuple[bytes, int]:
    """The seed's bytes and where its last non-ASCII character (内, 3 bytes) starts."""
    data = SEED.read_bytes()
    cut = len(data) - 1
    while data[cut] < 0x80 or data[cut] & 0xC0 == 0x80:
        cut -= 1
    return data, cut


@needs_seed
@pytest.mark.parametrize("kept", [1, 2])
@pytest.mark.parametrize("ending", [b"", b"\n", b"\r\n", b" \n\n"])
def test_a_report_cut_inside_its_last_character_is_read_up_to_the_cut(
    kept: int, ending: bytes
) -> None:
    data, cut = _seed()
    assert data[cut : cut + 3].decode("utf-8") == "内"
    taken()
    text = decode_report(data[: cut + kept] + ending, "r.txt")
    assert text == data[:cut].decode("utf-8") + ending.decode("ascii")  # (a CRLF's CR stays)
    assert text.rstrip().endswith("| —— | 4.8以")
    assert taken() == [
        f"warning: r.txt: its last character is cut short (byte {cut} of "
        f"{cut + kept + len(ending)}): read up to it"
    ]


@pytest.mark.parametrize(
    "data",
    [
        "全年地区生产总值增长6%左右。".encode() + b"\xe5\x86x\n",  # then a letter: damage
        "全年地区生产总值增长6%左右。".encode() + b"\xe5\x86\n\xe5",  # then more bytes
        "全年地区生产总值增长6%左右。".encode() + b"\xff\n",  # no lead byte at all
    ],
)
def test_bytes_that_are_no_utf8_before_the_end_are_still_refused(data: bytes) -> None:
    taken()
    with pytest.raises(InputError) as caught:
        decode_report(data, "r.txt")
    assert str(caught.value) == "r.txt is neither UTF-8 nor GB18030 text (byte 41 is not UTF-8)"
    assert taken() == []


@needs_seed
@pytest.mark.parametrize("command", ["extract", "validate"])
def test_extract_and_validate_source_read_a_cut_copy_with_a_warning(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, command: str
) -> None:
    data, cut = _seed()
    report = tmp_path / "report.txt"
    args = (
        ["extract", str(report), "--compare", "guandu-2022"]
        if command == "extract"
        else ["--plan", "guandu-2022", "validate", "--source", str(report)]
    )
    report.write_bytes(data[:cut] + b"\n")  # the copy as it should have been: up to the cut
    whole = invoke(*args)
    report.write_bytes(data[: cut + 2] + b"\n")  # 2 of 内's 3 bytes, then a newline
    result = invoke(*args)
    assert (result.exit_code, result.stdout) == (whole.exit_code, whole.stdout)
    assert whole.exit_code in (0, 1), whole.output
    shown = str(report) if command == "extract" else f"--source {report}"
    warning = f"warning: {shown}: its last character is cut short (byte {cut} of {cut + 3}):"
    assert result.stderr == whole.stderr + warning + " read up to it\n"
