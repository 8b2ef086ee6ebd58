-- A comment; with a semicolon inside it; and 'quotes'
CREATE TABLE widget (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(80) NOT NULL);
INSERT INTO widget (id, name) VALUES (1, 'semi;colon ''quoted''');
