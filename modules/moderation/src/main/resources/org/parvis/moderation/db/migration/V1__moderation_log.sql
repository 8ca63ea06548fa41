-- Append-only audit log of every moderation action (who, what, when, why).
-- Rows are never updated nor deleted by the application.
-- EclipseLink takes blocks of 50 ids and expects the sequence to start at the block size.
CREATE SEQUENCE moderation_log_id_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE moderation_log (
  id           BIGINT PRIMARY KEY,
  occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  actor        VARCHAR(100) NOT NULL,
  action       VARCHAR(40)  NOT NULL,
  subject_type VARCHAR(40)  NOT NULL,
  subject_id   VARCHAR(64)  NOT NULL,
  reason       VARCHAR(2000) NOT NULL
);

CREATE INDEX moderation_log_occurred ON moderation_log (occurred_at DESC, id DESC);
CREATE INDEX moderation_log_subject ON moderation_log (subject_type, subject_id);
