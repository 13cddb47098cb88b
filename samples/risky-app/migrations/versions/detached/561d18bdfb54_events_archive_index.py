"""index events.archived_at

Revision ID: 561d18bdfb54
Revises: 5900a158bb4b
Create Date: 2024-04-15 09:12:20.771904

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '561d18bdfb54'
down_revision = '5900a158bb4b'  # the other half of the cycle (see 5900a158bb4b)
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.create_index(
            'ix_events_archived_at',
            'events',
            ['archived_at'],
            postgresql_concurrently=True,
            if_not_exists=True,
        )


def downgrade():
    with op.get_context().autocommit_block():
        op.drop_index('ix_events_archived_at', table_name='events', postgresql_concurrently=True, if_exists=True)
