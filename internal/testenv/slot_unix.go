//go:build unix

package testenv

import (
	"os"
	"os/exec"
	"syscall"
	"time"
)

// officeSlot takes one of n slots, each an exclusive lock (flock) on a
// file in the temporary directory, waiting until one is free; release
// frees it. The lock goes with the process, so a test binary that dies
// frees its slot.
func officeSlot(n int) (release func(), err error) {
	for {
		for i := range n {
			f, err := os.OpenFile(slotPath(i), os.O_RDWR|os.O_CREATE, 0o666)
			if err != nil {
				return nil, err
			}
			err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
			if err == nil {
				return func() {
					syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
					f.Close()
				}, nil
			}
			f.Close()
			if err != syscall.EWOULDBLOCK {
				return nil, err
			}
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// killGroup makes cmd start in a process group of its own and, when its
// context ends, kills the whole group: the libreoffice script and the
// soffice.bin it starts.
func killGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 10 * time.Second
}
