#!/usr/bin/env python3
"""Write tests/corpus/expected.json: what the real corpus files hold, read independently of upr-matrix.

The figures come from reading the documents with Python's zipfile and csv modules and plain regular
expressions over the Word XML (one <w:tr> per row, <w:t> runs per paragraph) -- not from the parser
under test. Run it again only when ../shared/corpus changes: python3 scripts/corpus-expected.py
"""
import collections, csv, glob, io, json, os, re, zipfile

ROOT = os.path.join(os.path.dirname(__file__), "..")
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")
out = {"matrices": {}, "uprInfo": {}}

def cell_paragraphs(cell):
    paras = re.findall(r"<w:p[ >].*?</w:p>", cell, re.S)
    return ["".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in paras]

for path in sorted(glob.glob(os.path.join(CORPUS, "ohchr-matrices", "*.docx"))):
    name = os.path.basename(path)
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    rows = re.findall(r"<w:tr[ >].*?</w:tr>", xml, re.S)
    header = [" ".join(cell_paragraphs(c)).strip() for c in re.findall(r"<w:tc>.*?</w:tc>", rows[0], re.S)]
    pos_col = next(i for i, h in enumerate(header) if h.lower().startswith("position"))
    ids, positions, theme_rows = [], collections.Counter(), 0
    for r in rows[1:]:
        cells = [cell_paragraphs(c) for c in re.findall(r"<w:tc>.*?</w:tc>", r, re.S)]
        first = " ".join(cells[0]).replace("\xa0", " ").strip()
        if re.match(r"^(Theme|Right or area)\s*:", first):
            theme_rows += 1
            continue
        m = re.match(r"^(\d+\.\d+)\.?\s", first)
        if m:
            ids.append(m.group(1))
            positions[" ".join(cells[pos_col]).strip()] += 1
    out["matrices"][name] = {
        "rows": len(rows), "headerRows": 1, "themeRows": theme_rows, "recommendations": len(ids),
        "firstId": ids[0], "lastId": ids[-1], "positionWordings": dict(sorted(positions.items())), "ids": ids,
    }

for path in sorted(glob.glob(os.path.join(CORPUS, "upr-info", "*.csv"))):
    name = os.path.basename(path)
    text = open(path, "rb").read().decode("mac_roman")
    records = list(csv.reader(io.StringIO(text, newline="")))
    data = records[1:]
    out["uprInfo"][name] = {
        "rows": len(records), "recommendations": len(data),
        "responses": dict(sorted(collections.Counter(r[7] for r in data).items())),
        "actions": dict(sorted(collections.Counter(r[8] for r in data).items())),
        "firstText": data[0][3], "lastText": data[-1][3],
        "fromUnknown": sum(1 for r in data if r[4] in ("&#40;Unknown&#41;", "(Unknown)", "")),
    }

with open(os.path.join(ROOT, "tests", "corpus", "expected.json"), "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=1)
    f.write("\n")
print({k: {n: v["recommendations"] for n, v in d.items()} for k, d in out.items()})
