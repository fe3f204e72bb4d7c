-- Open tracking with honest signals: loads by a person's mail client counted apart from
-- automated ones (image proxies, prefetching, security scanners), and the opens of emails sent
-- with tracking mode 'anonymous' counted without any tie to a delivery or a customer.

-- open_count, first_opened_at and last_opened_at count every load; these only a mail client's.
ALTER TABLE deliveries ADD COLUMN person_open_count integer NOT NULL DEFAULT 0;
ALTER TABLE deliveries ADD COLUMN first_person_opened_at timestamptz;
ALTER TABLE deliveries ADD COLUMN last_person_opened_at timestamptz;

-- Anonymous opens per batch and month. Single messages, and batches of fewer than 10
-- messages (whose count could point to one customer), are counted together per administration
-- (batch_id null).
CREATE TABLE anonymous_opens (
  administration_id bigint NOT NULL REFERENCES administrations,
  batch_id uuid REFERENCES batches,
  month date NOT NULL,
  person_opens bigint NOT NULL DEFAULT 0,
  automated_opens bigint NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX anonymous_opens_key ON anonymous_opens
  (administration_id, COALESCE(batch_id, '00000000-0000-0000-0000-000000000000'::uuid), month);
CREATE INDEX anonymous_opens_batch ON anonymous_opens (batch_id) WHERE batch_id IS NOT NULL;
