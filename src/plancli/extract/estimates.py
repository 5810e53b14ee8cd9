"""The flag of a baseline a review states as an estimate (…左右): last year's figure, written
before the statistics bureau publishes it (上海's 研发经费支出…比例达到4.5%左右, a review's
城镇新增就业65万人左右). The draft takes it, as the bundled plans do, and asks for a check."""

from __future__ import annotations

from plancli.i18n import N_

APPROXIMATE_REVIEW = N_(
    "baseline {value}{unit} is the review's estimate (“{quote}”): check it against last "
    "year's bulletin"
)
