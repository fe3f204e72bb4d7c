-- The open counts of a delivery move out of deliveries into a narrow table of their own. The
-- pixel updates them thousands of times a second under load: an update of a wide, much-indexed
-- outbox row wrote the whole row and an entry in each of its indexes, whereas a row here is
-- small, its only index is its key, and the free space left on each page (fillfactor) lets an
-- update stay on its page without touching the index (a HOT update). It also keeps the outbox,
-- which the mailing verticle scans, free of the dead rows the counting left behind.
CREATE TABLE delivery_opens (
  delivery_id uuid PRIMARY KEY REFERENCES deliveries,
  open_count integer NOT NULL,
  first_opened_at timestamptz,
  last_opened_at timestamptz,
  person_open_count integer NOT NULL,
  first_person_opened_at timestamptz,
  last_person_opened_at timestamptz
) WITH (fillfactor = 50);

INSERT INTO delivery_opens (delivery_id, open_count, first_opened_at, last_opened_at,
  person_open_count, first_person_opened_at, last_person_opened_at)
SELECT id, open_count, first_opened_at, last_opened_at, person_open_count,
  first_person_opened_at, last_person_opened_at
FROM deliveries
WHERE open_count > 0;

ALTER TABLE deliveries
  DROP COLUMN open_count,
  DROP COLUMN first_opened_at,
  DROP COLUMN last_opened_at,
  DROP COLUMN person_open_count,
  DROP COLUMN first_person_opened_at,
  DROP COLUMN last_person_opened_at;
