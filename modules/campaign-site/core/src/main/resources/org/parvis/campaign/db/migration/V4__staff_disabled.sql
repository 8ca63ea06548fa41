-- An administrator can disable a staff account: it can no longer sign in, and its open
-- sessions end at their next request.
ALTER TABLE staff_account ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;
