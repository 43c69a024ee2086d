#!/usr/bin/env python3
"""Write the fuzz targets' seed corpora, fuzz/seeds/<target>/, from the
repository's own tests and examples, and nothing else:

* string literals of the test files, `tests/**/*.rs` (not the
  `conformance_*` harnesses, whose strings are file and field names), of
  `src/**/tests.rs` and of the `#[cfg(test)]` modules in `src/`;
* `examples/answers.txt` and the records of `examples/grading.jsonl` and
  `tests/data/grade_small.jsonl`;
* the golden files: `tests/data/spoken_golden.tsv` (speech and LaTeX) and
  the notation table of `grammars/README.md` (what the printers write).

Never the corpora of ../shared: those are not ours to commit, and the seeds
must be reproducible from the repository alone.

Run from anywhere: python3 fuzz/gen-seeds.py
The seeds are committed; run this again when the tests it reads change.
Each seed file is named by the SHA-1 of its bytes (as libFuzzer names corpus
files), so duplicates collapse and a re-run changes nothing unless the
inputs changed. Each target keeps at most MAX_PER_TARGET seeds, chosen by
name (a fixed pseudo-random sample), so the committed corpora stay small.
"""

import base64
import glob
import hashlib
import json
import os
import re
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "fuzz", "seeds")

# The separator of verify_pair's two texts: never part of UTF-8.
SEP = b"\xff"

# Inputs the fuzz runs found (minimised), kept as seeds of their target
# whatever the sample below picks, so every replay runs them again. Each
# has a test with its exact expected outcome in tests/fuzz_regressions.rs.
FOUND = {
    "verify_pair": [
        b"\x1de^{-1000x}000000F00000000000800000000000-----'------------------------------------------95'5165100\xffeR^{-0250x}",
        b"\x02a_{n+1\r\r\x1d\r:\rfail\r\rinpct\xce\x85y,(\r\r}=2a_n\xffatheu\r\r n",
        b"\x0210^{10piecewise}!\xff(1&^{15})!",
        b"\x025^{5^{35^5}}\xff5^{5^k7^5m}",
        b"\x00\\qquadn B\xff\\qquadn B",
        b"\x00A: $\\text{C}$\xffA: $\\text{C}$",
        b"\x00$f(x)=2$ and $f(x)=1$ for all $x$\xff$f(x)=2$ and $f(x)=1$ for all $x$",
        b" $x-2!xi'eita1\xff  i_",
        b"\x00&iii~\xffBs  e_",
        b"\x00e^{-1000x}\xffe^{-0250x}",
        b"\x02\\max(a,b)\xffb",
        b']0\x0221\\%\x00"~"\xff"""""_\x00"E',
        b'\x00\\begin{pmatrix}6 & 8\\\\10 & 12\\end{pmatrix}\xff\\begin{pmatrix}0 & 2\\\\3 & 4\\end{pmatrix} uals 1 to n of i equals the frac\\begin{pmatrix}0 & 6\\\\7,$ 8\\end{pmatrix}',
    ],
    "extract": [
        b"5^0 \\text{ cm}{8^{5^5}} + 1",
        b"li\\in-0.0",
        b"--exp_p_ctct",
        b'i_\x0cvi*i"i"',
        b"mi3333_\\\x0ctana^n^ + 3i.1*74",
    ],
    "parse_latex": [
        b"\\ m{{-5text{ m}} \\text{ m}}",
        "\\operatorname{\u0995\u09c7 \u09be}".encode(),
        # Minimised to exponents of 85 digits (the found input, in the
        # test, has 8,600-digit ones and makes mutants slow to explore).
        b"(t4-(t1-a(x- 1)^{2^{35^55}})^2c(x- 1)^{2^{35^5}})^2",
        b"\\mathbb{1}Rdn+E++q$+++quantity",
        b"\\mathbb{1Rd}n+E+ sdn+E++q$++0(5)q",
        b"\\text{=0\\%t'\"off=r\x0c\x00\x00\x00\x00}:x4/4",
        b"\\begin{cases}x & 0orwise0or}\\}\\end{cases}",
        b"\\begin{cases}x & }\\end{cases}",
        b"\\operatorname{68588169s9c9e99999999999999999h}\\left(x\\right)",
        b"z: \\pm m020",
        "Z<(b'(11\u0556))MZ,(bE'(1\u0556))".encode(),
        b"\\begin{cases}xesi & 0}\\end{cases}",
        b"I'()",
        b"(1+-m_{ \\text{}}m 10-b06mathgph)^2",
        b"1{A0pi}00a_\\\tbegi",
        b"\\sum_{k=1}^{k=1}{k=1}um_{k=1}{k=1}^{n} k^ k^2",
        b"Integrl(x, (Non\\mathbb{Re}, 0,\\mathbb{Re}, 11\n, 1))",
        b"\\operatorname{e9900000}\\left(x\\right)",
    ],
    "parse_plain": [
        b'"-0"in',
        b"2*bar{00}_a",
        b'("-0"in)/(0 in)',
        "Li\ud5ca\"-0\"in, x,Xi 0,('++')".encode(),
        "0 in+t in+-\"51\u0795f\"OOO-0 in+-tt+OOOOOO+g-tin+7 O-0  in+-+t".encode(),
        b"5:cb^3!!!QP:2*5c^2(x +mrnesb)^6sc^.2(m+x qnesb)^3s!qa9!99",
        b"0,1mm:m\nmmmmmM",
        b"2,222det',r2xeb",
        b"P:sqrt[1,0] [0](2)*sqrt(3)",
        b"(appH_{ 7;}(mu+l f x))",
        b"det(M_______atrix([[1, 2],])rix([[1, 2],]))",
        b"x_{i,i${j,$ymbol('\\hathhhhhh\t\x00\x00\x00\x00\x00\x00\x00hhz~\x00y}')\x16\x00\x00\x0032^33}}",
        b"0+to+----t+-t7:3IOverOv-e72sq in+-t",
        b"b_2841eew\nlog_x(24E841eew\nlog(x_24E08, 10))k",
        "2222k2_22233elxi22ch3\u5143102(iu v2(772:22c&i&))".encode(),
        b"2842eew\nlog_x;in Reals",
        b"b2_2841eew\nlog_dx(2E;4148ee*n(2ixs8, 10))k",
        b"b_2841eew\nlog_(0Ex2484eew\nlog(x_24E08, 10))k",
        b"x_{i" + b"\\" * 21 + b"R" + b"\\" * 20 + b"R\\}",
        b"x_{i" + b"\\" * 13 + " .= .= \u222a \u2229f(1+zi)^2}".encode(),
        b"4[1, x]/4",
        b"Integral_({})",
        b"2*bar{9999Staarx}_a",
        b"0,1mm:m\n",
        b"P: [0nnnnnn](2)*sqrt(3)",
        b"Derivative(x^3, (x, 0))",
        b"In2*bar{x}_ntegral(x^2, x)",
        b"cioal*tg_1rf'(n)^g1",
        b"()*cn'ioal*tg_1rf'tg_(n)^g1",
        b"()*cn'ioal*t'_gfg1rt_(n)fra",
        b"a_{i\\max,joperatorname{sech}\\left}",
        b"-1mm:m\nmmmm+M",
        b"5:cb^3!!!QP:2*5c^2(x +mrnesb)^5sc^2(m+x qnesb)^3s!qa9!99",
        b"Derivative(x^3, (x, 80))",
        b"0 in+t in+-+tt+-t in+-+tt+-tz in+-+t",
        b"H222_''g''''''22xxZ!!!!!!'2'\"\"b2",
    ],
    "parse_spoken": [
        b"ln-ln-the integral set 1 the set the set 1 ",
        b"` 0 percent plus 0 percent",
        "1 平方米 i".encode(),
        b"x sub open paren close paren equals 2 n",
        b"x Super  Sine",
        b"the sum   integral   k from k equals one to ten",
        b"u , the sum from . e one to n of n , the sum from . e one to n of n i o exp i o exp 0 the ,"
        b" the sum from . e one to n of n i o the sum from . e one to n of n i pi",
        b"u , the sum from . e one to n of n e sum from . e one to o of n i o exp  sum from . e one to n of n i pi",
    ],
    "canon_roundtrip": [
        b"\x00Matrix([[]])",
        b"\x005 \\text{ mz /operat m} x",
        b"\x01Integral(xgr^2, xteeta_q)",
        b"\x00Wlim_{x'\\to\\inf-phiqy,o0$!o0!0|4|!!ooo!iota!1o, \"frac 1}{x}{x}",
        "\x00um_\u0194e0()".encode(),
        b"\x01Matrix([[[], ]])",
        b"\x00f(rlaoctialE'(0))",
        b"\x00Um''_\xc6\x94e0()",
        "\x01Integral(xgr^\u01e5x, etta_')".encode(),
        "Xi_m\u0194e0()e0()".encode(),
        b"\x00hhe_405hhx'(y)fo(x)f(x)",
        "\x00Um**ooooooooooooooooooooooooooooo$$$$$$$$$$$$$$$$$$$$$$$$$$$$oo_\u03900()".encode(),
        b"\x00Product(kdd, ( r,0tq=k, n))",
        b'\x01\\bar{\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0bl\x0bn}',
        base64.b64decode(
            "AVN5bWJvbCgnYV97aQsLCwsLAHsxLDJ9NjY2NjY2NjY2PTY2NjY2Ny02NjY2NzY2Nj02NjY2NjctNjY2NjY2NzY2Nj17MSwgNTU1NTUyNeKIqSA1NTUy"
            "NeKIqSA1NTUyNeKIqTIyNeKIqSAyfTY2NjY2NgsLCwsLCwsLCgsLCwsLCwALCwsHCwMLCwsBAAAAAABCIgt0aXZlKAsLCwsLCyxqfScp"
        ),
    ],
}

# Limits that keep the committed corpora small: libFuzzer grows its own
# corpus from these, so a few hundred short, varied inputs are enough.
MAX_PER_TARGET = 300
MAX_SEED_BYTES = 1024
MAX_TEXT_BYTES = 4096  # extraction reads whole model outputs


def read(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return f.read()


def rust_strings(src):
    """Every string literal in Rust source, unescaped: "…" and r#"…"#."""
    out = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c == "/" and src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
            continue
        if c == "'":
            # A char literal ('x', '\n', '\'') or a lifetime: skip a char
            # literal whole so a quote inside it is not a string.
            m = re.match(r"'(\\.|\\u\{[0-9a-fA-F]+\}|[^\\'])'", src[i:])
            i += len(m.group(0)) if m else 1
            continue
        m = re.match(r'b?r(#*)"', src[i:])
        if m and (i == 0 or not (src[i - 1].isalnum() or src[i - 1] == "_")):
            hashes = m.group(1)
            start = i + len(m.group(0))
            end = src.find('"' + hashes, start)
            if end < 0:
                break
            out.append(src[start:end])
            i = end + 1 + len(hashes)
            continue
        if c == '"':
            j = i + 1
            buf = []
            while j < n and src[j] != '"':
                if src[j] == "\\" and j + 1 < n:
                    e = src[j + 1]
                    if e == "n":
                        buf.append("\n")
                    elif e == "t":
                        buf.append("\t")
                    elif e == "r":
                        buf.append("\r")
                    elif e == "0":
                        buf.append("\0")
                    elif e == "u":
                        k = src.index("}", j)
                        buf.append(chr(int(src[j + 3 : k], 16)))
                        j = k + 1
                        continue
                    elif e == "x":
                        buf.append(chr(int(src[j + 2 : j + 4], 16)))
                        j += 4
                        continue
                    elif e == "\n":
                        # A line continuation skips the newline and indent.
                        j += 2
                        while j < n and src[j] in " \t\n":
                            j += 1
                        continue
                    else:
                        buf.append(e)
                    j += 2
                else:
                    buf.append(src[j])
                    j += 1
            out.append("".join(buf))
            i = j + 1
            continue
        i += 1
    return out


def test_source(path):
    """The test code of a Rust file: all of a test file, the part of a
    library file from its first `#[cfg(test)]` on (its unit tests)."""
    src = read(path)
    if path.startswith("tests/") or os.path.basename(path) == "tests.rs":
        return src
    k = src.find("#[cfg(test)]")
    return "" if k < 0 else src[k:]


def literals(*patterns):
    """String literals of the test code in the files matching `patterns`."""
    out = []
    for pat in patterns:
        for path in sorted(glob.glob(os.path.join(ROOT, pat), recursive=True)):
            rel = os.path.relpath(path, ROOT)
            if os.path.basename(rel).startswith("conformance_"):
                continue
            out += rust_strings(test_source(rel))
    return out


def test_table_pairs(path):
    """(gold, pred) from `("gold", "pred", …)` tuples in a test's tables."""
    src = read(path)
    out = []
    lit = r'(?:r#*)?"(?:\\.|[^"\\])*"#*'
    for m in re.finditer(r"\(\s*(" + lit + r")\s*,\s*(" + lit + r")\s*,", src):
        a = rust_strings(m.group(1))
        b = rust_strings(m.group(2))
        if a and b:
            out.append((a[0], b[0]))
    return out


def jsonl(path):
    out = []
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        for line in f:
            # The sample files hold a deliberately broken line or two.
            try:
                r = json.loads(line)
            except ValueError:
                continue
            if isinstance(r, dict):
                out.append(r)
    return out


def tsv_rows(path):
    """Non-comment rows of a tab-separated file, as lists of columns."""
    return [l.split("\t") for l in read(path).splitlines() if l.strip() and not l.startswith("#")]


def notation_spans():
    """The code spans of grammars/README.md's notation table: the LaTeX and
    plain text the printers write."""
    out = []
    for line in read("grammars/README.md").splitlines():
        if line.startswith("|"):
            out += re.findall(r"`([^`]+)`", line)
    return out


def mathy(s):
    """Worth a seed for the parsers: short, one line, not a Rust format
    string or a file name."""
    return 0 < len(s.encode()) <= MAX_SEED_BYTES and "\n" not in s and "{:" not in s and ":?}" not in s and not s.endswith((".rs", ".jsonl", ".tsv"))


def write(target, seeds, max_bytes=MAX_SEED_BYTES):
    d = os.path.join(SEEDS, target)
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    named = {}
    for s in seeds:
        b = s if isinstance(s, bytes) else s.encode("utf-8")
        # A lone flags byte (or nothing) is no seed.
        if len(b) < 2 or len(b) > max_bytes:
            continue
        named[hashlib.sha1(b).hexdigest()] = b
    keep = sorted(named)[:MAX_PER_TARGET]
    for b in FOUND.get(target, []):
        name = hashlib.sha1(b).hexdigest()
        named[name] = b
        if name not in keep:
            keep.append(name)
    for name in keep:
        with open(os.path.join(d, name), "wb") as f:
            f.write(named[name])
    print(f"{target}: {len(keep)} seeds (of {len(named)})", file=sys.stderr)


def main():
    answers = [l for l in read("examples/answers.txt").splitlines() if l.strip()]
    records = jsonl("examples/grading.jsonl") + jsonl("tests/data/grade_small.jsonl")
    golden = [r for r in tsv_rows("tests/data/spoken_golden.tsv") if len(r) >= 2]
    notation = notation_spans()

    latex = literals("tests/parse_latex.rs", "tests/errors.rs", "tests/canon_parse.rs", "tests/canon_groups.rs",
                     "tests/print_nodes.rs", "tests/compare_rules.rs", "tests/compare_props.rs",
                     "tests/adversarial.rs", "tests/adversarial/*.rs", "tests/determinism.rs")
    latex += answers + notation + [r[1] for r in golden]
    latex = [s for s in latex if mathy(s)]
    plain = literals("tests/parse_plain.rs", "tests/print_nodes.rs", "tests/canon_parse.rs") + answers + notation
    plain = [s for s in plain if mathy(s)]
    spoken = literals("tests/parse_spoken.rs", "tests/print_spoken.rs", "src/parse/spoken/**/*.rs")
    spoken = [s for s in spoken if mathy(s) and " " in s] + [r[0] for r in golden]

    # Model outputs and gold strings: the texts the grader extracts from.
    texts = [r[k] for r in records for k in ("gold", "pred", "output", "response") if isinstance(r.get(k), str)]
    texts += [s for s in literals("src/extract/**/*.rs", "tests/cli.rs", "tests/determinism.rs") if len(s) > 3]
    texts = [s for s in texts if len(s.encode()) <= MAX_TEXT_BYTES]

    pairs = test_table_pairs("tests/compare_rules.rs")
    pairs += [(r["gold"], r.get("pred", r.get("output"))) for r in records
              if isinstance(r.get("gold"), str) and isinstance(r.get("pred", r.get("output")), str)]
    pairs += [(r[1], r[0]) for r in golden]

    write("parse_latex", latex)
    write("parse_plain", plain)
    write("parse_spoken", spoken)
    # canon_roundtrip: the first byte chooses default (even) or tight (odd)
    # limits.
    write("canon_roundtrip", [bytes([k]) + s.encode() for s in latex + plain for k in (0, 1)])
    write("extract", texts, MAX_TEXT_BYTES)
    # Flags byte 0: default options (strict, no set-relation comparison,
    # precision 6); 2: with allow_set_relation_comp.
    write("verify_pair", [bytes([f]) + g.encode() + SEP + p.encode() for g, p in pairs for f in (0, 2)])


if __name__ == "__main__":
    main()
