package batch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"
)

// LockName is the lock file in the output directory that lets one build at
// a time write there.
const LockName = ".underlag.lock"

// ErrBusy is returned with NoWait when another build holds the output
// directory.
var ErrBusy = errors.New("another build is writing to the output directory")

// lockRetry is how often a waiting build tries the lock again.
const lockRetry = 100 * time.Millisecond

// lockOut takes the output directory's lock, so that two builds into one
// directory (two shards of a CI matrix on one runner, two people) never
// write at once: the second waits, telling wait, or with noWait fails with
// ErrBusy. The lock is an advisory file lock (flock on Unix, LockFileEx on
// Windows, through github.com/gofrs/flock, which is kept up and used by
// many Go tools), so it is released when the process ends however it
// ends, and a lock file left behind by a killed build does not block the
// next one.
func lockOut(ctx context.Context, out *outDir, noWait bool, wait func(string)) (*flock.Flock, error) {
	p := filepath.Join(out.path, LockName)
	// The lock file is opened by its path: refuse a symbolic link in its
	// place, which would make us create a file elsewhere.
	if fi, err := out.root.Lstat(LockName); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		return nil, fmt.Errorf("lock %s: it is a symbolic link; remove it", p)
	}
	l := flock.New(p, flock.SetFlag(os.O_CREATE|os.O_RDWR), flock.SetPermissions(0o644))
	ok, err := l.TryLock()
	if err != nil {
		return nil, fmt.Errorf("cannot write to the output directory %s: lock %s: %w", out.path, LockName, unwrapPath(err))
	}
	if ok {
		return l, nil
	}
	if noWait {
		return nil, fmt.Errorf("%w %s (it holds %s)", ErrBusy, out.path, p)
	}
	if wait != nil {
		wait(out.path)
	}
	if ok, err = l.TryLockContext(ctx, lockRetry); !ok || err != nil {
		if err == nil {
			err = ctx.Err()
		}
		return nil, fmt.Errorf("lock %s: %w", p, err)
	}
	return l, nil
}
