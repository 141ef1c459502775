#!/bin/sh
# The journeys as Mermaid diagrams in Markdown, for the workshop's wiki
# page: one ```mermaid block per journey, a section per stage, each
# step's score as a face.  Mermaid cannot carry ':', '#' or ';' in its
# text, so they show as lookalikes (∶ ＃ ；).
cd "$(dirname "$0")" || exit 2
exec tuff-journey --format mermaid journeys.yaml
