package store

import (
	"os"
	"path/filepath"
	"strings"
)

// emptyMemtables lists the memtable logs of length zero in dir.
func emptyMemtables(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var torn []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".mem") || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // removed since ReadDir
		}
		if info.Size() == 0 {
			torn = append(torn, filepath.Join(dir, e.Name()))
		}
	}
	return torn, nil
}
