-- Cases linked as related (`/esc link`): each case keeps its own row for each case it is linked
-- to, so a link is two rows, written together.
CREATE TABLE case_links (
    case_number    BIGINT NOT NULL REFERENCES cases (case_number),
    linked_number  BIGINT NOT NULL REFERENCES cases (case_number),
    PRIMARY KEY (case_number, linked_number)
);
