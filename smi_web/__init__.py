"""The screens: every module that imports Streamlit outside ``app.py`` and ``pages/``."""
