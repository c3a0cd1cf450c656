"""Importing the register from a CSV file: every line checked first, nothing saved when one is wrong."""

from __future__ import annotations

import streamlit as st

from smi_core.providers import (
    CSV_COLUMNS,
    MSG_NOT_CSV,
    ProviderCsvError,
    UnreadableCsv,
    decode_csv,
    parse_providers_csv,
)
from smi_intake.services.accounts import Account
from smi_web.provider_form import FLASH
from smi_web.refusals import REFUSALS, Screen, show_refusal
from smi_web.services import now, services
from smi_web.ui import _, escape_markdown


def csv_error_text(error: ProviderCsvError) -> str:
    problem = _(error.message, **error.values)
    if error.column:
        return _(
            "Line %(line)s, column %(column)s: %(problem)s",
            line=error.line,
            column=error.column,
            problem=problem,
        )
    return _("Line %(line)s: %(problem)s", line=error.line, problem=problem)


def csv_import(account: Account) -> None:
    """Upload a file, see its problems or its number of locations, and import it."""
    providers = services().providers
    st.header(_("Import a CSV file"))
    st.caption(
        _(
            "One line per location, with the columns %(columns)s. Separate care types with | or a space. "
            "Locations are matched by their LRK number: known ones are updated, new ones are added. "
            "When a line has an error, nothing is saved.",
            columns=", ".join(CSV_COLUMNS),
        )
    )
    upload = st.file_uploader(_("CSV file"), type=["csv", "txt"], key="providers_upload")
    if upload is not None:
        try:
            text = decode_csv(upload.getvalue())
        except UnreadableCsv:
            st.error(_(MSG_NOT_CSV), icon=":material/error:")
        else:
            parsed = parse_providers_csv(text)
            if parsed.errors:
                lines = "\n".join(csv_error_text(error) for error in parsed.errors)
                st.error(
                    _("Nothing was saved. Correct these lines and upload the file again.")
                    + "  \n"
                    + escape_markdown(lines),
                    icon=":material/error:",
                )
            else:
                st.info(
                    _("%(count)s locations in the file.", count=len(parsed.entries)), icon=":material/info:"
                )
                if st.button(
                    _("Import the file"), key="providers_import", type="primary", disabled=not parsed.entries
                ):
                    try:
                        result = providers.import_csv(account, text, now())
                    except REFUSALS as refused:
                        show_refusal(refused, Screen.PROVIDERS)
                    else:
                        if result.errors:
                            st.error(
                                escape_markdown("\n".join(csv_error_text(error) for error in result.errors)),
                                icon=":material/error:",
                            )
                        else:
                            st.session_state[FLASH] = _(
                                "Imported: %(created)s added, %(updated)s changed, %(unchanged)s unchanged.",
                                created=result.created,
                                updated=result.updated,
                                unchanged=result.unchanged,
                            )
                            st.rerun()
