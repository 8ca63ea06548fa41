-- A member suspended (or banned: a date far away) by moderators publishes and signs nothing until
-- then; set and lifted by moderation's sanctions.
ALTER TABLE member_account ADD COLUMN suspended_until TIMESTAMP WITH TIME ZONE;
