#include "YamlText.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"

namespace pdflow::yamltext {

namespace {

/// Words YAML 1.1 readers turn into booleans or null.
bool isReservedWord(llvm::StringRef S) {
  for (const char *W : {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"})
    if (S.equals_insensitive(W))
      return true;
  return false;
}

bool isPlainSafe(llvm::StringRef S, bool InFlow) {
  if (S.empty() || isReservedWord(S) || S.front() == ' ' || S.back() == ' ')
    return false;
  if (!llvm::isAlpha(S.front()) && S.front() != '_' && static_cast<unsigned char>(S.front()) < 0x80)
    return false;
  for (size_t I = 0; I < S.size(); ++I) {
    char C = S[I];
    auto U = static_cast<unsigned char>(C);
    if (U >= 0x80 || llvm::isAlnum(C))
      continue;
    switch (C) {
    case '_':
    case '.':
    case '/':
    case '-':
    case '+':
    case '(':
    case ')':
    case '\'':
    case '@':
    case ';':
    case '=':
      continue;
    case ':': // "a::b", "file:12:3"; never ": " nor a final ':'
      if (I + 1 < S.size() && S[I + 1] != ' ')
        continue;
      return false;
    case ' ':
    case ',':
      if (!InFlow)
        continue;
      return false;
    default:
      return false;
    }
  }
  return true;
}

std::string doubleQuoted(llvm::StringRef S) {
  std::string Out = "\"";
  for (char C : S) {
    auto U = static_cast<unsigned char>(C);
    switch (C) {
    case '"':
      Out += "\\\"";
      break;
    case '\\':
      Out += "\\\\";
      break;
    case '\n':
      Out += "\\n";
      break;
    case '\t':
      Out += "\\t";
      break;
    case '\r':
      Out += "\\r";
      break;
    default:
      if (U < 0x20 || U == 0x7F) {
        Out += "\\x";
        Out += llvm::hexdigit(U >> 4);
        Out += llvm::hexdigit(U & 15);
      } else {
        Out += C;
      }
    }
  }
  return Out + "\"";
}

} // namespace

std::string scalar(const std::string &S, bool InFlow) {
  std::string Text = llvm::json::isUTF8(S) ? S : llvm::json::fixUTF8(S);
  return isPlainSafe(Text, InFlow) ? Text : doubleQuoted(Text);
}

std::string flowList(const std::vector<std::string> &Items) {
  std::string Out = "[";
  for (size_t I = 0; I < Items.size(); ++I)
    Out += (I ? ", " : "") + scalar(Items[I], /*InFlow=*/true);
  return Out + "]";
}

} // namespace pdflow::yamltext
