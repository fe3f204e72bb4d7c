-- Bulk messages: a batch stores what was asked (case type, subject, how many cases) and the
-- key that makes a repeated submit return the same batch; each of its messages has one
-- delivery that belongs to the batch (a later resend does not), and its attachments are
-- stored once for the whole batch.

ALTER TABLE batches ADD COLUMN case_type text
  CHECK (case_type IN ('customer', 'invoice', 'matter'));
ALTER TABLE batches ADD COLUMN subject text NOT NULL DEFAULT '';
ALTER TABLE batches ADD COLUMN total integer NOT NULL DEFAULT 0 CHECK (total >= 0);
-- NULL keys never conflict: a batch without a key is never taken for another.
ALTER TABLE batches ADD COLUMN idempotency_key text;
-- Set once nothing of the batch is left to mail.
ALTER TABLE batches ADD COLUMN finished_at timestamptz;
ALTER TABLE batches ADD CONSTRAINT batches_idempotency UNIQUE (administration_id, idempotency_key);

-- Progress is read from the batch's own deliveries and their states.
ALTER TABLE deliveries ADD COLUMN batch_id uuid REFERENCES batches;
CREATE INDEX deliveries_batch ON deliveries (batch_id, status) WHERE batch_id IS NOT NULL;

-- An attachment belongs to one message, or to every message of one batch.
ALTER TABLE attachments ADD COLUMN batch_id uuid REFERENCES batches;
ALTER TABLE attachments ADD CONSTRAINT attachments_one_owner
  CHECK (message_id IS NULL OR batch_id IS NULL);
CREATE INDEX attachments_batch ON attachments (batch_id, position) WHERE batch_id IS NOT NULL;
-- Serves every lookup of a batch's messages, so V2's index on batch_id alone goes.
CREATE INDEX messages_batch_customer ON messages (batch_id, customer_id)
  WHERE batch_id IS NOT NULL;
DROP INDEX messages_batch;
