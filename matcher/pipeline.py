"""``match`` as a pipeline of named stages over one ``MatchState``.

read profile -> retrieve -> judge eligibility -> score (-> need probabilities -> case votes -> learned score) -> order
(hand weights: with instrument diversity, then lift first answers) -> lanes (-> learned support lane) -> ecosystem
-> questions -> scope -> (compose, in ``api``). Each stage is a small function ``stage(state, engine) -> state``; a
variant of the system (an ablation, a baseline) is a different list of stages, picked by name from ``PIPELINES``,
never a flag threaded through one long function.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from . import eligibility as elig
from .case_base import default_case_base
from .ecosystem import asked_with_shown, mandate_reasons, rank_ecosystem
from .engine import Engine
from .errors import BackendUnavailable
from .learned import default_ranker, default_support_ranker, ranker_inputs, support_inputs
from .lanes import FIRST_SCREEN, advice_only, fitting_support, is_support_only, split_lanes
from .mentions import find_family_mentions, find_mentions, without_past_use
from .need_model import NeedProbs, default_need_model, keyword_need_probs
from .models import CompanyProfile, Criterion, Filters
from .rank import (
    LinearScorer,
    Scored,
    Weights,
    default_weights,
    example_affinity,
    first_choice_match,
    group_of,
    normalise_max,
    order,
    programme_features,
    select_fusion,
)
from .scope import funding_signal, greeting_only
from .staleness import effective_status

Stage = Callable[["MatchState", Engine], "MatchState"]


@dataclass
class MatchState:
    """Everything one request accumulates on its way through the stages."""

    text: str
    retrieval_text: str
    profile: CompanyProfile
    lang: str
    today: dt.date
    filters: Filters
    top_k: int = 5
    show_ineligible: bool = False
    named: set[str] = field(default_factory=set)
    dense: dict[str, float] = field(default_factory=dict)
    lexical: dict[str, float] = field(default_factory=dict)
    fused: dict[str, float] = field(default_factory=dict)
    examples: dict[str, float] = field(default_factory=dict)  # closeness of the funded examples (0..1)
    typical: dict[str, float] = field(default_factory=dict)   # closeness of the typical projects (0..1)
    typical_ecosystem: dict[str, float] = field(default_factory=dict)  # same, for MPI projects and contacts
    degraded: str | None = None
    query_vec: np.ndarray | None = None  # the request's embedding (dense retrieval), for the need model
    need_probs: NeedProbs | None = None  # how likely each need is the company's (``need_model``)
    case_votes: dict[str, float] | None = None  # how strongly similar consultations named each programme (``case_base``)
    word_votes: dict[str, float] | None = None  # the same, with the consultations found by their words
    criteria: dict[str, list[Criterion]] = field(default_factory=dict)
    candidates: list[Scored] = field(default_factory=list)
    ranked: list[Scored] = field(default_factory=list)
    chosen: list[Scored] = field(default_factory=list)
    support: list[Scored] = field(default_factory=list)
    # every support offer the lanes left for the support lane, in ranking order (``support`` is its first three)
    support_pool: list[Scored] = field(default_factory=list)
    # a support offer that is also a contact whose mandate fits the company -> that mandate (its first reason)
    support_mandates: dict[str, str] = field(default_factory=dict)
    hidden: list[Scored] = field(default_factory=list)
    projects: list = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    scope: str = "funding"  # "funding", "off_topic", "empty" or "welcome" (a greeting or "what can you do?")
    # the profile read from this message alone (``profile`` merges the earlier turns of a consultation) and
    # whether there were earlier turns: a poem asked for mid-consultation is off-topic however rich the profile
    turn_profile: CompanyProfile | None = None
    continuing: bool = False
    timings: dict[str, float] = field(default_factory=dict)


def _timed(name: str, fn: Stage) -> Stage:
    def run(state: MatchState, eng: Engine) -> MatchState:
        t = time.perf_counter()
        out = fn(state, eng)
        out.timings[name] = out.timings.get(name, 0.0) + (time.perf_counter() - t) * 1000
        return out

    run.__name__ = fn.__name__
    return run


# ---------------------------------------------------------------- retrieve

# chunks fetched from the vector index per query: all of them at this corpus size (a few ms), so every
# programme has a dense similarity, not only those whose chunks happen to be among the first few hundred
DENSE_N = 5000


def _within(scores: dict[str, float] | None, ids: frozenset[str]) -> dict[str, float]:
    return {k: v for k, v in (scores or {}).items() if k in ids}


def _without(scores: dict[str, float] | None, ids: frozenset[str]) -> dict[str, float]:
    return {k: v for k, v in (scores or {}).items() if k not in ids}


def hybrid_affinity(dense: dict[str, float] | None, lexical: dict[str, float] | None) -> dict[str, float]:
    """Closeness of a programme's funded examples (or typical projects) to the query, relative to the other
    programmes (``example_affinity``): the mean of the dense and the BM25 closeness, like retrieval itself is
    hybrid; either one alone when the other is missing (no vector index, or no shared word).
    Chosen on dev and example-CV: dense only 0.718 nDCG@10 / 0.605 CV recall@5, mean 0.726 / 0.658, max 0.720 / 0.658."""
    d = example_affinity(dense) if dense else {}
    lx = example_affinity(normalise_max(lexical)) if lexical else {}
    if not d or not lx:
        return d or lx
    return {k: 0.5 * d.get(k, 0.0) + 0.5 * lx.get(k, 0.0) for k in set(d) | set(lx)}


def make_retrieve(fusion: str) -> Stage:
    """Dense (Chroma) and/or lexical (BM25) retrieval, fused by ``fusion``."""
    fuse = select_fusion(fusion)

    def retrieve(state: MatchState, eng: Engine) -> MatchState:
        text = state.retrieval_text
        dense: dict[str, dict[str, float]] = {}
        if fusion != "lexical" and text.strip():
            qv = eng.embedder.encode_query([text[:4000]])[0]
            state.query_vec = qv
            try:
                dense = eng.index.dense_detail(qv, n=DENSE_N)
            except BackendUnavailable as ex:
                state.degraded = str(ex)
        state.dense = dense.get("text", {})
        lexical: dict[str, dict[str, float]] = {}
        if fusion != "dense":
            lexical = eng.index.lexical_detail(text)
            state.lexical = lexical["text"]
        # retrieval ranks the descriptive text only: merging in the funded examples or typical projects
        # would favour records with many of them (more chunks, a higher best match) whatever the company
        # describes; how close they are counts as a feature of its own (measured by evals.example_cv and on dev)
        state.fused = fuse(state.dense, state.lexical)
        # closeness relative to the neighbours (dense and BM25): programmes among programmes, MPI projects and
        # contacts among themselves (the ecosystem lane ranks them apart)
        progs = eng.programme_ids
        state.examples = hybrid_affinity(_within(dense.get("example"), progs), _within(lexical.get("example"), progs))
        state.typical = hybrid_affinity(_within(dense.get("typical"), progs), _within(lexical.get("typical"), progs))
        state.typical_ecosystem = hybrid_affinity(_without(dense.get("typical"), progs),
                                                  _without(lexical.get("typical"), progs))
        return state

    return retrieve



# ---------------------------------------------------------------- eligibility

def judge_eligibility(state: MatchState, eng: Engine) -> MatchState:
    """Every programme that passes the user's filters, with its per-criterion verdicts."""
    f = state.filters
    # only the levels the writer wants ("only interested in EU funding"), and the advice offers for them
    wanted = state.profile.levels_wished if state.profile.levels_exclusive and not f.levels else []
    out = []
    for prog in eng.corpus.programmes:
        if f.levels and prog.level not in f.levels:
            continue
        if wanted and prog.level not in wanted and not set(prog.advises_on_levels) & set(wanted):
            continue
        if f.instruments and not set(f.instruments) & set(prog.instruments):
            continue
        eff = effective_status(prog, state.today)
        if f.only_open and eff == "closed":
            continue
        crit = elig.check(prog, state.profile, state.lang)
        state.criteria[prog.id] = crit
        out.append(Scored(prog, 0.0, elig.overall(crit), eff,
                          rank_overall=elig.overall_for_ranking(crit, prog.eligibility.selective_facts)))
    state.candidates = out
    return state


def judge_nothing(state: MatchState, eng: Engine) -> MatchState:
    """Ablation: no eligibility rules; every programme (after filters) is a candidate."""
    state = judge_eligibility(state, eng)
    for x in state.candidates:
        x.overall, x.effective_status = "uncertain", "open"
    state.criteria = {k: [] for k in state.criteria}
    return state


# ---------------------------------------------------------------- score

def make_score(scorer) -> Stage:
    """Score every candidate from its features with ``scorer`` (hand weights or a fitted model)."""

    def score(state: MatchState, eng: Engine) -> MatchState:
        # programmes the user names, not those the company already had ("... mit Aufstiegs-BAföG gemacht")
        asked = without_past_use(state.retrieval_text)
        state.named = set(find_mentions(asked, eng.aliases))
        family = find_family_mentions(asked, eng.families, state.named)
        ret = normalise_max({p.id: state.fused.get(p.id, 0.0) for p in eng.corpus.programmes})
        for x in state.candidates:
            x.features = programme_features(x.prog, state.profile, ret.get(x.prog.id, 0.0), x.rank_overall or x.overall,
                                            x.effective_status, named=x.prog.id in state.named,
                                            named_family=x.prog.id in family,
                                            example=state.examples.get(x.prog.id, 0.0),
                                            typical=state.typical.get(x.prog.id, 0.0))
            x.score = scorer(x.features)
        return state

    return score


# a level the user asks for adds the probability's whole range (see ``make_learned_score``)
LEVEL_REQUEST_WEIGHT = 1.0


def make_need_probabilities(model) -> Stage:
    """How likely each need is the company's and its main need (``matcher.need_model``), from the request's
    embedding and the needs read by keyword, for the learned ranker. Without a model fitted for this engine's
    embedder, or without an embedding (lexical retrieval), the keyword reading stands in."""

    def need_probabilities(state: MatchState, eng: Engine) -> MatchState:
        if model is not None and state.query_vec is not None and model.fits(eng.embedder):
            state.need_probs = model.predict(state.query_vec, state.profile.needs)
        return state

    return need_probabilities


def make_case_votes(case_base) -> Stage:
    """How strongly the dev consultations most similar to the request named each programme (``matcher.case_base``),
    for the learned ranker: the consultations nearest by embedding and those nearest by words. Without a case base
    built with this engine's embedder, or without an embedding (lexical retrieval), the embedding votes stay
    unknown; the word votes need no embedder."""

    def case_votes(state: MatchState, eng: Engine) -> MatchState:
        if case_base is None:
            return state
        if state.query_vec is not None and case_base.fits(eng.embedder):
            state.case_votes = case_base.votes(state.query_vec)
        state.word_votes = case_base.word_votes(state.retrieval_text)
        return state

    return case_votes


def make_learned_score(ranker, w: Weights | None = None) -> Stage:
    """Blend each candidate's linear score with the learned ranker's probability (``matcher.learned``):
    score = blend x (probability + request) + (1 - blend) x linear score. The features, the ``why``, stay.

    What the user asks for outright is a request the gold cases hardly teach the trees. A programme the user names
    adds the named bonus of the linear score (``w``) once more. A level the user asks for ("Welche EU-Programme
    passen?") adds ``LEVEL_REQUEST_WEIGHT``: only 3 % of the dev cases' must programmes are EU programmes, so the
    trees place them far below the usual Berlin and federal first answers, and a bonus of the linear score's size
    would leave them there. (A full weight for named programmes as well lowered dev CV nDCG@10 0.753 -> 0.751:
    clients also name programmes that are wrong for them.)"""
    w = w or Weights()

    def learned_score(state: MatchState, eng: Engine) -> MatchState:
        if not state.candidates:
            return state
        # without a need model the keyword reading stands in: built once per request, not once per candidate
        probs = state.need_probs or keyword_need_probs(state.profile.needs)
        p = ranker.predict(np.asarray([ranker_inputs(x.features, x.prog, state.profile, probs, state.case_votes,
                                                     state.word_votes) for x in state.candidates]))
        for x, pr in zip(state.candidates, p, strict=True):
            asked = w.named_bonus * x.features.get("named", 0.0) + LEVEL_REQUEST_WEIGHT * x.features.get("level_wish", 0.0)
            x.learned = float(pr)
            x.score = ranker.blend * (float(pr) + asked) + (1.0 - ranker.blend) * x.score
        return state

    return learned_score


def score_retrieval(state: MatchState, eng: Engine) -> MatchState:
    """Ablation: the fused retrieval score alone."""
    ret = normalise_max({p.id: state.fused.get(p.id, 0.0) for p in eng.corpus.programmes})
    for x in state.candidates:
        x.score = ret.get(x.prog.id, 0.0)
        x.features = {"retrieval": x.score}
    return state


# ---------------------------------------------------------------- order

def make_order(w: Weights) -> Stage:
    """Open before closed before ineligible; by score within a group, with instrument diversity."""

    def order_grouped(state: MatchState, eng: Engine) -> MatchState:
        state.ranked = order(state.candidates, w, wished_instruments=state.profile.instruments_wished,
                             wished_levels=state.profile.levels_wished)
        return state

    return order_grouped


SUPPORT_LANE = 3  # support offers shown beside the money

MAX_LIFTED = 1  # chosen on dev (0, 1, 2 lifted: nDCG@10 0.689, 0.699, 0.698; recall@5 0.860, 0.876, 0.860)


def first_answers_up(state: MatchState, eng: Engine) -> MatchState:
    """A consultant's first answer for the company's main need (``first_choice`` 1.0: the record names
    this need and the company's known group) is shown on the first screen. If the ranking put it below the first
    five programmes of the money lane, the best-placed such programme takes the fifth place (``MAX_LIFTED``), and
    the programmes it passes move down. Only open, not ineligible, not merely planned programmes. Only for the
    hand-weighted score (see ``ordering_stages``)."""
    support_in_lane = advice_only(state.profile)
    in_lane = [x for x in state.ranked if support_in_lane or not is_support_only(x)]
    movers = [x for x in in_lane[FIRST_SCREEN:]
              if x.features.get("first_choice", 0.0) >= 1.0 and group_of(x) == 0 and x.effective_status != "planned"
              and first_choice_match(x.prog, state.profile, known_group=True) >= 1.0][:MAX_LIFTED]
    if movers:
        # identity, not equality: Scored items compare field by field, which is slow and not what is meant
        lane_ids, mover_ids = {id(x) for x in in_lane}, {id(x) for x in movers}
        keep = FIRST_SCREEN - len(movers)
        rest = [x for x in in_lane[keep:] if id(x) not in mover_ids]
        others = [x for x in state.ranked if id(x) not in lane_ids]
        state.ranked = in_lane[:keep] + movers + rest + others
    return state


def order_by_score(state: MatchState, eng: Engine) -> MatchState:
    """Ablation: score order only."""
    state.ranked = sorted(state.candidates, key=lambda x: (-x.score, x.prog.id))
    return state


# ---------------------------------------------------------------- lanes, ecosystem, questions, scope

def visible_programmes(state: MatchState, eng: Engine) -> MatchState:
    """No lanes (ablation and baselines): every visible programme in one list."""
    visible = [x for x in state.ranked if x.overall != "ineligible" or state.show_ineligible]
    state.hidden = [x for x in state.ranked if x.overall == "ineligible"]
    state.chosen = visible[: state.top_k]
    return state


def money_and_support_lanes(state: MatchState, eng: Engine) -> MatchState:
    """Money programmes for funding questions; support offers in their own lane (see ``lanes``)."""
    visible = [x for x in state.ranked if x.overall != "ineligible" or state.show_ineligible]
    state.hidden = [x for x in state.ranked if x.overall == "ineligible"]
    main, support = split_lanes(visible, state.profile)
    state.chosen = main[: state.top_k]
    state.support_pool = support
    state.support = fitting_support(support)[:SUPPORT_LANE]
    return state


def make_learned_support(ranker) -> Stage:
    """Choose the support lane's offers by the support ranker's probability (``matcher.learned.support_inputs``)
    instead of the hand order of ``lanes.fitting_support``, which takes the best-ranked offers that serve a need
    the record lists. The trees learn from the dev cases which offers consultants name beside the money, from the
    offer's rank features and the needs it serves against the company's: Berlin Partner is often named for an R&D or
    founding question although its record lists other needs; a specific offer (energy advice, a digitalisation
    centre) when the company's main need is its own. 5-fold CV on dev, each fold's lane chosen by trees fitted on
    the other folds: recall@5 0.863 -> 0.869, nDCG@10 0.760 -> 0.763 (``evals.fit --ranker``)."""

    def learned_support(state: MatchState, eng: Engine) -> MatchState:
        pool = state.support_pool
        if not pool:
            return state
        p = ranker.predict(np.asarray([support_inputs(x.features, x.prog, state.profile) for x in pool]))
        best = sorted(range(len(pool)), key=lambda i: (-p[i], i))[:SUPPORT_LANE]
        state.support = [pool[i] for i in best]
        return state

    return learned_support


def ecosystem(state: MatchState, eng: Engine) -> MatchState:
    """MPI projects and Berlin contacts that already work on the company's topic."""
    shown_levels = [x.prog.level for x in state.chosen[:5]]
    state.projects = rank_ecosystem(eng, state.fused, state.profile, [x.prog.id for x in state.chosen],
                                    state.lang, [x.prog.id for x in state.support], typical=state.typical_ecosystem,
                                    shown_levels=shown_levels)
    offers = [*state.support, *(x for x in state.chosen if is_support_only(x))]
    if offers:
        # the contact card of such an offer (in the support lane, or among the programmes when advice was asked for)
        # is skipped as a duplicate, so the offer's card carries its mandate
        mandates = mandate_reasons([*eng.corpus.projects, *eng.corpus.actors],
                                   asked_with_shown(state.profile, shown_levels), state.lang)
        state.support_mandates = {x.prog.id: mandates[x.prog.id] for x in offers if x.prog.id in mandates}
    return state


def questions(state: MatchState, eng: Engine) -> MatchState:
    """Follow-up questions for the facts that decide the shown programmes' eligibility."""
    state.questions = elig.follow_up_questions(
        [state.criteria.get(x.prog.id, []) for x in state.chosen], state.profile, state.lang)
    return state


def scope(state: MatchState, eng: Engine) -> MatchState:
    """A message with no company, need, topic or programme in it gets no programme list. Judged on the message
    itself: in a running consultation the profile of the earlier turns would make any message look on-topic."""
    own_named = set(find_mentions(state.text, eng.aliases)) if state.continuing else state.named
    # a first message that only greets or asks what the assistant does ("Hallo, wie funktioniert das?") gets a
    # welcome, although "wie funktioniert" alone reads as a wish for advice
    greeting = greeting_only(state.text)
    if (greeting and not state.continuing) or not funding_signal(state.text, state.turn_profile or state.profile, own_named):
        state.scope = "welcome" if greeting else "empty" if len(state.text.split()) <= 3 else "off_topic"
        state.chosen, state.support, state.hidden, state.projects = [], [], [], []
        state.questions = elig.basic_questions(state.lang, state.profile)
    return state


# ---------------------------------------------------------------- named pipelines

def ordering_stages(w: Weights, support_ranker=None, learned: bool = False) -> list[Stage]:
    """From scores to what is shown: order, split the lanes, and with ``support_ranker`` choose the support lane by
    it (also used by ``evals.fit``, which re-runs only these for each weight vector or ranker).

    The hand-weighted score is ordered with the instrument diversity step and lifts a consultant's first answer
    onto the first screen (``first_answers_up``). A ``learned`` score (the ranker, with the votes of similar
    consultations among its inputs) is ordered by score within the groups: it learned from the consultants' lists,
    which often name two or three grants, and both hand steps only displaced its choices. 5-fold CV on dev,
    recall@5 / nDCG@10: with both 0.911 / 0.808, without the lift 0.922 / 0.810, without both 0.927 / 0.814;
    measured once on the locked test part 0.837 / 0.756, 0.843 / 0.756, 0.845 / 0.760 and on the real companies
    0.852 / 0.684, 0.877 / 0.688, 0.877 / 0.695."""
    lanes = [money_and_support_lanes, *([make_learned_support(support_ranker)] if support_ranker is not None else [])]
    if learned:
        return [make_order(replace(w, diversity_penalty=0.0)), *lanes]
    return [make_order(w), first_answers_up, *lanes]


def full_pipeline(weights: Weights | None = None, scorer=None, fusion: str = "rrf", ranker=None,
                  support_ranker=None, need_model=None, case_base=None) -> list[Stage]:
    """The product: with ``ranker`` (a ``matcher.learned.TreeRanker``) its probability is blended into the score,
    with the need probabilities of ``need_model`` and the votes of ``case_base`` among its inputs; with
    ``support_ranker`` the support lane is chosen by that one."""
    w = weights or Weights()
    learned = ([make_need_probabilities(need_model), make_case_votes(case_base), make_learned_score(ranker, w)]
               if ranker is not None else [])
    scoring = [make_score(scorer or LinearScorer(w)), *learned]
    ordering = ordering_stages(w, support_ranker, learned=ranker is not None)
    return [make_retrieve(fusion), judge_eligibility, *scoring, *ordering, ecosystem, questions, scope]


def rules_pipeline(fusion: str = "rrf") -> list[Stage]:
    """Hybrid retrieval + eligibility rules, no profile scoring and no lanes."""
    return [make_retrieve(fusion), judge_eligibility, score_retrieval, make_order(Weights(diversity_penalty=0)),
            visible_programmes, ecosystem, scope]


def retrieval_pipeline(fusion: str) -> list[Stage]:
    """Retrieval only: no rules, no profile scoring, no lanes."""
    return [make_retrieve(fusion), judge_nothing, score_retrieval, order_by_score, visible_programmes,
            ecosystem, scope]


def product_pipeline(case_base=None) -> list[Stage]:
    """The product: the full pipeline with the shipped weights, rankers, need model and case base (``case_base``
    replaces the shipped one, e.g. with a case left out for its own evaluation)."""
    return full_pipeline(default_weights(), ranker=default_ranker(), support_ranker=default_support_ranker(),
                         need_model=default_need_model(),
                         case_base=case_base if case_base is not None else default_case_base())


PIPELINES: dict[str, Callable[[], list[Stage]]] = {
    "full": product_pipeline,
    "full-hand": lambda: full_pipeline(default_weights()),
    "hybrid+rules": rules_pipeline,
    "hybrid": lambda: retrieval_pipeline("rrf"),
    "convex": lambda: retrieval_pipeline("convex"),
    "dense": lambda: retrieval_pipeline("dense"),
    "lexical": lambda: retrieval_pipeline("lexical"),
}


def select_pipeline(name: str) -> list[Stage]:
    if name not in PIPELINES:
        raise ValueError(f"unknown pipeline '{name}'; choose one of: {', '.join(sorted(PIPELINES))}")
    return PIPELINES[name]()


def run(stages: list[Stage], state: MatchState, eng: Engine) -> MatchState:
    for st in stages:
        state = _timed(st.__name__, st)(state, eng)
    return state
