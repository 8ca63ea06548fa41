-- The console's list of initiatives, most signed first whatever their state: the public lists
-- filter on one status and use initiative_most_signed (status, signature_count DESC, id).
CREATE INDEX initiative_by_signatures ON initiative (signature_count DESC, id);
