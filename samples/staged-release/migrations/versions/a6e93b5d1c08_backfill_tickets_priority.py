"""backfill tickets.priority

Revision ID: a6e93b5d1c08
Revises: 8d1a6f3c2e57
Create Date: 2024-06-06 08:45:31.662047

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "a6e93b5d1c08"
down_revision: Union[str, Sequence[str], None] = "8d1a6f3c2e57"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Phase: backfill. Runs once release 1.1 is live everywhere: from then on every new ticket has a priority, so the
# rows left are those 1.0 wrote. Walks the primary key in ranges and commits after each one.

BATCH_SIZE = 5000


def upgrade() -> None:
    with op.get_context().autocommit_block():
        conn = op.get_bind()
        max_id = conn.execute(sa.text("SELECT coalesce(max(id), 0) FROM tickets")).scalar()
        for low in range(0, max_id + 1, BATCH_SIZE):
            conn.execute(
                sa.text(
                    "UPDATE tickets SET priority = 3 "
                    "WHERE id >= :low AND id < :high AND priority IS NULL"
                ),
                {"low": low, "high": low + BATCH_SIZE},
            )


def downgrade() -> None:
    pass
