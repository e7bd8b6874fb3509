package main

import (
	"errors"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/paperkg/paperkg/corpus"
)

// errRejected makes ingest exit 1 after it has reported its bad records.
var errRejected = errors.New("some records were skipped (see above); the others were ingested")

func formatFlag() cli.Flag {
	return &cli.StringFlag{
		Name:  "format",
		Value: "auto",
		Usage: "input `FORMAT`: auto, " + strings.Join(corpus.Formats, ", "),
	}
}

func checkFormat(name string) (string, error) {
	if name == "" || name == "auto" || slices.Contains(corpus.Formats, name) {
		return name, nil
	}
	return "", usagef("invalid format %q, must be one of [auto %s]", name, strings.Join(corpus.Formats, " "))
}

// checkChoice returns a usage error unless v is one of valid.
func checkChoice(flag, v string, valid ...string) error {
	if slices.Contains(valid, v) {
		return nil
	}
	return usagef("invalid --%s %q, must be one of [%s]", flag, v, strings.Join(valid, " "))
}
