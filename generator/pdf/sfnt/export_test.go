package sfnt

// FpdfCut is fpdfCut, fpdf's cutter as the oracle, for the tests of
// package sfnt_test.
var FpdfCut = fpdfCut
