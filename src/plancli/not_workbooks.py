"""What a file named .xlsx that is no zip archive is, said in the user's words: the lock file
Excel keeps beside a workbook it has open (`~$june.xlsx`, which a job importing every
`*.xlsx` of a shared folder meets while a colleague has the sheet open), a file of 0 bytes (a
copy cut short, a cloud drive's placeholder), or something else, shown by its first bytes."""

from __future__ import annotations

from pathlib import PurePath

from plancli.errors import InputError
from plancli.i18n import _
from plancli.safe import clip_path

# Excel's owner file: `~$` and the workbook's name (its first two characters replaced, for a
# long one), 165 bytes: the user's name, in a byte count and again in UTF-16.
_OWNER_PREFIX = "~$"


def not_a_workbook(name: str, head: bytes) -> InputError:
    """The error for `name`, an import file ending .xlsx whose first bytes `head` are no zip."""
    shown = clip_path(name)
    if PurePath(name.replace("\\", "/")).name.startswith(_OWNER_PREFIX):
        return InputError(
            _(
                "{file}: the lock file Excel keeps beside a workbook while it is open, not a "
                "workbook; import the workbook itself, and leave ~$ files out when importing a "
                "folder's *.xlsx"
            ).format(file=shown)
        )
    if not head:
        return InputError(
            _(
                "{file}: the file is empty (0 bytes), not an .xlsx workbook: a copy cut short? "
                "Save or copy the workbook again"
            ).format(file=shown)
        )
    return InputError(
        _(
            "{file}: not an .xlsx workbook: an .xlsx file is a zip archive, and this one "
            "starts with {start}"
        ).format(file=shown, start=repr(head))
    )
