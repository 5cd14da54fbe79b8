-- Where the similar-cases message of a case was posted, so a verdict given anywhere (a button, or a
-- typed merge) redraws it.
ALTER TABLE cases ADD COLUMN similar_ts VARCHAR(32);
