-- The console lists messages of one kind (contact or volunteering), newest first, a page at a time.
CREATE INDEX contact_message_by_kind ON contact_message (kind, received_at DESC, id DESC);
