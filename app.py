"""SMI Intake: the one entrypoint. It owns the page configuration and the navigation."""

from __future__ import annotations

import streamlit as st

from smi_intake.app_services import services
from smi_intake.intake_steps import STEPS
from smi_intake.ui import _, handle_quick_exit, language_picker, quick_exit_button

st.set_page_config(page_title="SMI Hendrik-Ido-Ambacht", layout="centered")
handle_quick_exit(services().settings.quick_exit_url)

home = st.Page("pages/home.py", title=_("About SMI"), url_path="start", default=True)
steps = [st.Page(step.page, title=_(step.title), url_path=f"aanvraag-{step.slug}") for step in STEPS]
status = st.Page("pages/status.py", title=_("Status of your request"), url_path="status")
privacy = st.Page("pages/privacy.py", title=_("Privacy"), url_path="privacy")
page = st.navigation([home, *steps, status, privacy], position="hidden")

with st.sidebar:
    language_picker()
    st.page_link(home, label=_("About SMI"), icon=":material/home:")
    st.page_link(steps[0], label=_("Apply or continue"), icon=":material/edit_note:")
    st.page_link(status, label=_("Status of your request"), icon=":material/search:")
    st.page_link(privacy, label=_("Privacy"), icon=":material/lock:")

quick_exit_button()
page.run()
