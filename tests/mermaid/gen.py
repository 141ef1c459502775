# gen.py N SEED: N journeys with hostile texts (YAML) and the texts
# Mermaid should show for them (JSON), for verify.js.
import json, random, sys
n, seed = int(sys.argv[1]), int(sys.argv[2])
rnd = random.Random(seed)
alpha = list("abcåäöÄ019 ") * 3 + list("#;:,%<>&¶ßﬂ°\"'{}\\|()[]-_.!?*=+/")
words = ["#35;", "&amp;", "%%", "#1", "a#59;b", "ﬂ°", "¶ß", "#x;", "x:y", "1;2", "section ", "title ", "journey ", "accTitle ", "Section B"]
def text():
    s = "".join(rnd.choice(alpha) for _ in range(rnd.randint(1, 14)))
    if rnd.random() < 0.5:
        s = rnd.choice(words) + s
    if rnd.random() < 0.3:
        s += rnd.choice(words)
    if s.strip() == "":
        s += "x"
    return s
def norm(s, actor=False):
    s = " ".join(s.split())
    s = s.replace("<", "\u2039").replace(">", "\u203a")
    while "%%" in s:
        s = s.replace("%%", "% %")
    if actor:
        s = s.replace(",", "\u201a").replace(":", "\u2236").replace("#", "\u266f").replace(";", "\u037e").replace("\u00b6", "\u00b6\u200b").replace("\ufb02", "\ufb02\u200b")
    if s == "":
        s = "-"
    low = s.lower()
    if low.startswith(("journey", "title ", "section ", "acctitle", "accdescr", "%")) or s == "__proto__":
        s = "\u200b" + s
    return s
docs, expect = [], []
for j in range(n):
    title = text()
    steps, exp = [], {"title": norm(title), "sections": [], "tasks": [], "actors": set()}
    last = None
    for k in range(rnd.randint(1, 4)):
        st = {"action": text(), "score": rnd.randint(1, 5), "stage": text() if rnd.random() < 0.6 else None, "actor": text()[:12]}
        st = {a: b for a, b in st.items() if b is not None}
        steps.append(st)
        if "stage" in st and (last is None or norm(st["stage"]) != last):
            last = norm(st["stage"])
            exp["sections"].append(last)
        exp["tasks"].append(norm(st["action"]))
        exp["actors"].add(norm(st["actor"], True))
    exp["actors"] = sorted(exp["actors"])
    docs.append("kind: journey\nid: j%d\ntitle: %s\nsteps: %s\n" % (j, json.dumps(title, ensure_ascii=False), json.dumps(steps, ensure_ascii=False)))
    expect.append(exp)
open("gen.yaml", "w").write("---\n".join(docs))
open("gen.json", "w").write(json.dumps(expect, ensure_ascii=False))
