package booking

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// personalKeys are the parts of Stripe objects that describe the client
// (name, email, phone, address) rather than the payment. Nothing here
// reads them, and a stored event must not keep a person an erasure
// cannot reach, so they are dropped before the event is stored.
var personalKeys = map[string]bool{
	"customer_details": true, "customer_email": true, "billing_details": true,
	"shipping": true, "shipping_details": true, "receipt_email": true,
}

// withoutPersonalData returns the event's JSON without personalKeys, at any
// depth. Numbers are kept as written.
func withoutPersonalData(payload []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("booking: read event: %w", err)
	}
	out, err := json.Marshal(strip(v))
	if err != nil {
		return nil, fmt.Errorf("booking: write event: %w", err)
	}
	return out, nil
}

func strip(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, child := range t {
			if personalKeys[k] {
				delete(t, k)
				continue
			}
			t[k] = strip(child)
		}
	case []any:
		for i := range t {
			t[i] = strip(t[i])
		}
	}
	return v
}
