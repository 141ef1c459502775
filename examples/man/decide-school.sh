#!/bin/sh
# tuff-decide(1): a smaller organisation's own delegation order, and a
# decision beyond it.
cd "$(dirname "$0")" || exit 2
cat skola.yaml
tuff-decide --delegation skola.yaml --by rektor --assign schema \
    --owner Rektor utmaningar.yaml 2>&1 || :
