-- Nothing reads opens by delivery: a delivery's counts are in delivery_opens (V130). The
-- index cost the pixel's store about a sixth of its time per open (an entry at a random place
-- for each row); opens are now only appended. Add it back with whatever needs to list a
-- delivery's opens.
DROP INDEX opens_delivery;
