# ruff: noqa: E501  (table rows hold citation sentences)
"""The German citation forms, row by row: UN instruments named in German (``Artikel 18 des
Zivilpakts``, ``Art. 19 IPbpR``), EU acts as JRC-Acquis tokenises them (``Nr . 1898/87``) and
as old prints write them with the long s (``Beſchluss``), OJ references with the issue's year
after a slash (``ABl. L 119/2016, S. 1``) and lists of issues closed by ``und`` or going on
with acts published on their own (``; L 2024/1234 vom 17.5.2024``), a treaty named before its
article (``Vertrag über die Europäische Union, Art. 6``), a case's party name in brackets
before the judgment's paragraph (``C-362/14 (Schrems), Rn. 94``) and the parts of an annex
(``Anhang II Teil A``). Made-up sentences in the shapes German drafters, courts and federal
statutes write; each row gives every citation expected (id, pinpoint), and the negative rows
German prose that cites nothing."""

from __future__ import annotations

import attrs
import pytest
from eu_cases import found

from citecheck.families import eu_treaties
from citecheck.families.instruments import catalog

R = "der Verordnung (EU) 2016/679"

ROWS: list[tuple[str, list[tuple[str, str]]]] = [
    # UN instruments named in German, inflected, and their German acronyms
    ("Artikel 18, 19 und 20 des Zivilpakts gelten", [("instrument:iccpr", "art. 18; art. 19; art. 20")]),
    ("nach Artikel 18 des Internationalen Paktes über bürgerliche und politische Rechte", [("instrument:iccpr", "art. 18")]),
    ("nach Art. 19 Abs. 2 IPbpR ist", [("instrument:iccpr", "art. 19(2)")]),
    ("Artikel 2 des Sozialpakts verpflichtet", [("instrument:icescr", "art. 2")]),
    ("Art. 11 des Internationalen Pakts über wirtschaftliche, soziale und kulturelle Rechte", [("instrument:icescr", "art. 11")]),
    ("Art. 12 IPwskR", [("instrument:icescr", "art. 12")]),
    ("Artikel 1 der Allgemeinen Erklärung der Menschenrechte", [("instrument:udhr", "art. 1")]),
    ("Art. 19 AEMR", [("instrument:udhr", "art. 19")]),
    ("Artikel 3 des Übereinkommens über die Rechte des Kindes", [("instrument:crc", "art. 3")]),
    ("Artikel 3 der UN-Kinderrechtskonvention", [("instrument:crc", "art. 3")]),
    ("Artikel 24 UN-BRK", [("instrument:crpd", "art. 24")]),
    ("Artikel 24 des Übereinkommens über die Rechte von Menschen mit Behinderungen", [("instrument:crpd", "art. 24")]),
    ("Artikel 1 des Übereinkommens gegen Folter und andere grausame, unmenschliche oder erniedrigende Behandlung oder Strafe", [("instrument:cat", "art. 1")]),
    ("Artikel 5 des Internationalen Übereinkommens zur Beseitigung jeder Form von Rassendiskriminierung", [("instrument:cerd", "art. 5")]),
    ("Artikel 2 des Übereinkommens zur Beseitigung jeder Form von Diskriminierung der Frau", [("instrument:cedaw", "art. 2")]),
    ("Artikel 2 des Internationalen Übereinkommens zum Schutz aller Personen vor dem Verschwindenlassen", [("instrument:ced", "art. 2")]),
    ("Artikel 7 der Internationalen Konvention zum Schutz der Rechte aller Wanderarbeitnehmer und ihrer Familienangehörigen", [("instrument:cmw", "art. 7")]),
    ("Artikel 7 des Römischen Statuts des Internationalen Strafgerichtshofs", [("instrument:rome-statute", "art. 7")]),
    ("Artikel 55 der Charta der Vereinten Nationen", [("instrument:un-charter", "art. 55")]),
    # a full name alone cites the instrument
    ("Das Übereinkommen über die Rechte des Kindes verpflichtet die Staaten.", [("instrument:crc", "")]),
    # the EU Treaties and the Charter named before their article, after a comma
    ("Vertrag über die Europäische Union, Art. 6", [("instrument:teu", "art. 6")]),
    ("Vertrag über die Arbeitsweise der Europäischen Union, Art. 267 Abs. 2", [("instrument:tfeu", "art. 267(2)")]),
    ("Charta der Grundrechte der Europäischen Union, Artikel 8", [("instrument:cfr", "art. 8")]),
    # ... unless the article after the comma is another act's
    ("nach dem Vertrag über die Europäische Union, Art. 6 der Verordnung (EU) 2016/679",
     [("instrument:teu", ""), ("celex:32016R0679", "art. 6")]),
    # ... nor when an abbreviation or another act's name follows the article's body: that act's
    # article (review H1)
    ("Vertrag über die Europäische Union, Art. 267 AEUV", [("instrument:teu", ""), ("instrument:tfeu", "art. 267")]),
    ("Charta der Grundrechte der Europäischen Union, Art. 8 EMRK", [("instrument:cfr", ""), ("instrument:echr", "art. 8")]),
    ("Vertrag über die Europäische Union, Art. 3 GG bleibt unberührt", [("instrument:teu", "")]),
    ("Übereinkommen über die Rechte des Kindes, Art. 6 GG", [("instrument:crc", "")]),
    ("Vertrag über die Arbeitsweise der Europäischen Union, Art. 3 Nr. 4 BayDSG", [("instrument:tfeu", "")]),
    # a capitalised word after the article is prose as often as a name (every German noun is
    # capitalised): the article stays the treaty's; only an acronym or "des …" refuses it
    ("Vertrag über die Europäische Union, Art. 6 Grundrechte werden geachtet.",
     [("instrument:teu", "art. 6")]),
    ("Richtlinie (EU) 2019/1937, Art. 4 Hinweisgeber sind geschützt.",
     [("celex:32019L1937", "art. 4")]),
    ("Vertrag über die Europäische Union, Art. 6 UN-BRK", [("instrument:teu", ""), ("instrument:crpd", "art. 6")]),
    ("Vertrag über die Europäische Union, Art. 3 des Grundgesetzes", [("instrument:teu", "")]),
    ("Vertrag über die Europäische Union, Art. 6 EUV", [("instrument:teu", ""), ("instrument:teu", "art. 6")]),
    ("Vertrag über die Europäische Union, Art. 3 GG.", [("instrument:teu", "")]),
    ("Vertrag über die Europäische Union, Art. 267\nAEUV", [("instrument:teu", ""), ("instrument:tfeu", "art. 267")]),
    # ... and after an EU act's title, in every language
    ("Verordnung (EU) 2016/679, Art. 6 AEUV", [("celex:32016R0679", ""), ("instrument:tfeu", "art. 6")]),
    ("règlement (CE) n° 1234/2007 du Conseil, article 36 TFUE", [("celex:32007R1234", ""), ("instrument:tfeu", "art. 36")]),
    ("Reglamento (UE) 2016/679, artículo 6 TFUE", [("celex:32016R0679", ""), ("instrument:tfeu", "art. 6")]),
    # ... the article stays the name's before a subdivision, a paragraph mark or a lower-case word
    ("Vertrag über die Europäische Union, Art. 6 Abs. 3 ist zu beachten", [("instrument:teu", "art. 6(3)")]),
    ("Vertrag über die Europäische Union, Art. 6 ist zu beachten", [("instrument:teu", "art. 6")]),
    ("Vertrag über die Europäische Union, Art. 6. Die Union achtet", [("instrument:teu", "art. 6")]),
    ("Vertrag über die Europäische Union, Art. 6 Hs. 2 gilt", [("instrument:teu", "art. 6")]),
    ("Vertrag über die Europäische Union, Art. 6 Die Union achtet", [("instrument:teu", "art. 6")]),
    ("Verordnung (EU) 2016/679, Art. 6 Abs. 1 Satz 2 ist", [("celex:32016R0679", "art. 6(1)")]),
    ("règlement (CE) n° 1234/2007 du Conseil, article 36, paragraphe 1 Les États membres", [("celex:32007R1234", "art. 36(1)")]),
    # the weak forms after the definite article ("der Internationale Pakt", "das Römische
    # Statut"), derived from the catalog's names (review M4)
    ("Der Internationale Pakt über bürgerliche und politische Rechte gilt.", [("instrument:iccpr", "")]),
    ("Der Internationale Pakt über wirtschaftliche, soziale und kulturelle Rechte gilt.", [("instrument:icescr", "")]),
    ("Das Römische Statut des Internationalen Strafgerichtshofs", [("instrument:rome-statute", "")]),
    ("Das Römische Statut, Art. 7", [("instrument:rome-statute", "art. 7")]),
    ("Die Allgemeine Erklärung der Menschenrechte gilt.", [("instrument:udhr", "")]),
    ("Das Internationale Übereinkommen zur Beseitigung jeder Form von Rassendiskriminierung", [("instrument:cerd", "")]),
    ("Die Internationale Konvention zum Schutz der Rechte aller Wanderarbeitnehmer und ihrer Familienangehörigen", [("instrument:cmw", "")]),
    ("die Europäische Menschenrechtskonvention, Art. 8", [("instrument:echr", "art. 8")]),
    ("Internationaler Pakt über bürgerliche und politische Rechte, Art. 19", [("instrument:iccpr", "art. 19")]),
    ("Artikel 19 des Internationalen Paktes über bürgerliche und politische Rechte", [("instrument:iccpr", "art. 19")]),
    # JRC-Acquis tokenisation: a space before the dot of "Nr.", inside the brackets
    ("Verordnung (EWG) Nr . 1898/87 des Rates", [("celex:31987R1898", "")]),
    ("Verordnung ( EWG ) Nr . 1898/87", [("celex:31987R1898", "")]),
    ("die Verordnungen (EWG) Nr . 1898/87 und Nr . 1899/87", [("celex:31987R1898", ""), ("celex:31987R1899", "")]),
    ("(ABl. Nr . L 12 vom 3.1.1987, S. 4)", [("oj:L/1987/12/p4", "")]),
    # the long s of old prints
    ("Beſchluss 2010/300/EU der Kommiſſion", [("celex:32010D0300", "")]),
    ("des Rahmenbeſchluſſes 2002/584/JI des Rates", [("celex:32002F0584", "")]),
    ("Entſcheidung 2001/264/EG des Rates", [("celex:32001D0264", "")]),
    # the JHA joint actions' German title, "Gemeinsame Maßnahme", inflected
    ("Gemeinsame Maßnahme 98/733/JI vom 21. Dezember 1998", [("celex:31998F0733", "")]),
    ("der Gemeinsamen Maßnahme 97/154/JI des Rates", [("celex:31997F0154", "")]),
    ("des Gemeinsamen Standpunktes 2001/931/GASP", [("celex:32001E0931", "")]),
    # an OJ issue with its year after a slash: the year, not a page
    ("ABl. L 119/2016, S. 1", [("oj:L/2016/119/p1", "")]),
    ("(ABl. L 119/2016)", [("oj:L/2016/119", "")]),
    ("ABl. EU L 176/2013 S. 1", [("oj:L/2013/176/p1", "")]),
    ("OJ L 119/2016, p. 1", [("oj:L/2016/119/p1", "")]),
    ("ABl. L 176/1", [("oj:L/?/176/p1", "")]),
    # lists of issues: closed by "und", going on with acts published on their own
    ("(ABl. L 176 vom 27.6.2013, S. 1, L 208 vom 2.8.2013, S. 68 und L 321 vom 30.11.2013, S. 6)",
     [("oj:L/2013/176/p1", ""), ("oj:L/2013/208/p68", ""), ("oj:L/2013/321/p6", "")]),
    ("(ABl. L 176 vom 27.6.2013, S. 1; L 2024/1234 vom 17.5.2024)",
     [("oj:L/2013/176/p1", ""), ("oj:L/2024/1234", "")]),
    ("(ABl. L 2024/2987 vom 29.11.2024; L 2025/12 vom 3.1.2025)",
     [("oj:L/2024/2987", ""), ("oj:L/2025/12", "")]),
    ("(ABl. L 176 vom 27.6.2013, S. 1; L 208 vom 2.8.2013, S. 68;\n  L 2024/1234 vom 17.5.2024)",
     [("oj:L/2013/176/p1", ""), ("oj:L/2013/208/p68", ""), ("oj:L/2024/1234", "")]),
    ("(ABl. L 176 vom 27.6.2013, S. 1; L, 2024/1623, 19.6.2024)",
     [("oj:L/2013/176/p1", ""), ("oj:L/2024/1623", "")]),
    # ... an act-by-act number without its date is no issue of a list
    ("(ABl. L 176 vom 27.6.2013, S. 1; L 2020/13)", [("oj:L/2013/176/p1", "")]),
    # the Journal's name misspelt with a small l, shortened "der EU"; the page word written out
    ("(Abl. L 119 vom 4.5.2016, S. 1)", [("oj:L/2016/119/p1", "")]),
    ("(Abl. EG Nr. L 281 S. 31)", [("oj:L/?/281/p31", "")]),
    ("(Amtsblatt der EU L 119 vom 4.5.2016, S. 1)", [("oj:L/2016/119/p1", "")]),
    ("(ABl. L 119 vom 4. Mai 2016, Seite 1)", [("oj:L/2016/119/p1", "")]),
    # statute style with the date after the page: the date gives the year
    ("(ABl. L 119 S. 1 vom 4.5.2016)", [("oj:L/2016/119/p1", "")]),
    ("(ABl. L 119 S. 1), vom 4.5.2016", [("oj:L/?/119/p1", "")]),
    # a case's party name in brackets before the judgment's paragraph
    ("C-362/14 (Schrems), Rn. 94", [("case:C-362/14", "para. 94")]),
    ("EuGH, Urt. v. 6.10.2015 – C-362/14 (Schrems), Rn. 94", [("case:C-362/14", "para. 94")]),
    ("EuGH, C-311/18 (Facebook Ireland und Schrems), Randnr. 42", [("case:C-311/18", "para. 42")]),
    # ... only before a judgment's paragraph word
    ("C-362/14 (Schrems), S. 94", [("case:C-362/14", "")]),
    ("C-362/14 (siehe oben), Rn. 94", [("case:C-362/14", "")]),
    # the parts of an annex: read, left out of the pinpoint
    (f"Anhang II Teil A {R}", [("celex:32016R0679", "annex II")]),
    (f"Anhang II Teil A Nummer 3 {R}", [("celex:32016R0679", "annex II")]),
    (f"Nummer 3 des Teils A des Anhangs II {R}", [("celex:32016R0679", "annex II")]),
    (f"Anhang II Teil A und Artikel 6 {R}", [("celex:32016R0679", "annex II; art. 6")]),
]

NEGATIVE = [
    "unter Nr. 3 der Liste",
    "unter Nr . 3 der Liste",
    "nach Art. 3 GG ist",
    "gemäß § 3 BDSG gilt",
    "nach Abs. 2 ist",
    "am 4.5.2016 wurde",
    "ein Betrag von 2016/679 Euro",
    "vgl. Rn. 94 oben",
    "der Vertrag wurde geschlossen",
    "Der Vertrag über die Lieferung von Waren, Art. 6, ist wirksam.",
    "Beschluss vom 12. Mai 2020 des Landgerichts",
    "S. 1 des Gutachtens",
    "im Jahr 2016/17 wurden",
    "Satz 2 gilt entsprechend",
    "Teil A der Anlage ist beigefügt.",
    "Der Pakt zwischen den Parteien gilt.",
    "Das Übereinkommen der Parteien vom 3. Mai ist wirksam.",
    "Das Statut des Vereins regelt dies.",
    "gemeinsame Maßnahmen der Mitgliedstaaten 2015/16",
    "L 119/2016 ist die Nummer der Akte.",
    "ſiehe Art. 3 und Nr. 4",
    "Die Abl. L 5 ist abgelaufen.",
    "Seite 3 des Berichts",
    # a declined adjective alone names no instrument
    "Der Internationale Pakt der Parteien gilt.",
    "Das Römische Recht gilt.",
    "Die Allgemeine Erklärung der Parteien",
]


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[r[0][:50] for r in ROWS])
def test_german_grammar_rows(text: str, expected: list[tuple[str, str]]) -> None:
    assert sorted({(i, p) for i, _, p in found(text)}) == sorted(expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_german_prose_cites_nothing(text: str) -> None:
    assert found(text) == []


DECLINED = [
    # a name opening with a declining adjective: every ending
    ("Internationaler Pakt über X", {"Internationaler Pakt über X", "Internationale Pakt über X",
                                     "Internationalen Pakt über X", "Internationales Pakt über X",
                                     "Internationalem Pakt über X"}),
    ("Römisches Statut", {"Römisches Statut", "Römische Statut", "Römischen Statut", "Römischer Statut", "Römischem Statut"}),
    # no declining adjective first: the name as written
    ("Übereinkommen über die Rechte des Kindes", {"Übereinkommen über die Rechte des Kindes"}),
    ("Vertrag über die Europäische Union", {"Vertrag über die Europäische Union"}),
    ("Internationalität der Rechte", {"Internationalität der Rechte"}),
    ("IStGH-Statut", {"IStGH-Statut"}),
]


@pytest.mark.parametrize(("name", "forms"), DECLINED, ids=[r[0] for r in DECLINED])
def test_german_names_decline(name: str, forms: set[str]) -> None:
    assert set(eu_treaties.declined("de", [name])) == forms


def test_spanish_names_do_not_decline() -> None:
    assert eu_treaties.declined("es", ["Pacto Internacional"]) == ("Pacto Internacional",)


def test_every_german_name_wakes_the_family() -> None:
    triggers = eu_treaties.FAMILY.triggers
    for inst in catalog().instruments.values():
        block = inst.languages.get("de", {})
        names = (*eu_treaties.declined("de", block.get("names", ())), *block.get("short", ()),
                 *block.get("abbreviations", ()))
        for name in names:
            assert any(t in name.lower() for t in triggers), name


def test_a_name_added_to_the_data_wakes_the_family(monkeypatch: pytest.MonkeyPatch) -> None:
    real = catalog()
    crc = real.instruments["crc"]
    added = {**crc.languages, "de": {**crc.languages["de"], "names": ("Kinderschutzabkommen",)}}
    fake = attrs.evolve(real, instruments={**real.instruments, "crc": attrs.evolve(crc, languages=added)})
    monkeypatch.setattr(eu_treaties, "catalog", lambda: fake)
    assert "kinderschutzabkommen" in eu_treaties._name_triggers("de")
    assert "kinderschutzabkommen" not in eu_treaties.FAMILY.triggers  # the data as shipped

