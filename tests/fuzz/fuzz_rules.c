/*
 * libFuzzer target for tbls-check --rules FILE (lib/rules.c).
 *
 * Whatever the bytes: loading them as a rules file ends without a
 * crash, a leak or a read out of bounds; a refused file leaves the
 * configuration exactly as it was (tbls_config_load's promise), with
 * a message; an accepted one leaves every severity one of the four,
 * and loading it a second time changes nothing more.  The rulebook is
 * then written, as --list-rules does.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/diag.h"
#include "tuff/tbls.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
finding(const char *what)
{
	fprintf(stdout, "fuzz_rules: %s\n", what);
	fflush(stdout);
	abort();
}

/* Load data into cfg: what tbls_config_load returned. */
static int
load(struct tbls_config *cfg, const uint8_t *data, size_t size,
    struct tuff_error *e)
{
	FILE *fp;
	int rc;

	/* fmemopen wants a buffer, even for nothing. */
	if ((fp = fmemopen(size > 0 ? (void *)(uintptr_t)data : "", size,
	    "r")) == NULL)
		abort();
	memset(e, 0, sizeof(*e));
	rc = tbls_config_load(cfg, fp, "rules.yaml", e);
	fclose(fp);
	return rc;
}

/* Field by field: struct padding is not part of a configuration. */
static int
same(const struct tbls_config *a, const struct tbls_config *b)
{
	return memcmp(a->severity, b->severity, sizeof(a->severity)) == 0 &&
	    a->as_of == b->as_of && a->stale_days == b->stale_days;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tbls_config cfg, before, again;
	struct tuff_error e;
	FILE *out;
	size_t i;

	tbls_config_init(&cfg, 0);
	before = cfg;
	if (load(&cfg, data, size, &e) == -1) {
		if (!same(&cfg, &before))
			finding("a refused file changed the configuration");
		if (e.msg[0] == '\0')
			finding("a refusal without a message");
		return 0;
	}
	for (i = 0; i < TBLS_MAX_RULES; i++)
		if (cfg.severity[i] != TBLS_OFF &&
		    cfg.severity[i] != TBLS_NOTE &&
		    cfg.severity[i] != TBLS_WARNING &&
		    cfg.severity[i] != TBLS_ERROR)
			finding("a severity out of range");
	again = cfg;
	if (load(&again, data, size, &e) == -1)
		finding("a file accepted once is refused the second time");
	if (!same(&cfg, &again))
		finding("loading the file twice changed more than once");
	if ((out = fopen("/dev/null", "w")) == NULL)
		abort();
	if (tbls_list_rules(out, &cfg) == -1)
		finding("the rulebook could not be written");
	fclose(out);
	return 0;
}
