// Package date is a calendar date that keeps the precision it was written
// with: a day (2024-11-18), a month (2025-03) or a year (2025).
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
	None  Precision = iota // the zero Date: no date given
	Year                   // 2025
	Month                  // 2025-03
	Day                    // 2025-03-14
)

// Date is a date of day, month or year precision. The zero value is "no date".
type Date struct {
	Y    int
	M    time.Month
	D    int
	Prec Precision
}

// Of returns a day-precision date.
func Of(y int, m time.Month, d int) Date { return Date{Y: y, M: m, D: d, Prec: Day} }

// OfMonth returns a month-precision date.
func OfMonth(y int, m time.Month) Date { return Date{Y: y, M: m, Prec: Month} }

// OfYear returns a year-precision date.
func OfYear(y int) Date { return Date{Y: y, Prec: Year} }

// Parse reads YYYY-MM-DD, YYYY-MM or YYYY. Anything else, including dates
// that do not exist (2025-02-30), is an error whose text says what is valid.
func Parse(s string) (Date, error) {
	s = strings.TrimSpace(s)
	bad := func() (Date, error) {
		return Date{}, fmt.Errorf("%q is not a date: write a day as 2024-11-18, a month as 2025-03 or a year as 2025", s)
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

// String is the ISO form at the date's own precision: 2024-11-20, 2025-03
// or 2025; "" for the zero Date.
func (d Date) String() string {
	switch d.Prec {
	case Year:
		return fmt.Sprintf("%04d", d.Y)
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
// "mars 2025", "2025".
func (d Date) Long() string {
	switch d.Prec {
	case Day:
		return fmt.Sprintf("den %d %s %d", d.D, MonthName(d.M), d.Y)
	case Month:
		return fmt.Sprintf("%s %d", MonthName(d.M), d.Y)
	case Year:
		return strconv.Itoa(d.Y)
	}
	return ""
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
	case Month:
		return time.Date(d.Y, d.M, 1, 0, 0, 0, 0, time.UTC)
	case Day:
		return time.Date(d.Y, d.M, d.D, 0, 0, 0, 0, time.UTC)
	}
	return time.Time{}
}

// Last is the last day the date covers: the day itself, the month's last
// day, or 31 December.
func (d Date) Last() time.Time {
	switch d.Prec {
	case Year:
		return time.Date(d.Y, 12, 31, 0, 0, 0, 0, time.UTC)
	case Month:
		return time.Date(d.Y, d.M, daysIn(d.Y, d.M), 0, 0, 0, 0, time.UTC)
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
