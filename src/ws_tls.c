/* ws_tls.c: loads the system's CA certificates when a command first
 * talks to a server, not when libgit2 starts.
 *
 * Why: Debian 12's libgit2 1.5.1 is built with mbedTLS, and its
 * git_libgit2_init() parses the whole CA bundle (144 certificates, base64
 * and ASN.1) for every process: about 7 ms and a fifth of `antwort save`,
 * `log` and `diff` (callgrind, docs/development.md "Benchmarks"), though
 * only `antwort sync` with an https:// remote ever needs a certificate.
 * libgit2 offers no way to skip it, so this file defines the mbedTLS
 * functions libgit2 calls for it. The binary exports them (Makefile:
 * --export-dynamic-symbol), so the dynamic linker binds libgit2's calls to
 * these definitions rather than libmbedx509's. Until ws_tls_load() is
 * called they note what was asked for and load nothing; afterwards they
 * pass every call on to mbedTLS's own functions.
 *
 * libgit2 1.5.1 loads either a file (Debian's ca-certificates.crt) or a
 * folder of certificates, so both loaders are stood in for; only the
 * first request is put off, every later one (mbedTLS's folder loader
 * reading its files, a second start) passes straight on. Where libgit2
 * is built with OpenSSL, or the symbols are not exported, they are never
 * called and nothing changes. */
#define _GNU_SOURCE
#include "ws_internal.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

/* mbedTLS's MBEDTLS_ERR_X509_FILE_IO_ERROR: what its own functions answer
 * when a file cannot be read (its headers are not needed otherwise). */
#define X509_FILE_IO_ERROR (-0x2900)

/* What libgit2's start asked for and did not get yet: a file or a folder
 * of certificates (libgit2 1.5.1 asks for one of the two). */
static int load_now;
static char deferred_file[PATH_MAX], deferred_dir[PATH_MAX];
static unsigned loaded;

/* Both loaders take a certificate chain and a file or folder name. */
typedef int loader(void *chain, const char *path);
loader mbedtls_x509_crt_parse_file, mbedtls_x509_crt_parse_path;

/* mbedTLS's own loader of that name (found after ours, in libmbedx509). */
static loader *real(const char *name)
{
	/* POSIX guarantees dlsym's pointer converts to a function's; ISO C
	 * does not, hence the copy. */
	void *sym = dlsym(RTLD_NEXT, name);
	loader *fn = NULL;
	if (sym)
		memcpy(&fn, &sym, sizeof fn);
	return fn;
}

/* Puts off the first request, passes every other one on: mbedTLS's own
 * parse_path calls parse_file for each file of the folder, and those
 * must load. */
static int defer_or_load(const char *name, char *slot, void *chain, const char *path)
{
	if (!load_now && !deferred_file[0] && !deferred_dir[0] && path) {
		snprintf(slot, PATH_MAX, "%s", path);
		return 0;
	}
	loader *fn = real(name);
	if (!fn)
		return X509_FILE_IO_ERROR;
	int rc = fn(chain, path);
	if (rc >= 0 && load_now)
		loaded++;
	return rc;
}

int mbedtls_x509_crt_parse_file(void *chain, const char *path)
{
	return defer_or_load("mbedtls_x509_crt_parse_file", deferred_file, chain, path);
}

int mbedtls_x509_crt_parse_path(void *chain, const char *path)
{
	return defer_or_load("mbedtls_x509_crt_parse_path", deferred_dir, chain, path);
}

int ws_tls_load(struct aw_error *err)
{
	load_now = 1;
	if (!deferred_file[0] && !deferred_dir[0])
		return 0;
	/* libgit2 makes a new chain from the file or folder and puts it in
	 * place of the empty one it made at start. */
	char file[PATH_MAX], dir[PATH_MAX];
	snprintf(file, sizeof file, "%s", deferred_file);
	snprintf(dir, sizeof dir, "%s", deferred_dir);
	deferred_file[0] = deferred_dir[0] = '\0';
	if (git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file[0] ? file : NULL,
	                     dir[0] ? dir : NULL) == 0)
		return 0;
	const git_error *e = git_error_last();
	return aw_fail(err, AW_ECERTS, file[0] ? file : dir, e && e->message ? e->message : "");
}

const char *ws_tls_deferred(void)
{
	return deferred_file[0] ? deferred_file : deferred_dir;
}

unsigned ws_tls_loaded(void)
{
	return loaded;
}
