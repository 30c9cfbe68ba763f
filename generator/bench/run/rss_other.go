//go:build !unix

package main

import "os"

// peakRSS is 0 where the system does not report a process's peak memory
// this way (Windows): the benchmarks are run on Linux, and this lets the
// whole module build and be vetted for every platform joinedup ships for.
func peakRSS(*os.ProcessState) int64 { return 0 }
