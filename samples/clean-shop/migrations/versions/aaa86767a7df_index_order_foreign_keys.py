"""index the foreign keys of orders and order_items

Revision ID: aaa86767a7df
Revises: 740687b390c8
Create Date: 2024-02-19 15:40:03.117542

"""
from typing import Sequence, Union

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "aaa86767a7df"
down_revision: Union[str, Sequence[str], None] = "740687b390c8"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Phase: expand. PostgreSQL does not index foreign key columns by itself. The tables take writes by now, so the
# indexes are built CONCURRENTLY, which cannot run inside a transaction: hence the autocommit block. If a build
# fails it leaves an INVALID index behind; drop it (downgrade does) before running this revision again.


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.create_index(
            "ix_orders_customer_id",
            "orders",
            ["customer_id"],
            postgresql_concurrently=True,
            if_not_exists=True,
        )
        op.create_index(
            "ix_order_items_order_id",
            "order_items",
            ["order_id"],
            postgresql_concurrently=True,
            if_not_exists=True,
        )
        op.create_index(
            "ix_order_items_product_id",
            "order_items",
            ["product_id"],
            postgresql_concurrently=True,
            if_not_exists=True,
        )


def downgrade() -> None:
    with op.get_context().autocommit_block():
        for index_name, table_name in (
            ("ix_order_items_product_id", "order_items"),
            ("ix_order_items_order_id", "order_items"),
            ("ix_orders_customer_id", "orders"),
        ):
            op.drop_index(index_name, table_name=table_name, postgresql_concurrently=True, if_exists=True)
