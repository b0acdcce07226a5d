/* error.h: the one list of errors and the one place their German
 * sentences are made.
 *
 * Functions that can fail return 0 or a negative AW_E* code and, where the
 * caller passes one, fill a struct aw_error with where it happened (file,
 * line, column) and a detail. aw_error_message() turns that into the
 * sentence a person reads; nothing else in antwort writes error prose. */
#ifndef ANTWORT_ERROR_H
#define ANTWORT_ERROR_H

#include <stddef.h>

/* X(code, value, sentence). In the sentence, {datei} {zeile} {spalte}
 * {detail} are replaced by the fields of struct aw_error. */
#define AW_ERRORS(X) \
	X(AW_OK, 0, "") \
	X(AW_ENOMEM, -1, "Der Arbeitsspeicher reicht nicht aus; schließen Sie andere Programme und versuchen Sie es erneut.") \
	X(AW_EOPEN, -2, "Die Datei {datei} lässt sich nicht öffnen ({detail}); prüfen Sie den Namen und die Zugriffsrechte.") \
	X(AW_EREAD, -3, "Die Datei {datei} lässt sich nicht lesen ({detail}); prüfen Sie, ob sie noch vorhanden und lesbar ist.") \
	X(AW_EWRITE, -4, "Die Datei {datei} konnte nicht geschrieben werden ({detail}); prüfen Sie den freien Speicherplatz und die Schreibrechte im Ordner – die alte Fassung ist unverändert.") \
	X(AW_EUTF8, -5, "{datei}, Zeile {zeile}, Spalte {spalte}: Hier steht kein gültiges UTF-8; speichern Sie die Datei im Editor als „UTF-8“ und versuchen Sie es erneut.") \
	X(AW_ENUL, -6, "{datei}, Zeile {zeile}, Spalte {spalte}: Die Datei enthält ein Nullbyte und ist wohl kein Text; kopieren Sie den Text der Anfrage in eine neue Textdatei.") \
	X(AW_ETOOBIG, -7, "Die Datei {datei} ist mit {detail} zu groß für eine Anfrage; prüfen Sie, ob Sie die richtige Datei gewählt haben.") \
	X(AW_EEMPTY, -8, "Die Datei {datei} enthält keinen Text; fügen Sie den Text der Anfrage ein und speichern Sie erneut.") \
	X(AW_EUSAGE, -9, "{detail}; „antwort {datei} --help“ zeigt, wie der Befehl aufgerufen wird.") \
	X(AW_EINTERNAL, -10, "Interner Fehler ({detail}); bitte melden Sie das dem Entwicklungsteam mit der Datei {datei}.") \
	X(AW_ECOMMAND, -12, "Den Befehl „{detail}“ gibt es nicht; „antwort --help“ zeigt alle Befehle.") \
	X(AW_ENODICT, -13, "Das deutsche Wörterbuch {datei} fehlt; installieren Sie es mit „make deps“ (oder „apt-get install hunspell-de-de-frami“).") \
	X(AW_EMANY, -14, "Die Datei {datei} enthält {detail} Anfragen; wählen Sie mit „--nur N“ eine davon aus.") \
	X(AW_ESTDOUT, -15, "Die Ausgabe ließ sich nicht schreiben ({detail}); prüfen Sie, wohin sie umgeleitet ist, und ob dort Platz frei ist.") \
	X(AW_EISDIR, -11, "{datei} ist ein Ordner, keine Datei; geben Sie den Namen einer Textdatei an.")

enum aw_code {
#define AW_ENUM(code, value, sentence) code = value,
	AW_ERRORS(AW_ENUM)
#undef AW_ENUM
};

struct aw_error {
	int code;           /* one of enum aw_code */
	char file[1024];    /* file or command the error concerns; may be empty */
	size_t line, col;   /* 1-based; 0 when not applicable */
	char detail[256];   /* short extra, e.g. strerror(); may be empty */
};

/* Fills err (if not NULL) and returns code, so callers can write
 * `return aw_fail(err, AW_EOPEN, path, strerror(errno));`. Long strings
 * are shortened with "…" rather than overflowing. */
int aw_fail(struct aw_error *err, int code, const char *file, const char *detail);

/* Same, with a position in the file. */
int aw_fail_at(struct aw_error *err, int code, const char *file, size_t line,
               size_t col, const char *detail);

/* The reason behind an errno, in German, for the {detail} of a message. */
const char *aw_strerror(int errnum);

/* Writes the German sentence for err into out (always NUL-terminated,
 * shortened if out is too small). Returns out. */
char *aw_error_message(const struct aw_error *err, char *out, size_t outsize);

#endif
