#ifndef PDFLOW_SUPPORT_TEXT_H
#define PDFLOW_SUPPORT_TEXT_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pdflow {

/// The candidate closest to Word by edit distance, if it is close enough to
/// be worth a "did you mean".
std::optional<std::string> closestMatch(std::string_view Word,
                                        const std::vector<std::string> &Candidates);

/// Appends "; did you mean 'X'?" to Message when a candidate is close.
std::string withSuggestion(std::string Message, std::string_view Word,
                           const std::vector<std::string> &Candidates);

/// Matches a qualified C++ name against a glob: '*' matches any run of
/// characters within one name component (never "::"), '**' matches across
/// components, '?' one character. A pattern without "::" at its start matches
/// names in any namespace ("Customer::email" matches "shop::Customer::email").
/// A trailing "()" is ignored on both sides, so "net::peer()" names the function.
bool matchQualifiedName(std::string_view Pattern, std::string_view Name);

} // namespace pdflow

#endif
