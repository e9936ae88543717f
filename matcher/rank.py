"""Scoring and ordering: pure functions over plain dicts and lists, no I/O, no globals.

Fusion variants are picked by name (``FUSIONS``); an unknown name lists the valid ones.
Ties break on the record id so evaluation numbers do not flicker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path

import yaml

from .eligibility import founded_first
from .models import CompanyProfile, FirstChoice, Programme
from .topic_kinds import BROAD_TOPICS, OPEN_TOPICS

RRF_K = 60


def fuse_rrf(dense: dict[str, float], lexical: dict[str, float], k: int = RRF_K) -> dict[str, float]:
    """Reciprocal rank fusion (Cormack et al., SIGIR 2009): sum of 1/(k + rank).

    Lexical hits with score 0 are absent from ``lexical`` (bm25 orders them arbitrarily).
    """
    out: dict[str, float] = {}
    for scores in (dense, lexical):
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        for rank, (rid, _s) in enumerate(ranked, start=1):
            out[rid] = out.get(rid, 0.0) + 1.0 / (k + rank)
    return out


def _minmax(scores: dict[str, float]) -> dict[str, float]:
    if not scores:
        return {}
    lo, hi = min(scores.values()), max(scores.values())
    span = hi - lo or 1.0
    return {k: (v - lo) / span for k, v in scores.items()}


def fuse_convex(dense: dict[str, float], lexical: dict[str, float], alpha: float = 0.7) -> dict[str, float]:
    """Convex combination of min-max normalised scores (Bruch et al., 2023)."""
    d, lx = _minmax(dense), _minmax(lexical)
    return {k: alpha * d.get(k, 0.0) + (1 - alpha) * lx.get(k, 0.0) for k in set(d) | set(lx)}


def fuse_dense(dense: dict[str, float], lexical: dict[str, float]) -> dict[str, float]:
    """Dense similarity only (ablation)."""
    return dict(dense)


def fuse_lexical(dense: dict[str, float], lexical: dict[str, float]) -> dict[str, float]:
    """BM25 only (ablation)."""
    return dict(lexical)


FUSIONS: dict[str, Callable[[dict[str, float], dict[str, float]], dict[str, float]]] = {
    "rrf": fuse_rrf, "convex": fuse_convex, "dense": fuse_dense, "lexical": fuse_lexical,
}


def select_fusion(name: str) -> Callable[[dict[str, float], dict[str, float]], dict[str, float]]:
    if name not in FUSIONS:
        raise ValueError(f"unknown fusion '{name}'; choose one of: {', '.join(sorted(FUSIONS))}")
    return FUSIONS[name]


def normalise_max(scores: dict[str, float]) -> dict[str, float]:
    hi = max(scores.values(), default=0.0)
    return {k: (v / hi if hi > 0 else 0.0) for k, v in scores.items()}


def example_affinity(best: dict[str, float], k: int = 8) -> dict[str, float]:
    """How much closer a programme's nearest funded example is to the query than the k-th best
    programme's (0..1): 1 for the programme with the closest example, 0 from the k-th on.

    The raw cosine has a floor of about 0.3 for any text, so using it directly would reward a programme
    merely for having examples; relative to its neighbours, only programmes whose funded projects are
    among the nearest gain."""
    if not best:
        return {}
    sims = sorted(best.values(), reverse=True)
    top, floor = sims[0], sims[min(k, len(sims)) - 1]
    if top <= floor:
        return {pid: (1.0 if v >= top else 0.0) for pid, v in best.items()}
    return {pid: max(0.0, (v - floor) / (top - floor)) for pid, v in best.items() if v > floor}


# ---------------------------------------------------------------- programme features

NEED_POSITION_WEIGHT = (1.0, 0.75, 0.55, 0.4)
SUPPORT_ONLY = {"advice", "network", "training"}


def need_match(profile_needs: list[str], prog_needs: list[str]) -> float:
    """How well the programme's main purposes meet the company's needs (0..1)."""
    if not profile_needs:
        return 0.0
    best = 0.0
    # advice is a way of helping, not a subject: an offer for another subject (a succession office, an energy
    # audit) does not meet a wish for advice on something else
    subject_elsewhere = bool(prog_needs) and prog_needs[0] != "advice" and prog_needs[0] not in profile_needs
    for pos, need in enumerate(prog_needs):
        if need == "advice" and subject_elsewhere:
            continue
        if need in profile_needs:
            best = max(best, NEED_POSITION_WEIGHT[min(pos, len(NEED_POSITION_WEIGHT) - 1)])
    return best


OPEN_TOPIC_SCORE = 0.5

# Broad topics (``topic_kinds.BROAD_TOPICS``) say little about fit; the others name a technology or field. A programme
# that is specific to fields the company did not mention (an additive-manufacturing course for a PLC training need)
# loses a little.


def serves_field(prog: Programme, profile_topics: list[str]) -> bool:
    """False for a programme open only to companies of its fields (``field_only``) when none of them is the
    company's: Medienboard's games funding meets no R&D need of a sensor maker."""
    return not prog.field_only or bool(set(prog.topics) & set(profile_topics))


def field_mismatch(profile_topics: list[str], rec_topics: list[str]) -> bool:
    """True when the record is specific to fields, none of them is among the company's topics, and its main
    (first) topic is not the company's either (a generic main topic such as "innovation" does not count).
    A digitalisation loan that also names AI and IT security
    still fits a craft business that introduces order software; a course on additive manufacturing does not
    fit a PLC training need. (Chosen on dev and example-CV: recall@5 0.937 -> 0.944, CV 0.645 -> 0.658.)"""
    specific = set(rec_topics) - BROAD_TOPICS
    return bool(specific and profile_topics and not specific & set(profile_topics)
                and (rec_topics[0] in OPEN_TOPICS or rec_topics[0] not in profile_topics))


def topic_match(profile_topics: list[str], rec_topics: list[str]) -> float:
    """Share of the record's (first three) topics that the company's text touches (0..1).

    A technology-open record (only generic topics such as innovation) fits any technology halfway,
    so ZIM or Pro FIT are not outranked by every programme that happens to list the company's field.
    """
    if not profile_topics or not rec_topics:
        return 0.0
    hits = sum(1 for t in rec_topics if t in profile_topics)
    score = min(1.0, hits / min(3, len(rec_topics)))
    if set(rec_topics) <= OPEN_TOPICS:
        score = max(score, OPEN_TOPIC_SCORE)
    return score


def instrument_match(wished: list[str], offered: list[str], unwanted: list[str] | None = None) -> float:
    """1 if a wished instrument is offered; -1 if a form of money was wished (grant, loan, equity, ...)
    and none of the wished forms is offered, or if the programme offers only forms of money the writer rules
    out ("we don't want investors": an equity fund); else 0. A wish for advice, training or a network ("zwei
    Mitarbeiter weiterbilden") does not count against a grant: support offers have their own lane."""
    if any(w in offered for w in wished):
        return 1.0
    money = set(offered) - SUPPORT_ONLY
    if unwanted and money and money <= set(unwanted):
        return -1.0
    if not wished:
        return 0.0
    if "grant" in wished and "tax_credit" in offered:
        return 1.0  # "a subsidy for hiring an R&D engineer": the research allowance is paid out, not repaid
    if "grant" in offered and set(wished) <= {"loan", "guarantee", "equity"}:
        # a loan, a guarantee or investors asked for ("die Bank will Sicherheiten", "we look for investors") rule
        # no grant out: nobody declines one
        return 0.0
    return -1.0 if set(wished) - SUPPORT_ONLY else 0.0


@dataclass
class Weights:
    """Weights of the linear programme score (documented defaults; ``fit_weights`` in evals fits them
    on the dev cases by cross-validation and writes ``matcher/weights.yaml``)."""

    retrieval: float = 0.40
    need: float = 0.25
    topic: float = 0.20
    instrument: float = 0.12
    eligible_bonus: float = 0.10
    uncertain_penalty: float = 0.0
    home_level_bonus: float = 0.06
    planned_penalty: float = 0.25
    # a founders' programme that a team can apply for only once it has founded (GründungsBONUS): the same step
    # back as a programme that is announced but not open yet; too rare in the dev cases to be fitted
    later_penalty: float = 0.25
    support_only_penalty: float = 0.10
    diversity_penalty: float = 0.06
    named_bonus: float = 0.30
    need_mismatch_penalty: float = 0.10
    field_mismatch_penalty: float = 0.08
    first_choice_bonus: float = 0.15
    example: float = 0.10
    # chosen on dev and example-CV (0, 0.05, 0.10, 0.15, 0.20): dev recall@5 0.899 -> 0.923 from 0.05 on,
    # example-CV MRR@10 0.43 -> 0.46-0.50, recall@5 0.62 -> 0.59-0.63
    typical: float = 0.15
    # a level the writer asks for ("Welche EU-Programme passen?") is a request like a named programme and weighs
    # like ``named_bonus``. Too rare in the dev cases to be fitted: 0, 0.15 and 0.30 gave the same dev recall@5
    # and nDCG@10 (within 0.002; project recall 0.781 / 0.781 / 0.765), but at 0.15 "Welche EU-Programme passen?"
    # still showed one EU programme in the top 3. The level's programmes are also spared the diversity step (``order``)
    level_wish: float = 0.30


WEIGHTS_FILE = Path(__file__).resolve().parent / "weights.yaml"


def default_weights(path: Path = WEIGHTS_FILE) -> Weights:
    """The fitted weights of ``matcher/weights.yaml`` (written by ``python -m evals.fit``), else the
    documented defaults."""
    if not path.exists():
        return Weights()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    known = {f.name for f in fields(Weights)}
    return Weights(**{k: float(v) for k, v in (data.get("weights") or {}).items() if k in known})


# feature name -> (weight field, sign): the linear score is sum(sign * weight * feature)
FEATURE_WEIGHTS: dict[str, tuple[str, float]] = {
    "retrieval": ("retrieval", 1.0), "need": ("need", 1.0), "topic": ("topic", 1.0),
    "instrument": ("instrument", 1.0), "eligible": ("eligible_bonus", 1.0),
    "uncertain": ("uncertain_penalty", -1.0), "home_level": ("home_level_bonus", 1.0),
    "named": ("named_bonus", 1.0), "field_mismatch": ("field_mismatch_penalty", -1.0),
    "need_mismatch": ("need_mismatch_penalty", -1.0), "planned": ("planned_penalty", -1.0),
    "later": ("later_penalty", -1.0),
    "support_only": ("support_only_penalty", -1.0), "first_choice": ("first_choice_bonus", 1.0),
    "example": ("example", 1.0), "typical": ("typical", 1.0), "level_wish": ("level_wish", 1.0),
}


@dataclass
class Scored:
    prog: Programme
    score: float
    overall: str
    effective_status: str
    features: dict[str, float] = field(default_factory=dict)
    rank_overall: str | None = None  # the verdict the score uses (open yes/no questions left out)
    learned: float | None = None  # the learned ranker's probability (``matcher.learned``), when one is used


def first_choice_role(prog: Programme, profile: CompanyProfile, known_group: bool = False,
                      field_roles: bool = True) -> FirstChoice | None:
    """The programme's role as a consultant's first answer that fits the company (the one for its earliest
    need), restricted to the groups (and the accompanying needs, topics and facts) the record names; ``None`` if
    none fits. With ``known_group`` a group-restricted role counts only when the company's group is known
    to match (an unknown size or stage is not enough). Without ``field_roles`` roles limited to topics
    are left out."""
    if not profile.needs or not prog.first_choice:
        return None
    groups = company_groups(profile)
    best: tuple[int, FirstChoice] | None = None
    for fc in prog.first_choice:
        if fc.need not in profile.needs or (fc.topics and not field_roles):
            continue
        if fc.with_needs and not set(fc.with_needs) & set(profile.needs):
            continue
        if fc.topics and not set(fc.topics) & set(profile.topics):
            continue
        if any(profile.facts.get(f) is not True for f in fc.with_facts):
            continue
        if fc.groups and groups is None and known_group:
            continue
        if fc.groups and groups is not None and not set(fc.groups) & groups:
            continue
        pos = profile.needs.index(fc.need)
        if best is None or pos < best[0]:
            best = (pos, fc)
    return best[1] if best else None


def first_choice_match(prog: Programme, profile: CompanyProfile, known_group: bool = False) -> float:
    """The rank feature: 1 when the programme is a consultant's first answer for the company's main need (0.6
    for a later need; see ``first_choice_role``); 0 otherwise.

    Only roles open to every field count. A role limited to topics (a hydrogen partnership for hydrogen R&D) is
    shown on the card, but the topic feature already ranks a field programme up for its field; counted again, it
    pushed the open-topic workhorses down (real-company nDCG@10 0.645 -> 0.639, locked test unchanged)."""
    role = first_choice_role(prog, profile, known_group, field_roles=False)
    if role is None:
        return 0.0
    return 1.0 if profile.needs.index(role.need) == 0 else 0.6


def company_groups(p: CompanyProfile) -> set[str] | None:
    """The target groups the company belongs to (``None`` when nothing is known)."""
    g: set[str] = set()
    if p.org_type == "research":
        g.add("research")
    if p.org_type == "individual":
        g.add("individuals")
    if p.stage == "pre_founding":
        g |= {"founders", "startup"}
    elif p.stage == "startup":
        g.add("startup")
    if p.size_class == "large":
        g.add("large")
    elif p.size_class is not None or p.stage in ("startup", "pre_founding"):
        g.add("kmu")
    return g or None


# the share of the named bonus for each member of a programme family the user names ("Heard of EIC?", "Pro FIT")
NAMED_FAMILY = 0.5


def programme_features(prog: Programme, profile: CompanyProfile, retrieval: float, overall: str,
                       effective_status: str, named: bool = False, example: float = 0.0,
                       typical: float = 0.0, named_family: bool = False) -> dict[str, float]:
    """The features of one programme for one company; only non-zero ones are kept (the ``why``)."""
    in_field = serves_field(prog, profile.topics)
    if not in_field:
        # a programme only for another field: its text can resemble the request only by accident ("Förderung" in
        # "Filmförderung"), and it meets none of the company's needs
        retrieval = example = typical = 0.0
    f = {
        "retrieval": retrieval,
        "need": need_match(profile.needs, prog.needs) if in_field else 0.0,
        "topic": topic_match(profile.topics, prog.topics),
        "instrument": instrument_match(profile.instruments_wished, prog.instruments, profile.instruments_unwanted),
        "first_choice": first_choice_match(prog, profile),
        "example": max(0.0, example),
        "typical": max(0.0, typical),
    }
    if overall == "eligible":
        f["eligible"] = 1.0
    elif overall == "uncertain":
        f["uncertain"] = 1.0
    if profile.in_berlin and prog.level == "berlin":
        f["home_level"] = 1.0
    if prog.level in profile.levels_wished or set(prog.advises_on_levels) & set(profile.levels_wished):
        f["level_wish"] = 1.0
    if (named or named_family) and (f["need"] > 0 or f["topic"] > 0 or not profile.needs):
        # a programme the user names counts, unless it serves none of the stated needs or topics
        # ("empfiehl nur den EIC Accelerator" from a bakery that wants to save energy); a member of a family the
        # user names ("EIC", "Pro FIT") counts half
        f["named"] = 1.0 if named else NAMED_FAMILY
    if field_mismatch(profile.topics, prog.topics):
        f["field_mismatch"] = 1.0
    if profile.needs and f["need"] == 0:
        f["need_mismatch"] = 1.0
    if effective_status == "planned":
        f["planned"] = 1.0
    elif founded_first(prog, profile):
        f["later"] = 1.0  # open to the team only once it has founded: like a programme not open yet
    if set(prog.instruments) <= SUPPORT_ONLY and not ({"advice", "partners", "skills"} & set(profile.needs)):
        f["support_only"] = 1.0
    return {k: v for k, v in f.items() if v != 0 or k == "retrieval"}


class LinearScorer:
    """score = sum of weight x feature (penalties with a negative sign), see ``FEATURE_WEIGHTS``."""

    def __init__(self, w: Weights):
        self.coef = {name: sign * getattr(w, attr) for name, (attr, sign) in FEATURE_WEIGHTS.items()}

    def __call__(self, features: dict[str, float]) -> float:
        return sum(self.coef.get(k, 0.0) * v for k, v in features.items())


def group_of(item: Scored) -> int:
    """0: open and not ineligible; 1: an open umbrella fund without an application of its own (``apply_via``)
    that the user did not name; 2: closed; 3: ineligible."""
    if item.overall == "ineligible":
        return 3
    if item.effective_status == "closed":
        return 2
    if item.prog.apply_via and "named" not in item.features:
        return 1  # named by the user, it keeps its place (with "apply through ..." on its card)
    return 0


def order(items: list[Scored], w: Weights, greedy_depth: int = 20,
          wished_instruments: list[str] | None = None, wished_levels: list[str] | None = None) -> list[Scored]:
    """Group order (open, open umbrella funds, closed, ineligible), score within groups, and a greedy diversity step:
    a programme whose main instrument is already on the list loses a little, so the top is not five
    loans, unless the company asked for that instrument or for the programme's level (EU programmes are
    nearly all grants: "Welche EU-Programme passen?" wants several of them). Only the first ``greedy_depth`` places of a
    group are chosen greedily; the rest follow by score.

    (A second penalty for programmes serving an already covered need was measured and dropped:
    gold-case nDCG@10 0.652 with it, 0.680 without; consultants name the best programmes of the
    main need first.)"""
    wished = set(wished_instruments or [])
    levels = set(wished_levels or [])
    out: list[Scored] = []
    for g in (0, 1, 2, 3):
        pool = sorted((x for x in items if group_of(x) == g), key=lambda x: (-x.score, x.prog.id))
        # within one queue (same main instrument, same exemption) the penalty is the same for all, so the best of
        # a queue is its head and each greedy step compares only the heads: the same choice as comparing the
        # whole pool, in far fewer steps
        queues: dict[tuple[str, bool], list[Scored]] = {}
        for x in pool:
            primary = x.prog.instruments[0]
            queues.setdefault((primary, primary in wished or x.prog.level in levels), []).append(x)
        heads = {k: 0 for k in queues}
        used: dict[str, int] = {}
        chosen: set[int] = set()
        for _ in range(min(greedy_depth, len(pool))):
            def adjusted(k: tuple[str, bool]) -> tuple[float, str]:
                x = queues[k][heads[k]]
                penalty = 0.0 if k[1] else w.diversity_penalty * used.get(k[0], 0)
                return (-(x.score - penalty), x.prog.id)

            key = min((k for k in queues if heads[k] < len(queues[k])), key=adjusted)
            best = queues[key][heads[key]]
            heads[key] += 1
            used[key[0]] = used.get(key[0], 0) + 1
            chosen.add(id(best))
            out.append(best)
        out.extend(x for x in pool if id(x) not in chosen)
    return out
