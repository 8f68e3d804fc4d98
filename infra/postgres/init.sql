-- One schema per service, each created and migrated by its own service at start.
-- This file only makes sure the database exists with the extensions the read models use.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
