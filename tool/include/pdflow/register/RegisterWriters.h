//===- RegisterWriters.h - The register in YAML, Markdown, HTML... -*- C++ -*-===//
//
// Plain data in, bytes out: the same register gives the same output. YAML is
// the canonical form (ids, not labels, in a stable order; docs/register.md
// documents its schema); the others are for people, in English or French.
//
//===----------------------------------------------------------------------===//
#ifndef PDFLOW_REGISTER_REGISTERWRITERS_H
#define PDFLOW_REGISTER_REGISTERWRITERS_H

#include "pdflow/register/Register.h"
#include "pdflow/register/SourceLinks.h"
#include "pdflow/taxonomy/Taxonomy.h"

#include <optional>
#include <string>

namespace pdflow {

enum class RegisterLang { En, Fr };
std::optional<RegisterLang> parseRegisterLang(const std::string &Text); // "en", "fr"

struct RegisterRenderOptions {
  RegisterLang Lang = RegisterLang::En;
  /// Turns evidence locations into links (--source-url); none: plain text.
  std::optional<SourceLinker> Links;
};

/// `pdflow_register: 1` YAML: ids, declared text, evidence as "file:line:col"
/// (with `url` when Links are set). Language-neutral.
std::string renderRegisterYaml(const Register &R, const RegisterRenderOptions &O);
std::string renderRegisterMarkdown(const Register &R, const Taxonomy &Tax,
                                   const RegisterRenderOptions &O);
/// One self-contained page: inline CSS with a print stylesheet, an inline SVG
/// data map, no script, every string escaped.
std::string renderRegisterHtml(const Register &R, const Taxonomy &Tax,
                               const RegisterRenderOptions &O);
/// One row per activity in the CNIL template's column order, UTF-8 with a
/// byte order mark, list items joined with "; ".
std::string renderRegisterCsv(const Register &R, const Taxonomy &Tax,
                              const RegisterRenderOptions &O);
/// The data map for Graphviz: categories -> activities -> recipients.
std::string renderRegisterDot(const Register &R, const Taxonomy &Tax,
                              const RegisterRenderOptions &O);
/// The bytes of an .xlsx workbook: a summary sheet (the CSV's rows) and one
/// sheet per activity laid out like the CNIL template's activity sheet.
/// libxlsxwriter writes it into a temporary file first (in TMPDIR); none,
/// with Error set, when that fails.
std::optional<std::string> renderRegisterXlsx(const Register &R, const Taxonomy &Tax,
                                              const RegisterRenderOptions &O, std::string &Error);

} // namespace pdflow

#endif
