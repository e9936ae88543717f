"""Per-field precision and recall of the profile reader on the reader probes (``evals/reader_probes.yaml``).

The gold cases measure the reader only on phrasings it was tuned on (their dev part) or may never be read case by case
(their locked part). The probes are requests of people and firms written by helpers who never ran the matcher, labelled
with the facts a careful reader takes from them: organisation type, stage, seat, headcount, founding year, whether the project to
be funded has begun, and the needs (micro-averaged over the needs named). Each set was measured when it arrived, before any rule was written for it (see the file's head).

    python -m evals.reader_probes            # table per set and field
    python -m evals.reader_probes --json     # the same as JSON
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

from evals.profile_metrics import profile_prf
from matcher.corpus import load_topics
from matcher.models import CompanyProfile, Need, OrgType, Stage
from matcher.profile import extract_profile

PROBES_PATH = Path(__file__).resolve().parent / "reader_probes.yaml"
CORPUS_DIR = Path(__file__).resolve().parent.parent / "corpus"
FIELDS: tuple[str, ...] = ("org_type", "stage", "in_berlin", "employees", "founded_year", "project_started", "needs")
# sets measured and never tuned on (no rule written for them, no model fitted on them)
HELD_OUT_SETS = frozenset({"held-out", "needs-2", "needs-5", "start-3", "people-6", "needs-7", "age-2", "seat-4"})


class ReaderProbe(BaseModel):
    """One probe: a request and the facts expected from it (``None``: not stated, not checked)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    set: str
    query: str
    org_type: OrgType | None = None
    stage: Stage | None = None
    in_berlin: bool | None = None
    employees: int | None = None
    # the year the writer's business began (a takeover keeps the business's year); "none": the text names no founding
    # year a careful reader could tell (then a year read is wrong, as it may reject a programme for the company's age)
    founded_year: int | Literal["none"] | None = None
    project_started: bool | None = None
    needs: list[Need] = []  # the first is the main need; empty: not checked


class ProbeFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    today: dt.date
    probes: list[ReaderProbe]


def load_probes(path: Path = PROBES_PATH) -> ProbeFile:
    """The probes, validated; ids must be unique."""
    data = ProbeFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    ids = [p.id for p in data.probes]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ValueError(f"{path}: duplicate probe ids {dupes}")
    return data


def read_facts(profile: CompanyProfile, today: dt.date | None = None) -> dict:
    """The probed fields of a profile; ``project_started`` is the negation of the ``project_not_started`` fact;
    ``founded_year`` is the year read, else the year of ``today`` minus the age read ("seit 12 Jahren am Markt" on
    2026-12-04: 2014; "im Februar gegründet": 2026), else "none"."""
    not_started = (profile.facts or {}).get("project_not_started")
    year: int | str = "none"
    if profile.founded_year is not None:
        year = profile.founded_year
    elif profile.age_years is not None and today is not None:
        year = (today - dt.timedelta(days=round(profile.age_years * 365.25))).year
    return {"org_type": profile.org_type, "stage": profile.stage, "in_berlin": profile.in_berlin,
            "employees": profile.employees, "founded_year": year,
            "project_started": None if not_started is None else not not_started, "needs": list(profile.needs)}


def probe_scores(data: ProbeFile, corpus_dir: Path = CORPUS_DIR) -> dict[str, dict[str, dict]]:
    """``{set: {field: {"precision", "recall", ...}}}`` plus the set ``"all"``, with the reader the product uses."""
    topics = load_topics(corpus_dir, [])
    pairs: dict[str, list[tuple[dict, dict]]] = {}
    for p in data.probes:
        got = read_facts(extract_profile(p.query, topics, data.today), data.today)
        want = {f: getattr(p, f) for f in FIELDS}
        pairs.setdefault(p.set, []).append((want, got))
    out = {name: profile_prf(ps, FIELDS) for name, ps in pairs.items()}
    out["all"] = profile_prf([pair for ps in pairs.values() for pair in ps], FIELDS)
    return out


def format_table(scores: dict[str, dict[str, dict]]) -> str:
    lines = ["| set | " + " | ".join(FIELDS) + " |", "|---|" + "---|" * len(FIELDS)]
    for name, per_field in scores.items():
        cells = []
        for f in FIELDS:
            s = per_field[f]
            cells.append(f"{s['precision']:.2f}/{s['recall']:.2f} ({s['support']})" if s["support"] else "–")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evals.reader_probes", description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print JSON instead of a Markdown table")
    ap.add_argument("--probes", type=Path, default=PROBES_PATH)
    args = ap.parse_args(argv)
    scores = probe_scores(load_probes(args.probes))
    print(json.dumps(scores, indent=2) if args.json else "precision/recall (support) per set and field\n\n" + format_table(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
