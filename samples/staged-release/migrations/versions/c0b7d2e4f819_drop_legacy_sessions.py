"""drop legacy_sessions

Revision ID: c0b7d2e4f819
Revises: a6e93b5d1c08
Create Date: 2024-06-07 14:03:26.318450

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "c0b7d2e4f819"
down_revision: Union[str, Sequence[str], None] = "a6e93b5d1c08"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Phase: contract, safe in this release. Release 1.0.4 already stopped using legacy_sessions, and nothing in
# release 1.1 expands or fills that table, so the drop can run as soon as 1.1 is deployed.


def upgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")
    # migragate: ignore[drop-table] -- release 1.0.4 moved sessions to the cache and no instance reads this table
    op.drop_table("legacy_sessions", if_exists=True)


def downgrade() -> None:
    op.create_table(
        "legacy_sessions",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("token", sa.Text(), nullable=False),
        if_not_exists=True,
    )
