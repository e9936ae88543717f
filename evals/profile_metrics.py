"""Per-field precision and recall of the profile reader against the gold ``expected_profile``.

``profile_prf(pairs)`` takes (expected, actual) pairs (pydantic models or dicts) and returns, for
each field, ``{"precision", "recall", "f1", "support", "tp", "predicted"}``:

* scalar fields (org_type, employees, size_class, stage, in_berlin, ...): only pairs whose expected
  value is stated (not ``None``) count. A prediction is an actual value that is not ``None``;
  precision = correct / predicted, recall = correct / stated, support = number of stated values.
* list fields (needs, instruments_wished, topics): micro-averaged over items of the pairs whose
  expected list is not empty (an empty expected list means "not checked"); precision = found
  expected items / predicted items, recall = found expected items / expected items, support =
  number of expected items.

A field without any prediction has precision 0.0 (and so has f1); without support all are 0.0.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

DEFAULT_FIELDS: tuple[str, ...] = (
    "org_type", "employees", "size_class", "stage", "in_berlin", "needs", "instruments_wished", "topics",
)
LIST_FIELDS = frozenset({"needs", "instruments_wished", "topics", "sector"})


def _as_dict(x: Any) -> dict:
    if x is None:
        return {}
    if isinstance(x, dict):
        return x
    if hasattr(x, "model_dump"):
        return x.model_dump()
    return dict(vars(x))


def _same(field: str, want: Any, got: Any) -> bool:
    if field == "age_years":
        return abs(float(got) - float(want)) <= 1.0
    return got == want


def _prf(tp: int, predicted: int, support: int) -> dict[str, float | int]:
    p = tp / predicted if predicted else 0.0
    r = tp / support if support else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": support,
            "tp": tp, "predicted": predicted}


def profile_prf(pairs: Iterable[tuple[Any, Any]], fields: Iterable[str] = DEFAULT_FIELDS) -> dict[str, dict]:
    """Precision, recall, f1 and support per profile field over (expected, actual) pairs."""
    fields = tuple(fields)
    counts = {f: [0, 0, 0] for f in fields}  # tp, predicted, support
    for expected, actual in pairs:
        exp, act = _as_dict(expected), _as_dict(actual)
        for f in fields:
            want, got = exp.get(f), act.get(f)
            c = counts[f]
            if f in LIST_FIELDS or isinstance(want, (list, tuple, set)):
                want_set = set(want or [])
                if not want_set:
                    continue
                got_set = set(got or [])
                c[0] += len(want_set & got_set)
                c[1] += len(got_set)
                c[2] += len(want_set)
            else:
                if want is None:
                    continue
                c[2] += 1
                if got is None:
                    continue
                c[1] += 1
                if _same(f, want, got):
                    c[0] += 1
    return {f: _prf(*counts[f]) for f in fields}


def format_prf(table: dict[str, dict]) -> str:
    """A small Markdown table of ``profile_prf`` output."""
    lines = ["| field | precision | recall | f1 | support |", "| --- | ---: | ---: | ---: | ---: |"]
    for f, m in table.items():
        lines.append(f"| {f} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {m['support']} |")
    return "\n".join(lines)
