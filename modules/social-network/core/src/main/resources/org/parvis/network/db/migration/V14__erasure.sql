-- Accounts erased at their holder's request: the row stays as an anonymous tombstone ("Participant
-- supprimé") so that signatures, counts and kept contributions still add up; nothing in it
-- identifies the person any more.
ALTER TABLE member_account ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;
