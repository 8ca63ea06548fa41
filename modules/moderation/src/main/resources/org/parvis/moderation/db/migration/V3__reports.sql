-- Members' reports, one per member and item; weight is the reporter's at the time (track record
-- and account age), outcome UPHELD or DISMISSED once a moderator decided.
CREATE TABLE moderation_report (
  kind        VARCHAR(12)   NOT NULL,
  item_id     BIGINT        NOT NULL,
  reporter_id BIGINT        NOT NULL,
  reason      VARCHAR(12)   NOT NULL,
  details     VARCHAR(1000),
  weight      DOUBLE PRECISION NOT NULL,
  reported_at TIMESTAMP WITH TIME ZONE NOT NULL,
  outcome     VARCHAR(10),
  PRIMARY KEY (kind, item_id, reporter_id)
);
CREATE INDEX moderation_report_by_reporter ON moderation_report (reporter_id, reported_at DESC);

-- Each reporter's track record: reports upheld and dismissed by moderators.
CREATE TABLE moderation_reporter (
  reporter_id BIGINT  PRIMARY KEY,
  upheld      INTEGER NOT NULL,
  dismissed   INTEGER NOT NULL
);
