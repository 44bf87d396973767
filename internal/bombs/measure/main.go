// Command measure reads one of the bombs of package bombs with sheet.Read
// (a staff list, as POST /api/v1/teachhub/cards/import reads it) and prints
// the time, the bytes allocated, the peak live heap and the peak resident
// memory. It gives up, saying so, when the heap passes -limit or the read
// takes longer than -deadline, so that it can be run against code without
// the limits:
//
//	go run ./internal/bombs/measure ods xls xlsx csv html xls-long
//
// With -write DIR it only writes the files (bomb.ods, …) into DIR, for
// scripts/sheet-bombs.sh.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"syscall"
	"time"

	"github.com/tanu-edu/tanu/internal/bombs"
	"github.com/tanu-edu/tanu/sheet"
)

func main() {
	limit := flag.Int64("limit", 3<<30, "give up when the live heap passes this many bytes")
	deadline := flag.Duration("deadline", 60*time.Second, "give up after this long")
	child := flag.Bool("child", false, "read one bomb in this process")
	write := flag.String("write", "", "write the bombs into this directory and exit")
	flag.Parse()
	if *write != "" {
		for name, gen := range bombs.All {
			ext := strings.TrimSuffix(name, "-long")
			if err := os.WriteFile(filepath.Join(*write, "bomb-"+name+"."+ext), gen(), 0o644); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
		return
	}
	if *child {
		os.Exit(run(flag.Arg(0), *limit, *deadline))
	}
	// One process per bomb, so that each peak RSS is its own.
	for _, name := range flag.Args() {
		cmd := exec.Command(os.Args[0], "-child", fmt.Sprintf("-limit=%d", *limit), "-deadline="+deadline.String(), name)
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		_ = cmd.Run()
	}
}

func run(name string, limit int64, deadline time.Duration) int {
	gen, ok := bombs.All[name]
	if !ok {
		fmt.Fprintf(os.Stderr, "no bomb %q\n", name)
		return 2
	}
	data := gen()
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	peak := uint64(0)
	done := make(chan struct{})
	start := time.Now()
	go func() {
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak {
				peak = v
			}
			if el := time.Since(start); int64(peak) > limit || el > deadline {
				fmt.Printf("%-8s %7d bytes  GAVE UP after %v: live heap %d MB (limit %d MB), RSS %d MB\n",
					name, len(data), el.Round(time.Millisecond), peak>>20, limit>>20, maxRSS()>>20)
				os.Exit(1)
			}
		}
	}()
	_, err := sheet.Read(context.Background(), bytes.NewReader(data), "bomb."+name, "",
		sheet.Options{Staff: true, Lang: "en", MaxBytes: 16 << 20})
	el := time.Since(start)
	close(done)
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	verdict := "accepted"
	var se *sheet.Error
	if errors.As(err, &se) {
		verdict = se.Code + ": " + se.Message
	} else if err != nil {
		verdict = err.Error()
	}
	fmt.Printf("%-8s %7d bytes  %8v  alloc %5d MB  peak heap %5d MB  RSS %5d MB  %s\n", name, len(data),
		el.Round(time.Millisecond), (after.TotalAlloc-before.TotalAlloc)>>20, peak>>20, maxRSS()>>20, verdict)
	return 0
}

func maxRSS() int64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Maxrss << 10
}
