/* test_ws_tls.c: libgit2 starts without parsing the system's CA
 * certificates, and they are loaded for real when a server is talked to
 * (src/ws_tls.c). */
#define _GNU_SOURCE
#include "harness.h"
#include "../../src/ws_internal.h"

#include <dlfcn.h>
#include <unistd.h>

#define CA_FILE "/etc/ssl/certs/ca-certificates.crt"

void test_ws_tls(void)
{
	git_libgit2_init();
	/* Only a libgit2 built with mbedTLS (Debian's) calls the loader, and
	 * only when the system has the bundle. */
	int mbedtls = dlsym(RTLD_DEFAULT, "mbedtls_ssl_conf_ca_chain") != NULL;
	if (!mbedtls || access(CA_FILE, R_OK) != 0) {
		SKIP("ws_tls: loading put off", "libgit2 without mbedTLS or no " CA_FILE);
		git_libgit2_shutdown();
		return;
	}
	if (ws_tls_loaded() != 0) {
		SKIP("ws_tls: loading put off", "certificates were loaded by an earlier test");
		git_libgit2_shutdown();
		return;
	}
	CHECK_STR(ws_tls_deferred(), CA_FILE, "ws_tls: libgit2's start only notes the CA file");
	CHECK(ws_tls_loaded() == 0, "ws_tls: nothing was parsed at start");
	CHECK(ws_tls_load(NULL) == 0, "ws_tls: loading on demand succeeds");
	CHECK(ws_tls_loaded() == 1, "ws_tls: the certificates were parsed by mbedTLS");
	CHECK_STR(ws_tls_deferred(), "", "ws_tls: nothing is left to load");
	CHECK(ws_tls_load(NULL) == 0 && ws_tls_loaded() == 1, "ws_tls: a second call loads nothing again");
	git_libgit2_shutdown();
}
