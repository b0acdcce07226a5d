/* ws_tls.c: loads the system's CA certificates when a command first
 * talks to a server, not when libgit2 starts.
 *
 * Why: Debian 12's libgit2 1.5.1 is built with mbedTLS, and its
 * git_libgit2_init() parses the whole CA bundle (144 certificates, base64
 * and ASN.1) for every process: about 7 ms and a fifth of `antwort save`,
 * `log` and `diff` (callgrind, docs/development.md "Benchmarks"), though
 * only `antwort sync` with an https:// remote ever needs a certificate.
 * libgit2 offers no way to skip it, so this file defines the one mbedTLS
 * function libgit2 calls for it. The binary exports the symbol (Makefile:
 * --export-dynamic-symbol), so the dynamic linker binds libgit2's call to
 * this definition rather than libmbedx509's. Until ws_tls_load() is
 * called it notes the file and loads nothing; afterwards it passes every
 * call on to mbedTLS's own function.
 *
 * Where libgit2 is built with OpenSSL, or the symbol is not exported,
 * nothing is deferred and nothing changes. */
#define _GNU_SOURCE
#include "ws_internal.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

/* mbedTLS's MBEDTLS_ERR_X509_FILE_IO_ERROR: what its own function answers
 * when the file cannot be read (its headers are not needed otherwise). */
#define X509_FILE_IO_ERROR (-0x2900)

static int load_now;
static char deferred[PATH_MAX];
static unsigned loaded;

int mbedtls_x509_crt_parse_file(void *chain, const char *path);

int mbedtls_x509_crt_parse_file(void *chain, const char *path)
{
	if (!load_now) {
		snprintf(deferred, sizeof deferred, "%s", path ? path : "");
		return 0;
	}
	/* POSIX guarantees dlsym's pointer converts to a function's; ISO C
	 * does not, hence the copy. */
	void *sym = dlsym(RTLD_NEXT, "mbedtls_x509_crt_parse_file");
	int (*real)(void *, const char *);
	if (!sym)
		return X509_FILE_IO_ERROR;
	memcpy(&real, &sym, sizeof real);
	int rc = real(chain, path);
	if (rc == 0)
		loaded++;
	return rc;
}

int ws_tls_load(void)
{
	load_now = 1;
	if (!deferred[0])
		return 0;
	/* libgit2 makes a new chain from the file and puts it in place of
	 * the empty one it made at start. */
	char file[PATH_MAX];
	snprintf(file, sizeof file, "%s", deferred);
	deferred[0] = '\0';
	return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, NULL) < 0 ? -1 : 0;
}

const char *ws_tls_deferred(void)
{
	return deferred;
}

unsigned ws_tls_loaded(void)
{
	return loaded;
}
