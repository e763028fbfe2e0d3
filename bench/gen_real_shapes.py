#!/usr/bin/env python3
"""Generates a synthetic C++ project with the shapes of real code for
bench/scan_bench.sh (--generator real-shapes), the shapes that make a flow
solver enumerate paths instead of facts:

  gen_real_shapes.py [options] DIR N

- every TU i has a class Rec_i with five unannotated string fields that
  copies the fields of two other TUs' classes into its own, permuted (a
  field graph with chains, fan-in and cycles across the whole program), and
  rotates its own fields (a cycle inside the class);
- its getters are defined in the next TU;
- a session object (a singleton with string fields and a map of entries) is
  read in every TU and written with user data in some;
- one logger, rs::logLine, is called from every function (thousands of
  call sites);
- the project's string class wraps std::string (struct Str : std::string);
- SCC: --scc-size functions spread over the TUs, each calling --scc-calls
  others (one strongly connected component);
- EXTEND: in every --extend-every-th TU, --extend-count consecutive
  `if (flags & K) obj->extend("F")` on one heap object whose extend()
  passes `this` to a helper that stores it;
- SHA: TU 0 hashes a nick with --sha-rounds inline calls with
  by-reference out-arguments, SHA-1 style.

The personal data are the fields of rs::User, declared in the project's
.pdflow.yaml as an adopting user would (side annotations). Planted flows
(a User field logged directly) are listed in planted_flows.tsv; a correct
analysis reports at least those. The project gets the same files as
bench/gen_project.sh: compile_commands.json, flags.txt, .pdflow.yaml,
expected_flows.txt (the number of planted flows).

Options:
  -m M                helper functions per TU, each logging (default 8)
  --scc-size S        functions in the recursive component (default 300; 0: none)
  --scc-calls C       calls from each of them to the others (default 20)
  --extend-every K    TUs with an extend() sequence: every K-th (default 10; 0: none)
  --extend-count E    extend() calls in each sequence (default 16)
  --sha-rounds R      inline rounds of the hash in TU 0 (default 80; 0: none)
  --log-every K       TUs that log a User field directly: every K-th (default 2)
  --session-every K   TUs that store user data in the session: every K-th (default 8)
"""
import argparse
import json
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PERSONAL = ["nick", "ident", "host", "realname", "ip", "account", "away"]
PERSONAL_CATEGORY = {"nick": "online.username", "ident": "online.username",
                     "host": "online.ip_address", "realname": "identity.name",
                     "ip": "online.ip_address", "account": "online.username",
                     "away": "communication.message_content"}
FIELDS = ["a", "b", "c", "d", "e"]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


class Project:
    def __init__(self, root, n, opts):
        self.root, self.n, self.o = root, n, opts
        self.planted = []

    def tu(self, i):
        return f"{i % self.n:05d}"

    # Two other TUs whose classes feed this one's fields: the previous one
    # (a chain through the whole program) and one further away (fan-in and,
    # with the chain, cycles).
    def sources(self, i):
        return (i - 1) % self.n, (i * 7 + 3) % self.n

    def scc_functions(self, i):
        """The SCC functions TU i defines."""
        s, n = self.o.scc_size, self.n
        return [k for k in range(s) if k % n == i]

    # --- shared headers ---------------------------------------------------------
    def common_headers(self):
        inc = os.path.join(self.root, "include", "rs")
        write(os.path.join(inc, "str.h"), """\
// The project's own string class, wrapping std::string.
#pragma once
#include <string>

namespace rs {
struct Str : std::string {
  using std::string::string;
  Str() = default;
  Str(const std::string &s) : std::string(s) {}
  Str &operator+=(const Str &o) { std::string::append(o); return *this; }
  Str upper() const { Str r(*this); for (char &c : r) c = c >= 'a' && c <= 'z' ? c - 32 : c; return r; }
  Str token(unsigned n) const;
};
inline Str operator+(const Str &a, const Str &b) { Str r(a); r += b; return r; }
} // namespace rs
""")
        write(os.path.join(inc, "log.h"), """\
// One logger for the whole program.
#pragma once
#include "rs/str.h"

namespace rs {
enum class Level { Debug, Info, Warn };
void logLine(Level level, const Str &where, const Str &message);
} // namespace rs
""")
        write(os.path.join(inc, "user.h"), """\
// A connected user. Its personal fields are declared in .pdflow.yaml.
#pragma once
#include "rs/str.h"

namespace rs {
struct User {
  Str nick, ident, host, realname, ip, account, away;
  Str uuid;        // not personal
  unsigned flags = 0;
};
} // namespace rs
""")
        write(os.path.join(inc, "session.h"), """\
// The server's configuration and session state, read everywhere.
#pragma once
#include "rs/str.h"
#include <map>

namespace rs {
struct Session {
  Str serverName, motd, network, lastNick, lastHost;
  std::map<Str, Str> entries;
  Str get(const Str &key) const;
  void set(const Str &key, const Str &value);
};
Session &session();
} // namespace rs
""")
        write(os.path.join(inc, "ext.h"), """\
// Objects that modules extend with named items.
#pragma once
#include "rs/str.h"

namespace rs {
struct Extensible {
  Str name;
  void extend(const char *item);
};
void registerItem(Extensible *owner, const Str &item);
} // namespace rs
""")
        decls = "".join(f"Str scc_{k:05d}(const Str &s, unsigned depth);\n"
                        for k in range(self.o.scc_size))
        write(os.path.join(inc, "scc.h"), f"""\
// The members of one strongly connected component of the call graph.
#pragma once
#include "rs/str.h"

namespace rs {{
{decls}}} // namespace rs
""")
        rounds = self.o.sha_rounds
        body = []
        regs = ["a", "b", "c", "d", "e"]
        for r in range(rounds):
            v = regs[-(r % 5):] + regs[:-(r % 5)] if r % 5 else regs
            body.append(f"  sha_round(w[{r % 16}], {v[0]}, {v[1]}, {v[2]}, {v[3]}, {v[4]}, {r});")
        write(os.path.join(inc, "sha.h"), """\
// A SHA-1 style block function: a chain of inline calls with by-reference
// out-arguments.
#pragma once
#include <cstdint>

namespace rs {
inline std::uint32_t rol(std::uint32_t v, unsigned n) { return (v << n) | (v >> (32 - n)); }
inline void sha_round(std::uint32_t w, std::uint32_t &a, std::uint32_t &b, std::uint32_t &c,
                  std::uint32_t &d, std::uint32_t &e, unsigned r) {
  e += ((b & c) | (~b & d)) + w + 0x5A827999u + rol(a, 5) + r;
  b = rol(b, 30);
}
inline void block(std::uint32_t state[5], const std::uint32_t w[16]) {
  std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];
""" + "\n".join(body) + """
  state[0] += a; state[1] += b; state[2] += c; state[3] += d; state[4] += e;
}
} // namespace rs
""")

    # --- per-TU code ----------------------------------------------------------------
    def rec_header(self, i):
        t = self.tu(i)
        p, q = (self.tu(s) for s in self.sources(i))
        helpers = "".join(f"Str tu_{t}_h{k}(const Rec_{t} &r, const Str &s);\n" for k in range(self.o.m))
        return f"""\
// Generated by bench/gen_real_shapes.py. TU {i} of {self.n}.
#pragma once
#include "rs/ext.h"
#include "rs/str.h"
#include "rs/user.h"

namespace rs {{
struct Rec_{p};
struct Rec_{q};

struct Rec_{t} : Extensible {{
  Str a, b, c, d, e;
  Str label;    // never personal
  unsigned count = 0;
  Str getA() const;   // defined in the next TU
  Str getB() const;
  void absorb(const Rec_{p} &o);
  void merge(const Rec_{q} &o);
  void rotate();
  void fromUser(const User &u);
}};

{helpers}void tu_{t}_extend(Extensible *obj, unsigned flags);
void tu_{t}_entry(User &u, Rec_{t} &r, const Rec_{p} &prev, const Rec_{q} &other);
}} // namespace rs
"""

    def rec_source(self, i):
        o = self.o
        t = self.tu(i)
        pi, qi = self.sources(i)
        p, q = self.tu(pi), self.tu(qi)
        prev = self.tu(i - 1)
        includes = sorted({f"rs/m_{t}.h", f"rs/m_{p}.h", f"rs/m_{q}.h", f"rs/m_{prev}.h"})
        lines = [f"// Generated by bench/gen_real_shapes.py. TU {i} of {self.n}."]
        lines += [f'#include "{h}"' for h in includes]
        lines += ['#include "rs/log.h"', '#include "rs/scc.h"', '#include "rs/session.h"']
        if i == 0 and o.sha_rounds:
            lines.append('#include "rs/sha.h"')
        lines += ["", "namespace rs {", ""]
        L = lines.append

        # Getters of the previous TU's class: defined here, declared there.
        L(f"Str Rec_{prev}::getA() const {{ return a; }}")
        L(f"Str Rec_{prev}::getB() const {{ return b + label; }}")
        L("")
        # Field chains: fields of two other classes copied, permuted, into ours.
        L(f"void Rec_{t}::absorb(const Rec_{p} &o) {{")
        L("  a = o.b;")
        L("  b = o.c;")
        L("  c = o.a + o.d;")
        L("  d = e;")
        L("  e = o.e.upper();")
        L(f'  logLine(Level::Debug, "absorb", label);')
        L("}")
        L("")
        L(f"void Rec_{t}::merge(const Rec_{q} &o) {{")
        L("  a += o.e;")
        L("  d = o.getA();")
        L("  e = o.getB();")
        L("  count += o.count;")
        L("}")
        L("")
        L(f"void Rec_{t}::rotate() {{")
        L("  Str t = a;")
        L("  a = b;")
        L("  b = c;")
        L("  c = t;")
        L("}")
        L("")
        fields = PERSONAL[i % len(PERSONAL)], PERSONAL[(i + 3) % len(PERSONAL)]
        L(f"void Rec_{t}::fromUser(const User &u) {{")
        L(f"  a = u.{fields[0]};")
        L(f"  c = u.{fields[1]};")
        L("  label = u.uuid;")
        L("}")
        L("")
        # Helpers: each logs, reads the session, calls the next one.
        for k in range(o.m):
            L(f"Str tu_{t}_h{k}(const Rec_{t} &r, const Str &s) {{")
            L(f'  logLine(Level::Debug, "tu_{t}_h{k}", r.label);')
            L(f'  logLine(Level::Info, "server", session().serverName);')
            L(f'  Str v = s + session().get("{FIELDS[k % 5]}");')
            if k + 1 < o.m:
                L(f"  return tu_{t}_h{k + 1}(r, v.token({k}));")
            else:
                L(f"  return v + r.{FIELDS[k % 5]};")
            L("}")
            L("")
        # Extend sequences on one heap object.
        L(f"void tu_{t}_extend(Extensible *obj, unsigned flags) {{")
        if o.extend_every and i % o.extend_every == 0:
            for k in range(o.extend_count):
                L(f'  if (flags & {1 << (k % 31)}u) obj->extend("F{k}");')
        L("  (void)flags;")
        L("  (void)obj;")
        L("}")
        L("")
        # SCC members: each calls scc_calls others, round the component.
        s, c = o.scc_size, o.scc_calls
        for k in self.scc_functions(i):
            L(f"Str scc_{k:05d}(const Str &s, unsigned depth) {{")
            L("  if (depth == 0)")
            L("    return s;")
            L("  Str out = s;")
            for j in range(1, min(c, s - 1) + 1):
                callee = (k + j) % s
                L(f"  if (depth % {j + 1} == 0) out += scc_{callee:05d}(s, depth - 1);")
            if k % 10 == 0:
                L(f'  logLine(Level::Debug, "scc_{k:05d}", out);')
            L("  return out;")
            L("}")
            L("")
        # The entry point.
        L(f"void tu_{t}_entry(User &u, Rec_{t} &r, const Rec_{p} &prev, const Rec_{q} &other) {{")
        L("  r.fromUser(u);")
        L("  r.absorb(prev);")
        L("  r.merge(other);")
        L("  r.rotate();")
        L(f'  Str s = tu_{t}_h0(r, r.getA());')
        L(f'  logLine(Level::Info, "entry", s);')
        L(f'  logLine(Level::Info, "label", r.label); // not personal')
        if o.log_every and i % o.log_every == 0:
            f = PERSONAL[i % len(PERSONAL)]
            L(f'  logLine(Level::Info, "user", u.{f}); // planted flow')
            self.planted.append((f"src/tu_{t}.cpp", len(lines), f"rs::User::{f}"))
        if o.session_every and i % o.session_every == 0:
            L('  session().set("last", u.nick);')
            L("  session().lastHost = u.host;")
        L("  Extensible *obj = new Extensible;")
        L("  obj->name = u.account;")
        L(f"  tu_{t}_extend(obj, u.flags);")
        if o.scc_size:
            L(f"  logLine(Level::Debug, \"scc\", scc_{i % o.scc_size:05d}(u.ident, 3));")
        L("}")
        if i == 0:
            L("")
            L(self.program_wide_definitions())
        L("")
        L("} // namespace rs")
        return "\n".join(lines) + "\n"

    def program_wide_definitions(self):
        o = self.o
        text = """\
Session &session() {
  static Session instance;
  return instance;
}

Str Session::get(const Str &key) const {
  auto it = entries.find(key);
  return it == entries.end() ? Str() : it->second;
}

void Session::set(const Str &key, const Str &value) { entries[key] = value; }

Str Str::token(unsigned n) const { return n < size() ? Str(substr(n)) : *this; }

static std::map<Str, Extensible *> registry;

void registerItem(Extensible *owner, const Str &item) { registry[item] = owner; }

void Extensible::extend(const char *item) { registerItem(this, Str(item)); }
"""
        if o.sha_rounds:
            text += """
Str hashNick(const User &u) {
  std::uint32_t state[5] = {1, 2, 3, 4, 5}, w[16] = {};
  for (unsigned k = 0; k < 16 && k < u.nick.size(); ++k)
    w[k] = static_cast<unsigned char>(u.nick[k]);
  block(state, w);
  Str out;
  for (std::uint32_t v : state)
    out += Str(std::to_string(v));
  logLine(Level::Debug, "hash", out);
  return out;
}
"""
        return text

    # --- project files -----------------------------------------------------------------
    def config(self):
        data = "".join(
            f'  - {{symbol: "rs::User::{f}", category: {PERSONAL_CATEGORY[f]}, subject: user, '
            f"purposes: [service-delivery]}}\n" for f in PERSONAL)
        return f"""\
# Generated by bench/gen_real_shapes.py: the project's personal data and
# sinks, declared as an adopting user would.
version: 1
activities:
  - id: chat
    name: Chat service
    purposes: [service-delivery]
    legal_basis: contract
    subjects: [user]
    entry_points: ["rs::tu_*_entry"]
data:
{data}sinks:
  - {{function: "rs::logLine", kind: log}}
"""

    def generate(self):
        os.makedirs(self.root, exist_ok=True)
        self.common_headers()
        for i in range(self.n):
            write(os.path.join(self.root, "include", "rs", f"m_{self.tu(i)}.h"), self.rec_header(i))
            write(os.path.join(self.root, "src", f"tu_{self.tu(i)}.cpp"), self.rec_source(i))
        flags = ["-std=c++17", f"-I{self.root}/include", f"-I{REPO}/annotations/include"]
        write(os.path.join(self.root, "flags.txt"), "\n".join(flags) + "\n")
        cdb = []
        for i in range(self.n):
            src = os.path.join(self.root, "src", f"tu_{self.tu(i)}.cpp")
            cdb.append({"directory": self.root, "file": src,
                        "arguments": ["clang++"] + flags +
                        ["-c", src, "-o", os.path.join(self.root, "obj", f"tu_{self.tu(i)}.o")]})
        write(os.path.join(self.root, "compile_commands.json"), json.dumps(cdb, indent=1) + "\n")
        write(os.path.join(self.root, ".pdflow.yaml"), self.config())
        write(os.path.join(self.root, "planted_flows.tsv"),
              "".join(f"{f}\t{line}\t{elem}\trs::logLine\n" for f, line, elem in self.planted))
        write(os.path.join(self.root, "expected_flows.txt"), f"{len(self.planted)}\n")
        # Functions defined in the TUs: per TU the class's six members (two of
        # them the previous class's getters), the helpers, extend and entry;
        # the SCC; and TU 0's program-wide definitions.
        functions = self.n * (8 + self.o.m) + self.o.scc_size + 6 + (1 if self.o.sha_rounds else 0)
        write(os.path.join(self.root, "functions.txt"), f"{functions}\n")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dir")
    p.add_argument("n", type=int)
    p.add_argument("-m", type=int, default=8)
    p.add_argument("--scc-size", type=int, default=300)
    p.add_argument("--scc-calls", type=int, default=20)
    p.add_argument("--extend-every", type=int, default=10)
    p.add_argument("--extend-count", type=int, default=16)
    p.add_argument("--sha-rounds", type=int, default=80)
    p.add_argument("--log-every", type=int, default=2)
    p.add_argument("--session-every", type=int, default=8)
    o = p.parse_args()
    if o.n < 1 or o.m < 1:
        p.error("N and -m must be positive")
    for name in ("scc_size", "scc_calls", "extend_every", "extend_count", "sha_rounds",
                 "log_every", "session_every"):
        if getattr(o, name) < 0:
            p.error(f"--{name.replace('_', '-')} must not be negative")
    Project(os.path.abspath(o.dir), o.n, o).generate()


if __name__ == "__main__":
    main()
