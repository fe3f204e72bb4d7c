-- A batch: one bulk send of the same message, individually, to many cases. Created here so
-- that bulk sending and per-batch (anonymous) open counts build on one table.
CREATE TABLE batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  administration_id bigint NOT NULL REFERENCES administrations,
  author_id bigint REFERENCES users,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX batches_administration ON batches (administration_id, created_at DESC);

ALTER TABLE messages ADD COLUMN batch_id uuid REFERENCES batches;
CREATE INDEX messages_batch ON messages (batch_id) WHERE batch_id IS NOT NULL;
