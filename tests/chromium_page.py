"""A page laid out by headless Chromium in a frame of a given width, and what a script measured
there (the report's browser tests: the phone layout, the printed charts)."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def measured_in_frame(page: str, width: int, script: str, folder: Path, window: int) -> str:
    """Lay `page` out in an iframe `width` px wide (the window `window` px), run `script` beside
    it and return the text it wrote into `<pre id="measured">`."""
    assert CHROMIUM is not None
    wrapper = folder / "frame.html"
    wrapper.write_text(
        '<!DOCTYPE html><html><body style="margin:0">'
        f'<iframe id="page" style="border:0;width:{width}px;height:900px" '
        f'srcdoc="{html.escape(page, quote=True)}"></iframe>'
        f"<script>{script}</script></body></html>",
        encoding="utf-8",
    )
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        f"--user-data-dir={folder / 'profile'}",
        f"--window-size={window},1000",
        "--virtual-time-budget=5000",
        "--dump-dom",
        wrapper.as_uri(),
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail("chromium did not finish within 120 s")
    measured = re.search(r'<pre id="measured">(.*?)</pre>', done.stdout, re.S)
    assert measured, f"nothing measured; chromium said:\n{done.stderr[-2000:]}"
    return measured.group(1)
