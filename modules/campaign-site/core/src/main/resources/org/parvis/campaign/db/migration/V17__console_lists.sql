-- The console's lists, filtered in the address and read a page at a time, newest first:
-- contact and volunteering messages by kind, articles by status (last changed first), events
-- latest first.
CREATE INDEX contact_message_by_kind ON contact_message (kind, received_at DESC, id DESC);
CREATE INDEX news_article_for_editors ON news_article (updated_at DESC, id DESC);
CREATE INDEX news_article_for_editors_by_status ON news_article (status, updated_at DESC, id DESC);
CREATE INDEX agenda_event_by_start ON agenda_event (starts_at, id);
