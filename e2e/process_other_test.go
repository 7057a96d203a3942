//go:build !linux

package e2e

import "syscall"

// ownProcessGroup puts a child in a group of its own.
func ownProcessGroup() *syscall.SysProcAttr { return &syscall.SysProcAttr{Setpgid: true} }
