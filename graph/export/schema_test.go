package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/paperkg/paperkg/graph"
)

// schemaCheck validates a decoded JSON document against the subset of
// JSON Schema 2020-12 that schema/node-link.schema.json uses. It fails on
// any other keyword, so that the schema cannot gain a constraint this
// check would silently skip.
type schemaCheck struct {
	root map[string]any
}

// annotations carry no constraint.
var schemaAnnotations = []string{"$schema", "$id", "$defs", "title", "description", "examples"}

func (c schemaCheck) validate(schema map[string]any, doc any, path string) error {
	for k := range schema {
		switch {
		case slices.Contains(schemaAnnotations, k):
		case k == "$ref":
			ref, _ := schema[k].(string)
			name, ok := strings.CutPrefix(ref, "#/$defs/")
			def, _ := c.root["$defs"].(map[string]any)[name].(map[string]any)
			if !ok || def == nil {
				return fmt.Errorf("%s: unresolvable $ref %q", path, ref)
			}
			if err := c.validate(def, doc, path); err != nil {
				return err
			}
		case k == "type":
			if !schemaType(schema[k].(string), doc) {
				return fmt.Errorf("%s: %v is not of type %s", path, doc, schema[k])
			}
		case k == "required":
			obj, _ := doc.(map[string]any)
			for _, r := range schema[k].([]any) {
				if _, ok := obj[r.(string)]; !ok {
					return fmt.Errorf("%s: %q is required", path, r)
				}
			}
		case k == "properties":
			obj, _ := doc.(map[string]any)
			for name, sub := range schema[k].(map[string]any) {
				if v, ok := obj[name]; ok {
					if err := c.validate(sub.(map[string]any), v, path+"/"+name); err != nil {
						return err
					}
				}
			}
		case k == "additionalProperties":
			if schema[k] != false {
				return fmt.Errorf("%s: only additionalProperties false is supported", path)
			}
			props, _ := schema["properties"].(map[string]any)
			obj, _ := doc.(map[string]any)
			for name := range obj {
				if _, ok := props[name]; !ok {
					return fmt.Errorf("%s: additional property %q", path, name)
				}
			}
		case k == "items":
			arr, _ := doc.([]any)
			for i, v := range arr {
				if err := c.validate(schema[k].(map[string]any), v, path+"/"+strconv.Itoa(i)); err != nil {
					return err
				}
			}
		case k == "minimum":
			if n, ok := doc.(float64); ok && n < schema[k].(float64) {
				return fmt.Errorf("%s: %v is below the minimum %v", path, n, schema[k])
			}
		default:
			return fmt.Errorf("%s: keyword %q is not checked", path, k)
		}
	}
	return nil
}

func schemaType(typ string, v any) bool {
	switch typ {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "number":
		_, ok := v.(float64)
		return ok
	case "integer":
		f, ok := v.(float64)
		return ok && f == math.Trunc(f)
	}
	return false
}

func loadSchema(t *testing.T) schemaCheck {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("schema", "node-link.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, NodeLinkSchema) {
		t.Errorf("NodeLinkSchema differs from the schema file")
	}
	var root map[string]any
	if err := json.Unmarshal(b, &root); err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	if root["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema is %v, want draft 2020-12", root["$schema"])
	}
	return schemaCheck{root: root}
}

func schemaViews() []*graph.View {
	return []*graph.View{smallView(), hostileView(), synthView(60, 100, 4, 2), {Name: "empty"}}
}

func TestWriteJSONMatchesSchema(t *testing.T) {
	c := loadSchema(t)
	for _, v := range schemaViews() {
		t.Run(v.Name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteJSON(&buf, v); err != nil {
				t.Fatal(err)
			}
			var doc any
			if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			if err := c.validate(c.root, doc, ""); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestSchemaRejects(t *testing.T) {
	// The check is only as good as its power to fail.
	c := loadSchema(t)
	tests := map[string]string{
		"missing links":   `{"directed":false,"multigraph":false,"graph":{"name":""},"nodes":[]}`,
		"extra top key":   `{"directed":false,"multigraph":false,"graph":{"name":""},"nodes":[],"links":[],"x":1}`,
		"string directed": `{"directed":"no","multigraph":false,"graph":{"name":""},"nodes":[],"links":[]}`,
		"node without id": `{"directed":false,"multigraph":false,"graph":{"name":""},"nodes":[{"kind":"paper","label":"","size":0}],"links":[]}`,
		"fractional year": `{"directed":false,"multigraph":false,"graph":{"name":""},"nodes":[{"id":"a","kind":"paper","label":"","size":0,"year":2020.5}],"links":[]}`,
		"negative group":  `{"directed":false,"multigraph":false,"graph":{"name":""},"nodes":[{"id":"a","kind":"paper","label":"","size":0,"group":-1}],"links":[]}`,
		"unknown field":   `{"directed":false,"multigraph":false,"graph":{"name":""},"nodes":[{"id":"a","kind":"paper","label":"","size":0,"colour":"red"}],"links":[]}`,
		"string weight":   `{"directed":false,"multigraph":false,"graph":{"name":""},"nodes":[],"links":[{"source":"a","target":"b","kind":"uses","weight":"1"}]}`,
	}
	for name, doc := range tests {
		var d any
		if err := json.Unmarshal([]byte(doc), &d); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := c.validate(c.root, d, ""); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// TestWriteJSONMatchesSchemaJSONSchema validates with the python3-jsonschema
// of Debian, a complete implementation of draft 2020-12.
func TestWriteJSONMatchesSchemaJSONSchema(t *testing.T) {
	if err := exec.Command(debianPython, "-c", "from jsonschema import Draft202012Validator").Run(); err != nil {
		t.Skipf("%s cannot import jsonschema's Draft202012Validator; make test installs python3-jsonschema", debianPython)
	}
	dir := t.TempDir()
	args := []string{filepath.Join(consumersDir, "jsonschema_check.py"), filepath.Join("schema", "node-link.schema.json")}
	views := schemaViews()
	for i, v := range views {
		var buf bytes.Buffer
		if err := WriteJSON(&buf, v); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, strconv.Itoa(i)+".json")
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	// A document that breaks the schema, to show the validator can fail.
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"directed":false,"multigraph":false,"graph":{"name":""},"nodes":[{"id":"a"}],"links":[]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	args = append(args, bad)
	out, err := exec.Command(debianPython, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("jsonschema: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(views)+1 {
		t.Fatalf("jsonschema printed %d lines, want %d:\n%s", len(lines), len(views)+1, out)
	}
	for i, v := range views {
		if lines[i] != "ok" {
			t.Errorf("%s: %s", v.Name, lines[i])
		}
	}
	if last := lines[len(views)]; !strings.Contains(last, "'kind' is a required property") {
		t.Errorf("the broken document got %q, want a missing kind", last)
	}
}
