"""trigram search on product names

Revision ID: e509b3e7652f
Revises: aaa86767a7df
Create Date: 2024-03-04 11:27:56.640021

"""
from typing import Sequence, Union

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "e509b3e7652f"
down_revision: Union[str, Sequence[str], None] = "aaa86767a7df"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Phase: expand. Raw SQL, because op.create_index has no opclass argument for a GIN trigram index. Every statement
# carries its IF NOT EXISTS guard, so a rerun after a partial failure goes through.


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    with op.get_context().autocommit_block():
        op.execute(
            """
            CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_products_name_trgm
                ON products USING gin (name gin_trgm_ops)
            """
        )


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_products_name_trgm")
