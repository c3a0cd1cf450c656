"""RetourCode (LDT_RetourCode, WJ001): the verdict on a message class in a retour, with the
standard's Dutch text of each code (the basisschema's enumeration). iWmo and iJw hold the same codes;
four texts differ (9360, 9365, 9413, 9415), and ``label_in`` gives each set's own."""

from __future__ import annotations

from smi_core.istandaarden.codelist import CodeList
from smi_core.istandaarden.kinds import Domain


class RetourCode(CodeList):
    """LDT_RetourCode (WJ001): the verdict on a message class in a retour.

    Codes 9xxx are named for the TR rule of the same number (9019 is TR019); the others by meaning,
    or by their number for the claim messages (``C8848``).
    """

    TECHNISCH_AFGEKEURD = "0001", "Bericht is afgekeurd om technische redenen."
    GEEN_OPMERKING = "0200", "Geen opmerking over deze berichtklasse."
    NIET_BEOORDEELD = "0233", "Berichtklasse is niet beoordeeld."
    C0611 = "0611", "Het ingediende tarief komt niet overeen met het contractuele tarief"
    C8001 = "8001", "Declaratie is volledig toegewezen."
    C8017 = "8017", "Van deze credit prestatie is geen debet prestatie bekend."
    C8021 = "8021", "Referentienummer prestatie is reeds aangeleverd."
    C8187 = "8187", "De prestatie hoort niet bij deze client."
    C8214 = (
        "8214",
        (
            "DeclaratiePeriode is niet de kalendermaand die volgt op voorgaande DeclaratiePeriode "
            "terwijl iedere declaratieperiode zorg geleverd is."
        ),
    )
    C8848 = "8848", "Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen."
    TR019 = "9019", "Het regie bericht kan niet gekoppeld worden aan een toewijzing."
    TR056 = "9056", "Identificatie moet per berichtsoort uniek zijn voor de verzendende partij."
    TR063 = "9063", "Het bericht kan niet verwerkt worden omdat geen eerder bericht ontvangen is."
    TR069 = "9069", "Er is geen actueel startbericht met dezelfde sleutel."
    TR071 = (
        "9071",
        ("Het eerdere start bericht kan niet verwijderd worden omdat de zorg al beeindigd is"),
    )
    TR074 = "9074", "Er is al een eerder bericht ontvangen met dezelfde sleutel."
    TR307 = "9307", "Begindatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing"
    TR308 = "9308", "Einddatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing"
    TR319 = "9319", "De ProductPeriode valt niet geheel binnen een DeclaratiePeriode."
    TR321 = "9321", "Het ingediende volume overschrijdt het toegewezen volume."
    TR322 = "9322", "De som van de ingediende volumes overschrijdt het toegewezen volume"
    TR326 = "9326", "De actuele levering is nog niet gestopt met een Stopbericht."
    TR332 = "9332", "Toewijzing heeft geen uniek nummer binnen wettelijk domein."
    TR333 = "9333", "Declaratienummer is niet uniek"
    TR338 = (
        "9338",
        (
            "Niet iedere prestatie in een declaratiebericht is gerelateerd aan een toegewezen product "
            "op basis van het toewijzingnummer"
        ),
    )
    TR339 = (
        "9339",
        ("ProductCategorie in de prestatie is niet gelijk aan ProductCategorie in het ToegewezenProduct."),
    )
    TR340 = (
        "9340",
        ("ProductCode in de Prestatie is niet gelijk aan ProductCode in het ToegewezenProduct."),
    )
    TR341 = "9341", "Eenheid in de Prestatie past niet bij Eenheid in het ToegewezenProduct"
    TR346 = (
        "9346",
        (
            "Eenheid is ongelijk is aan waarde 83 (Euro's), maar IngediendBedrag is niet gelijk aan "
            "GeleverdVolume vermenigvuldigd met (het onafgeronde) ProductTarief."
        ),
    )
    TR347 = "9347", "ReferentieAanbieder is niet uniek voor de aanbieder binnen het wettelijk domein"
    TR349 = (
        "9349",
        (
            "Het VOW bericht bevat niet alle actuele toegewezen producten van de client, hetzij in "
            "OngewijzigdProduct, hetzij in TeWijzigenProduct"
        ),
    )
    TR350 = (
        "9350",
        (
            "OngewijzigdProduct is niet gerelateerd aan een actueel toegewezen product op basis van het"
            " toewijzingnummer."
        ),
    )
    TR351 = (
        "9351",
        ("TeWijzigenProduct is niet gerelateerd aan een actuele toewijzing op basis van ToewijzingNummer."),
    )
    TR355 = (
        "9355",
        (
            "ReferentieAanbieder in het antwoordbericht komt niet voor in een eerder verzoek om "
            "toewijzing of verzoek om wijziging"
        ),
    )
    TR357 = (
        "9357",
        (
            "GewensteIngangsdatum is kleiner dan of gelijk aan de dagtekening, maar niet gelijk aan de "
            "ingangsdatum van het originele ToegewezenProduct."
        ),
    )
    TR359 = "9359", "Er is al een toewijzing gestuurd met deze ReferentieAanbieder."
    TR360 = "9360", "Er is al een antwoordbericht met deze ReferentieAanbieder"
    TR361 = "9361", "Het product komt vaker voor met overlappende zorgperiodes."
    TR365 = (
        "9365",
        (
            "Er komt al een antwoordbericht met dezelfde ReferentieAanbieder voor waar VerzoekAntwoord "
            "de waarde Nee heeft."
        ),
    )
    TR366 = "9366", "ProductReferentie komt niet voor in een Declaratiebericht"
    TR367 = (
        "9367",
        ("De waarde komt niet overeen met de waarde uit heenbericht met gelijke ProductReferentie"),
    )
    TR369 = (
        "9369",
        (
            "Budget is meegegeven, maar de som van GeleverdVolume in alle ingediende Prestaties passen "
            "niet binnen het toegewezen Budget."
        ),
    )
    TR373 = (
        "9373",
        ("Budget is gewijzigd, maar GewensteIngangsdatum is niet gelijk aan die in de actuele toewijzing"),
    )
    TR374 = "9374", "Er is al een verzoek onderhanden."
    TR375 = (
        "9375",
        (
            "Omvang is gevuld, terwijl Product in toewijzing met ToewijzingNummer leeg is en Einddatum "
            "groter dan 31-12-2020 of leeg is"
        ),
    )
    TR379 = (
        "9379",
        (
            "ReferentieAanbieder refereert niet naar een verzoek om toewijzing of verzoek om wijziging,"
            " is onterecht gevuld"
        ),
    )
    TR384 = "9384", 'Declaratie op toewijzing met RedenWijziging "13" (Verwijderd)'
    TR385 = "9385", "Toewijzing heeft goedgekeurde declaratieregels"
    TR387 = (
        "9387",
        (
            "Begindatum van de ProductPeriode is niet eerste dag van de kalendermaand waarop "
            "ProductPeriode betrekking heeft en Ingangsdatum van de toewijzing ligt niet later in deze "
            "betreffende maand"
        ),
    )
    TR388 = (
        "9388",
        (
            "Einddatum van de ProductPeriode is niet laatste dag van de kalendermaand waarop "
            "ProductPeriode betrekking heeft en Einddatum van de toewijzing ligt niet eerder in deze "
            "betreffende maand."
        ),
    )
    TR389 = "9389", "Deze prestatie heeft een debetprestatie zonder bijbehorende creditprestatie"
    TR390 = "9390", "Er is al een Prestatie met gelijk ProductReferentie met waarde Credit"
    TR411 = (
        "9411",
        ("Omvang is leeg, terwijl Code in Product bij de toewijzing met ToewijzingNummer gevuld is."),
    )
    TR412 = (
        "9412",
        (
            "Omvang is niet leeg, terwijl Code in Product bij de toewijzing met ToewijzingNummer leeg "
            "is en einddatum groter dan 31-12-2020 of leeg is"
        ),
    )
    TR413 = (
        "9413",
        (
            "RedenBeeindiging heeft waarde 20, terwijl er al een ander StopProduct met hetzelfde Bsn, "
            "ToewijzingNummer, Begindatum en RedenBeeindiging waarde 20 is."
        ),
    )
    TR414 = (
        "9414",
        (
            "Einddatum is niet >= aan Einddatum uit actuele StopProduct met gelijk Bsn, "
            "ToewijzingNummer en Begindatum"
        ),
    )
    TR415 = (
        "9415",
        ("Er is StopProduct met gelijk Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging <> waarde 20"),
    )
    GEMEENTECODE_ONBEKEND = "S300", "Gemeentecode komt niet voor in de lijst van CBS."
    PRODUCTCODE_NIET_IN_CATEGORIE = "S329", "ProductCode hoort niet bij de ProductCategorie."

    def label_in(self, domain: Domain) -> str:
        """The text of the code in the basisschema of ``domain`` (``label`` is the iJw text)."""
        if domain is Domain.WMO:
            return _WMO_LABELS.get(self.value, self.label)
        return self.label


#: The iWmo basisschema's texts where they differ from the iJw ones.
_WMO_LABELS = {
    "9360": (
        "Er is al een antwoordbericht met deze ReferentieAanbieder, terwijl antwoordbericht in "
        "VerzoekAntwoord waarde 2 (aanvraag in onderzoek) heeft."
    ),
    "9365": (
        "Er is al een antwoordbericht met dezelfde ReferentieAanbieder waar VerzoekAntwoord niet de "
        "waarde 'Aanvraag in onderzoek' heeft."
    ),
    "9413": (
        "StatusAanlevering is waarde 1 of 2 en RedenBeeindiging heeft waarde 20, terwijl er al een ander "
        "StopProduct met hetzelfde Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging waarde 20 is."
    ),
    "9415": (
        "Er is al een StopProduct met gelijk Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging <> "
        "waarde 20 en StatusAanlevering heeft waarde 1 of 2."
    ),
}

__all__ = ["RetourCode"]
