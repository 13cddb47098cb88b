"""make users.phone required

Revision ID: 3e6e83c3abfc
Revises: 487d9404e1cb
Create Date: 2023-12-11 13:36:50.447918

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3e6e83c3abfc'
down_revision = '487d9404e1cb'
branch_labels = None
depends_on = None

# Breaks: set-not-null. Written in batch mode (left over from the days the tests ran on SQLite); on PostgreSQL
# the ALTER takes an ACCESS EXCLUSIVE lock and scans every row to prove there is no NULL.


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.alter_column('phone', existing_type=sa.String(length=32), nullable=False)


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.alter_column('phone', existing_type=sa.String(length=32), nullable=True)
