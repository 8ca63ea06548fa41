-- The outbox is the same on both sides (kernel MailOutbox): one-click unsubscribe (RFC 8058) for
-- mails that carry it.
ALTER TABLE mail_outbox ADD COLUMN list_unsubscribe VARCHAR(500);
