"""set a status on every event and invoice

Revision ID: 2d2584dfbbd2
Revises: 67731ac42c03
Create Date: 2024-02-26 16:51:39.402778

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '2d2584dfbbd2'
down_revision = '67731ac42c03'
branch_labels = None
depends_on = None

# Breaks: unbatched-backfill, twice, through a local helper: each call is one UPDATE over a whole table in one
# transaction, row-locking every row until the migration commits.


def _set_status_everywhere(table, status):
    op.execute(f"UPDATE {table} SET status = '{status}'")


def upgrade():
    _set_status_everywhere('events', 'new')
    _set_status_everywhere('billing_invoices', 'open')


def downgrade():
    pass
