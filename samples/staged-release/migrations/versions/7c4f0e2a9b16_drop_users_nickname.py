"""drop users.nickname

Revision ID: 7c4f0e2a9b16
Revises: 5b2e8d1f0a93
Create Date: 2024-06-04 15:40:09.873115

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "7c4f0e2a9b16"
down_revision: Union[str, Sequence[str], None] = "5b2e8d1f0a93"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Phase: contract. Release 1.1 no longer reads nickname, but release 1.0 does, and 1.0 instances keep serving
# requests until the rollout of 1.1 is over: this drop belongs to the release after 1.1 (contract-same-release
# says so). Its pull request was merged right after the display_name one, so it sits before the ticket work in
# the chain: an order conflict that `migragate plan` names and fixes.


def upgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.drop_column("users", "nickname", if_exists=True)


def downgrade() -> None:
    op.add_column("users", sa.Column("nickname", sa.Text(), nullable=True), if_not_exists=True)
