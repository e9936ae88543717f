"""What changed since a consultation was saved: re-run it against the current corpus and compare.

    rows = recheck_all(store, since=dt.date(2026, 11, 1))   # re-runs, stores each recheck beside its consultation

Differences: programmes that now fit (in the new shortlist, not in the saved one), programmes closed or
past their deadline, changed amounts, rates and deadlines, and new cut-off dates (calls). The saved
consultation is never changed; each recheck is stored in its own table (``Store.save_recheck``).
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from .models import CompanyProfile, Programme
from .staleness import effective_status


def _amount(p: Programme, lang: str) -> str | None:
    if not p.amount:
        return None
    return p.amount.text_de if lang == "de" or not p.amount.text_en else p.amount.text_en


def diff_consultation(saved: dict, current: dict, programmes: dict[str, Programme], today: dt.date,
                      lang: str = "de") -> dict:
    """Compare a saved ``MatchResult`` JSON dict with a fresh one and the current records.

    Returns ``{"now_fit": [...], "closed": [...], "changed": [...], "new_calls": [...], "removed": [...]}``;
    every entry names the programme id (and, for changes, the field with old and new value)."""
    old = {p["id"]: p for p in saved.get("programmes", [])}
    new = {p["id"]: p for p in current.get("programmes", [])}
    out: dict[str, list] = {"now_fit": [], "closed": [], "changed": [], "new_calls": [], "removed": []}
    for pid, h in new.items():
        if pid not in old and h.get("eligibility") != "ineligible" and h.get("status") != "closed":
            out["now_fit"].append({"id": pid, "name": h.get("name"), "eligibility": h.get("eligibility")})
    for pid, h in old.items():
        rec = programmes.get(pid)
        if rec is None:
            out["removed"].append({"id": pid, "name": h.get("name")})
            continue
        status = effective_status(rec, today)
        if status == "closed" and h.get("status") != "closed":
            passed = rec.deadline is not None and rec.deadline < today
            out["closed"].append({"id": pid, "name": rec.name, "reason": "deadline_passed" if passed else "closed",
                                  "deadline": rec.deadline.isoformat() if rec.deadline else None})
        fields = {"amount": _amount(rec, lang), "funding_rate": rec.funding_rate,
                  "deadline": rec.deadline.isoformat() if rec.deadline else None}
        for f, now in fields.items():
            if f in h and h.get(f) != now:
                out["changed"].append({"id": pid, "name": rec.name, "field": f, "old": h.get(f), "new": now})
        if "call_dates" in h:
            before = set(h.get("call_dates") or [])
            fresh = sorted(d.isoformat() for d in rec.call_dates if d >= today and d.isoformat() not in before)
            if fresh:
                out["new_calls"].append({"id": pid, "name": rec.name, "dates": fresh})
    return out


def rerun(saved: dict, profile: dict, match_fn: Callable, lang: str) -> dict:
    """Run the saved request again: the chat basis if the UI stored one, else the saved profile."""
    basis = saved.get("basis") or {}
    if basis.get("kind") == "text" and basis.get("text"):
        prev = basis.get("previous_profile")
        res = match_fn(basis["text"], previous_profile=CompanyProfile.model_validate(prev) if prev else None,
                       context=basis.get("context") or None, lang=lang)
    else:
        res = match_fn(CompanyProfile.model_validate(profile), lang=lang)
    return res.to_json_dict()


def recheck_all(store, match_fn: Callable | None = None, programmes: dict[str, Programme] | None = None,
                today: dt.date | None = None, since: dt.date | None = None, corpus_hash: str | None = None,
                limit: int = 1000) -> list[dict]:
    """Re-run every saved consultation (created on or after ``since``), store and return the differences."""
    if match_fn is None or programmes is None or today is None:
        from .api import match
        from .clock import today as _today
        from .engine import get_engine

        eng = get_engine()
        match_fn = match_fn or (lambda q, **kw: match(q, engine=eng, **kw))
        programmes = programmes or {p.id: p for p in eng.corpus.programmes}
        today = today or _today(eng.settings)
        corpus_hash = corpus_hash or eng.corpus.content_hash
    rows = []
    for summary in store.list_consultations(limit=limit):
        if since is not None and summary.created_at.date() < since:
            continue
        c = store.get_consultation(summary.id)
        if c is None:
            continue
        current = rerun(c.result, c.profile, match_fn, c.lang)
        d = diff_consultation(c.result, current, programmes, today, c.lang)
        rid = store.save_recheck(c.id, d, current, corpus_hash=corpus_hash or "")
        rows.append({"consultation_id": c.id, "client_name": c.client_name, "recheck_id": rid,
                     "saved_at": c.created_at.isoformat(), "differences": d,
                     "n_differences": sum(len(v) for v in d.values())})
    return rows
