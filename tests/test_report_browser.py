"""The HTML report in a real browser: headless Chromium opens it offline and draws it.

Needs Debian's `chromium` (and `fonts-noto-cjk` for the Chinese text); `.ci/run` installs
both. Where the browser is absent the test is skipped, saying so.
"""

from __future__ import annotations

import html
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from tests.chromium_page import CHROMIUM, measured_in_frame

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]

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


# Lays the page out in an iframe of the phone's width (headless Chromium's window is at least
# 500 px wide), then writes what it measured into the outer page for --dump-dom to print.
MEASURE = """
const frame = document.getElementById("page");
frame.addEventListener("load", () => {
  const page = frame.contentDocument, width = frame.contentWindow.innerWidth, found = [];
  const outside = (e) => {
    const r = e.getBoundingClientRect();
    return r.left < 0 || r.right > width + 0.5;
  };
  for (const e of page.querySelectorAll("body *"))
    if (outside(e)) found.push("cut " + e.tagName + "." + e.className);
  for (const e of page.querySelectorAll("td .status"))
    if (outside(e)) found.push("status off-screen");
  const column = page.querySelector("main").clientWidth;
  for (const bar of page.querySelectorAll(".bar-row svg.bar")) {
    const shown = bar.getBoundingClientRect().width;
    if (shown < column * 0.4) found.push("bar " + shown);
  }
  found.push("statuses " + page.querySelectorAll("td .status").length);
  found.push("bars " + page.querySelectorAll(".bar-row svg.bar").length);
  const out = document.createElement("pre");
  out.id = "measured";
  out.textContent = found.join("\\n");
  document.body.append(out);
});
"""


@pytest.mark.parametrize("width", [390, 1280])
def test_on_a_phone_every_status_and_bar_is_on_screen(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, width: int
) -> None:
    """/tmp/auditterm D1: at 390 px the 状态 column was cut at the right edge of every table
    and the section and investment bars were 0 px wide. Nothing may stick out of the screen,
    every status cell is on it and every bar takes 40% of the page's column at least; at 1280
    too."""
    assert CHROMIUM is not None
    plan = tmp_path / "plan2022.toml"
    shutil.copyfile(REPO / "data" / "plan2022.toml", plan)
    assert invoke("--plan", str(plan), "import", str(FIXTURES / "report-june.csv")).exit_code == 0
    result = invoke(
        "--plan", str(plan), "--lang", "zh", "report", "--as-of", "2022-06", "-f", "html"
    )
    assert result.exit_code == 0, result.output
    measured = measured_in_frame(result.stdout, width, MEASURE, tmp_path, window=1400)
    found = html.unescape(measured).splitlines()
    # the June report: 13 targets behind or at risk, 7 investment rows and 7 headline; a bar
    # for each of 5 sections and 7 investment rows
    assert found[-2:] == ["statuses 27", "bars 12"], found
    assert found[:-2] == []
