"""SMI Intake: the one entrypoint. It owns the page configuration and the navigation by role."""

from __future__ import annotations

import streamlit as st

from smi_core.access import StaffPage, pages_for
from smi_intake.intake_steps import STEPS
from smi_intake.jeugd_steps import JEUGD_STEPS
from smi_intake.wmo_steps import WMO_STEPS
from smi_web.auth import apply_cookie_action, begin_run, current_account
from smi_web.services import services
from smi_web.ui import (
    _,
    handle_quick_exit,
    keep_to_staff_locales,
    language_picker,
    page_fixes,
    quick_exit_button,
)

st.set_page_config(page_title="SMI Hendrik-Ido-Ambacht", layout="centered")
handle_quick_exit(services().settings.quick_exit_url)
begin_run()
account = current_account()
if account is not None:
    keep_to_staff_locales()

home = st.Page("pages/home.py", title=_("Start"), url_path="start", default=True, icon=":material/home:")
about_smi = st.Page("pages/about_smi.py", title=_("About SMI"), url_path="smi", icon=":material/info:")
steps = [st.Page(step.page, title=_(step.title), url_path=f"aanvraag-{step.slug}") for step in STEPS]
wmo_steps = [st.Page(step.page, title=_(step.title), url_path=f"wmo-{step.slug}") for step in WMO_STEPS]
jeugd_steps = [st.Page(step.page, title=_(step.title), url_path=f"jeugd-{step.slug}") for step in JEUGD_STEPS]
status = st.Page(
    "pages/status.py", title=_("Status of your request"), url_path="status", icon=":material/search:"
)
privacy = st.Page("pages/privacy.py", title=_("Privacy"), url_path="privacy", icon=":material/lock:")
accessibility = st.Page(
    "pages/accessibility.py",
    title=_("Accessibility"),
    url_path="toegankelijkheid",
    icon=":material/accessibility:",
)

STAFF_PAGES = {
    StaffPage.CASE: st.Page(
        "pages/staff/case.py", title=_("Case"), url_path="casus", icon=":material/folder_open:"
    ),
    StaffPage.QUEUE: st.Page(
        "pages/staff/queue.py", title=_("Intake queue"), url_path="wachtrij", icon=":material/inbox:"
    ),
    StaffPage.DEADLINES: st.Page(
        "pages/staff/deadlines.py", title=_("Deadlines"), url_path="termijnen", icon=":material/event:"
    ),
    StaffPage.HANDOVER: st.Page(
        "pages/staff/handover.py",
        title=_("Hand over a family"),
        url_path="overdracht",
        icon=":material/handshake:",
    ),
    StaffPage.MY_HANDOVERS: st.Page(
        "pages/staff/my_handovers.py",
        title=_("Our handovers"),
        url_path="overdrachten",
        icon=":material/list:",
    ),
    StaffPage.REPORTS: st.Page(
        "pages/staff/reports.py", title=_("Reports"), url_path="rapportages", icon=":material/bar_chart:"
    ),
    StaffPage.PROVIDERS: st.Page(
        "pages/staff/providers.py",
        title=_("Childcare providers"),
        url_path="kinderopvang",
        icon=":material/child_care:",
    ),
    StaffPage.FUNDING: st.Page(
        "pages/staff/funding.py", title=_("Funding"), url_path="bekostiging", icon=":material/euro:"
    ),
    StaffPage.MESSAGES: st.Page(
        "pages/staff/messages.py", title=_("Messages"), url_path="berichten", icon=":material/mail:"
    ),
    StaffPage.ASSIGNMENTS: st.Page(
        "pages/staff/assignments.py",
        title=_("Assignments"),
        url_path="toewijzingen",
        icon=":material/assignment:",
    ),
    StaffPage.CONVERSIONS: st.Page(
        "pages/staff/conversions.py", title=_("One traject"), url_path="een-traject", icon=":material/merge:"
    ),
    StaffPage.BEPALINGEN: st.Page(
        "pages/staff/bepalingen.py",
        title=_("Youth-care bepalingen"),
        url_path="bepalingen",
        icon=":material/gavel:",
    ),
    StaffPage.ACCOUNTS: st.Page(
        "pages/staff/accounts.py", title=_("Accounts"), url_path="accounts", icon=":material/group:"
    ),
    StaffPage.MY_ACCOUNT: st.Page(
        "pages/staff/my_account.py", title=_("My account"), url_path="mijn-account", icon=":material/person:"
    ),
}
if account is None:
    staff = [
        st.Page(
            "pages/staff/sign_in.py",
            title=_("Sign in for staff"),
            url_path="inloggen",
            icon=":material/login:",
        )
    ]
else:
    staff = [STAFF_PAGES[page] for page in pages_for(account.role)]

# Shown in the sidebar: a hidden navigation shows a "page not found" dialog when a step's
# address is opened directly (streamlit/streamlit#9992).
page = st.navigation(
    {
        "": [home, status, privacy, accessibility],
        _("Childcare (SMI)"): [about_smi, *steps],
        _("Support for an adult (Wmo)"): wmo_steps,
        _("Support for a child (youth care)"): jeugd_steps,
        _("Staff"): staff,
    },
    position="sidebar",
    expanded=True,
)
apply_cookie_action()

with st.sidebar:
    language_picker(staff=account is not None)
    page_fixes()

quick_exit_button()
page.run()
