/*
 * Print the library's table of kinds and keys (tuff_schema_list), for
 * the test that holds tuff-records(5) to it.
 */
#include <stdio.h>

#include "tuff/schema.h"

int
main(void)
{
	return tuff_schema_list(stdout) == 0 ? 0 : 1;
}
