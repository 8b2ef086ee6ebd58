-- Indexes for the work queues (reconciler, outbox). PostgreSQL indexes only the rows still waiting (partial
-- indexes), so they stay small however much history piles up; H2 has no partial indexes, hence a file per engine.
CREATE INDEX orders_due_idx ON orders (next_check_at) WHERE status = 'PENDING';
CREATE INDEX orders_expiry_idx ON orders (expires_at) WHERE status = 'PENDING';
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status = 'PENDING';
