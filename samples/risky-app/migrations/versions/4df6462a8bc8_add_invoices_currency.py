"""add invoices.currency and fill it

Revision ID: 4df6462a8bc8
Revises: 17e06eb6863e
Create Date: 2023-10-23 11:47:36.190442

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '4df6462a8bc8'
down_revision = '17e06eb6863e'
branch_labels = None
depends_on = None

# Breaks: ddl-with-backfill (the ALTER's lock is held until the UPDATE has rewritten every invoice, and the rows
# the old release inserts after this runs are never filled) and unbatched-backfill (one UPDATE over the table).


def upgrade():
    op.add_column('invoices', sa.Column('currency', sa.String(length=3), nullable=True), if_not_exists=True)
    op.execute("UPDATE invoices SET currency = 'EUR'")


def downgrade():
    op.drop_column('invoices', 'currency', if_exists=True)
