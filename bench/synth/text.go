package synth

import (
	"math/rand/v2"
	"strings"
)

// Phrases in the register of the seed documents, recombined into sentences
// so that every document has different but plausible Swedish text.
var (
	subjects = []string{
		"Regionstyrelsen", "Hälso- och sjukvårdsnämnden", "Förvaltningen", "Uppdraget", "Arbetsgruppen",
		"Primärvården i länet", "Den regionala färdplanen", "Samverkan med länets kommuner", "Styrgruppen",
		"Verksamhetsutvecklingen", "Den nära vården", "Hälsovalet", "Kunskapsstyrningen", "Uppföljningen",
	}
	verbs = []string{
		"behöver stärkas för att", "ska utgå från behoven och", "har under året bidragit till att",
		"bedöms kunna", "förväntas på sikt", "ska i samverkan", "har som mål att", "behöver tydliggöras så att vi kan",
		"kräver långsiktighet och uthållighet för att", "är en förutsättning för att",
	}
	objects = []string{
		"utveckla samspelet mellan sjukhusvården och primärvården",
		"säkerställa en jämlik och jämställd vård i hela länet",
		"minska regionens kostnader och nå uppsatta mål",
		"stödja omställningen till nära vård",
		"skapa bättre förutsättningar för styrning och drift",
		"tydliggöra roller och ansvar inom hälsovalet",
		"optimera flöden för personcentrerade arbetssätt",
		"utveckla beställning, ersättningsmodell och uppföljning",
		"involvera berörda verksamheter tidigt i arbetet",
		"ta tillvara invånarnas och patienternas erfarenheter",
		"förbättra tillgängligheten i glesbygd",
		"samordna utvecklingsområden över verksamhetsgränser",
	}
	tails = []string{
		"", "", "", " under 2025", " i enlighet med färdplanen", " inom ramen för befintlig budget",
		" med stöd av CLG", " i dialog med HSF", " enligt beslut i RS", " utifrån befolkningens behov",
		" på både kort och lång sikt", " i Södra Lappland och övriga länsdelar",
	}
	bulletStarts = []string{
		"Tydligt och närvarande", "Främja ökad", "Säkra organisatoriskt stöd för", "Gemensam plan för",
		"Samsyn kring", "Kontinuerlig uppföljning av", "Stärkt samordning av", "Fördjupad dialog om",
	}
	bulletEnds = []string{
		"invånarperspektiv", "samverkan och horisontella prioriteringar", "rekommendationernas genomförande",
		"primärvårdens utveckling", "resurser och kompetens", "ersättningsmodellen", "kunskapsstyrningen",
		"vårdens flöden mellan nivåerna",
	}
	titles = []string{
		"Stärkt omställning till nära vård", "Utveckling av samspelet mellan specialistvård och primärvård",
		"Översyn av ersättningsmodellen i hälsoval", "Gemensam plan för primärvården", "Förbättrad tillgänglighet i glesbygd",
		"Samordnad vårdplanering med kommunerna", "Digitala vårdmöten i hela länet", "Kompetensförsörjning inom primärvården",
		"Uppföljning av hälsovalet", "Personcentrerade arbetssätt i öppenvården",
	}
	activities = []string{
		"Kartlägga nuvarande styrning och uppföljning", "Ta fram förslag på justerad beställning",
		"Genomföra dialogmöten med verksamheterna", "Analysera ersättningsmodellens effekter",
		"Sammanställa rekommendationer till uppdragsägaren", "Förankra förslagen i CLG",
		"Utforma en gemensam plan för primärvården", "Följa upp införandet i länsdelarna",
		"Ta fram en kommunikationsplan", "Utvärdera arbetssätten med patientrepresentanter",
	}
	risks = []string{
		"Brist på resurser i verksamheterna", "Otydlig ansvarsfördelning mellan nämnderna",
		"Förseningar i beslutsprocessen", "Svag förankring hos medarbetarna", "Konkurrerande uppdrag under året",
	}
)

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// sentence makes one sentence of 10–25 words.
func sentence(r *rand.Rand) string {
	return pick(r, subjects) + " " + pick(r, verbs) + " " + pick(r, objects) + pick(r, tails) + "."
}

// paragraph makes a paragraph of n sentences.
func paragraph(r *rand.Rand, n int) string {
	s := make([]string, n)
	for i := range s {
		s[i] = sentence(r)
	}
	return strings.Join(s, " ")
}

// paragraphs makes n paragraphs of 2–5 sentences as Markdown.
func paragraphs(r *rand.Rand, n int) string {
	p := make([]string, n)
	for i := range p {
		p[i] = paragraph(r, 2+r.IntN(4))
	}
	return strings.Join(p, "\n\n")
}

// bullets makes n bullet points as a Markdown list.
func bullets(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString("- ")
		b.WriteString(pick(r, bulletStarts) + " " + pick(r, bulletEnds))
		b.WriteString("\n")
	}
	return b.String()
}
