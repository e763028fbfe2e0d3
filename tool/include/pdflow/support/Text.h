#ifndef PDFLOW_SUPPORT_TEXT_H
#define PDFLOW_SUPPORT_TEXT_H

#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace pdflow {

/// The candidate closest to Word by edit distance, if it is close enough to
/// be worth a "did you mean".
std::optional<std::string> closestMatch(std::string_view Word,
                                        const std::vector<std::string> &Candidates);

/// Appends "; did you mean 'X'?" to Message when a candidate is close.
std::string withSuggestion(std::string Message, std::string_view Word,
                           const std::vector<std::string> &Candidates);

/// An error's reason as strerror words it, in Clang's lowercase: "no such
/// file or directory", "permission denied".
std::string errorReason(std::error_code EC);

/// Text from the user quoted in a message, cut short when long: the first
/// 60 bytes (never half a UTF-8 character) then "...", so that a 200 KB
/// identifier does not fill the terminal. "'" quotes included:
/// "'contact.emial'", "'aaaa...' (200000 bytes)".
std::string quoteForMessage(std::string_view Text);

/// S with everything that would not print as itself escaped C-style, for
/// text output: a backslash doubles; \n, \r, \t; other control bytes and
/// bytes that are not UTF-8 become \xNN; C1 controls, line separators and
/// bidirectional overrides become \uNNNN. Printable UTF-8 passes through.
/// The escaping can be undone: file names that are not UTF-8 round-trip.
std::string escapeNonPrintable(std::string_view S);

/// S for a JSON string, which must be UTF-8: unchanged when it is valid
/// UTF-8; otherwise each byte that is not part of a UTF-8 character becomes
/// \xNN and each backslash doubles, as escapeNonPrintable writes them (JSON
/// escapes control characters itself).
std::string escapeInvalidUtf8(std::string_view S);

/// Matches a qualified C++ name against a glob: '*' matches any run of
/// characters within one name component (never "::"), '**' matches across
/// components, '?' one character. A pattern without "::" at its start matches
/// names in any namespace ("Customer::email" matches "shop::Customer::email").
/// A trailing "()" is ignored on both sides, so "net::peer()" names the function.
bool matchQualifiedName(std::string_view Pattern, std::string_view Name);

} // namespace pdflow

#endif
