#include "Markup.h"

#include "llvm/Support/JSON.h"

namespace pdflow::markup {

namespace {
std::string validUtf8(const std::string &S) {
  return llvm::json::isUTF8(S) ? S : llvm::json::fixUTF8(S);
}
} // namespace

std::string escapeXml(const std::string &S) {
  std::string Out;
  for (char C : validUtf8(S)) {
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '"':
      Out += "&quot;";
      break;
    case '\'':
      Out += "&#39;";
      break;
    default:
      if (static_cast<unsigned char>(C) < 0x20 && C != '\n' && C != '\t')
        continue;
      Out += C;
    }
  }
  return Out;
}

std::string escapeMarkdown(const std::string &S) {
  std::string Out;
  for (char C : validUtf8(S)) {
    if (C == '\n' || C == '\r') {
      Out += ' ';
      continue;
    }
    bool Special = std::string("\\`*_[]<>|#~").find(C) != std::string::npos;
    bool Leading = Out.empty() && std::string("+-=").find(C) != std::string::npos;
    if (Special || Leading)
      Out += '\\';
    Out += C;
  }
  return Out;
}

std::string truncate(const std::string &S, size_t Max) {
  std::string Text = validUtf8(S);
  auto IsStart = [](char C) { return (static_cast<unsigned char>(C) & 0xC0) != 0x80; };
  size_t Chars = 0;
  for (char C : Text)
    Chars += IsStart(C);
  if (Chars <= Max || Max == 0)
    return Text;
  // Keep Max - 1 characters and the ellipsis.
  size_t Kept = 0, I = 0;
  for (; I < Text.size(); ++I)
    if (IsStart(Text[I]) && Kept++ == Max - 1)
      break;
  return Text.substr(0, I) + "\xE2\x80\xA6"; // …
}

} // namespace pdflow::markup
