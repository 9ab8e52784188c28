package extract_test

import (
	"fmt"
	"strings"

	"github.com/annals-project/annals/internal/extract"
)

func ExampleHTML() {
	page := `<html><head><title>Ferry service resumes after storm</title>
<meta property="article:published_time" content="2024-04-02T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry service resumes after storm</h1>
<p>Ferries between the mainland and the northern islands resumed on Tuesday morning after three days of cancellations caused by the storm.</p>
<figure><img src="f.jpg"><figcaption>A ferry leaves the harbour at dawn. (Photo: Ida Berg/Island Post)</figcaption></figure>
<p>The operator said extra sailings would run through Thursday to clear the backlog of passengers and freight waiting at both ports.</p>
<p>Harbour officials said damage to the northern pier was lighter than first feared and would not affect the timetable.</p>
</article></body></html>`
	a, err := extract.HTML(strings.NewReader(page), extract.Options{URL: "https://post.example/ferry"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Title, "|", a.Published)
	for _, b := range a.Blocks {
		fmt.Println(strings.TrimSpace(fmt.Sprintf("%s %q %s", b.Kind, b.Span.Of(a.Text)[:24], b.Credit)))
	}
	// Output:
	// Ferry service resumes after storm | 2024-04-02
	// paragraph "Ferries between the main"
	// caption "A ferry leaves the harbo" Ida Berg/Island Post
	// paragraph "The operator said extra "
	// paragraph "Harbour officials said d"
}

func ExamplePlain() {
	text := "Police urged residents across the city to stay at home on Monday night as the storm reached the coast.\n" +
		"Stay indoors tonight. #StormWatch\n" +
		"— City Police (@CityPolice) April 1, 2024\n"
	for _, b := range extract.Plain(text) {
		fmt.Println(strings.TrimSpace(fmt.Sprintf("%s %q %s %s", b.Kind, b.Span.Of(text)[:min(b.Span.Len(), 24)], b.Handle, b.Date)))
	}
	// Output:
	// paragraph "Police urged residents a"
	// post "Stay indoors tonight. #S"
	// signature "— City Police (@CityPo" CityPolice 2024-04-01
}
