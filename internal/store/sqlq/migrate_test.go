package sqlq_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/store/sqlite"
	"github.com/annals-project/annals/internal/store/sqlq"
)

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

// applied returns the names recorded in table, in name order.
func applied(t *testing.T, db *sql.DB, table string) []string {
	t.Helper()
	rows, err := db.Query(`SELECT name FROM ` + table + ` ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	return names
}

func TestMigrate(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("sqlite", sqlite.DSN(filepath.Join(t.TempDir(), "m.db"), 0))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	d := sqlite.Dialect()
	now := func() time.Time { return time.Date(2024, 3, 9, 12, 0, 0, 0, time.UTC) }
	fsys := fstest.MapFS{
		"0002_reports.sql": file(`ALTER TABLE outlets ADD COLUMN reports INTEGER NOT NULL DEFAULT 0;`),
		"0001_outlets.sql": file(`CREATE TABLE outlets (name TEXT PRIMARY KEY);
			INSERT INTO outlets (name) VALUES ('wire.example');`),
		"README":           file(`not a migration`),
		"old/0000_bad.sql": file(`not SQL at all`),
	}

	steps := []struct {
		name    string
		add     map[string]string // files added before the step
		want    []string          // recorded after it
		wantErr string            // in the error, "" for none
	}{
		{"first run applies both in order", nil, []string{"0001_outlets.sql", "0002_reports.sql"}, ""},
		{"second run applies nothing", nil, []string{"0001_outlets.sql", "0002_reports.sql"}, ""},
		{"a failing migration is rolled back and not recorded",
			map[string]string{"0003_broken.sql": `ALTER TABLE outlets ADD COLUMN region TEXT; SELECT * FROM missing;`},
			[]string{"0001_outlets.sql", "0002_reports.sql"}, "migration 0003_broken.sql"},
		{"a fixed migration applies alone",
			map[string]string{"0003_broken.sql": `ALTER TABLE outlets ADD COLUMN region TEXT;`},
			[]string{"0001_outlets.sql", "0002_reports.sql", "0003_broken.sql"}, ""},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			for name, body := range st.add {
				fsys[name] = file(body)
			}
			err := d.Migrate(ctx, sqlq.SQLDB(db), fsys, "test_migrations", now)
			switch {
			case st.wantErr == "" && err != nil:
				t.Fatalf("Migrate() = %v", err)
			case st.wantErr != "" && (err == nil || !strings.Contains(err.Error(), st.wantErr)):
				t.Fatalf("Migrate() = %v, want an error with %q", err, st.wantErr)
			}
			if diff := cmp.Diff(st.want, applied(t, db, "test_migrations")); diff != "" {
				t.Errorf("recorded migrations (-want +got):\n%s", diff)
			}
		})
	}
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM outlets WHERE reports = 0 AND region IS NULL`).Scan(&n); err != nil || n != 1 {
		t.Errorf("outlets after migrating = %d rows, %v; want the one row inserted once", n, err)
	}
	var at int64
	if err := db.QueryRow(`SELECT applied_at FROM test_migrations WHERE name = '0001_outlets.sql'`).Scan(&at); err != nil || at != now().UnixMicro() {
		t.Errorf("applied_at = %d, %v; want %d", at, err, now().UnixMicro())
	}
}
