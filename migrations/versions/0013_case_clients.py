"""Who a Wmo or youth-care case is about, by a keyed hash of the BSN

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 18:30:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('case_clients',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('bsn_hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_clients_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_clients')),
    sa.UniqueConstraint('case_id', 'bsn_hash', name=op.f('uq_case_clients_case_id'))
    )
    with op.batch_alter_table('case_clients', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_clients_bsn_hash'), ['bsn_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_clients_case_id'), ['case_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('case_clients', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_clients_case_id'))
        batch_op.drop_index(batch_op.f('ix_case_clients_bsn_hash'))
    op.drop_table('case_clients')
