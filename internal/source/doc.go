// Package source reads the documents annals is given and yields them as
// *event.Article values: the first stage of the pipeline, before extract's
// blocks are split into sentences.
//
// The format of an input is chosen by its content, never by its file name:
//
//   - plain UTF-8 text (UTF-16 with a byte-order mark is transcoded), one
//     paragraph block per line, or per blank-line or indented paragraph
//     when the text is hard-wrapped;
//   - an HTML page, extracted with package extract;
//   - an RSS 2.0, RSS 1.0, Atom or JSON Feed, one article per item;
//   - a WARC file, one article per HTML response record;
//   - a JSON Lines batch of {"id", "text" | "html", "published", "url",
//     "title"} objects, one article per line;
//   - any of these compressed with gzip (a WARC.gz is read record by
//     record).
//
// Read walks a file or a directory; ReadFrom reads one stream, such as
// standard input ("-", which Read refuses). Both return a pull iterator.
// Problems with the input are reported as *Error values in the iteration,
// and reading goes on with the next document where it can. Invalid UTF-8
// is replaced and recorded in Article.Repairs, never silently. Bad input
// never panics.
//
// Reading is synchronous: the package starts no goroutines. With
// Options.Fetch the iterator makes HTTP requests for feed items. An
// iterator is not safe for concurrent use; separate iterators are.
package source
