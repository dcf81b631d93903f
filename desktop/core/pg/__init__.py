"""Team mode: the PostgreSQL store, its migrations, connecting, and `team init`."""
