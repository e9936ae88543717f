"""Which records need a recheck: old ``as_of`` or a deadline that has passed."""

from __future__ import annotations

import datetime as dt

from .models import Corpus, Programme


def effective_status(p: Programme, today: dt.date) -> str:
    """The status as of ``today``: a programme whose deadline has passed counts as closed."""
    if p.status != "closed" and p.deadline is not None and p.deadline < today:
        return "closed"
    return p.status


def stale_records(corpus: Corpus, today: dt.date, max_age_days: int) -> list[dict]:
    """One row per record that needs a recheck, oldest first."""
    rows = []
    for r in corpus.records():
        folder = {"programme": "programmes", "project": "projects", "actor": "actors"}[r.kind]
        reasons = []
        age = (today - r.as_of).days
        if age > max_age_days:
            reasons.append(f"as_of {r.as_of.isoformat()} is {age} days old")
        if isinstance(r, Programme) and r.status != "closed" and r.deadline and r.deadline < today:
            reasons.append(f"deadline {r.deadline.isoformat()} has passed but status is '{r.status}'")
        if reasons:
            rows.append({"id": r.id, "kind": r.kind, "file": f"{folder}/{r.id}.yaml", "as_of": r.as_of.isoformat(),
                         "reason": "; ".join(reasons)})
    return sorted(rows, key=lambda x: (x["as_of"], x["id"]))
