# A pipe of three tools: a mistyped kind passes every one of them, and
# each says so once; a journey key is checked only by tuff-journey,
# which reads the journey (the challenge it becomes has no typo).
cd "$TMPDIR" || exit 1
cat >resor.yaml <<'YAML'
kind: journey
id: rullstol
title: Anmäla trasig rullstol till rehab
steps:
  - action: Ser att rullstolen är trasig
    scor: 3
    pain: Vet inte vem som äger frågan
  - action: Fyller i ärendet
    score: 1
---
kind: jorney
id: planer
title: Genomförandeplaner på rummen
steps: [{action: Läser planen, score: 1}]
---
kind: jorney
id: nybygge
title: Nästa nybygge
steps: [{action: Går till förrådet, score: 1}]
YAML
tuff-journey --challenges resor.yaml |
    tuff-decide --by socialchef --date 2020-11-19 --assign rullstol \
        --owner Rehabenheten |
    tbls-check --format gcc --fail-on never --as-of 2021-01-01
echo "status $?"
