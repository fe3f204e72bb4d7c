-- Staff pages are in English or Dutch, the user's choice (Profile).
UPDATE users SET language = 'en' WHERE language NOT IN ('en', 'nl');
ALTER TABLE users ADD CONSTRAINT users_language CHECK (language IN ('en', 'nl'));

-- The administration's logo, shown in the portal and in emails: the image itself (checked to be
-- a PNG, JPEG or GIF of at most 200 KB when uploaded), its type, and when it last changed (the
-- version in its public address, so a cached old logo is never shown for a new one).
ALTER TABLE administrations
  ADD COLUMN logo bytea,
  ADD COLUMN logo_type text CHECK (logo_type IN ('image/png', 'image/jpeg', 'image/gif')),
  ADD COLUMN logo_version bigint;
