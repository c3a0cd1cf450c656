"""The documents side of the application: what the app writes for people to keep or open
elsewhere. ``tables`` writes a table's cells as text in a language and a table as a CSV file."""

from smi_intake.documents.tables import csv_bytes, format_cell

__all__ = ["csv_bytes", "format_cell"]
