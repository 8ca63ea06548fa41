-- Handles of erased accounts, kept one year so that nobody else takes them: old mentions, links and
-- shared addresses must not come to point to a new person. Only a SHA-256 digest of the handle is
-- kept, and no reference to the tombstone, so the row ties nothing back to the erased account; the
-- retention job deletes it after the year.
CREATE TABLE retired_handle (
  handle_digest VARCHAR(64) PRIMARY KEY,
  retired_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX retired_handle_by_age ON retired_handle (retired_at);
