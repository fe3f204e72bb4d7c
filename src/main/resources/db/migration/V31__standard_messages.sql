-- Reusable messages of an administration: subject and text may hold placeholders, filled per
-- case when a message is sent. Never a signature: that is appended to each message. case_type
-- NULL means the standard message fits every kind of case.
CREATE TABLE standard_messages (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  administration_id bigint NOT NULL REFERENCES administrations,
  description text NOT NULL,
  case_type text CHECK (case_type IN ('customer', 'invoice', 'matter')),
  subject text NOT NULL,
  cc_addresses text[] NOT NULL DEFAULT '{}',
  bcc_addresses text[] NOT NULL DEFAULT '{}',
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (administration_id, description)
);
