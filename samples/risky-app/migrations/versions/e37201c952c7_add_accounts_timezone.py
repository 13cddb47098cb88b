"""add accounts.timezone

Revision ID: e37201c952c7
Revises: e22e1122f6bf
Create Date: 2024-04-08 10:15:44.093127

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e37201c952c7'
# Breaks: unknown-down-revision. The parent id was typed by hand and its last character is wrong (the real
# revision is e22e1122f6be): Alembic cannot build the revision map and every command fails.
down_revision = 'e22e1122f6bf'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('accounts', sa.Column('timezone', sa.String(length=64), nullable=True), if_not_exists=True)


def downgrade():
    op.drop_column('accounts', 'timezone', if_exists=True)
