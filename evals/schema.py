"""Row model of the gold evaluation cases (``evals/gold/cases.yaml``).

Each case is one realistic request (German or English) plus what a competent Berlin
Wirtschaftsförderung consultant would answer: the programmes to name first (``must``,
relevance 2), other reasonable ones (``should``, relevance 1), programmes that would be wrong
in the top 3 (``must_not``), expected MPI projects/actors and whether a clarifying question is
expected. See ``evals/README.md``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from matcher.models import Instrument, Need, OrgType, SizeClass, Stage

DEFAULT_CASES_PATH = Path(__file__).resolve().parent / "gold" / "cases.yaml"

# de-001: the original hand-written cases; real-de-001: a real company and the programme that funded
# it (with ``source_url``); con-de-001: consultant-style cases added after the first set; dev-de-001: cases
# written after the split and tuned on from the start (always dev, see ``evals.split``); probe-de-001: a second
# fresh probe, split like the consultant cases (only its dev part is read while tuning).
_ID_RE = re.compile(r"^(?:(real|con|dev|probe)-)?(de|en)-\d{3}$")
_SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class ExpectedProfile(BaseModel):
    """What the profile extractor should read from the query. ``None``/empty means: not stated,
    or not checked."""

    model_config = ConfigDict(extra="forbid")

    lang: Literal["de", "en"] | None = None
    org_type: OrgType | None = None
    employees: int | None = Field(default=None, ge=0)
    size_class: SizeClass | None = None
    stage: Stage | None = None
    in_berlin: bool | None = None
    founded_year: int | None = Field(default=None, ge=1800, le=2100)
    age_years: float | None = Field(default=None, ge=0)
    needs: list[Need] = []
    instruments_wished: list[Instrument] = []
    topics: list[str] = []

    @field_validator("topics")
    @classmethod
    def _topic_slugs(cls, v: list[str]) -> list[str]:
        for t in v:
            if not _SLUG_RE.match(t):
                raise ValueError(f"topic id {t!r} is not a slug")
        return v


class GoldCase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    query: str
    lang: Literal["de", "en"]
    tags: list[str] = []
    expected_profile: ExpectedProfile = ExpectedProfile()
    must: list[str] = []        # relevance 2: what a consultant names first
    should: list[str] = []      # relevance 1: other reasonable programmes
    must_not: list[str] = []    # wrong in the top 3 (ineligible, closed, clearly off-need)
    projects: list[str] = []    # expected MPI project / actor ids
    questions_expected: bool = False  # a fact deciding eligibility is missing
    source_url: str | None = None     # real cases: where the funding of this company is reported
    note: str = ""

    @property
    def origin(self) -> str:
        """'gold' (the first hand-written set), 'real' (a real funded company), 'con' (consultant-style), 'dev'
        (written after the split and tuned on) or 'probe' (a later fresh probe, split like the others)."""
        m = _ID_RE.match(self.id)
        return (m.group(1) if m and m.group(1) else "gold")

    @field_validator("id")
    @classmethod
    def _id_format(cls, v: str) -> str:
        if not _ID_RE.match(v):
            raise ValueError(f"case id {v!r} must look like 'de-001', 'real-en-001' or 'con-de-001'")
        return v

    @field_validator("must", "should", "must_not", "projects")
    @classmethod
    def _ids(cls, v: list[str]) -> list[str]:
        for x in v:
            if not _SLUG_RE.match(x):
                raise ValueError(f"id {x!r} is not a slug")
        if len(set(v)) != len(v):
            raise ValueError(f"duplicate ids in {v}")
        return v

    @model_validator(mode="after")
    def _consistent(self) -> GoldCase:
        if self.origin == "real" and not self.source_url:
            raise ValueError(f"{self.id}: a real-company case needs the source_url of its funding")
        if not self.id.split("-")[-2] == self.lang:
            raise ValueError(f"{self.id}: id prefix does not match lang {self.lang!r}")
        if self.expected_profile.lang not in (None, self.lang):
            raise ValueError(f"{self.id}: expected_profile.lang differs from lang")
        overlaps = {
            "must/should": set(self.must) & set(self.should),
            "must/must_not": set(self.must) & set(self.must_not),
            "should/must_not": set(self.should) & set(self.must_not),
        }
        for name, ov in overlaps.items():
            if ov:
                raise ValueError(f"{self.id}: {sorted(ov)} in both {name}")
        if len(self.must) > 3:
            raise ValueError(f"{self.id}: at most 3 'must' programmes")
        return self

    def relevance(self) -> dict[str, int]:
        """Graded relevance judgements (qrels) for this case: must=2, should=1."""
        rel = {p: 1 for p in self.should}
        rel.update({p: 2 for p in self.must})
        return rel


def load_all_cases(folder: str | Path | None = None) -> list[GoldCase]:
    """Every case of the gold folder (the original set, real companies, consultant-style)."""
    root = Path(folder) if folder is not None else DEFAULT_CASES_PATH.parent
    cases: list[GoldCase] = []
    for path in sorted(root.glob("*.yaml")):
        cases.extend(load_cases(path))
    return _unique(cases, root)


def _unique(cases: list[GoldCase], where: Path) -> list[GoldCase]:
    """``cases`` unchanged; raises on a case id that occurs twice."""
    seen: set[str] = set()
    for c in cases:
        if c.id in seen:
            raise ValueError(f"{where}: duplicate case id {c.id}")
        seen.add(c.id)
    return cases


def load_cases(path: str | Path | None = None) -> list[GoldCase]:
    """Load and validate the gold cases; raises on any invalid row or duplicate id."""
    p = Path(path) if path is not None else DEFAULT_CASES_PATH
    raw = yaml.safe_load(p.read_text(encoding="utf-8"))
    if raw is None:
        return []
    if isinstance(raw, dict):
        raw = raw.get("cases", [])
    if not isinstance(raw, list):
        raise ValueError(f"{p}: expected a YAML list of cases")
    return _unique([GoldCase.model_validate(row) for row in raw], p)
