"""create orders and order items

Revision ID: 740687b390c8
Revises: d1a0220f5b72
Create Date: 2024-02-12 09:02:47.905113

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "740687b390c8"
down_revision: Union[str, Sequence[str], None] = "d1a0220f5b72"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Phase: expand. New tables only; their foreign keys are declared inline, so no existing table is altered.

ORDER_STATUSES = ("pending", "paid", "shipped", "cancelled")


def upgrade() -> None:
    op.create_table(
        "orders",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column(
            "customer_id",
            sa.BigInteger(),
            sa.ForeignKey("customers.id", name="fk_orders_customer"),
            nullable=False,
        ),
        sa.Column("status", sa.Text(), server_default="pending", nullable=False),
        sa.Column("placed_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "status IN ({})".format(", ".join(f"'{status}'" for status in ORDER_STATUSES)),
            name="ck_orders_status",
        ),
        if_not_exists=True,
    )
    op.create_table(
        "order_items",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column(
            "order_id",
            sa.BigInteger(),
            sa.ForeignKey("orders.id", name="fk_order_items_order", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "product_id",
            sa.BigInteger(),
            sa.ForeignKey("products.id", name="fk_order_items_product"),
            nullable=False,
        ),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price", sa.Numeric(10, 2), nullable=False),
        sa.CheckConstraint("quantity > 0", name="ck_order_items_quantity_positive"),
        if_not_exists=True,
    )


def downgrade() -> None:
    op.drop_table("order_items", if_exists=True)
    op.drop_table("orders", if_exists=True)
