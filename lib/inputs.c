/*
 * The same input named twice (see tuff/inputs.h): each operand is
 * examined once, and the files sorted, so that a long command line
 * costs n log n comparisons rather than n².
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tuff/diag.h"
#include "tuff/inputs.h"

struct file {
	dev_t	dev;
	ino_t	ino;
	int	arg;		/* its place on the command line */
};

static int
cmp_file(const void *pa, const void *pb)
{
	const struct file *a = pa, *b = pb;

	if (a->dev != b->dev)
		return a->dev < b->dev ? -1 : 1;
	if (a->ino != b->ino)
		return a->ino < b->ino ? -1 : 1;
	return (a->arg > b->arg) - (a->arg < b->arg);
}

int
tuff_inputs_distinct(int argc, char *const argv[], struct tuff_error *e)
{
	struct file *f, *dup = NULL;
	struct stat st;
	int i, n = 0, dash = 0, rc;

	for (i = 0; i < argc; i++)
		if (strcmp(argv[i], "-") == 0 && dash++ > 0)
			return tuff_seterr(e, NULL, 0, 0, "standard input is "
			    "named twice; each input is read once");
	if (argc < 2)
		return 0;
	if ((f = calloc((size_t)argc, sizeof(*f))) == NULL)
		return tuff_seterr(e, NULL, 0, 0, "out of memory");
	for (i = 0; i < argc; i++) {
		rc = strcmp(argv[i], "-") == 0 ? fstat(STDIN_FILENO, &st) :
		    stat(argv[i], &st);
		if (rc == -1)
			continue;	/* the open will say why */
		f[n].dev = st.st_dev;
		f[n].ino = st.st_ino;
		f[n++].arg = i;
	}
	qsort(f, (size_t)n, sizeof(*f), cmp_file);
	/* Of the files named twice, the one named twice first. */
	for (i = 1; i < n; i++)
		if (f[i].dev == f[i - 1].dev && f[i].ino == f[i - 1].ino &&
		    (dup == NULL || f[i].arg < dup[0].arg))
			dup = &f[i];
	rc = 0;
	if (dup != NULL)
		rc = tuff_seterr(e, argv[dup->arg], 0, 0, "the same file as "
		    "%s, named before it; each input is read once",
		    strcmp(argv[dup[-1].arg], "-") == 0 ? "standard input" :
		    argv[dup[-1].arg]);
	free(f);
	return rc;
}
