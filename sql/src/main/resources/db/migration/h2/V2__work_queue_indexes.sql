-- Indexes for the work queues (reconciler, outbox). H2 has no partial indexes, so it indexes whole columns;
-- the PostgreSQL version indexes only the rows still waiting, which keeps those indexes small as history grows.
CREATE INDEX orders_due_idx ON orders (status, next_check_at);
CREATE INDEX orders_expiry_idx ON orders (status, expires_at);
CREATE INDEX outbox_due_idx ON outbox (status, next_attempt_at);
