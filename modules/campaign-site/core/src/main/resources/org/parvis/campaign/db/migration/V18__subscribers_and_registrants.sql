-- The console's lists of newsletter subscribers (newest first, all states; a state's list uses
-- newsletter_subscriber_by_status_age) and of an event's registrants (in the order they came).
CREATE INDEX newsletter_subscriber_newest ON newsletter_subscriber (subscribed_at DESC, id DESC);
CREATE INDEX agenda_registration_in_order ON agenda_registration (event_id, registered_at, id);
