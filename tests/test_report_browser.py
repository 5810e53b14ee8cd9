"""The HTML report in a real browser: headless Chromium opens it offline and draws it.

Needs Debian's `chromium` (and `fonts-noto-cjk` for the Chinese text); `.ci/run` installs
both. Where the browser is absent the test is skipped, saying so.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium is not installed (apt-get install chromium fonts-noto-cjk)",
)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_html_report_renders_in_headless_chromium(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, lang: str
) -> None:
    assert CHROMIUM is not None
    plan = tmp_path / "plan2022.toml"
    shutil.copyfile(REPO / "data" / "plan2022.toml", plan)
    assert invoke("--plan", str(plan), "import", str(FIXTURES / "report-june.csv")).exit_code == 0
    page = tmp_path / f"june-{lang}.html"
    result = invoke(
        "--plan", str(plan), "--lang", lang, "report", "--as-of", "2022-06", "-o", str(page)
    )
    assert result.exit_code == 0, result.output
    screenshot = tmp_path / f"june-{lang}.png"
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",  # CI runs as root
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--screenshot={screenshot}",
        "--window-size=1200,1600",
        page.as_uri(),
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail("chromium did not finish within 120 s")
    assert screenshot.exists(), f"no screenshot; chromium said:\n{done.stderr[-2000:]}"
    data = screenshot.read_bytes()
    assert png_size(data) == (1200, 1600)
    # A blank page compresses to a few kilobytes; tables, text and charts do not.
    assert len(data) > 60_000, f"the screenshot looks empty ({len(data)} bytes)"
