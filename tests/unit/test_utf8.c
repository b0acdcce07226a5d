/* test_utf8.c: validation and the positions it reports. */
#include "harness.h"
#include "error.h"
#include "utf8.h"

void test_utf8(void)
{
	size_t line = 0, col = 0;
	const char ok[] = "Grüße – „Anführungszeichen“ … 😀\nß";
	CHECK(utf8_validate(ok, sizeof ok - 1, &line, &col) == 0, "utf8: German text and emoji are valid");

	const char bad[] = "Zeile eins\nGr\xfc\xdf" "e";
	CHECK(utf8_validate(bad, sizeof bad - 1, &line, &col) == AW_EUTF8 && line == 2 && col == 3,
	      "utf8: Latin-1 byte reported at line 2, column 3");

	const char after_umlaut[] = "äöü\xff";
	CHECK(utf8_validate(after_umlaut, sizeof after_umlaut - 1, &line, &col) == AW_EUTF8 &&
	      line == 1 && col == 4, "utf8: columns count characters, not bytes");

	const char nul[] = "ab\ncd\0ef";
	CHECK(utf8_validate(nul, sizeof nul - 1, &line, &col) == AW_ENUL && line == 2 && col == 3,
	      "utf8: NUL byte reported with its position");

	const char overlong[] = "\xc0\xaf";
	CHECK(utf8_validate(overlong, 2, &line, &col) == AW_EUTF8, "utf8: overlong encoding rejected");
	const char surrogate[] = "\xed\xa0\x80";
	CHECK(utf8_validate(surrogate, 3, &line, &col) == AW_EUTF8, "utf8: surrogate rejected");
	const char truncated[] = "ab\xe2\x80";
	CHECK(utf8_validate(truncated, 4, &line, &col) == AW_EUTF8 && col == 3,
	      "utf8: truncated sequence at end rejected");

	unsigned cp;
	CHECK(utf8_decode("\xe2\x80\x9e", 3, &cp) == 3 && cp == 0x201E, "utf8: decodes „");
}
