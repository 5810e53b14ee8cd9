"""What reading an import file found besides its rows (`ReadNotes`): its encoding, the rows
skipped and why, the warnings, the distinct targets and periods `bulletin.resolve_rows` maps,
for the summary and `import --json`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decimal import Decimal

    from plancli.bulletin import Header
    from plancli.template_check import TemplateCells


@dataclass(slots=True)
class ReadNotes:
    """What reading a file found besides its rows, for the summary and `import --json`."""

    encoding: str | None = None  # "UTF-8", "UTF-8 with BOM" or "GB18030"; None for a workbook
    blank_rows: int = 0  # rows of a template left blank (id and period, no figure)
    no_data_rows: int = 0  # rows whose figures are all a "no data" mark (—)
    no_data_at: list[int] = field(default_factory=list)  # the first NO_DATA_KEPT such rows
    total_rows: int = 0  # a table's 合计, 总计, 小计 rows, read past (`resolve_rows`)
    # (row, target, problem) of a 合计 row the reader refused: read past unless the plan has it
    total_problems: list[tuple[int, str, str]] = field(default_factory=list)
    header: Header | None = None
    total_only: set[int] = field(default_factory=set)  # rows whose figure came from 累计值
    paired: set[int] = field(default_factory=set)  # rows with both 累计增长 and 累计值
    growth_only: dict[int, str] = field(default_factory=dict)  # row → its 累计值 ('', '—')
    warnings: list[tuple[int, str]] = field(default_factory=list)
    # Rows whose figure (value) cell is a % cell holding a number above 1 (4.1 under 0.0%):
    # its warning says why the figure reads 410 %; the growth slip's is not said too
    pasted: set[int] = field(default_factory=set)
    fractions: list[int] = field(default_factory=list)  # rows (0-based) whose figure may be 0.x
    units: dict[int, str] = field(default_factory=dict)  # row → its 计量单位, when given
    dashed: set[int] = field(default_factory=set)  # rows whose value cell holds — (no data)
    month_only: dict[int, str] = field(default_factory=dict)  # row → its refusal if no `level`
    month_dashed: set[int] = field(default_factory=set)  # month_only rows whose 累计 cells are —
    # A growth row's amount left out as in another scale (万元 for 亿元): row → that amount in
    # the plan's unit, kept where the amount in force equals it (`ledger.Entry.held`)
    scaled_amounts: dict[int, Decimal] = field(default_factory=dict)
    falls: set[int] = field(default_factory=set)  # rows of a 比上年下降 column (fall_columns)
    # Rows of a bulletin with a name and no figure (bulletin_blanks): (row, name), then sorted
    figureless: list[tuple[int, str]] = field(default_factory=list)
    unpublished: list[tuple[int, str]] = field(default_factory=list)  # (row, target) left blank
    footnote_rows: int = 0  # 注：… below the table, read past
    heading_rows: int = 0  # （一）工业生产: a section heading, read past
    targets: dict[str, str] = field(default_factory=dict)  # the distinct targets of the rows
    periods: dict[str, str] = field(default_factory=dict)  # the distinct periods of the rows
    sheet: str | None = None  # a workbook's sheet read instead of its cover, as said on stderr
    unknown: set[str] | None = None  # texts naming no target (resolve_rows): --skip-unknown
    named: dict[str, str] = field(default_factory=dict)  # a name's text (stripped) → its id
    no_target: Callable[[str], bool] | None = None  # names no target? (import_skip)
    dropped: int = 0  # rows naming no target past the first Problems.KEEP: counted, not kept
    template_cells: list[TemplateCells] = field(default_factory=list)  # template_check.py
    helpers_said: bool = False  # `bulletin_layout.helpers_gone` said (once a file)
    plan_year: Callable[[], int] | None = None  # read if a date cell's refusal needs it

    def no_data(self, row: int) -> None:
        """A row whose figures are all a "no data" mark: counted, and the first NO_DATA_KEPT
        kept by number (`gdp_sectors` reads no sector's row past one: an indicator's row)."""
        self.no_data_rows += 1
        if len(self.no_data_at) < NO_DATA_KEPT:
            self.no_data_at.append(row)


NO_DATA_KEPT = 1000


class Located(str):
    """A workbook's `FILE:SHEET` as messages show it (a crafted 5,000-character sheet name: its
    first 60 characters, escaped), with the sheet's exact name (`sheet`) and `FILE:SHEET` as
    the file has it (`exact`) for `import --json`, which keeps the exact text (audit P D9)."""

    sheet: str
    exact: str

    def __new__(cls, file: str, sheet: str) -> Located:
        from plancli.safe import clip, clip_path

        located = super().__new__(cls, f"{clip_path(file)}:{clip(sheet)}")
        located.sheet, located.exact = sheet, f"{file}:{sheet}"
        return located
