-- Customer replies from the portal, reply notifications to staff, direct-debit mandates, and
-- the inbox's keyset paging and search.

-- A reply is an inbound message on the case of the message it answers; staff read it once.
ALTER TABLE messages ADD COLUMN in_reply_to uuid REFERENCES messages;
ALTER TABLE messages ADD COLUMN read_at timestamptz;
CREATE INDEX messages_replies ON messages (in_reply_to) WHERE in_reply_to IS NOT NULL;

-- The inbox pages by (created_at, id), newest first, per filter.
DROP INDEX messages_administration;
CREATE INDEX messages_inbox ON messages (administration_id, created_at DESC, id DESC);
CREATE INDEX messages_inbox_replies ON messages (administration_id, created_at DESC, id DESC)
  WHERE direction = 'inbound';
CREATE INDEX messages_inbox_unread ON messages (administration_id, created_at DESC, id DESC)
  WHERE direction = 'inbound' AND read_at IS NULL;
CREATE INDEX deliveries_failed ON deliveries (administration_id, message_id)
  WHERE status = 'failed';

-- Search by customer name, subject and text uses trigram indexes where the server has pg_trgm
-- (a contrib extension, in every common PostgreSQL distribution); without it search still
-- works, by scanning.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm not available: inbox search will scan instead of using an index';
END $$;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX messages_search ON messages USING gin ((subject || ' ' || body) gin_trgm_ops);
    CREATE INDEX customers_name_search ON customers USING gin (name gin_trgm_ops);
  END IF;
END $$;

-- "A customer replied" emails to the user who sent the message replied to. Their own small
-- outbox, claimed by the mailing verticle like deliveries but kept apart from them.
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  administration_id bigint NOT NULL REFERENCES administrations,
  user_id bigint NOT NULL REFERENCES users,
  message_id uuid NOT NULL REFERENCES messages,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  error text,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status = 'queued';
CREATE INDEX notifications_leased ON notifications (lease_until) WHERE status = 'sending';
CREATE INDEX notifications_message ON notifications (message_id);

-- A customer's direct-debit mandate, authorised and perhaps later revoked in the portal.
-- At most one is active per customer.
CREATE TABLE mandates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  administration_id bigint NOT NULL REFERENCES administrations,
  customer_id bigint NOT NULL REFERENCES customers,
  reference text NOT NULL UNIQUE,
  account_holder text NOT NULL,
  iban text NOT NULL,
  authorised_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE UNIQUE INDEX mandates_active ON mandates (customer_id) WHERE revoked_at IS NULL;
CREATE INDEX mandates_customer ON mandates (administration_id, customer_id, authorised_at DESC);
