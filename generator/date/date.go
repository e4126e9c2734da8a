// Package date is a calendar date that keeps the precision it was written
// with: a day (2024-11-18), a month (2025-03), a quarter (2025-Q4), a half
// year (2025-H2) or a year (2025).
//
// Committee papers mix the three ("Mars 2025", "December 2024", "2024-11-18")
// and a month must stay a month: printing "2025-03-01" would claim a
// precision the author never gave. Comparisons treat a month or a year as the
// span it covers, so that "end 2025-03" is not before "start 2025-03-14".
package date

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision says which parts of a Date are set.
type Precision uint8

const (
	None    Precision = iota // the zero Date: no date given
	Year                     // 2025
	Half                     // 2025-H2: M is the half's first month (January or July)
	Quarter                  // 2025-Q4: M is the quarter's first month
	Month                    // 2025-03
	Day                      // 2025-03-14
)

// Date is a date of day, month, quarter, half-year or year precision. The
// zero value is "no date".
type Date struct {
	Y    int
	M    time.Month
	D    int
	Prec Precision
}

// OfQuarter returns a quarter-precision date; q is 1–4.
func OfQuarter(y, q int) Date { return Date{Y: y, M: time.Month(3*(q-1) + 1), Prec: Quarter} }

// OfHalf returns a half-year-precision date; h is 1 or 2.
func OfHalf(y, h int) Date { return Date{Y: y, M: time.Month(6*(h-1) + 1), Prec: Half} }

// QuarterOf is the quarter (1–4) a date falls in.
func (d Date) QuarterOf() int { return (int(d.M)-1)/3 + 1 }

// HalfOf is the half of the year (1 or 2) a date falls in.
func (d Date) HalfOf() int { return (int(d.M)-1)/6 + 1 }

// Of returns a day-precision date.
func Of(y int, m time.Month, d int) Date { return Date{Y: y, M: m, D: d, Prec: Day} }

// OfMonth returns a month-precision date.
func OfMonth(y int, m time.Month) Date { return Date{Y: y, M: m, Prec: Month} }

// OfYear returns a year-precision date.
func OfYear(y int) Date { return Date{Y: y, Prec: Year} }

// Parse reads YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY. Anything else,
// including dates that do not exist (2025-02-30, 2025-Q5), is an error whose
// text says what is valid.
func Parse(s string) (Date, error) {
	s = strings.TrimSpace(s)
	bad := func() (Date, error) {
		return Date{}, fmt.Errorf("%q is not a date: write a day as 2024-11-18, a month as 2025-03, a quarter as 2025-Q4, a half year as 2025-H2 or a year as 2025", s)
	}
	if y, p, ok := strings.Cut(s, "-"); ok && len(y) == 4 && allDigits(y) && len(p) == 2 && (p[0] == 'Q' || p[0] == 'q' || p[0] == 'H' || p[0] == 'h') {
		year, _ := strconv.Atoi(y)
		n := int(p[1] - '0')
		if year < 1 || p[1] < '0' || p[1] > '9' {
			return bad()
		}
		if p[0] == 'Q' || p[0] == 'q' {
			if n < 1 || n > 4 {
				return Date{}, fmt.Errorf("%q: quarter %d does not exist (Q1–Q4)", s, n)
			}
			return OfQuarter(year, n), nil
		}
		if n < 1 || n > 2 {
			return Date{}, fmt.Errorf("%q: half year %d does not exist (H1 or H2)", s, n)
		}
		return OfHalf(year, n), nil
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return bad()
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		if (i > 0 && len(p) != 2) || !allDigits(p) {
			return bad()
		}
		nums[i], _ = strconv.Atoi(p)
	}
	switch len(nums) {
	case 1:
		if nums[0] < 1 {
			return bad()
		}
		return OfYear(nums[0]), nil
	case 2:
		if nums[1] < 1 || nums[1] > 12 {
			return Date{}, fmt.Errorf("%q: month %d does not exist (01–12)", s, nums[1])
		}
		return OfMonth(nums[0], time.Month(nums[1])), nil
	default:
		m := time.Month(nums[1])
		if nums[1] < 1 || nums[1] > 12 {
			return Date{}, fmt.Errorf("%q: month %d does not exist (01–12)", s, nums[1])
		}
		if nums[2] < 1 || nums[2] > daysIn(nums[0], m) {
			return Date{}, fmt.Errorf("%q: %s %d has %d days", s, MonthName(m), nums[0], daysIn(nums[0], m))
		}
		return Of(nums[0], m, nums[2]), nil
	}
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether no date is given.
func (d Date) IsZero() bool { return d.Prec == None }

// String is the ISO form at the date's own precision: 2024-11-20, 2025-03,
// 2025-Q4, 2025-H2 or 2025; "" for the zero Date. (ISO 8601 has no quarter
// or half; 2025-Q4 is the form people and spreadsheets use.)
func (d Date) String() string {
	switch d.Prec {
	case Year:
		return fmt.Sprintf("%04d", d.Y)
	case Half:
		return fmt.Sprintf("%04d-H%d", d.Y, d.HalfOf())
	case Quarter:
		return fmt.Sprintf("%04d-Q%d", d.Y, d.QuarterOf())
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Y, int(d.M))
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Y, int(d.M), d.D)
	}
	return ""
}

// ISO is String: the form used in headers and tables.
func (d Date) ISO() string { return d.String() }

// Long is the Swedish running-text form: "den 20 november 2024",
// "mars 2025", "kvartal 4 2025", "andra halvåret 2025", "2025".
func (d Date) Long() string {
	if d.Prec == Day {
		return "den " + d.Named()
	}
	return d.Named()
}

// Named is the date with the month by name and no "den": "20 november
// 2024", "december 2024", "kvartal 4 2025", "andra halvåret 2025", "2025".
func (d Date) Named() string {
	switch d.Prec {
	case Day:
		return fmt.Sprintf("%d %s %d", d.D, MonthName(d.M), d.Y)
	case Month:
		return fmt.Sprintf("%s %d", MonthName(d.M), d.Y)
	case Quarter:
		return fmt.Sprintf("kvartal %d %d", d.QuarterOf(), d.Y)
	case Half:
		if d.HalfOf() == 1 {
			return fmt.Sprintf("första halvåret %d", d.Y)
		}
		return fmt.Sprintf("andra halvåret %d", d.Y)
	case Year:
		return strconv.Itoa(d.Y)
	}
	return ""
}

// Style is how a date is printed.
type Style string

const (
	ISO   Style = "iso"  // 2024-11-20, 2025-03, 2025-Q4: headers and tables
	Named Style = "namn" // 20 november 2024, december 2024, kvartal 4 2025
	Long  Style = "lång" // den 20 november 2024: running text
	Short Style = "kort" // 2024-11-20 for a day, else as Named: tables read by people
	Words Style = "ord"  // kvartal fyra 2025, första halvåret 2026: a quarter's number in words
)

// Styles lists the styles in the order documentation shows them.
var Styles = []Style{ISO, Named, Long, Short, Words}

// ParseStyle reads a style name; "" is ISO.
func ParseStyle(s string) (Style, error) {
	switch st := Style(strings.ToLower(strings.TrimSpace(s))); st {
	case "":
		return ISO, nil
	case ISO, Named, Long, Short, Words:
		return st, nil
	case "månad", "text":
		return Named, nil
	}
	return "", &StyleError{Name: s}
}

// StyleError is a style name that names no style.
type StyleError struct{ Name string }

func (e *StyleError) Error() string {
	_, valid := e.Choice()
	return fmt.Sprintf("unknown date style %q: valid styles are %s", e.Name, strings.Join(valid, ", "))
}

// Choice is the name written and the valid ones, for a caller to say
// which was likely meant.
func (e *StyleError) Choice() (given string, valid []string) {
	valid = make([]string, len(Styles))
	for i, st := range Styles {
		valid[i] = string(st)
	}
	return e.Name, valid
}

// Format prints the date in a style.
func (d Date) Format(st Style) string {
	switch st {
	case Named:
		return d.Named()
	case Long:
		return d.Long()
	case Short:
		if d.Prec == Day {
			return d.ISO()
		}
		return d.Named()
	case Words:
		return d.InWords()
	}
	return d.ISO()
}

var quarterWords = [...]string{"ett", "två", "tre", "fyra"}

// InWords is the date as organisations write quarters and halves in
// words: "kvartal fyra 2025", "första halvåret 2026". A day, a month and a
// year have no other form in words than by name, so they print as Named:
// "20 november 2024", "mars 2025", "2025" (a day's number is never spelt
// out in Swedish committee papers).
func (d Date) InWords() string {
	if d.Prec == Quarter {
		return fmt.Sprintf("kvartal %s %d", quarterWords[d.QuarterOf()-1], d.Y)
	}
	return d.Named()
}

var months = [...]string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"}

// MonthName is the Swedish month name in lower case, as Swedish writes it.
func MonthName(m time.Month) string {
	if m < time.January || m > time.December {
		return ""
	}
	return months[m-1]
}

// First is the first day the date covers.
func (d Date) First() time.Time {
	switch d.Prec {
	case Year:
		return time.Date(d.Y, 1, 1, 0, 0, 0, 0, time.UTC)
	case Month, Quarter, Half:
		return time.Date(d.Y, d.M, 1, 0, 0, 0, 0, time.UTC)
	case Day:
		return time.Date(d.Y, d.M, d.D, 0, 0, 0, 0, time.UTC)
	}
	return time.Time{}
}

// Last is the last day the date covers: the day itself, the last day of the
// month, quarter or half, or 31 December.
func (d Date) Last() time.Time {
	switch d.Prec {
	case Year:
		return time.Date(d.Y, 12, 31, 0, 0, 0, 0, time.UTC)
	case Month:
		return time.Date(d.Y, d.M, daysIn(d.Y, d.M), 0, 0, 0, 0, time.UTC)
	case Quarter:
		return time.Date(d.Y, d.M+3, 0, 0, 0, 0, 0, time.UTC)
	case Half:
		return time.Date(d.Y, d.M+6, 0, 0, 0, 0, 0, time.UTC)
	case Day:
		return d.First()
	}
	return time.Time{}
}

// Before reports whether d ends before e starts: nothing of d's span is on
// or after e's span. Zero dates are never before anything.
func (d Date) Before(e Date) bool {
	if d.IsZero() || e.IsZero() {
		return false
	}
	return d.Last().Before(e.First())
}

// Compare orders dates by the first day they cover, then by precision
// (coarser first). It returns -1, 0 or +1; the zero Date sorts last.
func (d Date) Compare(e Date) int {
	switch {
	case d.IsZero() && e.IsZero():
		return 0
	case d.IsZero():
		return 1
	case e.IsZero():
		return -1
	}
	if c := d.First().Compare(e.First()); c != 0 {
		return c
	}
	switch {
	case d.Prec < e.Prec:
		return -1
	case d.Prec > e.Prec:
		return 1
	}
	return 0
}

// MarshalText writes the ISO form.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses the ISO form; the empty text is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(strings.TrimSpace(string(b))) == 0 {
		*d = Date{}
		return nil
	}
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// UnmarshalText reads a style name, so that a data file's datumformat is
// checked where it is written.
func (st *Style) UnmarshalText(b []byte) error {
	v, err := ParseStyle(string(b))
	if err != nil {
		return err
	}
	*st = v
	return nil
}
