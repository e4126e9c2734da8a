package lint

import "strings"

// ordinaryWords are Swedish words that authors write in capitals for
// emphasis ("ska INTE", "OBS", "ALLA"): in capitals they look like
// abbreviations but are not. The list is the short words that carry such
// emphasis in committee papers, not a dictionary: a full Swedish word list
// would also hide real abbreviations that happen to spell a word, and
// would be a large file for a small gain. Lower case; two-letter words are
// left out except those that are only ever words, because most
// two-letter capitals (EU, IT, KS) are abbreviations.
var ordinaryWords = setOf(
	"ej", "eller", "inte", "icke", "och", "samt", "men", "utan", "att", "det", "den", "ett",
	"ska", "skall", "bör", "får", "kan", "måste", "behöver", "gäller",
	"alla", "allt", "alltid", "aldrig", "ingen", "inget", "inga", "samtliga", "varje", "övriga",
	"endast", "bara", "enbart", "senast", "tidigast", "före", "efter", "innan", "under", "över",
	"inom", "utanför", "mellan", "enligt", "med", "mot", "för", "från", "till", "hos",
	"obs", "observera", "notera", "viktigt", "viktig", "varning", "nej", "stopp",
	"ny", "nytt", "nya", "klart", "klar", "utkast", "preliminär", "preliminärt", "kopia",
	"sekretess", "hemlig", "hemligt", "mycket", "mer", "mest", "minst", "högst", "både",
	"varken", "även", "också", "redan", "direkt", "omedelbart", "snarast", "genast",
	"här", "där", "som", "vad", "vem", "när", "hur", "varför", "helt", "absolut", "dock",
	"ändrad", "ändrat", "ändrade", "gammal", "gamla", "egen", "eget", "egna", "hela",
)

// companyForms are the Swedish forms of company that follow a company's
// name (Exempel AB, Handelsbolaget HB): part of the name, never explained.
var companyForms = setOf("AB", "HB", "KB")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// notAbbreviation reports whether a word in capitals is an ordinary word
// written for emphasis or a company form, not an abbreviation to define.
func notAbbreviation(w string) bool {
	return companyForms[w] || ordinaryWords[strings.ToLower(w)]
}
