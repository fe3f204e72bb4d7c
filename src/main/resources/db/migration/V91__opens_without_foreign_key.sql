-- Opens are the busiest insert Casemail has (every image proxy, every re-open). Checking each
-- row's delivery took about a third of the database's work per open, and it cannot fail: the
-- one statement that inserts opens takes their delivery ids from a join with deliveries, and
-- deliveries are never deleted.
ALTER TABLE opens DROP CONSTRAINT opens_delivery_id_fkey;
