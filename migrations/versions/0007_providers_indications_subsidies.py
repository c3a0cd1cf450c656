"""Providers and their locations, indications, and quarterly subsidy applications

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 18:03:37.969402
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('providers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('contact_name', sa.String(length=120), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_providers')),
    sa.UniqueConstraint('name', name=op.f('uq_providers_name'))
    )
    op.create_table('provider_locations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('provider_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('lrk_number', sa.String(length=12), nullable=False),
    sa.Column('care_types', sa.String(length=60), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['provider_id'], ['providers.id'], name=op.f('fk_provider_locations_provider_id_providers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_provider_locations')),
    sa.UniqueConstraint('lrk_number', name=op.f('uq_provider_locations_lrk_number'))
    )
    with op.batch_alter_table('provider_locations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_provider_locations_provider_id'), ['provider_id'], unique=False)

    op.create_table('subsidy_applications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('provider_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('quarter', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('submitted_by', sa.String(length=120), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_by', sa.String(length=120), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('paid_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['provider_id'], ['providers.id'], name=op.f('fk_subsidy_applications_provider_id_providers'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subsidy_applications'))
    )
    with op.batch_alter_table('subsidy_applications', schema=None) as batch_op:
        batch_op.create_index('ix_subsidy_applications_period', ['year', 'quarter'], unique=False)
        batch_op.create_index(batch_op.f('ix_subsidy_applications_provider_id'), ['provider_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_subsidy_applications_status'), ['status'], unique=False)

    op.create_table('indications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=20), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=True),
    sa.Column('care_type', sa.String(length=10), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('period_months', sa.Integer(), nullable=False),
    sa.Column('extensions', sa.Integer(), nullable=False),
    sa.Column('contact_due', sa.Date(), nullable=False),
    sa.Column('contact_done_on', sa.Date(), nullable=True),
    sa.Column('last_day', sa.Date(), nullable=False),
    sa.Column('hard_stop', sa.Date(), nullable=False),
    sa.Column('age_limit_day', sa.Date(), nullable=True),
    sa.Column('children', sa.Integer(), nullable=False),
    sa.Column('dagdelen_per_week', sa.Integer(), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('payload', sa.LargeBinary(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_indications_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['location_id'], ['provider_locations.id'], name=op.f('fk_indications_location_id_provider_locations'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indications')),
    sa.UniqueConstraint('case_id', name=op.f('uq_indications_case_id')),
    sa.UniqueConstraint('reference', name=op.f('uq_indications_reference'))
    )
    with op.batch_alter_table('indications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indications_ended_on'), ['ended_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_indications_last_day'), ['last_day'], unique=False)
        batch_op.create_index(batch_op.f('ix_indications_location_id'), ['location_id'], unique=False)

    op.create_table('subsidy_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=20), nullable=False),
    sa.Column('child', sa.LargeBinary(), nullable=False),
    sa.Column('dagdelen_per_week', sa.Integer(), nullable=False),
    sa.Column('weeks', sa.Integer(), nullable=False),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.Column('problems', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['subsidy_applications.id'], name=op.f('fk_subsidy_lines_application_id_subsidy_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subsidy_lines'))
    )
    with op.batch_alter_table('subsidy_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_subsidy_lines_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_subsidy_lines_reference'), ['reference'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('subsidy_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_subsidy_lines_reference'))
        batch_op.drop_index(batch_op.f('ix_subsidy_lines_application_id'))

    op.drop_table('subsidy_lines')
    with op.batch_alter_table('indications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indications_location_id'))
        batch_op.drop_index(batch_op.f('ix_indications_last_day'))
        batch_op.drop_index(batch_op.f('ix_indications_ended_on'))

    op.drop_table('indications')
    with op.batch_alter_table('subsidy_applications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_subsidy_applications_status'))
        batch_op.drop_index(batch_op.f('ix_subsidy_applications_provider_id'))
        batch_op.drop_index('ix_subsidy_applications_period')

    op.drop_table('subsidy_applications')
    with op.batch_alter_table('provider_locations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_provider_locations_provider_id'))

    op.drop_table('provider_locations')
    op.drop_table('providers')

