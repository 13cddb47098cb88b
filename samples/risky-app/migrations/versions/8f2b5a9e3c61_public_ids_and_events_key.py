"""users.public_id, events.seq and a composite key on events

Revision ID: 8f2b5a9e3c61
Revises: 3a51f0c2b7d9
Create Date: 2024-03-15 16:03:11.540917

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '8f2b5a9e3c61'
down_revision = '3a51f0c2b7d9'
branch_labels = None
depends_on = None

# Breaks: add-column-volatile-default (gen_random_uuid() is computed for every existing row: users is rewritten),
# add-column-serial (an IDENTITY column fills every existing row: events is rewritten), add-primary-key (the new
# key's unique index is built inside the ALTER TABLE under ACCESS EXCLUSIVE).


def upgrade():
    op.add_column(
        'users',
        sa.Column(
            'public_id',
            postgresql.UUID(as_uuid=True),
            server_default=sa.text('gen_random_uuid()'),
            nullable=False,
        ),
        if_not_exists=True,
    )
    op.add_column('events', sa.Column('seq', sa.BigInteger(), sa.Identity(), nullable=False), if_not_exists=True)
    op.drop_constraint('events_pkey', 'events', type_='primary')
    op.create_primary_key('events_pkey', 'events', ['account_id', 'id'])


def downgrade():
    pass
