"""Word lists and patterns that the profile extractor reads company texts with (German and English)."""

from __future__ import annotations

import re

from .text import folded_rx

# ---------------------------------------------------------------- numbers

# starts only where a digit run starts: an unanchored \d+ would retry at every digit of a long run (quadratic)
_NUM = r"(?<!\d)(\d{1,3}(?:[.\s’']\d{3})+|\d+(?:[.,]\d+)?)"
NUM_RX = _NUM  # the number pattern (one group), for readers outside the lexicon


def parse_number(s: str) -> float:
    """German or English notation: '2.000' -> 2000, '1,5' -> 1.5, '2,000' -> 2000, '3.5' -> 3.5."""
    s = s.strip().replace("’", "").replace("'", "").replace(" ", "")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", s):
        return float(s.replace(".", ""))
    if re.fullmatch(r"\d{1,3}(,\d{3})+", s):
        return float(s.replace(",", ""))
    return float(s.replace(",", "."))


MULT = {
    "mrd": 1e9, "milliarde": 1e9, "milliarden": 1e9, "bn": 1e9, "billion": 1e9, "b": 1e9,
    "mio": 1e6, "million": 1e6, "millionen": 1e6, "mill": 1e6, "m": 1e6, "mn": 1e6,
    "tsd": 1e3, "tausend": 1e3, "k": 1e3, "t": 1e3,
}

# organisations counted in "wir sind drei Institute" (a consortium, not a headcount)
_ORGS = (r"(?:[\w-]*(?:betriebe|unternehmen|firmen|institute|einrichtungen|hochschulen|universitäten|organisationen|"
         r"stadtwerke|werke|gesellschaften|vereine|kommunen|partner|verbände)|companies|firms|institutes|organi[sz]ations|"
         r"universities|partners|utilities|plants)\b")

STAFF_WORDS = (
    r"(?:ma\b|mitar?b[a-zä]*(?::innen|\*innen|_innen)?|beschäftigte[n]?|(?:fest\s?)?angestellte[n]?|"
    r"leute|personen|köpfe|fte|vollzeitstellen|stellen|employees?|staff|people|workers|heads|team members|"
    # "Fachkräfte", "Pflegekräfte", "Lehrkräfte", "Erzieher:innen"
    r"persons|\w{0,12}kräfte|erzieher(?::innen|\*innen|innen)?|gesell(?:en|innen)|arbeiter(?:innen)?|kolleg(?:en|innen)|"
    r"gründer(?:innen)?|founders|co-?founders)"
)
EMP_PATTERNS = [
    folded_rx(rf"{_NUM}[- ](?:person|people|employee|staff|mann|köpfig\w*|mitarbeiter)\b(?!s? (?:jahre|years))"),
    folded_rx(rf"(?:there are|we are|wir sind)\s+(?:now\s+|jetzt\s+|mittlerweile\s+)?{_NUM}\s+(?:of us|people|persons|leute|personen)"),
    folded_rx(rf"{_NUM}\s+of us\b"),
    folded_rx(rf"(?:rund |ca\.? |circa |etwa |about |around |approx\.? |~)?{_NUM}\s*\+?\s*{STAFF_WORDS}"),
    folded_rx(rf"(?:team|belegschaft|workforce|headcount|staff|mitarbeiterzahl|beschäftigtenzahl)\s*(?:von|of|aus|:|=|ist|is|with)?\s*(?:rund |ca\.? |etwa |about |around )?{_NUM}\b"),
    folded_rx(rf"{STAFF_WORDS}\s*[:=]\s*{_NUM}"),
    folded_rx(rf"(?:wir sind|we are|sind wir)\s+(?:jetzt |now |mittlerweile |inzwischen |schon |already |insgesamt |in total )?"
              rf"(?:rund |ca\.? |etwa |about |around )?{_NUM}\b(?!\s*(?:jahre|years|%|prozent))"
              rf"(?!\s+(?:[\w-]+\s+){{0,2}}{_ORGS})"),  # "wir sind zwei Betriebe": organisations, not staff
]
EMP_WORDS = {
    "ein-personen": 1, "einzelunternehmer": 1, "solo": 1, "allein": 1, "zu zweit": 2, "zu dritt": 3,
    "zu viert": 4, "zu fünft": 5, "zu sechst": 6, "zu siebt": 7, "zu acht": 8,
}
NUMBER_WORDS = {
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "zwölf": 12, "zwanzig": 20, "dreißig": 30, "fünfzig": 50, "hundert": 100,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "twelve": 12, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100,
}

TURNOVER = folded_rx(
    rf"(?:umsatz|jahresumsatz|umsätze|turnover|revenue|revenues|sales)\s*"
    # the year the turnover is for is no amount: "Turnover 2025 was 6.4 million EUR", "Umsatz 2024: 1,2 Mio"
    rf"(?:(?:im jahr\s+|in\s+)?(?:19|20)\d{{2}}\s*(?:was|war|lag bei|betrug|of|:|=)?\s*)?"
    rf"(?:von|of|:|=|ca\.?|rund|etwa|about|around|liegt bei|is|beträgt|~)?\s*"
    rf"(?:ca\.?\s*|rund\s*|etwa\s*|about\s*|around\s*)?(?:€|eur|euro)?\s*{_NUM}\s*"
    rf"(mrd\.?|milliarden?|bn|billion|mio\.?|millionen|million|mill\.?|mn|m|tsd\.?|tausend|k)?\b",
)
TURNOVER_AFTER = folded_rx(
    rf"(?:€|eur|euro)?\s*{_NUM}\s*(mrd\.?|milliarden?|bn|billion|mio\.?|millionen|million|mill\.?|mn|m|tsd\.?|tausend|k)\s*"
    rf"(?:€|eur|euro)?\s*(?:jahres)?(?:umsatz|turnover|revenue|sales|in sales|in revenue)",
)

# ---------------------------------------------------------------- age / founding

# month names, German and English ("GmbH seit Juni 2026", "founded in March 2025"); the index + 1 is the month
MONTHS = ("jan", "feb", "m(?:ä|ae|a)r", "apr", "ma[iy]", "jun", "jul", "aug", "sep", "o[ck]t", "nov", "de[cz]")


def month_number(word: str) -> int:
    """1..12 for a month name or abbreviation matched by ``MONTHS`` ("März", "sept", "Oct")."""
    return next(i for i, pat in enumerate(MONTHS) if re.match(pat, word.lower())) + 1


MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")[a-z]{0,6}\.?(?=\s*(?:19|20)\d{2}\b)")
# founded in a month without a year ("haben im März eine GmbH gegründet", "founded in April"): the last such month
FOUNDED_MONTH = folded_rx(
    r"\b(?:(?:im|in)\s+(" + "|".join(MONTHS) + r")[a-z]{0,6}\b(?!\s*(?:19|20)\d{2})[^.;!?]{0,60}?\bgegründet|"
    r"(?:gegründet|founded|incorporated|registered|eintragung|gründung)\s+(?:im|in)\s+(" + "|".join(MONTHS) + r")[a-z]{0,6}\b(?!\.?\s*(?:19|20)?\d{2})|"
    # a legal form "seit" a month ("GmbH seit Oktober", "UG since March")
    r"\b(?:gmbh|ug|gbr|ohg|kg|ltd)\s+(?:seit|since)\s+(" + "|".join(MONTHS) + r")[a-z]{0,6}\b(?!\.?\s*(?:19|20)?\d{2})|"
    # the company entered in the register that month ("haben im August unsere UG eintragen lassen")
    r"(?:im|in)\s+(" + "|".join(MONTHS) + r")[a-z]{0,6}\b(?!\s*(?:19|20)\d{2})[^.;!?]{0,40}?\b(?:ug|gmbh|gbr|eg|ag|kg|ohg|firma|"
    r"unternehmen|genossenschaft)\b[^.;!?]{0,30}?\b(?:eintragen lassen|eingetragen|ins handelsregister))",
)
FOUNDED_YEAR = folded_rx(
    r"(?:gegr(?:ündet|\.)?|gründung(?:sjahr)?|founded|established|est\.|incorporated|seit|since|am markt seit|gegründet im jahr|gegründet in"
    # a shop or workshop that opened then ("opened in spring 2022", "eröffnet im Frühjahr 2019"; no object in between)
    r"|opened|eröffnet|aufgemacht|started(?=\s+(?:the|our|my)\s+(?:company|firm|business|gmbh|ug)\b)"
    # the company registered then ("we only registered the company in autumn 2023"; the object is required)
    r"|registered(?=\s+(?:the|our|my|a)\s+(?:company|firm|business|gmbh|ug)\b)"
    # entered in a register then ("entered in the Vereinsregister in 2024", "im Handelsregister seit 2016")
    r"|(?:eingetragen|entered|registered|listed)\s+(?:in(?:to)?\s+the|im|ins|in das)\s+(?:vereins|handels|genossenschafts|partnerschafts)?"
    r"regist\w*(?:\s+of\s+associations)?(?:\s+(?:seit|since))?"
    r"|(?:im|in the)\s+(?:vereins|handels|genossenschafts)regist\w*\s+(?:seit|since))"
    # a form's label ("Gründung: 03/2024", "Founded: 2019"), an adverb ("founded back in 1986", "bereits 1965 gegründet")
    r"\s*:?\s*(?:(?:back|already|originally|bereits|schon|ursprünglich)\s+)?"
    # the company as object in between ("incorporated a GmbH in September 2026", "founded our company in 2019",
    # "incorporated as a UG in March 2024", "started the company in 2022", "the owner founded it in 1990")
    r"(?:(?:as\s+)?(?:a|an|the|our|my|eine|unsere|meine|die|das)\s+(?:gmbh|ug|ag|company|firm|firma|start-?up|business|unternehmen)\s*|it\s+)?"
    r"(?:im jahr\s*|in\s*|im\s*)?"
    r"(?:(?:early|late|mid|anfang|ende|mitte)[\s-]*)?(?:(?:spring|summer|autumn|fall|winter|frühjahr|frühling|sommer|herbst|winter)\s*(?:of\s*)?)?"
    # a day before the month ("gegründet 14. März 2024") or a month in digits ("UG seit 02/2022")
    # a year in two digits after an apostrophe ("gegr. '98", "seit ’04"; ``full_year``)
    r"(?:\d{1,2}\.\s*)?(?:(?:" + "|".join(MONTHS) + r")[a-z]{0,6}\.?\s*|(?:0?[1-9]|1[0-2])\s*/\s*)?((?:19|20)\d{2}|['’‘´`]\d{2})\b",
)
# the year before the verb: "habe meine Werkstatt 2020 gegründet", "wir haben 2019 eröffnet", "we were 2018 founded"
FOUNDED_YEAR_BEFORE = folded_rx(
    r"(?<![\d.,/-])\b((?:19|20)\d{2})\s+(?:gegründet|eröffnet|aufgemacht|gestartet als|founded|established|incorporated|opened|"
    # a person who set up on their own then ("hab mich im September 2026 selbstständig gemacht")
    r"selbst(?:st)?ändig gemacht|"
    # with a few words in between: "2021 aus der FU ausgegründet", "2019 haben wir die GmbH gegründet"
    r"(?:[\w-]+\s+){1,4}?(?:gegründet|ausgegründet|founded|spun out|spun off|incorporated)|"
    # registered then ("Unsere GmbH haben wir 2022 eintragen lassen")
    r"eintragen lassen|ins handelsregister eintragen lassen|"
    # the company's legal form right before the verb, a side remark in between ("Im Mai 2023 ich habe mit meine Freundin
    # (auch Schneiderin) eine UG gegründet")
    r"[^.;!?:]{0,100}?\b(?:eine|unsere|meine|die|a|an|our)\s+(?:gmbh|ug|gbr|ohg|kg|firma|company)\s+(?:gegründet|founded|incorporated))\b")
# the company entered in a register or a trade registered, with the year in group 1 ("Unsere GmbH wurde am 20.12.2021 ins
# Handelsregister eingetragen", "our GmbH was registered in Berlin in March 2026", "2024 ein Nebengewerbe angemeldet")
FOUNDED_REGISTERED = (
    folded_rx(r"\b(?:gmbh|ug|gbr|kg|ag|company|business|firm|firma|unternehmen|gewerbe|start-?up)\s+(?:\([\w. ]+\)\s+)?"
              r"(?:was|wurde|ist|has been|got|were|wurden)\s+(?:officially\s+|offiziell\s+)?(?:am\s+\d{1,2}\.\s*\d{1,2}\.\s*(?=(?:19|20)\d{2}))?"
              r"(?:(?:19|20)\d{2}\s+)?(?:registered|incorporated|founded|gegründet|eingetragen|angemeldet|ins handelsregister)\b"
              r"[^.;!?]{0,30}?(?:(?:" + "|".join(MONTHS) + r")[a-z]{0,6}\.?\s*)?((?:19|20)\d{2})\b"),
    folded_rx(r"\b(?:gmbh|ug|gbr|kg|ag|firma|unternehmen|gewerbe)\s+(?:\([\w. ]+\)\s+)?(?:wurde|ist)\s+(?:am\s+)?"
              r"(?:\d{1,2}\.\s*\d{1,2}\.\s*)((?:19|20)\d{2})\b"),
    # (not an earlier one: "2019 schon mal ein Gewerbe angemeldet ..., will ich neu gründen")
    folded_rx(r"(?<![\d.,/-])\b((?:19|20)\d{2})\s+(?:(?!(?:schon|früher|damals|einmal|mal|once|previously|before)\b)[\w-]+\s+){0,3}?"
              r"(?:\w*gewerbe|firma|gmbh|ug|unternehmen|business|company)\s+(?:angemeldet|eingetragen|registered)\b"),
)
# a business that began in one legal form and changed later ("Angefangen haben wir 2018 als GbR, seit 2025 GmbH", "2019 als
# Einzelunternehmen gestartet", "we started as a sole trader in 2016"): the first start is the founding (group 1)
_FIRST_FORM = (r"(?:als|as)\s+(?:a\s+|an\s+|eine?\s+|kleine[ns]?\s+|small\s+)?(?:gbr|ug|gmbh|ohg|einzelunternehm\w*|einzelfirma|"
               r"einzelkauf\w*|kleingewerbe|nebengewerbe|freiberufler\w*|sole trader|sole proprietor\w*|freelancer|partnership|"
               r"side business|one-person business)\b")
_STARTED = r"(?:angefangen|gestartet|begonnen|started|began|begun)"
FOUNDED_AS = (
    folded_rx(rf"(?<![\d.,/-])\b((?:19|20)\d{{2}})\s+(?:[\w-]+\s+){{0,3}}?{_FIRST_FORM}[^.;!?]{{0,30}}?\b{_STARTED}\b"),
    folded_rx(rf"\b{_STARTED}\s+(?:haben wir|hat er|hat sie|habe ich|we|i)?\s*(?:[\w-]+\s+){{0,3}}?(?:im jahr\s+|in\s+)?"
              rf"((?:19|20)\d{{2}})\b[^.;!?]{{0,40}}?\b{_FIRST_FORM}"),
    folded_rx(rf"\b{_STARTED}\s+(?:[\w-]+\s+){{0,3}}?{_FIRST_FORM}\s+(?:[\w-]+\s+){{0,2}}?(?:in\s+|im jahr\s+)?((?:19|20)\d{{2}})\b"),
)
# a company anniversary ("Wir feiern nächstes Jahr 25-jähriges Jubiläum", "our 10th anniversary this year"): group 1 or 2 is
# the age in that year; a person's ("Dienstjubiläum") is not the company's
ANNIVERSARY = folded_rx(r"\b(\d{1,3})[-\s]?jährige[sn]?\s+(?:firmen|betriebs|geschäfts|unternehmens)?jubiläum\b|"
                        r"\b(\d{1,3})(?:st|nd|rd|th)\s+(?:company\s+|business\s+)?anniversary\b")
ANNIVERSARY_NEXT_YEAR = folded_rx(r"\b(?:nächste[sn]?|kommende[sn]?)\s+jahr|\bnext year\b|\bin the coming year\b")
# the year of a spin-off ("eine Ausgründung der TU Berlin aus dem Jahr 2023", "a spin-off of the Charité from 2022")
FOUNDED_YEAR_SPINOFF = folded_rx(
    r"\b(?:ausgründung|ausgegründet|spin-?offs?|spin-?outs?|spun (?:out|off))\b[^.;!?]{0,50}?\b"
    r"(?:aus dem jahr|von|vom|from|in|im jahr|of|seit|since)\s+((?:19|20)\d{2})\b")
# founded in a year named relative to today ("letztes Jahr eine GmbH gegründet", "founded the company last year",
# "hab mich vorletztes Jahr selbstständig gemacht"): group 1 or 2 is the year; an opening is left out ("letztes Jahr
# haben wir eine zweite Halle eröffnet" opens a site, not the company)
_RELATIVE_YEAR = (r"(vorletzte[snm]? jahr|the year before last|letzte[snm]? jahr|vergangene[snm]? jahr|last year|"
                  r"dieses jahr(?:es)?|diesem jahr|this year|earlier this year|"
                  # a founding weeks ago counts as this year's
                  r"(?:letzte[nr]?|vorige[nr]?|vergangene[nr]?) (?:monat|woche)|last (?:month|week))")
_FOUNDING_ACT = (r"(?:gegründet|ausgegründet|founded|incorporated|selbst(?:st)?ändig gemacht|went self-employed|"
                 # registered ("letzten Monat unsere UG ins Handelsregister eintragen lassen")
                 r"eintragen lassen|ins handelsregister eingetragen|"
                 r"(?:\w*gewerbe|\w*firma|\w*unternehmen|gmbh|ug|company|business)\s+(?:angemeldet|eingetragen|registered)|"
                 r"registered (?:the|our|a|my) (?:company|business|gmbh|ug)|"
                 # "registered as a freelance UX researcher last month"
                 r"registered as an? (?:[\w-]+ ){0,3}?(?:freelanc\w*|self-employed|sole trader|sole proprietor))")
FOUNDED_RELATIVE = folded_rx(
    rf"\b{_RELATIVE_YEAR}\b[^.;!?,]{{0,70}}?\b{_FOUNDING_ACT}\b|\b{_FOUNDING_ACT}\b[^.;!?,]{{0,30}}?\b{_RELATIVE_YEAR}\b|"
    # on the market since then ("seit letztem Jahr am Markt", "in business since last year"; not "lange am Markt und
    # wollen dieses Jahr ...")
    rf"\bseit\s+{_RELATIVE_YEAR}\s+(?:[\w-]+\s+){{0,4}}?(?:am|auf dem) markt\b|\b(?:on the market|in business) since {_RELATIVE_YEAR}\b")
# a month or week ago counts as this year ("letzten Monat", "last week"); else by the phrase's start
RELATIVE_WEEKS = re.compile(r"\b(?:monat|woche|month|week)\b")
RELATIVE_YEAR_OFFSET = {"vorletzte": 2, "the year before last": 2, "letzte": 1, "vergangene": 1, "last year": 1,
                        "dieses": 0, "diesem": 0, "this year": 0, "earlier this year": 0}
AGE_YEARS = folded_rx(
    rf"(?:seit|since|(?:been|running|operating|existed|existing|in business|active|am markt)[\w\s]{{0,50}}?\bfor)\s*"
    rf"(?:über\s*|mehr als\s*|rund\s*|gut\s*|knapp\s*|fast\s*|over\s*|more than\s*|about\s*|like\s*|around\s*|almost\s*|nearly\s*)?{_NUM}\s*(jahren|jahre|years?|monaten|monate|months?|wochen|weeks)",
)
AGE_AGO = folded_rx(
    rf"(?:gegründet|gegr\.|gründung|founded|incorporated|started|established)\s*(?:vor|in)?\s*(?:rund\s*|etwa\s*|ca\.\s*|gut\s*|knapp\s*|fast\s*|über\s*|mehr als\s*|about\s*|almost\s*|nearly\s*|over\s*|some\s*|around\s*)?{_NUM}\s*(jahren|jahre|monaten|monate|wochen|years?|months?|weeks?)(?:\s*ago)?",
)
AGE_AGO2 = folded_rx(
    # "N years ago" only of founding ("we incorporated our GmbH 3 months ago"), not of a move or a degree
    rf"(?:(?:found\w*|incorporat\w*|register\w*|set up|start\w*|launch\w*|open\w*|began|begun|establish\w*)\b[^.;!?]{{0,60}}?"
    rf"{_NUM}\s*(years?|months?|weeks?)\s+ago|vor\s+(?:gut\s+|knapp\s+|fast\s+|rund\s+|etwa\s+|ca\.\s*|über\s+)?{_NUM}\s*(jahren|monaten|wochen)\s+(?:[\w-]+\s+){{0,5}}?(?:gegründet|gestartet|eröffnet|aufgemacht|an den start gegangen|"
    # registered then ("vor 3 Wochen unsere UG ins Handelsregister eintragen lassen", "vor zwei Monaten Gewerbe angemeldet")
    rf"eintragen lassen|eingetragen|angemeldet|selbs?t?ständig gemacht))"
)
AGE_OLD = folded_rx(
    rf"{_NUM}\s*(jahre|years?|monate|months?)\s*(?:alt|old|am markt|on the market|in business|im geschäft)"
)
# "a 3-year-old company", "ein 5-jähriges Unternehmen"; not a duration ("a two-year project") or a person ("19-jähriger")
AGE_HYPHEN = folded_rx(r"(?<!\d)(\d+)-(?:year-old|years-old|jährige[sn]? (?:unternehmen|firma|betrieb|start-?up|gmbh)|"
                       r"year (?:old )?(?:company|firm|start-?up|business))")

# said outright that no company exists yet: no year in the text can outweigh it (``profile``)
NOT_FOUNDED_PATTERN = (
    r"noch nicht gegründet|gegründet (?:ist|hat|haben wir|haben) (?:noch )?(?:nichts|nix|nicht|keiner)|"
    r"noch nichts gegründet|noch keine (?:gmbh|ug|firma|gesellschaft)\b|"
    r"\b(?:gmbh|ug|firma|unternehmen) gibt es (?:aber |jedoch |bisher |bislang )?(?:noch )?nicht|no company yet|not a company yet|"
    # "Eine Firma haben wir bisher nicht gegründet", "Ein Gewerbe habe ich noch nicht", "noch kein Gewerbe angemeldet"
    r"\b(?:gmbh|ug|firma|unternehmen|gewerbe) (?:haben wir|habe ich|hab ich) (?:bisher |bislang |noch )*(?:nicht|keins?)\b|"
    r"\bnoch kein(?:e|en)? (?:gewerbe|gewerbeschein)\b|"
    r"no (?:gmbh|ug|legal entity) yet|(?:haven'?t|have not|not yet) (?:founded|registered|incorporated)|"
    r"not (?:yet )?(?:founded|incorporated)|"
    # "no company registered yet", "nothing incorporated yet", "die GmbH ist noch nicht eingetragen"
    r"no (?:company|business|entity|gmbh|ug|ltd) (?:is )?(?:registered|incorporated|founded)\b|"
    # "die GmbH soll im Frühjahr gegründet werden und existiert noch nicht"
    r"\b(?:gmbh|ug|firma|gesellschaft|unternehmen|company)\b[^.;!?]{0,60}? (?:existiert|besteht|exists?) (?:noch nicht|not yet)|"
    r"nothing (?:is )?(?:registered|incorporated|founded) yet|not (?:yet )?registered as a company|"
    r"\b(?:gmbh|ug|firma|gesellschaft|unternehmen)\b[^.;!?]{0,30}? (?:ist |sind )?noch nicht (?:eingetragen|gegründet|angemeldet)|"
    # a company "in Gründung" ("GmbH in Gründung", "UG (haftungsbeschränkt) i. G.", "Startup in Gründung")
    r"\b(?:gmbh|ug|gbr|ag|start-?up|firma|unternehmen|gesellschaft)(?: \(haftungsbeschränkt\))? (?:in gründung|i\. ?g\.)|"
    r"about to (?:found|incorporate|register|set up|start|launch) (?:a|an|our|my) "
    r"(?:[\w-]+ ){0,3}(?:company|business|start-?up|firm|gmbh|ug|ltd|spin-?off)\b|"
    r"plan(?:s|ning)? (?:a|an|our|my) (?:[\w-]+ ){0,2}spin-?(?:off|out)\b|"
    # "Ein Gewerbe habe ich noch nicht angemeldet", "Gründung Foodtruck, noch nicht angemeldet"
    r"\bgewerbe (?:[\w-]+ ){0,3}noch nicht angemeldet|\bgründung [^.;!?]{0,40}?noch nicht angemeldet|"
    r"\bnoch (?:nix|nichts) angemeldet|(?:have not|haven't|not) registered anything yet|"
    r"(?:haven't|have not|not yet) registered (?:a|my|our|the) (?:business|company|trade)"
)
NOT_FOUNDED = folded_rx(NOT_FOUNDED_PATTERN)
# a freelancer's own years ("Freiberuflerin in Berlin seit 2020", "freelancing since 2019") are no company's age
FREELANCE_YEARS = folded_rx(r"\b(?:freiberufl\w*|freelanc\w*|solo-?selbst\w*|selbstständig|selbständig|self-employed)\b[^.;!?]{0,40}?"
                            r"\b(?:seit|since)\s+(?:\d{1,2}[./]\s*)?(?:19|20)\d\d\b|"
                            r"\b(?:seit|since)\s+(?:19|20)\d\d\s+(?:als\s+|as\s+(?:an?\s+)?)?(?:freiberufl\w*|freelanc\w*|selbstständig|selbständig|self-employed)")
PRE_FOUNDING = folded_rx(
    rf"({NOT_FOUNDED_PATTERN}|"
    r"(?:daraus|draus|damit) (?:ein|eine) (?:eigene[ns]? )?(?:unternehmen|firma|start-?up|gmbh|ausgründung) (?:zu )?(?:machen|gründen|werden)|"
    r"turn(?:ing|s)? (?:it|this|that|them|(?:our|my) [^.;!?]{1,60}?) into an? (?:(?:real|proper|actual|registered|own|small|little|tiny)\s+){0,2}(?:company|business|start-?up|gmbh)|vor der gründung|vorgründung|gründen wollen|(?:will|wollen|möchte|möchten|plane|planen|werde|werden),? .{0,80}gründen\b|"
    # the plan and the verb further apart within one sentence ("möchte mit einem Kollegen ein eigenes Unternehmen für
    # Laser-Messtechnik in der Lebensmittelindustrie gründen")
    r"(?:will|wollen|möchte|möchten|plane|planen|werde|werden|würde|würden)\b[^.;!?]{0,140}?\bgründen\b|"
    # a trade to be registered ("Im Februar will ich das Gewerbe anmelden"), a founding phase ("noch in der
    # Gründungsphase", "der Gesellschaftsvertrag liegt im Entwurf vor"), an idea being weighed ("thinking about starting a
    # vegan catering business, just an idea so far")
    r"(?:will|wollen|möchte|möchten|plane|planen|werde|werden)\b[^.;!?]{0,40}?\b(?:das|ein|mein|unser) (?:eigenes? )?gewerbe anmelden\b|"
    r"\bnoch in der gründungsphase\b|\bgesellschaftsvertrag (?:liegt|ist) (?:erst |noch )?im entwurf|"
    r"\b(?:thinking about|considering|think about) (?:starting|founding|launching) (?:a|an|my) (?!(?:second|another|new|branch|"
    r"office|site|subsidiary)\b)|"
    r"\b(?:just|only) an idea (?:so far|for now|at the moment)|\b(?:erst|bisher|noch) (?:nur )?eine idee\b|"
    # moving somewhere to found ("relocating to Berlin in spring to start a company"), incorporating later
    r"\b(?:relocat\w*|moving|coming|move|come)\b[^.;!?]{0,40}?\bto (?:found|start|launch|set up) (?:a|an|my|our) "
    r"(?:[\w-]+ ){0,3}?(?:company|business|start-?up|firm)\b|\b(?:i'll|i will|we'll|we will) incorporate\b|"
    # a consultant's note on a person about to open ("plant die Eröffnung eines inklusiven Cafés", not "einer zweiten
    # Filiale"), whose trade is registered next month ("Gewerbeanmeldung erfolgt voraussichtlich im nächsten Monat")
    r"\b(?:plant|planen|plane)\s+die\s+(?:eröffnung|gründung)\s+(?:eine[rs]|ihre[rs]|seine[rs])\s+"
    r"(?!(?:zweite|weitere|neue|dritte)\w*\b)(?:(?!filiale|standort|niederlassung|zweigstelle)[\w-]+\s+){0,2}?"
    r"(?!filiale|standort|niederlassung|zweigstelle)[\w-]+\b|"
    r"\bgewerbeanmeldung (?:erfolgt|ist) (?:voraussichtlich|erst|im nächsten|nächsten|in)\b|"
    # the legal form is still open ("Rechtsform ist noch offen, evtl. gGmbH oder Verein")
    r"\brechtsform (?:ist |steht )?noch (?:offen|nicht fest|unklar)|\blegal form (?:is )?(?:still )?(?:open|undecided|unclear)\b|"
    r"gründen (?:will|wollen|möchte|möchten)|(?:mandant\w*|kundin|client) (?:gründet|founds|is founding)|\b(?:ich gründe|wir gründen)\b|(?:ein|eine) start-?up (?:machen|aufbauen|starten)|"
    r"doktorand\w* .{0,80}(?:gründ|start-?up|ausgründ)|studentin .{0,80}gründ|student .{0,80}gründ|"
    r"planen .{0,40}gründung|plane .{0,40}gründung|gründungsvorhaben|gründungsidee|gründungsteam|geschäftsidee|ausgründen|"
    # researchers who spin off a company, not a firm that spins off one of its teams ("spin off our routing team")
    r"ausgründung planen|\b(?:want|wants|plan|plans|planning|intend|hope|would like|'d like) to spin (?:off|out)\b"
    r"(?!\s+(?:our|the|its|a|one of our)\s+(?:[\w-]+\s+){0,2}?(?:team|unit|division|department|business|subsidiary|line)\b)|"
    r"\bspin (?:off|out) (?:a|our|the|an own) (?:[\w-]+ )?(?:company|start-?up|business|firm)\b|(?:mein eigener chef|meine eigene chefin) (?:werden|sein)|be my own boss|(?:in|als) (?:eine[rn]? )?ausgründung (?:überführen|bringen|umsetzen|verwerten)|pre-?founding|pre-?seed team|founding team|"
    r"(?:want|wants|would like|'d like|wish|intend|aim|hope|are going|is going|am going) to (?:found|start|launch|set up|incorporate|open|register) "
    r"(?:a|an|our|my) (?:[\w-]+ ){0,3}(?:company|business|startup|start-up|firm|gmbh|ug|ltd)\b|"
    # "would like to stay in Berlin and make a company from this"
    r"(?:want|would like|'d like|plan|hope|wish|intend)\w* to .{0,60}?\b(?:make|start|found|launch|set up) (?:a|an|my|our) "
    r"(?:[\w-]+ ){0,2}?(?:company|business|start-?up)\b(?! (?:that|which|who) (?:already|is|has))|"
    r"plan(?:ning)? to (?:found|start|incorporate|open)|(?:open|start) (?:my|our) own (?:business|company|workshop|shop)|"
    # also in learner's English ("Now I want open small cafe")
    r"(?:i|we) (?:want|would like|plan)(?: to)? (?:open|start) (?:a |an |my |our )?(?:own |small |little |new ){0,2}"
    r"(?:(?!(?:second|another|additional|third|\d+(?:st|nd|rd|th))\b)[\w-]+ )?"
    r"(?:café|cafe|coffee shop|shop|bakery|restaurant|store|salon|studio|business|company|workshop|kiosk|bar|bistro|roastery|"
    r"brewery|online[- ]?shop|label|agency)\b|"
    # the same trades after a plan further off ("I'm moving from Vienna and want to found a craft brewery"), not a second site
    r"\b(?:want|wants|would like|'d like|plan|plans|planning|intend|hope) to (?:found|start|open|launch|set up) (?:a|an|my|our) "
    r"(?:own )?(?!(?:second|another|additional|new|third|\d+(?:st|nd|rd|th))\b)(?:[\w-]+ ){0,2}?(?:café|cafe|coffee shop|bakery|restaurant|store|salon|"
    r"studio|workshop|kiosk|bar|bistro|roastery|brewery|online[- ]?shop|label|agency|practice|food ?truck)\b|"
    # "möchte ich als Gründerin einen Online-Shop für Kinderkleidung starten"
    r"\bals gründer\w* .{0,80}\b(?:starten|gründen|eröffnen|aufmachen)\b|"
    # one word may describe it ("einen mobilen Hundesalon starten", "eine kleine Bäckerei eröffnen"), not as another site
    r"(?:wollen|möchten|will|möchte|planen|plane) .{0,60}\b(?:ein|eine|einen) "
    r"(?:eigene[ns]? |(?!(?:zweite|weitere|dritte|neue|andere)\w*\b|\d)[\w-]+ )?[\w-]*(?:café|laden|shop|geschäft|"
    r"restaurant|praxis|werkstatt|studio|salon|imbiss|agentur|firma|betrieb|manufaktur|rösterei|bäckerei|konditorei|"
    r"brauerei|tischlerei|schneiderei|gärtnerei) (?:(?!unser|our\b)[^.;!?]){0,60}?\b(?:eröffnen|aufmachen|gründen|starten)\b|"
    r"(?:mit einer eigenen|eigene) (?:werkstatt|firma|betrieb) .{0,30}selbst|"
    r"(?:ich habe|ich hab|i have|i've got) (?:eine|an?) (?:[\w-]+ )?(?:idee|idea)\b|"
    r"(?:wollen|möchten|will|möchte|planen|plane|want to|plan to) .{0,60}\b(?:ein|eine|einen|a|an|my|our|mein\w*|unser\w*) (?:eigene[ns]? |own )?"
    r"(?:café|cafe|laden|geschäft|restaurant|praxis|werkstatt|studio|salon|shop|imbiss|bar|kita|agentur|firma|betrieb|business|store) "
    r"(?:eröffnen|aufmachen|gründen|starten|übernehmen)|"
    r"before founding|business idea|wir sind .{0,30}(?:studierende|absolvent)|we are .{0,30}(?:students|graduates)|gründungsvorbereitung|spin-?off (?:project|team)|"
    r"as a team of researchers|forschungsteam .{0,40}gründ|selbstständig machen|selbständig machen|going to start a business|"
    # "Ich mache mich als Elektriker selbstständig", "we are going self-employed"
    r"\bmache\w* (?:mich|uns) (?:[\w-]+ ){0,5}?selbs?t?ständig\b|(?:go|going|become|becoming) self-employed|"
    # "mich im Frühjahr mit einem Foodtruck selbstständig zu machen", "in die Selbstständigkeit gehen"
    r"selbs?t?ständig zu machen|(?:weg|schritt|gang) in die selbs?t?ständigkeit|in die selbs?t?ständigkeit (?:zu )?(?:gehen|starten|wechseln)|"
    # a business of one's own to be opened: "mein eigenes Tischlereigeschäft eröffnen", "eine eigene Praxis zu eröffnen"
    r"(?:will|wollen|möchte|möchten|plane|planen|gedanken|überlege|überlegen|träume|träumen|vor)\b[^.;!?]{0,60}?"
    r"\b(?:ein|eine|einen|mein|meine|meinen|unser|unsere|unseren) eigene[ns]? [\w-]*(?:café|cafe|laden|geschäft|restaurant|"
    r"praxis|werkstatt|studio|salon|shop|imbiss|kita|agentur|firma|betrieb|kanzlei|unternehmen|manufaktur|rösterei|"
    r"brauerei|bäckerei|tischlerei|start-?up)\b[^.;!?]{0,40}? (?:zu )?(?:eröffnen|aufmachen|gründen|starten|aufbauen)\b|"
    r"eigene[ns]? (?:[\w-]+ )?(?:firma|unternehmen|start-?up|betrieb|geschäft)\b[^.;!?]{0,40}?an den start (?:bringen|gehen)|"
    # "aus unserem Forschungsprojekt eine Firma machen"
    r"\baus (?:unserem|unserer|meinem|meiner|dem|der|diesem|dieser) [^.;!?]{0,60}?\b(?:ein|eine|einen) (?:eigene[ns]? )?"
    r"(?:unternehmen|firma|start-?up|gmbh|ausgründung) (?:zu )?(?:machen|gründen|werden)\b|"
    r"angemeldet ist (?:noch )?nichts|noch kein gewerbe angemeldet|(?:gewerbe|firma|unternehmen) (?:ist )?noch nicht angemeldet|"
    r"(?:schreiben|schreibe|erstellen|erstelle) (?:gerade |noch )?(?:unseren|meinen|einen) businessplan|"
    r"(?:writing|working on) (?:the|our|my|a) business ?plan|"
    # "preparing to launch a bike repair business", "to start my own e-commerce company", "planning my own brewery"
    r"(?:preparing|getting ready) to (?:found|start|launch|set up|incorporate|open|register) (?:a|an|our|my) (?:[\w-]+ ){0,3}"
    r"(?:company|business|start-?up|firm|gmbh|ug|ltd|shop|store|studio|practice|café|cafe|bakery|brewery|restaurant|agency)\b|"
    # one's own, whatever it is: "finally want to open my own small guesthouse", "go out on my own"
    r"(?:open|start|launch|found|set up) my own\b|(?:go|going|strike|striking|set|setting) out on (?:my|our) own\b|"
    r"before (?:we|i) (?:incorporate|found|register|set up)\b|selbs?t?ständig mach(?:en|n)\b|"
    r"\b(?:want|plan|would like|'d like|going|hope)\w* to (?:go|become|work as an?) (?:freelance|self-employed|freelancer)\b|"
    # "möchte jetzt endlich mein eigenes Lokal hier in Berlin aufmachen", "want to start my own little label"
    r"\b(?:möchte|will|werde|plane|würde|want|plan)\b[^.;!?]{0,60}?\b(?:mein|meine|meinen|my) (?:eigene[ns]? |own )(?:[\w-]+ ){0,2}?"
    r"[\w-]+ [^.;!?]{0,40}?(?:eröffnen|aufmachen|gründen|starten)\b|"
    r"\b(?:consider\w*|explor\w*|think\w* about|prepar\w*)\s+(?:a |an |our |my |the )?(?:[\w-]+ ){0,2}spin-?(?:off|out)\b|"
    r"\bplan\w* to spin (?:off|out)\b|\bbevor (?:wir|ich) (?:eine |die |unsere |meine )?(?:gesellschaft|firma|gmbh|ug|unternehmen)? ?gründen\b|"
    r"\bplan(?:s|ning)? (?:a|an|my|our|his|her|their) (?:[\w-]+ ){0,4}(?:business|company|start-?up|shop|studio|practice)\b|"
    r"\b(?:will|möchte|want)\b[^.;!?]{0,30}?\beigene[nmrs]? (?:[\w-]+ ){0,2}?(?:machen|aufmachen|eröffnen|gründen|starten)\b|"
    # a person opening a business: "Jetzt möchte ich in Spandau eine kleine Konditorei eröffnen" (not a second branch)
    r"\b(?:möchte|will|werde|plane|würde) ich\b(?:(?!zweite|weitere|filiale|standort|niederlassung)[^.;!?]){0,60}?"
    r"\b(?:eine?n?|mein\w*) (?:(?!zweite|weitere|filiale|standort|niederlassung)[\w-]+ ){1,3}(?:zu )?(?:eröffnen|aufmachen)\b|"
    r"(?:open|start|launch|found|planning|plan) (?:my|our) own (?:[\w-]+ ){0,2}(?:business|company|firm|shop|store|brewery|"
    r"bakery|café|cafe|restaurant|studio|practice|agency|workshop|label|start-?up)\b)",
)
# "start-up" said of the company, not of a programme or the scene ("Berliner Startup Stipendium", "Start-up-Szene")
STARTUP = folded_rx(r"\b(start-?up(?![- ]?(?:stipendi\w*|szene|scene|ökosystem\w*|ecosystem|programm\w*|program\b|förder\w*|"
                    r"wettbewerb\w*|competition|events?|community|hubs?|inkubator\w*|incubator\w*|zentr\w*|centre|center))|jungunternehmen|junges (?:[\w-]+[ -])?unternehmen|junge (?:[\w-]+[ -])?firma|young (?:[\w-]+ )?company|neu gegründet\w*|newly founded|frisch gegründet\w*|"
                    # venture rounds are what start-ups raise ("closed our pre-seed round", "Seed-Runde", "Series A")
                    r"pre-?seed|seed[- ]?(?:runde|round|finanzierung|funding|investment|phase|stage)|series[- ][ab]|finanzierungsrunde)\b")

# ---------------------------------------------------------------- organisation type

RESEARCH = folded_rx(
    r"\b(forschungseinrichtung|forschungsinstitut|institut für|institute of|institute for|lehrstuhl|fachgebiet|"
    r"hochschule(?! für technik und wirtschaft als partner)|universität|university|fraunhofer|leibniz|helmholtz|max-planck|"
    r"research institute|research institution|research group|forschungsgruppe|arbeitsgruppe|professur|chair of)\b",
)
# a spin-off team that is still part of its university or institute (read only before founding)
SPINOFF_TEAM = folded_rx(
    r"\b((?:university|uni|hochschul\w*|universitäts|institut\w*)[ -]?(?:spin-?off|spin-?out|ausgründung)|"
    r"\d+ (?:researchers|scientists|forscher(?:innen)?|wissenschaftler(?:innen)?|doktorand(?:en|innen))\b)")

RESEARCH_AS_SELF = folded_rx(
    r"\b(wir sind (?:ein|eine|das|die|zwei|drei|vier|fünf|\d+) (?:[\w-]+ ){0,2}(?:[\w-]*-)?(?:forschungs|forscher|institut|hochschul|universit|lehrstuhl|fachgebiet|arbeitsgruppe)|"
    # "wir sind ein Team von drei Wissenschaftler:innen am Institut für Chemie der TU Berlin"
    r"(?:wir sind|we are|we're) (?:(?:ein team von|a team of|eine gruppe von|a group of) )?(?:\w+ )?(?:doktorand\w*|promovierende|wissenschaftliche\w* mitarbeit\w*|wissenschaftler\w*|forscher\w*|postdocs?|(?:phd |doctoral |postdoctoral )researchers|"
    r"researchers|scientists|phd (?:students|candidates)|doctoral (?:students|candidates))(?:[:*_/]innen)? (?:an|am|der|at|of) (?:der |dem |einer |the |a )?"
    r"(?:tu|fu|hu|bht|htw|uni\w*|universit\w*|hochschul\w*|institut\w*|fraunhofer|leibniz|helmholtz|max-planck|charité|"
    r"forschungseinrichtung\w*|außeruniversitär\w*)|"
    r"wir sind (?:ein|eine|das|die) [\w-]+(?:institut|hochschule|universität)\b|"
    # "Am Fachgebiet Werkstofftechnik der TU Berlin suchen wir ...", "am Lehrstuhl für ... entwickeln wir"
    r"\b(?:am|an dem) (?:fachgebiet|lehrstuhl|institut|fachbereich)\b[^.;!?]{0,80}?\b(?:suchen|forschen|arbeiten|entwickeln|"
    r"planen|brauchen|haben) wir\b|"
    r"(?:we are|we're) (?:a|an|the) (?:[\w-]+ ){0,3}(?:research|university|institute|chair)|"
    # "unser Fraunhofer-Institut", "our Fraunhofer institute" (not a partner's: "unser Partnerinstitut", "our partner institute")
    r"unser (?:(?!partner|kooperations|kunden)[\w-]+ ){0,2}(?:(?!partner|kooperations|kunden)\w+-)?(?:institut|lehrstuhl|fachgebiet)\b|"
    # "our chair at the TU" is a university chair, "our chair has run events" an association's chairperson
    r"our (?:(?!partner|customer|client)[\w-]+ ){0,2}(?:institute|chair(?= (?:at|of|for|in)\b)|research group)\b|our lab (?:at|of) (?:the |a )?(?:tu|fu|hu|uni\w*|universit\w*|institut\w*|fraunhofer|leibniz|helmholtz|max-planck|charité)\b|unsere (?:arbeitsgruppe|forschungsgruppe|nachwuchsgruppe)|als (?:forschungseinrichtung|hochschule|institut)|"
    r"\bals (?:wissenschaftliche\w* mitarbeiter\w*|doktorand\w*|postdoc|forscher\w*|wissenschaftler\w*)\b[^.;!?]{0,20}?\b(?:an|am)\b|"
    r"as a (?:research|university)|ich (?:bin|leite) .{0,30}(?:professor|lehrstuhl|fachgebiet|institut|arbeitsgruppe|forschungsgruppe|nachwuchsgruppe)|"
    r"\bi (?:lead|head|run) (?:a|an|the|my) (?:[\w-]+ )?(?:research group|lab|chair)\b|"
    # a researcher at a university or institute ("ich bin Postdoc in einem Arbeitskreis an der TU Berlin")
    r"(?:ich bin|i am|i'm) (?:a |an |eine? )?(?:postdoc|doktorand\w*|promovierende\w*|wissenschaftliche\w* mitarbeiter\w*|"
    r"research (?:associate|assistant|fellow)|phd (?:student|candidate)|doctoral (?:student|candidate)|researcher|"
    r"wissenschaftler\w*|forscher\w*)\b[^.;!?]{0,60}?\b(?:an|am|at|of) (?:der |dem |einer |einem |the |a )?"
    r"(?:tu|fu|hu|bht|htw|uni\w*|universit\w*|hochschul\w*|institut\w*|fraunhofer|leibniz|helmholtz|max-planck|charité)\b|"
    # "ich bin Abteilungsleiterin an einem öffentlich finanzierten Forschungsinstitut", "I work at a research institute"
    r"(?:ich (?:bin|leite|arbeite)|i (?:am|work|lead|head)) [^.;!?]{0,40}\b(?:an|am|bei|at|in) (?:einem |einer |dem |der |a |an |the )?"
    r"(?:[\w-]+ ){0,3}[\w-]*(?:forschungsinstitut|forschungseinrichtung|research institute|research centre|research center)\b|"
    r"i (?:am|lead|head) .{0,30}(?:professor|chair|institute|research group)|"
    # a terse note that starts with the group itself ("Forschungsgruppe an der HU Berlin, wir wollen ...")
    r"^\W*(?:[\w-]+ )?(?:forschungsgruppe|arbeitsgruppe|nachwuchsgruppe|forschungsteam|lehrstuhl|fachgebiet|research group|research team|lab|chair) "
    r"(?:an|am|der|des|at|of|from) (?:der |dem |einer |the |a )?(?:tu|fu|hu|bht|htw|uni\w*|universit\w*|hochschul\w*|institut\w*|"
    r"fraunhofer|leibniz|helmholtz|max-planck|charité))",
)
PARTNER_RESEARCH = folded_rx(
    r"\b(mit (?:der|dem|einer|einem) (?:tu|fu|hu|bht|htw|hwr|uni|universität|hochschule|fraunhofer|institut|forschungs\w*)|"
    r"zusammen mit (?:der|dem) \w+|mit (?:tu|fu|hu|bht|htw) berlin|mit fraunhofer|with (?:the )?(?:tu|technical university|university|fraunhofer|institute|a research)|"
    r"together with (?:the )?\w+ (?:university|institute)|forschungspartner|research partner|hochschulpartner|"
    r"in kooperation mit (?:der|dem|einer) \w+|kooperation mit (?:der )?(?:tu|fu|hu|bht|htw|uni))",
)
ASSOCIATION = folded_rx(
    # "als Branchenverband der Berliner Games-Wirtschaft fragen wir", "wir sind ein gemeinnütziger Sportverein"
    r"\b(?:wir sind|we are|we're|als)\s+(?:(?:ein|eine|der|die|das|an?|the)\s+(?:[\w-]+\s+){0,2})?"
    r"(?:[\w-]*(?:verein|verband)\b|unternehmensnetzwerk|unternehmensverbund|netzwerk|"
    r"standortgemeinschaft|interessengemeinschaft|cluster|clusterinitiative|initiative|association|trade association|"
    # a foundation ("Wir sind eine Stiftung", "we are a charitable foundation")
    r"stiftung|foundation|"
    r"business association|industry association|network of (?:companies|firms|smes)|"
    r"network(?! operator| provider| company| technolog\w*| security| infrastructure)|"
    # a non-profit company (gGmbH, "non-profit company") is a company by its legal form
    r"non-?profit(?!\s+(?:g?gmbh|company|companies|ug|ag|enterprise|business|firm|limited|ltd)\b))\b|"
    r"\beingetragene[rn]? verein\b|\bregistered (?:non-?profit )?association\b|\be\.\s?v\.(?!\w)|"
    # "Unser Verein betreibt ...", "wir als gemeinnütziger Verein", "our association runs ..."
    r"\b(?:unser|wir als|als)\s+(?:gemeinnützige[rn]?\s+)?verein\b(?!\s+(?:hat uns|empfiehlt|empfahl))|"
    # "Kita-Trägerin (gemeinnütziger Verein)", "ein gemeinnütziger Verein aus Pankow"
    r"\(\s*(?:gemeinnützige[rn]?\s+|eingetragene[rn]?\s+)?verein\s*\)|\bgemeinnützige[rn]?\s+verein\b(?!\s+(?:hat uns|empfiehlt|empfahl))|"
    r"\bour (?:non-?profit |charitable )?association\b(?! (?:recommended|told|suggested))",
)
NO_PARTNER = folded_rx(r"(ohne (?:forschungs)?partner|keinen (?:forschungs)?partner|allein entwickeln|no (?:research )?partner|on our own)")

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
    "dänemark", "denmark", "schweden", "sweden", "norwegen", "norway", "belgien", "belgium", "tschechien", "czechia",
    "skandinavien", "scandinavia", "benelux", "japan", "tokio", "tokyo", "shanghai", "korea", "indien", "india",
    "kanada", "canada", "israel", "dubai",
)
NOT_IN_BERLIN = folded_rx(
    r"(nicht in berlin|außerhalb (?:von )?berlins?|not (?:based )?in berlin|outside (?:of )?berlin|"
    r"(?:umzug|ansiedlung|ansiedeln|verlagern|relocat\w*|move|moving|expand\w*) (?:nach|to) berlin|nach berlin (?:ziehen|umziehen|kommen|verlagern))",
)

# ---------------------------------------------------------------- needs and instruments

# what follows "Messe" when building fair stands is the company's trade, not a fair it goes to ("Messe- und
# Ladenbaubetrieb", "Messebauer", "Messewände", "Messestandbau"): no internationalisation need or topic
FAIR_BUILDING = r"bau|-? und ladenbau|wänd|wand|stand ?bau"
# equipment whose replacement is an investment, in German either before or after the verb ("die alten Öfen ersetzen",
# "den Dampfkessel durch eine Wärmepumpe ersetzen")
_REPLACED_DE = r"(?:öfen|ofen|heizung|kessel|maschinen|anlagen?|kompressor\w*|lüftung\w*|brenner|fahrzeuge|transporter)"

NEED_PATTERNS: dict[str, str] = {
    "rnd": r"(forschung|\bforsch(?:en|t\b|er)|erforsch|entwick(?!ler)|f&e|fue\b|r&d|research|develop(?!er)|prototyp|innovat|neuartig|novel|pilotanlage|pilot plant|"
           r"demonstrator|machbarkeit|feasibility|erfind|invent|patent|technolog|verbundprojekt|forschungsprojekt|testen|erproben|"
           # a consortium project (EU partnerships, Horizon): research and innovation by definition
           r"konsorti|consorti|"
           # a clinical study of a medical device or drug is development (not "investigation" as an investment)
           r"clinical (?:study|studies|trials?|investigations?|evaluation)|klinische\w* (?:studie|prüfung|erprobung|bewertung)|"
           # something new told without research words: nobody sells it, it cannot be bought, trials in a lab, tinkering
           r"nirgend(?:s|wo)\s+(?:\w+\s+){0,2}?(?:zu\s+)?(?:kaufen|erhältlich|bekommen)|(?:kann|könnte) man\s+(?:\w+\s+){0,3}?nirgend(?:s|wo)\b|"
           r"(?:macht|baut|bietet|kann|produziert|herstellt)\s+(?:das|so etwas|sowas|so was|dies)\s+(?:bisher\s+|noch\s+|bislang\s+)?(?:niemand|keiner)\b|"
           r"\b(?:niemand|keiner)\s+(?:macht|baut|bietet|kann|stellt|produziert)\s+(?:bisher\s+|noch\s+)?(?:das|so etwas|sowas|so was|dies)\b|"
           r"(?:weltweit|welt|markt)(?:neuheit|erst\w*)|\bals erste\w* (?:weltweit|in deutschland|in europa|am markt)|"
           r"tüftel|experiment|versuchs(?:anlage|reihe|aufbau|stand|labor)|\bversuche\s+(?:\w+\s+){0,4}?(?:machen|durchführen|fahren)\b|"
           # trials in a lab, or months of them ("Laborversuche", "lab trials", "half a year of tests", "drei Monate Tests")
           r"laborversuch\w*|labortest\w*|\blab(?:oratory)? (?:tests|trials|testing)\b|"
           r"\b(?:months?|weeks?|half a year|a year|a few months) of (?:tests|testing|trials|experiments)\b|"
           r"\bmonate?\s+(?:lang\s+)?(?:tests|versuche|testreihen)\b|"
           r"\b(?:nobody|no one|no-one|noone)\s+(?:else\s+)?(?:\w+\s+)?(?:does|makes|builds|offers|sells|produces|has done|is doing|can do)\s+"
           r"(?:this|that|it|such)\b|\b(?:such|this kind of)\s+(?:a\s+)?(?:\w+\s+){0,2}?(?:does not|doesn't|do not|don't)\s+exist|"
           r"nothing like (?:this|it|that) (?:exists|on the market|is available)|"
           r"\b(?:can't|cannot|can not)\s+(?:be\s+)?(?:buy|bought|purchase|purchased)\s+(?:\w+\s+){0,3}?anywhere|"
           r"first of its kind|world'?s? first|"
           # an open technical question: whether it works is unknown ("Ob das zuverlässig geht, weiß keiner", "whether
           # this is achievable, nobody can say today", "the big question is whether ..."), tests on a rig
           r"\bob\s+(?:das|es|dies|sich das|sich dies)\s+(?:[\w-]+\s+){0,4}?(?:geht|funktioniert|klappt|hält|halten|machbar|möglich|erreichbar)\b"
           r"[^.;!?]{0,30}?\b(?:weiß|wissen|kann)\s+(?:[\w-]+\s+){0,3}?(?:keiner|niemand|nicht)\b|"
           r"\b(?:weiß|kann)\s+(?:heute\s+|noch\s+|bisher\s+)?(?:keiner|niemand)\s*(?:sagen\s*)?,?\s+ob\s+(?:das|es|dies)\s+"
           r"(?:[\w-]+\s+){0,4}?(?:geht|funktioniert|klappt|hält|machbar|möglich)\b|"
           r"\b(?:nobody|no one|no-one)\s+(?:can\s+say|knows|can tell)\b|"
           r"\b(?:big|main|open|key|große|offene|entscheidende)\s+(?:question|frage)\s+(?:is|ist)\s*,?\s*(?:whether|ob)\b|"
           r"\bwhether\s+(?:this|it|that)\s+(?:is\s+)?(?:achievable|feasible|works|will work|is possible|can be done)|"
           r"prüfstand|test (?:bench|rig)|trial (?:batch|run)\w*)",
    "investment": r"(investi(?!gat)|invest\b|"
                  # something new to be had ("Abkantpresse ist hinüber, brauchen ne neue", "need a new cutting table and a
                  # delivery van")
                  r"(?:\b(?:brauch\w*|benötig\w*|need|needs)\s+(?:\w+\s+)?(?:ne|eine|einen|nen|ein|zwei)\s+neue[nrs]?\b|"
                  r"\b(?:need|needs)\s+(?:\w+\s+)?(?:a|an|two)\s+new\b)"
                  # not a strategy, people, a market, software or a product to be developed
                  r"(?![\s-]+(?:strateg|website|webseite|homepage|partner|idee|idea|ansatz|approach|konzept|concept|mitarbeit|"
                  r"kolleg|leute|staff|employee|people|hires?\b|kunden|customer|client|markt|märkte|market|geschäftsmodell|"
                  r"business model|software|app\b|plattform|platform|shop|online|team|fachkr|azubi|auszubild|investor|"
                  r"finanzierung|kredit|loan|förderung|funding|perspektive|produkt|product|version|rezept|recipe|verfahren|"
                  r"process|methode|method|lösung|solution|system|erp))|"
                  r"\b(?:a|an|one|ein(?:en)?)\s+(?:new\s+|neue[ns]?\s+)?(?:delivery\s+)?(?:van|truck|lorry|lieferwagen)\b|"
                  # the noun with its price or as capital spending ("Investment around €9M", "a total investment of
                  # EUR 2 million"), not a round raised from investors ("seed investment of €500k from two angels")
                  r"(?<!seed )(?<!angel )(?<!equity )(?<!venture )(?<!vc )(?<!raise an )(?<!raise )(?<!raising )(?<!seeking )"
                  r"\binvestments? (?:volume |costs? |budget |sum )?(?:of |is |will be |totals? |totalling |totaling )?"
                  r"(?:around |about |approx\.? ?|approximately |roughly |ca\.? ?|some |circa |~ ?|nearly |almost |up to |over |more than )?"
                  r"(?:€|eur\b|euro|\d)(?!(?:[^.;!?]|\.(?=\d)){0,40}\b(?:from|by) (?:\w+ ){0,2}(?:investors?|vcs?|business angels?|angels?|funds?)\b)|"
                  r"\b(?:total|planned|overall|capital|initial|required|expected|estimated) investments?\b|"
                  # quotes for what is to be bought: "Angebote liegen vor", "Kostenvoranschlag", "we have two quotes for"
                  r"angebote? (?:für [\w-]+ )?(?:liegen|liegt) (?:uns |schon |bereits )*vor|kostenvoranschl\w*|"
                  r"(?:laden|geschäfts|büro|praxis|werkstatt|erst)(?:einrichtung|ausstattung)|shop fit-?out|store fit-?out|fit-out|"
                  r"(?:we have|we've got|we got) (?:a |two |three |several )?(?:quotes?|quotations?) (?:for|from)\b|errichte|errichtung|umrüst|nachrüst|\bumbau(?:en|t|s)?\b|umzubauen|maschinen(?!bau)|maschine\b|machines?\b(?! builder| building| learning| vision| translation)|anschaff|beschaff|(?<!ver)(?<!ein)kaufen|purchase|ausrüstung|equipment|halle|neubau|"
                  r"erweiter|expan|kapazität|capacity|produktionslinie|production line|fertigungslinie|new site|ansiedl|"
                  r"(?:open|eröffnen) (?:a |an |our |einen |eine |ein )?(?:second|third|another|new|zweite\w*|dritte\w*|weitere\w*|neue\w*) "
                  r"(?:restaurant|café|cafe|filiale|store|shop|laden|standort|location|branch|werkstatt)|"
                  # enlarging production space ("eine zweite Etage anmieten und als Fertigung ausbauen", "die Produktion ausbauen")
                  r"\b(?:fertigung|produktion|produktionsfläche|kapazität\w*|lager|labor|werkstatt|halle)\w*\s+(?:[\w-]+\s+){0,2}?aus(?:zu)?bau(?:en|t)\b|"
                  r"\bausbau\s+(?:der|unserer|unseres|des)\s+(?:[\w-]+\s+)?(?:fertigung|produktion|kapazität|lager|werkstatt|halle)\w*|"
                  r"\b(?:zweite|dritte|weitere)n?\s+(?:etage|stockwerk|geschoss|fläche)\b|"
                  # a second site of the company's own kind ("eine zweite, größere Farm", "a second, bigger farm")
                  r"\b(?:zweite\w*|dritte\w*|second|third),? (?:[\w-]+,? ){0,2}(?:farm|gewächshaus|greenhouse|filiale|branch|werkstatt|"
                  r"halle|hall|manufaktur|bäckerei|brauerei|brewery|bakery|kitchen|küche|produktionsküche)\b|"
                  r"(?:zweite\w*|dritte\w*|weitere\w*|neue\w*) (?:filiale|standort|laden|geschäft|salon|restaurant|café|werkstatt|betrieb|praxis)"
                  r" (?:[\w-]+ ){0,3}(?:eröffnen|aufmachen|aufbauen)|"
                  # fitting out a lab or workshop ("unser Labor in Buch ausstatten"); a second line or suite
                  r"(?:labor|werkstatt|räume|halle|büro)\w* (?:[\w-]+ ){0,3}(?:ausstatten|einrichten)|"
                  r"(?:second|third|another|additional) (?:[\w-]+ )?(?:line|suite)\b|"
                  # more lab or warehouse space: "rebuilding one floor as second lab", "ein zweites Labor"
                  r"\b(?:second|third|another|additional|new) (?:[\w-]+ )?(?:lab|laboratory|warehouse|floor)\b"
                  r"(?! (?:manager|head|lead|leader|technicians?|assistants?|staff|team|members?|workers?|employees?)\b)|"
                  r"\b(?:zweite|dritte|weitere|neue)s? (?:[\w-]+ )?(?:labor|lager)\b(?!\w)|(?:zweite|dritte|weitere)n? (?:[\w-]+-)?(?:linie|suite)\b|"
                  r"(?:production|manufacturing) (?:site|plant|facility)|(?:new|second|third|another|additional) (?:plant|factory|facility|production site|site)|"
                  # "a site for our first European plant", "unser erstes Werk in Europa"
                  r"\bfirst (?:[\w-]+ ){0,2}(?:plant|factory|production site)\b|\berste[sn]? (?:[\w-]+ ){0,2}(?:werk|fabrik|produktionsstandort)\b|"
                  r"(?:set(?:ting)? up|build(?:ing)?|open(?:ing)?) (?:a |an |our |the )?(?:new |second |own )?(?:plant|factory|facility|production (?:site|plant|facility))\b|"
                  r"(?:zweite\w*|dritte\w*|weitere\w*) (?:werk|fabrik|produktionsstätte|produktionsstandort|betriebsstätte)|"
                  r"neue[sn]? (?:werk|fabrik|produktionsstätte)|produktionsstandort|"
                  r"neuen standort|fertigung automatisieren|automate (?:our|the) production|"
                  # a first full-scale plant: research and an investment at once ("erste großtechnische Referenzanlage")
                  r"(?:referenz|demonstrations|demo|großtechnische\w*|industrielle\w*)\s?anlage|first(?:-of-a-kind| full-scale| commercial) plant|"
                  r"(?:demo|demonstration) (?:plant|facility)|\bcapex\b|\bour own (?:[\w-]+ ){0,2}(?:plant|factory|facility)\b|"
                  # a plant named with its price is bought ("LPBF-Anlage + Pulverhandling, ca. 650 T€")
                  r"\b(?!geld|kapital|wert|grün|park|sport)[\w-]{0,40}anlage\b(?:ca\.|[^.;!?]){0,80}?\d[\d.,]*\s*(?:t€|tsd\b|tsd\.|k€|k\b|mio\b|mio\.|millionen|€|eur\b|euro)|"
                  # a fleet ("15 more e-cargo bikes", "zwei neue Transporter")
                  r"(?:(?:more|new|additional|weitere|neue|zusätzliche)\w*|(?<![\w.,])\d{1,4}) (?:[\w-]+ ){0,2}?(?:vehicles|vans|trucks|lorries|[\w-]*bikes|"
                  r"fahrzeuge|[\w-]{0,20}transporter|lastenräder|lkw)\b|"
                  # a machine line ("a semi-automatic filling + hardening line", "new bottling line"); the word before
                  # "ing" is bounded, an unbounded [\w-]+ backtracks over every start of a long "1-1-1-..." (quadratic)
                  r"\b(?:[\w-]{1,30}ing|production|assembly)(?: \+ [\w-]{1,30}ing)? line\b|"
                  r"neue\w* (?:[\w-]+ )?[\w-]*?(?:linie|anlage|maschine|halle|öfen|ofen|fräse|fräszentr\w*|bearbeitungszentr\w*|drehzentr\w*|presse|roboterzelle|trockner|extruder|kompressoren|kompressor|kessel)\b"
                  r"(?![^.;!?]{0,40}\b(?:entwickeln|entwickelt|develop\w*|konstruieren|erforschen|erproben|testen))|"
                  r"(?:want|need|buy|get|purchase) (?:a|an|new|some|two|to buy a|to get a) (?:new )?[\w-]*\s?(?:cutter|machine|robot|printer|press|oven|furnace|line|lathe|mill)s?\b|"
                  # a line of machines named "...straße" ("eine neue Spülstraße", "Lackierstraße")
                  r"\b(?:spül|fertigungs|lackier|wasch|montage|produktions|transfer|abfüll|verpackungs)straße\b|"
                  # "get a decent workstation + large-format printer", "buy two proper laptops"
                  r"(?:want to |need to |to )?(?:buy|get|purchase) (?:a |an |some |two |three |new |decent |proper |better |good |bigger |second )+"
                  r"(?:[\w-]+ ){0,2}?(?:workstations?|computers?|laptops?|servers?|plotters?|printers?|kilns?|vans?|equipment)\b|"
                  # "a second extruder line", "another CNC machine" (not one the company develops, not machine learning)
                  r"(?:second|third|another|additional) (?:[\w-]+ )?(?:extruder|extrusion line|machine|press|oven|furnace|kiln|lathe|cnc|robot|cutter|printer)s?\b"
                  r"(?! (?:learning|vision|translation|builder|building))(?![^.;!?]{0,40}\b(?:develop\w*|design\w*|prototyp\w*))|"
                  r"(?:for|buy|purchase|get|invest in) (?:a |an |the |some |two )?new (?:[\w-]+ ){0,3}(?:cutter|machine|robot|printer|press|oven|furnace|line|lathe|mill|router|equipment)s?\b|"
                  r"replace (?:the |our |old |existing |\d+ |two |three |all )*(?:[\w-]{1,30} ){0,2}?[\w-]{0,30}\s?(?:ovens?|furnaces?|boilers?|machines?|heating|chillers?|compressors?|dryers?|burners?|vans?|trucks?|vehicles?|lighting|ventilation)\b|"
                  # "replace them with electric kilns": the equipment is named after the verb
                  r"\breplac(?:e|ing) (?:it|them|these|those) (?:with|by) (?:an? |new |modern |electric |efficient )*(?:[\w-]+ )?"
                  r"(?:ovens?|kilns?|furnaces?|boilers?|machines?|heat pumps?|compressors?|dryers?|burners?|vans?|trucks?|vehicles?)\b|"
                  # nothing is ordered or signed yet: a purchase waits for the funding decision ("Nothing ordered yet",
                  # "noch nichts bestellt", "nothing has been signed")
                  r"\bnothing (?:has been |is |was )?(?:ordered|signed|bought|purchased)\b|\bnot (?:yet |been )?(?:ordered|signed)\b|"
                  r"\bnoch (?:nichts|nicht) (?:[\w-]+ )?(?:bestellt|unterschrieben|gekauft|beauftragt)\b|\bnichts (?:ist )?(?:bestellt|unterschrieben|beauftragt)\b|"
                  r"\bthe quotes? (?:is|are) in\b|"
                  # installing equipment ("install a solvent recovery plant", "eine neue Lüftung einbauen")
                  r"\binstall(?:ing)? (?:an? |new |the |two |\d+ )*(?:[\w-]+ ){0,3}?(?:plant|unit|boilers?|heat pumps?|kilns?|ovens?|furnaces?|"
                  r"machines?|ventilation|charging points?|chargers?|solar panels?|pv system)\b|"
                  r"\b(?:lüftung|anlage|heizung|wärmepumpe|ofen|öfen|kessel|maschine|ladepunkte|ladesäulen)\w* (?:[\w-]+ ){0,4}?(?:einbauen|einzubauen|installieren|zu installieren)\b|"
                  # a CNC machine is bought (not one the company develops)
                  r"\bcnc[- ](?:[\w-]+ ){0,2}?(?:router|fräse|lathe|drehmaschine|maschine|machine|mill|fräs\w*|bearbeitungszentrum|center|centre)s?\b"
                  r"(?![^.;!?]{0,40}\b(?:entwickeln|entwickelt|develop\w*|konstruieren))|"
                  # buying a building ("we just bought an old hall in Moabit")
                  r"\b(?:bought|buy|buying|purchas\w*|acquir\w*) (?:an? |the |our )?(?:[\w-]+ ){0,2}(?:hall|building|property|premises|warehouse|plot)\b|"
                  # switching equipment to electric ("electrify our furnaces", "convert it to electric drive")
                  r"\belectrify\b|\belectrifying\b|\bconvert\w* (?:[\w-]{1,30} ){0,4}?to (?:electric|battery|e-)|"
                  # fittings and vehicles told plainly ("eine neue Theke und Geräte", "neue Kühlung kaufen", "Ladesäulen auf
                  # dem Hof", "auf Elektro umsteigen")
                  r"\bneue\w* (?:[\w-]+ )?(?:theke|geräte|kühlung|kühltruhen|kühlanlage|kühlzelle|ausstattung|einrichtung)\b|"
                  r"(?:theke|geräte|kühlung|ausstattung)\b[^.;!?]{0,30}?\b(?:kaufen|anschaffen|brauch\w*)\b|"
                  r"ladesäule\w*|ladestation\w*|charging stations?|"
                  r"\b(?:komplett|neu|vollständig) (?:aus(?:zu)?statten|einrichten|einzurichten)\b|"
                  r"\bswitch\w* to (?:an? )?(?:new )?(?:electric|induction)\b|\bauf (?:e|elektro|strom)\b[^.;!?]{0,20}?\bumsteigen|"
                  # "new dryers + dosing units", not a product being developed ("we develop new dryers")
                  r"(?<!develop )(?<!developing )(?<!design )(?<!designing )\bnew (?:[\w-]+ )?(?:dryers?|extruders?|kilns?|boilers?|compressors?|chillers?|moulds?|molds?|looms?|forklifts?|machinery)\b|"
                  rf"(?:ersetzen|austauschen|erneuern) (?:die |unsere |der |den |alte\w* )*[\w-]{{0,30}}{_REPLACED_DE}|"
                  # the object before the verb ("den Dampfkessel durch eine Wärmepumpe ersetzen", "Kälteanlage und Kompressoren erneuern")
                  rf"[\w-]{{0,30}}{_REPLACED_DE}\b[^.;!?]{{0,60}}?\b(?:ersetzen|ersetzt|austauschen|ausgetauscht|erneuern|erneuert|tauschen)\b|"
                  # equipment the writer needs or wants ("brauche einen gebrauchten Transporter und Werkzeug", "will 3D-Scanner
                  # + 2 3D-Drucker"), not equipment it develops or builds
                  r"\b(?:brauch\w*|benötig\w*|will|wollen|möchte\w*)\s+(?:(?!entwick|develop|bau|build|konstru|herstell)[\w-]{1,20}\s+){0,3}?"
                  r"(?:(?:eine[nm]?|ein|neue\w*|gebraucht\w*|\d+|zwei|drei)\s+){0,3}[\w-]{0,20}?(?:transporter|lieferwagen|fahrzeug|werkzeug\w*|"
                  r"drucker|scanner|fräse|cnc\w*|roboter|lasercutter|laserschneid\w*|öfen|ofen|maschine\w*|anlage|linie)\b"
                  r"(?![^.;!?]{0,40}\b(?:entwickeln|entwickelt|develop\w*|konstruieren|bauen|herstellen)))",
    "skills": r"(fachkräft|skilled|umgeschult|geschult|händeringend|werkstudent\w*|working students?|(?:neue|zusätzliche|weitere)\w* (?:mitarbeit|beschäftigt|kolleg)\w*|"
              # nobody to hire, more people needed, staff to be trained on the new equipment
              r"(?:finden|find|kriegen|bekommen)\s+(?:\w+\s+)?(?:keine|kaum|no|any)\s+(?:leute|azubis|\w*kräfte|mitarbeiter\w*|gesellen|"
              r"engineers?|staff|people|workers|electricians?)\b|\bkeine leute\b|can'?t find (?:any|enough)\b|"
              r"zusätzliche\w* leute|(?:mitarbeitenden|beschäftigten|leute|kolleg\w*|staff|employees|team)\b (?:[\w-]+ ){0,4}?"
              r"(?:schulen|lernen|einarbeiten|train|trained)\b|"
              # onboarding new people ("brauchen am Anfang viel Einarbeitung"), jobs for people who need support
              r"einarbeitung|einzuarbeiten|(?:arbeitsplätze|stellen) (?:für|for) (?:menschen|people|langzeitarbeitslose|geflüchtete)|"
              r"(?:new|additional|more|first) (?:staff|employees|hires|people to hire)|master'?s (?:programme|program|degree|course)|part-time (?:study|degree|course)|umzuschulen|weitergebildet|weiterzubilden|\bskills?\b|\btrain (?:our |\d+ |our \d+ )?(?:employees|staff|people|workers|apprentices|team)|\b(?:train|retrain|upskill) (?:our|my|all our|all) (?:\d+ )?(?!(?:own|ai|ki|ml|llm|models?|algorithms?|networks?|neural|data|software|system)\b)[a-z-]+(?:ers|ists|ians|ors|nurses|staff|engineers|technicians)\b|personal(?!isier)|einstell|hiring|hire\b|recruit|weiterbild|qualifizier|schulung|(?<![a-zäöüß])schulen\b|umschul|training|"
              r"meister machen|meisterkurs|meisterschule|aufstiegsfortbildung|berufsbegleitend|fortbildung|"
              r"ausbild|auszubild|azubi|lehrling|apprentic|bilde\w* (?:mich|uns|\w+) (?:[\w-]+ ){0,8}weiter\b|mitarbeit\w* gewinnen|talent|upskill|reskill|kompetenz)",
    "internationalisation": r"(export|international|ausland|abroad|foreign|messe(?!" + FAIR_BUILDING + r")|trade fair|trade show|"
                            # a fair stand told without the word "Messe" ("Standmiete + Standbau", "Gemeinschaftsstand",
                            # "booth costs")
                            r"standmiete|gemeinschaftsstand\w*|booth (?:costs?|rent|space|fees?)|exhibition stand|exhibitors?\b|neue märkte|new markets|"
                            r"booth|messestand(?!bau)|delegation\w*|trade mission|markterschließung|market entry|"
                            r"weltmarkt|usa\b|"
                            # a kind of customer, shop or food ("Asia-Supermärkte", "China-Restaurant", "asiatische
                            # Lebensmittel", "an Asian food wholesaler") is no market abroad; Asian markets are
                            r"china(?!-)|asien(?!-)|asia(?![-\w])|asiatische\w* (?:märkte|markt|raum|länder)|asian (?:markets?|countries)|\bus[- ]mark\w*|u\.s\. market|american market|north america|nordamerika|"
                            r"übersee|overseas|exhibit\w*|ausstell\w*|"
                            # demand from a country abroad, or the wish to sell there ("Anfragen aus Polen", "we want to start
                            # selling to France and Italy"); customers abroad today are no need ("Kunden in ganz Deutschland und
                            # in Polen")
                            r"(?:anfragen|inquiries|enquiries|requests)\b[^.;!?]{0,20}?\b(?:aus|from)\s+(?:der\s+|dem\s+|the\s+)?(?:"
                            + "|".join(ABROAD_PLACES) + r")\b|"
                            r"\b(?:wollen|möchten|möchte|planen|want|wants|plan|planning|would like|'d like|start|starting|expand\w*)\b"
                            r"[^.;!?]{0,50}?\b(?:verkaufen|vertreiben|liefern|sell|selling|ship|shipping|kunden|customers|bauherren|"
                            r"markt|märkte|markets?|gewinnen|ansprechen)\b[^.;!?]{0,40}?\b(?:nach|in|to|into|aus|from)\s+"
                            r"(?:der\s+|dem\s+|the\s+)?(?:" + "|".join(ABROAD_PLACES) + r")\b|"
                            # a project with a partner abroad ("ein deutsch-französisches Projekt", "mit einem KMU aus Polen")
                            r"deutsch-(?:französisch|polnisch|niederländisch|österreichisch|schweizer|italienisch|spanisch|tschechisch|"
                            r"dänisch|schwedisch|israelisch|amerikanisch|kanadisch|japanisch|koreanisch|ukrainisch)\w*|"
                            r"german-(?:french|polish|dutch|austrian|swiss|italian|spanish|czech|danish|swedish|israeli|american|"
                            r"canadian|japanese|korean|ukrainian)\b|"
                            r"\b(?:schritt|step|markt|market|expan\w*)\b[^.;!?]{0,20}?\b(?:außerhalb|ausserhalb|outside) (?:der eu|europas|the eu|europe)\b|"
                            r"\b(?:wollen|möchten|planen|want|plan|planning)\b[^.;!?]{0,40}?\b(?:in|into)\s+(?:beiden|diesen|mehreren|weiteren|"
                            r"anderen|both|these|several|other|more)\s+(?:ländern|märkten|countries|markets)\b|"
                            r"(?:partner\w*|kmu|sme|unternehmen|firma|firm|company|institut\w*|universität|university|hochschule|"
                            r"distributor\w*|distributeur\w*|importeur\w*|importer|händler\w*|retailer|großhändler\w*|wholesaler)\s+"
                            # not a person's origin: "my partner is from Poland", "mein Partner kommt aus Polen"
                            r"(?:(?!is\b|was\b|ist\b|war\b|comes\b|came\b|kommt\b|kam\b|stammt\b|originally\b)[\w-]{1,20}\s+){0,2}"
                            r"(?:aus|from)\s+(?:der\s+|dem\s+|the\s+)?(?:" + "|".join(ABROAD_PLACES) + r")\b)",
    "energy_resources": r"(energie|energy|strom|electricity|wärme|\bheat|dekarbon|decarbon|co2|co₂|klima(?!tisier|kammer|schr[äa]nk)|climate(?![- ](?:controlled|chambers?|cabinets?))|emission|"
                        r"ressource|resource|effizien|efficien|kreislauf|circular|recyc|rezykl|abfall|waste|mehrweg|reusable|"
                        r"wiederverwert|wiederverwend|\breuse|upcycl|druckluft|compressed[- ]air|"
                        r"material\w*einsparung|verschnitt|offcuts?|materialabfall|produktionsabfall|production waste|nachhaltig|sustainab|wasserstoff|hydrogen|photovoltaik|solar|\bpv\b|batteriespeicher|stromspeicher|"
                        r"elektrifizier|electrif|erdgas|natural gas|fossil|gas-fired|gasbefeuert|"
                        r"(?:auf|to) (?:[\w-]+ )?(?:induktion|induction|strom|elektr\w*|electric\w*|wärmepumpe\w*|heat pumps?)\b)",
    # (not the family that founded an old firm: "still owned by the founding family", "Gründerfamilie")
    "founding": r"(gründ(?!erfamilie|ungsfamilie)|found(?!ing famil|er'?s famil|ers'? famil)|start-?up|ausgründ|spin-?off|existenzgründ|selbstständig|selbständig|pre-?seed|seed)",
    "financing": r"(finanzier|financ|kredit|credit|darlehen|loan|kapital|capital|liquidität|liquidity|investor|beteiligung|wachstumsphase|"
                 r"skalier|to scale|scale up|scale-up|non-dilutive|money|"
                 r"geld|money|bürgschaft|guarantee|eigenkapital|equity|wachstumsfinanz|betriebsmittel|working capital|"
                 # lacking collateral is a financing need, not a negated one
                 r"(?:no|keine|ohne|without|lack(?:ing)?) (?:\w+ )?(?:sicherheiten|collat[eo]ral)|"
                 r"warenbestand\w*|warenlager|wareneinkauf|initial (?:stock|inventory)|"
                 r"vorfinanz|sicherheiten|collat[eo]ral|finanzierungsrunde|funding round|cash|series [a-c]\b|seed round|"
                 # money to bridge a time: "Material und Personal acht Monate vorstrecken", "Puffer für die ruhigen
                 # Monate", "get through six months until the next round"
                 r"vorstreck\w*|überbrück\w*|\bpuffer\b|durchzuhalten|durchhalten|get through|bridge (?:the|a|this) gap|"
                 r"cover (?:this|the|a|that) (?:kind of )?gap|"
                 # money that comes only after the work: "bezahlt wird aber erst nach der Installation", "the customer
                 # pays only on delivery", "90 Tage Zahlungsziel" (the gap is pre-financed)
                 r"(?:bezahlt|gezahlt|zahlt)\w*\s+(?:wird\s+|werden\s+)?(?:aber\s+|uns\s+|der kunde\s+|die kunden\s+)?erst\s+(?:nach|bei|mit)\b|"
                 r"(?:paid|pays?|payment)\s+(?:\w+\s+)?only\s+(?:after|on|upon)\b|zahlungsziel\w*|payment terms|"
                 r"(?:nächste|ersten?|neue|kommende)n? (?:finanzierungs)?runde|next round|"
                 r"raise (?:a |our |the |new )?(?:round|capital|money|funds|funding)|"
                 # an amount the company needs ("brauchen wir 3 Mio. €", "we need EUR 500k")
                 r"(?:brauch|benötig|need|require)\w* (?:wir |we |ich |i )?(?:ca\. |rund |etwa |about |around |~ ?)?(?:eur |€ ?)?"
                 r"(?:\d{1,3}(?: \d{3})+|\d[\d.,]{0,15}) ?(?:mio|millionen|million|tsd|t€|k€|k\b|€|eur))",
    "advice": r"(berat|berät|advice|advis|consult|coaching|coach|mentor|orientierung|guidance|unterstützung bei|hilfe bei|wer hilft|hilft uns|"
              r"(?:was gibt es an|gibt es|any|is there any|is there|suchen|looking for|need) (?:\w+ ){0,3}(?:unterstützung|support|hilfe|help)\b|"
              r"who (?:can |could )?(?:helps?|supports?|assists?) (?:us|me)\b|who (?:can )?helps?|who do we talk|wie geht das|wie funktioniert|beim antrag|antragstellung|audit|"
              r"help with|wer kann helfen|wer (?:kann|könnte) (?:uns |mir )?(?:dabei |bei (?:der |dem |den |einer |einem |unserer |unserem )?[\w-]+ )?(?:helfen|unterstützen)|ansprechpartner|contact person|förderberatung|fördermittelberatung|"
              r"überblick|overview|keine ahnung|no idea|wo anfangen|where to start|"
              # someone from outside to do or check it ("we want someone to sort out our IT security")
              r"(?:want|need|looking for|find|get) (?:someone|somebody|an expert|an outside expert) to (?!hire|employ|join|work for)|"
              r"(?:suchen|brauchen|bräucht\w*|wollen|möchten)\w* (?:\w+ )?jemande?n?,? (?:der|die) (?:uns|sich|das|mal)|"
              r"\bjemande?n?\b,? (?:der|die) (?:mal |sich )?(?:drüber|drauf)(?:guckt|schaut|sieht)|"
              r"\bjemand\b[^.;!?]{0,60}?\b(?:anguckt|anschaut|ansieht|durchcheckt)\b|"
              r"\bsomeone to talk (?:this |it |that )?(?:through )?with\b|\btalk (?:this|it|that) through\b|"
              r"\bwissen (?:\w+ )?nicht,? wie\b|\b(?:don't|do not|dont) know (?:how|what'?s involved)\b|"
              # "gibt es jemand neutral, der kommt und schaut", "is there someone independent who could look at it"
              r"gibt es (?:\w+ )?(?:jemande?n?|wen)\b(?: [\w-]+){0,2},? (?:der|die)\b|is there (?:someone|somebody|anyone)\b(?: [\w-]+){0,2},? who\b)",
    "partners": r"((?<!ansprech)(?<!gesprächs)partner|kooperation|cooperat|collaborat|netzwerk|network|vernetz|(?<![\w-])austausch\b|erfahrungsaustausch|(?:uns|sich|mich) (?:[\w-]+ ){0,4}?austauschen|exchange|matchmaking|"
                r"verbund|konsortium|consortium|kontakt(?!\w* (?:zu|mit) (?:\w+ )?(?:investor|geldgeber|banken|business angels))|contacts|mit der tu|mit der hu|mit der fu|mit der bht|"
                r"with (?:the )?tu|hochschule|university|institut)",
    "digitalisation": r"(digital(?!druck)|software|\bit-|\bit sicherheit|cyber|\bki\b|\bki-|künstliche intelligenz|\bai\b|artificial intelligence|"
                      r"\bdaten|\bdata\b|cloud|\berp\b|plattform|platform|\biot\b|\bapp\b|automatisier|robot|gehackt|hacker|ransomware|"
                      r"trojaner|trojan|phishing|malware|\bserver\b|\bwlan\b|"
                      # paper and tools that do not fit together ("alles auf Zettel", "drei Tools, die nicht miteinander reden")
                      r"\bauf zettel\w*|zettelwirtschaft|\bper fax\b|paper-based|on paper\b|"
                      r"\b(?:tools|programme|systeme|systems)\b,? (?:die|that|which) (?:nicht|don't|do not) (?:miteinander |with each other )?"
                      r"(?:reden|sprechen|kommunizieren|talk|communicate)|"
                      # selling online: a shop or a website of its own
                      r"online-?shop|online (?:shop|store)|webshop|e-commerce|internetauftritt|"
                      # booking, till and planning software told plainly ("online Termine buchen", "eine vernünftige Kasse",
                      # "ein Programm für die Tourenplanung einführen", "the payment methods people use there")
                      r"online[- ]?termin\w*|termine? online|online (?:buchen|booking|bookings)|terminbuchung\w*|kassensystem\w*|"
                      r"\bkasse\b|tourenplanung\w*|payment methods|zahlungsarten|"
                      r"\bprogramm\w* (?:für|zur) (?:[\w-]+ ){0,4}?(?:einführen|einzuführen|nutzen)\b|"
                      # a website of its own, not the page the writer read ("auf Ihrer Website steht ...")
                      r"(?<!your )(?<!the )(?<!ihrer )(?<!eurer )(?<!der )(?<!ihre )(?<!eure )\b(?:websites?|webseite|homepage)\b)",
    "succession": r"(nachfolg|succession|übergabe|handover|übernahme|takeover|ruhestand|retir(?:e|es|ed|ing|ement)\b|nachfolger|successor|"
                  # someone carries on the business ("ob ich den Laden weiterführen will", "der den Betrieb weiterführt")
                  r"(?:laden|betrieb|geschäft|firma|praxis|werkstatt|salon|\w{1,40}erei|business|shop)\b[^.;!?]{0,20}?\bweiter(?:zu)?führ\w*|"
                  r"in rente\b|rente (?:geht|gehen)|(?:\b\w{0,40}erei|firma|betrieb\w*|unternehmen|laden|praxis|werkstatt|geschäft|kanzlei|salon)"
                  r" (?:[\w-]+ ){0,5}übernehmen|take over (?:the|a|my|his|her|our|their) (?:[\w-]+ ){0,2}(?:business|company|shop|firm|workshop|practice|bakery|brewery|"
                  r"restaurant|salon|\w{2,30}ery)\b|"
                  # the owner stops ("Mein Chef ist 66 und will Ende 2027 aufhören") and the writer is asked to take over
                  r"\b(?:chef\w*|chefin|inhaber\w*|besitzer\w*|eigentümer\w*|owner|boss)\b[^.;!?]{0,50}\b(?:aufhören|aufhört|"
                  r"aufgeben|aufgibt|steps? down|stepping down|stops? working|quits?|quitting)\b|\bob (?:ich|wir) (?:\w+ ){0,2}übernehmen\b|"
                  # "ich übernehme die Bäckerei meines Onkels", "wir übernehmen den Betrieb"
                  r"\b(?:ich übernehme|wir übernehmen|übernehme ich|übernehmen wir|übernehme)\b (?:\S{1,20} ){0,4}?(?:\w{0,40}erei|firma|betrieb\w*|unternehmen|laden|praxis|werkstatt|geschäft|kanzlei|salon)\b|"
                  # the owner sells or hands it to the writer: "mein Chef will mir den Betrieb verkaufen"
                  r"\b(?:mir|uns) (?:[\w'-]+ ){0,2}(?:\w{0,40}erei|firma|betrieb\w*|unternehmen|laden|praxis|werkstatt|geschäft|kanzlei|salon) (?:[\w-]+ ){0,2}(?:verkaufen|übergeben|überlassen|übertragen)\b|"
                  r"\b(?:sell|hand over|pass on) (?:me|us) (?:[\w'-]+ ){0,2}(?:business|company|shop|firm|workshop|bakery|practice)\b|"
                  # "wants to sell the business to me", "buying a company", "den Betrieb kaufen", "Kauf einer Firma"
                  r"\b(?:sell|hand over|pass on) (?:the|his|her|their|its|this) (?:[\w'-]+ ){0,2}(?:business|company|shop|firm|workshop|bakery|practice) to (?:me|us)\b|"
                  r"\b(?:buy|buying|acquire|acquiring|purchase|purchasing) (?:a|an|the|this|that|his|her|their) (?:[\w'-]+ ){0,2}"
                  r"(?:business|company|firm|shop|workshop|bakery|practice)\b(?!['’]s\b| (?:car|cars|vehicle|vehicles|shares?|software|laptops?))|"
                  r"\b(?:die|den|das|eine[n]?|ein|seine[n]?|ihre[n]?) (?:[\w-]+ ){0,2}(?:firma|betrieb|unternehmen|laden|praxis|werkstatt|geschäft|kanzlei|salon|\w{2,40}erei) "
                  r"(?:(?!und\b|oder\b|eine?[nmr]?\b|neue\w*\b|für\b)[\w-]+ ){0,2}(?:kaufen|erwerben|abkaufen)\b|\b(?:kauf|erwerb) (?:der|des|einer|eines) (?:[\w-]+ ){0,2}(?:firma|betrieb\w*|unternehmens?|ladens?|praxis|werkstatt|geschäfts?|\w{2,40}erei))",
}
# Needs that a company's *product* or field of work can trigger without being a need of its own: a robotics
# start-up that builds AI vision does not want to digitalise, a team researching battery recycling does not
# want to save energy. A need read only from such field words is dropped when the company develops or founds
# something (``settle_needs``); a word about its own operations keeps it ("KI in unsere Prozesse einführen",
# "Strom sparen", "Wärmepumpe statt Gas").
OWN_OPERATIONS: dict[str, re.Pattern] = {
    "digitalisation": folded_rx(
        r"(digitalisier|digitalis|digitiz|digitalpr|\bit-|\bit sicherheit|it[- ]security|cyber|\berp\b|cloud|\biot\b|"
        r"(?:wollen|möchten|will|want to|need to) (?:[\w-]+ ){0,4}automatisieren|automat(?:e|ing) our|gehackt|hacker|ransomware|nis-?2|"
        r"(?:ki|ai|software|app|robot\w*|cobots?|plattform|platform|daten|data)\b[^.;!?]{0,40}\b(?:einführen|einsetzen|nutzen|"
        r"ausprobieren|anschaffen|introduce|adopt|implement|roll out|use)|"
        r"(?:einführen|einsetzen|nutzen|introduce|adopt|implement|use)\b[^.;!?]{0,20}\b(?:ki|ai|software|robot\w*|cobots?)\b|"
        r"(?:unsere?|our) (?:eigenen? |own )?(?:prozesse|processes|abläufe|verwaltung|produktion|production|fertigung)\b)"),
    "energy_resources": folded_rx(
        r"(energie(?!wende)|energy|strom|electricity|wärme|heat|effizien|efficien|dekarbon|decarbon|"
        r"co2|co₂|emission|einspar|sparen|save|elektrifizier|electrif|erdgas|natural gas|fossil|gas-fired|gasbefeuert|(?:rezyklat|recyclate|recycled material|sekundärrohstoff)\w*[^.;!?]{0,30}\b(?:einsetz|verwend|nutz|use)|"
        r"abfall vermeiden|less waste|weniger abfall|ressourcenverbrauch|material\w*einsparung|"
        # the plant's own water ("kupferhaltige Spülwässer", "der Frischwasserbedarf sinkt", "our wastewater")
        r"frischwasser|spülw[äa]sser|prozesswasser|abwasser\w*|wasserverbrauch|wasserbedarf|water (?:use|consumption)|"
        r"wastewater|waste water|rinse water|process water)"),
}
PRODUCT_NEEDS = frozenset(OWN_OPERATIONS)
# The order of a profile's needs: what the project is about (R&D, succession, investment, skills, markets, energy,
# digitalisation) before how it is to be paid for or organised (founding, financing, advice, partners). The first
# need is the main need for the programmes' ``first_choice`` roles. A handover comes before the rest of what the
# project is about: the painter who hands his business on names what it does ("Fassaden und Wärmedämmung") as well
# (dev unchanged, locked recall@5 0.761 -> 0.763).
NEED_ORDER = ("rnd", "succession", "investment", "skills", "internationalisation", "energy_resources", "digitalisation",
              "founding", "financing", "advice", "partners")
NEED_RE = {k: folded_rx(NEED_PATTERNS[k]) for k in NEED_ORDER}
# what the project is about, as opposed to how it is paid for or organised
WHAT_NEEDS = frozenset(NEED_ORDER[:7])
# When a request names no need at all ("NIS2 compliance for our plant – any support?"), the need its topics
# stand for: a field of work implies what the company is working on.
TOPIC_NEEDS: dict[str, str] = {
    "it-security": "digitalisation", "digitalisation": "digitalisation", "ai": "digitalisation",
    "automation": "digitalisation", "robotics": "digitalisation",
    "energy-efficiency": "energy_resources", "energy": "energy_resources", "renewable-energy": "energy_resources",
    "decarbonisation": "energy_resources", "resource-efficiency": "energy_resources",
    "circular-economy": "energy_resources", "recycling": "energy_resources", "environment": "energy_resources",
    "hydrogen": "energy_resources",
    "skills": "skills", "apprenticeship": "skills",
    "founding": "founding", "venture-capital": "financing", "working-capital": "financing",
    "investment": "investment", "industrial-sites": "investment",
    "internationalisation": "internationalisation", "succession": "succession",
    "innovation": "rnd", "technology-transfer": "rnd",
    "advice": "advice", "funding-advice": "advice", "networking": "partners",
}

# a bank that wants collateral the company lacks, hesitates or declines: the classic case for a guarantee bank, or
# for a direct (micro)loan that needs no house bank; both are wished, so neither counts against the other
_NO_COLLATERAL = (r"sicherheiten fehlen|keine sicherheiten|fehlen (?:uns |mir )?(?:die |ausreichende )?sicherheiten|"
                  r"(?:zu wenig|nicht genug|nicht genügend|nicht ausreichend) sicherheiten|insufficient collat[eo]ral|"
                  r"(?:not|don'?t have|do not have|haven'?t got|lack) (?:\w+ ){0,1}(?:enough|sufficient) collat[eo]ral|"
                  r"(?:haus)?bank\w* (?:will|verlangt|fordert|möchte|wants|asks for|requires) (?:\w+ ){0,2}(?:sicherheiten|collateral)|"
                  r"sicherheiten.{0,60}(?:haben wir nicht|fehlen|nicht)|no collat[eo]ral|lack collat[eo]ral|without collat[eo]ral|"
                  r"(?:haus)?bank\w*\s+(?:is\s+|was\s+|ist\s+|war\s+)?(?:zögert|zögern|zaudert|lehnt\w*|will nicht|sagt nein|ist (?:sehr )?zurückhaltend|"
                  r"hesitat\w*|declin\w*|refus\w*|is reluctant|said no|says no|(?:do not|don't) take (?:me|us) seriously)")
INSTRUMENT_PATTERNS: dict[str, str] = {
    "grant": r"(zuschuss|zuschüsse|zuschüssen|grant|förderzuschuss|nicht rückzahlbar|non-repayable|non-dilutive|subsid|fördergeld|förderquote|prämie|bonus\b|incentive|"
             # someone paying part of it: "Zahlt da jemand mit?", "übernimmt jemand einen Teil der Kosten?", "pay part of it"
             r"(?:zahlt|übernimmt|trägt) (?:da |denn |uns )?(?:jemand|wer|irgendwer)\b|"
             # "Förderungen und Kredite": named beside a loan, a Förderung is the money that is not paid back
             r"förderung(?:en)?\s+(?:und|oder|bzw\.?|&|/)\s+(?:\w+\s+)?(?:kredit|darlehen)|(?:kredit\w*|darlehen)\s+(?:und|oder|bzw\.?|&|/)\s+förderung|"
             r"(?:anyone|someone|somebody) (?:\w+ )?(?:pays?|covers?|chips? in|contributes?)\b)",
    "loan": r"(darlehen|kredit|(?<!tax )(?<!tax-)credit|loan|förderkredit|fremdkapital|debt|" + _NO_COLLATERAL + ")",  # a tax credit is no loan
    "equity": r"(beteiligung|eigenkapital|equity|venture|wagniskapital|risikokapital|investor|\bvc\b|business angel|"
              r"finanzierungsrunde|funding round|seed-?runde|seed round|series [a-d]\b|co-?invest\w*|ko-?investi\w*)",
    "guarantee": r"(bürgschaft|buergschaft|guarantee|" + _NO_COLLATERAL + ")",
    "tax_credit": r"(steuerlich|steuer|tax credit|tax incentive|forschungszulage|research allowance)",
    "advice": r"(beratung|berater|advice|consulting|coaching|mentoring|audit)",
    "training": r"(weiterbild|schulung|(?<![a-zäöüß])schulen\b|qualifizier|training|lehrgang|course|upskill)",
    "scholarship": r"(stipendium|scholarship|stipend|lebensunterhalt|living (?:costs|expenses)|cost of living)",
    # a prize, not a price ("Kaufpreis ca. 250.000 €", "der Preis liegt bei", "Preise erhöhen")
    "prize": r"((?<![\w-])preis(?:geld\w*|verleihung|träger\w*)?\b(?!\s*(?:von|ca\.?|liegt|lag|beträgt|betrug|ist|sind|steig\w*|erhöh\w*|\d|€))"
             r"|(?:innovations|gründer|gründerinnen|gründungs|unternehmer|unternehmerinnen|förder|nachhaltigkeits|umwelt|"
             r"zukunfts|design|wissenschafts|transfer|klimaschutz|mittelstands|handwerks)preis\w*"
             r"|wettbewerb|award|prize|competition|challenge)",
    "network": r"(netzwerk|network|cluster)",
}
INSTR_RE = {k: folded_rx(v) for k, v in INSTRUMENT_PATTERNS.items()}
# Funds the company already has are a fact, not a wish for that instrument: "Eigenkapital 20 T€",
# "20 T€ Eigenkapital", "Eigenmittel sind vorhanden", "EUR 20k of our own capital"
_AMOUNT = r"(?:ca\.?\s*|rund\s*|etwa\s*|about\s*|approx\.?\s*)?(?:€\s*|eur\s*)?\d[\d.,]{0,15}\s*(?:t€|tsd\.?|k\b|€|eur\b|euro\b|mio\.?)?"
OWN_FUNDS = folded_rx(
    rf"\b(?:eigenkapital|eigenmittel|own (?:funds|capital|equity))\s*(?:von\s+|of\s+|:\s*)?{_AMOUNT}"
    rf"|{_AMOUNT}\s+(?:an\s+)?(?:eigenkapital|eigenmittel\w*|(?:of )?(?:our )?own (?:funds|capital|equity))"
    r"|\b(?:eigenkapital|eigenmittel)\s+(?:ist\s+|sind\s+)?(?:vorhanden|da\b|haben wir)"
    # "Eigenkapital hab ich ca. 10k", "Eigenkapital habe ich rund 90.000 €", "we have own capital of"
    r"|\b(?:eigenkapital|eigenmittel)\s+(?:hab(?:e)?|hätte|haben|hätten)\s+(?:ich|wir)\b"
    r"|\b(?:ich habe|ich hab|wir haben|we have|i have)\s+(?:\w+\s+){0,3}(?:eigenkapital|eigenmittel|own (?:funds|capital|equity))\b"
    # the own funds a bank asks for are no wish for investors either: "Die Bank will mehr Eigenkapital sehen",
    # "die Sparkasse verlangt 25 % Eigenkapital", "the bank wants 20 % equity"
    r"|\b(?:bank|sparkasse|hausbank|volksbank|kreditgeber\w*|lender)\b[^.;!?]{0,60}?\b(?:will|möchte|verlangt|fordert|erwartet|"
    r"braucht|sehen|wants?|requires?|asks? for|expects?|demands?)\b[^.;!?]{0,40}?\b(?:eigenkapital\w*|eigenmittel\w*|eigenanteil\w*|"
    r"own (?:funds|capital|contribution)|equity)"
    r"|\b\d+\s?(?:%|prozent|percent)\s+(?:an\s+)?(?:eigenkapital\w*|eigenmittel\w*|eigenanteil\w*|own (?:funds|capital|contribution)|equity)\b")
_NEG_INSTR_WORDS = (r"(zuschuss\w*|zuschüsse\w*|grants?|darlehen|kredit\w*|loans?|credit|beteiligung\w*|equity|investor\w*|"
                    r"verwässerung|dilution|schulden|debt)")
# Hiring people from abroad is a skills need, not a step into foreign markets: "Fachkräfte aus dem Ausland
# holen", "internationale Fachkräfte", "recruit engineers from abroad". Such spans are read as plain "Fachkräfte"
# for needs and topics.
_PEOPLE = (r"(?:fachkräft|fachkraft|arbeitskräft|mitarbeit|azubi|auszubild|lehrling|personal|ingenieur|mechatronik|\bleute|"
           r"pflegekräft|entwickler|staff|workers?\b|employees|talent|engineers|apprentices|developers|skilled)")
HIRING_ABROAD = folded_rx(
    _PEOPLE + r"\w*\b[^.;!?]{0,30}?\b(?:aus dem (?:nicht-eu-)?ausland|aus drittstaaten|aus nicht-eu-staaten|"
    r"from abroad|from outside (?:the eu|europe|germany)|from non-eu countries|internationally)\b"
    r"|\b(?:internationale|ausländische|foreign|international)\w*\s+" + _PEOPLE + r"\w*"
    r"|\b(?:recruit|hire|hiring|anwerb|rekrutier)\w*\s+(?:\w+\s+){0,3}?(?:from abroad|internationally|im ausland|abroad)\b")
# Partners a company does not have *yet* are partners it looks for: "we have no European partners yet",
# "noch keine Projektpartner", "bisher ohne Konsortium". (Without "yet", "ohne externe Partner" stays a plain
# negation: the company works alone.)
_PARTNER_WORD = r"(?:[\w-]+\s+){0,2}?(?:\w*partner\w*|konsorti\w*|consorti\w*)"
PARTNERS_LACKING = folded_rx(
    r"\b(?:noch|bisher|bislang)\s+(?:keine?n?|ohne)\s+" + _PARTNER_WORD +
    r"|\b(?:no|not any|without)\s+" + _PARTNER_WORD + r"\s+(?:yet|so far)\b"
    r"|\b(?:don't|do not|doesn't|does not|haven't|have not)\s+(?:yet\s+)?(?:have|got)\s+(?:any\s+)?" + _PARTNER_WORD + r"\s+yet\b"
    r"|\b(?:don't|do not|haven't|have not)\s+yet\s+(?:have|got|found)\s+(?:any\s+)?" + _PARTNER_WORD)
NEG_INSTR = folded_rx(r"(?:kein(?:e|en)?|no|not|n['’]t|without|ohne|nicht)\s+(?:\w+\s+){0,2}?" + _NEG_INSTR_WORDS)
# equity the writer does not want to give away: "don't want to give away equity yet", "keine Anteile abgeben"
NO_EQUITY = folded_rx(r"(?:n['’]t|not|nicht|kein\w*|ungern)\s+(?:\w+\s+){0,3}?(?:give (?:away|up)|abgeben|hergeben|verkaufen)\s+"
                      r"(?:any\s+|our\s+|unsere\s+)?(?:equity|shares|anteile)|"
                      r"(?:keine|no)\s+(?:anteile|shares|equity)\s+(?:\w+\s+){0,2}?(?:abgeben|hergeben|give away|give up)")
# A form of money the writer rules out, not merely one they lack ("the bank gives us no loan" wants one):
# "we don't want investors", "keine Investoren an Bord holen wollen", "Beteiligung kommt nicht in Frage",
# "no dilution" (with ``NO_EQUITY`` and ``PREF_OVER_INSTR``: "lieber ein Darlehen als Zuschüsse")
UNWANTED_INSTR = folded_rx(
    r"\b(?:don['’]t|do not|doesn['’]t|does not|won['’]t|will not|wouldn['’]t|would not|never)\s+(?:want|like|take)\s+"
    r"(?:to\s+(?:take(?:\s+on)?|raise|bring\s+in|have)\s+)?(?:any\s+|an?\s+|more\s+)?(?:[\w-]+\s+)?" + _NEG_INSTR_WORDS +
    r"|\bkein(?:e|en)?\s+(?:[\w-]+\s+){0,2}?" + _NEG_INSTR_WORDS +
    r"\s+(?:[\w-]+\s+){0,3}?(?:wollen|will|möchten|möchte|aufnehmen|gewünscht|reinholen|reinlassen)\b"
    r"|" + _NEG_INSTR_WORDS + r"\s+(?:[\w-]+\s+){0,2}?(?:kommt|kommen)\s+(?:für\s+(?:uns|mich)\s+)?(?:nicht|keinesfalls)\s+in\s*frage"
    r"|\b(?:wollen|will|möchten|möchte)\s+(?:wir\s+|ich\s+)?(?:[\w-]+\s+)?kein(?:e|en)?\s+(?:[\w-]+\s+){0,2}?" + _NEG_INSTR_WORDS +
    r"|\b(?:no|keine)\s+(verwässerung|dilution)\b")
# which instrument a word of ``_NEG_INSTR_WORDS`` names
NEG_WORD_INSTRUMENT = (
    (folded_rx(r"zuschuss|zuschüsse|grant"), "grant"),
    (folded_rx(r"darlehen|kredit|loan|credit|schulden|debt"), "loan"),
    (folded_rx(r"beteiligung|equity|investor|verwässerung|dilution|anteile|shares"), "equity"),
)
# An instrument the writer prefers another one to is not wished: "rather a loan than a complicated grant
# procedure", "lieber ein Darlehen als Zuschüsse", "statt eines Zuschusses", "instead of giving up equity"
PREF_OVER_INSTR = folded_rx(
    r"(?:\b(?:rather|lieber|eher)\b[^.;!?]{0,80}?\b(?:than|als)|\b(?:instead of|statt|anstatt|anstelle(?: von)?)"
    r"|\bprefer\w*\s+(?!to\b)[^.;!?]{0,80}?\b(?:over|to))\s+(?:[\w-]+\s+){0,4}?" + _NEG_INSTR_WORDS)

# The level of programmes the writer asks for ("Welche EU-Programme passen?", "any federal grants?", "Berliner
# Landesförderung"): a wish like an instrument. A programme name with "Bundesförderung für ..." is no wish, and a
# level the company already received ("wir haben EU-Förderung bekommen") is a fact, not a wish (``_level_wishes``).
_LEVEL_THINGS = (r"(?:förder\w*|programm\w*|mittel|gelder|calls?|ausschreibung\w*|töpfe|fördertöpfe|funding|funds|grants?|"
                 r"programmes?|programs?|money|schemes?|zuschüsse|finanzierung\w*)\b")
LEVEL_WISH: dict[str, re.Pattern] = {
    "eu": folded_rx(rf"\b(?:eu|europäische\w*|european|eu-weite\w*|brüssel|brussels)[- ]{_LEVEL_THINGS}|"
                    r"\b(?:auf|at) eu[- ](?:ebene|level)\b|"
                     # the EU framework programme and EU consortia are EU funding ("join a Horizon Europe consortium")
                     r"\bhorizon[- ]europe\b|\bhorizont europa\b|\b(?:eu|europäisch\w*|european)[- ](?:konsorti\w*|consorti\w*)"),
    "bund": folded_rx(rf"\b(?:bundes(?:programm\w*|mittel|förderprogramm\w*|zuschüsse)|bundes-?\s*(?:/|und|oder|or)\s*landes\w*|federal[- ]{_LEVEL_THINGS}|"
                      r"(?:programme|förderung|mittel|gelder|förderprogramme) (?:des|vom) bund(?:es)?\b|vom bund\b|"
                      r"auf bundesebene|at (?:the )?federal level|from the federal government)"),
    "berlin": folded_rx(rf"\b(?:berliner (?:förderprogramm\w*|programm\w*|landesförderung|fördermittel|förderung)|"
                        r"(?<!-)landes(?:programm\w*|förderung|mittel|förderprogramm\w*)|bundes-?\s*(?:/|und|oder|or)\s*landes\w*|"
                        rf"(?:förderung|programme|förderprogramme|fördermittel) (?:des landes|vom land|aus berlin|von berlin|in berlin)|"
                        rf"(?:state|berlin|berlin's|city) (?:own )?(?:funding )?(?:programmes?|programs?|grants?|funding|schemes?)|"
                        rf"(?:programmes?|programs?|funding|grants?) (?:of|from|by) (?:the (?:state|city) of )?berlin\b|"
                        r"vom land berlin|from the (?:berlin )?senate)"),
}
# levels listed together before one funding noun: "federal and Berlin programmes", "EU- und Bundesprogramme",
# "Berliner oder Bundesförderung": each listed level is asked for
_LEVEL_ADJ = {"eu": r"(?:eu|european|europäische\w*)", "bund": r"(?:federal|bundes)",
              "berlin": r"(?:berlin(?:er|'s)?|state|landes)"}
_ANY_LEVEL_ADJ = "(?:" + "|".join(_LEVEL_ADJ.values()) + ")"
LEVEL_LIST = folded_rx(rf"\b(?:{_ANY_LEVEL_ADJ}-?\s*(?:,|and|or|und|oder|&|/)\s*){{1,2}}{_ANY_LEVEL_ADJ}-?\s*{_LEVEL_THINGS}")
LEVEL_ADJ_RE = {level: folded_rx(rf"\b{rx}(?![a-z])|\b{rx}(?=programm|förder|mittel|zuschüss|gelder|finanz)")
                for level, rx in _LEVEL_ADJ.items()}
# the writer is an investor, not a company: "I'm a business angel", "wir sind ein VC-Fonds". What it wants is
# public money that co-invests beside it, or a grant for investing (INVEST); the start-ups it names are its deals
INVESTOR_SELF = folded_rx(
    r"\b(?:i'?m|i am|ich bin|wir sind|we are|we're|als)\s+(?:an?\s+|ein\w*\s+)?(?:[\w-]+\s+)?"
    r"(?:business angel|angel investor|privatinvestor\w*|vc[- ]?(?:fonds|fund|firm)|venture[- ]capital[- ](?:fonds|fund|firm|investor))\b")
# a round the company already closed is a fact about it, not a wish: "Series A closed last year", "we raised a seed
# round in 2024", "Seed-Runde 2025 abgeschlossen"
PAST_ROUND = folded_rx(
    r"\b(?:series [a-d]|seed(?:[- ]round|[- ]runde)?|pre-?seed(?:[- ]round|[- ]runde)?|finanzierungsrunde|funding round)\s+"
    r"(?:(?:was|wurde|has been|haben wir|in \d{4}|\d{4}|last year|letztes jahr|im letzten jahr)\s+){0,2}"
    r"(?:closed|completed|raised|abgeschlossen|geschlossen|eingesammelt)\b"
    r"|\b(?:closed|raised|completed|abgeschlossen|eingesammelt)\s+(?:a|an|our|the|unsere?|die|eine)\s+"
    r"(?:series [a-d]|seed[- ]round|seed[- ]runde|finanzierungsrunde|funding round|round)\b")
# a prize or competition already won is a fact about the company, not a wish for a prize: "eine Auszubildende hat den
# Landeswettbewerb gewonnen", "we won the Berlin Startup Award last year"
PAST_PRIZE = folded_rx(
    r"\b(?:won|gewann\w*|gewonnen)\b[^.;!?]{0,50}?\b[\w-]{0,30}(?:wettbewerb|preis|award|prize|competition|challenge)\w*|"
    r"\b[\w-]{0,30}(?:wettbewerb|preis|award|prize|competition|challenge)\w*\b[^.;!?]{0,50}?\b(?:gewonnen|won)\b")
# money the writer already had, named with a relative clause: "ein Gründerstipendium, das wir vor der Gründung über die
# HTW hatten", "a grant that we received in 2023": history, not a wish for that instrument
PAST_HELD = folded_rx(
    r"\b[\w-]{0,30}(?:stipendium|zuschuss|kredit|darlehen|grant|scholarship|stipend|loan)\w*,?\s+"
    r"(?:das|die|den|which|that)\s+(?:wir|ich|we|i)\s+(?:[^.;!?]{0,60}?\s)?"
    r"(?:hatten|hatte|bekommen haben|bekommen hatten|erhalten haben|erhalten hatten|bekamen|bekam|had|received|got)\b")
# the company's tax adviser, or an adviser quoted for an opinion, is no wish for advice or a tax credit ("Unser
# Steuerberater meint, Apotheken fallen raus", "my consultant says ...")
ADVISER_MENTION = folded_rx(
    r"\b(?:steuerberat\w*|steuerbüro\w*|steuerkanzlei\w*|tax advis\w*|tax consultant\w*|accountants?)\b|"
    r"\b(?:unser\w*|mein\w*|der|die|our|my)\s+(?:berater\w*|beraterin|consultant|advis[eo]r|bankberater\w*)\s+"
    r"(?:meint|meinte|sagt|sagte|hat gesagt|empfiehlt|empfahl|findet|says|said|thinks|told us|told me|recommends)\b")


# where the company's departments are is a fact about the company, no wish to do research: "Entwicklung, Engineering
# und Vertrieb bleiben in Berlin", "our R&D and sales stay in Berlin", "F&E und Produktion sitzen in Adlershof"
_DEPARTMENT = (r"(?:entwicklung|forschung|f&e|fue|r&d|research|development|engineering|konstruktion|vertrieb|verwaltung|"
               r"produktion|fertigung|montage|einkauf|marketing|service|logistik|buchhaltung|sales|production|manufacturing|"
               r"assembly|purchasing|administration|headquarters|zentrale|hauptsitz)")
DEPARTMENTS_LOCATED = folded_rx(
    rf"\b(?:unser\w*\s+|our\s+|die\s+|the\s+)?{_DEPARTMENT}(?:\s*(?:,|und|and|&|sowie|/)\s*{_DEPARTMENT}){{1,4}}\s+"
    r"(?:bleib\w*|sitz\w*|befinde\w*|stay\w*|remain\w*|(?:are|is) (?:based|located))\s+(?:\w+\s+){0,2}?(?:in|im|bei|am|at)\b")


# training a machine-learning model is no staff training ("GPU compute for training", "Trainingsdaten", "Modelle
# trainieren"), unless people are trained ("AI training for our staff")
_FOR_PEOPLE = r"(?!\s+(?:for|für)\s+(?:\w+\s+)?(?:staff|employees|team|mitarbeit\w*|beschäftigt\w*|people|workers|kolleg\w*))"
MODEL_TRAINING = folded_rx(
    r"\b(?:gpu\w*|compute|rechenleistung|rechenkapazit\w*|modell\w*|models?|ki|ai|ml|llm\w*|neural\w*|daten|data)\b"
    r"[^.;!?]{0,25}?\btraining\b" + _FOR_PEOPLE + "|"
    r"\btraining\s*(?:-\s*)?(?:data|daten|runs?|sets?|compute|pipeline|of (?:the |our )?(?:ai |ml )?models?)\b|"
    r"\btrainingsdaten\w*|\b(?:modell\w*|models?|netz\w*)\s+(?:zu\s+)?trainier\w*|"
    # one word: "das Modelltraining mit unseren Teilen", "KI-Training"
    r"\b(?:modell|model|ki|ai|ml)-?training\w*|"
    r"\btrain(?:ing)?\s+(?:our |the |own |a |an )?(?:ai |ml |language |vision |foundation )?models?\b")


# a prototype that already works is development done, not a wish for R&D: "we have a working prototype", "der Prototyp
# läuft seit einem halben Jahr", "we built a working prototype", "ein Prototyp ist fertig" (a further development said
# in other words still counts)
PROTOTYPE_DONE = folded_rx(
    r"\b(?:working|functioning|funktionierende\w{0,2}|fertige\w{0,2}|laufende\w{0,2})\s+(?:[\w-]{1,30}\s+){0,2}?prototyp\w{0,3}|"
    r"\bprototyp\w{0,3}\s+(?:[\w-]{1,30}\s+){0,3}?(?:works|is working|is running|runs|is done|is ready|läuft|funktioniert|ist fertig|steht)\b|"
    r"\b(?:built|have built|gebaut|fertiggestellt)\s+(?:a|an|our|einen|ein|unseren|den)\s+(?:[\w-]{1,30}\s+){0,2}?prototyp\w{0,3}|"
    r"\bprototyp\w{0,3}\s+(?:[\w-]{1,30}\s+){0,3}?(?:gebaut|fertiggestellt|built|completed)\b")
# words that look like a wish to train or hire but are facts: the writer's own past training ("ich bin gelernte
# Schneiderin (Ausbildung in Damaskus)", "I did my apprenticeship as carpenter", "mein früherer Ausbildungsbetrieb"), staff
# as a cost item of a project ("Personal + Material", "überwiegend Personal", "Personalkosten"), the English adjective
# ("a personal guarantee"), schools as customers ("für Kitas und Schulen") and a dial set by hand ("von Hand einstellen")
SKILLS_NOT_WISH = folded_rx(
    # a training room or its machines in a gym or practice ("Trainingsfläche mit Geräten") are fittings
    r"\btrainings(?:fläche|raum|räume|geräte?|bereich)\w*|"
    r"\b(?:gelernte\w*|ausgebildete\w*)\s+[\w-]+(?:\s*\((?:ausbildung|lehre)[^)]{0,60}\))?|"
    r"\b(?:meine|my)\s+(?:ausbildung|lehre|apprenticeship)\b(?:\s+(?:as|als|zum|zur|in|bei)\s+[\w-]+)?|"
    r"\bdid (?:my|an?) (?:[\w-]+\s+)?(?:apprenticeship|training)\b(?:\s+as\s+(?:an?\s+)?[\w-]+)?|"
    r"\b(?:früher\w*|ehemalig\w*|former)\s+(?:ausbildungsbetrieb\w*|ausbilder\w*|training company)|"
    r"\bpersonal(?:kosten|aufwand|ausgaben)\w*|\b(?:überwiegend|vor allem|hauptsächlich|inkl\.?|inklusive)\s+personal\b|"
    r"\bpersonal\s*(?:\+|und|,|/)\s*(?:material|sachkosten|prototyp\w*|geräte|sensorik|lizenzen|versuch\w*)|\(personal\b|"
    r"\bpersonal(?:ly)?\s+(?:guarantee|loan|contact|savings|money|data|liability|reasons?|recommendation|meeting)s?\b|"
    r"\b(?:kitas?|und|an|in|von|die|den)\s+schulen\b|\bschulen\s+(?:und|,)\s+kitas?\b|"
    r"\bvon hand\s+einstell\w*|"
    # hiring developers or engineers for the product is the R&D project's staff, not a need for skilled-worker or
    # training support ("hiring 4 devs", "hire four data scientists", "eine Entwicklerin einstellen")
    r"\b(?:hire|hiring|recruit|recruiting)\s+(?:(?:\d+|one|two|three|four|five|six|a|an|our|that|the|more|first|new|additional)\s+){0,3}"
    r"(?:[\w-]+\s+)?(?:devs?|developers?|engineers?|data scientists?|programmers?|researchers?)\b|"
    r"\b(?:first hire|erste einstellung)\s*\(?(?:an?\s+|eine?n?\s+)?(?:[\w-]+\s+)?(?:engineer|developer|entwickler\w*|ingenieur\w*)|"
    r"\b(?:\d+|eine?n?|zwei|drei|vier|fünf|weitere)\s+(?:[\w-]+\s+)?(?:entwickler\w*|softwareentwickler\w*|programmierer\w*|"
    r"ingenieur\w*|data scientists?)\s+(?:[\w-]+\s+){0,2}?(?:einstellen|einzustellen)\b")
# apprentices counted among the staff describe the company, they are no wish to train: "14 Mitarbeitende, darunter zwei
# Auszubildende", "20 staff including 3 apprentices"
STAFF_APPRENTICES = folded_rx(
    r"\b(?:darunter|davon|inklusive|inkl\.?|einschließlich|plus|including|incl\.?|of which|of them)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:\d+|ein\w*|zwei|drei|vier|fünf|sechs|one|two|three|four|five|six)\s+"
    r"(?:azubis?|auszubildende\w*|lehrlinge?|apprentices?|trainees?)\b")
# an export share is a fact about the company's sales, not a wish to go abroad: "exports 70 %", "Exportquote 60 %",
# "70 % of sales abroad" (GRW reads it as supra-regional sales)
EXPORT_FACT = folded_rx(
    r"\bexport\w*\s+(?:ca\.?\s+|about\s+|around\s+|rund\s+|etwa\s+|über\s+|over\s+)?\d+\s?(?:%|prozent|percent)|"
    r"\b(?:export(?:quote|anteil)|export share)\w*\s+(?:von\s+|of\s+|:\s*|liegt bei\s+|is\s+)?(?:ca\.?\s+|about\s+|rund\s+)?\d+\s?(?:%|prozent|percent)|"
    r"\b\d+\s?(?:%|prozent|percent)\s+(?:unserer\s+|of\s+(?:our\s+)?)?(?:export\w*|(?:umsatz|sales|revenue)\w*\s+(?:im ausland|abroad|international\w*))|"
    # a share that goes abroad ("rund 70 % gehen ins Ausland", "85 % of our output goes abroad")
    r"\b\d+\s?(?:%|prozent|percent)\s+(?:[\w-]+\s+){0,4}?(?:gehen|geht|gingen|go|goes|went|is|are)\s+(?:ins ausland|in den export|abroad|to export|exported)\b|"
    # where the company sells today, in the present tense: the market, not a wish ("verkauft wird über Musikläden und online
    # in ganz Europa, in die USA und nach Japan", "we sell to distributors in 30 countries"); a clause with a wish stays
    r"\b(?:verkauft wird|verkauft werden|vertrieben wird|geliefert wird|wir verkaufen|wir liefern|wir exportieren|we sell|we export|"
    r"we ship|we deliver)\b(?![^.;!?]{0,100}\b(?:wollen|möchten|planen|würden|soll|sollen|später|künftig|danach|want|wish|plan|would like|hope|will|later|soon)\b)"
    # up to the clause where the need begins ("wir verkaufen an Asia-Supermärkte und brauchen einen neuen Dampfkessel")
    r"(?:(?!\b(?:und|and|aber|but)\s+(?:wir\s+|we\s+)?(?:brauchen|benötigen|suchen|need|require|are looking|look)\b)[^.;!?]){0,100}")
# only one level wanted: "We're only interested in EU funding", "nur Bundesprogramme", "ausschließlich EU-Mittel"
LEVEL_ONLY: dict[str, re.Pattern] = {
    level: folded_rx(r"\b(?:only|nur|ausschließlich|exclusively|solely)\s+(?:[\w-]+\s+){0,3}?" + word)
    for level, word in (("eu", r"(?:eu|europäisch\w*|european|brüssel|brussels)\b"),
                        ("bund", r"(?:bundes\w*|federal)\b"),
                        ("berlin", r"(?:berliner|landes\w*|berlin's)\b"))
}
# "Förderung von Berlin Partner", "Berliner Förderung bekommen": a level named in passing, not asked for
# a level wanted as well as the others is no preference: "gern auch auf EU-Ebene", "von der IBB oder vom Bund",
# "EU funding as well"
LEVEL_ALSO_BEFORE = folded_rx(r"\b(?:auch|also|ebenfalls|oder|or|too)\s+(?:gern\w*\s+)?(?:[\w-]+\s+){0,2}$")
LEVEL_ALSO_AFTER = folded_rx(r"^\s*(?:as well|too|also)\b")
LEVEL_NOT_WISH = folded_rx(
    r"\b(?:bekommen|erhalten|erhielten|bewilligt|gefördert|received|got|had|hatten|haben schon|already have|"
    r"laufende\w*|ongoing|abgeschlossen|completed)\b")


LARGE_WORDS = folded_rx(
    r"\b(konzern\w*|großunternehmen|grossunternehmen|large (?:[\w-]+ )?(?:company|enterprise|corporation|group|manufacturer)|"
    r"corporate group|dax|mdax|listed group|börsennotiert\w*)\b")
SME_WORDS = folded_rx(r"\b(kmu|sme|smes|mittelständ\w*|mittelstand|kleinunternehmen|small business|kleines unternehmen|familienunternehmen|handwerksbetrieb)\b")

# the writer is to take over a business (a successor, not its owner): a person before their own start. Only with a
# business named ("den Betrieb übernehmen", "take over my aunt's bakery") or a family business in the text
# ("mein Vater hat ne Glaserei ... ich soll übernehmen"): "übernehmen" alone also means taking on costs or tasks.
_BUSINESS = r"(?:betrieb|firma|unternehmen|geschäft(?!sführ|sleit|santeil)|laden|werkstatt|praxis|salon|kanzlei|\w+erei|business|company|shop|firm|bakery|workshop|practice)"
_FAMILY = r"(?:mein\w*|my) (?:vater|vaters|mutter|eltern|onkel|tante|opa|oma|father'?s?|mother'?s?|parents'?|uncle'?s?|aunt'?s?|dad'?s?|mum'?s?|mom'?s?)"
_OWNER = r"(?:eltern|vater|vaters|mutter|chef\w*|onkel\w*|tante|großeltern|familie|inhaber\w*|lehrmeister\w*|ausbilder\w*|parents|father|mother|boss|uncle|aunt|family)"
SELF_TAKEOVER = folded_rx(
    rf"(?:ich|i) (?:will|möchte|soll|werde|want to|would like to|am going to|'m going to|am supposed to|plan to|am planning to) "
    rf"(?:[\w'-]+ ){{0,6}}\w{{0,20}}{_BUSINESS}\w* (?:[\w-]+ ){{0,5}}übernehmen|"
    rf"(?:ich übernehme|(?:ich|i) (?:will|möchte|soll|werde|want to|would like to|am going to|'m going to|plan to) (?:take over|übernehmen)|"
    rf"i(?:'m| am) taking over) (?:den|die|das|the|a|an|his|her|their|our|{_FAMILY}) (?:[\w'-]+ ){{0,2}}{_BUSINESS}|"
    # "übernehme zum 1.3. den Salon meiner Chefin": the verb in the first person says who takes over
    rf"\bübernehme (?:\S{{1,20}} ){{0,3}}(?:den|die|das) (?:[\w'-]+ ){{0,2}}{_BUSINESS}|"
    # "ich übernehme wahrscheinlich im März ein Café", "ich übernehme nächstes Jahr eine Tischlerei"
    rf"\bich übernehme (?:\S{{1,20}} ){{0,4}}(?:ein|eine|einen) (?:[\w'-]+ ){{0,2}}[\w-]*(?:{_BUSINESS}|café|cafe|restaurant|imbiss|kiosk|bar)\b|"
    # "ich beabsichtige, zum Jahresende die Elektro Schulze GmbH … zu übernehmen"
    rf"\bich (?:beabsichtige|habe vor|plane|hoffe),? [^.;!?]{{0,120}}?\b(?:{_BUSINESS}|gmbh|ug|kg)\b[^.;!?]{{0,80}}?\bzu übernehmen\b|"
    # the successor named without the object: "Ich soll übernehmen, mein Bruder will nicht", "ich werde übernehmen."
    rf"\b(?:ich|i) (?:soll|werde|am supposed to|will) (?:ihn |es |ihm |it )?(?:übernehmen|take over)(?= *[,.;!?]| *$| und\b| and\b)|"
    # a consultant's note on a client who takes over ("Hr. K. möchte die Werkstatt übernehmen", "Kundin will den Salon
    # ihrer Chefin übernehmen")
    # (not a customer who wants to buy the writer's firm: "Ein Kunde will unsere Firma kaufen")
    rf"\b(?:hr\.|fr\.|herr|frau|mandant\w*|klient\w*|client)\s+(?:[a-zäöüß]\.\s*|[\w-]+\s+)?(?:möchte|will|soll|plant|wants to|"
    rf"plans to|would like to)\s+(?:(?!unser\w*|our)[\w'().-]+\s+){{0,8}}?\w{{0,20}}{_BUSINESS}\w*\s+(?:[^.;!?]{{0,60}}?\s)?"
    rf"(?:übernehmen|kaufen|take over)\b|"
    # "I want to buy an existing restaurant": a running business bought by the writer
    rf"\b(?:i|ich)\s+(?:want|would like|'d like|plan|am planning|intend|hope)\s+to\s+(?:buy|acquire|purchase)\s+an?\s+existing\s+"
    rf"(?:[\w'-]+\s+){{0,2}}?(?:{_BUSINESS}|restaurant|café|cafe|bar|hotel|kiosk|pub)\b|"
    # "Mein Mann und ich möchten eine Dachdeckerei in Marzahn kaufen": a business bought by the writer (and partner)
    rf"\b(?:ich|und ich) (?:möchten|möchte|wollen|will|werden|werde) (?:eine[nm]?|den|die|das) (?:[\w'-]+ ){{0,1}}{_BUSINESS}\w* "
    rf"(?:(?!(?:und|oder|sowie|dann|ein\w*|neue\w*|weitere\w*)\b)[\w-]+ ){{0,5}}(?:kaufen|übernehmen|erwerben)\b|"
    # the owner offers it: "mein Chef will mir den Betrieb verkaufen", "my boss wants to sell me his shop"
    rf"(?:will|möchte|soll|wird|würde) (?:mir|uns) (?:[\w'-]+ ){{0,2}}{_BUSINESS}\w* (?:[\w-]+ ){{0,2}}(?:verkaufen|übergeben|überlassen|übertragen)\b|"
    rf"(?:wants?|offered|offers|would like) to (?:sell|hand over|pass on) (?:me|us) (?:[\w'-]+ ){{0,2}}{_BUSINESS}|"
    rf"{_FAMILY}\b.{{0,120}}\b(?:ich soll|ich werde|ich will|ich möchte|ich übernehme|i(?:'m| am) (?:going|supposed) to|i will)\s+(?:\w+\s+){{0,3}}(?:übernehmen|take over|take it over)|"
    # the owner seeks a successor and the writer is to be it ("sucht einen Nachfolger ... dass ich zum 1. Juli übernehme")
    r"\b(?:sucht|suchen|looking for|seeks?)\s+(?:einen|eine|a)\s+(?:nachfolger\w*|successor)\b[^?]{0,300}?"
    r"\b(?:ich|i)\s+(?:[\w.-]+\s+){0,5}?(?:übernehme|übernehmen werde|take over|will take over)\b|"
    # two successors ("Meine Schwester und ich übernehmen die Bäckerei", "wir wollen den Salon unserer Chefin
    # übernehmen"). "Wir" only with the owner named (parents, boss): a firm also says "wir übernehmen die Firma X"
    rf"\bund ich (?:(?:wollen|möchten|werden|sollen) )?übernehmen (?:\S{{1,20}} ){{0,3}}(?:den|die|das) (?:[\w'-]+ ){{0,3}}{_BUSINESS}|"
    rf"\bund ich (?:wollen|möchten|werden|sollen) (?:den|die|das) (?:[\w'-]+ ){{0,1}}\w{{0,20}}{_BUSINESS}\w* (?:[\w-]+ ){{1,4}}übernehmen\b|"
    rf"\bwir\b(?:,[^.;!?,]{{1,40}},)? (?:(?:wollen|möchten|werden|sollen) )?(?:\S{{1,20}} ){{0,3}}(?:den|die|das) "
    rf"(?:[\w'-]+ ){{0,1}}\w{{0,20}}{_BUSINESS}\w* (?:unserer|unseres|unseren|meiner|meines) {_OWNER}\b[^.;!?]{{0,40}}?übernehmen\b|"
    rf"\bwir\b(?:,[^.;!?,]{{1,40}},)? übernehmen (?:\S{{1,20}} ){{0,3}}(?:den|die|das) (?:[\w'-]+ ){{0,1}}\w{{0,20}}{_BUSINESS}\w* "
    rf"(?:unserer|unseres|unseren|meiner|meines) {_OWNER}\b|"
    rf"\bwe(?:'re| are)? (?:(?:want to|would like to|are going to|plan to) )?(?:take|taking) over (?:our|my) {_OWNER}(?:'s?|s') "
    rf"(?:[\w'-]+ ){{0,3}}{_BUSINESS}|"
    # a business with more words before it ("I'm taking over a 20-year-old bike repair shop"), bought ("kaufe eine Tischlerei")
    rf"\bi(?:'m| am) taking over (?:the|a|an|his|her|their) (?:[\w'-]+ ){{0,4}}{_BUSINESS}|"
    rf"\b(?:kaufe|i'm buying|i am buying) (?:\S{{1,20}} ){{0,2}}(?:eine[nm]?|den|die|das|the|a|an) (?:[\w'-]+ ){{0,3}}{_BUSINESS}",
)
INDIVIDUAL = folded_rx(
    r"(ich arbeite als|ich bin (?:angestellt|arbeitnehmer\w*|beschäftigt)|i work as|i am employed|as an employee|"
    # the verb before the subject after an adverb ("Im Moment arbeite ich als Serviceleiterin", "derzeit bin ich angestellt")
    r"\barbeite ich (?:(?:noch|derzeit|aktuell|zurzeit|momentan|gerade|hauptberuflich)\s+){0,2}als\b|"
    r"\bbin ich (?:(?:noch|derzeit|aktuell|zurzeit|momentan|gerade|hauptberuflich)\s+){0,2}(?:angestellt|beschäftigt)\b|"
    r"(?:ich|i) (?:will|möchte|want to|would like to) .{0,60}(?:übernehmen|take over|buy (?:a|an|the) (?:company|business))|"
    rf"{SELF_TAKEOVER.pattern}|"
    r"(?:ich bin|i am|i'm) (?:business angel|privatinvestor|private investor)|meinen (?:meister|techniker) machen|"
    # a person naming their trade or freelance status ("Ich bin Tischlermeister", "I'm a freelance designer")
    r"(?:ich bin|i am|i'm) (?:a |an |ein |eine )?(?:gelernte\w* |ausgebildete\w* |selbstständige\w* |selbständige\w* )?"
    r"(?:\w*meister(?:in)?|geselle|gesellin|freiberufler\w*|freelancer|freelance \w+|solo-?selbst\w*|master craftsman|craftsman)\b)",
)
NUMBER_WORD_RE = re.compile(
    r"\b(zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|fünfzig|hundert|"
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|hundred)\b"
)
NUMBER_WORD_VALUES = {
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11,
    "zwölf": 12, "zwanzig": 20, "dreißig": 30, "fünfzig": 50, "hundert": 100, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20,
    "thirty": 30, "fifty": 50, "hundred": 100,
}
ESTABLISHED = folded_rx(
    r"(familienunternehmen|familienbetrieb|traditionsunternehmen|in (?:zweiter|dritter|vierter) generation|seit generationen|"
    r"mittelständler|mittelständisches|konzern|werk eines|standort eines|family business|family-owned|long-established|"
    r"third generation|second generation|established company|etabliert)",
)

# ---------------------------------------------------------------- topic keywords: false friends

# A topic keyword (corpus/topics.yaml) that occurs inside one of these words or phrases does not count:
# "mode" in "modernisieren", "gründ" in "aus diesen Gründen", "netz" in "Netzwerk", "beton" in "betonen".
# Keyed by the keyword; each pattern is searched around the hit and must cover it.
TOPIC_STOP: dict[str, str] = {
    "mode": r"mode(?:rn|rat|m|ll|ling|lling|st|s\b|l\b|ls\b|lle|d\b|di|du)\w*",
    "machine": r"machine[ -](?:learning|vision|translation|readable)",
    "pharma": r"pharmac(?:y|ies|ists?)\b",
    # a developer by job title is no development project ("I work as a software developer")
    "develop": r"developers?\b",
    "entwick": r"\w*entwickler(?:in|innen)?\b",  # a pharmacy is a shop (a customer), not the pharmaceutical industry
    "maschine": r"maschinell\w*",
    "gründ": r"(?:be|hinter|ab|unter|unbe|zu|vorder|unge)gründ\w*|gründlich\w*|gründe\b|"
             r"(?:aus|den|diesen|welchen|vielen|mehreren|anderen|\w+en|\w+chen)\s+gründen\b(?!\s+(?:wollen|möchten|will|möchte))|"
             r"gegründet|gegr\b|gründungsjahr",
    "netz": r"netzwerk\w*|netzteil\w*",
    "digital": r"digitaldruck\w*",  # digital printing is a printing process, not digitalisation
    "network": r"network(?:ing)? (?:security|infrastructure|cable|card)|neural network\w*",
    # an investment vehicle is a fund, not a car ("co-investment vehicles", "a fund vehicle")
    "vehicle": r"(?:co-?)?invest(?:ment|ing)?\s+vehicles?|(?:funding|financing|fund|legal|special[- ]purpose)\s+vehicles?",
    "beton": r"\bbeton(?:en|t|te|ten|ung|ungen)\b",
    "faser": r"(?:carbon|kohle|kohlenstoff|glas|optische?|lichtwellen|natur|holz|zell)[\s-]?faser\w*",
    "fibre": r"(?:carbon|glass|optical|fibre[\s-]optic)[\s-]?fibre\w*|fibre[\s-]optic\w*",
    "fiber": r"(?:carbon|glass|optical)[\s-]?fiber\w*|fiber[\s-]optic\w*",
    "design": r"(?:chip|circuit|schaltungs|system|asic|fpga|ic|pcb|hardware|software|engineering|experimental|study|research)[\s-]?design\w*|"
              r"design (?:of|for) (?:chips|circuits)",
    "media": r"social media|media (?:buying|agency)|intermedia\w*",
    "werk": r"werk(?:statt|stätte|stoff|zeug(?!bau)|bank|vertrag|student|stück)\w*",
    "invest": r"investor\w*",
    "anlage": r"\w*anlagen(?:bau|plan|hersteller|technik|bauer)\w*|(?:pilot|schalt|geld|kapital|wert|grün|park|sport|frei|spiel)anlage\w*|"
              r"anlageberat\w*|anlage(?:n)?(?:strategie|vermögen)",
    "lager": r"(?:kugel|wälz|gleit|end|zwischen)lager\w*|lager(?:logistik|verwaltung|roboter|feuer)\w*|(?:ver|um|aus)lager\w*",
    "verbund": r"\w*verbund(?:werkstoff|material|glas|sicherheitsglas|stoff|folie|platte|bau)\w*|faserverbund\w*",
    "austausch": r"(?:wärme|daten|heizungs|fenster|kessel|lampen|leuchten|motor|teile|batterie|öl|gas)austausch\w*|austauschbar\w*|\w*austauscher\w*",
    "exchange": r"exchanger\w*|heat exchange\w*|ion exchange|data exchange|stock exchange|exchange rate\w*",
    "institut": r"(?:kredit|finanz|geld|förder)institut\w*",
    "science": r"data science|computer science",
    "speicher": r"(?:daten|cloud|arbeits|zwischen)speicher\w*|speicher(?:platz|medi|karte|kapazität des servers)\w*|gespeichert\w*",
    "storage": r"(?:data|cloud|cold|file)\s+storage|storage (?:space|room|unit)\w*",
    "personal": r"personalisier\w*|personal computer\w*|personal data",
    "messe": r"(?<!auf )(?<!auf den )(?<!zwei )(?<!drei )\bmessen\b|ermessen\w*|messer\w*|\w+messer\b|messergebnis\w*|messeinricht\w*|messebene\w*|gemessen|"
             r"messe(?:" + FAIR_BUILDING + r")\w*",
    "übernahme": r"(?:kosten|verantwortungs|daten|risiko)übernahme\w*|übernahme (?:der|von) (?:kosten|verantwortung)",
    "craft": r"(?:air|space|hover|water|mine)craft\w*",
    "waste": r"waste[\s-]?heat\w*|wasted\b|waste of\b",  # waste heat is an energy topic, not recycling
    # words that merely contain a keyword: graduates and insolvency are no chemistry, equipment no defence,
    # a contact person no network, a cyber attack no advice, accreditation no loan
    "solvent": r"\w*absolvent\w*|insolven\w*",
    "rüstung": r"\w*ausrüstung\w*|(?:auf|nach|um)rüstung\w*",
    "partner": r"\w*(?:ansprech|gesprächs|interview)partner\w*",
    "berat": r"cyberattack\w*",
    "kredit": r"akkreditier\w*",
    "workshop": r"workshops\b|workshop(?:reihe|serie|format)\w*",
    "meister": r"(?:industrie|bürger|haus|welt|europa|schicht|hallen|bahnhofs|kapell|konzert|quiz)meister\w*",
    "fläche": r"\w*oberfläch\w*|flächendeckend\w*|(?:wohn|anbau|grün|agrar)fläche\w*",
    "bahn": r"bahnbrechend\w*",
    "architekt": r"(?:software|system|it|cloud|daten|lösungs|netzwerk|chip|hardware|informations|unternehmens)[\s-]?architekt\w*",
    "architect": r"(?:software|system|it|cloud|data|solution|enterprise|network|chip|hardware|information)[\s-]?architect\w*",
    "bauteil": r"(?:alt|kunststoff|metall|elektronik|fahrzeug|flugzeug|maschinen|leichtbau|cfk|gfk|faserverbund|carbon|guss|fräs|dreh|präzisions|serien|ersatz)bauteil\w*",
    "equipment": r"equipment[\s-](?:factory|manufacturer|maker|supplier|producer|hersteller)\w*",
    "transfer": r"(?:daten|geld|zahlungs|wärme|file|data|money|heat)[\s-]?transfer\w*",
    "material": r"(?:werbe|informations|info|lehr|schulungs|bild|video|marketing|unterrichts)material\w*",
    "industrie": r"(?:für|for)(?: die)? industrie\b",
    "hall": r"hallo\w*",
    "halle": r"\bhallen(?:bad|sport)\w*|challeng\w*",
    "einstell": r"(?:vor|grund)einstell\w*|einstellbar\w*",
    "strom": r"(?:stoff|daten|geld|waren|besucher|kunden|touristen|abfall|material|wert)strom\w*|stromaufwärts|stromabwärts|mainstream\w*",
    "finanzierung": r"(?:frühphasen|wachstums|projekt|gründungs|investitions|anschluss|ko|co-|eigen|venture|förder|seed|"
                    r"unternehmens|mezzanine)finanzierung\w*|finanzierungsrunde\w*",
    "financing": r"(?:equity|growth|project|venture|seed|series [a-c]|debt|mezzanine|start-?up)[\s-]financing",
    # own funds the company lacks are no wish for investors: "kaum Eigenkapital", "Eigenkapital hab ich kaum"
    "eigenkapital": r"(?:kaum|wenig|kein\w*|nicht genug|zu wenig|fehlende\w*)\s+eigenkapital\w*|"
                    r"eigenkapital\s+(?:hab\w*|haben|hätte\w*|ist|fehlt)\s+(?:ich |wir |uns )?(?:kaum|wenig|kein\w*|nicht)\b|"
                    r"eigenkapital(?:quote\w*|\s+(?:von\s+)?(?:ca\.?\s*|rund\s*|etwa\s*)?\d[\d.,]{0,15}\s*(?:t€|tsd|k|€|eur|euro|mio)?)|"
                    # asked for by the bank: "will mehr Eigenkapital sehen", "verlangt 25 % Eigenkapital"
                    r"(?:will|möchte|verlangt|fordert|erwartet|braucht)\s+(?:\w+\s+){0,3}?(?:\d+\s?(?:%|prozent)\s+|mehr\s+)eigenkapital\w*|"
                    r"\d+\s?(?:%|prozent)\s+eigenkapital\w*",
    # lab equipment, not the climate: "six new walk-in climate chambers", "climate cabinet"
    "climate": r"climate[- ](?:chambers?|cabinets?|controlled)",
    # the same in English: "the bank wants 20 % equity", "lenders require more equity"
    "equity": r"\b(?:bank|lenders?)\b[^.;!?]{0,60}?\b(?:wants?|requires?|asks? for|expects?|demands?)\b[^.;!?]{0,40}?\bequity\b|"
              r"\d+\s?(?:%|percent)\s+(?:of\s+)?equity\b",
}
# Keywords that count only with a telling word in the same clause: a site or a purchase only when
# something new is built, bought or opened ("neuer Standort", "new site"), not the company's existing
# seat ("unser Berliner Standort", "our Berlin site"); "it" only as information technology ("IT-Sicherheit",
# "unsere IT"), not the English pronoun ("could we use it?").
TOPIC_NEEDS_CONTEXT: dict[str, str] = {
    "it": r"\bit(?:-|\s+(?:security|sicherheit\w*|services?|infrastru\w*|systems?|abteilung|department|dienstleist\w*|"
          r"consult\w*|landschaft|support|team|admin\w*|firma|company|budget|projekt\w*|projects?|solutions?|berat\w*|"
          r"experten?|experts?|spezialist\w*|branche|sector|industry|modernis\w*|umgebung|environment|ausstattung|"
          r"equipment|hardware|kosten|costs|and ot|und ot))|\b(?:die|der|unsere\w*|eure\w*|ihre\w*|our|your|their)\s+it\b",
    "standort": r"\b(?:neu\w*|zweit\w*|weiter\w*|zusätzlich\w*|eröffn\w*|aufbau\w*|such\w*|ansiedl\w*|erweiter\w*|verlager\w*|bauen)\b",
    "site": r"\b(?:new|second|additional|another|open\w*|build\w*|set(?:ting)? up|expan\w*|relocat\w*|looking for|find)\b",
}
# (a quotation mark may open the negated word: 'there's no "research" involved', 'ohne „Forschung“')
TOPIC_NEGATION = re.compile(r"(?:\b(?:ohne|kein\w*|no|not|without|nicht|nix|nichts)|n't)\s+(?:[\w-]+\s+){0,1}[\"'„“”‚‘’»«]?$")
# a negation that says what the company cannot find or get is a lack, so a need: "finden seit zwei Jahren keine
# Azubis", "bekommen keine Fachkräfte", "we can't find welders", "unable to hire engineers"
LACKING_BEFORE = folded_rx(
    r"(?:\b(?:finden|finde|findet|bekommen|bekomme|bekommt|kriegen|krieg|kriege|gewinnen)\b\s+(?:[\w-]+\s+){0,4}"
    r"(?:kein\w*|nicht|nix)\s+(?:[\w-]+\s+){0,1}|(?:n't|\bnot|\bcannot|\bunable to)\s+(?:[\w-]+\s+){0,1}?"
    r"(?:find|get|hire|recruit|fill)\w*\s+(?:[\w-]+\s+){0,1})$")
# a German verb put first and negated after it: "Technisch entwickeln wir nix", "forschen wir nicht" (not "nicht nur")
# ("Technisch entwickeln wir nix", "Geld suchen wir erst mal nicht", "Förderung brauchen wir derzeit keine")
NEGATION_AFTER = re.compile(r"^\w*\s+(?:(?:suchen|brauchen|benötigen|wollen|möchten)\s+)?(?:wir|ich|die|sie)\s+"
                            r"(?:gar\s+|überhaupt\s+|erst mal\s+|erstmal\s+|zunächst\s+|derzeit\s+|momentan\s+|aktuell\s+|gerade\s+)?"
                            r"(?:nix|nichts|keine?n?|nicht(?!\s+(?:nur|mehr nur)\b))\b")
# a business that is new or about to open or change hands: no running business to derive "established" from
JUST_OPENED = folded_rx(
    r"\b(?:gerade|kürzlich|vor kurzem|frisch|neu|erst)\s+(?:\w+\s+){0,2}(?:eröffnet|gegründet|übernommen|selbst(?:st)?ändig)|"
    r"(?:wollen|möchten|will|möchte|planen|plane)\s.{0,60}(?:eröffnen|übernehmen|selbst(?:st)?ändig machen)\b|"
    r"\b(?:just|recently|newly)\s+(?:opened|founded|started|took over|set up)|\b(?:plan|want|going) to (?:open|take over)\b",
)
FOUNDING_PLAN = re.compile(
    r"(neugründ|existenzgründ|ausgründ|gründen (?:wollen|möchten)|(?:wollen|möchten|will|möchte|planen|plane) .{0,60}gründen\b|"
    r"gründungs(?:vorhaben|idee|phase|zuschuss|stipendium|bonus|förderung)|zweite\w* gründung|"
    r"found (?:a|another|our|my)|start (?:a|another) (?:new )?(?:company|business)|founding phase)"
)


# A clause about a programme the company used in the past ("Meisterkurs hab ich mit Aufstiegs-BAföG gemacht",
# "we already received EXIST"): history, not a request for it. Not when the sentence asks about it again
# ("... hatten wir schon, geht das nochmal?") or says it was not used ("hatte ich nicht beantragt").
PAST_USE = re.compile(
    r"\b(?:hab|habe|hatte|hatten|haben|hat|wurde|wurden)\b[^.;!?,\n]{0,80}?\b(?:gemacht|bekommen|erhalten|"
    r"genutzt|bezogen|finanziert|bezahlt|gezahlt|gefördert|abgeschlossen|absolviert|durchlaufen|durchgeführt)\b"
    r"|\b(?:gemacht|bekommen|erhalten|genutzt|bezogen|finanziert|bezahlt|gefördert|absolviert)\s+"
    r"(?:haben|hatten|hat|habe|hab|wurde|wurden|worden)\b"  # "..., weil wir schon EXIST bekommen haben"
    r"|\b(?:we|i|they|he|she)\s+(?:already\s+|previously\s+|once\s+)?(?:received|got|used|completed|went through|ran|carried out|conducted|"
    r"financed|paid for)\b"
    # "we have successfully run national projects (ZIM, Pro FIT)"; not the present "we run a bakery"
    r"|\b(?:we|i|they)\s*(?:have|'ve|had)\s+(?:already\s+|previously\s+|successfully\s+|once\s+){0,2}"
    r"(?:received|got|used|completed|run|carried out|conducted|been funded)\b"
    r"|\b(?:was|were)\s+(?:already\s+|previously\s+)?(?:funded|financed|supported)\s+(?:by|through|with)\b",
    re.I)
# where the clause around such a verb ends: punctuation or a conjunction ("... gemacht und arbeite noch angestellt")
CLAUSE_BREAK_LEFT = re.compile(r"[.;!?,\n]|\b(?:and|und|but|aber|sondern)\b", re.I)
CLAUSE_BREAK_RIGHT = re.compile(r"[.;!?,\n]|\b(?:and|und|but|aber|sondern|now|jetzt|nun)\b", re.I)
PAST_USE_ASKS_AGAIN = re.compile(r"\b(?:nochmal|noch einmal|erneut|wieder|again|second time|another|nicht|not|never|nie|"
                                 r"weitere[snm]?|zweites|drittes|nächstes|folgeprojekt\w*|anschlussprojekt\w*|"
                                 r"next|third)\b", re.I)
