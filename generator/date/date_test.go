package date

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		want    Date
		iso     string
		long    string
		wantErr string
	}{
		{in: "2024-11-20", want: Of(2024, time.November, 20), iso: "2024-11-20", long: "den 20 november 2024"},
		{in: "2025-03", want: OfMonth(2025, time.March), iso: "2025-03", long: "mars 2025"},
		{in: "2025", want: OfYear(2025), iso: "2025", long: "2025"},
		{in: " 2024-02-29 ", want: Of(2024, time.February, 29), iso: "2024-02-29", long: "den 29 februari 2024"},
		{in: "2025-Q4", want: OfQuarter(2025, 4), iso: "2025-Q4", long: "kvartal 4 2025"},
		{in: "2025-q1", want: OfQuarter(2025, 1), iso: "2025-Q1", long: "kvartal 1 2025"},
		{in: "2025-H2", want: OfHalf(2025, 2), iso: "2025-H2", long: "andra halvåret 2025"},
		{in: "2026-H1", want: OfHalf(2026, 1), iso: "2026-H1", long: "första halvåret 2026"},
		{in: "2025-Q5", wantErr: "quarter 5 does not exist (Q1–Q4)"},
		{in: "2025-Q0", wantErr: "quarter 0 does not exist"},
		{in: "2025-H3", wantErr: "half year 3 does not exist (H1 or H2)"},
		{in: "2025-QX", wantErr: "a quarter as 2025-Q4"},
		{in: "2025-02-29", wantErr: "has 28 days"},
		{in: "2025-13", wantErr: "month 13 does not exist"},
		{in: "241118", wantErr: "write a day as 2024-11-18"},
		{in: "31/10 2025", wantErr: "is not a date"},
		{in: "Mars 2025", wantErr: "is not a date"},
		{in: "2025-1-5", wantErr: "is not a date"},
		{in: "", wantErr: "is not a date"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Parse(tt.in)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.iso, got.ISO())
			assert.Equal(t, tt.long, got.Long())
		})
	}
}

func TestBeforeAndCompare(t *testing.T) {
	tests := []struct {
		a, b   string
		before bool
		cmp    int
	}{
		{"2025-03", "2025-03-14", false, -1},
		{"2025-03-14", "2025-03", false, 1},
		{"2025-02", "2025-03-01", true, -1},
		{"2024", "2025-01", true, -1},
		{"2025-10-20", "2025-10-01", false, 1},
		{"2025-10-01", "2025-10-01", false, 0},
	}
	for _, tt := range tests {
		a, _ := Parse(tt.a)
		b, _ := Parse(tt.b)
		assert.Equal(t, tt.before, a.Before(b), "%s before %s", tt.a, tt.b)
		assert.Equal(t, tt.cmp, a.Compare(b), "%s cmp %s", tt.a, tt.b)
	}
	assert.False(t, Date{}.Before(OfYear(2025)))
	assert.Equal(t, 1, Date{}.Compare(OfYear(2025)))
}

func TestText(t *testing.T) {
	var d Date
	require.NoError(t, d.UnmarshalText([]byte("2025-09")))
	b, _ := d.MarshalText()
	assert.Equal(t, "2025-09", string(b))
	assert.Equal(t, time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC), d.Last())
	require.NoError(t, d.UnmarshalText(nil))
	assert.True(t, d.IsZero())
}

func TestSpansOfQuartersAndHalves(t *testing.T) {
	for _, tc := range []struct {
		d           Date
		first, last string
	}{
		{OfQuarter(2025, 1), "2025-01-01", "2025-03-31"},
		{OfQuarter(2025, 4), "2025-10-01", "2025-12-31"},
		{OfHalf(2024, 1), "2024-01-01", "2024-06-30"},
		{OfHalf(2025, 2), "2025-07-01", "2025-12-31"},
	} {
		assert.Equal(t, tc.first, tc.d.First().Format(time.DateOnly), tc.d)
		assert.Equal(t, tc.last, tc.d.Last().Format(time.DateOnly), tc.d)
	}
	// A quarter's end has not passed in its last month; a month in it is
	// not before the quarter.
	assert.False(t, OfQuarter(2025, 4).Before(Of(2025, 12, 31)))
	assert.True(t, OfQuarter(2025, 3).Before(Of(2025, 10, 1)))
	assert.False(t, OfMonth(2025, 11).Before(OfQuarter(2025, 4)))
	assert.Equal(t, -1, OfHalf(2025, 2).Compare(OfQuarter(2025, 3)), "same first day: coarser first")
}

func TestFormat(t *testing.T) {
	for _, tc := range []struct {
		d    Date
		st   string
		want string
	}{
		{Of(2024, 11, 20), "iso", "2024-11-20"},
		{Of(2024, 11, 20), "lång", "den 20 november 2024"},
		{Of(2024, 11, 20), "namn", "20 november 2024"},
		{Of(2024, 11, 20), "kort", "2024-11-20"},
		{OfMonth(2024, 12), "månad", "december 2024"},
		{OfMonth(2024, 12), "kort", "december 2024"},
		{OfQuarter(2025, 4), "namn", "kvartal 4 2025"},
		{OfHalf(2025, 2), "lång", "andra halvåret 2025"},
		{OfYear(2025), "", "2025"},
		{Date{}, "namn", ""},
		// In words: a quarter's number spelt out, a half as always; a
		// day, month or year by name.
		{OfQuarter(2025, 4), "ord", "kvartal fyra 2025"},
		{OfQuarter(2025, 1), "ord", "kvartal ett 2025"},
		{OfHalf(2026, 1), "ord", "första halvåret 2026"},
		{OfHalf(2026, 2), "ord", "andra halvåret 2026"},
		{Of(2024, 11, 20), "ord", "20 november 2024"},
		{OfMonth(2025, 3), "ord", "mars 2025"},
		{OfYear(2025), "ord", "2025"},
	} {
		st, err := ParseStyle(tc.st)
		require.NoError(t, err)
		assert.Equal(t, tc.want, tc.d.Format(st), "%v %s", tc.d, tc.st)
	}
	_, err := ParseStyle("amerikansk")
	assert.ErrorContains(t, err, `unknown date style "amerikansk": valid styles are iso, namn, lång, kort, ord`)
}
