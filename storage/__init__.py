"""SQLite store: tables, migrations, the writes of extraction results and every read query."""
