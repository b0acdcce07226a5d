/* keymap.h: the editor's key bindings as data: one table of commands
 * (their German names, for the help screen, the key line and the user's
 * file) and one table of default keys, which a user file may override.
 *
 * Keys are named, not curses codes, so that this stays plain C and the
 * file stays readable: "^S" (Ctrl-S), "M-x" (Alt-x), "F1" … "F12" and
 * "S-F1" … "S-F12" (with Shift),
 * "Left" "Right" "Up" "Down" "Home" "End" "PgUp" "PgDn" "Ins" "Del"
 * "Backspace" "Enter" "Tab" "BTab" (Shift-Tab) "Esc", and for the arrows
 * and Home/End/PgUp/PgDn the prefixes "S-" (Shift), "C-" (Ctrl) and
 * "CS-" (Ctrl-Shift). The view turns a curses key into such a name.
 *
 * The user's file ($XDG_CONFIG_HOME/antwort/tasten) has one binding per
 * line, "TASTE = befehl", "#" comments and blank lines; "TASTE = nichts"
 * unbinds. A wrong line is reported with its number and skipped; the
 * others still apply. */
#ifndef ANTWORT_KEYMAP_H
#define ANTWORT_KEYMAP_H

#include <stddef.h>

#include "strlist.h"

/* X(id, name in the file, label in the key line (or NULL), help text) */
#define KEYMAP_COMMANDS(X) \
	X(CMD_NONE, "nichts", NULL, "keine Wirkung (hebt eine Belegung auf)") \
	X(CMD_SAVE, "sichern", "Sichern", "sichert die Anfrage als neue Version") \
	X(CMD_QUIT, "beenden", "Beenden", "beendet antwort; fragt bei ungesicherten Änderungen nach") \
	X(CMD_HELP, "hilfe", "Hilfe", "zeigt alle Tasten") \
	X(CMD_UNDO, "rückgängig", "Rückgängig", "nimmt die letzte Änderung zurück") \
	X(CMD_REDO, "wiederholen", "Wiederholen", "stellt die zurückgenommene Änderung wieder her") \
	X(CMD_FIND, "suchen", "Suchen", "sucht beim Tippen im Text (Groß- und Kleinschreibung egal)") \
	X(CMD_FIND_NEXT, "weitersuchen", NULL, "springt zum nächsten Fund") \
	X(CMD_FIND_PREV, "zurücksuchen", NULL, "springt zum vorigen Fund") \
	X(CMD_REPLACE, "ersetzen", "Ersetzen", "sucht und ersetzt, jeweils mit Rückfrage") \
	X(CMD_NEXT_PANE, "bereich_wechseln", "Bereich", "wechselt von der Fragenliste zum Fragentext, zur Antwort und wieder zur Liste") \
	X(CMD_PREV_PANE, "bereich_zurück", NULL, "wechselt in der umgekehrten Reihenfolge") \
	X(CMD_NEXT_QUESTION, "nächste_frage", "Frage+", "springt zur nächsten Frage") \
	X(CMD_PREV_QUESTION, "vorige_frage", "Frage-", "springt zur vorigen Frage") \
	X(CMD_GOTO_QUESTION, "gehe_zu_frage", "Gehe zu", "springt zur Frage mit der Nummer, die Sie eingeben") \
	X(CMD_JOIN_ANSWERS, "antworten_zusammenfassen", NULL, "fasst die Antwort mit der zur nächsten Frage zusammen") \
	X(CMD_SPLIT_ANSWER, "antwort_trennen", NULL, "trennt eine zusammengefasste Antwort am Cursor: der Text davor bleibt bei den vorderen Fragen, der Rest geht an die letzte") \
	X(CMD_MERGE_QUESTIONS, "fragen_verbinden", NULL, "verbindet die Frage mit der nächsten, wenn der Import sie fälschlich getrennt hat") \
	X(CMD_SPLIT_QUESTION, "frage_teilen", NULL, "teilt die Frage am Cursor im Fragentext in zwei Fragen") \
	X(CMD_CHECK_NEXT, "prüfen", "Prüfen", "springt zum nächsten Rechtschreib- oder Stilfund und bietet Vorschläge an") \
	X(CMD_TEMPLATE, "textbaustein", "Baustein", "fügt einen Textbaustein der Ressorts ein (Suche, Vorschau, Platzhalter)") \
	X(CMD_TEMPLATE_SAVE, "als_textbaustein", NULL, "sichert den markierten Text als neuen Textbaustein im Arbeitsbereich") \
	X(CMD_HEADER, "kopfdaten", "Kopfdaten", "ändert Nummer, Titel, Fragesteller und Sitzungsdatum") \
	X(CMD_NEW_INQUIRY, "neue_anfrage", "Neue Anfrage", "nimmt eine neue Anfrage aus eingefügtem Text oder einer Datei auf (in der Übersicht)") \
	X(CMD_CANCEL, "abbrechen", NULL, "bricht eine Eingabe ab oder hebt die Markierung auf") \
	X(CMD_SELECT_ALL, "alles_markieren", NULL, "markiert die ganze Antwort") \
	X(CMD_CUT, "ausschneiden", "Ausschn.", "schneidet die Markierung aus") \
	X(CMD_COPY, "kopieren", "Kopieren", "kopiert die Markierung") \
	X(CMD_PASTE, "einfügen", "Einfügen", "fügt das Ausgeschnittene oder Kopierte ein") \
	X(CMD_LEFT, "links", NULL, "ein Zeichen nach links") \
	X(CMD_RIGHT, "rechts", NULL, "ein Zeichen nach rechts") \
	X(CMD_UP, "hoch", NULL, "eine Zeile nach oben") \
	X(CMD_DOWN, "runter", NULL, "eine Zeile nach unten") \
	X(CMD_WORD_LEFT, "wort_links", NULL, "ein Wort nach links") \
	X(CMD_WORD_RIGHT, "wort_rechts", NULL, "ein Wort nach rechts") \
	X(CMD_LINE_START, "zeilenanfang", NULL, "an den Anfang der Zeile") \
	X(CMD_LINE_END, "zeilenende", NULL, "an das Ende der Zeile") \
	X(CMD_PAGE_UP, "bild_hoch", NULL, "eine Bildschirmseite nach oben") \
	X(CMD_PAGE_DOWN, "bild_runter", NULL, "eine Bildschirmseite nach unten") \
	X(CMD_PARA_PREV, "absatz_hoch", NULL, "an den Anfang des vorigen Absatzes") \
	X(CMD_PARA_NEXT, "absatz_runter", NULL, "an den Anfang des nächsten Absatzes") \
	X(CMD_TEXT_START, "textanfang", NULL, "an den Anfang der Antwort") \
	X(CMD_TEXT_END, "textende", NULL, "an das Ende der Antwort") \
	X(CMD_SEL_LEFT, "markieren_links", NULL, "markiert ein Zeichen nach links") \
	X(CMD_SEL_RIGHT, "markieren_rechts", NULL, "markiert ein Zeichen nach rechts") \
	X(CMD_SEL_UP, "markieren_hoch", NULL, "markiert bis eine Zeile nach oben") \
	X(CMD_SEL_DOWN, "markieren_runter", NULL, "markiert bis eine Zeile nach unten") \
	X(CMD_SEL_WORD_LEFT, "markieren_wort_links", NULL, "markiert ein Wort nach links") \
	X(CMD_SEL_WORD_RIGHT, "markieren_wort_rechts", NULL, "markiert ein Wort nach rechts") \
	X(CMD_SEL_LINE_START, "markieren_zeilenanfang", NULL, "markiert bis zum Anfang der Zeile") \
	X(CMD_SEL_LINE_END, "markieren_zeilenende", NULL, "markiert bis zum Ende der Zeile") \
	X(CMD_DEL_BACK, "löschen_links", NULL, "löscht das Zeichen links vom Cursor") \
	X(CMD_DEL_FORWARD, "löschen_rechts", NULL, "löscht das Zeichen rechts vom Cursor") \
	X(CMD_DEL_WORD_BACK, "wort_löschen_links", NULL, "löscht das Wort links vom Cursor") \
	X(CMD_DEL_WORD_FORWARD, "wort_löschen_rechts", NULL, "löscht das Wort rechts vom Cursor") \
	X(CMD_NEWLINE, "neuer_absatz", NULL, "beginnt einen neuen Absatz")

enum keymap_cmd {
#define KEYMAP_ENUM(id, name, label, help) id,
	KEYMAP_COMMANDS(KEYMAP_ENUM)
#undef KEYMAP_ENUM
	CMD_COUNT
};

/* The command's name in the file ("sichern"), its label in the key line
 * ("Sichern", or NULL when it has none) and its help sentence. */
const char *keymap_cmd_name(enum keymap_cmd c);
const char *keymap_cmd_label(enum keymap_cmd c);
const char *keymap_cmd_help(enum keymap_cmd c);

/* The command of a name, or -1. */
int keymap_cmd_by_name(const char *name);

struct keymap;

/* A new keymap with the default bindings. NULL when out of memory. */
struct keymap *keymap_new(void);
void keymap_free(struct keymap *km);

/* The command bound to a key name ("^S"), or CMD_NONE. */
enum keymap_cmd keymap_lookup(const struct keymap *km, const char *key);

/* The first key bound to c in the table's order ("^S"), or NULL: for the
 * key line and the help screen. */
const char *keymap_key_for(const struct keymap *km, enum keymap_cmd c);

/* All keys bound to c, in the table's order: up to max into keys; the
 * number stored. For the help screen. */
size_t keymap_keys_for(const struct keymap *km, enum keymap_cmd c, const char **keys, size_t max);

/* 1 when name is a key this file format knows. */
int keymap_key_valid(const char *name);

/* Applies the user's file text[0..len) named file. Wrong lines are
 * skipped and a German sentence for each, naming file and line, goes to
 * problems. 0 or AW_ENOMEM. */
int keymap_apply(struct keymap *km, const char *text, size_t len, const char *file,
                 struct strlist *problems);

#endif
