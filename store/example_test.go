package store_test

import (
	"context"
	"fmt"
	"log"

	"github.com/paperkg/paperkg/corpus"
	"github.com/paperkg/paperkg/extract"
	"github.com/paperkg/paperkg/store"
)

func ExampleDB_Put() {
	db, err := store.Open(store.DefaultOptions("").WithInMemory(true))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	docs := []store.Doc{
		{
			Paper: corpus.Paper{ArXivID: "2401.00001", Title: "Planning with Monte Carlo Tree Search"},
			Entities: []extract.Entity{
				{Name: "MCTS", Aliases: []string{"Monte Carlo tree search"}, Type: extract.Method, Role: extract.Uses},
			},
		},
		{
			Paper:    corpus.Paper{ArXivID: "2401.00002", Title: "Search at Test Time"},
			Entities: []extract.Entity{{Name: "Monte Carlo Tree Search", Type: extract.Method, Role: extract.Uses}},
		},
	}
	res, err := db.Put(context.Background(), docs, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%+v\n", res)

	// The same docs again change nothing.
	res, err = db.Put(context.Background(), docs, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%+v\n", res)

	e, err := db.LookupEntity("monte carlo tree search")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s (%s): %d papers, also %q\n", e.Name, e.Type, e.Papers, e.Aliases)
	// Output:
	// {Added:2 Updated:0 Unchanged:0}
	// {Added:0 Updated:0 Unchanged:2}
	// MCTS (method): 2 papers, also ["Monte Carlo tree search" "Monte Carlo Tree Search"]
}
