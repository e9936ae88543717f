"""The ``matcher`` command line. Errors are translated here, once, into messages and exit codes.

Exit codes: 0 ok, 1 the checked data has errors, 2 bad input or usage, 3 a service is unavailable.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import sys
from pathlib import Path

import click

from .errors import BackendUnavailable, CorpusError, InputError, MatcherError


def _settings():
    from .settings import get_settings

    return get_settings()


def _today() -> dt.date:
    from .clock import today

    return today()


@click.group(help="Förderlotse: funding programmes and MPI projects for Berlin industry.")
def cli() -> None:
    pass


# ---------------------------------------------------------------- corpus


@cli.group(help="Validate and inspect the corpus (Fördertableau, MPI projects, actors).")
def corpus() -> None:
    pass


@corpus.command("check", help="Validate every corpus file; prints 'file: field: problem' lines.")
@click.option("--dir", "corpus_dir", type=click.Path(path_type=Path), default=None,
              help="Corpus folder (default: MATCHER_CORPUS_DIR or the repo's corpus/).")
def corpus_check(corpus_dir: Path | None) -> None:
    from .corpus import check_corpus

    s = _settings()
    root = corpus_dir or s.corpus_dir
    rep = check_corpus(root, today=_today(), stale_after_days=s.stale_after_days)
    for w in rep.warnings:
        click.echo(f"warning: {w}", err=True)
    for e in rep.errors:
        click.echo(f"error: {e}", err=True)
    if not rep.ok:
        click.echo(f"{len(rep.errors)} error(s), {len(rep.warnings)} warning(s) in {root}", err=True)
        sys.exit(1)
    c = rep.corpus
    assert c is not None
    click.echo(
        f"ok: {len(c.programmes)} programmes, {len(c.projects)} projects, {len(c.actors)} actors, "
        f"{len(c.topics)} topics; {len(rep.warnings)} warning(s); content hash {c.content_hash}"
    )


@corpus.command("stats", help="Counts by kind, level, instrument and status.")
@click.option("--dir", "corpus_dir", type=click.Path(path_type=Path), default=None)
def corpus_stats(corpus_dir: Path | None) -> None:
    c = _load(corpus_dir)
    click.echo(f"programmes: {len(c.programmes)}  projects: {len(c.projects)}  actors: {len(c.actors)}")
    for title, counter in [
        ("level", collections.Counter(p.level for p in c.programmes)),
        ("instrument", collections.Counter(i for p in c.programmes for i in p.instruments)),
        ("status", collections.Counter(p.status for p in c.programmes)),
        ("project status", collections.Counter(p.status for p in c.projects)),
        ("field of action", collections.Counter(f for p in c.projects for f in p.fields_of_action)),
        ("actor kind", collections.Counter(a.actor_kind for a in c.actors)),
    ]:
        click.echo(f"\n{title}:")
        for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            click.echo(f"  {k:<28} {v}")


@corpus.command("stale", help="Records whose as_of is old or whose deadline has passed.")
@click.option("--days", type=int, default=None, help="Age in days after which as_of counts as stale (default: MATCHER_STALE_AFTER_DAYS, 365).")
@click.option("--dir", "corpus_dir", type=click.Path(path_type=Path), default=None)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per stale record.")
def corpus_stale(days: int | None, corpus_dir: Path | None, as_json: bool) -> None:
    from .staleness import stale_records

    c = _load(corpus_dir)
    days = days if days is not None else _settings().stale_after_days
    rows = stale_records(c, today=_today(), max_age_days=days)
    for r in rows:
        click.echo(json.dumps(r, ensure_ascii=False) if as_json else f"{r['file']}: {r['reason']}")
    if not as_json:
        click.echo(f"{len(rows)} stale record(s) (as_of older than {days} days or deadline passed)", err=True)


@corpus.command("audit", help="Provenance audit: official sources, dates, per-field provenance, verification. "
                               "Exits 1 when a money programme has no official source or a fact has no source.")
@click.option("--dir", "corpus_dir", type=click.Path(path_type=Path), default=None)
@click.option("--errors-only", is_flag=True, help="List only the findings that fail the audit.")
def corpus_audit(corpus_dir: Path | None, errors_only: bool) -> None:
    from collections import Counter

    from .audit import audit

    c = _load(corpus_dir)
    findings = audit(c, _today())
    for f in findings:
        if f.error or not errors_only:
            click.echo(f.line())
    errors = [f for f in findings if f.error]
    counts = Counter(f.code for f in findings)
    verified = sum(1 for p in c.programmes if p.verified_on)
    click.echo(f"{len(c.programmes)} programmes, {verified} verified against an official source; "
               f"{len(errors)} error(s), {len(findings) - len(errors)} warning(s)"
               + (": " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) if counts else ""), err=True)
    sys.exit(1 if errors else 0)


def _load(corpus_dir: Path | None):
    from .corpus import load_corpus

    try:
        return load_corpus(corpus_dir or _settings().corpus_dir, today=_today())
    except CorpusError as ex:
        click.echo(str(ex), err=True)
        sys.exit(1)


# ---------------------------------------------------------------- index


@cli.command("index", help="Build the search index if the corpus or model changed.")
@click.option("--rebuild", is_flag=True, help="Build even if the fingerprint is unchanged.")
def index_cmd(rebuild: bool) -> None:
    from .engine import get_engine

    try:
        eng = get_engine(build_progress=True, force_rebuild=rebuild)
    except MatcherError as ex:
        _fail(ex)
    info = eng.index.info()
    click.echo(json.dumps(info, ensure_ascii=False, indent=2))


# ---------------------------------------------------------------- match


@cli.command("match", help="Match a company description; with --json prints the stable JSON contract.")
@click.argument("text", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (per input line with --input).")
@click.option("--top-k", type=click.IntRange(1, 50), default=5, show_default=True)
@click.option("--input", "input_file", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="JSONL file of {\"id\": ..., \"query\": ...} lines (or '-' for stdin).")
@click.option("--profile", "profile_file", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="A JSON company profile instead of free text.")
@click.option("--show-ineligible", is_flag=True, help="Also list programmes the company cannot get.")
@click.option("--lang", type=click.Choice(["de", "en"]), default=None, help="Answer language (default: the query's).")
def match_cmd(text, as_json, top_k, input_file, profile_file, show_ineligible, lang) -> None:
    from .api import match, validate_query

    if input_file is not None:
        _match_batch(input_file, top_k=top_k, show_ineligible=show_ineligible, lang=lang)
        return
    try:
        if profile_file is not None:
            from .models import CompanyProfile

            try:
                query = CompanyProfile.model_validate_json(profile_file.read_text(encoding="utf-8"))
            except (OSError, ValueError) as ex:
                raise InputError(f"{profile_file}: not a valid profile JSON: {str(ex).splitlines()[0]}") from None
        else:
            if text is None:
                if sys.stdin is None or sys.stdin.isatty():
                    raise InputError("no company description given; pass TEXT, --input FILE.jsonl or --profile FILE.json")
                raw = sys.stdin.buffer.read()
                text = _decode(raw)
            query = validate_query(text)
        res = match(query, top_k=top_k, show_ineligible=show_ineligible, lang=lang)
    except MatcherError as ex:
        _fail(ex, as_json=as_json)
    if as_json:
        click.echo(json.dumps(res.to_json_dict(), ensure_ascii=False))
    else:
        click.echo(res.answer)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("the input is not UTF-8 text (binary data?); send plain text") from None


def _match_batch(path: Path, top_k: int, show_ineligible: bool, lang: str | None) -> None:
    from .api import match

    try:
        raw = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
    except OSError as ex:
        _fail(InputError(f"{path}: cannot read: {ex.strerror}"), as_json=True)
    text = _decode_or_fail(raw)
    bad = 0
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        rid = None
        try:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as ex:
                raise InputError(f"line {n}: not valid JSON ({ex.msg}); expected {{\"id\": ..., \"query\": ...}}") from None
            if not isinstance(obj, dict) or "query" not in obj:
                raise InputError(f"line {n}: expected an object with \"id\" and \"query\"")
            rid = obj.get("id", n)
            q = obj["query"]
            if not isinstance(q, (str, dict)):
                raise InputError(f"line {n}: \"query\" must be a string or a profile object")
            try:  # match() validates text and profile objects alike
                res = match(q, top_k=top_k, show_ineligible=show_ineligible, lang=lang, request_id=str(rid))
            except InputError as ex:
                raise InputError(f"line {n}: {ex}") from None
            click.echo(json.dumps(res.to_json_dict(), ensure_ascii=False))
        except MatcherError as ex:
            bad += 1
            click.echo(json.dumps({"id": rid, "error": str(ex), "error_type": type(ex).__name__}, ensure_ascii=False))
        sys.stdout.flush()
    if bad:
        click.echo(f"{bad} line(s) failed; see the error objects", err=True)


def _decode_or_fail(raw: bytes) -> str:
    try:
        return _decode(raw)
    except InputError as ex:
        _fail(ex, as_json=True)


def _fail(ex: Exception, as_json: bool = False):
    code = 2 if isinstance(ex, InputError) else 3 if isinstance(ex, BackendUnavailable) else 1
    if as_json:
        click.echo(json.dumps({"error": str(ex), "error_type": type(ex).__name__}, ensure_ascii=False))
    click.echo(f"error: {ex}", err=True)
    sys.exit(code)


# ---------------------------------------------------------------- consultations


@cli.group(help="Saved consultations: list them, re-run them against the current corpus.")
def consultations() -> None:
    pass


@consultations.command("list", help="Saved consultations, newest first.")
@click.option("--json", "as_json", is_flag=True)
def consultations_list(as_json: bool) -> None:
    from .store import get_store

    try:
        rows = get_store().list_consultations()
    except MatcherError as ex:
        _fail(ex)
    for r in rows:
        click.echo(json.dumps(r.model_dump(mode="json"), ensure_ascii=False) if as_json
                   else f"{r.id}  {r.created_at:%Y-%m-%d %H:%M}  {r.client_name}")


@consultations.command("recheck", help="Re-run saved consultations against the current corpus and list what changed "
                                       "(now fitting, closed, changed amounts/rates/deadlines, new calls). The saved "
                                       "consultations stay as they are; each recheck is stored beside them.")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Only consultations saved on or after this date (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per consultation.")
def consultations_recheck(since, as_json: bool) -> None:
    from .recheck import recheck_all
    from .store import get_store

    try:
        rows = recheck_all(get_store(), since=since.date() if since else None)
    except MatcherError as ex:
        _fail(ex)
    for r in rows:
        if as_json:
            click.echo(json.dumps(r, ensure_ascii=False))
            continue
        click.echo(f"{r['client_name']} ({r['consultation_id']}, saved {r['saved_at'][:10]}): "
                   f"{r['n_differences']} difference(s)")
        d = r["differences"]
        for x in d["now_fit"]:
            click.echo(f"  now fits: {x['id']}")
        for x in d["closed"]:
            click.echo(f"  closed: {x['id']} ({x['reason']})")
        for x in d["changed"]:
            click.echo(f"  changed {x['field']}: {x['id']}: {x['old']} -> {x['new']}")
        for x in d["new_calls"]:
            click.echo(f"  new call dates: {x['id']}: {', '.join(x['dates'])}")
        for x in d["removed"]:
            click.echo(f"  no longer in the corpus: {x['id']}")
    click.echo(f"{len(rows)} consultation(s) rechecked", err=True)


# ---------------------------------------------------------------- serve / eval


@cli.command("serve", help="Start the Gradio assistant (default http://127.0.0.1:7860).")
@click.option("--host", default=None, help="Bind address (default 127.0.0.1; other addresses need MATCHER_AUTH).")
@click.option("--port", type=int, default=None)
def serve_cmd(host: str | None, port: int | None) -> None:
    from ui.app import serve

    try:
        serve(host=host, port=port)
    except MatcherError as ex:
        _fail(ex)


@cli.command("eval", help="Run the gold-case evaluation and write evals/RESULTS.md.",
             context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.pass_context
def eval_cmd(ctx: click.Context) -> None:
    from evals.run import main as eval_main

    sys.exit(eval_main(list(ctx.args)))


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="matcher")


if __name__ == "__main__":
    main()
