/* fileio.c: whole-file reads and atomic replacement. */
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int fileio_read(const char *path, struct buf *out, struct aw_error *err)
{
	return fileio_read_stamped(path, out, NULL, err);
}

/* 1 when two looks at a file saw the same bytes, as far as the file
 * system can tell. */
static int same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
	       a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

int fileio_read_stamped(const char *path, struct buf *out, struct fileio_stamp *stamp,
                        struct aw_error *err)
{
	int fd = strcmp(path, "-") ? open(path, O_RDONLY | O_CLOEXEC) : STDIN_FILENO;
	const char *name = strcmp(path, "-") ? path : "(Standardeingabe)";
	struct stat st;
	char chunk[65536];
	int rc = 0;

	if (stamp)
		stamp->valid = 0;
	if (fd < 0)
		return aw_fail(err, AW_EOPEN, name, aw_strerror(errno));
	if (fstat(fd, &st) != 0)
		memset(&st, 0, sizeof st);
	else if (S_ISDIR(st.st_mode)) {
		rc = aw_fail(err, AW_EISDIR, name, "");
		goto out;
	}
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = aw_fail(err, AW_EREAD, name, aw_strerror(errno));
			break;
		}
		if (n == 0)
			break;
		if (out->len + (size_t)n > FILEIO_MAX) {
			rc = aw_fail(err, AW_ETOOBIG, name, "mehr als 64 MiB");
			break;
		}
		if (buf_add(out, chunk, (size_t)n)) {
			rc = aw_fail(err, AW_ENOMEM, name, "");
			break;
		}
	}
out:
	if (stamp) {
		/* Written to while we read: the bytes may be neither version. */
		struct stat after;
		stamp->st = st;
		stamp->valid = !rc && fd != STDIN_FILENO && fstat(fd, &after) == 0 &&
		               S_ISREG(st.st_mode) && same_file(&st, &after);
	}
	if (fd != STDIN_FILENO)
		close(fd);
	return rc;
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

int fileio_write_atomic(const char *path, const char *data, size_t len,
                        struct aw_error *err)
{
	return fileio_write_atomic_stamped(path, data, len, NULL, err);
}

int fileio_write_atomic_stamped(const char *path, const char *data, size_t len,
                                struct fileio_stamp *stamp, struct aw_error *err)
{
	if (stamp)
		stamp->valid = 0;
	if (!strcmp(path, "-")) {
		if (write_all(STDOUT_FILENO, data, len))
			return aw_fail(err, AW_ESTDOUT, "", aw_strerror(errno));
		return 0;
	}

	/* Through a symbolic link, the file it points to is replaced; the
	 * link stays a link. */
	const char *name = path;
	char *real = NULL;
	struct stat lst;
	if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode) && (real = realpath(path, NULL)))
		path = real;
	size_t pl = strlen(path);
	char *tmp = malloc(pl + 16);
	char *dir = malloc(pl + 2);
	int fd = -1, rc = 0, saved;
	if (!tmp || !dir) {
		rc = aw_fail(err, AW_ENOMEM, name, "");
		goto out;
	}
	/* The temporary file sits beside the target: rename() is atomic only
	 * within one file system. */
	snprintf(tmp, pl + 16, "%s.tmp.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		rc = aw_fail(err, AW_EWRITE, name, aw_strerror(errno));
		goto out;
	}
	/* Keep the permissions of the file being replaced, else the usual
	 * ones for a new file (mkstemp makes it private). */
	struct stat st;
	mode_t mode;
	if (stat(path, &st) == 0) {
		mode = st.st_mode & 07777;
		/* Keep the owner too. Only root may change it, and for anyone
		 * else the file is already theirs, so a refusal changes nothing. */
		int ignored = fchown(fd, st.st_uid, st.st_gid);
		(void)ignored;
	} else {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	if (fchmod(fd, mode) || write_all(fd, data, len) || fsync(fd)) {
		saved = errno;
		close(fd);
		unlink(tmp);
		rc = aw_fail(err, AW_EWRITE, name, aw_strerror(saved));
		goto out;
	}
	if (rename(tmp, path)) {
		saved = errno;
		close(fd);
		unlink(tmp);
		rc = aw_fail(err, AW_EWRITE, name, aw_strerror(saved));
		goto out;
	}
	/* The stamp of the file under its name (a rename may change its
	 * ctime), from our descriptor, so that it is never someone else's. */
	if (stamp)
		stamp->valid = fstat(fd, &stamp->st) == 0;
	if (close(fd)) {
		rc = aw_fail(err, AW_EWRITE, name, aw_strerror(errno));
		goto out;
	}
	/* Make the rename itself durable. */
	memcpy(dir, path, pl + 1);
	char *slash = strrchr(dir, '/');
	if (slash)
		slash[slash == dir ? 1 : 0] = '\0';
	else
		strcpy(dir, ".");
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
out:
	free(tmp);
	free(dir);
	free(real);
	return rc;
}
