-- An erased member's tombstone keeps no commune (in a small commune it named the person): the
-- column becomes optional, and erasure empties it. Live accounts still always have one (the
-- entity and the registration form require it).
ALTER TABLE member_account ALTER COLUMN commune_code DROP NOT NULL;
