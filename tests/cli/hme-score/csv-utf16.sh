# UTF-16, as some tools export, is named as such.
printf '\377\376u\000n\000i\000t\000\n\000' | hme-score --csv
