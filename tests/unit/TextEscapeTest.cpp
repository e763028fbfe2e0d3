// Text output never copies raw control bytes from code or config, and what
// it escapes can be read back (issue 11, defect 5); messages that echo user
// text stay short and quick (defect 16).

#include "pdflow/report/Report.h"
#include "pdflow/support/Diagnostics.h"
#include "pdflow/support/Text.h"

#include <gtest/gtest.h>

using namespace pdflow;

namespace {

/// Reverses escapeNonPrintable: the escapes it writes are C's.
std::string unescape(const std::string &S) {
  std::string Out;
  auto Hex = [&](size_t At, size_t N) { return std::stoul(S.substr(At, N), nullptr, 16); };
  for (size_t I = 0; I < S.size(); ++I) {
    if (S[I] != '\\') {
      Out += S[I];
      continue;
    }
    char K = S[++I];
    if (K == 'n')
      Out += '\n';
    else if (K == 'r')
      Out += '\r';
    else if (K == 't')
      Out += '\t';
    else if (K == '\\')
      Out += '\\';
    else if (K == 'x') {
      Out += static_cast<char>(Hex(I + 1, 2));
      I += 2;
    } else if (K == 'u') {
      unsigned long CP = Hex(I + 1, 4);
      I += 4;
      if (CP < 0x800) {
        Out += static_cast<char>(0xC0 | (CP >> 6));
      } else {
        Out += static_cast<char>(0xE0 | (CP >> 12));
        Out += static_cast<char>(0x80 | ((CP >> 6) & 0x3F));
      }
      Out += static_cast<char>(0x80 | (CP & 0x3F));
    }
  }
  return Out;
}

bool allPrintable(const std::string &S) {
  for (unsigned char C : S)
    if (C < 0x20 || C == 0x7F)
      return false;
  return true;
}

TEST(EscapeTest, PrintableTextIsUnchanged) {
  EXPECT_EQ(escapeNonPrintable("shop::Customer::email_"), "shop::Customer::email_");
  EXPECT_EQ(escapeNonPrintable("Müller, 東京 & Ωmega"), "Müller, 東京 & Ωmega");
}

TEST(EscapeTest, ControlBytesAreEscaped) {
  EXPECT_EQ(escapeNonPrintable("Evil \x1b[2J\nCorp"), "Evil \\x1b[2J\\nCorp");
  EXPECT_EQ(escapeNonPrintable("a\tb\rc\x7f"), "a\\tb\\rc\\x7f");
  EXPECT_EQ(escapeNonPrintable(std::string("nul\0byte", 8)), "nul\\x00byte");
  EXPECT_EQ(escapeNonPrintable("back\\slash"), "back\\\\slash");
}

TEST(EscapeTest, InvisibleUnicodeControlsAreEscaped) {
  // U+009B (C1 CSI), U+202E (right-to-left override), U+2028 (line separator).
  EXPECT_EQ(escapeNonPrintable("a\xc2\x9b!"), "a\\u009b!");
  EXPECT_EQ(escapeNonPrintable("admin\xe2\x80\xaegnp.exe"), "admin\\u202egnp.exe");
  EXPECT_EQ(escapeNonPrintable("x\xe2\x80\xa8y"), "x\\u2028y");
}

TEST(EscapeTest, InvalidUtf8IsEscapedByteByByte) {
  // Latin-1 "é", a lone continuation byte, an overlong '/', a surrogate.
  EXPECT_EQ(escapeNonPrintable("caf\xe9.cpp"), "caf\\xe9.cpp");
  EXPECT_EQ(escapeNonPrintable("\x80"), "\\x80");
  EXPECT_EQ(escapeNonPrintable("\xc0\xaf"), "\\xc0\\xaf");
  EXPECT_EQ(escapeNonPrintable("\xed\xa0\x80"), "\\xed\\xa0\\x80");
  EXPECT_EQ(escapeNonPrintable("\xe2\x82"), "\\xe2\\x82"); // truncated character
}

TEST(EscapeTest, EscapingRoundTrips) {
  const std::string Samples[] = {
      "plain",     "caf\xe9/\xff\xfe.cpp", "Evil \x1b[2J\nCorp",     "a\\x41", "\\\\",
      "tab\there", "\xc2\x9b\xe2\x80\xae", std::string("\0\x01", 2), "Müller",
  };
  for (const std::string &S : Samples) {
    std::string E = escapeNonPrintable(S);
    EXPECT_TRUE(allPrintable(E)) << E;
    EXPECT_EQ(unescape(E), S) << E;
  }
}

TEST(EscapeTest, JsonKeepsValidUtf8AndEscapesOnlyInvalidBytes) {
  EXPECT_EQ(escapeInvalidUtf8("Müller \x1b\\n"), "Müller \x1b\\n"); // valid: JSON escapes it
  EXPECT_EQ(escapeInvalidUtf8("caf\xe9\\x.cpp"), "caf\\xe9\\\\x.cpp");
  EXPECT_EQ(unescape(escapeInvalidUtf8("caf\xe9\\x.cpp")), "caf\xe9\\x.cpp");
}

TEST(EscapeTest, DiagnosticsEscapeEveryField) {
  Diagnostic D{Severity::Warning,
               {"caf\xe9.cpp", 3, 5},
               "recipient 'Evil \x1b[2J\nCorp'",
               "personal-data-in-logs",
               {{{"b\nc.cpp", 2, 1}, "read \x07here"}},
               {}};
  EXPECT_EQ(formatDiagnostic(D),
            "caf\\xe9.cpp:3:5: warning: recipient 'Evil \\x1b[2J\\nCorp' [personal-data-in-logs]\n"
            "b\\nc.cpp:2:1: note: read \\x07here\n");
}

TEST(EscapeTest, ColouredDiagnosticsKeepTheirOwnEscapes) {
  Diagnostic D{Severity::Error, {"a.cpp", 1, 1}, "x\x1b[2Jy", "", {}, {}};
  std::string Out = formatDiagnostic(D, /*Color=*/true);
  EXPECT_NE(Out.find("x\\x1b[2Jy"), std::string::npos);
  EXPECT_EQ(Out.find("\x1b[2J"), std::string::npos);
  EXPECT_NE(Out.find("\033[1;31m"), std::string::npos); // the colours themselves stay
}

TEST(EscapeTest, InventoryAndFlowsEscapeCodeText) {
  Model M;
  DataElement E;
  E.Id = "c:@S@C@FI@x";
  E.QualifiedName = "C::x";
  E.Loc = {"d\xe9j\xe0.h", 4, 3};
  E.Spec.Category = "contact.email";
  E.Spec.Source = "form\n\x1b[31mfake line";
  M.Elements.push_back(E);
  Flow F;
  F.ElementId = E.Id;
  F.SinkLoc = {"a.cpp", 9, 2};
  F.Sink.Kind = SinkKind::ThirdParty;
  F.Sink.Recipient = "Evil \x1b[2J\nCorp";
  F.Sink.Function = "send";
  F.Steps.push_back({{"a.cpp", 8, 1}, "read 'x\ny'"});
  M.Flows.push_back(F);

  std::string Inventory = renderInventoryText(M);
  EXPECT_NE(
      Inventory.find("d\\xe9j\\xe0.h:4:3: C::x contact.email source=form\\n\\x1b[31mfake line"),
      std::string::npos)
      << Inventory;
  EXPECT_EQ(std::count(Inventory.begin(), Inventory.end(), '\n'), 2) << Inventory;

  std::string Flows = renderFlowsText(M);
  EXPECT_NE(Flows.find("third-party 'Evil \\x1b[2J\\nCorp'"), std::string::npos) << Flows;
  EXPECT_NE(Flows.find("read 'x\\ny'"), std::string::npos) << Flows;
  for (char C : Flows)
    EXPECT_TRUE(C == '\n' || static_cast<unsigned char>(C) >= 0x20) << Flows;
}

TEST(EscapeTest, JsonReportsKeepNonUtf8FileNamesRecoverable) {
  Model M;
  DataElement E;
  E.Id = "id";
  E.QualifiedName = "C::x";
  E.Loc = {"caf\xe9.h", 1, 1};
  E.Spec.Category = "contact.email";
  E.Spec.Source = "Evil \x1b[2J";
  M.Elements.push_back(E);
  std::string Json = renderInventoryJson(M);
  // The byte is escaped in the string (as \xe9, JSON-encoded), not replaced
  // by U+FFFD; control characters get JSON's own escapes.
  EXPECT_NE(Json.find(R"("file": "caf\\xe9.h")"), std::string::npos) << Json;
  EXPECT_EQ(Json.find("\xef\xbf\xbd"), std::string::npos) << Json;
  EXPECT_NE(Json.find(R"("source": "Evil \u001b[2J")"), std::string::npos) << Json;
}

TEST(MessageCapTest, LongUserTextIsCut) {
  EXPECT_EQ(quoteForMessage("contact.emial"), "'contact.emial'");
  std::string Long(200000, 'a');
  std::string Q = quoteForMessage(Long);
  EXPECT_LT(Q.size(), 100u);
  EXPECT_EQ(Q, "'" + std::string(60, 'a') + "...' (200000 bytes)");
  // Never half a UTF-8 character: byte 60 is inside an 'é' here.
  std::string Accents = "a";
  for (int I = 0; I < 40; ++I)
    Accents += "\xc3\xa9";
  EXPECT_EQ(quoteForMessage(Accents), "'" + Accents.substr(0, 59) + "...' (81 bytes)");
}

TEST(MessageCapTest, DidYouMeanStillFindsCloseCandidatesAmongFarOnes) {
  // Candidates far longer or shorter than the word are skipped unmeasured;
  // close ones of every length are still found.
  std::vector<std::string> Candidates;
  for (int I = 0; I < 300; ++I)
    Candidates.push_back("category.number_" + std::to_string(I));
  EXPECT_EQ(closestMatch("category.number_7x", Candidates), "category.number_7");
  EXPECT_EQ(closestMatch("category.numbr_299", Candidates), "category.number_299");
  EXPECT_EQ(closestMatch(std::string(200000, 'x'), Candidates), std::nullopt);
}

} // namespace
