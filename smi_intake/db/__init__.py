"""Persistence: SQLAlchemy rows, engine, migrations. Knows the domain; the domain does not know it."""
