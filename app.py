"""SMI Intake: the one entrypoint. It owns the page configuration and the navigation."""

from __future__ import annotations

import streamlit as st

from smi_intake.app_services import services
from smi_intake.intake_steps import STEPS
from smi_intake.ui import _, handle_quick_exit, language_picker, quick_exit_button

st.set_page_config(page_title="SMI Hendrik-Ido-Ambacht", layout="centered")
handle_quick_exit(services().settings.quick_exit_url)

home = st.Page("pages/home.py", title=_("About SMI"), url_path="start", default=True, icon=":material/home:")
steps = [st.Page(step.page, title=_(step.title), url_path=f"aanvraag-{step.slug}") for step in STEPS]
status = st.Page(
    "pages/status.py", title=_("Status of your request"), url_path="status", icon=":material/search:"
)
privacy = st.Page("pages/privacy.py", title=_("Privacy"), url_path="privacy", icon=":material/lock:")
# Shown in the sidebar: a hidden navigation shows a "page not found" dialog when a step's
# address is opened directly (streamlit/streamlit#9992).
page = st.navigation({"": [home, status, privacy], _("Your request"): steps}, position="sidebar")

with st.sidebar:
    language_picker()

quick_exit_button()
page.run()
