package render

import (
	"encoding/binary"
	"hash"
	"hash/fnv"
	"math"
	"reflect"
	"slices"

	"joinedup/generator/internal/site"
)

// NavKey is a fingerprint of everything that shapes page p's output
// besides its own Markdown: its front matter, its place in the site and
// every title, address and description its navigation shows. The dev
// server compares the keys of every page before and after an edit that
// changed the site's shape (a title, an order, a page added or removed) to
// find the pages whose output changed, without rendering them.
//
// It hashes the whole view reflectively, so that a field added to View is
// covered without anyone remembering to add it here; only the fields that
// come from the page's own Markdown are left out.
func (r *Renderer) NavKey(p *site.Page) uint64 {
	h := fnv.New64a()
	v := reflect.ValueOf(r.pageView(p))
	t := v.Type()
	for i := range t.NumField() {
		if ownMarkdown[t.Field(i).Name] {
			continue
		}
		hashValue(h, v.Field(i))
	}
	return h.Sum64()
}

// ownMarkdown are the View fields set from a page's converted Markdown.
var ownMarkdown = map[string]bool{"Content": true, "Contents": true, "Scripts": true}

// hashValue feeds v into h: every exported field of a struct, every
// element of a slice, the value behind a pointer, the keys of a map in
// order with their values. Lengths and markers keep [a b] apart from
// [ab].
func hashValue(h hash.Hash64, v reflect.Value) {
	var buf [8]byte
	num := func(n uint64) {
		binary.LittleEndian.PutUint64(buf[:], n)
		h.Write(buf[:])
	}
	switch v.Kind() {
	case reflect.String:
		num(uint64(v.Len()))
		h.Write([]byte(v.String()))
	case reflect.Bool:
		if v.Bool() {
			num(1)
		} else {
			num(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		num(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		num(v.Uint())
	case reflect.Float32, reflect.Float64:
		num(math.Float64bits(v.Float()))
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			num(0)
			return
		}
		num(1)
		hashValue(h, v.Elem())
	case reflect.Slice, reflect.Array:
		num(uint64(v.Len()))
		for i := range v.Len() {
			hashValue(h, v.Index(i))
		}
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return compareKeys(a, b) })
		num(uint64(len(keys)))
		for _, k := range keys {
			hashValue(h, k)
			hashValue(h, v.MapIndex(k))
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				hashValue(h, v.Field(i))
			}
		}
	default:
		panic("render: NavKey cannot hash a " + v.Kind().String())
	}
}

// compareKeys orders map keys: strings, numbers or anything printable.
func compareKeys(a, b reflect.Value) int {
	switch a.Kind() {
	case reflect.String:
		switch {
		case a.String() < b.String():
			return -1
		case a.String() > b.String():
			return 1
		}
		return 0
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return int(a.Int() - b.Int())
	}
	panic("render: NavKey cannot order map keys of kind " + a.Kind().String())
}
