"""The public API on the tiny test corpus, with the real model and a real embedded Chroma."""

import pytest

from matcher.api import match
from matcher.errors import InputError
from matcher.models import CompanyProfile, Filters

README_CASE = "Wir recyceln Kunststoff, 40 MA, Berlin-Spandau, wollen mit der TU eine neue Sortieranlage entwickeln – was passt?"


def ids(res):
    return [h.id for h in res.programmes]


def test_readme_case_ranks_the_berlin_rnd_grant_first(engine):
    res = match(README_CASE)
    assert ids(res)[0] == "berlin-innovation-grant"
    top = res.programmes[0]
    assert top.eligibility == "eligible"
    assert any("40" in r for r in top.reasons)
    assert res.lang == "de"
    assert res.projects and res.projects[0].id == "mpi-test-circular-hub"


def test_large_company_never_sees_sme_only_programmes(engine):
    res = match("Konzern mit 2.000 MA in Berlin, wir wollen eine Recycling-Sortieranlage entwickeln")
    assert "berlin-innovation-grant" not in ids(res)
    hidden = {h.id: h for h in res.hidden_ineligible}
    crit = [c for c in hidden["berlin-innovation-grant"].criteria if c.verdict == "violated"]
    assert any("max. 249 Beschäftigte – Sie nennen 2.000" in c.reason for c in crit)


def test_show_ineligible_puts_them_last(engine):
    res = match("Konzern mit 2.000 MA in Berlin, Recycling-Anlage entwickeln", show_ineligible=True, top_k=6)
    verdicts = [h.eligibility for h in res.programmes]
    assert "ineligible" in verdicts
    first_bad = verdicts.index("ineligible")
    assert all(v == "ineligible" for v in verdicts[first_bad:])


def test_company_outside_berlin_gets_no_berlin_only_programmes(engine):
    res = match("Maschinenbau GmbH aus München, 60 MA, wir wollen in neue Maschinen investieren und suchen einen Kredit")
    assert all(h.level != "berlin" for h in res.programmes)
    assert ids(res)[0] == "bund-investment-loan"


def test_a_company_planning_a_berlin_site_keeps_berlin_programmes(engine):
    res = match("We are a machine builder from Munich, 60 staff, and plan to open a new production site in Berlin. "
                "Any grants for the investment?", show_ineligible=True)
    assert res.profile.in_berlin is False and res.profile.facts.get("planned_berlin_site") is True
    berlin = [h for h in res.programmes if h.level == "berlin"]
    assert berlin and all(h.eligibility != "ineligible" for h in berlin)
    assert "planned site in Berlin" in res.answer


def test_pre_founding_team_gets_the_stipend_and_established_firm_does_not(engine):
    team = match("Wir sind drei Studierende der TU Berlin und wollen ein Start-up für Recycling gründen")
    assert "founder-stipend" in ids(team)[:2]
    firm = match("Unser Betrieb besteht seit 1990, 30 MA in Berlin, wir wollen gründen... eine neue Sparte")
    assert "founder-stipend" not in ids(firm)


def test_a_start_up_team_that_does_not_say_it_has_registered_is_asked_not_ruled_out(engine):
    team = match("Our start-up team of three from TU Berlin builds a recycling robot; we need money to get started")
    stipend = next(h for h in team.programmes if h.id == "founder-stipend")
    assert stipend.eligibility == "uncertain"
    assert any(c.rule == "pre_founding" and c.verdict == "unknown" and c.question for c in stipend.criteria)
    registered = match("We are Recyclebot GmbH, a start-up of three from TU Berlin, building a recycling robot; we need money")
    assert "founder-stipend" not in ids(registered)


def test_programme_past_its_deadline_is_closed_and_ranked_after_open_ones(engine):
    res = match("Berliner KMU mit 20 MA, Digitalisierung und IT-Sicherheit", top_k=6)
    hit = next(h for h in res.programmes if h.id == "closed-digital-grant")
    assert hit.status == "open" and hit.effective_status == "closed"
    assert ids(res).index("closed-digital-grant") == len([h for h in res.programmes if h.effective_status != "closed"])
    assert "closed-digital-grant" not in ids(match("Berliner KMU mit 20 MA, Digitalisierung", filters=Filters(only_open=True)))


def test_filters_restrict_level_and_instrument(engine):
    res = match(README_CASE, filters={"levels": ["bund"], "instruments": ["loan"]})
    assert ids(res) == ["bund-investment-loan"]


def test_english_query_gets_an_english_answer(engine):
    res = match("We are a Berlin recycling company with 40 employees and want to develop a new sorting plant")
    assert res.lang == "en"
    assert "Matching funding programmes" in res.answer
    assert res.programmes[0].id == "berlin-innovation-grant"


def test_missing_size_becomes_a_follow_up_question(engine):
    res = match("Wir wollen in Berlin eine Recycling-Sortieranlage entwickeln")
    assert "Wie viele Mitarbeitende hat Ihr Unternehmen?" in res.questions


def test_every_cited_programme_exists_and_citations_point_at_its_sources(engine):
    res = match(README_CASE)
    by_id = {h.id: h for h in res.programmes + res.projects}
    for c in res.citations:
        assert c.record_id in by_id
        assert c.url in [s.url for s in by_id[c.record_id].sources]
        assert f"[{c.n}]" in res.answer
    for h in res.programmes:
        assert h.name in res.answer


def test_off_topic_input_is_a_typed_no_match(engine):
    res = match("Wie wird das Wetter morgen?")
    assert res.intent == "off_topic"
    assert res.programmes == [] and res.support == [] and res.projects == []
    assert res.message and "Förderlotse" in res.message and "Förderprogramme" in res.message
    assert res.questions


def test_a_birthday_poem_gets_the_scope_note_in_english_too(engine):
    res = match("Please write a birthday poem for my grandmother")
    assert res.intent == "off_topic" and res.programmes == []
    assert "funding assistant" in res.message


def test_a_greeting_is_empty_not_off_topic(engine):
    res = match("Hallo")
    assert res.intent == "empty" and res.programmes == []
    assert res.message.startswith("Hallo! Ich bin der Förderlotse") and "Beschreiben Sie Ihr Unternehmen" in res.message


@pytest.mark.parametrize("text,start", [
    ("hi, what can you do?", "Hello! I am the funding assistant"),
    ("Hallo, wie funktioniert das?", "Hallo! Ich bin der Förderlotse"),
    ("Was kannst du?", "Hallo! Ich bin der Förderlotse"),
])
def test_a_question_about_the_assistant_gets_a_welcome_not_a_refusal(engine, text, start):
    res = match(text)
    assert res.intent == "empty" and res.programmes == [] and res.support == []
    assert res.message.startswith(start) and "can't help" not in res.message and "nicht helfen" not in res.message
    assert "(IBB)" in res.message  # where to get personal advice
    # a real question after a greeting is answered
    assert match("Hallo, wir sind ein Metallbauer mit 20 MA und brauchen einen Kredit für eine Maschine").programmes


def test_profile_json_input(engine):
    res = match(CompanyProfile(employees=40, in_berlin=True, org_type="company", needs=["rnd"], topics=["recycling"]))
    assert res.programmes[0].id == "berlin-innovation-grant"
    assert res.programmes[0].eligibility == "eligible"


def test_second_turn_refines_the_profile(engine):
    first = match(README_CASE)
    second = match("Wir haben übrigens 300 Mitarbeitende", previous_profile=first.profile, context=README_CASE)
    assert second.profile.employees == 300 and second.profile.size_class == "large"
    assert second.profile.in_berlin is True
    assert "berlin-innovation-grant" not in ids(second)


def test_an_off_topic_message_mid_consultation_gets_the_note_not_the_old_list_again(engine):
    first = match(README_CASE)
    assert first.intent == "shortlist" and first.programmes
    poem = match("Schreib mir ein Gedicht zum Geburtstag meiner Oma.", previous_profile=first.profile,
                 context=README_CASE)
    assert poem.intent == "off_topic" and poem.programmes == [] and poem.projects == []
    assert "Förderlotse" in poem.message and "bleiben erhalten" in poem.message
    assert poem.profile.in_berlin is True  # what the consultation knows is not lost
    assert not any("Berlin" in q for q in poem.questions)  # and is not asked again
    thanks = match("danke!", previous_profile=first.profile, context=README_CASE)
    assert thanks.intent == "empty" and thanks.programmes == [] and "bleiben erhalten" in thanks.message
    # a short message that adds a fact or a need still refines the shortlist
    assert match("Und was ist mit Beratung?", previous_profile=first.profile, context=README_CASE).intent == "shortlist"
    assert match("Wir sind in Spandau.", previous_profile=first.profile, context=README_CASE).intent == "shortlist"


@pytest.mark.parametrize("bad,msg", [
    ("", "empty"),
    ("   \n\t ", "empty"),
    ("x" * 20_001, "limit is 20,000"),
    ("abc\x00def", "binary"),
])
def test_bad_input_gives_clear_errors(engine, bad, msg):
    with pytest.raises(InputError, match=msg):
        match(bad)


def test_html_in_the_text_never_reaches_the_answer(engine):
    res = match("<script>alert(1)</script> Berliner KMU, 20 MA, Recycling <img src=x onerror=alert(1)>")
    assert "<script" not in res.answer and "onerror" not in res.answer


def test_timings_are_reported(engine):
    res = match(README_CASE)
    stages = {"retrieve", "judge_eligibility", "score", "order_grouped", "money_and_support_lanes", "ecosystem",
              "questions", "scope"}
    assert {"total", "profile", "answer"} | stages <= set(res.timings_ms)
    assert all(v >= 0 for v in res.timings_ms.values())


def test_a_citation_that_is_not_a_source_of_its_record_is_rejected(engine):
    from pydantic import ValidationError

    res = match(README_CASE)
    bad = res.citations[0].model_copy(update={"url": "https://evil.example/"})
    with pytest.raises(ValidationError, match="is not a source of"):
        res.model_validate({**res.model_dump(), "citations": [bad.model_dump()]})


def test_a_research_group_is_told_why_a_founders_stipend_does_not_fit(real_engine):
    res = match("Wir sind drei wissenschaftliche Mitarbeiter am Institut für Physik der Uni Potsdam und entwickeln "
                "ein Raman-Spektrometer. Wir haben vom Berliner Startup Stipendium gehört – kommen wir da rein?", engine=real_engine)
    assert res.profile.org_type == "research" and res.profile.in_berlin is False
    assert "kein Gründungsvorhaben" in res.answer and "besteht bereits" not in res.answer
    assert "Kleinstunternehmen" not in res.answer  # three researchers are no micro enterprise


def test_a_card_says_why_a_programme_is_the_usual_first_answer_and_cites_where_that_is_written(real_engine):
    """The record's sourced first-answer role is shown on the card for the company's main need (and known
    group), with its source among the card's sources; not for a need the company did not state."""
    res = match("Wir sind ein Maschinenbauer mit 60 Mitarbeitenden in Berlin-Marzahn und wollen mit der TU Berlin "
                "einen neuen Sensor für Fräsmaschinen entwickeln.", engine=real_engine)
    zim = next(h for h in res.programmes if h.id == "zim")
    assert zim.reasons[0].startswith("Oft erste Wahl für FuE-/Innovationsprojekt: ")
    role = real_engine.corpus.by_id()["zim"].first_choice[0]
    assert role.source.url in [s.url for s in zim.sources]
    en = match("We are a 12-person software company in Kreuzberg and want to develop an AI model for predictive "
               "maintenance.", engine=real_engine)
    assert any(h.reasons[0].startswith("Often the first choice for R&D") for h in en.programmes[:5])
    shop = match("Wir sind eine Bäckerei mit 8 Beschäftigten in Berlin-Pankow und brauchen einen neuen Backofen.",
                 engine=real_engine)
    assert not any("erste Wahl für FuE" in r for h in shop.programmes for r in h.reasons)
    hydrogen = match("We are a Berlin electrolyser start-up with 15 staff; a European consortium invited us into a Horizon "
                     "hydrogen project with partners from Spain and Italy.", engine=real_engine)
    chp = next(h for h in hydrogen.programmes if h.id == "clean-hydrogen-partnership")
    assert chp.reasons[0].startswith("Often the first choice for R&D")  # a field role: hydrogen, in a consortium
    alone = match("We are a Berlin electrolyser start-up with 15 staff and want to develop a new stack design on our own.",
                  engine=real_engine)
    assert not any(h.id == "clean-hydrogen-partnership" and h.reasons[0].startswith("Often the first choice")
                   for h in alone.programmes)


def test_a_journeyman_before_founding_can_get_aufstiegs_bafoeg_for_the_master_course(real_engine):
    """The person applies for the upgrading-training grant; no company has to exist (the record said it did)."""
    res = match("Ich bin Malergeselle in Berlin, mache ab März meine Meisterschule und will mich danach selbständig "
                "machen. Wer hilft bei den Kosten des Meisterkurses?", engine=real_engine)
    assert res.profile.stage == "pre_founding"
    afbg = next(h for h in res.programmes if h.id == "aufstiegs-bafoeg")
    assert afbg.eligibility != "ineligible" and res.programmes.index(afbg) < 3
    stipend = [h for h in res.programmes + res.hidden_ineligible if h.id == "berliner-startup-stipendium"]
    # the Berlin stipend is awarded by university start-up centres: a journeyman is not told he simply fits
    assert all(h.eligibility != "eligible" for h in stipend)


def test_a_single_founder_is_told_the_berlin_stipend_is_for_teams(real_engine):
    res = match("hallo! ich hab meinen master an der htw gemacht, wohne in friedrichshain und will mich jetzt "
                "selbstständig machen, alleine, mit einer app für handwerksbetriebe. gibt es ein stipendium?",
                engine=real_engine)
    assert res.profile.facts.get("founding_team") is False
    assert "berliner-startup-stipendium" not in [h.id for h in res.programmes[:5]]
    hidden = {h.id: h for h in res.hidden_ineligible}
    assert any("Teamgründungen" in c.reason and c.verdict == "violated"
               for c in hidden["berliner-startup-stipendium"].criteria)


def test_asking_for_eu_programmes_puts_eu_programmes_first_and_says_why(real_engine):
    q = "Welche EU-Programme passen für unser Berliner KMU mit 20 MA? Wir entwickeln Batteriespeicher für Gewerbe."
    res = match(q, engine=real_engine)
    assert res.profile.levels_wished == ["eu"]
    assert [h.level for h in res.programmes[:3]] == ["eu", "eu", "eu"]
    assert "Ebene, nach der Sie fragen: EU" in res.programmes[0].reasons
    plain = match(q.replace("Welche EU-Programme passen", "Was passt"), engine=real_engine)
    assert [h.level for h in plain.programmes[:3]] != ["eu", "eu", "eu"]  # without the wish, Berlin and federal first


def test_advice_offers_on_eu_funding_count_for_an_eu_wish_and_say_so(real_engine):
    q = ("Quick question: we're a Berlin AI startup (14 ppl) doing predictive maintenance software for wind turbines. "
         "We'd like to join a Horizon Europe consortium. Who can help us find a consortium and make sense of the calls?")
    res = match(q, engine=real_engine, lang="en")
    assert res.profile.levels_wished == ["eu"]
    shown = {h.id: h for h in res.programmes[:5] + res.support}
    assert {"nks-kmu", "enterprise-europe-network-berlin-brandenburg"} <= set(shown)
    assert "Advises on funding of the level you asked for: EU" in shown["nks-kmu"].reasons


def test_an_investment_already_ordered_is_told_the_grants_require_applying_first(real_engine):
    q = ("Wir (Blechbearbeitung, 32 MA, Lichtenberg, Kunden in ganz Deutschland) haben letzte Woche eine neue "
         "Faserlaser-Schneidanlage für 420.000 € verbindlich bestellt. Gibt es dafür noch einen Zuschuss?")
    res = match(q, engine=real_engine)
    assert res.profile.facts.get("project_not_started") is False
    assert "grw-berlin" not in [h.id for h in res.programmes]
    grw = next(h for h in res.hidden_ineligible if h.id == "grw-berlin")
    assert any(c.verdict == "violated" and "vor Beginn des Vorhabens" in c.reason for c in grw.criteria)
    # not ordered yet: the same company is asked, once, whether it has started
    open_q = match(q.replace("haben letzte Woche eine neue Faserlaser-Schneidanlage für 420.000 € verbindlich bestellt",
                             "wollen eine neue Faserlaser-Schneidanlage für 420.000 € anschaffen"), engine=real_engine)
    assert "grw-berlin" in [h.id for h in open_q.programmes[:3]]
    started = [x for x in open_q.questions if "begonnen" in x]
    assert len(started) == 1


@pytest.mark.parametrize("q", [
    "Wir sind ein Berliner Maschinenbauer mit 40 MA und wissen nicht, welche Förderung für unsere neue Halle passt. Wer berät uns?",
    "We are a Berlin hardware start-up looking for EU partners and advice on funding for our next product.",
    "Wir sind ein Berliner Chemie-KMU und suchen Kontakte für Kreislaufwirtschaft und Energieeffizienz.",
])
def test_no_offer_is_shown_twice_under_two_kinds(real_engine, q):
    """A real offer with records of two kinds (the IBB and its funding advice line, EEN, Berlin Partner, KEK)
    appears once across the programme list, the support lane and the contacts."""
    from matcher.ecosystem import offer_groups

    res = match(q, engine=real_engine)
    same = offer_groups([*real_engine.corpus.projects, *real_engine.corpus.actors])
    shown = [h.id for h in res.programmes] + [h.id for h in res.support] + [p.id for p in res.projects]
    offers = [frozenset(same.get(i, {i})) for i in shown]
    assert len(offers) == len(set(offers)), shown
    assert not {"ibb", "ibb-foerderberatung"} <= set(shown)  # the bank as contact is its funding advice line


@pytest.mark.parametrize("q,lang,first", [
    ("Förderung für unsere Bäckerei in Neukölln?", "de", "Was genau möchten Sie finanzieren"),
    ("funding for our bakery in Neukölln?", "en", "What exactly do you want to finance"),
])
def test_a_company_that_names_no_project_is_first_asked_what_it_wants_to_finance(real_engine, q, lang, first):
    res = match(q, engine=real_engine)
    assert res.profile.org_type == "company" and res.lang == lang
    assert res.questions[0].startswith(first)


def test_games_music_and_film_funders_reach_their_field_and_no_other(real_engine):
    studio = match("Wir sind ein Indie-Game-Studio in Kreuzberg, 6 Leute, und wollen einen spielbaren Prototyp "
                   "für unser nächstes Spiel bauen. Welche Förderung gibt es?", engine=real_engine)
    assert "medienboard-games" in [h.id for h in studio.programmes[:3]]
    label = match("Wir sind ein kleines Label für elektronische Musik aus Neukölln und wollen das Video und die "
                  "Pressearbeit für das Album einer Berliner Künstlerin finanzieren.", engine=real_engine)
    assert "musicboard-labelfoerderung" in [h.id for h in label.programmes[:5]]
    media = {"medienboard-games", "games-foerderung-bund", "musicboard-labelfoerderung",
             "initiative-musik-kuenstlerinnenfoerderung", "medienboard-filmfoerderung", "dfff-gmpf"}
    for q in ("R&D tax credit Germany – we're a group with 5,000 employees, R&D centre in Berlin.",
              "funding for our bakery?", "Betrieb in Tegel, was gibts an Förderung?"):
        assert not media & {h.id for h in match(q, engine=real_engine).programmes[:10]}, q


def test_a_company_of_a_group_is_not_called_an_sme_and_is_asked_for_the_group_s_size(real_engine):
    res = match("Unser Mutterkonzern sitzt in Stuttgart, wir sind die Berliner Tochter mit 80 Leuten in Tempelhof und "
                "wollen eine neue Prüfanlage entwickeln.", engine=real_engine)
    assert res.profile.facts.get("linked_group") is True and res.profile.in_berlin is True
    assert "Teil einer Unternehmensgruppe (KMU-Status offen)" in res.answer
    assert "mittleres Unternehmen (KMU)" not in res.answer
    assert any("Unternehmensgruppe insgesamt" in q for q in res.questions)
    open_size = [c for h in res.programmes for c in h.criteria if c.rule == "sme_target" and c.verdict == "unknown"]
    assert open_size and all("Unternehmensgruppe" in c.reason for c in open_size)
    alone = match("Wir sind ein unabhängiges Familienunternehmen mit 80 Leuten in Tempelhof und wollen eine neue "
                  "Prüfanlage entwickeln.", engine=real_engine)
    assert "mittleres Unternehmen (KMU)" in alone.answer
    assert not any("Unternehmensgruppe" in q for q in alone.questions)
