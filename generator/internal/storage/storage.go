// Package storage is the one list of what the site's scripts keep in the
// reader's browser (localStorage). The privacy page is generated from it and
// the scripts receive it in a generated file, so the page cannot drift from
// what the code does: a script that asks for a key not in this list gets an
// error instead of storage.
package storage

// Version is the schema version of what the tools store. Each stored value
// is JSON of the form {"v": Version, "saved": "<ISO date>", "data": ...}; a
// value with another version or shape is reported on the page and can be
// cleared, and never breaks it. Raise it when a stored shape changes.
const Version = 1

// Prefix starts every key, so that the site's keys are easy to find and to
// delete together.
const Prefix = "joinedup."

// Key is one storage key.
type Key struct {
	// Name is the key without the prefix; a trailing "*" stands for a
	// family of keys (one per checklist, say).
	Name string
	// Tool is the part of the site that writes it.
	Tool string
	// Holds says, in plain words, what is kept.
	Holds string
}

// Full is the key as it appears in the browser's storage.
func (k Key) Full() string { return Prefix + k.Name }

// Keys returns every key the scripts use, in the order the privacy page
// lists them.
func Keys() []Key {
	return []Key{
		{Name: "checklist.*", Tool: "Checklists", Holds: "Which items you have ticked, one key per checklist (for example joinedup.checklist.professional-courtesy)."},
		{Name: "action-plan", Tool: "Barriers and remedies action plan", Holds: "The barriers you ticked, the remedies you chose and your action plan: each action, who does it, by when and how you will know."},
		{Name: "assessments", Tool: "Partnership ladder self-assessment", Holds: "The short name you gave each working relationship, your answers, your target rung and your dated snapshots."},
		{Name: "checks", Tool: "Knowledge checks", Holds: "For each check you finish: the date, which answers were right, your score, and whether you did it before or after a training session."},
		{Name: "scenarios", Tool: "Practice scenarios", Holds: "For each scenario: the step you are on and the choices you made to get there, and the date and ending of each time you finished it."},
		{Name: "learning-record", Tool: "My learning record", Holds: "What you wrote in your reflection: what you did, what you learned, what you will do differently and how it links to your standards or qualification."},
		{Name: "theme", Tool: "Colour scheme switch", Holds: "Your choice of light, dark or high-contrast colours."},
	}
}
