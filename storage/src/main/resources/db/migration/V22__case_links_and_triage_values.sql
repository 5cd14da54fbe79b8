-- Cases linked as related (`/esc link`): each case keeps its own row for each case it is linked
-- to, so a link is two rows, written together.
CREATE TABLE case_links (
    case_number    BIGINT NOT NULL REFERENCES cases (case_number),
    linked_number  BIGINT NOT NULL REFERENCES cases (case_number),
    PRIMARY KEY (case_number, linked_number)
);

-- Triage's state now keeps the field values it proposed (long text up to 3,000 characters each,
-- twice that in H2's UTF-16 units, as JSON): room for every field of a type at its longest.
ALTER TABLE cases ALTER COLUMN triage SET DATA TYPE VARCHAR(200000);
