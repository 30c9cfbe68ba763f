//go:build unix

package main

import (
	"os"
	"syscall"
)

// peakRSS is the finished process's peak resident memory, in bytes.
func peakRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return int64(ru.Maxrss) * 1024 // KiB on Linux
	}
	return 0
}
