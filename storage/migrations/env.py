"""Alembic environment: runs migrations on the engine the application hands over."""

from alembic import context
from sqlmodel import SQLModel

import storage.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from storage.db import managed_by_models

target_metadata = SQLModel.metadata


def run() -> None:
    engine = context.config.attributes.get("engine")
    if engine is None:
        from storage.db import make_engine

        engine = make_engine(context.config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        # render_as_batch lets ALTER TABLE work on SQLite by copying the table
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                          include_name=managed_by_models)
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run()
