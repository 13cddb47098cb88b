"""add users.display_name

Revision ID: 5b2e8d1f0a93
Revises: 3f9a1c2b7d40
Create Date: 2024-06-03 10:02:17.551802

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "5b2e8d1f0a93"
down_revision: Union[str, Sequence[str], None] = "3f9a1c2b7d40"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Phase: expand (release 1.1). Release 1.1 shows display_name, falling back to nickname while it is empty. Nullable,
# so release 1.0, which knows nothing of it, keeps inserting users.


def upgrade() -> None:
    op.add_column("users", sa.Column("display_name", sa.Text(), nullable=True), if_not_exists=True)


def downgrade() -> None:
    op.drop_column("users", "display_name", if_exists=True)
