-- Text limits are counted as people count characters (an emoji is one), and PostgreSQL counts
-- them so; H2 counts UTF-16 units, in which an emoji is two. Twice the limit holds the longest
-- text people may write on both. (Titles already had room: 600 for 150 characters.)
ALTER TABLE cases ALTER COLUMN surface SET DATA TYPE VARCHAR(300);
ALTER TABLE cases ALTER COLUMN resolution SET DATA TYPE VARCHAR(6000);
ALTER TABLE case_tasks ALTER COLUMN text SET DATA TYPE VARCHAR(6000);
ALTER TABLE handoff_notes ALTER COLUMN text SET DATA TYPE VARCHAR(6000);
