// Package count reads how many people an event involved from the words of
// a sentence: killed, injured, arrested, and the size of a crowd.
//
// Numbers are read from digits ("12", "1,200"), words ("three", "forty-two",
// "2 million") and vague quantities, which map conservatively to the
// smallest number the words themselves imply, as ACLED codes them by hand:
//
//	a / an / one … was killed        1
//	a few, several, some, multiple   3
//	a dozen                          12
//	dozens                           24   (at least two dozen)
//	scores                           40
//	hundreds                         200
//	thousands                        2,000
//	tens of thousands                20,000
//	hundreds of thousands            200,000
//	millions                         2,000,000
//
// Qualifiers keep the stated number: "at least 20", "more than 100", "about
// 50", "nearly 50", "up to 50" all give the number written (ACLED's rule of
// coding the figure the report gives, never a guess above it). A range
// "20 to 30" or "20-30" gives its lower end.
//
// Functions are pure and safe for concurrent use.
package count
