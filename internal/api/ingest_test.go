package api_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/api"
	"github.com/annals-project/annals/internal/event/code"
	"github.com/annals-project/annals/internal/pipeline"
	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/storetest"
)

const testToken = "correct-horse-battery-staple"

// postBatch is two reports of our own, as JSON Lines.
const postBatch = `{"id":"flood-1","url":"https://lakeside-news.example/2023/09/02/flood-aid","title":"Aid for flood victims","published":"2023-09-02","text":"Japan pledged emergency aid to Pakistan on Friday after floods swept through Sindh province.\nThe Pakistani government thanked Tokyo for the support."}
{"id":"flood-2","url":"https://harbour-daily.example/asia/sindh-floods","title":"Sindh floods","published":"2023-09-02","text":"Hundreds of residents protested in Karachi on Saturday over the slow pace of flood relief."}
`

// writeServer serves the fixture store with the default coder and, when
// token is set, writes enabled.
func writeServer(t *testing.T, token string, maxBody int64) (string, store.Store) {
	t.Helper()
	coder, err := code.Default()
	if err != nil {
		t.Fatalf("code.Default() = %v", err)
	}
	s := MustFixture(t)
	srv := &api.Server{
		Store:        s,
		Pipeline:     pipeline.New(pipeline.Config{Coder: coder, Workers: 2}),
		Merger:       storetest.Merger{},
		Token:        token,
		MaxBodyBytes: maxBody,
	}
	return MustServe(t, srv, api.Timeouts{}), s
}

func TestPostDocuments(t *testing.T) {
	base, _ := writeServer(t, testToken, 0)
	post := func(t *testing.T, token, body string) response {
		t.Helper()
		return MustDo(t, http.MethodPost, base+"/api/documents", token, strings.NewReader(body))
	}

	t.Run("refused without a token", func(t *testing.T) {
		r := post(t, "", postBatch)
		if code, _ := errBody(t, r); r.status != http.StatusUnauthorized || code != api.CodeUnauthorized {
			t.Errorf("status %d %s, want 401 unauthorized", r.status, code)
		}
		if r.header.Get("WWW-Authenticate") == "" {
			t.Error("401 without WWW-Authenticate")
		}
	})
	t.Run("refused with a wrong token", func(t *testing.T) {
		if r := post(t, "correct-horse-battery-stapler", postBatch); r.status != http.StatusUnauthorized {
			t.Errorf("status %d, want 401", r.status)
		}
	})
	t.Run("refused with another scheme", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodPost, base+"/api/documents", strings.NewReader(postBatch))
		req.SetBasicAuth("user", testToken)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("basic auth: status %d, want 401", resp.StatusCode)
		}
	})

	var res api.IngestResult
	t.Run("accepted with the token", func(t *testing.T) {
		r := post(t, testToken, postBatch)
		if r.status != http.StatusCreated {
			t.Fatalf("status %d, want 201; body %s", r.status, r.body)
		}
		if err := json.Unmarshal(r.body, &res); err != nil {
			t.Fatal(err)
		}
		if res.Stored != 2 || res.Skipped != 0 || len(res.Documents) != 2 || res.Mentions == 0 {
			t.Fatalf("result = %+v, want 2 documents stored with some mentions", res)
		}
		if res.Documents[0].ID != "flood-1" || res.Documents[0].Document == 0 {
			t.Errorf("first document = %+v, want flood-1 with its stored ID", res.Documents[0])
		}
	})
	t.Run("then visible in /api/events", func(t *testing.T) {
		posted := map[int64]bool{res.Documents[0].Document: true, res.Documents[1].Document: true}
		count := func(query string) int {
			var got api.EventList
			MustGet(t, base+"/api/events?limit=1000&"+query, http.StatusOK, &got)
			n := 0
			for _, e := range got.Events {
				if posted[e.DocumentID] {
					n++
				}
			}
			return n
		}
		if n := count(""); n != res.NewEvents {
			t.Errorf("%d events of the posted documents listed, want the %d created", n, res.NewEvents)
		}
		if n := count("q=flood*"); n == 0 {
			t.Error("no event of the posted documents found by text")
		}
		var doc store.Document
		MustGet(t, base+"/api/documents/"+strconv.FormatInt(res.Documents[1].Document, 10), http.StatusOK, &doc)
		if doc.Article.ID != "flood-2" || !strings.Contains(doc.Article.Text, "Karachi") {
			t.Errorf("stored document = %+v", doc.Article)
		}
	})
	t.Run("posting again adds nothing", func(t *testing.T) {
		var st0, st1 store.Stats
		MustGet(t, base+"/api/stats", http.StatusOK, &st0)
		r := post(t, testToken, postBatch)
		var again api.IngestResult
		if err := json.Unmarshal(r.body, &again); err != nil || r.status != http.StatusOK || again.Skipped != 2 || again.Stored != 0 {
			t.Errorf("second post: status %d, %+v, want 200 with 2 skipped", r.status, again)
		}
		MustGet(t, base+"/api/stats", http.StatusOK, &st1)
		if st0 != st1 {
			t.Errorf("stats changed from %+v to %+v", st0, st1)
		}
	})
	t.Run("one pretty-printed object", func(t *testing.T) {
		body := `{
  "id": "ferry-1",
  "url": "https://lakeside-news.example/ferry",
  "published": "2023-10-01",
  "text": "Tanzanian police arrested 14 people in Mwanza on Sunday after a ferry protest turned violent."
}`
		r := post(t, testToken, body)
		if r.status != http.StatusCreated || !bytes.Contains(r.body, []byte(`"id":"ferry-1"`)) {
			t.Errorf("status %d, body %s; want ferry-1 stored", r.status, r.body)
		}
	})
	t.Run("a JSON array", func(t *testing.T) {
		body := `[{"id":"a-1","text":"Greek farmers blocked roads near Larissa on Monday.","published":"2024-01-29"},
		          {"id":"a-2","text":"Chilean students marched in Santiago on Tuesday.","published":"2024-01-30"}]`
		r := post(t, testToken, body)
		var got api.IngestResult
		if err := json.Unmarshal(r.body, &got); err != nil || r.status != http.StatusCreated || got.Stored != 2 {
			t.Errorf("status %d, body %s; want 2 stored", r.status, r.body)
		}
	})
	t.Run("plain text with its metadata in the query", func(t *testing.T) {
		r := MustDo(t, http.MethodPost, base+"/api/documents?id=note-1&published=2024-02-01&url=https://notes.example/1",
			testToken, strings.NewReader("Bolivian miners clashed with police in La Paz on Wednesday.\n"))
		var got api.IngestResult
		if err := json.Unmarshal(r.body, &got); err != nil || r.status != http.StatusCreated || got.Documents[0].ID != "note-1" {
			t.Errorf("status %d, body %s; want note-1 stored", r.status, r.body)
		}
	})

	for _, tt := range []struct {
		name, body, msg string
	}{
		{"an empty body", "  \n", "empty body"},
		{"a bad line stores nothing", `{"id":"ok-1","text":"Ministers met in Rome on Monday."}` + "\n" + `{"id":"bad","text":42}` + "\n", "body:2"},
		{"an object without text", `{"id":"x","title":"no text"}`, "text"},
		{"a broken array", `[{"id":"x"`, "array"},
	} {
		t.Run("rejects "+tt.name, func(t *testing.T) {
			var st0, st1 store.Stats
			MustGet(t, base+"/api/stats", http.StatusOK, &st0)
			r := post(t, testToken, tt.body)
			code, msg := errBody(t, r)
			if r.status != http.StatusBadRequest || code != api.CodeInvalid || !strings.Contains(msg, tt.msg) {
				t.Errorf("status %d %s %q, want 400 invalid containing %q", r.status, code, msg, tt.msg)
			}
			MustGet(t, base+"/api/stats", http.StatusOK, &st1)
			if st0 != st1 {
				t.Errorf("stats changed from %+v to %+v", st0, st1)
			}
		})
	}
	t.Run("metadata parameters with a batch", func(t *testing.T) {
		r := MustDo(t, http.MethodPost, base+"/api/documents?id=x", testToken, strings.NewReader(postBatch))
		if r.status != http.StatusBadRequest {
			t.Errorf("status %d, want 400", r.status)
		}
	})
}

func TestPostWithoutToken(t *testing.T) {
	base, s := writeServer(t, "", 0)
	r := MustDo(t, http.MethodPost, base+"/api/documents", testToken, strings.NewReader(postBatch))
	if code, _ := errBody(t, r); r.status != http.StatusForbidden || code != api.CodeForbidden {
		t.Errorf("status %d %s, want 403 forbidden", r.status, code)
	}
	st, err := s.Stats(t.Context())
	if err != nil || st.Documents != 4 {
		t.Errorf("Stats = %+v, %v; want the 4 fixture documents only", st, err)
	}
}

func TestPostTooLarge(t *testing.T) {
	base, s := writeServer(t, testToken, 1024)
	big := `{"id":"big","text":"` + strings.Repeat("Officials met in Nairobi on Monday. ", 60) + `"}`
	for _, tt := range []struct {
		name string
		body io.Reader
	}{
		{"with a length", strings.NewReader(big)},
		{"chunked", hideLength{strings.NewReader(big)}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodPost, base+"/api/documents", tt.body)
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Authorization", "Bearer "+testToken)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var e struct{ Error struct{ Code string } }
			if err := json.NewDecoder(resp.Body).Decode(&e); err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != http.StatusRequestEntityTooLarge || e.Error.Code != api.CodeTooLarge {
				t.Errorf("status %d %s, want 413 too_large", resp.StatusCode, e.Error.Code)
			}
		})
	}
	st, err := s.Stats(t.Context())
	if err != nil || st.Documents != 4 {
		t.Errorf("Stats = %+v, %v; want nothing added", st, err)
	}
}
