"""rename invoices to billing_invoices

Revision ID: 487d9404e1cb
Revises: e9f64a2080ca
Create Date: 2023-12-04 08:58:27.310574

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '487d9404e1cb'
down_revision = 'e9f64a2080ca'
branch_labels = None
depends_on = None

# Breaks: rename-table. Every query of the release still running names "invoices" and fails with
# 'relation "invoices" does not exist' until the rollout finishes.


def upgrade():
    op.rename_table('invoices', 'billing_invoices')


def downgrade():
    op.rename_table('billing_invoices', 'invoices')
