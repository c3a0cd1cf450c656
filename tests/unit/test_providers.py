"""The provider register's entry and its CSV exchange: what a file may hold, what each wrong line
says, and that an export reads back as the same register."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from smi_core.constants import CareType
from smi_core.providers import (
    CSV_COLUMNS,
    LOCATION_CARE_TYPES,
    MSG_CARE_MKD,
    MSG_CARE_NONE,
    MSG_CARE_UNKNOWN,
    MSG_COLUMN_MISSING,
    MSG_COLUMN_UNKNOWN,
    MSG_DUPLICATE_LRK,
    MSG_EMAIL,
    MSG_EMPTY_FILE,
    MSG_LRK,
    MSG_PROVIDER_DIFFERS,
    MSG_REQUIRED,
    MSG_TOO_LONG,
    MSG_TOO_MANY_VALUES,
    ProviderCsvError,
    ProviderLocationEntry,
    UnreadableCsv,
    decode_csv,
    defuse_formula,
    entry_problems,
    parse_providers_csv,
    providers_csv,
    restore_formula,
)

HEADER = "houder;contactpersoon;telefoon;e-mail;locatie;adres;lrk;opvangsoorten"


def _entry(**changes: object) -> ProviderLocationEntry:
    values: dict[str, object] = {
        "provider_name": "Kinderopvang De Voorbeeldtuin",
        "contact_name": "Demo planner",
        "phone": "078 000 00 01",
        "email": "planning@voorbeeldtuin.example",
        "location_name": "Centrum",
        "address": "Voorbeeldlaan 1, 3341 AA Hendrik-Ido-Ambacht",
        "lrk_number": "100000001",
        "care_types": ["kdv", "psg"],
    }
    values.update(changes)
    return ProviderLocationEntry.model_validate(values)


def _csv(*rows: str, header: str = HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


ROW = (
    "De Voorbeeldtuin;Demo planner;078 000 00 01;planning@voorbeeldtuin.example;"
    "Centrum;Voorbeeldlaan 1;{lrk};{care}"
)


def _row(lrk: str = "100000001", care: str = "kdv") -> str:
    return ROW.format(lrk=lrk, care=care)


# -- the entry -----------------------------------------------------------------------------------


def test_an_lrk_number_loses_its_spaces() -> None:
    entry = _entry(lrk_number=" 100 000 001 ")

    assert entry.lrk_number == "100000001"


@pytest.mark.parametrize("lrk", ["10000000", "1000000011", "10000000A", "", "١٠٠٠٠٠٠٠١"])
def test_an_lrk_number_has_exactly_nine_ascii_digits(lrk: str) -> None:
    with pytest.raises(ValidationError) as invalid:
        _entry(lrk_number=lrk)

    assert [(p.name, p.message) for p in entry_problems(invalid.value)] == [("lrk_number", MSG_LRK)]


def test_medical_day_care_is_not_offered_through_the_register() -> None:
    with pytest.raises(ValidationError) as invalid:
        _entry(care_types=["kdv", "mkd"])

    assert [p.message for p in entry_problems(invalid.value)] == [MSG_CARE_MKD]


def test_a_location_offers_at_least_one_care_type() -> None:
    with pytest.raises(ValidationError) as invalid:
        _entry(care_types=[])

    assert [p.message for p in entry_problems(invalid.value)] == [MSG_CARE_NONE]


def test_names_are_required_and_kept_within_the_database_lengths() -> None:
    with pytest.raises(ValidationError) as invalid:
        _entry(provider_name="  ", location_name="x" * 121, email="not an address")

    problems = {p.name: (p.message, dict(p.values)) for p in entry_problems(invalid.value)}
    assert problems == {
        "provider_name": (MSG_REQUIRED, {}),
        "location_name": (MSG_TOO_LONG, {"max": 120}),
        "email": (MSG_EMAIL, {}),
    }


def test_text_is_stripped_and_must_stay_on_one_line() -> None:
    assert _entry(provider_name="  De Tuin  ").provider_name == "De Tuin"
    with pytest.raises(ValidationError):
        _entry(address="Voorbeeldlaan 1\n3341 AA")


# -- reading a file ------------------------------------------------------------------------------


def test_a_file_from_dutch_excel_is_read_with_its_bom_and_semicolons() -> None:
    text = "\ufeff" + _csv(_row("100000001", "kdv|psg"), _row("100000002", "VSO BSO"))

    result = parse_providers_csv(text)

    assert result.errors == ()
    assert [(e.lrk_number, e.care_types) for e in result.entries] == [
        ("100000001", frozenset({CareType.KDV, CareType.PSG})),
        ("100000002", frozenset({CareType.VSO, CareType.BSO})),
    ]
    assert result.entries[0].email == "planning@voorbeeldtuin.example"


def test_a_comma_separated_file_with_columns_in_another_order_is_read() -> None:
    text = 'LRK,Locatie,Houder,Opvangsoorten\n"100 000 001",Centrum,"De Tuin, BV",kdv | bso\n'

    result = parse_providers_csv(text)

    assert result.errors == ()
    (entry,) = result.entries
    assert (entry.provider_name, entry.location_name, entry.lrk_number, entry.contact_name) == (
        "De Tuin, BV",
        "Centrum",
        "100000001",
        "",
    )
    assert entry.care_types == frozenset({CareType.KDV, CareType.BSO})


def test_each_wrong_line_is_reported_with_its_line_number_and_column() -> None:
    text = _csv(
        _row("100000001"),
        _row("12345678"),
        "",
        _row("100000003", "kdv mkd"),
        _row("100000004", "kdv opvang"),
        _row("100000005", ""),
    )

    result = parse_providers_csv(text)

    assert [e.lrk_number for e in result.entries] == ["100000001"]
    assert [(e.line, e.column, e.message) for e in result.errors] == [
        (3, "lrk", MSG_LRK),
        (5, "opvangsoorten", MSG_CARE_MKD),
        (6, "opvangsoorten", MSG_CARE_UNKNOWN),
        (7, "opvangsoorten", MSG_CARE_NONE),
    ]
    assert result.errors[2].values == {"value": "opvang"}


def test_a_value_over_several_lines_keeps_the_line_numbers_of_the_rows_after_it() -> None:
    text = _csv('De Tuin;;;;Centrum;"Voorbeeldlaan 1\n3341 AA";100000001;kdv', _row("1"))

    result = parse_providers_csv(text)

    assert [(e.line, e.column) for e in result.errors] == [(2, "adres"), (4, "lrk")]


def test_a_repeated_lrk_number_is_an_error_on_the_later_line() -> None:
    result = parse_providers_csv(_csv(_row("100000001"), _row("100 000 002"), _row("100000001")))

    assert [e.lrk_number for e in result.entries] == ["100000001", "100000002"]
    assert result.errors == (ProviderCsvError(4, "lrk", MSG_DUPLICATE_LRK, {"line": 2}),)


def test_the_rows_of_one_provider_agree_on_its_contact_details() -> None:
    other_phone = "De Voorbeeldtuin;Demo planner;078 999;planning@voorbeeldtuin.example;Noord;;100000002;bso"

    result = parse_providers_csv(_csv(_row("100000001"), other_phone))

    assert result.errors == (ProviderCsvError(3, "telefoon", MSG_PROVIDER_DIFFERS, {"line": 2}),)


def test_a_line_with_more_values_than_the_header_is_refused() -> None:
    result = parse_providers_csv(_csv(_row() + ";surplus"))

    assert result.errors == (ProviderCsvError(2, "", MSG_TOO_MANY_VALUES),)


def test_a_header_with_an_unknown_or_missing_column_reads_no_rows() -> None:
    result = parse_providers_csv(_csv(_row(), header="houder;locatie;lrk;soort"))

    assert result.entries == ()
    assert [(e.line, e.column, e.message) for e in result.errors] == [
        (1, "soort", MSG_COLUMN_UNKNOWN),
        (1, "opvangsoorten", MSG_COLUMN_MISSING),
    ]


@pytest.mark.parametrize("text", ["", "\ufeff", "\n\n  \n"])
def test_an_empty_file_says_so(text: str) -> None:
    assert parse_providers_csv(text).errors == (ProviderCsvError(1, "", MSG_EMPTY_FILE),)


def test_a_header_without_rows_is_an_empty_register() -> None:
    result = parse_providers_csv(HEADER + "\r\n")

    assert (result.entries, result.errors) == ((), ())


def test_an_old_excel_file_in_windows_1252_is_decoded() -> None:
    data = _csv("Coördinatie BV;;;;Café;;100000001;kdv").encode("cp1252")

    assert parse_providers_csv(decode_csv(data)).entries[0].provider_name == "Coördinatie BV"


def test_a_binary_file_is_not_read_as_csv() -> None:
    with pytest.raises(UnreadableCsv):
        decode_csv(b"\x00\x01\x02\x81\x8d")


# -- formula injection ---------------------------------------------------------------------------


def test_the_export_defuses_cells_a_spreadsheet_would_run() -> None:
    entry = _entry(provider_name="=HYPERLINK(A1)", contact_name="@SUM(A1)", phone="+31 78 000 00 01")

    data_line = providers_csv([entry]).splitlines()[1]

    assert data_line.startswith("'=HYPERLINK")
    assert ";'@SUM(A1);'+31 78 000 00 01;" in data_line


def test_the_import_takes_the_apostrophe_off_a_defused_cell_only() -> None:
    text = _csv("'=1+1;'-dash;'t Kinderhuis;;'@here;;100000001;kdv")

    (entry,) = parse_providers_csv(text).entries

    assert (entry.provider_name, entry.contact_name, entry.phone, entry.location_name) == (
        "=1+1",
        "-dash",
        "'t Kinderhuis",
        "@here",
    )


@given(st.text())
@example("=1+1")
@example("'=1+1")
@example("''+31")
@example("'t Hofje")
def test_defusing_a_cell_is_undone_exactly_and_leaves_no_formula(value: str) -> None:
    defused = defuse_formula(value)

    assert restore_formula(defused) == value
    assert not defused or defused[0] not in "=+-@\t\r"


# -- round trip ----------------------------------------------------------------------------------

_ON_A_LINE = st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp"))
_STARTS = st.sampled_from(["", "", "", "=", "+", "-", "@", "'", "'=", "''+", '"', ";", ","])


def _line(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    return (
        st.tuples(_STARTS, st.text(_ON_A_LINE, max_size=max_size))
        .map(lambda parts: (parts[0] + parts[1]).strip()[:max_size].strip())
        .filter(lambda text: len(text) >= min_size)
    )


_EMAILS = st.one_of(st.just(""), st.emails().filter(lambda e: len(e) <= 200))


@st.composite
def registers(draw: st.DrawFn) -> list[ProviderLocationEntry]:
    """Locations with distinct LRK numbers; the locations of one provider share its contact details."""
    names = draw(st.lists(_line(1, 120), min_size=1, max_size=4, unique=True))
    details = {name: (draw(_line(0, 120)), draw(_line(0, 40)), draw(_EMAILS)) for name in names}
    lrks = draw(st.lists(st.text("0123456789", min_size=9, max_size=9), max_size=8, unique=True))
    entries = []
    for lrk in lrks:
        name = draw(st.sampled_from(names))
        contact, phone, email = details[name]
        entries.append(
            ProviderLocationEntry(
                provider_name=name,
                contact_name=contact,
                phone=phone,
                email=email,
                location_name=draw(_line(1, 120)),
                address=draw(_line(0, 200)),
                lrk_number=lrk,
                care_types=draw(st.frozensets(st.sampled_from(LOCATION_CARE_TYPES), min_size=1)),
            )
        )
    return entries


@settings(max_examples=150, deadline=None)
@given(registers())
def test_an_exported_register_reads_back_as_the_same_register(entries: list[ProviderLocationEntry]) -> None:
    exported = providers_csv(entries)

    result = parse_providers_csv(exported)

    assert result.errors == ()
    assert list(result.entries) == entries


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_text_gives_entries_or_errors_on_real_lines_never_an_exception(text: str) -> None:
    result = parse_providers_csv(text)

    line_breaks = text.count("\n") + text.count("\r")
    assert all(1 <= error.line <= line_breaks + 1 for error in result.errors)
    assert len(result.entries) <= line_breaks
    assert len({entry.lrk_number for entry in result.entries}) == len(result.entries)


def test_the_export_starts_with_a_bom_and_the_documented_header() -> None:
    exported = providers_csv([_entry()])

    assert exported.startswith("\ufeff" + ";".join(CSV_COLUMNS) + "\r\n")
    assert exported.splitlines()[1].endswith(";100000001;kdv|psg")
