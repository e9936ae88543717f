"""Load and validate the corpus: one YAML file per record, in folders by kind.

Every problem is reported as ``file: field: what is wrong``. Errors stop loading
(``CorpusError``); warnings (e.g. a stale ``as_of``) are returned beside the corpus.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from .errors import CorpusError
from .facts import FACTS, PLACE_FACTS
from .models import Actor, Corpus, Programme, Project, Topic
from .topic_kinds import BROAD_TOPICS

# Classes of aid a combination rule may name instead of a programme id (see ``matcher.plan.rule_matches``).
COMBINATION_CLASSES = ("any_grant", "any_state_aid", "de_minimis", "public_loan")

KIND_DIRS: dict[str, type] = {"programmes": Programme, "projects": Project, "actors": Actor}


@dataclass
class CheckReport:
    """The outcome of validating a corpus folder."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    corpus: Corpus | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


def _fmt_loc(loc: tuple) -> str:
    return ".".join(str(p) for p in loc) or "(record)"


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def _read_yaml(path: Path, root: Path, errors: list[str]) -> object | None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        errors.append(f"{_rel(path, root)}: (file): not UTF-8 text; save it as UTF-8")
        return None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as ex:
        mark = getattr(ex, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "?"
        problem = getattr(ex, "problem", None) or str(ex).splitlines()[0]
        errors.append(f"{_rel(path, root)}: (yaml): malformed YAML at {where}: {problem}")
        return None


def load_topics(root: Path, errors: list[str]) -> list[Topic]:
    path = root / "topics.yaml"
    if not path.exists():
        errors.append(f"{_rel(path, root)}: (file): missing; the topic vocabulary is required")
        return []
    data = _read_yaml(path, root, errors)
    if not isinstance(data, dict) or not isinstance(data.get("topics"), list):
        if data is not None:
            errors.append(f"{_rel(path, root)}: topics: expected a list under the key 'topics'")
        return []
    topics: list[Topic] = []
    for i, item in enumerate(data["topics"]):
        try:
            topics.append(Topic.model_validate(item))
        except ValidationError as ex:
            for e in ex.errors():
                errors.append(f"{_rel(path, root)}: topics.{i}.{_fmt_loc(e['loc'])}: {e['msg']}")
    ids = [t.id for t in topics]
    for t in topics:
        for b in t.broader:
            if b not in ids:
                errors.append(f"{_rel(path, root)}: topics.{t.id}.broader: unknown topic '{b}'")
    return topics


def check_corpus(root: Path, today: dt.date | None = None, stale_after_days: int = 365) -> CheckReport:
    """Validate every file under ``root``; never raises for bad content.

    Args:
        root: the corpus folder (with programmes/, projects/, actors/, topics.yaml).
        today: the reference date for staleness warnings (default: today).
        stale_after_days: ``as_of`` older than this is a warning.

    Returns:
        A ``CheckReport`` with errors, warnings and, when there are no errors, the corpus.
    """
    today = today or dt.date.today()
    rep = CheckReport()
    root = Path(root)
    if not root.is_dir():
        rep.errors.append(f"{root}: (folder): corpus folder not found; set MATCHER_CORPUS_DIR to the folder with programmes/, projects/, actors/")
        return rep
    topics = load_topics(root, rep.errors)
    topic_ids = {t.id for t in topics}
    records: dict[str, list] = {k: [] for k in KIND_DIRS}
    seen: dict[str, str] = {}
    digest = hashlib.sha256()
    digest.update((root / "topics.yaml").read_bytes() if (root / "topics.yaml").exists() else b"")
    for kind, model in KIND_DIRS.items():
        folder = root / kind
        if not folder.is_dir():
            rep.errors.append(f"{_rel(folder, root)}: (folder): missing folder '{kind}/'")
            continue
        for path in sorted(folder.iterdir()):
            if path.name.startswith(".") or path.is_dir():
                continue
            rel = _rel(path, root)
            if path.suffix not in (".yaml", ".yml"):
                rep.warnings.append(f"{rel}: (file): ignored, not a .yaml file")
                continue
            digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
            data = _read_yaml(path, root, rep.errors)
            if data is None:
                if path.stat().st_size == 0 or path.read_text(errors="replace").strip() == "":
                    rep.errors.append(f"{rel}: (file): empty file")
                continue
            if not isinstance(data, dict):
                rep.errors.append(f"{rel}: (record): expected a mapping of fields, got {type(data).__name__}")
                continue
            try:
                rec = model.model_validate(data)
            except ValidationError as ex:
                for e in ex.errors():
                    loc = _fmt_loc(e["loc"])
                    msg = e["msg"]
                    if e["type"] == "extra_forbidden":
                        msg = "unknown field (check the spelling; see matcher/models.py for the schema)"
                    elif e["type"] == "literal_error":
                        msg = f"{msg}; got {e.get('input')!r}"
                    rep.errors.append(f"{rel}: {loc}: {msg}")
                continue
            if path.stem != rec.id:
                rep.errors.append(f"{rel}: id: '{rec.id}' must equal the file name '{path.stem}'")
            if rec.id in seen:
                rep.errors.append(f"{rel}: id: duplicate id '{rec.id}' (also in {seen[rec.id]})")
                continue
            seen[rec.id] = rel
            for t in rec.topics:
                if t not in topic_ids:
                    rep.errors.append(f"{rel}: topics: unknown topic '{t}'; add it to topics.yaml or use one of its ids")
            roles = getattr(rec, "first_contact", [])
            for i, fc_contact in enumerate(roles):
                at = "first_contact" if len(roles) == 1 else f"first_contact.{i}"
                for t in fc_contact.topics:
                    if t not in topic_ids:
                        rep.errors.append(f"{rel}: {at}.topics: unknown topic '{t}'; use one of the ids in topics.yaml")
                for f in fc_contact.facts:
                    if f not in FACTS + PLACE_FACTS:
                        rep.errors.append(f"{rel}: {at}.facts: '{f}' is no fact the profile reads; use one of "
                                          f"{', '.join(FACTS + PLACE_FACTS)}")
                if not fc_contact.source.is_one_of(rec.sources):
                    rep.errors.append(f"{rel}: {at}.source: cite one of the record's own sources")
            for i, fc in enumerate(getattr(rec, "first_choice", [])):
                for t in fc.topics:
                    if t not in topic_ids:
                        rep.errors.append(f"{rel}: first_choice.{i}.topics: unknown topic '{t}'; use one of the ids "
                                          "in topics.yaml")
                for f in fc.with_facts:
                    if f not in FACTS:
                        rep.errors.append(f"{rel}: first_choice.{i}.with_facts: '{f}' is no fact the profile reader "
                                          f"reads; use one of {', '.join(FACTS)}")
            age = (today - rec.as_of).days
            if age > stale_after_days:
                rep.warnings.append(f"{rel}: as_of: stale, {rec.as_of.isoformat()} is {age} days old; recheck the sources")
            if rec.as_of > today:
                rep.errors.append(f"{rel}: as_of: {rec.as_of.isoformat()} lies in the future")
            records[kind].append((rel, rec))
    # cross references
    prog_ids = {r.id for _, r in records["programmes"]}
    for kind in ("projects", "actors"):
        for rel, rec in records[kind]:
            tp = rec.typical_projects
            if tp and not tp.cites_one_of(rec.sources):
                rep.errors.append(f"{rel}: typical_projects.source: '{tp.source.title}' is not among the record's sources")
            for ref in rec.related_programmes:
                if ref not in prog_ids:
                    rep.errors.append(f"{rel}: related_programmes: unknown programme id '{ref}'")
            for ref in rec.same_as:
                if ref not in seen:
                    rep.errors.append(f"{rel}: same_as: unknown record id '{ref}'")
    for rel, rec in records["programmes"]:
        for ref in rec.apply_via:
            if ref == rec.id or ref not in prog_ids:
                rep.errors.append(f"{rel}: apply_via: '{ref}' is not another programme's id")
        for k, rule in enumerate(rec.combination):
            if rule.other == rec.id:
                rep.errors.append(f"{rel}: combination.{k}.other: a programme cannot name itself")
            elif rule.other not in prog_ids and rule.other not in COMBINATION_CLASSES:
                rep.errors.append(f"{rel}: combination.{k}.other: unknown programme id '{rule.other}' "
                                  f"(or use a class: {', '.join(COMBINATION_CLASSES)})")
        el = rec.eligibility
        if el.max_employees is not None and el.min_employees is not None and el.min_employees > el.max_employees:
            rep.errors.append(f"{rel}: eligibility.min_employees: larger than max_employees")
        if (
            el.max_company_age_years is not None and el.min_company_age_years is not None
            and el.min_company_age_years > el.max_company_age_years
        ):
            rep.errors.append(f"{rel}: eligibility.min_company_age_years: larger than max_company_age_years")
        if rec.amount and rec.amount.min_eur and rec.amount.max_eur and rec.amount.min_eur > rec.amount.max_eur:
            rep.errors.append(f"{rel}: amount.min_eur: larger than amount.max_eur")
        if rec.amount and rec.amount.min_is_floor and not rec.amount.min_eur:
            rep.errors.append(f"{rel}: amount.min_is_floor: a floor needs amount.min_eur")
        if rec.field_only and set(rec.topics) & BROAD_TOPICS:
            rep.errors.append(f"{rel}: field_only: open only to its fields, so its topics must all be fields, not "
                              f"{', '.join(sorted(set(rec.topics) & BROAD_TOPICS))}")
        if rec.status == "closed" and rec.deadline is None and not rec.deadline_text:
            rep.warnings.append(f"{rel}: deadline_text: closed programme without a date or note on when it closed")
    if rep.errors:
        return rep
    rep.corpus = Corpus(
        programmes=[r for _, r in records["programmes"]],
        projects=[r for _, r in records["projects"]],
        actors=[r for _, r in records["actors"]],
        topics=topics,
        content_hash=digest.hexdigest()[:16],
    )
    return rep


def load_corpus(root: Path, today: dt.date | None = None) -> Corpus:
    """Load the corpus or raise ``CorpusError`` listing every problem."""
    rep = check_corpus(root, today=today)
    if not rep.ok:
        raise CorpusError(rep.errors)
    assert rep.corpus is not None
    return rep.corpus
