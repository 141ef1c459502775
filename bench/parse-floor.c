/*
 * parse-floor: parse YAML with libyaml's event API and do nothing else.
 *
 *	parse-floor [file]
 *
 * The floor any libyaml tool stands on: a tool reading the same input
 * cannot be faster than this, so benchmarks report a tool's time as a
 * ratio to it.  Prints the number of events, so the work is not for
 * nothing; exit 2 on an unreadable file or malformed YAML.
 */
#include <stdio.h>
#include <string.h>

#include <yaml.h>

int
main(int argc, char *argv[])
{
	yaml_parser_t parser;
	yaml_event_t event;
	unsigned long long nevents = 0;
	FILE *fp = stdin;
	int done = 0;

	if (argc > 2) {
		fputs("usage: parse-floor [file]\n", stderr);
		return 2;
	}
	if (argc == 2 && strcmp(argv[1], "-") != 0 &&
	    (fp = fopen(argv[1], "rb")) == NULL) {
		perror(argv[1]);
		return 2;
	}
	if (!yaml_parser_initialize(&parser)) {
		fputs("parse-floor: out of memory\n", stderr);
		return 2;
	}
	yaml_parser_set_input_file(&parser, fp);
	while (!done) {
		if (!yaml_parser_parse(&parser, &event)) {
			fprintf(stderr, "parse-floor: %lu:%lu: %s\n",
			    (unsigned long)parser.problem_mark.line + 1,
			    (unsigned long)parser.problem_mark.column + 1,
			    parser.problem ? parser.problem : "parse error");
			yaml_parser_delete(&parser);
			return 2;
		}
		done = event.type == YAML_STREAM_END_EVENT;
		nevents++;
		yaml_event_delete(&event);
	}
	yaml_parser_delete(&parser);
	if (fp != stdin)
		fclose(fp);
	printf("%llu events\n", nevents);
	return 0;
}
