"""index events by creation time

Revision ID: 67731ac42c03
Revises: 910112f9ff46
Create Date: 2024-02-12 09:26:48.114503

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '67731ac42c03'
down_revision = '910112f9ff46'
branch_labels = None
depends_on = None

EVENTS_TABLE = 'events'
INDEX_NAME = f'ix_{EVENTS_TABLE}_created_at'

# Breaks: sql-without-if-exists (the f-string renders CREATE INDEX without IF NOT EXISTS; and because it is not
# CONCURRENTLY, it blocks writes to events for the whole build).


def upgrade():
    op.execute(f'CREATE INDEX {INDEX_NAME} ON {EVENTS_TABLE} (created_at)')


def downgrade():
    op.execute(f'DROP INDEX IF EXISTS {INDEX_NAME}')
