"""case counts: the queue's totals per status, outcome, source and owner, kept by triggers

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 10:00:00

The queue page showed a filtered total and the counts per open status by counting every case on
each rerun, which grows with the number of cases. ``case_counts`` holds one row per (status,
outcome, source, owner) with the number of cases of the queue (``reference IS NOT NULL``); the
owner is '' for no owner so that the key holds no NULL. Triggers on ``cases`` keep it exact from
every write path (the ORM, plain UPDATE statements, bulk inserts, deletes):

* SQLite: one row trigger per event, each an ``INSERT ... ON CONFLICT DO UPDATE`` of +1 / -1.
  SQLite has one writer at a time, so there is no lock order to care about.
* PostgreSQL: statement triggers with transition tables call one plpgsql function that sums
  the changes of the whole statement per key and applies them in one upsert, ordered by key.
  Every transaction thus locks counter rows in the same order within a statement (fewer
  deadlocks than row triggers, which lock in the order rows happen to be changed), and a bulk
  insert of thousands of cases touches each counter row once. A TRUNCATE empties the counts.
  The upsert's row lock serialises concurrent writers of the same key until commit; no count
  is lost.

Note for later migrations: on SQLite, a batch operation that recreates ``cases`` (move and
copy) drops these triggers with the old table; such a migration must create them again
(``create_sqlite_triggers`` below).
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

KEY = "status, outcome, source, owner"

SQLITE_TRIGGERS = {
    "case_counts_after_insert": f"""
        CREATE TRIGGER case_counts_after_insert AFTER INSERT ON cases
        WHEN NEW.reference IS NOT NULL
        BEGIN
            INSERT INTO case_counts ({KEY}, count)
            VALUES (NEW.status, NEW.outcome, NEW.source, COALESCE(NEW.owner, ''), 1)
            ON CONFLICT ({KEY}) DO UPDATE SET count = count + excluded.count;
        END
    """,
    "case_counts_after_update": f"""
        CREATE TRIGGER case_counts_after_update
        AFTER UPDATE OF reference, status, outcome, source, owner ON cases
        WHEN (OLD.reference IS NULL) IS NOT (NEW.reference IS NULL)
            OR OLD.status IS NOT NEW.status
            OR OLD.outcome IS NOT NEW.outcome
            OR OLD.source IS NOT NEW.source
            OR OLD.owner IS NOT NEW.owner
        BEGIN
            INSERT INTO case_counts ({KEY}, count)
            SELECT OLD.status, OLD.outcome, OLD.source, COALESCE(OLD.owner, ''), -1
            WHERE OLD.reference IS NOT NULL
            ON CONFLICT ({KEY}) DO UPDATE SET count = count + excluded.count;
            INSERT INTO case_counts ({KEY}, count)
            SELECT NEW.status, NEW.outcome, NEW.source, COALESCE(NEW.owner, ''), 1
            WHERE NEW.reference IS NOT NULL
            ON CONFLICT ({KEY}) DO UPDATE SET count = count + excluded.count;
        END
    """,
    "case_counts_after_delete": f"""
        CREATE TRIGGER case_counts_after_delete AFTER DELETE ON cases
        WHEN OLD.reference IS NOT NULL
        BEGIN
            INSERT INTO case_counts ({KEY}, count)
            VALUES (OLD.status, OLD.outcome, OLD.source, COALESCE(OLD.owner, ''), -1)
            ON CONFLICT ({KEY}) DO UPDATE SET count = count + excluded.count;
        END
    """,
}


def _postgres_changes(*sources: tuple[str, int]) -> str:
    """One upsert of the summed changes of a statement, in key order (the order rows are locked in)."""
    parts = " UNION ALL ".join(
        f"SELECT status, outcome, source, COALESCE(owner, '') AS owner, {sign} AS change "
        f"FROM {table} WHERE reference IS NOT NULL"
        for table, sign in sources
    )
    return f"""
            INSERT INTO case_counts AS counter ({KEY}, count)
            SELECT {KEY}, SUM(change) FROM ({parts}) AS changes
            GROUP BY {KEY} HAVING SUM(change) <> 0
            ORDER BY {KEY}
            ON CONFLICT ({KEY}) DO UPDATE SET count = counter.count + EXCLUDED.count;"""


POSTGRES_FUNCTION = f"""
    CREATE FUNCTION case_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN{_postgres_changes(("inserted_cases", 1))}
        ELSIF TG_OP = 'UPDATE' THEN{_postgres_changes(("old_cases", -1), ("new_cases", 1))}
        ELSIF TG_OP = 'DELETE' THEN{_postgres_changes(("deleted_cases", -1))}
        ELSIF TG_OP = 'TRUNCATE' THEN
            DELETE FROM case_counts;
        END IF;
        RETURN NULL;
    END
    $$
"""

POSTGRES_TRIGGERS = {
    "case_counts_after_insert": "AFTER INSERT ON cases REFERENCING NEW TABLE AS inserted_cases",
    "case_counts_after_update": (
        "AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_cases NEW TABLE AS new_cases"
    ),
    "case_counts_after_delete": "AFTER DELETE ON cases REFERENCING OLD TABLE AS deleted_cases",
    "case_counts_after_truncate": "AFTER TRUNCATE ON cases",
}


def create_sqlite_triggers() -> None:
    for statement in SQLITE_TRIGGERS.values():
        op.execute(statement)


def upgrade() -> None:
    op.create_table('case_counts',
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('owner', sa.String(length=120), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('status', 'outcome', 'source', 'owner', name=op.f('pk_case_counts'))
    )
    # Triggers first, then the fill: on PostgreSQL, CREATE TRIGGER locks out writers of cases
    # until this migration commits, so no change falls between the fill and the triggers.
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_FUNCTION)
        for name, when in POSTGRES_TRIGGERS.items():
            op.execute(
                f"CREATE TRIGGER {name} {when} FOR EACH STATEMENT EXECUTE FUNCTION case_counts_apply()"
            )
    else:
        create_sqlite_triggers()
    op.execute(
        f"INSERT INTO case_counts ({KEY}, count) "
        "SELECT status, outcome, source, COALESCE(owner, ''), COUNT(*) FROM cases "
        "WHERE reference IS NOT NULL GROUP BY status, outcome, source, COALESCE(owner, '')"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in POSTGRES_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON cases")
        op.execute("DROP FUNCTION IF EXISTS case_counts_apply()")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table('case_counts')
