package corpus_test

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/paperkg/paperkg/corpus"
)

func ExampleNewReader() {
	in := `{"id": "arXiv:2503.11731v2", "title": "A  Study\nof Things", "published": "2025-03-14"}
{"title": "Broken",
{"doi": "https://doi.org/10.1145/3366423.3380176", "title": "Another Study", "authors": [{"name": "Ann Smith"}]}
`
	r, format, err := corpus.NewReader(strings.NewReader(in), "listing.jsonl", "auto")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("format:", format)
	for {
		p, err := r.Read()
		if err == io.EOF {
			break
		}
		var perr *corpus.ParseError
		if errors.As(err, &perr) {
			fmt.Println("skipped:", err)
			continue
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s %q %d %v\n", p.PID(), p.Title, p.Year, p.Authors)
	}
	// Output:
	// format: jsonl
	// 2503.11731 "A Study of Things" 2025 []
	// skipped: listing.jsonl:2:19: syntax error: unexpected end of JSON input
	// 10.1145/3366423.3380176 "Another Study" 0 [Ann Smith]
}

func ExampleNewPageReader() {
	page := `Daily Papers

Mar 11

Submitted by akhaliq

Secrets of RLHF in Large Language Models Part I: PPO

Large language models have formulated a blueprint for the advancement of artificial general intelligence. Its primary objective is to function as a human-centric assistant.

Tool-Augmented Reward Modeling
`
	r := corpus.NewPageReader(strings.NewReader(page))
	for {
		p, err := r.Read()
		if err != nil {
			break
		}
		fmt.Printf("%s (abstract: %d bytes)\n", p.Title, len(p.Abstract))
	}
	// Output:
	// Secrets of RLHF in Large Language Models Part I: PPO (abstract: 172 bytes)
	// Tool-Augmented Reward Modeling (abstract: 0 bytes)
}

func ExampleNewBibTeXReader() {
	bib := `@string{acl = {Proceedings of ACL}}
@inproceedings{muller2020,
  title = {{\"U}ber {BERT} --- a Study},
  author = {M{\"u}ller, Hans and Lee, Bo},
  booktitle = acl, year = 2020,
  eprint = {2001.00001}, archivePrefix = {arXiv},
}
@misc{broken, title = {Unbalanced {braces}
@misc{next, title = {Read All the Same}, doi = {10.1000/xyz}}
`
	r := corpus.NewBibTeXReader(strings.NewReader(bib))
	r.Path = "refs.bib"
	for {
		p, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println("skipped:", err)
			continue
		}
		fmt.Printf("%s %q %d %v\n", p.PID(), p.Title, p.Year, p.Authors)
	}
	// Output:
	// 2001.00001 "Über BERT — a Study" 2020 [Hans Müller Bo Lee]
	// skipped: refs.bib:8:23: syntax error
	// 10.1000/xyz "Read All the Same" 0 []
}
