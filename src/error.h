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
	X(AW_EISDIR, -11, "{datei} ist ein Ordner, keine Datei; geben Sie den Namen einer Textdatei an.") \
	X(AW_ENOWS, -20, "Der Ordner {datei} gehört zu keinem Arbeitsbereich von antwort; legen Sie mit „antwort init“ einen an oder wechseln Sie in einen Arbeitsbereich.") \
	X(AW_EWSEXISTS, -21, "{datei} ist bereits ein Arbeitsbereich von antwort; nehmen Sie mit „antwort import DATEI“ eine Anfrage auf.") \
	X(AW_EINREPO, -22, "{datei} liegt im Git-Repository {detail}; legen Sie den Arbeitsbereich in dessen oberstem Ordner an: „antwort init {detail}“.") \
	X(AW_EBARE, -23, "{datei} ist ein Git-Repository ohne Arbeitsordner; holen Sie sich mit „git clone {datei} ORDNER“ eine Arbeitskopie und legen Sie den Arbeitsbereich dort an.") \
	X(AW_ENOAUTHOR, -24, "Für die Versionsgeschichte fehlt Ihr Name oder Ihre E-Mail-Adresse; tragen Sie beide einmal ein: git config --global user.name \"Vorname Nachname\" und git config --global user.email \"name@beispiel.de\".") \
	X(AW_EINDEXLOCK, -25, "Die Sperrdatei {datei} ist von einem abgebrochenen Git-Programm liegen geblieben und blockiert das Speichern; wenn kein anderes Git-Programm mehr läuft, löschen Sie die Datei und versuchen Sie es erneut – verloren ist nichts.") \
	X(AW_ELOCKED, -26, "Der Arbeitsbereich ist gerade gesperrt ({datei}), weil ein anderes Programm darin speichert; versuchen Sie es in einigen Sekunden erneut – verloren ist nichts.") \
	X(AW_EDETACHED, -27, "Der Arbeitsbereich steht auf keinem Zweig, sondern auf der alten Version {detail}; wechseln Sie mit „git switch main“ (oder Ihrem Zweig) zurück und speichern Sie dann.") \
	X(AW_EREADONLY, -28, "Im Arbeitsbereich {datei} darf nicht geschrieben werden ({detail}); lassen Sie sich Schreibrechte geben oder arbeiten Sie in einer eigenen Kopie – gespeichert wurde nichts.") \
	X(AW_EREV, -29, "Die Version „{detail}“ gibt es bei {datei} nicht; „antwort log {datei}“ zeigt die vorhandenen Versionen.") \
	X(AW_ENOINQ, -30, "Im Arbeitsbereich gibt es keine Anfrage „{detail}“; „antwort list“ zeigt alle Anfragen mit ihrem Kurznamen.") \
	X(AW_EDUP, -31, "Die Anfrage {detail} ist schon im Arbeitsbereich ({datei}); es wurde keine zweite Kopie angelegt – öffnen Sie die vorhandene.") \
	X(AW_EDOC, -32, "{datei}, Zeile {zeile}: {detail}; korrigieren Sie die Datei und versuchen Sie es erneut – gespeichert wurde nichts.") \
	X(AW_EGIT, -33, "Git meldet bei {datei} einen Fehler ({detail}); versuchen Sie es erneut und melden Sie es dem Entwicklungsteam, wenn er bleibt.") \
	X(AW_ENOREMOTE, -34, "Für diesen Arbeitsbereich ist keine Fernablage eingerichtet; geben Sie ihre Adresse einmal an: „antwort sync ADRESSE“ (ein Pfad, file://, git://, ssh:// oder https://).") \
	X(AW_EREMOTE, -35, "Die Fernablage {datei} ist nicht erreichbar ({detail}); prüfen Sie Adresse und Netzverbindung – Ihre Fassungen sind hier gesichert.") \
	X(AW_EPUSH, -36, "Die Fernablage {datei} hat Ihre Fassungen abgelehnt ({detail}); hier ist alles gesichert – fragen Sie die Betreuung der Ablage nach den Schreibrechten.") \
	X(AW_ECONFLICT, -37, "In {datei} stehen noch zwei Fassungen nebeneinander ({detail}); entscheiden Sie sich, löschen Sie die Zeilen „<<<<<<<“, „=======“ und „>>>>>>>“, sichern Sie mit „antwort save“ und rufen Sie „antwort sync“ erneut auf.") \
	X(AW_EUNSAVED, -38, "{datei} hat Änderungen, die noch nicht gesichert sind; sichern Sie sie mit „antwort save {detail}“ und rufen Sie „antwort sync“ erneut auf.") \
	X(AW_EWHICH, -41, "Geben Sie an, welche Anfrage gemeint ist: ihren Kurznamen, wie „antwort list“ ihn zeigt.") \
	X(AW_EOUTSIDE, -42, "{datei} wurde inzwischen mit einem anderen Programm geändert; sichern Sie diese Fassung zuerst mit „antwort save {detail}“ – Ihr Text hier bleibt erhalten.") \
	X(AW_EUNCOMMITTED, -43, "{datei} ist geändert, steht aber in keiner Version, und antwort sichert nur Anfragen; übernehmen Sie die Änderung mit „git commit {datei}“ (oder verwerfen Sie sie mit „git checkout -- {datei}“) und rufen Sie „antwort sync“ erneut auf.") \
	X(AW_ENOTWSREMOTE, -44, "Die Fernablage {datei} enthält keinen Arbeitsbereich von antwort, sondern ein anderes Git-Repository; prüfen Sie die Adresse – übernommen und übertragen wurde nichts.") \
	X(AW_EBUSY, -45, "In die Fernablage {datei} übertragen gerade andere fortwährend neue Fassungen; versuchen Sie es in einer Minute erneut – hier ist alles gesichert.") \
	X(AW_EKEYSYNTAX, -46, "{datei}, Zeile {zeile}: Hier fehlt das „=“; schreiben Sie „TASTE = befehl“, etwa „^S = sichern“ – die Zeile wird übergangen.") \
	X(AW_EKEYNAME, -47, "{datei}, Zeile {zeile}: Die Taste „{detail}“ kennt antwort nicht (Beispiele: ^S, M-x, F5, C-Left) – die Zeile wird übergangen.") \
	X(AW_EKEYCMD, -48, "{datei}, Zeile {zeile}: Den Befehl „{detail}“ gibt es nicht; die Hilfe (F1) zeigt alle Befehle – die Zeile wird übergangen.") \
	X(AW_ELOCALE, -49, "Das Terminal ist nicht auf UTF-8 eingestellt (Sprachumgebung {detail}), Umlaute würden verloren gehen; starten Sie antwort mit „LC_ALL=C.UTF-8 antwort“ oder stellen Sie eine UTF-8-Sprachumgebung ein.") \
	X(AW_ENOTTY, -50, "Der Editor braucht ein Terminal ({detail}); starten Sie antwort in einem Terminalfenster oder nutzen Sie die Befehle wie „antwort list“.") \
	X(AW_ERECOVERY, -51, "Die Sicherungskopie {datei} ließ sich nicht schreiben ({detail}); sichern Sie Ihren Text bald mit Strg-S – im Editor ist nichts verloren.") \
	X(AW_ESCRIPT, -52, "{datei}, Zeile {zeile}: {detail} – das Tastenskript wird hier abgebrochen.") \
	X(AW_ENOJOIN, -53, "Nach dieser Antwort folgt keine weitere, mit der sie sich zusammenfassen ließe; wählen Sie die obere der beiden Fragen.") \
	X(AW_ENOSPLIT, -54, "Diese Antwort gilt nur einer Frage und lässt sich nicht trennen; trennen lassen sich zusammengefasste Antworten wie „Zu Frage 1 und 2“.") \
	X(AW_ENOQMERGE, -55, "Nach dieser Frage folgt keine weitere, mit der sie sich verbinden ließe; wählen Sie die obere der beiden Fragen.") \
	X(AW_ENOQSPLIT, -56, "An dieser Stelle lässt sich die Frage nicht teilen; setzen Sie den Cursor im Fragentext dorthin, wo die neue Frage beginnen soll (nicht an Anfang oder Ende).") \
	X(AW_EDATE, -57, "Das Datum „{detail}“ ist nicht zu verstehen; schreiben Sie es wie „4. April 2017“ oder „04.04.2017“, oder lassen Sie das Feld leer.") \
	X(AW_EFIELD, -58, "Das Feld „{datei}“ darf nicht leer bleiben; tragen Sie einen Wert ein oder brechen Sie mit Esc ab.") \
	X(AW_EWORDSPACE, -60, "{datei}, Zeile {zeile}: „{detail}“ sind mehrere Wörter; in der Wortliste steht ein Wort je Zeile – die Zeile wird übergangen.") \
	X(AW_EWORDUTF8, -61, "{datei}, Zeile {zeile}, Spalte {spalte}: Hier steht kein gültiges UTF-8; speichern Sie die Wortliste als „UTF-8“ – die Zeile wird übergangen.") \
	X(AW_EWORDCHARS, -62, "{datei}, Zeile {zeile}: „{detail}“ enthält Zeichen, die in keinem geprüften Wort stehen (Anführungszeichen, Komma, Klammer und dergleichen); tragen Sie das Wort ohne sie ein – die Zeile wird übergangen.") \
	X(AW_ESTYLEPAT, -70, "{datei}, Zeile {zeile}, Spalte {spalte}: Das Suchmuster dieser Stilregel ist fehlerhaft ({detail}) – die Regel wird übergangen, die übrigen gelten weiter.") \
	X(AW_ESTYLEKEY, -71, "{datei}, Zeile {zeile}: „{detail}:“ kennt antwort in Stilregeln nicht; erlaubt sind „regel:“, „meldung:“ und „ersatz:“ – die Regel wird übergangen.") \
	X(AW_ESTYLELINE, -72, "{datei}, Zeile {zeile}: Hier fehlt der Doppelpunkt; schreiben Sie „regel: …“, „meldung: …“ oder „ersatz: …“, Kommentare mit „#“ am Zeilenanfang – die Regel wird übergangen.") \
	X(AW_ESTYLEMISSING, -73, "{datei}, Zeile {zeile}: Dieser Stilregel fehlt „{detail}:“; jede Regel braucht „regel:“ und „meldung:“ – die Regel wird übergangen.") \
	X(AW_ESTYLEDUP, -74, "{datei}, Zeile {zeile}: „{detail}:“ steht in dieser Stilregel zum zweiten Mal; trennen Sie zwei Regeln durch eine Leerzeile – die Regel wird übergangen.") \
	X(AW_ESTYLEGROUP, -75, "{datei}, Zeile {zeile}: Der Ersatz verweist mit „{detail}“ auf eine Gruppe, die das Suchmuster nicht hat (gezählt werden die runden Klammern) – die Regel wird übergangen.") \
	X(AW_ESTYLEGONE, -76, "Die markierte Stelle hat sich inzwischen geändert; lassen Sie den Stil erneut prüfen.") \
	X(AW_ENOQUESTIONS, -59, "Im Text ist keine nummerierte Frage zu erkennen; prüfen Sie, ob die Fragen mit „1.“, „1)“ oder „Frage 1:“ beginnen – aufgenommen wurde nichts.") \
	X(AW_EBADWORD, -63, "„{detail}“ lässt sich nicht ins Wörterbuch aufnehmen: ein Eintrag ist ein einzelnes Wort ohne Leerzeichen.") \
	X(AW_ENODATA, -80, "Die Hausregeln und die Wortliste von antwort fehlen ({datei}); geprüft wird nur mit dem Wörterbuch – installieren Sie antwort mit „make install“ oder setzen Sie ANTWORT_DATA auf den Ordner mit „stil.regeln“ und „dict/woerter.txt“.") \
	X(AW_ENOSENATE, -81, "{datei} enthält noch keinen Text des Senats (die Zeile „Der Senat beantwortet …“ fehlt), geprüft wurde nichts; „antwort check --alles {datei}“ prüft die ganze Datei.") \
	X(AW_EEXISTS, -64, "{datei} gibt es schon; wählen Sie einen anderen Namen – überschrieben wurde nichts.") \
	X(AW_ENOTEMPLATE, -90, "Einen Textbaustein „{detail}“ gibt es nicht; „antwort template list“ zeigt alle mit ihrem Namen.") \
	X(AW_ETEMPLATEAMBIG, -91, "„{detail}“ passt zu mehreren Textbausteinen ({datei}); geben Sie mehr vom Namen an.") \
	X(AW_ETEMPLATE, -92, "{datei} ist kein brauchbarer Textbaustein: {detail}") \
	X(AW_ECERTS, -93, "Die Zertifikate des Systems ({datei}) ließen sich nicht laden ({detail}); ohne sie ist keine https-Verbindung möglich – lassen Sie das Paket „ca-certificates“ neu installieren (apt-get install --reinstall ca-certificates).") \
	X(AW_EAMBIG, -40, "„{detail}“ passt zu mehreren Anfragen ({datei}); geben Sie mehr vom Kurznamen an.") \
	X(AW_EOWNER, -39, "Der Arbeitsbereich {datei} gehört einem anderen Benutzer; arbeiten Sie in einer eigenen Kopie oder lassen Sie ihn freigeben (git config --global --add safe.directory {datei}).")

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
