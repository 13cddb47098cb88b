"""shorten users.full_name to 80 characters

Revision ID: 51ff50a43e41
Revises: 3e6e83c3abfc
Create Date: 2024-01-08 15:03:12.980166

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '51ff50a43e41'
down_revision = '3e6e83c3abfc'
branch_labels = None
depends_on = None

# Breaks: change-column-type (narrowing varchar(255) to varchar(80): the migration fails on any longer name, and
# afterwards the release still running gets errors for the names it accepts).


def upgrade():
    op.alter_column(
        'users',
        'full_name',
        existing_type=sa.String(length=255),
        type_=sa.String(length=80),
        existing_nullable=False,
    )


def downgrade():
    op.alter_column(
        'users',
        'full_name',
        existing_type=sa.String(length=80),
        type_=sa.String(length=255),
        existing_nullable=False,
    )
