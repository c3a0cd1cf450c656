"""The conversions of several begeleiding indications into one traject

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 14:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('wmo_conversions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bsn_hash', sa.String(length=64), nullable=False),
    sa.Column('converted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('converted_by', sa.String(length=80), nullable=False),
    sa.Column('form', sa.String(length=3), nullable=False),
    sa.Column('segment', sa.String(length=8), nullable=False),
    sa.Column('product', sa.String(length=5), nullable=False),
    sa.Column('provider', sa.String(length=8), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('end', sa.Date(), nullable=False),
    sa.Column('payload', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_wmo_conversions'))
    )
    with op.batch_alter_table('wmo_conversions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_wmo_conversions_bsn_hash'), ['bsn_hash'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('wmo_conversions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_wmo_conversions_bsn_hash'))
    op.drop_table('wmo_conversions')
