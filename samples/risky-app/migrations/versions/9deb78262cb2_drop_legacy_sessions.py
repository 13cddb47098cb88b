"""drop legacy_sessions

Revision ID: 9deb78262cb2
Revises: 51ff50a43e41
Create Date: 2024-01-15 10:44:31.285419

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '9deb78262cb2'
down_revision = '51ff50a43e41'
branch_labels = None
depends_on = None

# Breaks: drop-table (shipped in the same release that deletes the LegacySession model, so the release still
# running fails on every login) and op-without-if-exists (drop_table without if_exists=True).


def upgrade():
    op.drop_table('legacy_sessions')


def downgrade():
    op.create_table(
        'legacy_sessions',
        sa.Column('token', sa.String(length=64), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('expires_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('token'),
    )
