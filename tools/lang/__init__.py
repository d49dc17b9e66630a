"""Language packs: what is particular to one language (loaded through entry points, never by the core)."""
