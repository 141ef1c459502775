#!/bin/sh
# hme-score(1): score what can be scored, and see what could not.
cd "$(dirname "$0")" || exit 2
hme-score --skip-invalid fel.yaml 2>&1
