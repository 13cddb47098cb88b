"""initial schema

Revision ID: 3f9a1c2b7d40
Revises:
Create Date: 2024-05-06 09:12:44.120391

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "3f9a1c2b7d40"
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Release 1.0, deployed long ago: users, their support tickets, and the sessions table release 1.0 kept in the
# database (release 1.0.4 moved sessions to the cache and stopped reading and writing legacy_sessions).


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column("email", sa.Text(), nullable=False),
        sa.Column("nickname", sa.Text(), nullable=True),
        sa.UniqueConstraint("email", name="uq_users_email"),
        if_not_exists=True,
    )
    op.create_table(
        "tickets",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column("user_id", sa.BigInteger(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        if_not_exists=True,
    )
    op.create_table(
        "legacy_sessions",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("token", sa.Text(), nullable=False),
        if_not_exists=True,
    )


def downgrade() -> None:
    op.drop_table("legacy_sessions", if_exists=True)
    op.drop_table("tickets", if_exists=True)
    op.drop_table("users", if_exists=True)
