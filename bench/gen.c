/* gen.c: the benchmark's data, deterministic (a fixed xorshift PRNG and a
 * fixed word list), so that every run measures the same bytes.
 *
 *   gen doc QUESTIONS WORDS
 *       an inquiry in the canonical layout on stdout: QUESTIONS questions
 *       and about WORDS words of answer text
 *   gen history QUESTIONS WORDS VERSIONS PARENT PATH
 *       a `git fast-import` stream on stdout: VERSIONS commits on
 *       refs/heads/main after PARENT (a commit id), each changing one word
 *       of the answer text of PATH and carrying the message and trailer
 *       `antwort save` writes ("Antwort zu Frage N überarbeitet",
 *       "Antworten: N"); fixed author, timestamps one minute apart.
 *
 * Every word in the list is one the German dictionary accepts, so the
 * spelling check measures checking, not suggesting. Developer tool only:
 * plain C, no dependencies. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const words[] = {
	"der", "die", "das", "und", "oder", "mit", "von", "auf", "für", "im", "in", "an",
	"zu", "bei", "nach", "über", "unter", "zwischen", "sowie", "auch", "noch", "bereits",
	"derzeit", "bisher", "insgesamt", "jährlich", "rund", "etwa", "weitere", "neue",
	"öffentlichen", "zuständigen", "bremischen", "städtischen", "geplanten", "ersten",
	"Senat", "Senatorin", "Behörde", "Verwaltung", "Bürgerschaft", "Stadt", "Land",
	"Bund", "Gemeinde", "Haushalt", "Mittel", "Kosten", "Förderung", "Programm",
	"Maßnahmen", "Planung", "Umsetzung", "Verfahren", "Prüfung", "Ergebnis", "Bericht",
	"Angaben", "Zahl", "Jahr", "Jahren", "Monate", "Prozent", "Euro", "Stellen",
	"Schulen", "Kinder", "Eltern", "Betriebe", "Unternehmen", "Fahrzeuge", "Busse",
	"Linien", "Verkehr", "Nahverkehr", "Radwege", "Straßen", "Wohnungen", "Gebäude",
	"Personal", "Beschäftigte", "Ausbildung", "Beratung", "Gesundheit", "Umwelt",
	"Klimaschutz", "Energie", "Wasserstoff", "Versorgung", "Sicherheit", "Polizei",
	"Feuerwehr", "Gericht", "Gesetz", "Verordnung", "Richtlinie", "Rahmen", "Grundlage",
	"Entwicklung", "Erfahrungen", "Auswertung", "Überprüfung", "Vergleich", "Anteil",
	"Bedarf", "Umfang", "Ziel", "Zeitraum", "Stand", "Antrag", "Anträge", "Vorhaben",
	"Projekt", "Projekte", "Einrichtungen", "Träger", "Hersteller", "Betriebshof",
	"wird", "werden", "wurde", "wurden", "ist", "sind", "hat", "haben", "liegt", "liegen",
	"setzt", "plant", "prüft", "fördert", "erfolgt", "beträgt", "bleibt", "entscheidet",
	"berücksichtigt", "eingesetzt", "geprüft", "umgesetzt", "beantragt", "bewilligt",
	"erfasst", "gemeldet", "gefördert", "geplant", "erhöht", "gesenkt", "verbessert",
	"nicht", "nur", "vor", "allem", "damit", "dabei", "hierzu", "zudem", "ferner",
	"ausschließlich", "überwiegend", "vollständig", "voraussichtlich", "regelmäßig",
	"zwei", "drei", "vier", "zwölf", "hundert",
};
#define NWORDS (sizeof words / sizeof words[0])

static unsigned long long rng = 88172645463325252ULL;
static unsigned next(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* The answer text: word indices, with a flag per word: 1 ends a sentence,
 * 2 ends a paragraph. Each question owns a contiguous stretch. */
static unsigned short *aw;
static unsigned char *flag;
static size_t *first; /* first[q] .. first[q+1]-1 belong to answer q */
static int nq;

static void build(int questions, long total)
{
	nq = questions;
	long per = total / questions < 12 ? 12 : total / questions;
	size_t n = (size_t)per * (size_t)questions;
	aw = malloc(n * sizeof *aw);
	flag = calloc(n, 1);
	first = malloc((size_t)(questions + 1) * sizeof *first);
	if (!aw || !flag || !first) {
		fputs("gen: out of memory\n", stderr);
		exit(2);
	}
	size_t i = 0;
	for (int q = 0; q < questions; q++) {
		first[q] = i;
		size_t end = i + (size_t)per;
		int sent = 0, paras = 0;
		while (i < end) {
			size_t len = 8 + next(9);
			if (i + len > end || end - (i + len) < 6)
				len = end - i;
			for (size_t k = 0; k < len; k++)
				do
					aw[i + k] = (unsigned short)next(NWORDS);
				while (i + k > first[q] && aw[i + k] == aw[i + k - 1]);
			i += len;
			flag[i - 1] = 1;
			if (++sent >= 3 + (int)next(3) || i == end) {
				flag[i - 1] = 2;
				sent = 0;
				paras++;
			}
		}
	}
	first[questions] = i;
}

static void put_word(FILE *f, const char *w, int cap)
{
	if (cap && w[0] >= 'a' && w[0] <= 'z') {
		fputc(w[0] - 'a' + 'A', f);
		fputs(w + 1, f);
	} else {
		fputs(w, f);
	}
}

static void render(FILE *f)
{
	fputs("Vorlage für die Sitzung des Senats am 14.5.2024\n\n"
	      "„Große Anfrage – Drs. 21/999 “Leistungsfähigkeit der bremischen Verwaltung““\n\n"
	      "Die Fraktion der CDU hat folgende Große Anfrage an den Senat gestellt:\n\n"
	      "„Wir fragen den Senat:\n\n", f);
	unsigned long long saved = rng;
	rng = 1442695040888963407ULL;
	for (int q = 0; q < nq; q++) {
		fprintf(f, "%d. Wie viele ", q + 1);
		int len = 6 + (int)next(6);
		unsigned prev = NWORDS;
		for (int k = 0; k < len; k++) {
			unsigned w;
			do
				w = next(NWORDS);
			while (w == prev);
			prev = w;
			if (k)
				fputc(' ', f);
			fputs(words[w], f);
		}
		fputs(q + 1 == nq ? "?“\n\n" : "?\n", f);
	}
	rng = saved;
	fputs("Der Senat beantwortet die Große Anfrage wie folgt:\n", f);
	for (int q = 0; q < nq; q++) {
		fprintf(f, "\nZu Frage %d:\n\n", q + 1);
		int cap = 1;
		for (size_t i = first[q]; i < first[q + 1]; i++) {
			put_word(f, words[aw[i]], cap);
			cap = flag[i] != 0;
			if (flag[i] == 2)
				fputs(i + 1 == first[q + 1] ? ".\n" : ".\n\n", f);
			else
				fputs(flag[i] ? ". " : " ", f);
		}
	}
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "doc")) {
		build(atoi(argv[2]), atol(argv[3]));
		render(stdout);
		return ferror(stdout) || fflush(stdout) ? 2 : 0;
	}
	if (argc == 7 && !strcmp(argv[1], "history")) {
		build(atoi(argv[2]), atol(argv[3]));
		long versions = atol(argv[4]);
		char *doc = NULL, msg[128];
		size_t size = 0;
		long when = 1717000000;
		for (long v = 0; v < versions; v++) {
			size_t i = first[0] + next((unsigned)(first[nq] - first[0]));
			unsigned short w;
			do
				w = (unsigned short)next(NWORDS);
			while (w == aw[i] || (i > 0 && w == aw[i - 1]) || (i + 1 < first[nq] && w == aw[i + 1]));
			aw[i] = w;
			int q = 0;
			while (first[q + 1] <= i)
				q++;
			FILE *m = open_memstream(&doc, &size);
			if (!m)
				return 2;
			render(m);
			fclose(m);
			int ml = snprintf(msg, sizeof msg, "Antwort zu Frage %d überarbeitet\n\nAntworten: %d\n",
			                  q + 1, q + 1);
			when += 60;
			printf("commit refs/heads/main\n"
			       "author Bench Mark <bench@example.org> %ld +0000\n"
			       "committer Bench Mark <bench@example.org> %ld +0000\n"
			       "data %d\n%s", when, when, ml, msg);
			if (v == 0)
				printf("from %s\n", argv[5]);
			printf("M 100644 inline %s\ndata %zu\n", argv[6], size);
			fwrite(doc, 1, size, stdout);
			fputc('\n', stdout);
			free(doc);
			doc = NULL;
		}
		return ferror(stdout) || fflush(stdout) ? 2 : 0;
	}
	fputs("Aufruf: gen doc FRAGEN WOERTER | gen history FRAGEN WOERTER VERSIONEN ELTERN PFAD\n", stderr);
	return 1;
}
