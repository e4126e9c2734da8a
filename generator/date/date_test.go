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
