-- How the member wants the words that name them agreed ("élue vérifiée", "élu vérifié"): FEMININE,
-- MASCULINE, or NULL when they did not say (the inclusive form "élu·e" is written then). Set by the
-- member alone, optional; erasure empties it.
ALTER TABLE member_account ADD COLUMN grammatical_gender VARCHAR(9);
ALTER TABLE member_account ADD CONSTRAINT member_account_grammatical_gender
  CHECK (grammatical_gender IN ('FEMININE', 'MASCULINE'));
