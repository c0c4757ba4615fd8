-- +goose Up
-- Events stored before Carnet dropped the client's details on receipt lose
-- them now: the object's name, email, phone and address blocks are not read
-- by anything, and an erasure could not reach them there.
UPDATE stripe_events
SET payload = payload #- '{data,object,customer_details}' #- '{data,object,customer_email}'
                      #- '{data,object,billing_details}' #- '{data,object,shipping}'
                      #- '{data,object,shipping_details}' #- '{data,object,receipt_email}'
WHERE payload->'data'->'object' ?| ARRAY['customer_details', 'customer_email', 'billing_details', 'shipping',
                                         'shipping_details', 'receipt_email'];

-- +goose Down
-- What was removed is gone: nothing to put back.
SELECT 1;
