package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testlog"
)

// stopLimit bounds how long a process may take to stop once asked.
const stopLimit = 20 * time.Second

// process is a program a test started, with its output.
type process struct {
	name   string
	cmd    *exec.Cmd
	logs   *testlog.Buffer
	exited chan struct{} // closed once the process has exited and cmd.ProcessState is set
}

// startProcess runs binary with the environment env (nil: the test's own)
// in a process group of its own, killed with the test binary if that dies
// first. When the test ends it is asked to stop (SIGTERM to its PID) and
// killed if it has not within stopLimit; its output is logged when the
// test failed.
func startProcess(t testing.TB, name string, env []string, binary string, args ...string) *process {
	t.Helper()
	p := &process{name: name, cmd: exec.Command(binary, args...), logs: &testlog.Buffer{}, exited: make(chan struct{})}
	p.cmd.Env = env
	p.cmd.Stdout, p.cmd.Stderr = p.logs, p.logs
	p.cmd.SysProcAttr = ownProcessGroup()
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	go func() {
		p.cmd.Wait()
		close(p.exited)
	}()
	t.Cleanup(func() {
		if _, stopped := p.stop(); !stopped {
			t.Errorf("%s did not stop within %s of SIGTERM; killed", name, stopLimit)
		}
		if t.Failed() {
			t.Logf("%s log:\n%s", name, p.logs)
		}
	})
	return p
}

// pid is the process's ID.
func (p *process) pid() int { return p.cmd.Process.Pid }

// signal sends sig to the process, unless it has exited.
func (p *process) signal(t testing.TB, sig os.Signal) {
	t.Helper()
	if _, exited := p.exitCode(0); exited {
		t.Fatalf("%s has exited; cannot send it %s", p.name, sig)
	}
	if err := p.cmd.Process.Signal(sig); err != nil {
		t.Fatalf("%s: %v", p.name, err)
	}
}

// exitCode waits at most limit for the process to exit, and returns its
// exit code (-1 for a signal) and whether it exited.
func (p *process) exitCode(limit time.Duration) (int, bool) {
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case <-p.exited:
	case <-timer.C:
		select {
		case <-p.exited:
		default:
			return 0, false
		}
	}
	return p.cmd.ProcessState.ExitCode(), true
}

// stop asks the process to stop, waits for it, and kills its group if it
// does not stop in time: the group is its own, made for it at start.
func (p *process) stop() (code int, stopped bool) {
	if code, exited := p.exitCode(0); exited {
		return code, true
	}
	p.cmd.Process.Signal(syscall.SIGTERM)
	if code, stopped = p.exitCode(stopLimit); !stopped {
		syscall.Kill(-p.pid(), syscall.SIGKILL)
		<-p.exited
	}
	return code, stopped
}

// startServer writes a config file into a directory of its own and runs
// binary (Prometheus or Alertmanager) with --config.file and its storage
// there.
func startServer(t *testing.T, name, binary, configName, config string, args ...string) *process {
	t.Helper()
	dir := t.TempDir()
	configFile := filepath.Join(dir, configName)
	if err := os.WriteFile(configFile, []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	storage := "--storage.path=" + filepath.Join(dir, "data")
	if name == "prometheus" {
		storage = "--storage.tsdb.path=" + filepath.Join(dir, "data")
	}
	return startProcess(t, name, nil, binary, append([]string{"--config.file=" + configFile, storage}, args...)...)
}
