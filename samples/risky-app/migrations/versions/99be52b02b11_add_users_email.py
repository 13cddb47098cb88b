"""add users.email

Revision ID: 99be52b02b11
Revises: 0085e71989f2
Create Date: 2023-10-02 09:31:45.002817

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '99be52b02b11'
down_revision = '0085e71989f2'
branch_labels = None
depends_on = None

# Breaks: add-column-not-null. default='' is a Python-side default: SQLAlchemy fills it in for the INSERTs it
# renders, but it never reaches the DDL, so ALTER TABLE fails on a table with rows ("contains null values"), and
# the release still running inserts users without email. Also op-without-if-exists.


def upgrade():
    op.add_column('users', sa.Column('email', sa.String(length=255), nullable=False, default=''))


def downgrade():
    op.drop_column('users', 'email')
