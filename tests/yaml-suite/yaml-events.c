/*
 * yaml-events FILE: print the events libyaml's parser reads from FILE,
 * one a line, in a canonical form close to the YAML test suite's
 * (+STR +DOC +MAP +SEQ =VAL -MAP ...), leaving out presentation:
 * scalar and collection styles and explicit document markers.
 * Exit 0 when libyaml accepts the file, 1 when it rejects it.
 *
 * With -s the scalar style is printed too (: ' " | >).
 * With -k it also says whether the stream is one the record reader must
 * accept (every document a mapping, no anchors or aliases, no complex or
 * duplicate keys): exit 0 if so, 3 if not.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <yaml.h>

#define MAXDEPTH 128
#define MAXKEYS 4096

struct level {
	int	 is_map;
	int	 expect_key;
	char	*keys[MAXKEYS];
	size_t	 lens[MAXKEYS];
	int	 nkeys;
};

static void
print_escaped(const unsigned char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		switch (s[i]) {
		case '\\': fputs("\\\\", stdout); break;
		case '\n': fputs("\\n", stdout); break;
		case '\t': fputs("\\t", stdout); break;
		case '\r': fputs("\\r", stdout); break;
		case '\b': fputs("\\b", stdout); break;
		case '\0': fputs("\\0", stdout); break;
		default: putchar(s[i]);
		}
}

static void
free_level(struct level *l)
{
	int i;

	for (i = 0; i < l->nkeys; i++)
		free(l->keys[i]);
	l->nkeys = 0;
}

int
main(int argc, char *argv[])
{
	yaml_parser_t p;
	yaml_event_t ev;
	struct level *stack;
	FILE *fp;
	int c, check = 0, styles = 0, plain = 1, depth = 0, done = 0, rc = 0, i;

	while ((c = getopt(argc, argv, "ks")) != -1) {
		if (c == 'k')
			check = 1;
		else if (c == 's')
			styles = 1;
		else
			return 2;
	}
	if (optind != argc - 1 || (fp = fopen(argv[optind], "rb")) == NULL) {
		fprintf(stderr, "usage: yaml-events [-ks] file\n");
		return 2;
	}
	stack = calloc(MAXDEPTH, sizeof(*stack));
	yaml_parser_initialize(&p);
	yaml_parser_set_input_file(&p, fp);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			rc = 1;
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_START_EVENT: puts("+STR"); break;
		case YAML_STREAM_END_EVENT: puts("-STR"); done = 1; break;
		case YAML_DOCUMENT_START_EVENT: puts("+DOC"); break;
		case YAML_DOCUMENT_END_EVENT: puts("-DOC"); break;
		case YAML_ALIAS_EVENT:
			printf("=ALI *%s\n", ev.data.alias.anchor);
			plain = 0;
			break;
		case YAML_SCALAR_EVENT:
			fputs("=VAL", stdout);
			if (ev.data.scalar.anchor)
				plain = 0;
			if (ev.data.scalar.tag)
				printf(" <%s>", ev.data.scalar.tag);
			fputc(' ', stdout);
			fputc(styles ? ":'\"|>"[ev.data.scalar.style > 0 ?
			    ev.data.scalar.style - 1 : 0] : ':', stdout);
			/* A plain "~" and an empty plain scalar are the same
			 * null; the writer uses "~" where empty would be
			 * quoted (in flow and as a key). */
			if (!styles && !ev.data.scalar.tag &&
			    ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
			    ev.data.scalar.length == 1 &&
			    ev.data.scalar.value[0] == '~')
				;
			else
				print_escaped(ev.data.scalar.value,
				    ev.data.scalar.length);
			putchar('\n');
			if (depth == 0)
				plain = 0;	/* a scalar document */
			break;
		case YAML_SEQUENCE_START_EVENT:
			fputs("+SEQ", stdout);
			if (ev.data.sequence_start.tag)
				printf(" <%s>", ev.data.sequence_start.tag);
			putchar('\n');
			if (ev.data.sequence_start.anchor || depth == 0)
				plain = 0;
			break;
		case YAML_MAPPING_START_EVENT:
			fputs("+MAP", stdout);
			if (ev.data.mapping_start.tag)
				printf(" <%s>", ev.data.mapping_start.tag);
			putchar('\n');
			if (ev.data.mapping_start.anchor)
				plain = 0;
			break;
		case YAML_SEQUENCE_END_EVENT: puts("-SEQ"); break;
		case YAML_MAPPING_END_EVENT: puts("-MAP"); break;
		default: break;
		}
		/* Track keys for the duplicate and complex-key check. */
		if (depth > 0 && depth < MAXDEPTH && stack[depth - 1].is_map &&
		    (ev.type == YAML_SCALAR_EVENT || ev.type == YAML_ALIAS_EVENT ||
		    ev.type == YAML_SEQUENCE_START_EVENT ||
		    ev.type == YAML_MAPPING_START_EVENT)) {
			struct level *l = &stack[depth - 1];

			if (l->expect_key) {
				if (ev.type != YAML_SCALAR_EVENT ||
				    l->nkeys == MAXKEYS)
					plain = 0;
				else {
					for (i = 0; i < l->nkeys; i++)
						if (l->lens[i] ==
						    ev.data.scalar.length &&
						    memcmp(l->keys[i],
						    ev.data.scalar.value,
						    l->lens[i]) == 0)
							plain = 0;
					l->keys[l->nkeys] = malloc(
					    ev.data.scalar.length + 1);
					memcpy(l->keys[l->nkeys],
					    ev.data.scalar.value,
					    ev.data.scalar.length);
					l->lens[l->nkeys++] =
					    ev.data.scalar.length;
				}
			}
			l->expect_key = !l->expect_key;
		}
		if (ev.type == YAML_SEQUENCE_START_EVENT ||
		    ev.type == YAML_MAPPING_START_EVENT) {
			if (depth < MAXDEPTH) {
				stack[depth].is_map =
				    ev.type == YAML_MAPPING_START_EVENT;
				stack[depth].expect_key = 1;
				stack[depth].nkeys = 0;
			} else
				plain = 0;
			depth++;
		} else if (ev.type == YAML_SEQUENCE_END_EVENT ||
		    ev.type == YAML_MAPPING_END_EVENT) {
			depth--;
			if (depth < MAXDEPTH)
				free_level(&stack[depth]);
		}
		yaml_event_delete(&ev);
	}
	for (i = 0; i < depth && i < MAXDEPTH; i++)
		free_level(&stack[i]);
	free(stack);
	yaml_parser_delete(&p);
	fclose(fp);
	if (rc != 0)
		return rc;
	return check && !plain ? 3 : 0;
}
