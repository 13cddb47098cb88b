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

# Phase: expand. Two new tables; nothing that already runs depends on them. Text columns are `text` with their
# length limits in named CHECK constraints: a limit can later be replaced (NOT VALID, then VALIDATE) without the
# ACCESS EXCLUSIVE lock that changing a varchar(n) takes.


def upgrade() -> None:
    op.create_table(
        "customers",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column("email", sa.Text(), nullable=False),
        sa.Column("full_name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.UniqueConstraint("email", name="uq_customers_email"),
        sa.CheckConstraint("char_length(email) <= 320", name="ck_customers_email_length"),
        sa.CheckConstraint("char_length(full_name) <= 200", name="ck_customers_full_name_length"),
        if_not_exists=True,
    )
    op.create_table(
        "products",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column("sku", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        # Stored as a decimal in the first release; replaced by integer cents in 598c50f505f3 .. 2ec70ed6e7e2.
        sa.Column("price", sa.Numeric(10, 2), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.UniqueConstraint("sku", name="uq_products_sku"),
        sa.CheckConstraint("char_length(sku) <= 64", name="ck_products_sku_length"),
        sa.CheckConstraint("char_length(name) <= 200", name="ck_products_name_length"),
        if_not_exists=True,
    )


def downgrade() -> None:
    op.drop_table("products", if_exists=True)
    op.drop_table("customers", if_exists=True)
