package testtool

import "testing"

func TestInCIAcceptsWhatCISystemsSet(t *testing.T) {
	for value, want := range map[string]bool{
		"true": true, "True": true, "TRUE": true, "1": true, "yes": true, "on": true, "woodpecker": true,
		"": false, "0": false, "false": false, "False": false, "no": false, "off": false, " ": false,
	} {
		t.Setenv("CI", value)
		if got := InCI(); got != want {
			t.Errorf("CI=%q: InCI() = %v, want %v", value, got, want)
		}
	}
}
