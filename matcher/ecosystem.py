"""The lane "who in Berlin already works on this": MPI projects and actors (networks, advice points,
places), ranked by content and topic, each real offer shown once."""

from __future__ import annotations

from .models import CompanyProfile, ProjectHit
from .rank import normalise_max, topic_match


HUB_BONUS = 0.1
# closeness of the requests a consultant would send to the offer (``typical_projects``); chosen on dev
# (0, 0.1, 0.2, 0.3: projects recall@5 0.793, 0.804, 0.838, 0.838)
TYPICAL_WEIGHT = 0.2
# a contact whose own mandate makes it the first address for one of the company's fields (``first_contact``:
# the KEK for energy efficiency, the EEN for going abroad); chosen on dev (0, 0.1, 0.2, 0.3, 0.4, 0.6: projects
# recall@5 0.785, 0.784, 0.797, 0.811, 0.817, 0.821; the gain flattens above 0.4)
FIRST_CONTACT_BONUS = 0.4


def is_hub(r) -> bool:
    """A project that companies can turn to (a network, competence hub, advice or qualification offer),
    as opposed to a funded consortium of named companies with no open offer."""
    return bool({"kommunikation_vernetzung", "kompetenzen"} & set(r.fields_of_action)
                or {"advice", "networking"} & set(r.topics))


def contact_roles(r) -> list:
    """The first-contact roles of a record (``first_contact``: none, one, or one per mandate)."""
    fc = getattr(r, "first_contact", None)
    if fc is None:
        return []
    return list(fc) if isinstance(fc, (list, tuple)) else [fc]


def _fields_of(fc, profile: CompanyProfile) -> list[str]:
    return ([t for t in profile.topics if t in fc.topics] + [lv for lv in profile.levels_wished if lv in fc.levels]
            + [n for n in profile.needs if n in fc.needs] + [f for f in fc.facts if profile.facts.get(f)]
            + ([profile.org_type] if profile.org_type in fc.org_types else [])
            + [pl for pl in profile.places if pl in fc.places])


def first_contact_for(r, profile: CompanyProfile) -> list[str]:
    """The company's topics, wished programme levels, needs, yes/no facts and kind of organisation for which ``r``
    is the first contact by its own mandate (any of its ``first_contact`` roles)."""
    return [x for fc in contact_roles(r) for x in _fields_of(fc, profile)]


def first_contact_role(r, profile: CompanyProfile):
    """The first of ``r``'s first-contact roles that fits the company (its reason is shown), or ``None``."""
    return next((fc for fc in contact_roles(r) if _fields_of(fc, profile)), None)


def offer_groups(records) -> dict[str, set[str]]:
    """Each id of a project, actor or record named in their ``same_as`` -> the ids of the same real offer
    (itself included): the IBB and its funding advice line, an MPI project that is also an actor."""
    groups: dict[str, set[str]] = {}
    for r in records:
        g = {r.id, *r.same_as}
        for i in list(g):
            g |= groups.get(i, set())
        for i in g:
            groups[i] = g
    return groups


def asked_with_shown(profile: CompanyProfile, shown_levels=()) -> CompanyProfile:
    """The profile with the EU level of a programme shown (``shown_levels``: the levels of the first programmes)
    counted as asked for: an EU call on the shortlist makes the EU advice point the contact for it, whether or not
    the company named the EU."""
    if "eu" not in shown_levels:
        return profile
    return profile.model_copy(update={"levels_wished": list(dict.fromkeys([*profile.levels_wished, "eu"]))})


def mandate_reasons(records, profile: CompanyProfile, lang: str) -> dict[str, str]:
    """Each id (and ``same_as``) of a project or contact that is the company's first address by its own mandate ->
    the reason of that mandate. A support offer that is the same real offer (Berlin Partner as an advice offer and as
    the contact running the Business Immigration Service) gives it as its first reason."""
    out: dict[str, str] = {}
    for r in records:
        role = first_contact_role(r, profile)
        if role is not None:
            for i in (r.id, *r.same_as):
                out.setdefault(i, role.reason_de if lang == "de" else role.reason_en)
    return out


MAX_PROJECTS = 3


def choose_offers(scored: list[tuple[float, object]], seen: set[str], k: int) -> list[tuple[float, object]]:
    """The best ``k`` of ``scored`` (sorted best first), at most ``MAX_PROJECTS`` projects, each real offer once.

    An offer already in ``seen`` (or ``same_as`` one there) is skipped. A project that finds the project places
    full does not use up its offer: the same offer as a contact (the KEK is an MPI project and a contact) may
    still be shown among the contacts."""
    seen = set(seen)
    projects, actors = [], []
    for s, r in scored:
        if r.id in seen or set(r.same_as) & seen:
            continue
        if r.kind == "project":
            if len(projects) >= MAX_PROJECTS:
                continue
            projects.append((s, r))
        else:
            actors.append((s, r))
        seen |= {r.id, *r.same_as}
    actors = actors[: k - len(projects)]
    return sorted(projects + actors, key=lambda sr: (-sr[0], sr[1].id))[:k]


def rank_ecosystem(eng, fused: dict[str, float], profile: CompanyProfile, top_prog_ids: list[str],
                   lang: str, shown_elsewhere: list[str] = (), k: int = 5,
                   typical: dict[str, float] | None = None, shown_levels: list[str] = ()) -> list[ProjectHit]:
    """Up to ``k`` projects and contacts; at most 3 projects, at least one contact when any fits.

    A record that is ``same_as`` one already shown (here or among the programmes in
    ``shown_elsewhere``/``top_prog_ids``) is skipped, so no offer appears twice under two kinds."""
    de = lang == "de"
    topic_labels = {t.id: (t.label_de, t.label_en) for t in eng.corpus.topics}
    recs = [*eng.corpus.projects, *eng.corpus.actors]
    ret = normalise_max({r.id: fused.get(r.id, 0.0) for r in recs})
    typical = typical or {}
    as_asked = asked_with_shown(profile, shown_levels)
    scored = []
    firsts: dict[str, list[str]] = {}
    for r in recs:
        tm = topic_match(profile.topics, r.topics)
        ty = typical.get(r.id, 0.0)
        first = firsts[r.id] = first_contact_for(r, as_asked)
        if tm == 0 and ty < 0.5 and not first:
            # neither a shared topic, nor close to the requests it serves, nor its mandate: not worth a consultant's
            # call, however near its description (the nearest record always is, relative to the others; dev projects
            # recall unchanged, and a bakery replacing ovens no longer gets a timber-construction consortium)
            continue
        s = 0.55 * ret.get(r.id, 0.0) + 0.35 * tm + TYPICAL_WEIGHT * ty
        if r.kind == "project":
            s += 0.08 if r.status == "running" else 0.0
            s += HUB_BONUS if r.status == "running" and is_hub(r) else 0.0
        else:
            s += 0.1 * (1.0 if set(r.needs) & set(profile.needs) else 0.0)
        if set(r.related_programmes) & set(top_prog_ids):
            s += 0.08
        if first:
            s += FIRST_CONTACT_BONUS
        scored.append((s, r))
    scored.sort(key=lambda sr: (-sr[0], sr[1].id))
    chosen = choose_offers(scored, set(shown_elsewhere) | set(top_prog_ids), k)
    out = []
    for s, r in chosen:
        topics = [topic_labels[t][0 if de else 1] for t in r.topics if t in profile.topics and t in topic_labels]
        abroad = next((fc for fc in contact_roles(r) if fc.reason_abroad_de is not None), None)
        role = first_contact_role(r, as_asked) if firsts[r.id] else None
        if abroad is not None and profile.in_germany is False:
            # for a company abroad the route through its own country's office is the reason, however it was found
            why = abroad.reason_abroad_de if de else abroad.reason_abroad_en
        elif role is not None:
            why = role.reason_de if de else role.reason_en
        elif topics:
            why = ("Arbeitet zu " if de else "Works on ") + ", ".join(topics[:3]) + "."
        else:
            why = "Inhaltlich nah an Ihrem Vorhaben." if de else "Close in content to your plans."
        out.append(ProjectHit(
            id=r.id, name=r.name, kind=r.kind, score=s, why=why,
            status=getattr(r, "status", None), offer=r.offer_de if de else r.offer_en,
            contact=r.contact, sources=r.sources, as_of=r.as_of,
        ))
    return out
