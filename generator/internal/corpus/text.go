package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// filler writes text from the vocabulary with one random stream.
type filler struct{ r *rand.Rand }

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// pickOther picks an entry different from not.
func pickOther(r *rand.Rand, list []string, not string) string {
	for {
		if s := pick(r, list); s != not {
			return s
		}
	}
}

// sample returns k distinct entries of list in random order.
func sample(r *rand.Rand, list []string, k int) []string {
	c := append([]string(nil), list...)
	for i := range k {
		j := i + r.IntN(len(c)-i)
		c[i], c[j] = c[j], c[i]
	}
	return c[:k]
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func plural(w string) string {
	switch {
	case w == "GP":
		return "GPs"
	case strings.HasSuffix(w, "y") && !strings.HasSuffix(w, "ay"):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "s"):
		return w + "es"
	}
	return w + "s"
}

func stripArticle(s string) string {
	for _, a := range []string{"the ", "a ", "an "} {
		if strings.HasPrefix(s, a) {
			return s[len(a):]
		}
	}
	return s
}

// fields draws one value for every slot a template may use.
func (f filler) fields() map[string]string {
	r := f.r
	verb := pick(r, verbs)
	agency := pick(r, agencies)
	role := pick(r, roles)
	principle := pick(r, principles)
	document := pick(r, documents)
	verbed := verb + "ed"
	if strings.HasSuffix(verb, "e") {
		verbed = verb + "d"
	}
	obj := "consent"
	if principle == "consent" {
		obj = "agreement"
	}
	return map[string]string{
		"role": role, "Role": capitalise(role), "role2": pickOther(r, roles, role),
		"role_pl": plural(role),
		"agency":  agency, "Agency": capitalise(agency), "agency2": pickOther(r, agencies, agency),
		"agency_t": stripArticle(agency),
		"people":   pick(r, people),
		"document": document, "Document": capitalise(document),
		"document2":   pick(r, documents),
		"document_pl": plural(document),
		"activity":    pick(r, activities),
		"principle":   principle, "Principle": capitalise(principle),
		"principle_obj": obj,
		"timeframe":     pick(r, timeframes),
		"timeframe2":    pick(r, timeframes),
		"verb":          verb, "Verb": capitalise(verb),
		"verbed":  verbed,
		"adverb":  pick(r, adverbs),
		"concern": pick(r, concerns),
	}
}

// fill replaces each {slot} of tmpl with a fresh draw of fields.
func (f filler) fill(tmpl string) string { return expand(tmpl, f.fields()) }

// expand replaces {name} with vals[name]; braces around anything else are
// kept, so code can be a template too.
func expand(tmpl string, vals map[string]string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j > 0 {
			if v, ok := vals[tmpl[i+1:i+j]]; ok {
				b.WriteString(tmpl[:i])
				b.WriteString(v)
				tmpl = tmpl[i+j+1:]
				continue
			}
		}
		b.WriteString(tmpl[:i+1])
		tmpl = tmpl[i+1:]
	}
}

// paragraph writes n sentences and works the links into them.
func (f filler) paragraph(n int, links []link) string {
	r := f.r
	sents := make([]string, n)
	for i := range sents {
		sents[i] = f.fill(pick(r, sentences))
	}
	for _, l := range links {
		k := r.IntN(len(sents))
		if r.Float64() < 0.5 {
			sents[k] = fmt.Sprintf("%s, and [%s](%s).", strings.TrimSuffix(sents[k], "."), l.text, l.url)
		} else {
			sents[k] = fmt.Sprintf("%s For background, [%s](%s).", sents[k], l.text, l.url)
		}
	}
	return strings.Join(sents, " ")
}

func (f filler) bullets(n int) string {
	items := sample(f.r, bulletTemplates, n)
	for i, t := range items {
		items[i] = "- " + f.fill(t)
	}
	return strings.Join(items, "\n")
}

func (f filler) steps(n int) string {
	start := f.r.IntN(len(stepTemplates) - n + 1)
	lines := make([]string, n)
	for i, t := range stepTemplates[start : start+n] {
		lines[i] = fmt.Sprintf("%d. %s", i+1, f.fill(t))
	}
	return strings.Join(lines, "\n")
}

func (f filler) tasks(n int) string {
	items := sample(f.r, taskTemplates, n)
	for i, t := range items {
		box := " "
		if f.r.Float64() < 0.3 {
			box = "x"
		}
		items[i] = fmt.Sprintf("- [%s] %s", box, f.fill(t))
	}
	return strings.Join(items, "\n")
}

func (f filler) table() string {
	h := tableHeaders[f.r.IntN(len(tableHeaders))]
	lines := []string{fmt.Sprintf("| %s | %s | %s |", h[0], h[1], h[2]), "| --- | --- | --- |"}
	for range 5 {
		d := f.fields()
		var row [3]string
		switch h[0] {
		case "Role":
			row = [3]string{capitalise(d["role"]), d["Verb"] + " the " + d["document"], capitalise(d["timeframe"])}
		case "Agency":
			row = [3]string{capitalise(stripArticle(d["agency"])), "Duty " + d["role"], capitalise(d["timeframe"])}
		case "Situation":
			row = [3]string{capitalise(d["concern"]), d["Verb"] + " the " + d["document"], capitalise(d["role"])}
		default:
			row = [3]string{capitalise(d["document"]), capitalise(d["role"]), capitalise(d["timeframe"])}
		}
		lines = append(lines, fmt.Sprintf("| %s | %s | %s |", row[0], row[1], row[2]))
	}
	return strings.Join(lines, "\n")
}

func (f filler) code() string {
	r := f.r
	d := f.fields()
	d["pid"] = fmt.Sprintf("P%06d", r.IntN(1_000_000))
	d["month"] = fmt.Sprintf("%02d", 1+r.IntN(12))
	d["day"] = fmt.Sprintf("%02d", 1+r.IntN(28))
	d["urgent"] = pick(r, []string{"true", "false"})
	if r.Float64() < 0.5 {
		return "```yaml\n" + expand(pick(r, yamlSnippets), d) + "```"
	}
	return "```go\n" + expand(pick(r, goSnippets), d) + "```"
}
