-- Casemail's core schema: tenants, staff, cases, messages and their deliveries.
-- Every row belongs to exactly one administration; every query filters on it.

CREATE TABLE administrations (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE,
  sender_address text NOT NULL,
  sender_name text NOT NULL,
  default_signature text NOT NULL DEFAULT '',
  default_language text NOT NULL DEFAULT 'en',
  time_zone text NOT NULL DEFAULT 'Europe/Amsterdam',
  portal_colour text NOT NULL DEFAULT '#1d4f91',
  reply_notifications boolean NOT NULL DEFAULT true,
  tracking_mode text NOT NULL DEFAULT 'individual'
    CHECK (tracking_mode IN ('individual', 'anonymous', 'off')),
  payment_url_template text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  administration_id bigint NOT NULL REFERENCES administrations,
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'member')),
  signature text,
  language text NOT NULL DEFAULT 'en',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  administration_id bigint NOT NULL REFERENCES administrations,
  key_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE customers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  administration_id bigint NOT NULL REFERENCES administrations,
  number text NOT NULL,
  name text NOT NULL,
  emails text[] NOT NULL DEFAULT '{}',
  contact_name text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  language text NOT NULL,
  address text NOT NULL DEFAULT '',
  postal_code text NOT NULL DEFAULT '',
  city text NOT NULL DEFAULT '',
  country text NOT NULL DEFAULT '',
  UNIQUE (administration_id, number)
);

CREATE TABLE invoices (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  administration_id bigint NOT NULL REFERENCES administrations,
  customer_id bigint NOT NULL REFERENCES customers,
  number text NOT NULL,
  invoice_date date NOT NULL,
  due_date date NOT NULL,
  amount numeric(14, 2) NOT NULL,
  open_amount numeric(14, 2) NOT NULL,
  currency text NOT NULL,
  description text NOT NULL DEFAULT '',
  UNIQUE (administration_id, number)
);
CREATE INDEX invoices_customer ON invoices (customer_id);

CREATE TABLE matters (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  administration_id bigint NOT NULL REFERENCES administrations,
  customer_id bigint NOT NULL REFERENCES customers,
  reference text NOT NULL,
  opened_on date NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'payment_plan', 'closed')),
  principal_amount numeric(14, 2) NOT NULL,
  collection_costs numeric(14, 2) NOT NULL,
  interest_amount numeric(14, 2) NOT NULL,
  UNIQUE (administration_id, reference)
);
CREATE INDEX matters_customer ON matters (customer_id);

CREATE TABLE matter_invoices (
  matter_id bigint NOT NULL REFERENCES matters ON DELETE CASCADE,
  invoice_id bigint NOT NULL REFERENCES invoices,
  PRIMARY KEY (matter_id, invoice_id)
);

-- A message on a case: outbound (a user wrote it) or inbound (a customer's reply).
-- subject and body are final: placeholders filled, signature kept apart.
CREATE TABLE messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  administration_id bigint NOT NULL REFERENCES administrations,
  customer_id bigint NOT NULL REFERENCES customers,
  case_type text NOT NULL CHECK (case_type IN ('customer', 'invoice', 'matter')),
  case_id bigint NOT NULL,
  direction text NOT NULL DEFAULT 'outbound' CHECK (direction IN ('outbound', 'inbound')),
  author_id bigint REFERENCES users,
  subject text NOT NULL,
  body text NOT NULL,
  signature text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_case ON messages (administration_id, case_type, case_id, created_at DESC);
CREATE INDEX messages_customer ON messages (administration_id, customer_id, created_at DESC);
CREATE INDEX messages_administration ON messages (administration_id, created_at DESC);

-- One email attempt-series of a message. Stored (with its Message-ID) before any SMTP
-- traffic: this table is the outbox the mailing verticle claims work from.
CREATE TABLE deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  administration_id bigint NOT NULL REFERENCES administrations,
  message_id uuid NOT NULL REFERENCES messages,
  to_addresses text[] NOT NULL DEFAULT '{}',
  cc_addresses text[] NOT NULL DEFAULT '{}',
  bcc_addresses text[] NOT NULL DEFAULT '{}',
  status text NOT NULL
    CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'uncertain', 'not_emailed')),
  error text,
  message_id_header text NOT NULL,
  tracking_token text NOT NULL UNIQUE,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz,
  sent_at timestamptz,
  first_opened_at timestamptz,
  last_opened_at timestamptz,
  open_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deliveries_message ON deliveries (message_id);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'queued';
CREATE INDEX deliveries_leased ON deliveries (lease_until) WHERE status = 'sending';

-- Each load of a delivery's tracking pixel; never the raw IP.
CREATE TABLE opens (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  delivery_id uuid NOT NULL REFERENCES deliveries,
  opened_at timestamptz NOT NULL,
  client_class text NOT NULL
);
CREATE INDEX opens_delivery ON opens (delivery_id);

-- The customer's own visits to a message in the portal.
CREATE TABLE portal_views (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  message_id uuid NOT NULL REFERENCES messages,
  viewed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portal_views_message ON portal_views (message_id);
