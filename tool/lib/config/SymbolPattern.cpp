// The symbols of side annotations: a declaration, a function's return value,
// or one of its parameters.
#include "pdflow/config/Config.h"

#include <cctype>

namespace pdflow {

namespace {
bool isIdentifier(const std::string &S) {
  if (S.empty() || std::isdigit(static_cast<unsigned char>(S[0])))
    return false;
  for (char C : S)
    if (!std::isalnum(static_cast<unsigned char>(C)) && C != '_')
      return false;
  return true;
}

bool isIndex(const std::string &S) {
  if (S.empty() || S.size() > 4)
    return false;
  for (char C : S)
    if (!std::isdigit(static_cast<unsigned char>(C)))
      return false;
  return true;
}
} // namespace

std::optional<SymbolPattern> parseSymbolPattern(const std::string &Symbol, std::string &Error) {
  SymbolPattern P;
  P.Glob = Symbol;
  // "(anonymous namespace)" is part of a name, not a parameter list.
  static const std::string Anonymous = "(anonymous namespace)";
  bool EndsAnonymous = Symbol.size() >= Anonymous.size() &&
                       Symbol.compare(Symbol.size() - Anonymous.size(), Anonymous.size(),
                                      Anonymous) == 0;
  if (Symbol.empty() || Symbol.back() != ')' || EndsAnonymous)
    return P;
  size_t Close = Symbol.size() - 1;
  size_t Open = Symbol.rfind('(');
  P.Glob = Symbol.substr(0, Open);
  std::string Inner = Symbol.substr(Open + 1, Close - Open - 1);
  auto Trim = [](std::string S) {
    S.erase(0, S.find_first_not_of(' '));
    S.erase(S.find_last_not_of(' ') + 1);
    return S;
  };
  Inner = Trim(Inner);
  if (Inner.empty()) {
    P.What = SymbolPattern::Target::Return;
    return P;
  }
  P.What = SymbolPattern::Target::Parameter;
  if (Inner[0] == '#' && isIndex(Inner.substr(1))) {
    P.ParamIndex = static_cast<unsigned>(std::stoul(Inner.substr(1)));
    return P;
  }
  if (isIdentifier(Inner)) {
    P.ParamName = Inner;
    return P;
  }
  Error = "malformed symbol '" + Symbol +
          "': inside the parentheses write nothing (the return value), a parameter's name "
          "or #N (its 0-based index), e.g. 'net::login(password)' or 'net::login(#1)'";
  return std::nullopt;
}

} // namespace pdflow
