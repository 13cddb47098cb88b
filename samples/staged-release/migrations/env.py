"""Alembic environment of the staged-release help desk.

Revisions are written by hand, one phase each (expand, backfill or contract), so autogenerate is not wired up. Each
revision runs in its own transaction, and every connection gives up on a lock after a few seconds.
"""

import os

from alembic import context
from sqlalchemy import engine_from_config, pool, text

config = context.config
target_metadata = None

# configparser reads "%" as the start of an interpolation: every "%" of the real URL is doubled.
desk_database_url = os.environ.get("DESK_DATABASE_URL")
if desk_database_url:
    config.set_main_option("sqlalchemy.url", desk_database_url.replace("%", "%%"))

LOCK_TIMEOUT = os.environ.get("DESK_MIGRATION_LOCK_TIMEOUT", "5s")


def run_migrations_online() -> None:
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with connectable.connect() as connection:
        connection.execute(text("SELECT set_config('lock_timeout', :timeout, false)"), {"timeout": LOCK_TIMEOUT})
        connection.commit()
        context.configure(connection=connection, target_metadata=target_metadata, transaction_per_migration=True)
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
