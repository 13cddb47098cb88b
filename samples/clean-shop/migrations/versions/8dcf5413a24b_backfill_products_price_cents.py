"""backfill products.price_cents from products.price

Revision ID: 8dcf5413a24b
Revises: 598c50f505f3
Create Date: 2024-03-18 13:05:12.004377

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "8dcf5413a24b"
down_revision: Union[str, Sequence[str], None] = "598c50f505f3"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Phase: backfill (deployed after release 1.4 is live everywhere, so every new product already has price_cents).
# Walks the primary key in ranges and commits after each range: short transactions, and a rerun skips the rows
# already done thanks to "price_cents IS NULL".

BATCH_SIZE = 5000


def upgrade() -> None:
    with op.get_context().autocommit_block():
        conn = op.get_bind()
        max_id = conn.execute(sa.text("SELECT coalesce(max(id), 0) FROM products")).scalar()
        for low in range(0, max_id + 1, BATCH_SIZE):
            conn.execute(
                sa.text(
                    "UPDATE products SET price_cents = round(price * 100) "
                    "WHERE id >= :low AND id < :high AND price_cents IS NULL"
                ),
                {"low": low, "high": low + BATCH_SIZE},
            )


def downgrade() -> None:
    # Nothing to undo: price is still there and still written by release 1.4.
    pass
