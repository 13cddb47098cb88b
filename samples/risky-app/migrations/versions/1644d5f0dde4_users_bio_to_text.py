"""users.bio becomes unlimited text

Revision ID: 1644d5f0dde4
Revises: 2d2584dfbbd2
Create Date: 2024-03-11 11:09:23.871650

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '1644d5f0dde4'
down_revision = '2d2584dfbbd2'
branch_labels = None
depends_on = None

# Breaks: unparsed-sql. Copied from a MySQL project: MODIFY COLUMN is not PostgreSQL, so the migration fails on
# deploy and migragate cannot check what it does.


def upgrade():
    op.execute('ALTER TABLE users MODIFY COLUMN bio TEXT')


def downgrade():
    op.execute('ALTER TABLE users MODIFY COLUMN bio VARCHAR(500)')
