"""Today's date, in one place, so tests and replays can fix it (``MATCHER_TODAY``)."""

from __future__ import annotations

import datetime as dt


def today(settings=None) -> dt.date:
    """The reference date for deadlines and staleness: ``MATCHER_TODAY`` if set, else the system date."""
    from .settings import get_settings

    fixed = (settings or get_settings()).today
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()
