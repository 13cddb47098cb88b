"""add users.locale

Revision ID: e22e1122f6be
Revises: 1644d5f0dde4
Create Date: 2024-03-25 14:27:02.659318

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e22e1122f6be'
down_revision = '1644d5f0dde4'
branch_labels = None
depends_on = None

# Breaks: syntax-error. A closing parenthesis went missing in a merge conflict: Alembic cannot import this file,
# so every alembic command fails, not only this revision.


def upgrade():
    op.add_column('users', sa.Column('locale', sa.String(length=10), nullable=True, if_not_exists=True)


def downgrade():
    op.drop_column('users', 'locale', if_exists=True)
