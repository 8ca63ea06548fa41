-- Moderation a posteriori: an item moderation hid pending review (its author still sees it, with
-- a notice); cleared when moderation restores it.
ALTER TABLE initiative ADD COLUMN hidden_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE initiative_comment ADD COLUMN hidden_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE official_answer ADD COLUMN hidden_at TIMESTAMP WITH TIME ZONE;
