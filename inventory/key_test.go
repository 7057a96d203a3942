package inventory

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

func TestMapKeysFromExamples(t *testing.T) {
	ssh := mapExample(t, "ssh_keys.json", "ssh_keys", eachValue(func(k *sshKeyWire) SSHKey { return SSHKey(*k) }), 1)[0]
	if ssh != (SSHKey{289794, "Other Public Key", "3b:16:e4:bf:8b:00:8b:b8:59:8c:a9:d3:f0:19:fa:45"}) {
		t.Errorf("SSH key: %+v", ssh)
	}
	spaces := mapExample(t, "spaces_keys.json", "keys", eachValue(mapSpacesKey), 1)[0]
	if spaces.Name != "my-access-key" || fmt.Sprint(spaces.Grants) != "[{my-bucket read}]" || spaces.HasFullAccess() ||
		!spaces.Created.Equal(time.Date(2018, 7, 19, 15, 4, 16, 0, time.UTC)) {
		t.Errorf("Spaces key: %+v", spaces)
	}
}

// TestSpacesKeySecretsAreNeverDecoded serves a Spaces key list that, unlike
// the API's, carries a secret key: the snapshot holds neither it nor the
// access key ID, nor the SSH public key.
func TestSpacesKeySecretsAreNeverDecoded(t *testing.T) {
	acct := fakeapi.Examples()
	const secret = "spaces-secret-that-must-not-be-kept"
	acct.Lists[fakeapi.SpacesKeys][0]["secret_key"] = secret
	s := newTestAPI(t, acct).refresh(t)
	if len(SpacesKeys.Of(s)) != 1 || len(SSHKeys.Of(s)) != 1 {
		t.Fatalf("%d Spaces keys and %d SSH keys listed", len(SpacesKeys.Of(s)), len(SSHKeys.Of(s)))
	}
	kept := fmt.Sprintf("%#v %#v", SpacesKeys.Of(s), SSHKeys.Of(s))
	for _, never := range []string{secret, "DOACCESSKEYEXAMPLE", "ssh-rsa"} {
		if strings.Contains(kept, never) {
			t.Errorf("the snapshot keeps %q", never)
		}
	}
}
