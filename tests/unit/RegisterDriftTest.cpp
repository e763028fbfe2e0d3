// --check: what counts as a change in the processing, and how it reads.

#include "RegisterTestSupport.h"

#include "pdflow/register/RegisterDrift.h"

#include <gtest/gtest.h>

#include <functional>

using namespace pdflow;

namespace {

using Lines = std::vector<std::string>;

class RegisterDriftTest : public ::testing::Test, public test::RegisterFixture {
protected:
  Lines driftAfter(const std::function<void()> &Change) {
    Register Before = buildRegister(M);
    Change();
    return registerDrift(Before, buildRegister(M));
  }
};

TEST_F(RegisterDriftTest, SameProcessingNoDrift) {
  EXPECT_EQ(driftAfter([] {}), Lines{});
}

TEST_F(RegisterDriftTest, CodeThatMovesIsNoDrift) {
  EXPECT_EQ(driftAfter([&] {
              for (DataElement &E : M.Elements)
                E.Loc.Line += 3;
              for (Flow &F : M.Flows) {
                F.SinkLoc.Line += 7;
                for (FlowStep &S : F.Steps)
                  S.Loc.Line += 7;
              }
              for (auto &[Id, Loc] : M.ActivityEntries)
                Loc.Line += 2;
              // and a second call to an existing recipient is no new recipient
              Flow Again = M.Flows[0];
              Again.SinkLoc = {"src/Other.cpp", 3, 3};
              M.Flows.push_back(Again);
            }),
            Lines{});
}

TEST_F(RegisterDriftTest, InferredDataIsNoDriftUntilConfirmed) {
  // A guess from a name changes nothing the controller declares.
  EXPECT_EQ(driftAfter([&] { addInferredData(); }), Lines{});
  // Confirmed by an annotation, the phone number joins the register: that
  // is a change to review.
  Lines Drift = driftAfter([&] {
    for (DataElement &E : M.Elements)
      if (E.Id == "i.phone")
        E.Origin = AnnotationOrigin::Code;
  });
  EXPECT_EQ(Drift, (Lines{"activity 'billing': new category contact.phone (app::save::v), "
                          "src/Db.cpp:44:3",
                          "activity 'billing': new recipient 'sqlite3_exec' (storage) receives "
                          "contact.phone, src/Db.cpp:44:3"}));
}

TEST_F(RegisterDriftTest, NewRecipientReadsLikeTheIssue) {
  Cfg.Activities.push_back(
      activity("newsletter", "Newsletter", {"newsletter"}, "consent", {"customer"}, "P3Y", 50));
  Lines Drift = driftAfter([&] {
    M.Flows.push_back(flow("e.email", {"src/services/Newsletter.cpp", 31, 5},
                           sink(SinkKind::ThirdParty, "Mail::send", "Mailchimp", "US"),
                           {"newsletter"}));
  });
  EXPECT_EQ(Drift, (Lines{"activity 'newsletter': new category contact.email "
                          "(shop::Customer::email), src/services/Newsletter.cpp:31:5",
                          "activity 'newsletter': new recipient 'Mailchimp' (US, no safeguard) "
                          "receives contact.email, src/services/Newsletter.cpp:31:5"}));
}

TEST_F(RegisterDriftTest, NewCategoryAndMoreDataToARecipient) {
  Lines Drift = driftAfter([&] {
    M.Flows.push_back(flow(
        "e.health", {"src/Billing.cpp", 60, 3},
        sink(SinkKind::ThirdParty, "Mail::send", "Mailchimp", "US", Safeguard::Scc), {"billing"}));
  });
  EXPECT_EQ(Drift, (Lines{"activity 'billing': new category special.health "
                          "(shop::Customer::allergies), src/Billing.cpp:60:3",
                          "activity 'billing': recipient 'Mailchimp' now receives special.health, "
                          "src/Billing.cpp:60:3",
                          "activity 'billing': impact assessment now likely required "
                          "(special-categories: special.health; special-data-transfer: Mailchimp "
                          "(US))"}));
}

TEST_F(RegisterDriftTest, RemovedActivityAndDeclaredChanges) {
  Lines Drift = driftAfter([&] {
    Cfg.Activities.erase(Cfg.Activities.begin() + 1); // support
    for (Flow &F : M.Flows)
      if (F.Activities == Lines{"support"})
        F.Activities = {"analytics"};
    Cfg.Activities[0].LegalBasis = "consent";
    Cfg.Activities[0].Retention = "P5Y";
    Cfg.Ctrl.Dpo = Party{"John Roe", "dpo@acme.example"};
    Cfg.SecurityMeasures.push_back("Backups encrypted");
  });
  EXPECT_EQ(Drift[0], "controller: data protection officer changed from Jane Doe "
                      "<dpo@acme.example> to John Roe <dpo@acme.example>");
  EXPECT_EQ(Drift[1], "new security measure 'Backups encrypted'");
  EXPECT_EQ(Drift[2], "activity 'support' removed");
  EXPECT_EQ(Drift[3], "activity 'billing': legal basis changed from contract to consent");
  EXPECT_EQ(Drift[4], "activity 'billing': retention changed from P10Y to P5Y");
}

TEST_F(RegisterDriftTest, SafeguardsAndMeasures) {
  Lines Drift = driftAfter([&] {
    M.Flows[0].Sink.Guard = Safeguard::None; // Mailchimp loses its scc
    M.Flows[3].Transforms.clear();           // health stored in clear
    M.Flows[3].Steps.erase(M.Flows[3].Steps.begin());
  });
  EXPECT_EQ(Drift, (Lines{"activity 'billing': recipient 'Mailchimp': safeguard changed from scc "
                          "to no safeguard",
                          "activity 'support': security measure encrypt no longer applied"}));
}

TEST_F(RegisterDriftTest, UnregisteredProcessingComesAndGoes) {
  Lines Drift = driftAfter([&] {
    M.Flows.back().Activities = {"billing"}; // the debug dump now runs under billing
    M.Flows.push_back(flow("e.ip", {"src/Debug.cpp", 9, 3}, sink(SinkKind::Log, "printf"), {}));
  });
  EXPECT_EQ(Drift,
            (Lines{"activity 'billing': new recipient 'std::ofstream' (export) receives "
                   "contact.email, src/Debug.cpp:5:3",
                   "unregistered processing gone: shop::Customer::email (contact.email) reaches "
                   "export 'std::ofstream' in shop::f",
                   "new unregistered processing: net::Session::peer() (online.ip_address) "
                   "reaches log 'printf' in shop::f, src/Debug.cpp:9:3"}));
}

} // namespace
