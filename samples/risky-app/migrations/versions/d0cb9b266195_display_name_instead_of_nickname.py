"""users.display_name replaces users.nickname

Revision ID: d0cb9b266195
Revises: 4df6462a8bc8
Create Date: 2023-11-06 10:05:59.731266

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd0cb9b266195'
down_revision = '4df6462a8bc8'
branch_labels = None
depends_on = None

# Breaks: mixed-phases (expand and contract in one revision: whichever side of the deploy it runs on, one half is
# wrong), drop-column (the release still running maps users.nickname) and op-without-if-exists (drop_column).


def upgrade():
    op.add_column('users', sa.Column('display_name', sa.String(length=100), nullable=True), if_not_exists=True)
    op.drop_column('users', 'nickname')


def downgrade():
    op.add_column('users', sa.Column('nickname', sa.String(length=64), nullable=True))
    op.drop_column('users', 'display_name')
