"""On SQLite, the index of a client's messages covers what the cross-message checks read

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 09:45:00.000000

The checks read, for a batch of clients, each one's counting heen messages with their facts
(``MessageStore.client_facts``). On SQLite an index holding those columns answers that query
without visiting the wide message rows (sealed XML and model); the index keeps the old one's
leading columns, so what used it still does. PostgreSQL keeps the narrow index: its index entries
have a size limit (about 2.7 kB) that the facts of a long 301 could pass, and an index-only scan
there depends on the visibility map anyway.
"""
from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

NARROW = ['domain', 'bsn_hash', 'sender', 'receiver']
COVERING = [*NARROW, 'kind', 'state', 'stored_at', 'id', 'facts']


def upgrade() -> None:
    if op.get_bind().dialect.name != 'sqlite':
        return
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_index('ix_messages_client')
        batch_op.create_index('ix_messages_client', COVERING, unique=False)


def downgrade() -> None:
    if op.get_bind().dialect.name != 'sqlite':
        return
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_index('ix_messages_client')
        batch_op.create_index('ix_messages_client', NARROW, unique=False)
