"""The provision a case is about (SMI for every case so far)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 14:20:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('provision', sa.String(length=20), server_default='smi', nullable=False))
        batch_op.create_index(batch_op.f('ix_cases_provision'), ['provision'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cases_provision'))
        batch_op.drop_column('provision')
