-- Files attached to messages. The bytes are stored once, content-addressed by their SHA-256
-- under the data directory (uploads/<first two hex digits>/<sha256>); a file name is never part
-- of a path. An attachment uploaded in the composer is pending (message_id NULL) until the
-- message is sent, so a refused form can keep it. It belongs to the message, not a delivery:
-- every delivery of the message (a resend too) carries the same attachments.
CREATE TABLE attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  administration_id bigint NOT NULL REFERENCES administrations,
  message_id uuid REFERENCES messages,
  position integer NOT NULL DEFAULT 0,
  filename text NOT NULL,
  content_type text NOT NULL,
  size bigint NOT NULL CHECK (size >= 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachments_message ON attachments (message_id, position) WHERE message_id IS NOT NULL;
CREATE INDEX attachments_pending ON attachments (administration_id, created_at)
  WHERE message_id IS NULL;
