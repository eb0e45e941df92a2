-- When our relationship with a vendor began (a quarter's report lists only the vendors engaged at
-- its end), and the other names a vendor goes by ("Microsoft Corp" for Microsoft), which imports
-- match so that a known vendor is not created twice.
ALTER TABLE vendors ADD COLUMN engaged_since TEXT;              -- YYYY-MM-DD
-- Existing vendors: the day they were recorded, the only date we have.
UPDATE vendors SET engaged_since = substr(created_at, 1, 10);

CREATE TABLE vendor_aliases (
  vendor_id  INTEGER NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,                                -- the order the aliases were given in
  alias      TEXT NOT NULL,
  alias_key  TEXT NOT NULL UNIQUE,                            -- as vendors.name_key: case and spacing ignored
  PRIMARY KEY (vendor_id, position)
);
