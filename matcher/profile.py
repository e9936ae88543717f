"""Read a company profile out of free text, deterministically (German and English).

Every extracted field is listed in ``profile.stated``; derived fields (size class from
employees, stage from age) are filled but not listed there. Unknown stays ``None``.
"""

from __future__ import annotations

import datetime as dt
import re

from .models import CompanyProfile, Topic
from .text import detect_language, fold

# ---------------------------------------------------------------- numbers

_NUM = r"(\d{1,3}(?:[.\s’']\d{3})+|\d+(?:[.,]\d+)?)"


def parse_number(s: str) -> float:
    """German or English notation: '2.000' -> 2000, '1,5' -> 1.5, '2,000' -> 2000, '3.5' -> 3.5."""
    s = s.strip().replace("’", "").replace("'", "").replace(" ", "")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", s):
        return float(s.replace(".", ""))
    if re.fullmatch(r"\d{1,3}(,\d{3})+", s):
        return float(s.replace(",", ""))
    return float(s.replace(",", "."))


_MULT = {
    "mrd": 1e9, "milliarde": 1e9, "milliarden": 1e9, "bn": 1e9, "billion": 1e9, "b": 1e9,
    "mio": 1e6, "million": 1e6, "millionen": 1e6, "mill": 1e6, "m": 1e6, "mn": 1e6,
    "tsd": 1e3, "tausend": 1e3, "k": 1e3, "t": 1e3,
}

_STAFF_WORDS = (
    r"(?:ma\b|mitarbeiter(?:innen|:innen|\*innen|_innen)?|mitarbeitende[n]?|beschäftigte[n]?|angestellte[n]?|"
    r"leute|personen|köpfe|fte|vollzeitstellen|stellen|employees?|staff|people|workers|heads|team members|"
    r"persons|fachkräfte)"
)
_EMP_PATTERNS = [
    re.compile(rf"(?:rund |ca\.? |circa |etwa |about |around |approx\.? |~)?{_NUM}\s*\+?\s*{_STAFF_WORDS}", re.I),
    re.compile(rf"(?:team|belegschaft|workforce|headcount|staff|mitarbeiterzahl|beschäftigtenzahl)\s*(?:von|of|aus|:|=|ist|is|with)?\s*(?:rund |ca\.? |etwa |about |around )?{_NUM}\b", re.I),
    re.compile(rf"{_STAFF_WORDS}\s*[:=]\s*{_NUM}", re.I),
    re.compile(rf"(?:wir sind|we are|sind wir)\s+(?:rund |ca\.? |etwa |about |around )?{_NUM}\b(?!\s*(?:jahre|years|%|prozent))", re.I),
]
_EMP_WORDS = {
    "ein-personen": 1, "einzelunternehmer": 1, "solo": 1, "allein": 1, "zu zweit": 2, "zu dritt": 3,
    "zu viert": 4, "zu fünft": 5,
}
_NUMBER_WORDS = {
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "zwölf": 12, "zwanzig": 20, "dreißig": 30, "fünfzig": 50, "hundert": 100,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "twelve": 12, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100,
}

_TURNOVER = re.compile(
    rf"(?:umsatz|jahresumsatz|umsätze|turnover|revenue|revenues|sales)\s*(?:von|of|:|=|ca\.?|rund|etwa|about|around|liegt bei|is|beträgt|~)?\s*"
    rf"(?:ca\.?\s*|rund\s*|etwa\s*|about\s*|around\s*)?(?:€|eur|euro)?\s*{_NUM}\s*"
    rf"(mrd\.?|milliarden?|bn|billion|mio\.?|millionen|million|mill\.?|mn|m|tsd\.?|tausend|k)?\b",
    re.I,
)
_TURNOVER_AFTER = re.compile(
    rf"(?:€|eur|euro)?\s*{_NUM}\s*(mrd\.?|milliarden?|bn|billion|mio\.?|millionen|million|mill\.?|mn|m|tsd\.?|tausend|k)\s*"
    rf"(?:€|eur|euro)?\s*(?:jahres)?(?:umsatz|turnover|revenue|sales|in sales|in revenue)",
    re.I,
)

# ---------------------------------------------------------------- age / founding

_FOUNDED_YEAR = re.compile(
    r"(?:gegr(?:ündet|\.)?|gründung(?:sjahr)?|founded|established|est\.|incorporated|seit|since|am markt seit|gegründet im jahr|gegründet in)\s*(?:im jahr\s*|in\s*)?((?:19|20)\d{2})\b",
    re.I,
)
_AGE_YEARS = re.compile(
    rf"(?:seit|since|for)\s*(?:über\s*|mehr als\s*|rund\s*|over\s*|more than\s*|about\s*)?{_NUM}\s*(jahren|jahre|years?|monaten|monate|months?|wochen|weeks)",
    re.I,
)
_AGE_AGO = re.compile(
    rf"(?:gegründet|gegr\.|gründung|founded|incorporated|started|established)\s*(?:vor|in)?\s*(?:rund\s*|etwa\s*|ca\.\s*)?{_NUM}\s*(jahren|jahre|monaten|monate|wochen|years?|months?|weeks?)(?:\s*ago)?",
    re.I,
)
_AGE_AGO2 = re.compile(
    rf"(?:{_NUM}\s*(years?|months?|weeks?)\s+ago|vor\s+{_NUM}\s*(jahren|monaten|wochen)\s+(?:gegründet|gestartet))", re.I
)
_AGE_OLD = re.compile(
    rf"{_NUM}\s*(jahre|years?|monate|months?)\s*(?:alt|old|am markt|on the market|in business|im geschäft)", re.I
)
_AGE_HYPHEN = re.compile(r"(\d+)-(?:year|jahr|jährig)", re.I)

_PRE_FOUNDING = re.compile(
    r"(noch nicht gegründet|vor der gründung|vorgründung|gründen wollen|wollen .{0,40}gründen|möchten .{0,40}gründen|"
    r"planen .{0,40}gründung|plane .{0,40}gründung|gründungsvorhaben|gründungsidee|gründungsteam|geschäftsidee|ausgründen|"
    r"ausgründung planen|not (?:yet )?(?:founded|incorporated)|pre-?founding|pre-?seed team|founding team|"
    r"want to (?:found|start) (?:a|our|my) (?:company|business|startup|start-up)|plan(?:ning)? to (?:found|start|incorporate)|"
    r"before founding|business idea|wir sind .{0,30}studierende|we are .{0,30}students|spin-?off (?:project|team)|"
    r"as a team of researchers|forschungsteam .{0,40}gründ|selbstständig machen|selbständig machen|going to start a business)",
    re.I,
)
_STARTUP = re.compile(r"\b(start-?up|jungunternehmen|junges unternehmen|young company|neu gegründet|newly founded|frisch gegründet)\b", re.I)

# ---------------------------------------------------------------- organisation type

_RESEARCH = re.compile(
    r"\b(forschungseinrichtung|forschungsinstitut|institut für|institute of|institute for|lehrstuhl|fachgebiet|"
    r"hochschule(?! für technik und wirtschaft als partner)|universität|university|fraunhofer|leibniz|helmholtz|max-planck|"
    r"research institute|research institution|research group|forschungsgruppe|arbeitsgruppe|professur|chair of)\b",
    re.I,
)
_RESEARCH_AS_SELF = re.compile(
    r"\b(wir sind (?:ein|eine|das|die) (?:forschungs|institut|hochschul|universit|lehrstuhl|fachgebiet|arbeitsgruppe)|"
    r"we are (?:a|an|the) (?:research|university|institute|chair)|unser (?:institut|lehrstuhl|fachgebiet)|"
    r"our (?:institute|chair|lab|research group)|als (?:forschungseinrichtung|hochschule|institut)|"
    r"as a (?:research|university)|ich (?:bin|leite) .{0,30}(?:professor|lehrstuhl|fachgebiet|institut)|"
    r"i (?:am|lead|head) .{0,30}(?:professor|chair|institute|research group))",
    re.I,
)
_PARTNER_RESEARCH = re.compile(
    r"\b(mit (?:der|dem|einer|einem) (?:tu|fu|hu|bht|htw|hwr|uni|universität|hochschule|fraunhofer|institut|forschungs\w*)|"
    r"zusammen mit (?:der|dem) \w+|mit (?:tu|fu|hu|bht|htw) berlin|mit fraunhofer|with (?:the )?(?:tu|technical university|university|fraunhofer|institute|a research)|"
    r"together with (?:the )?\w+ (?:university|institute)|forschungspartner|research partner|hochschulpartner|"
    r"in kooperation mit (?:der|dem|einer) \w+|kooperation mit (?:der )?(?:tu|fu|hu|bht|htw|uni))",
    re.I,
)
_NO_PARTNER = re.compile(r"(ohne (?:forschungs)?partner|keinen (?:forschungs)?partner|allein entwickeln|no (?:research )?partner|on our own)", re.I)

# ---------------------------------------------------------------- location

BERLIN_PLACES = (
    "berlin", "spandau", "adlershof", "marzahn", "hellersdorf", "neukölln", "neukoelln", "moabit", "reinickendorf",
    "tempelhof", "schöneberg", "lichtenberg", "charlottenburg", "wilmersdorf", "kreuzberg", "friedrichshain",
    "wedding", "pankow", "treptow", "köpenick", "koepenick", "siemensstadt", "tegel", "mitte", "steglitz",
    "zehlendorf", "weißensee", "oberschöneweide", "schöneweide", "buch", "marienfelde", "mariendorf", "wittenau",
    "prenzlauer berg", "humboldthain", "gesundbrunnen", "tiergarten", "hohenschönhausen", "rudow", "britz",
    "buckow", "lichtenrade", "friedenau", "dahlem", "westend", "haselhorst", "borsigwalde", "johannisthal",
)
BRANDENBURG_PLACES = (
    "brandenburg", "potsdam", "cottbus", "frankfurt (oder)", "frankfurt/oder", "oranienburg", "eberswalde",
    "ludwigsfelde", "teltow", "wildau", "schönefeld", "hennigsdorf", "falkensee", "bernau", "königs wusterhausen",
    "schwedt", "grünheide", "eisenhüttenstadt", "senftenberg", "luckenwalde", "neuruppin", "strausberg",
)
GERMAN_CITIES = (
    "münchen", "munich", "hamburg", "köln", "cologne", "frankfurt", "stuttgart", "düsseldorf", "dusseldorf",
    "leipzig", "dresden", "hannover", "nürnberg", "nuremberg", "bremen", "essen", "dortmund", "bochum",
    "karlsruhe", "mannheim", "aachen", "bonn", "münster", "freiburg", "augsburg", "chemnitz", "magdeburg",
    "rostock", "kiel", "erfurt", "jena", "halle", "wolfsburg", "braunschweig", "ulm", "regensburg", "bayern",
    "bavaria", "sachsen", "saxony", "nrw", "nordrhein-westfalen", "baden-württemberg", "hessen", "thüringen",
    "niedersachsen", "schleswig-holstein", "mecklenburg", "rheinland-pfalz", "saarland", "sachsen-anhalt",
)
ABROAD_PLACES = (
    "wien", "vienna", "zürich", "zurich", "paris", "london", "amsterdam", "warschau", "warsaw", "prag", "prague",
    "madrid", "barcelona", "milan", "mailand", "stockholm", "kopenhagen", "copenhagen", "österreich", "austria",
    "schweiz", "switzerland", "frankreich", "france", "polen", "poland", "usa", "united states", "uk",
    "netherlands", "niederlande", "spain", "spanien", "italy", "italien", "istanbul", "türkei", "turkey",
)
_NOT_IN_BERLIN = re.compile(
    r"(nicht in berlin|außerhalb (?:von )?berlins?|not (?:based )?in berlin|outside (?:of )?berlin|"
    r"(?:umzug|ansiedlung|ansiedeln|verlagern|relocat\w*|move|moving|expand\w*) (?:nach|to) berlin|nach berlin (?:ziehen|umziehen|kommen|verlagern))",
    re.I,
)

# ---------------------------------------------------------------- needs and instruments

NEED_PATTERNS: dict[str, str] = {
    "rnd": r"(forschung|entwick|f&e|fue\b|r&d|research|develop|prototyp|innovat|neuartig|novel|pilotanlage|pilot plant|"
           r"demonstrator|machbarkeit|feasibility|erfind|invent|patent|technolog|verbundprojekt|forschungsprojekt|testen|erproben)",
    "investment": r"(investi|invest\b|maschine|machine|anschaff|beschaff|kaufen|purchase|ausrüstung|equipment|halle|neubau|"
                  r"erweiter|expan|kapazität|capacity|produktionslinie|production line|fertigungslinie|new site|ansiedl|"
                  r"neuen standort|fertigung automatisieren|automate (?:our|the) production)",
    "skills": r"(fachkräft|skilled|personal|einstell|hiring|hire\b|recruit|weiterbild|qualifizier|schulung|training|"
              r"ausbild|azubi|apprentic|mitarbeit\w* gewinnen|talent|upskill|reskill|kompetenz)",
    "internationalisation": r"(export|international|ausland|abroad|foreign|messe|trade fair|trade show|neue märkte|new markets|"
                            r"weltmarkt|usa\b|china|asien|asia)",
    "energy_resources": r"(energie|energy|strom|electricity|wärme|heat|dekarbon|decarbon|co2|co₂|klima|climate|emission|"
                        r"ressource|resource|effizien|efficien|kreislauf|circular|recyc|rezykl|abfall|waste|"
                        r"material\w*einsparung|nachhaltig|sustainab|wasserstoff|hydrogen|photovoltaik|solar)",
    "founding": r"(gründ|found|start-?up|ausgründ|spin-?off|existenzgründ|selbstständig|selbständig|pre-?seed|seed)",
    "financing": r"(finanzier|financ|kredit|credit|darlehen|loan|kapital|capital|liquidität|liquidity|investor|"
                 r"geld|money|bürgschaft|guarantee|eigenkapital|equity|wachstumsfinanz|betriebsmittel|working capital|"
                 r"vorfinanz|sicherheiten|collateral|finanzierungsrunde|funding round|cash)",
    "advice": r"(berat|advice|advis|consult|coaching|coach|mentor|orientierung|guidance|unterstützung bei|hilfe bei|"
              r"help with|wer kann helfen|ansprechpartner|contact person|förderberatung|fördermittelberatung|"
              r"welche förder|which funding|überblick|overview|keine ahnung|no idea|wo anfangen|where to start)",
    "partners": r"(partner|kooperation|cooperat|collaborat|netzwerk|network|vernetz|austausch|exchange|matchmaking|"
                r"verbund|konsortium|consortium|kontakt|contacts|mit der tu|mit der hu|mit der fu|mit der bht|"
                r"with (?:the )?tu|hochschule|university|institut)",
    "digitalisation": r"(digital|software|it-|it sicherheit|cyber|ki\b|künstliche intelligenz|\bai\b|artificial intelligence|"
                      r"daten|data|cloud|erp|plattform|platform|iot|app\b|automatisier|robot)",
    "succession": r"(nachfolg|succession|übergabe|handover|übernahme|takeover|ruhestand|retire|nachfolger|successor)",
}
_NEED_RE = {k: re.compile(v, re.I) for k, v in NEED_PATTERNS.items()}

INSTRUMENT_PATTERNS: dict[str, str] = {
    "grant": r"(zuschuss|zuschüsse|zuschüssen|grant|förderzuschuss|nicht rückzahlbar|non-repayable|subsid|fördergeld|förderquote)",
    "loan": r"(darlehen|kredit|credit|loan|förderkredit|fremdkapital|debt)",
    "equity": r"(beteiligung|eigenkapital|equity|venture|wagniskapital|risikokapital|investor|\bvc\b|business angel|"
              r"finanzierungsrunde|funding round|seed-?runde|seed round|series a)",
    "guarantee": r"(bürgschaft|buergschaft|guarantee|sicherheiten fehlen|keine sicherheiten|no collateral|lack collateral)",
    "tax_credit": r"(steuerlich|steuer|tax credit|tax incentive|forschungszulage|research allowance)",
    "advice": r"(beratung|berater|advice|consulting|coaching|mentoring)",
    "training": r"(weiterbildung|schulung|qualifizierung|training|lehrgang|course)",
    "scholarship": r"(stipendium|scholarship|stipend)",
    "prize": r"(preis|wettbewerb|award|prize|competition|challenge)",
    "network": r"(netzwerk|network|cluster)",
}
_INSTR_RE = {k: re.compile(v, re.I) for k, v in INSTRUMENT_PATTERNS.items()}
_NEG_INSTR = re.compile(
    r"(?:kein(?:e|en)?|no|not|without|ohne|nicht)\s+(?:\w+\s+){0,2}?(zuschuss|darlehen|kredit|loan|credit|beteiligung|equity|investor\w*|"
    r"verwässerung|dilution|schulden|debt)", re.I,
)

_LARGE_WORDS = re.compile(r"\b(konzern|großunternehmen|grossunternehmen|large (?:company|enterprise|corporation)|corporate group|dax)\b", re.I)
_SME_WORDS = re.compile(r"\b(kmu|sme|smes|mittelständ\w*|mittelstand|kleinunternehmen|small business|kleines unternehmen|familienunternehmen|handwerksbetrieb)\b", re.I)


def size_class(employees: int | None, turnover: int | None = None) -> str | None:
    """EU SME classes by headcount (turnover only tips the balance above 50 M EUR)."""
    if employees is None:
        if turnover is not None and turnover > 50_000_000:
            return "large"
        return None
    if employees >= 250 or (turnover is not None and turnover > 50_000_000):
        return "large"
    if employees >= 50:
        return "medium"
    if employees >= 10:
        return "small"
    return "micro"


def _employees(t: str) -> int | None:
    for pat in _EMP_PATTERNS:
        for m in pat.finditer(t):
            # skip "40 Jahre", "2 employees of which" style false hits by requiring plausible values
            try:
                n = parse_number(m.group(1))
            except (ValueError, IndexError):
                continue
            tail = t[m.end():m.end() + 12]
            if re.match(r"\s*(%|prozent|percent|jahre|years|mio|million|eur|€)", tail):
                continue
            if 0 < n < 1_000_000 and n == int(n):
                return int(n)
    for word, n in _EMP_WORDS.items():
        if word in t:
            return n
    m = re.search(r"\b(" + "|".join(_NUMBER_WORDS) + r")\s+" + _STAFF_WORDS, t)
    if m:
        return _NUMBER_WORDS[m.group(1)]
    return None


def _turnover(t: str) -> int | None:
    for pat in (_TURNOVER, _TURNOVER_AFTER):
        m = pat.search(t)
        if m:
            try:
                n = parse_number(m.group(1))
            except ValueError:
                continue
            unit = (m.group(2) or "").rstrip(".").lower()
            mult = _MULT.get(unit, 1.0)
            if mult == 1.0 and n < 1000:  # "Umsatz 5" without unit: assume millions is too risky
                continue
            return int(n * mult)
    return None


def _age(t: str, today: dt.date) -> tuple[int | None, float | None]:
    m = _FOUNDED_YEAR.search(t)
    if m:
        year = int(m.group(1))
        if 1800 <= year <= today.year:
            return year, max(0.0, today.year - year + (0.5 if year == today.year else 0.0) - 0.0)
    for pat in (_AGE_AGO, _AGE_YEARS, _AGE_OLD):
        m = pat.search(t)
        if m:
            n = parse_number(m.group(1))
            unit = m.group(2).lower()
            years = n / 12 if unit.startswith(("monat", "month")) else n / 52 if unit.startswith(("woche", "week")) else n
            return None, round(years, 2)
    m = _AGE_AGO2.search(t)
    if m:
        n = parse_number(m.group(1) or m.group(3))
        unit = (m.group(2) or m.group(4)).lower()
        years = n / 12 if unit.startswith(("monat", "month")) else n / 52 if unit.startswith(("woche", "week")) else n
        return None, round(years, 2)
    m = _AGE_HYPHEN.search(t)
    if m:
        return None, float(m.group(1))
    return None, None


def _location(t: str) -> tuple[str | None, bool | None, bool | None]:
    """(location label, in_berlin, in_germany)."""
    moving = _NOT_IN_BERLIN.search(t)

    def has(places):
        return next((p for p in places if re.search(rf"(?<![a-zäöü]){re.escape(p)}(?![a-zäöü])", t)), None)

    other_de = has(GERMAN_CITIES)
    bb = has(BRANDENBURG_PLACES)
    abroad = has(ABROAD_PLACES)
    berlin = has(BERLIN_PLACES)
    if moving:
        if other_de:
            return other_de, False, True
        if bb:
            return "brandenburg", False, True
        if abroad:
            return abroad, False, False
        return None, False, None
    if berlin:
        # "Standort in München, Kunde in Berlin": prefer an explicit seat statement
        seat = re.search(r"(?:sitz|standort|based|located|ansässig|headquartered|hq|firmensitz|aus)\s+(?:in\s+|im\s+|at\s+)?([a-zäöüß\-]+)", t)
        if seat and seat.group(1) in GERMAN_CITIES:
            return seat.group(1), False, True
        if seat and seat.group(1) in BRANDENBURG_PLACES:
            return "brandenburg", False, True
        if seat and seat.group(1) in ABROAD_PLACES:
            return seat.group(1), False, False
        return "berlin", True, True
    if bb:
        return "brandenburg", False, True
    if other_de:
        return other_de, False, True
    if abroad:
        return abroad, False, False
    if re.search(r"\b(deutschland|germany|german company|deutsches unternehmen)\b", t):
        return "germany", None, True
    return None, None, None


def match_topics(t: str, topics: list[Topic]) -> list[str]:
    """Topic ids whose keywords occur in the folded text ``t`` (with broader topics added)."""
    found: list[str] = []
    by_id = {tp.id: tp for tp in topics}
    for tp in topics:
        for kw in tp.keywords:
            if _kw_hit(kw, t):
                found.append(tp.id)
                break
    out: list[str] = []
    for tid in found:
        if tid not in out:
            out.append(tid)
        for b in by_id[tid].broader:
            if b not in out:
                out.append(b)
    return out


_KW_CACHE: dict[str, re.Pattern] = {}


def _kw_hit(kw: str, t: str) -> bool:
    pat = _KW_CACHE.get(kw)
    if pat is None:
        if kw.startswith("="):
            pat = re.compile(rf"(?<![\w]){re.escape(kw[1:])}(?![\w])")
        elif len(kw) >= 5:
            pat = re.compile(re.escape(kw))
        else:
            pat = re.compile(rf"(?<![\w]){re.escape(kw)}")
        _KW_CACHE[kw] = pat
    return bool(pat.search(t))


def extract_profile(text: str, topics: list[Topic], today: dt.date | None = None) -> CompanyProfile:
    """Extract a ``CompanyProfile`` from a free-text company description.

    Args:
        text: the user's message (German or English).
        topics: the topic vocabulary (``corpus.topics``).
        today: reference date for ages ("gegr. 2019").

    Example:
        >>> p = extract_profile("Wir recyceln Kunststoff, 40 MA, Berlin-Spandau", topics)
        >>> p.employees, p.size_class, p.in_berlin
        (40, 'small', True)
    """
    today = today or dt.date.today()
    t = fold(text)
    lang, unsupported = detect_language(text)
    stated: list[str] = []
    p: dict = {"lang": lang, "unsupported_language": unsupported}

    emp = _employees(t)
    if emp is not None:
        p["employees"] = emp
        stated.append("employees")
    turnover = _turnover(t)
    if turnover is not None:
        p["turnover_eur"] = turnover
        stated.append("turnover_eur")
    year, age = _age(t, today)
    if year is not None:
        p["founded_year"] = year
        stated.append("founded_year")
    if age is not None:
        p["age_years"] = age
        stated.append("age_years")

    pre = _PRE_FOUNDING.search(t)
    if _RESEARCH_AS_SELF.search(t):
        p["org_type"] = "research"
        stated.append("org_type")
    elif pre and age is None and emp is None or (pre and age is None and (emp or 0) <= 5 and not re.search(r"\b(gmbh|ug|ag|ltd|inc)\b", t)):
        p["org_type"] = "individual"
        p["stage"] = "pre_founding"
        stated += ["org_type", "stage"]
    elif emp is not None or age is not None or re.search(
        r"\b(gmbh|ug|ag|kg|ohg|gbr|e\.k\.|ltd|inc|firma|unternehmen|betrieb|company|firm|business|startup|start-up|mittelständ\w*|kmu|sme|manufacturer|hersteller)\b", t
    ):
        p["org_type"] = "company"
        stated.append("org_type")

    if "stage" not in p:
        if age is not None:
            p["stage"] = "startup" if age < 5 else "established"
        elif _STARTUP.search(t):
            p["stage"] = "startup"
            stated.append("stage")

    sc = size_class(emp, turnover)
    if sc is None and _LARGE_WORDS.search(t):
        sc = "large"
        stated.append("size_class")
    if sc is None and _SME_WORDS.search(t):
        sc = "small"  # a stated SME of unknown headcount: KMU, exact class unknown
        stated.append("size_class")
    if sc is not None:
        p["size_class"] = sc

    loc, in_berlin, in_de = _location(t)
    if loc is not None or in_berlin is not None:
        p["location"] = loc
        p["in_berlin"] = in_berlin
        p["in_germany"] = in_de if in_de is not None else (True if in_berlin else None)
        stated.append("location")

    if _NO_PARTNER.search(t):
        p["has_research_partner"] = False
        stated.append("has_research_partner")
    elif _PARTNER_RESEARCH.search(t):
        p["has_research_partner"] = True
        stated.append("has_research_partner")

    p["topics"] = match_topics(t, topics)
    needs = [k for k, rx in _NEED_RE.items() if rx.search(t)]
    if p.get("stage") == "pre_founding" and "founding" not in needs:
        needs.append("founding")
    p["needs"] = needs
    negated = {m.group(1).lower() for m in _NEG_INSTR.finditer(t)}
    wished = []
    for k, rx in _INSTR_RE.items():
        m = rx.search(t)
        if not m:
            continue
        if any(n in m.group(0).lower() or m.group(0).lower() in n for n in negated):
            continue
        wished.append(k)
    p["instruments_wished"] = wished
    if p["topics"]:
        stated.append("topics")
    if needs:
        stated.append("needs")
    if wished:
        stated.append("instruments_wished")
    p["stated"] = stated
    return CompanyProfile.model_validate(p)


def merge_profiles(old: CompanyProfile, new: CompanyProfile) -> CompanyProfile:
    """Refine ``old`` with what ``new`` states (a later chat turn). Stated facts win; lists unite."""
    data = old.model_dump()
    for f in new.stated:
        val = getattr(new, f)
        if isinstance(val, list):
            merged = list(data.get(f) or [])
            merged += [v for v in val if v not in merged]
            data[f] = merged
        else:
            data[f] = val
        if f == "location":
            data["in_berlin"], data["in_germany"] = new.in_berlin, new.in_germany
        if f == "employees" or f == "turnover_eur":
            data["size_class"] = size_class(data.get("employees"), data.get("turnover_eur"))
        if f in ("age_years", "founded_year") and new.stage is not None and "stage" not in new.stated:
            data["stage"] = new.stage
    data["stated"] = list(dict.fromkeys([*old.stated, *new.stated]))
    data["lang"] = new.lang
    data["unsupported_language"] = new.unsupported_language
    return CompanyProfile.model_validate(data)


def complete_profile(p: CompanyProfile) -> CompanyProfile:
    """Fill derived fields of a profile given as JSON (size class, stage, org type)."""
    data = p.model_dump()
    if data.get("size_class") is None:
        data["size_class"] = size_class(p.employees, p.turnover_eur)
    if data.get("stage") is None and p.age_years is not None:
        data["stage"] = "startup" if p.age_years < 5 else "established"
    if data.get("in_berlin") is None and p.location:
        data["in_berlin"] = p.location.lower() in BERLIN_PLACES
    if data.get("in_berlin") and data.get("in_germany") is None:
        data["in_germany"] = True
    if not data.get("stated"):
        data["stated"] = [k for k, v in data.items() if v not in (None, [], "") and k not in ("lang", "stated")]
    return CompanyProfile.model_validate(data)
