"""add users.phone

Revision ID: dabf653ac569
Revises: 2d2584dfbbd2
Create Date: 2024-03-12 08:40:57.216884

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'dabf653ac569'
down_revision = '2d2584dfbbd2'
branch_labels = None
depends_on = None

# Breaks: multiple-heads. Written on a feature branch on top of 2d2584dfbbd2 while 1644d5f0dde4 landed on main
# with the same parent; both were merged and nobody ran `alembic merge heads`, so `alembic upgrade head` refuses.


def upgrade():
    op.add_column('users', sa.Column('phone', sa.String(length=32), nullable=True), if_not_exists=True)


def downgrade():
    op.drop_column('users', 'phone', if_exists=True)
