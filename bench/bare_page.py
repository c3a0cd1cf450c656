"""The baseline of the step benchmark: a bare Streamlit page with one text input."""

import streamlit as st

st.text_input("Name", key="name")
