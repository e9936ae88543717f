"""German and English strings of the UI. German is the default; ``t(key, lang)`` picks one."""

from __future__ import annotations

from matcher.answer import NEED_LABELS
from matcher.models import (
    INSTRUMENT_LABELS_DE, INSTRUMENT_LABELS_EN, LEVEL_LABELS_DE, LEVEL_LABELS_EN, STATUS_LABELS_DE,
    STATUS_LABELS_EN,
)

STRINGS: dict[str, tuple[str, str]] = {
    "title": ("Förderlotse", "Förderlotse"),
    "subtitle": ("Förderprogramme und MPI-Projekte für Ihr Unternehmen – Masterplan Industriestadt Berlin",
                 "Funding programmes and MPI projects for your company – Masterplan Industriestadt Berlin"),
    "lang_label": ("Sprache", "Language"),
    "chat_label": ("Beratung", "Consultation"),
    "chat_placeholder": ("**Beschreiben Sie Ihr Unternehmen:** Branche, Größe, Standort und was Sie vorhaben.\n\n"
                         "Describe your company in German or English.",
                         "**Describe your company:** sector, size, location and what you plan to do.\n\n"
                         "Sie können auch auf Deutsch schreiben."),
    "input_placeholder": ("z. B. Wir sind ein Berliner Maschinenbauer mit 40 Mitarbeitenden und wollen …",
                          "e.g. We are a Berlin machine builder with 40 employees and want to …"),
    "send": ("Senden", "Send"),
    "new": ("Neue Beratung", "New consultation"),
    "suggest": ("Rückfragen – zum Beantworten anklicken:", "Follow-up questions – click to answer:"),
    "programmes": ("Förderprogramme", "Funding programmes"),
    "projects": ("MPI-Projekte und Ansprechpartner", "MPI projects and contacts"),
    "picture": ("Überblick", "Overview"),
    "profile": ("Ihr Profil (bearbeitbar)", "Your profile (editable)"),
    "filters": ("Filter", "Filters"),
    "f_levels": ("Ebene", "Level"),
    "f_instruments": ("Instrument", "Instrument"),
    "f_open": ("Nur offene Programme", "Only open programmes"),
    "f_inel": ("Auch nicht förderfähige zeigen", "Also show ineligible"),
    "p_employees": ("Mitarbeitende", "Employees"),
    "p_founded": ("Gründungsjahr", "Year founded"),
    "p_berlin": ("Standort Berlin", "Located in Berlin"),
    "p_stage": ("Phase", "Stage"),
    "p_org": ("Organisationsart", "Organisation type"),
    "p_topics": ("Themen", "Topics"),
    "p_needs": ("Bedarf", "Needs"),
    "p_instr": ("Gewünschte Instrumente", "Wished instruments"),
    "rerate": ("Neu bewerten", "Re-evaluate"),
    "export": ("Export", "Export"),
    "export_pdf": ("PDF herunterladen", "Download PDF"),
    "export_md": ("Markdown herunterladen", "Download Markdown"),
    "saved": ("Gespeicherte Beratungen (Wirtschaftsförderung)", "Saved consultations (business development staff)"),
    "client": ("Kunde / Unternehmen", "Client / company"),
    "notes": ("Notizen", "Notes"),
    "save": ("Speichern", "Save"),
    "saved_list": ("Gespeicherte Beratungen", "Saved consultations"),
    "open": ("Öffnen", "Open"),
    "delete": ("Löschen", "Delete"),
    "refresh": ("Liste aktualisieren", "Refresh list"),
    "feedback": ("War diese Antwort hilfreich?", "Was this answer helpful?"),
    "fb_comment": ("Kommentar (optional)", "Comment (optional)"),
    "fb_thanks": ("Danke für Ihr Feedback!", "Thank you for your feedback!"),
    "fb_none": ("Es gibt noch keine Antwort zum Bewerten.", "There is no answer to rate yet."),
    "saved_ok": ("Beratung gespeichert.", "Consultation saved."),
    "deleted_ok": ("Beratung gelöscht.", "Consultation deleted."),
    "nothing_to_save": ("Noch keine Beratung zum Speichern – stellen Sie zuerst eine Frage.",
                        "No consultation to save yet – ask a question first."),
    "pick_one": ("Bitte zuerst eine gespeicherte Beratung auswählen.", "Please pick a saved consultation first."),
    "not_found": ("Diese Beratung gibt es nicht mehr.", "This consultation no longer exists."),
    "need_client": ("Bitte einen Namen für den Kunden angeben.", "Please enter a client name."),
    "no_results": ("Noch keine Ergebnisse. Beschreiben Sie links Ihr Unternehmen.",
                   "No results yet. Describe your company on the left."),
    "no_programmes": ("Keine passenden Programme gefunden.", "No matching programmes found."),
    "eligible": ("voraussichtlich förderfähig", "likely eligible"),
    "uncertain": ("Förderfähigkeit offen", "eligibility unclear"),
    "ineligible": ("nicht förderfähig", "not eligible"),
    "hidden_inel": ("Nicht förderfähig", "Not eligible"),
    "deadline": ("Frist", "Deadline"),
    "as_of": ("Stand", "As of"),
    "funding_rate": ("Förderquote", "Funding rate"),
    "amount": ("Umfang", "Amount"),
    "why": ("Warum", "Why"),
    "criteria": ("Voraussetzungen", "Eligibility criteria"),
    "sources": ("Quellen", "Sources"),
    "contact": ("Kontakt", "Contact"),
    "project": ("MPI-Projekt", "MPI project"),
    "actor": ("Ansprechpartner", "Contact point"),
    "running": ("laufend", "running"),
    "completed": ("abgeschlossen", "completed"),
    "yes": ("ja", "yes"),
    "no": ("nein", "no"),
    "unknown": ("unbekannt", "unknown"),
    "empty_input": ("Bitte beschreiben Sie zuerst Ihr Unternehmen.", "Please describe your company first."),
    "thinking": ("Ich suche passende Programme …", "Looking for matching programmes …"),
    "understood": ("Verstanden: {profile}. Ich prüfe {n} Programme …", "Understood: {profile}. Checking {n} programmes …"),
    "understood_q": ("Ihre Frage zu {names} – ich sehe in den Programmunterlagen nach …",
                     "Your question about {names} – looking it up in the programme records …"),
    "internal_error": ("Da ist etwas schiefgelaufen. Bitte versuchen Sie es noch einmal.",
                       "Something went wrong. Please try again."),
    "edited_turn": ("Profil bearbeitet – neu bewertet.", "Profile edited – re-evaluated."),
    "disclaimer": ("Unverbindliche Orientierung, keine Rechts- oder Förderzusage; maßgeblich sind die Richtlinien "
                   "der Programmträger.",
                   "Non-binding orientation, no legal advice or funding commitment; the programme guidelines "
                   "are authoritative."),
    "report_title": ("Förderberatung – Ergebnis", "Funding consultation – result"),
    "date": ("Datum", "Date"),
    "data_as_of": ("Datenstand", "Data as of"),
    "open_questions": ("Offene Fragen", "Open questions"),
    "shortlist": ("Auswahl", "Shortlist"),
    "chart_title": ("Treffer nach Ebene und Instrument", "Matches by level and instrument"),
    "support": ("Beratung, Netzwerke, Qualifizierung", "Advice, networks, training"),
    "verified_on": ("geprüft am", "checked on"),
    "not_verified": ("nicht gegen eine offizielle Quelle geprüft", "not checked against an official source"),
    "secondary_only": ("nur Sekundärquelle", "secondary source only"),
    "answer_done": ("Antwort vollständig", "Answer complete"),
    # issue 11: the Förderfahrplan tab, programme questions and what changed since a consultation
    "tab_results": ("Ergebnis", "Results"),
    "tab_plan": ("Förderfahrplan", "Funding plan"),
    "tab_changes": ("Was hat sich geändert?", "What has changed?"),
    "asked_programmes": ("Ihre Frage zu", "Your question about"),
    "no_plan": ("Noch kein Förderfahrplan: Er entsteht aus der Auswahl, sobald Sie Ihr Unternehmen beschrieben haben.",
                "No funding plan yet: it is built from the shortlist once you have described your company."),
    "plan_nothing": ("Kein Programm der Auswahl kommt derzeit in Frage.", "No programme of the shortlist qualifies at the moment."),
    "plan_order": ("Reihenfolge", "Order"),
    "timeline_title": ("Die nächsten 12 Monate", "The next 12 months"),
    "today": ("heute", "today"),
    "rolling_any_time": ("laufend beantragbar", "can be applied for at any time"),
    "planned_not_open": ("angekündigt, noch nicht geöffnet", "announced, not open yet"),
    "cutoff": ("Stichtag", "cut-off date"),
    "plan_combinations": ("Zusammen möglich (für dasselbe Vorhaben)", "Can run together (same project)"),
    "plan_exclusions": ("Schließen sich aus", "Exclude each other"),
    "plan_left_out": ("Nicht im Plan", "Not in the plan"),
    "plan_because_of": ("wegen", "because of"),
    "plan_de_minimis": ("De-minimis-Beihilfen (Obergrenze in drei Jahren)", "De-minimis aid (ceiling over three years)"),
    "dm_planned": ("im Plan (höchstens)", "in the plan (at most)"),
    "dm_received": ("bereits erhalten", "already received"),
    "dm_not_stated": ("nicht angegeben", "not stated"),
    "dm_total": ("Summe", "total"),
    "dm_ceiling": ("Obergrenze", "ceiling"),
    "dm_exceeds": ("Obergrenze überschritten", "ceiling exceeded"),
    "dm_room": ("Spielraum bis zur Obergrenze:", "room left under the ceiling:"),
    "dm_grant_equivalent": ("nur der Subventionswert zählt", "only the grant equivalent counts"),
    "timeline_table": ("Termine (12 Monate)", "Dates (12 months)"),
    "tl_programme": ("Programm", "Programme"),
    "tl_date": ("Datum", "Date"),
    "tl_kind": ("Art", "Kind"),
    "rc_intro": ("Gespeicherte Beratungen gegen den aktuellen Datenstand prüfen: neu passende Programme, geschlossene "
                 "oder abgelaufene, geänderte Beträge, Quoten und Fristen, neue Aufrufe. Gespeicherte Beratungen "
                 "bleiben unverändert; jede Prüfung wird daneben abgelegt.",
                 "Check saved consultations against the current data: programmes that now fit, closed or expired "
                 "ones, changed amounts, rates and deadlines, new calls. Saved consultations stay as they are; "
                 "each check is stored beside them."),
    "rc_run": ("Jetzt prüfen", "Check now"),
    "rc_done": ("Prüfung abgeschlossen", "Check complete"),
    "rc_none": ("Noch keine Prüfung gespeicherter Beratungen.", "No saved consultation has been checked yet."),
    "rc_saved": ("gespeichert", "saved"),
    "rc_checked": ("geprüft", "checked"),
    "rc_differences": ("Änderung(en)", "change(s)"),
    "rc_no_change": ("Keine Änderungen.", "No changes."),
    "rc_now_fit": ("Passt jetzt", "Now fits"),
    "rc_closed": ("Geschlossen", "Closed"),
    "rc_deadline_passed": ("Frist abgelaufen", "deadline passed"),
    "rc_closed_now": ("Programm geschlossen", "programme closed"),
    "rc_changed": ("Geändert:", "Changed:"),
    "rc_field_amount": ("Umfang", "amount"),
    "rc_field_funding_rate": ("Förderquote", "funding rate"),
    "rc_field_deadline": ("Frist", "deadline"),
    "rc_new_calls": ("Neue Stichtage", "New cut-off dates"),
    "rc_removed": ("Nicht mehr im Datenbestand", "No longer in the data"),
}

# Labels of the checkable facts a source can state (``matcher.models.ProvenanceField``).
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "applicants": ("Antragsberechtigte", "applicants"), "max_employees": ("Höchstzahl Beschäftigte", "maximum staff"),
    "min_employees": ("Mindestzahl Beschäftigte", "minimum staff"),
    "max_turnover_eur": ("Umsatzgrenze", "turnover limit"), "max_company_age_years": ("Höchstalter", "maximum age"),
    "min_company_age_years": ("Mindestalter", "minimum age"), "pre_founding": ("vor der Gründung", "pre-founding"),
    "location": ("Standort", "location"), "partner": ("Partner", "partner"), "amount": ("Umfang", "amount"),
    "funding_rate": ("Förderquote", "funding rate"), "status": ("Status", "status"), "deadline": ("Frist", "deadline"),
    "call_dates": ("Stichtage", "call dates"), "aid_basis": ("Beihilferecht", "state-aid basis"),
    "apply_before_start": ("Antrag vor Beginn", "apply before start"),
    "combination": ("Kombinierbarkeit", "combination"), "conditions": ("Bedingungen", "conditions"),
}

EXAMPLES_DE = [
    "Wir recyceln Kunststoff, 40 MA, Berlin, wollen mit der TU eine Sortieranlage entwickeln",
    "Gründerteam aus Berlin, noch nicht gegründet, wir entwickeln eine KI für die Qualitätsprüfung",
    "Maschinenbau in Berlin-Spandau, 120 Mitarbeitende, wir wollen unsere Fertigung energieeffizienter machen",
]
EXAMPLES_EN = [
    "We are a Berlin robotics startup with 8 people, founded 2023, looking for a grant for our prototype",
    "Medium-sized food producer in Berlin, 60 staff, we want to invest in a new production line",
]

STAGES = ("pre_founding", "startup", "established")
STAGE_LABELS = {"pre_founding": ("vor der Gründung", "pre-founding"), "startup": ("Start-up (< 5 Jahre)", "start-up (< 5 years)"),
                "established": ("etabliert", "established")}
ORG_TYPES = ("company", "research", "individual", "association")
ORG_LABELS = {"company": ("Unternehmen", "company"), "research": ("Forschungseinrichtung", "research institution"),
              "individual": ("Einzelperson / Gründungsteam", "individual / founding team"),
              "association": ("Verband / Verein", "association")}

# Answer templates offered when a follow-up question is clicked (keyed by words in the question).
ANSWER_TEMPLATES: list[tuple[tuple[str, ...], tuple[str, str]]] = [
    (("Mitarbeitende", "employees"), ("Wir haben … Mitarbeitende.", "We have … employees.")),
    (("Jahresumsatz", "turnover"), ("Unser Jahresumsatz liegt bei etwa … EUR.", "Our annual turnover is about … EUR.")),
    (("gegründet", "founded"), ("Wir wurden … gegründet.", "We were founded in …")),
    (("Sitz", "based"), ("Unser Sitz ist in …", "We are based in …")),
    (("Hochschule", "university"), ("Ja, wir planen das Vorhaben mit … als Forschungspartner.",
                                    "Yes, we plan the project with … as research partner.")),
]


def t(key: str, lang: str = "de") -> str:
    """The UI string ``key`` in ``lang`` ('de' or 'en'); unknown keys are returned as they are."""
    pair = STRINGS.get(key)
    if pair is None:
        return key
    return pair[0 if lang != "en" else 1]


def _i(lang: str) -> int:
    return 1 if lang == "en" else 0


def level_label(level: str, lang: str) -> str:
    return (LEVEL_LABELS_EN if lang == "en" else LEVEL_LABELS_DE).get(level, level)


def instrument_label(ins: str, lang: str) -> str:
    return (INSTRUMENT_LABELS_EN if lang == "en" else INSTRUMENT_LABELS_DE).get(ins, ins)


def status_label(status: str, lang: str) -> str:
    return (STATUS_LABELS_EN if lang == "en" else STATUS_LABELS_DE).get(status, status)


def need_label(need: str, lang: str) -> str:
    pair = NEED_LABELS.get(need)
    return pair[_i(lang)] if pair else need


def field_label(name: str, lang: str) -> str:
    pair = FIELD_LABELS.get(name)
    return pair[_i(lang)] if pair else name.replace("_", " ")


def source_kind_label(kind: str | None, lang: str) -> str:
    from matcher.models import SOURCE_KIND_LABELS_DE, SOURCE_KIND_LABELS_EN

    return (SOURCE_KIND_LABELS_EN if lang == "en" else SOURCE_KIND_LABELS_DE).get(kind or "", "")


def stage_label(stage: str, lang: str) -> str:
    return STAGE_LABELS[stage][_i(lang)] if stage in STAGE_LABELS else stage


def org_label(org: str, lang: str) -> str:
    return ORG_LABELS[org][_i(lang)] if org in ORG_LABELS else org


def answer_template(question: str, lang: str) -> str:
    """A sentence to complete for a clicked follow-up question (empty if none fits)."""
    for words, pair in ANSWER_TEMPLATES:
        if any(w.lower() in question.lower() for w in words):
            return pair[_i(lang)]
    return ""


def fmt_date(d, lang: str) -> str:
    if d is None:
        return ""
    return d.strftime("%d.%m.%Y") if lang != "en" else d.isoformat()
