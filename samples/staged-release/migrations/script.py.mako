"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
${imports if imports else ""}

# revision identifiers, used by Alembic.
revision: str = ${repr(up_revision)}
down_revision: Union[str, Sequence[str], None] = ${repr(down_revision)}
branch_labels: Union[str, Sequence[str], None] = ${repr(branch_labels)}
depends_on: Union[str, Sequence[str], None] = ${repr(depends_on)}

# Phase of this revision: expand | backfill | contract (one per revision, see samples/README.md).
# - expand: new tables / nullable columns / indexes, each with if_not_exists=True;
#   indexes with postgresql_concurrently=True inside op.get_context().autocommit_block().
# - backfill: batched UPDATEs in an autocommit_block, nothing else.
# - contract: drops with if_exists=True, only once no running release uses the object.


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}


def downgrade() -> None:
    ${downgrades if downgrades else "pass"}
