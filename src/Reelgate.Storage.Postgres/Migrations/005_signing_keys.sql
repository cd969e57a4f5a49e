-- Output URLs are signed with one of several keys, named in the URL (kid), so a new key can sign new links while
-- links signed with an older key keep working until an admin retires it. The key that signed every link so far
-- becomes k1 (links without a kid are k1's).
CREATE TABLE signing_keys (
    id TEXT PRIMARY KEY,
    secret TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    retired_at BIGINT
);
INSERT INTO signing_keys (id, secret, created_at) SELECT 'k1', value, 0 FROM settings WHERE name = 'url_signing_key';
