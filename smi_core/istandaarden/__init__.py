"""The iWmo 3.2 and iJw 3.2 messages. Pure: no Streamlit, no SQLAlchemy; lxml for the XML.

The digest these modules follow: ``shared/domain/istandaarden.md``.
"""
