-- A statement is issued by an explicit action now (viewing only previews it): who issued it is kept beside when.
ALTER TABLE statements ADD COLUMN issued_by text;
