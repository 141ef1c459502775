/*
 * Unit tests for the SVG writer: scales round half away from zero and
 * clamp, every element is written exactly (so charts are the same
 * bytes everywhere), text is escaped and cut by characters, axes put a
 * line and a label at each step.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tuff/svg.h"

/* What f wrote into a fresh buffer equals want. */
#define EXPECT(want, call) do {					\
	struct tuff_buf b;						\
	tuff_buf_init(&b);						\
	call;								\
	assert_false(b.err);						\
	assert_string_equal(b.len > 0 ? b.data : "", want);		\
	tuff_buf_free(&b);						\
} while (0)

static void
test_map(void **state)
{
	struct svg_scale x = { 0, 1000, 100, 300 };	/* 0..100 in tenths */
	struct svg_scale y = { 1, 5, 200, 40 };		/* up is smaller */
	struct svg_scale flat = { 7, 7, 50, 90 };
	struct svg_scale odd = { 0, 3, 0, 10 };

	(void)state;
	assert_int_equal(svg_map(&x, 0), 100);
	assert_int_equal(svg_map(&x, 1000), 300);
	assert_int_equal(svg_map(&x, 851), 270);	/* 270.2 */
	assert_int_equal(svg_map(&x, 825), 265);	/* 265 exactly */
	assert_int_equal(svg_map(&x, -5), 100);		/* clamped */
	assert_int_equal(svg_map(&x, 5000), 300);
	assert_int_equal(svg_map(&y, 1), 200);
	assert_int_equal(svg_map(&y, 5), 40);
	assert_int_equal(svg_map(&y, 3), 120);
	assert_int_equal(svg_map(&flat, 7), 50);
	/* Halves round away from zero, in both directions. */
	assert_int_equal(svg_map(&odd, 1), 3);		/* 3.33 */
	assert_int_equal(svg_map(&odd, 2), 7);		/* 6.67 */
	odd.p1 = -10;
	assert_int_equal(svg_map(&odd, 1), -3);
	odd.hi = 4;
	odd.p1 = 10;
	assert_int_equal(svg_map(&odd, 1), 3);		/* 2.5 -> 3 */
	odd.p1 = -10;
	assert_int_equal(svg_map(&odd, 1), -3);		/* -2.5 -> -3 */
}

static void
test_shapes(void **state)
{
	struct svg_point p[3] = { { 1, 2 }, { 3, 4 }, { 5, 6 } };

	(void)state;
	EXPECT("<line x1=\"1\" y1=\"2\" x2=\"3\" y2=\"4\" class=\"grid\"/>\n",
	    svg_line(&b, 1, 2, 3, 4, "grid"));
	EXPECT("<rect x=\"1\" y=\"2\" width=\"3\" height=\"4\"/>\n",
	    svg_rect(&b, 1, 2, 3, 4, NULL));
	EXPECT("<rect x=\"1\" y=\"2\" width=\"0\" height=\"0\" class=\"bar\"/>\n",
	    svg_rect(&b, 1, 2, -3, -4, "bar"));
	EXPECT("<circle cx=\"5\" cy=\"6\" r=\"4\" class=\"dot\"/>\n",
	    svg_circle(&b, 5, 6, 4, "dot"));
	EXPECT("<polyline points=\"1,2 3,4 5,6\" class=\"line\"/>\n",
	    svg_polyline(&b, p, 3, "line"));
	EXPECT("", svg_polyline(&b, p, 0, "line"));
	EXPECT("<g class=\"axis\">\n</g>\n",
	    (svg_group(&b, "axis"), svg_group_end(&b)));
	/* Class names are escaped too. */
	EXPECT("<circle cx=\"0\" cy=\"0\" r=\"1\" class=\"a&quot;b\"/>\n",
	    svg_circle(&b, 0, 0, 1, "a\"b"));
}

static void
test_begin(void **state)
{
	(void)state;
	EXPECT("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" "
	    "height=\"150\" viewBox=\"0 0 300 150\" role=\"img\">\n"
	    "<title>Delindex 2021, &lt;script&gt;</title>\n"
	    "<desc>Motivation: 84,0; &quot;x&quot; &amp; y</desc>\n"
	    "</svg>\n",
	    (svg_begin(&b, 300, 150, "Delindex 2021, <script>",
	    "Motivation: 84,0; \"x\" & y"), svg_end(&b)));
}

static void
test_text(void **state)
{
	(void)state;
	EXPECT("<text x=\"4\" y=\"19\">Motivation</text>\n",
	    svg_text(&b, 4, 19, SVG_START, NULL, "Motivation"));
	EXPECT("<text x=\"4\" y=\"19\" text-anchor=\"middle\" class=\"tick\">"
	    "2018</text>\n",
	    svg_text(&b, 4, 19, SVG_MIDDLE, "tick", "2018"));
	EXPECT("<text x=\"4\" y=\"19\" text-anchor=\"end\">&lt;script&gt;"
	    "alert(1)&lt;/script&gt;</text>\n",
	    svg_text(&b, 4, 19, SVG_END, NULL, "<script>alert(1)</script>"));
	/* Short enough: as is. */
	EXPECT("<text x=\"0\" y=\"0\">Vänta</text>\n",
	    svg_text_max(&b, 0, 0, SVG_START, NULL, "Vänta", 5));
	EXPECT("<text x=\"0\" y=\"0\">Vänta</text>\n",
	    svg_text_max(&b, 0, 0, SVG_START, NULL, "Vänta", 0));
	/* Cut by characters (å is one), the whole text in a title. */
	EXPECT("<text x=\"0\" y=\"0\"><title>Åtgärda &amp; avsluta</title>"
	    "Åtg…</text>\n",
	    svg_text_max(&b, 0, 0, SVG_START, NULL, "Åtgärda & avsluta", 4));
	EXPECT("<text x=\"0\" y=\"0\"><title>&lt;&lt;&lt;</title>&lt;…</text>\n",
	    svg_text_max(&b, 0, 0, SVG_START, NULL, "<<<", 2));
}

static void
label(char *buf, size_t size, long v)
{
	snprintf(buf, size, "%ld", v / 10);
}

static void
test_axes(void **state)
{
	struct svg_scale y = { 500, 1000, 100, 0 };
	struct svg_scale x = { 0, 10, 0, 100 };

	(void)state;
	EXPECT("<g class=\"axis\">\n"
	    "<line x1=\"40\" y1=\"100\" x2=\"300\" y2=\"100\" class=\"base\"/>\n"
	    "<text x=\"34\" y=\"104\" text-anchor=\"end\" class=\"tick\">50"
	    "</text>\n"
	    "<line x1=\"40\" y1=\"50\" x2=\"300\" y2=\"50\" class=\"grid\"/>\n"
	    "<text x=\"34\" y=\"54\" text-anchor=\"end\" class=\"tick\">75"
	    "</text>\n"
	    "<line x1=\"40\" y1=\"0\" x2=\"300\" y2=\"0\" class=\"grid\"/>\n"
	    "<text x=\"34\" y=\"4\" text-anchor=\"end\" class=\"tick\">100"
	    "</text>\n"
	    "</g>\n",
	    svg_yaxis(&b, &y, 250, 40, 300, label));
	EXPECT("<g class=\"axis\">\n"
	    "<line x1=\"0\" y1=\"5\" x2=\"0\" y2=\"50\" class=\"base\"/>\n"
	    "<text x=\"0\" y=\"64\" text-anchor=\"middle\" class=\"tick\">0"
	    "</text>\n"
	    "<line x1=\"70\" y1=\"5\" x2=\"70\" y2=\"50\" class=\"grid\"/>\n"
	    "<text x=\"70\" y=\"64\" text-anchor=\"middle\" class=\"tick\">0"
	    "</text>\n"
	    "</g>\n",
	    svg_xaxis(&b, &x, 7, 5, 50, label));
	/* A step that is not positive draws nothing rather than loop. */
	EXPECT("", svg_yaxis(&b, &y, 0, 40, 300, label));
	EXPECT("", svg_xaxis(&b, &x, -1, 5, 50, label));
	/* A step near LONG_MAX stops at hi. */
	y.lo = 0;
	y.hi = LONG_MAX - 1;
	EXPECT("<g class=\"axis\">\n"
	    "<line x1=\"0\" y1=\"100\" x2=\"1\" y2=\"100\" class=\"base\"/>\n"
	    "<text x=\"-6\" y=\"104\" text-anchor=\"end\" class=\"tick\">0"
	    "</text>\n"
	    "</g>\n",
	    svg_yaxis(&b, &y, LONG_MAX, 0, 1, label));
}

static void
test_hbar(void **state)
{
	struct svg_scale x = { 0, 1000, 92, 256 };

	(void)state;
	EXPECT("<rect x=\"92\" y=\"6\" width=\"138\" height=\"18\" "
	    "class=\"bar\"/>\n",
	    svg_hbar(&b, &x, 6, 18, 840, "bar"));
	EXPECT("<rect x=\"92\" y=\"6\" width=\"0\" height=\"18\" "
	    "class=\"bar\"/>\n",
	    svg_hbar(&b, &x, 6, 18, -50, "bar"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_shapes),
		cmocka_unit_test(test_begin),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_axes),
		cmocka_unit_test(test_hbar),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
