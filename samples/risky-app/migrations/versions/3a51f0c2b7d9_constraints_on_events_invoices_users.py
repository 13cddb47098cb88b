"""constraints on events, billing_invoices and users

Revision ID: 3a51f0c2b7d9
Revises: dabf653ac569
Create Date: 2024-03-14 09:12:40.118204

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3a51f0c2b7d9'
down_revision = 'dabf653ac569'
branch_labels = None
depends_on = None

# Breaks: add-foreign-key-validated, add-check-constraint-validated, add-unique-constraint. Each constraint is
# checked against every existing row inside the ALTER TABLE: the foreign key holds SHARE ROW EXCLUSIVE on events
# and accounts, the CHECK and the UNIQUE index build hold ACCESS EXCLUSIVE, for as long as the scan takes.


def upgrade():
    op.create_foreign_key('fk_events_account', 'events', 'accounts', ['account_id'], ['id'])
    op.create_check_constraint('ck_billing_invoices_amount', 'billing_invoices', 'amount >= 0')
    op.create_unique_constraint('uq_users_phone', 'users', ['phone'])


def downgrade():
    pass
