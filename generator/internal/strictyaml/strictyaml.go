// Package strictyaml decodes YAML into typed Go structs and reports every
// mistake with its file, line and column.
//
// yaml.v3's own strict mode stops at the first unknown field and reports only
// a line. Authors fix mistakes faster when they see all of them, with a
// column and a "did you mean" hint, so this package walks the YAML node tree
// against the target type first, collects every problem, and only then lets
// yaml.v3 decode a document it knows to be well formed.
//
// Struct fields are matched by their yaml tag. Extra rules come from a
// `schema` tag: `schema:"required"` makes a field mandatory. A field of type
// Positions (conventionally named Pos, tagged `yaml:"-"`) receives the
// position of the mapping and of each of its keys' values, so later schema
// checks (such as a reference to an unknown id) can point at the right place.
// A type that reads its own scalar form (such as a date) implements
// Validator, so a badly written value is reported at its own position.
package strictyaml

import (
	"encoding"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"joinedup/generator/internal/diag"

	"go.yaml.in/yaml/v3"
)

// Positions records where a mapping and each of its values were written.
// The empty key is the mapping itself.
type Positions map[string]diag.Pos

// Of returns the position of key's value, or of the mapping when key was not
// written.
func (p Positions) Of(key string) diag.Pos {
	if pos, ok := p[key]; ok {
		return pos
	}
	return p[""]
}

// Decode parses src (the text of file, whose first line is line firstLine of
// that file) into out, which must be a pointer to a struct. Every problem is
// returned as a diag.List. An empty document decodes to the zero value but
// still reports missing required fields.
func Decode(file string, firstLine int, src []byte, out any) error {
	d := decoder{file: file, lineOffset: firstLine - 1}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		d.syntaxError(err)
		return d.errs.Err()
	}
	rv := reflect.ValueOf(out)
	if rv.Kind() != reflect.Pointer || rv.Elem().Kind() != reflect.Struct {
		panic("strictyaml: Decode needs a pointer to a struct")
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			root = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1}
		} else {
			root = root.Content[0]
		}
	} else if root.Kind == 0 {
		root = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1}
	}
	d.check(root, rv.Elem().Type(), "")
	if len(d.errs) > 0 {
		return d.errs.Sort().Err()
	}
	if err := root.Decode(out); err != nil {
		// The walk above should have caught everything yaml.v3 rejects;
		// report what slipped through rather than hide it.
		d.errs.Add(d.pos(root), "%v", err)
		return d.errs.Err()
	}
	d.fill(root, rv.Elem())
	return nil
}

type decoder struct {
	file       string
	lineOffset int
	errs       diag.List
}

func (d *decoder) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: d.file, Line: n.Line + d.lineOffset, Col: n.Column}
}

// syntaxError turns yaml.v3's "yaml: line N: message" into a positioned error.
func (d *decoder) syntaxError(err error) {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if _, scanErr := fmt.Sscanf(msg, "line %d:", &line); scanErr == nil {
		msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
	}
	pos := diag.Pos{File: d.file}
	if line > 0 {
		pos.Line = line + d.lineOffset
	}
	d.errs.Add(pos, "YAML syntax error: %s (check indentation, and quote text that contains a colon)", msg)
}

// Validator is implemented by a type that decodes itself (with
// yaml.Unmarshaler) from a form of its own, such as a date. ValidateYAML
// says what is wrong with the node, or "" when it will decode; the message
// is reported at the node, after the field's name. A null is never passed:
// it leaves the zero value.
type Validator interface {
	ValidateYAML(n *yaml.Node) string
}

var (
	validatorType   = reflect.TypeFor[Validator]()
	positionsType   = reflect.TypeFor[Positions]()
	unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()
	textType        = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// field describes one YAML key of a struct.
type field struct {
	key      string
	index    []int
	typ      reflect.Type
	required bool
}

func fieldsOf(t reflect.Type) ([]field, reflect.StructField, bool) {
	var out []field
	var posField reflect.StructField
	hasPos := false
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Type == positionsType {
			posField, hasPos = f, true
			continue
		}
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("yaml")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out = append(out, field{
			key:      name,
			index:    f.Index,
			typ:      f.Type,
			required: f.Tag.Get("schema") == "required",
		})
	}
	return out, posField, hasPos
}

// check walks node against t, recording every unknown key, missing required
// key, duplicate key and kind mismatch.
func (d *decoder) check(n *yaml.Node, t reflect.Type, path string) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if base := derefType(t); reflect.PointerTo(base).Implements(validatorType) {
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			return
		}
		if msg := reflect.New(base).Interface().(Validator).ValidateYAML(n); msg != "" {
			d.errs.Add(d.pos(n), "%s %s", describePath(path), msg)
		}
		return
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) || reflect.PointerTo(t).Implements(textType) {
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // null leaves the zero value; required fields catch what matters
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			d.errs.Add(d.pos(n), "%s should be a mapping of keys to values, not %s", describePath(path), describe(n))
			return
		}
		fields, _, _ := fieldsOf(t)
		known := make(map[string]field, len(fields))
		names := make([]string, 0, len(fields))
		for _, f := range fields {
			known[f.key] = f
			names = append(names, f.key)
		}
		sort.Strings(names)
		seen := map[string]bool{}
		// hinted holds the fields a "did you mean" already points to, so a
		// typo is reported once rather than also as a missing field.
		hinted := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			f, ok := known[k.Value]
			switch {
			case !ok:
				hinted[diag.Suggest(k.Value, names)] = true
				d.errs.Add(d.pos(k), "unknown field %q%s%s", k.Value, inPath(path), hintOrList(k.Value, names))
			case seen[k.Value]:
				d.errs.Add(d.pos(k), "field %q is set twice%s; keep one", k.Value, inPath(path))
			default:
				seen[k.Value] = true
				d.check(v, f.typ, join(path, k.Value))
			}
		}
		for _, f := range fields {
			if f.required && !seen[f.key] && !hinted[f.key] {
				d.errs.Add(d.pos(n), "missing required field %q%s", f.key, inPath(path))
			}
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			if t.Elem().Kind() == reflect.String && n.Kind == yaml.ScalarNode {
				d.errs.Add(d.pos(n), "%s should be a list; write [%s] or put each item on its own line starting with \"- \"", describePath(path), n.Value)
				return
			}
			d.errs.Add(d.pos(n), "%s should be a list (lines starting with \"- \"), not %s", describePath(path), describe(n))
			return
		}
		for i, item := range n.Content {
			d.check(item, t.Elem(), fmt.Sprintf("%s[%d]", path, i+1))
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			d.errs.Add(d.pos(n), "%s should be a mapping of keys to values, not %s", describePath(path), describe(n))
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			d.check(n.Content[i+1], t.Elem(), join(path, n.Content[i].Value))
		}
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.errs.Add(d.pos(n), "%s should be text, not %s", describePath(path), describe(n))
		}
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			d.errs.Add(d.pos(n), "%s should be true or false, not %s", describePath(path), describe(n))
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
			d.errs.Add(d.pos(n), "%s should be a whole number, not %s", describePath(path), describe(n))
		}
	case reflect.Float32, reflect.Float64:
		if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
			d.errs.Add(d.pos(n), "%s should be a number, not %s", describePath(path), describe(n))
		}
	}
}

// derefType is t without its pointers.
func derefType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// fill sets every Positions field after a successful decode.
func (d *decoder) fill(n *yaml.Node, v reflect.Value) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return
		}
		fields, posField, hasPos := fieldsOf(v.Type())
		var positions Positions
		if hasPos {
			positions = Positions{"": d.pos(n)}
		}
		byKey := make(map[string]field, len(fields))
		for _, f := range fields {
			byKey[f.key] = f
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if positions != nil {
				positions[k.Value] = d.pos(val)
			}
			if f, ok := byKey[k.Value]; ok {
				d.fill(val, v.FieldByIndex(f.index))
			}
		}
		if hasPos {
			v.FieldByIndex(posField.Index).Set(reflect.ValueOf(positions))
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return
		}
		for i := 0; i < len(n.Content) && i < v.Len(); i++ {
			d.fill(n.Content[i], v.Index(i))
		}
	}
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!str":
			return fmt.Sprintf("the text %q", clip(n.Value))
		case "!!int", "!!float":
			return "the number " + n.Value
		case "!!bool":
			return n.Value
		}
		return fmt.Sprintf("%q", clip(n.Value))
	}
	return "an unexpected value"
}

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "..."
	}
	return s
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func describePath(path string) string {
	if path == "" {
		return "the document"
	}
	return fmt.Sprintf("%q", path)
}

func inPath(path string) string {
	if path == "" {
		return ""
	}
	return fmt.Sprintf(" in %q", path)
}

func hintOrList(word string, names []string) string {
	if h := diag.Hint(word, names); h != "" {
		return h
	}
	return " (known fields: " + strings.Join(names, ", ") + ")"
}
