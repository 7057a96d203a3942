package e2e

import "syscall"

// ownProcessGroup puts a child in a group of its own, and has the kernel
// kill it if the test binary dies before it.
func ownProcessGroup() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}
