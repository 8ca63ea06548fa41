-- The console's dashboard reads counts per day from here, never by scanning the activity itself:
-- a job recounts the last two days every minute (days in Paris time). Counts only, no person.
CREATE TABLE activity_daily (
  on_day  DATE        NOT NULL,
  metric  VARCHAR(20) NOT NULL,
  total   BIGINT      NOT NULL,
  PRIMARY KEY (metric, on_day)
);

-- The recount reads only the last two days of each activity.
CREATE INDEX member_account_by_creation ON member_account (created_at);
CREATE INDEX member_account_by_confirmation ON member_account (email_confirmed_at);
CREATE INDEX initiative_by_publication ON initiative (published_at);
CREATE INDEX initiative_signature_by_day ON initiative_signature (signed_at);
CREATE INDEX initiative_participant_by_day ON initiative_participant (joined_at);
CREATE INDEX initiative_comment_by_day ON initiative_comment (created_at);
CREATE INDEX official_answer_by_day ON official_answer (answered_at);
CREATE INDEX initiative_routing_by_day ON initiative_routing (routed_at);
