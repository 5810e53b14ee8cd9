"""Reports people share: Markdown, a self-contained HTML page with charts, and Excel.

Pure core (no Typer, no Rich, no printing). `model.build_report` turns an assessment into one
`Report`, the single source that `markdown`, `html` and `xlsx` render, so the three formats
always show the same figures. Jinja2 and openpyxl are imported inside the functions that use
them: the rest of plancli starts without them.
"""
