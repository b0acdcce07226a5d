/* view_help.c: the help screen, listing the key table. */
#include "view_help.h"
#include "buf.h"

#include <stdlib.h>
#include <string.h>

void help_show(struct app *a)
{
	struct buf b = BUF_INIT;
	int rc = buf_adds(&b,
		"Tasten von antwort. „^“ steht für Strg (^S ist Strg-S), „M-“ für Alt, "
		"„S-“ für Umschalt, „C-“ für Strg mit einer Pfeiltaste.\n"
		"Eigene Belegungen: Datei ~/.config/antwort/tasten, eine Zeile je Taste, "
		"etwa „^P = sichern“; die Namen der Befehle stehen hier in Klammern.\n\n");
	for (int c = CMD_NONE + 1; c < CMD_COUNT && !rc; c++) {
		const char *keys[8];
		size_t n = keymap_keys_for(a->km, (enum keymap_cmd)c, keys, 8);
		/* Every key of the command, padded by characters, not bytes. */
		size_t chars = 0;
		if (!n)
			rc |= buf_adds(&b, "–"), chars = 1;
		for (size_t k = 0; k < n; k++) {
			rc |= buf_printf(&b, "%s%s", k ? ", " : "", keys[k]);
			chars += strlen(keys[k]) + (k ? 2 : 0);
		}
		do
			rc |= buf_addc(&b, ' ');
		while (++chars < 14);
		rc |= buf_printf(&b, "%s (%s)\n", keymap_cmd_help((enum keymap_cmd)c),
		                 keymap_cmd_name((enum keymap_cmd)c));
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
