package storetest

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/store"
)

// An Opener opens (creating if needed) the store named by dsn.
type Opener func(tb testing.TB, dsn string) store.Store

// killEnv names the store a RunKill child process writes to.
const killEnv = "ANNALS_STORETEST_KILL_DSN"

// Sizes of the crash test: the child is killed once it has committed
// killAfter of killDocs documents.
const (
	killDocs  = 400
	killAfter = 100
)

// RunKill is the crash-safety test. It re-runs the current test in a child
// process that stores Synthetic documents into a new store (named by
// newDSN) and prints a line after each commit; once 100 documents are
// committed the child gets SIGKILL. The store is then reopened: every
// document whose commit was reported must be there, no document may be
// there in part, Check must pass, and storing all documents again must end
// with the same Stats as a clean run into another new store. The caller's
// test must call RunKill first thing, since the child runs the same test;
// in the child, newDSN is not called. Skipped with -short.
func RunKill(t *testing.T, newDSN func(testing.TB) string, open Opener) {
	docs := Synthetic(killDocs, 42)
	if child := os.Getenv(killEnv); child != "" {
		s := open(t, child)
		for i, d := range docs {
			if _, err := s.PutDocument(context.Background(), d, Merger{}); err != nil {
				t.Fatalf("child: PutDocument(%d) = %v", i, err)
			}
			fmt.Printf("annals-put %d\n", i)
		}
		return
	}
	if testing.Short() {
		t.Skip("crash test skipped in short mode")
	}

	dsn := newDSN(t)
	pattern := "^" + strings.Join(strings.Split(t.Name(), "/"), "$/^") + "$"
	cmd := exec.Command(os.Args[0], "-test.run="+pattern, "-test.count=1")
	cmd.Env = append(os.Environ(), killEnv+"="+dsn)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	committed := -1
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		n, ok := strings.CutPrefix(sc.Text(), "annals-put ")
		if !ok {
			continue
		}
		committed, _ = strconv.Atoi(n)
		if committed+1 >= killAfter {
			if err := cmd.Process.Kill(); err != nil {
				t.Errorf("kill child: %v", err)
			}
			break
		}
	}
	cmd.Wait()
	if committed+1 < killAfter {
		t.Fatalf("child stopped after committing %d documents, want %d before the kill; stderr:\n%s", committed+1, killAfter, stderr.String())
	}

	s := open(t, dsn)
	ctx := context.Background()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("killed after %d reported commits; store holds %d documents", committed+1, st.Documents)
	if st.Documents < int64(committed+1) || st.Documents > killDocs {
		t.Errorf("after the kill the store holds %d documents, want %d to %d", st.Documents, committed+1, killDocs)
	}
	if st.Documents == killDocs {
		t.Logf("the child finished before the kill arrived; the test proves less")
	}
	stored, err := s.Documents(ctx, store.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	byHash := map[string]*store.Document{}
	for _, d := range docs {
		byHash[d.Hash] = d
	}
	for _, sd := range stored {
		d := byHash[sd.Hash]
		ms, err := s.Mentions(ctx, store.MentionFilter{DocumentID: sd.ID})
		if err != nil {
			t.Fatal(err)
		}
		qs, err := s.Quotes(ctx, store.QuoteFilter{DocumentID: sd.ID})
		if err != nil {
			t.Fatal(err)
		}
		if d == nil || len(ms) != len(d.Events) || len(qs) != len(d.Quotes) {
			t.Errorf("document %d (%s) stored with %d mentions and %d quotes, want all of a document of the input",
				sd.ID, sd.Article.ID, len(ms), len(qs))
		}
	}
	Check(t, s)

	added := 0
	for _, r := range MustPut(t, s, Merger{}, Synthetic(killDocs, 42)...) {
		if !r.Skipped {
			added++
		}
	}
	if int64(added) != killDocs-st.Documents {
		t.Errorf("re-run added %d documents, want %d", added, killDocs-st.Documents)
	}
	Check(t, s)
	got, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	clean := open(t, newDSN(t))
	MustPut(t, clean, Merger{}, Synthetic(killDocs, 42)...)
	want, err := clean.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("killed and re-run: Stats() = %+v; a clean run gives %+v", got, want)
	}
}
