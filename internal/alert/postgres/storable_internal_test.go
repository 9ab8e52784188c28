package postgres

import "testing"

func TestStorable(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "503 Service Unavailable", "503 Service Unavailable"},
		{"empty", "", ""},
		{"non-ASCII kept", "503 Überlastet — bitte warten", "503 Überlastet — bitte warten"},
		{"NUL", "502 Bad\x00Gateway", "502 Bad\uFFFDGateway"},
		{"invalid UTF-8 run", "502 \xff\xfeGateway", "502 \uFFFDGateway"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := storable(tt.in); got != tt.want {
				t.Errorf("storable(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
