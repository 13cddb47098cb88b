"""add products.price_cents and orders.currency

Revision ID: 598c50f505f3
Revises: e509b3e7652f
Create Date: 2024-03-11 08:51:30.772689

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "598c50f505f3"
down_revision: Union[str, Sequence[str], None] = "e509b3e7652f"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Phase: expand (release 1.4). Both columns are nullable, so the release still running (which knows neither) keeps
# inserting rows. Release 1.4 writes price_cents next to price and sets currency (an ISO 4217 code, checked by the
# application) on every new order; the rows written before are filled in by the two backfill revisions that follow.


def upgrade() -> None:
    op.add_column("products", sa.Column("price_cents", sa.BigInteger(), nullable=True), if_not_exists=True)
    op.add_column("orders", sa.Column("currency", sa.Text(), nullable=True), if_not_exists=True)
    # Same kind of change in raw SQL, guarded the same way: a free-text note staff can attach to an order.
    op.execute("ALTER TABLE orders ADD COLUMN IF NOT EXISTS staff_note text")


def downgrade() -> None:
    op.drop_column("orders", "staff_note", if_exists=True)
    op.drop_column("orders", "currency", if_exists=True)
    op.drop_column("products", "price_cents", if_exists=True)
