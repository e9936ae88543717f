"""Yes/no facts for programme conditions, read only where the text states them clearly."""

import datetime as dt
from pathlib import Path

import pytest

from matcher.corpus import load_topics
from matcher.facts import FACTS, project_sum, read_facts
from matcher.profile import extract_profile, merge_profiles

TOPICS = load_topics(Path(__file__).resolve().parent.parent / "corpus", [])


def fact(text: str, name: str):
    return read_facts(text).get(name)


@pytest.mark.parametrize("text,value", [
    ("Wir verkaufen bundesweit an Labore", True),
    ("Unsere Kunden sitzen in ganz Europa", True),
    ("Wir exportieren 60 % unserer Maschinen", True),
    ("we sell to customers all over germany", True),
    ("Kunden in München und Hamburg beliefern wir seit Jahren", True),
    ("Unser Absatz ist überwiegend überregional", True),
    ("Wir haben nur lokale Kundschaft", False),
    ("Unsere Kunden kommen fast nur aus dem Kiez", False),
    ("Kunden fast nur Privatleute im Berliner Südosten", False),
    ("we only have local customers", False),
    ("Wir sind nicht nur lokal unterwegs, sondern liefern auch nach Polen", True),
    ("Wir sind eine Tischlerei in Köpenick", None),
    ("Wir waren auf der Messe in Hannover", None),
    ("Gibt es Exportförderung für uns?", None),
    ("Is there export funding for a Berlin SME?", None),
    ("Unsere Kunden sind fast ausschließlich Zahnarztpraxen in Berlin", False),
    ("Unsere Kunden sind zu 90 % Bauträger, Hausverwaltungen und Privatleute in Berlin und im Speckgürtel.", False),
    ("Our customers are 80% hospitals and clinics in Berlin.", False),
    ("Unsere Kunden sind zu 90 % Industriefirmen außerhalb von Berlin.", True),
    ("Our clients are mostly dental practices in Berlin", False),
    ("Unsere Kunden sind überwiegend Maschinenbauer in ganz Deutschland", True),
    ("About 85 % of our sales go to customers in other German states, the Netherlands and Scandinavia.", True),
    ("Wir liefern vor allem in andere Bundesländer", True),
    ("Wir haben keine Kunden in anderen Bundesländern", False),
    # a walk-in business sells locally unless the text says otherwise
    ("Zwei Gründerinnen wollen in Schöneberg ein Café eröffnen.", False),
    ("We run a hairdresser's salon in Neukölln", False),
    ("Unsere Rösterei mit Café verkauft bundesweit online", True),
    # most sales outside the region, as a share or in words; a minority share or staff living elsewhere is not
    ("Feinwerktechnik GmbH, 55 MA, ca. 70 % Absatz außerhalb Berlin/Brandenburg", True),
    ("Wir verkaufen überwiegend außerhalb von Berlin.", True),
    ("Most of our sales are outside Berlin.", True),
    ("20 % Absatz außerhalb Berlins", None),
    ("80 % unserer Mitarbeiter wohnen außerhalb Berlins", None),
    ("Kunden zu 70 % außerhalb Berlins", True),
    ("Kunden sitzen überwiegend außerhalb Berlins (Luftfahrt-Zulieferer in Bayern)", True),
    ("Our customers are mostly outside Berlin.", True),
    ("Unsere Mitarbeiter wohnen überwiegend außerhalb Berlins", None),
    # most customers in Berlin, as a share
    ("Unsere Kunden sind zu 90 % Berliner Agenturen, Vereine und Verwaltung.", False),
    ("80 % unserer Kunden kommen aus Berlin.", False),
    ("About 90% of our customers are in Berlin.", False),
    ("Unser Umsatz zu 20 % in Berlin", None),
    ("80 % unserer Mitarbeiter kommen aus Berlin", None),
    # a share of the goods sold that goes out, the sales verb in the sentence before
    ("We refurbish espresso machines and sell them again. Around 75% go outside Berlin – Germany, Austria.", True),
    ("Wir bauen Möbel nach Maß. 80 % davon gehen ins Ausland.", True),
    ("75% of our staff live outside Berlin.", None),
    # most customers of a kind in Berlin or the region, said in words; the writer's seat, production or a few
    # customers in Berlin are no such statement
    ("Metallbau, 22 MA – Kunden sind fast nur Bauträger und Hausverwaltungen hier in Berlin.", False),
    ("Wir beliefern vor allem Getränkemärkte, Gastronomie und Kantinen in Berlin und Brandenburg.", False),
    ("Customers are mostly agencies, theatres and museums here in Berlin.", False),
    ("We mainly supply cafés and hotels in Berlin.", False),
    ("Wir sind nur 5 Leute und beliefern Kunden in Berlin.", None),
    ("Unsere Kunden sind vor allem Industriebetriebe, wir sitzen in Berlin.", None),
    ("Wir beliefern vor allem Kunden in Berlin und ganz Deutschland.", None),
    ("Our customers love that we mainly make everything by hand in Berlin.", None),
    ("Our customers are mostly hospitals, only a few in Berlin.", None),
    ("We are the only supplier of this in Berlin.", None),
    ("We move production to Ludwigsfelde and keep only sales/admin in Berlin.", None),
    # where the customers sit, said with a verb or in a note's shorthand; a small export share decides nothing
    ("GmbH seit 2023, die Kundschaft sitzt ausschließlich hier in der Stadt.", False),
    ("Umsatz 1,2 Mio; Exportanteil 15 %; Kundschaft nahezu ausschl. Berlin", False),
    ("Exportanteil 15 %", None),
    ("export share of 20%", None),
    ("Exportanteil 70 %", True),
    ("Unsere Kunden sitzen nur zum Teil in Berlin, meist in ganz Deutschland.", True),
])
def test_supraregional_sales(text, value):
    assert fact(text, "supraregional_sales") is value


@pytest.mark.parametrize("text,value", [
    ("Meisterbrief im Elektrohandwerk liegt vor", True),
    ("Ich bin Tischlermeisterin und will mich selbständig machen", True),
    ("Ich habe letztes Jahr meinen Meister als Bäcker gemacht", True),
    ("I got my master electrician certificate in 2024", True),
    ("Ich möchte berufsbegleitend meinen Meister machen", False),
    ("Ich besuche gerade die Meisterschule", False),
    ("Unser Bürgermeister hat uns das Programm empfohlen", None),
    ("I have a master's degree in chemistry", None),
    # a technology start-up that names no craft and no title
    ("Wir sind drei Gründer aus der TU und entwickeln eine Software für Lagerroboter.", False),
    ("Wir entwickeln eine App, ich bin Elektromeister.", True),
    # a few words between exam and verb; the course named beside the passed exam is how the title was earned
    ("Ich habe im März 2024 meine Meisterprüfung bei der Handwerkskammer Berlin bestanden. Den Meisterkurs habe ich "
     "über Aufstiegs-BAföG finanziert.", True),
    ("Ich habe meine Meisterprüfung als Kfz-Technikermeisterin bestanden – die Meisterschule habe ich selbst bezahlt.", True),
    ("Ich habe keinen Meisterbrief, besuche aber die Meisterschule.", False),
    ("Ich habe im März 2024 meine Meisterprüfung als Goldschmiedin bei der Handwerkskammer Berlin bestanden, den "
     "Meisterkurs habe ich mit Aufstiegs-BAföG bezahlt.", True),
    ("Die Meisterprüfung habe ich noch nicht bestanden, ich besuche die Meisterschule.", False),
])
def test_master_craftsman(text, value):
    assert fact(text, "master_craftsman") is value


@pytest.mark.parametrize("text,value", [
    ("Wir sind eine Bäckerei mit drei Filialen", True),
    ("Elektrobetrieb, 8 Leute, Spandau", True),
    ("Wir sind ein Handwerksbetrieb im Dachdeckerhandwerk", True),
    ("Wir bauen Öfen für Bäckereien", None),
    ("We run a bakery-equipment factory", None),
    ("Software-Start-up, 5 Leute", None),
    ("Wir sind kein Handwerksbetrieb, sondern ein Industrieunternehmen", False),
    # a person in a craft trade, and a master craftsman's title
    ("Ich mache mich als Elektriker selbstständig", True),
    ("I'm a trained plumber and want to start on my own", True),
    ("Ich bin Friseurmeisterin und eröffne einen Salon", True),
    ("Wir suchen einen Elektriker für unsere Halle", None),
    ("Three of us are postdocs at Charité and want to spin out", None),
])
def test_crafts_business(text, value):
    assert fact(text, "crafts_business") is value


@pytest.mark.parametrize("text,value", [
    ("Ausgründung aus der TU Berlin, noch ohne GmbH", True),
    ("Wir sind wissenschaftliche Mitarbeiter an der HU und wollen gründen", True),
    ("Unsere Arbeitsgruppe an der Charité hat ein Verfahren entwickelt", True),
    ("We are researchers at a Fraunhofer institute", True),
    ("Wir haben keine Verbindung zu einer Hochschule", False),
    ("Wir suchen eine Hochschule als Partner", None),
    ("Gibt es Förderung für Ausgründungen?", None),
    ("Unsere Arbeitsgruppe will im nächsten Jahr ausgründen", True),
    ("Wir sind eine Arbeitsgruppe am Fachgebiet Werkstofftechnik der TU Berlin", True),
    ("We are a research group in the chemistry department of the University of Potsdam", True),
    ("Unsere Firma arbeitet im Labor an der Oberfläche", None),
    ("We have no university behind us, our studies finished long time ago.", False),
    ("Mein Studium habe ich vor vielen Jahren beendet.", None),
])
def test_university_link(text, value):
    assert fact(text, "university_link") is value


@pytest.mark.parametrize("text,value", [
    ("Das Projekt hat noch nicht begonnen", True),
    ("We have not started the project yet", True),
    ("Der Projektstart ist für März geplant", True),
    ("Wir haben die Maschine schon bestellt", False),
    ("Die Entwicklung läuft schon ein paar Monate", False),
    ("The project is already running", False),
    ("Wir wollen eine Anlage entwickeln", None),
    ("Das Projekt soll im März starten", True),
    ("Wann wird der nächste Aufruf starten?", None),
    ("When will the next call start in 2027?", None),
    # an order is the start of an investment
    ("Bestellt ist noch nichts.", True),
    ("Begonnen haben wir noch nicht, die Angebote liegen vor.", True),
    ("Angefangen hat das Vorhaben noch nicht.", True),
    ("Three weeks ago we signed the purchase contract for a new machining centre.", False),
    ("Wir haben den Kaufvertrag letzte Woche unterschrieben.", False),
    ("Den Vertrag haben wir noch nicht unterschrieben.", True),
    ("Wir haben die Anlage noch nicht gekauft.", True),
    ("We not order nothing yet.", True),
    ("Nothing has been ordered yet.", True),
    ("Wir haben letzte Woche eine neue Schneidanlage für 420.000 € verbindlich bestellt.", False),
    ("We ordered the machine in October.", False),
    ("We have bought nothing yet", None),
    ("Two things are coming up. Neither project has started.", True),
    # buying the land is no start of works (AGVO Art. 2 No. 23)
    ("Jetzt haben wir ein Grundstück in Großbeeren gekauft und wollen dort eine Halle bauen.", None),
    ("Das Grundstück haben wir bereits gekauft.", None),
    ("We bought a plot in Schönefeld and want to build a hall.", None),
    ("We bought the land last year, construction has not started yet.", True),
    ("We already bought the machines.", False),
    # part ordered, part still open: open (asked), not ruled out
    ("Die PV haben wir schon bestellt. Noch offen und nicht beauftragt sind der Speicher und LED.", None),
])
def test_project_not_started(text, value):
    assert fact(text, "project_not_started") is value


@pytest.mark.parametrize("text,value", [
    ("We want a new production line for a product we've never made before", True),
    ("Wir steigen in ein neues Geschäftsfeld ein: Wärmepumpen", True),
    ("Es ist eine reine Ersatzinvestition für die alte Presse", False),
    ("Wir wollen unsere bestehende Produktion erweitern", False),
    ("Wir wollen eine neue Maschine kaufen", None),
    # more capacity for the existing business is no new activity
    ("Wir wollen die Kapazität für unser bestehendes Kapselgeschäft verdoppeln.", False),
    ("We want to double the capacity of our existing business.", False),
    ("Wir wollen die Kapazität für eine neue Produktlinie aufbauen.", None),
])
def test_new_activity(text, value):
    assert fact(text, "new_activity") is value


@pytest.mark.parametrize("text,value", [
    ("Wir fertigen Präzisionsteile für die Medizintechnik", True),
    ("Kunststoffspritzgießer aus Spandau", True),
    ("Our plant in Marzahn makes heat pumps", True),
    ("Wir sind ein reines Softwareunternehmen", False),
    ("Filmproduktion in Babelsberg", None),
    ("Wir entwickeln Apps", None),
    ("We build a platform and make decisions fast", None),
    ("Softwarehersteller aus Berlin", None),
])
def test_manufacturing(text, value):
    assert fact(text, "manufacturing") is value


@pytest.mark.parametrize("text,value", [
    ("Unser Zementwerk stößt jährlich 300 kt CO2 aus", True),
    ("Wir betreiben eine energieintensive Glasschmelze", True),
    ("Unsere Anlage unterliegt dem Emissionshandel", True),
    ("Wir emittieren rund 2.000 t CO2 im Jahr", False),
    ("Wir sind nicht energieintensiv, eher Bürobetrieb", False),
    ("Wir wollen Energie sparen", None),
])
def test_emissions_intensive(text, value):
    assert fact(text, "emissions_intensive") is value


@pytest.mark.parametrize("text,value", [
    ("Der Lead-Partner kommt aus Polen, wir wären Partner", True),
    ("Wir wollen das Konsortium selbst koordinieren", False),
    ("Wir suchen Partner in Europa", None),
])
def test_ris_country_lead(text, value):
    assert fact(text, "ris_country_lead") is value


@pytest.mark.parametrize("text,value", [
    ("Wir wollen eine langzeitarbeitslose Person einstellen", True),
    ("We would like to hire a jobseeker from the job centre", True),
    # placed by the job centre, or the long induction the wage subsidy pays for
    ("we want to hire 3 more people via the job centre", True),
    ("Wir wollen zwei Leute einstellen, die eine längere Einarbeitung brauchen", True),
    # a terse note with abbreviations between the hire and the person's situation
    ("Will zum 1.3.27 einen Zweiradmechaniker einstellen, 51 J., schwerbehindert (GdB 60), seit 2 J. arbeitslos", True),
    ("Derzeit keine Einstellungen geplant", False),
    ("Wir suchen Fachkräfte", None),
    ("Wir wollen einen Mechaniker einstellen. Er ist jung. Arbeitslose Kunden kaufen bei uns.", None),
])
def test_new_hire_disadvantaged(text, value):
    assert fact(text, "new_hire_disadvantaged") is value


@pytest.mark.parametrize("text,value", [
    ("Jetzt überlegen wir, Fachkräfte aus dem Ausland zu holen. Wer hilft bei Anerkennung und Visum?", True),
    ("We want to hire engineers from abroad, any help with work permits?", True),
    ("We want to recruit developers from outside the EU", True),
    ("I'm a software developer on a Blue Card and want to found a company", True),
    ("Wir haben keine ausländischen Fachkräfte", False),
    # selling abroad, an international team or hiring at home say nothing about it
    ("Wir exportieren ins Ausland und suchen Vertriebspartner", None),
    ("We sell internationally and hire locally", None),
    ("Wir suchen Fachkräfte in Berlin", None),
])
def test_staff_from_abroad(text, value):
    assert fact(text, "staff_from_abroad") is value


def test_only_known_facts_and_nothing_from_an_empty_text():
    assert read_facts("") == {}
    assert read_facts("Hallo, was gibt es?") == {}
    assert set(read_facts("Tischlerei, Meisterbrief, wir verkaufen bundesweit, Projekt noch nicht begonnen")) <= set(FACTS)


def test_facts_are_in_the_profile_and_merge_per_fact():
    today = dt.date(2026, 11, 25)
    first = extract_profile("Tischlerei in Köpenick, 6 MA, wir verkaufen bundesweit", TOPICS, today=today)
    # a craft business is commercial, so no liberal profession's practice
    assert first.facts == {"supraregional_sales": True, "crafts_business": True, "liberal_profession_practice": False,
                           "technology_business": False}
    assert "facts" in first.stated
    second = extract_profile("Korrektur: eigentlich haben wir nur lokale Kundschaft. Meisterbrief habe ich.", TOPICS, today=today)
    merged = merge_profiles(first, second)
    assert merged.facts == {"supraregional_sales": False, "crafts_business": True, "master_craftsman": True,
                            "liberal_profession_practice": False, "technology_business": False}
    assert merge_profiles(merged, extract_profile("Danke!", TOPICS, today=today)).facts == merged.facts


def test_customers_only_in_the_district_are_not_supraregional_sales():
    from matcher.facts import read_facts

    assert read_facts("Tischlerei, 6 MA, Köpenick, Kunden nur im Bezirk")["supraregional_sales"] is False
    assert read_facts("Unsere Kunden kommen fast nur aus der Umgebung")["supraregional_sales"] is False


@pytest.mark.parametrize("text,expected", [
    ("Robotik-Startup, wir sammeln gerade eine Series A ein, Lead-Investor steht.", True),
    ("We just closed a 2M seed round with two business angels.", True),
    ("Wir haben einen Business Angel an Bord", True),
    ("Wir haben noch keine Investoren", False),
    ("We have no investors yet", False),
    ("Wir suchen noch Investoren für unsere Seed-Runde.", None),  # looking decides nothing: asked
    ("Metallbau, 12 MA, neue Laserschneidanlage", None),
    ("We're raising a Series B; a US fund is leading with about half.", True),
    ("Parallel bereiten wir eine Wachstumsrunde vor, ein VC will leaden.", True),
    ("We are looking for a VC to lead our seed round.", None),
    ("Jetzt steht die Series A an, ein VC aus München will den Lead nehmen.", True),
    ("A Munich VC wants to take the lead in our Series A.", True),
])
def test_private_lead_investor(text, expected):
    assert read_facts(text).get("private_lead_investor") is expected


@pytest.mark.parametrize("text,expected", [
    ("Wegen eines Auftragseinbruchs müssen wir Kurzarbeit anmelden", True),
    ("Our orders have collapsed since spring", True),
    ("we r a small metal shop, need money for new laser cutter", None),
])
def test_work_loss(text, expected):
    assert read_facts(text).get("work_loss") is expected


@pytest.mark.parametrize("text,expected", [
    ("A Spanish utility invited us into a consortium for an EU hydrogen project", True),
    ("Wir untersuchen in einem europäischen Konsortium, ob sich das lohnt", True),
    ("Gemeinsam mit Forschungseinrichtungen und Industriepartnern aus Litauen entwickeln wir", True),
    ("Wir entwickeln mit zwei Fraunhofer-Instituten und einem Energieversorger ein Bausystem", True),
    ("Das Vorhaben läuft im Verbund mit der TU Berlin", True),
    # still looking: the text says both, so the matcher asks
    ("Wir möchten in ein EU-Konsortium. Wer hilft bei der Partnersuche?", None),
    ("Wir suchen Partner für ein Verbundprojekt", None),
    # customers are no consortium
    ("Wir verkaufen an Unternehmen in ganz Deutschland", None),
    ("Wir entwickeln eine App", None),
])
def test_consortium(text, expected):
    assert read_facts(text).get("consortium") is expected


@pytest.mark.parametrize("text,value", [
    ("jetzt will ich mich selbstständig machen, alleine, mit einer App", False),
    ("I want to start my own company, on my own", False),
    ("Wir sind zu dritt und wollen gründen", True),
    ("two co-founders here, we incorporated 3 months ago", True),
    ("Wir sind drei Gründer aus der TU", True),
    ("Pro FIT fördert KMU allein oder im Verbund", None),   # "allein" not about founding
    ("Wir entwickeln allein, ohne Partner", None),
])
def test_founding_as_a_team_or_alone(text, value):
    assert read_facts(text).get("founding_team") is value


@pytest.mark.parametrize("text,value", [
    ("Unser Familienbetrieb (Metallverarbeitung, 25 MA) hat letzten Monat eine neue Presse bestellt.", False),
    ("The company has ordered the machine.", False),
    ("Wir haben am 3.10. die Maschine für 120.000 EUR verbindlich bestellt.", False),
    # a clause about something else is no order
    ("Unser Chef hat gesagt, wir sollen Förderung suchen, bevor etwas bestellt wird.", None),
])
def test_an_order_placed_in_the_third_person(text, value):
    assert fact(text, "project_not_started") is value


@pytest.mark.parametrize("text,value", [
    # a later project after the one under way: whether the next one has started is open, not "already started"
    ("Eine Machbarkeitsstudie mit der Charité haben wir bereits beauftragt, sie läuft seit Oktober. "
     "Danach wollen wir 2027 einen Prototyp entwickeln.", None),
    ("The study is already running. As a next step we want to build a pilot plant.", None),
    ("Die erste Linie läuft schon, als Nächstes planen wir eine zweite Linie aufzubauen.", None),
    ("Der Prototyp läuft seit einem halben Jahr bei unserem Pilotkunden. Jetzt wollen wir eine Kleinserie von 20 "
     "Anlagen bauen.", None),
    ("Our pilot has been running since March. Now we want to build the first production line.", None),
    # growing past a pilot, with numbers in between ("auf 20 Shops und 15.000 Boxen hoch")
    ("Pilot mit 6 Berliner Shops läuft seit Juni, 2.000 Boxen im Umlauf. Jetzt wollen wir auf 20 Shops und 15.000 "
     "Boxen hoch.", None),
    ("Our pilot has been running since May. Now we want to scale to 20 shops.", None),
    # the same project, already ordered, stays started
    ("Wir haben die Maschine bereits bestellt und wollen jetzt Förderung.", False),
    ("Die Anlage läuft seit Juni. Die Kosten sind hoch.", False),
    ("Die Anlage haben wir schon gekauft, jetzt wollen wir sie 2027 in Betrieb nehmen.", False),
    ("We already ordered the laser in October. Which grants apply?", False),
    # the next project told with "must" ("Now we must develop the second generation")
    ("Two utilities made a pilot with us and one already ordered for next year. Now we must develop the second "
     "generation of the sensor.", None),
])
def test_a_later_project_after_one_under_way(text, value):
    assert fact(text, "project_not_started") is value


@pytest.mark.parametrize("text", [
    "I own a small e-bike repair and rental shop in Friedrichshain.",
    "Wir haben einen Fahrradladen in Pankow.",
    "Ich bin Hörakustikmeisterin mit eigenem Geschäft in Steglitz.",
    "Ich möchte in Lichtenberg einen kleinen Laden für gebrauchte Kinderkleidung eröffnen.",
    "Ich eröffne einen Bioladen in Pankow.",
    "Ich hab 2019 eine Kiezbuchhandlung in Friedenau übernommen.",
    "hi, wir betreiben einen musikclub in friedrichshain und machen auch konzerte",
    "We run a small gym and a dance school in Wedding.",
])
def test_shops_for_walk_in_customers_sell_locally(text):
    assert read_facts(text).get("supraregional_sales") is False


def test_the_verb_laden_is_no_shop():
    assert "supraregional_sales" not in read_facts("Wir wollen auf dem Hof E-Autos laden und Daten hochladen.")


@pytest.mark.parametrize("text,expected", [
    ("Ich bin seit drei Monaten arbeitslos und bekomme ALG I.", True),
    ("I was laid off in May and get unemployment benefit.", True),
    ("Ich bin arbeitslos gemeldet und will mich selbstständig machen.", True),
    ("Ich beziehe Bürgergeld und möchte gründen.", False),
    ("Ich habe keinen Anspruch auf Arbeitslosengeld.", False),
    ("Wir sind ein Betrieb mit 20 Mitarbeitenden.", None),
    ("Right now we're all still employed at Charité and nothing is incorporated.", False),
    ("I work full-time as iOS programmer in an app agency, so I'm not unemployed.", False),
    ("Ich bin nicht arbeitslos, arbeite Vollzeit.", False),
    ("Ich bin seit Januar arbeitslos gemeldet.", True),
])
def test_unemployment_benefit(text, expected):
    assert read_facts(text).get("unemployment_benefit") is expected


def test_the_start_up_grant_for_the_unemployed_needs_unemployment_benefit(real_engine):
    """Gründungszuschuss (§ 93 SGB III): the first answer for a founder on unemployment benefit, ruled out on
    Bürgergeld, an open question when the text does not say."""
    from matcher.api import match

    on_alg = match("Ich bin seit drei Monaten arbeitslos und bekomme Arbeitslosengeld. Jetzt will ich mich als "
                   "Fotografin in Berlin selbstständig machen. Welche Förderung gibt es?", engine=real_engine)
    assert on_alg.programmes[0].id == "gruendungszuschuss"
    on_buergergeld = match("Ich beziehe Bürgergeld und will mich als Fotografin in Berlin selbstständig machen.",
                           top_k=200, show_ineligible=True, engine=real_engine)
    hit = next(p for p in on_buergergeld.programmes + on_buergergeld.hidden_ineligible if p.id == "gruendungszuschuss")
    assert hit.eligibility == "ineligible"
    unknown = match("Ich will mich als Fotografin in Berlin selbstständig machen. Welche Förderung gibt es?",
                    engine=real_engine)
    assert "gruendungszuschuss" not in [p.id for p in unknown.programmes[:3]]


@pytest.mark.parametrize("text", [
    "Hi – three of us work at Charité (two postdocs and one clinician). We'd like to spin this out as a company.",
    "Wir sind noch an der HU angestellt und wollen gründen.",
    "Two of us work at the TU Berlin.",
    "Ich bin Postdoc in einem Arbeitskreis für Katalyse an der TU Berlin.",
    # gender-inclusive spelling
    "Wir sind ein Team von drei Wissenschaftler:innen am Institut für Chemie der TU Berlin.",
    "Zwei Doktorand*innen an der HU Berlin wollen gründen.",
])
def test_people_working_at_a_university_have_a_university_link(text):
    assert read_facts(text).get("university_link") is True


def test_a_team_of_scientists_at_a_university_writes_as_researchers():
    p = extract_profile("Wir sind ein Team von drei Wissenschaftler:innen am Institut für Chemie der TU Berlin und wollen "
                        "gründen.", TOPICS, today=dt.date(2026, 11, 25))
    assert (p.org_type, p.stage) == ("research", "pre_founding")


@pytest.mark.parametrize("text,expected", [
    ("Wir sind ein Architekturbüro in Mitte mit 15 Mitarbeitenden.", True),
    ("I'm a freelance graphic designer in Neukölln.", True),
    ("Steuerkanzlei mit 12 Mitarbeitenden sucht Förderung für Digitalisierung.", True),
    # a manufacturer, a craft business or a software company is commercial, not a liberal profession's practice
    ("Wir sind ein Metallbauer mit 20 Mitarbeitern.", False),
    ("We are a software company with 30 staff.", False),
    ("Wir sind kein Freiberufler, sondern eine GmbH.", False),
    # a freelancer the company works with is not the company
    ("Right now it's me plus one freelance ML engineer.", None),
    ("Wir arbeiten mit zwei Freiberuflern zusammen.", None),
    ("As a freelancer I build websites for shops.", True),
    ("Hallo, was gibt es an Förderung?", None),
])
def test_liberal_profession_practice(text, expected):
    assert read_facts(text).get("liberal_profession_practice") is expected


def test_grw_is_not_for_a_liberal_profession_and_asks_only_when_unknown(real_engine):
    from matcher.api import match

    office = match("Wir sind ein Architekturbüro in Mitte mit 15 Mitarbeitenden, bundesweit tätig, und wollen in neue "
                   "Arbeitsplätze investieren.", top_k=200, show_ineligible=True, engine=real_engine)
    grw = next(p for p in office.programmes + office.hidden_ineligible if p.id == "grw-berlin")
    assert grw.eligibility == "ineligible"
    maker = match("Wir sind ein Metallbauer in Spandau mit 20 MA, liefern bundesweit und wollen eine neue "
                  "Laserschneidanlage kaufen.", engine=real_engine)
    assert not any("freien Berufs" in q for q in maker.questions)


@pytest.mark.parametrize("text,expected", [
    ("Wir verkaufen an Musiker aus ganz Deutschland und Europa, nur ein kleiner Teil geht an Kunden in Berlin.", True),
    ("Unsere Kunden sind in Berlin.", False),
    ("Die Kunden kommen nur aus Berlin.", False),
    ("Wir haben Kunden in Berlin und liefern auch nach Brandenburg.", None),
])
def test_where_customers_are_is_read_with_its_qualifier(text, expected):
    assert read_facts(text).get("supraregional_sales") is expected


@pytest.mark.parametrize("text,expected", [
    ("Ich brauche einen gebrauchten Transporter und Werkzeug, zusammen ca. 25.000 Euro.", True),
    ("get a decent workstation + large-format printer (maybe 15-20k)", True),
    ("Budget: 45 T€ für die Ladeneinrichtung", True),
    ("EUR 15,000 for a large-format printer", True),
    # of a range the upper end counts
    ("Die Maschine kostet zwischen 30.000 und 60.000 Euro.", False),
    ("semi-automatic filling + hardening line (~150k)", False),
    ("Kosten 1,2 Mio. €", False),
    # a turnover, a funding round, a year or a headcount is no project sum
    ("Umsatz 2 Mio. EUR, wir brauchen 30.000 € für eine Maschine", True),
    ("We raised 500k in our seed round and need 20k for a prototype.", True),
    ("Jahresumsatz ca. 800.000 Euro", None),
    ("Wir haben 12 Mitarbeiter seit 2015.", None),
])
def test_small_sum_reads_the_sum_the_project_needs(text, expected):
    assert read_facts(text).get("small_sum") is expected


@pytest.mark.parametrize("text,expected", [
    ("Roboterschweißzelle plus Biegezelle, ca. 1,2 Mio €, bestellt ist noch nichts", 1_200_000),
    ("plans 2 x 5-axis machining centres, approx. EUR 1.3m, quotes in hand; compressors ~EUR 80k", 1_300_000),
    ("€2.5m for the second line", 2_500_000),
    ("Investition 650k€", 650_000),
    ("Industrie 4.0 in der Halle für 200.000 €", 200_000),
    # a distance, a length or a version number is no sum
    ("Die Halle liegt knapp 4 km entfernt und kostet 300.000 €.", 300_000),
    ("a 40 m hall next to the river", None),
    ("Umsatz 2 Mio. EUR, 12 Mitarbeitende", None),
])
def test_project_sum_is_the_largest_sum_the_project_needs(text, expected):
    assert project_sum(text) == expected


def test_the_micro_loan_is_the_first_answer_for_a_small_founding_sum_only(real_engine):
    from matcher.api import match
    small = ("Ich bin arbeitslos und möchte mich in Marzahn mit einem Hausmeisterservice selbstständig machen, allein. "
             "Ich brauche einen gebrauchten Transporter und Werkzeug, zusammen ca. 20.000 Euro.")
    large = small.replace("ca. 20.000 Euro", "ca. 200.000 Euro")

    def role(text):
        res = match(text, top_k=10, engine=real_engine)
        ids = [h.id for h in res.programmes]
        hit = next((h for h in res.programmes if h.id == "kmu-fonds-gruendung-wachstum"), None)
        return ids, hit

    ids, small_hit = role(small)
    assert small_hit is not None and ids.index(small_hit.id) < 8, ids
    assert "bis 25.000 EUR (50.000 EUR bei innovativen Vorhaben)" in " ".join(small_hit.reasons)
    ids, large_hit = role(large)
    assert large_hit is None or "bis 25.000 EUR (50.000 EUR bei innovativen Vorhaben)" not in " ".join(large_hit.reasons)
    assert large_hit is None or large_hit.score < small_hit.score


@pytest.mark.parametrize("text,expected", [
    ("Ich möchte in Lichtenberg einen kleinen Laden für gebrauchte Kinderkleidung eröffnen.", False),
    ("Bäckerei mit drei Filialen, wir brauchen einen neuen Ofen.", False),
    ("Tischlerei in Köpenick, 6 MA, will eine CNC-Fräse anschaffen.", False),
    ("We are building a robot for warehouse logistics.", True),
    ("Wir sind ein Start-up aus der TU, Sensorik für Windkraftanlagen.", True),
    # a conventional business as the customer is no conventional business
    ("Wir entwickeln eine App für Friseure.", True),
    ("Software for restaurants and bars", True),
    # both said: ask
    ("Café in Mitte, wir entwickeln eigene Röstprofile.", None),
    ("Hallo, was gibt es an Förderung?", None),
    # a master craftsman founding a craft business; an online shop is not a shop round the corner
    ("I got my master electrician certificate and plan to open my own business in Berlin.", False),
    ("Wir eröffnen einen Online Shop für Tee aus Georgien.", None),
])
def test_technology_business(text, expected):
    assert read_facts(text).get("technology_business") is expected


@pytest.mark.parametrize("text,expected", [
    ("Ich bin Geschäftsführer eines Bauunternehmens (Hoch- und Ingenieurbau) mit 150 Beschäftigten", True),
    ("Mandant: Bauunternehmen, 40 MA, Marzahn", True),
    ("We run a small restaurant in Neukölln", True),
    ("Zwei Gründerinnen wollen in Schöneberg ein Café eröffnen.", True),
    # the trade as customers or as the product's market is not the company's own
    ("Wir beliefern Hotels und Restaurants mit Kaffee aus unserer Rösterei", None),
    ("Wir entwickeln Software für Hotels", False),
    ("Wir wollen ein Hotel-Buchungssystem entwickeln", False),
    ("Wir sind ein Maschinenbauer mit 60 MA", False),
    ("Hallo, was gibt es an Förderung?", None),
])
def test_construction_or_hospitality_as_the_own_trade(text, expected):
    assert read_facts(text).get("construction_or_hospitality") is expected


@pytest.mark.parametrize("text,expected", [
    ("Wir entwickeln einen neuen Sensor für Wasserleitungen und brauchen einen Kredit.", True),
    ("Wir führen ein ERP-System ein und digitalisieren unsere Auftragsabwicklung.", True),
    ("We are building a robot for warehouse logistics.", True),
    # silence is asked, never ruled out: fast growth or R&D spending may still meet a criterion
    ("Bäckerei mit drei Filialen, wir brauchen einen neuen Ofen.", None),
    ("Hallo, was gibt es an Förderung?", None),
    ("Bäckerei ohne eigene Entwicklung, wir wollen nur einen neuen Ofen kaufen.", None),
    # "nichts" / "nothing" negate like "nicht" (the shared negation of the fact readers)
    ("Wir wollen nichts Neues entwickeln, nur den Ofen ersetzen.", None),
    ("We do nothing digital, we just need a new oven.", None),
])
def test_innovation_or_digital(text, expected):
    assert read_facts(text).get("innovation_or_digital") is expected


@pytest.mark.parametrize("text,expected", [
    ("Wir planen die erste großtechnische Anlage in Deutschland für lösungsmittelbasiertes Kunststoffrecycling.", True),
    ("We're planning the first industrial-scale line in Germany that uses a solvent-based process.", True),
    ("Wir haben ein Verfahren entwickelt, mit dem sich Bauschutt sortenrein trennen lässt.", True),
    ("Textilrecycling-Startup, wir brauchen Geld für eine Pilotanlage.", True),
    ("The lab demonstrator works; now we need a first pilot customer.", True),
    # standard efficiency measures and nothing new: the state of the art
    ("Wir wollen den Gaskessel durch eine Wärmepumpe ersetzen, LED-Beleuchtung und PV aufs Dach.", False),
    ("Energy retrofit next year: roof insulation, new windows, a heat pump and PV on the roof.", False),
    ("Druckluft-Kompressoren tauschen und Wärmerückgewinnung einbauen.", False),
    ("Wir errichten eine Sortieranlage, die mehr Wertstoffe zurückgewinnt als bisherige Anlagen.", True),
    # a negated novelty is none; a process named beside standard measures may be new without saying so, and silence
    # is asked
    ("Kein neues Verfahren, nur eine neue Druckluftanlage.", None),
    ("Wärmepumpe und ein Recyclingverfahren für unsere Spülbäder.", None),
    ("Wir sind eine Tischlerei und brauchen einen Kredit.", None),
    # in use elsewhere already (competitors run it, it is the state of the art), unless novelty is said outright;
    # the own production process is where something is used, not a new process
    ("We want to install a solvent recovery plant to reuse the solvent in our own process. Several of our competitors "
     "in Italy already run such systems.", False),
    ("Kaskadenspülung ist Stand der Technik, wir wollen sie bei uns einführen.", False),
    ("Wir nutzen bewährte Technik für die CO2-Rückgewinnung.", False),
    ("Wir haben ein Verfahren entwickelt, das es so noch nicht gibt; Wettbewerber setzen bereits ältere Anlagen ein.", True),
])
def test_beyond_state_of_art(text, expected):
    assert read_facts(text).get("beyond_state_of_art") is expected


def test_uip_rules_out_standard_measures_and_asks_when_nothing_is_said(real_engine):
    from matcher.api import match

    def uip(text):
        r = match(text, top_k=40, engine=real_engine, show_ineligible=True)
        return next(h for h in r.programmes + r.hidden_ineligible if h.id == "umweltinnovationsprogramm")

    standard = uip("Metallverarbeiter in Lichtenberg, 55 MA: Dach dämmen, Gaskessel durch Wärmepumpe ersetzen, LED und PV. "
                   "Noch nichts bestellt.")
    assert standard.eligibility == "ineligible"
    novel = uip("Kunststoffrecycler in Spandau, 120 MA, wir planen die erste großtechnische Anlage in Deutschland "
                "mit einem neuen Lösungsmittelverfahren. Noch nichts bestellt.")
    assert novel.eligibility != "ineligible"
    asked = uip("Galvanik in Reinickendorf, 40 MA, wir wollen Abwasser und Chemikalienverbrauch senken.")
    crit = next(c for c in asked.criteria if c.rule == "fact:beyond_state_of_art")
    assert crit.verdict == "unknown" and "Stand der Technik" in crit.question


def test_berlin_innovativ_checks_its_innovation_criterion_or_asks_for_it(real_engine):
    from matcher.api import match

    def criterion(text):
        r = match(text, top_k=40, engine=real_engine, show_ineligible=True)
        hit = next(h for h in r.programmes + r.hidden_ineligible if h.id == "berlin-innovativ")
        return next(c for c in hit.criteria if c.rule == "fact:innovation_or_digital")

    asked = criterion("Bäckerei in Pankow, 20 MA, wir brauchen einen Kredit über 300.000 € für einen neuen Ofen.")
    assert asked.verdict == "unknown" and "Digitalisierungsschritt" in asked.question
    met = criterion("Software-Firma in Kreuzberg, 30 MA, wir entwickeln eine neue Plattform und brauchen einen Kredit.")
    assert met.verdict == "fulfilled"


def test_a_shop_founder_gets_no_technology_start_up_programme_and_a_tech_team_still_does(real_engine):
    from matcher.api import match
    tech_only = {"pro-fit-fruehphasenfinanzierung", "htgf", "ibb-ventures-vc-pre-seed-fonds", "exist-gruendungsstipendium",
                 "berliner-startup-stipendium", "exist-forschungstransfer", "coparion"}
    shop = match("Ich möchte mich in Lichtenberg mit einem kleinen Laden für gebrauchte Kinderkleidung selbstständig "
                 "machen und brauche ca. 20.000 € für Einrichtung und Ware.", top_k=10, engine=real_engine)
    assert not tech_only & {h.id for h in shop.programmes[:10]}
    hidden = {h.id: h for h in shop.hidden_ineligible}
    assert "pro-fit-fruehphasenfinanzierung" in hidden
    crit = next(c for c in hidden["pro-fit-fruehphasenfinanzierung"].criteria if c.rule == "fact:technology_business")
    assert crit.verdict == "violated"
    tech = match("Wir sind drei Gründer aus der TU Berlin und entwickeln einen Roboter für die Lagerlogistik; die GmbH "
                 "gründen wir nächsten Monat. Welche Förderung passt?", top_k=10, engine=real_engine)
    assert tech_only & {h.id for h in tech.programmes[:5]}


@pytest.mark.parametrize("text,value", [
    # orders the company received say nothing about whether its own project has started
    ("Förderschulen aus ganz Deutschland haben 250 Geräte der ersten Generation bestellt, Material müssen wir vorfinanzieren.", None),
    ("Unsere Kunden haben schon 40 Anlagen bestellt.", None),
    ("A customer has ordered 120 units, we need to pre-finance the material.", None),
    ("Zwei Kunden haben bei uns schon je 10 Anlagen bestellt, wir müssen die Fertigung erweitern.", None),
    # orders the company placed still count
    ("Die Maschine haben wir am 3.10. bestellt.", False),
    ("We have already ordered the machine.", False),
    ("Unser Familienbetrieb hat letzten Monat eine neue Presse bestellt.", False),
])
def test_an_order_received_from_customers_is_no_project_start(text, value):
    assert fact(text, "project_not_started") is value


@pytest.mark.parametrize("text,value", [
    # the Meistergründungsprämie's window: founding or takeover within 4 years of the master exam (judged in 2026)
    ("Ich bin Bäckermeisterin (Meisterprüfung 2018) und will die Bäckerei meines Chefs übernehmen.", False),
    ("Elektromeister hier (Meister seit 2011), will einen zweiten Betrieb aufmachen", False),
    ("Ich habe letztes Jahr meinen Meister als Tischler gemacht und will mich selbständig machen.", True),
    ("Vor zwei Jahren habe ich die Meisterprüfung bestanden.", True),
    ("ich bin tischlermeisterin (meisterbrief seit letztem jahr) und arbeite in einer tischlerei", True),
    ("I passed my master craftsman exam in 2024 and want to take over the shop.", True),
    ("Ich habe im März 2024 meine Meisterprüfung bei der Handwerkskammer Berlin bestanden.", True),
    ("Tischlermeister seit 2022", None),  # exactly four whole years: the month decides, asked
    ("Ich bin Tischlermeister und will eine Werkstatt eröffnen.", None),  # no year: asked
    ("Unser Bürgermeister seit 2018 unterstützt die Gründung", None),  # no master craftsperson
])
def test_master_exam_within_four_years(text, value):
    from matcher.facts import dated_facts
    assert dated_facts(text, 2026).get("master_exam_within_4_years") is value


@pytest.mark.parametrize("text,value", [
    ("The BHT offered to help with the scanning part.", True),
    ("Eine Professorin für Bekleidungstechnik an der HTW würde mit ihrem Labor Versuche mit uns machen.", True),
    ("Wir wollen mit der TU Berlin ein Verfahren entwickeln.", True),
    ("Ein Forschungspartner steht schon fest.", True),
    ("Wir haben keinen Forschungspartner.", False),
    ("We want to do it without a research partner.", False),
    ("Our product is unique in Europe.", None),
    ("Wir sind Doktoranden an der TU Berlin.", None),
])
def test_research_partner(text, value):
    assert fact(text, "research_partner") is value


def test_only_few_customers_in_berlin_is_supraregional():
    assert fact("Our customers are mostly pharma companies in Switzerland, USA and west Germany, only few in Berlin.",
                "supraregional_sales") is True
    assert fact("We sell only to local customers.", "supraregional_sales") is False


@pytest.mark.parametrize("text,value", [
    ("Break-even für das zweite Halbjahr 2027 erwartet, 2,3 Mio. EUR ARR", True),
    ("We are close to break-even and raise a Series A", True),
    ("Wir sind seit 2023 profitabel", True),
    ("Bisher 300 T€ von drei Business Angels, Umsatz noch keiner", False),
    ("We are pre-revenue and build the prototype", False),
    ("we are not profitable yet", None),
    ("Wir machen 2 Mio. Umsatz", None),
])
def test_near_break_even(text, value):
    assert fact(text, "near_break_even") is value


def test_growth_equity_near_break_even_is_ruled_out_for_a_start_up_without_revenue(real_engine):
    from matcher.api import match

    def big(q):
        r = match(q, top_k=40, show_ineligible=True, engine=real_engine)
        return next(h for h in r.programmes + r.hidden_ineligible if h.id == "berlininnogrowth-big")

    base = ("Berliner Medtech-Start-up, GmbH seit 2024, 6 Mitarbeitende. Seed-Runde 1,2 Mio. € mit zwei Angels und "
            "einem Berliner VC in Vorbereitung. ")
    assert big(base + "Umsatz noch keiner.").eligibility == "ineligible"
    asked = big(base + "Gibt es öffentliche Mitinvestoren?")
    assert any(c.rule == "fact:near_break_even" and c.verdict == "unknown" and c.question for c in asked.criteria)
    met = big(base + "Wir sind kurz vor dem Break-even.")
    assert any(c.rule == "fact:near_break_even" and c.verdict == "fulfilled" for c in met.criteria)


@pytest.mark.parametrize("text,value", [
    ("I'm a freelance data engineer (MSc in Lisbon 2016, freelancing in Berlin since 2020).", False),
    ("Diplom 1998, seit 2005 Geschäftsführer einer Agentur.", False),
    ("Ich habe 2023 meinen Master an der HTW gemacht und will gründen.", True),
    ("Wir sind drei Doktoranden an der TU Berlin.", True),
    # exactly five calendar years is left open, and so is a text without a degree year ("Masterplan" is no degree)
    ("Studium 2021 abgeschlossen, jetzt will ich gründen.", None),
    ("Wir sind im Masterplan Industriestadt 2030 aktiv, gegründet 2015.", None),
])
def test_a_degree_within_five_years(text, value):
    from matcher.facts import dated_facts
    assert dated_facts(text, 2026).get("graduated_within_5_years") is value


def test_a_graduate_of_ten_years_ago_gets_no_exist_founder_grant(real_engine):
    from matcher.api import match
    old = match("I'm a freelance data engineer (MSc in Lisbon 2016, freelancing in Berlin since 2020). I want to turn "
                "my heating-data tool into a real company, a GmbH planned for April 2027, and develop an anomaly-detection "
                "model with a university. What funding fits?", top_k=10, show_ineligible=True, engine=real_engine)
    assert "exist-gruendungsstipendium" not in [h.id for h in old.programmes[:10] if h.eligibility != "ineligible"]
    hit = next(h for h in [*old.programmes, *old.hidden_ineligible] if h.id == "exist-gruendungsstipendium")
    assert any(c.rule == "fact:graduated_within_5_years" and c.verdict == "violated" for c in hit.criteria)
    young = match("Wir sind zwei Doktorandinnen an der TU Berlin und wollen mit unserer Sensortechnologie ein Start-up "
                  "gründen; gegründet ist noch nichts.", top_k=10, engine=real_engine)
    assert "exist-gruendungsstipendium" in [h.id for h in young.programmes]


@pytest.mark.parametrize("text,value", [
    ("Wir sind die Muster GmbH. Wir wollen expandieren", True),
    ("Wir sind eine kleine GmbH und wollen wachsen", True),
    ("XY UG, 4 Leute, Software", True),
    ("We founded our startup last spring and sell to hospitals", True),
    ("Wir wollen eine GmbH gründen", None),
    ("GmbH in Gründung, 2 Gründer", False),
    ("We're a pre-seed team, no company registered yet", False),
    ("Startup aus Berlin, 3 Leute, KI für Pflanzenerkennung", None),
    ("Wir sparen 500 kg CO2 pro Tag", None),
    # answers to "Haben Sie Ihr Unternehmen schon gegründet?"
    ("Ja, schon gegründet, seit März", True),
    ("Nein, noch nicht gegründet", False),
])
def test_company_registered(text, value):
    assert read_facts(text).get("company_registered") is value


@pytest.mark.parametrize("text, value", [
    ("Unser Mutterkonzern sitzt in Stuttgart, wir sind die Berliner Tochter mit 80 Leuten.", True),
    ("We are part of the Voith Group, 120 people in Berlin.", True),
    ("Wir gehören zu einer französischen Unternehmensgruppe.", True),
    ("Unsere Tochtergesellschaft in Polen fertigt die Gehäuse.", True),
    ("We are the Berlin subsidiary of a French group, 60 people.", True),
    ("Wir sind ein unabhängiges Familienunternehmen mit 40 Leuten.", False),
    ("We are an independent SME in Berlin.", False),
    ("Meine Tochter soll den Betrieb übernehmen.", None),  # a daughter, not a subsidiary
    ("Wir arbeiten mit einer Tochter der Deutschen Bahn zusammen.", None),  # a partner's group
    ("Wir gehören zu den führenden Anbietern für Messtechnik.", None),
])
def test_linked_group(text, value):
    assert read_facts(text).get("linked_group") is value


@pytest.mark.parametrize("text, value", [
    # not started, in other words
    ("Bisher gab es nur ein Gespräch mit dem Installateur, unterschrieben ist nichts.", True),
    ("Die Umsetzung soll erst nach Bewilligung beginnen, Aufträge sind nicht vergeben.", True),
    ("We signed a non-binding letter of intent, but there is no purchase order or contract.", True),
    ("It's planned for spring; we're waiting for final quotes and won't order anything before we know about grants.", True),
    ("Angebote liegen vor, ein Auftrag ist nicht erteilt.", True),
    # our customers' orders are theirs, even of "our" products
    ("Unsere Kunden haben 200 Stück unserer Anhänger bestellt. Wir möchten erst nach einer Förderzusage bestellen.", True),
    # an earlier purchase, then a new project of which nothing is signed
    ("Letztes Jahr haben wir eine Abkantpresse gekauft. Jetzt planen wir einen Faserlaser; bisher nur Angebote "
     "eingeholt und nichts unterschrieben.", True),
    # started, in other words
    ("berlin bakery, 12 staff. new deck oven ~85k. machine is ordered, delivery in 6 weeks.", False),
    ("The prototype build kicked off in September with our engineering partner.", False),
    ("Vorhabenbeginn 01.09. erfolgt, Baugenehmigung lag vor.", False),
    ("The first instalment is paid, the rest is due on delivery in March.", False),
    ("Für die neue Abfüllanlage haben wir letzte Woche schon die Anzahlung geleistet.", False),
    ("Wir haben den Auftrag zur Lieferung und Installation einer Lackieranlage bereits an den Lieferanten vergeben.", False),
    ("Der Elektriker hat letzte Woche mit der LED-Umrüstung angefangen.", False),
    ("Für die Spritzgussmaschine haben wir im Oktober die verbindliche Bestellung ausgelöst.", False),
    ("The ground-breaking ceremony was on 15 May and the shell of our R&D centre is going up.", False),
    # a negation stays a negation
    ("We bought the land last year, construction has not started yet.", True),
])
def test_project_start_in_plain_words(text, value):
    assert fact(text, "project_not_started") is value


@pytest.mark.parametrize("text", [
    "Angebote von zwei Herstellern liegen vor, unterschrieben oder bestellt ist aber noch nichts.",
    "Vorhaben: neue Halle. Bauleistungen noch nicht vergeben, Architekt erstellt das LV.",
    "Stand: noch keine Bestellung, kein Maßnahmebeginn.",
    "Investitionsbeginn noch nicht erfolgt.",
    "We signed a letter of intent, but no vehicles have been ordered yet.",
    "We want to build a new sensor module – nothing has started on that yet.",
    "I was accepted to the course but haven't enrolled or paid anything yet.",
    "Der Kaufvertrag wurde noch nicht unterzeichnet.",
    "Wir haben uns zwei Anlagen angesehen, eine Entscheidung ist noch nicht gefallen.",
])
def test_more_ways_of_saying_the_project_has_not_started(text):
    assert read_facts(text).get("project_not_started") is True
