package seedcheck

// Spec says how one seed maps onto its data file.
type Spec struct {
	// Seed is the start of the seed's file name in shared/seeds ("000_").
	Seed string
	// Data is the data file that transcribes it, relative to the
	// repository root.
	Data string
	// Labels are the seed's fragments that the template draws rather than
	// the data: headings (a heading renamed in the data's `rubriker:` too),
	// column heads (a row of them, as the extraction ran them together),
	// role labels and the signature block's captions. The test checks that
	// each is a label the templates know or one the data renames.
	Labels []string
	// Fixes rewrite the seed's fragments where the extraction or the
	// author's notation differs from the data by more than whitespace.
	Fixes []Fix
	// Printed rewrite the fixed fragments into the form the documents
	// print them in where the data's form differs: dates a profile prints
	// by month name (datumformat). The output checks apply them after
	// Fixes; the data check does not.
	Printed []Fix
}

// OutputFixes are the fixes that turn a seed into the text of the
// generated documents: Fixes, then Printed.
func (s Spec) OutputFixes() []Fix {
	return append(append([]Fix(nil), s.Fixes...), s.Printed...)
}

// Prepare turns a seed's text into the fragments the data must hold, in
// order, and the labels it dropped.
func (s Spec) Prepare(seed string) (frags, dropped []string, err error) {
	frags, err = ApplyFixes(Fragments(seed, s.Labels), s.Fixes)
	if err != nil {
		return nil, nil, err
	}
	frags, dropped = DropLabels(frags, s.Labels)
	return frags, dropped, nil
}

// Specs are the two seeds and their transcriptions.
func Specs() []Spec {
	return []Spec{directive(), memo()}
}

func directive() Spec {
	return Spec{
		Seed: "000_",
		Data: "data/uppdragsdirektiv-nara-vard-2025.yaml",
		Labels: []string{
			"Bakgrund", "Idé", "Mål och verksamhetsnytta", "Effektmål", "Uppdragsmål 2025",
			"Krav på uppdraget", "Förutsättningar", "Avgränsningar", "Kopplingar och beroenden",
			"Tidplan", "Fas/beslutspunkt Start Slut",
			"Budget", "Kostnader", "Finansiering", "Risker",
			"Organisation", "Uppdragsägare:", "Uppdragsledare:", "Uppdragsmedlemmar:",
			"Mottagare av resultatet:", "Övriga intressenter:",
			"Planering", "Milstolpar", "Datum Beslut Beslutspunkt Kommentar",
			"Delaktiviteter 2024", "Aktivitet Startdatum Slutdatum Ansvarig",
			"Kommunikation", "Återrapportering", "Överlämning",
			"Definitioner och förkortningar", "Begrepp/förkortning Förklaring",
			"Underskrift", "Datum", "Namnförtydligande",
		},
		Fixes: []Fix{
			// Tidplan.
			{Old: "\n241118\n", New: "\n2024-11-18\n", Why: "BP0's date, written YYMMDD"},
			{Old: "\n241121 241217\n", New: "\n2024-11-21\n2024-12-17\n", Why: "BP1's start and end, written YYMMDD"},
			{Old: "\nSeptember Oktober\n", New: "\n2025-09\n2025-10\n", Why: "BP2's start and end, months of the commission's year 2025"},
			{Old: "\n251001 251020\n", New: "\n2025-10-01\n2025-10-20\n", Why: "BP3's start and end, written YYMMDD"},
			// Milstolpar: the date column.
			{Old: "\nDecember 2024 ", New: "\n2024-12\n", Why: "BP0's month"},
			{Old: "\nJanuari 2025 ", New: "\n2025-01\n", Why: "BP1's month"},
			{Old: "\nJuni 2025 ", New: "\n2025-06\n", Why: "MS1's month"},
			{Old: "\nOktober 2025 ", New: "\n2025-10\n", Why: "BP2's month"},
			{Old: "\n31/10 2025 ", New: "\n2025-10-31\n", Why: "BP3's day, written D/M YYYY"},
			// Delaktiviteter: one date a row, the end date.
			{Old: "\nMars 2025 Uppdragsledare\n", New: "\n2025-03\nUppdragsledare\n", Why: "DA1's end month and who is responsible"},
			{
				Old: "länsövergripande\nSeptember 2025\nOC NSV Umeå\n" +
					"Aktivitet Startdatum Slutdatum Ansvarig\nutvecklingsarbeten inom primärvårdsfrågor\n" +
					"+ integrering av kunskapsstyrning i länssamverkansstrukturen\n" +
					"+ kommunikationsinsats för verksamheters möjlighet att \"hitta rätt\"\n",
				New: "länsövergripande utvecklingsarbeten inom primärvårdsfrågor\n" +
					"+ integrering av kunskapsstyrning i länssamverkansstrukturen\n" +
					"+ kommunikationsinsats för verksamheters möjlighet att \"hitta rätt\"\n" +
					"2025-09\nOC NSV Umeå\n" +
					"Aktivitet Startdatum Slutdatum Ansvarig\n",
				Why: "DA2's activity cell ran over a page break: the page ended with the row's date and responsible, the next page repeated the column heads, then the rest of the cell",
			},
			{Old: "\nSeptember 2025\nMarcus Kärnebro", New: "\n2025-09\nMarcus Kärnebro", Why: "DA3's end month"},
			// Definitioner: term and explanation are two cells.
			{Old: "\nN/A Inte tillämplig\n", New: "\nN/A\nInte tillämplig\n", Why: "term and explanation"},
			{Old: "\nCLG Centrala ledningsgruppen\n", New: "\nCLG\nCentrala ledningsgruppen\n", Why: "term and explanation"},
			{Old: "\nHSF Hälso- och sjukvårdsförvaltningen\n", New: "\nHSF\nHälso- och sjukvårdsförvaltningen\n", Why: "term and explanation"},
			{Old: "\nRV Region Västerbotten\n", New: "\nRV\nRegion Västerbotten\n", Why: "term and explanation"},
			// Underskrift: the signer's role stands between two captions.
			{Old: "\nUnderskrift Uppdragsägare Datum\n", New: "\nUnderskrift\nUppdragsägare\nDatum\n", Why: "the signature line's captions around the signer's role"},
		},
		Printed: []Fix{
			{Old: "\n2024-12\nBeredande", New: "\nDecember 2024\nBeredande", Why: "BP0's month, by name as the original (datumformat: milstolpar: namn)"},
			{Old: "\n2025-01\nStart", New: "\nJanuari 2025\nStart", Why: "BP1's month, by name"},
			{Old: "\n2025-06\nAvstämning", New: "\nJuni 2025\nAvstämning", Why: "MS1's month, by name"},
			{Old: "\n2025-10\nDelaktiviteter", New: "\nOktober 2025\nDelaktiviteter", Why: "BP2's month, by name"},
			{Old: "\n2025-10-31\nLeverans", New: "\n31 oktober 2025\nLeverans", Why: "BP3's day, by name"},
			{Old: "\n2025-03\nUppdragsledare", New: "\nMars 2025\nUppdragsledare", Why: "DA1's end month, by name (datumformat: delaktiviteter: namn)"},
			{Old: "\n2025-09\nOC NSV Umeå", New: "\nSeptember 2025\nOC NSV Umeå", Why: "DA2's end month, by name"},
			{Old: "\n2025-09\nMarcus Kärnebro", New: "\nSeptember 2025\nMarcus Kärnebro", Why: "DA3's end month, by name"},
		},
	}
}

func memo() Spec {
	return Spec{
		Seed: "001_",
		Data: "data/tjansteskrivelse-hsn-1203-2024.yaml",
		Labels: []string{
			"Sammanfattning", "Förslag till beslut", "Bedömda resultat och konsekvenser",
			"Resurser och finansiering", "Jämställdhet", "Beredningsansvariga",
			"Beslutsunderlag", "Beslutet expedieras till",
		},
		Fixes: []Fix{
			{Old: "\nRF-uppdrag 2024 HSN 1203-2024\n", New: "\nRF-uppdrag 2024\nHSN 1203-2024\n", Why: "the title's last line and the case number under it"},
			{Old: "\nElisabeth O Karlsson, HSD", New: "\nElisabeth O Karlsson\nHSD", Why: "the recipient's name and title, which the template joins with a comma"},
		},
	}
}
