"""create customers and products

Revision ID: d1a0220f5b72
Revises:
Create Date: 2024-02-05 10:14:22.318204

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "d1a0220f5b72"
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Phase: expand. Two new tables; nothing that already runs depends on them.


def upgrade() -> None:
    op.create_table(
        "customers",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("full_name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.UniqueConstraint("email", name="uq_customers_email"),
        if_not_exists=True,
    )
    op.create_table(
        "products",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column("sku", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        # Stored as a decimal in the first release; replaced by integer cents in 598c50f505f3 .. 2ec70ed6e7e2.
        sa.Column("price", sa.Numeric(10, 2), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.UniqueConstraint("sku", name="uq_products_sku"),
        if_not_exists=True,
    )


def downgrade() -> None:
    op.drop_table("products", if_exists=True)
    op.drop_table("customers", if_exists=True)
