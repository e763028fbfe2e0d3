#include "pdflow/model/Trail.h"

#include <gtest/gtest.h>

#include <cstdint>

using namespace pdflow;

namespace {

FlowStep step(unsigned Line, std::string What = "step") {
  return {{"a.cpp", Line, 1}, std::move(What)};
}

std::vector<unsigned> lines(const Trail &T) {
  std::vector<unsigned> Out;
  for (const FlowStep &S : T.steps())
    Out.push_back(S.Loc.Line);
  return Out;
}

} // namespace

TEST(TrailTest, StepsComeBackInOrder) {
  Trail T{step(1), step(2)};
  Trail U;
  U.push_back(step(3));
  T.append(U);
  T.push_back(step(4));
  EXPECT_EQ(lines(T), (std::vector<unsigned>{1, 2, 3, 4}));
  EXPECT_EQ(T.size(), 4u);
  EXPECT_EQ(T.back().Loc.Line, 4u);
}

TEST(TrailTest, AppendingSharesAndLeavesTheOriginalAlone) {
  Trail Callee{step(10), step(11)};
  Trail A{step(1)}, B{step(2)};
  A.append(Callee);
  B.append(Callee);
  Callee.push_back(step(12));
  EXPECT_EQ(lines(A), (std::vector<unsigned>{1, 10, 11}));
  EXPECT_EQ(lines(B), (std::vector<unsigned>{2, 10, 11}));
  EXPECT_EQ(lines(Callee), (std::vector<unsigned>{10, 11, 12}));
}

TEST(TrailTest, ARepeatedStepIsShownOnce) {
  Trail T{step(1)};
  T.append(Trail{step(1), step(2)});
  T.push_back(step(2));
  EXPECT_EQ(lines(T), (std::vector<unsigned>{1, 2}));
}

TEST(TrailTest, ALongTrailKeepsItsStartAndItsEnd) {
  Trail T;
  for (unsigned I = 1; I <= 100; ++I)
    T.push_back(step(I));
  std::vector<unsigned> L = lines(T);
  ASSERT_EQ(L.size(), Trail::MaxSteps);
  EXPECT_EQ(L.front(), 1u);
  EXPECT_EQ(L[Trail::MaxSteps / 2 - 1], Trail::MaxSteps / 2);
  EXPECT_EQ(L[Trail::MaxSteps / 2], 100 - (Trail::MaxSteps - Trail::MaxSteps / 2) + 1);
  EXPECT_EQ(L.back(), 100u);
}

TEST(TrailTest, AShareHeavyTrailIsShownWithoutWalkingAllItStandsFor) {
  // Doubling by appending a trail to itself: 2^71 steps stood for, a few
  // dozen nodes stored, and the shown steps are still its first and last.
  Trail T{step(1), step(2)};
  for (int I = 0; I < 70; ++I) {
    Trail Copy = T;
    T.append(Copy);
  }
  EXPECT_EQ(T.size(), SIZE_MAX); // saturated, not wrapped round
  std::vector<FlowStep> S = T.steps();
  EXPECT_EQ(S.size(), Trail::MaxSteps);
  EXPECT_EQ(S.front().Loc.Line, 1u);
  EXPECT_EQ(S.back().Loc.Line, 2u);
}

TEST(TrailTest, ThousandsOfAppendsStayShallow) {
  // One step appended per call level of a deep chain: freeing the rope must
  // not recurse once per append.
  Trail T;
  for (unsigned I = 0; I < 100000; ++I)
    T.push_back(step(I % 7 + 1, "level " + std::to_string(I)));
  EXPECT_EQ(T.steps().size(), Trail::MaxSteps);
  EXPECT_EQ(T.back().What, "level 99999");
}

TEST(TrailTest, EqualityIsOnTheShownSteps) {
  Trail A{step(1), step(2)};
  Trail B{step(1)};
  B.push_back(step(2));
  EXPECT_EQ(A, B);
  B.push_back(step(3));
  EXPECT_FALSE(A == B);
}
