"""archive old events

Revision ID: 5900a158bb4b
Revises: 561d18bdfb54
Create Date: 2024-04-15 09:03:37.448210

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5900a158bb4b'
# Breaks: revision-cycle, together with 561d18bdfb54. While "reordering" the two revisions of this pair by hand,
# each down_revision was pointed at the other: the pair has no base and no order, and Alembic stops with a cycle
# error.
down_revision = '561d18bdfb54'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('events', sa.Column('archived_at', sa.DateTime(), nullable=True), if_not_exists=True)


def downgrade():
    op.drop_column('events', 'archived_at', if_exists=True)
