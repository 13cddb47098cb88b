"""add users.marketing_opt_in

Revision ID: 99be52b02b11
Revises: 0085e71989f2
Create Date: 2023-10-02 09:31:45.002817

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
# Breaks: duplicate-revision. This file began as a copy of 99be52b02b11_add_users_email.py and kept its revision
# id: Alembic keeps only one of the two files, so one of the migrations silently never runs.
revision = '99be52b02b11'
down_revision = '0085e71989f2'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column(
        'users',
        sa.Column('marketing_opt_in', sa.Boolean(), server_default=sa.false(), nullable=False),
        if_not_exists=True,
    )


def downgrade():
    op.drop_column('users', 'marketing_opt_in', if_exists=True)
