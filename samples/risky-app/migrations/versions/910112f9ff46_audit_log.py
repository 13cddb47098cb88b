"""audit log table

Revision ID: 910112f9ff46
Revises: 9deb78262cb2
Create Date: 2024-01-29 12:18:05.660347

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '910112f9ff46'
down_revision = '9deb78262cb2'
branch_labels = None
depends_on = None

# The DO block is fine: CREATE TYPE has no IF NOT EXISTS, and the block checks the catalog first.
# Breaks: sql-without-if-exists, twice, in the multi-statement string (CREATE TABLE and CREATE INDEX without
# IF NOT EXISTS).


def upgrade():
    op.execute(
        """
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'audit_action') THEN
                CREATE TYPE audit_action AS ENUM ('create', 'update', 'delete');
            END IF;
        END
        $$;
        """
    )
    op.execute(
        """
        CREATE TABLE audit_log (
            id bigserial PRIMARY KEY,
            account_id integer NOT NULL REFERENCES accounts (id),
            action audit_action NOT NULL,
            payload jsonb,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX ix_audit_log_account_id ON audit_log (account_id);
        """
    )


def downgrade():
    op.execute("DROP TABLE IF EXISTS audit_log")
    op.execute("DROP TYPE IF EXISTS audit_action")
