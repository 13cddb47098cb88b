"""Alembic environment of the clean-shop database.

Every revision in versions/ is written by hand and follows the expand / backfill / contract discipline, so
autogenerate is not wired up (target_metadata stays None). Each revision runs in its own transaction, which keeps
the locks of one revision from being held while the next one runs.
"""

import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import engine_from_config, pool, text

config = context.config

if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = None

# Deployments pass the real URL in SHOP_DATABASE_URL. configparser, which backs Alembic's Config, reads "%" as the
# start of an interpolation, and generated passwords or URL-encoded characters (p%40ss) contain one, so every "%"
# is doubled before the URL goes into the config.
shop_database_url = os.environ.get("SHOP_DATABASE_URL")
if shop_database_url:
    config.set_main_option("sqlalchemy.url", shop_database_url.replace("%", "%%"))

# Give up on a lock after a few seconds instead of queueing every other query on the table behind the migration.
LOCK_TIMEOUT = os.environ.get("SHOP_MIGRATION_LOCK_TIMEOUT", "5s")


def run_migrations_offline() -> None:
    """Render the SQL of the pending revisions to stdout (alembic upgrade head --sql)."""
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        transaction_per_migration=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Connect to the database and apply the pending revisions, one transaction per revision."""
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with connectable.connect() as connection:
        connection.execute(text("SELECT set_config('lock_timeout', :timeout, false)"), {"timeout": LOCK_TIMEOUT})
        connection.commit()
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            transaction_per_migration=True,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
