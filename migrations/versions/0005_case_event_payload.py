"""case event payload: encrypted records on the timeline

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 17:05:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('payload', sa.LargeBinary(), nullable=True))
        batch_op.create_index('ix_case_events_case_kind', ['case_id', 'kind', 'id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.drop_index('ix_case_events_case_kind')
        batch_op.drop_column('payload')
