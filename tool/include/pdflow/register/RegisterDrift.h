//===- RegisterDrift.h - --check: has the processing changed? ----*- C++ -*-===//
#ifndef PDFLOW_REGISTER_REGISTERDRIFT_H
#define PDFLOW_REGISTER_REGISTERDRIFT_H

#include "pdflow/register/Register.h"
#include "pdflow/support/Diagnostics.h"

#include <optional>
#include <string>
#include <vector>

namespace pdflow {

/// Reads a register written by renderRegisterYaml (a committed one). Every
/// problem goes to Diags at its file:line:col; nullopt when the text is not
/// YAML or not a `pdflow_register: 1` document.
std::optional<Register> parseRegisterYaml(const std::string &Text, const std::string &FileName,
                                          DiagnosticList &Diags);

/// The changes in substance from Committed to Current, one readable line
/// each ("activity 'newsletter': new recipient 'Mailchimp' (US, no
/// safeguard) receives contact.email, src/Newsletter.cpp:31"). Evidence
/// that only moved is not a change: locations are reported, never compared.
/// Nor are the categories to confirm (inferred data, not part of the
/// register until annotated). Empty when the processing is the same.
std::vector<std::string> registerDrift(const Register &Committed, const Register &Current);

} // namespace pdflow

#endif
