CREATE INDEX widget_name_idx ON widget (name) WHERE id > 0;
INSERT INTO widget (id, name) VALUES (2, 'postgresql');
