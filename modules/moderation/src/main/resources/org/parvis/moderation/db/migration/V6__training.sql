-- What moderators decided, with the text they judged: the examples the screening classifier learns
-- from (hidden = unacceptable, kept or restored on appeal = acceptable). author_id lets the
-- author's erasure remove their texts.
CREATE TABLE moderation_training (
  kind         VARCHAR(12)    NOT NULL,
  item_id      BIGINT         NOT NULL,
  author_id    BIGINT         NOT NULL,
  text         VARCHAR(20000) NOT NULL,
  unacceptable BOOLEAN        NOT NULL,
  decided_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (kind, item_id)
);
CREATE INDEX moderation_training_recent ON moderation_training (decided_at DESC);
CREATE INDEX moderation_training_by_author ON moderation_training (author_id);
