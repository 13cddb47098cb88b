"""rename users.name to full_name and accounts.title to name

Revision ID: e9f64a2080ca
Revises: d0cb9b266195
Create Date: 2023-11-20 17:20:14.668035

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'e9f64a2080ca'
down_revision = 'd0cb9b266195'
branch_labels = None
depends_on = None

# Breaks: rename-column, twice (once with op.alter_column, once in raw SQL). The old name disappears in the same
# instant the new one appears, so no release works on both sides of this revision.


def upgrade():
    op.alter_column('users', 'name', new_column_name='full_name')
    op.execute('ALTER TABLE accounts RENAME COLUMN title TO name')


def downgrade():
    op.execute('ALTER TABLE accounts RENAME COLUMN name TO title')
    op.alter_column('users', 'full_name', new_column_name='name')
