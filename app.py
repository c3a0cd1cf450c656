"""SMI Intake: the one entrypoint. It owns the page configuration and the navigation."""

from __future__ import annotations

import streamlit as st

from smi_intake.ui import _, language_picker

st.set_page_config(page_title="SMI Hendrik-Ido-Ambacht", layout="centered")

with st.sidebar:
    language_picker()

pages = [
    st.Page("pages/home.py", title=_("About SMI"), url_path="start", default=True),
]
st.navigation(pages).run()
