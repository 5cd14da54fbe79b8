-- The facts a case's type carries (the policy's case_types[].fields): one row per field set, by
-- its id, its value as the domain keeps it (up to 3,000 characters: twice that in H2's UTF-16
-- units, as V17 explains).
CREATE TABLE case_fields (
    case_number  BIGINT       NOT NULL REFERENCES cases (case_number),
    field_id     VARCHAR(40)  NOT NULL,
    field_value  VARCHAR(6000) NOT NULL,
    PRIMARY KEY (case_number, field_id)
);
