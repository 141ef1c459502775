/*
 * parse-emit-floor: parse YAML and emit every event again, with libyaml.
 *
 *	parse-emit-floor [file]
 *
 * The floor for a tool that passes records through: the cheapest way
 * to read and rewrite a stream with libyaml, emitted the way tuff's
 * writer emits (indent 2, unicode as itself).  Exit 2 on an unreadable
 * file, malformed YAML or a write error.
 */
#include <stdio.h>
#include <string.h>

#include <yaml.h>

/* Report the parser's or emitter's problem; returns 2. */
static int
fail(const yaml_parser_t *p, const yaml_emitter_t *e)
{
	if (p != NULL)
		fprintf(stderr, "parse-emit-floor: %lu:%lu: %s\n",
		    (unsigned long)p->problem_mark.line + 1,
		    (unsigned long)p->problem_mark.column + 1,
		    p->problem ? p->problem : "parse error");
	else
		fprintf(stderr, "parse-emit-floor: %s\n",
		    e->problem ? e->problem : "write error");
	return 2;
}

/* Parse and emit until the end of the stream; 0 or 2. */
static int
pass(yaml_parser_t *parser, yaml_emitter_t *emitter)
{
	yaml_event_t event;
	int done = 0;

	while (!done) {
		if (!yaml_parser_parse(parser, &event))
			return fail(parser, NULL);
		done = event.type == YAML_STREAM_END_EVENT;
		/* The emitter owns the event from here, failed or not. */
		if (!yaml_emitter_emit(emitter, &event))
			return fail(NULL, emitter);
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	yaml_parser_t parser;
	yaml_emitter_t emitter;
	FILE *fp = stdin;
	int rc;

	if (argc > 2) {
		fputs("usage: parse-emit-floor [file]\n", stderr);
		return 2;
	}
	if (argc == 2 && strcmp(argv[1], "-") != 0 &&
	    (fp = fopen(argv[1], "rb")) == NULL) {
		perror(argv[1]);
		return 2;
	}
	if (!yaml_parser_initialize(&parser))
		return 2;
	if (!yaml_emitter_initialize(&emitter)) {
		yaml_parser_delete(&parser);
		return 2;
	}
	yaml_parser_set_input_file(&parser, fp);
	yaml_emitter_set_output_file(&emitter, stdout);
	yaml_emitter_set_indent(&emitter, 2);
	yaml_emitter_set_unicode(&emitter, 1);
	rc = pass(&parser, &emitter);
	yaml_emitter_delete(&emitter);
	yaml_parser_delete(&parser);
	if (fp != stdin)
		fclose(fp);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		perror("parse-emit-floor: write error");
		rc = 2;
	}
	return rc;
}
