package corpus

// The vocabulary the pages are written from: the people, agencies,
// documents and situations of partnership working in health and social
// care. Templates use {slot} names that Filler.fields defines; a "{" that
// does not start a known slot (as in the Go snippets) is kept as it is.

var tags = []string{
	"safeguarding", "consent", "information-sharing", "care-planning",
	"hospital-discharge", "mental-capacity", "carers", "escalation",
	"record-keeping", "multi-agency", "risk-assessment", "dementia",
}

var agencies = []string{
	"the local authority", "the NHS trust", "the GP practice",
	"the community health team", "adult social care", "children's services",
	"the housing association", "the police", "the ambulance service",
	"the voluntary sector partner", "the integrated care board",
	"the mental health trust", "the hospice", "the care home provider",
	"the domiciliary care agency", "the primary care network",
}

var roles = []string{
	"district nurse", "social worker", "GP", "care coordinator",
	"occupational therapist", "physiotherapist", "community pharmacist",
	"safeguarding lead", "discharge coordinator", "mental health nurse",
	"support worker", "team manager", "key worker", "advocate",
	"health visitor", "paramedic", "care home manager", "carer",
}

var people = []string{
	"the person", "the service user", "the patient", "the resident",
	"the family", "the unpaid carer", "the young person", "the client",
}

var documents = []string{
	"care plan", "risk assessment", "safeguarding referral",
	"discharge summary", "consent form", "case note", "shared care record",
	"information sharing agreement", "best interests decision record",
	"needs assessment", "contingency plan", "medication record",
	"escalation log", "review record", "referral form",
}

var activities = []string{
	"a joint home visit", "a multi-agency meeting", "a case review",
	"a hospital discharge", "a needs assessment", "a safeguarding enquiry",
	"a capacity assessment", "a care plan review", "a handover",
	"a strategy discussion", "a professionals meeting", "a welfare check",
	"a medication review", "a carer's assessment", "a telephone triage",
}

var principles = []string{
	"consent", "proportionality", "confidentiality", "person-centred care",
	"the duty of candour", "least restrictive practice", "accountability",
	"dignity", "partnership", "prevention", "empowerment", "protection",
	"transparency", "continuity of care",
}

var timeframes = []string{
	"within 24 hours", "on the same working day", "within two working days",
	"before the end of the shift", "within five working days",
	"at the next scheduled review", "within one hour", "by the agreed date",
}

var verbs = []string{
	"record", "share", "review", "escalate", "agree", "confirm", "update",
	"check", "discuss", "document", "explain", "coordinate", "monitor",
}

var adverbs = []string{
	"promptly", "clearly", "carefully", "securely", "jointly", "routinely",
	"consistently", "proportionately", "accurately",
}

var concerns = []string{
	"a fall at home", "missed medication", "self-neglect",
	"a pressure ulcer", "financial abuse", "carer breakdown",
	"an unsafe discharge", "a change in capacity", "domestic abuse",
	"weight loss", "social isolation", "a deteriorating wound",
	"repeated hospital admissions", "a missed visit",
}

var titleTopics = []string{
	"Sharing information with {role_pl}", "Working with {agency_t}",
	"Recording {document_pl}", "Responding to {concern}",
	"Planning {activity}", "Consent and {principle}",
	"Escalating concerns about {concern}", "Roles of the {role}",
	"Preparing for {activity}", "Reviewing the {document}",
	"Joint working on {concern}", "Supporting {people} after {activity}",
	"Agreeing the {document} with {agency}",
	"When to involve the {role}",
}

var titleSuffixes = []string{
	"", "", "", " in practice", ": a practical guide", " across agencies",
	" for new staff", " in the community", " at home", " - key steps",
}

var headingsH2 = []string{
	"Why this matters", "Who is involved", "Before you start",
	"Step by step", "Sharing information", "Recording decisions",
	"When to escalate", "Working with families and carers",
	"Consent and capacity", "Roles and responsibilities",
	"Common pitfalls", "Good practice", "Reviewing the plan",
	"After the meeting", "Key points",
}

var headingsH3 = []string{
	"What good looks like", "If consent is refused", "Out of hours",
	"Urgent situations", "Checklist for the first visit",
	"Example scenario", "Questions to ask", "Handover notes",
	"Local arrangements", "Useful contacts", "Further reading",
}

var linkTexts = []string{
	"see the guidance on {topic}", "read more about {topic}",
	"the related page on {topic}", "how to handle {topic}",
	"{topic}", "our note on {topic}",
}

var linkTopics = []string{
	"information sharing", "consent", "escalation routes", "care planning",
	"hospital discharge", "mental capacity", "carers' assessments",
	"record keeping", "safeguarding referrals", "joint visits",
	"risk assessment", "professional curiosity",
}

var sentences = []string{
	"The {role} should {verb} the {document} {timeframe} and make sure {agency} is aware of any change.",
	"Before {activity}, check that {people} has given {principle_obj} for information to be shared with {agency}.",
	"If there are concerns about {concern}, the {role} must {verb} them with the {role2} {timeframe}.",
	"{Agency} and {agency2} hold different parts of the picture, so the {document} should be {verbed} {adverb}.",
	"Where {people} lacks capacity to decide, a best interests decision is recorded in the {document}.",
	"Good partnership working depends on {principle} and on each agency knowing who holds the {document}.",
	"The {role} is responsible for arranging {activity} and for inviting the {role2} where relevant.",
	"Any decision to share without consent must be proportionate, necessary and recorded in the {document}.",
	"Use plain language when you {verb} the plan with {people}, and check that it has been understood.",
	"When {concern} is reported, {agency} will normally lead, with support from the {role}.",
	"Staff should {verb} {adverb} and avoid duplicating the {document} held by {agency}.",
	"A named {role} acts as the single point of contact for {people} and for {agency}.",
	"The outcome of {activity} should be {verbed} in the {document} {timeframe}.",
	"Do not wait for a formal meeting if {people} is at immediate risk; contact {agency} straight away.",
	"Record who was present at {activity}, what was agreed and who will {verb} each action.",
	"The principle of {principle} applies even when the situation feels urgent.",
	"Information should be shared on a need-to-know basis with the {role} and with {agency}.",
	"If the {role2} disagrees with the plan, {verb} the disagreement and escalate it through the agreed route.",
	"Families and carers often notice {concern} first, so ask them directly and listen to their view.",
	"The {document} is a living record and should be {verbed} after every significant change.",
	"Check whether {agency} already holds a {document2} before starting a new one.",
	"Where several agencies are involved, agree {timeframe2} who will take the lead.",
	"The {role} should {verb} any safeguarding concern with the safeguarding lead {timeframe}.",
	"Explain to {people} what will happen next, who will contact them and how to raise a concern.",
}

var bulletTemplates = []string{
	"{Verb} the {document} {timeframe}",
	"Confirm who holds the {document}",
	"Agree the lead agency: usually {agency}",
	"Invite the {role} to {activity}",
	"Check consent before sharing with {agency}",
	"Note any risk of {concern}",
	"Record the views of {people}",
	"Share the outcome with the {role}",
	"Keep the {document} up to date",
	"Escalate unresolved disagreement to the team manager",
	"Make sure {people} knows who to contact out of hours",
	"**{Principle}**: apply it to every decision",
}

var stepTemplates = []string{
	"Identify the concern and note when it was first raised.",
	"Speak to {people} and ask what they want to happen.",
	"Check whether consent has been given to share with {agency}.",
	"Contact the {role} and agree who will lead.",
	"Arrange {activity} {timeframe}.",
	"{Verb} the {document} and circulate it to everyone involved.",
	"Set a review date and record it in the {document}.",
	"Escalate to {agency} if the risk of {concern} increases.",
	"Close the episode and {verb} the outcome.",
}

var taskTemplates = []string{
	"Consent recorded in the {document}",
	"{Role} informed",
	"Risk of {concern} assessed",
	"{Document} shared with {agency}",
	"Review date agreed",
	"Contingency plan discussed with {people}",
	"Out-of-hours contacts given",
	"Capacity considered and recorded",
}

var tableHeaders = [][3]string{
	{"Role", "Responsibility", "Timescale"},
	{"Agency", "Contact point", "Response time"},
	{"Situation", "Action", "Who leads"},
	{"Document", "Owner", "Review"},
}

var yamlSnippets = []string{
	`care_plan:
  person_id: "{pid}"
  lead_agency: "{agency}"
  key_worker: "{role}"
  review_date: 2024-{month}-{day}
  consent:
    given: true
    scope: [health, social-care]
  actions:
    - owner: "{role2}"
      task: "{verb} the {document}"
      due: "{timeframe}"
`,
	`referral:
  type: safeguarding
  concern: "{concern}"
  raised_by: "{role}"
  share_with:
    - "{agency}"
    - "{agency2}"
  urgent: {urgent}
`,
}

var goSnippets = []string{
	`type CarePlan struct {
	PersonID     string
	LeadAgency   string
	KeyWorker    string
	ReviewDue    time.Time
	ConsentGiven bool
}

func (p CarePlan) Overdue(now time.Time) bool {
	return now.After(p.ReviewDue)
}
`,
	`// Escalate returns the next contact in the escalation route.
func Escalate(level int) string {
	switch level {
	case 0:
		return "{role}"
	case 1:
		return "team manager"
	default:
		return "{agency}"
	}
}
`,
}

// leadIns introduce each kind of block; the sentence between two blocks
// also keeps adjacent lists from merging into one.
var leadIns = map[string][]string{
	"table": {"The table below summarises who does what.",
		"Use this table to agree responsibilities with {agency}.",
		"Typical arrangements are shown below."},
	"tasks": {"Before closing {activity}, check:",
		"Checklist for the {role}:",
		"Use this checklist when you {verb} the {document}:"},
	"steps": {"Follow these steps:", "The usual sequence is:",
		"When {concern} is suspected:"},
	"bullets": {"Remember to:", "Key actions for the {role}:",
		"In summary:", "Points to agree with {agency}:"},
	"code": {"Some teams keep a structured version of the {document}, for example:",
		"The case management system represents this as follows:"},
}

var sectionTitles = []string{
	"Information sharing", "Consent", "Safeguarding adults",
	"Safeguarding children", "Hospital discharge", "Care planning",
	"Mental capacity", "Carers", "Escalation", "Record keeping",
	"Multi-agency meetings", "Risk assessment", "Dementia care",
	"Community nursing", "Social work practice", "Medication",
	"End of life care", "Housing and homelessness", "Mental health",
	"Transitions", "Falls prevention", "Domestic abuse",
}
