/* test_keymap.c: the key table, its defaults and the user's file. */
#include "harness.h"
#include "keymap.h"

void test_keymap(void)
{
	struct keymap *km = keymap_new();
	CHECK(km != NULL, "keymap: defaults load");
	if (!km)
		return;
	CHECK(keymap_lookup(km, "^S") == CMD_SAVE, "keymap: Ctrl-S saves");
	CHECK(keymap_lookup(km, "^Z") == CMD_UNDO && keymap_lookup(km, "^Y") == CMD_REDO,
	      "keymap: Ctrl-Z and Ctrl-Y undo and redo");
	CHECK(keymap_lookup(km, "^F") == CMD_FIND && keymap_lookup(km, "^R") == CMD_REPLACE,
	      "keymap: Ctrl-F finds, Ctrl-R replaces");
	CHECK(keymap_lookup(km, "^Q") == CMD_QUIT && keymap_lookup(km, "Tab") == CMD_NEXT_PANE &&
	      keymap_lookup(km, "F1") == CMD_HELP, "keymap: Ctrl-Q, Tab and F1 as the issue says");
	CHECK(keymap_lookup(km, "^B") == CMD_NONE, "keymap: an unbound key does nothing");
	CHECK_STR(keymap_key_for(km, CMD_NEXT_PANE), "Tab", "keymap: the first key of a command");
	CHECK_STR(keymap_cmd_name(CMD_UNDO), "rückgängig", "keymap: German command names");
	CHECK_STR(keymap_cmd_label(CMD_SAVE), "Sichern", "keymap: the key line's label");
	CHECK(keymap_cmd_by_name("einfügen") == CMD_PASTE && keymap_cmd_by_name("paste") == -1,
	      "keymap: commands by their German name only");

	static const char *const good[] = {"^A", "M-x", "F12", "C-Left", "CS-Right", "S-PgDn",
	                                   "M-Up", "Backspace", "BTab", "Esc"};
	static const char *const bad[] = {"", "^a", "^Ä", "F13", "F0", "X-Left", "Strg-S", "M-",
	                                  "C-Tab", "Left "};
	int ok = 1;
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		ok &= keymap_key_valid(good[i]);
	CHECK(ok, "keymap: valid key names");
	ok = 1;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ok &= !keymap_key_valid(bad[i]);
	CHECK(ok, "keymap: invalid key names are refused");

	const char file[] = "# meine Tasten\r\n"
	                    "\n"
	                    "F2 = sichern\r\n"
	                    "^S = nichts\n"
	                    "F5 = fliegen\n"
	                    "^Ä = sichern\n"
	                    "ohne Gleichheitszeichen\n"
	                    "  M-u   =   rückgängig  \n"
	                    "^Z = wiederholen";
	struct strlist problems = STRLIST_INIT;
	CHECK(keymap_apply(km, file, sizeof file - 1, "/home/a/.config/antwort/tasten",
	                   &problems) == 0, "keymap: a file with wrong lines still applies");
	CHECK(keymap_lookup(km, "F2") == CMD_SAVE, "keymap: a new binding from the file");
	CHECK(keymap_lookup(km, "^S") == CMD_NONE, "keymap: 'nichts' unbinds a key");
	CHECK(keymap_lookup(km, "M-u") == CMD_UNDO, "keymap: spaces around the parts are allowed");
	CHECK(keymap_lookup(km, "^Z") == CMD_REDO, "keymap: the last line without newline counts");
	CHECK_STR(keymap_key_for(km, CMD_SAVE), "F2", "keymap: the key line follows the file");
	CHECK(problems.n == 3, "keymap: one problem per wrong line");
	if (problems.n == 3) {
		CHECK_STR(problems.v[0], "/home/a/.config/antwort/tasten, Zeile 5: Den Befehl „fliegen“ "
		          "gibt es nicht; die Hilfe (F1) zeigt alle Befehle – die Zeile wird übergangen.",
		          "keymap: an unknown command is named with its line");
		CHECK_STR(problems.v[1], "/home/a/.config/antwort/tasten, Zeile 6: Die Taste „^Ä“ kennt "
		          "antwort nicht (Beispiele: ^S, M-x, F5, C-Left) – die Zeile wird übergangen.",
		          "keymap: an unknown key is named with its line");
		CHECK_STR(problems.v[2], "/home/a/.config/antwort/tasten, Zeile 7: Hier fehlt das „=“; "
		          "schreiben Sie „TASTE = befehl“, etwa „^S = sichern“ – die Zeile wird übergangen.",
		          "keymap: a line without '=' is named with its line");
	}
	strlist_free(&problems);
	keymap_free(km);
}
