-- Overviews page by key (no OFFSET) in every sort order they offer, the id breaking ties, so a
-- page deep into 100,000 cases is as fast as the first.
CREATE INDEX customers_by_number ON customers (administration_id, number, id);
CREATE INDEX customers_by_name ON customers (administration_id, name, id);
CREATE INDEX invoices_by_number ON invoices (administration_id, number, id);
CREATE INDEX invoices_by_due_date ON invoices (administration_id, due_date, id);
CREATE INDEX invoices_by_amount ON invoices (administration_id, amount, id);
CREATE INDEX invoices_by_open_amount ON invoices (administration_id, open_amount, id);
CREATE INDEX matters_by_reference ON matters (administration_id, reference, id);
CREATE INDEX matters_by_opened_on ON matters (administration_id, opened_on, id);
CREATE INDEX matters_by_total ON matters
  (administration_id, (principal_amount + collection_costs + interest_amount), id);

-- Searching by the start of a number or reference uses trigram indexes where pg_trgm exists
-- (see V70); without it, search scans.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX customers_number_search ON customers USING gin (number gin_trgm_ops);
    CREATE INDEX invoices_number_search ON invoices USING gin (number gin_trgm_ops);
    CREATE INDEX matters_reference_search ON matters USING gin (reference gin_trgm_ops);
  END IF;
END $$;
