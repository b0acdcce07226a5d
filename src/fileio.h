/* fileio.h: reading a whole file and replacing one atomically.
 * The only module of the model that touches the file system. */
#ifndef ANTWORT_FILEIO_H
#define ANTWORT_FILEIO_H

#include <sys/stat.h>

#include "buf.h"
#include "error.h"

/* Largest file antwort reads: a Große Anfrage with all its answers is a
 * few hundred kilobytes, so anything far larger is the wrong file. */
#define FILEIO_MAX (64u << 20)

/* Reads the file at path ("-" for standard input) into out.
 * 0, AW_EOPEN, AW_EREAD, AW_EISDIR, AW_ETOOBIG or AW_ENOMEM. */
int fileio_read(const char *path, struct buf *out, struct aw_error *err);

/* What the file system said of a file as antwort read or wrote it. With
 * it, the workspace's git index can record the file without reading and
 * hashing it again, as git does. valid is 0 when there is nothing to go
 * by: the file changed while it was read, or it is standard input. */
struct fileio_stamp {
	struct stat st;
	int valid;
};

/* fileio_read(), also filling *stamp. */
int fileio_read_stamped(const char *path, struct buf *out, struct fileio_stamp *stamp,
                        struct aw_error *err);

/* Replaces path with data[0..len): a temporary file in the same folder,
 * written, flushed to disk and renamed over path, so that a crash or a
 * full disk leaves either the old or the new file, never a torn one.
 * "-" writes to standard output. 0 or AW_EWRITE. */
int fileio_write_atomic(const char *path, const char *data, size_t len,
                        struct aw_error *err);

/* fileio_write_atomic(), also filling *stamp with the new file's (taken
 * from the open file after the rename, so it is always ours). */
int fileio_write_atomic_stamped(const char *path, const char *data, size_t len,
                                struct fileio_stamp *stamp, struct aw_error *err);

#endif
