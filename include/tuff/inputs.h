/*
 * The file operands of a run, checked before any is read: the same
 * input named twice (SPEC §2) would count every record twice, or, for
 * standard input, read nothing the second time.
 */
#ifndef TUFF_INPUTS_H
#define TUFF_INPUTS_H

#include "tuff.h"

/*
 * 0 when no two operands are the same file (the same device and inode,
 * however they are named: "a.yaml" and "./a.yaml", a link, "-" and
 * /dev/stdin) and "-" is there at most once; -1 with e filled (at the
 * second name) otherwise.  An operand that cannot be examined is left
 * for the open to report.
 */
int	tuff_inputs_distinct(int argc, char *const argv[],
	    struct tuff_error *e);

#endif
