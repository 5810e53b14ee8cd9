"""The ledger's stores: one package per kind of store (today the PostgreSQL store)."""
