"""users.avatar_url, declared an expand revision by its file name

Revision ID: c4f2a9e81d07
Revises: e22e1122f6be
Create Date: 2024-03-20 10:02:11.408214

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c4f2a9e81d07'
down_revision = 'e22e1122f6be'
branch_labels = None
depends_on = None

# Breaks: phase-mismatch (the `_expand01_` marker declares an expand revision, yet it drops users.signup_source),
# suppression-without-reason, unused-suppression and prefer-bigint. The drop of users.legacy_flag is accepted by
# expand_drop_exceptions() below, with its docstring as the reason.


def expand_drop_exceptions():
    """legacy_flag was never read by any released code: it only existed on a reverted branch."""
    return {sa.Column: ['users.legacy_flag']}


def upgrade():
    op.add_column('users', sa.Column('avatar_url', sa.Text(), nullable=True), if_not_exists=True)
    op.drop_column('users', 'legacy_flag', if_exists=True)  # migragate: ignore[drop-column, mixed-phases, contract-same-release] -- see expand_drop_exceptions
    # migragate: ignore[drop-column]
    op.drop_column('users', 'signup_source', if_exists=True)
    # migragate: ignore[rename-table] -- nothing is renamed here any more
    op.create_index('ix_users_avatar_url', 'users', ['avatar_url'], if_not_exists=True)
    # Breaks prefer-bigint: an int4 key runs out at 2.1 billion rows, and widening it later rewrites the table.
    op.create_table(
        'avatar_uploads',
        sa.Column('id', sa.Integer(), sa.Identity(), primary_key=True),
        sa.Column('user_id', sa.BigInteger(), nullable=False),
        sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
        if_not_exists=True,
    )


def downgrade():
    op.drop_table('avatar_uploads', if_exists=True)
    op.drop_index('ix_users_avatar_url', table_name='users', if_exists=True)
    op.add_column('users', sa.Column('signup_source', sa.Text(), nullable=True))
    op.add_column('users', sa.Column('legacy_flag', sa.Boolean(), nullable=True))
    op.drop_column('users', 'avatar_url', if_exists=True)
