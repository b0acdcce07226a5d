/* fuzz_reader.c: libFuzzer target for the reader and the writer.
 *
 * Any input must be read without a crash, a leak or undefined behaviour,
 * and what is written must settle. The fixtures settle at once (the suite
 * checks that); on invented text the cleaning's guesses may take further
 * passes (a question line without a final "?" followed by a paragraph
 * reads like hard-wrapped text), so this asks that the text settles
 * within three rewrites. Run with `make fuzz`. */
#include "buf.h"
#include "reader.h"
#include "writer.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reads text as one inquiry and writes it; 0 when it could not be read. */
static int rewrite(const char *text, size_t len, struct buf *out)
{
	struct inquiry q;
	struct aw_error err;
	if (reader_read(text, len, "fuzz", NULL, &q, &err))
		return 0;
	int ok = writer_write(&q, out) == 0;
	inquiry_free(&q);
	return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct inquiry *all;
	size_t n;
	struct aw_error err;
	if (reader_read_all((const char *)data, size, "fuzz", NULL, &all, &n, &err))
		return 0;
	for (size_t i = 0; i < n; i++) {
		struct buf w[5] = {BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT};
		int ok = writer_write(&all[i], &w[0]) == 0;
		for (int k = 1; k < 5 && ok; k++)
			ok = rewrite(w[k - 1].s ? w[k - 1].s : "", w[k - 1].len, &w[k]);
		if (ok && (w[4].len != w[3].len || memcmp(w[4].s, w[3].s, w[3].len)))
			abort();
		for (int k = 0; k < 5; k++)
			buf_free(&w[k]);
		inquiry_free(&all[i]);
	}
	free(all);
	return 0;
}
