"""add accounts.plan

Revision ID: 17e06eb6863e
Revises: 99be52b02b11
Create Date: 2023-10-09 14:12:08.553901

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '17e06eb6863e'
down_revision = '99be52b02b11'
branch_labels = None
depends_on = None

# Breaks: add-column-not-null (raw SQL, NOT NULL without DEFAULT on a table that has rows) and
# sql-without-if-exists (ADD COLUMN without IF NOT EXISTS).


def upgrade():
    op.execute("ALTER TABLE accounts ADD COLUMN plan varchar(20) NOT NULL")


def downgrade():
    op.execute("ALTER TABLE accounts DROP COLUMN IF EXISTS plan")
