-- Items that screening or reports put before moderators, one row per item: its score and
-- reasons, and where it stands (QUEUED: visible, to review; HIDDEN: hidden pending review).
CREATE TABLE moderation_item (
  kind          VARCHAR(12)   NOT NULL,
  item_id       BIGINT        NOT NULL,
  initiative_id BIGINT        NOT NULL,
  author_id     BIGINT        NOT NULL,
  score         DOUBLE PRECISION NOT NULL,
  reasons       VARCHAR(1000) NOT NULL,
  status        VARCHAR(10)   NOT NULL,
  flagged_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (kind, item_id)
);
CREATE INDEX moderation_item_queue ON moderation_item (status, score DESC, flagged_at);
CREATE INDEX moderation_item_by_author ON moderation_item (author_id, flagged_at DESC);
