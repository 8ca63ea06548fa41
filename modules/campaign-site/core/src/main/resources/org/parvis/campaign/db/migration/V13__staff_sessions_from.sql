-- Staff sessions opened before this time are over: set when the holder changes their password or
-- second factor, and when an administrator resets the second factor, so that a session an attacker
-- opened with the old secret ends at its next request. Empty: every session of the account counts.
ALTER TABLE staff_account ADD COLUMN sessions_from TIMESTAMP WITH TIME ZONE;
