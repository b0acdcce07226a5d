/* test_error.c: the German sentences and their placeholders. */
#include "harness.h"
#include "error.h"

#include <errno.h>

void test_error(void)
{
	struct aw_error err;
	char msg[512];

	aw_fail_at(&err, AW_EUTF8, "anfrage.txt", 12, 7, "");
	aw_error_message(&err, msg, sizeof msg);
	CHECK_STR(msg, "anfrage.txt, Zeile 12, Spalte 7: Hier steht kein gültiges UTF-8; "
	          "speichern Sie die Datei im Editor als „UTF-8“ und versuchen Sie es erneut.",
	          "error: UTF-8 message names file, line and column and the remedy");

	aw_fail(&err, AW_EOPEN, "fehlt.txt", aw_strerror(ENOENT));
	aw_error_message(&err, msg, sizeof msg);
	CHECK(strstr(msg, "fehlt.txt") && strstr(msg, "(Datei oder Ordner nicht gefunden)") &&
	      strstr(msg, "prüfen Sie"),
	      "error: open message names the file, the reason and what to do");

	char small[20];
	aw_error_message(&err, small, sizeof small);
	CHECK(strlen(small) == sizeof small - 1, "error: message cut to the buffer, never overflowing");

	char longname[3000];
	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	aw_fail(&err, AW_EOPEN, longname, "x");
	CHECK(strlen(err.file) < sizeof err.file && strstr(err.file, "…"),
	      "error: overlong file name shortened with an ellipsis");
}
