/**
 * SQL for the transaction id below which this database's log is final: no transaction older than it
 * can still commit an event here. PostgreSQL's own horizon, `pg_snapshot_xmin`, counts every open
 * transaction of the whole server, so a transaction in another database held back every reader of
 * this one (the relay, projections, rebuilds) for as long as it stayed open. A backend never changes
 * database, so a transaction seen running in another database cannot write here and is skipped; one
 * that ended between the snapshot and the look at `pg_stat_activity` is kept (its database is
 * unknown), which only ever makes the horizon earlier. Evaluated in the statement that reads the
 * events, it shares their snapshot.
 *
 * It reads `pg_stat_get_activity(NULL)`, the function the `pg_stat_activity` view is built on, for the
 * same two columns: the view also joins every backend's database and role names, which made the
 * horizon ~2.5× as expensive (600 against 250 µs a query with 70 connections open), and every relay
 * evaluates it on each wake-up (bench/README.md, "PostgreSQL's share of the mobile BFF").
 */
export const VISIBILITY_HORIZON = `coalesce(
  (SELECT min(xid) FROM pg_snapshot_xip(pg_current_snapshot()) AS xid
    WHERE xid::text::bigint % 4294967296 NOT IN (
      SELECT backend_xid::text::bigint FROM pg_stat_get_activity(NULL)
       WHERE backend_xid IS NOT NULL
         AND datid IS DISTINCT FROM (SELECT oid FROM pg_database WHERE datname = current_database()))),
  pg_snapshot_xmax(pg_current_snapshot()))`;
