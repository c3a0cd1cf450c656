"""The iStandaarden message store and the ToewijzingNummers

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 14:38:44.075062
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('assignment_numbers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('municipality', sa.String(length=4), nullable=False),
    sa.Column('domain', sa.String(length=3), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('bsn_hash', sa.String(length=64), nullable=False),
    sa.Column('product', sa.String(length=10), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignment_numbers')),
    sa.UniqueConstraint('municipality', 'domain', 'number', name=op.f('uq_assignment_numbers_municipality'))
    )
    op.create_table('number_counters',
    sa.Column('municipality', sa.String(length=4), nullable=False),
    sa.Column('domain', sa.String(length=3), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('municipality', 'domain', name=op.f('pk_number_counters'))
    )
    op.create_table('messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('direction', sa.String(length=3), nullable=False),
    sa.Column('domain', sa.String(length=3), nullable=False),
    sa.Column('kind', sa.String(length=3), nullable=False),
    sa.Column('sender', sa.String(length=8), nullable=False),
    sa.Column('receiver', sa.String(length=8), nullable=False),
    sa.Column('identification', sa.String(length=12), nullable=False),
    sa.Column('dagtekening', sa.Date(), nullable=False),
    sa.Column('stored_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('raw', sa.LargeBinary(), nullable=False),
    sa.Column('parsed', sa.LargeBinary(), nullable=False),
    sa.Column('bsn_hash', sa.String(length=64), nullable=True),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('retour_of', sa.Integer(), nullable=True),
    sa.Column('retour_codes', sa.String(length=200), nullable=False),
    sa.Column('retour_due', sa.Date(), nullable=True),
    sa.Column('sent_on', sa.Date(), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('referentie_aanbieder', sa.String(length=36), nullable=True),
    sa.Column('answer', sa.String(length=2), nullable=True),
    sa.Column('envelope_ref', sa.String(length=36), nullable=True),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_messages_case_id_cases')),
    sa.ForeignKeyConstraint(['retour_of'], ['messages.id'], name=op.f('fk_messages_retour_of_messages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_messages')),
    sa.UniqueConstraint('domain', 'sender', 'kind', 'identification', name=op.f('uq_messages_domain'))
    )
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_messages_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_messages_envelope_ref'), ['envelope_ref'], unique=False)
        batch_op.create_index('ix_messages_client', ['domain', 'bsn_hash', 'sender', 'receiver'], unique=False)
        batch_op.create_index(batch_op.f('ix_messages_retour_of'), ['retour_of'], unique=False)
        batch_op.create_index(batch_op.f('ix_messages_state'), ['state'], unique=False)
        batch_op.create_index(batch_op.f('ix_messages_stored_at'), ['stored_at'], unique=False)

    op.create_table('message_assignments',
    sa.Column('message_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], name=op.f('fk_message_assignments_message_id_messages')),
    sa.PrimaryKeyConstraint('message_id', 'number', name=op.f('pk_message_assignments'))
    )
    with op.batch_alter_table('message_assignments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_message_assignments_number'), ['number'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('message_assignments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_message_assignments_number'))

    op.drop_table('message_assignments')
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_messages_stored_at'))
        batch_op.drop_index(batch_op.f('ix_messages_state'))
        batch_op.drop_index(batch_op.f('ix_messages_retour_of'))
        batch_op.drop_index('ix_messages_client')
        batch_op.drop_index(batch_op.f('ix_messages_envelope_ref'))
        batch_op.drop_index(batch_op.f('ix_messages_case_id'))

    op.drop_table('messages')
    op.drop_table('number_counters')
    op.drop_table('assignment_numbers')
