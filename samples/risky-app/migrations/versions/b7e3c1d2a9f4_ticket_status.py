"""ticket status on events

Revision ID: b7e3c1d2a9f4
Revises: 6c0e8d4f1a27
Create Date: 2024-03-18 10:02:11.512930

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7e3c1d2a9f4'
down_revision = '6c0e8d4f1a27'
branch_labels = None
depends_on = None

# Breaks: missing-checkfirst (the enum type is created without checkfirst=True), op-without-if-exists (the
# concurrent index commits on its own, then add_column can fail and the retry trips over the index), and, when the
# opt-in op-without-if-exists-strict is selected, the add_column inside the transaction.


def upgrade():
    ticket_status = sa.Enum('open', 'closed', name='ticket_status')
    ticket_status.create(op.get_bind())
    with op.get_context().autocommit_block():
        op.create_index('ix_events_kind', 'events', ['kind'], postgresql_concurrently=True)
    op.add_column('events', sa.Column('status', ticket_status, nullable=True))


def downgrade():
    op.drop_column('events', 'status')
    op.drop_index('ix_events_kind', table_name='events')
    sa.Enum(name='ticket_status').drop(op.get_bind(), checkfirst=True)
