"""The public API: ``match(text_or_profile) -> MatchResult``. UI, CLI and evals call only this."""

from __future__ import annotations

import logging
import time
from collections import Counter

from . import eligibility as elig
from .answer import compose, programme_reasons
from .clock import today as _today
from .engine import Engine, get_engine
from .errors import BackendUnavailable, InputError
from .mentions import find_mentions
from .models import CompanyProfile, Filters, MatchResult, Programme, ProgrammeHit, ProjectHit
from .profile import complete_profile, extract_profile, merge_profiles
from .rank import Scored, Weights, normalise_max, order, programme_score, select_fusion, topic_match
from .staleness import effective_status
from .text import clean

log = logging.getLogger(__name__)

MAX_CHARS = 20_000


def validate_query(text: object) -> str:
    """Reject unusable input with a clear message; return the cleaned text.

    Raises:
        InputError: empty, whitespace only, over 20,000 characters, or binary.
    """
    if not isinstance(text, str):
        raise InputError("the query must be text")
    if "\x00" in text or sum(1 for ch in text[:2000] if ord(ch) < 32 and ch not in "\n\r\t") > 20:
        raise InputError("the input looks like binary data; send the company description as plain text")
    if len(text) > MAX_CHARS:
        raise InputError(f"the description has {len(text):,} characters; the limit is {MAX_CHARS:,}. "
                         "Please shorten it to the essentials (size, location, project, need).")
    cleaned = clean(text)
    if not cleaned:
        raise InputError("the description is empty; describe the company (size, location, project, need)")
    return cleaned


def topic_labels(lang: str = "de") -> dict[str, str]:
    """Every topic id of the vocabulary with its label in ``lang`` (for profile editors and exports)."""
    eng = get_engine()
    return {t.id: (t.label_de if lang == "de" else t.label_en) for t in eng.corpus.topics}


def _query_from_profile(p: CompanyProfile, eng: Engine) -> str:
    labels = {t.id: t for t in eng.corpus.topics}
    words = [labels[t].label_de for t in p.topics if t in labels]
    from .answer import need_label

    words += [need_label(n, "de") for n in p.needs]
    return " ".join(words)


def match(query: str | CompanyProfile | dict, top_k: int = 5, filters: Filters | dict | None = None,
          show_ineligible: bool = False, lang: str | None = None, request_id: str | None = None,
          previous_profile: CompanyProfile | None = None, context: str | None = None,
          fusion: str = "rrf", use_rules: bool = True, weights: Weights | None = None,
          engine: Engine | None = None, refine_profile=None) -> MatchResult:
    """Rank programmes and MPI projects/actors for a company.

    Args:
        query: the company's free text (German or English), or a ``CompanyProfile`` (or its dict).
        top_k: programmes to return (projects/actors: up to 5).
        filters: levels, instruments, only_open.
        show_ineligible: also return programmes the company cannot get (after all others).
        lang: answer language; default the query's language.
        request_id: echoed in the result (batch mode).
        previous_profile: the profile of earlier chat turns; the new text refines it.
        context: earlier user messages, used for retrieval together with ``query``.
        fusion: retrieval fusion ('rrf', 'convex', 'dense', 'lexical').
        use_rules: False turns eligibility rules and profile scoring off (ablation).
        weights: scoring weights (default ``Weights()``).
        engine: an explicit engine (default: the process-wide one).
        refine_profile: optional ``f(text, profile) -> profile`` that fills facts the deterministic
            extractor left unknown (``matcher.llm.get_profile_refiner``); it must never raise.

    Returns:
        A ``MatchResult``; "no good match" is a result with ``message`` set, not an exception.

    Example:
        >>> r = match("Wir recyceln Kunststoff, 40 MA, Berlin, wollen mit der TU eine Sortieranlage entwickeln")
        >>> r.programmes[0].id
        'pro-fit-projektfinanzierung'
    """
    t0 = time.perf_counter()
    timings: dict[str, float] = {}
    eng = engine or get_engine()
    timings["load"] = (time.perf_counter() - t0) * 1000
    today = _today(eng.settings)
    w = weights or Weights()
    if isinstance(filters, dict):
        filters = Filters.model_validate(filters)
    filters = filters or Filters()

    t = time.perf_counter()
    if isinstance(query, dict):
        try:
            query = CompanyProfile.model_validate(query)
        except ValueError as ex:
            raise InputError(f"invalid profile: {str(ex).splitlines()[0]}") from None
    if isinstance(query, CompanyProfile):
        profile = complete_profile(query)
        text = _query_from_profile(profile, eng)
    else:
        text = validate_query(query)
        profile = extract_profile(text, eng.corpus.topics, today=today)
        if refine_profile is not None:
            profile = refine_profile(text, profile)
        if previous_profile is not None:
            profile = merge_profiles(previous_profile, profile)
    out_lang = lang or profile.lang
    retrieval_text = f"{context}\n{text}" if context else text
    timings["profile"] = (time.perf_counter() - t) * 1000

    # retrieval
    t = time.perf_counter()
    degraded = None
    dense: dict[str, float] = {}
    if fusion != "lexical" and retrieval_text.strip():
        qv = eng.embedder.encode([retrieval_text[:4000]])[0]
        timings["embed"] = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        try:
            dense = eng.index.dense(qv, n=300)
        except BackendUnavailable as ex:
            degraded = str(ex)
            log.warning("dense retrieval unavailable, answering from the lexical index: %s", ex)
    lexical = eng.index.lexical_scores(retrieval_text) if fusion != "dense" else {}
    fused = select_fusion(fusion)(dense, lexical)
    timings["retrieve"] = (time.perf_counter() - t) * 1000

    # rules and ranking
    t = time.perf_counter()
    named = set(find_mentions(retrieval_text, eng.aliases))
    has_signal = bool(profile.topics or profile.needs or lexical or named)
    prog_ret = normalise_max({p.id: fused.get(p.id, 0.0) for p in eng.corpus.programmes})
    scored: list[Scored] = []
    crit_map = {}
    for prog in eng.corpus.programmes:
        if filters.levels and prog.level not in filters.levels:
            continue
        if filters.instruments and not set(filters.instruments) & set(prog.instruments):
            continue
        eff = effective_status(prog, today)
        if filters.only_open and eff == "closed":
            continue
        if use_rules:
            criteria = elig.check(prog, profile, out_lang)
            ov = elig.overall(criteria)
            s, feats = programme_score(prog, profile, prog_ret.get(prog.id, 0.0), ov, eff, w, named=prog.id in named)
        else:
            criteria, ov = [], "uncertain"
            s, feats = prog_ret.get(prog.id, 0.0), {"retrieval": prog_ret.get(prog.id, 0.0)}
            eff_for_order = "open"
        crit_map[prog.id] = criteria
        item = Scored(prog, s, ov, eff, feats)
        if not use_rules:
            item.effective_status = eff_for_order
        scored.append(item)
    ranked = order(scored, w, wished_instruments=profile.instruments_wished) if use_rules else sorted(scored, key=lambda x: (-x.score, x.prog.id))
    visible = [x for x in ranked if x.overall != "ineligible"]
    hidden = [x for x in ranked if x.overall == "ineligible"]
    if show_ineligible:
        visible = ranked
    chosen = visible[:top_k] if has_signal else []

    topic_labels = {tp.id: (tp.label_de, tp.label_en) for tp in eng.corpus.topics}
    prog_hits = [_hit(x, crit_map[x.prog.id], profile, out_lang, topic_labels) for x in chosen]
    hidden_hits = [_hit(x, crit_map[x.prog.id], profile, out_lang, topic_labels) for x in hidden[:10]] if has_signal else []
    projects = _rank_projects(eng, fused, profile, [h.id for h in prog_hits], out_lang, topic_labels) if has_signal else []
    questions = _questions(prog_hits, profile, out_lang) if use_rules else []
    timings["rank"] = (time.perf_counter() - t) * 1000

    message = _named_notes(named, scored, crit_map, out_lang) if use_rules else None
    if not has_signal:
        message = (f"{message} " if message else "") + ("Ich konnte in Ihrer Nachricht noch kein Vorhaben oder Förderthema erkennen. Beschreiben Sie bitte "
                   "Ihr Unternehmen (Branche, Größe, Standort) und was Sie vorhaben."
                   if out_lang == "de" else
                   "I could not find a project or funding topic in your message yet. Please describe your company "
                   "(sector, size, location) and what you plan to do.")
        if not questions:
            questions = _basic_questions(out_lang)
    if profile.unsupported_language:
        note = ("Hinweis: Ich antworte auf Deutsch oder Englisch." if out_lang == "de"
                else "Note: I answer in German or English.")
        message = f"{note} {message or ''}".strip()
    if degraded:
        note = ("Hinweis: Die semantische Suche ist gerade nicht erreichbar; die Treffer beruhen auf Stichworten und Regeln."
                if out_lang == "de" else
                "Note: semantic search is unavailable right now; results rest on keywords and rules.")
        message = f"{note} {message or ''}".strip()

    t = time.perf_counter()
    data_as_of = max((r.as_of for r in eng.corpus.programmes), default=None)
    answer, cites = compose(profile, prog_hits, projects, questions, out_lang, topic_labels, message, data_as_of)
    timings["answer"] = (time.perf_counter() - t) * 1000
    timings["total"] = (time.perf_counter() - t0) * 1000
    return MatchResult(
        id=request_id, lang=out_lang, profile=profile, programmes=prog_hits, hidden_ineligible=hidden_hits,
        projects=projects, questions=questions, answer=answer, citations=cites, message=message,
        data_as_of=data_as_of, timings_ms=timings,
    )


def _named_notes(named: set[str], scored: list[Scored], crit_map, lang: str) -> str | None:
    """A sentence for each programme the user asked about that is closed or out of reach."""
    de = lang == "de"
    notes = []
    for x in sorted(scored, key=lambda x: x.prog.id):
        if x.prog.id not in named:
            continue
        if x.effective_status == "closed":
            when = f" ({x.prog.deadline_text})" if x.prog.deadline_text else ""
            notes.append(f"„{x.prog.name}“ ist derzeit geschlossen{when}; unten stehen offene Alternativen."
                         if de else f"“{x.prog.name}” is currently closed{when}; open alternatives are listed below.")
        elif x.overall == "ineligible":
            why = "; ".join(c.reason for c in crit_map[x.prog.id] if c.verdict == "violated")
            notes.append(f"„{x.prog.name}“ passt nicht: {why}." if de else f"“{x.prog.name}” does not fit: {why}.")
        elif x.effective_status == "planned":
            notes.append(f"„{x.prog.name}“ ist angekündigt, aber noch nicht geöffnet." if de
                         else f"“{x.prog.name}” is announced but not open yet.")
    return " ".join(notes) or None


def _hit(x: Scored, criteria, profile: CompanyProfile, lang: str, topic_labels) -> ProgrammeHit:
    p: Programme = x.prog
    de = lang == "de"
    ok = [c.reason for c in criteria if c.verdict == "fulfilled"]
    reasons = programme_reasons(x.features, p.needs, p.topics, profile, p.instruments, ok, lang, topic_labels)
    if "named" in x.features:
        reasons.insert(0, "Von Ihnen genannt" if de else "You asked about this programme")
    if x.effective_status == "closed":
        reasons.insert(0, "Programm ist geschlossen – nur zur Information" if de else "Programme is closed – for information only")
    amount = None
    if p.amount:
        amount = p.amount.text_de if de or not p.amount.text_en else p.amount.text_en
    return ProgrammeHit(
        id=p.id, name=p.name, provider=p.provider, level=p.level, instruments=p.instruments, score=x.score,
        eligibility=x.overall, criteria=criteria, reasons=reasons, status=p.status,
        effective_status=x.effective_status if x.effective_status in ("rolling", "open", "call-based", "planned", "closed") else p.status,
        deadline=p.deadline, deadline_text=p.deadline_text, amount=amount, funding_rate=p.funding_rate,
        summary=p.summary_de if de else p.summary_en, sources=p.sources, as_of=p.as_of,
        why={k: round(v, 4) for k, v in x.features.items()},
    )


def _rank_projects(eng: Engine, fused: dict[str, float], profile: CompanyProfile, top_prog_ids: list[str],
                   lang: str, topic_labels, k: int = 5) -> list[ProjectHit]:
    de = lang == "de"
    recs = [*eng.corpus.projects, *eng.corpus.actors]
    ret = normalise_max({r.id: fused.get(r.id, 0.0) for r in recs})
    scored = []
    for r in recs:
        tm = topic_match(profile.topics, r.topics)
        if tm == 0 and ret.get(r.id, 0.0) < 0.5:
            continue  # neither a shared topic nor close in content: not worth a consultant's call
        s = 0.55 * ret.get(r.id, 0.0) + 0.35 * tm
        if r.kind == "project":
            s += 0.08 if r.status == "running" else 0.0
        else:
            s += 0.1 * (1.0 if set(r.needs) & set(profile.needs) else 0.0)
        if set(r.related_programmes) & set(top_prog_ids):
            s += 0.08
        scored.append((s, r))
    scored.sort(key=lambda sr: (-sr[0], sr[1].id))
    # at most 3 projects and at least one contact among the first five when any fits
    projects = [sr for sr in scored if sr[1].kind == "project"][:3]
    actors = [sr for sr in scored if sr[1].kind == "actor"][: k - len(projects)]
    chosen = sorted(projects + actors, key=lambda sr: (-sr[0], sr[1].id))[:k]
    out = []
    for s, r in chosen:
        topics = [topic_labels[t][0 if de else 1] for t in r.topics if t in profile.topics and t in topic_labels]
        if topics:
            why = ("Arbeitet zu " if de else "Works on ") + ", ".join(topics[:3]) + "."
        else:
            why = "Inhaltlich nah an Ihrem Vorhaben." if de else "Close in content to your plans."
        out.append(ProjectHit(
            id=r.id, name=r.name, kind=r.kind, score=s, why=why,
            status=getattr(r, "status", None), offer=r.offer_de if de else r.offer_en,
            contact=r.contact, sources=r.sources, as_of=r.as_of,
        ))
    return out


def _questions(hits: list[ProgrammeHit], profile: CompanyProfile, lang: str) -> list[str]:
    i = 0 if lang == "de" else 1
    counts: Counter[str] = Counter()
    for h in hits:
        for c in h.criteria:
            if c.verdict == "unknown" and c.rule in elig.QUESTIONS:
                counts[c.rule] += 1
    qs = list(dict.fromkeys(elig.QUESTIONS[rule][i] for rule, _n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))))
    if not profile.needs:
        qs.append("Was genau möchten Sie finanzieren oder erreichen (z. B. Entwicklung, Investition, Personal)?"
                  if i == 0 else "What exactly do you want to finance or achieve (e.g. development, investment, staff)?")
    return qs[:4]


def _basic_questions(lang: str) -> list[str]:
    rules = ("employees", "location", "company_age")
    return [elig.QUESTIONS[r][0 if lang == "de" else 1] for r in rules]
