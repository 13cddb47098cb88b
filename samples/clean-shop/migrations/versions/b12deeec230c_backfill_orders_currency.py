"""backfill orders.currency for orders placed before release 1.4

Revision ID: b12deeec230c
Revises: 8dcf5413a24b
Create Date: 2024-03-18 13:22:41.519930

"""
import time
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "b12deeec230c"
down_revision: Union[str, Sequence[str], None] = "8dcf5413a24b"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Phase: backfill. Every order before release 1.4 was charged in euros. Batches of BATCH_SIZE rows picked with
# LIMIT, one commit per batch, a short pause between batches so replicas keep up; the loop stops when a batch
# finds nothing left to do.

BATCH_SIZE = 2000
PAUSE_SECONDS = 0.1

FILL_BATCH = sa.text(
    """
    UPDATE orders
       SET currency = 'EUR'
     WHERE id IN (
           SELECT id
             FROM orders
            WHERE currency IS NULL
            ORDER BY id
            LIMIT :batch_size
     )
    """
)


def upgrade() -> None:
    with op.get_context().autocommit_block():
        conn = op.get_bind()
        while True:
            result = conn.execute(FILL_BATCH, {"batch_size": BATCH_SIZE})
            if result.rowcount == 0:
                break
            time.sleep(PAUSE_SECONDS)


def downgrade() -> None:
    pass
