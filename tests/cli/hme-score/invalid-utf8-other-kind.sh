# Invalid UTF-8 in a record of another kind is refused all the same.
printf 'kind: journey\ntitle: \300\200\n' | hme-score
