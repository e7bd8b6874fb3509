// Command paperkg turns listings of research papers into a knowledge graph of
// the models, datasets, benchmarks and methods their abstracts name, and
// answers which papers are related and why.
package main

import "os"

func main() { os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr)) }
