"""The code lists of iWmo 3.2 and iJw 3.2: every enumeration the message schemas use, each code with
its Dutch label, and (re-exported) the message sets and kinds of ``kinds``, the country codes of
``landcodes`` and the retour codes of ``retourcodes``.

Values and labels are those of the basisschema enumerations (``LDT_*`` types). Where iWmo and iJw
differ (the product categories, the reasons to end care) there is one list per set; ``CATEGORIE``
and ``REDEN_BEEINDIGING`` name the list of each set.
"""

from __future__ import annotations

from smi_core.istandaarden.codelist import CodeList
from smi_core.istandaarden.kinds import (
    BERICHT_SUBVERSIE,
    BERICHT_VERSIE,
    Domain,
    MessageKind,
    Partij,
    kind_of_bericht_code,
)
from smi_core.istandaarden.landcodes import LandCode
from smi_core.istandaarden.retourcodes import RetourCode

# -- persons and addresses ----------------------------------------------------------------------


class Geslacht(CodeList):
    """LDT_Geslacht."""

    ONBEKEND = "0", "Onbekend"
    MANNELIJK = "1", "Mannelijk"
    VROUWELIJK = "2", "Vrouwelijk"


class NaamGebruik(CodeList):
    """LDT_NaamGebruik: which of a person's names to use."""

    EIGEN_NAAM = "1", "Eigen naam"
    NAAM_PARTNER = "2", "Naam echtgenoot of geregistreerd partner of alternatieve naam"
    NAAM_PARTNER_EIGEN_NAAM = "3", "Naam echtgenoot of geregistreerd partner gevolgd door eigen naam"
    EIGEN_NAAM_NAAM_PARTNER = "4", "Eigen naam gevolgd door naam echtgenoot of geregistreerd partner"
    PSEUDONIEM = "5", "Pseudoniem"
    NIET_NATUURLIJK_PERSOON = "6", "Niet-natuurlijk persoon"


class DatumGebruik(CodeList):
    """LDT_DatumGebruik: which part of a date of birth is known."""

    DAG_ONBEKEND = "1", "dag onbekend; alleen maand en jaar gebruiken"
    DAG_EN_MAAND_ONBEKEND = "2", "dag en maand onbekend; alleen jaar gebruiken"
    DATUM_ONBEKEND = "3", "dag, maand en jaar onbekend; onbekende datum"


class Communicatievorm(CodeList):
    """LDT_Communicatievorm: a special way of communicating with the client."""

    TOLK_TAAL = "1", "Tolk taal"
    DOVENTOLK = "2", "Doventolk"
    DOOFBLINDENTOLK = "3", "Doofblindentolk"


class JuridischeStatus(CodeList):
    """LDT_JuridischeStatus."""

    RM_VOORLOPIG_OF_VOORTGEZET = "01", "Rechterlijke machtiging (rm) voorlopig / voortgezette machtiging"
    RM_EIGEN_VERZOEK = "02", "RM op eigen verzoek"
    RM_VOORWAARDELIJK_ONTSLAG = "03", "RM met voorwaardelijk ontslag"
    ONDER_TOEZICHTSTELLING = "04", "Onder toezichtstelling (ots)"
    IN_BEWARING_STELLING = "05", "In bewaring stelling (ibs)"
    TBS = "11", "Strafrechterlijke justitiele contacten: tbs"
    JUSTITIEEL_OVERIG = "12", "Strafrechterlijke justitiele contacten: overig"


class WettelijkeVertegenwoordiging(CodeList):
    """LDT_WettelijkeVertegenwoordiging."""

    VOOGDIJ = "06", "Voogdij"
    BEWINDVOERING = "07", "Bewindvoering"
    MENTORSCHAP = "08", "Mentorschap"
    ONDER_CURATELE = "09", "Onder curatele stelling"
    ZAAKWAARNEMING = "10", "Zaakwaarneming"


class SoortRelatie(CodeList):
    """LDT_SoortRelatie: what a related person is to the client."""

    CURATOR = "03", "Curator (juridisch)"
    FINANCIEEL_GEMACHTIGD = "04", "Financieel (gemachtigd)"
    FINANCIEEL_TOETSING = "05", "Financieel (toetsing)"
    LEEFEENHEID = "06", "Leefeenheid"
    HULPVERLENER = "07", "Hulpverlener"
    SPECIALIST = "08", "Specialist"
    ANDERS = "09", "Anders"
    OUDER = "10", "Ouder"
    VOOGD = "11", "Voogd"
    PARTNER = "12", "Partner/echtgeno(o)t(e)"
    PLEEGOUDER = "13", "Pleegouder"
    BEWINDVOERDER = "14", "Bewindvoerder"
    MENTOR = "15", "Mentor"
    ZOON_DOCHTER = "16", "Zoon/dochter"
    FAMILIELID = "17", "Familielid"
    GEZINSLID = "18", "Gezinslid"
    BUUR = "19", "Buur"
    VRIEND_KENNIS = "20", "Vriend(in)/kennis"
    CLIENTONDERSTEUNER = "21", "Clientondersteuner"
    HUISARTS = "22", "Huisarts"
    ERVEN_VAN = "23", "Erven van"
    WERKGEVER = "24", "Werkgever"
    WIJKCOACH = "25", "Wijkcoach"


class AdresSoort(CodeList):
    """LDT_AdresSoort."""

    BRP_ADRES = "01", "BRP-adres"
    CORRESPONDENTIEADRES = "02", "Correspondentie-adres"
    VERBLIJFADRES = "03", "Verblijfadres"
    TIJDELIJK_VERBLIJFADRES = "04", "Tijdelijk verblijfadres"


class AanduidingWoonadres(CodeList):
    """LDT_AanduidingWoonadres: an address without the usual street and number."""

    AAN_BOORD = "AB", "Aan boord"
    BIJ = "BY", "Bij"
    TEGENOVER = "TO", "Tegenover"
    WOONWAGEN = "WW", "Woonwagen"


class JaNee(CodeList):
    """LDT_JaNee."""

    JA = "1", "Ja"
    NEE = "2", "Nee"


# -- products -----------------------------------------------------------------------------------


class CategorieWmo(CodeList):
    """LDT_ProductCategorie of iWmo (WMO020): the main categories of Wmo support."""

    HULP_BIJ_HET_HUISHOUDEN = "01", "Hulp bij het huishouden"
    BEGELEIDING = "02", "Begeleiding"
    PERSOONLIJKE_VERZORGING = "03", "Persoonlijke verzorging"
    KORTDUREND_VERBLIJF = "04", "Kortdurend verblijf"
    WOONDIENSTEN = "05", "Woondiensten"
    OVERIGE_INDIVIDUELE_ONDERSTEUNING = (
        "06",
        "Overige ondersteuning gericht op het individu of huishouden/gezin",
    )
    DAGBESTEDING = "07", "Dagbesteding"
    VERVOERDIENSTEN = "08", "Vervoerdiensten"
    OVERIGE_GROEPSONDERSTEUNING = "09", "Overige groepsgerichte ondersteuning"
    OVERIGE_MAATWERK = "10", "Overige maatwerk arrangementen"
    ROLSTOELEN = "11", "Rolstoelen"
    VERVOERVOORZIENINGEN = "12", "Vervoervoorzieningen"
    WOONVOORZIENINGEN = "13", "Woonvoorzieningen"
    OVERIGE_HULPMIDDELEN = "14", "Overige hulpmiddelen"
    BESCHERMD_WONEN = "15", "Beschermd wonen"
    OPVANG = "16", "Opvang"
    SPOEDOPVANG = "17", "Spoedopvang"
    OVERIG_BESCHERMD_WONEN_EN_OPVANG = "18", "Overige beschermd wonen en opvang"


class CategorieJw(CodeList):
    """LDT_ProductCategorie of iJw (JZ020): the main categories of youth care."""

    WIJKTEAM_2015 = "31", "(2015) Zonder verblijf: uitgevoerd door wijk- of buurtteam"
    AMBULANT_BIJ_AANBIEDER_2015 = (
        "32",
        "(2015) Zonder verblijf: ambulante jeugdhulp op locatie van de aanbieder",
    )
    DAGHULP_BIJ_AANBIEDER_2015 = "33", "(2015) Zonder verblijf: daghulp op locatie van de aanbieder"
    IN_HET_NETWERK_2015 = "34", "(2015) Zonder verblijf: jeugdhulp in het netwerk van de jeugdige"
    PLEEGZORG_2015 = "35", "(2015) Met verblijf: pleegzorg"
    GEZINSGERICHT_2015 = "36", "(2015) Met verblijf: gezinsgericht"
    GESLOTEN_PLAATSING_2015 = "37", "(2015) Met verblijf: gesloten plaatsing"
    OVERIG_RESIDENTIEEL_2015 = "38", "(2015) Met verblijf: overig residentieel"
    PERSOONLIJKE_VERZORGING = "40", "Persoonlijke verzorging"
    DAGBEHANDELING = "41", "Dagbehandeling"
    VERVOERDIENSTEN = "42", "Vervoerdiensten"
    VERBLIJF_MET_BEHANDELING = "43", "Jeugdhulp verblijf (incl. behandeling)"
    VERBLIJF_ZONDER_BEHANDELING = "44", "Jeugdhulp verblijf (excl. behandeling)"
    AMBULANT = "45", "Jeugdhulp ambulant"
    CRISIS = "46", "Jeugdhulp crisis"
    JEUGDRECLASSERING = "47", "Jeugdreclassering"
    JEUGDBESCHERMING = "48", "Jeugdbescherming"
    PREVENTIEF_JUSTITIEEL = "49", "Activiteiten in het preventief justitieel kader"
    MAATWERK = "50", "Maatwerkarrangementen jeugd"
    BASIS_GGZ = "51", "Generalistische basis-ggz"
    SPECIALISTISCHE_GGZ = "52", "Specialistische ggz"
    KINDERGENEESKUNDE = "53", "Kindergeneeskunde"
    JEUGD_GGZ = "54", "Jeugd-ggz"
    LANDELIJK_INGEKOCHT = "55", "Landelijk ingekochte zorg"


#: The product categories of each set.
CATEGORIE: dict[Domain, type[CategorieWmo] | type[CategorieJw]] = {
    Domain.WMO: CategorieWmo,
    Domain.JW: CategorieJw,
}


class Eenheid(CodeList):
    """LDT_Eenheid (WJ756): the unit of a volume."""

    MINUUT = "01", "Minuut"
    UUR = "04", "Uur"
    ETMAAL = "14", "Etmaal"
    DAGDEEL = "16", "Dagdeel (4 uur)"
    STUKS_OUTPUT = "82", "Stuks (output)"
    EUROS = "83", "Euro's"
    STUKS_INSPANNING = "84", "Stuks (inspanning)"


class Frequentie(CodeList):
    """LDT_Frequentie (WMO757): how often the volume is delivered."""

    PER_DAG = "1", "Per dag"
    PER_WEEK = "2", "Per week"
    PER_MAAND = "4", "Per maand"
    TOTAAL_BINNEN_GELDIGHEIDSDUUR = "6", "Totaal binnen geldigheidsduur toewijzing"


class RedenWijziging(CodeList):
    """LDT_RedenWijziging (WMO002/JZ002): why a toewijzing changes; the same in both sets."""

    ADMINISTRATIEVE_CORRECTIE_VERVALLEN = "01", "Administratieve correctie (vervallen)"
    OVERLEDEN = "02", "Client overleden"
    CONTRACTWIJZIGING = "03", "Contractwijziging"
    VERLENGING = "04", "Herbeoordeling: verlenging toewijzing"
    VERKORTING = "05", "Herbeoordeling: verkorting toewijzing"
    ANDER_DOMEIN = "06", "Uitstroom naar ander domein"
    VERHUIZING = "07", "Verhuizing naar een andere gemeente"
    LEVERINGSVORM = "08", "Wijziging leveringsvorm"
    ANDERE_AANBIEDER = "09", "Overstap naar andere aanbieder"
    NIEUWE_BEKOSTIGING = "10", "Overgang naar nieuwe bekostigingssystematiek"
    HERINDELING = "11", "Gemeentelijke herindeling"
    DOOR_AANBIEDER = "12", "Geinitieerd door de aanbieder"
    VERWIJDERD = "13", "Verwijderd"
    ADMINISTRATIEVE_CORRECTIE = "14", "Administratieve correctie"


class RedenBeeindigingWmo(CodeList):
    """LDT_RedenBeeindiging of iWmo (WMO588): why Wmo support ended (in a 307)."""

    OVERLIJDEN = "02", "Overlijden"
    VOLGENS_PLAN = "19", "Levering volgens plan beeindigd"
    TIJDELIJK = "20", "Levering is tijdelijk beeindigd"
    EENZIJDIG_DOOR_CLIENT = "21", "Levering is eenzijdig door client beeindigd"
    EENZIJDIG_DOOR_AANBIEDER = "22", "Levering is eenzijdig door aanbieder beeindigd"
    IN_OVEREENSTEMMING = "23", "Levering is in overeenstemming voortijdig beeindigd"
    VERHUIZING = "31", "Verhuizing naar een andere gemeente"
    DOOR_GEMEENTE = "36", "Geinitieerd door de gemeente"
    WIJZIGINGSVERZOEK = "37", "In verband met wijzigingsverzoek"
    ANDERE_AANBIEDER = "38", "Overstap naar andere aanbieder"
    ANDER_DOMEIN = "39", "Uitstroom naar ander domein"


class RedenBeeindigingJw(CodeList):
    """LDT_RedenBeeindiging of iJw (JZ588): why youth care ended (in a 307)."""

    OVERLIJDEN = "02", "Overlijden"
    TIJDELIJK = "20", "Levering is tijdelijk beeindigd."
    VOLGENS_PLAN = "31", "Levering is volgens plan beeindigd."
    EENZIJDIG_DOOR_CLIENT = "32", "Voortijdig afgesloten: eenzijdig door de client."
    EENZIJDIG_DOOR_AANBIEDER = "33", "Voortijdig afgesloten: eenzijdig door de aanbieder."
    IN_OVEREENSTEMMING = "34", "Voortijdig afgesloten: in overeenstemming."
    EXTERNE_OMSTANDIGHEDEN = "35", "Voortijdig afgesloten: wegens externe omstandigheden."
    DOOR_GEMEENTE = "36", "Geinitieerd door de gemeente"
    WIJZIGINGSVERZOEK = "37", "In verband met wijzigingsverzoek"
    ANDERE_AANBIEDER = "38", "Overstap naar andere aanbieder"
    ANDER_DOMEIN = "39", "Uitstroom naar ander domein"


#: The reasons to end care of each set; the same code can mean different things (31).
REDEN_BEEINDIGING: dict[Domain, type[RedenBeeindigingWmo] | type[RedenBeeindigingJw]] = {
    Domain.WMO: RedenBeeindigingWmo,
    Domain.JW: RedenBeeindigingJw,
}

#: The temporary stop (code 20 in both sets): the only RedenBeeindiging after which care restarts.
TIJDELIJK_BEEINDIGD = "20"

_STOP_REASONS: dict[RedenWijziging, dict[Domain, str]] = {
    RedenWijziging.OVERLEDEN: {Domain.WMO: "02", Domain.JW: "02"},
    RedenWijziging.CONTRACTWIJZIGING: {Domain.WMO: "36", Domain.JW: "36"},
    RedenWijziging.VERKORTING: {Domain.WMO: "36", Domain.JW: "36"},
    RedenWijziging.ANDER_DOMEIN: {Domain.WMO: "39", Domain.JW: "39"},
    RedenWijziging.VERHUIZING: {Domain.WMO: "31", Domain.JW: "35"},
    RedenWijziging.LEVERINGSVORM: {Domain.WMO: "36", Domain.JW: "36"},
    RedenWijziging.ANDERE_AANBIEDER: {Domain.WMO: "38", Domain.JW: "38"},
    RedenWijziging.NIEUWE_BEKOSTIGING: {Domain.WMO: "36", Domain.JW: "36"},
    RedenWijziging.HERINDELING: {Domain.WMO: "36", Domain.JW: "36"},
    RedenWijziging.DOOR_AANBIEDER: {Domain.WMO: "37", Domain.JW: "37"},
}


def stop_reason_for(reden: RedenWijziging, domain: Domain) -> RedenBeeindigingWmo | RedenBeeindigingJw | None:
    """The RedenBeeindiging a provider's 307 uses when a 301 ends a toewijzing for ``reden``
    (the digest's table), or None where the digest names none."""
    code = _STOP_REASONS.get(reden, {}).get(domain)
    return None if code is None else REDEN_BEEINDIGING[domain](code)


class StatusAanlevering(CodeList):
    """LDT_StatusAanlevering (COD467). Code 2 is in the schema but not allowed (OP033x2)."""

    EERSTE_AANLEVERING = "1", "Eerste aanlevering"
    GEWIJZIGDE_AANLEVERING = "2", "Gewijzigde aanlevering"
    VERWIJDEREN = "3", "Verwijderen aanlevering"
    NIET_VAN_TOEPASSING = "9", "Niet van toepassing (ongewijzigd)"


class TypeVerwijzer(CodeList):
    """LDT_TypeVerwijzer (COD327): who referred the client (in a 315)."""

    GEMEENTE = "01", "Gemeente"
    HUISARTS = "02", "Huisarts"
    JEUGDARTS = "03", "Jeugdarts"
    GECERTIFICEERDE_INSTELLING = "04", "Gecertificeerde instelling"
    MEDISCH_SPECIALIST = "05", "Medisch specialist"
    GEEN_VERWIJZER = "06", "Zelfverwijzer/geen verwijzer"
    JUSTITIE = "08", "Rechter, Officier van Justitie, functionaris Justitiele jeugdinrichting"

    @property
    def is_care_professional(self) -> bool:
        """Types 02 to 05: a referrer named by a ZorgverlenerCode or a Naam (CD066, CD067)."""
        return self in _CARE_PROFESSIONALS


_CARE_PROFESSIONALS = frozenset(TypeVerwijzer(code) for code in ("02", "03", "04", "05"))

# -- requests and answers -----------------------------------------------------------------------


class RedenVerzoek(CodeList):
    """LDT_RedenVerzoek (WJ758): why a provider asks for a change (317)."""

    CLIENTSITUATIE = "1", "Verandering clientsituatie"
    ZORGPLAN = "2", "Wijziging zorgplan"


class VerzoekAntwoord(CodeList):
    """LDT_VerzoekAntwoord (WJ760): the municipality's answer in a 319."""

    AFGEWEZEN = "1", "Verzoek afgewezen"
    IN_ONDERZOEK = "2", "Aanvraag in onderzoek"


class RedenAfwijzingVerzoek(CodeList):
    """LDT_RedenAfwijzingVerzoek (WJ759): why a request is refused."""

    NIEUWE_AANVRAAG = "1", "Geen wijziging, maar nieuwe aanvraag"
    BUDGET = "2", "Past niet binnen budget"
    GEEN_CONTRACT = "3", "Geen contract"
    BUITEN_CONTRACT = "4", "Past niet binnen contract"
    ANDERE_GEMEENTE = "5", "Andere gemeente"
    STAPELING = "6", "Stapeling"
    ZORGINHOUDELIJK = "7", "Zorginhoudelijke afkeur"
    WOONPLAATSBEGINSEL = "8", "Woonplaatsbeginsel"
    LEEFTIJDSGRENS = "9", "Leeftijdsgrens is bereikt"


__all__ = [
    "BERICHT_SUBVERSIE",
    "BERICHT_VERSIE",
    "CATEGORIE",
    "REDEN_BEEINDIGING",
    "TIJDELIJK_BEEINDIGD",
    "AanduidingWoonadres",
    "AdresSoort",
    "CategorieJw",
    "CategorieWmo",
    "Communicatievorm",
    "DatumGebruik",
    "Domain",
    "Eenheid",
    "Frequentie",
    "Geslacht",
    "JaNee",
    "JuridischeStatus",
    "LandCode",
    "MessageKind",
    "NaamGebruik",
    "Partij",
    "RedenAfwijzingVerzoek",
    "RedenBeeindigingJw",
    "RedenBeeindigingWmo",
    "RedenVerzoek",
    "RedenWijziging",
    "RetourCode",
    "SoortRelatie",
    "StatusAanlevering",
    "TypeVerwijzer",
    "VerzoekAntwoord",
    "WettelijkeVertegenwoordiging",
    "kind_of_bericht_code",
    "stop_reason_for",
]
