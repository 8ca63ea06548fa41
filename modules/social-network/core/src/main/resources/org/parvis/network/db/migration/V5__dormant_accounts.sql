-- Dormant and hijacked accounts: when the second factor was last proved, the activity that tells a
-- dormant account waking up, and freezes for staff to review.
ALTER TABLE member_account ADD COLUMN last_second_factor_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE member_account ADD COLUMN last_published_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE member_account ADD COLUMN woke_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE member_account ADD COLUMN publications_since_wake INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE member_account ADD COLUMN frozen_at TIMESTAMP WITH TIME ZONE;

CREATE SEQUENCE account_freeze_id_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE account_freeze (
  id          BIGINT PRIMARY KEY,
  member_id   BIGINT      NOT NULL REFERENCES member_account (id) ON DELETE CASCADE,
  frozen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  reason      VARCHAR(20) NOT NULL,
  reviewed_at TIMESTAMP WITH TIME ZONE,
  reviewed_by VARCHAR(64),
  lifted      BOOLEAN
);
-- The console's queue: unreviewed freezes, oldest first.
CREATE INDEX account_freeze_pending ON account_freeze (reviewed_at, frozen_at, id);
