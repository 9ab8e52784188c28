// Package eval scores coded documents against hand-coded gold files: how
// many of the events a careful human coder found the coder also found
// (recall), how many of the events it emitted a human would accept
// (precision), and how well it got each found event's target, date,
// location and casualty figures, its quotations and the ACLED sub-event
// type of the report.
//
// It sits after the pipeline: package cmd codes the gold documents and
// hands each *event.Coded to Score, which needs nothing but the event
// types. Its figures are those of the project's reference scorers
// (../shared/eval/score.py and score_acled_type.py), which read the same
// fields from the JSON that `annals code --format json` prints; the gold
// format is described in docs/eval.md.
//
// A Snapshot records what became of every gold item in one run, so that a
// later run can be compared with it (Diff): which golds newly pass, which
// newly fail, which false positives came and went.
//
// Loaded golds are read-only and safe for concurrent use; Totals, Labels
// and Snapshot values are not.
package eval
