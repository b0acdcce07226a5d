/* view_help.c: the help screen, listing the key table. */
#include "view_help.h"
#include "buf.h"

#include <stdlib.h>

void help_show(struct app *a)
{
	struct buf b = BUF_INIT;
	int rc = buf_adds(&b,
		"Tasten von antwort. „^“ steht für Strg (^S ist Strg-S), „M-“ für Alt, "
		"„S-“ für Umschalt, „C-“ für Strg mit einer Pfeiltaste.\n"
		"Eigene Belegungen: Datei ~/.config/antwort/tasten, eine Zeile je Taste, "
		"etwa „^P = sichern“; die Namen der Befehle stehen hier in Klammern.\n\n");
	for (int c = CMD_NONE + 1; c < CMD_COUNT && !rc; c++) {
		const char *key = keymap_key_for(a->km, (enum keymap_cmd)c);
		rc |= buf_printf(&b, "%-12s %s (%s)\n", key ? key : "–",
		                 keymap_cmd_help((enum keymap_cmd)c), keymap_cmd_name((enum keymap_cmd)c));
	}
	rc |= buf_adds(&b,
		"\nMaus: ein Klick in die Fragenliste wählt eine Frage, ein Klick in die Antwort "
		"setzt den Cursor.\nIn der Fragenliste: · noch leer, ✓ beantwortet und gesichert, "
		"✎ seit dem letzten Sichern geändert.\n");
	if (!rc)
		app_view_text(a, "Hilfe – alle Tasten", b.s,
		              "Pfeiltasten/Bild: blättern   Esc oder F1: zurück", "");
	buf_free(&b);
}
