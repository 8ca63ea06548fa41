-- Old failures are purged hourly by age.
CREATE INDEX sign_in_throttle_by_age ON sign_in_throttle (last_failure_at);
