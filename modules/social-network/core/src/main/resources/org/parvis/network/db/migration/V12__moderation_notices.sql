-- Moderation notices: what a member is told about a decision on their item, their profile or
-- their account (with the moderator's statement of reasons); they need not be about an initiative.
ALTER TABLE member_notification ALTER COLUMN initiative_id DROP NOT NULL;
ALTER TABLE member_notification ADD COLUMN item_kind VARCHAR(12);
ALTER TABLE member_notification ADD COLUMN item_id BIGINT;
ALTER TABLE member_notification ADD COLUMN statement VARCHAR(2000);

-- A profile (display name) hidden by moderation: its page is no longer shown to others.
ALTER TABLE member_account ADD COLUMN profile_hidden_at TIMESTAMP WITH TIME ZONE;
