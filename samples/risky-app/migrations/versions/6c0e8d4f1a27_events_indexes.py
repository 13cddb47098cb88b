"""new indexes on events

Revision ID: 6c0e8d4f1a27
Revises: c4d7e1a0b958
Create Date: 2024-03-20 10:05:55.271843

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '6c0e8d4f1a27'
down_revision = 'c4d7e1a0b958'
branch_labels = None
depends_on = None

# Breaks: drop-index-not-concurrently (the drop waits behind every query on events and blocks all that arrive),
# concurrently-in-transaction (postgresql_concurrently=True outside autocommit_block() fails: Alembic's transaction
# is open), transaction-control-in-migration (the old op.execute("COMMIT") trick to get out of that transaction),
# vacuum-full-or-cluster (CLUSTER rewrites events under ACCESS EXCLUSIVE).


def upgrade():
    op.drop_index('ix_events_created_at', table_name='events', if_exists=True)
    op.create_index(
        'ix_events_account_created',
        'events',
        ['account_id', 'created_at'],
        postgresql_concurrently=True,
        if_not_exists=True,
    )
    op.execute('COMMIT')
    op.execute('CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_events_kind ON events (kind)')
    op.execute('CLUSTER events USING ix_events_account_created')


def downgrade():
    pass
