"""add tickets.priority and index it

Revision ID: 8d1a6f3c2e57
Revises: 7c4f0e2a9b16
Create Date: 2024-06-05 11:27:53.004981

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "8d1a6f3c2e57"
down_revision: Union[str, Sequence[str], None] = "7c4f0e2a9b16"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Phase: expand (release 1.1). Release 1.1 sets a priority on every new ticket and sorts the queue by it; the column
# is nullable so that release 1.0 keeps creating tickets. The index is built CONCURRENTLY, outside the revision's
# transaction, so that tickets keep being written while it builds.


def upgrade() -> None:
    op.add_column("tickets", sa.Column("priority", sa.SmallInteger(), nullable=True), if_not_exists=True)
    with op.get_context().autocommit_block():
        op.create_index(
            "ix_tickets_priority",
            "tickets",
            ["priority"],
            postgresql_concurrently=True,
            if_not_exists=True,
        )


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index("ix_tickets_priority", table_name="tickets", postgresql_concurrently=True, if_exists=True)
    op.drop_column("tickets", "priority", if_exists=True)
