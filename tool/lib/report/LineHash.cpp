#include "pdflow/report/LineHash.h"

#include "llvm/ADT/StringExtras.h"

#include <array>
#include <cstdint>
#include <map>

namespace pdflow {

namespace {

constexpr unsigned BlockSize = 100;
constexpr uint64_t Base = 37;
// The action reads the file as a JavaScript string, so it hashes UTF-16 code
// units; it marks the end of the input with 0xFFFF.
constexpr uint32_t EndOfInput = 0xFFFF;
constexpr uint32_t Replacement = 0xFFFD;

/// UTF-8 to UTF-16 code units, each invalid sequence becoming U+FFFD as in
/// the WHATWG decoder that Node.js uses.
std::vector<uint32_t> utf16Units(llvm::StringRef Text) {
  std::vector<uint32_t> Units;
  Units.reserve(Text.size());
  auto Emit = [&](uint32_t CodePoint) {
    if (CodePoint < 0x10000) {
      Units.push_back(CodePoint);
      return;
    }
    CodePoint -= 0x10000;
    Units.push_back(0xD800 + (CodePoint >> 10));
    Units.push_back(0xDC00 + (CodePoint & 0x3FF));
  };
  uint32_t CodePoint = 0;
  unsigned Needed = 0, Seen = 0;
  uint8_t Lower = 0x80, Upper = 0xBF;
  for (size_t I = 0; I < Text.size(); ++I) {
    uint8_t B = static_cast<uint8_t>(Text[I]);
    if (Needed == 0) {
      if (B <= 0x7F) {
        Emit(B);
      } else if (B >= 0xC2 && B <= 0xDF) {
        Needed = 1;
        CodePoint = B & 0x1F;
      } else if (B >= 0xE0 && B <= 0xEF) {
        Lower = B == 0xE0 ? 0xA0 : 0x80;
        Upper = B == 0xED ? 0x9F : 0xBF;
        Needed = 2;
        CodePoint = B & 0x0F;
      } else if (B >= 0xF0 && B <= 0xF4) {
        Lower = B == 0xF0 ? 0x90 : 0x80;
        Upper = B == 0xF4 ? 0x8F : 0xBF;
        Needed = 3;
        CodePoint = B & 0x07;
      } else {
        Emit(Replacement);
      }
      continue;
    }
    if (B < Lower || B > Upper) {
      // The sequence is cut short: replace it, then read B afresh.
      Needed = Seen = CodePoint = 0;
      Lower = 0x80;
      Upper = 0xBF;
      Emit(Replacement);
      --I;
      continue;
    }
    Lower = 0x80;
    Upper = 0xBF;
    CodePoint = (CodePoint << 6) | (B & 0x3F);
    if (++Seen == Needed) {
      Emit(CodePoint);
      Needed = Seen = CodePoint = 0;
    }
  }
  if (Needed != 0)
    Emit(Replacement);
  return Units;
}

/// The rolling hash over a window of BlockSize characters; arithmetic wraps
/// modulo 2^64 as the action's 64-bit Long does.
class RollingHasher {
public:
  explicit RollingHasher(std::vector<std::string> &Out) : Out(Out) {
    for (unsigned I = 0; I < BlockSize; ++I)
      FirstMod *= Base;
  }

  void add(uint32_t C) {
    if (C == ' ' || C == '\t' || (PrevCR && C == '\n')) {
      PrevCR = false;
      return;
    }
    PrevCR = C == '\r';
    if (PrevCR)
      C = '\n';
    if (LineAt[Index] != 0)
      emit();
    if (LineStart) {
      LineStart = false;
      LineAt[Index] = ++Line;
    }
    LineStart = C == '\n';
    roll(C);
  }

  void finish() {
    add(EndOfInput);
    for (unsigned I = 0; I < BlockSize; ++I) {
      if (LineAt[Index] != 0)
        emit();
      roll(0);
    }
  }

private:
  std::vector<std::string> &Out;
  std::array<uint32_t, BlockSize> Window{};
  std::array<unsigned, BlockSize> LineAt{}; // line starting at each slot, 0 for none
  uint64_t Hash = 0;
  uint64_t FirstMod = 1;
  unsigned Index = 0;
  unsigned Line = 0;
  bool LineStart = true;
  bool PrevCR = false;
  std::map<uint64_t, unsigned> Counts;

  void roll(uint32_t C) {
    uint32_t Leaving = Window[Index];
    Window[Index] = C;
    Hash = Base * Hash + C - FirstMod * Leaving;
    Index = (Index + 1) % BlockSize;
  }

  void emit() {
    unsigned L = LineAt[Index];
    if (Out.size() < L)
      Out.resize(L);
    Out[L - 1] = llvm::utohexstr(Hash, /*LowerCase=*/true) + ":" + std::to_string(++Counts[Hash]);
    LineAt[Index] = 0;
  }
};

} // namespace

std::vector<std::string> lineHashes(llvm::StringRef Text) {
  std::vector<std::string> Out;
  RollingHasher H(Out);
  for (uint32_t C : utf16Units(Text))
    H.add(C);
  H.finish();
  return Out;
}

} // namespace pdflow
