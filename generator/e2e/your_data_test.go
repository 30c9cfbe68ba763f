//go:build browser

package e2e_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"joinedup/generator/e2e"
	"joinedup/generator/internal/storage"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

const privacyPage = "about/privacy.html"

// downloaded waits for the finished download the page named name.
func downloaded(t *testing.T, tab *e2e.Tab, dl *e2e.Downloads, name string) []byte {
	t.Helper()
	b, err := dl.Wait(tab.Context(), name, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// stored returns every joinedup key in the page's storage, with its value.
func stored(t *testing.T, tab *e2e.Tab) map[string]string {
	t.Helper()
	return evalT[map[string]string](t, tab, `(function(){var o={};for(var i=0;i<localStorage.length;i++){var k=localStorage.key(i);o[k]=localStorage.getItem(k);}return o;})()`)
}

// TestYourData checks the privacy page's controls over HTTP and from
// file://: what is listed, export as JSON and CSV, delete with a
// confirmation, import of the exported file and refusal of bad files.
func TestYourData(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		t.Run(string(o.Mode), func(t *testing.T) {
			t.Parallel()
			b := chromium.Start(t, 2) // a browser per origin: its downloads and storage are its own
			// Save something with the tools themselves: a tick and a colour scheme.
			tools := openTool(t, b, o, checklistPage, e2e.Options{})
			evalT[bool](t, tools, `(localStorage.clear(), true)`)
			must(t, tools.Reload())
			must(t, tools.Do(chromedp.Click(courtesy+` li:nth-child(2) label`)))
			must(t, tools.Do(chromedp.SetValue(`.theme-switch select`, "dark")))
			evalT[bool](t, tools, `(document.querySelector(".theme-switch select").dispatchEvent(new Event("change")), true)`)
			tools.Close()

			tab := openTool(t, b, o, privacyPage, e2e.Options{})
			dl, err := tab.Downloads()
			must(t, err)
			today := evalT[string](t, tab, `joinedup.today()`)
			before := stored(t, tab)
			if len(before) != 2 || before[courtesyKey] == "" || before["joinedup.theme"] != "dark" {
				t.Fatalf("stored before export = %v; want the checklist and the theme", before)
			}
			// Listed by plain names, saying what each holds: no storage keys.
			rows := evalT[[]string](t, tab, `Array.from(document.querySelectorAll(".your-data__table tbody tr")).map(function(r){return r.cells[0].textContent + " | " + r.cells[2].textContent})`)
			if len(rows) != 2 || rows[0] != "Checklist: professional courtesy | 1 item ticked" || rows[1] != "Colour scheme | Dark" {
				t.Errorf("listed = %q", rows)
			}
			clean(t, tab, "two items listed")

			// Export as JSON: the file holds exactly what is stored. The
			// status line above the buttons changes as it goes; the buttons
			// must stay where they are, or a second click lands elsewhere.
			evalT[bool](t, tab, `(function(){var b=document.querySelector("[data-your-data-export=csv]"),t0=performance.now();window.csvTops=[];(function f(){window.csvTops.push(b.getBoundingClientRect().top+scrollY);if(performance.now()-t0<500)requestAnimationFrame(f);else window.csvTopsDone=true;})();return true})()`)
			must(t, tab.Do(chromedp.Click(`[data-your-data-export=json]`)))
			must(t, tab.WaitFor(`window.csvTopsDone === true`, 3*time.Second))
			if tops := evalT[[]float64](t, tab, `window.csvTops`); slices.Min(tops) != slices.Max(tops) {
				t.Errorf("the CSV button moved while the status line changed: its top was at %v", slices.Compact(tops))
			}
			var export struct {
				Format  string            `json:"format"`
				Version int               `json:"version"`
				Items   map[string]string `json:"items"`
			}
			exported := downloaded(t, tab, dl, "joinedup-saved-answers-"+today+".json")
			if err := json.Unmarshal(exported, &export); err != nil {
				t.Fatalf("exported JSON: %v\n%s", err, exported)
			}
			if export.Format != "joinedup-saved-answers" || export.Version != 1 || len(export.Items) != 2 || export.Items[courtesyKey] != before[courtesyKey] || export.Items["joinedup.theme"] != "dark" {
				t.Errorf("exported %+v; want format, version 1 and the two stored values", export)
			}
			file := filepath.Join(t.TempDir(), "copy.json")
			must(t, os.WriteFile(file, exported, 0o644))

			// Export as CSV: a byte order mark for Excel, a header and one
			// readable row per item.
			must(t, tab.Do(chromedp.Click(`[data-your-data-export=csv]`)))
			csvText := string(downloaded(t, tab, dl, "joinedup-saved-answers-"+today+".csv"))
			lines := strings.Split(strings.TrimSuffix(csvText, "\r\n"), "\r\n")
			if len(lines) != 3 || lines[0] != "\ufeffWhat,Saved on,What it holds" || lines[1] != "Checklist: professional courtesy,"+today+",1 item ticked" || lines[2] != "Colour scheme,,Dark" {
				t.Errorf("exported CSV:\n%q", csvText)
			}
			// The formula guard's apostrophe is explained beside the button.
			if !evalT[bool](t, tab, `(h => !!h && h.checkVisibility() && h.textContent.includes("apostrophe"))(document.querySelector("[data-your-data-export=csv]").parentElement.nextElementSibling)`) {
				t.Error("nothing beside the CSV button says why some text starts with an apostrophe")
			}

			// Delete, with a confirmation step, by keyboard. Cancel first.
			must(t, tab.TabTo(`[data-your-data-delete]`, 120))
			must(t, tab.Do(chromedp.KeyEvent(kb.Enter)))
			// Focus goes to No, keep it, so a second Enter keeps everything.
			if focused := evalT[bool](t, tab, `document.activeElement.hasAttribute("data-your-data-delete-no")`); !focused {
				t.Error("the confirmation did not put focus on No, keep it")
			}
			must(t, tab.Do(chromedp.KeyEvent(kb.Enter)))
			if n := len(stored(t, tab)); n != 2 {
				t.Errorf("a second Enter left %d items, want 2", n)
			}
			must(t, tab.TabTo(`[data-your-data-delete]`, 120))
			must(t, tab.Do(chromedp.KeyEvent(kb.Enter)))
			clean(t, tab, "delete confirmation")
			must(t, tab.Do(chromedp.Click(`[data-your-data-delete-no]`)))
			if n := len(stored(t, tab)); n != 2 {
				t.Errorf("Cancel left %d items, want 2", n)
			}
			must(t, tab.Do(chromedp.Click(`[data-your-data-delete]`), chromedp.Click(`[data-your-data-delete-yes]`)))
			if n := len(stored(t, tab)); n != 0 {
				t.Errorf("Delete left %d items, want none", n)
			}
			must(t, tab.WaitFor(`document.querySelector("[data-your-data-status]").textContent.indexOf("Deleted 2 items: Checklist: professional courtesy (1 item ticked); Colour scheme.") === 0`, 3*time.Second))
			if theme := evalT[string](t, tab, `document.documentElement.getAttribute("data-theme") || ""`); theme != "" {
				t.Errorf("the colour scheme %q stayed after deleting", theme)
			}

			// Import the exported file: everything comes back as it was.
			must(t, tab.Do(chromedp.SetUploadFiles(`#your-data-file`, []string{file}), chromedp.Click(`[data-your-data-import]`)))
			must(t, tab.WaitFor(`document.querySelector("[data-your-data-status]").textContent.indexOf("Imported 2 items") === 0`, 5*time.Second))
			after := stored(t, tab)
			if len(after) != 2 || after[courtesyKey] != before[courtesyKey] || after["joinedup.theme"] != "dark" {
				t.Errorf("after import %v; want %v", after, before)
			}
			clean(t, tab, "imported")

			// Bad files are refused with a message, and nothing is written.
			for _, bad := range []struct{ name, text, want string }{
				{"notjson.json", "hello", "not valid JSON"},
				{"other.json", `{"format":"something-else","version":1,"items":{}}`, "not a copy saved from this site"},
				{"later.json", `{"format":"joinedup-saved-answers","version":7,"items":{"joinedup.theme":"dark"}}`, "different version"},
				{"foreign.json", `{"format":"joinedup-saved-answers","version":1,"items":{"joinedup.theme":"light","evil":"x"}}`, "which this site does not use"},
			} {
				path := filepath.Join(t.TempDir(), bad.name)
				must(t, os.WriteFile(path, []byte(bad.text), 0o644))
				must(t, tab.Do(chromedp.SetUploadFiles(`#your-data-file`, []string{path}), chromedp.Click(`[data-your-data-import]`)))
				if err := tab.WaitFor(`document.querySelector("[data-your-data-error]").textContent.indexOf(`+jsString(bad.want)+`) >= 0`, 5*time.Second); err != nil {
					msg := evalT[string](t, tab, `document.querySelector("[data-your-data-error]").textContent`)
					t.Errorf("%s: message %q, want it to say %q", bad.name, msg, bad.want)
				}
				if got := stored(t, tab); len(got) != 2 || got["joinedup.theme"] != "dark" || got["evil"] != "" {
					t.Errorf("%s changed storage: %v", bad.name, got)
				}
			}
			clean(t, tab, "import error")

			// An action plan file from the planner imports here too.
			plan := filepath.Join(t.TempDir(), "action-plan.json")
			must(t, os.WriteFile(plan, []byte(`{"format":"joinedup-action-plan","version":1,"created":"2026-01-31","barriers":["communication"],"actions":[{"barrierId":"communication","remedyId":"communication-regular-meetings","action":"Meet monthly","who":"Lead","byWhen":"2026-03-01","howWeWillKnow":"Minutes"}]}`), 0o644))
			must(t, tab.Do(chromedp.SetUploadFiles(`#your-data-file`, []string{plan}), chromedp.Click(`[data-your-data-import]`)))
			must(t, tab.WaitFor(`document.querySelector("[data-your-data-status]").textContent.indexOf("Imported the action plan: 1 action.") === 0`, 5*time.Second))
			if got := stored(t, tab)["joinedup.action-plan"]; !strings.Contains(got, `"action":"Meet monthly"`) {
				t.Errorf("the plan file was stored as %q", got)
			}

			// Damaged data is listed as unreadable, and the page still works.
			evalT[bool](t, tab, `(localStorage.setItem("joinedup.action-plan", "{oops"), true)`)
			must(t, tab.Reload())
			if row := evalT[string](t, tab, `Array.from(document.querySelectorAll(".your-data__table tbody tr")).map(function(r){return r.textContent}).join("\n")`); !strings.Contains(row, "Action plan–Cannot be read") {
				t.Errorf("damaged value not reported; rows:\n%s", row)
			}
			must(t, tab.Do(chromedp.Click(`[data-your-data-delete]`), chromedp.Click(`[data-your-data-delete-yes]`)))
			if n := len(stored(t, tab)); n != 0 {
				t.Errorf("Delete left %d items, want none", n)
			}
		})
	}

	server := site.Serve(t)
	b := chromium.Start(t, 1)
	t.Run("no-js", func(t *testing.T) {
		tab := openTool(t, b, server, privacyPage, e2e.Options{NoJS: true})
		if s := evalT[string](t, tab, `document.querySelector(".your-data__no-js").hidden + " " + document.querySelector(".your-data__tool").hidden + " " + document.querySelectorAll(".storage-keys tbody tr").length`); s != fmt.Sprintf("false true %d", len(storage.Keys())) {
			t.Errorf("without JavaScript: no-JS text hidden, tool hidden, keys listed = %q, want \"false true %d\"", s, len(storage.Keys()))
		}
		clean(t, tab, "no JavaScript")
	})
	t.Run("blocked storage", func(t *testing.T) {
		tab := openTool(t, b, server, privacyPage, e2e.Options{BlockStorage: true})
		if msg := evalT[string](t, tab, `(document.querySelector(".your-data .storage-notice")||{}).textContent || ""`); !strings.Contains(msg, "will not be kept") {
			t.Errorf("blocked storage: notice = %q", msg)
		}
		if s := evalT[string](t, tab, `document.querySelector("[data-your-data-list]").textContent`); s != "Nothing is saved in this browser." {
			t.Errorf("blocked storage: list = %q", s)
		}
		clean(t, tab, "blocked storage")
	})
}
