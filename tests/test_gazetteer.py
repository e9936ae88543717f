"""Berlin gazetteer: place names, postcodes, and the seat versus a market or partner."""

import pytest
import yaml

from matcher.gazetteer import DATA, bezirk_of, find_places, is_berlin, locate, postcode_region, read_location, role_of


def test_the_data_file_lists_12_bezirke_and_96_ortsteile():
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    bezirke = data["berlin"]["bezirke"]
    assert len(bezirke) == 12
    ortsteile = [o for names in bezirke.values() for o in names]
    assert len(ortsteile) == 96
    assert len(set(ortsteile)) == 96


@pytest.mark.parametrize("name,bezirk", [
    ("Adlershof", "Treptow-Köpenick"), ("Wedding", "Mitte"), ("Prenzlauer Berg", "Pankow"),
    ("Siemensstadt", "Spandau"), ("Märkisches Viertel", "Reinickendorf"), ("Friedrichshain-Kreuzberg", "Friedrichshain-Kreuzberg"),
])
def test_ortsteile_know_their_bezirk(name, bezirk):
    assert bezirk_of(name) == bezirk


@pytest.mark.parametrize("text,name", [
    ("Unsere Werkstatt liegt in Weissensee", "Weißensee"),
    ("Büro in Prenzl. Berg", "Prenzl. Berg"),
    ("Wir sitzen im Koepenicker Gewerbehof", "Köpenick"),
    ("Labor auf dem EUREF-Campus", "EUREF-Campus"),
    ("Fertigung im CleanTech Business Park", "CleanTech Business Park"),
    ("Wir ziehen in die Urban Tech Republic", "Urban Tech Republic"),
    ("Biotech-Firma am Campus Buch", "Campus Buch"),
])
def test_spellings_and_sites_are_found(text, name):
    assert name in [p.name for p in find_places(text)]


@pytest.mark.parametrize("text", [
    "Der Tisch steht in der Mitte des Raums",
    "Bis Mitte 2027 wollen wir fertig sein",
    "Wir lesen ein Buch über Förderung",
    "a wedding photographer looking for a grant",
    "Let us know what fits",
    "Wir essen gerne in der Kantine",
])
def test_common_words_are_not_places(text):
    assert find_places(text) == []


@pytest.mark.parametrize("text", [
    "Ingenieurbüro in Berlin-Mitte", "Metallbau im Wedding", "Start-up aus Mitte", "Labor in Buch",
])
def test_ambiguous_names_count_with_a_locative_word(text):
    assert read_location(text)[1] is True


@pytest.mark.parametrize("n,region", [(10115, "berlin"), (12489, "berlin"), (13629, "berlin"), (14195, "berlin"),
                                      (12529, "brandenburg"), (12526, "berlin"), (12524, "berlin"), (14467, "brandenburg"), (15517, "brandenburg"), (3046, "brandenburg"),
                                      (80331, "germany"), (20095, "germany")])
def test_postcode_regions(n, region):
    assert postcode_region(n) == region


def test_a_schoenefeld_address_is_outside_berlin():
    assert read_location("Unser Betrieb: Hans-Grade-Allee 5, PLZ 12529.")[1] is False


def test_a_postcode_with_plz_or_an_address_counts():
    assert read_location("Firmensitz: PLZ 12489")[:2] == ("berlin", True)
    assert read_location("Adresse: Rudower Chaussee 17, 12489")[:2] == ("berlin", True)
    assert find_places("Wir haben 12500 Euro Eigenkapital") == []
    assert find_places("Wir sind 12000 Mitarbeiter stark") == []
    assert read_location("Sitz: 12489")[:2] == ("berlin", True)
    assert read_location("Büro in 10997, 5 MA")[:2] == ("berlin", True)
    assert read_location("Firma, 14467 Potsdam")[:2] == ("brandenburg", False)
    assert read_location("Werk in 38440 Wolfsburg") == ("germany", False, True)
    assert read_location("Kunden in 80331 München") == (None, None, None)


@pytest.mark.parametrize("text,loc,in_berlin", [
    ("Sitz in Potsdam, Kunden in Berlin", "brandenburg", False),
    ("Wir sitzen in Spandau und verkaufen bundesweit", "berlin", True),
    ("wir sitzen in Spandau und verkaufen nach Bayern", "berlin", True),
    ("Wir sitzen in Spandau und exportieren in die USA", "berlin", True),
    ("Tischlerei in Köpenick, 6 MA", "berlin", True),
    ("Software-Firma aus Hamburg, Partner in Berlin", "hamburg", False),
    ("Firma aus Potsdam, wir suchen eine Berliner Hochschule als Partner", "brandenburg", False),
    ("Ingenieurbüro mit Sitz in Falkensee, wir arbeiten fast nur für Berliner Bauherren", "brandenburg", False),
    ("Our HQ is in Munich, but we run an R&D site in Berlin-Charlottenburg", "berlin", True),
    ("Automobilzulieferer aus Ludwigsfelde (Brandenburg), 40 MA", "brandenburg", False),
    ("Wir sind ein kleines Münchner Unternehmen", "münchen", False),
    ("Start-up aus Frankfurt (Oder)", "brandenburg", False),
    ("Firma aus Frankfurt am Main", "frankfurt am main", False),
    ("Büro am Potsdamer Platz", "berlin", True),
    # a street named after a town, abbreviated: the district names the seat
    ("Werkstatt in der Dresdener Str., Kreuzberg", "berlin", True),
    ("Wir sind hier in der Hauptstadt ansässig, 12 MA", "berlin", True),
    ("A robotics start-up based in the German capital", "berlin", True),
    # a postcode after the seat word, the writer's own "Berliner" firm whatever it sells where
    ("Mandant: GmbH, Sitz 12489, Lasertechnik, 12 MA", "berlin", True),
    ("Unser Berliner SaaS-Unternehmen verkauft fast nur an Maschinenbauer in Baden-Württemberg.", "berlin", True),
    # elsewhere: a partner institution, an accelerator, a planned second plant or HQ in Berlin is no seat
    ("Unser Unternehmen mit Sitz in Hennigsdorf plant ein Forschungsprojekt mit der HTW Berlin.", "brandenburg", False),
    ("We're a Munich GmbH and just got accepted into an accelerator programme in Berlin.", "munich", False),
    ("Unser Büro liegt in Schönefeld. Wir wollen an einem Berliner Accelerator teilnehmen.", "brandenburg", False),
    ("Client: GmbH in Teltow, 60 FTE. Plans a second plant at the CleanTech Business Park Marzahn.", "brandenburg", False),
    ("We are a cybersecurity company from Tel Aviv thinking about opening our European HQ in Berlin.", None, False),
    # a move to Berlin that is done, a seat that was, the group's seat, a co-founder's home, a trade fair
    ("We were founded in Hamburg and had our registered seat there until last year, when we moved the whole company "
     "to Berlin-Mitte.", "berlin", True),
    ("Die Gesellschaft hatte bis Ende 2023 ihren Sitz in Hamburg; 2024 wurde der Sitz nach Berlin verlegt.", "berlin", True),
    ("Wir sind die Tochter einer Unternehmensgruppe mit Hauptsitz in Paris; unsere GmbH sitzt auf dem EUREF-Campus.",
     "berlin", True),
    ("Ein Mitgründer sitzt eigentlich noch halb in Breslau. Gegründet haben wir im Motorwerk in Weißensee.", "berlin", True),
    ("Nächsten Monat stehen wir in Hannover auf der Messe; unsere Werkstatt ist in Neukölln.", "berlin", True),
    ("We're a start-up from Vienna and will show our speaker at IFA in Berlin.", "vienna", False),
    # researchers at a Berlin university are in Berlin
    ("Wir sind drei Doktoranden an der TU Berlin und wollen ein Start-up machen.", "berlin", True),
    ("US-based manufacturer planning to open a production site in Berlin", "us", False),
    ("We are thinking about moving our HQ from Hamburg to Berlin", "hamburg", False),
    # an abbreviation's full stop ends no clause: the customers stay customers
    ("Schlosserei, 14 MA, Hellersdorf; Kunden v.a. in Brandenburg und Sachsen", "berlin", True),
    ("Tischlerei in Köpenick. Kunden z. B. in Potsdam.", "berlin", True),
    ("Sitz: Potsdam. Kunden u.a. in Berlin.", "brandenburg", False),
    # the place before the company noun names the writer's company
    ("I am CEO and co-founder of a Berlin start-up (GmbH since 2022).", "berlin", True),
    ("We are a Berlin hardware start-up building sorting robots.", "berlin", True),
    # a company the writer looks for or supplies is not its seat
    ("We are a Danish SME and look for a partner, possibly also a Berlin company.", "denmark", False),
    ("We supply a Berlin start-up with sensors. Our seat is in Munich.", "munich", False),
    # a person's nationality is no seat
    ("We are two founders (one French, one German); one Berlin hospital runs our pilot.", "berlin", True),
    # an acronym is not the town written in capitals (IBB Ventures is no town Ibb in Yemen)
    ("We are a Berlin start-up and received a convertible loan from IBB Ventures.", "berlin", True),
    # the seat named with a site across "und" is explicit; the city border is no seat; a misspelt programme is a name
    ("Sitz und Fertigung in Dahlewitz, direkt hinter der Berliner Stadtgrenze. Ich wohne in Zehlendorf.",
     "brandenburg", False),
    ("HQ and production in Lyon; I live in Kreuzberg.", "lyon", False),
    ("Wir sind in Hoppegarten. Lohnt sich der Berliner Investitonsbonus?", "brandenburg", False),
    # the writer's home and the firms it supplies or knows are not the seat; the home is when nothing else is named
    ("Fleischerei in Ludwigsfelde. Wir beliefern Supermärkte in Berlin – ich selbst wohne auch in Berlin.",
     "brandenburg", False),
    ("Wir sind eine Fleischerei in Ludwigsfelde. Ein befreundeter Bäcker aus Neukölln hat Geld aus BENE bekommen.",
     "brandenburg", False),
    ("Ich wohne in Pankow und will mich mit Schmuck selbstständig machen.", "berlin", True),
    ("Wir sind eine bekannte Bäckerei in Neukölln, 12 Leute.", "berlin", True),
    # the Berlin plant of a group whose German company is registered elsewhere: the plant is in Berlin
    ("We are the Berlin-Spandau plant of a Swedish packaging group. Our German GmbH has its registered office in "
     "Hamburg; the Berlin plant has 185 employees.", "berlin", True),
    ("Our GmbH has its registered office in Hamburg. We run a small sales office.", "hamburg", False),
])
def test_the_seat_not_the_market(text, loc, in_berlin):
    got = read_location(text)
    assert (got[0], got[1]) == (loc, in_berlin)


@pytest.mark.parametrize("text", [
    "Vertrieb in Brandenburg, 20 MA", "Partner in München", "Kunden in ganz Europa",
    "Wir waren auf der Messe in Hannover", "Büro an der Potsdamer Straße",
    "Gewerbehof in der Lausitzer Str.", "Das kommt in der Mitte des Jahres",
])
def test_markets_partners_and_streets_are_never_the_seat(text):
    assert read_location(text) == (None, None, None)


def test_is_berlin_for_labels_and_names():
    assert is_berlin("Köpenick") is True
    assert is_berlin("berlin") is True
    assert is_berlin("Potsdam") is False
    assert is_berlin("brandenburg") is False
    assert is_berlin("Xyzzyhausen") is None
    assert is_berlin("Tuttlingen") is False  # not in the list: the GeoNames table (world.py)


@pytest.mark.parametrize("text,expected", [
    ("Wir sitzen am BER", (None, None, None)),             # the airport: no seat is certain
    ("Logistikfirma im Berliner Umland, 30 MA", ("brandenburg", False, True)),
    ("Firma aus Gera, 40 MA", ("gera", False, True)),
    ("Fleischerei mit 22 Filialen in der Börde (Sachsen-Anhalt)", ("börde", False, True)),
])
def test_airport_surroundings_and_other_regions(text, expected):
    assert read_location(text) == expected


@pytest.mark.parametrize("text,planned", [
    ("US-based medtech maker considering opening its first EU production site in Berlin", True),
    ("We are in Hamburg and are thinking about moving our HQ to Berlin.", True),
    ("Wir sind aus München und planen den Umzug nach Berlin.", True),
    ("Wir wollen unseren Sitz nach Berlin verlagern.", True),
    ("Maschinenbauer aus Stuttgart, wir liefern viel nach Berlin.", False),
    ("Wir verkaufen an Kunden in Berlin und Brandenburg.", False),
    ("Unser Werk in Spandau wird erweitert.", False),
    # a site search with Berlin on the shortlist
    ("Korean maker, HQ in Ulsan. We evaluate a site for our first European plant. Candidates are Berlin, Hungary and "
     "Poland.", True),
    ("Berlin ist einer der Kandidaten für unser neues Werk.", True),
    ("We consider Berlin as a location for our EU hub.", True),
    ("Our customers are in Berlin, Hungary and Poland.", False),
    # "our" names the new site when the company opens it
    ("Robotics start-up from Pittsburgh. We have decided to open our EU headquarters in Berlin in 2027.", True),
    ("Wir wollen unsere erste Niederlassung in Berlin eröffnen.", True),
    ("We are opening our second site in Spandau.", False),
    # a firm from Brandenburg opening a second production in Berlin ("aufmachen", "Fertigung")
    ("Elektronikfertiger aus Wildau in Brandenburg, 70 MA. Wir wollen 2027 in Berlin-Schöneweide eine zweite Fertigung "
     "aufmachen. Der Hauptsitz bleibt in Wildau.", True),
    ("Wir sind aus Wildau und haben Kunden in Berlin, die Fertigung bleibt in Wildau.", False),
    # moving the production there ("verlegen"), not a delivery to Adlershof
    ("Unternehmen sitzt in Teltow, GmbH seit 2011, 38 MA. GF erwägt, Entwicklung + Fertigung komplett nach Adlershof "
     "zu verlegen.", True),
    ("Wir liefern unsere Geräte nach Adlershof, Sitz ist Teltow.", False),
    # a site still weighed ("evaluating", "prüfen einen Standort")
    ("Dutch maker of compounds, HQ near Eindhoven, 90 staff. We are evaluating a second plant in Berlin with 30 jobs.",
     True),
    ("Wir sind ein Maschinenbauer aus Stuttgart und prüfen einen zweiten Standort in Berlin-Marzahn.", True),
    ("Wir sind ein Maschinenbauer aus Spandau und prüfen einen zweiten Standort in Brandenburg.", False),
])
def test_a_planned_berlin_site_is_told_from_a_market(text, planned):
    assert locate(text).planned_berlin_site is planned


@pytest.mark.parametrize("text,label,in_berlin,planned", [
    # the company itself moves: the Berlin HQ it names is the new one
    ("We are a start-up from Lyon (SAS, founded 2021, 14 people). We decided to move the company and the whole team "
     "to Berlin next spring (new GmbH, HQ in Berlin).", "lyon", False, True),
    ("Wir sind aus München und verlagern unseren Firmensitz nach Berlin, das neue Büro in Berlin-Mitte ist gemietet.",
     "münchen", False, True),
    # the verb last, with an office in Berlin already in mind
    ("Spielestudio aus Spanien, 14 Personen. Wir möchten mit dem Studio nach Berlin umziehen und denken an ein "
     "Büro in Kreuzberg.", "spanien", False, True),
    # a company already in Berlin that moves within Berlin stays a Berlin company
    ("Wir sind ein Betrieb in Kreuzberg und ziehen mit der Firma nach Berlin-Spandau um.", "berlin", True, False),
    # Berlin on the shortlist of a firm from abroad: the districts it looks at are the planned site, not its seat
    ("We are a family-owned company from Bilbao, Spain. We plan to open our first production site outside Spain – "
     "Berlin is on our shortlist together with Hamburg and Leipzig (we are looking at sites in Marzahn).",
     "bilbao", False, True),
])
def test_a_company_moving_to_berlin_is_not_yet_there(text, label, in_berlin, planned):
    loc = locate(text)
    assert (loc.label, loc.in_berlin, loc.planned_berlin_site) == (label, in_berlin, planned)


@pytest.mark.parametrize("text,in_berlin", [
    # where the staff live is not where the firm sits
    ("Unsere Feinkostmanufaktur sitzt in Hoppegarten. Die meisten unserer Leute wohnen übrigens in Berlin.", False),
    ("We are a bakery in Potsdam; most of our staff live in Berlin.", False),
    ("Wir sind eine Tischlerei in Berlin, 12 Leute.", True),
])
def test_where_the_staff_live_is_no_seat(text, in_berlin):
    assert locate(text).in_berlin is in_berlin


# ---------------------------------------------------------------- places beyond the list (world.py, GeoNames)

@pytest.mark.parametrize("text,expected", [
    ("Wir sind ein Grazer Start-up und haben ein Ladesystem entwickelt.", ("graz", False, False)),
    ("Wir sind ein Medizintechnik-Unternehmen aus Galway.", ("galway", False, False)),
    ("Wir errichten bei Lyon eine Bioraffinerie.", ("lyon", False, False)),
    ("We are a Lyon-based start-up building batteries.", ("lyon", False, False)),
    ("Mittelständler mit Sitz in Tuttlingen, 120 MA", ("tuttlingen", False, True)),
    ("Wir sind Masterabsolventen der Hochschule Worms und entwickeln eine Software.", ("worms", False, True)),
    ("Wir sind ein Deep-Tech-Start-up aus den Niederlanden.", ("niederlanden", False, False)),
    ("Wir sind ein Forscherteam der Universität des Saarlandes.", ("saarland", False, True)),
    ("Wir sind ein Maschinenbauer aus Metzingen mit 80 MA.", ("metzingen", False, True)),  # 22,000 inhabitants
    ("We are an Irish medtech start-up.", ("ireland", False, False)),
    ("Wir sind ein Familienunternehmen im Landkreis Tuttlingen.", ("tuttlingen", False, True)),
    ("Wir sind ein Essener Energieversorger.", ("essen", False, True)),
    ("Wir sind eine Ausgründung der Charité.", ("berlin", True, True)),
    ("Wir sind ein tschechisches Unternehmen.", ("tschechien", False, False)),
    # a studio, agency or workshop is a firm too, also at the end of a compound
    ("Ich bin Mitgründer und Produzent von einem Spielestudio aus Valencia, Spanien.", ("valencia", False, False)),
    ("We are a small design agency from Porto.", ("porto", False, False)),
])
def test_towns_beyond_the_list_are_read_where_they_say_where_the_company_is(text, expected):
    assert read_location(text) == expected


@pytest.mark.parametrize("text", [
    "Wir sind ein Team aus Ende und Anfang.",          # Ende (Indonesia) is a word here
    "Our workshop in March 2026 went well.",          # March (England)
    "Wir liefern Möbel aus Holz.",
    "Wir sind ein indisches Restaurant und wollen eine zweite Filiale eröffnen.",  # a cuisine, not a seat
    "We are a Greek food start-up.",
    "Wir sind ein Start-up aus Speicher und Sensorik.",   # Speicher (CH) is mostly a word: not in the table
    "Wir sind in Central Europe tätig.",
    "Wir arbeiten mit der Universität Freiburg zusammen.",  # a partner, not the seat
])
def test_ordinary_words_and_partners_are_no_seat(text):
    assert read_location(text) == (None, None, None)


def test_a_berlin_company_with_customers_or_a_fair_elsewhere_stays_in_berlin():
    assert read_location("Wir sind ein Berliner Start-up, Kunden in Lyon.")[1] is True
    assert read_location("Wir wollen auf einer Fachmesse in Chicago ausstellen. Sensorhersteller, 50 MA, Berlin.")[1] is True


@pytest.mark.parametrize("text,label,in_berlin", [
    # a programme or institution named with Berlin is no seat
    ("Wir sind drei Mitarbeiter der Uni Potsdam und wollen in Potsdam-Golm gründen. "
     "Wir haben vom Berliner Startup Stipendium gehört", "brandenburg", False),
    ("Ist Berlin Start etwas für uns? Wir wohnen in Potsdam", "brandenburg", False),
    ("Gibt es die Digitalprämie Berlin noch? Wir sitzen in Leipzig", "leipzig", False),
    # said in so many words
    ("Our company is based in Hamburg. Most customers are machine shops in Berlin. "
     "We don't have an office in Berlin.", "hamburg", False),
    ("Wir haben kein Büro in Berlin, sitzen in Dresden", "dresden", False),
    # a Berlin start-up is still one
    ("Wir sind ein Berliner Start-up", "berlin", True),
    ("Wir sind ein Berliner Startup mit 5 Leuten", "berlin", True),
])
def test_names_and_denials_are_no_berlin_seat(text, label, in_berlin):
    loc = read_location(text)
    assert (loc[0], loc[1]) == (label, in_berlin)


@pytest.mark.parametrize("text,site", [
    ("Wir sind ein Food-Start-up aus Berlin (Büro in Kreuzberg). Eine passende Halle haben wir in Ludwigsfelde gefunden.",
     "brandenburg"),
    ("Wir sind ein Maschinenbauer aus Spandau mit 80 MA und wollen ein zweites Werk in Polen errichten.", "polen"),
    ("We are a Berlin battery start-up and plan to build our first factory in Brandenburg an der Havel.", "brandenburg"),
    # a market, a fair or a site in Berlin is no project site elsewhere
    ("Wir sind ein Maschinenbauer aus Spandau und liefern an Kunden in Polen.", None),
    ("Wir sind eine Tischlerei in Köpenick und waren auf der Messe in Hannover.", None),
    ("Berliner GmbH mit Werk in Ludwigsfelde, wir wollen in Berlin eine neue Halle bauen.", None),
])
def test_a_berlin_company_investing_in_a_site_elsewhere(text, site):
    loc = locate(text)
    assert loc.in_berlin is True
    assert loc.site_outside_berlin == site


@pytest.mark.parametrize("text,in_berlin", [
    ("Feinwerktechnik GmbH, Bln-Adlershof, 55 MA, ca. 70 % Absatz außerhalb Berlin/Brandenburg", True),
    ("Wir sitzen in Bln-Mitte und verkaufen überwiegend außerhalb Berlins", True),
    ("Wir sind nicht in Berlin, sondern in Potsdam", False),
])
def test_sales_outside_berlin_are_no_seat_outside_and_bln_is_berlin(text, in_berlin):
    assert locate(text).in_berlin is in_berlin


@pytest.mark.parametrize("text,in_berlin", [
    ("Wir sind ein Metallbetrieb in Marienfelde, unsere Kunden sitzen überwiegend in Süddeutschland und Skandinavien.", True),
    ("Our clients are based in Hamburg; we are a Berlin company.", True),
    ("Wir sind in München ansässig.", False),
    # a list of customers between the delivery verb and the place ("und" and commas do not cut the clause)
    ("Fleischerei in Ludwigsfelde. Wir beliefern vor allem Supermärkte und Wochenmärkte in Berlin.", False),
    ("Saftkelterei in Teltow, wir beliefern Getränkemärkte, Gastronomie und Kantinen in Berlin.", False),
    ("Wir verkaufen Brot und Kuchen in Berlin.", True),
    ("Wir beliefern Hotels, unser Werk ist in Berlin.", True),
    ("Wir liefern an Kunden in Hamburg und Bremen, Firmensitz in Berlin.", True),
    # a bracket after the place says it is another party's ("a converter in Neukölln (our biggest customer)")
    ("We are a Potsdam company. Most of our customers are in Berlin – a packaging converter in Neukölln (our biggest "
     "customer), two bakery chains.", False),
    ("Wir sind ein Betrieb aus Teltow; eine Gießerei in Spandau (unser Lieferant) liefert die Rohlinge.", False),
    ("Wir sind eine Werkstatt in Neukölln (gegründet 2019), unsere Kunden sitzen überall.", True),
    # a trade fair named by its city is where the fair is; a district as an item of a note's fact list is the seat
    ("hi – hardware startup (UG, est. Nov 2024, 5 ppl, Wedding), want to exhibit at Hannover Messe (Apr 27)", True),
    ("Wir sind ein Maschinenbauer aus Hannover und stellen auf der Messe München aus.", False),
])
def test_where_customers_sit_is_not_the_seat(text, in_berlin):
    assert locate(text).in_berlin is in_berlin


@pytest.mark.parametrize("text,role", [
    # who asks from there, a fair there, a partner to be found there: no seat
    ("Wir bekommen Anfragen von Architekten aus Frankreich.", "neutral"),
    ("Tourists from Spain book our tours.", "neutral"),
    ("Wir überlegen, zum ersten Mal im Ausland auszustellen.", "market"),
    ("Wir möchten in Frankreich einen Vertriebspartner finden.", "market"),
    ("Wir sind aus Frankreich und suchen Partner.", "seat"),
    # one of several others named before, an investor from there
    ("Our cells passed validation with two integrators (one in Germany, one in the Netherlands).", "market"),
    ("A climate-tech VC from Munich is ready to lead the round.", "neutral"),
    ("Ein Business Angel aus Hamburg ist schon dabei.", "neutral"),
])
def test_requests_fairs_and_partners_abroad_are_no_seat(text, role):
    p = find_places(text)[0]
    assert role_of(text, p) == role


def test_an_industrial_estate_named_after_its_street_is_in_berlin():
    loc = locate("Wir fertigen im Gewerbegebiet Motzener Straße Fassadenelemente, seit 1998, 58 Mitarbeiter. Wir "
                 "bekommen Anfragen von Architekten aus Frankreich und wollen in Frankreich einen Vertriebspartner finden.")
    assert (loc.label, loc.in_berlin) == ("berlin", True)


@pytest.mark.parametrize("text, in_berlin", [
    # where the programmes are is not where the company is; a Berlin site it does not plan is no seat
    ("Wir sind ein Maschinenbauunternehmen aus Cottbus mit 35 Mitarbeitern. Wir haben gehört, dass es in Berlin "
     "gute Programme gibt. Einen Standort in Berlin planen wir nicht.", False),
    ("Wir sitzen in Berlin, gibt es in Berlin gute Programme für uns?", True),
    ("Wir sind in Berlin und suchen Förderung.", True),
])
def test_programmes_in_berlin_and_a_site_not_planned_are_no_seat(text, in_berlin):
    assert locate(text).in_berlin is in_berlin


@pytest.mark.parametrize("text, in_berlin", [
    # asking who in Berlin can help says where the helpers are, not where the company is
    ("We are a Portuguese SME from Porto (25 people). Who in Berlin can help us find such partners?", False),
    ("Wir sind eine GmbH aus Köln. Wer in Berlin kann uns bei der Partnersuche helfen?", False),
    ("Who in Berlin can help us? We are a 10-person company in Kreuzberg.", True),
    ("Wir sind ein Betrieb in Berlin, wer kann helfen?", True),
])
def test_who_in_berlin_is_no_seat(text, in_berlin):
    assert locate(text).in_berlin is in_berlin


@pytest.mark.parametrize("text,places", [
    ("Wir sind ein Elektronik-KMU aus Adlershof (55 MA).", ["Adlershof"]),
    ("Photonik-Start-up in der Wissenschaftsstadt Adlershof", ["Wissenschaftsstadt Adlershof"]),
    ("Wir wollen in Siemensstadt ein neues Werk bauen.", ["Siemensstadt"]),
    # a market or the city itself is no place of the company
    ("Wir haben Kunden in Adlershof.", []),
    ("Wir sind eine GmbH in Berlin.", []),
])
def test_the_parts_of_berlin_where_the_company_sits(text, places):
    assert list(locate(text).places) == places


@pytest.mark.parametrize("text,places", [
    # an ordinary word that looks like a town's adjective ("further" ~ "Fürther") is no place in a capitalised text
    ("Is there something non-dilutive for developing the product further (hiring 4 devs)?", []),
    ("Wir sind eine Fürther Firma", ["Fürth"]),
])
def test_a_lower_case_word_is_no_towns_adjective(text, places):
    assert [p.name for p in find_places(text)] == places


@pytest.mark.parametrize("text,in_berlin", [
    # a consultant's note with the client's postcode, a business named with its district as on its sign
    ("Gesprächsnotiz 02.12., Kd. aus 13509: Elektro-/PV-Fachbetrieb, GmbH seit 2014, 26 MA", True),
    ("Kundin: Fahrradwerkstatt Wedding, Einzelunternehmen seit 2017, 3 MA.", True),
    # an ordinary word after a business noun is no district
    ("Our photo studio wedding shoots are popular", None),
    # a park that names the neighbourhood, a university found only in Berlin where a team sits
    ("Wir sind Hersteller von Einmal-Instrumenten und sitzen in einem Gewerbehof am Mauerpark, 35 Beschäftigte.", True),
    ("Wir sind eine kleine Produktionsfirma und sitzen direkt am Görlitzer Park.", True),
    ("Wir sind zu dritt (zwei wissenschaftliche Mitarbeiter und ein Masterabsolvent) an der BHT.", True),
    # a partner's lab there is no seat
    ("Wir sind ein Maschinenbauer aus München und kooperieren mit einem Labor an der BHT.", False),
    ("Wir sind ein Maschinenbauer aus München und kooperieren mit einem Labor an der TU Berlin.", False),
])
def test_notes_signs_landmarks_universities_and_a_partners_lab(text, in_berlin):
    assert locate(text).in_berlin is in_berlin


@pytest.mark.parametrize("text", [
    "Unser Hauptsitz ist in Hamburg, in Berlin-Spandau haben wir ein Werk mit 120 Beschäftigten, dort wollen wir eine "
    "neue Linie aufbauen.",
    "Our HQ is in Munich; in Berlin we run a small lab with 8 people.",
])
def test_a_berlin_site_named_after_the_verb_counts_beside_a_seat_elsewhere(text):
    assert locate(text).in_berlin is True


def test_moving_to_a_berlin_district_is_a_planned_berlin_site():
    loc = locate("Firma in Teltow (direkt an der Stadtgrenze), 30 MA, wollen nach Berlin-Lichterfelde umziehen.")
    assert (loc.in_berlin, loc.planned_berlin_site) == (False, True)


@pytest.mark.parametrize("text,in_berlin,label", [
    # the parent company's seat is not the subsidiary's
    ("Unser Mutterkonzern sitzt in Stuttgart, wir sind die Berliner Tochter mit 80 Leuten in Tempelhof.", True, "berlin"),
    ("Our parent company is in Paris, the Berlin subsidiary (40 people) wants to build a battery test lab.", True, "berlin"),
    ("Unsere Holding sitzt in Zug (Schweiz), die operative GmbH mit 25 Beschäftigten ist in Berlin-Wedding.", True, "berlin"),
    ("We are a Berlin subsidiary of a US group, 45 people, developing battery software.", True, "berlin"),
    # and the other way round: a subsidiary elsewhere of a Berlin group
    ("Our parent company is in Berlin; we are the Munich subsidiary with 20 staff.", False, "munich"),
    ("Wir sind die Hamburger Niederlassung eines Berliner Konzerns, 30 Leute.", False, "hamburg"),
])
def test_a_parent_company_s_seat_is_not_the_company_s(text, in_berlin, label):
    loc = locate(text)
    assert (loc.in_berlin, loc.label) == (in_berlin, label)


def test_a_completed_move_to_berlin_is_the_seat_and_a_coming_one_a_planned_site():
    done = locate("We are a Dresden spin-off that relocated to Berlin Adlershof last year, 6 people, building lidar chips.")
    assert done.in_berlin is True and not done.planned_berlin_site and done.places == ("Adlershof",)
    coming = locate("We are relocating our company from Leipzig to Berlin next spring.")
    assert coming.in_berlin is False and coming.planned_berlin_site and coming.label == "leipzig"


@pytest.mark.parametrize("text, in_berlin", [
    # other parties named with a place adjective after a preposition
    ("Die Brandt Lasertechnik GmbH aus Ludwigsfelde entwickelt mit der TU Berlin und einem Berliner Startup ein neues "
     "Schweißverfahren.", False),
    ("Kleine Manufaktur in Werder (Havel), ich verkaufe auf Berliner Wochenmärkten und in 3 Berliner Bioläden.", False),
    ("Wir sind ein Berliner Startup und suchen Förderung.", True),
    ("Wir sind eine GmbH mit Berliner Sitz und 20 MA.", True),
    # a trade registered somewhere is the seat; where a person sits some days a week is not
    ("Freelancer seit 2019, Gewerbe angemeldet in Königs Wusterhausen. Ich sitze 3 Tage die Woche in einem Coworking in "
     "Friedrichshain.", False),
    # customers and a parent group that "sit" elsewhere
    ("Seit 2018 betreiben wir eine Elektronikfertigung in Neukölln. Unsere Hauptkunden sitzen in Polen.", True),
    ("We're the Berlin subsidiary of a Swedish furniture group (parent HQ in Malmö), at the EUREF-Campus in Schöneberg.",
     True),
    ("Die Muttergesellschaft, also wir selbst, hat ihren Sitz in Charlottenburg; eine Tochter sitzt in München.", True),
])
def test_the_seat_among_other_parties_places(text, in_berlin):
    assert locate(text).in_berlin is in_berlin


@pytest.mark.parametrize("text, in_berlin, label", [
    # the writer's employer is where the person works, not where the business to be founded or taken over sits
    ("Ich bin seit 10 Jahren Bauleiter bei einem Generalunternehmer in Berlin-Tempelhof und will mich in Bernau "
     "selbständig machen.", False, "brandenburg"),
    ("I spent eight years at a design agency in Kreuzberg; now I am buying a bakery in Rostock from its owner.",
     False, "rostock"),
    # ... and where the person is, when nothing else is named
    ("Ich arbeite als Mechatronikerin in einem Autohaus in Cottbus und möchte die Meisterschule machen.", False,
     "brandenburg"),
    # the place a founder founds at is the seat to be, as explicit as "Sitz in"
    ("We plan to set up a GmbH in Leipzig; most of our pilot customers are in Berlin.", False, "leipzig"),
    ("Relocating from Lisbon to Berlin next month to start a company; I will incorporate in Berlin in May.", True,
     "berlin"),
    # a firm that moves to Berlin plans a site there, it is not seated there yet
    ("Wir sind ein Studio aus Porto und wollen mit dem Studio nach Berlin umziehen, eine GmbH in Berlin gründen.",
     False, "porto"),
])
def test_a_person_s_workplace_and_a_founding_place(text, in_berlin, label):
    loc = locate(text)
    assert (loc.in_berlin, loc.label) == (in_berlin, label)


@pytest.mark.parametrize("text, in_berlin", [
    # a site the company thinks about or plans for next year is planned, not its seat
    ("Our plant is in Hamburg-Harburg, 80 staff; we are thinking about a showroom in Berlin next year.", False),
    ("Wir sind ein Ingenieurbüro mit Sitz in Magdeburg. Viel unseres Geschäfts kommt aus Berlin, deshalb planen wir "
     "2027 eine Niederlassung in Berlin-Mitte.", False),
    # a site word inside another place's name ("Factory Berlin") is no site of the next place
    ("We are incorporating a GmbH in Cologne and work from a hot desk at Factory Berlin because our users are in "
     "Berlin.", False),
    # a firm from elsewhere that turns to the writer is where that firm is
    ("Our lab is at the TU campus in Charlottenburg. A machine builder from Saxony has asked us for a joint project.",
     True),
    # a Berlin district with "dem"
    ("Wir sind eine kleine Rösterei aus dem Wedding, 5 Leute.", True),
])
def test_planned_sites_names_and_other_firms(text, in_berlin):
    assert locate(text).in_berlin is in_berlin


def test_a_district_with_dem_is_read_only_for_berlin_and_a_fair_name_may_be_long():
    assert locate("Wir suchen Leute aus dem Ausland; unser Betrieb ist in Lichtenberg.").in_berlin is True
    loc = locate("We are a start-up in Potsdam and exhibit at trade fairs like Fruit Logistica in Berlin.")
    assert (loc.in_berlin, loc.label) == (False, "brandenburg")


@pytest.mark.parametrize("text", [
    # a company's own seat stays its seat when it thinks about or plans another site
    "Wir sind ein Startup in Kreuzberg und denken über ein zweites Büro nach.",
    "Unsere Firma sitzt seit 2010 mit 20 Leuten und einer Werkstatt in Berlin, und wir planen einen neuen Standort.",
])
def test_a_seat_stays_a_seat_beside_a_planned_site(text):
    assert locate(text).in_berlin is True


@pytest.mark.parametrize("text", [
    "Wir sind ein Startup aus Kreuzberg und wollen eine Tochtergesellschaft in Polen gründen.",
    "We are a software company from Neukölln and plan to set up a second company in Lisbon.",
])
def test_a_company_founding_another_keeps_its_seat(text):
    assert locate(text).in_berlin is True


def test_a_firm_s_client_is_no_employer():
    # "as … for a … in": a firm's customer, not the writer's employer
    assert locate("Wir sind ein Startup aus Kreuzberg. We work as a supplier for a car maker in Munich.").in_berlin is True


# seat probes (thirty-second session): places of others beside the seat
@pytest.mark.parametrize("text,in_berlin", [
    # fairs and partners outside Berlin say nothing about the seat
    ("Wir stellen auf der Hannover Messe und der SPS in Nürnberg aus. Kurz zu uns: Automatisierungstechnik, Sitz in "
     "Reinickendorf, 60 Mitarbeitende. Gibt es Förderung für Messebeteiligungen, auch für Messen außerhalb Berlins?", True),
    ("Verbundprojekt mit der RWTH Aachen. Zu uns: 12 Mitarbeitende, Büro und Labor in der Rudower Chaussee, 12489 Berlin. "
     "Können auch die Hochschulpartner außerhalb Berlins mitfinanziert werden?", True),
    # a customer, partner or sister firm that sits somewhere
    ("Wir sind eine Arbeitsgruppe an der TU Berlin. Ein Industriepartner in Stuttgart testet Prototypen, ein Pilotkunde "
     "sitzt in Rotterdam.", True),
    # a completed move beats the founding place
    ("We were founded in 2019 in Leipzig and moved the whole team to Kreuzberg in spring 2025.", True),
    # an event held there, firms counted as others, funding from there
    ("Wir sind ein eingetragener Verein aus Cottbus. Unsere Abschlussveranstaltung findet im Technikmuseum in Berlin statt, "
     "und mehrere Berliner Unternehmen sponsern uns.", False),
    ("Wir sind ein Unternehmen aus Graz und haben Kunden in Berlin. Gibt es eine Förderung aus Berlin?", False),
    # a maker or service provider elsewhere, and where goods come from
    ("Wir sind ein Food-Start-up in Neukölln, produziert wird bei einem Lohnhersteller in Szczecin.", True),
    ("Die Ware kommt überwiegend aus China, wir sitzen in Pankow.", True),
    # a site still being planned; a founder's café opened elsewhere
    ("Hauptsitz Dresden, 35 MA. Ein zweiter Standort in Berlin ist in Planung.", False),
    ("Ich plane, im Sommer ein Café in Bernau zu eröffnen. Im Moment wohne ich noch in Friedrichshain.", False),
    # a firm elsewhere that opens an office in Berlin stays where it is
    ("Ich führe seit 2015 eine Werbeagentur in München und überlege, zusätzlich ein Büro in Berlin-Mitte zu eröffnen.",
     False),
    # a permanent establishment in Berlin is a Berlin site, not a plan
    ("Our headquarters are in Munich, but since 2018 we have had a permanent establishment in Charlottenburg with 25 "
     "employees.", True),
    # a terse note's postcode
    ("GmbH, 12277, 27 MA, Stahl- und Metallbau. Kunden v.a. in Brandenburg und Sachsen.", True),
])
def test_the_seat_among_others_places(text, in_berlin):
    assert read_location(text)[1] is in_berlin


def test_a_bare_number_is_no_postcode():
    assert read_location("Umsatz 12500 Euro, GmbH mit 10 MA")[1] is None


@pytest.mark.parametrize("text,in_berlin", [
    ("Wir sitzen in Berlin statt in Potsdam.", True),          # "statt" = instead of, no event
    ("Wir sind eine Programmierfirma aus Berlin.", True),      # a firm's trade, no programme
    ("Wir sind ein Förderverein aus Berlin.", True),           # an association, no funder
])
def test_others_places_rules_leave_the_writers_own_seat(text, in_berlin):
    assert read_location(text)[1] is in_berlin
