-- Reliable delivery: the outcome per recipient address, what each email was built from (so
-- "View email" shows the email as sent), and the addresses that bounce per customer.

-- [{address, kind: to|cc|bcc, status: queued|sent|failed|uncertain|skipped, error, at}];
-- null until the first attempt.
ALTER TABLE deliveries ADD COLUMN recipients jsonb;

-- The sender, author and customer facts the email was rendered with, and the time used for
-- its Date header and portal link: kept at the first attempt, reused by retries and views.
ALTER TABLE deliveries ADD COLUMN render jsonb;
ALTER TABLE deliveries ADD COLUMN rendered_at timestamptz;

CREATE INDEX deliveries_status ON deliveries (administration_id, status);

-- An address that failed permanently (5xx to RCPT) is skipped for its customer until a user
-- clears it. Addresses are kept in lower case.
CREATE TABLE bounces (
  customer_id bigint NOT NULL REFERENCES customers,
  address text NOT NULL,
  administration_id bigint NOT NULL REFERENCES administrations,
  reason text NOT NULL,
  delivery_id uuid REFERENCES deliveries,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, address)
);
