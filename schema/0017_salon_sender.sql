-- +goose Up
-- Emails to a salon's clients go out under the salon's name, on the
-- platform's address (so SPF, DKIM and DMARC hold), with replies going to the
-- salon's own email. SMS go out under the salon's sender name: operators take
-- at most 11 letters, digits or spaces, starting with a letter or digit
-- ('' = the platform's SMS_FROM).
ALTER TABLE salon_settings
    ADD COLUMN email      text NOT NULL DEFAULT '' CHECK (email = '' OR (email = lower(email) AND email LIKE '%_@_%')),
    ADD COLUMN sms_sender text NOT NULL DEFAULT '' CHECK (sms_sender ~ '^([A-Za-z0-9][A-Za-z0-9 ]{0,10})?$');

-- +goose Down
ALTER TABLE salon_settings DROP COLUMN email, DROP COLUMN sms_sender;
