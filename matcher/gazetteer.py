"""Berlin gazetteer: find place names in a text and decide where the company sits.

The names live in ``data/places.yaml``: Berlin's 12 Bezirke with their 96 Ortsteile, short forms
and well-known business sites, Brandenburg (state, districts, towns), other German cities and
states, and places abroad. ``find_places`` finds every mention; ``locate`` (``read_location``) tells the seat
from a market or a partner:

* "Sitz in Potsdam, Kunden in Berlin"          -> brandenburg, not in Berlin
* "wir sitzen in Spandau und verkaufen bundesweit" -> Berlin
* "Vertrieb in Brandenburg", "Partner in München", "Messe in Hannover" -> markets, never the seat
* "Tischlerei in Köpenick"                     -> Berlin (a district alone is enough)

Names that are also common words or places elsewhere ("Mitte", "Wedding", "Buch", "Westend")
count only right after a locative word ("in Mitte", "im Wedding", "Sitz: Buch") or as
"Berlin-Mitte"; "Potsdamer Straße" is a street, not Potsdam. "BER" is never read as a place: the
airport lies in Schönefeld (Brandenburg) and "am BER" says nothing certain about a seat.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml

from . import world

DATA = Path(__file__).resolve().parent / "data" / "places.yaml"

# names whose capitalisation matters ("US" is not "us", "Essen" is not "essen")
_CASE_SENSITIVE = {"US", "U.S.", "Essen", "Halle", "Buch", "Rom", "Forst", "Werder", "Golm", "Mitte", "Posen"}
# ("str." ends in a dot, so no word boundary follows it: "Dresdener Str., Kreuzberg")
_STREET = r"(?:(?:stra(?:ß|ss)e|allee|platz|damm|tor|chaussee|ufer|weg|ring|bahnhof|brücke|landstra(?:ß|ss)e|berg|park)\b|str\.)"


@dataclass(frozen=True)
class Place:
    """One mention of a place in a text."""

    start: int
    end: int
    region: str            # "berlin", "brandenburg", "germany", "abroad"
    name: str              # canonical name as listed, e.g. "Köpenick", "Potsdam"
    bezirk: str | None = None
    adjective: bool = False  # "Berliner", "Potsdamer"


@dataclass(frozen=True)
class _Entry:
    name: str
    region: str
    bezirk: str | None
    ambiguous: bool


def _variant_pattern(name: str) -> str:
    """Regex for a name: umlauts also as ae/oe/ue, ß as ss, spaces and hyphens interchangeable."""
    out = []
    for ch in name:
        low = ch.lower()
        if low == "ä":
            out.append("(?:ä|ae|a)")
        elif low == "ö":
            out.append("(?:ö|oe|o)")
        elif low == "ü":
            out.append("(?:ü|ue|u)")
        elif low == "ß":
            out.append("(?:ß|ss)")
        elif ch in " -":
            out.append(r"[\s\-]?")
        elif ch == ".":
            out.append(r"\.\s?")
        else:
            out.append(re.escape(ch))
    return "".join(out)


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, _Entry], dict[str, list[tuple[str, re.Pattern]]], list[tuple[int, int, str]]]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    entries: dict[str, _Entry] = {}

    def add(name: str, region: str, bezirk: str | None, ambiguous: set[str]) -> None:
        key = name.lower()
        if key not in entries:
            entries[key] = _Entry(name, region, bezirk, name in ambiguous)

    b = data["berlin"]
    amb_b = set(b.get("ambiguous", []))
    for bezirk, ortsteile in b["bezirke"].items():
        add(bezirk, "berlin", bezirk, amb_b)
        for o in ortsteile:
            add(o, "berlin", bezirk, amb_b)
    for name in [*b["city"], *b["variants"], *b["sites"]]:
        add(name, "berlin", None, amb_b)
    for region in ("brandenburg", "germany", "abroad"):
        amb = set(data[region].get("ambiguous", []))
        for name in data[region]["names"]:
            add(name, region, None, amb)
    for region in ("berlin", "brandenburg", "germany", "abroad"):
        for item in data[region].get("adjectives", []):
            name, _, place = item.partition("=")
            add(name, region, None, set())
            _ADJECTIVES[name.lower()] = place or name
    # per first letter, longest names first, so "Frankfurt (Oder)" wins over "Frankfurt", "Berlin-Buch" over "Berlin"
    buckets: dict[str, list[tuple[str, re.Pattern]]] = {}
    for key in sorted(entries, key=lambda k: (-len(k), k)):
        e = entries[key]
        if e.name.endswith("*"):
            pat = _variant_pattern(e.name[:-1]) + r"\w*"
            suffix = ""
        else:
            pat = _variant_pattern(e.name)
            plain = e.ambiguous or key in _ADJECTIVES or not e.name[-1].isalpha()
            suffix = "" if plain else r"(?P<adj>er(?:in(?:nen)?|n|s)?|s)?"
            if not plain and key.endswith("land"):
                suffix = r"(?:es)?" + suffix  # genitive: "Universität des Saarlandes", "des Rheinlandes"
        rx = re.compile(rf"(?P<core>{pat}){suffix}(?![\w])", re.I)
        buckets.setdefault(_first(key), []).append((key, rx))
    postcodes = [(lo, hi, "berlin") for lo, hi in b["postcodes"]]
    postcodes += [(lo, hi, "brandenburg") for lo, hi in data["brandenburg"]["postcodes"]]
    postcodes.sort(key=lambda r: r[1] - r[0])  # the narrowest range wins: 12529 (Schönefeld) inside Berlin's 12xxx
    return entries, buckets, postcodes


def _first(s: str) -> str:
    c = s[:1].lower()
    return {"ä": "a", "ö": "o", "ü": "u"}.get(c, c)


_WORD_START = re.compile(r"(?<![\w])\w")
_ADJECTIVES: dict[str, str] = {}  # listed adjective forms -> the place ("Münchner" -> "München")

_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|im|aus|from|nach|at|near|bei|based in|located in|sitz(?:en|t)? in|ansässig in|standort|sitz|"
    r"firmensitz|hauptsitz|headquarters?|hq|headquartered in|zwischen|between|ortsteil|bezirk|district|"
    r"ausgründung der|ausgründung aus der|spin-?off der|spin-?off (?:of|from) the|spin-?out (?:of|from) the)\s*:?\s*|"
    r"berlin[\s\-]|berlin-)$",
    re.I,
)
# a Berlin district with the article of a masculine one: "aus dem Wedding", "vom Wedding" ("in der Mitte" stays a word,
# "aus dem Ausland" is no place)
_DEM_BEFORE = re.compile(r"(?:\b(?:aus|in|von|bei|nach)\s+dem|\bvom)\s+$", re.I)
# a business named with its district, as on a sign or in a note: "Fahrradwerkstatt Wedding", "Bäckerei Mitte"
_BUSINESS_BEFORE = re.compile(r"\b\w*(?:werkstatt|betrieb|laden|geschäft|studio|bäckerei|café|cafe|praxis|büro|atelier|"
                              r"manufaktur|salon|shop|kita|gmbh|ug)\s+$", re.I)
_LOCATIVE_AFTER = re.compile(r"^(?:[\s\-]based\b|\s*\(berlin\)|,\s*berlin\b)", re.I)
# an item of a note's list of company facts: "(UG, est. Nov 2024, 5 ppl, Wedding)", "GmbH, 12 MA, Mitte"
_FACTS_LIST_BEFORE = re.compile(r"\b(?:gmbh|ug|ag|gbr|ma|ppl|people|staff|employees|mitarbeiter\w*|mitarbeitende|leute|"
                                r"beschäftigte)\b[^.;!?()]{0,25}?,\s*$", re.I)


def _accept(text: str, m: re.Match, key: str, e: _Entry, entries: dict[str, _Entry]) -> Place | None:
    """The place of a name match, or None when its context says it is no place here."""
    core = m.group("core")
    adj = key in _ADJECTIVES or bool(m.groupdict().get("adj"))
    if e.name in _CASE_SENSITIVE:
        if e.name.isupper() and core != core.upper():
            return None
        if not core[0].isupper():
            return None
    if (m.groupdict().get("adj") and e.region != "berlin" and core[:1].islower()
            and any(ch.isupper() for ch in text)):
        return None  # "further", "hammer": an ordinary word in a text that capitalises, not "Fürther", "Hammer"
    if adj and re.match(r"\s+" + _STREET, text[m.end():], re.I):
        return None  # "Potsdamer Straße", "Frankfurter Allee": a street, not the town
    if e.ambiguous:
        before = text[max(0, m.start() - 25):m.start()]
        after = text[m.end():m.end() + 12]
        if not (_LOCATIVE_BEFORE.search(before) or _LOCATIVE_AFTER.match(after)
                or (e.region == "berlin" and _DEM_BEFORE.search(before))
                or (core[:1].isupper() and _BUSINESS_BEFORE.search(before))
                or (core[:1].isupper() and _FACTS_LIST_BEFORE.search(text[max(0, m.start() - 60):m.start()]))):
            return None
        if re.match(r"\s+(?:\d{4}|des jahres|of the year|nächsten|next)\b", text[m.end():], re.I):
            return None  # "Mitte 2025"
    name = _ADJECTIVES.get(key, e.name)
    bezirk = entries[name.lower()].bezirk if name.lower() in entries else e.bezirk
    return Place(m.start(), m.end(), e.region, name, bezirk, adj)


@lru_cache(maxsize=256)
def _find_cached(text: str) -> tuple[Place, ...]:
    return tuple(_find(text))


def find_places(text: str) -> list[Place]:
    """Every place mention in ``text`` (original spelling; case matters for a few names)."""
    return list(_find_cached(text))


def _find(text: str) -> list[Place]:
    """Every place mention in ``text`` (original spelling; case matters for a few names)."""
    entries, buckets, postcodes = _load()
    out: list[Place] = []
    pos = 0
    for w in _WORD_START.finditer(text):
        if w.start() < pos:
            continue
        for key, rx in buckets.get(_first(w.group(0)), ()):
            m = rx.match(text, w.start())
            if m is None:
                continue
            place = _accept(text, m, key, entries[key], entries)
            if place is not None:
                out.append(place)
                pos = m.end()
                break
    out += _postcodes(text, postcodes, out)
    out += _world_places(text, out)
    out.sort(key=lambda p: p.start)
    return out


# ---------------------------------------------------------------- places the list does not have

_CAP_WORD = re.compile(r"(?<![\w\-])[A-ZÄÖÜ][\w'’]*(?:[\s\-](?:am|an der|an|upon|on|de|di|del|la|le|sur|im|ob|bei)?"
                       r"\s?[A-ZÄÖÜ][\w'’]*){0,2}")
_CAP_START = re.compile(r"(?<![\w\-])[A-ZÄÖÜ]")
# "aus Graz", "from Galway", "bei Lyon" (where the company or its plant is)
_FROM = re.compile(r"\b(?:aus|from|bei|near|nahe|close to|nähe von)\s+(?:der|dem|den|the)?\s*$", re.I)
_SELF_OR_FIRM = re.compile(
    r"\b(?:wir|we|ich|i|unternehmen\w*|firma|betrieb\w*|start-?up\w*|company|companies|firm|team\w*|gmbh|ag|ug|"
    r"hersteller\w*|manufacturer\w*|mittelständ\w*|familienunternehmen|spin-?off|ausgründung\w*|"
    r"zulieferer\w*|supplier\w*|handwerksbetrieb\w*|werk|plant|fabrik\w*|anlage\w*|raffinerie\w*|biorefinery|"
    r"refinery|standort\w*|site|lab\w*|institut\w*|institute|gründer\w*|founders?|"
    # studios, agencies and workshops, also as the end of a compound ("ein Spielestudio aus Valencia")
    r"\w*studios?|\w*agentur\w*|agency|agencies|\w*werkstatt|workshop|\w*manufaktur)\b", re.I)
# "mit Sitz in Tuttlingen", "based in Lyon", "Werk in Ilmenau" (and "Standort: Jena", see _SEAT_LABEL)
_SEAT_IN = re.compile(
    r"(?:\b(?:sitz\w*|sitzen|sitzt|ansässig\w*|based|headquartered|located|beheimatet|standort\w*|niederlassung\w*|"
    r"werk|büro\w*|office|zentrale|hauptsitz\w*|firmensitz\w*)\s+(?:in|im|at)\s+(?:der|dem|the)?\s*)$", re.I)
_IN = re.compile(r"\b(?:in|im)\s+$", re.I)
# "im Landkreis Tuttlingen", "aus der Gemeinde Wettringen", "in the town of Galway"
_DISTRICT = re.compile(r"\b(?:landkreis|kreis|region|raum|großraum|gemeinde|stadt|district of|county of|city of|town of)\s+$", re.I)
_FIRM_NOUN = re.compile(
    r"\s+(?:start-?up\w*|unternehmen\w*|firma|betrieb\w*|team\w*|mittelständler\w*|hersteller\w*|"
    r"familienunternehmen\w*|spin-?off\w*|ingenieurbüro\w*|software\w*|maschinenbau\w*|handwerksbetrieb\w*)\b", re.I)
# a research or founding team of a university: "Gründungsteam der Hochschule Worms", "researchers at the University of Galway"
_UNI_BEFORE = re.compile(
    r"\b(?:universität|universitaet|uni|hochschule|fachhochschule|tu|th|fh|university of|université de|"
    r"universidad de|università di|politecnico di|university)\s+(?:des|der|von|zu|in)?\s*$", re.I)
_TEAM = re.compile(  # no word start: "Gründungsteam", "Masterabsolventen"
    r"(?:team\w*|forscher\w*|wissenschaftler\w*|absolvent\w*|studierende\w*|studenten|doktorand\w*|"
    r"researchers?|scientists?|graduates?|students?|spin-?off|ausgründung\w*|gründungsteam\w*|lehrstuhl\w*|"
    r"professor\w*)\b", re.I)
# a university named as a partner: "mit der Universität Freiburg", "together with the University of Galway"
_WITH_UNI = re.compile(
    r"\b(?:mit|with|zusammen mit|together with|gemeinsam mit)\s+(?:der|dem|den|the|einer|an?)?\s*"
    r"(?:universität|universitaet|uni|hochschule|fachhochschule|tu|th|fh|university of|university)\s+"
    r"(?:des|der|von|zu|in)?\s*$|"
    # a partner's group there: "mit einem Labor an der BHT", "with a research group at TU"
    r"\b(?:mit|with|zusammen mit|together with|gemeinsam mit)\s+(?:der|dem|den|the|einer|einem|an?)?\s*"
    r"(?:[\w-]+\s+)?(?:labor|lab|institut|institute|lehrstuhl|chair|fachgebiet|arbeitsgruppe|forschungsgruppe|"
    r"research group|team|professor\w*|prof\.)\s+(?:[\w-]+\s+){0,3}?(?:an|am|at|der|of|from)\s+(?:der|dem|the)?\s*"
    r"(?:(?:tu|technischen universität|technische universität|fu|freien universität|hu|humboldt-universität)\s+)?$", re.I)
_BIG_CITY = 100_000  # a plain "in <name>" counts for a city of this size


def _world_places(text: str, found: list[Place]) -> list[Place]:
    """Towns and cities from ``world`` (GeoNames) that the list does not have, only where the words around them
    say where a company, plant or team is (see ``world``): a name that is also an ordinary word is then no risk."""
    taken = [(p.start, p.end) for p in found]
    out: list[Place] = []
    for w in _CAP_START.finditer(text):
        m = _CAP_WORD.match(text, w.start())
        if m is None:
            continue
        words = re.split(r"(?<=\w)(?=[\s\-])", m.group(0))
        # longest first: "Frankfurt an der Oder" before "Frankfurt"
        for n in range(len(words), 0, -1):
            name = "".join(words[:n]).strip()
            start, end = m.start(), m.start() + len("".join(words[:n]))
            if any(s < end and start < e for s, e in taken):
                break
            place = _world_accept(text, start, end, name)
            if place is not None:
                out.append(place)
                taken.append((start, end))
                break
    return out


def _world_accept(text: str, start: int, end: int, name: str) -> Place | None:
    before, after = text[max(0, start - 40):start], text[end:end + 40]
    wp = world.lookup(name)
    if wp is None and len(name) > 4 and name.endswith("er") and _FIRM_NOUN.match(after):
        wp = world.lookup(name[:-2])  # "ein Grazer Start-up"
        if wp is not None:
            return Place(start, end, wp.region, wp.name, None, True)
    if wp is None:
        return None
    if name.isupper() and not wp.name.isupper():
        return None  # an acronym ("IBB Ventures", "KfW"), not the town spelt in capitals ("Ibb")
    if re.match(r"\s*(?:\d{4}\b|\d{1,2}\.)", after):
        return None  # a date, not a place
    if (_SEAT_IN.search(before) or _SEAT_LABEL.search(before) or re.match(r"^[\s\-]based\b", after, re.I)
            or (_FROM.search(before) and _SELF_OR_FIRM.search(left_clause(text, start)))
            or (_UNI_BEFORE.search(before) and _TEAM.search(left_clause(text, start)))
            or _DISTRICT.search(before)
            or (_IN.search(before) and wp.population >= _BIG_CITY)):
        return Place(start, end, wp.region, wp.name)
    return None


_PLZ = re.compile(r"(?<![\d.,€$])(\d{5})(?!\d|[.,]\d|\s*(?:€|eur|euro|mitarb|ma\b|beschäft|leute|stück|t\b|tonnen|kwh|m²|qm))", re.I)
_PLZ_BEFORE = re.compile(r"(?:\bplz|postleitzahl|\bzip(?: code)?|postcode|post code|\bd-)\s*:?\s*$", re.I)
_ADDRESS_BEFORE = re.compile(r"(?:stra(?:ß|ss)e|str\.|allee|platz|damm|weg|chaussee|ufer|ring)\s*\d+[a-z]?\s*,?\s*$", re.I)


# a postcode followed by a capitalised place-like word: "12489 Adlershof", "14467 Potsdam"
_PLACE_AFTER = re.compile(r"\s+(?!(?:Euro|EUR|Mitarbeit|Beschäftig|Leute|Stück|Tonnen|Kunden|Jobs|Menschen|Personen|Dollar|Quadrat)\w*)"
                          r"[A-ZÄÖÜ][a-zäöüß]+(?:[\s-][A-ZÄÖÜ][a-zäöüß]+)?\b")


def _postcodes(text: str, ranges: list[tuple[int, int, str]], found: list[Place]) -> list[Place]:
    out = []
    for m in _PLZ.finditer(text):
        before = text[max(0, m.start() - 40):m.start()]
        after = text[m.end():m.end() + 30]
        if not (_PLZ_BEFORE.search(before) or _ADDRESS_BEFORE.search(before) or _SEAT_LABEL.search(before)
                # a terse note's list: "GmbH, 12277, 27 MA", "Metallbau (12277)"
                or (re.search(r"\b(?:gmbh|ug|kg|ag|ohg|gbr|e\.\s?k\.|firma|betrieb|\w+erei)\s*[,;(]\s*$", before, re.I)
                    and re.match(r"\s*[,;)]", after))
                or re.search(r"\b(?:in|based in|located in|sitz in|standort in)\s*$", before, re.I)
                or re.search(r"\b(?:sitz|firmensitz|hauptsitz|standort|hq|headquarters)\s*(?:(?:soll|wird|ist|is|will be)\s+(?:in\s+)?)?$",
                             before, re.I)
                # "Kd. aus 13509:", "client from 10115," (not "Kunden aus 12345 Orten")
                or (re.search(r"\b(?:aus|from)\s*$", before, re.I) and re.match(r"\s*(?:[:,;)]|$)", after))
                or _PLACE_AFTER.match(after)):
            continue
        region = postcode_region(int(m.group(1)), ranges)
        out.append(Place(m.start(), m.end(), region, m.group(1)))
    return out


def postcode_region(n: int, ranges: list[tuple[int, int, str]] | None = None) -> str:
    """'berlin', 'brandenburg' or 'germany' for a five-digit German postcode."""
    if ranges is None:
        ranges = _load()[2]
    for lo, hi, region in ranges:
        if lo <= n <= hi:
            return region
    return "germany"


def region_of(name: str) -> str | None:
    """Region of a place name as listed ("Köpenick" -> "berlin"), or None when unknown."""
    if not name:
        return None
    entries = _load()[0]
    e = entries.get(name.strip().lower())
    if e is not None:
        return e.region
    places = find_places(name)
    if len(places) == 1 and places[0].end - places[0].start >= len(name.strip()) - 3:
        return places[0].region
    wp = world.lookup(name)
    return wp.region if wp is not None else None


def bezirk_of(name: str) -> str | None:
    """The Berlin Bezirk of an Ortsteil or Bezirk name ("Adlershof" -> "Treptow-Köpenick")."""
    e = _load()[0].get(name.strip().lower())
    return e.bezirk if e else None


# ---------------------------------------------------------------- seat versus market

_BOUNDARY = re.compile(r"[.;:!?\n•|(),]|\s[-–]\s|\b(?:und|and|but|aber|sowie|while|während|whereas)\b", re.I)
_MARKET = re.compile(
    r"\b(?:kund\w*|customers|customer base|clients|abnehmer\w*|käufer\w*|buyers?|vertrieb\w*|vertreib\w*|verkauf\w*|sell\w*|sales|"
    r"vermarkt\w*|export\w*|import\w*|liefern|liefert|lieferung\w*|beliefer\w*|deliver\w*|ship\w*|partner\w*|"
    r"supply|supplies|supplying|serve|serves|serving|"
    r"(?:fach|leit|publikums|haus|industrie|auslands|verbraucher)?messe\w*|trade fairs?|trade shows?|fairs?|expo|konferenz\w*|conference\w*|kongress\w*|veranstaltung\w*|events?|"
    r"märkte?n?|markt\w*|markets?|marketing|aufträge?|orders?|projekte?n?|projects?|baustellen?|"
    r"kooperation\w*|cooperat\w*|collaborat\w*|zusammenarbeit\w*|together|zusammen|gemeinsam|"
    r"in die|in den markt|bundesweit|europaweit|weltweit|nationwide|worldwide|ganz|all over|across|"
    r"wettbewerb\w*|competitors?|konkurrenz|investor\w*|niederlassungen von|filialen von|vs|versus|"
    r"ähnlich|similar|statt|instead|anders als|unlike|früher|formerly|previously|ehemals|ehemalig\w*)\b",
    re.I,
)
_SEAT = re.compile(
    r"\b(?:sitz\w*|sitzen|ansässig\w*|based|headquarter\w*|hq|located|location|standort\w*|niederlassung\w*|betriebsstätte\w*|"
    r"werk|werke|büro\w*|office\w*|sites?|plants?|factory|fabrik\w*|zentrale|hauptsitz\w*|filiale\w*|branch\w*|"
    r"centre|center|labor|lab|werkstatt|workshop|halle|produktion\w*|production|produzieren|produce|manufactur\w*|"
    r"fertig\w*|arbeiten|work|beheimatet|zuhause|zu hause|home|wohne\w*|live|lebe\w*|"
    r"wir sind|we are|we're|i am|i'm|ich bin|firma|unternehmen|company|startup|start-up|betrieb\w*|gmbh|ug|"
    r"an der|an einer|at the)\b",
    re.I,
)
_PREP = re.compile(r"\b(?:in|im|aus|from|at|bei|von|vom)\s*(?:der|dem|den|the)?\s*$", re.I)
_FOR_NEAR = re.compile(r"\b(?:für|for)\s+(?!unser|our\b)(?:[\w-]+\s+)?$", re.I)  # "für Berliner Bauherren"
_DIRECTIONAL = re.compile(r"\b(?:nach|to|into|in die|ins|towards|richtung)\s*$", re.I)
_MARKET_AFTER = re.compile(
    r"^[^.;!?\n]{0,40}?\b(?:exportier\w*|expandier\w*|verkauf\w*|verkaufen|liefer\w*|vertreib\w*|ausliefer\w*|"
    r"sell\w*|export\w*|expand\w*|deliver\w*|ship\w*|kunden?|customers?|clients?|vertrieb|"
    # a trade fair there ("im Ausland auszustellen", "exhibit in Paris")
    r"ausstell\w*|auszustellen|exhibit\w*|"
    # a partner to be found there ("in Frankreich einen Vertriebspartner finden")
    r"(?:vertriebs|handels|kooperations)?partner\w*|distributors?)\b",
    re.I,
)
_FAIR_NAME_AFTER = re.compile(r"^[\s-]*(?:messe|buchmesse|fair)\b|^\s+(?:auf|an) (?:der|einer) (?:\w+)?messe\b|^\s+at (?:the|a) (?:trade )?fair\b", re.I)
_FAIR_NAME_BEFORE = re.compile(r"\bmesse\s+$|\b(?:ifa|itb|innotrans|fruit logistica|grüne woche|ila|hannover messe|"
                               r"trade fair|fair|messe|expo|exhibition|conference|konferenz|summit)\s+(?:in|im|at)\s+$", re.I)
# a bracket after the place naming another party ("in Neukölln (our biggest customer)", "in Köln (unser Lieferant)")
_OTHERS_AFTER = re.compile(
    r"^\s*\((?:[\w-]+\s+){0,3}?(?:customers?|clients?|kund(?:e|en|in)|abnehmer\w*|partners?|partner(?:in|innen)|suppliers?|"
    r"lieferant(?:en|in)?|distributors?|händler\w*|dealers?)\b",
    re.I,
)
_PLANNED = re.compile(
    r"\b(?:eröffn\w*|ansiedl\w*|ansiedeln|aufbauen|aufzubauen|aufmachen|aufzumachen|errichten|verlager\w*|verleg\w*|umziehen|umzug|open\w*|set(?:ting)? up|"
    r"in planung|geplant\w*|is planned|are planned|being planned|in vorbereitung|"
    r"establish(?!ments?\b)\w*|relocat\w*|moving|move|expand\w*|expansion|considering|erwägen|überlegen|planen \w+ (?:standort|werk)|"
    # a site still being weighed ("we're evaluating a second plant in Berlin", "prüfen einen zweiten Standort",
    # "Berlin is on our shortlist")
    r"evaluat\w*|assess\w*|scouting|shortlist\w*|sondier\w*|(?:prüfen|prüft|prüfe)\s+(?:\w+\s+){0,2}?(?:standort|werk|niederlassung|ansiedlung)|"
    r"plan(?:s|ning|t|en)?\s+(?:a|an|eine?n?|die|den)\s+(?:second|new|additional|further|zweite\w*|neue\w*|weitere\w*))\b",
    re.I,
)
# a site the company thinks about or plans, named before the place ("we're thinking about a small showroom in Berlin",
# "planen wir für 2025 eine Niederlassung in Berlin-Mitte"); only before it, so that "Wir sind ein Startup in Kreuzberg
# und denken über ein zweites Büro nach" keeps Kreuzberg as the seat
_PLANNED_BEFORE = re.compile(
    r"\b(?:thinking\s+(?:about|of)(?:\s+opening)?|denken\s+(?:über|an)|"
    r"plan(?:en|t|e|s|ning)?\s+(?:wir\s+|we\s+)?(?:[\w-]+\s+){0,3}?(?:eine?n?|a|an))\s+(?:[\w-]+\s+){0,2}?(?:standort|werk|niederlassung|"
    r"filiale|büro|zweigstelle|office|site|branch|plant|showroom)\w*\s+(?:in|im|at)\s*(?:der|dem|the)?\s*$", re.I)
# the words for a site of a company, shared by a site named (``_SITE_NOUN``) and a site as the seat's evidence (``_SITE``)
_SITE_WORDS = (r"standort\w*|niederlassung\w*|betriebsstätte\w*|werk|werke|büro\w*|office\w*|sites?|plants?|factory|fabrik\w*|"
               r"establishments?|filiale\w*|branch\w*|production|produktion\w*")
_SITE_NOUN = re.compile(
    rf"\b(?:{_SITE_WORDS}|hub|dependance|fertigung|fertigungsstätte|headquarters|hq|zentrale|presence|präsenz|"
    r"showroom\w*|zweigstelle\w*|außenstelle\w*)\b",
    re.I,
)


_SELF = re.compile(r"\b(?:wir sind|we are|we're|ich bin|i am|i'm|ich arbeite|i work|wir arbeiten|we work)\b", re.I)
_WITH_INSTITUTION = re.compile(r"\b(?:mit|with|zusammen mit|together with|gemeinsam mit|und|and)\s+(?:der|dem|den|the)?\s*"
                               r"(?:tu|fu|hu|htw|bht|hwr|udk|ash|charité|fraunhofer(?:[\s-]\w+){0,2})\s*$", re.I)
_GROUP_SEAT_BEFORE = re.compile(r"\b(?:gruppe|group|konzern\w*|mutter\w*|parent\w*|holding\w*|unternehmensgruppe)\b"
                                # not the writer's own seat ("Die Muttergesellschaft, also wir selbst, hat ihren Sitz in")
                                r"(?:(?!\b(?:wir|we|uns\w*|our)\b)[^.;!?]){0,30}?"
                                r"\b(?:mit (?:haupt)?sitz|headquartered|based|with (?:its )?(?:hq|headquarters)|hq|headquarters|"
                                r"(?:haupt)?sitz|zentrale)\s+(?:in|im)\s*$", re.I)
_OTHER_PERSON_SITS = re.compile(r"\b(?:mitgründer\w*|co-?founder\w*|gründer(?:in)?|founder|partner(?:in)?|kolleg\w*|"
                                r"geschäftsführer\w*|ceo|cto|"
                                # another firm ("ein Pilotkunde sitzt in Rotterdam", "Unsere Schwesterfirma sitzt in
                                # Berlin-Mitte", "our parent company is based in Paris")
                                r"\w*kund(?:e|in|en|innen)|\w*partner\w*|\w*lieferant\w*|\w*hersteller\w*|\w*dienstleister\w*|"
                                r"schwester\w*|mutter(?:gesellschaft|konzern|firma|unternehmen)\w*|customers?|clients?|suppliers?|"
                                r"manufacturers?|sister (?:company|firm)|parent (?:company|group))\b[^.;!?]{0,30}?"
                                r"\b(?:sitzt|sitzen|lebt|wohnt|lives|sits|is based|are based|ist ansässig|sind ansässig)\b"
                                r"[^.;!?]{0,30}?\b(?:in|im)\s*$", re.I)
# a seat that was ("had our registered seat there until last year", "hatte dort bis Ende 2023 ihren Sitz")
_PAST_SEAT = re.compile(r"\b(?:hatte\w*|had|was|were|war|waren)\b[^.;!?]{0,40}?\b(?:sitz|seat|registered office|headquarter\w*|based)\b"
                        r"[^.;!?]{0,40}?\b(?:until|bis)\b|\b(?:until|bis)\s+(?:last year|letztes jahr|vergangenes jahr|"
                        r"ende\s+20\d\d|20\d\d)\b[^.;!?]{0,30}?\b(?:sitz|seat|registered office|headquarter\w*)\b", re.I)
# a move to Berlin that is done ("moved the whole company … to Berlin-Mitte", "der Sitz wurde nach Berlin verlegt")
_MOVED_TO_BERLIN_DONE = re.compile(
    r"\b(?:we|wir)\s+(?:have\s+|haben\s+)?(?:moved|relocated|verlegt|umgezogen|gezogen|verlagert)\b[^.;!?]{0,80}?\b(?:to|nach)\s+berlin|"
    r"\b(?:company|firma|unternehmen|gesellschaft|sitz|seat|registered office|hq|headquarters)\b[^.;!?]{0,40}?"
    r"\b(?:moved|relocated|verlegt|umgezogen|verlagert)\b[^.;!?]{0,60}?\b(?:to|nach)\s+berlin|"
    r"\b(?:nach|to)\s+berlin[\w-]*\b[^.;!?]{0,30}?\b(?:verlegt|umgezogen|gezogen|verlagert|moved|relocated)\b", re.I)
_PROGRAMME_IN = re.compile(r"\b(?:accelerator\w*|inkubator\w*|incubator\w*|fellowship|bootcamp|konferenz\w*|conference|"
                           r"summit)\b[^.;!?]{0,30}\b(?:in|im|at)\s*(?:the\s+|der\s+|dem\s+)?$", re.I)
_SELF_OR_OUR = re.compile(r"\b(?:unser\w*|our|wir sind|we are|we're|ich bin|i am|i'm|my|mein\w*)\b", re.I)
_OWN_FIRM_AFTER = re.compile(r"^[\s-]+(?:[\w]+[\s-]+){0,2}?(?:\w*unternehmen|\w*firma|\w*betrieb|\w*start-?up|gmbh|ug|company|firm|"
                             r"business|manufaktur|agentur|studio|werkstatt)\b", re.I)
_OUR_SITE = re.compile(r"\b(?:unser\w*|our|existing|bestehend\w*|current|jetzig\w*|heutig\w*)\s+(?:[\w-]+\s+){0,2}?"
                       r"(?:standort\w*|niederlassung\w*|betriebsstätte\w*|werk\w*|büro\w*|office\w*|sites?|plants?|factory|"
                       r"fabrik\w*|halle\w*|filiale\w*|branch\w*|produktion\w*|production|lager\w*|labor\w*|labs?|"
                       r"firma|firmensitz|sitz|unternehmen|company|firm|betrieb\w*|hq|headquarters|team|gmbh|ug|start-?up|"
                       r"zentrale|hauptsitz)\b", re.I)
# "open our EU headquarters in Berlin", "unsere erste Niederlassung in Berlin eröffnen": "our" names the new site
_OPEN_OUR = re.compile(
    r"\b(?:open\w*|set(?:ting)? up|establish\w*|build\w*)\s+(?:our|unsere?[nr]?)\s+"
    r"(?:(?!second|third|another|additional|zweite|dritte|weitere)[\w-]+\s+){0,2}?"
    r"(?:headquarters|hq|office|site|branch|subsidiary|plant|factory|hub|presence)\b"
    r"|\b(?:unsere?[nr]?)\s+(?:erste\w*\s+|neue\w*\s+)?(?:(?!zweite|dritte|weitere)[\w-]+\s+)?(?:niederlassung|zentrale|standort|büro|werk|filiale)\s+in\s+"
    r"(?:[\w-]+\s+)?(?:eröffnen|aufbauen|gründen|errichten)", re.I)
# an adjective that ends its phrase: said of a person, not of a company ("one French, one German", "I am Polish")
_PREDICATE_AFTER = re.compile(r"\s*(?:[,;:)!?]|\.(?:\s|$)|and\b|und\b|or\b|oder\b|$)", re.I)
# a place used as a noun adjunct before the company itself: "a Berlin start-up", "our Berlin company"
_ARTICLE_BEFORE = re.compile(
    r"\b(?:(?:we are|we're|i am|i'm|wir sind|ich bin)\s+(?:a|an|ein\w*|the|die|der|das)|our|my|unser\w*|"
    # the writer's own role in it: "I am CEO and co-founder of a Berlin start-up"
    r"(?:ceo|cto|coo|cfo|founder|co-?founder|owner|managing director|geschäftsführer\w*|inhaber\w*|gründer\w*)\s+"
    r"(?:(?:and|und)\s+[\w-]+\s+)?(?:of|von)\s+(?:a|an|ein\w*))\s*$", re.I)
_COMPANY_AFTER = re.compile(
    r"[\s-]+(?:(?:based|tech|hardware|software|deep-?tech|climate-?tech|family|small|young|medium-sized)[\s-]+)?"
    r"(?:start-?ups?|company|firm|business|sme|gmbh|scale-?up|spin-?off|subsidiary|tochter\w*|branch|niederlassung)\b", re.I)
_NOT_SEAT_NOUN = re.compile(
    r"\s+(?:hochschul\w*|universität\w*|uni\b|institut\w*|partner\w*|kund\w*|markt\w*|märkte\w*|messe\w*|forschung\w*|"
    r"\w*förder\w*|programm\w*|senat\w*|behörde\w*|verwaltung\w*|bezirksamt\w*|ämter|amt\b|start-?up-?szene|szene|ökosystem\w*|"
    r"\w*netzwerk\w*|cluster\w*|investor\w*|bank\w*|universities|university|customers?|clients?|partners?|"
    r"market\w*|funding|programmes?|programs?|investors?|ecosystem|institutes?|research|accelerator\w*|inkubator\w*|"
    r"incubator\w*|"
    # the border itself: "direkt hinter der Berliner Stadtgrenze" is outside
    r"stadtgrenze\w*|landesgrenze\w*|grenze|city limits?|border)\b",
    re.I,
)


# the group the company belongs to ("die Hamburger Niederlassung eines Berliner Konzerns", "a subsidiary of a Berlin
# group"): where the group sits, not the company
_OF_GROUP_BEFORE = re.compile(r"\b(?:eines|einer|des|of an?|of the)\s*$", re.I)
_GROUP_AFTER = re.compile(r"^[\s-]+(?:[\w-]+\s+){0,2}?(?:konzern\w*|gruppe|unternehmensgruppe|mutter\w*|holding\w*|group|parent|"
                          r"corporation)\b", re.I)


# a place adjective after a preposition and an indefinite article, a number or nothing: other parties ("gemeinsam mit
# der TU Berlin und einem Berliner Startup", "in 3 Berliner Bioläden", "auf Berliner Wochenmärkten", "with several Berlin
# agencies"), not the writer's own firm ("wir sind ein Berliner Startup", "in einem Berliner Hinterhof")
_OTHERS_ADJ_BEFORE = re.compile(
    r"\b(?:mit|für|von|zu|bei|with|for|to|from)\s+(?:(?:der|den|dem|die|the)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:und|and)\s+)?"
    r"(?:(?:einem|einer|eines|einen|ein|eine|a|an|mehreren|several|vielen|many|anderen|other|\d+)\s+(?:[\w-]+\s+)?)?$|"
    r"\ban\s+(?:einem|einer|eines|einen|ein|eine|mehrere|andere|\d+)\s+(?:[\w-]+\s+)?$|"
    r"\b(?:in|auf|at|on)\s+(?:\d+|mehreren|several|vielen|many|anderen|other)\s+$|\bauf\s+$|"
    # others counted as the subject ("mehrere Berliner Unternehmen sponsern uns", "viele Berliner Kitas bestellen")
    r"(?:^|[.;!?:,]\s*|\b(?:und|and|auch|also)\s+)(?:mehrere|viele|einige|zahlreiche|etliche|verschiedene|andere|several|many|some|"
    r"numerous|various|other|\d+)\s+$", re.I)

# "ein Unternehmen mit Berliner Sitz", "with a Berlin office": the place adjective names the writer's own site
_OWN_SITE_NOUN_AFTER = re.compile(r"\s+(?:sitz\w*|firmensitz|hauptsitz|standort\w*|adresse|anschrift|büro\w*|office|hq|"
                                  r"headquarters|werk|niederlassung\w*|wurzeln|roots|postleitzahl|registergericht)\b", re.I)


_CULTURE_NOUN = re.compile(
    r"\s+(?:restaurant\w*|küche|imbiss\w*|café\w*|cafe\w*|bistro\w*|spezialität\w*|feinkost\w*|lebensmittel\w*|"
    r"gerichte?n?|speisen|food|cuisine|dishes|sprach\w*|texte?n?|übersetzung\w*|literatur|musik|kultur\w*|mode|"
    r"language|texts?|translations?|music|fashion)\b", re.I)


# the full stops of abbreviations end no clause ("Kunden v.a. in Brandenburg", "z. B. in Polen", "ca. 20 km")
_ABBREV = re.compile(r"\b(?:[a-zäöü]\.\s?(?:[a-zäöü]\.)?|(?:bzw|ca|inkl|ggf|evtl|usw|etc|approx|nr|str|ggü|vgl)\.)", re.I)


def _unabbreviated(s: str) -> str:
    """``s`` with the full stops of abbreviations blanked (same length, so positions still fit)."""
    return _ABBREV.sub(lambda m: m.group(0).replace(".", " "), s)


def left_clause(text: str, start: int) -> str:
    """The words before ``start`` back to the last clause boundary (punctuation, "und", "but", ...)."""
    left = text[max(0, start - 80):start]
    cut = max((m.end() for m in _BOUNDARY.finditer(_unabbreviated(left))), default=0)
    return left[cut:]


# a list of customers between a delivery verb and the place: "beliefern Getränkemärkte, Gastronomie und Kantinen in"
_LIST_BOUNDARY = re.compile(r"[.;:!?\n•|()]|\s[-–]\s|\b(?:but|aber|while|während|whereas|wir|we|ich|i|unser\w*|our)\b", re.I)
_DELIVER_TO = re.compile(r"\b(?:beliefer\w*|liefern|liefert|supply|supplies|supplying|deliver\w*|kund\w*|customers?|clients?|"
                         r"abnehmer\w*|vertreib\w*|export\w*)\b", re.I)
# another place or a seat word between the verb and the place ends the list
_OTHER_PREP = re.compile(r"\b(?:in|im|aus|from|at|bei|nach|to|into|sitz\w*)\b|\w(?:sitz|standort)\b", re.I)


def _delivers_to_list(text: str, start: int) -> bool:
    """A delivery verb or customer word, then only the list of whom (across "und" and commas, not across a new
    subject or another place: "Wir liefern Kunden in Berlin, Firmensitz in München"), then the place."""
    left = text[max(0, start - 100):start]
    cut = max((m.end() for m in _LIST_BOUNDARY.finditer(_unabbreviated(left))), default=0)
    clause = left[cut:]
    verbs = list(_DELIVER_TO.finditer(clause))
    if not verbs:
        return False
    between = re.sub(r"\b(?:in|im|aus|from|at|bei)\s*(?:der|dem|den|the)?\s*$", "", clause[verbs[-1].end():], flags=re.I)
    return not _OTHER_PREP.search(between)


def right_clause(text: str, end: int) -> str:
    """The words after ``end`` up to the next clause boundary (see ``left_clause``)."""
    right = text[end:end + 80]
    m = _BOUNDARY.search(_unabbreviated(right))
    return right[:m.start()] if m else right


_SEAT_LABEL = re.compile(
    r"(?:sitz|firmensitz|hauptsitz|standort|location|hq|headquarters|adresse|address|ort|based|wo|where|registered office|"
    r"eingetragener sitz)(?:\s+(?:und|and|&)\s+[\w-]+)?\s*[:=]\s*(?:campus\s+|gelände\s+|areal\s+|site\s+)?$", re.I)
# "Sitz und Fertigung in Dahlewitz", "HQ and production in Lyon": the seat named with a site, across the "und"
_SEAT_AND = re.compile(r"\b(?:sitz|firmensitz|hauptsitz|headquarters|hq|seat)\s+(?:und|and|&|sowie)\s+(?:[\w-]+\s+){1,2}?"
                       r"(?:in|im|at)\s*$", re.I)
_STRONG = re.compile(
    # (not a person who "sitzt 3 Tage die Woche in einem Coworking"); a trade registered there ("Gewerbe angemeldet in")
    r"\b(?:sitz(?!e\s+\d|t\s+\d|en\s+\d)\w*|ansässig\w*|based|headquarter\w*|hq|located|firmensitz\w*|hauptsitz\w*|zentrale|"
    r"beheimatet|registered|angemeldet|eingetragen|(?:our|my|the company's|its)\s+seat)\b", re.I)
_SITE = re.compile(rf"\b(?:{_SITE_WORDS}|centre|center|labor|lab|werkstatt|workshop|halle)\b", re.I)

# the place named before the site ("We are the Berlin-Spandau plant of a Swedish group", "our Berlin office")
_SITE_AFTER = re.compile(r"(?:-\w+)?\s+(?:plant|site|factory|werk|standort|niederlassung|branch|office)\b", re.I)
# the site named after the place, with the verb between ("in Berlin-Spandau haben wir ein Werk mit 120 Beschäftigten",
# "in Berlin we run a small lab")
_SITE_AFTER_VERB = re.compile(
    r"(?:-[\w-]+)?,?\s+(?:(?:haben|betreiben|unterhalten)\s+wir|(?:we|where we)\s+(?:have|run|operate))\s+"
    r"(?:auch\s+|noch\s+|zudem\s+|also\s+)?(?:ein\w*|unser\w*|a|an|our)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:werk|standort|niederlassung|betriebsstätte|filiale|büro|produktion|fertigung|labor|halle|"
    r"plant|site|factory|branch|office|lab|production)\b", re.I)


# where a founder founds ("set up a GmbH in Hamburg", "start a company in Potsdam", "mich in Eberswalde selbständig
# machen", "in Leipzig gründen"): the seat to be, as explicit as "Sitz in"
_FOUNDED_HERE_BEFORE = re.compile(
    r"\b(?:set(?:ting)?\s+up|start(?:ing)?|found(?:ing)?|incorporat\w*|register(?:ing)?)\s+(?:a|an|our|my|the)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:company|gmbh|ug|business|firm|start-?up|practice|studio|workshop|agency)\s+(?:\w+\s+)?(?:in|im)\s*$|"
    r"\b(?:incorporate|incorporating|gründen|ausgründen)\s+(?:in|im)\s*$",
    re.I)
_FOUNDED_HERE_AFTER = re.compile(r"^(?:-[\w-]+)?\s+(?:[\w-]+\s+){0,3}?(?:gründen|ausgründen|selbs?t?ständig\s+machen|"
                                 r"niederlassen|eröffnen|aufmachen|aufzumachen)\b", re.I)


# a company founding another one ("eine Tochter in Polen gründen", "set up a subsidiary in the US"): a site of the
# company, not the seat of a founder
_FOUNDS_ANOTHER = re.compile(r"\b(?:tochter\w*|subsidiar\w*|niederlassung\w*|filiale\w*|zweigstelle\w*|branch\w*|"
                             r"joint[ -]venture|zweite\w*|weitere\w*|second|another|additional|zusätzlich\w*|"
                             # a site a running firm opens ("ein Büro in Berlin-Mitte aufzumachen")
                             r"büro|office|standort|lager|werk|showroom|warehouse)\b", re.I)


def _founded_here(text: str, p: Place) -> bool:
    """A founder founds at ``p`` ("set up a GmbH in Hamburg", "I'll incorporate in Berlin", "in Leipzig gründen"),
    not a company another one ("eine Tochtergesellschaft in Polen gründen")."""
    after = _FOUNDED_HERE_AFTER.match(text[p.end:p.end + 50])
    if not (_FOUNDED_HERE_BEFORE.search(text[max(0, p.start - 80):p.start]) or after):
        return False
    return not _FOUNDS_ANOTHER.search(left_clause(text, p.start) + " " + (after.group(0) if after else ""))


def seat_strength(text: str, p: Place) -> int:
    """2: an explicit seat ("Sitz in", "based in", "Sitz: ...", a founder's "gründen in"), 1: a site of the company
    ("Werk in", "R&D site in"), 0: any other seat-like mention ("Firma aus ...", "Berliner KMU")."""
    left = left_clause(text, p.start)
    if (_SEAT_LABEL.search(text[max(0, p.start - 20):p.start]) or _STRONG.search(left)
            or _SEAT_AND.search(text[max(0, p.start - 50):p.start])
            or _founded_here(text, p)):
        return 2
    if re.match(r"^[\s\-]based\b", text[p.end:p.end + 8], re.I) or _MOVED_DONE.search(left):
        return 2  # "Lyon-based"; a completed move there ("moved the whole team to Kreuzberg in 2025")
    # a site word inside the name of another place named before ("a coworking desk at Factory Berlin because … are in
    # Berlin") is no site of this one; the words around it stay ("Standorte in Hamburg und Berlin")
    begin = p.start - len(left)
    for q in find_places(text):
        if begin <= q.start and q.end <= p.start:
            left = left[:q.start - begin] + " " * (q.end - q.start) + left[q.end - begin:]
    if _SITE.search(left) or _SITE_AFTER.match(text[p.end:p.end + 40]) or _SITE_AFTER_VERB.match(text[p.end:p.end + 80]):
        return 1
    return 0


# "Berlin" inside the name of a programme or an institution ("Berliner Startup Stipendium", "Berlin Start",
# "Digitalprämie Berlin", "IHK Berlin"): a name the company asks about, not where it sits
_NAME_AFTER = re.compile(
    r"\s*(?:start(?![\w-])|innovativ\b|kredit\b|mittelstand\s*4|startup[- ]stipendium|invest\w{0,6}bonus|innovationsfachkr\w*|"
    r"innogrowth|partner\s+(?:für|for)\b)", re.I)
_NAME_BEFORE = re.compile(
    r"(?:prämie|praemie|zentrale|zukunftszentrum(?:\s*\(?ki\)?)?|efre-programm|investitionsbank|\bihk|\bibb|solarplus|"
    r"award|kampagne|campaign)\s*(?:zu\s+|in\s+)?$", re.I)


# where a person or company came from ("I moved to Berlin from India", "ursprünglich aus Köln"): no seat; where
# they moved to (past tense) is where they are now. German puts the verb last: "aus Köln nach Berlin gezogen".
_MOVED = r"moved|relocated|came|emigrated|immigrated|zugezogen|umgezogen|gezogen|gekommen|kam|kamen"
_MOVED_LAST = r"(?:gezogen|umgezogen|gekommen|übergesiedelt|zugezogen)\b"
_ORIGIN = re.compile(rf"\b(?:{_MOVED}|originally|ursprünglich|stamme|stammt|stammen)\b[^.;!?]{{0,40}}\b(?:from|aus)\s*"
                     r"(?:the\s+|der\s+|dem\s+)?$", re.I)
_MOVED_TO = re.compile(rf"\b(?:{_MOVED})\s+(?:\w+\s+){{0,4}}(?:to|nach)\s*$", re.I)
_ORIGIN_DE = re.compile(rf"^\s*(?:nach\s+[\w-]+\s+)?{_MOVED_LAST}", re.I)
# where the staff or customers come from ("da die Hälfte unserer Leute aus Berlin kommt"): no seat
# one of several others named before ("one in the Netherlands", "zwei davon in Polen")
_ONE_OF = re.compile(r"\b(?:one|two|three|another|others?|some|several|many|most|einer?|eins|zwei|drei|andere|einige|viele|"
                     r"mehrere)\s+(?:davon\s+|of them\s+)?(?:in|im|aus|from|based in)\s*(?:der|dem|den|the)?\s*$", re.I)
_STAFF_NOUNS = r"leute|mitarbeite\w*|beschäftigte\w*|belegschaft|kolleg\w*|azubis?|staff|employees|people|workers"
_PEOPLE_FROM = re.compile(rf"\b(?:{_STAFF_NOUNS}|kund\w*|customers|clients|"
                          # who invests from there ("a climate-tech VC from Munich", "ein Business Angel aus Hamburg")
                          r"vcs?|investor\w*|angels?|fonds|funds?|"
                          # who asks or visits ("Anfragen von Architekten aus Frankreich", "tourists from Spain")
                          r"anfragen|nachfrage|interessent\w*|besucher\w*|gäste\w*|tourist\w*|architekt\w*|händler\w*|"
                          r"inquiries|enquiries|requests|visitors|guests|architects|dealers|distributors)\b[^.;!?]{0,30}\b(?:aus|from)\s*$", re.I)
# where the staff live ("Die meisten unserer Leute wohnen übrigens in Berlin", "most of our team lives in Berlin")
_STAFF_LIVE = re.compile(rf"\b(?:{_STAFF_NOUNS}|team)\b[^.;!?]{{0,20}}\b(?:wohnen|wohnt|leben|lebt|live|lives|living)\b"
                         r"[^.;!?]{0,25}$", re.I)
_MOVED_DE = re.compile(rf"^\s*{_MOVED_LAST}", re.I)
# a company's completed move ("we moved the whole team to Kreuzberg", "haben den Sitz nach Pankow verlegt" is _MOVED_LAST)
_MOVED_DONE = re.compile(r"\b(?:we|wir|company|firm|firma|unternehmen|team|sitz|office|hq|headquarters)\b[^.;!?]{0,30}?"
                         r"\b(?:moved|relocated)\s+(?:\w+\s+){0,4}to\s*$", re.I)
# what a third party does there, not the company: a funder's place ("Förderung aus Berlin", "funding from Berlin"), an
# event held there ("Die Abschlussveranstaltung findet in Berlin statt"), a service provider's or maker's place ("produziert
# wird bei einem Lohnhersteller in Szczecin", "Lager bei einem Fulfillment-Dienstleister in Erfurt"), where goods come from
_FUNDER_BEFORE = re.compile(r"\b(?:förderung\w*|fördermittel\w*|fördergeld\w*|förderprogramm\w*|zuschuss\w*|zuschüsse|geld|"
                            r"gelder|mittel|funding|grants?|subsid(?:y|ies)|programme?|programmen?|programmes|programs?)\s+"
                            r"(?:aus|from|von)\s*(?:dem|der|the)?\s*$", re.I)
# ("statt" ends the clause: "findet in Berlin statt", not "in Berlin statt in Potsdam")
_HELD_AFTER = re.compile(r"^[^.;!?]{0,40}?\b(?:statt(?=\s*(?:[.,;:!?)]|$))|stattfinde\w*|stattfand|takes place|took place|"
                         r"is held|was held|will be held|will take place)", re.I)
_PROVIDER_BEFORE = re.compile(r"\bbei\s+(?:einem|einer|unserem|unserer|dem|der)\s+(?:[\w-]+\s+){0,2}?\w*(?:hersteller|"
                              r"dienstleister|partner|lieferant|zulieferer|händler|druckerei|produzent|spedition|logistiker)\w*"
                              r"\s+(?:in|im)\s*$|"
                              r"\b(?:at|with|by)\s+(?:a|an|our|the)\s+(?:[\w-]+\s+){0,2}?(?:manufacturer|provider|supplier|"
                              r"contract manufacturer|co-?packer|logistics (?:company|provider)|warehouse provider)s?\s+(?:in|at)\s*$|"
                              r"\b(?:ware|waren|produkte|rohstoffe|materialien|material|zutaten|goods|products|materials|"
                              r"ingredients)\b[^.;!?]{0,30}?\b(?:kommt|kommen|stammt|stammen|comes?|sourced|imported)\b[^.;!?]{0,20}?"
                              r"\b(?:aus|from)\s*(?:dem|der|the)?\s*$", re.I)


# where customers, partners or suppliers sit is their seat, not the company's ("unsere Kunden sitzen überwiegend in
# Süddeutschland", "our clients are based in Munich")
_THEIR_SEAT = re.compile(
    r"\b(?:kund\w*|\w+kunden|kundschaft|customers?|clients?|abnehmer\w*|käufer\w*|buyers?|partner\w*|lieferanten|suppliers?|"
    # the parent company's seat is not the subsidiary's ("Unser Mutterkonzern sitzt in Stuttgart, wir sind die Berliner
    # Tochter", "our parent company is in Paris")
    r"mutter(?:konzern|gesellschaft|unternehmen|firma|haus)\w*|konzernmutter|konzernzentrale|holding\w*|"
    r"parent(?:\s+(?:company|group|firm|corporation))?)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:sitzen|sitzt|sind|ist|ansässig|are|is|based|located)\b[^.;!?]{0,30}$",
    re.I)


_PROGRAMMES_AFTER = re.compile(r"^\s+(?:(?:gute|viele|tolle|spannende|attraktive|interessante|eigene|great|good|many|"
                               r"interesting|attractive)\s+)?(?:förderprogramm\w*|programm\w*|programmes?|programs?|"
                               r"fördermöglichkeit\w*|funding programmes?)\b", re.I)


# a question about who or what is in a place: "Who in Berlin can help us?", "Wer in Berlin kennt sich aus?"
_WHO_IN = re.compile(r"\b(?:who|whom|wer|wen|wem|anyone|anybody|someone|somebody|jemand\w*|ansprechpartner\w*|anlaufstellen?|"
                     r"contacts?|contact persons?)\s+(?:here\s+|hier\s+)?in\s*$", re.I)


# another firm or person the writer knows ("ein befreundeter Bäcker aus Neukölln", "a friend's bakery in Wedding",
# "ein Kollege in Spandau"): where they are, not the company
_OTHERS_FROM = re.compile(
    r"\b(?:befreundet\w*|freund(?:e|en|in|innen|es)?|kolleg(?:e|en|in|innen)|nachbar(?:n|in|betrieb\w*)?|friends?|friend's|"
    r"colleagues?|acquaintances?|neighbou?rs?)\b(?:\s+[\w-]+){0,2}\s+(?:aus|in|from|im)\s*(?:der|dem|den|the)?\s*$|"
    # "ein Bekannter aus Spandau" (the noun; "eine bekannte Bäckerei in Neukölln" is the writer's own)
    r"\bbekannte[rn]?\s+(?:aus|in|im|from)\s*(?:der|dem|den)?\s*$", re.I)
# another firm, named with an indefinite article, from a place, that turns to the writer ("A foundry SME from
# Brandenburg has approached us", "ein Zulieferer aus Sachsen hat uns angefragt"): where that firm is ("we are a
# company from Hamburg" is the writer's own: ``_SELF``; a consultant's "ein Metallbauer aus Spandau fragt nach" is
# the client's)
_OTHER_FIRM_FROM = re.compile(
    r"\b(?:a|an|ein|eine|einem|einer|einen)\s+(?:[\w-]+\s+){0,2}?(?:sme|kmu|firm|company|unternehmen|firma|betrieb|start-?up|"
    r"supplier|manufacturer|hersteller|zulieferer|foundry|gießerei|mittelständler|customer|client|kunde|partner)\s+"
    r"(?:from|aus)\s*(?:der|dem|the)?\s*$", re.I)
_TO_US = re.compile(r"\b(?:us|uns)\b", re.I)
# the writer's employer, now or before ("Derzeit bin ich Projektleiter bei einem Energieversorger in Berlin", "zuletzt als
# Werkstattleiter in einem Betrieb in Spandau", "I spent 6 years at an agency in Berlin-Mitte", "Ingenieur bei einem
# Optikunternehmen in Adlershof"): where the person works, not the business they found or take over (``role_of``: like
# the home, the seat only when no other is named)
_JOB_CUE = (r"(?:als|as)\s+[\w-]+|(?:bin|war|am|was|i'm)\s+(?:ich\s+|i\s+)?(?:\w+\s+){0,2}?[\w-]*(?:leiter\w*|ingenieur\w*|"
            r"engineer|manager\w*|entwickler\w*|developer|designer\w*|berater\w*|consultant|techniker\w*|meister\w*|referent\w*|"
            r"angestellt\w*|beschäftigt|tätig|employed|mitarbeiter\w*|employee)|arbeite\w*|worked|working|work|"
            r"spent\s+\w+\s+years|angestellt|employed|beschäftigt|tätig|job")
_EMPLOYER_BEFORE = re.compile(
    # a person's job: the first person singular or a note about a person ("Fr. K.", "Herr B."), not a firm's "we work
    # as a supplier for a car maker in Munich"
    rf"(?:\b(?:ich|i|i'm|mein\w*|my|fr\.|frau|hr\.|herr|she|he|sie|er)\b[^.;!?]{{0,60}}?|(?=\b(?:bin|war|am|was)\s))"
    rf"\b(?:{_JOB_CUE})\b[^.;!?]{{0,40}}?\b(?:bei|at|in)\s+(?:einem|einer|an?)\s+(?:[\w-]+\s+){{1,3}}?"
    r"(?:\([^)]{0,40}\)\s+)?(?:in|im|at)\s*(?:der|dem|the)?\s*(?:berlin-)?$", re.I)
# where the writer lives ("ich selbst wohne auch in Berlin", "I live in Pankow"): the seat only when the text names no
# other (a freelancer's home is the business); the company's stated seat elsewhere stands
_RESIDENCE = re.compile(r"\b(?:ich|i)\s+(?:\w+\s+){0,2}?(?:wohne|lebe|live)\b(?:\s+\w+){0,2}\s+(?:in|im)\s*$", re.I)
# where the writer comes from ("I am from Porto and run a company in Marienfelde", "ich komme aus Spanien"): like the
# home, the seat only when the text names no other ("originally from" is no seat at all: ``_ORIGIN``)
_PERSON_FROM = re.compile(r"\b(?:i am|i'm|i come|ich komme|ich bin|ich stamme)\s+(?:also\s+|auch\s+|selbst\s+)?"
                          r"(?:from|aus)\s*(?:the\s+|der\s+|dem\s+)?$", re.I)


def role_of(text: str, p: Place) -> str:
    """'seat', 'market', 'planned', 'residence' or 'neutral' for one place mention."""
    if _SEAT_LABEL.search(text[max(0, p.start - 30):p.start]):
        return "seat"
    if _GROUP_SEAT_BEFORE.search(text[max(0, p.start - 60):p.start]):
        return "market"  # "Tochter einer Unternehmensgruppe mit Hauptsitz in Paris": the group's seat
    if _OTHER_PERSON_SITS.search(text[max(0, p.start - 60):p.start]):
        return "neutral"  # "ein Mitgründer sitzt noch halb in Breslau": where a person is
    if (_FUNDER_BEFORE.search(text[max(0, p.start - 40):p.start]) or _PROVIDER_BEFORE.search(text[max(0, p.start - 90):p.start])
            or _HELD_AFTER.match(right_clause(text, p.end))):
        return "market"
    left, right = left_clause(text, p.start), right_clause(text, p.end)
    if _PAST_SEAT.search(left + " " + right):
        return "neutral"  # "hatte dort bis Ende 2023 ihren Sitz": the seat before a move
    if _founded_here(text, p):
        return "seat"  # "mich in meinem Heimatort Eberswalde selbständig machen", "set up a GmbH in Hamburg"
    if _FAIR_NAME_AFTER.match(text[p.end:p.end + 15]) or _FAIR_NAME_BEFORE.search(text[max(0, p.start - 30):p.start]):
        return "market"  # a trade fair named by its city ("Hannover Messe", "Messe München"): where the fair is
    if _OTHERS_FROM.search(text[max(0, p.start - 60):p.start]):
        return "market"
    if _OTHER_FIRM_FROM.search(text[max(0, p.start - 60):p.start]) and not _SELF.search(left) and _TO_US.search(right):
        return "market"  # "A foundry SME from Brandenburg has approached us", "ein Zulieferer aus Sachsen"
    if _EMPLOYER_BEFORE.search(text[max(0, p.start - 160):p.start]):
        # "Projektleiter bei einem Energieversorger in Berlin", "spent 6 years at an agency in Mitte": like the home, where
        # the person is when the text names no seat of a business of their own
        return "residence"
    if _RESIDENCE.search(text[max(0, p.start - 50):p.start]) or _PERSON_FROM.search(text[max(0, p.start - 30):p.start]):
        return "residence"
    if p.region == "berlin" and _PROGRAMMES_AFTER.match(text[p.end:p.end + 40]):
        return "neutral"  # "dass es in Berlin gute Programme gibt": where the programmes are, not the company
    if p.region == "berlin" and (_NAME_AFTER.match(text[p.end:p.end + 30])
                                 or _NAME_BEFORE.search(text[max(0, p.start - 30):p.start])):
        return "market"  # part of a programme's or institution's name
    after = text[p.end:p.end + 40]
    if (_ORIGIN.search(left) or _PEOPLE_FROM.search(left) or _STAFF_LIVE.search(left)
            or (re.search(r"\b(?:aus|von)\s*$", left, re.I) and _ORIGIN_DE.match(after))):
        return "neutral"
    if _MOVED_TO.search(left) or (re.search(r"\bnach\s*$", left, re.I) and _MOVED_DE.match(after)):
        return "seat"
    if _WHO_IN.search(left):
        return "neutral"  # "Who in Berlin can help us?", "wer in Berlin berät": where the helpers are
    if _ONE_OF.search(left):
        return "market"  # "two integrators (one in Germany, one in the Netherlands)": where others are
    last_market = max((m.end() for m in _MARKET.finditer(left)), default=-1)
    last_seat = max((m.end() for m in _SEAT.finditer(left)), default=-1)
    whole = left + " " + right
    if re.match(r"^[\s\-]based\b", text[p.end:p.end + 8], re.I):
        return "seat"
    if _PLANNED_BEFORE.search(left):
        return "planned"
    # "our" with a site or the firm names a site the company has ("unser Werk in Spandau erweitern", "Unsere Firma
    # sitzt … in Berlin"); "our" with something else does not ("Rund 60 % unseres Umsatzes …, deshalb planen wir eine
    # Niederlassung in")
    if _PLANNED.search(whole) and _SITE_NOUN.search(whole) and (not _OUR_SITE.search(left) or _OPEN_OUR.search(whole)):
        return "planned"
    if _WITH_UNI.search(text[max(0, p.start - 60):p.start]):
        return "market"  # "mit der Universität Freiburg": a partner ("ein Team der Universität Freiburg" sits there)
    if _OF_GROUP_BEFORE.search(left) and _GROUP_AFTER.match(text[p.end:p.end + 30]):
        return "market"  # "Niederlassung eines Berliner Konzerns": the group's seat
    if p.adjective and _CULTURE_NOUN.match(text[p.end:p.end + 30]):
        return "neutral"  # "ein indisches Restaurant", "italienische Feinkost", "Greek food": a style, not a seat
    if (p.adjective and _OTHERS_ADJ_BEFORE.search(text[max(0, p.start - 60):p.start])
            and not _OWN_SITE_NOUN_AFTER.match(text[p.end:p.end + 30])):
        return "market"  # "mit einem Berliner Startup", "in 3 Berliner Bioläden", "auf Berliner Wochenmärkten": others
    if p.adjective and _NOT_SEAT_NOUN.match(text[p.end:p.end + 30]) and not _SELF.search(left):
        return "market"  # "Berliner Hochschule", "Berliner Kunden", "Berliner Förderprogramme"
    if _DIRECTIONAL.search(left) or _FOR_NEAR.search(left):
        return "market"
    if last_market > last_seat or _THEIR_SEAT.search(left):
        return "market"
    if last_market < 0 and last_seat < 0 and _delivers_to_list(text, p.start):
        return "market"  # "wir beliefern vor allem Supermärkte und Wochenmärkte in Berlin": the verb before the list
    if _WITH_INSTITUTION.search(text[max(0, p.start - 40):p.start]):
        return "market"  # "ein Forschungsprojekt mit der HTW Berlin": the partner's city ("an der TU Berlin" is the team's)
    if _PROGRAMME_IN.search(left):
        return "market"  # "accepted into an accelerator programme in Berlin": where the programme is
    if p.adjective and _SELF_OR_OUR.search(left) and _OWN_FIRM_AFTER.match(text[p.end:p.end + 40]):
        return "seat"  # "Unser Berliner SaaS-Unternehmen verkauft …": the writer's firm, whatever it sells where
    if _MARKET_AFTER.match(right) and last_seat < 0:
        return "market"
    if _OTHERS_AFTER.match(text[p.end:p.end + 50]) and not _SELF.search(left):
        return "market"  # "a packaging converter in Neukölln (our biggest customer)": the bracket says whose place it is
    if p.adjective and p.region != "berlin" and _PREDICATE_AFTER.match(text[p.end:p.end + 8]):
        return "neutral"  # a person's nationality ("two founders (one French, one German)", "I'm Polish")
    if last_seat >= 0 or _PREP.search(left) or p.adjective or p.name.isdigit():
        return "seat"  # a postcode is part of an address
    if _ARTICLE_BEFORE.search(left) and _COMPANY_AFTER.match(text[p.end:p.end + 40]):
        return "seat"  # "we are a Berlin start-up", "our Berlin company": the place names the writer's company
    if re.match(r"^\s*(?:sitz\w*|ansässig|based|headquartered)\b", right, re.I):
        return "seat"  # "in Berlin ansässig", "Berlin based"
    return "neutral"


# not in Berlin: said so, or expanding there (a market or a site, the text does not tell)
_NOT_IN_BERLIN = re.compile(r"nicht in berlin|außerhalb (?:von )?berlins?|not (?:based )?in berlin|outside (?:of )?berlin|"
                            r"expand\w* (?:nach|to) berlin|"
                            # "We don't have an office in Berlin", "kein Büro in Berlin"
                            r"(?:(?:do not|don't|doesn't|does not) have|have no|haven't got|without) (?:an? |any )?"
                            r"(?:office|site|presence|branch|location|subsidiary|establishment|plant|team)s? in berlin|"
                            r"(?:kein\w*|ohne) (?:eigene\w* )?(?:büro|standort|niederlassung|betriebsstätte|sitz|präsenz|filiale)\w* in berlin|"
                            # "Einen Standort in Berlin planen wir nicht", "a Berlin site is not planned"
                            r"(?:büro|standort|niederlassung|betriebsstätte|filiale|site|office|branch)\w* in berlin "
                            r"(?:planen|wollen|haben|brauchen) wir (?:auch )?(?:nicht|keinen|keine)|"
                            r"(?:büro|standort|niederlassung|betriebsstätte|filiale|site|office|branch)\w* in berlin (?:ist|is) (?:nicht|not) "
                            r"(?:geplant|planned)",
                            re.I)
# moving to Berlin or settling there: a planned Berlin site
_TO_BERLIN = re.compile(
    # a completed move is no plan: "a Dresden spin-off that relocated to Berlin last year" sits in Berlin
    r"(?:umzug|ansiedlung|ansiedeln|verlager\w*|relocat(?!ed\b)\w*|move|moving) (?:\w+ ){0,6}?(?:nach|to) berlin|"
    r"nach berlin(?:-[\w-]+)? (?:ziehen|umziehen|kommen|verlagern)|"
    # a site search with Berlin on the shortlist ("Candidates are Berlin, Hungary and Poland", "Berlin ist einer der
    # Kandidaten", "we consider Berlin as a location")
    r"\b(?:candidates?|kandidaten|shortlist|short list|options|optionen|in frage kommen)\s+(?:are|include|sind|:)\s*"
    r"(?:[\w-]+,?\s+(?:and\s+|und\s+)?){0,4}?berlin\b|"
    r"\bberlin\s+(?:is|ist)\s+(?:one of|eine?r? der)\s+(?:the\s+|unserer\s+|our\s+)?(?:\w+\s+)?(?:candidates|options|kandidaten|optionen|standorte)\b|"
    # "Berlin is on our shortlist together with Hamburg", "Berlin steht bei uns auf der engeren Auswahl"
    r"\bberlin\s+(?:is|ist|steht)\s+(?:\w+\s+){0,2}?(?:on|auf)\s+(?:our|the|unserer|der)\s+(?:short\s?list|engeren?\s+auswahl|liste)\b|"
    r"\b(?:evaluat\w*|prüfen|consider\w*|erwägen)\s+(?:\w+\s+){0,2}berlin\s+(?:as|als)\s+(?:an?\s+|neuen?\s+|new\s+)?(?:location|site|standort)",
    re.I,
)
# the company itself moves to Berlin ("move the company and the whole team to Berlin", "Firmensitz nach Berlin
# verlegen"): the Berlin seat it names is the new one, not a second site of a company already there
_COMPANY_MOVES = re.compile(
    r"\b(?:move|moving|relocat\w*|verlager\w*|verleg\w*|umziehen|umzug)\s+(?:(?:the|our|unsere?n?|die|den|das|mit)\s+)?"
    r"(?:company|firma|unternehmen|firmensitz|sitz|hq|headquarters|hauptsitz|zentrale|business|start-?up|whole team|team)\b"
    r"[^.;!?]{0,40}?\b(?:nach|to)\s+berlin\b|"
    r"\b(?:we|wir)\s+(?:are\s+|will\s+|werden\s+|ziehen\s+)?(?:moving|move|relocating|relocate|umziehen)\s+(?:\w+\s+){0,3}?(?:nach|to)\s+berlin\b|"
    # German puts the verb last: "mit dem Studio nach Berlin umziehen", "die Firma nach Berlin verlagern"
    r"\b(?:mit\s+(?:der|dem|unserer|unserem)\s+|(?:die|den|das|unsere?n?)\s+)(?:firma|unternehmen|firmensitz|sitz|hauptsitz|"
    r"zentrale|studio|team|betrieb|start-?up|agentur|werkstatt)\s+(?:[\w-]+\s+){0,2}?nach\s+berlin\s+"
    r"(?:umziehen|ziehen|verlagern|verlegen|holen|bringen)\b",
    re.I)
_SALES_BEFORE = re.compile(r"\b(?:absatz|umsatz|umsätze|kund\w*|verkauf\w*|vertrieb\w*|sales|customers?|clients?|"
                           r"markets?|sell\w*|sold|liefer\w*|deliver\w*|ship\w*|versand|versend\w*|verschick\w*|export\w*|"
                           r"hälfte|half|fairs?|trade fairs?|events?|projects?|orders?|suppliers?|partners?)\b[^.;!?]{0,30}$"
                           # fairs, partners, suppliers, projects and orders outside Berlin ("auch für Messen außerhalb
                           # Berlins", "die Hochschulpartner außerhalb Berlins"), compounds too
                           r"|\b\w*(?:messe|messen|partner\w*|lieferant\w*|projekt\w*|aufträge|auftrag\w*|baustelle\w*|"
                           r"veranstaltung\w*)\b[^.;!?]{0,30}$"
                           # a share of what is made or sold: "Around 75% go outside Berlin", "80 Prozent gehen außerhalb"
                           r"|\d+\s?(?:%|prozent\b|percent\b)[^.;!?]{0,30}$", re.I)
_GERMANY = re.compile(r"\b(deutschland|germany|german company|deutsches unternehmen|bundesrepublik)\b", re.I)


def _label(p: Place) -> str:
    if p.region in ("berlin", "brandenburg") or p.name.isdigit():
        return p.region  # a postcode elsewhere in Germany: "germany"
    return p.name.lower()


@dataclass(frozen=True)
class Location:
    """Where the company sits, from its own words."""

    label: str | None               # "berlin", "brandenburg", another German place ("münchen"), a place abroad
    in_berlin: bool | None
    in_germany: bool | None
    planned_berlin_site: bool = False  # not (yet) in Berlin, but opening a site or moving there
    # the parts of Berlin and business sites where the company sits or plans its site, by their listed names
    places: tuple[str, ...] = ()
    # in Berlin, but the investment goes to a site elsewhere ("eine Halle in Ludwigsfelde gefunden")
    site_outside_berlin: str | None = None


# a site the company builds, buys or rents for the project ("Halle in Ludwigsfelde gefunden", "zweites Werk in Polen")
_PROJECT_SITE = re.compile(
    r"\b(?:halle|hallen|werk|werks|fabrik|factory|plant|produktionsstätte|produktionsstandort|production (?:site|hall|plant)|"
    r"fertigungsstätte|grundstück|gelände|neubau|warehouse|lagerhalle)\b", re.I)
_PROJECT_SITE_VERB = re.compile(
    r"\b(?:gefunden|bauen|errichten|aufbauen|kaufen|gekauft|mieten|gemietet|pachten|eröffnen|beziehen|ziehen|"
    r"found|build|building|set(?:ting)? up|open|opening|buy|bought|rent|rented|lease|leased|move)\b", re.I)


def _site_outside_berlin(text: str, roles: list) -> str | None:
    """The label of a place outside Berlin where a company seated in Berlin puts its project: a site it plans
    there, or a hall or plant it builds, buys or rents there (not a customer, partner or trade fair)."""
    for p, r in roles:
        if p.region == "berlin" or r not in ("planned", "seat"):
            continue
        whole = left_clause(text, p.start) + " " + right_clause(text, p.end)
        if r == "planned" or (_PROJECT_SITE.search(whole) and _PROJECT_SITE_VERB.search(whole)):
            return _label(p)
    return None


def locate(text: str) -> Location:
    """The company's seat, and whether it plans a site in Berlin ("opening our first EU production site in
    Berlin", "Umzug nach Berlin", "moving our HQ to Berlin": Berlin programmes are then open to it for the
    new Berlin establishment), with the parts of Berlin where it sits or plans its site."""
    roles = [(p, role_of(text, p)) for p in find_places(text)]
    return replace(_locate(text, roles), places=_company_places(roles))


def _company_places(roles: list) -> tuple[str, ...]:
    """The parts of Berlin and business sites named as the company's seat or planned site ("Wir sitzen in
    Adlershof", "a new plant in Siemensstadt"); not the city itself, nor markets and partners."""
    own = ("seat", "planned") if any(r == "seat" for _p, r in roles) else ("seat", "planned", "residence")
    return tuple(dict.fromkeys(p.name for p, r in roles if r in own and p.region == "berlin"
                               and p.name.lower() != "berlin" and not p.name.isdigit()))


def _locate(text: str, roles: list) -> Location:
    to_berlin = bool(_TO_BERLIN.search(text)) or any(r == "planned" and p.region == "berlin" for p, r in roles)
    # "70 % Absatz außerhalb Berlin/Brandenburg" is about sales, not the seat
    not_in = any(not _SALES_BEFORE.search(text[max(0, m.start() - 40):m.start()]) for m in _NOT_IN_BERLIN.finditer(text))
    moving = to_berlin or not_in
    seats = [p for p, r in roles if r == "seat"]
    if _MOVED_TO_BERLIN_DONE.search(text) and any(p.region == "berlin" for p, _ in roles):
        return Location("berlin", True, True, site_outside_berlin=_site_outside_berlin(text, roles))
    if not seats:
        seats = [p for p, r in roles if r == "residence"]
    neutral = [p for p, r in roles if r == "neutral"]
    other_seats = [p for p in seats if p.region != "berlin"]
    berlin_seats = [p for p in seats if p.region == "berlin"]
    if berlin_seats and other_seats:
        # "Sitz in Falkensee ... für Berliner Bauherren": an explicit seat elsewhere beats a weak Berlin
        # mention; a Berlin site ("R&D site in Berlin", "Werk in Spandau") counts as being in Berlin
        best_b = max(seat_strength(text, p) for p in berlin_seats)
        best_o = max(seat_strength(text, p) for p in other_seats)
        if best_o == 2 and best_b == 0:
            berlin_seats = []
            seats = other_seats
    from_elsewhere = other_seats or [p for p in neutral if p.region != "berlin"]
    if (to_berlin and not not_in and berlin_seats and not other_seats
            and not (from_elsewhere and _COMPANY_MOVES.search(text))):
        moving = False  # a second site in Berlin of a company already seated there
    if (moving and not not_in and any(_founded_here(text, p) for p in berlin_seats)
            and not any(_founded_here(text, p) for p in other_seats) and not _COMPANY_MOVES.search(text)):
        # a founder who moves to Berlin and founds there ("relocating to Berlin … I'll incorporate in Berlin"): the
        # business will sit in Berlin (a company that moves there plans a Berlin site)
        return Location("berlin", True, True, site_outside_berlin=_site_outside_berlin(text, roles))
    if moving:
        elsewhere = other_seats or [p for p in neutral if p.region != "berlin"]
        if elsewhere:
            p = elsewhere[0]
            return Location(_label(p), False, p.region != "abroad", to_berlin)
        return Location(None, False, None, to_berlin)
    if berlin_seats:
        return Location("berlin", True, True, site_outside_berlin=_site_outside_berlin(text, roles))
    if other_seats:
        p = other_seats[0]
        return Location(_label(p), False, p.region != "abroad")
    if any(p.region == "berlin" for p in neutral):
        return Location("berlin", True, True)
    if _GERMANY.search(text):
        return Location("germany", None, True)
    return Location(None, None, None)


def read_location(text: str) -> tuple[str | None, bool | None, bool | None]:
    """(location label, in_berlin, in_germany) of the company's seat, from its own words (see ``locate``).

    The label is "berlin", "brandenburg", another German city or state in lower case
    ("münchen") or a place abroad ("vienna"); ``None`` when the text does not say where the
    company sits.
    """
    loc = locate(text)
    return loc.label, loc.in_berlin, loc.in_germany


def is_berlin(name: str | None) -> bool | None:
    """True/False for a location label or place name; None when it is unknown."""
    if not name:
        return None
    r = region_of(name)
    return None if r is None else r == "berlin"
