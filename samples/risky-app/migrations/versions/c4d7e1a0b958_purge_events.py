"""purge events, recorded in the audit log

Revision ID: c4d7e1a0b958
Revises: 8f2b5a9e3c61
Create Date: 2024-03-18 11:47:02.903116

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c4d7e1a0b958'
down_revision = '8f2b5a9e3c61'
branch_labels = None
depends_on = None

# Breaks: alter-enum-add-value-in-transaction ('purge' is added and used in the same transaction: PostgreSQL
# rejects a new enum value until the transaction that added it commits), truncate-table (TRUNCATE ... CASCADE
# empties events, and every table with a foreign key to it, under ACCESS EXCLUSIVE).


def upgrade():
    op.execute("ALTER TYPE audit_action ADD VALUE IF NOT EXISTS 'purge'")
    op.execute("INSERT INTO audit_log (account_id, action) SELECT id, 'purge' FROM accounts")
    op.execute('TRUNCATE TABLE events CASCADE')


def downgrade():
    pass
