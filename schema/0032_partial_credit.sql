-- +goose Up
-- A credit note may give back part of a line (1 of 3 shampoos): a sold line
-- is no longer given back once only, but never beyond what was sold. The
-- credit note locks the ticket it corrects, so credit notes of one ticket
-- queue; the trigger is the last guard, as the unique index was.
DROP INDEX ticket_lines_refers_idx;
CREATE INDEX ticket_lines_refers_idx ON ticket_lines (tenant_id, refers_line_id) WHERE refers_line_id IS NOT NULL;

-- +goose StatementBegin
CREATE FUNCTION till_refuse_overcredit() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
    sold     bigint;
    returned bigint;
BEGIN
    SELECT l.quantity INTO sold FROM ticket_lines l WHERE l.tenant_id = NEW.tenant_id AND l.id = NEW.refers_line_id;
    SELECT coalesce(sum(-l.quantity), 0) INTO returned FROM ticket_lines l
    WHERE l.tenant_id = NEW.tenant_id AND l.refers_line_id = NEW.refers_line_id;
    IF NEW.quantity >= 0 OR returned - NEW.quantity > sold THEN
        RAISE EXCEPTION 'a credit note gives back more than was sold' USING ERRCODE = 'check_violation',
            CONSTRAINT = 'ticket_lines_overcredit';
    END IF;
    RETURN NEW;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER ticket_lines_overcredit BEFORE INSERT OR UPDATE OF quantity, refers_line_id ON ticket_lines
    FOR EACH ROW WHEN (NEW.refers_line_id IS NOT NULL) EXECUTE FUNCTION till_refuse_overcredit();

-- +goose Down
DROP TRIGGER ticket_lines_overcredit ON ticket_lines;
DROP FUNCTION till_refuse_overcredit();
DROP INDEX ticket_lines_refers_idx;
CREATE UNIQUE INDEX ticket_lines_refers_idx ON ticket_lines (tenant_id, refers_line_id) WHERE refers_line_id IS NOT NULL;
