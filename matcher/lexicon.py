"""Word lists and patterns that the profile extractor reads company texts with (German and English)."""

from __future__ import annotations

import re

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


MULT = {
    "mrd": 1e9, "milliarde": 1e9, "milliarden": 1e9, "bn": 1e9, "billion": 1e9, "b": 1e9,
    "mio": 1e6, "million": 1e6, "millionen": 1e6, "mill": 1e6, "m": 1e6, "mn": 1e6,
    "tsd": 1e3, "tausend": 1e3, "k": 1e3, "t": 1e3,
}

STAFF_WORDS = (
    r"(?:ma\b|mitar?b[a-zä]*(?::innen|\*innen|_innen)?|beschäftigte[n]?|angestellte[n]?|"
    r"leute|personen|köpfe|fte|vollzeitstellen|stellen|employees?|staff|people|workers|heads|team members|"
    r"persons|fachkräfte|gründer(?:innen)?|founders|co-?founders)"
)
EMP_PATTERNS = [
    re.compile(rf"{_NUM}[- ](?:person|people|employee|staff|mann|köpfig\w*|mitarbeiter)\b(?!s? (?:jahre|years))", re.I),
    re.compile(rf"(?:there are|we are|wir sind)\s+(?:now\s+|jetzt\s+|mittlerweile\s+)?{_NUM}\s+(?:of us|people|persons|leute|personen)", re.I),
    re.compile(rf"{_NUM}\s+of us\b", re.I),
    re.compile(rf"(?:rund |ca\.? |circa |etwa |about |around |approx\.? |~)?{_NUM}\s*\+?\s*{STAFF_WORDS}", re.I),
    re.compile(rf"(?:team|belegschaft|workforce|headcount|staff|mitarbeiterzahl|beschäftigtenzahl)\s*(?:von|of|aus|:|=|ist|is|with)?\s*(?:rund |ca\.? |etwa |about |around )?{_NUM}\b", re.I),
    re.compile(rf"{STAFF_WORDS}\s*[:=]\s*{_NUM}", re.I),
    re.compile(rf"(?:wir sind|we are|sind wir)\s+(?:rund |ca\.? |etwa |about |around )?{_NUM}\b(?!\s*(?:jahre|years|%|prozent))", re.I),
]
EMP_WORDS = {
    "ein-personen": 1, "einzelunternehmer": 1, "solo": 1, "allein": 1, "zu zweit": 2, "zu dritt": 3,
    "zu viert": 4, "zu fünft": 5,
}
NUMBER_WORDS = {
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "zwölf": 12, "zwanzig": 20, "dreißig": 30, "fünfzig": 50, "hundert": 100,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "twelve": 12, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100,
}

TURNOVER = re.compile(
    rf"(?:umsatz|jahresumsatz|umsätze|turnover|revenue|revenues|sales)\s*(?:von|of|:|=|ca\.?|rund|etwa|about|around|liegt bei|is|beträgt|~)?\s*"
    rf"(?:ca\.?\s*|rund\s*|etwa\s*|about\s*|around\s*)?(?:€|eur|euro)?\s*{_NUM}\s*"
    rf"(mrd\.?|milliarden?|bn|billion|mio\.?|millionen|million|mill\.?|mn|m|tsd\.?|tausend|k)?\b",
    re.I,
)
TURNOVER_AFTER = re.compile(
    rf"(?:€|eur|euro)?\s*{_NUM}\s*(mrd\.?|milliarden?|bn|billion|mio\.?|millionen|million|mill\.?|mn|m|tsd\.?|tausend|k)\s*"
    rf"(?:€|eur|euro)?\s*(?:jahres)?(?:umsatz|turnover|revenue|sales|in sales|in revenue)",
    re.I,
)

# ---------------------------------------------------------------- age / founding

FOUNDED_YEAR = re.compile(
    r"(?:gegr(?:ündet|\.)?|gründung(?:sjahr)?|founded|established|est\.|incorporated|seit|since|am markt seit|gegründet im jahr|gegründet in)\s*(?:im jahr\s*|in\s*)?((?:19|20)\d{2})\b",
    re.I,
)
AGE_YEARS = re.compile(
    rf"(?:seit|since|(?:been|running|operating|existed|existing|in business|active|am markt)[\w\s]{{0,50}}?\bfor)\s*"
    rf"(?:über\s*|mehr als\s*|rund\s*|gut\s*|knapp\s*|fast\s*|over\s*|more than\s*|about\s*|like\s*|around\s*|almost\s*|nearly\s*)?{_NUM}\s*(jahren|jahre|years?|monaten|monate|months?|wochen|weeks)",
    re.I,
)
AGE_AGO = re.compile(
    rf"(?:gegründet|gegr\.|gründung|founded|incorporated|started|established)\s*(?:vor|in)?\s*(?:rund\s*|etwa\s*|ca\.\s*)?{_NUM}\s*(jahren|jahre|monaten|monate|wochen|years?|months?|weeks?)(?:\s*ago)?",
    re.I,
)
AGE_AGO2 = re.compile(
    rf"(?:{_NUM}\s*(years?|months?|weeks?)\s+ago|vor\s+{_NUM}\s*(jahren|monaten|wochen)\s+(?:gegründet|gestartet))", re.I
)
AGE_OLD = re.compile(
    rf"{_NUM}\s*(jahre|years?|monate|months?)\s*(?:alt|old|am markt|on the market|in business|im geschäft)", re.I
)
AGE_HYPHEN = re.compile(r"(\d+)-(?:year|jahr|jährig)", re.I)

PRE_FOUNDING = re.compile(
    r"(noch nicht gegründet|noch keine (?:gmbh|ug|firma|gesellschaft)|not (?:yet )?incorporated|vor der gründung|vorgründung|gründen wollen|(?:will|wollen|möchte|möchten|plane|planen) .{0,80}gründen|"
    r"gründen (?:will|wollen|möchte|möchten)|(?:gmbh|ug|firma|unternehmen) gibt es (?:noch )?nicht|(?:ein|eine) start-?up (?:machen|aufbauen|starten)|"
    r"doktorand\w* .{0,80}(?:gründ|start-?up|ausgründ)|studentin .{0,80}gründ|student .{0,80}gründ|"
    r"planen .{0,40}gründung|plane .{0,40}gründung|gründungsvorhaben|gründungsidee|gründungsteam|geschäftsidee|ausgründen|"
    r"ausgründung planen|not (?:yet )?(?:founded|incorporated)|pre-?founding|pre-?seed team|founding team|"
    r"want to (?:found|start|launch|set up) (?:a|an|our|my) (?:[\w-]+ ){0,3}(?:company|business|startup|start-up|firm)|"
    r"plan(?:ning)? to (?:found|start|incorporate|open)|(?:open|start) (?:my|our) own (?:business|company|workshop|shop)|"
    r"(?:mit einer eigenen|eigene) (?:werkstatt|firma|betrieb) .{0,30}selbst|"
    r"before founding|business idea|wir sind .{0,30}studierende|we are .{0,30}students|spin-?off (?:project|team)|"
    r"as a team of researchers|forschungsteam .{0,40}gründ|selbstständig machen|selbständig machen|going to start a business)",
    re.I,
)
STARTUP = re.compile(r"\b(start-?up|jungunternehmen|junges unternehmen|young company|neu gegründet|newly founded|frisch gegründet)\b", re.I)

# ---------------------------------------------------------------- organisation type

RESEARCH = re.compile(
    r"\b(forschungseinrichtung|forschungsinstitut|institut für|institute of|institute for|lehrstuhl|fachgebiet|"
    r"hochschule(?! für technik und wirtschaft als partner)|universität|university|fraunhofer|leibniz|helmholtz|max-planck|"
    r"research institute|research institution|research group|forschungsgruppe|arbeitsgruppe|professur|chair of)\b",
    re.I,
)
RESEARCH_AS_SELF = re.compile(
    r"\b(wir sind (?:ein|eine|das|die) (?:[\w-]+ ){0,2}(?:[\w-]*-)?(?:forschungs|institut|hochschul|universit|lehrstuhl|fachgebiet|arbeitsgruppe)|"
    r"wir sind (?:ein|eine|das|die) [\w-]+(?:institut|hochschule|universität)\b|"
    r"we are (?:a|an|the) (?:[\w-]+ )?(?:research|university|institute|chair)|unser (?:institut|lehrstuhl|fachgebiet)|"
    r"our (?:institute|chair|lab|research group)|unsere (?:arbeitsgruppe|forschungsgruppe|nachwuchsgruppe)|als (?:forschungseinrichtung|hochschule|institut)|"
    r"as a (?:research|university)|ich (?:bin|leite) .{0,30}(?:professor|lehrstuhl|fachgebiet|institut)|"
    r"i (?:am|lead|head) .{0,30}(?:professor|chair|institute|research group))",
    re.I,
)
PARTNER_RESEARCH = re.compile(
    r"\b(mit (?:der|dem|einer|einem) (?:tu|fu|hu|bht|htw|hwr|uni|universität|hochschule|fraunhofer|institut|forschungs\w*)|"
    r"zusammen mit (?:der|dem) \w+|mit (?:tu|fu|hu|bht|htw) berlin|mit fraunhofer|with (?:the )?(?:tu|technical university|university|fraunhofer|institute|a research)|"
    r"together with (?:the )?\w+ (?:university|institute)|forschungspartner|research partner|hochschulpartner|"
    r"in kooperation mit (?:der|dem|einer) \w+|kooperation mit (?:der )?(?:tu|fu|hu|bht|htw|uni))",
    re.I,
)
NO_PARTNER = re.compile(r"(ohne (?:forschungs)?partner|keinen (?:forschungs)?partner|allein entwickeln|no (?:research )?partner|on our own)", re.I)

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
NOT_IN_BERLIN = re.compile(
    r"(nicht in berlin|außerhalb (?:von )?berlins?|not (?:based )?in berlin|outside (?:of )?berlin|"
    r"(?:umzug|ansiedlung|ansiedeln|verlagern|relocat\w*|move|moving|expand\w*) (?:nach|to) berlin|nach berlin (?:ziehen|umziehen|kommen|verlagern))",
    re.I,
)

# ---------------------------------------------------------------- needs and instruments

NEED_PATTERNS: dict[str, str] = {
    "rnd": r"(forschung|entwick|f&e|fue\b|r&d|research|develop|prototyp|innovat|neuartig|novel|pilotanlage|pilot plant|"
           r"demonstrator|machbarkeit|feasibility|erfind|invent|patent|technolog|verbundprojekt|forschungsprojekt|testen|erproben)",
    "investment": r"(investi|invest\b|maschinen(?!bau)|maschine\b|machines?\b(?! builder| building)|anschaff|beschaff|kaufen|purchase|ausrüstung|equipment|halle|neubau|"
                  r"erweiter|expan|kapazität|capacity|produktionslinie|production line|fertigungslinie|new site|ansiedl|"
                  r"neuen standort|fertigung automatisieren|automate (?:our|the) production)",
    "skills": r"(fachkräft|skilled|personal|einstell|hiring|hire\b|recruit|weiterbild|qualifizier|schulung|training|"
              r"meister machen|meisterkurs|meisterschule|aufstiegsfortbildung|berufsbegleitend|fortbildung|"
              r"ausbild|azubi|apprentic|mitarbeit\w* gewinnen|talent|upskill|reskill|kompetenz)",
    "internationalisation": r"(export|international|ausland|abroad|foreign|messe|trade fair|trade show|neue märkte|new markets|"
                            r"weltmarkt|usa\b|china|asien|asia)",
    "energy_resources": r"(energie|energy|strom|electricity|wärme|heat|dekarbon|decarbon|co2|co₂|klima|climate|emission|"
                        r"ressource|resource|effizien|efficien|kreislauf|circular|recyc|rezykl|abfall|waste|mehrweg|reusable|"
                        r"material\w*einsparung|nachhaltig|sustainab|wasserstoff|hydrogen|photovoltaik|solar)",
    "founding": r"(gründ|found|start-?up|ausgründ|spin-?off|existenzgründ|selbstständig|selbständig|pre-?seed|seed)",
    "financing": r"(finanzier|financ|kredit|credit|darlehen|loan|kapital|capital|liquidität|liquidity|investor|beteiligung|wachstumsphase|"
                 r"skalier|to scale|scale up|scale-up|non-dilutive|money|"
                 r"geld|money|bürgschaft|guarantee|eigenkapital|equity|wachstumsfinanz|betriebsmittel|working capital|"
                 r"vorfinanz|sicherheiten|collateral|finanzierungsrunde|funding round|cash)",
    "advice": r"(berat|advice|advis|consult|coaching|coach|mentor|orientierung|guidance|unterstützung bei|hilfe bei|wer hilft|hilft uns|"
              r"who (?:can )?helps?|who do we talk|wie geht das|wie funktioniert|beim antrag|antragstellung|audit|"
              r"help with|wer kann helfen|ansprechpartner|contact person|förderberatung|fördermittelberatung|"
              r"welche förder|which funding|überblick|overview|keine ahnung|no idea|wo anfangen|where to start)",
    "partners": r"(partner|kooperation|cooperat|collaborat|netzwerk|network|vernetz|austausch|exchange|matchmaking|"
                r"verbund|konsortium|consortium|kontakt|contacts|mit der tu|mit der hu|mit der fu|mit der bht|"
                r"with (?:the )?tu|hochschule|university|institut)",
    "digitalisation": r"(digital|software|\bit-|\bit sicherheit|cyber|\bki\b|\bki-|künstliche intelligenz|\bai\b|artificial intelligence|"
                      r"\bdaten|\bdata\b|cloud|\berp\b|plattform|platform|\biot\b|\bapp\b|automatisier|robot|gehackt|hacker|ransomware)",
    "succession": r"(nachfolg|succession|übergabe|handover|übernahme|takeover|ruhestand|retire|nachfolger|successor)",
}
NEED_RE = {k: re.compile(v, re.I) for k, v in NEED_PATTERNS.items()}

INSTRUMENT_PATTERNS: dict[str, str] = {
    "grant": r"(zuschuss|zuschüsse|zuschüssen|grant|förderzuschuss|nicht rückzahlbar|non-repayable|non-dilutive|subsid|fördergeld|förderquote|prämie|bonus\b|incentive)",
    "loan": r"(darlehen|kredit|credit|loan|förderkredit|fremdkapital|debt)",
    "equity": r"(beteiligung|eigenkapital|equity|venture|wagniskapital|risikokapital|investor|\bvc\b|business angel|"
              r"finanzierungsrunde|funding round|seed-?runde|seed round|series a)",
    "guarantee": r"(bürgschaft|buergschaft|guarantee|sicherheiten fehlen|keine sicherheiten|sicherheiten.{0,60}(?:haben wir nicht|fehlen|nicht)|no collateral|lack collateral|without collateral)",
    "tax_credit": r"(steuerlich|steuer|tax credit|tax incentive|forschungszulage|research allowance)",
    "advice": r"(beratung|berater|advice|consulting|coaching|mentoring|audit)",
    "training": r"(weiterbild|schulung|schulen|qualifizier|training|lehrgang|course|upskill)",
    "scholarship": r"(stipendium|scholarship|stipend)",
    "prize": r"(preis|wettbewerb|award|prize|competition|challenge)",
    "network": r"(netzwerk|network|cluster)",
}
INSTR_RE = {k: re.compile(v, re.I) for k, v in INSTRUMENT_PATTERNS.items()}
NEG_INSTR = re.compile(
    r"(?:kein(?:e|en)?|no|not|without|ohne|nicht)\s+(?:\w+\s+){0,2}?(zuschuss|darlehen|kredit|loan|credit|beteiligung|equity|investor\w*|"
    r"verwässerung|dilution|schulden|debt)", re.I,
)

LARGE_WORDS = re.compile(r"\b(konzern|großunternehmen|grossunternehmen|large (?:company|enterprise|corporation)|corporate group|dax)\b", re.I)
SME_WORDS = re.compile(r"\b(kmu|sme|smes|mittelständ\w*|mittelstand|kleinunternehmen|small business|kleines unternehmen|familienunternehmen|handwerksbetrieb)\b", re.I)

INDIVIDUAL = re.compile(
    r"(ich arbeite als|ich bin (?:angestellt|arbeitnehmer\w*|beschäftigt)|i work as|i am employed|as an employee|"
    r"(?:ich|i) (?:will|möchte|want to|would like to) .{0,60}(?:übernehmen|take over|buy (?:a|an|the) (?:company|business))|"
    r"(?:ich bin|i am|i'm) (?:business angel|privatinvestor|private investor)|meinen (?:meister|techniker) machen)",
    re.I,
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
ESTABLISHED = re.compile(
    r"(familienunternehmen|familienbetrieb|traditionsunternehmen|in (?:zweiter|dritter|vierter) generation|seit generationen|"
    r"mittelständler|mittelständisches|konzern|werk eines|standort eines|family business|family-owned|long-established|"
    r"third generation|second generation|established company|etabliert)",
    re.I,
)
