-- The inbox's Failed filter lists deliveries that failed or whose outcome is uncertain (the
-- connection was lost mid-transaction): both need someone to decide on a resend.
DROP INDEX deliveries_failed;
CREATE INDEX deliveries_failed ON deliveries (administration_id, message_id)
  WHERE status IN ('failed', 'uncertain');
