// primaryLocationLineHash as GitHub computes it. The expected values are the
// test vectors of github/codeql-action (src/fingerprints.test.ts), so that a
// hash pdflow writes is the one the upload-sarif action would compute.
#include "pdflow/report/LineHash.h"

#include <gtest/gtest.h>

using namespace pdflow;

namespace {

using Hashes = std::vector<std::string>;

TEST(LineHashTest, EmptyFile) { EXPECT_EQ(lineHashes(""), Hashes{"c129715d7a2bc9a3:1"}); }

TEST(LineHashTest, SkipsSpacesAndTabs) {
  EXPECT_EQ(lineHashes(" a\nb\n  \t\tc\n d"), (Hashes{"271789c17abda88f:1", "54703d4cd895b18:1",
                                                      "180aee12dab6264:1", "a23a3dc5e078b07b:1"}));
}

TEST(LineHashTest, NormalisesEveryKindOfLineEnd) {
  const Hashes Expected = {"e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1",
                           "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1",
                           "c129715d7a2bc9a3:1"};
  EXPECT_EQ(lineHashes(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n"), Expected);
  EXPECT_EQ(lineHashes(" hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r"), Expected);
  EXPECT_EQ(lineHashes(" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n"), Expected);
  EXPECT_EQ(lineHashes(" hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n"), Expected);
  EXPECT_EQ(lineHashes(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End"),
            (Hashes{"8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1",
                    "c6805c5e1288b612:1", "b86d3392aea1be30:1", "e6ceba753e1a442:1"}));
}

TEST(LineHashTest, NumbersRepeatedHashes) {
  std::string Text;
  for (int I = 0; I < 10; ++I)
    Text += "Lorem ipsum dolor sit amet.\n";
  EXPECT_EQ(lineHashes(Text),
            (Hashes{"a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3",
                    "a7f2ff13bc495cf2:4", "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6",
                    "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1", "55ec222b86bcae53:1",
                    "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"}));
}

TEST(LineHashTest, HashesUtf16UnitsAndReplacesInvalidBytes) {
  // U+00E9 is one UTF-16 unit, U+1F600 two; a stray byte is U+FFFD.
  Hashes Accent = lineHashes("caf\xc3\xa9\n");
  Hashes Emoji = lineHashes("\xf0\x9f\x98\x80\n");
  Hashes Stray = lineHashes("caf\xe9\n");
  Hashes Replaced = lineHashes("caf\xef\xbf\xbd\n");
  ASSERT_EQ(Accent.size(), 2u);
  EXPECT_NE(Accent[0], lineHashes("cafe\n")[0]);
  EXPECT_EQ(Stray, Replaced);
  EXPECT_NE(Emoji[0], lineHashes("\xef\xbf\xbd\n")[0]);
}

} // namespace
