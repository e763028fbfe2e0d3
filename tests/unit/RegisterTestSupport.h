//===- RegisterTestSupport.h - A hand-built model for register tests -----===//
//
// A small shop: billing sends e-mails to Mailchimp (a declared processor,
// US, scc) and IP addresses to Stripe (US, dpf), logs e-mails masked;
// support stores health notes encrypted and texts them to TextBlast (India,
// no safeguard); analytics sends anonymised cities to Metricly; a debug dump
// exports e-mails under no activity; "legacy" is named in code only.
//
//===----------------------------------------------------------------------===//
#ifndef PDFLOW_TESTS_UNIT_REGISTERTESTSUPPORT_H
#define PDFLOW_TESTS_UNIT_REGISTERTESTSUPPORT_H

#include "pdflow/model/Model.h"
#include "pdflow/register/Register.h"

#include <algorithm>
#include <memory>

namespace pdflow::test {

struct RegisterFixture {
  Taxonomy Tax = Taxonomy::builtin();
  Config Cfg;
  Model M;

  RegisterFixture() {
    Cfg.Path = ".pdflow.yaml";
    Cfg.Ctrl.Name = "Acme SAS";
    Cfg.Ctrl.Contact = "privacy@acme.example";
    Cfg.Ctrl.Dpo = Party{"Jane Doe", "dpo@acme.example"};
    Cfg.SecurityMeasures = {"TLS 1.3 everywhere"};
    Cfg.Activities = {
        activity("billing", "Billing", {"billing"}, "contract", {"customer"}, "P10Y", 10),
        activity("support", "Support", {"support"}, "legitimate-interests", {"employee"}, "", 20),
        activity("analytics", "Analytics", {"analytics"}, "consent", {"customer"}, "P13M", 30)};
    Cfg.Recipients = {{"Mailchimp", RecipientRole::Processor, "DPA 2024", {".pdflow.yaml", 40, 5}}};
    M.Cfg = &Cfg;
    M.Tax = &Tax;
    M.Elements = {
        element("e.email", "shop::Customer::email", "contact.email", "customer", "P3Y",
                AnnotationOrigin::Code, {"src/Customer.h", 12, 3}),
        element("e.geo", "geo::Record::city", "location.approximate", "customer", "",
                AnnotationOrigin::SideAnnotation, {"vendor/geo.h", 7, 15}),
        element("e.health", "shop::Customer::allergies", "special.health", "customer", "",
                AnnotationOrigin::Code, {"src/Customer.h", 14, 3}),
        element("e.ip", "net::Session::peer()", "online.ip_address", "", "P1Y",
                AnnotationOrigin::SideAnnotation, {"src/Net.h", 4, 15}),
    };
    M.Flows = {
        flow("e.email", {"src/Billing.cpp", 40, 5},
             sink(SinkKind::ThirdParty, "Mail::send", "Mailchimp", "US", Safeguard::Scc),
             {"billing"}),
        flow("e.email", {"src/Billing.cpp", 41, 5}, sink(SinkKind::Log, "spdlog::info"),
             {"billing"}, {TransformEffect::Redact},
             FlowStep{{"src/Billing.cpp", 41, 20}, "redactd by 'shop::maskEmail'"}),
        flow("e.ip", {"src/Billing.cpp", 50, 3},
             sink(SinkKind::ThirdParty, "Stripe::charge", "Stripe", "US", Safeguard::Dpf),
             {"billing"}),
        flow("e.health", {"src/Support.cpp", 20, 9}, sink(SinkKind::Storage, "sqlite3_bind_text"),
             {"support"}, {TransformEffect::Encrypt},
             FlowStep{{"src/Support.cpp", 19, 30}, "encryptd by 'shop::Cipher::encrypt'"}),
        flow("e.health", {"src/Support.cpp", 25, 3},
             sink(SinkKind::ThirdParty, "Sms::send", "TextBlast", "IN", Safeguard::None),
             {"support"}),
        flow("e.geo", {"src/Analytics.cpp", 9, 3},
             sink(SinkKind::ThirdParty, "Metricly::send", "Metricly", "DE"), {"analytics"},
             {TransformEffect::Anonymize},
             FlowStep{{"src/Analytics.cpp", 8, 12}, "anonymized by 'shop::coarsen'"}),
        flow("e.email", {"src/Debug.cpp", 5, 3}, sink(SinkKind::Export, "std::ofstream"), {}),
    };
    M.Uses = {{"e.geo", {"src/Analytics.cpp", 7, 10}, "shop::Analytics::track", {"analytics"}}};
    M.ActivityEntries = {{"billing", {"src/Billing.cpp", 30, 1}},
                         {"legacy", {"src/Legacy.cpp", 5, 1}}};
  }

  static ActivityDecl activity(std::string Id, std::string Name, std::vector<std::string> Purposes,
                               std::string Basis, std::vector<std::string> Subjects,
                               std::string Retention, unsigned Line) {
    ActivityDecl A;
    A.Id = std::move(Id);
    A.Name = std::move(Name);
    A.Purposes = std::move(Purposes);
    A.LegalBasis = std::move(Basis);
    A.Subjects = std::move(Subjects);
    A.Retention = std::move(Retention);
    A.Loc = {".pdflow.yaml", Line, 5};
    return A;
  }

  static DataElement element(std::string Id, std::string Name, std::string Category,
                             std::string Subject, std::string Retention, AnnotationOrigin Origin,
                             SourceLoc Loc) {
    DataElement E;
    E.Id = std::move(Id);
    E.QualifiedName = std::move(Name);
    E.Spec.Category = std::move(Category);
    E.Spec.Subject = std::move(Subject);
    E.Spec.Retention = std::move(Retention);
    E.Origin = Origin;
    E.Loc = std::move(Loc);
    return E;
  }

  static SinkRef sink(SinkKind Kind, std::string Function, std::string Recipient = "",
                      std::string Country = "", Safeguard Guard = Safeguard::Unspecified) {
    SinkRef S;
    S.Kind = Kind;
    S.Function = std::move(Function);
    S.Recipient = std::move(Recipient);
    S.Country = std::move(Country);
    S.Guard = Guard;
    return S;
  }

  static Flow flow(std::string Element, SourceLoc At, SinkRef Sink,
                   std::vector<std::string> Activities, std::vector<TransformEffect> Effects = {},
                   std::optional<FlowStep> TransformStep = std::nullopt) {
    Flow F;
    F.ElementId = std::move(Element);
    F.SinkLoc = At;
    F.Function = "shop::f";
    F.Sink = std::move(Sink);
    F.Activities = std::move(Activities);
    F.Transforms = std::move(Effects);
    if (TransformStep)
      F.Steps.push_back(*TransformStep);
    F.Steps.push_back({At, "passed to '" + F.Sink.Function + "'"});
    return F;
  }

  static DataElement inferred(std::string Id, std::string Name, std::string Category, SourceLoc Loc,
                              Inference Why) {
    DataElement E = element(std::move(Id), std::move(Name), std::move(Category), "", "",
                            AnnotationOrigin::Inferred, std::move(Loc));
    E.Inferred = std::move(Why);
    return E;
  }

  /// Data pdflow only inferred (discovery): a phone number stored under
  /// billing (found by its key), health notes sent abroad under support, a
  /// second e-mail (a category billing has confirmed) and a card number
  /// logged under no activity (both found by their names; the card's
  /// declaration takes no fix-it).
  void addInferredData() {
    M.Elements.push_back(
        inferred("i.phone", "app::save::v", "contact.phone", {"src/Db.cpp", 40, 15},
                 {85, "key \"phone\"", {"src/Db.cpp", 40, 3}, {"src/Db.cpp", 42, 7}}));
    M.Elements.push_back(inferred("i.notes", "app::Ticket::healthNotes", "special.health",
                                  {"src/Ticket.h", 9, 15},
                                  {85, "name has 'health'", {"src/Ticket.h", 9, 3}, {}}));
    M.Elements.push_back(inferred("i.mail", "app::Lead::email", "contact.email",
                                  {"src/Lead.h", 5, 15},
                                  {90, "name has 'email'", {"src/Lead.h", 5, 3}, {}}));
    M.Elements.push_back(inferred("i.card", "app::pay(pan)", "financial.payment_card",
                                  {"src/Pay.cpp", 3, 30}, {70, "name is 'pan'", {}, {}}));
    M.Flows.push_back(flow("i.phone", {"src/Db.cpp", 44, 3},
                           sink(SinkKind::Storage, "sqlite3_exec"), {"billing"}));
    M.Flows.push_back(flow(
        "i.notes", {"src/Support.cpp", 30, 3},
        sink(SinkKind::ThirdParty, "Sms::send", "TextBlast", "IN", Safeguard::None), {"support"}));
    M.Flows.push_back(
        flow("i.card", {"src/Pay.cpp", 8, 3}, sink(SinkKind::Log, "spdlog::info"), {}));
    M.Uses.push_back({"i.mail", {"src/Billing.cpp", 33, 7}, "shop::Billing::run", {"billing"}});
    std::sort(M.Elements.begin(), M.Elements.end(),
              [](const DataElement &A, const DataElement &B) { return A.Id < B.Id; });
  }
};

} // namespace pdflow::test

#endif
