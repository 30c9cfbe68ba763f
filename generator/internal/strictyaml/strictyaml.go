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
	"regexp"
	"sort"
	"strings"

	"joinedup/generator/internal/diag"

	"go.yaml.in/yaml/v3"
)

// Positions records where a mapping and each of its values were written.
// The empty key is the mapping itself.
type Positions map[string]diag.Pos

// Has reports whether key's value was written and decoded: false when it
// is absent, and when it had a problem (already reported), so that later
// checks leave it alone.
func (p Positions) Has(key string) bool {
	_, ok := p[key]
	return ok
}

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
//
// When the document is valid YAML but has problems, out still receives
// every value that has none: a value with a problem is left at its zero
// value (an item of a list keeps its place) and its key is left out of the
// mapping's Positions, so that later checks, such as references between
// files, can run in the same pass without reporting it again. When the
// YAML cannot be parsed at all, out is left as it was.
func Decode(file string, firstLine int, src []byte, out any) error {
	d := decoder{file: file, lineOffset: firstLine - 1, src: src, checked: map[checkKey]bool{}, bad: map[*yaml.Node]bool{}}
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
		d.partial(root, rv.Elem())
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
	src        []byte
	errs       diag.List
	// checked holds the result of checking each anchored node against a
	// type. An alias is checked once, where its anchor is, not once per
	// use: a small file can use an anchor a million times, and would
	// otherwise get a million copies of the same problem.
	checked map[checkKey]bool
	// bad holds the nodes with a problem in them, for partial.
	bad map[*yaml.Node]bool
}

type checkKey struct {
	node *yaml.Node
	typ  reflect.Type
}

func (d *decoder) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: d.file, Line: n.Line + d.lineOffset, Col: n.Column}
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
// key, duplicate key and kind mismatch. It reports whether n is free of
// problems, and marks it in d.bad when it is not.
func (d *decoder) check(n *yaml.Node, t reflect.Type, path string) bool {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n.Anchor == "" {
		return d.checkNode(n, t, path)
	}
	key := checkKey{n, t}
	if ok, done := d.checked[key]; done {
		return ok
	}
	ok := d.checkNode(n, t, path)
	d.checked[key] = ok
	return ok
}

// checkNode checks n and reports whether it, and everything in it, is
// free of problems, including the anchors it uses, checked elsewhere.
func (d *decoder) checkNode(n *yaml.Node, t reflect.Type, path string) bool {
	before := len(d.errs)
	d.checkKind(n, t, path)
	if len(d.errs) > before {
		d.bad[n] = true
	}
	return !d.bad[n]
}

func (d *decoder) checkKind(n *yaml.Node, t reflect.Type, path string) {
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
		d.checkStruct(n, t, path)
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
			if !d.check(item, t.Elem(), fmt.Sprintf("%s[%d]", path, i+1)) {
				d.bad[n] = true
			}
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			d.errs.Add(d.pos(n), "%s should be a mapping of keys to values, not %s", describePath(path), describe(n))
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if !d.check(n.Content[i+1], t.Elem(), join(path, n.Content[i].Value)) {
				d.bad[n] = true
			}
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
		switch {
		case n.Kind == yaml.ScalarNode && n.Tag == "!!int":
			if overflows(n, t) {
				d.errs.Add(d.pos(n), "%s is too large; use a whole number up to %s, not %s", describePath(path), largest(t), clip(n.Value))
			}
		case n.Kind == yaml.ScalarNode && wholeNumber.MatchString(n.Value):
			d.errs.Add(d.pos(n), "%s is too large; use a whole number up to %s, not %s", describePath(path), largest(t), clip(n.Value))
		default:
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

// checkStruct checks a mapping against the struct type t: every key known,
// none twice, every required one there, each value of its field's kind.
func (d *decoder) checkStruct(n *yaml.Node, t reflect.Type, path string) {
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
			if !d.check(v, f.typ, join(path, k.Value)) {
				d.bad[n] = true
			}
		}
	}
	for _, f := range fields {
		if f.required && !seen[f.key] && !hinted[f.key] {
			d.errs.Add(d.pos(n), "missing required field %q%s", f.key, inPath(path))
		}
	}
}

// wholeNumber matches a plain scalar that is a whole number in decimal.
// YAML resolves one too large for 64 bits to a float, so without this the
// message would say a whole number is not one.
var wholeNumber = regexp.MustCompile(`^[-+]?[0-9][0-9_]*$`)

// overflows reports whether the integer n does not fit a Go integer of
// type t.
func overflows(n *yaml.Node, t reflect.Type) bool {
	v := reflect.New(t).Elem()
	switch t.Kind() {
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		var u uint64
		if err := n.Decode(&u); err != nil {
			return strings.TrimSpace(n.Value) != "" && !strings.HasPrefix(strings.TrimSpace(n.Value), "-")
		}
		return v.OverflowUint(u)
	}
	var i int64
	if err := n.Decode(&i); err != nil {
		return true
	}
	return v.OverflowInt(i)
}

// largest is the largest value of the integer type t.
func largest(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return fmt.Sprint(uint64(1)<<t.Bits() - 1)
	}
	return fmt.Sprint(int64(1)<<(t.Bits()-1) - 1)
}

// partial decodes into v every part of n that check found no problem in,
// and sets the Positions of the keys it decoded, after a check that found
// problems. Values with problems are left at their zero values.
func (d *decoder) partial(n *yaml.Node, v reflect.Value) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if !d.bad[n] {
		if n.Decode(v.Addr().Interface()) == nil {
			d.fill(n, v)
		}
		return
	}
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return
		}
		fields, posField, hasPos := fieldsOf(v.Type())
		positions := Positions{"": d.pos(n)}
		byKey := make(map[string]field, len(fields))
		for _, f := range fields {
			byKey[f.key] = f
		}
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			f, ok := byKey[k.Value]
			if !ok || seen[k.Value] {
				continue // unknown or repeated: reported
			}
			seen[k.Value] = true
			if d.decodable(val, f.typ) {
				d.partial(val, v.FieldByIndex(f.index))
				positions[k.Value] = d.pos(val)
			}
		}
		if hasPos {
			v.FieldByIndex(posField.Index).Set(reflect.ValueOf(positions))
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			if d.decodable(item, v.Type().Elem()) {
				d.partial(item, s.Index(i))
			}
		}
		v.Set(s)
	}
}

// decodable reports whether partial can decode something of n into a
// value of type t: all of it, or, for a mapping into a struct or a list
// into a slice, the parts without problems.
//
// An alias of a value with a problem is not decodable: the problem is
// reported where the anchor is, and going through every use of it would
// cost as much as expanding every alias, which a small file can make huge.
func (d *decoder) decodable(n *yaml.Node, t reflect.Type) bool {
	if n.Kind == yaml.AliasNode {
		return !d.bad[n.Alias]
	}
	if !d.bad[n] {
		return true
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode ||
		t.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode
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
