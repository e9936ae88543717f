"""Read a company profile out of free text, deterministically (German and English).

Every extracted field is listed in ``profile.stated``; derived fields (size class from
employees, stage from age) are filled but not listed there. Unknown stays ``None``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from .mentions import clause_bounds, without_past_use
from .lexicon import (  # noqa: F401 (parse_number and BERLIN_PLACES are re-exported)
    AGE_AGO,
    AGE_AGO2,
    AGE_HYPHEN,
    AGE_OLD,
    AGE_YEARS,
    ANNIVERSARY,
    ANNIVERSARY_NEXT_YEAR,
    ASSOCIATION,
    BERLIN_PLACES,
    EMP_PATTERNS,
    EMP_WORDS,
    ESTABLISHED,
    FOUNDED_AS,
    FOUNDED_REGISTERED,
    FOUNDED_RELATIVE,
    FOUNDED_YEAR,
    FOUNDED_YEAR_BEFORE,
    FOUNDED_YEAR_SPINOFF,
    RELATIVE_WEEKS,
    RELATIVE_YEAR_OFFSET,
    FOUNDING_PLAN,
    JUST_OPENED,
    SELF_TAKEOVER,
    INDIVIDUAL,
    INVESTOR_SELF,
    INSTR_RE,
    LEVEL_ALSO_AFTER,
    LEVEL_ALSO_BEFORE,
    LEVEL_NOT_WISH,
    LEVEL_ONLY,
    LEVEL_ADJ_RE,
    LEVEL_LIST,
    LEVEL_WISH,
    LARGE_WORDS,
    FOUNDED_MONTH,
    MONTH,
    MULT,
    NEED_ORDER,
    NEED_RE,
    PROTOTYPE_DONE,
    HIRING_ABROAD,
    NEG_INSTR,
    NEG_WORD_INSTRUMENT,
    NO_EQUITY,
    PARTNERS_LACKING,
    PAST_HELD,
    PAST_PRIZE,
    PAST_ROUND,
    EXPORT_FACT,
    PREF_OVER_INSTR,
    NO_PARTNER,
    NOT_FOUNDED,
    NUMBER_WORDS,
    NUMBER_WORD_RE,
    NUMBER_WORD_VALUES,
    NUM_RX,
    OWN_FUNDS,
    OWN_OPERATIONS,
    PARTNER_RESEARCH,
    PRE_FOUNDING,
    RESEARCH_AS_SELF,
    SPINOFF_TEAM,
    STAFF_APPRENTICES,
    FREELANCE_YEARS,
    SKILLS_NOT_WISH,
    MODEL_TRAINING,
    ADVISER_MENTION,
    DEPARTMENTS_LOCATED,
    SME_WORDS,
    STAFF_WORDS,
    STARTUP,
    TOPIC_NEEDS,
    TOPIC_NEEDS_CONTEXT,
    TOPIC_NEGATION,
    LACKING_BEFORE,
    NEGATION_AFTER,
    TOPIC_STOP,
    UNWANTED_INSTR,
    TURNOVER,
    TURNOVER_AFTER,
    WHAT_NEEDS,
    month_number,
    parse_number,
)
from .facts import dated_facts, project_sum, read_facts
from .gazetteer import is_berlin, left_clause, locate, region_of, right_clause
from .models import CompanyProfile, Topic
from .text import clean, detect_language, fold, folded_rx, normalise_informal, numbers_to_digits, without_reason_words


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


_NOT_HEADCOUNT_AFTER = re.compile(
    r"\s*(?:%|prozent|percent|jahre|years|mio|million|eur|€)|"
    # "3 Fachkräfte suchen" is hiring; "mit 40 Beschäftigten suchen wir Förderung" is the company asking
    r"[^.;!?,]{0,25}\b(?:einstellen|einzustellen|weiterbild\w*|schulen|qualifizier\w*|umschul\w*|suchen(?! wir\b)|gesucht|"
    r"hire|hiring|recruit\w*|train|training|upskill\w*|zu [\w-]+ (?:weiterbilden|ausbilden|machen))\b")
_NOT_HEADCOUNT_BEFORE = re.compile(r"\b(?:neue|neuen|zusätzliche\w*|weitere\w*|new|additional|more|another|further|davon|of them|of whom|"
                                   r"inkl\.|inklusive|einschließlich|including|incl\.|"
                                   r"(?:later|maybe|perhaps|eventually|später|vielleicht|eventuell)(?:\s+\w+)?)\s*$")


# the whole group's headcount ("Konzern insgesamt rund 4.500 Beschäftigte", "3,000 employees worldwide"): the SME
# test counts linked enterprises, so it decides the size, not the headcount of the branch that writes
_GROUP_EMP = folded_rx(
    r"(?:\b(?:konzern|konzernweit|unternehmensgruppe|gruppe|group|mutterkonzern|muttergesellschaft|parent(?: company)?|"
    r"weltweit|worldwide|globally|insgesamt|in total|group-wide)\b[^.;!?]{0,25}?(\d[\d.,]{0,15})\s*"
    r"(?:beschäftigte\w*|mitarbeite\w*|ma\b|employees|staff|people)|"
    r"(\d[\d.,]{0,15})\s*(?:beschäftigte\w*|mitarbeite\w*|ma\b|employees|staff|people)\s*"
    r"(?:weltweit|worldwide|globally|insgesamt|in total|group-wide|konzernweit|im konzern|in the group))")


def _group_employees(t: str) -> int | None:
    for m in _GROUP_EMP.finditer(t):
        try:
            n = parse_number(m.group(1) or m.group(2))
        except ValueError:
            continue
        if 0 < n < 10_000_000 and n == int(n):
            return int(n)
    return None


# "zusammen mit einem kleinen Berliner Kamera-Startup", "with a start-up from Munich": a partner, not the company
_ARTICLE = r"(?:einem|einer|einigen|zwei|drei|a|an|two|three|several|some)"
_PARTNER_BEFORE = folded_rx(rf"\b(?:mit|with)\s+(?:(?:[^.;!?]{{0,60}}?\b(?:und|and)\s+{_ARTICLE})|{_ARTICLE}?)\s*"
                            r"(?:[\w-]+\s+){0,3}[\w-]*$")


def _without_partner_startups(t: str) -> str:
    """``t`` with the start-ups the company works with blanked ("mit einem Kamera-Startup"): they name no need."""
    return STARTUP.sub(lambda m: "partnerfirma" if _PARTNER_BEFORE.search(t[max(0, m.start() - 110):m.start()])
                       else m.group(0), t)


def _employees(t: str) -> int | None:
    """Headcount: the first plausible staff number in the text ("30 MA", "team of 12", "wir sind 5"), or the
    whole group's when the text gives a larger one for it."""
    own = _own_employees(t)
    group = _group_employees(t)
    return group if group is not None and (own is None or group > own) else own


_FOUNDERS_AFTER = re.compile(r"\s*(?:co-?)?(?:gründer(?:innen)?|gründende|founders)\b")
_PLUS_STAFF = folded_rx(rf"^\s*(?:plus|und|\+|and|with|mit)\s+{NUM_RX}\s*{STAFF_WORDS}")


def _after_founders(t: str, pos: int, n: int) -> int:
    """A count of founders is the headcount unless staff are added to it ("drei Gründer plus zwei Angestellte": 5)
    or a larger headcount follows ("two founders ... we are 4 people now": 4)."""
    m = re.match(r"\S+", t[pos:])
    f = _FOUNDERS_AFTER.match(t, pos + (m.end() if m else 0))
    if not f:
        return n
    plus = _PLUS_STAFF.match(t[f.end():])
    if plus:
        try:
            return n + int(parse_number(plus.group(1)))
        except ValueError:
            return n
    later = []
    for pat in EMP_PATTERNS:
        for k in pat.finditer(t, f.end()):
            try:
                v = parse_number(k.group(1))
            except (ValueError, IndexError):
                continue
            if (v == int(v) and n < v < 1_000_000 and not _FOUNDERS_AFTER.match(t, k.end(1))
                    and not _NOT_HEADCOUNT_AFTER.match(t, k.end())
                    and not _NOT_HEADCOUNT_BEFORE.search(t[max(0, k.start() - 25):k.start()])):
                later.append((k.start(1), int(v)))
                break
    return min(later)[1] if later else n


def _own_employees(t: str) -> int | None:
    hits: list[tuple[int, int]] = []
    for prio, pat in enumerate(EMP_PATTERNS):
        for m in pat.finditer(t):
            try:
                n = parse_number(m.group(1))
            except (ValueError, IndexError):
                continue
            if _NOT_HEADCOUNT_AFTER.match(t, m.end()) or _NOT_HEADCOUNT_BEFORE.search(t[max(0, m.start() - 25):m.start()]):
                continue  # "40 Jahre", "2 Mitarbeiter weiterbilden", "3 neue Mitarbeiter"
            if 0 < n < 1_000_000 and n == int(n):
                hits.append((m.start(1), int(n)))
                break
    if hits:
        pos, n = min(hits)
        return _after_founders(t, pos, n)
    for word, n in EMP_WORDS.items():
        if word in t:
            return n
    m = re.search(r"\b(" + "|".join(NUMBER_WORDS) + r")\s+" + STAFF_WORDS, t)
    if m:
        return NUMBER_WORDS[m.group(1)]
    return None


def _turnover(t: str) -> int | None:
    for pat in (TURNOVER, TURNOVER_AFTER):
        m = pat.search(t)
        if m:
            try:
                n = parse_number(m.group(1))
            except ValueError:
                continue
            unit = (m.group(2) or "").rstrip(".").lower()
            mult = MULT.get(unit, 1.0)
            if mult == 1.0 and n < 1000:  # "Umsatz 5" without unit: assume millions is too risky
                continue
            return int(n * mult)
    return None


_DE_MINIMIS = re.compile(r"de[- ]?minimis")
_AMOUNT = re.compile(r"(?:(?:eur|€|euro)\s*)?(\d[\d.,’' ]{0,15}\d|\d)\s*(mio\.?|millionen|million|tsd\.?|tausend|k\b)?\s*(?:eur\b|€|euro\b)?")
_NO_DE_MINIMIS = re.compile(r"(?:keine|noch nie|nie|no|never|not received any|haven't received any)\s+(?:\w+\s+){0,3}de[- ]?minimis")


def _de_minimis_received(t: str) -> int | None:
    """EUR of de-minimis aid the company says it already received ("80.000 EUR De-minimis bekommen").

    The amount must stand within a few words of "de minimis"; "keine De-minimis-Beihilfen" reads as 0."""
    if not _DE_MINIMIS.search(t):
        return None
    if _NO_DE_MINIMIS.search(t):
        return 0
    best: tuple[int, int] | None = None  # (distance to "de minimis", amount)
    for dm in _DE_MINIMIS.finditer(t):
        lo, hi = max(0, dm.start() - 80), min(len(t), dm.end() + 80)
        for m in _AMOUNT.finditer(t, lo, hi):
            window = t[m.start():m.end()]
            if not re.search(r"eur|€|euro|mio|tsd|tausend|\bk\b", window):
                continue  # a bare number (a year, a headcount) is no amount
            try:
                n = parse_number(m.group(1).replace(" ", ""))
            except ValueError:
                continue
            unit = (m.group(2) or "").rstrip(".")
            n *= {"mio": 1e6, "millionen": 1e6, "million": 1e6, "tsd": 1e3, "tausend": 1e3, "k": 1e3}.get(unit, 1)
            if not 100 <= n <= 10_000_000:
                continue
            dist = min(abs(m.start() - dm.end()), abs(dm.start() - m.end()))
            if best is None or dist < best[0]:
                best = (dist, int(n))
    return best[1] if best else None


# "ich lebe seit 2017 in Berlin", "we moved here 5 years ago": how long a person lives somewhere is no company age
_PERSON_SINCE = re.compile(r"\b(?:lebe|lebt|leben|wohne|wohnt|wohnen|live|lives|living|lived|moved|zugezogen|"
                           r"eingewandert|immigrated|"
                           # the writer's own job ("ich arbeite seit 8 Jahren in einer Tischlerei", "I've worked there
                           # for 8 years"), not "wir arbeiten seit 10 Jahren an ..." (the firm)
                           r"(?:ich )?arbeite|i(?:'ve| have)? (?:been )?work(?:ed|ing)?|i(?:'ve| have) been employed|"
                           # a degree finished ("Master Medizintechnik, fertig seit Oktober 2025", "graduated in 2024")
                           r"fertig|abgeschlossen|graduated|finished)\b[^.;!?,]{0,30}$|"
                           # a master craftsperson since a year ("Dachdeckermeister seit 2023") is the person's title
                           r"\b\w{0,30}meister(?:in)?\s+(?:seit|since)\s*$|\b(?:meisterbrief|meisterprüfung)\w*\s*(?:seit|since|von|aus)?\s*$|"
                           # a team member named in the third person ("sie kommt aus Teheran und ist seit 2021 in Berlin")
                           r"\b(?:sie|er|she|he)\b[^.;!?,]{0,30}\b(?:ist|is|has been)\s+(?:seit|since)\s*$|"
                           # a person described just before ("ein junger Mann aus Afghanistan, seit zwei Jahren in Berlin",
                           # "20 Jahre alt, seit 2022 in Berlin"), or a team or site of the firm ("Entwicklungsteam arbeitet seit
                           # 2022 in Büros in Weißensee"): their time there, not the company's age
                           r"\b(?:ein|eine[nmr]?|a|an)\s+(?:[\w-]+\s+){0,2}(?:mann|frau|junge[rn]?|mädchen|azubi\w*|praktikant\w*|"
                           r"bewerber\w*|geflüchtete\w*|flüchtling\w*|man|woman|guy|refugee|trainee|apprentice|intern)\b[^.;!?]{0,35}$|"
                           r"\b\d{1,2}\s*(?:jahre alt|years old)\b[^.;!?]{0,12}$|"
                           # a job held since ("working as electrician in Leipzig since 4 years")
                           r"\b(?:working|work|worked|arbeite|arbeitet|employed|angestellt) (?:as|als)\b[^.;!?,]{0,40}$|"
                           # how long an idea exists ("I have had the idea for ... since 2021")
                           r"\b(?:idee|idea|traum|dream)\b[^.;!?]{0,80}$|"
                           r"\b\w*(?:team|büro|büros|standort|niederlassung|office|branch)\b[^.;!?,]{0,25}\b(?:arbeitet|sitzt|ist|works|is)"
                           r"\s+(?:\w+\s+)?(?:seit|since)\s*$")


# "seit 7 Monaten arbeitslos", "unemployed for two years": a person's situation, no company age
_OUT_OF_WORK = re.compile(r"\b(?:arbeitslos|arbeitssuchend|arbeitsuchend|erwerbslos|ohne (?:job|arbeit)|in elternzeit|"
                          r"krankgeschrieben|unemployed|out of work|jobless|on parental leave)\b")


# "arbeite seit zwölf Jahren als Werkstattleiterin", "worked for 8 years as an engineer": a person's job, no company
# age ("seit 12 Jahren als GmbH am Markt" is the company)
_AS_A_ROLE = re.compile(r"^\s*(?:als|as)\s+(?!(?:(?:an?|eine?r?)\s+)?(?:gmbh|ug|firma|unternehmen|betrieb|familienbetrieb|company|business|"
                        r"firm|team|start-?up|kg|ag|e\.?\s?k\.?|ohg|freiberufl\w*|selbst(?:st)?ändig\w*|freelance\w*|self-employed|"
                        r"einzelunternehm\w*|kleingewerb\w*|gewerbetreibend\w*|sole (?:trader|proprietor)|"
                        r"inhaber\w*|unternehmer\w*|gründer\w*|founders?)\b)[a-zäöüß]")


# "seit zwei Jahren keine Azubis", "for three years no one has applied": how long something has not happened
_NEGATED_SINCE = re.compile(r"^\s*(?:[\w-]+\s+){0,2}(?:kein\w*|nicht|nix|nichts|nie|niemand|no|not|never|nobody|no one)\b")
# something pending that long, not the company's age: "Unsere Schlussrechnung ist seit vier Monaten offen", "the invoice has
# been unpaid for 5 months", "die Stelle ist seit 8 Monaten unbesetzt"
_PENDING_SINCE = re.compile(r"^\s*(?:[\w-]+\s+){0,2}(?:offen|unbezahlt|ausstehend|überfällig|unbesetzt|vakant|outstanding|unpaid|"
                            r"open|overdue|vacant|unfilled|pending)\b")
_PENDING_BEFORE = re.compile(r"\b(?:rechnung\w*|schlussrechnung\w*|invoices?|zahlung\w*|payments?|forderung\w*|stelle\w*|position\w*|"
                             r"antrag|anträge|application\w*|streit\w*|dispute\w*|verfahren|auftraggeber)\b"
                             # in the same clause: "eine offene Stelle, und wir sind seit 10 Jahren am Markt" is the age
                             r"(?:(?!\b(?:und|and|wir|we|ich|i)\b)[^.;!?,]){0,50}$")


# a business of one's own that already exists ("habe meine Werkstatt 2020 gegründet", "my shop opened in 2019"): with a
# stated age, the master or freelancer writes for that business, not as a person
_OWN_BUSINESS = re.compile(r"\b(?:mein(?:e[nmrs]?)?|unser(?:e[nmrs]?)?|my|our)\s+(?:eigene[nmrs]?\s+|own\s+)?(?:werkstatt|firma|betrieb|laden|"
                           r"geschäft|praxis|unternehmen|manufaktur|atelier|studio|gmbh|ug|company|business|shop|"
                           r"workshop|firm|practice)\b|"
                           # a person who runs the firm ("führe mit meinem Bruder eine Orgelbauwerkstatt") or has set up
                           # on their own already ("hab mich im September selbstständig gemacht, Einzelunternehmen")
                           r"\b(?:führe|leite|betreibe|i run|i own)\b[^.;!?]{0,60}?\b(?:\w*werkstatt|\w*betrieb|firma|"
                           r"\w*geschäft|gmbh|company|business|shop|workshop|\w*(?:ery|erei)|café|cafe|studio|salon|praxis|"
                           r"practice|agency|agentur|laden|store|restaurant|kiosk|imbiss)\b|"
                           r"\bselbst(?:st)?ändig gemacht\b|\beinzelunternehm\w*|"
                           # a freelance registration that runs since a date ("seit 2019 als freiberufliche
                           # Grafikdesignerin gemeldet", "registered in Berlin since 2022", "self-employed since 2014")
                           r"\b(?:registered|gemeldet|angemeldet|self-employed|selbst(?:st)?ändig|freiberufl\w*|freelanc\w*)\b"
                           r"[^.;!?]{0,50}?\b(?:seit|since)\s+(?:\d{1,2}[./]\s*|(?:mid|early|late|ende|anfang|mitte)[\s-]|"
                           r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mär|mai|okt|dez)\w*\s+)?(?:19|20)\d\d\b|"
                           r"\b(?:seit|since)\s+(?:19|20)\d\d\b[^.;!?]{0,60}?\b(?:gemeldet|angemeldet|registered)\b")


# the writer takes over someone else's business ("Mein Chef geht in Rente … ich als angestellter Meister soll den
# Betrieb übernehmen", "the owner … has offered to sell it to me"): a person before founding; the age and the staff
# stated are the business's
_OWNER_WORD = re.compile(r"\b(?:chef\w*|inhaber\w*|arbeitgeber\w*|eigentümer\w*|besitzer\w*|senior\w*|vater|vaters|mutter|"
                         r"rente|ruhestand|retir\w*|nachfolge\w*|successor\w*|succession|altersgründ\w*|aufhör\w*|"
                         r"eltern|onkel\w*|tante|owner|employer|boss|father'?s?|mother'?s?|parents'?|uncle'?s?|aunt'?s?)\b")
_PERSON_TAKES_OVER = re.compile(
    r"\b(?:ich|i|mir|me|wir|we|uns|us)\b(?:(?!\b(?:kosten|anteil\w*|haftung|bürgschaft\w*|verantwortung|aufgabe\w*|costs?|shares?|"
    r"responsibilit\w*|role|task\w*|wir haben|we have)\b)(?:[^.;!?]|(?<=\d)\.)){0,160}?\b(?:übernehmen|take over|take it over|taking over|"
    r"buy (?:it|the|his|her|their)|kaufen)\b|"
    r"\b(?:mandant\w*|kundin|klient\w*|client)\b[^.;!?]{0,60}?\b(?:kauf|übernahme|übernehmen|übernimmt|buys?|buying|"
    r"acquisition|takes? over|taking over)\b|"
    r"\b(?:sell|hand|pass) (?:[\w'-]+ ){0,3}(?:to|on to) me\b|\b(?:mir|an mich) (?:[\w'-]+ ){0,4}(?:verkaufen|übergeben|überlassen)\b")


# the writer already belongs to the firm as an owner or manager, or writes as the firm ("wir sind ein
# Familienunternehmen", "halte schon 20 % der Anteile"): a succession inside the company, which stays the applicant
_INSIDE_FIRM = re.compile(
    r"\b(?:(?:(?:ich|i)\b[^.;!?]{0,80}?\b(?:halte|besitze|habe|hold|own|have)|halte|besitze)\b[^.;!?]{0,30}?\b(?:anteil\w*|shares?)|"
    r"(?:ich bin|bin|i am|i'm) (?:\w+ ){0,2}(?:gesellschafter\w*|geschäftsführer\w*|gf|mitinhaber\w*|prokurist\w*|co-owner|"
    r"shareholder|managing director)|(?:übernehmen|take over) (?:die |the )?(?:geschäftsführung|management)|"
    r"familienunternehmen|family (?:business|company|firm)|"
    r"(?:wir sind|we are|we're) (?:ein|eine|a|an) (?:[\w-]+ ){0,2}(?:\w*unternehmen|firma|\w*betrieb|"
    r"company|firm|business|gmbh|manufacturer|hersteller)|(?:heute|today) (?:sind wir|we are) \d+|"
    # the writer's own firm buys ("unsere Firma will einen Wettbewerber übernehmen", "our company wants to acquire")
    r"(?:unser\w*|our) (?:[\w-]+ )?(?:firma|unternehmen|betrieb|gmbh|company|firm|group|gruppe))\b")


# an employee who wants training for themselves ("bin Geselle in ner Werkstatt (wir sind 6 Leute) und will den Meister
# machen", "I'm a care worker at a nursing home with 60 staff and want a certificate"): a person; the staff are the
# employer's
_EMPLOYED_SELF = re.compile(r"\b(?:ich bin|bin|i'm|i am|ich arbeite|arbeite|i work)\b[^.;!?]{0,60}?\b(?:angestellt\w*|beschäftigt|"
                            r"employed|geselle|gesellin|(?:bei|in|at|im) (?:einem|einer|ner|nem|a|an|the|dem|der)\b)|"
                            r"\b(?:working|work|arbeite|employed|angestellt) (?:as|als)\b")
_OWN_TRAINING = re.compile(r"\b(?:(?:den|meinen|my) meister|meister (?:zu )?machen|meisterkurs\w*|meisterschule|meistervorbereitung\w*|"
                           r"techniker\w*|weiterbild\w*|fortbild\w*|umschul\w*|aufstiegs-?bafög|certificate|certification|"
                           r"further training|course fees|part-time course|qualification)\b")


# the staff of the writer's workplace: "(ich arbeite / war / bin …) in einem Restaurant mit 40 MA", "Teamleiter für 30
# Mitarbeitende", "I worked at an agency with 60 people"
_STAFF_WORD = r"(?:ma\b|mitarbeit\w*|beschäftigt\w*|leute\w*|personen|angestellt\w*|staff|employees|people|colleagues)"
_JOB_STAFF = re.compile(
    r"\b(?:arbeite\w*|angestellt\w*|beschäftigt|war|bin|als|worked|work|working|employed|was|as|derzeit|derz|zurzeit|"
    r"currently|\w*leiter(?:in)?)\b[^.;!?]{0,80}?\b"
    r"(?:(?:in|bei|at|for|im|in der)\s+(?:einem|einer|nem|ner|a|an|the|dem|der)\b[^.;!?]{0,40}?\b(?:mit|with)\s+"
    # the employer's staff in brackets ("Ingenieur bei einem großen Optikunternehmen in Adlershof (ca. 900 MA am Standort)",
    # "Teamleiterin bei Versicherung (ca. 1.500 MA, Sitz Mitte)")
    r"|(?:bei|at|for)\s+(?:(?:einem|einer|nem|ner|a|an|the)\s+)?[^.;!?()]{0,60}?\(\s*"
    r"|(?:teamleiter\w*|abteilungsleiter\w*|leiter\w*|team lead\w*|manager\w*|head)\s+(?:für|von|über|of|for|over)\s+)"
    r"(?:ca\.\s*|rund\s+|etwa\s+|about\s+|around\s+|über\s+|over\s+)?\d+(?:[.,]\d{3})*\s*" + _STAFF_WORD)


# the people a founder founds with ("mit zwei Kolleginnen ein Unternehmen gründen", "with two friends", "zu dritt"):
# co-founders, not staff
_CO_FOUNDERS = re.compile(r"\b(?:mit|with|zusammen mit|together with)\s+(?:\d+|zwei|drei|vier|two|three|four)\s+"
                          r"(?:kolleg\w*|freund\w*|partner\w*|mitgründer\w*|mitstreiter\w*|co-?founders?|colleagues|"
                          r"friends|partners)\b|"
                          # a founding team's size ("planen zu dritt", "a team of four planning to found")
                          r"\bzu (?:zweit|dritt|viert|fünft)\b|\b(?:team|gründungsteam|founding team) (?:of|von|aus) "
                          r"(?:\d+|two|three|four|five|zwei|drei|vier|fünf)\b")


# the writer works on their own account already ("ich bin seit 2011 selbständige Übersetzerin", "I'm a freelance
# designer"): a training is their business's, even after years employed ("vorher war ich im Büro angestellt")
_SELF_EMPLOYED_NOW = re.compile(r"\b(?:ich bin|bin ich|i am|i'm|i've been|i have been)\s+(?!(?:nicht|not|no longer|nicht mehr)\b)"
                                r"(?:(?!(?:nicht|not|no|kein\w*|nie|never)\b)[\w-]+\s+){0,3}?"
                                r"(?:selbs?t?ständig\w*|freiberufl\w*|self-employed|freelanc\w*)(?!\s+(?:zu\s+)?machen)")


def _employee_training(t: str) -> bool:
    return bool(_SINGULAR.search(t) and _EMPLOYED_SELF.search(t) and _OWN_TRAINING.search(t)
                and not _OWN_BUSINESS.search(t) and not STARTUP.search(t) and not _SELF_EMPLOYED_NOW.search(t))


def _person_takes_over(t: str) -> bool:
    return bool(_OWNER_WORD.search(t) and _PERSON_TAKES_OVER.search(t) and not _INSIDE_FIRM.search(t))


# the writer alone, not a firm's "we" ("ich", "my"), and a past founding ("gegründet 2019", "founded in 2021")
_SINGULAR = re.compile(r"\b(?:ich|mein\w*|mir|mich|bin|i|my|me)\b")
_PLURAL = re.compile(r"\b(?:wir|unser\w*|uns|we|our|us)\b")
_WORK_SINCE = re.compile(r"\b(?:arbeiten|arbeite|entwickeln|entwickle|forschen|forsche|tüfteln|tüftle|bauen|baue|basteln|"
                         r"working|developing|researching|building|tinkering)\b[^.;!?]{0,40}?\b(?:seit|since|for)\s+(?:\w+\s+)?\d|"
                         r"\b(?:seit|since)\s+[^.;!?]{0,25}?\b(?:arbeiten|arbeite|entwickeln|entwickle|forschen|forsche|tüfteln|"
                         r"tüftle|bauen|baue|basteln|working|developing|researching|building)\b")
_PAST_FOUNDING = re.compile(r"\b(?:gegründet|gegr\.|founded|incorporated|est\.|eingetragen|registered|gemeldet|angemeldet)\b")


def _company_age_hit(pat: re.Pattern, t: str) -> re.Match | None:
    """The first hit of ``pat`` that is not about where a person lives, how long a person is out of work,
    how long a person has held a job or how long something has not happened."""
    return next(_company_age_hits(pat, t), None)


# a founding, registering or opening verb: stronger evidence of the founding year than "seit" or "since"
_FOUNDING_WORD = re.compile(r"gegr|gründ|found|establish|\best\.|incorporat|ändig gemacht|regist|opened|eröffnet|aufgemacht|"
                            r"angefangen|gestartet|begonnen|started|began|begun")
# a business that exists since ("die es seit 1965 gibt", "besteht seit 1978", "in business since 1990"): its age, before a
# mere "seit" of a person ("seit Juli 2022 führe ich die Konditorei, die es seit 1965 gibt")
_EXISTS_AFTER = re.compile(r"^\s*(?:gibt|besteht|bestehen|existiert|existieren|am markt\b|exist)")


def _founding_year_hit(t: str) -> re.Match | None:
    """The hit that gives the founding year: one with a founding verb ("Im September 2026 haben wir die GmbH
    gegründet") before a mere "seit" ("Seit Oktober 2024 finanziert uns die erste Phase einer Förderung"), else the
    first."""
    hits = sorted([*_company_age_hits(FOUNDED_YEAR, t), *_company_age_hits(FOUNDED_YEAR_BEFORE, t),
                   *_company_age_hits(FOUNDED_YEAR_SPINOFF, t),
                   *(m for pat in (*FOUNDED_REGISTERED, *FOUNDED_AS) for m in _company_age_hits(pat, t))],
                  key=lambda m: m.start())
    return next((m for m in hits if _FOUNDING_WORD.search(m.group(0))),
                next((m for m in hits if _EXISTS_AFTER.match(t[m.end():m.end() + 30])), hits[0] if hits else None))


# "ich bin seit 15 Jahren Koch", "I've been a nurse for 10 years": the person's job, unless the years are their own
# business's ("ich bin seit 2015 selbstständig", "I've been self-employed since 2019")
_OWN_WORDS = (r"selbs?t?ständig\w*|freiberufl\w*|self-employed|freelanc\w*|inhaber\w*|unternehmer\w*|gründer\w*|am markt|"
              r"in business|owner|founder")
# a role may stand between ("where I've been head chef since 2018", "ich bin als Meisterin seit 2019"), not the own business
_PERSON_JOB_SINCE = re.compile(r"\b(?:ich bin|bin ich|i am|i'm|i've been|i have been)\s+(?:(?:schon|bereits|already|now)\s+)?"
                               rf"(?:(?!(?:{_OWN_WORDS}|und|and|habe|hab|have|has|had|führe|run|leite|betreibe)\b)[\w-]+\s+){{0,3}}?"
                               r"(?:seit|since|for)\s*$")
_OWN_BUSINESS_AFTER = re.compile(rf"^[^.;!?,]{{0,25}}?\b(?:{_OWN_WORDS})\b")
# what one person has done since ("ich töpfere seit 2003", "Seit 2019 arbeite ich als ...", "I've been home-brewing since
# 2010") and years in a trade ("seit 1999 in der Branche", "in the industry since 2005"): the person's, not a business's
# age; running, leading or owning a business is its age ("ich führe seit 2015 meinen Laden", "I've been running it since")
_BUSINESS_VERBS = (r"führe|leite|betreibe|habe|besitze|verkaufe|vertreibe|biete|handle|produziere|fertige|"
                   r"running|operating|trading|selling|freelancing|self-employed")
_PERSON_DOES_SINCE = re.compile(
    rf"\bich\s+(?:selbst\s+)?(?!(?:{_BUSINESS_VERBS})\b)[a-zäöüß]+e\s+(?:schon\s+|bereits\s+)?(?:seit|since)\s*$|"
    rf"\bi(?:'ve| have)\s+been\s+(?!(?:{_BUSINESS_VERBS})\b)[\w-]+ing\b[^.;!?,]{{0,30}}?(?:seit|since)\s*$|"
    r"\b(?:in der branche|in dieser branche|im beruf|in the industry|in this industry|in the field|in the trade)\s+"
    r"(?:tätig\s+|active\s+)?(?:seit|since)\s*$")
_PERSON_DOES_AFTER = re.compile(
    rf"^[\s,]*(?:(?!(?:{_BUSINESS_VERBS}|bin)\b)[a-zäöüß]+e\s+ich\b|in der branche|in dieser branche|im beruf|"
    r"in the industry|in this industry|in the field|in the trade)")


def _company_age_hits(pat: re.Pattern, t: str) -> Iterator[re.Match]:
    return (m for m in pat.finditer(t)
            if not _PERSON_SINCE.search(t[max(0, m.start() - 70):m.start(1)])
            and not (_PERSON_JOB_SINCE.search(t[max(0, m.start() - 60):m.start(1)])
                     and not _OWN_BUSINESS_AFTER.search(t[m.end():m.end() + 40]))
            and not (_PERSON_DOES_SINCE.search(t[max(0, m.start() - 60):m.start(1)])
                     or _PERSON_DOES_AFTER.match(t[m.end():m.end() + 40]))
            and not _OUT_OF_WORK.search(left_clause(t, m.start()) + m.group(0) + right_clause(t, m.end()))
            and not _AS_A_ROLE.search(t[m.end():m.end() + 40])
            and not (pat is AGE_YEARS and (_NEGATED_SINCE.search(t[m.end():m.end() + 40])
                                           or _PENDING_SINCE.search(t[m.end():m.end() + 40])
                                           or _PENDING_BEFORE.search(t[max(0, m.start() - 60):m.start()]))))


# a firm the company set up besides itself ("letztes Jahr haben wir eine Tochterfirma gegründet")
_OTHER_FOUNDED = re.compile(r"tochter|subsidiar|niederlassung|filiale|branch|joint[ -]venture|zweite|second|another|weitere",
                            re.I)


def _relative_founding_year(t: str, today: dt.date) -> int | None:
    """The founding year named relative to ``today`` ("letztes Jahr gegründet", "founded this year")."""
    for m in FOUNDED_RELATIVE.finditer(t):
        if _PERSON_SINCE.search(t[max(0, m.start() - 70):m.start()]) or _OTHER_FOUNDED.search(m.group(0)):
            continue
        phrase = next(g for g in m.groups() if g).lower()
        offset = 0 if RELATIVE_WEEKS.search(phrase) else next(
            (v for k, v in RELATIVE_YEAR_OFFSET.items() if phrase.startswith(k)), None)
        if offset is not None:
            return today.year - offset
    return None


def year_age_range(year: int, today: dt.date) -> tuple[float, float]:
    """The youngest and oldest a company founded in ``year`` (month unknown) can be on ``today``, in years."""
    last = min(today, dt.date(year, 12, 31))
    return (round(max(0.0, (today - last).days / 365.25), 2), round(max(0.0, (today - dt.date(year, 1, 1)).days / 365.25), 2))


def _anniversary_year(t: str, today: dt.date) -> int | None:
    """The founding year a company anniversary gives ("feiern nächstes Jahr 25-jähriges Jubiläum": next year minus 25),
    if it is the company's (not a person's) and lies in the past."""
    for m in _company_age_hits(ANNIVERSARY, t):
        sentence = left_clause(t, m.start()) + m.group(0) + right_clause(t, m.end())
        year = today.year + (1 if ANNIVERSARY_NEXT_YEAR.search(sentence) else 0) - int(m.group(1) or m.group(2))
        if 1800 <= year <= today.year:
            return year
    return None


def full_year(digits: str, today: dt.date) -> int:
    """A year as written: four digits, or two after an apostrophe ("'98": 1998, "'04": 2004; a two-digit year after
    this one is of the last century)."""
    if len(digits) == 4:
        return int(digits)
    yy = int(digits[-2:])
    return 2000 + yy if 2000 + yy <= today.year else 1900 + yy


def _age(t: str, today: dt.date) -> tuple[int | None, float | None, tuple[float, float] | None]:
    """The founding year, the age in years and, when only the year is stated, the range the age can lie in."""
    m = _founding_year_hit(t)
    jubilee = None if m and _FOUNDING_WORD.search(m.group(0)) else _anniversary_year(t, today)
    if jubilee is not None:
        # an anniversary dates the founding more surely than a mere "seit" (a move, a hall, a person's years)
        return jubilee, max(0.0, today.year - jubilee + (0.5 if jubilee == today.year else 0.0)), year_age_range(jubilee, today)
    if m:
        year = full_year(m.group(1), today)
        # the month may stand before the year outside the match: "im Juli 2025 unsere UG gegründet"
        month = MONTH.search(m.group(0)) or MONTH.search(t[max(0, m.start(1) - 16):m.start(1) + 4])
        # "seit 02/2022", "am 20.12.2021"
        digits = re.search(r"(?:\b|\d\.\s*)(0?[1-9]|1[0-2])\s*[/.]\s*$", t[max(0, m.start(1) - 8):m.start(1)])
        if (month or digits) and 1800 <= year <= today.year:
            k = month_number(month.group(1)) if month else int(digits.group(1))
            if (year, k) <= (today.year, today.month):
                return year, round(max(0.0, (today - dt.date(year, k, 15)).days / 365.25), 2), None
        if 1800 <= year <= today.year:
            return year, max(0.0, today.year - year + (0.5 if year == today.year else 0.0)), year_age_range(year, today)
    m = _company_age_hit(FOUNDED_MONTH, t)
    if m:
        word = next(g for g in m.groups() if g)
        k = month_number(word)
        year = today.year if k <= today.month else today.year - 1  # the last such month (the year is not stated)
        return None, round(max(0.0, (today - dt.date(year, k, 15)).days / 365.25), 2), None
    for pat in (AGE_AGO, AGE_YEARS, AGE_OLD):
        m = _company_age_hit(pat, t)
        if m:
            n = parse_number(m.group(1))
            unit = m.group(2).lower()
            years = n / 12 if unit.startswith(("monat", "month")) else n / 52 if unit.startswith(("woche", "week")) else n
            return None, round(years, 2), None
    m = AGE_AGO2.search(t)
    if m:
        n = parse_number(m.group(1) or m.group(3))
        unit = (m.group(2) or m.group(4)).lower()
        years = n / 12 if unit.startswith(("monat", "month")) else n / 52 if unit.startswith(("woche", "week")) else n
        return None, round(years, 2), None
    m = AGE_HYPHEN.search(t)
    if m:
        return None, float(m.group(1)), None
    year = _relative_founding_year(t, today)
    if year is not None:
        return year, max(0.0, today.year - year + (0.5 if year == today.year else 0.0)), year_age_range(year, today)
    return None, None, None


def match_topics(t: str, topics: list[Topic]) -> list[str]:
    """Topic ids whose keywords occur in the folded text ``t`` (with broader topics added).

    A keyword of 5+ letters matches inside compounds ("recyc" in "Kunststoffrecycling"), a shorter
    one only at the start of a word, "=ki" only as a whole word. A hit does not count inside a known
    false friend (``TOPIC_STOP``: "mode" in "modernisieren", "netz" in "Netzwerk"), right after a
    negation ("ohne externe Partner"), or without the context some keywords need (``TOPIC_NEEDS_CONTEXT``:
    "Standort" only with something new, "it" only as information technology).
    """
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


_KW_CACHE: dict[str, tuple[re.Pattern, re.Pattern | None, re.Pattern | None]] = {}


def _kw_hit(kw: str, t: str) -> bool:
    if kw.lstrip("=") not in t:  # the pattern is the keyword itself: absent as a substring, no hit (most are)
        return False
    entry = _KW_CACHE.get(kw)
    if entry is None:
        if kw.startswith("="):
            pat = re.compile(rf"(?<![\w]){re.escape(kw[1:])}(?![\w])")
        elif len(kw) >= 5:
            pat = re.compile(re.escape(kw))
        else:
            pat = re.compile(rf"(?<![\w]){re.escape(kw)}")
        base = kw.lstrip("=")
        stop = re.compile(TOPIC_STOP[base]) if base in TOPIC_STOP else None
        new = re.compile(TOPIC_NEEDS_CONTEXT[base]) if base in TOPIC_NEEDS_CONTEXT else None
        entry = _KW_CACHE[kw] = (pat, stop, new)
    pat, stop, new = entry
    for i, m in enumerate(pat.finditer(t)):
        if i >= 50:  # a keyword repeated this often without one clean hit: give up (bounds the work)
            break
        lo = max(0, m.start() - 40)
        window = t[lo:m.end() + 40]
        at = m.start() - lo
        if stop is not None and any(s.start() <= at < s.end() for s in stop.finditer(window)):
            continue
        if _after_negation(t, m.start()):
            continue
        if _customers_sector(t, m.start()):
            continue
        if new is not None and not new.search(_clause(t, m.start(), m.end())):
            continue
        return True
    return False


def _clause(t: str, start: int, end: int) -> str:
    """The clause around a hit (between punctuation marks)."""
    lo, hi = max(0, start - 150), min(len(t), end + 150)
    left = max(t.rfind(c, lo, start) for c in ".;!?,()\n")
    rights = [i for i in (t.find(c, end, hi) for c in ".;!?,()\n") if i >= 0]
    return t[max(left + 1, lo):min(rights) if rights else hi]


# the sectors the customers are in ("zahlende Kunden aus Pharma und Automotive", "customers in food, chemicals and
# laundry") say who buys, not what the company works on
_CUSTOMERS_IN = re.compile(r"\b(?:kund\w*|abnehmer\w*|customers?|clients?)\s+(?:[\w-]+\s+){0,2}?(?:aus|in|wie|from|such as|like|"
                           r"including)\s+(?:der|dem|den|die|the)?\s*(?:[\w-]+(?:,\s*|\s+und\s+|\s+and\s+|\s+oder\s+|\s+or\s+|\s+)){0,4}$")


def _customers_sector(t: str, start: int) -> bool:
    before = t[max(0, start - 80):start]
    cut = max(before.rfind(c) for c in ".;!?()\n")
    return bool(_CUSTOMERS_IN.search(before[cut + 1:]))


def _after_negation(t: str, start: int) -> bool:
    """A negation right before ``start`` ("ohne externe Partner", "keine EU-Programme"), unless it says what the
    company cannot find or get ("finden keine Azubis": a lack, so a need)."""
    before = t[max(0, start - 70):start]
    return bool(TOPIC_NEGATION.search(before[-30:])) and not LACKING_BEFORE.search(before)


def _unwanted_instruments(t: str) -> list[str]:
    """Forms of money the writer rules out: "we don't want investors", "keine Anteile abgeben", "lieber ein
    Darlehen als Zuschüsse" (a form they only lack, "die Bank gibt uns keinen Kredit", is not ruled out)."""
    words = [next(g for g in m.groups() if g) for rx in (UNWANTED_INSTR, PREF_OVER_INSTR) for m in rx.finditer(t)]
    if NO_EQUITY.search(t):
        words.append("equity")
    return [inst for rx, inst in NEG_WORD_INSTRUMENT if any(rx.search(w) for w in words)]


# the writer's own business is consulting ("Wir sind eine Unternehmensberatung mit 12 Leuten", "we're a small
# consultancy"): what it sells is no wish for advice
OWN_CONSULTANCY = re.compile(r"\b(?:wir sind|ich bin|we are|we're|i am|i'm|als)\s+(?:eine?n?|an?)\s+(?:[\w-]+\s+){0,2}?"
                             r"(?:[\w-]*beratung|[\w-]*berater(?:in)?|consultancy|consulting (?:firm|company|boutique)|consultant)\b",
                             re.I)


# a partner in life or business who writes with the founder ("my partner and I", "mit meiner Partnerin"), a group the
# company belongs to ("part of an international group"): no wish for partners or foreign markets
_PERSON_PARTNER = re.compile(r"\b(?:my|mein(?:e|em|en|er)?)\s+(?:business\s+|life\s+|co-?)?partner(?:in)?\b|"
                             r"\bpart of an?\s+(?:international|global|multinational)\s+(?:group|corporation|company)\b|"
                             r"\bteil\s+(?:eines|einer)\s+(?:internationalen|globalen)\s+(?:konzerns|gruppe|unternehmensgruppe)\b")


# what is blanked (in this order) before the needs are read: a finished prototype, departments named with their place,
# model training, an adviser mentioned, staff hired abroad (kept as "fachkräfte"), apprentices among the staff, a past
# funding round, an export share, the writer's own consulting business and words that only look like training
# (``SKILLS_NOT_WISH``) and a partner who is a person or a group (``_PERSON_PARTNER``) are facts about the company, not
# wishes
_NEED_BLANKS: tuple[tuple[re.Pattern, str], ...] = (
    (PROTOTYPE_DONE, " "), (DEPARTMENTS_LOCATED, " "), (MODEL_TRAINING, " "), (ADVISER_MENTION, " "),
    (HIRING_ABROAD, " fachkräfte "), (STAFF_APPRENTICES, " "), (OWN_CONSULTANCY, " "), (PAST_ROUND, " "), (EXPORT_FACT, " "),
    (SKILLS_NOT_WISH, " "), (_PERSON_PARTNER, " "),
)


# a clause that says what the company does not need or has settled ("Kredit brauchen wir nicht", "Investitionsbedarf
# besteht nicht", "die Halle ist abbezahlt", "no consulting needed", "our Shopify store is done", "we're NOT looking for
# more investors"): its words are no need
_SETTLED = re.compile(
    r"\bkein(?:en|e)?\s+(?:weiteren?\s+)?bedarf\b|\bbesteht\s+(?:kein\w*|nicht)\b|\bnicht\s+(?:mehr\s+)?(?:vorgesehen|nötig|notwendig|"
    r"geplant|gebraucht|in frage)\b|\b(?:brauch|benötig)\w*\s+(?:wir|ich)\s+(?:\w+\s+)?(?:nicht(?!\s+nur\b)|kein\w*|nichts)\b|"
    r"\bkein thema\b|\b(?:ist|sind)\s+(?:schon\s+|bereits\s+|längst\s+)?(?:erledigt|abbezahlt)\b|\babbezahlt\b|"
    r"\b(?:no|not|don't|do not|doesn't|does not)\s+(?:really\s+)?(?:need|needed|require|required|want|wanted|looking for|"
    r"interested)\b|\bno need\b|\bno interest\b|\bnot a priority\b|\baren't a priority\b|\bisn't a priority\b|"
    r"\b(?:is|are)\s+(?:already\s+)?(?:done|finished|paid(?: off)?)\b|\bpaid off\b|\bso no\b|\bnothing (?:is )?needed\b|"
    # sorted, covered or in place ("that's all sorted", "that part is covered", "Finanzierung steht bereits", "ist
    # geregelt", "läuft inzwischen gut", "Übernahme also durch", "Investitionsbedarf gering", "not an issue right now",
    # "Tochter-GmbH schon gegründet")
    r"\b(?:is|are|'s|s)\s+(?:all\s+|already\s+)?(?:sorted|covered|settled|taken care of)\b|\bnot (?:an |really an )?(?:issue|problem)\b|"
    r"\b(?:steht|stehen)\s+(?:bereits|schon)\b|\b(?:ist|sind)\s+(?:bereits\s+|schon\s+)?(?:geklärt|gesichert|geregelt)\b|"
    r"\bgeregelt(?=\s*(?:[.;!?\n–—-]|$))|\bläuft\s+(?:inzwischen\s+|schon\s+|bereits\s+|mittlerweile\s+)?(?:gut|rund|stabil)\b|"
    r"\b(?:works?|working|runs?|running)\s+(?:well|fine|smoothly)\b|\b(?:also|ist|sind)\s+(?:schon\s+|bereits\s+)?(?:durch|abgeschlossen)(?=\s*(?:[.;!?\n–—-]|$))|"
    r"bedarf\s+(?:ist\s+)?(?:gering|niedrig|minimal)\b|\bkaum\s+bedarf\b|\bkein problem\b|"
    r"\b(?:schon|bereits)\s+gegründet\b|\balready\s+(?:founded|set up|registered|incorporated)\b|"
    # in place, live, well equipped, done before ("ERP und CRM are in place", "ein neues ERP-System ist seit Januar
    # live", "Förderung hatten wir schon", "wurde 2024 abgeschlossen", "recently completed", "Onlineshop läuft,",
    # "all processes are digital", "the hardware side is in decent shape", "no issues there")
    r"\b(?:is|are)\s+(?:all\s+|already\s+|now\s+)?in place\b|\b(?:ist|sind|is|are)\s+(?:seit\s+\w+\s+|since\s+\w+\s+|"
    r"already\s+|schon\s+|bereits\s+)?live\b|\bhatten wir\s+(?:schon|bereits|auch schon|ja schon)\b|"
    r"\b(?:förderung|beratung|finanzierung|kredit|zuschuss|coaching)\w*\s+(?:[\w-]+\s+){0,3}?hatten wir\b|"
    r"\b(?:wurde|wurden|haben wir|wir haben)\b(?:(?!\bnicht\b|\bnie\b|\bnoch kein)[^.;!?,]){0,60}?\b(?:abgeschlossen|modernisiert|eingeführt|umgestellt|"
    r"investiert|angeschafft|gekauft|saniert|erneuert|installiert|digitalisiert)\b(?!\s+(?:werden|wird|haben|zu)\b)|"
    r"\b(?:recently|already|just)\s+(?:been\s+)?(?:completed|installed)\b|"
    r"\b(?:have|has|had|was|were)\s+(?:been\s+)?(?:recently\s+|already\s+|just\s+)?(?:completed|installed)\b|"
    r"\b(?:[\w-]{0,30}shop|[\w-]{0,30}system|software|app|website|webseite|betrieb|laden|geschäft|produktion|anlage|maschinen?|"
    r"server|erp|crm|plattform)\s+läuft(?=\s*[,.;!)])|\bläuft\s+(?:super|prima|problemlos|einwandfrei)\b|"
    r"\b(?:gut|bestens|voll|komplett)\s+(?:digital\s+)?(?:aufgestellt|ausgestattet)\b|\bwell[ -]equipped\b|"
    r"\b(?:is|are|'s)\s+(?:\w+\s+)?in (?:decent|good|great) shape\b|\b(?:is|are) up to date\b|\bauf dem neuesten stand\b|"
    r"\b(?:are|is|sind|ist)\s+(?:all\s+|fully\s+|voll\s+|komplett\s+|alle\s+)?digital\b(?!\s+(?:werden|become|gehen|go)\b)|"
    r"(?<!\bbe )(?<!become )\b(?:all|voll|komplett|fully)\s+digital\b(?!\s+(?:werden|sein|become|gehen|go)\b)|"
    r"\bpaperless\b|\bpapierlos\b|"
    r"\bno (?:issues|problems) there\b|\b(?:da|dort|damit|sonst|ansonsten)\s+(?:gibt es\s+|haben wir\s+)?keine probleme\b|"
    r"\bkeine probleme\s+(?:da|dort|damit)\b|\b(?:schon|bereits)\s+an bord\b|\balready on board\b|"
    r"\balready\s+(?:formed|signed|installed|funded|done|running|live)\b|"
    # what was financed or subsidised before ("die Sudanlage wurde 2019 über einen Förderkredit finanziert", "it was
    # financed by our bank last year", "already subsidised"), not what is to be ("soll finanziert werden")
    r"\b(?:wurde|wurden|was|were|had been|has been|have been|haben wir|hatten wir|already|bereits|schon)\b[^.;!?,]{0,60}?"
    r"\b(?:finanziert|financed|funded|gefördert|subsidi[sz]ed|bezahlt|paid)\b(?!\s+(?:werden|wird|be)\b)")
# the verbs of a wish, which end a clause about what is settled or what the company is
_WISH_VERBS = r"wollen|möchten|brauchen|benötigen|planen|suchen|want|need|plan|would like"
_CLAUSE_BREAK = re.compile(r"[.;:!?\n–—()]|,|\b(?:aber|jedoch|sondern|but|however|instead)\b|"
                           # "... haben wir modernisiert und wollen jetzt ...": the wish is a clause of its own
                           rf"\b(?:und|and)\b(?=\s+(?:wir\s+|we\s+)?(?:jetzt\s+|now\s+|nun\s+)?(?:{_WISH_VERBS}|are looking)\b)")


# a settled phrase that points back ("We're hiring two more people next month, that's all sorted", "die Tourenplanung
# haben wir auf Tablets umgestellt, das läuft inzwischen gut"): the clause before it is settled too
_POINTS_BACK = re.compile(r"\s*(?:so\s+|and\s+|und\s+|also\s+)?(?:that|this|it|das|dies|es)\b", re.I)
_SENTENCE_BREAK = re.compile(r"[.;!?\n]")


def without_settled(t: str) -> str:
    """``t`` with the clauses blanked that say what is not needed or already settled (``_SETTLED``); a settled phrase
    that starts with "that"/"das" settles the rest of its sentence before it. Linear in the text (each clause reaches
    at most 200 letters to each side)."""
    out = list(t)
    changed = False
    for m in _SETTLED.finditer(t):
        lo, hi = clause_bounds(t, m, _CLAUSE_BREAK, _CLAUSE_BREAK)
        if _POINTS_BACK.match(t[lo:m.end()]):
            lo = clause_bounds(t, m, _SENTENCE_BREAK, _CLAUSE_BREAK)[0]
        out[lo:hi] = " " * (hi - lo)
        changed = True
    return "".join(out) if changed else t


# What the company is and sells ("Wir sind eine Agentur für Digitalisierung", "we're a 30-person software company",
# "Fachbetrieb für Photovoltaik", "we do cloud migrations and cybersecurity for clients", "spezialisiert auf
# Gründächer und PV-Montage", "decarbonisation is literally our business"): its trade words are no need of its own.
# The span runs to the end of the sentence or to a wish ("... und wollen jetzt ..."). Only the needs that name a
# trade as often as a wish (``TRADE_NEEDS``) are read without it.
_OWN_TRADE = re.compile(
    r"\b(?:wir sind|ich bin|we are|we're|were|i am|i'm)\s+(?:eine?[nrs]?|an?|the)\s+|\b(?:wir|we)\s*\(|"
    r"\b(?:we|wir)\s+(?:do|run|build|plan|sell|offer|provide|machen|planen|bauen|verkaufen|bieten|vertreiben|installieren)\b"
    r"(?=[^.;!?\n]{0,80}?\b(?:für (?:unsere |die )?kunden|for (?:our )?(?:clients|customers))\b)|"
    r"\bspeziali[sz]i?\w*\s+(?:auf|in|on)\b|\b(?:agentur|fachbetrieb|händler|anbieter|hersteller|dienstleister|"
    r"manufacturer|provider|supplier|retailer)\s+(?:für|von|of|for)\b")
_TRADE_END = re.compile(rf"[.;!?\n]|\b(?:{_WISH_VERBS}|looking|'d like|wish|now|jetzt|nun)\b|"
                        # a change to the company's own operation told inside the description ("a bakery that is
                        # switching to electric ovens", "ein Betrieb, der seine Öfen umstellt") is a wish
                        r"\b(?:switch\w*|umstell\w*|umrüst\w*|umzurüsten|umzustellen|convert\w*|modernis\w*|moderniz\w*|"
                        r"introduc\w*|einführ\w*|einzuführen|reduc\w*|senk\w*|cut|cutting|sav(?:e|ing)|spar\w*|replac\w*|"
                        r"ersetz\w*|austausch\w*|upgrad\w*)\b")
_OUR_BUSINESS = re.compile(r"\b(?:is|are)\s+(?:literally\s+|basically\s+)?our\s+(?:bread and butter|business|core business|"
                           r"daily business|trade)\b|\bist\s+(?:ja\s+)?unser\s+(?:kerngeschäft|geschäft|tagesgeschäft|metier)\b")
TRADE_NEEDS = ("digitalisation", "energy_resources")


def without_own_trade(t: str) -> str:
    """``t`` with what the company is and sells blanked (``_OWN_TRADE`` to the end of its sentence or a wish, and the
    clause that calls something "our business")."""
    out = list(t)
    for m in _OWN_TRADE.finditer(t):
        end = _TRADE_END.search(t, m.end())
        hi = end.start() if end else len(t)
        out[m.start():hi] = " " * (hi - m.start())
    for m in _OUR_BUSINESS.finditer(t):
        lo, hi = clause_bounds(t, m, _SENTENCE_BREAK, _CLAUSE_BREAK)
        out[lo:hi] = " " * (hi - lo)
    return "".join(out)


def _unnegated(rx: re.Pattern, t: str) -> bool:
    """A hit of ``rx`` that is not right after a negation ("ohne externe Partner" is no need), nor a verb negated
    right after it ("Technisch entwickeln wir nix")."""
    return any(not _after_negation(t, m.start()) and not NEGATION_AFTER.match(t[m.end():m.end() + 40])
               for m in rx.finditer(t))


# a round that comes after what is asked for ("money to pay ourselves until a pre-seed round", "bis zur Seed-Runde"):
# blanked like the company's own funds before the wishes are read
_LATER_ROUND = re.compile(r"\b(?:until|till|before|bis (?:zur|zum|zu)|vor (?:der|einer|unserer))\s+(?:[\w-]+[\s-]){0,3}?"
                          r"\w*(?:round|runde)\b")


def _level_wishes(t: str) -> list[str]:
    """The programme levels the writer asks for ("Welche EU-Programme passen?"): not a level named as
    already received or running ("wir haben EU-Förderung bekommen"), nor one after a negation."""
    out = []
    for level, rx in LEVEL_WISH.items():
        for m in rx.finditer(t):
            if _after_negation(t, m.start()):
                continue
            if LEVEL_NOT_WISH.search(_clause(t, m.start(), m.end())):
                continue
            if LEVEL_ALSO_BEFORE.search(t[max(0, m.start() - 25):m.start()]) or LEVEL_ALSO_AFTER.match(t[m.end():m.end() + 20]):
                continue
            out.append(level)
            break
    for m in LEVEL_LIST.finditer(t):
        if _after_negation(t, m.start()) or LEVEL_NOT_WISH.search(_clause(t, m.start(), m.end())):
            continue
        out += [lv for lv, rx in LEVEL_ADJ_RE.items() if lv not in out and rx.search(m.group(0))]
    return [lv for lv in LEVEL_WISH if lv in out]


def _past_founding(t: str, stage: str | None, age: float | None) -> bool:
    """A company a year old or more that states no founding plan ("wir wollen ausgründen") is past founding."""
    return stage != "pre_founding" and age is not None and age >= 1 and not FOUNDING_PLAN.search(t)


def _founding_topic(t: str, topics: list[str], stage: str | None, age: float | None) -> list[str]:
    """"founding" means the founding phase: kept for pre-founding or a company under a year old, and
    for an older start-up only when it states a founding plan ("wir wollen ausgründen")."""
    if "founding" in topics and _past_founding(t, stage, age):
        return [x for x in topics if x != "founding"]
    if "founding" not in topics and (stage == "pre_founding" or (age is not None and age < 1)):
        return [*topics, "founding"]
    return topics


def settle_needs(t: str, needs: list[str], stage: str | None, age: float | None) -> list[str]:
    """The needs read by keyword, corrected for what the words say about the company rather than its wish.

    - "founding" from "gegründet 2022" or "start-up" is no founding need for a company a year old or more
      that states no founding plan and asks for something else (the same rule as for the topic).
    - "digitalisation" and "energy_resources" read only from field words (AI, software, robots, recycling,
      hydrogen) are the company's product or research field, not a need, when it develops or founds
      something (R&D or founding need, or a start-up); words about its own operations keep them
      (``OWN_OPERATIONS``). A need is never dropped when it is the only one.
    - a company less than a year old that needs money for machines or running costs is still setting up:
      "founding" is one of its needs (after what the money is for), as its topic is.
    """
    out = list(needs)
    if "founding" in out and len(out) > 1 and _past_founding(t, stage, age):
        out.remove("founding")
    if age is not None and age < 1 and "founding" not in out and {"investment", "financing"} & set(out):
        out.append("founding")
    developing = bool({"rnd", "founding"} & set(out)) or stage in ("startup", "pre_founding")
    if developing:
        kept = [n for n in out if n not in OWN_OPERATIONS or OWN_OPERATIONS[n].search(t)]
        out = kept or out
    return out


def _as_investor(p: dict, stated: list[str], wished: list[str]) -> tuple[list[str], list[str]]:
    """An investor asking what co-invests beside it ("I'm a business angel"): its need is financing by equity
    (plus a grant or tax benefit it asks for), whatever its deals are about; it is no company looking for itself.
    Updates ``p`` and ``stated``; returns the needs and the wished instruments."""
    p["needs"] = ["financing"]
    p["topics"] = list(dict.fromkeys(["venture-capital", *[x for x in p["topics"] if x not in ("founding", "skills")]]))
    if p.get("org_type") == "company":
        p.pop("org_type")
        stated.remove("org_type")
    return p["needs"], ["equity", *[w for w in wished if w in ("grant", "tax_credit")]]


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
    t = without_reason_words(normalise_informal(fold(text)))
    tn = NUMBER_WORD_RE.sub(lambda m: str(NUMBER_WORD_VALUES[m.group(1)]), numbers_to_digits(t))  # "two years ago" -> "2 years ago"
    lang, unsupported = detect_language(text)
    stated: list[str] = []
    p: dict = {"lang": lang, "unsupported_language": unsupported}

    pre = PRE_FOUNDING.search(t)
    takeover = _person_takes_over(t) or bool(SELF_TAKEOVER.search(t) and not _INSIDE_FIRM.search(t))
    # a person who plans to found and names the staff of the place they work at ("Souschef in nem Restaurant mit 40 MA",
    # "Teamleiter für 30 Mitarbeitende"): those are the employer's, not the new business's (a takeover's are the
    # business's)
    emp = _employees(_CO_FOUNDERS.sub(" ", _JOB_STAFF.sub(" ", tn)) if pre and not takeover else tn)
    if emp is not None:
        p["employees"] = emp
        stated.append("employees")
    turnover = _turnover(t)
    if turnover is not None:
        p["turnover_eur"] = turnover
        stated.append("turnover_eur")
    year, age, age_range = _age(tn, today)
    if age is not None and (emp is None or emp <= 5) and (
            NOT_FOUNDED.search(t) or (FREELANCE_YEARS.search(t) and pre)
            # a plan to found, no founding of a business of one's own named, and the years are one person's ("Ich habe
            # seit 2020 die Idee … und werde in Hamburg gründen") or a team's work on its idea ("Wir entwickeln seit
            # 2023 den Prototyp und wollen nächstes Jahr gründen")
            or (pre and not _PAST_FOUNDING.search(t) and not _OWN_BUSINESS.search(t)
                and ((_SINGULAR.search(t) and not _PLURAL.search(t)) or _WORK_SINCE.search(t)))):
        # "Gegründet ist noch nichts", "no company yet", a freelancer since 2020 who plans a GmbH: a year in the text
        # is a person's, not the company's
        year, age, age_range = None, None, None
    if year is not None:
        p["founded_year"] = year
        stated.append("founded_year")
    if age is not None:
        p["age_years"] = age
        stated.append("age_years")
        if age_range is not None:
            p["age_range"] = age_range  # only the year is known (a month gives the exact age)

    training = not takeover and not pre and _employee_training(t)  # a founding plan is no training wish
    if RESEARCH_AS_SELF.search(t) or (pre and age is None and SPINOFF_TEAM.search(t)):
        p["org_type"] = "research"
        stated.append("org_type")
        if pre and age is None:  # researchers planning a spin-off
            p["stage"] = "pre_founding"
            stated.append("stage")
    elif training:
        p["org_type"] = "individual"
        stated.append("org_type")
        for k in ("founded_year", "age_years", "age_range"):  # the years of the job, not of a business
            if k in p:
                del p[k]
                if k in stated:
                    stated.remove(k)
        age = None
        if "employees" in p:  # the employer's staff, not the applicant's
            del p["employees"]
            stated.remove("employees")
            emp = None
    elif (INDIVIDUAL.search(t) or takeover) and not ((age is not None or not pre) and not takeover and _OWN_BUSINESS.search(t)):
        # a person; unless a business of their own is stated that is no plan ("habe meinen eigenen Betrieb mit 4
        # Gesellen", "als Freiberuflerin seit 2019 gemeldet")
        p["org_type"] = "individual"
        stated.append("org_type")
        if (pre and age is None) or takeover:
            # a craftsman or freelancer about to set up on their own, or to take over a business (the age stated is
            # then the age of the business taken over: "GmbH, gegründet 1990 … ich soll übernehmen")
            p["stage"] = "pre_founding"
            stated.append("stage")
    elif ASSOCIATION.search(t):
        p["org_type"] = "association"
        stated.append("org_type")
    elif pre and age is None and (emp is None or emp <= 5):
        p["org_type"] = "individual"
        p["stage"] = "pre_founding"
        stated += ["org_type", "stage"]
    elif emp is not None or age is not None or _OWN_BUSINESS.search(t) or re.search(
        r"\b(gmbh|ug|ag|kg|ohg|gbr|e\.k\.|ltd|inc|firma|\w*unternehmen|\w*betrieb|company|firm|business|startup|start-up|mittelständ\w*|kmu|sme|manufacturer|hersteller|\w*hersteller|\w*bauer|\w*zulieferer|supplier|werk|plant|factory|fabrik|druckerei|gießerei|tischlerei|bäckerei|schlosserei|"
        r"(?:metal|job|machine|print|repair|coffee|bike|online)\s?shop|\w*studio|\w*büro|agentur|agency|\w*dienstleister|service provider|"
        # a trade or shop named as "our ..." ("funding for our bakery?", "our brewery in Wedding")
        r"(?<=our )(?:bakery|butcher\w*|brewery|carpentry|joinery|workshop|salon|caf[eé]|store|shop|practice|clinic|"
        r"dairy|roastery|garage|pharmacy|boutique|kitchen|printshop|print shop|lab|laboratory)|"
        r"\w*labor|manufaktur|werkstatt|mandant(?:in)?|client|softwarehaus|software house|konzern|group|start-?up|"
        r"restaurants?|gastronom\w*|hotels?|bistro|imbiss|maker|makers|genossenschaft|cooperative|"
        # a trade named as the firm ("Metallbau, Neukölln", "Pflegedienst mit 25 Leuten"), not a building project
        r"(?:metall|maschinen|stahl|anlagen|holz|messe|formen|werkzeug|apparate|fahrzeug|geräte|modell|laden|trocken|"
        r"hoch|tief|garten|landschafts|sonder|behälter|rohrleitungs|fenster|treppen|möbel|innen|dach)bau\w*|"
        r"\w*dienst|agentur\w*|\w*handel|\w*händler|kanzlei|praxis|spedition|\w*logistiker|\w*werkstätten)\b", t
    ):
        p["org_type"] = "company"
        stated.append("org_type")

    facts = read_facts(text)
    facts.update(dated_facts(text, today.year, facts))
    t_own = _without_partner_startups(t)  # the company's own words about itself, for its stage and needs
    if "stage" not in p:
        if age is not None:
            p["stage"] = "startup" if age < 5 else "established"
        elif STARTUP.search(t_own):
            p["stage"] = "startup"
            stated.append("stage")
        elif p.get("org_type") == "company" and ((emp or 0) >= 10 or ESTABLISHED.search(t) or LARGE_WORDS.search(t)):
            # an existing firm with staff that does not call itself a start-up: derived, not stated
            p["stage"] = "established"
        elif p.get("org_type") == "company" and (emp or 0) >= 2 and facts.get("crafts_business") \
                and not FOUNDING_PLAN.search(t) and not JUST_OPENED.search(t):
            # a crafts business with staff (a carpentry with 6, a bakery with 4) that says nothing of being new:
            # a running business, derived, not stated
            p["stage"] = "established"

    sc = size_class(emp, turnover)
    if sc is None and LARGE_WORDS.search(t):
        sc = "large"
        stated.append("size_class")
    if sc is None and SME_WORDS.search(t) and p.get("org_type") != "research":
        sc = "small"  # a stated SME of unknown headcount: KMU, exact class unknown
        stated.append("size_class")
    if sc is not None:
        p["size_class"] = sc

    # Berlin places count as the seat unless they are a market, partner or planned site ("Kunden in Berlin",
    # "Messe in Hannover", "neuen Standort in Berlin eröffnen"); other places only as a seat
    where = locate(clean(text))
    loc, in_berlin, in_de = where.label, where.in_berlin, where.in_germany
    if where.planned_berlin_site and loc is None and p.get("stage") == "pre_founding" and not takeover:
        # a founder whose first business is to open in Berlin and who names no other seat ("plant die Eröffnung eines
        # Cafés in Hellersdorf"): the business will sit there
        loc, in_berlin, in_de = "berlin", True, True
    if loc is not None or in_berlin is not None:
        p["location"] = loc
        p["in_berlin"] = in_berlin
        p["in_germany"] = in_de if in_de is not None else (True if in_berlin else None)
        stated.append("location")
    if where.places:
        p["places"] = list(where.places)
        stated.append("places")

    if NO_PARTNER.search(t):
        p["has_research_partner"] = False
        stated.append("has_research_partner")
    elif PARTNER_RESEARCH.search(t) or facts.get("research_partner"):
        p["has_research_partner"] = True
        stated.append("has_research_partner")

    project_eur = project_sum(text)
    if project_eur is not None:
        p["project_eur"] = project_eur
        stated.append("project_eur")

    dm = _de_minimis_received(t)
    if dm is not None:
        p["de_minimis_received_eur"] = dm
        stated.append("de_minimis_received_eur")

    p["topics"] = _founding_topic(t, match_topics(HIRING_ABROAD.sub(" fachkräfte ", MODEL_TRAINING.sub(" ", DEPARTMENTS_LOCATED.sub(" ", t))), topics),
                                  p.get("stage"), age)
    t_need = t_own
    for rx, replacement in _NEED_BLANKS:
        t_need = rx.sub(replacement, t_need)
    t_need = without_settled(without_past_use(t_need))
    t_trade = without_own_trade(t_need)
    needs = settle_needs(t, [k for k, rx in NEED_RE.items()
                             if _unnegated(rx, t_trade if k in TRADE_NEEDS else t_need)], p.get("stage"), age)
    if p.get("has_research_partner") and not set(needs) & WHAT_NEEDS:
        # working with a university or institute is R&D, however it is worded, unless the company names
        # what the work is for (an investment, energy, skills)
        needs.insert(0, "rnd")
    if "partners" not in needs and PARTNERS_LACKING.search(t):
        needs.append("partners")
    if p.get("stage") == "pre_founding" and "founding" not in needs:
        needs.append("founding")
    if set(needs) <= {"advice"}:
        # nothing asked in so many words, or only for help: the needs the topics stand for
        implied = {TOPIC_NEEDS[tp] for tp in p["topics"] if tp in TOPIC_NEEDS} | set(needs)
        needs = [n for n in NEED_ORDER if n in implied]
    p["needs"] = needs
    negated = {m.group(1).lower() for rx in (NEG_INSTR, PREF_OVER_INSTR) for m in rx.finditer(t)}
    if NO_EQUITY.search(t):
        negated.add("equity")
    p["instruments_unwanted"] = _unwanted_instruments(t)
    if p["instruments_unwanted"]:
        stated.append("instruments_unwanted")
    wished = []
    t_wish = PAST_HELD.sub(" ", PAST_PRIZE.sub(" ", PAST_ROUND.sub(" ", _LATER_ROUND.sub(" ", OWN_FUNDS.sub(" ", ADVISER_MENTION.sub(" ", MODEL_TRAINING.sub(" ", t)))))))
    for k, rx in INSTR_RE.items():
        m = rx.search(t_wish)
        if not m:
            continue
        if k in p["instruments_unwanted"] or any(n in m.group(0).lower() or m.group(0).lower() in n for n in negated):
            continue
        wished.append(k)
    if INVESTOR_SELF.search(t):
        needs, wished = _as_investor(p, stated, wished)
    p["instruments_wished"] = wished
    p["levels_wished"] = _level_wishes(t)
    if p["levels_wished"]:
        stated.append("levels_wished")
        if all(LEVEL_ONLY[lv].search(t) for lv in p["levels_wished"]):
            p["levels_exclusive"] = True
            stated.append("levels_exclusive")
    if p["topics"]:
        stated.append("topics")
    if needs:
        stated.append("needs")
    if wished:
        stated.append("instruments_wished")
    if where.planned_berlin_site:
        facts["planned_berlin_site"] = True
    if where.site_outside_berlin:
        facts["project_outside_berlin"] = True
    if facts:
        p["facts"] = facts
        stated.append("facts")
    p["stated"] = stated
    return CompanyProfile.model_validate(p)


def merge_profiles(old: CompanyProfile, new: CompanyProfile) -> CompanyProfile:
    """Refine ``old`` with what ``new`` states (a later chat turn). Stated facts win; lists unite."""
    data = old.model_dump()
    for f in new.stated:
        val = getattr(new, f)
        if f == "facts":
            data["facts"] = {**(old.facts or {}), **val}  # a later turn overrides a fact it states again
            continue
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
        if f == "age_years":
            data["age_range"] = new.age_range  # a later, exact age replaces a year-only range
        if f in ("age_years", "founded_year") and new.stage is not None and "stage" not in new.stated:
            data["stage"] = new.stage
    data["stated"] = list(dict.fromkeys([*old.stated, *new.stated]))
    # a fact read two ways stays open until a turn states it; an earlier turn's statement is not undone by a dispute
    data["disputed"] = [f for f in dict.fromkeys([*old.disputed, *new.disputed])
                        if f not in new.stated and data.get(f) is None]
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
        data["in_berlin"] = is_berlin(p.location)
    if data.get("in_germany") is None and p.location:
        region = region_of(p.location) or (p.location.lower() if p.location.lower() in ("germany", "abroad") else None)
        if region is not None:
            data["in_germany"] = region != "abroad"
    if data.get("in_berlin") and data.get("in_germany") is None:
        data["in_germany"] = True
    if not data.get("stated"):
        data["stated"] = [k for k, v in data.items() if v not in (None, [], "") and k not in ("lang", "stated")]
    return CompanyProfile.model_validate(data)
