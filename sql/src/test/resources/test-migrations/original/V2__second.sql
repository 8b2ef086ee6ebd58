/* H2 flavour; PostgreSQL has its own file in postgresql/ */
CREATE INDEX widget_name_idx ON widget (name);
INSERT INTO widget (id, name) VALUES (2, 'shared');
