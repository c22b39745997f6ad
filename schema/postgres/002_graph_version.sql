-- PartnerGraph's PostgreSQL schema, migration 002: a number that moves whenever the graph changes.
--
-- The web view (`partnergraph serve`) keeps the pages and drawings it made under the graph's
-- version, and makes them again once it moves. On SQLite the version is the latest change of the
-- history; here it is the sequence graph_version, advanced by every statement that writes a table
-- of the graph, whoever runs it (the program, psql, another tool). A sequence is not
-- transactional, so writers never wait for one another on it; the price is that it may move for
-- a write that is then rolled back, which only costs the server a page made again.

CREATE SEQUENCE graph_version;

CREATE FUNCTION graph_version_advance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nextval('graph_version');
    RETURN NULL;
END
$$;

CREATE TRIGGER entity_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON entity
    FOR EACH STATEMENT EXECUTE FUNCTION graph_version_advance();
CREATE TRIGGER alias_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON alias
    FOR EACH STATEMENT EXECUTE FUNCTION graph_version_advance();
CREATE TRIGGER attribute_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON attribute
    FOR EACH STATEMENT EXECUTE FUNCTION graph_version_advance();
CREATE TRIGGER relation_type_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON relation_type
    FOR EACH STATEMENT EXECUTE FUNCTION graph_version_advance();
CREATE TRIGGER relation_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON relation
    FOR EACH STATEMENT EXECUTE FUNCTION graph_version_advance();
CREATE TRIGGER source_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON source
    FOR EACH STATEMENT EXECUTE FUNCTION graph_version_advance();
CREATE TRIGGER citation_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON citation
    FOR EACH STATEMENT EXECUTE FUNCTION graph_version_advance();
CREATE TRIGGER claim_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON claim
    FOR EACH STATEMENT EXECUTE FUNCTION graph_version_advance();
CREATE TRIGGER merged_key_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON merged_key
    FOR EACH STATEMENT EXECUTE FUNCTION graph_version_advance();
